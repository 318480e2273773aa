"""Chapter 01, the executive summary: the verdict, its reasons and caveats, and what each option
saves, the vendors that quoted apart from the benchmarks (published ranges, never recommended).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import altair as alt
import numpy as np
import pandas as pd

from analysis import compare, options, recommend
from analysis.i18n import N_, currency_symbol, fmt_money, fmt_number, fmt_years, translator
from analysis.model import Inputs
from analysis.report.blocks import Figure, Html, Text, bullets, paragraph, table
from analysis.report.charts import (
    FONT_SIZE,
    HIGHLIGHT,
    NEUTRAL,
    Size,
    category_rows,
    finish,
    layout,
    lines,
    panel_width,
    value_x,
    words,
)
from analysis.report.uncertainty import probability
from analysis.report.words import (
    amount,
    chart_labels,
    cited,
    fill,
    in_currency,
    message_text,
    share,
    shown,
)
from analysis.summary import (
    BENCHMARK_TERMS,
    BENCHMARKS_HEADING,
    MARKET_NOTES,
    OFFERS_HEADING,
    HeadlineRow,
    benchmark_term_values,
    market_source,
    offers_and_benchmarks,
    option_name,
    payback_text,
)


def rounding_step(low: float, high: float, value: float) -> float:
    """The power of ten the summary gives the saving to: no finer than the uncertainty allows.

    Half the P10-P90 range is how far the saving may well be off, so the digits below its
    leading power of ten say nothing (a saving of 892,156 likely between 324,276 and 1,541,376
    is off by up to about 608,550: 100,000s, "about 900,000"). The step is never coarser than
    the value's own leading digit (a small saving does not round to zero), at least 1, and three
    significant digits when the range is empty.
    """
    spread = abs(high - low) / 2
    if spread > 0:
        step = 10.0 ** math.floor(math.log10(spread))
    elif value:
        step = 10.0 ** (math.floor(math.log10(abs(value))) - 2)
    else:
        return 1.0
    if value:
        step = min(step, 10.0 ** math.floor(math.log10(abs(value))))
    return max(step, 1.0)


def rounded(value: float, step: float) -> float:
    """`value` to the nearest multiple of `step`."""
    return round(value / step) * step


def widened(low: float, high: float, step: float) -> tuple[float, float]:
    """A range's ends rounded outwards to a tenth of `step` (the step of the amount they
    surround): the range given never claims more certainty than the draws show, nor hides a sign
    (P10 1,536,483 and P90 5,385,232 by a step of 1,000,000 are 1,500,000 and 5,400,000, not the
    narrower 2,000,000 and 5,000,000; a P10 of -935 by 100,000 is -10,000, not 0)."""
    fine = max(step / 10, 1.0)
    return math.floor(low / fine) * fine, math.ceil(high / fine) * fine


def verdict_side(rec: recommend.Recommendation) -> str:
    """Which way the verdict goes (`recommend.FOR_OUTSOURCING` or `FOR_IN_HOUSE`); too close
    to call, the way the present value goes; without a quote, the way the benchmarks point
    (towards asking vendors for quotes, or keeping the work)."""
    if rec.verdict == recommend.OUTSOURCE:
        return recommend.FOR_OUTSOURCING
    if rec.verdict == recommend.IN_HOUSE:
        return recommend.FOR_IN_HOUSE
    ahead = rec.annual_saving if rec.verdict == recommend.NO_QUOTE else rec.pv_saving
    return recommend.FOR_OUTSOURCING if ahead > 0 else recommend.FOR_IN_HOUSE


def verdict(comparison: compare.Comparison, lang: str) -> Html:
    """The recommendation in one sentence: what to do from today's operation, with whom, and what
    it saves or costs over the planning horizon in present value (the verdict's basis), rounded
    to what the uncertainty allows (`rounding_step`) and with its likely range (`pv_range`).
    Without any quote, what the cheapest benchmark suggests a year, rounded the same way."""
    _ = translator(lang)
    rec, mc = comparison.recommendation, comparison.monte_carlo
    scenario = comparison.scenario
    currency = scenario.context.inputs.company.currency
    best = option_name(scenario.option(rec.best_outsourced_id), lang)
    today = option_name(scenario.option(rec.today_id), lang)
    in_house_today = rec.today_id == options.INHOUSE_ID
    value, (low, high) = rec.pv_saving, rec.pv_range
    if rec.verdict == recommend.NO_QUOTE:
        value, low, high = rec.annual_saving, mc.p10, mc.p90
        text = (_("No vendor has quoted yet, so there is no offer to recommend: keep the team "
                  "as it is for now. The published price ranges suggest that {option} could save "
                  "about {saving} a year ({share} of the in-house cost; in 8 of 10 simulated "
                  "cases between {low} and {high}): ask vendors of that kind for quotes.")
                if rec.annual_saving > 0 else
                _("No vendor has quoted yet, so there is no offer to recommend. Even the "
                  "cheapest benchmark, {option}, would cost about {saving} a year more than the "
                  "in-house team ({share} of its cost; in 8 of 10 simulated cases between {low} "
                  "and {high} more): keeping the work in-house looks right."))
        if rec.annual_saving <= 0:
            low, high = -mc.p90, -mc.p10
    elif rec.verdict == recommend.OUTSOURCE and in_house_today:
        text = _("Recommendation: outsource to {option}. Over the planning horizon of {years} it "
                 "would cost about {amount} less than the in-house team in present "
                 "value, the cost of changing included; in 8 of 10 simulated cases the saving "
                 "lies between {low} and {high}.")
    elif rec.verdict == recommend.OUTSOURCE and rec.option_id == rec.today_id:
        text = _("Recommendation: stay with {option}, your vendor today. Over the planning horizon "
                 "of {years} it costs about {amount} less in present value than "
                 "bringing the work in-house; in 8 of 10 simulated cases between {low} and "
                 "{high} less.")
    elif rec.verdict == recommend.OUTSOURCE:
        text = _("Recommendation: move from {today} to {option}. Over the planning horizon of "
                 "{years} it would cost about {amount} less than staying with {today} "
                 "in present value, the cost of changing included; in 8 of 10 simulated cases "
                 "the saving lies between {low} and {high}.")
    elif rec.verdict == recommend.IN_HOUSE and in_house_today:
        text = _("Recommendation: keep customer service in-house. Over the planning horizon of "
                 "{years} the cheapest outsourced option, {option}, would cost about "
                 "{amount} more in present value, the cost of changing included; in 8 of 10 "
                 "simulated cases between {low} and {high} more.")
        low, high = -high, -low
    elif rec.verdict == recommend.IN_HOUSE:
        text = _("Recommendation: bring customer service back in-house from {today}. Over the "
                 "planning horizon of {years} the in-house team costs about {amount} "
                 "less in present value than staying with {today}, the cost of changing "
                 "included; in 8 of 10 simulated cases between {low} and {high} less.")
    elif rec.pv_saving > 0:
        text = _("Too close to call: over the planning horizon of {years} {option} is "
                 "cheaper by {amount} in present value with every input at its likeliest, but no "
                 "option is the cheapest in at least {threshold} of {draws} simulated cases; "
                 "{chosen}, the most often cheapest, is so in {probability} of them.")
    else:
        text = _("Too close to call: over the planning horizon of {years} the in-house "
                 "team is cheaper than {option} by {amount} in present value with every input at "
                 "its likeliest, but no option is the cheapest in at least {threshold} of "
                 "{draws} simulated cases; {chosen}, the most often cheapest, is so in "
                 "{probability} of them.")
    chosen = scenario.option(rec.option_id)
    if rec.verdict == recommend.OUTSOURCE and chosen.id != rec.best_outsourced_id:
        # The offer most often cheapest is not the cheapest at the likeliest values (a rare
        # case): its own saving and, from today's in-house team, its own range.
        best = option_name(chosen, lang)
        years = comparison.horizon
        value = years.inhouse.present_value - years.option(chosen.id).present_value
        if in_house_today:
            spread = comparison.uncertainty.option(chosen.id).saving
            low, high = spread.p10, spread.p90
    if not in_house_today and chosen.id != rec.today_id and rec.verdict in (
            recommend.OUTSOURCE, recommend.IN_HOUSE):
        # A move away from today's vendor is worth what it saves against staying: the chosen
        # option's NPV against today's operation, and the spread of that saving over the draws.
        value = comparison.horizon.option(chosen.id).npv
        spread = comparison.uncertainty.option(chosen.id).saving
        low, high = spread.p10, spread.p90
    if rec.verdict in (recommend.OUTSOURCE, recommend.IN_HOUSE):
        text += " " + _("With every uncertain input drawn at once, it is the cheapest option in "
                        "{probability} of {draws} simulated cases (a recommendation needs "
                        "{threshold}).")
    step = rounding_step(low, high, value)

    def money(figure: float) -> str:
        return fmt_money(rounded(figure, step), currency, lang)

    low, high = widened(low, high, step)
    sentence = fill(text, lang, option=best, today=today,
                    years=fmt_years(rec.horizon_years, lang), amount=money(abs(value)),
                    saving=money(abs(value)), share=share(abs(rec.saving_share), lang),
                    low=fmt_money(low, currency, lang), high=fmt_money(high, currency, lang),
                    chosen=option_name(chosen, lang),
                    probability=probability(rec.p_cheapest or 0.0, lang),
                    threshold=share(rec.threshold, lang), draws=fmt_number(rec.draws, lang))
    note = fill(_("Amounts here are rounded to {step}, as finely as the uncertainty of the "
                  "inputs allows; the tables below give them to the unit."), lang,
                step=fmt_money(step, currency, lang))
    first, second = paragraph(sentence, strong=True), paragraph(note)
    return Html(first.html + second.html, f"{first.text}\n{second.text}")


def basis(comparison: compare.Comparison, lang: str) -> Html:
    """The basis of the verdict in one sentence, and a steady-state year beside it."""
    _ = translator(lang)
    rec = comparison.recommendation
    scenario = comparison.scenario
    inputs = scenario.context.inputs
    currency = inputs.company.currency
    rate = inputs.years.discount_rate
    best = scenario.option(rec.best_outsourced_id)
    text = (_("Every option is compared on the present value of all it costs over the planning "
              "horizon of {years}, discounted at {rate} a year, starting from today's "
              "operation ({today}) and counting what changing costs.") if rate else
            _("Every option is compared on all it costs over the planning horizon of "
              "{years} (not discounted), starting from today's operation ({today}) and counting "
              "what changing costs."))
    text += " " + (_("In a steady-state year, {option} costs {option_cost} and the in-house "
                     "team {inhouse_cost}: {difference} a year less, {share} of the in-house "
                     "cost.") if rec.annual_saving > 0 else
                   _("In a steady-state year, {option} costs {option_cost} and the in-house "
                     "team {inhouse_cost}: {difference} a year more, {share} of the in-house "
                     "cost."))
    return paragraph(fill(
        text, lang, years=fmt_years(rec.horizon_years, lang), rate=share(rate, lang),
        today=option_name(scenario.option(rec.today_id), lang),
        option=option_name(best, lang), option_cost=fmt_money(best.total, currency, lang),
        inhouse_cost=fmt_money(scenario.inhouse.total, currency, lang),
        difference=fmt_money(abs(rec.annual_saving), currency, lang),
        share=share(abs(rec.saving_share), lang)))


def messages(items: Sequence[recommend.Message], currency: str, lang: str, empty: str) -> Html:
    """Reasons or caveats as a bulleted list; `empty` (an English id) when there are none."""
    if not items:
        return paragraph(translator(lang)(empty))
    return bullets([message_text(m, currency, lang) for m in items])


def reasons(comparison: compare.Comparison, lang: str) -> Html:
    """The reasons on the verdict's side, and the facts that argue neither way."""
    rec = comparison.recommendation
    side = verdict_side(rec)
    currency = comparison.scenario.context.inputs.company.currency
    return messages([m for m in rec.reasons if m.leans in ("", side)], currency, lang,
                    N_("No further reasons."))


def counter_arguments(comparison: compare.Comparison, lang: str) -> Html:
    """What in the workbook argues against the verdict: listed apart, never as a reason."""
    rec = comparison.recommendation
    side = verdict_side(rec)
    currency = comparison.scenario.context.inputs.company.currency
    return messages([m for m in rec.reasons if m.leans not in ("", side)], currency, lang,
                    N_("Nothing in the workbook argues for the other choice."))


def caveats(comparison: compare.Comparison, lang: str) -> Html:
    currency = comparison.scenario.context.inputs.company.currency
    empty = (N_("Nothing to check with a vendor yet: no vendor has quoted.")
             if comparison.recommendation.verdict == recommend.NO_QUOTE else
             N_("Nothing to check with a vendor: the recommendation keeps the work in-house."))
    return messages(comparison.recommendation.caveats, currency, lang, empty)


def headline_table(rows: Sequence[HeadlineRow], currency: str, lang: str,
                   years: int = 1, today_id: str | None = None) -> Html:
    """`summary.headline` as two tables, like with like: your team and the vendors that quoted,
    then the benchmarks; each cheapest over the horizon first: the horizon's present value, NPV
    against today's operation (the decision column; `today_id`'s row says it is today's
    operation, as the chapter on the years does) and payback month, then the steady-state
    year's saving against in-house and the company's own staff. Six columns fit the text column
    at 1280 px in every language; each option's annual cost and cost per contact are in the
    chapters on the in-house team and the outsourcing options. Amounts are in the currency the
    headers name."""
    _ = translator(lang)
    header = [_("Option"),
              in_currency(_("Present value, {years}").format(years=fmt_years(years, lang)),
                          currency, lang),
              in_currency(_("NPV against today"), currency, lang), _("Payback month"),
              in_currency(_("Annual saving vs in-house"), currency, lang),
              _("Your own staff (FTE)")]
    blocks = []
    for heading, group in zip((OFFERS_HEADING, BENCHMARKS_HEADING),
                              offers_and_benchmarks(list(rows)), strict=True):
        if not group:
            continue
        body = [[shown(row.name, lang), amount(row.present_value, lang),
                 _("today's operation") if row.id == today_id else amount(row.npv, lang),
                 payback_text(row.payback_month, lang, row.id == today_id),
                 amount(row.saving, lang),
                 fmt_number(row.company_fte, lang, 1)]
                for row in group]
        blocks.append(table(header, body, numeric=range(1, 6), caption=_(heading), key=(2,)))
    return Html("".join(b.html for b in blocks), "\n\n".join(b.text for b in blocks))


def benchmarks_note(inputs: Inputs, lang: str) -> Html:
    """What the benchmarks are, in words: their markets and their typical terms."""
    _ = translator(lang)
    notes = [fill(_(note), lang, source=cited(market_source(market)))
             for market, note in MARKET_NOTES.items()]
    terms = fill(_(BENCHMARK_TERMS), lang, **benchmark_term_values(inputs, lang))
    parts = [*notes, terms]
    return paragraph(Text(" ".join(parts), " ".join(part.html for part in parts)))


def headline_sentence(rows: Sequence[HeadlineRow], lang: str) -> Html:
    """What the table lists; and, when it has benchmarks, what they are (not offers)."""
    _ = translator(lang)
    offers, benchmarks = offers_and_benchmarks(list(rows))
    vendors = [row for row in offers if row.kind == "vendor"]
    cheaper = sum(1 for row in vendors if row.npv > 0)
    return paragraph(fill(_(
        "The first table sets your team against the {count} vendors that quoted, cheapest over "
        "the planning horizon first; {cheaper} of them cost less than today's operation over the "
        "horizon (a net present value above zero). The payback month is when an option's saving "
        "has covered what changing costs. The second table lists {benchmarks} benchmarks: what "
        "the published price ranges say the same work could cost, a guide to what to ask for, "
        "not an offer to sign. Outsourced options include the vendor manager and quality checks "
        "you keep, and any channel a vendor does not price stays in-house."
    ), lang, count=fmt_number(len(vendors), lang), cheaper=fmt_number(cheaper, lang),
        benchmarks=fmt_number(len(benchmarks), lang)))


def saving_frame(rows: Sequence[HeadlineRow], comparison: compare.Comparison) -> pd.DataFrame:
    """Each outsourced option's saving and kind ("vendor" or "benchmark"), with the Monte Carlo
    P10-P90 range on the one tested."""
    mc = comparison.monte_carlo
    best = comparison.recommendation.best_outsourced_id
    frame = pd.DataFrame([
        {"id": row.id, "name": row.name, "kind": row.kind, "saving": row.saving,
         "tested": row.id == best, "low": mc.p10 if row.id == best else np.nan,
         "high": mc.p90 if row.id == best else np.nan}
        for row in rows if row.id != options.INHOUSE_ID
    ])
    return frame.sort_values("saving", ascending=False, ignore_index=True)


GROUPS = (("vendor", N_("Vendors that quoted")), ("benchmark", BENCHMARKS_HEADING))
"""The saving chart's panels, like with like: offers, then benchmarks."""


def saving_chart(frame: pd.DataFrame, currency: str, lang: str) -> Figure:
    """Bars of the saving per option in two panels, like with like: the vendors that quoted,
    then the benchmarks; a zero line, and the range of the tested option. The panels share
    their scale, and their category axes take the same room so that the bars line up."""
    _ = translator(lang)
    cheaper, dearer = (words(_("Cheaper than in-house"), lang),
                       words(_("Costs more than in-house"), lang))
    data = frame.assign(cheaper=np.where(frame["saving"] > 0, cheaper, dearer))
    x_title = fill(_("Annual saving against the in-house team ({currency})"), lang,
                   currency=currency_symbol(currency, lang))
    data["name"] = chart_labels(list(data["name"]), [i.startswith("vendor:") for i in data["id"]],
                                lang)
    data["range"] = words(_("Middle 80% of simulated cases"), lang)
    groups = [(data[data["kind"] == kind], _(heading)) for kind, heading in GROUPS
              if (data["kind"] == kind).any()]

    def layers(size: Size, y: dict[str, object]) -> list[alt.Chart]:
        bars = alt.Chart().mark_bar(opacity=0.85).encode(
            x=value_x("saving", x_title, lang, size), **y,
            color=alt.Color("cheaper:N", title=None, scale=alt.Scale(
                domain=[cheaper, dearer], range=[NEUTRAL, HIGHLIGHT])),
        )
        zero = alt.Chart().mark_rule(color="black").encode(x=alt.datum(0))
        whisker = alt.Chart().transform_filter(alt.datum.tested).mark_rule(
            strokeWidth=3, color="black").encode(
            x="low:Q", x2="high", **y, strokeDash=alt.StrokeDash("range:N", title=None))
        return [bars, zero, whisker]

    def draw(size: Size) -> alt.TopLevelMixin:
        panels = []
        for part, heading in groups:
            panel = category_rows(layers, part, "name", list(part["name"]), size, lang,
                                  extent=size.label_chars * 7)
            if not size.rows:
                panel = panel.properties(width=panel_width(size))
            panels.append(panel.properties(title=alt.Title(
                lines(heading, size.title_chars, lang), anchor=layout(lang).anchor,
                fontSize=FONT_SIZE)))
        return alt.vconcat(*panels, spacing=16).resolve_scale(x="shared")

    best = data.iloc[0] if len(data) else None
    description = "" if best is None else fill(_(
        "A bar for each of {count} outsourced options, the vendors that quoted apart from the "
        "benchmarks: what it saves a year against the in-house team. {cheaper} cost less than "
        "in-house; {option} saves the most, {saving}."
    ), lang, count=fmt_number(len(data), lang),
        cheaper=fmt_number(int((data["saving"] > 0).sum()), lang),
        option=shown(frame["name"].iloc[0], lang),
        saving=fmt_money(float(best["saving"]), currency, lang))
    return finish(draw, _("What each option saves a year"), lang, description, fit=False)


def saving_sentence(comparison: compare.Comparison, lang: str) -> Html:
    _ = translator(lang)
    scenario = comparison.scenario
    currency = scenario.context.inputs.company.currency
    mc = comparison.monte_carlo
    best = option_name(scenario.option(comparison.recommendation.best_outsourced_id), lang)
    step = rounding_step(mc.p10, mc.p90, comparison.recommendation.annual_saving)
    p10, p90 = widened(mc.p10, mc.p90, step)
    return paragraph(fill(_(
        "Each bar is what an option saves a year against the in-house team today (below zero, it "
        "costs more). The black line on {option} spans the middle 80% of {draws} simulated "
        "cases, with every uncertain input drawn at once: from about {p10} to {p90}."
    ), lang, option=best, draws=fmt_number(len(mc.savings), lang),
             p10=fmt_money(p10, currency, lang), p90=fmt_money(p90, currency, lang)))
