"""Chapter 07, over the years: the options against today's operation over the planning horizon,
their cumulative saving, net present value and payback, and what changing and leaving cost.

Vendors' names are data (`names.Name`): sentences place them with `words.fill`, tables with
`words.shown`, charts with `words.chart_labels`, so they are never translated and are isolated in
right-to-left text.
"""

from __future__ import annotations

import json

import altair as alt
import numpy as np
import pandas as pd

from analysis import compare, horizon
from analysis.i18n import currency_symbol, fmt_money, fmt_number, fmt_years, translator
from analysis.model import Inputs
from analysis.options import INHOUSE_ID
from analysis.report.blocks import Figure, Html, Text, markup, paragraph, table
from analysis.report.charts import (
    WIDE,
    Size,
    finish,
    label_lines,
    layout,
    lines,
    value_y,
    words,
)
from analysis.report.words import DASH, amount, chart_labels, fill, in_currency, plain, share, shown
from analysis.summary import option_name, payback_text
from analysis.workbook import format as wf

PLAN_KEYS = ("discount_rate", "salary_inflation", "vendor_escalation", "usd_rate_change",
             "volume_growth", "knowledge_transfer", "dual_running_months", "severance_months")


def shown_ids(comparison: compare.Comparison) -> list[str]:
    """The options the chapter follows, cheapest over the horizon first: today's operation, the
    in-house team and the competing outsourced options (`Scenario.candidates`)."""
    years = comparison.horizon
    ids = dict.fromkeys([years.today_id, INHOUSE_ID,
                         *(o.id for o in comparison.scenario.candidates)])
    return sorted(ids, key=lambda i: years.option(i).present_value)


def name_of(comparison: compare.Comparison, option_id: str, lang: str) -> str:
    return option_name(comparison.scenario.option(option_id), lang)


def today_name(comparison: compare.Comparison, lang: str) -> str:
    return name_of(comparison, comparison.horizon.today_id, lang)


def plan_table(inputs: Inputs, comparison: compare.Comparison, lang: str) -> Html:
    """The Years sheet as the figures use it: today's operation and team, the rates, what a
    change costs and the exit plan."""
    _ = translator(lang)
    plan = inputs.years
    spec = {f.key: f for f in wf.YEARS_FIELDS}
    today = comparison.horizon.today
    team = horizon.people(today.option).sum() if plan.current_team is None else (
        plan.current_team * (1 + 1 / inputs.inhouse.agents_per_team_lead))
    rows = [[_("Planning horizon"), fmt_years(comparison.horizon.years, lang)],
            [_("Today's operation"), shown(today_name(comparison, lang), lang)],
            [_("People in-house today (agents and team leads)"), plain(team, lang)]]
    for key in PLAN_KEYS:
        value = getattr(plan, key)
        if spec[key].kind is wf.Kind.PERCENT:
            text = share(value, lang)
        elif key == "knowledge_transfer":
            text = fmt_money(value, inputs.company.currency, lang)
        else:
            text = plain(value, lang)
        rows.append([_(spec[key].label), text])
    exit_text = (_("end of year {year}").format(year=fmt_number(plan.exit_year, lang))
                 if plan.exit_year else _("none within the horizon"))
    rows.append([_(spec["exit_year"].label), exit_text])
    return table([_("Item"), _("Value")], rows, numeric=(1,))


def cumulative_frame(comparison: compare.Comparison, lang: str) -> pd.DataFrame:
    """Long form: each shown option's cumulative saving against today's operation at the end of
    every month (undiscounted; positive when the option has cost less so far)."""
    years = comparison.horizon
    frames = []
    for option_id in shown_ids(comparison):
        if option_id == years.today_id:
            continue
        found = years.option(option_id)
        frames.append(pd.DataFrame({
            "month": range(1, found.months + 1), "saving": np.cumsum(found.saving),
            "name": name_of(comparison, option_id, lang),
            "vendor": option_id.startswith("vendor:"),
        }))
    return pd.concat(frames, ignore_index=True)


