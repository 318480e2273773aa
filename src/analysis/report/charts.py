"""What every chart shares: the locale's number format, the book's font, colours, placement
mirrored for right-to-left readers (category axis on the right, value axes running right to
left), and two sizes, one for the text column of a desktop page and one for a phone.

Charts are drawn as static SVG inline in the page (`blocks.Figure`), so the book works offline
and chart text uses the page's own web font. A chart is never scaled down to fit: each is drawn
twice, `WIDE` (at most `WIDE.width` px, for the text column at 1280 px) and `NARROW` (for a
phone's column), with text of at least `FONT_SIZE` px; the page shows the one that fits its
column (book.css). Long category labels wrap onto several lines instead of being cut.

In right-to-left charts every piece of text that mixes directions (an Arabic title with a figure
or a code, a category label) is wrapped in RIGHT-TO-LEFT ISOLATE ... POP DIRECTIONAL ISOLATE: the
SVG itself is left to right (vl-convert places its labels that way), so without it an Arabic
label's trailing figure or percent sign would be drawn at its far end.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import altair as alt

from analysis.i18n import direction, number_symbols
from analysis.names import FSI, PDI, isolate_latin, strip_isolates
from analysis.report import fonts
from analysis.report.blocks import Figure

FONT = f"{fonts.FAMILY}, sans-serif"
"""The book's own family (Latin and Arabic in one font, see `fonts`): vl-convert measures the
labels with it and the page's `@font-face` draws them with it, on every machine."""
HIGHLIGHT = "#c0392b"
NEUTRAL = "#4c78a8"
MUTED = "#b8c4d6"

FONT_SIZE = 12
"""Labels, axis and legend titles, px. The smallest text a chart draws: with the chart shown at
its own size it stays above the 11 px floor that tests/test_book_reading.py measures."""
TITLE_SIZE = 14
LINE_HEIGHT = 15
RLI = "\u2067"


@dataclass(frozen=True)
class Size:
    """One drawing of a chart: its whole width (labels, legend and padding included) and where
    its text wraps."""

    name: str
    width: int
    label_chars: int
    """A category label beside its bar wraps at this many characters."""
    title_chars: int
    tick_count: int
    rows: bool = False
    """Category labels above their bars, across the width (`category_rows`), not beside them."""
    row_chars: int = 0

    def step(self, lines: int) -> int:
        """Band height of a category row holding `lines` lines of label."""
        return max(22, LINE_HEIGHT * lines + 8)


WIDE = Size("wide", 640, 36, 80, 6)
"""The text column is 688 px at 1280 px in English (672 in Arabic); 640 leaves a margin."""
NARROW = Size("narrow", 340, 17, 42, 3, rows=True, row_chars=44)
"""A 390 px phone leaves a column of 358 px (book.css gives the Arabic page the same)."""
SIZES = (WIDE, NARROW)

Draw = Callable[[Size], alt.TopLevelMixin]
"""A chart function's drawing at one size (no title or config: `finish` adds them)."""


def chart_locale(lang: str) -> dict[str, object]:
    """The d3 number format of the reader's locale, from the same CLDR data as the text.

    vl-convert knows no Romanian locale and its Arabic ones use Arabic-Indic digits, while the
    book's text uses the locale's default (Latin) digits; building it from Babel keeps the chart
    and the sentence under it alike (`i18n.number_symbols`: no bidirectional marks, so a minus
    sign is drawn left of the digits as in the text).
    """
    symbols = number_symbols(lang)
    return {
        "decimal": symbols["decimal"],
        "thousands": symbols["group"],
        "grouping": [3],
        "currency": ["", ""],
        "percent": symbols["percentSign"],
        "minus": symbols["minusSign"],
    }


def use_charts(lang: str) -> None:
    """Give vl-convert the book's fonts, and draw any plain Altair chart of this kernel as
    static SVG with the reader's number format (the book's own charts are `Figure`s)."""
    fonts.use_in_charts()
    alt.renderers.enable("svg", embed_options={"formatLocale": chart_locale(lang)})


