"""What every chart shares: the locale's number format, the book's font, colours, and placement
mirrored for right-to-left readers (category axis on the right, value axes running right to
left, legend on the left). Charts are drawn as static SVG inline in the page (`blocks.Figure`),
so the book works offline and chart text uses the page's own web font.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import altair as alt

from analysis.i18n import direction, locale
from analysis.report import fonts
from analysis.report.blocks import Figure

FONT = f"{fonts.FAMILY}, sans-serif"
"""The book's own family (Latin and Arabic in one font, see `fonts`): vl-convert measures the
labels with it and the page's `@font-face` draws them with it, on every machine."""
WIDTH = 520
HIGHLIGHT = "#c0392b"
NEUTRAL = "#4c78a8"
MUTED = "#b8c4d6"


def chart_locale(lang: str) -> dict[str, object]:
    """The d3 number format of the reader's locale, from the same CLDR data as the text.

    vl-convert knows no Romanian locale and its Arabic ones use Arabic-Indic digits, while the
    book's text uses the locale's default (Latin) digits; building it from Babel keeps the chart
    and the sentence under it alike.
    """
    symbols = locale(lang).number_symbols["latn"]
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
    def legend(self) -> str:
        return "left" if self.rtl else "right"

    @property
    def anchor(self) -> str:
        return "end" if self.rtl else "start"


def layout(lang: str) -> Layout:
    return Layout(direction(lang) == "rtl")


def finish(chart: alt.TopLevelMixin, title: str, lang: str) -> Figure:
    """Title, font and direction-aware placement shared by every chart."""
    place = layout(lang)
    return Figure(
        chart.properties(title=alt.Title(title, anchor=place.anchor))
        .configure(font=FONT)
        .configure_legend(orient=place.legend, labelLimit=320, titleLimit=320)
        .configure_axis(labelLimit=320, labelFontSize=11, titleFontSize=12)
        .configure_title(fontSize=14, anchor=place.anchor)
        .configure_view(stroke=None),
        title,
        chart_locale(lang),
    )


def value_x(field: str, title: str, lang: str, fmt: str = ",.0f", zero: bool = True) -> alt.X:
    return alt.X(field, type="quantitative", title=title,
                 scale=alt.Scale(reverse=layout(lang).rtl, zero=zero, nice=True),
                 axis=alt.Axis(format=fmt))


def category_y(field: str, lang: str, order: Sequence[str], title: str | None = None) -> alt.Y:
    return alt.Y(field, type="nominal", title=title, sort=list(order),
                 axis=alt.Axis(orient=layout(lang).category_axis))


def value_y(field: str, title: str, lang: str, fmt: str = ",.0f") -> alt.Y:
    return alt.Y(field, type="quantitative", title=title,
                 axis=alt.Axis(format=fmt, orient=layout(lang).category_axis))