def cumulative_chart(frame: pd.DataFrame, comparison: compare.Comparison, lang: str) -> Figure:
    """One line per option; the zero line is today's operation. A line crossing zero upwards
    has paid for its change: that month is its payback month. Legend entries wrap at the
    drawing's width."""
    _ = translator(lang)
    currency = comparison.scenario.context.inputs.company.currency
    last = int(frame["month"].max())
    original = frame
    firsts = frame.drop_duplicates("name")
    labels = dict(zip(firsts["name"], chart_labels(list(firsts["name"]), list(firsts["vendor"]),
                                                   lang), strict=True))
    frame = frame.assign(name=frame["name"].map(labels))
    names = list(labels.values())
    today = today_name(comparison, lang)
    zero_line = pd.DataFrame({"zero": [0.0], "what": [words(
        str(fill(_("Today's operation: {name}"), lang, name=today)), lang)]})
    y_title = fill(_("Saving so far against today's operation ({currency})"), lang,
                   currency=currency_symbol(currency, lang))
    ticks = list(range(12, last + 1, 12)) if last > 12 else list(range(1, last + 1))

    def draw(size: Size) -> alt.LayerChart:
        lookup = json.dumps(label_lines(names, size.title_chars, lang), ensure_ascii=False,
                            sort_keys=True)
        x = alt.X("month:Q", title=lines(_("Month of the planning horizon"), size.title_chars,
                                         lang),
                  scale=alt.Scale(reverse=layout(lang).rtl, nice=False, domain=[1, last]),
                  axis=alt.Axis(format="d", values=ticks))
        drawn = alt.Chart(frame).mark_line(strokeWidth=2).encode(
            x=x, y=value_y("saving", y_title, lang, size),
            color=alt.Color("name:N", title=None, sort=names, legend=alt.Legend(
                labelExpr=f"{lookup}[datum.label] || datum.label")))
        zero = alt.Chart(zero_line).mark_rule(color="black", strokeDash=[6, 3]).encode(
            y="zero:Q", strokeDash=alt.StrokeDash("what:N", title=None,
                                                  scale=alt.Scale(range=[[6, 3]])))
        return alt.layer(drawn, zero).resolve_legend(strokeDash="independent").properties(
            height=300 if size is WIDE else 240)

    ends = frame_end(original, last)
    description = fill(_(
        "A line for each of {count} options: what it has saved against today's operation "
        "({today}), added up month by month over {months} months. {option} ends highest, at "
        "{saving}."
    ), lang, count=fmt_number(len(ends), lang), today=today, months=fmt_number(last, lang),
        option=ends["name"].iloc[0],
        saving=fmt_money(float(ends["saving"].iloc[0]), currency, lang))
    return finish(draw, _("What each option has saved against today's operation, month by "
                          "month"), lang, description)


def frame_end(frame: pd.DataFrame, month: int) -> pd.DataFrame:
    """`cumulative_frame`'s rows of one month, the highest saving first."""
    return frame[frame["month"] == month].sort_values("saving", ascending=False,
                                                      ignore_index=True)


def cumulative_sentence(comparison: compare.Comparison, lang: str) -> Html:
    _ = translator(lang)
    years = comparison.horizon
    currency = comparison.scenario.context.inputs.company.currency
    ids = shown_ids(comparison)
    cheapest = years.option(ids[0])
    text = fill(_(
        "Each line adds up, month after month, what an option saves against today's operation "
        "({today}, the dashed line at zero), in the money of each month and after the cost of "
        "changing: it starts below zero when changing costs money, and the month it crosses "
        "zero is its payback month. Over the planning horizon of {years}, {option} costs least: "
        "{total} in all, against {today_total} for today's operation."
    ) if ids[0] != years.today_id else _(
        "Each line adds up, month after month, what an option saves against today's operation "
        "({today}, the dashed line at zero), in the money of each month and after the cost of "
        "changing: it starts below zero when changing costs money, and the month it crosses "
        "zero is its payback month. Over the planning horizon of {years}, keeping today's "
        "operation costs least: {total} in all."
    ), lang, today=today_name(comparison, lang), years=fmt_years(years.years, lang),
        option=name_of(comparison, ids[0], lang),
        total=fmt_money(cheapest.cumulative[-1], currency, lang),
        today_total=fmt_money(years.today.cumulative[-1], currency, lang))
    return paragraph(text)


