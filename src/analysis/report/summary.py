"""Chapter 01, the executive summary: the verdict, its reasons and caveats, and what each option
saves, the vendors that quoted apart from the benchmarks (published ranges, never recommended).
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import numpy as np
import pandas as pd

from analysis import compare, options, recommend
from analysis.i18n import N_, direction, fmt_money, fmt_number, translator
from analysis.model import Inputs
from analysis.report.blocks import Figure, Html, Text, bullets, paragraph, table
from analysis.report.charts import HIGHLIGHT, NEUTRAL, WIDTH, category_y, finish, value_x
from analysis.report.words import chart_labels, fill, message_text, share, shown
from analysis.summary import (
    BENCHMARK_TERMS,
    BENCHMARKS_HEADING,
    MARKET_NOTES,
    OFFERS_HEADING,
    HeadlineRow,
    benchmark_term_values,
    offers_and_benchmarks,
    option_name,
)


def verdict(comparison: compare.Comparison, lang: str) -> Html:
    """The recommendation in one sentence: what to do from today's operation, with whom, and what
    it saves or costs over the planning horizon in present value (the verdict's basis)."""
    _ = translator(lang)
    rec = comparison.recommendation
    scenario = comparison.scenario
    currency = scenario.context.inputs.company.currency
    best = option_name(scenario.option(rec.best_outsourced_id), lang)
    today = option_name(scenario.option(rec.today_id), lang)
    in_house_today = rec.today_id == options.INHOUSE_ID
    if rec.verdict == recommend.NO_QUOTE:
        text = (_("No vendor has quoted yet, so there is no offer to recommend: keep the team "
                  "as it is for now. The published price ranges suggest that {option} could save "
                  "{saving} a year ({share} of the in-house cost): ask vendors of that kind for "
                  "quotes.")
                if rec.annual_saving > 0 else
                _("No vendor has quoted yet, so there is no offer to recommend. Even the "
                  "cheapest benchmark, {option}, would cost {saving} a year more than the "
                  "in-house team ({share} of its cost): keeping the work in-house looks right."))
    elif rec.verdict == recommend.OUTSOURCE and in_house_today:
        text = _("Recommendation: outsource to {option}. Over the {years} years of the planning "
                 "horizon it would cost {amount} less than the in-house team in present value, "
                 "the cost of changing included.")
    elif rec.verdict == recommend.OUTSOURCE and rec.option_id == rec.today_id:
        text = _("Recommendation: stay with {option}, your vendor today. Over the {years} years "
                 "of the planning horizon it costs {amount} less in present value than bringing "
                 "the work in-house.")
    elif rec.verdict == recommend.OUTSOURCE:
        text = _("Recommendation: move from {today} to {option}. Over the {years} years of the "
                 "planning horizon it would cost {amount} less than the in-house team in present "
                 "value, the cost of changing included.")
    elif rec.verdict == recommend.IN_HOUSE and in_house_today:
        text = _("Recommendation: keep customer service in-house. Over the {years} years of the "
                 "planning horizon the cheapest outsourced option, {option}, would cost {amount} "
                 "more in present value, the cost of changing included.")
    elif rec.verdict == recommend.IN_HOUSE:
        text = _("Recommendation: bring customer service back in-house from {today}. Over the "
                 "{years} years of the planning horizon the in-house team costs {amount} less in "
                 "present value than the cheapest outsourced option, {option}, the cost of "
                 "changing included.")
    elif rec.pv_saving > 0:
        text = _("Too close to call: over the {years} years of the planning horizon {option} is "
                 "cheaper by {amount} in present value with every input at its likeliest, but no "
                 "option is the cheapest in at least {threshold} of {draws} simulated cases; "
                 "{chosen}, the most often cheapest, is so in {probability} of them.")
    else:
        text = _("Too close to call: over the {years} years of the planning horizon the in-house "
                 "team is cheaper than {option} by {amount} in present value with every input at "
                 "its likeliest, but no option is the cheapest in at least {threshold} of "
                 "{draws} simulated cases; {chosen}, the most often cheapest, is so in "
                 "{probability} of them.")
    if rec.verdict in (recommend.OUTSOURCE, recommend.IN_HOUSE):
        text += " " + _("With every uncertain input drawn at once, it is the cheapest option in "
                        "{probability} of {draws} simulated cases (a recommendation needs "
                        "{threshold}).")
    chosen = scenario.option(rec.option_id)
    if rec.verdict == recommend.OUTSOURCE:
        best = option_name(chosen, lang)
    amount = rec.pv_saving
    if rec.verdict == recommend.OUTSOURCE and chosen.id != rec.best_outsourced_id:
        years = comparison.horizon
        amount = years.inhouse.present_value - years.option(chosen.id).present_value
    return paragraph(fill(text, lang, option=best, today=today,
                          years=fmt_number(rec.horizon_years, lang),
                          amount=fmt_money(abs(amount), currency, lang),
                          chosen=option_name(chosen, lang),
                          probability=share(rec.p_cheapest or 0.0, lang),
                          threshold=share(rec.threshold, lang),
                          draws=fmt_number(rec.draws, lang),
                          saving=fmt_money(abs(rec.annual_saving), currency, lang),
                          share=share(abs(rec.saving_share), lang)), strong=True)


def basis(comparison: compare.Comparison, lang: str) -> Html:
    """The basis of the verdict in one sentence, and a steady-state year beside it."""
    _ = translator(lang)
    rec = comparison.recommendation
    scenario = comparison.scenario
    inputs = scenario.context.inputs
    currency = inputs.company.currency
    rate = inputs.years.discount_rate
    best = scenario.option(rec.best_outsourced_id)
    text = (_("Every option is compared on the present value of all it costs over the {years} "
              "years of the planning horizon, discounted at {rate} a year, starting from today's "
              "operation ({today}) and counting what changing costs.") if rate else
            _("Every option is compared on all it costs over the {years} years of the planning "
              "horizon (not discounted), starting from today's operation ({today}) and counting "
              "what changing costs."))
    text += " " + (_("In a steady-state year, {option} costs {option_cost} and the in-house "
                     "team {inhouse_cost}: {difference} a year less, {share} of the in-house "
                     "cost.") if rec.annual_saving > 0 else
                   _("In a steady-state year, {option} costs {option_cost} and the in-house "
                     "team {inhouse_cost}: {difference} a year more, {share} of the in-house "
                     "cost."))
    return paragraph(fill(
        text, lang, years=fmt_number(rec.horizon_years, lang), rate=share(rate, lang),
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
    currency = comparison.scenario.context.inputs.company.currency
    return messages(comparison.recommendation.reasons, currency, lang,
                    N_("No further reasons."))


def caveats(comparison: compare.Comparison, lang: str) -> Html:
    currency = comparison.scenario.context.inputs.company.currency
    empty = (N_("Nothing to check with a vendor yet: no vendor has quoted.")
             if comparison.recommendation.verdict == recommend.NO_QUOTE else
             N_("Nothing to check with a vendor: the recommendation keeps the work in-house."))
    return messages(comparison.recommendation.caveats, currency, lang, empty)


def headline_table(rows: Sequence[HeadlineRow], currency: str, lang: str,
                   years: int = 1) -> Html:
    """`summary.headline` as two tables, like with like: your team and the vendors that quoted,
    then the benchmarks; each cheapest over the horizon first: the horizon's present value, NPV
    against today's operation and payback month, then the steady-state year (cost and saving
    against in-house) and the company's own staff. Costs per contact are in the chapters on the
    in-house team and the outsourcing options."""
    _ = translator(lang)
    header = [_("Option"), _("Present value, {years} years").format(years=fmt_number(years, lang)),
              _("NPV against today"), _("Payback month"), _("Annual cost"),
              _("Annual saving vs in-house"), _("Your own staff (FTE)")]
    blocks = []
    for heading, group in zip((OFFERS_HEADING, BENCHMARKS_HEADING),
                              offers_and_benchmarks(list(rows)), strict=True):
        if not group:
            continue
        body = [[shown(row.name, lang), fmt_money(row.present_value, currency, lang),
                 fmt_money(row.npv, currency, lang),
                 _("never") if row.payback_month is None else fmt_number(row.payback_month, lang),
                 fmt_money(row.annual_cost, currency, lang), fmt_money(row.saving, currency, lang),
                 fmt_number(row.company_fte, lang, 1)]
                for row in group]
        blocks.append(table(header, body, numeric=range(1, 7), caption=_(heading)))
    return Html("".join(b.html for b in blocks), "\n\n".join(b.text for b in blocks))


def benchmarks_note(inputs: Inputs, lang: str) -> Html:
    """What the benchmarks are, in words: their markets and their typical terms."""
    _ = translator(lang)
    notes = [fill(_(note), lang) for note in MARKET_NOTES.values()]
    terms = fill(_(BENCHMARK_TERMS), lang, **benchmark_term_values(inputs, lang))
    parts = [*notes, terms]
    return paragraph(Text(" ".join(parts), " ".join(part.html for part in parts)))


def headline_sentence(rows: Sequence[HeadlineRow], lang: str) -> Html:
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


def _saving_panel(data: pd.DataFrame, title: str, x_title: str, lang: str) -> alt.LayerChart:
    """One group's bars, the zero line and, when it holds the tested option, its range."""
    _ = translator(lang)
    y = category_y("name", lang, list(data["name"]))
    bars = alt.Chart(data).mark_bar(opacity=0.85).encode(
        x=value_x("saving", x_title, lang), y=y,
        color=alt.Color("cheaper:N", title=None, scale=alt.Scale(
            domain=[_("Cheaper than in-house"), _("Costs more than in-house")],
            range=[NEUTRAL, HIGHLIGHT])),
    )
    zero = alt.Chart(pd.DataFrame({"zero": [0.0]})).mark_rule(color="black").encode(x="zero:Q")
    layers = [bars, zero]
    tested = data[data["tested"]].assign(range=_("Middle 80% of simulated cases"))
    if not tested.empty:
        layers.append(alt.Chart(tested).mark_rule(strokeWidth=3, color="black").encode(
            x="low:Q", x2="high", y=y, strokeDash=alt.StrokeDash("range:N", title=None)))
    return alt.layer(*layers).properties(width=WIDTH, title=alt.Title(
        title, anchor="end" if direction(lang) == "rtl" else "start", fontSize=12))


def saving_chart(frame: pd.DataFrame, currency: str, lang: str) -> Figure:
    """Bars of the saving per option in two panels, like with like: the vendors that quoted,
    then the benchmarks; a zero line, and the range of the tested option."""
    _ = translator(lang)
    data = frame.assign(cheaper=np.where(frame["saving"] > 0, _("Cheaper than in-house"),
                                         _("Costs more than in-house")))
    data["name"] = chart_labels(list(data["name"]), [i.startswith("vendor:") for i in data["id"]],
                                lang)
    x_title = fill(_("Annual saving against the in-house team ({currency})"), lang,
                   currency=currency)
    panels = [
        _saving_panel(data[data["kind"] == kind], _(heading), x_title, lang)
        for kind, heading in (("vendor", N_("Vendors that quoted")),
                              ("benchmark", BENCHMARKS_HEADING))
        if (data["kind"] == kind).any()
    ]
    chart = alt.vconcat(*panels).resolve_scale(x="shared")
    return finish(chart, _("What each option saves a year"), lang)


def saving_sentence(comparison: compare.Comparison, lang: str) -> Html:
    _ = translator(lang)
    scenario = comparison.scenario
    currency = scenario.context.inputs.company.currency
    mc = comparison.monte_carlo
    best = option_name(scenario.option(comparison.recommendation.best_outsourced_id), lang)
    return paragraph(fill(_(
        "Each bar is what an option saves a year against the in-house team today (below zero, it "
        "costs more). The black line on {option} spans the middle 80% of {draws} simulated "
        "cases, with every uncertain input drawn at once: from {p10} to {p90}."
    ), lang, option=best, draws=fmt_number(len(mc.savings), lang),
             p10=fmt_money(mc.p10, currency, lang), p90=fmt_money(mc.p90, currency, lang)))
