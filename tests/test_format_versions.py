"""Format versions: an older workbook keeps loading, with the newer fields' defaults and a notice.

No real version-2 field exists yet, so two existing fields play one: the `version_2` fixture makes
the format version 2 (1 still supported) and marks Assumptions!B7 (billed minutes per handled
minute, default 1) and the Quotes column J (exit fee, default 0) as added in version 2. The SMALL
company of conftest.py types 1.2 in B7 and an exit fee of 100 EUR on quote row 5 (Beta, quoted in
the company's own currency, so no conversion).
"""

from dataclasses import replace

import pytest

from analysis.i18n import translator
from analysis.workbook import Severity, WorkbookInvalid, load
from analysis.workbook import format as fmt

BILLED = "Billed minutes per handled minute (per-minute pricing)"
PATIENCE = "Mean patience before hanging up (seconds; blank = nobody hangs up)"
CHATS = "Chats per agent at the same time (blank = 1)"
GROWTH = "Handling-time growth per extra concurrent chat (%; blank = 20)"
EXIT_FEE = "Exit fee (quote currency)"
DATE = "Date of these figures (blank = the date the file was last saved)"
LANGUAGE = "Customers' main language (blank = not stated)"
COMPLEXITY = "Complexity of contacts (blank = Mixed)"


def _since_2(monkeypatch, group: str, key: str) -> None:
    fields = getattr(fmt, group)
    assert key in {f.key for f in fields}
    monkeypatch.setattr(fmt, group, tuple(replace(f, since=2) if f.key == key else f
                                          for f in fields))


@pytest.fixture
def version_2(monkeypatch):
    monkeypatch.setattr(fmt, "FORMAT_VERSION", 2)
    monkeypatch.setattr(fmt, "SUPPORTED_VERSIONS", frozenset({1, 2}))
    _since_2(monkeypatch, "ASSUMPTION_FIELDS", "billed_minutes_factor")
    _since_2(monkeypatch, "QUOTE_FIELDS", "exit_fee")


def _beta(inputs):
    (quote,) = [q for q in inputs.quotes if q.vendor == "Beta"]
    return quote


def test_a_version_1_workbook_gets_the_defaults_and_one_notice(version_2, edited):
    inputs, warnings = load(edited({"Instructions": {"B2": 1}}))
    assert inputs.assumptions.billed_minutes_factor == 1.0  # the default, not the 1.2 in B7
    assert _beta(inputs).exit_fee == 0.0  # the default, not the 100 in J5
    notices = [w for w in warnings if (w.sheet, w.cell) == ("Instructions", "B2")]
    assert len(notices) == 1 and notices[0].severity is Severity.WARNING
    assert notices[0].render("en") == (
        "Warning: sheet “Instructions”, cell B2: found 1; expected format version 2; a version 1 "
        "workbook lacks the fields added since, so these defaults were assumed: "
        f"{DATE}: the date the file was last saved, {LANGUAGE}: (empty), {COMPLEXITY}: Mixed, "
        f"{PATIENCE}: (empty), {CHATS}: 1, {GROWTH}: 20, {EXIT_FEE}: 0, and {BILLED}: 1 "
        "(a new template has these fields)."
    )


def test_a_version_2_workbook_reads_the_new_fields(version_2, edited):
    inputs, warnings = load(edited({"Instructions": {"B2": 2}}))
    assert inputs.assumptions.billed_minutes_factor == 1.2
    assert _beta(inputs).exit_fee == 100.0
    assert not [w for w in warnings if w.sheet == "Instructions"]


def test_the_notice_is_in_the_readers_language(version_2, edited):
    _inputs, warnings = load(edited({"Instructions": {"B2": 1}}))
    for lang, conjunction in (("ar", " و"), ("ro", " și ")):
        _ = translator(lang)
        text = warnings[0].render(lang)
        assert _(BILLED) in text and _(EXIT_FEE) in text and conjunction in text
        assert _(BILLED) != BILLED and _(EXIT_FEE) != EXIT_FEE  # really translated
        assert text.startswith(_("Warning"))


def test_the_notice_comes_with_the_errors_too(version_2, edited):
    with pytest.raises(WorkbookInvalid) as caught:
        load(edited({"Instructions": {"B2": 1}, "Company": {"B4": None}}))
    first, *others = caught.value.problems
    assert (first.sheet, first.cell, first.severity) == ("Instructions", "B2", Severity.WARNING)
    assert ("Company", "B4", Severity.ERROR) in [(p.sheet, p.cell, p.severity) for p in others]


def test_a_version_outside_the_supported_ones_is_refused(version_2, edited):
    with pytest.raises(WorkbookInvalid) as caught:
        load(edited({"Instructions": {"B2": 3}}))
    (problem,) = caught.value.problems
    assert (problem.sheet, problem.cell, problem.found) == ("Instructions", "B2", "3")
    assert dict(problem.params) == {"version": "2"}  # what a new template writes


def test_the_real_format_follows_the_policy():
    """Every field exists in a supported version, and every field added later is optional."""
    assert max(fmt.SUPPORTED_VERSIONS) == fmt.FORMAT_VERSION
    assert 1 in fmt.SUPPORTED_VERSIONS  # version-1 workbooks keep loading
    for field in fmt.fields():
        assert field.since in fmt.SUPPORTED_VERSIONS, field.key
        assert field.since == 1 or not field.required, field.key


def test_a_version_1_example_loads_with_the_queue_defaults(tmp_path):
    """The real version-2 fields (Demand M, N, O): a version-1 copy of the Gulf example keeps
    loading; its chat gets one chat per agent and nobody hangs up, whatever those cells hold."""
    from openpyxl import load_workbook

    from analysis.model import Channel
    from analysis.workbook.examples import EXAMPLES_DIR

    book = load_workbook(EXAMPLES_DIR / "gulf-ecommerce.xlsx")
    book["Instructions"]["B2"] = 1
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
