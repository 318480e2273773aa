"""Sphinx extension for the decision book: right-to-left pages, language links, theme words,
the book's fonts.

Five things the themes do not do for us:

- pydata-sphinx-theme writes the `<html>` tag inside its own `layout.html`, so no template of ours
  can add `dir="rtl"` to it; a template bridge adds the attribute to every rendered page instead.
- neither theme has a language menu; each page gets `language_links` in its template context,
  relative links to the same page in the other language books (`../<lang>/<page>.html`).
- pydata-sphinx-theme ships no Arabic or Romanian interface words; `locale/<lang>/LC_MESSAGES/
  sphinx.po` supplies them and is compiled at build time (no .mo kept in git).
- in a right-to-left book, each Latin run inside Arabic prose ("Erlang C", "24/7", a figure) is
  put in a `<bdi>` (`isolate_latin_runs`), so its own direction cannot reorder the Arabic around
  it; code, formulas and raw HTML (the chapters' own output, isolated where it is made) are
  left alone.
- both would draw the text with the reader's system fonts; the book ships its own family
  (`analysis.report.fonts`: WOFF2 files, their OFL licences and `fonts.css`, copied to
  `_static/`), the one its inline charts were measured with, so pages and charts look the same
  on every machine, offline.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.jinja2glue import BuiltinTemplateLoader
from sphinx.locale import get_translator

from analysis.names import ARABIC, latin_runs
from analysis.report import fonts

THEME_LOCALE_DIR = Path(__file__).parent / "locale"
CATALOG = "sphinx"
"""The domain the themes' templates translate with (`_()` in Jinja)."""

SEARCH_TEXT = "Search this book..."
"""The search box placeholder; sphinx-book-theme falls back to English "Search..." in ar and ro."""

_HTML_TAG = re.compile(r"<html(?![^>]*\sdir=)")


def text_direction(lang: str | None) -> str:
    """"rtl" for languages written right to left (Arabic), else "ltr"."""
    if not lang:
        return "ltr"
    return "rtl" if Locale.parse(lang).text_direction == "rtl" else "ltr"


def language_name(lang: str) -> str:
    """The language's name written in itself: English, العربية, Română."""
    name = Locale.parse(lang).get_display_name(lang) or lang
    return name[:1].upper() + name[1:]


def page_url(pagename: str, lang: str) -> str:
    """Relative link from `pagename` in one language book to the same page in `lang`'s book.

    The books sit side by side (`html/en/`, `html/ar/`), so the link climbs out of the page's
    folders and out of its language folder:
    "notebooks/01_summary" -> "../../ar/notebooks/01_summary.html".
    """
    depth = pagename.count("/") + 1
    return "../" * depth + f"{lang}/{pagename}.html"


def language_links(pagename: str, current: str, languages: list[str]) -> list[dict[str, Any]]:
    return [
        {
            "code": lang,
            "name": language_name(lang),
            "dir": text_direction(lang),
            "href": page_url(pagename, lang),
            "current": lang == current,
        }
        for lang in languages
    ]


class DirectionTemplates(BuiltinTemplateLoader):
    """The standard template loader, plus `dir` on the `<html>` tag of right-to-left pages."""

    def init(self, builder: Any, theme: Any = None, dirs: list[str] | None = None) -> None:
        super().init(builder, theme, dirs)
        self.direction = text_direction(builder.config.language)

    def render(self, template: str, context: dict[str, Any]) -> str:
        html = super().render(template, context)
        if self.direction == "ltr":
            return html
        return _HTML_TAG.sub(f'<html dir="{self.direction}"', html, count=1)


def _use_direction_templates(app: Sphinx, config: Config) -> None:
    config.template_bridge = f"{__name__}.{DirectionTemplates.__name__}"


def _add_language_links(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    current = app.config.language or "en"
    languages = list(app.config.book_languages) or [current]
    context["language_links"] = language_links(pagename, current, languages)
    context["text_direction"] = text_direction(current)
    context["theme_search_bar_text"] = get_translator(CATALOG).gettext(SEARCH_TEXT)


def _add_book_fonts(app: Sphinx, config: Config) -> None:
    """The derived fonts' folder joins the static files; `fonts.css` loads after the theme's."""
    config.html_static_path = [*config.html_static_path, str(fonts.web_dir())]


def _compile_theme_catalog(lang: str, target: Path) -> Path | None:
    """Compiles `locale/<lang>/LC_MESSAGES/sphinx.po` into `target`; None if there is none."""
    source = THEME_LOCALE_DIR / lang / "LC_MESSAGES" / f"{CATALOG}.po"
    if not source.exists():
        return None
    with source.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    compiled = target / lang / "LC_MESSAGES" / f"{CATALOG}.mo"
    compiled.parent.mkdir(parents=True, exist_ok=True)
    with compiled.open("wb") as handle:
        write_mo(handle, catalog)
    return target


class bdi(nodes.Inline, nodes.TextElement):  # noqa: N801 (named as the HTML element)
    """Text of its own direction inside right-to-left prose: HTML's `<bdi>`."""


def _visit_bdi(translator: Any, node: bdi) -> None:
    translator.body.append("<bdi>")


def _depart_bdi(translator: Any, node: bdi) -> None:
    translator.body.append("</bdi>")


KEEP_DIRECTION = (nodes.FixedTextElement, nodes.literal, nodes.math, nodes.raw, nodes.comment,
                  nodes.Invisible, bdi)
"""Nodes whose text keeps its own direction already: code, formulas, raw HTML, `<bdi>`."""


def isolate_latin_runs(doctree: nodes.Node) -> None:
    """Each Latin run of an Arabic text node becomes a `bdi` node beside the Arabic text."""
    for text in list(doctree.findall(nodes.Text)):
        parent = text.parent
        if parent is None or isinstance(parent, KEEP_DIRECTION) or not ARABIC.search(text):
            continue
        if any(isinstance(up, KEEP_DIRECTION) for up in _ancestors(parent)):
            continue
        pieces = latin_runs(str(text))
        if not any(latin for _part, latin in pieces):
            continue
        parent.replace(text, [bdi(part, part) if latin else nodes.Text(part)
                              for part, latin in pieces])


def _ancestors(node: nodes.Node) -> list[nodes.Node]:
    found = []
    while node.parent is not None:
        node = node.parent
        found.append(node)
    return found


def _isolate_in_rtl(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if app.builder.format == "html" and text_direction(app.config.language) == "rtl":
        isolate_latin_runs(doctree)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("book_languages", [], "html", types=[list])
    app.connect("config-inited", _use_direction_templates)
    app.connect("config-inited", _add_book_fonts)
    app.add_css_file(fonts.STYLESHEET)
    app.connect("html-page-context", _add_language_links)
    app.add_node(bdi, html=(_visit_bdi, _depart_bdi))
    app.connect("doctree-resolved", _isolate_in_rtl)
    lang = app.config.language
    if lang and lang != "en":
        compiled = _compile_theme_catalog(lang, Path(app.doctreedir) / "theme-locale")
        if compiled is not None:
            app.add_message_catalog(CATALOG, str(compiled))
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
