"""Format versions: an older workbook keeps loading, with the newer fields' defaults and a notice.

Version 2 added the Demand sheet's queue columns M, N, O and the Years sheet (today's operation,
rates, the cost of a change, the exit plan). A version-1 workbook has no Years sheet: it loads with
every field added since at its default and one notice listing them. The `more_since_2` fixture
also marks two version-1 fields as added in version 2, Assumptions!B7 (billed minutes per handled
minute, default 1) and the Quotes column J (exit fee, default 0), to check that a cell and a table
column of a newer field are both ignored in an older workbook. The SMALL company of conftest.py
types 1.2 in B7, an exit fee of 100 EUR on quote row 5 (Beta, quoted in the company's own
currency, so no conversion) and fills every Years field.
"""

from dataclasses import replace

import pytest
from openpyxl import load_workbook

from analysis.i18n import translator
from analysis.model import Years
from analysis.workbook import Severity, WorkbookInvalid, load
from analysis.workbook import format as fmt
from analysis.workbook.examples import EXAMPLES_DIR

BILLED = "Billed minutes per handled minute (per-minute pricing)"
PATIENCE = "Mean patience before hanging up (seconds; blank = nobody hangs up)"
CHATS = "Chats per agent at the same time (blank = 1)"
GROWTH = "Handling-time growth per extra concurrent chat (%; blank = 20)"
EXIT_FEE = "Exit fee (quote currency)"
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
        f"{PATIENCE}: (empty), {CHATS}: 1, {GROWTH}: 20, {TODAY}: In-house, ")
    assert f"{DISCOUNT}: 0, " in text and f"{EXIT_YEAR}: (empty) (a new template" in text
    labels = [label for label, _ in _notice(warnings).assumed]
    assert labels[-len(fmt.YEARS_FIELDS):] == [f.label for f in fmt.YEARS_FIELDS]


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
    assert (inputs.company, inputs.quotes, inputs.inhouse) == (current.company, current.quotes,
                                                               current.inhouse)
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
    assert fmt.sheets_in(1) == fmt.SHEETS[:-1] and fmt.sheets_in(2) == fmt.SHEETS


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
