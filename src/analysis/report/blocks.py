"""The blocks a chapter displays: text and tables as `Html`, charts as `Figure`.

Each block carries its words as plain text too, so a notebook shows no object address and any
front end other than the book still gets the content. Words come as plain `str` (escaped into
the HTML) or as `Text`, which brings its own HTML: names and figures isolated as `<bdi>` in
right-to-left text, a shortened name with its full form in a tooltip (see `report.words.fill`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

import altair as alt


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
    """The HTML of `words`: a Text's own markup, any other str escaped."""
    return words.html if isinstance(words, Text) else escape(words)


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
          numeric: Iterable[int] = (), caption: str = "") -> Html:
    """An HTML table of already formatted cells; `numeric` columns align to the line's end
    (right in English, left in Arabic), the way figures line up in print, and a figure never
    breaks across lines."""
    numeric = set(numeric)

    def cell(tag: str, value: str, column: int) -> str:
        keep_whole = "; white-space: nowrap" if tag == "td" else ""
        style = f' style="text-align: end{keep_whole}"' if column in numeric else ""
        return f"<{tag}{style}>{markup(value)}</{tag}>"

    head = "".join(cell("th", h, i) for i, h in enumerate(header))
    body = "".join(
        "<tr>" + "".join(cell("td", v, i) for i, v in enumerate(row)) + "</tr>" for row in rows
    )
    cap = f"<caption>{markup(caption)}</caption>" if caption else ""
    html = (f'<table class="report-table">{cap}<thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table>")
    text = "\n".join(" | ".join(str(cell) for cell in line) for line in (header, *rows))
    return Html(html, f"{caption}\n{text}" if caption else text)


@dataclass(frozen=True)
class Figure:
    """A finished chart: drawn by the active Altair renderer, its title as plain text."""

    chart: alt.TopLevelMixin
    title: str

    @property
    def spec(self) -> dict[str, object]:
        return self.chart.to_dict()

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> object:
        return self.chart._repr_mimebundle_(include, exclude)

    def _repr_pretty_(self, printer: object, cycle: bool) -> None:
        printer.text(self.title)  # type: ignore[attr-defined]
