"""Chapter 09, methodology: its formulas in the reader's words, the assumptions used, the ranges
tested, and the published tables compared with, citing their sources by title and quoting them in
their own language.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import fields
from html import escape

import numpy as np
import pandas as pd

from analysis import reference as ref
from analysis.costs import INHOUSE_CATEGORIES
from analysis.i18n import N_, fmt_date, fmt_number, translator
from analysis.model import Assumptions, InHouseCosts, Inputs, LicenceBasis, Years
from analysis.names import Name, bdi_latin
from analysis.report.blocks import Html, Text, bullets, paragraph, table
from analysis.report.words import (
    DASH,
    REGION_NAMES,
    capitalised,
    clock,
    fill,
    language_name,
    name_text,
    plain,
    share,
)
from analysis.workbook import format as wf

REFERENCE_TITLES = {
    "regions": N_("Hourly rates by agents' location"),
    "shared_per_minute": N_("Shared inbound service, per minute used"),
    "dedicated_hourly": N_("Dedicated inbound service, per agent hour"),
    "outbound_hourly": N_("Outbound service, per agent hour"),
    "guides": N_("Rules of thumb"),
}
UNIT_NAMES = {
    "USD/hour": N_("USD an hour"),
    "USD/minute": N_("USD a minute"),
    "fraction": N_("share"),
    "interactions/month": N_("interactions a month"),
    "clients": N_("clients"),
    "hours": N_("hours"),
}


INHOUSE_RULES = {
    "salaries": N_("the agents to hire, the FTE of every channel rounded up once, at the agent "
                   "salary"),
    "shift_premium": N_("{premium} more pay for the share of in-seat hours worked at night or at "
                        "weekends"),
    "oncost": N_("{oncost} on salaries and the shift premium (the pay of every other role below "
                 "includes it too)"),
    "supervision": N_("one team lead per {agents} agents, at the team-lead salary"),
    "operations_management": N_("one operations manager per {agents} agents, paid {pay}"),
    "quality": N_("one quality analyst per {agents} agents, paid {pay}"),
    "planning": N_("one workforce planner per {agents} agents, paid {pay}"),
    "recruitment": N_("the cost per hire for the agents who replace leavers ({attrition} of the "
                      "agents a year)"),
    "training": N_("the training cost per hire, for the same hires"),
    "trainee_wages": N_("{weeks} weeks' pay and on-cost for each new hire"),
    "equipment": N_("bought for every desk and spread over {years} years"),
    "software": N_("a licence for every agent, team lead and manager, each month"),
    "rent": N_("rent and space for every desk, each month"),
    "overhead": N_("maintenance and other overhead for every desk, each year"),
}
"""The rule of each in-house cost line (`costs.INHOUSE_CATEGORIES`, as chapter 04 counts them:
`costs.inhouse_cost`), its figures filled from the workbook (`inhouse_rules`)."""
LICENCE_RULES = {
    LicenceBasis.PER_USER: INHOUSE_RULES["software"],
    LicenceBasis.PER_SEAT: N_("a licence for every desk, each month"),
}
SOFTWARE_PRICE = {
    LicenceBasis.PER_USER: N_("Software per licence, one for every user (company currency per "
                              "month)"),
    LicenceBasis.PER_SEAT: N_("Software per licence, one for every desk (company currency per "
                              "month)"),
}
"""The assumptions table's label of the software price: a price per licence, and who needs one
as the workbook says (InHouse "Software licences are paid")."""
DESKS = N_("Desks are shared across shifts: there are as many as the most people on site at "
           "once, the busiest hour's agents in seat and on breaks ({onsite} of paid time on site "
           "off the phones), their team leads and the managers, analysts and planners.")
_MANAGER_PAY = {"operations_management": "operations_manager_salary",
                "quality": "quality_analyst_salary", "planning": "planner_salary"}
_SPANS = {"supervision": "agents_per_team_lead",
          "operations_management": "agents_per_operations_manager",
          "quality": "agents_per_quality_analyst", "planning": "agents_per_planner"}


def _pay(costs: InHouseCosts, field: str, lang: str) -> str:
    """A manager's pay as the workbook sets it: its rule when the salary is blank."""
    _ = translator(lang)
    if getattr(costs, field) is not None:
        return _("the salary your workbook gives")
    (spec,) = [f for f in wf.MANAGEMENT_FIELDS if f.key == field]
    return _(spec.default_text)


