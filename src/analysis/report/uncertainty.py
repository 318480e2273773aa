"""Chapter 08, how sure we are: one input at a time (tornado), all at once (Monte Carlo),
the break-even volume and the inputs that would change the answer.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from analysis import compare, uncertainty
from analysis.i18n import fmt_money, fmt_number, translator
from analysis.report.blocks import Figure, Html, Text, bullets, paragraph, table
from analysis.report.charts import (
    HIGHLIGHT,
    MUTED,
    NEUTRAL,
    WIDTH,
    category_y,
    finish,
    layout,
    value_x,
)
from analysis.report.words import fill, share
from analysis.summary import option_name


def base_saving(comparison: compare.Comparison) -> float:
    return comparison.recommendation.annual_saving


def factor_label(label: str, change: float, discrete: bool, lang: str) -> str:
    """A factor as the chart names it: with its +/- range, or alone for a choice (the billing
    basis runs from the cheapest to the dearest basis)."""
    _ = translator(lang)
    if discrete:
        return _(label)
    return fill(_("{factor} ±{change}"), lang, factor=_(label), change=share(change, lang))


def tornado_frame(comparison: compare.Comparison, lang: str) -> pd.DataFrame:
    """The tornado rows in long form: one bar from today's saving to each end of a factor."""
    _ = translator(lang)
    base = base_saving(comparison)
    rows = []
    for r in comparison.tornado.itertuples():
        label = factor_label(r.label, r.change, r.discrete, lang)
        rows.append({"label": label, "end": _("Input lower"), "from": base, "to": r.saving_low})
        rows.append({"label": label, "end": _("Input higher"), "from": base, "to": r.saving_high})
    return pd.DataFrame(rows, columns=["label", "end", "from", "to"])


def tornado_chart(comparison: compare.Comparison, lang: str) -> Figure:
    _ = translator(lang)
    scenario = comparison.scenario
    currency = scenario.context.inputs.company.currency
    data = tornado_frame(comparison, lang)
    y = category_y("label", lang, list(dict.fromkeys(data["label"])))
    bars = alt.Chart(data).mark_bar(height=16).encode(
        x=value_x("from", fill(_("Annual saving ({currency})"), lang, currency=currency), lang),
        x2="to", y=y,
        color=alt.Color("end:N", title=None, scale=alt.Scale(
            domain=[_("Input lower"), _("Input higher")], range=[NEUTRAL, HIGHLIGHT])),
    )
    rules = pd.DataFrame({"x": [base_saving(comparison), 0.0], "what": ["today", "zero"]})
    base = alt.Chart(rules).mark_rule(color="black").encode(
        x="x:Q", strokeDash=alt.StrokeDash("what:N", legend=None, scale=alt.Scale(
            domain=["today", "zero"], range=[[1, 0], [4, 4]])))
    chart = alt.layer(bars, base).properties(width=WIDTH)
    best = option_name(scenario.option(comparison.recommendation.best_outsourced_id), lang)
    return finish(chart, fill(_("Saving of {option} when one input moves"), lang, option=best),
                  lang)


def tornado_sentence(comparison: compare.Comparison, lang: str) -> Html:
    _ = translator(lang)
    currency = comparison.scenario.context.inputs.company.currency
    top = comparison.tornado.iloc[0]
    label = top["label"]
    intro = fill(_(
        "Each bar moves one input down (blue) or up (red) from today's value while the others stay "
        "put (the billing basis runs from each quote's cheapest basis to its dearest); the solid "
        "line is today's saving, {saving}, the dashed line zero."
    ), lang, saving=fmt_money(base_saving(comparison), currency, lang))
    ends = {"low": fmt_money(min(top["saving_low"], top["saving_high"]), currency, lang),
            "high": fmt_money(max(top["saving_low"], top["saving_high"]), currency, lang)}
    most = (fill(_("The saving depends most on the billing basis: from the cheapest to the "
                   "dearest basis it runs from {low} to {high}."), lang, **ends)
            if top["discrete"] else
            fill(_("The saving depends most on {factor}: moving it by {change} either way gives "
                   "a saving from {low} to {high}."), lang,
                 factor=_(label), change=share(float(top["change"]), lang), **ends))
    return paragraph(Text(f"{intro} {most}", f"{intro.html} {most.html}"))


