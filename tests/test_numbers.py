"""Number parsing: every accepted form, and the texts that must be refused rather than guessed.

Expected values are written by hand from the rules in docs/workbook-format.md.
"""

import datetime as dt

import pytest

from analysis.workbook import numbers
from analysis.workbook.numbers import parse_number, parse_percent

ACCEPTED = [
    # (cell content, value)
    (42, 42.0),
    (3.75, 3.75),
    (-2, -2.0),
    ("42", 42.0),
    ("  42  ", 42.0),
    ("3.75", 3.75),
    ("12,5", 12.5),  # decimal comma: one comma, not three digits after it
    ("0,125", 0.125),  # a leading 0 cannot start a thousands group
    ("1234,567", 1234.567),  # four digits before: not a thousands group
    ("1.2345", 1.2345),
    ("1,234,567", 1234567.0),  # repeated mark: thousands separator
    ("1.234.567", 1234567.0),
    ("1 234", 1234.0),
    ("1 234 567,5", 1234567.5),  # space groups, so the comma is the decimal mark
    ("1 234.567", 1234.567),
    ("1\u00a0234", 1234.0),  # no-break space
    ("1\u202f234,5", 1234.5),  # narrow no-break space (French/Romanian style)
    ("1,234.5", 1234.5),  # both marks: the last one is the decimal mark
    ("1.234.567,89", 1234567.89),
    ("٣٠", 30.0),  # Arabic-Indic digits
    ("۳۰", 30.0),  # Eastern Arabic-Indic digits (Persian/Urdu forms)
    ("٣٫٧٥", 3.75),  # Arabic decimal separator
    ("١٬٢٣٤", 1234.0),  # Arabic thousands separator is explicit: never ambiguous
    ("١٬٢٣٤٫٥", 1234.5),
    ("\u200f٤٢", 42.0),  # right-to-left mark around Arabic text
    ("-5", -5.0),
    ("\u22125", -5.0),  # the minus sign character
    ("+5", 5.0),
    (".5", 0.5),
]


@pytest.mark.parametrize(("raw", "value"), ACCEPTED)
def test_accepted_forms(raw, value):
    parsed = parse_number(raw)
    assert parsed.ok, parsed.reason
    assert parsed.value == value


REFUSED = [
    # (cell content, reason)
    ("1,234", numbers.AMBIGUOUS),  # 1.234 or 1234?
    ("1.234", numbers.AMBIGUOUS),
    ("12,500", numbers.AMBIGUOUS),
    ("1,23,456", numbers.GROUPING),  # Indian lakh grouping is not accepted
    ("12 34", numbers.GROUPING),
    ("1.234 567", numbers.NOT_A_NUMBER),  # space groups, so "." is decimal: "234 567" is not
    ("1,2.3", numbers.GROUPING),  # decimal '.', group ',' but "2" is not three digits
    ("١٬٢٣٤.5", numbers.MIXED),
    ("abc", numbers.NOT_A_NUMBER),
    ("12abc", numbers.NOT_A_NUMBER),
    ("", numbers.NOT_A_NUMBER),
    ("5.", numbers.NOT_A_NUMBER),
    ("1,234.5.6", numbers.NOT_A_NUMBER),
    ("30%", numbers.PERCENT_SIGN),  # percent sign where a plain number is expected
    ("#DIV/0!", numbers.SPREADSHEET_ERROR),
    (True, numbers.BOOLEAN),
    (dt.datetime(2024, 1, 2), numbers.DATE),
    (dt.time(9, 30), numbers.DATE),
    (float("nan"), numbers.NOT_FINITE),
    (float("inf"), numbers.NOT_FINITE),
    (None, numbers.NOT_A_NUMBER),
]


@pytest.mark.parametrize(("raw", "reason"), REFUSED)
def test_refused_forms(raw, reason):
    parsed = parse_number(raw)
    assert not parsed.ok
    assert parsed.reason == reason


def test_ambiguous_reason_names_both_readings():
    parsed = parse_number("1,234")
    assert dict(parsed.params) == {"text": "1,234", "as_decimal": "1.234", "as_thousands": "1234"}


PERCENTS = [
    # (cell content, cell formatted as a percentage?, percent points, written as a percentage?)
    (30, False, 30.0, False),  # plain numbers are percent points
    (0.3, False, 0.3, False),  # ... even below 1: 0.3 means 0.3% (the loader warns)
    (1, False, 1.0, False),
    (0.3, True, 30.0, True),  # a cell shown as 30% stores 0.3
    (1, True, 100.0, True),
    (0.125, True, 12.5, True),
    ("30%", False, 30.0, True),
    ("30 %", False, 30.0, True),
    ("٣٠٪", False, 30.0, True),  # Arabic digits and Arabic percent sign
    ("٪٣٠", False, 30.0, True),  # sign written first, as right-to-left text may put it
    ("12,5%", False, 12.5, True),
    ("30", False, 30.0, False),
    ("30%", True, 30.0, True),  # text is read as written whatever the cell's format
]


@pytest.mark.parametrize(("raw", "formatted", "points", "sign"), PERCENTS)
def test_percent_forms(raw, formatted, points, sign):
    parsed = parse_percent(raw, percent_format=formatted)
    assert parsed.value == points
    assert parsed.percent_sign is sign


def test_blank_and_errors():
    assert numbers.is_blank(None)
    assert numbers.is_blank("   ")
    assert not numbers.is_blank(0)
    assert numbers.spreadsheet_error("#N/A").params == (("error", "#N/A"),)
    assert numbers.spreadsheet_error("N/A") is None
