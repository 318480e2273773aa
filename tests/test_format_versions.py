"""Format versions: an older workbook keeps loading, with the newer fields' defaults and a notice.

Version 2 added the Demand sheet's queue columns M, N, O and the Years sheet (today's operation,
rates, the cost of a change, the exit plan). A version-1 workbook has no Years sheet: it loads with
every field added since at its default and one notice listing them. The `more_since_2` fixture
also marks two version-1 fields as added in version 2, Assumptions!B7 (billed minutes per handled
minute, default 1) and the Quotes column J (exit fee, default 0), to check that a cell and a table
column of a newer field are both ignored in an older workbook. The SMALL company of conftest.py
types 1.2 in B7, an exit fee of 100 EUR on quote row 5 (Beta, quoted in the company's own
currency, so no conversion) and fills every Years field. The contract terms of version 2 (Demand
P, the InHouse management block, Quotes K-T, the benchmark terms) are tested at the end on the
example workbooks.
"""

from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook

from analysis import compare
from analysis.i18n import translator
from analysis.model import BillingBasis, Channel, Years
from analysis.workbook import Severity, WorkbookInvalid, load
from analysis.workbook import format as fmt
from analysis.workbook.examples import EXAMPLES_DIR

BILLED = "Billed minutes per handled minute (per-minute pricing)"
PATIENCE = "Mean patience before hanging up (seconds; blank = nobody hangs up)"
CHATS = "Chats per agent at the same time (blank = 1)"
GROWTH = "Handling-time growth per extra concurrent chat (%; blank = 20)"
EXIT_FEE = "Exit fee (quote currency)"
DATE = "Date of these figures (blank = the date the file was last saved)"
LANGUAGE = "Customers' main language (blank = not stated)"
COMPLEXITY = "Complexity of contacts (blank = Mixed)"
TODAY = "Today's operation (In-house, or a vendor's name as on the Quotes sheet)"
DISCOUNT = "Discount rate (% a year)"
EXIT_YEAR = "Planned exit year (last year with the vendor)"


def _since_2(monkeypatch, group: str, key: str) -> None:
    fields = getattr(fmt, group)
    assert key in {f.key for f in fields}
    monkeypatch.setattr(fmt, group, tuple(replace(f, since=2) if f.key == key else f
                                          for f in fields))


@pytest.fixture
def more_since_2(monkeypatch):
    _since_2(monkeypatch, "ASSUMPTION_FIELDS", "billed_minutes_factor")
    _since_2(monkeypatch, "QUOTE_FIELDS", "exit_fee")


def _beta(inputs):
    (quote,) = [q for q in inputs.quotes if q.vendor == "Beta"]
    return quote


def _notice(warnings):
    notices = [w for w in warnings if (w.sheet, w.cell) == ("Instructions", "B2")]
    assert len(notices) == 1 and notices[0].severity is Severity.WARNING
    return notices[0]


def test_a_version_1_workbook_has_no_years_sheet_and_gets_its_defaults(edited):
    inputs, warnings = load(edited({"Instructions": {"B2": 1}}, drop=("Years",)))
    assert inputs.years == Years()  # in-house today, nothing discounted, no change costs
    text = _notice(warnings).render("en")
    assert text.startswith(
        "Warning: sheet “Instructions”, cell B2: found 1; expected format version 2; a version 1 "
        "workbook lacks the fields added since, so these defaults were assumed: "
        f"{DATE}: the date the file was last saved, {LANGUAGE}: (empty), {COMPLEXITY}: Mixed, "
        f"{PATIENCE}: (empty), {CHATS}: 1, {GROWTH}: 20, ")
    assert f"{TODAY}: In-house, " in text and f"{DISCOUNT}: 0, " in text
    assert f"{EXIT_YEAR}: (empty), and " in text
    # The Ranges sheet (issue 13) once, by its input column: the default ranges apply.
    assert text.endswith("Uncertain input: none: the documented default ranges (a new template "
                         "has these fields).")
    labels = [label for label, _ in _notice(warnings).assumed]
    assert labels[-len(fmt.YEARS_FIELDS) - 1:-1] == [f.label for f in fmt.YEARS_FIELDS]