def inhouse_rules(inputs: Inputs, lang: str) -> Html:
    """Every line of the in-house cost (`costs.INHOUSE_CATEGORIES`) with its rule, filled with
    the workbook's figures (spans, weeks, licences per user or per desk), then how desks are
    counted; the same lines, in the same order, as chapter 04's breakdown."""
    _ = translator(lang)
    costs = inputs.inhouse
    figures = {"premium": share(costs.night_weekend_premium, lang),
               "oncost": share(costs.employer_oncost, lang),
               "attrition": share(costs.attrition, lang),
               "weeks": plain(costs.training_weeks, lang),
               "years": plain(costs.equipment_years, lang)}
    lines = []
    for name, label in INHOUSE_CATEGORIES:
        rule = LICENCE_RULES[costs.software_licences] if name == "software" else INHOUSE_RULES[name]
        own = dict(figures)
        if name in _SPANS:
            own["agents"] = plain(getattr(costs, _SPANS[name]), lang)
        if name in _MANAGER_PAY:
            own["pay"] = _pay(costs, _MANAGER_PAY[name], lang)
        lines.append(fill(_("{line}: {rule}"), lang, line=_(label),
                          rule=fill(_(rule), lang, **own)))
    desks = paragraph(fill(_(DESKS), lang, onsite=share(costs.onsite_shrinkage, lang)))
    listed = bullets(lines)
    return Html(listed.html + desks.html, f"{listed.text}\n{desks.text}")


def field_value(field: wf.Field, value: object, lang: str) -> str:
    """A workbook value written as the reader would type it back: percent, hour, a dropdown's
    label or number; a blank with a rule says the rule (`Field.default_text`)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return translator(lang)(field.default_text) if field.default_text else DASH
    if field.kind is wf.Kind.CHOICE:
        return translator(lang)(wf.choice_label(field.choices, str(value)))
    if field.kind is wf.Kind.PERCENT:
        return share(float(value), lang)  # type: ignore[arg-type]
    if field.kind is wf.Kind.HOUR:
        return clock(int(value))  # type: ignore[call-overload]
    digits = 0 if float(value) == round(float(value)) else 2  # type: ignore[arg-type]
    return fmt_number(float(value), lang, digits)  # type: ignore[arg-type]


def assumption_rows(inputs: Inputs) -> pd.DataFrame:
    """Every assumption with its value, default and whether the workbook changed it.

    The InHouse sheet's first block all comes from the workbook; its management block (format
    v2), the Assumptions sheet's fields, the benchmark terms, the hourly profile and the Years
    sheet's figures have defaults (`model`), and `set` says the value differs. (Today's
    operation is named in the chapter over the years.) The software price is labelled a price
    per licence, with who needs one as the workbook says (`SOFTWARE_PRICE`).
    """
    defaults = Assumptions()
    software = SOFTWARE_PRICE[inputs.inhouse.software_licences]
    rows = [{"key": f.key, "label": software if f.key == "software_per_seat_month" else f.label,
             "field": f, "value": getattr(inputs.inhouse, f.key), "default": None,
             "source": "workbook"}
            for f in wf.INHOUSE_FIELDS if f.key in {x.name for x in fields(inputs.inhouse)}]
    for f in wf.MANAGEMENT_FIELDS:
        value = getattr(inputs.inhouse, f.key)
        rows.append({"key": f.key, "label": f.label, "field": f, "value": value,
                     "default": f.default, "source": "set" if value != f.default else "default"})
    for f in wf.ASSUMPTION_FIELDS + wf.BENCHMARK_FIELDS:
        value, default = getattr(inputs.assumptions, f.key), getattr(defaults, f.key)
        rows.append({"key": f.key, "label": f.label, "field": f, "value": value,
                     "default": default, "source": "set" if value != default else "default"})
    plan, defaults_plan = inputs.years, Years()
    for f in wf.YEARS_FIELDS:
        if f.key == "current_operation":
            continue
        value, default = getattr(plan, f.key), getattr(defaults_plan, f.key)
        rows.append({"key": f.key, "label": f.label, "field": f, "value": value,
                     "default": default, "source": "set" if value != default else "default"})
    return pd.DataFrame(rows)


def assumptions_table(inputs: Inputs, lang: str) -> Html:
    _ = translator(lang)
    sources = {"workbook": _("Your workbook"), "set": _("Your workbook (default changed)"),
               "default": _("Default")}
    rows = [[_(r.label), field_value(r.field, r.value, lang),
             DASH if r.source == "workbook" else field_value(r.field, r.default, lang),
             sources[r.source]]
            for r in assumption_rows(inputs).itertuples()]
    profile_set = inputs.assumptions.hourly_profile != Assumptions().hourly_profile
    busiest = int(np.argmax(inputs.assumptions.hourly_profile))
    rows.append([_("Hourly arrival profile"),
                 fill(_("busiest hour from {time}"), lang, time=clock(busiest)), DASH,
                 sources["set" if profile_set else "default"]])
    return table([_("Assumption"), _("Value used"), _("Default"), _("Where it comes from")],
                 rows, numeric=(1, 2))


def source_numbers(sources: pd.DataFrame) -> dict[str, int]:
    """Each document's number in the citation table, 1 for the first row of sources.csv."""
    return {document: number for number, document in enumerate(sources["document"], start=1)}


