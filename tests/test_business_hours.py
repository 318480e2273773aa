"""Business hours in the model's own terms: a channel never open at night (Assumptions: 22:00 to
06:00) nor at the weekend (the last two days of a 7-day week) has nothing to split between day
and night, so the staffing chapter shows no "cost of long opening hours" for it."""

from dataclasses import replace

import pytest
from toy_company import PHONE, company

from analysis import staffing
from analysis.model import Assumptions, Hours
from analysis.report.staffing import hours_effect, hours_effect_text
from analysis.staffing import has_premium_hours

RULES = Assumptions()


@pytest.mark.parametrize("hours, premium", [
    (Hours(5, 9, 18), False),   # the reference business week itself
    (Hours(5, 8, 18), False),   # an hour earlier, still daytime on weekdays
    (Hours(5, 6, 22), False),   # 06:00 and 21:00-22:00 are the edges, not the night
    (Hours(5, 5, 18), True),    # 05:00-06:00 is night
    (Hours(5, 9, 23), True),    # 22:00-23:00 is night
    (Hours(6, 9, 18), True),    # the sixth day is a weekend day
    (Hours(7, 0, 24), True),
])
def test_night_or_weekend_hours(hours, premium):
    assert has_premium_hours(hours, RULES) is premium


def test_no_night_when_the_workbook_sets_none():
    """Night from 0 to 0 means no night premium at all: a 5-day 24-hour week keeps none."""
    assert not has_premium_hours(Hours(5, 0, 24), replace(RULES, night_start_hour=0,
                                                          night_end_hour=0))


def test_business_hours_have_no_long_hours_comparison():
    """08:00-18:00 on weekdays is not compared with 09:00-18:00: no row, and the chapter says
    every channel keeps business hours."""
    inputs = company(demand=(replace(PHONE, hours=Hours(5, 8, 18)),))
    staff = staffing.staff(inputs)
    assert hours_effect(inputs, staff).empty
    assert "Every channel keeps business hours" in str(hours_effect_text(inputs, staff, "en"))


def test_a_channel_open_at_weekends_is_compared_with_a_business_week():
    inputs = company(demand=(PHONE,))  # open 24/7
    assert list(hours_effect(inputs, staffing.staff(inputs))["channel"]) == [str(PHONE.channel)]


def test_the_uncertainty_engine_prices_the_same_benchmarks():
    """romania-saas keeps weekday business hours on every channel: no hybrid benchmark in the
    scenario, so none in the simulation either (chapter 08 names each simulated option from the
    scenario)."""
    from analysis import options, reference
    from analysis.uncertainty.engine import Engine
    from analysis.workbook import load
    from analysis.workbook.examples import EXAMPLES_DIR

    inputs, _ = load(EXAMPLES_DIR / "romania-saas.xlsx")
    simulated = [o.id for o in Engine(inputs, reference.load()).options]
    priced = {o.id for o in options.evaluate(inputs).options}
    assert not [i for i in simulated if ":hybrid:" in i]
    assert set(simulated) <= priced