def test_a_version_1_workbook_ignores_a_years_sheet_it_should_not_have(edited):
    """The SMALL company's Years values (8% discount, ...) are not version 1's."""
    inputs, _warnings = load(edited({"Instructions": {"B2": 1}}))
    assert inputs.years == Years()


def test_a_version_2_workbook_reads_the_years_sheet(edited):
    inputs, warnings = load(edited({"Years": {"B4": "beta"}}))
    assert inputs.years.current_vendor == "Beta" and inputs.years.discount_rate == 0.08
    assert not [w for w in warnings if w.sheet == "Instructions"]


@pytest.mark.parametrize("name", ["gulf-ecommerce", "romania-saas", "us-consumer"])
def test_each_example_saved_as_version_1_still_loads(name, tmp_path):
    """An example as a version-1 user would have it: B2 = 1 and no Years sheet."""
    book = load_workbook(EXAMPLES_DIR / f"{name}.xlsx")
    book["Instructions"]["B2"] = 1
    del book["Years"]
    path = tmp_path / f"{name}-v1.xlsx"
    book.save(path)
    inputs, warnings = load(path)
    current, _ = load(EXAMPLES_DIR / f"{name}.xlsx")
    assert inputs.years == Years()
    v1_company = ("name", "currency", "usd_rate", "hours", "horizon_years")
    assert [getattr(inputs.company, k) for k in v1_company] == [
        getattr(current.company, k) for k in v1_company]
    # Company B12-B14 are version 2: ignored here, so the date is the one openpyxl stored in
    # the file's properties on saving it above, and the caveats take their defaults.
    assert inputs.company.date_from_file
    assert inputs.company.customer_language is None
    assert inputs.company.complexity == "mixed"
    # The version-1 part of each quote and of the in-house costs is read as before; the
    # version-2 contract terms and management block take their defaults.
    v1 = [f.key for f in fmt.QUOTE_FIELDS if f.since == 1 and f.key != "currency"]
    assert [[getattr(q, k) for k in v1] for q in inputs.quotes] == [
        [getattr(q, k) for k in v1] for q in current.quotes]
    assert all(q.billing_basis is None for q in inputs.quotes)
    assert [getattr(inputs.inhouse, f.key) for f in fmt.INHOUSE_FIELDS] == [
        getattr(current.inhouse, f.key) for f in fmt.INHOUSE_FIELDS]
    assert [w.cell for w in warnings] == ["B2"]


def test_newer_cells_and_columns_are_ignored_in_a_version_1_workbook(more_since_2, edited):
    inputs, warnings = load(edited({"Instructions": {"B2": 1}}, drop=("Years",)))
    assert inputs.assumptions.billed_minutes_factor == 1.0  # the default, not the 1.2 in B7
    assert _beta(inputs).exit_fee == 0.0  # the default, not the 100 in J5
    assumed = dict(_notice(warnings).assumed)
    assert (assumed[EXIT_FEE], assumed[BILLED]) == ("0", "1")


def test_a_version_2_workbook_reads_the_new_fields(more_since_2, edited):
    inputs, warnings = load(edited({"Instructions": {"B2": 2}}))
    assert inputs.assumptions.billed_minutes_factor == 1.2
    assert _beta(inputs).exit_fee == 100.0
    assert not [w for w in warnings if w.sheet == "Instructions"]


def test_the_notice_is_in_the_readers_language(edited):
    _inputs, warnings = load(edited({"Instructions": {"B2": 1}}, drop=("Years",)))
    for lang, conjunction in (("ar", " و"), ("ro", " și ")):
        _ = translator(lang)
        text = warnings[0].render(lang)
        assert _(TODAY) in text and _(DISCOUNT) in text and conjunction in text
        assert _(TODAY) != TODAY and _(DISCOUNT) != DISCOUNT  # really translated
        assert text.startswith(_("Warning"))


