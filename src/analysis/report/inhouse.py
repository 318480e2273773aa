"""Chapter 04, in-house cost: where the money goes, what a contact, a minute and an FTE cost, and
the rules behind the management layer, trainees' wages, software licences and desks."""

from __future__ import annotations

import math
from dataclasses import fields

import altair as alt

from analysis import costs
from analysis.i18n import N_, currency_symbol, fmt_money, fmt_number, translator
from analysis.model import InHouseCosts, LicenceBasis
from analysis.report.blocks import Figure, Html, paragraph, table
from analysis.report.charts import NEUTRAL, Size, category_rows, finish, value_x
from analysis.report.words import amount, fill, in_currency, plain, share

PAY = ("salaries", "shift_premium", "oncost", "supervision", "operations_management", "quality",
       "planning", "trainee_wages")
"""The categories that are people's pay."""
DEFAULTS = {f.name: f.default for f in fields(InHouseCosts)}


def unit_costs(cost: costs.InHouseCost) -> dict[str, float]:
    """Total, per contact, per handled minute and per FTE, and the share spent on people."""
    people = sum(getattr(cost, name) for name in PAY)
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
        [_("Operations managers, quality analysts and planners (FTE)"),
         fmt_number(cost.management_fte, lang, 1)],
        [_("Desks (most people on site at once)"), fmt_number(cost.seats, lang)],
        [_("Software licences"), fmt_number(cost.licences, lang)],
    ]
    return table([_("Measure"), _("Value")], rows, numeric=(1,))


def inhouse_sentence(cost: costs.InHouseCost, currency: str, lang: str) -> Html:
    _ = translator(lang)
    unit = unit_costs(cost)
    return paragraph(fill(_(
        "Fully loaded, the in-house team costs {total} a year, {per_contact} per contact. Pay "
        "(salaries, the shift premium, employer taxes, team leads, the operations managers, "
        "quality analysts and planners above them, and new hires' wages while they train) makes "
        "up {share} of it; the rest is hiring and training, desks, software and rent."
    ), lang, total=fmt_money(unit["total"], currency, lang),
             per_contact=fmt_money(unit["per_contact"], currency, lang, 2),
             share=share(unit["people_share"], lang)))


def _source(value: object, field: str) -> str:
    """"Your workbook" when the value differs from the documented default, else "Default"."""
    return N_("Your workbook") if value != DEFAULTS[field] else N_("Default (assumption)")


def management_table(costs_in: InHouseCosts, cost: costs.InHouseCost, currency: str,
                     lang: str) -> Html:
    """The cost lines beyond agents and team leads: each one's rule, the figure used and
    where it comes from (the workbook, or a documented default labelled an assumption)."""
    _ = translator(lang)
    ops, quality, planner = costs_in.manager_salaries
    roles = (
        (N_("Operations managers"), "agents_per_operations_manager", ops,
         "operations_manager_salary", N_("1.5 × the team-lead salary"), cost.operations_management),
        (N_("Quality analysts"), "agents_per_quality_analyst", quality,
         "quality_analyst_salary", N_("the team-lead salary"), cost.quality),
        (N_("Workforce planners"), "agents_per_planner", planner, "planner_salary",
         N_("the team-lead salary"), cost.planning),
    )
    rows = []
    for label, span, salary, salary_field, default_pay, annual in roles:
        given = getattr(costs_in, salary_field)
        pay = (fmt_money(salary, currency, lang) if given is not None else
               fill(_("{salary} ({rule})"), lang, salary=fmt_money(salary, currency, lang),
                    rule=_(default_pay)))
        rule = fill(_("one per {agents} agents, paid {pay} a year"), lang,
                    agents=plain(getattr(costs_in, span), lang), pay=pay)
        source = (_source(getattr(costs_in, span), span) if given is None
                  else N_("Your workbook"))
        rows.append([_(label), rule, _(source), amount(annual, lang)])
    rows.append([
        _("Trainees' wages during training"),
        fill(_("{weeks} weeks' pay and on-cost for each new hire"), lang,
             weeks=plain(costs_in.training_weeks, lang)),
        _(_source(costs_in.training_weeks, "training_weeks")),
        amount(cost.trainee_wages, lang)])
    per_user = costs_in.software_licences is LicenceBasis.PER_USER
    rows.append([
        _("Software"),
        fill(_("{licences} licences: every agent, team lead and manager") if per_user
             else _("{licences} licences: one per desk"), lang,
             licences=fmt_number(cost.licences, lang)),
        _(_source(costs_in.software_licences, "software_licences")),
        amount(cost.software, lang)])
    rows.append([
        _("Desks"),
        fill(_("{seats} desks: the busiest hour's agents in seat and on breaks ({onsite} of "
               "paid time on site off the phones), their team leads and the managers"), lang,
             seats=fmt_number(cost.seats, lang), onsite=share(costs_in.onsite_shrinkage, lang)),
        _(_source(costs_in.onsite_shrinkage, "onsite_shrinkage")),
        amount(cost.equipment + cost.rent + cost.overhead, lang)])
    return table([_("Cost line"), _("Rule"), _("Where it comes from"),
                  in_currency(_("Per year"), currency, lang)], rows, numeric=(3,), key=(3,))