@dataclass(frozen=True)
class Layout:
    """Where axes, titles and legends go for the reader's script direction."""

    rtl: bool

    @property
    def category_axis(self) -> str:
        return "right" if self.rtl else "left"

    @property
    def anchor(self) -> str:
        return "end" if self.rtl else "start"


def layout(lang: str) -> Layout:
    return Layout(direction(lang) == "rtl")


def wrap(text: str, chars: int) -> list[str]:
    """`text` on lines of about `chars` characters, broken between words; a word longer than a
    line keeps its own line whole. A name isolated for right-to-left text (FSI ... PDI) comes
    back with each line isolated."""
    plain = str(text)
    isolated = plain.startswith(FSI) and plain.endswith(PDI)
    inner = plain[1:-1] if isolated else plain
    lines = textwrap.wrap(inner, chars, break_long_words=False, break_on_hyphens=False) or [""]
    return [f"{FSI}{line}{PDI}" for line in lines] if isolated else lines


def words(text: str, lang: str) -> str:
    """Chart text in the reader's direction: right-to-left text isolated as such (see the
    module docstring), each Latin run inside isolated too ("FTE", "24/7"); left-to-right text
    as it is. Legend entries are data values, so the charts pass them through this too."""
    return f"{RLI}{isolate_latin(str(text))}{PDI}" if layout(lang).rtl else str(text)


def lines(text: str, chars: int, lang: str) -> list[str] | str:
    """A title wrapped at `chars`, each line in the reader's direction."""
    found = [words(line, lang) for line in wrap(text, chars)]
    return found[0] if len(found) == 1 else found


def label_lines(labels: Sequence[str], chars: int, lang: str) -> dict[str, list[str]]:
    """Each category label on the lines it is drawn on, wrapped at `chars`."""
    return {str(label): [words(line, lang) for line in wrap(label, chars)] for label in labels}


def _lookup(table: dict[str, list[str]]) -> str:
    return json.dumps(table, ensure_ascii=False, sort_keys=True)


def category_y(field: str, lang: str, order: Sequence[str], size: Size,
               title: str | None = None, extent: int | None = None) -> alt.Y:
    """A category axis whose labels wrap at `size.label_chars`, centred on their band.

    The lines come from a lookup table in the label expression; a label's offset moves it up by
    half its extra lines, since Vega starts a multi-line label at the band's centre. `extent`
    (px) is the least room the axis takes, so that panels stacked in one chart line up.
    """
    lookup = _lookup(label_lines(order, size.label_chars, lang))
    room = {} if extent is None else {"minExtent": extent}
    return alt.Y(
        field, type="nominal", title=title, sort=list(order),
        axis=alt.Axis(
            **room,
            orient=layout(lang).category_axis, labelLimit=0, labelLineHeight=LINE_HEIGHT,
            labelBaseline="middle", labelExpr=f"{lookup}[datum.value] || datum.label",
            labelOffset={"expr": f"-(length({lookup}[datum.value] || [1]) - 1) * "
                                 f"{LINE_HEIGHT / 2}"},
        ),
    )


def band_step(labels: Sequence[str], size: Size, lang: str) -> alt.Step:
    """The height of one category row: room for the longest label's lines."""
    found = label_lines(labels, size.label_chars, lang).values()
    most = max((len(lines) for lines in found), default=1)
    return alt.Step(size.step(most))


ROW_HEIGHT = 18
"""The bars' height in a row of `category_rows` (its label is above it)."""

Layers = Callable[[Size, dict[str, object]], Sequence[alt.Chart]]
"""A chart's layers at one size, given the category encoding to add to them (`{"y": ...}`, or
nothing when each category is a row of its own)."""


