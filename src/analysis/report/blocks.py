"""The blocks a chapter displays: text and tables as `Html`, charts as `Figure`.

Each block carries its words as plain text too, so a notebook shows no object address and any
front end other than the book still gets the content.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

import altair as alt


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
    inner = f"<strong>{escape(text)}</strong>" if strong else escape(text)
    return Html(f'<p class="report-text">{inner}</p>', text)


def bullets(items: Sequence[str]) -> Html:
    html = "".join(f"<li>{escape(item)}</li>" for item in items)
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
        return f"<{tag}{style}>{escape(value)}</{tag}>"

    head = "".join(cell("th", h, i) for i, h in enumerate(header))
    body = "".join(
        "<tr>" + "".join(cell("td", v, i) for i, v in enumerate(row)) + "</tr>" for row in rows
    )
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    html = (f'<table class="report-table">{cap}<thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table>")
    text = "\n".join(" | ".join(line) for line in (header, *rows))
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