def npv_table(comparison: compare.Comparison, lang: str) -> Html:
    """Present value, NPV against today's operation and payback month, cheapest first."""
    _ = translator(lang)
    years = comparison.horizon
    currency = comparison.scenario.context.inputs.company.currency
    header = [_("Option"), in_currency(_("Present value of the cost"), currency, lang),
              in_currency(_("NPV against today"), currency, lang), _("Payback month")]
    rows = []
    for option_id in shown_ids(comparison):
        found = years.option(option_id)
        today = option_id == years.today_id
        rows.append([
            shown(name_of(comparison, option_id, lang), lang),
            amount(found.present_value, lang),
            _("today's operation") if today else amount(found.npv, lang),
            payback_text(found.payback_month, lang, today),
        ])
    return table(header, rows, numeric=(1, 2, 3), key=(2,))


def yearly_table(comparison: compare.Comparison, lang: str) -> Html:
    """What each shown option costs in each year of the horizon, in that year's money: one row
    a year, one column an option, the recommended option's the key column (first in a phone's
    card); the caption names the currency."""
    _ = translator(lang)
    years = comparison.horizon
    currency = comparison.scenario.context.inputs.company.currency
    ids = shown_ids(comparison)
    header = [_("Year"), *(shown(name_of(comparison, i, lang), lang) for i in ids)]
    costs = [years.option(i).annual_cost_by_year for i in ids]
    rows = [[fmt_number(y + 1, lang), *(amount(c[y], lang) for c in costs)]
            for y in range(years.years)]
    return table(header, rows, numeric=range(1, len(header)), key=chosen_column(comparison, ids),
                 caption=fill(_("Each year's cost in {currency}, not discounted, one-off costs "
                                "included"), lang, currency=currency_symbol(currency, lang)))


def chosen_column(comparison: compare.Comparison, ids: list[str]) -> tuple[int, ...]:
    """The column of the recommended option in a table with one column an option after the
    first (none when it is not shown)."""
    chosen = comparison.recommendation.option_id
    return (ids.index(chosen) + 1,) if chosen in ids else ()


def npv_sentence(comparison: compare.Comparison, lang: str) -> Html:
    """What the NPV table means, and which option it favours."""
    _ = translator(lang)
    years = comparison.horizon
    currency = comparison.scenario.context.inputs.company.currency
    rate = comparison.scenario.context.inputs.years.discount_rate
    others = [i for i in shown_ids(comparison) if i != years.today_id]
    best = max(others, key=lambda i: years.option(i).npv)
    found = years.option(best)
    definition = (_(
        "The net present value (NPV) is what an option saves against today's operation over the "
        "planning horizon of {years}, each month's money discounted at {rate} a year: above "
        "zero, the option costs less. The payback month is the first month in which its "
        "saving, added up from the start and after the cost of changing, is no longer "
        "negative.")
        if rate else _(
        "The net present value (NPV) is what an option saves against today's operation over the "
        "planning horizon of {years} (nothing is discounted: the workbook's discount rate is "
        "0): above zero, the option costs less. The payback month is the first month in which "
        "its saving, added up from the start and after the cost of changing, is no longer "
        "negative.")
    )
    definition = fill(definition, lang, years=fmt_years(years.years, lang), rate=share(rate, lang))
    if found.npv > 0:
        verdict = fill(_("{option} saves the most: {npv}, its change paid back in month {month}."),
                       lang, option=name_of(comparison, best, lang),
                       npv=fmt_money(found.npv, currency, lang),
                       month=payback_text(found.payback_month, lang))
    else:
        verdict = fill(_("No option saves money against today's operation over the horizon: "
                         "{today} is the cheapest way to go on."), lang,
                       today=today_name(comparison, lang))
    return paragraph(Text(f"{definition} {verdict}", f"{markup(definition)} {markup(verdict)}"))


