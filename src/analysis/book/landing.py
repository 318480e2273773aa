"""The site's front door, `_build/html/index.html`: choose a language.

Each language is named in itself (English, العربية, Română) and its entry carries its own `lang` and
`dir`, so the Arabic entry reads right to left on an otherwise left-to-right page. The page is
self-contained (inline style, no script) and so works from a file system or any static server; its
text uses the book's own font, from the first language book's `_static/` beside it.
"""

from __future__ import annotations

from html import escape

from analysis.book.sphinx_ext import language_name, text_direction
from analysis.book.stage import TITLE
from analysis.i18n import N_, translator
from analysis.names import clean, shorten
from analysis.report import fonts
from analysis.report.cover import Cover, date_line, fingerprint_line

OPEN = N_("Open the book")
CHOOSE = N_("Choose a language")

STYLE = f"""
body {{ margin: 0; font-family: {fonts.STACK}; background: #f6f7f9; color: #1f2328; }}
""" + """main { max-width: 56rem; margin: 0 auto; padding: 3rem 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 0.4rem; }
p.choose { color: #57606a; margin: 0 0 2rem; }
ul { list-style: none; padding: 0; margin: 0; display: grid; gap: 1rem;
     grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); }
a.language { display: block; padding: 1.25rem 1.5rem; border-radius: 0.5rem; background: #fff;
             border: 1px solid #d0d7de; color: inherit; text-decoration: none; height: 100%;
             box-sizing: border-box; text-align: start; }
a.language:hover, a.language:focus { border-color: #0969da; box-shadow: 0 0 0 3px #0969da33; }
.name { display: block; font-size: 1.5rem; font-weight: 700; margin-bottom: 0.5rem; }
.title { display: block; margin-bottom: 0.75rem; }
.open { color: #0969da; }
.cover { margin: 0 0 2rem; padding: 1rem 1.5rem; background: #fff; border: 1px solid #d0d7de;
         border-radius: 0.5rem; }
.cover .company { font-size: 1.25rem; font-weight: 700; margin: 0 0 0.5rem; }
.cover p { margin: 0.25rem 0; }
.cover code { font: inherit; font-variant-numeric: tabular-nums; white-space: nowrap; }
"""


def cover_html(cover: Cover, languages: list[str]) -> str:
    """The book's cover on the landing page: the company's name (as written, isolated), then the
    date line and the fingerprint line in each language, each in its own direction."""
    name = escape(shorten(clean(str(cover.inputs.company.name))))
    lines = []
    for lang in languages:
        for line in (date_line(cover.inputs, lang), fingerprint_line(cover, lang)):
            lines.append(f'<p lang="{lang}" dir="{text_direction(lang)}">{line.html}</p>')
    return (f'<section class="cover"><p class="company"><bdi class="name">{name}</bdi></p>'
            + "".join(lines) + "</section>\n")


def landing_page(languages: list[str], root_page: str, cover: Cover | None = None) -> str:
    """HTML of the landing page; `root_page` is the books' first page, e.g. "book/index"; with
    `cover`, the book's company, date and inputs fingerprint above the languages."""
    entries = []
    for lang in languages:
        _ = translator(lang)
        entries.append(
            f'<li lang="{lang}" dir="{text_direction(lang)}">'
            f'<a class="language" href="{lang}/{root_page}.html" hreflang="{lang}">'
            f'<span class="name">{escape(language_name(lang))}</span>'
            f'<span class="title">{escape(_(TITLE))}</span>'
            f'<span class="open">{escape(_(OPEN))}</span></a></li>'
        )
    first = languages[0]
    heading = " · ".join(
        f'<span lang="{lang}" dir="{text_direction(lang)}">{escape(translator(lang)(TITLE))}</span>'
        for lang in languages
    )
    choose = " · ".join(
        f'<span lang="{lang}" dir="{text_direction(lang)}">'
        f"{escape(translator(lang)(CHOOSE))}</span>"
        for lang in languages
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{first}" dir="{text_direction(first)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(translator(first)(TITLE))}</title>\n"
        f"<style>\n{fonts.font_faces(f'{first}/_static/')}{STYLE}</style>\n</head>\n"
        f'<body>\n<main>\n<h1>{heading}</h1>\n'
        + ("" if cover is None else cover_html(cover, languages))
        + f'<p class="choose">{choose}</p>\n'
        f'<ul class="languages">\n' + "\n".join(entries) + "\n</ul>\n</main>\n</body>\n</html>\n"
    )
