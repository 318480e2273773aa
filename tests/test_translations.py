"""Every word the package shows has Arabic and Romanian translations that keep its placeholders."""

import re

import pytest

from analysis import translations
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