def test_the_notice_comes_with_the_errors_too(edited):
    with pytest.raises(WorkbookInvalid) as caught:
        load(edited({"Instructions": {"B2": 1}, "Company": {"B4": None}}, drop=("Years",)))
    first, *others = caught.value.problems
    assert (first.sheet, first.cell, first.severity) == ("Instructions", "B2", Severity.WARNING)
    assert ("Company", "B4", Severity.ERROR) in [(p.sheet, p.cell, p.severity) for p in others]


def test_a_version_outside_the_supported_ones_is_refused(edited):
    with pytest.raises(WorkbookInvalid) as caught:
        load(edited({"Instructions": {"B2": 3}}))
    (problem,) = caught.value.problems
    assert (problem.sheet, problem.cell, problem.found) == ("Instructions", "B2", "3")
    assert dict(problem.params) == {"version": "2"}  # what a new template writes


def test_the_real_format_follows_the_policy():
    """Every field exists in a supported version, every field added later is optional, and a
    sheet added later holds only fields of its version or later."""
    assert max(fmt.SUPPORTED_VERSIONS) == fmt.FORMAT_VERSION == 2
    assert 1 in fmt.SUPPORTED_VERSIONS  # version-1 workbooks keep loading
    for field in fmt.fields():
        assert field.since in fmt.SUPPORTED_VERSIONS, field.key
        assert field.since == 1 or not field.required, field.key
        assert field.since >= fmt.SHEET_SINCE.get(field.sheet, 1), field.key
    assert fmt.sheets_in(1) == tuple(s for s in fmt.SHEETS if s not in (fmt.YEARS, fmt.RANGES))
    assert fmt.sheets_in(2) == fmt.SHEETS


def test_a_version_1_example_loads_with_the_queue_defaults(tmp_path):
    """The real version-2 fields (Demand M, N, O): a version-1 copy of the Gulf example keeps
    loading; its chat gets one chat per agent and nobody hangs up, whatever those cells hold."""
    from analysis.model import Channel

    book = load_workbook(EXAMPLES_DIR / "gulf-ecommerce.xlsx")
    book["Instructions"]["B2"] = 1
    del book["Years"]
    path = tmp_path / "version-1.xlsx"
    book.save(path)
    inputs, warnings = load(path)
    chat = next(d for d in inputs.demand if d.channel is Channel.CHAT)
    assert (chat.chats_per_agent, chat.aht_growth_per_chat, chat.patience_seconds) == (1, 0.2,
                                                                                       None)
    assert warnings[0].cell == "B2" and PATIENCE in warnings[0].render("en")
    inputs, warnings = load(EXAMPLES_DIR / "gulf-ecommerce.xlsx")
    chat = next(d for d in inputs.demand if d.channel is Channel.CHAT)
    assert chat.chats_per_agent > 1


def test_a_version_1_example_gets_the_cover_defaults(tmp_path):
    """The Company fields of version 2 (B12-B14): a version-1 copy of the Gulf example, whose
    B12-B14 hold a date, Arabic and Routine, ignores them: the date is the one the file stores
    (its core properties, as openpyxl saved them), the language is not stated, the contacts are
    mixed; the notice names all three."""
    import re
    import zipfile

    from openpyxl import load_workbook

    from analysis.workbook.examples import EXAMPLES_DIR

    book = load_workbook(EXAMPLES_DIR / "gulf-ecommerce.xlsx")
    assert book["Company"]["B13"].value == "Arabic"
    book["Instructions"]["B2"] = 1
    path = tmp_path / "version-1.xlsx"
    book.save(path)
    with zipfile.ZipFile(path) as archive:
        core = archive.read("docProps/core.xml").decode()
    saved = re.search(r"<dcterms:modified[^>]*>(\d{4}-\d{2}-\d{2})", core).group(1)
    inputs, warnings = load(path)
    company = inputs.company
    assert (company.report_date.isoformat(), company.date_from_file) == (saved, True)
    assert (company.customer_language, company.complexity) == (None, "mixed")
    notice = warnings[0].render("en")
    assert DATE in notice and LANGUAGE in notice and COMPLEXITY in notice
    assert f"{DATE}: the date the file was last saved" in notice
    inputs, _warnings = load(EXAMPLES_DIR / "gulf-ecommerce.xlsx")
    assert (inputs.company.report_date.isoformat(), inputs.company.date_from_file) == (
        "2025-09-30", False)
    assert (inputs.company.customer_language, inputs.company.complexity) == ("ar", "routine")
