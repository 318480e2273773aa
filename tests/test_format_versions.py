"""Format versions: an older workbook keeps loading, with the newer fields' defaults and a notice.

The mechanism is tested on a future version: the `version_3` fixture makes the format version 3
(1 and 2 still supported) and marks Assumptions!B7 (billed minutes per handled minute, default 1)
and the Quotes column J (exit fee, default 0) as added in version 3. The SMALL company of
conftest.py types 1.2 in B7 and an exit fee of 100 EUR on quote row 5 (Beta, quoted in the
company's own currency, so no conversion). The real version-2 fields (contract terms, the
in-house management layer, benchmark terms) are tested at the end on the example workbooks.
"""

from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook

from analysis import compare
from analysis.i18n import translator
from analysis.model import BillingBasis, Channel
from analysis.workbook import Severity, WorkbookInvalid, load
from analysis.workbook import format as fmt
from analysis.workbook.examples import EXAMPLES_DIR

BILLED = "Billed minutes per handled minute (per-minute pricing)"
PATIENCE = "Mean patience before hanging up (seconds; blank = nobody hangs up)"
EXIT_FEE = "Exit fee (quote currency)"


def _since_3(monkeypatch, group: str, key: str) -> None:
    fields = getattr(fmt, group)
    assert key in {f.key for f in fields}
    monkeypatch.setattr(fmt, group, tuple(replace(f, since=3) if f.key == key else f
                                          for f in fields))


@pytest.fixture
def version_3(monkeypatch):
    monkeypatch.setattr(fmt, "FORMAT_VERSION", 3)
    monkeypatch.setattr(fmt, "SUPPORTED_VERSIONS", frozenset({1, 2, 3}))
    _since_3(monkeypatch, "ASSUMPTION_FIELDS", "billed_minutes_factor")
    _since_3(monkeypatch, "QUOTE_FIELDS", "exit_fee")


def _beta(inputs):
    (quote,) = [q for q in inputs.quotes if q.vendor == "Beta"]
    return quote


def test_an_older_workbook_gets_the_defaults_and_one_notice(version_3, edited):
    inputs, warnings = load(edited({"Instructions": {"B2": 2}}))
    assert inputs.assumptions.billed_minutes_factor == 1.0  # the default, not the 1.2 in B7
    assert _beta(inputs).exit_fee == 0.0  # the default, not the 100 in J5
    notices = [w for w in warnings if (w.sheet, w.cell) == ("Instructions", "B2")]
    assert len(notices) == 1 and notices[0].severity is Severity.WARNING
    assert notices[0].render("en") == (
        "Warning: sheet “Instructions”, cell B2: found 2; expected format version 3; a version 2 "
        "workbook lacks the fields added since, so these defaults were assumed: "
        f"{EXIT_FEE}: 0 and {BILLED}: 1 (a new template has these fields)."
    )


def test_a_current_workbook_reads_the_new_fields(version_3, edited):
    inputs, warnings = load(edited({"Instructions": {"B2": 3}}))
    assert inputs.assumptions.billed_minutes_factor == 1.2
    assert _beta(inputs).exit_fee == 100.0
    assert not [w for w in warnings if w.sheet == "Instructions"]


def test_the_notice_is_in_the_readers_language(version_3, edited):
    _inputs, warnings = load(edited({"Instructions": {"B2": 2}}))
    for lang, conjunction in (("ar", " و"), ("ro", " și ")):
        _ = translator(lang)
        text = warnings[0].render(lang)
        assert _(BILLED) in text and _(EXIT_FEE) in text and conjunction in text
        assert _(BILLED) != BILLED and _(EXIT_FEE) != EXIT_FEE  # really translated
        assert text.startswith(_("Warning"))


def test_the_notice_comes_with_the_errors_too(version_3, edited):
    with pytest.raises(WorkbookInvalid) as caught:
        load(edited({"Instructions": {"B2": 2}, "Company": {"B4": None}}))
    first, *others = caught.value.problems
    assert (first.sheet, first.cell, first.severity) == ("Instructions", "B2", Severity.WARNING)
    assert ("Company", "B4", Severity.ERROR) in [(p.sheet, p.cell, p.severity) for p in others]


def test_a_version_outside_the_supported_ones_is_refused(version_3, edited):
    with pytest.raises(WorkbookInvalid) as caught:
        load(edited({"Instructions": {"B2": 4}}))
    (problem,) = caught.value.problems
    assert (problem.sheet, problem.cell, problem.found) == ("Instructions", "B2", "4")
    assert dict(problem.params) == {"version": "3"}  # what a new template writes


def test_the_real_format_follows_the_policy():
    """Every field exists in a supported version, and every field added later is optional."""
    assert max(fmt.SUPPORTED_VERSIONS) == fmt.FORMAT_VERSION
    assert 1 in fmt.SUPPORTED_VERSIONS  # version-1 workbooks keep loading
    for field in fmt.fields():
        assert field.since in fmt.SUPPORTED_VERSIONS, field.key
        assert field.since == 1 or not field.required, field.key


# --- the real version 2 ----------------------------------------------------------------------

GULF = EXAMPLES_DIR / "gulf-ecommerce.xlsx"


def _as_version_1(tmp_path: Path, source: Path = GULF) -> Path:
    """An example workbook saved as format version 1, its version-2 cells still filled in."""
    book = load_workbook(source)
    book[fmt.INSTRUCTIONS][fmt.VERSION_CELL] = 1
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
