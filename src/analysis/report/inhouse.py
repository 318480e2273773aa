"""Chapter 04, in-house cost: where the money goes and what a contact, a minute and an FTE cost."""

from __future__ import annotations

import math

import altair as alt

from analysis import costs
from analysis.i18n import fmt_money, fmt_number, translator
from analysis.report.blocks import Figure, Html, paragraph, table
from analysis.report.charts import NEUTRAL, WIDTH, category_y, finish, value_x
from analysis.report.words import fill, share


def unit_costs(cost: costs.InHouseCost) -> dict[str, float]:
    """Total, per contact, per handled minute and per FTE, and the share spent on people."""
    people = cost.salaries + cost.shift_premium + cost.oncost + cost.supervision
    return {
        "total": cost.total,
        "per_contact": cost.per_contact,
        "per_minute": cost.per_handled_minute,
        "per_fte": cost.total / cost.fte if cost.fte else math.nan,
        "people_share": people / cost.total if cost.total else math.nan,
    }


def inhouse_table(cost: costs.InHouseCost, currency: str, lang: str) -> Html:
    _ = translator(lang)
    frame = cost.breakdown()
    rows = [[_(label), fmt_money(annual, currency, lang), share(part, lang)]
            for label, annual, part in zip(frame["label"], frame["annual"], frame["share"],
                                           strict=True)]
    rows.append([_("Total"), fmt_money(cost.total, currency, lang), share(1.0, lang)])
    return table([_("Cost category"), _("Per year"), _("Share")], rows, numeric=(1, 2))


def inhouse_chart(cost: costs.InHouseCost, currency: str, lang: str) -> Figure:
    _ = translator(lang)
    frame = cost.breakdown()
    frame["name"] = [_(label) for label in frame["label"]]
    chart = alt.Chart(frame).mark_bar(color=NEUTRAL).encode(
        x=value_x("annual", fill(_("Per year ({currency})"), lang, currency=currency), lang),
        y=category_y("name", lang, list(frame["name"])),
    ).properties(width=WIDTH)
    return finish(chart, _("Where the in-house money goes"), lang)


def unit_costs_table(cost: costs.InHouseCost, currency: str, lang: str) -> Html:
    _ = translator(lang)
    unit = unit_costs(cost)
    rows = [
        [_("Per contact"), fmt_money(unit["per_contact"], currency, lang, 2)],
        [_("Per handled minute"), fmt_money(unit["per_minute"], currency, lang, 2)],
        [_("Per full-time equivalent (FTE) a year"), fmt_money(unit["per_fte"], currency, lang)],
        [_("Agents employed"), fmt_number(cost.headcount, lang)],
        [_("Team leads (FTE)"), fmt_number(cost.team_leads, lang, 1)],
        [_("Desks (most agents in seat at once)"), fmt_number(cost.seats, lang)],
    ]
    return table([_("Measure"), _("Value")], rows, numeric=(1,))


def inhouse_sentence(cost: costs.InHouseCost, currency: str, lang: str) -> Html:
    _ = translator(lang)
    unit = unit_costs(cost)
    return paragraph(fill(_(
        "Fully loaded, the in-house team costs {total} a year, {per_contact} per contact. Pay "
        "(salaries, the shift premium, employer taxes and team leads) makes up {share} of it; the "
        "rest is hiring, training, desks, software and rent."
    ), lang, total=fmt_money(unit["total"], currency, lang),
             per_contact=fmt_money(unit["per_contact"], currency, lang, 2),
             share=share(unit["people_share"], lang)))