def citation(document: str, numbers: dict[str, int]) -> Text:
    """A reference table's source cell: the document's number, linked to its row."""
    number = numbers[document]
    return Text(f"[{number}]", f'<a href="#source-{number}">[{number}]</a>')


def quotation(text: str, language: str) -> Text:
    """A passage of a source, as a quotation in its own language and direction."""
    return Text(text, f'<q lang="{language}" dir="auto">{escape(text)}</q>')


def sources_table(lang: str) -> Html:
    """The documents the book draws on: title (in its own language), language, publisher and
    what the book takes from it; the reference tables cite them by number."""
    _ = translator(lang)
    frame = ref.read_sources()
    rows = []
    for number, r in enumerate(frame.itertuples(), start=1):
        title = Text(r.title, f'<cite lang="{r.language}" dir="auto">{escape(r.title)}</cite>')
        provides = _(r.provides)
        if r.note:
            provides = f"{provides} {_(r.note)}"
        publisher = name_text(Name(r.publisher), lang) if r.publisher else _(
            "not named in the document")
        if r.published:
            publisher = fill(_("{publisher}, published {date}"), lang, publisher=publisher,
                             date=fmt_date(dt.date.fromisoformat(r.published), lang))
        rows.append([Text(str(number), f'<span id="source-{number}">{number}</span>'), title,
                     capitalised(language_name(r.language, lang)),
                     publisher,
                     provides])
    return table([_("No."), _("Title"), _("Language"), _("Publisher"),
                  _("What the book takes from it")], rows)


def reference_tables(lang: str) -> list[Html]:
    """The published ranges the book compares with, each citing its source and quoting the
    passage it was read from, in the source's language."""
    _ = translator(lang)
    names = {**ref.NAMES, "regions": REGION_NAMES}
    sources = ref.read_sources()
    numbers = source_numbers(sources)
    languages = dict(zip(sources["document"], sources["language"], strict=True))
    blocks = []
    for name in ref.TABLES:
        frame = ref.read_table(name)
        rows = []
        for r in frame.itertuples():
            ratio = r.unit == "fraction"
            low = share(r.low, lang) if ratio else plain(r.low, lang, 2)
            high = share(r.high, lang) if ratio else plain(r.high, lang, 2)
            note = _(r.note)
            quoted = quotation(r.quote, languages[r.source])
            reading = Text(f"{note} {quoted}", f"{bdi_latin(note)} {quoted.html}")
            rows.append([_(names[name].get(r.id, r.name)), low, high,
                         _(UNIT_NAMES.get(r.unit, r.unit)), citation(r.source, numbers),
                         reading])
        blocks.append(table([_("Item"), _("Low"), _("High"), _("Unit"), _("Source"),
                             _("How the source was read")], rows, numeric=(1, 2),
                            caption=_(REFERENCE_TITLES[name])))
    return blocks


