"""The book's cover: the date the workbook states, the inputs' fingerprint, the footer and the
landing page; and the summary's wording (rounding, reasons on the verdict's side)."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import shutil
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest

from analysis import recommend
from analysis.book import landing, stage
from analysis.fingerprint import inputs_fingerprint
from analysis.reference import REFERENCE_DIR
from analysis.report import cover, summary
from analysis.workbook import Severity, WorkbookInvalid, load

CORE = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">{dates}</cp:coreProperties>')


def with_core(source: Path, target: Path, dates: str) -> Path:
    """A copy of the workbook whose core properties hold exactly `dates`."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item)
            if item.filename == "docProps/core.xml":
                data = CORE.format(dates=dates).encode()
            new.writestr(item, data)
    return target


# --- the date ----------------------------------------------------------------------------------


def test_the_date_in_company_b12_is_read_as_the_cell_shows_it(edited):
    # A date cell (the SMALL company's), ISO text, and ISO text in Arabic-Indic digits.
    inputs, _warnings = load(edited())
    assert (inputs.company.report_date, inputs.company.date_from_file) == (
        dt.date(2025, 3, 31), False)
    inputs, _warnings = load(edited({"Company": {"B12": "2024-12-31"}}))
    assert inputs.company.report_date == dt.date(2024, 12, 31)
    inputs, _warnings = load(edited({"Company": {"B12": "٢٠٢٤-٠٦-٣٠"}}))
    assert inputs.company.report_date == dt.date(2024, 6, 30)


@pytest.mark.parametrize("typed", ["31/03/2025", "March 2025", "2025-02-30", 45747.5])
def test_a_date_that_could_be_two_days_or_none_is_refused(edited, typed):
    with pytest.raises(WorkbookInvalid) as caught:
        load(edited({"Company": {"B12": typed}}))
    (problem,) = [p for p in caught.value.problems if p.cell == "B12"]
    assert problem.severity is Severity.ERROR
    assert "year-month-day" in problem.render("en")


def test_an_implausible_year_is_a_warning(edited):
    inputs, warnings = load(edited({"Company": {"B12": "2015-06-30"}}))
    assert inputs.company.report_date == dt.date(2015, 6, 30)
    (warning,) = [w for w in warnings if w.cell == "B12"]
    assert warning.severity is Severity.WARNING and "2020-01-01" in warning.render("en")


def test_a_blank_b12_takes_the_date_the_file_stores(edited, tmp_path):
    blank = edited({"Company": {"B12": None}})
    saved = with_core(blank, tmp_path / "saved.xlsx",
                      '<dcterms:created xsi:type="dcterms:W3CDTF">2023-01-02T08:00:00Z'
                      '</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">'
                      "2024-05-06T23:59:00Z</dcterms:modified>")
    inputs, _warnings = load(saved)
    assert (inputs.company.report_date, inputs.company.date_from_file) == (
        dt.date(2024, 5, 6), True)
    # Never modified: the date it was created; neither: no date at all (not the clock's).
    created = with_core(blank, tmp_path / "created.xlsx",
                        '<dcterms:created xsi:type="dcterms:W3CDTF">2023-01-02T08:00:00Z'
                        "</dcterms:created>")
    assert load(created)[0].company.report_date == dt.date(2023, 1, 2)
    undated = with_core(blank, tmp_path / "undated.xlsx", "")
    inputs, _warnings = load(undated)
    assert inputs.company.report_date is None
    assert cover.date_line(inputs, "en") == (
        "The workbook states no date: Company B12 is blank and the file stores none")


def test_the_date_lines_say_where_the_date_comes_from(edited):
    inputs, _warnings = load(edited())
    assert cover.date_line(inputs, "en") == (
        "Figures as of March 31, 2025 (Company B12 of the workbook)")
    assert str(cover.date_line(inputs, "ro")).startswith("Cifre la data de 31 martie 2025")
    assert "مارس" in str(cover.date_line(inputs, "ar"))


# --- the fingerprint ---------------------------------------------------------------------------


def test_the_fingerprint_is_the_hash_of_the_workbook_and_the_reference_data(tmp_path):
    workbook = b"PK\x03\x04 a workbook"
    # Worked out here the way the docstring says: length-prefixed parts, sha256, 12 digits.
    hasher = hashlib.sha256()
    parts = [workbook]
    for path in sorted(REFERENCE_DIR.glob("*.csv")):
        parts += [path.name.encode(), path.read_bytes()]
    for part in parts:
        hasher.update(len(part).to_bytes(8, "little") + part)
    digits = hasher.hexdigest()[:12]
    assert inputs_fingerprint(workbook) == f"{digits[:4]}-{digits[4:8]}-{digits[8:]}"
    # Another workbook, or other reference prices, give another fingerprint.
    assert inputs_fingerprint(workbook + b" ") != inputs_fingerprint(workbook)
    copy = tmp_path / "reference"
    shutil.copytree(REFERENCE_DIR, copy)
    prices = copy / "regions.csv"
    prices.write_text(prices.read_text(encoding="utf-8").replace(",22,35,", ",22,36,"),
                      encoding="utf-8")
    assert inputs_fingerprint(workbook, copy) != inputs_fingerprint(workbook)


