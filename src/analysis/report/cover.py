"""The book's cover: whose book it is, the date its figures stand for, and the fingerprint of
its inputs, on the summary page, on the site's landing page and in every page's footer.

The date is one the workbook itself states (Company B12, else the date stored in the file when
it was last saved), never the build's clock, so the same workbook gives the same book byte for
byte. The fingerprint (`analysis.fingerprint`) identifies the workbook file and the reference
prices: two copies with the same fingerprint are the same analysis.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from analysis.fingerprint import inputs_fingerprint
from analysis.i18n import N_, fmt_date, translator
from analysis.model import Inputs
from analysis.report.blocks import Html, Text, markup
from analysis.report.words import fill, name_text

STATED = N_("Figures as of {date} (Company B12 of the workbook)")
SAVED = N_("Figures as of {date}, the date the workbook was last saved (Company B12 is blank)")
UNDATED = N_("The workbook states no date: Company B12 is blank and the file stores none")
FINGERPRINT = N_("Inputs fingerprint {fingerprint}: the workbook file and the reference prices")
FOOTER = N_("{company} · {date} · inputs {fingerprint}")
NO_DATE = N_("undated")


@dataclass(frozen=True)
class Cover:
    """What the cover shows: the inputs and their fingerprint."""

    inputs: Inputs
    fingerprint: str

    @classmethod
    def of(cls, inputs: Inputs, workbook: Path) -> Cover:
        """The cover of the book computed from the workbook file at `workbook`."""
        return cls(inputs, inputs_fingerprint(Path(workbook).read_bytes()))


def fingerprint_html(cover: Cover) -> str:
    return f'<code class="report-fingerprint">{cover.fingerprint}</code>'


def date_line(inputs: Inputs, lang: str) -> Text:
    """Where the figures' date comes from, in a sentence."""
    _ = translator(lang)
    company = inputs.company
    if company.report_date is None:
        return Text(_(UNDATED), escape(_(UNDATED)))
    template = SAVED if company.date_from_file else STATED
    return fill(_(template), lang, date=fmt_date(company.report_date, lang))


def fingerprint_line(cover: Cover, lang: str) -> Text:
    return fill(translator(lang)(FINGERPRINT), lang,
                fingerprint=Text(cover.fingerprint, fingerprint_html(cover)))


def cover_block(cover: Cover, lang: str) -> Html:
    """The cover on the summary page: the company's name, the date line, the fingerprint."""
    name = name_text(cover.inputs.company.name, lang)
    lines = [date_line(cover.inputs, lang), fingerprint_line(cover, lang)]
    html = (f'<div class="report-cover"><p class="report-cover__company">{markup(name)}</p>'
            + "".join(f'<p class="report-cover__line">{markup(line)}</p>' for line in lines)
            + "</div>")
    return Html(html, "\n".join([str(name), *map(str, lines)]))


def book_cover(inputs: Inputs, workbook: Path, lang: str) -> Html:
    """The summary page's cover for the workbook file the chapter read."""
    return cover_block(Cover.of(inputs, workbook), lang)


def footer(cover: Cover, lang: str) -> str:
    """One line of HTML for every page's footer: company, date, fingerprint."""
    _ = translator(lang)
    company = cover.inputs.company
    day = (fmt_date(company.report_date, lang) if company.report_date is not None
           else _(NO_DATE))
    line = fill(_(FOOTER), lang, company=company.name, date=day,
                fingerprint=Text(cover.fingerprint, fingerprint_html(cover)))
    return f'<p class="report-footer">{line.html}</p>'
