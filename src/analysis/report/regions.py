"""Chapter 06, regions: the in-seat hours bought at each region's published rates."""

from __future__ import annotations

from html import escape

import altair as alt
import pandas as pd
from babel.lists import format_list

from analysis import options, recommend
from analysis.i18n import currency_symbol, fmt_money, fmt_number, locale, translator
from analysis.model import Inputs
from analysis.report.blocks import Figure, Html, Text, paragraph, table
from analysis.report.charts import (
    HIGHLIGHT,
    MUTED,
    NEUTRAL,
    Size,
    category_rows,
    finish,
    value_x,
    words,
)
from analysis.report.words import amount, fill, in_currency, language_name, region_name
from analysis.workbook import format as wf


def regions_frame(scenario: options.Scenario) -> pd.DataFrame:
    """One row per region: hourly rate and annual cost at low, middle and high, cheapest first."""
    frame = options.regions_table(scenario)
    cost = frame.pivot_table(index="region", columns="level", values="total", sort=False)
    rate = frame.pivot_table(index="region", columns="level", values="hourly_rate", sort=False)
    wide = cost.join(rate, rsuffix="_rate").reset_index()
    return wide.sort_values("mid", ignore_index=True)


def regions_summary(frame: pd.DataFrame, inhouse_total: float) -> dict[str, object]:
    """How many regions beat in-house even at their high price, at mid, and the cheapest."""
    first = frame.loc[frame["mid"].idxmin()]
    return {
        "count": len(frame),
        "cheaper_high": int((frame["high"] < inhouse_total).sum()),
        "cheaper_mid": int((frame["mid"] < inhouse_total).sum()),
        "cheapest": first["region"],
        "cheapest_mid": float(first["mid"]),
    }


def regions_chart(frame: pd.DataFrame, inhouse_total: float, currency: str,
                  lang: str) -> Figure:
    _ = translator(lang)
    data = frame.assign(name=[region_name(r, lang) for r in frame["region"]])
    order = list(data["name"])
    x_title = fill(_("Annual cost ({currency})"), lang, currency=currency_symbol(currency, lang))
    data["what"] = words(_("In-house team"), lang)

    def layers(size: Size, y: dict[str, object]) -> list[alt.Chart]:
        span = alt.Chart().mark_bar(color=MUTED, height=12).encode(
            x=value_x("low", x_title, lang, size, zero=False), x2="high", **y)
        middle = alt.Chart().mark_tick(color=NEUTRAL, thickness=3, size=18).encode(
            x="mid:Q", **y)
        inhouse = alt.Chart().mark_rule(color=HIGHLIGHT, strokeWidth=2).encode(
            x=alt.datum(inhouse_total), color=alt.Color("what:N", title=None,
                                                       scale=alt.Scale(range=[HIGHLIGHT])))
        return [span, middle, inhouse]

    def draw(size: Size) -> alt.TopLevelMixin:
        return category_rows(layers, data, "name", order, size, lang)

    found = regions_summary(frame, inhouse_total)
    description = fill(_(
        "A bar for each of {count} regions, from the annual cost at its lowest to its highest "
        "published hourly rate, and a red line at the in-house team's {inhouse}. {cheapest} is "
        "the cheapest, {cost} in the middle of its range."
    ), lang, count=fmt_number(found["count"], lang),
        inhouse=fmt_money(inhouse_total, currency, lang),
        cheapest=region_name(str(found["cheapest"]), lang),
        cost=fmt_money(float(found["cheapest_mid"]), currency, lang))
    return finish(draw, _("Your in-seat hours bought in each region, per year"), lang,
                  description)


def regions_sentence(frame: pd.DataFrame, inhouse_total: float, currency: str,
                     lang: str) -> Html:
    _ = translator(lang)
    found = regions_summary(frame, inhouse_total)
    return paragraph(fill(_(
        "Each grey bar runs from a region's lowest to its highest published hourly rate applied "
        "to your in-seat hours, with the middle marked; the red line is your in-house team. "
        "{high} of the {count} regions cost less than the in-house team even at the top of "
        "their range, {mid} in the middle. The cheapest is {region}, at {cost} a year in the "
        "middle of its range."
    ), lang, high=fmt_number(found["cheaper_high"], lang),
             count=fmt_number(found["count"], lang), mid=fmt_number(found["cheaper_mid"], lang),
             region=region_name(str(found["cheapest"]), lang),
             cost=fmt_money(float(found["cheapest_mid"]), currency, lang)))


def regions_table_block(frame: pd.DataFrame, inhouse_total: float, currency: str,
                        lang: str) -> Html:
    """Each region's hourly rates, annual cost at its low, middle and high rate, and the
    saving against in-house at the middle (the decision column)."""
    _ = translator(lang)
    header = [_("Region"), in_currency(_("Hourly rate"), currency, lang),
              in_currency(_("Annual cost, low"), currency, lang),
              in_currency(_("Annual cost, middle"), currency, lang),
              in_currency(_("Annual cost, high"), currency, lang),
              in_currency(_("Saving vs in-house (middle)"), currency, lang)]
    rows = [[region_name(r.region, lang),
             fill(_("{low} to {high}"), lang, low=amount(r.low_rate, lang, 2),
                  high=amount(r.high_rate, lang, 2)),
             amount(r.low, lang), amount(r.mid, lang), amount(r.high, lang),
             amount(inhouse_total - r.mid, lang)]
            for r in frame.itertuples()]
    return table(header, rows, numeric=range(1, 6), key=(5,))


def language_note(inputs: Inputs, lang: str) -> Html:
    """What the customers' language (Company B13) means for the choice of region.

    Which regions commonly serve a language is `recommend.LANGUAGE_REGIONS`; a language not
    stated is said to be so, never assumed.
    """
    _ = translator(lang)
    language = inputs.company.customer_language
    check = _("A low price is not the whole story: check with test calls and references from "
              "the vendor's other clients before you choose a region on price alone.")
    if language is None:
        first = _("Your workbook does not say which language your customers speak (Company "
                  "B13). Agents far from your customers may not speak it or share their "
                  "culture.")
        return paragraph(f"{first} {check}")
    served = recommend.LANGUAGE_REGIONS.get(language)
    if served is None:
        first = _("Agents far from your customers may not speak their language or share their "
                  "culture.")
        return paragraph(f"{first} {check}")
    names = [region_name(choice.value, lang) for choice in wf.REGION_CHOICES
             if choice.value in served]
    first = fill(_("Your customers speak {language} (Company B13): of the regions above, call "
                   "centres serving customers in it are common in {regions}."), lang,
                 language=language_name(language, lang),
                 regions=format_list(names, locale=locale(lang)))
    return paragraph(Text(f"{first} {check}", f"{first.html} {escape(check)}"))
