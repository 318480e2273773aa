"""The blocks a chapter displays: text and tables as `Html`, charts as `Figure` (inline SVG).

Each block carries its words as plain text too, so a notebook shows no object address and any
front end other than the book still gets the content. Words come as plain `str` (escaped into
the HTML) or as `Text`, which brings its own HTML: names and figures isolated as `<bdi>` in
right-to-left text, a shortened name with its full form in a tooltip (see `report.words.fill`).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Any

import altair as alt
import vl_convert

from analysis.names import bdi_latin, strip_isolates
from analysis.report import fonts


class Text(str):
    """Words with their HTML: the `str` is the plain text, `html` the same words as markup.

    `isolated` says the whole text is already isolated (a name in right-to-left text), so that
    `fill` does not isolate it twice.
    """

    html: str
    isolated: bool

    def __new__(cls, text: str, html: str, isolated: bool = False) -> Text:
        made = super().__new__(cls, text)
        made.html = html
        made.isolated = isolated
        return made

    def __reduce__(self) -> tuple[object, ...]:
        return Text, (str(self), self.html, self.isolated)


def markup(words: str) -> str:
    """The HTML of `words`: a Text's own markup, any other str escaped (its Latin runs in
    `<bdi>` when it is Arabic text, `names.bdi_latin`)."""
    return words.html if isinstance(words, Text) else bdi_latin(words)


@dataclass(frozen=True)
class Html:
    """A block for the page: HTML for the book, its words as plain text for any other front end.

    Plain text comes from `_repr_pretty_`, so no object address lands in the notebook.
    """

    html: str
    text: str

    def _repr_html_(self) -> str:
        return self.html

    def _repr_pretty_(self, printer: object, cycle: bool) -> None:
        printer.text(self.text)  # type: ignore[attr-defined]


def paragraph(text: str, strong: bool = False) -> Html:
    inner = f"<strong>{markup(text)}</strong>" if strong else markup(text)
    return Html(f'<p class="report-text">{inner}</p>', str(text))


def bullets(items: Sequence[str]) -> Html:
    html = "".join(f"<li>{markup(item)}</li>" for item in items)
    return Html(f'<ul class="report-list">{html}</ul>', "\n".join(f"- {i}" for i in items))


def table(header: Sequence[str], rows: Sequence[Sequence[str]],
          numeric: Iterable[int] = (), caption: str = "", key: Iterable[int] = ()) -> Html:
    """An HTML table of already formatted cells, for a desktop column and for a phone.

    `numeric` columns hold figures: they line up at the line's end (right in English, left in
    Arabic), in tabular figures, and a figure never breaks across lines; a numeric cell that
    also holds words ("12.50 an hour", "1.5 × the team leader's salary") is marked `words` and
    wraps between them, so that no column is wider than its longest figure or word needs. `key`
    names the columns
    that carry the decision (a saving): they are set in bold, and in the phone layout they come
    right after the row's first cell.

    book.css draws the table with padding between cells in a wide column; in a narrow one (a
    phone) each row becomes a card: its first cell as the card's heading, then the key columns,
    then every other cell with its column's header as a label (`data-label`), so nothing is
    hidden and nothing needs scrolling, right to left as well. A cell's content is one
    `report-table__value` span, so that the card lays it out as one piece beside its label. The
    table sits in a `report-table-wrap`, the container whose width chooses the layout. A table of
    two columns (an item and its value) is marked `report-table--pairs`: it fits a phone as it
    is, so it keeps its header there instead of repeating the second column's header in every
    card.
    """
    numeric, key = set(numeric), set(key)

    def classes(column: int, value: str = "") -> str:
        found = [name for name, held in (("num", column in numeric), ("key", column in key),
                                         ("words", column in numeric and _WORDS.search(value)))
                 if held]
        return f' class="{" ".join(found)}"' if found else ""

    def cell(value: str, column: int) -> str:
        label = escape(strip_isolates(header[column]), quote=True)
        return (f'<td{classes(column, strip_isolates(str(value)))} data-label="{label}">'
                f'<span class="report-table__value">{markup(value)}</span></td>')

    head = "".join(f'<th scope="col"{classes(i)}>{markup(h)}</th>' for i, h in enumerate(header))
    body = "".join(
        "<tr>" + "".join(cell(v, i) for i, v in enumerate(row)) + "</tr>" for row in rows
    )
    cap = f"<caption>{markup(caption)}</caption>" if caption else ""
    kind = "report-table report-table--pairs" if len(header) <= 2 else "report-table"
    html = (f'<div class="report-table-wrap"><table class="{kind}">{cap}'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>")
    text = "\n".join(" | ".join(str(cell) for cell in line) for line in (header, *rows))
    return Html(html, f"{caption}\n{text}" if caption else text)


_WORDS = re.compile(r"[^\W\d_]{2,}")
"""Two letters in a row (any script): a word, not a figure's unit or sign."""


