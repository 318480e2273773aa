"""Workbooks as people really save them (issue 7): read as they show, or refused by name.

Each kind is checked on a small workbook written here (the SMALL company of conftest.py, cells as
listed at the top of test_loader.py), with the expected value worked out by hand in the test.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import replace

import msoffcrypto.format.ooxml
import pytest
import xlwt
from conftest import SMALL
from openpyxl import load_workbook
from workbooks import append_rows, rewrite, to_strict

from analysis import compare, options, report, summary
from analysis.report.outsourcing import quotes_chart
from analysis.workbook import Severity, WorkbookInvalid, WorkbookUnreadable, files, load, xlsx
from analysis.workbook import format as fmt
from analysis.workbook.cells import PLAUSIBLE_BETWEEN, RELATIVE_AT_MOST, RELATIVE_BETWEEN
from analysis.workbook.examples import write_filled
from analysis.workbook.loader import BEYOND_QUOTES, MERGED
from analysis.workbook.xlsx import Shown, shown_as


def problems_of(path):
    with pytest.raises(WorkbookInvalid) as caught:
        load(path)
    return caught.value.problems


def at(problems, sheet, cell, severity=None):
    (problem,) = [p for p in problems if (p.sheet, p.cell) == (sheet, cell)
                  and severity in (None, p.severity)]
    return problem


def errors(problems):
    return [(p.sheet, p.cell) for p in problems if p.severity is Severity.ERROR]


def unreadable(path) -> WorkbookUnreadable:
    with pytest.raises(WorkbookUnreadable) as caught:
        load(path)
    return caught.value


# --- 1. what the cell shows is what it means ------------------------------------------------


@pytest.mark.parametrize(("code", "value", "shown"), [
    ("0%", 0.32, Shown.PERCENT),
    ("0.00%", 0.32, Shown.PERCENT),
    ('0"%"', 32, Shown.PERCENT_LITERAL),
    ("0\\%", 32, Shown.PERCENT_LITERAL),
    ('0.0"%"', 0.5, Shown.PERCENT_LITERAL),
    ('0.0" ٪"', 0.5, Shown.PERCENT_LITERAL),
    ('#,##0;-#,##0"%"', 5, Shown.PLAIN),  # the % is in the negative numbers' section only
    ('#,##0;-#,##0"%"', -5, Shown.PERCENT_LITERAL),
    ("General", 5, Shown.PLAIN),
    ("0.00E+00", 5, Shown.PLAIN),
    ('0 "days"', 5, Shown.PLAIN),  # d and y inside quotes are text, not a date
    ("[Red]0.0", 5, Shown.PLAIN),
    ("[h]:mm", 1.0, Shown.ELAPSED),
    ("hh:mm", 0.375, Shown.TIME),
    ("[$-409]h:mm AM/PM", 0.375, Shown.TIME),
    ("yyyy-mm-dd hh:mm", 45000.5, Shown.DATE),
    ("mmm", 45000, Shown.DATE),
])
def test_number_format_kinds(code, value, shown):
    assert shown_as(code, value) is shown


def test_percent_typed_into_the_format_is_read_as_shown(edited):
    """`0"%"` shows 32 as "32%": 32% of paid time (0.32). `0.0"%"` shows 0.5 as "0.5%": 0.5%
    (0.005), with no "did you mean 50%?" warning since the cell shows a % sign. `0\\%` shows 25
    as "25%". A real percentage format shows 0.35 as "35%": 0.35."""
    path = edited(
        {"InHouse": {"B18": 32, "B6": 0.5, "B5": 25, "B19": 0.85}},
        formats={"InHouse": {"B18": '0"%"', "B6": '0.0"%"', "B5": "0\\%", "B19": "0%"}},
    )
    inputs, warnings = load(path)
    assert inputs.inhouse.shrinkage == pytest.approx(0.32)
    assert inputs.inhouse.night_weekend_premium == pytest.approx(0.005)
    assert inputs.inhouse.employer_oncost == pytest.approx(0.25)
    assert inputs.inhouse.max_occupancy == pytest.approx(0.85)
    assert warnings == []


def test_a_literal_percent_out_of_range_is_reported_as_shown(edited):
    """95 shown as "95%" in the shrinkage cell: above the 90% maximum, found "95%"."""
    path = edited({"InHouse": {"B18": 95}}, formats={"InHouse": {"B18": '0"%"'}})
    problem = at(problems_of(path), "InHouse", "B18")
    assert problem.found == "95%"
    assert dict(problem.params) == {"min": "0", "max": "90"}


# --- 2. times of day ------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "code"), [
    (1.0, "[h]:mm"),  # what Excel stores for 24:00 typed into a cell: one whole day
    (dt.datetime(1900, 1, 1), "hh:mm"),  # the same 1.0, shown as a date-time 00:00
    ("24:00", "General"),  # typed as text
])
def test_closing_at_24_00_means_24(edited, value, code):
    inputs, _ = load(edited({"Company": {"B10": value}}, formats={"Company": {"B10": code}}))
    assert inputs.company.hours.close_hour == 24


def test_opening_time_as_text_and_as_a_time(edited):
    """"٠٩:٠٠" (Arabic-Indic digits) is 9; a time cell 07:00 is 7 / 24 of a day, i.e. 7."""
    inputs, _ = load(edited({"Company": {"B9": "٠٩:٠٠"}, "Demand": {
        "I6": 6, "J6": dt.time(7, 0), "K6": 1.0}}, formats={"Demand": {"K6": "[h]:mm"}}))
    assert inputs.company.hours.open_hour == 9
    email = next(d for d in inputs.demand if d.channel == "email")
    assert (email.hours.open_hour, email.hours.close_hour) == (7, 24)


@pytest.mark.parametrize(("value", "code"), [
    (1.0, "[h]:mm"),  # 24:00 as an opening hour: above 23
    (dt.datetime(2024, 3, 1, 9, 0), "yyyy-mm-dd hh:mm"),  # a date, not an hour
    (1.375, "hh:mm"),  # one day and 9 hours
])
def test_times_that_are_not_an_opening_hour(edited, value, code):
    problems = problems_of(edited({"Company": {"B9": value}}, formats={"Company": {"B9": code}}))
    assert ("Company", "B9") in errors(problems)


# --- 3. formatting that reaches the sheet's edge ---------------------------------------------


def _styled_column(rows: range):
    def rows_xml():
        for start in range(rows.start, rows.stop, 10_000):
            stop = min(start + 10_000, rows.stop)
            yield "".join(f'<row r="{r}"><c r="C{r}" s="1"/></row>'
                          for r in range(start, stop)).encode()
        yield b'<row r="1048576"><c r="XFD1048576" s="1"/></row>'
    return rows_xml


@pytest.mark.parametrize("sheet", ["Quotes", "InHouse"])
def test_a_column_coloured_to_the_last_row_reads_like_the_plain_workbook(
        filled_workbook, tmp_path, sheet):
    """Column C coloured (empty styled cells) from below the data to row 200,000, and one
    styled cell at XFD1048576: the same inputs and no warning, as without them."""
    path = append_rows(filled_workbook, tmp_path / "coloured.xlsx", sheet,
                       _styled_column(range(300, 200_000)))
    assert load(path) == load(filled_workbook)


# --- 4. merged cells ------------------------------------------------------------------------


def test_a_vendor_name_merged_over_its_two_rows_is_read_for_both(edited):
    """Quote rows 4 and 5 are Alpha and Beta; merging A4:A5 shows "Alpha" over both rows, so
    both quotes are Alpha's."""
    book_path = edited()
    book = load_workbook(book_path)
    book["Quotes"].merge_cells("A4:A5")
    book.save(book_path)
    inputs, _ = load(book_path)
    assert [q.vendor for q in inputs.quotes] == ["Alpha", "Alpha"]


