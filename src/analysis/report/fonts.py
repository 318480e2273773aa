"""The book's one font family, made from fonts the project installs: the same letters everywhere.

Why this module exists: vl-convert measures chart text with the fonts it can find, and a reader's
browser draws page and chart text with the fonts it has. Left to the operating system, a chart
laid out on a machine with Debian's Noto fonts came out a few pixels narrower than on one with
DejaVu only, and Arabic labels depended on what the reader had installed. So the fonts are
dependencies of the package, like any library:

- `fontpkg-noto-sans` and `fontpkg-noto-sans-arabic` (PyPI, pinned in pyproject.toml) ship
  Noto Sans and Noto Sans Arabic as variable TTFs under the SIL Open Font License 1.1.
- Those files are named "Noto Sans" and "Noto Sans Arabic", exactly like Debian's
  `fonts-noto-core`; a renderer that finds two fonts of one name picks one we cannot predict. And
  when a font lacks a glyph, usvg (inside vl-convert) takes the first font in its whole database
  that has it, so a Latin-only family followed by an Arabic one in a CSS list does not settle
  which font draws the Arabic.
- Hence one family of our own, `FAMILY`, covering both scripts: each source is instanced at the
  weights the book uses (400 and 700, normal width), cut to the characters the book needs (Latin
  with Romanian ș and ț, punctuation and currency signs from Noto Sans; Arabic from Noto Sans
  Arabic), merged into one font per weight and renamed. No system font has that name, and every
  character of the book's three languages is in it, so no renderer falls back to a system font.
- TTF files for vl-convert (`chart_font_dir`), WOFF2 files and a stylesheet for the book's pages
  (`web_dir`), with the two OFL licence texts beside them. The OFL allows modified versions under
  the same licence; Noto declares no Reserved Font Name, and the new name avoids any doubt.

The derived files are made once per install (about half a minute) into a folder named after the
recipe and the versions of everything that goes into them (`font_home`), inside the virtual
environment when it is writable, else in the user's cache; a file lock lets parallel notebook
kernels and Sphinx builds share one build. Output bytes depend only on those pinned inputs.
"""

from __future__ import annotations

import fcntl
import hashlib
import io
import os
import shutil
import sys
import tempfile
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

FAMILY = "Decision Book Sans"
"""The family name charts and pages ask for; no operating system ships a font of that name."""
STACK = f'"{FAMILY}", sans-serif'
"""The CSS and Vega font list: our family, and a generic name only for characters it lacks."""
WEIGHTS = {400: "Regular", 700: "Bold"}
"""The weights the book uses: body text and labels, and bold titles and emphasis."""
FILE_STEM = "DecisionBookSans"
RECIPE = 2
"""Bump when the derivation below changes, so that every install derives its fonts again."""
SOURCES = ("fontpkg-noto-sans", "fontpkg-noto-sans-arabic", "fonttools", "brotli")
"""The distributions whose versions decide the derived bytes (brotli compresses the WOFF2)."""
WEB_FOLDER = "fonts"
"""The folder under the book's `_static/` that holds the web fonts and their licences."""
STYLESHEET = "fonts.css"

_INVISIBLE = [0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF]
"""Zero-width joiners, direction marks and isolates: the book wraps workbook names in them."""
LATIN = sorted({
    *range(0x20, 0x7F), *range(0xA0, 0x250),  # ASCII, Latin-1, Latin Extended-A and -B (ș ț)
    *range(0x2B0, 0x370),  # modifier letters, combining accents
    *range(0x1E00, 0x1F00),  # Latin Extended Additional
    *range(0x2000, 0x20D0),  # punctuation, super- and subscripts, currency signs
    *range(0x2100, 0x2200),  # letterlike symbols, number forms, arrows
    0x2212, 0x2248, 0x2260, 0x2264, 0x2265, 0x25CC, 0xFFFD,  # − ≈ ≠ ≤ ≥ ◌ �
    *_INVISIBLE,
})
"""Characters taken from Noto Sans: European languages of the Latin script."""
ARABIC = sorted({
    *range(0x600, 0x700), *range(0x750, 0x780), *range(0x870, 0x900),  # Arabic, supplements
    *range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00),  # presentation forms A and B
    *_INVISIBLE,
})
"""Characters taken from Noto Sans Arabic; where both fonts have one, Noto Sans's glyph wins."""


