"""The loader: every error path, the warnings, the cross-field rules, and the file left untouched.

Cells refer to the SMALL company of conftest.py laid out by workbook.format:
Company B4 name, B5 currency, B6 rate, B7 coverage, B8-B10 hours, B11 horizon;
Demand rows 4-8 = inbound, outbound, email, chat, social, columns B monthly
contacts, C customers, D contacts per customer, E AHT, F service level,
G answer target, H response target, I-K own hours, L success rate;
InHouse B4-B19 costs (B4 salary, B18 shrinkage, B19 occupancy), B22-B24
retained management; Quotes rows 4-5, columns A-J; Assumptions B4-B8, profile
B11-B34; Years B4-B14 (B4 today's operation "in house", B5 team today 3, B14 planned exit year 1
of the 2-year horizon).
"""

import datetime as dt
import os
import re
import zipfile

import pytest

from analysis.model import Channel
from analysis.workbook import Severity, WorkbookInvalid, WorkbookUnreadable, files, load, numbers


def problems_of(path):
    with pytest.raises(WorkbookInvalid) as caught:
        load(path)
    return caught.value.problems


def only(problems, severity=Severity.ERROR):
    return [(p.sheet, p.cell) for p in problems if p.severity is severity]


def find(problems, sheet, cell):
    (problem,) = [p for p in problems if (p.sheet, p.cell) == (sheet, cell)]
    return problem


# --- the file itself ------------------------------------------------------------------------


def test_missing_file(tmp_path):
    with pytest.raises(WorkbookUnreadable) as caught:
        load(tmp_path / "nowhere.xlsx")
    assert caught.value.reason == files.MISSING_FILE


def test_folder(tmp_path):
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    with pytest.raises(WorkbookUnreadable) as caught:
        load(folder)
    assert caught.value.reason == files.IS_FOLDER


def test_a_csv_file_is_named_as_such(tmp_path):
    path = tmp_path / "company.csv"
    path.write_text("name,currency\n")
    with pytest.raises(WorkbookUnreadable) as caught:
        load(path)
    assert caught.value.reason == files.REFUSED
    assert "a text or CSV file" in caught.value.render()


@pytest.mark.parametrize("content", [b"\x00\x01binary junk\xff" * 10, b"PK\x03\x04broken"])
def test_not_a_zip(tmp_path, content):
    path = tmp_path / "company.xlsx"
    path.write_bytes(content)
    with pytest.raises(WorkbookUnreadable) as caught:
        load(path)
    assert caught.value.reason == files.CORRUPT


def test_zip_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "company.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(WorkbookUnreadable) as caught:
        load(path)
    assert caught.value.reason == files.CORRUPT
    assert "Cannot read the workbook" in caught.value.render("en")


def _fingerprint(path):
    return path.read_bytes(), os.stat(path).st_mtime_ns


def test_file_untouched_by_a_successful_load(filled_workbook):
    before = _fingerprint(filled_workbook)
    load(filled_workbook)
    assert _fingerprint(filled_workbook) == before


def test_file_untouched_by_a_failed_load(edited):
    path = edited({"InHouse": {"B4": "=1+1"}, "Company": {"B4": None}})
    before = _fingerprint(path)
    with pytest.raises(WorkbookInvalid):
        load(path)
    assert _fingerprint(path) == before


# --- structure ------------------------------------------------------------------------------


def test_missing_sheets_are_all_reported(edited):
    problems = problems_of(edited(drop=("Quotes", "Assumptions")))
    assert only(problems) == [("Quotes", "—"), ("Assumptions", "—")]


MISSING = ("Error: sheet “{}” is missing; copy it from a new template (made by `python -m analysis "
           "template new-template.xlsx`) into this workbook, keeping its name, then fill it in")


def test_a_missing_sheet_is_one_sentence_saying_so_and_what_to_do(edited):
    """Each missing sheet is its own line: its name, "missing", and the template command; no
    "cell —" and no "found (empty)" (there is no cell to name)."""
    caught = pytest.raises(WorkbookInvalid, load, edited(drop=("Assumptions", "Years")))
    assert caught.value.render().splitlines() == [MISSING.format("Assumptions"),
                                                  MISSING.format("Years")]


@pytest.mark.parametrize("lang, label, missing", [("ar", "خطأ", "مفقودة"),
                                                  ("ro", "Eroare", "lipsește")])
def test_a_missing_sheet_in_the_readers_language(edited, lang, label, missing):
    caught = pytest.raises(WorkbookInvalid, load, edited(drop=("Assumptions",)))
    (line,) = caught.value.render(lang).splitlines()
    assert line.startswith(label) and missing in line and "Assumptions" in line
    assert "python -m analysis template" in line and "cell" not in line


