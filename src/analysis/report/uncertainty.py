"""Chapter 08, how sure we are: one input at a time (tornado), all at once (Monte Carlo),
the break-even volume and the inputs that would change the answer.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from analysis import compare, uncertainty
from analysis.i18n import currency_symbol, fmt_money, fmt_number, translator
from analysis.report.blocks import Figure, Html, Text, bullets, paragraph, table
from analysis.report.charts import (
    HIGHLIGHT,
    MUTED,
    NEUTRAL,
    Size,
    category_rows,
    finish,
    layout,
    lines,
    value_x,
    words,
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
    return str(fill(_("{factor} {change}"), lang, factor=_(label),
                    change=share(change, lang, sign="±")))


def tornado_frame(comparison: compare.Comparison, lang: str) -> pd.DataFrame:
    """The tornado rows in long form: one bar from today's saving to each end of a factor."""
    _ = translator(lang)
    base = base_saving(comparison)
    rows = []
    for r in comparison.tornado.itertuples():
        label = factor_label(r.label, r.change, r.discrete, lang)
        rows.append({"label": label, "end": words(_("Input lower"), lang), "from": base,
                     "to": r.saving_low})
        rows.append({"label": label, "end": words(_("Input higher"), lang), "from": base,
                     "to": r.saving_high})
    return pd.DataFrame(rows, columns=["label", "end", "from", "to"])


def tornado_chart(comparison: compare.Comparison, lang: str) -> Figure:
    _ = translator(lang)
    scenario = comparison.scenario
    currency = scenario.context.inputs.company.currency
    data = tornado_frame(comparison, lang)
    order = list(dict.fromkeys(data["label"]))
    x_title = fill(_("Annual saving ({currency})"), lang, currency=currency_symbol(currency, lang))
    today = base_saving(comparison)

    def layers(size: Size, y: dict[str, object]) -> list[alt.Chart]:
        bars = alt.Chart().mark_bar(height=16).encode(
            x=value_x("from", x_title, lang, size), x2="to", **y,
            color=alt.Color("end:N", title=None, scale=alt.Scale(
                domain=[words(_("Input lower"), lang), words(_("Input higher"), lang)],
                range=[NEUTRAL, HIGHLIGHT])),
        )
        base = alt.Chart().mark_rule(color="black").encode(x=alt.datum(today))
        zero = alt.Chart().mark_rule(color="black", strokeDash=[4, 4]).encode(x=alt.datum(0))
        return [bars, base, zero]

    def draw(size: Size) -> alt.TopLevelMixin:
        return category_rows(layers, data, "label", order, size, lang)

    best = option_name(scenario.option(comparison.recommendation.best_outsourced_id), lang)
    description = fill(_(
        "A bar for each of {count} inputs: the saving of {option} when that input alone moves "
        "down (blue) or up (red) across its range, around today's saving of {saving}."
    ), lang, count=fmt_number(len(order), lang), option=best,
        saving=fmt_money(base_saving(comparison), currency, lang))
    return finish(draw, fill(_("Saving of {option} when one input moves"), lang, option=best),
                  lang, description)


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
    x_title = fill(_("Annual saving ({currency})"), lang, currency=currency_symbol(currency, lang))
    marks = pd.DataFrame({"value": [mc.p10, mc.p50, mc.p90],
                          "what": [words(w, lang) for w in (_("P10"), _("P50 (median)"),
                                                            _("P90"))]})

    def draw(size: Size) -> alt.LayerChart:
        bars = alt.Chart(data).mark_bar(color=MUTED).encode(
            x=alt.X("saving:Q", bin=alt.Bin(maxbins=30 if size.name == "wide" else 15),
                    title=lines(x_title, size.title_chars, lang),
                    scale=alt.Scale(reverse=layout(lang).rtl),
                    axis=alt.Axis(format=",.0f", tickCount=size.tick_count)),
            y=alt.Y("count():Q", title=lines(_("Simulated cases"), size.title_chars, lang),
                    axis=alt.Axis(orient=layout(lang).category_axis)),
        )
        rules = alt.Chart(marks).mark_rule(strokeWidth=2).encode(
            x="value:Q", color=alt.Color("what:N", title=None, sort=list(marks["what"]),
                                         scale=alt.Scale(range=[NEUTRAL, "black", HIGHLIGHT])))
        return alt.layer(bars, rules).properties(height=240)

    description = fill(_(
        "A histogram of the saving over {draws} simulated cases, with lines at the tenth "
        "percentile ({p10}), the median ({p50}) and the ninetieth percentile ({p90})."
    ), lang, draws=fmt_number(len(mc.savings), lang), p10=fmt_money(mc.p10, currency, lang),
        p50=fmt_money(mc.p50, currency, lang), p90=fmt_money(mc.p90, currency, lang))
    return finish(draw, fill(_("The saving over {draws} simulated cases"), lang,
                              draws=fmt_number(len(mc.savings), lang)), lang, description)


def monte_carlo_table(comparison: compare.Comparison, lang: str) -> Html:
    _ = translator(lang)
    mc = comparison.monte_carlo
    currency = comparison.scenario.context.inputs.company.currency
    rows = [[_("P10: 9 cases in 10 save more than"), fmt_money(mc.p10, currency, lang)],
            [_("P50: the median case"), fmt_money(mc.p50, currency, lang)],
            [_("P90: 1 case in 10 saves more than"), fmt_money(mc.p90, currency, lang)],
            [_("Share of cases where outsourcing costs less"), share(mc.share_saving, lang)]]
    return table([_("Measure"), _("Annual saving")], rows, numeric=(1,), key=(1,))


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
