"""Chapter 06, regions: the in-seat hours bought at each region's published rates."""

from __future__ import annotations

import altair as alt
import pandas as pd

from analysis import options
from analysis.i18n import fmt_money, fmt_number, translator
from analysis.report.blocks import Figure, Html, paragraph, table
from analysis.report.charts import HIGHLIGHT, MUTED, NEUTRAL, WIDTH, category_y, finish, value_x
from analysis.report.words import fill, region_name


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
    y = category_y("name", lang, list(data["name"]))
    x_title = fill(_("Annual cost ({currency})"), lang, currency=currency)
    span = alt.Chart(data).mark_bar(color=MUTED, height=12).encode(
        x=value_x("low", x_title, lang, zero=False), x2="high", y=y)
    middle = alt.Chart(data).mark_tick(color=NEUTRAL, thickness=3, size=18).encode(
        x="mid:Q", y=y)
    line = pd.DataFrame({"total": [inhouse_total], "what": [_("In-house team")]})
    inhouse = alt.Chart(line).mark_rule(color=HIGHLIGHT, strokeWidth=2).encode(
        x="total:Q", color=alt.Color("what:N", title=None,
                                     scale=alt.Scale(range=[HIGHLIGHT])))
    chart = alt.layer(span, middle, inhouse).properties(width=WIDTH)
    return finish(chart, _("Your in-seat hours bought in each region, per year"), lang)


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
    _ = translator(lang)
    header = [_("Region"), _("Hourly rate"), _("Annual cost, low"), _("Middle"), _("High"),
              _("Saving vs in-house (middle)")]
    rows = [[region_name(r.region, lang),
             fill(_("{low} to {high}"), lang, low=fmt_money(r.low_rate, currency, lang, 2),
                                         high=fmt_money(r.high_rate, currency, lang, 2)),
             fmt_money(r.low, currency, lang), fmt_money(r.mid, currency, lang),
             fmt_money(r.high, currency, lang), fmt_money(inhouse_total - r.mid, currency, lang)]
            for r in frame.itertuples()]
    return table(header, rows, numeric=range(1, 6))