@dataclass(frozen=True)
class Figure:
    """A finished chart: inline SVG for the book, its title and its specs as plain text.

    `charts` holds the chart drawn at each size ("wide" for a desktop column, "narrow" for a
    phone, see `charts.SIZES`); the page holds both and shows the one that fits (book.css).
    `description` says in words what the chart shows: with the title, it is the chart's
    accessible name, in the reader's language.

    The book shows the SVG inside the page, not as an `<img>`: an SVG in an `<img>` is a
    document of its own that cannot use the page's `@font-face` fonts, so its Arabic labels
    would be drawn with whatever the reader's system has. Inline, the chart's text uses the
    book's own font (`fonts.FAMILY`), the font vl-convert measured it with.

    The plain text is what nbval compares (tests/nbval_sanitize.cfg blanks the SVG markup): the
    title, then one line of canonical JSON with the Vega-Lite specs (data included), the number
    format and the description. A change in the package that moves a chart changes that line; a
    font or renderer upgrade, which changes only the drawing, does not.
    `tests/test_chart_fonts.py` redraws every stored chart from this line and checks the SVG
    byte for byte.
    """

    charts: Mapping[str, alt.TopLevelMixin]
    title: str
    description: str = ""
    number_format: Mapping[str, object] = field(default_factory=dict)
    """The d3 number format locale the axes use (`charts.chart_locale`); empty for d3's own."""

    @property
    def specs(self) -> dict[str, dict[str, object]]:
        """Each size's Vega-Lite spec, without `$schema`, numbers kept to `SIGNIFICANT`."""
        found = {}
        for name, chart in self.charts.items():
            spec = _significant(chart.to_dict())
            spec.pop("$schema", None)
            found[name] = spec
        return found

    @property
    def spec(self) -> dict[str, object]:
        """The first size's spec (the desktop drawing)."""
        return next(iter(self.specs.values()))

    @property
    def plain(self) -> str:
        return chart_text(self.title, self.specs, self.number_format, self.description)

    def _repr_html_(self) -> str:
        return chart_html(self.title, self.specs, self.number_format, self.description)

    def _repr_pretty_(self, printer: object, cycle: bool) -> None:
        printer.text(self.plain)  # type: ignore[attr-defined]


SIGNIFICANT = 9
"""Digits a chart keeps of each number: far finer than a pixel, and coarse enough that a last-bit
difference between processors (vectorised exp or log) does not change the chart or its text."""


def _significant(value: object) -> object:
    if isinstance(value, float):
        return float(f"{value:.{SIGNIFICANT}g}")
    if isinstance(value, dict):
        return {k: _significant(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_significant(v) for v in value]
    return value


def chart_text(title: str, specs: Mapping[str, object], number_format: Mapping[str, object],
               description: str = "") -> str:
    """The chart as plain text: its title, then `{"description": ..., "number_format": ...,
    "vega_lite": {size: spec}}` as one line of JSON with sorted keys (the same chart always
    gives the same line)."""
    body = {"description": description, "number_format": number_format, "vega_lite": specs}
    return f"{title}\n{json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(',', ':'))}"


def parse_chart_text(text: str) -> tuple[str, dict[str, Any], dict[str, Any], str]:
    """(title, specs, number format, description) back from `chart_text`, the arguments of
    `chart_html`; ValueError if it is not a chart's text."""
    title, _, line = text.partition("\n")
    try:
        body = json.loads(line)
        return title, body["vega_lite"], body["number_format"], body["description"]
    except (json.JSONDecodeError, KeyError, TypeError) as error:
        raise ValueError(f"not a chart's plain text: {text[:80]!r}") from error


def chart_svg(spec: Mapping[str, object], number_format: Mapping[str, object]) -> str:
    """The chart drawn by vl-convert with the book's fonts, as an SVG document.

    Vega-Lite's version follows Altair's schema, as Altair's own renderer does.
    """
    fonts.use_in_charts()
    version = "_".join(alt.SCHEMA_VERSION.split(".")[:2])
    return vl_convert.vegalite_to_svg(dict(spec), vl_version=version,
                                      format_locale=dict(number_format) or None)


_ID = re.compile(r'(?<![\w:-])id="([^"]+)"')


def _own_ids(svg: str) -> str:
    """Every `id` in the SVG, and each reference to it, renamed `chart-<digest>-<n>`.

    vl-convert numbers clip paths and gradients with one counter per process (`clip1`, then
    `clip2` in the next chart drawn), so its ids depend on what was drawn before, and two charts
    inline on one page could share one and clip each other. Ids numbered in order of appearance
    and prefixed with a digest of the chart so numbered make them unique on a page and the same
    for the same chart, however many charts were drawn before it.
    """
    ids = list(dict.fromkeys(_ID.findall(svg)))
    if not ids:
        return svg
    names = "|".join(map(re.escape, sorted(ids, key=len, reverse=True)))
    pattern = re.compile(r'((?<![\w:-])id="|url\(#|href="#)(' + names + r')(?=[")])')

    def renamed(prefix: str) -> str:
        number = {name: index for index, name in enumerate(ids, start=1)}
        return pattern.sub(lambda match: f"{match.group(1)}{prefix}{number[match.group(2)]}", svg)

    digest = hashlib.sha256(renamed("n").encode()).hexdigest()[:10]
    return renamed(f"chart-{digest}-")


def chart_html(title: str, specs: Mapping[str, Mapping[str, object]],
               number_format: Mapping[str, object], description: str = "") -> str:
    """The chart as HTML for the page: `<figure class="report-chart">` around one inline SVG
    per size, each marked `report-chart__<size>` for book.css to show the one that fits.

    Each SVG is one image to assistive technology (`role="img"`), named by the chart's title
    and description (the hidden size is out of the accessibility tree with it). The figure is
    left to right in every language: vl-convert placed each label for a left-to-right SVG
    (right-to-left charts are mirrored in the spec instead), and an inline SVG would otherwise
    inherit the Arabic page's direction and move its text anchors.
    """
    label = escape(f"{title}. {description}" if description else title, quote=True)
    drawings = []
    for size in sorted(specs):  # the order the plain text keeps them in (sorted keys)
        svg = _own_ids(chart_svg(specs[size], number_format))
        svg = svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)
        svg = svg.replace(' class="marks"', f' class="marks report-chart__{size}"', 1)
        svg = re.sub(r"<svg\b[^>]*>", lambda tag: f"{tag.group(0)}<title>{escape(title)}</title>",
                     svg, count=1)
        drawings.append(svg)
    return f'<figure class="report-chart" dir="ltr">{"".join(drawings)}</figure>'