def test_without_instructions_the_workbook_is_read_as_the_current_version(edited, filled_workbook):
    """The Instructions sheet holds only the instructions and the version: a workbook without it
    loads exactly as the untouched one, with one warning naming the sheet and version 2."""
    inputs, warnings = load(edited(drop=("Instructions",)))
    assert inputs == load(filled_workbook)[0]
    (warning,) = warnings
    assert (warning.sheet, warning.severity) == ("Instructions", Severity.WARNING)
    assert warning.render().startswith(
        "Warning: sheet “Instructions” is missing, so the workbook was read as format version 2")


def test_without_instructions_a_missing_years_sheet_is_still_reported(edited):
    """Read as version 2, whose sheets include Years: both Years and Quotes are reported."""
    problems = problems_of(edited(drop=("Instructions", "Years", "Quotes")))
    assert only(problems) == [("Quotes", "—"), ("Years", "—")]
    assert only(problems, Severity.WARNING) == [("Instructions", "—")]


@pytest.mark.parametrize("version", [3, "two", None])
def test_wrong_format_version(edited, version):
    problems = problems_of(edited({"Instructions": {"B2": version}}))
    assert only(problems) == [("Instructions", "B2")]
    assert dict(problems[0].params) == {"version": "2"}


def test_version_as_text_is_accepted(edited, filled_workbook):
    """"2" typed as text is version 2: the workbook loads exactly as the untouched one."""
    inputs, warnings = load(edited({"Instructions": {"B2": "2"}}))
    assert warnings == []
    assert inputs == load(filled_workbook)[0]


# --- one cell -------------------------------------------------------------------------------


def test_wrong_type(edited):
    problem = find(problems_of(edited({"InHouse": {"B4": "thirty thousand"}})), "InHouse", "B4")
    assert (problem.found, problem.expected) == ("thirty thousand", numbers.NOT_A_NUMBER)


def test_out_of_range_percent(edited):
    problem = find(problems_of(edited({"InHouse": {"B18": 95}})), "InHouse", "B18")
    assert problem.found == "95"
    assert problem.render() == (
        "Error: sheet “InHouse”, cell B18: found 95; "
        "expected a number between 0 and 90 (percent)."
    )


def test_out_of_range_whole_number(edited):
    problem = find(problems_of(edited({"Company": {"B8": 8}})), "Company", "B8")
    assert problem.expected == "a whole number between {min} and {max}"
    assert dict(problem.params) == {"min": "1", "max": "7"}


def test_not_a_whole_number(edited):
    problem = find(problems_of(edited({"Company": {"B11": 2.5}})), "Company", "B11")
    assert dict(problem.params) == {"min": "1", "max": "10"}


def test_exclusive_minimum(edited):
    """The email response target (Demand H6) must be above 0 hours."""
    problem = find(problems_of(edited({"Demand": {"H6": 0}})), "Demand", "H6")
    assert problem.expected == "a number above {min} and at most {max}"


def test_missing_required(edited):
    problem = find(problems_of(edited({"Company": {"B4": None}})), "Company", "B4")
    assert problem.found == ""
    assert "found (empty)" in problem.render()


def test_unknown_dropdown_value(edited):
    problems = problems_of(edited({"Company": {"B7": "Sometimes"}, "Quotes": {"B4": "Mars"}}))
    assert only(problems) == [("Company", "B7"), ("Quotes", "B4")]
    assert dict(find(problems, "Company", "B7").params) == {"choices": "Business hours, 24/7"}


def test_dropdown_matches_case_spacing_and_enum_value(edited):
    inputs, _ = load(edited({"Quotes": {"B4": "latin america", "B5": "USA / Canada",
                                        "C4": "email", "D5": "hourly_plus_commission"}}))
    assert [q.region for q in inputs.quotes] == ["latin_america", "usa_canada"]


def test_unknown_currency(edited):
    problem = find(problems_of(edited({"Company": {"B5": "EURO"}})), "Company", "B5")
    assert "ISO" in problem.expected


def test_lower_case_currency_accepted(edited):
    inputs, _ = load(edited({"Company": {"B5": "eur"}}))
    assert inputs.company.currency == "EUR"


def test_formula_without_saved_value(edited):
    problem = find(problems_of(edited({"InHouse": {"B4": "=2000*15"}})), "InHouse", "B4")
    assert "formula without a saved value" in problem.expected
    assert "Excel or LibreOffice" in problem.expected