def versions() -> dict[str, str]:
    """The installed version of each source distribution."""
    return {name: metadata.version(name) for name in SOURCES}


def key() -> str:
    """A short name for this recipe with these inputs, e.g. "r1-3f9c0a2b71"."""
    text = repr((RECIPE, FAMILY, sorted(versions().items())))
    return f"r{RECIPE}-" + hashlib.sha256(text.encode()).hexdigest()[:10]


def _writable(folder: Path) -> bool:
    probe = folder
    while not probe.exists():
        probe = probe.parent
    return os.access(probe, os.W_OK)


def font_home() -> Path:
    """Where this install keeps its derived fonts: `<venv>/share/cs-sourcing-analysis/fonts/<key>`,
    or under `$XDG_CACHE_HOME` (default `~/.cache`) when the environment is read-only."""
    inside = Path(sys.prefix) / "share" / "cs-sourcing-analysis" / "fonts"
    if not _writable(inside):
        cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
        inside = cache / "cs-sourcing-analysis" / "fonts"
    return inside / key()


def file_name(weight: int, suffix: str) -> str:
    """"DecisionBookSans-Bold.woff2" for 700 and "woff2"."""
    return f"{FILE_STEM}-{WEIGHTS[weight]}.{suffix}"


def _sources() -> tuple[Path, Path, list[Path]]:
    """The variable TTFs of Noto Sans (upright) and Noto Sans Arabic, and their licence files."""
    import fontpkg_noto_sans
    import fontpkg_noto_sans_arabic

    latin = fontpkg_noto_sans.ROOT / "files" / "NotoSans[wdth,wght].ttf"
    arabic = fontpkg_noto_sans_arabic.ROOT / "files" / "NotoSansArabic[wdth,wght].ttf"
    licences = [fontpkg_noto_sans.ROOT / "LICENSE", fontpkg_noto_sans_arabic.ROOT / "LICENSE"]
    return latin, arabic, licences


def _static_cut(source: Path, weight: int, characters: Iterable[int]) -> io.BytesIO:
    """One weight of a variable font, cut to `characters`, as TTF bytes.

    All layout features stay: Arabic needs its joining forms and ligatures, Latin its kerning.
    Hinting goes (browsers and usvg do not use it at these sizes), glyph names too (smaller).
    """
    from fontTools import subset
    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer

    font = TTFont(source, recalcTimestamp=False)
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.glyph_names = False
    options.drop_tables += ["STAT"]
    cutter = subset.Subsetter(options)
    cutter.populate(unicodes=list(characters))
    cutter.subset(font)
    static = instancer.instantiateVariableFont(font, {"wght": weight, "wdth": 100})
    data = io.BytesIO()
    static.save(data)
    data.seek(0)
    return data


def _rename(font: object, weight: int) -> None:
    """Our family name in every record that names the font; copyright and licence records stay.

    Style-linking bits say which face is bold, so a browser asking for bold text picks the
    700 file instead of thickening the 400 one.
    """
    style = WEIGHTS[weight]
    names = {
        1: FAMILY,
        2: style,
        3: f"{FILE_STEM}-{style};recipe {RECIPE}",
        4: f"{FAMILY} {style}" if weight != 400 else FAMILY,
        6: f"{FILE_STEM}-{style}",
        10: "Noto Sans and Noto Sans Arabic (SIL Open Font License 1.1), cut to the characters "
            "of the decision book and merged into one family.",
    }
    table = font["name"]  # type: ignore[index]
    for record in list(table.names):
        if record.nameID in (1, 2, 3, 4, 6, 16, 17, 21, 22, 25):
            table.removeNames(nameID=record.nameID)
    for name_id, text in names.items():
        table.setName(text, name_id, 3, 1, 0x409)
        table.setName(text, name_id, 1, 0, 0)
    font["OS/2"].usWeightClass = weight  # type: ignore[index]
    bold = weight >= 700
    selection = font["OS/2"].fsSelection & ~0b1100001  # type: ignore[index]
    font["OS/2"].fsSelection = selection | (0b100000 if bold else 0b1000000)  # type: ignore[index]
    font["head"].macStyle = 1 if bold else 0  # type: ignore[index]