@pytest.mark.parametrize(("sheet", "merged", "cell"), [
    ("Quotes", "B4:C4", "C4"),  # region and channel under one merge
    ("Company", "B4:B5", "B5"),  # the name's cell over the currency's
    ("InHouse", "A15:B15", "B15"),  # a label merged over the rent's value
])
def test_a_merge_hiding_a_field_says_so(edited, sheet, merged, cell):
    book_path = edited()
    book = load_workbook(book_path)
    book[sheet].merge_cells(merged)
    book.save(book_path)
    problem = at(problems_of(book_path), sheet, cell)
    assert problem.expected == MERGED
    assert dict(problem.params) == {"range": merged, "first": merged.split(":")[0]}
    assert "Unmerge" in problem.render("en")


# --- 5. every format "Save As" offers ---------------------------------------------------------


def test_strict_open_xml_reads_like_transitional(filled_workbook, tmp_path):
    """Strict differs only in namespaces: percent formats, saved formula values and merges
    survive (shrinkage `0%` 0.35, a salary =2000*15 saved as 30000, a vendor merged over two
    rows)."""
    book = load_workbook(filled_workbook)
    book["InHouse"]["B18"] = 0.35
    book["InHouse"]["B18"].number_format = "0%"
    book["InHouse"]["B4"] = "=2000*15"
    book["Quotes"].merge_cells("A4:A5")
    transitional = tmp_path / "transitional.xlsx"
    book.save(transitional)
    saved = rewrite(transitional, tmp_path / "saved.xlsx", lambda name, data: re.sub(
        rb"<f>2000\*15</f><v\s*/>", b"<f>2000*15</f><v>30000</v>", data))
    strict = to_strict(saved, tmp_path / "strict.xlsx")
    assert xlsx.read_book("strict", strict.read_bytes(), {}).strict
    inputs, _ = load(strict)
    assert inputs == load(saved)[0]
    assert inputs.inhouse.shrinkage == pytest.approx(0.35)
    assert inputs.inhouse.annual_salary == 30000
    assert [q.vendor for q in inputs.quotes] == ["Alpha", "Alpha"]