def test_the_cover_footer_and_landing_page_name_company_date_and_fingerprint(edited):
    path = edited()
    inputs, _warnings = load(path)
    shown = cover.Cover.of(inputs, path)
    assert shown.fingerprint == inputs_fingerprint(path.read_bytes())
    block = cover.cover_block(shown, "en")
    assert block.text.splitlines() == [
        "Test Co", "Figures as of March 31, 2025 (Company B12 of the workbook)",
        f"Inputs fingerprint {shown.fingerprint}: the workbook file and the reference prices"]
    footer = cover.footer(shown, "ar")
    assert '<bdi class="name">Test Co</bdi>' in footer and shown.fingerprint in footer
    config = stage.language_config({"sphinx": {"config": {}}}, "ar", ["en", "ar"], footer)
    assert config["sphinx"]["config"]["html_theme_options"]["extra_footer"] == footer
    page = landing.landing_page(["en", "ar"], "book/index", shown)
    assert "Test Co" in page and shown.fingerprint in page
    assert 'lang="ar" dir="rtl"' in page and "March 31, 2025" in page


# --- the summary's words -----------------------------------------------------------------------


def test_the_headline_is_rounded_to_what_the_uncertainty_allows():
    # P10 324,276 and P90 1,541,376: half the range is 608,550, so 100,000s; 892,156 is then
    # "about 900,000", the range 300,000 to 1,500,000.
    step = summary.rounding_step(324_276, 1_541_376, 892_156)
    assert step == 100_000
    assert (summary.rounded(892_156, step), summary.rounded(324_276, step),
            summary.rounded(1_541_376, step)) == (900_000, 300_000, 1_500_000)
    # A saving smaller than the spread keeps its own leading digit: 50,000 in 10,000s.
    assert summary.rounding_step(-500_000, 700_000, 50_000) == 10_000
    # No spread at all: three significant figures (123,456 in 1,000s).
    assert summary.rounding_step(1_000, 1_000, 123_456) == 1_000


def _comparison(verdict: str, saving: float, reasons: tuple[recommend.Message, ...]):
    rec = recommend.Recommendation(verdict, "x", "x", "x", saving, 0.1, reasons, ())
    company = SimpleNamespace(currency="SAR")
    return SimpleNamespace(recommendation=rec, scenario=SimpleNamespace(
        context=SimpleNamespace(inputs=SimpleNamespace(company=company))))


def test_reasons_are_on_the_verdicts_side_and_the_others_apart():
    cost = recommend.Message("Cheaper by far.", leans=recommend.FOR_OUTSOURCING)
    fact = recommend.Message("A fact either way.")
    against = recommend.Message("Complex contacts.", leans=recommend.FOR_IN_HOUSE)
    out = _comparison(recommend.OUTSOURCE, 1.0, (cost, fact, against))
    assert summary.reasons(out, "en").text == "- Cheaper by far.\n- A fact either way."
    assert summary.counter_arguments(out, "en").text == "- Complex contacts."
    keep = _comparison(recommend.IN_HOUSE, -1.0, (cost, fact, against))
    assert summary.reasons(keep, "en").text == "- A fact either way.\n- Complex contacts."
    assert summary.counter_arguments(keep, "en").text == "- Cheaper by far."
    # Too close to call: the side the cost takes today.
    close = _comparison(recommend.TOO_CLOSE, -1.0, (cost, against))
    assert summary.counter_arguments(close, "en").text == "- Cheaper by far."
    alone = _comparison(recommend.OUTSOURCE, 1.0, (cost,))
    assert summary.counter_arguments(alone, "en").text == (
        "Nothing in the workbook argues for the other choice.")


def test_no_sentence_ends_in_two_full_stops():
    # "ر.س." ends the sentence: its own full stop takes the sentence's place.
    from analysis.i18n import fmt_money
    from analysis.report.words import fill

    text = fill("It saves {amount}.", "ar", amount=fmt_money(5, "SAR", "ar"))
    assert not re.search(r"\.[\u2066-\u2069]*\.", str(text))
    assert str(text).endswith("ر.س.\u2069")
