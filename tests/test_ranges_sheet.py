"""The Ranges sheet (format v2): one uncertain input a row (A input, B vendor, C low, D high, rows
4 to 63), read in the input's own unit, with every error naming its cell. The SMALL company of
conftest.py: salary 30,000 EUR, shrinkage 35%, vendors Alpha (monthly per agent, e-mail) and Beta
(hourly plus commission, outbound); no chat."""

import pytest

from analysis.model import InputRange
from analysis.workbook import Severity, WorkbookInvalid, load

SALARY = "Annual salary per agent (company currency per year)"
PRICES = "A vendor's prices (% of what it quoted; 100 = as quoted)"
SHRINKAGE = "Shrinkage (% of paid time not on contacts)"


def rows(*given):
    """Ranges cells for rows 4 onwards: (input, vendor, low, high) each."""
    cells = {}
    for offset, (name, vendor, low, high) in enumerate(given):
        row = 4 + offset
        cells |= {f"A{row}": name, f"B{row}": vendor, f"C{row}": low, f"D{row}": high}
    return {"Ranges": cells}


def errors(edited, *given):
    with pytest.raises(WorkbookInvalid) as caught:
        load(edited(rows(*given)))
    return {(p.sheet, p.cell): p for p in caught.value.problems
            if p.severity is Severity.ERROR}


def test_rows_are_read_in_each_inputs_unit(edited):
    """Money as typed; percentages from points to fractions; a vendor's prices from percent of
    the quote to a multiplier; the vendor matched to the Quotes sheet's spelling, case aside."""
    inputs, warnings = load(edited(rows((SALARY, None, 27_000, 36_000),
                                        (SHRINKAGE, None, 30, 40),
                                        (PRICES, "alpha", 90, 115))))
    assert inputs.ranges == (InputRange("annual_salary", 27_000, 36_000),
                             InputRange("shrinkage", 0.30, 0.40),
                             InputRange("vendor_prices:Alpha", 0.90, 1.15))
    assert not [w for w in warnings if w.sheet == "Ranges"]


def test_a_blank_sheet_gives_no_ranges(filled_workbook):
    inputs, _ = load(filled_workbook)
    assert inputs.ranges == ()


def test_low_above_high_names_the_high_cell(edited):
    found = errors(edited, (SALARY, None, 36_000, 27_000))
    assert "C4" in found[("Ranges", "D4")].render("en")


def test_a_range_must_hold_the_workbooks_own_value(edited):
    """30,000 is the salary on the InHouse sheet: 31,000-36,000 leaves it out."""
    found = errors(edited, (SALARY, None, 31_000, 36_000))
    assert "30" in found[("Ranges", "C4")].render("en")


def test_unknown_input_and_missing_ends(edited):
    found = errors(edited, ("Happiness", None, 1, 2), (SALARY, None, None, 36_000))
    assert ("Ranges", "A4") in found
    assert ("Ranges", "C5") in found


def test_each_input_once(edited):
    found = errors(edited, (SALARY, None, 27_000, 33_000), (SALARY, None, 28_000, 32_000))
    assert "row 4" in found[("Ranges", "A5")].render("en")


def test_a_vendor_input_needs_a_vendor_of_the_quotes_sheet(edited):
    found = errors(edited, (PRICES, "Gamma", 90, 110), (PRICES, None, 90, 110))
    assert "Alpha" in found[("Ranges", "B4")].render("en")
    assert ("Ranges", "B5") in found


def test_percent_ends_keep_the_fields_bounds(edited):
    found = errors(edited, (SHRINKAGE, None, 30, 150))
    assert ("Ranges", "D4") in found


def test_an_input_that_plays_no_part_is_ignored_with_a_warning(edited):
    """No chat at this company: its volume's range is dropped, the rest kept."""
    inputs, warnings = load(edited(rows(("Monthly contacts: Chat", None, 10, 20),
                                        (SALARY, None, 27_000, 33_000))))
    assert inputs.ranges == (InputRange("annual_salary", 27_000, 33_000),)
    assert [(w.sheet, w.cell) for w in warnings if w.sheet == "Ranges"] == [("Ranges", "A4")]


def test_the_sheet_is_optional(edited):
    """A version-2 workbook saved without the Ranges sheet loads: every input gets its default
    range."""
    inputs, warnings = load(edited(drop=("Ranges",)))
    assert inputs.ranges == ()
    assert not [w for w in warnings if w.sheet == "Ranges"]
