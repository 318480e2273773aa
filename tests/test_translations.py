"""Every word the package shows has Arabic and Romanian translations that keep its placeholders."""

import re
import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from analysis import translations
from analysis.book import maintenance
from analysis.i18n import _catalog, translator

PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


@pytest.mark.parametrize("lang", ["ar", "ro"])
def test_catalog_complete(lang):
    gaps = translations.check(lang)
    assert gaps.missing == (), f"{len(gaps.missing)} untranslated in {lang}: {gaps.missing[:5]}"
    assert gaps.fuzzy == (), f"fuzzy in {lang}: {gaps.fuzzy[:5]}"


@pytest.mark.parametrize("lang", ["ar", "ro"])
def test_translations_keep_placeholders(lang):
    for source, target in _catalog(lang).items():
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(target)), source


def test_romanian_uses_comma_below():
    """ş/ţ (cedilla) are the wrong letters in Romanian; ș/ț (comma below) are right."""
    for target in _catalog("ro").values():
        assert not re.search("[şţŞŢ]", target), target


def test_translator_translates_and_falls_back():
    assert translator("ar")("Error") == "خطأ"
    assert translator("ro")("Warning") == "Avertisment"
    assert translator("ro")("an id nobody wrote") == "an id nobody wrote"


BOOK_LOCALE = Path(__file__).parents[1] / "book" / "locale"
THEME_LOCALE = Path(__file__).parents[1] / "src" / "analysis" / "book" / "locale"


@pytest.fixture(scope="module")
def book_templates() -> dict[str, set[str]]:
    """The book's prose as it is now, extracted by Sphinx's gettext builder (one .pot per
    domain), so a paragraph added to a page or a notebook without its translation is caught."""
    gettext = maintenance.extract_commands(["ar"])[0]
    subprocess.run(gettext, check=True, capture_output=True, cwd=Path(__file__).parents[1])
    pots = (maintenance.GETTEXT_DIR / "_build" / "gettext").glob("*.pot")
    templates = {}
    for pot in pots:
        with pot.open("rb") as handle:
            templates[pot.stem] = {m.id for m in read_po(handle) if m.id}
    return templates


def _po(path: Path) -> dict[str, object]:
    with path.open("rb") as handle:
        return {m.id: m for m in read_po(handle) if m.id}


@pytest.mark.parametrize("lang", ["ar", "ro"])
def test_book_prose_translated(book_templates, lang):
    for domain, ids in book_templates.items():
        catalog = _po(BOOK_LOCALE / lang / "LC_MESSAGES" / f"{domain}.po")
        missing = [i for i in ids if i not in catalog or not catalog[i].string]
        fuzzy = [i for i in ids if i in catalog and catalog[i].fuzzy]
        assert not missing, f"{domain} ({lang}): {len(missing)} missing, e.g. {missing[:3]}"
        assert not fuzzy, f"{domain} ({lang}): {len(fuzzy)} fuzzy, e.g. {fuzzy[:3]}"


@pytest.mark.parametrize("lang", ["ar", "ro"])
def test_theme_words_translated(lang):
    for path in (THEME_LOCALE / lang / "LC_MESSAGES").glob("*.po"):
        catalog = _po(path)
        assert all(m.string and not m.fuzzy for m in catalog.values()), path


@pytest.mark.parametrize("lang", ["ar", "ro"])
def test_book_translations_keep_markup(lang):
    """MyST roles, links and inline code must survive translation, or the page breaks."""
    markup = re.compile(r"\{[a-z]+\}`[^`]*`|\]\([^)]*\)|``?[^`]+``?")
    for path in (BOOK_LOCALE / lang / "LC_MESSAGES").glob("*.po"):
        for message in _po(path).values():
            if message.string:
                assert len(markup.findall(message.id)) == len(markup.findall(message.string)), (
                    message.id)