def _derive(folder: Path) -> None:
    """Writes `ttf/` and `web/fonts/` (WOFF2 and licences) into `folder`."""
    from fontTools.merge import Merger
    from fontTools.ttLib import TTFont

    latin, arabic, licences = _sources()
    dates = TTFont(latin, lazy=True)["head"]
    (folder / "ttf").mkdir(parents=True)
    web = folder / "web" / WEB_FOLDER
    web.mkdir(parents=True)
    for weight in WEIGHTS:
        font = Merger().merge([_static_cut(latin, weight, LATIN),
                               _static_cut(arabic, weight, ARABIC)])
        _rename(font, weight)
        # Noto Sans's own dates, not the clock's (the merge sets them to now): same bytes always.
        font["head"].created, font["head"].modified = dates.created, dates.modified
        font.recalcTimestamp = False
        font.save(folder / "ttf" / file_name(weight, "ttf"))
        font.flavor = "woff2"
        font.save(web / file_name(weight, "woff2"))
    for licence, name in zip(licences, ("NotoSans", "NotoSansArabic"), strict=True):
        shutil.copyfile(licence, web / f"OFL-{name}.txt")


def font_faces(base: str = "") -> str:
    """The `@font-face` rules of `FAMILY`, the files' URLs relative to `base` (a folder URL
    ending in "/", e.g. "en/_static/" for a page beside the books, "" for `_static/` itself).

    `font-display: block` (short, the files are local) keeps a page from showing a system font
    first and then jumping when ours arrives.
    """
    return "".join(
        "@font-face {\n"
        f'  font-family: "{FAMILY}";\n'
        f"  font-weight: {weight};\n"
        "  font-style: normal;\n"
        "  font-display: block;\n"
        f'  src: url("{base}{WEB_FOLDER}/{file_name(weight, "woff2")}") format("woff2");\n'
        "}\n"
        for weight in WEIGHTS
    )


def stylesheet() -> str:
    """`fonts.css` for the book's `_static/`: the `@font-face` rules, and the theme's fonts
    (pydata-sphinx-theme's variables) set to them, monospace included: the book shows no code,
    and the only monospaced text left, the search box's "Ctrl + K", should not be the one text
    drawn with whatever the reader's system has."""
    return (
        f"/* {FAMILY}: Noto Sans and Noto Sans Arabic (SIL Open Font License 1.1, texts in\n"
        f"   {WEB_FOLDER}/), cut and merged by analysis.report.fonts. */\n{font_faces()}"
        "html {\n"
        f"  --pst-font-family-base: {STACK};\n"
        f"  --pst-font-family-heading: {STACK};\n"
        f"  --pst-font-family-monospace: {STACK};\n"
        "}\n"
    )


def ensure() -> Path:
    """The folder of derived fonts for this install, deriving them first if needed.

    Raises OSError when neither the environment nor the user's cache can be written.
    """
    home = font_home()
    if (home / "done").exists():
        return home
    home.parent.mkdir(parents=True, exist_ok=True)
    with (home.parent / f"{home.name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if (home / "done").exists():
            return home
        work = Path(tempfile.mkdtemp(prefix=f"{home.name}.", dir=home.parent))
        try:
            _derive(work)
            (work / "done").write_text(repr(sorted(versions().items())) + "\n")
            if home.exists():
                shutil.rmtree(home)
            work.rename(home)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return home


def chart_font_dir() -> Path:
    """The folder of TTF files that vl-convert is given (`register_font_directory`)."""
    return ensure() / "ttf"


def web_dir() -> Path:
    """The folder whose contents go to the book's `_static/`: `fonts.css` and `fonts/`.

    The stylesheet is written on each call (atomically, parallel builds may call at once), so
    that a change to it reaches the book without deriving the fonts again.
    """
    web = ensure() / "web"
    css = web / STYLESHEET
    text = stylesheet()
    if not css.exists() or css.read_text(encoding="utf-8") != text:
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=web, suffix=".tmp",
                                         delete=False) as handle:
            handle.write(text)
        os.chmod(handle.name, 0o644)
        os.replace(handle.name, css)
    return web


_registered: set[Path] = set()


def use_in_charts() -> None:
    """Gives vl-convert the book's fonts, once per process; charts name `FAMILY` in their config."""
    import vl_convert

    folder = chart_font_dir()
    if folder not in _registered:
        vl_convert.register_font_directory(str(folder))
        _registered.add(folder)