# --- the real version 2 ----------------------------------------------------------------------

GULF = EXAMPLES_DIR / "gulf-ecommerce.xlsx"


def _as_version_1(tmp_path: Path, source: Path = GULF) -> Path:
    """An example workbook saved as format version 1, its version-2 cells still filled in (the
    Years sheet, which a version-1 workbook cannot have, dropped)."""
    book = load_workbook(source)
    book[fmt.INSTRUCTIONS][fmt.VERSION_CELL] = 1
    del book["Years"]
    path = tmp_path / "version-1.xlsx"
    book.save(path)
    return path


def test_a_version_1_example_loads_with_the_version_2_defaults(tmp_path):
    inputs, warnings = load(_as_version_1(tmp_path))
    (notice,) = [w for w in warnings if (w.sheet, w.cell) == ("Instructions", "B2")]
    text = notice.render("en")
    # Every version-2 field of this issue is listed with its default as one would type it.
    for expected in (
        "Billing basis (hourly and per-minute prices): in-seat hours for hourly prices, "
        "handling time per minute",
        "Vendor shrinkage (%; paid hours, monthly agents): the company's shrinkage",
        "Contract hours a week per agent (monthly per agent): 40",
        "Agents per operations manager: 75",
        "Operations manager salary (company currency per year): 1.5 × the team-lead salary",
        "Software licences are paid: Per user",
        "Paid time on site off the phones (% of paid time: breaks, coaching, meetings): 15",
        "After-call work (% of handling time): 15",
        "Benchmark minimum commitment (% of its expected monthly charges): 80",
    ):
        assert expected in text
    # The cells typed in the example are ignored: the defaults are used instead.
    riyadh = next(q for q in inputs.quotes if q.vendor.startswith("Riyadh"))
    assert riyadh.billing_basis is None and riyadh.basis is BillingBasis.IN_SEAT
    assert riyadh.vendor_shrinkage is None and riyadh.night_weekend_surcharge == 0
    assert inputs.inhouse.operations_manager_salary is None  # 1.5 x the team lead's
    assert inputs.inhouse.training_weeks == 4
    phone = next(d for d in inputs.demand if d.channel is Channel.INBOUND_PHONE)
    assert phone.acw_share == 0.15  # not the 20% typed in Demand!P4
    # ... and the analysis runs on them.
    assert compare.compare(inputs, draws=5).recommendation.verdict


def test_the_version_1_notice_is_translated(tmp_path):
    _inputs, warnings = load(_as_version_1(tmp_path))
    for lang in ("ar", "ro"):
        _ = translator(lang)
        text = warnings[0].render(lang)
        assert _("the company's shrinkage") in text
        assert _("the company's shrinkage") != "the company's shrinkage"


def test_a_version_2_example_reads_its_contract_terms():
    inputs, warnings = load(GULF)
    assert warnings == []
    riyadh = next(q for q in inputs.quotes if q.vendor.startswith("Riyadh"))
    assert riyadh.basis is BillingBasis.PAID
    assert (riyadh.vendor_shrinkage, riyadh.night_weekend_surcharge) == (0.30, 0.10)