def test_formula_with_saved_value_is_read(edited, tmp_path):
    """What Excel or LibreOffice writes: the formula and its last value (2000 × 15 = 30000)."""
    source = edited({"InHouse": {"B4": "=2000*15"}})
    path = tmp_path / "saved.xlsx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w") as new:
        for item in old.infolist():
            data = old.read(item)
            if item.filename == "xl/worksheets/sheet4.xml":  # InHouse is the fourth sheet
                data, count = re.subn(rb"<f>2000\*15</f><v\s*/>", b"<f>2000*15</f><v>30000</v>",
                                      data)
                assert count == 1
            new.writestr(item, data)
    inputs, _ = load(path)
    assert inputs.inhouse.annual_salary == 30000


def test_spreadsheet_error_value(edited):
    problem = find(problems_of(edited({"InHouse": {"B4": "#DIV/0!"}})), "InHouse", "B4")
    assert dict(problem.params) == {"error": "#DIV/0!"}


def test_boolean(edited):
    problem = find(problems_of(edited({"InHouse": {"B4": True}})), "InHouse", "B4")
    assert (problem.found, problem.expected) == ("TRUE", numbers.BOOLEAN)


def test_ambiguous_text_number_is_refused(edited):
    problem = find(problems_of(edited({"InHouse": {"B9": "2,000"}})), "InHouse", "B9")
    assert problem.expected == numbers.AMBIGUOUS


def test_text_numbers_in_local_forms(edited):
    inputs, warnings = load(edited({"InHouse": {
        "B4": "30 000", "B18": "٣٥٪", "B5": "25 %", "B15": "٢٠٠", "B13": "3,0",
    }}))
    assert warnings == []
    assert inputs.inhouse.annual_salary == 30000
    assert inputs.inhouse.shrinkage == 0.35
    assert inputs.inhouse.employer_oncost == 0.25
    assert inputs.inhouse.rent_per_seat_month == 200
    assert inputs.inhouse.equipment_years == 3


def test_percent_formatted_cell_is_read_as_shown(edited):
    path = edited({"InHouse": {"B18": 0.35}}, formats={"InHouse": {"B18": "0%"}})
    inputs, warnings = load(path)
    assert inputs.inhouse.shrinkage == 0.35
    assert warnings == []


def test_small_percent_is_points_with_a_warning(edited):
    """0.35 in a plain cell is 0.35%, i.e. 0.0035 as a fraction; the loader says so."""
    inputs, warnings = load(edited({"InHouse": {"B18": 0.35}}))
    assert inputs.inhouse.shrinkage == pytest.approx(0.0035)
    assert only(warnings, Severity.WARNING) == [("InHouse", "B18")]
    assert dict(warnings[0].params) == {"value": "0.35", "points": "35"}


def test_hour_as_a_time(edited):
    inputs, _ = load(edited({"Company": {"B9": dt.time(9, 0), "B10": dt.time(18, 0)}}))
    assert (inputs.company.hours.open_hour, inputs.company.hours.close_hour) == (9, 18)


def test_hour_with_minutes_is_refused(edited):
    problems = problems_of(edited({"Company": {"B9": dt.time(9, 30)}}))
    assert only(problems) == [("Company", "B9")]


# --- warnings -------------------------------------------------------------------------------


def test_suspicious_values_warn_but_load(edited):
    inputs, warnings = load(edited({
        "InHouse": {"B18": 65, "B19": 97, "B4": 0},
        "Demand": {"E4": 4000},
    }))
    assert sorted(only(warnings, Severity.WARNING)) == [
        ("Demand", "E4"), ("InHouse", "B18"), ("InHouse", "B19"), ("InHouse", "B4"),
    ]
    assert inputs.inhouse.shrinkage == 0.65
    assert dict(find(warnings, "InHouse", "B18").params) == {"low": "10", "high": "60"}
    # a 0 salary is outside 1,000-150,000 USD a year at 0.8 EUR per USD: 800-120,000 EUR
    assert dict(find(warnings, "InHouse", "B4").params)["low"] == "800"


def test_value_in_a_column_the_channel_does_not_use(edited):
    _, warnings = load(edited({"Demand": {"F6": 80}}))  # service level for email
    assert only(warnings, Severity.WARNING) == [("Demand", "F6")]


def test_row_with_settings_but_no_volume(edited):
    inputs, warnings = load(edited({"Demand": {"E7": 300}}))  # chat AHT, no chat volume
    assert only(warnings, Severity.WARNING) == [("Demand", "B7")]
    assert Channel.CHAT not in {d.channel for d in inputs.demand}