def test_a_macro_enabled_workbook_is_read(filled_workbook, tmp_path):
    """An .xlsm is an .xlsx with a macro part; the macros are never run, the cells are read."""
    def change(name, data):
        if name == "[Content_Types].xml":
            return data.replace(b"spreadsheetml.sheet.main+xml",
                                b"ms-excel.sheet.macroEnabled.main+xml")
        return data
    path = rewrite(filled_workbook, tmp_path / "company.xlsm", change)
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 not run")
    assert load(path) == load(filled_workbook)


def _zip(path, entries):
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


def _xls(path):
    book = xlwt.Workbook()
    book.add_sheet("Company").write(3, 1, "Test Co")
    book.save(str(path))
    return path


def _encrypted(source, path):
    office = msoffcrypto.format.ooxml.OOXMLFile(io.BytesIO(source.read_bytes()))
    with path.open("wb") as out:
        office.encrypt("secret", out)
    return path


@pytest.mark.parametrize(("make", "name"), [
    (lambda p, _: _zip(p, {"[Content_Types].xml": "<Types/>", "xl/workbook.bin": b"\x83\x01"}),
     "an Excel Binary Workbook (.xlsb)"),
    (lambda p, _: _zip(p, {"mimetype": "application/vnd.oasis.opendocument.spreadsheet",
                           "content.xml": "<office:document-content/>"}),
     "an OpenDocument Spreadsheet (.ods)"),
    (lambda p, _: _xls(p), "an Excel 97-2003 Workbook (.xls)"),
    (lambda p, _: p.write_text("name;currency\nTest Co;EUR\n") and p, "a text or CSV file"),
    (lambda p, _: p.write_text('<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-'
                               'com:office:spreadsheet"/>') and p,
     "an XML Spreadsheet 2003 (.xml)"),
    (lambda p, _: p.write_text("<html><body><table></table></body></html>") and p,
     "a web page (.htm, .html)"),
    (lambda p, _: p.write_bytes(b"%PDF-1.7\n...") and p, "a PDF document"),
])
def test_other_formats_are_named_with_the_save_as_choice(filled_workbook, tmp_path, make, name):
    """Named by the bytes, whatever the file is called: every one of these is "company.xlsx"."""
    path = make(tmp_path / "company.xlsx", filled_workbook)
    error = unreadable(path)
    assert error.reason == files.REFUSED
    text = error.render("en")
    assert name in text and "“Excel Workbook (*.xlsx)”" in text


def test_a_password_protected_workbook_is_called_that(filled_workbook, tmp_path):
    """Excel wraps an encrypted workbook in an OLE2 file with an EncryptionInfo stream."""
    path = _encrypted(filled_workbook, tmp_path / "company.xlsx")
    error = unreadable(path)
    assert error.reason == files.PASSWORD
    assert "password" in error.render("en") and "damaged" not in error.render("en")


def test_a_workbook_with_another_name_is_read_by_its_bytes(filled_workbook, tmp_path):
    renamed = tmp_path / "company.xls"
    renamed.write_bytes(filled_workbook.read_bytes())
    assert load(renamed) == load(filled_workbook)


# --- 6. plausible values ----------------------------------------------------------------------


