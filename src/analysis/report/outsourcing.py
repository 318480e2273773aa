"""Chapter 05, outsourcing options: quotes against published ranges, vendors, pricing models,
direction and commission.
"""

from __future__ import annotations

import math

import altair as alt
import pandas as pd
from babel.lists import format_list

from analysis import costs, options
from analysis import reference as ref
from analysis.i18n import N_, currency_symbol, fmt_money, fmt_number, locale, translator
from analysis.model import Inputs, PricingModel
from analysis.report.blocks import Figure, Html, paragraph, table
from analysis.report.charts import (
    HIGHLIGHT,
    MUTED,
    NEUTRAL,
    Size,
    band_step,
    category_y,
    finish,
    panel_width,
    value_x,
    words,
)
from analysis.report.words import (
    DASH,
    amount,
    channel_name,
    fill,
    in_currency,
    model_name,
    name_text,
    option_text,
    region_name,
    share,
)
from analysis.workbook import format as wf

MARKETS = ref.NAMES["dedicated_hourly"]
POSITIONS = {"below": N_("below the range"), "within": N_("within the range"),
             "above": N_("above the range"), "none": N_("no published range")}


def reference_range(quote_region: str, model: PricingModel,
                    reference: ref.Reference) -> tuple[str, ref.Range] | None:
    """The published range a quote compares with, and its unit ("minute" or "hour").

    Per-minute prices compare with the shared per-minute guide (the USA/Canada line for vendors
    there, the international one elsewhere); hourly prices with the location guide of the
    vendor's region. Monthly and commission prices have no published range.
    """
    if model is PricingModel.SHARED_PER_MINUTE:
        market = ref.USA_CANADA if quote_region == ref.USA_CANADA else ref.INTERNATIONAL
        return "minute", reference.shared(market)
    if model in (PricingModel.DEDICATED_PER_HOUR, PricingModel.HOURLY_PLUS_COMMISSION):
        return "hour", reference.region(quote_region)
    return None


def quote_positions(inputs: Inputs, reference: ref.Reference) -> pd.DataFrame:
    """Each quote's rate against its published range, both in the company's currency."""
    rows = []
    for q in inputs.quotes:
        found = reference_range(q.region, q.model, reference)
        low = high = math.nan
        unit, position = "", "none"
        if found is not None:
            unit, published = found
            low = published.low * inputs.company.usd_rate
            high = published.high * inputs.company.usd_rate
            position = "below" if q.rate < low else "above" if q.rate > high else "within"
        rows.append({"vendor": q.vendor, "region": q.region, "channel": str(q.channel),
                     "model": str(q.model), "rate": q.rate, "unit": unit, "low": low,
                     "high": high, "position": position})
    return pd.DataFrame(rows, columns=["vendor", "region", "channel", "model", "rate", "unit",
                                       "low", "high", "position"])


def quotes_table(frame: pd.DataFrame, currency: str, lang: str) -> Html:
    _ = translator(lang)
    header = [_("Vendor"), _("Region"), _("Channel"), _("Pricing model"),
              in_currency(_("Rate"), currency, lang),
              in_currency(_("Published range"), currency, lang), _("Your quote is")]
    rows = []
    for r in frame.itertuples():
        published = DASH if r.position == "none" else fill(
            _("{low} to {high}"), lang, low=amount(r.low, lang, 2), high=amount(r.high, lang, 2))
        rows.append([name_text(r.vendor, lang), region_name(r.region, lang),
                     channel_name(r.channel, lang),
                     model_name(r.model, lang), amount(r.rate, lang, 2), published,
                     _(POSITIONS[r.position])])
    return table(header, rows, numeric=(4, 5), key=(6,))