def test_no_retained_management_with_quotes(edited):
    _, warnings = load(edited({"InHouse": {"B22": None, "B24": 0}}))
    assert only(warnings, Severity.WARNING) == [("InHouse", "B22")]


def test_quote_for_an_unused_channel(edited):
    _, warnings = load(edited({"Quotes": {"C4": "Chat"}}))
    assert only(warnings, Severity.WARNING) == [("Quotes", "C4")]


# --- cross-field rules ----------------------------------------------------------------------


def test_both_volume_metrics_must_agree(edited):
    # 5000 customers × 0.3 = 1500 contacts, against 1000 typed: 33% apart.
    problems = problems_of(edited({"Demand": {"C4": 5000, "D4": 0.3}}))
    problem = find(problems, "Demand", "B4")
    assert dict(problem.params) == {"customers_cell": "C4", "rate_cell": "D4", "derived": "1500"}
    assert "C4 × D4 = 1500" in problem.render()


def test_both_volume_metrics_within_five_percent(edited):
    # 5000 × 0.208 = 1040; 1000 is 3.8% below it: accepted, the typed monthly figure is used.
    inputs, _ = load(edited({"Demand": {"C4": 5000, "D4": 0.208}}))
    inbound = inputs.demand[0]
    assert (inbound.monthly_contacts, inbound.customers) == (1000, 5000)


def test_customers_without_rate(edited):
    problems = problems_of(edited({"Demand": {"D6": None}}))
    assert only(problems) == [("Demand", "D6")]


def test_at_least_one_channel(edited):
    problems = problems_of(edited({"Demand": {
        "B4": None, "B5": None, "C6": None, "D6": None,
        "E4": None, "E5": None, "E6": None,
    }, "Quotes": {f"{c}{r}": None for c in "ABCDEFGHIJ" for r in (4, 5)}}))
    assert only(problems) == [("Demand", "B4")]


def test_all_volumes_zero(edited):
    problems = problems_of(edited({"Demand": {"B4": 0, "B5": 0, "C6": 0}}))
    assert only(problems) == [("Demand", "B4")]


def test_invalid_coverage_is_the_only_error(edited):
    """Channels on company hours cannot be built, but that is not a second error."""
    problems = problems_of(edited({"Company": {"B7": "Sometimes"}, "Demand": {"I6": None,
                                                                             "J6": None,
                                                                             "K6": None}}))
    assert only(problems) == [("Company", "B7")]


def test_zero_volume_means_unused(edited):
    inputs, _ = load(edited({"Demand": {"B4": 0}}))
    assert Channel.INBOUND_PHONE not in {d.channel for d in inputs.demand}


def test_closing_before_opening(edited):
    problems = problems_of(edited({"Company": {"B9": 17, "B10": 8}, "Demand": {"K6": 9}}))
    assert only(problems) == [("Company", "B10"), ("Demand", "K6")]


def test_business_hours_need_days_and_hours(edited):
    problems = problems_of(edited({"Company": {"B8": None, "B9": None}}))
    assert only(problems) == [("Company", "B8"), ("Company", "B9")]


def test_24_7_ignores_business_hours(edited):
    inputs, _ = load(edited({"Company": {"B7": "24/7"}}))
    assert inputs.company.hours.is_24_7
    assert inputs.demand[0].hours.is_24_7
    assert inputs.demand[2].hours.hours_per_week == 6 * 6  # email keeps its own hours


def test_partial_own_hours(edited):
    problems = problems_of(edited({"Demand": {"I4": 6}}))
    assert only(problems) == [("Demand", "J4"), ("Demand", "K4")]


def test_usd_company_rate_must_be_one(edited):
    problems = problems_of(edited({"Company": {"B5": "USD", "B6": 3.75}, "Quotes": {"F5": "USD"}}))
    assert only(problems) == [("Company", "B6")]


def test_quote_currency_must_be_usd_or_the_company_one(edited):
    problems = problems_of(edited({"Quotes": {"F4": "GBP"}}))
    assert only(problems) == [("Quotes", "F4")]
    assert dict(problems[0].params) == {"currency": "EUR"}


def test_quote_currency_blank_means_usd(edited):
    inputs, _ = load(edited({"Quotes": {"F4": None}}))
    assert inputs.quotes[0].rate == 800  # 1000 USD × 0.8


def test_commission_only_for_outbound(edited):
    problems = problems_of(edited({"Quotes": {"D4": "Commission", "G4": 3}}))
    assert only(problems) == [("Quotes", "D4")]


