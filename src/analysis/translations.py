"""The package's message catalogs: extract every id from the code, keep ar/ro in step, report gaps.

`python -m analysis.translations update` rewrites the .po files (new ids arrive empty, gone ids are
dropped); translators then fill them with any gettext tool. `check` is what the tests assert on.
"""

from __future__ import annotations

import csv
import sys
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from analysis.i18n import DOMAIN, LANGUAGES, po_path
from analysis.reference import REFERENCE_DIR, TRANSLATED

PACKAGE_DIR = Path(__file__).parent
KEYWORDS = {"_": None, "N_": None}


def extract() -> Catalog:
    """Every message id marked with `_()` or `N_()` in the package's Python sources, and the
    reference data's English text (`reference.TRANSLATED`: how a range was read, what a
    source provides), which the book shows in the reader's language."""
    catalog = Catalog(domain=DOMAIN, project="cs-sourcing-analysis")
    for filename, lineno, message, comments, _context in extract_from_dir(
        PACKAGE_DIR, method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        catalog.add(message, locations=[(filename, lineno)], auto_comments=comments)
    for location, message in reference_messages():
        catalog.add(message, locations=[location])
    return catalog


def reference_messages(directory: Path = REFERENCE_DIR) -> list[tuple[tuple[str, int], str]]:
    """((file, line), text) of every non-blank translated cell of the reference CSVs."""
    found = []
    for name, columns in TRANSLATED.items():
        path = directory / f"{name}.csv"
        with path.open(encoding="utf-8", newline="") as handle:
            for line, row in enumerate(csv.DictReader(handle), start=2):
                found += [((f"data/reference/{path.name}", line), row[column])
                          for column in columns if row[column].strip()]
    return found


def _read(lang: str) -> Catalog:
    path = po_path(lang)
    if not path.exists():
        return Catalog(locale=lang, domain=DOMAIN)
    with path.open("rb") as handle:
        return read_po(handle, locale=lang)


def update() -> None:
    template = extract()
    for lang in LANGUAGES[1:]:
        catalog = _read(lang)
        catalog.update(template, no_fuzzy_matching=True)
        path = po_path(lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            write_po(handle, catalog, width=100, omit_header=False, ignore_obsolete=True,
                     include_previous=False, sort_output=True)


@dataclass(frozen=True)
class Gaps:
    missing: tuple[str, ...]
    fuzzy: tuple[str, ...]


def check(lang: str) -> Gaps:
    """Ids in the code with no translation, and translations marked fuzzy, for one language."""
    catalog = _read(lang)
    missing = tuple(
        message.id for message in extract()
        if message.id and not (catalog.get(message.id) and catalog.get(message.id).string)
    )
    fuzzy = tuple(m.id for m in catalog if m.id and m.fuzzy)
    return Gaps(missing=missing, fuzzy=fuzzy)


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "update":
        update()
    gaps = {lang: check(lang) for lang in LANGUAGES[1:]}
    for lang, found in gaps.items():
        print(f"{lang}: {len(found.missing)} missing, {len(found.fuzzy)} fuzzy")
    return 0 if command == "update" or not any(g.missing or g.fuzzy for g in gaps.values()) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
