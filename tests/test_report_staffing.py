"""The staffing chapter's table and its sentences tell one story: the work blended into phone and
chat agents' idle time has a column of its own, and each figure the text gives for a channel is
the table's, or the table's plus that column.

The company is hand-built, the figures worked out below: a phone queue and an email inbox open
the same hours, contacts spread evenly over the day (test_staffing.py's worked example).
"""

from __future__ import annotations

import html
import re

import pytest
from test_staffing import FLAT, INHOUSE, PAID_WEEK, email, phone

from analysis import report
from analysis.model import Company, Hours, Inputs
from analysis.staffing import staff

WEEK = Hours(days_per_week=7, open_hour=9, close_hour=17)
"""Open every day, eight hours: 56 hours a week, longer than the business week the chapter
compares with (five days, 09:00 to 18:00), so both channels get a line on the hours' cost."""


@pytest.fixture(scope="module")
def company():
    # Phone: 1,600 calls a day over 8 hours = 10 erlangs every open hour, 14 agents (the
    # published example), 14 x 56 = 784 agent hours, 784 / 21.5 = 36.47 FTE; idle below the 85%
    # cap: 14 - 10 / 0.85 = 2.24 agents each hour.
    # Email: 80 a day x 7 days x 360 s = 56 hours of work a week over 56 open hours, 1 agent an
    # hour, 1 / 0.85 = 1.176 agents under the occupancy cap: 65.88 hours, 3.06 FTE on its own.
    # Its 0.176 of an agent an hour fits in the phone's 2.24 idle: 56 x 0.176 = 9.88 hours,
    # 9.88 / 21.5 = 0.46 FTE blended; the team keeps 56 hours, 56 / 21.5 = 2.60 FTE of email.
    company = Company("Test Co", "EUR", 1.0, WEEK, horizon_years=3)
    inputs = Inputs(company, (phone(1600, WEEK), email(80, WEEK)), INHOUSE, assumptions=FLAT)
    return inputs, staff(inputs)


def rows(markup: str) -> list[list[str]]:
    """The table's rows, header first, each cell's text."""
    return [[html.unescape(re.sub(r"<[^>]+>", "", cell))
             for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row)]
            for row in re.findall(r"<tr>(.*?)</tr>", markup)]


def test_the_table_has_a_column_for_the_blended_work(company):
    inputs, staffing = company
    assert PAID_WEEK == 21.5
    header, phone_row, email_row, total = rows(report.staffing_table(inputs, staffing, "en").html)
    assert header[3] == "FTE"
    assert header[4] == "Done in phone and chat agents' idle time (FTE)"
    assert phone_row[0] == "Inbound phone" and phone_row[3:5] == ["36.5", "—"]
    assert email_row[0] == "Email" and email_row[3:5] == ["2.6", "0.5"]
    # The team: 784 + 56 = 840 hours, 840 / 21.5 = 39.07 FTE; 0.46 FTE blended.
    assert total[3:5] == ["39.1", "0.5"]


def test_the_text_gives_the_tables_figures(company):
    inputs, staffing = company
    queue = report.queue_text(inputs, staffing, "en").text
    # 9.88 hours blended, 0.46 FTE; on its own email takes 2.60 + 0.46 = 3.06 FTE.
    assert "10 in-seat hours a week (0.5 FTE)" in queue
    assert "Email would take 3.1 FTE (2.6 in the table + 0.5 blended)" in queue
    hours = report.hours_effect_text(inputs, staffing, "en").text
    # Each channel's FTE as in the table's FTE column; two weekend days of seven: 29% premium.
    assert "Inbound phone, open 7 days a week, 09:00 to 17:00, takes 36.5 FTE, 29%" in hours
    assert "Email, open 7 days a week, 09:00 to 17:00, takes 2.6 FTE, 29%" in hours


def test_without_blending_the_table_shows_hours_in_seat():
    # Phone alone: 784 hours in seat a week (above), no column for blended work.
    company = Company("Test Co", "EUR", 1.0, WEEK, horizon_years=3)
    inputs = Inputs(company, (phone(1600, WEEK),), INHOUSE, assumptions=FLAT)
    header, phone_row, _total = rows(report.staffing_table(inputs, staff(inputs), "en").html)
    assert header[4] == "In-seat hours a week"
    assert phone_row[3:5] == ["36.5", "784"]