def test_rent_far_above_the_monthly_salary_is_a_warning(edited):
    """Salary 30,000 a year is 2,500 a month; rent per seat is plausible up to 100% of it."""
    inputs, warnings = load(edited({"InHouse": {"B15": 1e9}}))
    assert inputs.inhouse.rent_per_seat_month == 1e9
    warning = at(warnings, "InHouse", "B15")
    assert warning.expected == RELATIVE_AT_MOST
    assert dict(warning.params)["high"] == "2500"
    assert "monthly salary" in warning.render("en")


def test_a_vendor_rate_outside_its_region_range_is_a_warning(edited):
    """Alpha (India, monthly per agent, USD): India's 5-9 USD an hour × 160 hours = 800-1,440 a
    month; plausible from half the low end (400) to twice the high end (2,880)."""
    _, warnings = load(edited({"Quotes": {"E4": 1e9}}))
    warning = at(warnings, "Quotes", "E4")
    assert warning.expected == RELATIVE_BETWEEN
    assert (dict(warning.params)["low"], dict(warning.params)["high"]) == ("400", "2880")


def test_a_minimum_commitment_above_the_quotes_own_bill_is_a_warning(edited):
    """Alpha prices email at 1,000 USD per agent-month. Email: 2,000 customers × 0.25 = 500
    contacts a month, 8 minutes each: 500 / (52 / 12) = 115.4 a week × 8 / 60 = 15.4 hours of
    work, 18.1 in seat at 85% occupancy; a full-time agent gives 1,720 / 52 × 0.65 = 21.5 hours
    a week, so 0.84 FTE, one agent: 1,000 USD a month is the plausible most."""
    _, warnings = load(edited({"Quotes": {"H4": 1e9}}))
    warning = at(warnings, "Quotes", "H4")
    assert dict(warning.params)["high"] == "1000"


def test_one_hour_holding_most_of_the_day_is_a_warning(edited):
    """All 24 hours weigh 1 but 09:00-10:00 weighs 1e6: it holds 1e6 / (1e6 + 23) of the day,
    far above a quarter (0.25 × 1,000,023 = 250,006, three figures: 250,000)."""
    profile = {f"B{11 + hour}": 1 for hour in range(24)} | {"B20": 1e6}
    inputs, warnings = load(edited({"Assumptions": profile}))
    assert inputs.assumptions.hourly_profile[9] == 1e6
    warning = at(warnings, "Assumptions", "B20")
    assert dict(warning.params)["high"] == "250000"


def test_an_absolute_range_names_its_ends(edited):
    """An average handling time of 6 (seconds: probably minutes meant) is below 30."""
    _, warnings = load(edited({"Demand": {"E4": 6}}))
    warning = at(warnings, "Demand", "E4")
    assert warning.expected == PLAUSIBLE_BETWEEN
    assert dict(warning.params) == {"low": "30", "high": "3600"}


# --- 7. hard bounds -------------------------------------------------------------------------


@pytest.mark.parametrize(("sheet", "cell", "value"), [
    ("InHouse", "B4", "1" + "0" * 400),  # a 400-digit salary typed as text: not finite
    ("InHouse", "B4", 1e13),  # above the money maximum, 1e12
    ("InHouse", "B15", 1e15),  # rent: the same
    ("Quotes", "H4", 1e15),  # a minimum commitment: the same
    ("Company", "B6", 1e300),  # exchange rate above 10,000,000
    ("Demand", "B4", 1e10),  # monthly contacts above 100,000,000
    ("Assumptions", "B11", 1e7),  # an hourly weight above 1,000,000
    ("Quotes", "E4", "9" * 30),
])
def test_values_beyond_the_hard_bounds_are_errors(edited, sheet, cell, value):
    assert (sheet, cell) in errors(problems_of(edited({sheet: {cell: value}})))


def test_a_name_longer_than_200_characters_is_an_error(edited):
    problem = at(problems_of(edited({"Company": {"B4": "N" * 201}})), "Company", "B4")
    assert dict(problem.params) == {"max": "200", "length": "201"}


