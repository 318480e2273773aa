"""Chapter 01, the executive summary: the verdict, its reasons and caveats, and what each option
saves.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import altair as alt
import numpy as np
import pandas as pd

from analysis import compare, options, recommend
from analysis.i18n import N_, currency_symbol, fmt_money, fmt_number, translator
from analysis.report.blocks import Figure, Html, bullets, paragraph, table
from analysis.report.charts import (
    HIGHLIGHT,
    NEUTRAL,
    Size,
    category_rows,
    finish,
    value_x,
    words,
)
from analysis.report.words import (
    amount,
    chart_labels,
    fill,
    in_currency,
    message_text,
    share,
    shown,
)
from analysis.summary import HeadlineRow, option_name


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


def verdict_side(rec: recommend.Recommendation) -> str:
    """Which way the verdict goes (`recommend.FOR_OUTSOURCING` or `FOR_IN_HOUSE`); too close
    to call, the way the cost goes today."""
    if rec.verdict == recommend.OUTSOURCE:
        return recommend.FOR_OUTSOURCING
    if rec.verdict == recommend.IN_HOUSE:
        return recommend.FOR_IN_HOUSE
    return recommend.FOR_OUTSOURCING if rec.annual_saving > 0 else recommend.FOR_IN_HOUSE


def verdict(comparison: compare.Comparison, lang: str) -> Html:
    """The recommendation in one sentence: what to do, with whom, and what it saves or costs,
    rounded to what the uncertainty allows (`rounding_step`) and with its likely range."""
    _ = translator(lang)
    rec, mc = comparison.recommendation, comparison.monte_carlo
    scenario = comparison.scenario
    currency = scenario.context.inputs.company.currency
    best = option_name(scenario.option(rec.best_outsourced_id), lang)
    step = rounding_step(mc.p10, mc.p90, rec.annual_saving)
    low, high = mc.p10, mc.p90
    if rec.verdict == recommend.OUTSOURCE:
        text = _("Recommendation: outsource to {option}. It would save about {saving} a year, "
                 "{share} of what the in-house team costs; in 8 of 10 simulated cases the "
                 "saving lies between {low} and {high}.")
    elif rec.verdict == recommend.IN_HOUSE:
        text = _("Recommendation: keep customer service in-house. The cheapest outsourced option, "
                 "{option}, would cost about {saving} a year more ({share} of the in-house "
                 "cost); in 8 of 10 simulated cases between {low} and {high} more.")
        low, high = -mc.p90, -mc.p10
    elif rec.annual_saving > 0:
        text = _("Too close to call: {option} is cheaper today by about {saving} a year ({share} "
                 "of the in-house cost), but in 8 of 10 simulated cases the saving lies between "
                 "{low} and {high}, a range that includes zero.")
    else:
        text = _("Too close to call: the in-house team is cheaper today than {option} by about "
                 "{saving} a year ({share} of its cost), but in 8 of 10 simulated cases the "
                 "saving of {option} lies between {low} and {high}, a range that includes zero.")

    def money(value: float) -> str:
        return fmt_money(rounded(value, step), currency, lang)

    sentence = fill(text, lang, option=best, saving=money(abs(rec.annual_saving)),
                    share=share(abs(rec.saving_share), lang), low=money(low), high=money(high))
    note = fill(_("Amounts here are rounded to {step}, as finely as the uncertainty of the "
                  "inputs allows; the tables below give them to the unit."), lang,
                step=fmt_money(step, currency, lang))
    first, second = paragraph(sentence, strong=True), paragraph(note)
    return Html(first.html + second.html, f"{first.text}\n{second.text}")


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
    return messages(comparison.recommendation.caveats, currency, lang,
                    N_("Nothing to check with a vendor: the recommendation keeps the work "
                       "in-house."))


def headline_table(rows: Sequence[HeadlineRow], currency: str, lang: str) -> Html:
    """`summary.headline` as a table, cheapest first; the saving is the decision column."""
    _ = translator(lang)
    header = [_("Option"), in_currency(_("Annual cost"), currency, lang),
              in_currency(_("Per contact"), currency, lang), _("Agents (FTE)"),
              _("Your own staff (FTE)"), in_currency(_("Saving vs in-house"), currency, lang)]
    body = [[shown(row.name, lang), amount(row.annual_cost, lang),
             amount(row.per_contact, lang, 2), fmt_number(row.fte, lang, 1),
             fmt_number(row.company_fte, lang, 1), amount(row.saving, lang)]
            for row in rows]
    return table(header, body, numeric=range(1, 6), key=(5,))


def headline_sentence(rows: Sequence[HeadlineRow], lang: str) -> Html:
    """What the table lists; and, when it has benchmarks, what they are (not offers)."""
    _ = translator(lang)
    cheaper = sum(1 for row in rows if row.saving > 0)
    first = paragraph(fill(_(
        "The table lists {count} ways to serve the same contacts, cheapest first; {cheaper} of "
        "them cost less than the in-house team. Outsourced options include the vendor manager and "
        "quality checks you keep, and any channel a vendor does not price stays in-house."
    ), lang, count=fmt_number(len(rows), lang), cheaper=fmt_number(cheaper, lang)))
    benchmarks = [row for row in rows if row.kind == "benchmark"]
    if not benchmarks:
        return first
    second = paragraph(fill(_(
        "The {count} options named after a pricing model and a market, such as “{example}”, are "
        "benchmarks, not offers: that model priced at the middle of the published price range "
        "for the market (the methodology chapter gives the ranges and their sources), to show "
        "what a vendor of that kind would likely charge. Only the vendors' rows are quotes from "
        "your workbook; ask for a quote before relying on a benchmark."
    ), lang, count=fmt_number(len(benchmarks), lang), example=benchmarks[0].name))
    return Html(first.html + second.html, f"{first.text}\n{second.text}")


def saving_frame(rows: Sequence[HeadlineRow], comparison: compare.Comparison) -> pd.DataFrame:
    """Each outsourced option's saving, with the Monte Carlo P10-P90 range on the one tested."""
    mc = comparison.monte_carlo
    best = comparison.recommendation.best_outsourced_id
    frame = pd.DataFrame([
        {"id": row.id, "name": row.name, "saving": row.saving, "tested": row.id == best,
         "low": mc.p10 if row.id == best else np.nan,
         "high": mc.p90 if row.id == best else np.nan}
        for row in rows if row.id != options.INHOUSE_ID
    ])
    return frame.sort_values("saving", ascending=False, ignore_index=True)


