"""Chapter 08, how sure we are: every uncertain input drawn at once (`uncertainty.analyse`), and
what the decision needs from it: the chance each offer is the cheapest over the horizon, the
spread of each option's present value, one input at a time (tornado), where the cheaper of the
two changes (break-even ranges) and which input is worth firming up (value of information).
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from analysis import compare
from analysis import reference as ref
from analysis.i18n import N_, currency_symbol, fmt_money, fmt_number, fmt_percent, translator
from analysis.model import Inputs
from analysis.names import Name
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
from analysis.report.words import (
    CHANNEL_NAMES,
    amount,
    chart_labels,
    fill,
    in_currency,
    shown,
)
from analysis.summary import option_name
from analysis.uncertainty import decision
from analysis.uncertainty import inputs as ui
from analysis.workbook import format as wf
from analysis.workbook import ranges

REFERENCE_TITLES = {
    "shared_per_minute": N_("Published price, shared per minute"),
    "dedicated_hourly": N_("Published price, dedicated per hour"),
    "outbound_hourly": N_("Published price, outbound per hour"),
}
BILLING_LABEL = N_("Billing basis of the quotes (cheapest to dearest)")
LAW_NAMES = {"pert": N_("PERT"), "triangular": N_("triangular")}


def probability(value: float, lang: str) -> str:
    """A chance with one decimal; "under 0.1%" or "over 99.9%" rather than a rounded 0 or 100%
    that would read as certain."""
    _ = translator(lang)
    if 0 < value < 0.0005:
        return _("under {share}").format(share=fmt_percent(0.001, lang, 1))
    if 0.9995 <= value < 1:
        return _("over {share}").format(share=fmt_percent(0.999, lang, 1))
    return fmt_percent(value, lang, 1)


def factor_label(factor_id: str, lang: str) -> str:
    """A factor's name for readers: a group's label, an input's label with its channel or
    vendor (a vendor's name as data, kept whole in the HTML: a `Text`), a published price's
    table and market."""
    _ = translator(lang)
    if factor_id == decision.BILLING_BASIS:
        return _(BILLING_LABEL)
    if factor_id in ui.GROUP_LABELS:
        return _(ui.GROUP_LABELS[factor_id])
    if factor_id.startswith(f"{ui.REFERENCE_PREFIX}:"):
        _prefix, table_name, range_id = factor_id.split(":", 2)
        market = ref.NAMES[table_name].get(range_id, range_id)
        return f"{_(REFERENCE_TITLES[table_name])}: {_(market)}"
    kind, target = ranges.kind_of(factor_id), ranges.target_of(factor_id)
    if target is None:
        return _(kind.label)
    if kind.scope is wf.Scope.CHANNEL:
        return f"{_(kind.label)}: {_(CHANNEL_NAMES[target])}"
    return fill("{label}: {vendor}", lang, label=_(kind.label), vendor=Name(target))


def input_value(input_id: str, value: float, currency: str, lang: str) -> str:
    """One input's value in its unit: a share, US dollars for a published price, a number."""
    if input_id.startswith(f"{ui.REFERENCE_PREFIX}:"):
        return fmt_money(value, "USD", lang, 2)
    kind = ranges.kind_of(input_id)
    if kind.field.kind is wf.Kind.PERCENT:
        return fmt_percent(value, lang, 1 if abs(value) < 0.1 else 0)
    if input_id in ("usd_rate",):
        return fmt_number(value, lang, 3)
    return fmt_number(value, lang, 0 if abs(value) >= 100 else 2)


def _currency(comparison: compare.Comparison) -> str:
    return comparison.scenario.context.inputs.company.currency


def _name(comparison: compare.Comparison, option_id: str, lang: str) -> str:
    return option_name(comparison.scenario.option(option_id), lang)


# -- the chance each offer is the cheapest -------------------------------------------------------

def chance_frame(comparison: compare.Comparison, lang: str) -> pd.DataFrame:
    """One row per candidate (in-house and each vendor's offer), most often cheapest first:
    `id`, `name`, `p` and its standard error `se`."""
    rows = [{"id": o.id, "name": _name(comparison, o.id, lang), "p": o.p_cheapest,
             "se": o.p_cheapest_se} for o in comparison.uncertainty.candidates]
    frame = pd.DataFrame(rows, columns=["id", "name", "p", "se"])
    return frame.sort_values("p", ascending=False, kind="stable", ignore_index=True)


def chance_table(comparison: compare.Comparison, lang: str) -> Html:
    _ = translator(lang)
    frame = chance_frame(comparison, lang)
    rows = [[shown(r.name, lang), probability(r.p, lang), fmt_percent(r.se, lang, 2)]
            for r in frame.itertuples()]
    return table([_("Option"), _("Chance of being the cheapest"), _("Standard error")], rows,
                 numeric=(1, 2))


def chance_chart(comparison: compare.Comparison, lang: str) -> Figure:
    """Bars of each candidate's chance of being the cheapest, and the 80% a recommendation
    needs."""
    _ = translator(lang)
    frame = chance_frame(comparison, lang)
    frame["label"] = chart_labels(list(frame["name"]), [i.startswith("vendor:")
                                                        for i in frame["id"]], lang)
    order = list(frame["label"])
    data = frame[["label", "p"]]
    x_title = _("Chance of being the cheapest over the horizon")

    def layers(size: Size, y: dict[str, object]) -> list[alt.Chart]:
        x = alt.X("p", type="quantitative", title=lines(x_title, size.title_chars, lang),
                  scale=alt.Scale(domain=[0, 1], reverse=layout(lang).rtl),
                  axis=alt.Axis(format=".0%", tickCount=size.tick_count, labelFlush=True))
        bars = alt.Chart().mark_bar(color=NEUTRAL).encode(x=x, **y)
        rule = alt.Chart().mark_rule(color=HIGHLIGHT, strokeDash=[4, 4]).encode(
            x=alt.datum(decision.THRESHOLD))
        return [bars, rule]

    def draw(size: Size) -> alt.TopLevelMixin:
        return category_rows(layers, data, "label", order, size, lang)

    top = comparison.uncertainty.most_often_cheapest
    description = fill(_(
        "A bar for each of {count} offers: the share of the simulated cases in which it is the "
        "cheapest over the horizon; a dashed line at the {threshold} a recommendation needs. "
        "{option} comes first, with {probability}."
    ), lang, count=fmt_number(len(order), lang),
        threshold=fmt_percent(decision.THRESHOLD, lang, 0),
        option=_name(comparison, top.id, lang), probability=probability(top.p_cheapest, lang))
    return finish(draw, _("Which option is the cheapest, over the simulated cases"), lang,
                  description)


def chance_sentence(comparison: compare.Comparison, lang: str) -> Html:
    _ = translator(lang)
    found = comparison.uncertainty
    top = found.most_often_cheapest
    values = {"option": _name(comparison, top.id, lang),
              "probability": probability(top.p_cheapest, lang),
              "draws": fmt_number(found.draws, lang),
              "threshold": fmt_percent(decision.THRESHOLD, lang, 0),
              "se": fmt_percent(max(o.p_cheapest_se for o in found.candidates), lang, 2)}
    text = (_("Every uncertain input was drawn at once {draws} times and every offer priced over "
              "the horizon each time. {option} is the cheapest in {probability} of these cases: "
              "at least the {threshold} a recommendation needs, so the verdict names it. Each "
              "share is exact to within about {se} (its standard error).")
            if found.decided else
            _("Every uncertain input was drawn at once {draws} times and every offer priced over "
              "the horizon each time. No option is the cheapest in at least {threshold} of "
              "these cases, so the verdict is too close to call; {option} comes first, in "
              "{probability} of them. Each share is exact to within about {se} (its standard "
              "error)."))
    return paragraph(fill(text, lang, **values))


# -- the spread of each option's cost --------------------------------------------------------------

def spread_tables(comparison: compare.Comparison, lang: str) -> list[Html]:
    """P10, P50 and P90 of each option's present value over the horizon, then of its saving
    against today's operation; offers first, cheapest at the median first, benchmarks last.
    The headers name the currency; the median is the key column."""
    _ = translator(lang)
    currency = _currency(comparison)
    found = comparison.uncertainty
    order = sorted(found.options, key=lambda o: (not o.candidate, o.cost.p50))
    header = [_("Option"), *(in_currency(_(q), currency, lang)
                             for q in ("P10", MEDIAN, "P90"))]
    blocks = []
    for caption, measure in ((_("Present value over the horizon"), "cost"),
                             (_("Saving against today's operation, present value"), "saving")):
        rows = [[shown(_name(comparison, o.id, lang), lang),
                 *(amount(getattr(getattr(o, measure), q), lang) for q in ("p10", "p50", "p90"))]
                for o in order]
        blocks.append(table(header, rows, numeric=(1, 2, 3), key=(2,), caption=caption))
    return blocks


def spread_chart(comparison: compare.Comparison, lang: str) -> Figure:
    """Each offer's present value over the horizon: its middle 80% as a bar, its median as a
    tick."""
    _ = translator(lang)
    currency = _currency(comparison)
    found = comparison.uncertainty
    chosen = sorted(found.candidates, key=lambda o: o.cost.p50)
    names = [_name(comparison, o.id, lang) for o in chosen]
    labels = chart_labels(names, [o.id.startswith("vendor:") for o in chosen], lang)
    data = pd.DataFrame({"label": labels, "p10": [o.cost.p10 for o in chosen],
                         "p50": [o.cost.p50 for o in chosen],
                         "p90": [o.cost.p90 for o in chosen]})
    title = fill(_("Present value over the horizon ({currency})"), lang,
                 currency=currency_symbol(currency, lang))

    def layers(size: Size, y: dict[str, object]) -> list[alt.Chart]:
        bars = alt.Chart().mark_bar(color=MUTED).encode(
            x=value_x("p10", title, lang, size, zero=False), x2="p90", **y)
        ticks = alt.Chart().mark_tick(color="black", thickness=2).encode(x="p50:Q", **y)
        return [bars, ticks]

    def draw(size: Size) -> alt.TopLevelMixin:
        return category_rows(layers, data, "label", labels, size, lang)

    first = chosen[0]
    description = fill(_(
        "A bar for each of {count} offers, from the tenth to the ninetieth percentile of its "
        "present value over the simulated cases, with a tick at the median; {option} has the "
        "lowest median, {median}."
    ), lang, count=fmt_number(len(chosen), lang), option=_name(comparison, first.id, lang),
        median=fmt_money(first.cost.p50, currency, lang))
    return finish(draw, _("Each offer's cost: the middle 80% of the simulated cases"), lang,
                  description)


MEDIAN = N_("P50, median")
"""A table header: "P50 (median)" would stack two parentheses once the currency is added."""
HISTOGRAM_BINS = 40
"""The draws are counted into this many bins here: the chart carries 40 bars, not every draw."""


def saving_chart(comparison: compare.Comparison, lang: str) -> Figure:
    """The verdict's saving over the horizon (in-house less the best offer) at every draw."""
    _ = translator(lang)
    found = comparison.uncertainty
    currency = _currency(comparison)
    x_title = fill(_("Saving over the horizon, present value ({currency})"), lang,
                   currency=currency_symbol(currency, lang))
    p10, p50, p90 = (float(np.percentile(found.pv_saving, q)) for q in (10, 50, 90))
    marks = pd.DataFrame({"value": [p10, p50, p90],
                          "what": [words(w, lang) for w in (_("P10"), _("P50 (median)"),
                                                            _("P90"))]})

    def draw(size: Size) -> alt.LayerChart:
        bins = HISTOGRAM_BINS if size.name == "wide" else HISTOGRAM_BINS // 2
        counts, edges = np.histogram(found.pv_saving, bins=bins)
        data = pd.DataFrame({"start": edges[:-1], "end": edges[1:], "count": counts})
        bars = alt.Chart(data).mark_bar(color=MUTED).encode(
            x=alt.X("start:Q", title=lines(x_title, size.title_chars, lang),
                    scale=alt.Scale(reverse=layout(lang).rtl),
                    axis=alt.Axis(format=",.0f", tickCount=size.tick_count)),
            x2="end",
            y=alt.Y("count:Q", title=lines(_("Simulated cases"), size.title_chars, lang),
                    axis=alt.Axis(orient=layout(lang).category_axis)),
            y2=alt.datum(0),
        )
        rules = alt.Chart(marks).mark_rule(strokeWidth=2).encode(
            x="value:Q", color=alt.Color("what:N", title=None, sort=list(marks["what"]),
                                         scale=alt.Scale(range=[NEUTRAL, "black", HIGHLIGHT])))
        return alt.layer(bars, rules).properties(height=220)

    best = _name(comparison, found.best_outsourced_id, lang)
    description = fill(_(
        "A histogram of the saving of {option} against the in-house team over the horizon, in "
        "present value, over {draws} simulated cases, with lines at the tenth percentile "
        "({p10}), the median ({p50}) and the ninetieth percentile ({p90})."
    ), lang, option=best, draws=fmt_number(found.draws, lang),
        p10=fmt_money(p10, currency, lang), p50=fmt_money(p50, currency, lang),
        p90=fmt_money(p90, currency, lang))
    return finish(draw, fill(_("Saving of {option} against the in-house team"), lang,
                              option=best), lang, description)


def spread_sentence(comparison: compare.Comparison, lang: str) -> Html:
    _ = translator(lang)
    found = comparison.uncertainty
    currency = _currency(comparison)
    best = found.option(found.best_outsourced_id)
    saving = found.pv_saving
    worst_se = max(max(o.cost.p10_se, o.cost.p50_se, o.cost.p90_se) for o in found.options)
    return paragraph(fill(_(
        "In 8 cases in 10 the saving of {option} against the in-house team over the horizon "
        "lies between {p10} and {p90} in present value; it is positive in {positive} of the "
        "cases. P10 is the value 9 cases in 10 exceed. With {draws} cases, no percentile in "
        "these tables is off by more than about {se} (its Monte Carlo standard error, from the "
        "order statistics around it)."
    ), lang, option=_name(comparison, best.id, lang),
        p10=fmt_money(float(np.percentile(saving, 10)), currency, lang),
        p90=fmt_money(float(np.percentile(saving, 90)), currency, lang),
        positive=probability(float(np.mean(saving > 0)), lang),
        draws=fmt_number(found.draws, lang), se=fmt_money(worst_se, currency, lang)))


# -- one input at a time ---------------------------------------------------------------------------

def tornado_frame(comparison: compare.Comparison, lang: str) -> pd.DataFrame:
    """The tornado in long form: one bar from the likeliest saving to each end of a factor."""
    _ = translator(lang)
    found = comparison.uncertainty
    base = comparison.recommendation.pv_saving
    rows = []
    for bar in found.tornado:
        label = factor_label(bar.factor, lang)
        rows.append({"label": label, "end": words(_("Input lower"), lang), "from": base,
                     "to": bar.saving_low})
        rows.append({"label": label, "end": words(_("Input higher"), lang), "from": base,
                     "to": bar.saving_high})
    return pd.DataFrame(rows, columns=["label", "end", "from", "to"])


TORNADO_BARS = 12
"""The tornado shows the inputs with the widest swings; the rest move the saving less."""


def tornado_chart(comparison: compare.Comparison, lang: str) -> Figure:
    _ = translator(lang)
    currency = _currency(comparison)
    data = tornado_frame(comparison, lang)
    order = list(dict.fromkeys(data["label"]))[:TORNADO_BARS]
    data = data[data["label"].isin(order)]
    x_title = fill(_("Saving over the horizon, present value ({currency})"), lang,
                   currency=currency_symbol(currency, lang))
    likely = comparison.recommendation.pv_saving

    def layers(size: Size, y: dict[str, object]) -> list[alt.Chart]:
        bars = alt.Chart().mark_bar(height=14).encode(
            x=value_x("from", x_title, lang, size), x2="to", **y,
            color=alt.Color("end:N", title=None, scale=alt.Scale(
                domain=[words(_("Input lower"), lang), words(_("Input higher"), lang)],
                range=[NEUTRAL, HIGHLIGHT])),
        )
        base = alt.Chart().mark_rule(color="black").encode(x=alt.datum(likely))
        zero = alt.Chart().mark_rule(color="black", strokeDash=[4, 4]).encode(x=alt.datum(0))
        return [bars, base, zero]

    def draw(size: Size) -> alt.TopLevelMixin:
        return category_rows(layers, data, "label", order, size, lang)

    best = _name(comparison, comparison.uncertainty.best_outsourced_id, lang)
    description = fill(_(
        "A bar for each of the {count} inputs that move it most: the saving of {option} over "
        "the horizon when that input alone goes to the low (blue) or the high (red) end of its "
        "range, around the saving with every input at its likeliest, {saving}."
    ), lang, count=fmt_number(len(order), lang), option=best,
        saving=fmt_money(likely, currency, lang))
    return finish(draw, fill(_("Saving of {option} when one input moves"), lang, option=best),
                  lang, description)


def tornado_sentence(comparison: compare.Comparison, lang: str) -> Html:
    _ = translator(lang)
    currency = _currency(comparison)
    top = comparison.uncertainty.tornado[0]
    intro = fill(_(
        "Each bar moves one input to the low (blue) or the high (red) end of its range while the "
        "others stay at their likeliest values; the solid line is the saving over the horizon "
        "with every input at its likeliest, {saving}, the dashed line zero."
    ), lang, saving=fmt_money(comparison.recommendation.pv_saving, currency, lang))
    most = fill(_("The saving depends most on the input “{factor}”: across its range it runs "
                  "from {low} to {high}."), lang, factor=factor_label(top.factor, lang),
                low=fmt_money(min(top.saving_low, top.saving_high), currency, lang),
                high=fmt_money(max(top.saving_low, top.saving_high), currency, lang))
    return paragraph(Text(f"{intro} {most}", f"{intro.html} {most.html}"))


# -- break-even ranges -----------------------------------------------------------------------------

def _scan_value(factor: str, member: ui.Uncertain, value: float, currency: str,
                lang: str) -> str:
    """A scanned value: a group's as a share of today's values (its members move in
    proportion), a share with one decimal (the ranges can be narrow), else in its unit."""
    if factor in ui.GROUPS:
        return fmt_percent(value / member.likely, lang, 1)
    if not factor.startswith(f"{ui.REFERENCE_PREFIX}:") and (
            ranges.kind_of(factor).field.kind is wf.Kind.PERCENT):
        return fmt_percent(value, lang, 1)
    return input_value(factor, value, currency, lang)


def _interval_text(factor: str, member: ui.Uncertain, interval: tuple[float, float],
                   scan: decision.BreakEven, currency: str, lang: str) -> str:
    _ = translator(lang)
    low, high = interval
    value = {"low": _scan_value(factor, member, low, currency, lang),
             "high": _scan_value(factor, member, high, currency, lang)}
    if low <= scan.low and high >= scan.high:
        return _("anywhere from {low} to {high}").format(**value)
    if low <= scan.low:
        return _("below {high}").format(**value)
    if high >= scan.high:
        return _("above {low}").format(**value)
    return _("between {low} and {high}").format(**value)


def break_even_lines(comparison: compare.Comparison, lang: str) -> list[str]:
    """One sentence per input whose value, moved alone, changes which of the best offer and the
    in-house team is cheaper over the horizon: the ranges in which the offer stays cheaper (a
    group's as a share of today's values)."""
    _ = translator(lang)
    found = comparison.uncertainty
    currency = _currency(comparison)
    best = _name(comparison, found.best_outsourced_id, lang)
    lines = []
    for scan in found.break_even:
        if not scan.changes:
            continue
        member = found.factor(scan.factor).members[0]
        parts = [_interval_text(scan.factor, member, i, scan, currency, lang)
                 for i in scan.intervals]
        grouped = scan.factor in ui.GROUPS
        template = (_("{option} stays cheaper than the in-house team while the input “{input}” "
                      "is {ranges} of today's.") if grouped else
                    _("{option} stays cheaper than the in-house team while the input “{input}” "
                      "is {ranges} (today {likely})."))
        lines.append(fill(template, lang, option=best, input=factor_label(scan.factor, lang),
                          ranges=_(" or ").join(parts),
                          likely=_scan_value(scan.factor, member, scan.likely, currency,
                                             lang)))
    return lines


def break_even_list(comparison: compare.Comparison, lang: str) -> Html:
    _ = translator(lang)
    lines = break_even_lines(comparison, lang)
    if not lines:
        return paragraph(_("No single input, moved on its own from a quarter to four times its "
                           "likeliest value, changes which of the two is cheaper."))
    return bullets(lines)


def break_even_sentence(comparison: compare.Comparison, lang: str) -> Html:
    _ = translator(lang)
    many = sum(1 for s in comparison.uncertainty.break_even if len(s.intervals) > 1)
    text = _("Each input is moved alone, the others at their likeliest, from a quarter to four "
             "times its likeliest value (a yearly rate by 25 points either way), within its "
             "bounds. Where a list has several ranges, the cheaper of the two changes more than "
             "once: headcount and seats grow in whole steps, so the saving rises and falls.")
    if many:
        return paragraph(text)
    return paragraph(_("Each input is moved alone, the others at their likeliest, from a quarter "
                       "to four times its likeliest value (a yearly rate by 25 points either "
                       "way), within its bounds."))


# -- value of information --------------------------------------------------------------------------

def evppi_frame(comparison: compare.Comparison, lang: str) -> pd.DataFrame:
    """The inputs by the expected value of knowing each exactly, largest first."""
    found = comparison.uncertainty
    rows = [{"factor": f, "label": factor_label(f, lang), "value": v,
             "share": v / found.evpi if found.evpi > 0 else 0.0}
            for f, v in found.evppi.items()]
    frame = pd.DataFrame(rows, columns=["factor", "label", "value", "share"])
    return frame.sort_values("value", ascending=False, kind="stable", ignore_index=True)


EVPPI_ROWS = 8
NEGLIGIBLE = 1e-4
"""Perfect information worth less than this share of today's operation's present value (0.01%)
changes nothing a reader would act on."""


def evppi_table(comparison: compare.Comparison, lang: str) -> Html:
    _ = translator(lang)
    currency = _currency(comparison)
    frame = evppi_frame(comparison, lang).head(EVPPI_ROWS)
    rows = [[r.label, amount(r.value, lang), fmt_percent(r.share, lang, 0)]
            for r in frame.itertuples()]
    return table([_("Input"), in_currency(_("Value of knowing it exactly"), currency, lang),
                  _("Share of all uncertainty")], rows, numeric=(1, 2), key=(1,))


def value_of_information(comparison: compare.Comparison, lang: str) -> list[Html]:
    """The inputs ranked by the value of knowing each exactly, and what that means; the
    sentence alone when even perfect information on everything is worth next to nothing."""
    if _negligible(comparison.uncertainty):
        return [evppi_sentence(comparison, lang)]
    return [evppi_table(comparison, lang), evppi_sentence(comparison, lang)]


def _negligible(found: decision.Uncertainty) -> bool:
    return found.evpi < NEGLIGIBLE * abs(found.option(found.today_id).base)


def evppi_sentence(comparison: compare.Comparison, lang: str) -> Html:
    _ = translator(lang)
    found = comparison.uncertainty
    currency = _currency(comparison)
    frame = evppi_frame(comparison, lang)
    total = fmt_money(found.evpi, currency, lang)
    if frame.empty or _negligible(found):
        return paragraph(fill(_(
            "Knowing every input exactly would save only {total} in expectation over the horizon "
            "against choosing now (the expected value of perfect information): the choice is "
            "clear enough that no input is worth measuring before deciding."), lang,
            total=total))
    return paragraph(fill(_(
        "If every input were known exactly, the option chosen would save {total} in expectation "
        "over the horizon against choosing now (the expected value of perfect information). "
        "Knowing {factor} alone is worth most, {value}: firm it up first, before signing. The "
        "values come from regressing each option's cost on the input over the simulated cases "
        "(Strong, Oakley and Brennan, 2014)."
    ), lang, total=total, factor=frame["label"].iloc[0],
        value=fmt_money(float(frame["value"].iloc[0]), currency, lang)))


# -- the ranges themselves -------------------------------------------------------------------------

def ranges_table(inputs: Inputs, lang: str, reference: ref.Reference | None = None) -> Html:
    """Every uncertain input of the company: its low, likeliest and high values, its law and
    where the range comes from."""
    _ = translator(lang)
    currency = inputs.company.currency
    found = ui.uncertain_inputs(inputs, reference or ref.load())
    rows = [[factor_label(u.id, lang),
             *(input_value(u.id, getattr(u.law, end), currency, lang)
               for end in ("low", "likely", "high")),
             _(LAW_NAMES[u.law.shape.value]), _(u.note)] for u in found]
    return table([_("Input"), _("Low"), _("Likeliest"), _("High"), _("Law"), _("Source")],
                 rows, numeric=(1, 2, 3))


def ranges_sentence(lang: str) -> Html:
    _ = translator(lang)
    return paragraph(fill(_(
        "A range from your workbook's Ranges sheet or a default range is drawn by a PERT law: "
        "most often near the likeliest value, rarely at the ends. A published price range, "
        "which names no likeliest price, is drawn by a triangular law peaked at its middle. "
        "Salaries move together, and so do the volumes of all channels. The simulation makes "
        "{draws} draws with a fixed random seed ({seed}), so every run of the book shows the same "
        "figures."), lang, draws=fmt_number(decision.BOOK_DRAWS, lang), seed=str(decision.SEED)))