def test_commission_needs_a_success_rate(edited):
    problems = problems_of(edited({"Demand": {"L5": None}}))
    problem = find(problems, "Demand", "L5")
    assert dict(problem.params) == {"row": "5"}


def test_commission_needs_a_commission(edited):
    problems = problems_of(edited({"Quotes": {"G5": None}}))
    assert only(problems) == [("Quotes", "G5")]


def test_rate_needed_unless_commission_only(edited):
    problems = problems_of(edited({"Quotes": {"E4": None}}))
    assert only(problems) == [("Quotes", "E4")]
    inputs, _ = load(edited({"Quotes": {"D5": "Commission", "E5": None}}))
    assert inputs.quotes[1].rate == 0


def test_any_number_of_quote_rows(edited):
    far = {"A60": "Gamma", "B60": "Pakistan", "C60": "Inbound phone",
           "D60": "Shared, per minute", "E60": 0.4}
    inputs, _ = load(edited({"Quotes": far}))
    assert [q.vendor for q in inputs.quotes] == ["Alpha", "Beta", "Gamma"]
    assert inputs.quotes[2].rate == pytest.approx(0.32)  # 0.40 USD × 0.8


def test_hourly_profile_all_or_nothing(edited):
    problems = problems_of(edited({"Assumptions": {"B11": 1, "B12": 2}}))
    (problem,) = problems
    assert problem.cell == "B13"  # the first blank hour
    profile = {f"B{11 + h}": (2 if 8 <= h < 20 else 1) for h in range(24)}
    inputs, _ = load(edited({"Assumptions": profile}))
    assert inputs.assumptions.hourly_profile == tuple(2 if 8 <= h < 20 else 1 for h in range(24))


def test_channel_rows_are_fixed(edited):
    problems = problems_of(edited({"Demand": {"A4": "Phone"}}))
    assert only(problems) == [("Demand", "A4")]


def test_every_problem_at_once(edited):
    problems = problems_of(edited({
        "Company": {"B4": None, "B7": "Sometimes"},
        "Demand": {"E4": "slow", "C4": 5000, "D4": 0.3},
        "InHouse": {"B18": 95, "B19": 97, "B4": "=1+1"},
        "Quotes": {"F4": "GBP"},
    }))
    assert sorted(only(problems)) == [
        ("Company", "B4"), ("Company", "B7"), ("Demand", "B4"), ("Demand", "E4"),
        ("InHouse", "B18"), ("InHouse", "B4"), ("Quotes", "F4"),
    ]
    assert only(problems, Severity.WARNING) == [("InHouse", "B19")]


# --- Years ----------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["In-house", "in house", " INHOUSE ", None])
def test_today_in_house_however_typed(edited, typed):
    inputs, warnings = load(edited({"Years": {"B4": typed}}))
    assert inputs.years.current_vendor is None
    assert warnings == []


def test_today_a_vendor_not_on_the_quotes_sheet(edited):
    problem = find(problems_of(edited({"Years": {"B4": "Gamma"}})), "Years", "B4")
    assert problem.render() == (
        "Error: sheet “Years”, cell B4: found Gamma; expected “In-house” or the name of a "
        "vendor on the Quotes sheet (Alpha, Beta)."
    )


def test_today_a_vendor_whose_quote_has_an_error_is_not_an_error_twice(edited):
    problems = problems_of(edited({"Quotes": {"E5": "ten"}, "Years": {"B4": "Beta"}}))
    assert only(problems) == [("Quotes", "E5")]


def test_an_exit_at_the_end_of_the_horizon_is_not_costed(edited):
    inputs, warnings = load(edited({"Years": {"B14": 2}}))
    assert inputs.years.exit_year is None
    (warning,) = [w for w in warnings if w.sheet == "Years"]
    assert warning.render() == (
        "Warning: sheet “Years”, cell B14: found 2; expected a year before the last of the "
        "planning horizon (2 years, Company B11), or a blank cell: an exit at the horizon's end "
        "or later is not costed."
    )
    _inputs, warnings = load(edited({"Company": {"B11": 1}, "Years": {"B14": 1}}))
    (warning,) = [w for w in warnings if w.sheet == "Years"]
    assert "(1 year, Company B11)" in warning.render()
    assert "(1 an, Company B11)" in warning.render("ro")


def test_years_bounds(edited):
    problems = problems_of(edited({"Years": {"B6": 60, "B12": 13, "B14": 0}}))
    assert only(problems) == [("Years", "B6"), ("Years", "B12"), ("Years", "B14")]


def test_a_version_2_workbook_needs_the_years_sheet(edited):
    assert only(problems_of(edited(drop=("Years",)))) == [("Years", "—")]