FORMULAS = {
    "staffing": (
        (N_("traffic (erlangs)"),
         (N_("contacts in the hour"), "×", N_("average handling time"), "÷", N_("one hour"))),
        (N_("in-seat agents"),
         (N_("the fewest agents meeting the service level and the occupancy cap"),)),
        (N_("FTE"),
         (N_("in-seat hours a week"), "÷", "(", N_("paid hours a week"), "×",
          N_("share of paid time on contacts"), ")")),
        (N_("people to hire"), (N_("the FTE of all channels together, rounded up once"),)),
    ),
    "costs": (
        (N_("yearly cost of a quote"),
         (N_("usage charge"), "+", N_("night and weekend surcharge"), "+",
          N_("top-up to the monthly minimum"), "+", N_("service bonus"), "−",
          N_("service credit"), "+", "(", N_("set-up fee"), "+", N_("exit fee"), ")", "÷",
          N_("horizon in years"))),
        (N_("outsourced option"),
         (N_("its quotes"), "+", N_("retained vendor management"), "+",
          N_("channels left in-house"))),
        (N_("saving"), (N_("in-house cost"), "−", N_("cost of the option"))),
    ),
    "billing": (
        (N_("usage charge"), (N_("price"), "×", N_("quantity billed in a year"))),
        (N_("paid hours"),
         (N_("in-seat hours"), "÷", "(", "1", "−", N_("the vendor's shrinkage"), ")")),
        (N_("productive hours"), (N_("contacts"), "×", N_("average handling time"))),
        (N_("minutes of handling time"),
         (N_("contacts"), "×", N_("average handling time in minutes"), "×",
          N_("billed minutes per handled minute"))),
        (N_("minutes of talk time"),
         (N_("minutes of handling time"), "×", "(", "1", "−", N_("after-call work share"),
          ")")),
        (N_("resolved contacts"), (N_("contacts"), "×", N_("resolution rate"))),
    ),
    "years": (
        (N_("discount factor of a month"),
         ("(", "1", "+", N_("yearly discount rate"), ")", "^", "(", "−",
          N_("months from today to the month's end"), "÷", "12", ")")),
        (N_("present value of an option"),
         ("Σ", "(", N_("the month's cost"), "×", N_("its discount factor"), ")")),
        (N_("NPV of an option"),
         (N_("present value of today's operation"), "−", N_("present value of the option"))),
        (N_("payback month"),
         (N_("the first month in which the saving added up from the start, after the cost of "
             "changing, is zero or more"),)),
    ),
}
"""The methodology's formulas: each a result and its terms (message ids) with the operators
and figures (`LITERALS`); Σ sums over the months of the planning horizon."""
LITERALS = frozenset({"×", "÷", "+", "−", "=", "(", ")", "^", "Σ", "1", "12"})
"""Operators and figures, written as they are in every language."""


def _tight(line: str) -> str:
    """No space inside brackets: "(a + b)", not "( a + b )"."""
    return line.replace("( ", "(").replace(" )", ")")


def formulas(name: str, lang: str) -> Html:
    """One group of `FORMULAS` in the reader's words, laid out left to right as formulas are,
    each name isolated so an Arabic name keeps its own direction inside the line."""
    _ = translator(lang)
    lines_html, lines_text = [], []
    for result, terms in FORMULAS[name]:
        parts = [_(result), "=", *(term if term in LITERALS else _(term) for term in terms)]
        html = " ".join(escape(part) if part in LITERALS else f"<bdi>{escape(part)}</bdi>"
                        for part in parts)
        lines_html.append(f'<p class="report-formula" dir="ltr">{_tight(html)}</p>')
        lines_text.append(_tight(" ".join(parts)))
    return Html(f'<div class="report-formulas">{"".join(lines_html)}</div>',
                "\n".join(lines_text))