def category_rows(layers: Layers, data: object, field: str, order: Sequence[str], size: Size,
                  lang: str, extent: int | None = None) -> alt.TopLevelMixin:
    """Horizontal bars, one category a row, drawn for `size`.

    Beside a wide column, the labels sit on the category axis, wrapped (`category_y`). On a
    phone (`size.rows`) each row is a panel of its own with its label above its bars, across
    the whole width: labels wrap far less and the bars keep their length. Every layer must use
    `data` (the panels split it by `field`), so reference lines are drawn with `alt.datum`.
    `extent` is the category axis's least room beside a wide column (`category_y`).
    """
    if not size.rows:
        y = category_y(field, lang, order, size, extent=extent)
        return alt.layer(*layers(size, {"y": y}), data=data).properties(
            height=band_step(order, size, lang))
    lookup = _lookup(label_lines(order, size.row_chars, lang))
    rtl = layout(lang).rtl
    header = alt.Header(
        labelOrient="top", labelAngle=0, labelLimit=0, labelFontSize=FONT_SIZE,
        labelAnchor="end" if rtl else "start", labelAlign="right" if rtl else "left",
        labelLineHeight=LINE_HEIGHT, labelPadding=2,
        labelExpr=f"{lookup}[datum.value]")
    return alt.layer(*layers(size, {}), data=data).properties(
        width=size.width - 12, height=ROW_HEIGHT,
    ).facet(row=alt.Row(field, type="nominal", sort=list(order), title=None, header=header),
            spacing=8)


def value_x(field: str, title: str, lang: str, size: Size, fmt: str = ",.0f",
            zero: bool = True) -> alt.X:
    return alt.X(field, type="quantitative", title=lines(title, size.title_chars, lang),
                 scale=alt.Scale(reverse=layout(lang).rtl, zero=zero, nice=True),
                 axis=alt.Axis(format=fmt, tickCount=size.tick_count, labelFlush=True))


def value_y(field: str, title: str, lang: str, size: Size, fmt: str = ",.0f") -> alt.Y:
    return alt.Y(field, type="quantitative", title=lines(title, size.title_chars, lang),
                 axis=alt.Axis(format=fmt, orient=layout(lang).category_axis))


def panel_width(size: Size) -> int:
    """The plot width of a panel in a chart of several panels (which cannot "fit"): what is left
    of the size's width beside labels of `label_chars` characters and the axis."""
    return size.width - (size.label_chars * 7 + 40)


def finish(draw: Draw, title: str, lang: str, description: str = "",
           fit: bool = True) -> Figure:
    """The chart drawn at each of `SIZES`, with title, font, legend and direction shared by
    every chart. `description` says what the chart shows, in words (its accessible name with
    the title). With `fit`, a single or layered drawing is exactly the size's width (Vega-Lite's
    "fit-x" autosize: the plot takes what the labels and legend leave); drawings made of
    several panels, which cannot fit that way, size their panels themselves."""
    place = layout(lang)
    charts = {}
    for size in SIZES:
        chart = draw(size)
        if fit and isinstance(chart, alt.Chart | alt.LayerChart):
            chart = chart.properties(width=size.width,
                                     autosize=alt.AutoSizeParams(type="fit-x",
                                                                 contains="padding"))
        charts[size.name] = (
            chart.properties(title=alt.Title(lines(title, size.title_chars, lang),
                                             anchor=place.anchor))
            .configure(font=FONT)
            .configure_legend(orient="top", direction="vertical", labelLimit=0, offset=12,
                              titleLimit=0, labelFontSize=FONT_SIZE, titleFontSize=FONT_SIZE,
                              layout={"expr": f"{{'top': {{'anchor': '{place.anchor}', "
                                              "'direction': 'vertical'}}"})
            .configure_axis(labelFontSize=FONT_SIZE, titleFontSize=FONT_SIZE)
            .configure_title(fontSize=TITLE_SIZE, anchor=place.anchor, lineHeight=18)
            .configure_view(stroke=None)
        )
    return Figure(charts, strip_isolates(title), strip_isolates(description), chart_locale(lang))
