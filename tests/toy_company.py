"""A company small enough to do by hand, for the options, uncertainty and recommendation tests.

The staffing stage is replaced by a toy with no queueing (contacts spread evenly over the open
hours, agents = workload / occupancy) so every figure in those tests can be worked out on paper;
the Erlang C staffing has its own tests. Each test module swaps it in with an autouse fixture
(`monkeypatch.setattr(staffing, "staff", toy_staff)`).
"""

import pandas as pd

from analysis import staffing
from analysis.model import (
    WEEKS_PER_MONTH,
    Assumptions,
    Channel,
    ChannelDemand,
    Company,
    Hours,
    InHouseCosts,
    Inputs,
    PricingModel,
    RetainedManagement,
    VendorQuote,
)
from analysis.staffing import ChannelStaffing, Staffing


def toy_staff(inputs: Inputs) -> Staffing:
    """Even arrivals over the open hours; agents = contacts x AHT / occupancy; FTE = in-seat
    hours x 52 / (paid hours x (1 - shrinkage))."""
    rules, costs = inputs.assumptions, inputs.inhouse
    channels = []
    for demand in inputs.demand:
        hours = demand.hours
        slots = [(day, hour) for day in range(hours.days_per_week)
                 for hour in range(hours.open_hour, hours.close_hour)]
        contacts = demand.monthly_contacts / WEEKS_PER_MONTH / len(slots)
        agents = contacts * demand.aht_seconds / 3600 / costs.max_occupancy
        rows = pd.DataFrame(
            [(day, hour, contacts, agents,
              day >= 7 - rules.weekend_days
              or hour >= rules.night_start_hour or hour < rules.night_end_hour)
             for day, hour in slots],
            columns=["day", "hour", "contacts", "agents", "premium"],
        )
        agent_hours = agents * len(slots)
        channels.append(ChannelStaffing(
            channel=demand.channel, intervals=rows, weekly_contacts=contacts * len(slots),
            weekly_workload_hours=contacts * len(slots) * demand.aht_seconds / 3600,
            weekly_agent_hours=agent_hours, premium_share=float(rows["premium"].mean()),
            fte=agent_hours * 52 / (costs.paid_hours_per_fte_year * (1 - costs.shrinkage)),
            peak_agents=agents, service_level=None, asa_seconds=None,
        ))
    return Staffing(channels=tuple(channels))


ERLANG_STAFF = staffing.staff


H24 = Hours(7, 0, 24)
# One phone line open 24/7 in riyals (3.75 SAR to the dollar). 1,680 calls a week = 10 an hour
# over 168 hours (monthly 1,680 x 52 / 12 = 7,280); 6 minutes each = 1 workload hour an hour;
# at 80% occupancy 1.25 agents an hour, 210 in-seat hours a week, 10,920 a year. FTE:
# 10,920 / (1,820 paid hours x 0.6 after 40% shrinkage) = 10 agents.
# Premium hours: weekday nights 22:00-06:00, 5 x 8 = 40, plus the weekend, 2 x 24 = 48: 88 of
# 168. Business hours: 80 (800 calls, 100 in-seat hours); night and weekend 88 (880 calls,
# 88 workload hours = 5,280 minutes, 110 in-seat hours).
PHONE = ChannelDemand(Channel.INBOUND_PHONE, 1680 * 52 / 12, 360, 20, 0.8, H24)
# Salary only, so in-house is 10 agents x 30,000 = 300,000 a year: team leads and the management
# layer are paid 0 (a test that pays the team lead still pays no manager), nobody is paid while
# training.
COSTS = InHouseCosts(
    annual_salary=30000, employer_oncost=0, night_weekend_premium=0, agents_per_team_lead=10,
    team_lead_salary=0, recruitment_per_hire=0, attrition=0.3, training_per_hire=0,
    equipment_per_seat=0, equipment_years=3, software_per_seat_month=0, rent_per_seat_month=0,
    overhead_per_seat_year=0, paid_hours_per_fte_year=1820, shrinkage=0.4, max_occupancy=0.8,
    operations_manager_salary=0, quality_analyst_salary=0, planner_salary=0, training_weeks=0,
)
# Benchmarks without a set-up fee, so a published price is rate x hours (their minimum, 80% of
# today's charges, only binds when the volume falls); test_options prices the typical terms.
PLAIN_TERMS = Assumptions(benchmark_setup_months=0.0)


def company(quotes=(), qa_per_month=0.0, demand=(PHONE,), assumptions=PLAIN_TERMS) -> Inputs:
    return Inputs(
        company=Company("Riyadh Co", "SAR", 3.75, H24, 2), demand=demand, inhouse=COSTS,
        quotes=tuple(quotes), retained=RetainedManagement(0, 0, qa_per_month),
        assumptions=assumptions,
    )


def hourly(vendor, rate, region="india", channel=Channel.INBOUND_PHONE):
    return VendorQuote(vendor, region, channel, PricingModel.DEDICATED_PER_HOUR, rate,
                       0, 0, 0, 0)