def monte_carlo_chart(comparison: compare.Comparison, lang: str) -> Figure:
    _ = translator(lang)
    mc = comparison.monte_carlo
    currency = comparison.scenario.context.inputs.company.currency
    data = pd.DataFrame({"saving": mc.savings})
    x_title = fill(_("Annual saving ({currency})"), lang, currency=currency)
    bars = alt.Chart(data).mark_bar(color=MUTED).encode(
        x=alt.X("saving:Q", bin=alt.Bin(maxbins=30), title=x_title,
                scale=alt.Scale(reverse=layout(lang).rtl), axis=alt.Axis(format=",.0f")),
        y=alt.Y("count():Q", title=_("Simulated cases"),
                axis=alt.Axis(orient=layout(lang).category_axis)),
    )
    marks = pd.DataFrame({"value": [mc.p10, mc.p50, mc.p90],
                          "what": [_("P10"), _("P50 (median)"), _("P90")]})
    rules = alt.Chart(marks).mark_rule(strokeWidth=2).encode(
        x="value:Q", color=alt.Color("what:N", title=None, sort=list(marks["what"]),
                                     scale=alt.Scale(range=[NEUTRAL, "black", HIGHLIGHT])))
    chart = alt.layer(bars, rules).properties(width=WIDTH, height=240)
    return finish(chart, fill(_("The saving over {draws} simulated cases"), lang,
                              draws=fmt_number(len(mc.savings), lang)), lang)


def monte_carlo_table(comparison: compare.Comparison, lang: str) -> Html:
    _ = translator(lang)
    mc = comparison.monte_carlo
    currency = comparison.scenario.context.inputs.company.currency
    rows = [[_("P10: 9 cases in 10 save more than"), fmt_money(mc.p10, currency, lang)],
            [_("P50: the median case"), fmt_money(mc.p50, currency, lang)],
            [_("P90: 1 case in 10 saves more than"), fmt_money(mc.p90, currency, lang)],
            [_("Share of cases where outsourcing costs less"), share(mc.share_saving, lang)]]
    return table([_("Measure"), _("Annual saving")], rows, numeric=(1,))


def break_even_sentence(comparison: compare.Comparison, lang: str) -> Html:
    _ = translator(lang)
    scenario = comparison.scenario
    best = option_name(scenario.option(comparison.recommendation.best_outsourced_id), lang)
    found = comparison.break_even
    if found is not None:
        return paragraph(fill(_(
            "Break-even point: at about {contacts} contacts a month ({share} of today's volume, "
            "all channels scaled together) {option} and the in-house team cost the same."
        ), lang, contacts=fmt_number(found.monthly_contacts, lang), share=share(found.scale, lang),
                 option=best))
    low, high = min(uncertainty.BREAK_EVEN_SCALES), max(uncertainty.BREAK_EVEN_SCALES)
    text = (_("From {low} to {high} of today's volume, {option} stays cheaper than the in-house "
              "team: there is no break-even point in that range.")
            if base_saving(comparison) > 0 else
            _("From {low} to {high} of today's volume, {option} stays dearer than the in-house "
              "team: there is no break-even point in that range."))
    return paragraph(fill(text, lang, low=share(low, lang), high=share(high, lang), option=best))


def sign_flips(tornado: pd.DataFrame, base: float) -> list[tuple[str, float, str, bool]]:
    """The (factor label, change, "low"/"high", discrete) ends at which the saving changes
    sign."""
    flips = []
    for r in tornado.itertuples():
        for end in ("low", "high"):
            if (getattr(r, f"saving_{end}") > 0) != (base > 0):
                flips.append((r.label, r.change, end, r.discrete))
    return flips


def what_would_change(comparison: compare.Comparison, lang: str) -> Html:
    """The single inputs whose move within its range would change which option is cheaper."""
    _ = translator(lang)
    base = base_saving(comparison)
    best = option_name(
        comparison.scenario.option(comparison.recommendation.best_outsourced_id), lang)
    flips = sign_flips(comparison.tornado, base)
    if not flips:
        return paragraph(_("No single input, moved on its own across its range, changes which "
                           "option is cheaper."))
    outcome = (_("the in-house team would be cheaper") if base > 0
               else fill(_("{option} would be cheaper"), lang, option=best))
    lines = [
        fill(_("If the quotes were billed on their cheapest basis, {outcome}.") if discrete
             and end == "low" else
             _("If the quotes were billed on their dearest basis, {outcome}.") if discrete else
             _("If {factor} were {change} lower, {outcome}.") if end == "low" else
             _("If {factor} were {change} higher, {outcome}."), lang,
             factor=_(label), change=share(change, lang), outcome=outcome)
        for label, change, end, discrete in flips
    ]
    return bullets(lines)