def quotes_chart(frame: pd.DataFrame, currency: str, lang: str) -> Figure | None:
    """Each per-minute and hourly quote as a point over its published low-high band; one panel
    per unit, since a minute's price and an hour's price don't share a scale."""
    _ = translator(lang)
    symbol = currency_symbol(currency, lang)
    titles = {"minute": _("Price per minute ({currency})"),
              "hour": _("Price per agent hour ({currency})")}
    parts = []
    for unit, title in titles.items():
        part = frame[frame["unit"] == unit].copy()
        if part.empty:
            continue
        part["label"] = [str(fill(_("{vendor}, {channel}"), lang, vendor=name_text(v, lang),
                                  channel=channel_name(c, lang)))
                         for v, c in zip(part["vendor"], part["channel"], strict=True)]
        part["where"] = [words(_(POSITIONS[p]), lang) for p in part["position"]]
        parts.append((part, fill(title, lang, currency=symbol)))
    if not parts:
        return None
    positions = [words(_(POSITIONS[p]), lang) for p in ("below", "within", "above")]

    def draw(size: Size) -> alt.VConcatChart:
        panels = []
        for part, x_title in parts:
            order = list(part["label"])
            y = category_y("label", lang, order, size)
            band = alt.Chart(part).mark_bar(color=MUTED, height=14).encode(
                x=value_x("low", x_title, lang, size, ",.2f", zero=False), x2="high", y=y)
            point = alt.Chart(part).mark_point(filled=True, size=90).encode(
                x=alt.X("rate:Q"), y=y,
                color=alt.Color("where:N", title=_("Your quote is"), scale=alt.Scale(
                    domain=positions, range=["#2e7d32", NEUTRAL, HIGHLIGHT])))
            panels.append(alt.layer(band, point).properties(
                width=panel_width(size), height=band_step(order, size, lang)))
        return alt.vconcat(*panels).resolve_scale(x="independent")

    counts = {p: int((frame["position"] == p).sum()) for p in ("below", "within", "above")}
    description = fill(_(
        "A point for each of {count} quotes priced per minute or per hour, over the band of the "
        "published range for its region and model: {below} below the range, {within} within "
        "it, {above} above it."
    ), lang, count=fmt_number(sum(len(part) for part, _title in parts), lang),
        below=fmt_number(counts["below"], lang), within=fmt_number(counts["within"], lang),
        above=fmt_number(counts["above"], lang))
    return finish(draw, _("Your quotes against the published price ranges"), lang, description,
                  fit=False)


def quotes_section(frame: pd.DataFrame, currency: str, lang: str) -> list[object]:
    """The quotes chart (when any quote has a published range), its sentence and the table."""
    chart = quotes_chart(frame, currency, lang)
    blocks: list[object] = [] if chart is None else [chart]
    return [*blocks, quotes_sentence(frame, lang), quotes_table(frame, currency, lang)]


def quotes_sentence(frame: pd.DataFrame, lang: str) -> Html:
    _ = translator(lang)
    priced = frame[frame["position"] != "none"]
    if frame.empty:
        return paragraph(_("The workbook has no vendor quotes: the outsourced options below are "
                           "priced from the published ranges."))
    return paragraph(fill(_(
        "Grey bars are the published low-to-high range for the vendor's model and region, points "
        "are your quotes: {within} of the {count} comparable quotes fall within their range, "
        "{below} below and {above} above."
    ), lang, count=fmt_number(len(priced), lang),
             within=fmt_number(int((priced["position"] == "within").sum()), lang),
             below=fmt_number(int((priced["position"] == "below").sum()), lang),
             above=fmt_number(int((priced["position"] == "above").sum()), lang)))


def vendor_table(scenario: options.Scenario, lang: str) -> Html:
    """Each vendor's offer in full: what it takes, what stays in-house, total and saving."""
    _ = translator(lang)
    currency = scenario.context.inputs.company.currency
    frame = options.options_with_saving(scenario, "vendor")
    header = [_("Vendor"), _("Channels it serves"), _("Stay in-house"),
              in_currency(_("Annual cost"), currency, lang),
              in_currency(_("Per contact"), currency, lang),
              in_currency(_("Saving vs in-house"), currency, lang), _("Saving share")]
    rows = []
    for r in frame.itertuples():
        option = scenario.option(r.id)
        served = [channel_name(c, lang) for c in option.outsourced_channels]
        kept = [channel_name(c, lang) for c in option.inhouse.channels] if option.inhouse else []
        rows.append([name_text(r.name, lang),
                     format_list(served, locale=locale(lang)) if served else DASH,
                     format_list(kept, locale=locale(lang)) if kept else DASH,
                     amount(r.total, lang), amount(r.per_contact, lang, 2),
                     amount(r.saving, lang), share(r.saving_share, lang)])
    return table(header, rows, numeric=range(3, 7), key=(5,))


def models_frame(scenario: options.Scenario) -> pd.DataFrame:
    """Shared, dedicated and hybrid per market: total at the low, middle and high price."""
    frame = options.options_with_saving(scenario, "model")
    wide = frame.pivot_table(index=["model", "market"], columns="level", values="total",
                             sort=False).reset_index()
    saving = frame[frame["level"] == "mid"].set_index(["model", "market"])["saving"]
    wide["saving_mid"] = [saving[(m, k)] for m, k in zip(wide["model"], wide["market"],
                                                          strict=True)]
    return wide