def saving_chart(frame: pd.DataFrame, currency: str, lang: str) -> Figure:
    """Bars of the saving per option, zero line, and the range of the tested option."""
    _ = translator(lang)
    cheaper, dearer = (words(_("Cheaper than in-house"), lang),
                       words(_("Costs more than in-house"), lang))
    data = frame.assign(kind=np.where(frame["saving"] > 0, cheaper, dearer))
    x_title = fill(_("Annual saving against the in-house team ({currency})"), lang,
                   currency=currency_symbol(currency, lang))
    data["name"] = chart_labels(list(data["name"]), [i.startswith("vendor:") for i in data["id"]],
                                lang)
    data["range"] = words(_("Middle 80% of simulated cases"), lang)

    order = list(data["name"])

    def layers(size: Size, y: dict[str, object]) -> list[alt.Chart]:
        bars = alt.Chart().mark_bar(opacity=0.85).encode(
            x=value_x("saving", x_title, lang, size), **y,
            color=alt.Color("kind:N", title=None, scale=alt.Scale(
                domain=[cheaper, dearer], range=[NEUTRAL, HIGHLIGHT])),
        )
        zero = alt.Chart().mark_rule(color="black").encode(x=alt.datum(0))
        whisker = alt.Chart().transform_filter(alt.datum.tested).mark_rule(
            strokeWidth=3, color="black").encode(
            x="low:Q", x2="high", **y, strokeDash=alt.StrokeDash("range:N", title=None))
        return [bars, zero, whisker]

    def draw(size: Size) -> alt.TopLevelMixin:
        return category_rows(layers, data, "name", order, size, lang)
    best = data.iloc[0] if len(data) else None
    description = "" if best is None else fill(_(
        "A bar for each of {count} outsourced options: what it saves a year against the "
        "in-house team. {cheaper} cost less than in-house; {option} saves the most, {saving}."
    ), lang, count=fmt_number(len(data), lang),
        cheaper=fmt_number(int((data["saving"] > 0).sum()), lang),
        option=shown(frame["name"].iloc[0], lang),
        saving=fmt_money(float(best["saving"]), currency, lang))
    return finish(draw, _("What each option saves a year"), lang, description)


def saving_sentence(comparison: compare.Comparison, lang: str) -> Html:
    _ = translator(lang)
    scenario = comparison.scenario
    currency = scenario.context.inputs.company.currency
    mc = comparison.monte_carlo
    best = option_name(scenario.option(comparison.recommendation.best_outsourced_id), lang)
    step = rounding_step(mc.p10, mc.p90, comparison.recommendation.annual_saving)
    return paragraph(fill(_(
        "Each bar is what an option saves a year against the in-house team today (below zero, it "
        "costs more). The black line on {option} spans the middle 80% of {draws} simulated "
        "cases, with every uncertain input drawn at once: from about {p10} to {p90}."
    ), lang, option=best, draws=fmt_number(len(mc.savings), lang),
             p10=fmt_money(rounded(mc.p10, step), currency, lang),
             p90=fmt_money(rounded(mc.p90, step), currency, lang)))
