"""Chapter 04, in-house cost: where the money goes and what a contact, a minute and an FTE cost."""

from __future__ import annotations

import math

import altair as alt

from analysis import costs
from analysis.i18n import currency_symbol, fmt_money, fmt_number, translator
from analysis.report.blocks import Figure, Html, paragraph, table
from analysis.report.charts import NEUTRAL, Size, category_rows, finish, value_x
from analysis.report.words import amount, fill, in_currency, share


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
    rows = [[_(label), amount(annual, lang), share(part, lang)]
            for label, annual, part in zip(frame["label"], frame["annual"], frame["share"],
                                           strict=True)]
    rows.append([_("Total"), amount(cost.total, lang), share(1.0, lang)])
    return table([_("Cost category"), in_currency(_("Per year"), currency, lang), _("Share")],
                 rows, numeric=(1, 2))


def inhouse_chart(cost: costs.InHouseCost, currency: str, lang: str) -> Figure:
    _ = translator(lang)
    frame = cost.breakdown()
    frame["name"] = [_(label) for label in frame["label"]]
    order = list(frame["name"])
    x_title = fill(_("Per year ({currency})"), lang, currency=currency_symbol(currency, lang))

    def layers(size: Size, y: dict[str, object]) -> list[alt.Chart]:
        return [alt.Chart().mark_bar(color=NEUTRAL).encode(
            x=value_x("annual", x_title, lang, size), **y)]

    def draw(size: Size) -> alt.TopLevelMixin:
        return category_rows(layers, frame, "name", order, size, lang)

    largest = frame.loc[frame["annual"].idxmax()]
    description = fill(_(
        "A bar for each of {count} cost categories of the in-house team, per year; the largest "
        "is {category}, {amount} ({share})."
    ), lang, count=fmt_number(len(frame), lang), category=_(largest["label"]),
        amount=fmt_money(float(largest["annual"]), currency, lang),
        share=share(float(largest["share"]), lang))
    return finish(draw, _("Where the in-house money goes"), lang, description)


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