def models_table(scenario: options.Scenario, lang: str) -> Html:
    _ = translator(lang)
    currency = scenario.context.inputs.company.currency
    frame = models_frame(scenario)
    header = [_("Model"), _("Prices of"),
              in_currency(_("Annual cost, middle of range"), currency, lang),
              in_currency(_("Low to high"), currency, lang),
              in_currency(_("Saving vs in-house (middle)"), currency, lang)]
    rows = [[_(options.MODEL_NAMES[r.model]), _(MARKETS[r.market]), amount(r.mid, lang),
             fill(_("{low} to {high}"), lang, low=amount(r.low, lang), high=amount(r.high, lang)),
             amount(r.saving_mid, lang)]
            for r in frame.itertuples()]
    return table(header, rows, numeric=(2, 3, 4), key=(4,))


def models_sentence(scenario: options.Scenario, lang: str) -> Html:
    _ = translator(lang)
    frame = models_frame(scenario)
    best = frame.loc[frame["mid"].idxmin()]
    model, market = best["model"], best["market"]
    currency = scenario.context.inputs.company.currency
    return paragraph(fill(_(
        "Each model is priced at the published range of the market shown; your own quotes are "
        "compared above as vendor offers. On your workload the cheapest model is {model} at "
        "{market} prices: {cost} a year in the middle of the range."
    ), lang, model=_(options.MODEL_NAMES[model]), market=_(MARKETS[market]),
             cost=fmt_money(best["mid"], currency, lang)))


def direction_table(scenario: options.Scenario, lang: str) -> Html:
    _ = translator(lang)
    frame = options.direction_split(scenario)
    if not (frame["direction"] == "outbound").any():
        return paragraph(_("Your operation places no outbound calls, so all of it is inbound "
                           "service."))
    currency = scenario.context.inputs.company.currency
    names = {"inbound": _("Inbound service"), "outbound": _("Outbound service")}
    rows = [[names[r.direction], option_text(scenario.option(r.id), lang),
             fmt_number(r.annual_contacts, lang), amount(r.total, lang),
             amount(r.per_contact, lang, 2)]
            for r in frame.itertuples()]
    return table([_("Direction"), _("Option"), _("Contacts a year"),
                  in_currency(_("Annual cost"), currency, lang),
                  in_currency(_("Per contact"), currency, lang)], rows, numeric=(2, 3, 4))


def commission_frame(scenario: options.Scenario) -> pd.DataFrame:
    """Every commission quote in the vendors' offers: what it pays per success and per hour.

    `floor` (the least a vendor paid by commission alone should earn an hour) applies to full
    commission only; an hourly + commission quote already pays the hours.
    """
    inputs = scenario.context.inputs
    reference = scenario.context.reference
    rates = options.success_rates(inputs)
    rows = []
    for option in scenario.of_kind("vendor"):
        for q in option.quotes:
            if q.quote.model not in wf.COMMISSION_MODELS:
                continue
            commission = (q.volume.annual_contacts * (rates[q.volume.channel] or 0.0)
                          * q.quote.commission_per_success)
            rows.append({
                "vendor": q.quote.vendor, "channel": str(q.volume.channel),
                "model": str(q.quote.model), "per_success": q.quote.commission_per_success,
                "success_rate": rates[q.volume.channel] or 0.0,
                "commission_per_hour": commission / q.volume.agent_hours
                if q.volume.agent_hours else math.nan,
                "floor": costs.commission_floor_hourly(q.quote, inputs.company.usd_rate,
                                                       reference)
                if q.quote.model is PricingModel.COMMISSION else math.nan,
                "below": q.below_commission_premium,
            })
    return pd.DataFrame(rows, columns=["vendor", "channel", "model", "per_success",
                                       "success_rate", "commission_per_hour", "floor", "below"])


def commission_table(scenario: options.Scenario, lang: str) -> Html:
    _ = translator(lang)
    frame = commission_frame(scenario)
    if frame.empty:
        return paragraph(_("None of the quotes is paid by commission."))
    currency = scenario.context.inputs.company.currency
    header = [_("Vendor"), _("Channel"), _("Pricing model"),
              in_currency(_("Per success"), currency, lang), _("Success rate"),
              in_currency(_("Commission per agent hour"), currency, lang),
              in_currency(_("Least a full-commission vendor should earn an hour"), currency,
                          lang)]
    rows = [[name_text(r.vendor, lang), channel_name(r.channel, lang), model_name(r.model, lang),
             amount(r.per_success, lang, 2), share(r.success_rate, lang),
             amount(r.commission_per_hour, lang, 2),
             DASH if math.isnan(r.floor) else amount(r.floor, lang, 2)]
            for r in frame.itertuples()]
    return table(header, rows, numeric=range(3, 7))