def test_a_queue_beyond_10000_erlangs_names_the_most_contacts(edited):
    """Inbound phone: 5 days a week, 08:00-17:00, default profile over those hours 4.5, 6.5,
    7.2, 7.3, 6.8, 6.9, 7.0, 6.9, 6.5 (sum 59.6, busiest 7.3), AHT 300 s. Contacts a day are
    M / (52 / 12 × 5); the busiest hour gets 7.3 / 59.6 of them, each 300 / 3600 of an hour:
    10,000 erlangs at M = 10,000 × 12 × 21.667 × 59.6 / 7.3 = 21,227,397."""
    problems = problems_of(edited({"Demand": {"B4": 30_000_000}}))
    problem = at(problems, "Demand", "B4", Severity.ERROR)
    params = dict(problem.params)
    assert params["most"] == "21227397"
    assert params["traffic"] == str(round(30_000_000 / 21_227_397.26 * 10_000))


# --- 8. bounded files and odd paths ----------------------------------------------------------


def test_a_file_over_10_mb_is_refused_unread(tmp_path):
    path = tmp_path / "huge.xlsx"
    with path.open("wb") as out:
        out.truncate(11 * 1024 * 1024)  # sparse: 11 MB that were never written
    error = unreadable(path)
    assert error.reason == files.TOO_LARGE
    assert dict(error.params) == {"size": "11.0", "limit": "10"}


def test_a_zip_bomb_is_refused_before_unpacking(filled_workbook, tmp_path):
    """The Company sheet replaced by 300 MB of spaces (about 300 KB packed): more than the
    200 MB the parts of a workbook may unpack to."""
    def spaces(name, data):
        if name != "xl/worksheets/sheet2.xml":
            return data
        return (b" " * (1 << 20) for _ in range(300))
    path = rewrite(filled_workbook, tmp_path / "bomb.xlsx", spaces)
    assert path.stat().st_size < 2 * 1024 * 1024
    assert unreadable(path).reason == xlsx.UNPACKS_TOO_LARGE


def test_a_quote_below_the_limit_is_an_error_naming_its_cell(filled_workbook, tmp_path):
    """300,000 rows of quotes: row 203 is the last the format reads (4 + 200 - 1), so the
    first value below it, A204, is named."""
    def rows():
        for start in range(6, 300_000, 10_000):
            yield "".join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>V{r}</t></is></c>'
                          f'</row>' for r in range(start, start + 10_000)).encode()
    path = append_rows(filled_workbook, tmp_path / "long.xlsx", "Quotes", rows)
    problem = at(problems_of(path), "Quotes", "A204")
    assert problem.expected == BEYOND_QUOTES
    assert problem.found == "V204"
    assert dict(problem.params) == {"last": "203", "count": "200", "first": "4"}


def test_notes_right_of_the_quotes_below_the_limit_are_ignored(filled_workbook, tmp_path):
    """Column U is not a quote column (the quotes' contract terms end in T): a note there at
    row 500 is not a quote."""
    def rows():
        yield b'<row r="500"><c r="U500" t="inlineStr"><is><t>note</t></is></c></row>'
    path = append_rows(filled_workbook, tmp_path / "notes.xlsx", "Quotes", rows)
    assert load(path) == load(filled_workbook)


# --- 9. what the book can draw, validate enforces ------------------------------------------


def _with_quotes(tmp_path, count):
    quotes = tuple({"vendor": f"Vendor {i:03d}", "region": "India", "channel": "Email",
                    "model": "Dedicated, per hour", "rate": 7 + i / 100, "currency": "USD"}
                   for i in range(count))
    return write_filled(replace(SMALL, quotes=quotes), tmp_path / f"quotes-{count}.xlsx")


def test_the_most_quotes_the_format_holds_are_priced_and_drawn(tmp_path):
    """200 quotes: each priced, and the charts that draw one mark per quote or per vendor
    (prices against their range, savings per option) build their specs within the chart
    library's row limit."""
    inputs, _ = load(_with_quotes(tmp_path, fmt.QUOTE_MAX_ROWS))
    assert len(inputs.quotes) == 200
    rows = summary.headline(inputs)
    assert len(rows) == 1 + 200 + 6  # in-house, each vendor, three models in two markets
    report.use_charts("en")
    saving = report.saving_chart(report.saving_frame(rows, compare.compare(inputs)), "EUR", "en")
    prices = quotes_chart(report.quote_positions(options.evaluate(inputs)), "EUR", "en")
    assert saving.spec and prices.spec


def test_one_quote_more_is_an_error_at_its_first_cell(tmp_path):
    """The 201st quote sits on row 4 + 200 = 204."""
    problems = problems_of(_with_quotes(tmp_path, fmt.QUOTE_MAX_ROWS + 1))
    assert errors(problems) == [("Quotes", "A204")]