def one_off_table(comparison: compare.Comparison, lang: str) -> Html:
    """What changing from today's operation costs each option, by kind (one row a kind, one
    column an option), and the planned exit when there is one."""
    _ = translator(lang)
    years = comparison.horizon
    currency = comparison.scenario.context.inputs.company.currency
    ids = shown_ids(comparison)
    options = [years.option(i) for i in ids]
    header = [in_currency(_("Cost"), currency, lang),
              *(shown(name_of(comparison, o.id, lang), lang) for o in options)]
    rows = [[_(horizon.ONE_OFF_NAMES[kind]),
             *(amount(o.one_off("transition", kind), lang) for o in options)]
            for kind in horizon.ONE_OFF]
    rows.append([_("Changing, in all"), *(amount(o.one_off("transition"), lang) for o in options)])
    if any(o.exit_month for o in options):
        rows.append([_(horizon.EVENT_NAMES["exit"]),
                     *(amount(o.one_off("exit"), lang) if o.exit_month else DASH
                       for o in options)])
    return table(header, rows, numeric=range(1, len(header)), key=chosen_column(comparison, ids))


def one_off_sentence(comparison: compare.Comparison, lang: str) -> Html:
    """What the one-off costs mean: the largest part of changing, and the exit plan."""
    _ = translator(lang)
    years = comparison.horizon
    currency = comparison.scenario.context.inputs.company.currency
    chosen = years.option(comparison.recommendation.option_id)
    subject = next(o for o in (chosen, years.best_outsourced, years.inhouse)
                   if o.id != years.today_id)
    parts = {k: subject.one_off("transition", k) for k in horizon.ONE_OFF}
    largest = max(parts, key=parts.get)
    texts = [fill(_(
        "Changing costs money once, whichever way: knowledge transfer, set-up fees, months in "
        "which the old and the new operation are both paid, hiring and training, severance and "
        "the exit fees of contracts left. Moving from today's operation ({today}) to {option} "
        "costs {total}, most of it {part} ({amount})."
    ), lang, today=today_name(comparison, lang), option=name_of(comparison, subject.id, lang),
        total=fmt_money(subject.one_off("transition"), currency, lang),
        part=_(horizon.ONE_OFF_NAMES[largest]).lower(),
        amount=fmt_money(parts[largest], currency, lang))]
    exit_year = comparison.scenario.context.inputs.years.exit_year
    if any(years.option(i).exit_month for i in shown_ids(comparison)):
        texts.append(fill(_(
            "Your exit plan leaves every outsourcing contract at the end of year {year} and "
            "brings the work back in-house, costed like the first change; every figure in this "
            "chapter includes it."
        ), lang, year=fmt_number(exit_year, lang)))
    else:
        texts.append(_(
            "No exit is planned within the horizon, so no exit fee of the vendors you might "
            "choose is counted; only the contracts of today's operation that a change leaves "
            "pay theirs."))
    return paragraph(Text(" ".join(texts), " ".join(markup(t) for t in texts)))


def meaning(comparison: compare.Comparison, lang: str) -> Html:
    """The chapter in one sentence: the best way on from today, over the horizon."""
    _ = translator(lang)
    years = comparison.horizon
    currency = comparison.scenario.context.inputs.company.currency
    chosen = comparison.recommendation.option_id
    found = years.option(chosen)
    if chosen == years.today_id:
        text = _("Over the planning horizon of {years}, the cheapest way on from where "
                 "you are today is to keep today's operation, {option}.")
    else:
        text = _("Over the planning horizon of {years}, the cheapest way on from where "
                 "you are today is {option}: it saves {npv} in present value against today's "
                 "operation, the cost of changing included.")
    return paragraph(fill(text, lang, years=fmt_years(years.years, lang),
                          option=name_of(comparison, chosen, lang),
                          npv=fmt_money(found.npv, currency, lang)), strong=True)
