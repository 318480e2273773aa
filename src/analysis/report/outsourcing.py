"""Chapter 05, outsourcing options: where each model fits, the quotes' contract terms and billing
bases, quotes against their own regions' published ranges, vendors, the verdict under each
billing basis, the benchmark models, direction and commission.
"""

from __future__ import annotations

import math

import altair as alt
import pandas as pd
from babel.lists import format_list

from analysis import costs, options, uncertainty
from analysis import reference as ref
from analysis.i18n import N_, currency_symbol, fmt_money, fmt_number, locale, translator
from analysis.model import Channel, Inputs, PricingModel, VendorQuote
from analysis.report.blocks import Figure, Html, Text, paragraph, table
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
    cited,
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
BASIS_NAMES = {c.value: c.label for c in wf.BASIS_CHOICES}
BILLED_UNITS = {
    "hour": N_("{quantity} hours"),
    "minute": N_("{quantity} minutes"),
    "agent_month": N_("{quantity} agent-months"),
    "contact": N_("{quantity} contacts"),
    "resolved_contact": N_("{quantity} resolved contacts"),
    "success": N_("{quantity} successes"),
}
"""How `QuoteCost.billed` reads in each unit (`costs.BILLED_UNITS`)."""
PER_MODEL = {
    PricingModel.MONTHLY_PER_AGENT: N_("per agent"),
    PricingModel.PER_TRANSACTION: N_("per handled contact"),
    PricingModel.PER_OUTCOME: N_("per resolved contact"),
    PricingModel.COMMISSION: N_("per success"),
}
"""What a model without a billing basis bills, for the basis column."""


def reference_range(quote: VendorQuote, reference: ref.Reference) -> tuple[str, ref.Range] | None:
    """The published range a quote is held against, like with like, and its unit ("minute" or
    "hour").

    Per-minute prices compare with the shared per-minute guide of the vendor's market (the
    USA/Canada line for vendors there, the international one elsewhere); hourly prices, and
    monthly prices per agent (a dedicated price aggregated, seed 001), with the vendor's own
    region (outbound calls: the region's outbound rate, where seed 001 gives one). Prices per
    contact, per outcome or by commission have no published range.
    """
    if quote.model is PricingModel.SHARED_PER_MINUTE:
        return "minute", reference.shared_of_region(quote.region)
    if quote.model in (PricingModel.DEDICATED_PER_HOUR, PricingModel.HOURLY_PLUS_COMMISSION,
                       PricingModel.MONTHLY_PER_AGENT):
        published = (reference.outbound_of_region(quote.region)
                     if quote.channel is Channel.OUTBOUND_PHONE else reference.region(quote.region))
        return "hour", published
    return None


def compared_price(priced: costs.QuoteCost, unit: str) -> float:
    """A quote's price in the published range's terms: per minute as quoted; per hour, what its
    time charge (commission aside) comes to per in-seat hour of your workload. The published
    hourly rates are logged-in hours, so a price on paid hours (more hours) is worth less an hour
    and one on productive hours (fewer) more; a monthly price counts its agents' shrinkage and
    whole agents."""
    if unit == "minute":
        return priced.quote.rate
    hours = priced.volume.agent_hours
    return priced.billed * priced.quote.rate / hours if hours else math.nan


def quote_positions(scenario: options.Scenario) -> pd.DataFrame:
    """Each quote's price against its own published range, both in the company's currency.

    `compared` is the price in the range's unit (`compared_price`); `low` and `high` the range.
    """
    ctx = scenario.context
    usd = ctx.inputs.company.usd_rate
    rows = []
    for q in options.priced_quotes(ctx.inputs, ctx.vendor_channels, ctx.reference):
        quote = q.quote
        found = reference_range(quote, ctx.reference)
        low = high = compared = math.nan
        unit, position = "", "none"
        if found is not None:
            unit, published = found
            low, high = published.low * usd, published.high * usd
            compared = compared_price(q, unit)
            position = ("below" if compared < low - 1e-9 else
                        "above" if compared > high + 1e-9 else "within")
        rows.append({"vendor": quote.vendor, "region": quote.region, "channel": str(quote.channel),
                     "model": str(quote.model), "rate": quote.rate, "unit": unit,
                     "compared": compared, "low": low, "high": high, "position": position})
    return pd.DataFrame(rows, columns=["vendor", "region", "channel", "model", "rate", "unit",
                                       "compared", "low", "high", "position"])


def quotes_table(frame: pd.DataFrame, currency: str, lang: str) -> Html:
    """Each quote against its region's published range: the vendor with its region (the range
    is that region's), channel, model, rate, the price compared, the range and the verdict, in
    seven columns so that the verdict stays in a desktop column in every language."""
    _ = translator(lang)
    header = [_("Vendor (region)"), _("Channel"), _("Pricing model"),
              in_currency(_("Rate"), currency, lang), in_currency(_("Compared as"), currency, lang),
              in_currency(_("Published range"), currency, lang), _("Your quote is")]
    units = {"minute": _("{price} a minute"), "hour": _("{price} an hour in seat")}
    rows = []
    for r in frame.itertuples():
        none = r.position == "none"
        published = DASH if none else fill(
            _("{low} to {high}"), lang, low=amount(r.low, lang, 2), high=amount(r.high, lang, 2))
        compared = DASH if none else fill(units[r.unit], lang, price=amount(r.compared, lang, 2))
        vendor = fill(_("{vendor} ({region})"), lang, vendor=name_text(r.vendor, lang),
                      region=region_name(r.region, lang))
        rows.append([vendor, channel_name(r.channel, lang), model_name(r.model, lang),
                     amount(r.rate, lang, 2), compared, published, _(POSITIONS[r.position])])
    return table(header, rows, numeric=(3, 4, 5), key=(6,))


def quotes_chart(frame: pd.DataFrame, currency: str, lang: str) -> Figure | None:
    """Each per-minute and hourly quote as a point over its published low-high band; one panel
    per unit, since a minute's price and an hour's price don't share a scale."""
    _ = translator(lang)
    symbol = currency_symbol(currency, lang)
    titles = {"minute": _("Price per minute ({currency})"),
              "hour": _("Price per agent hour in seat ({currency})")}
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
                x=alt.X("compared:Q"), y=y,
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
        "Grey bars are the published low-to-high range for the vendor's model and its own region, "
        "points are your quotes, an hourly or monthly price as what it comes to per agent hour "
        "in seat on your workload: {within} of the {count} comparable quotes fall within their "
        "range, {below} below and {above} above."
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
              in_currency(_("Saving vs in-house"), currency, lang), _("Saving share"),
              in_currency(_("Same work at its regions' mid prices"), currency, lang)]
    rows = []
    for r in frame.itertuples():
        option = scenario.option(r.id)
        served = [channel_name(c, lang) for c in option.outsourced_channels]
        kept = [channel_name(c, lang) for c in option.inhouse.channels] if option.inhouse else []
        like = options.like_for_like(option, scenario.context) if option.quotes else None
        rows.append([name_text(r.name, lang),
                     format_list(served, locale=locale(lang)) if served else DASH,
                     format_list(kept, locale=locale(lang)) if kept else DASH,
                     amount(r.total, lang), amount(r.saving, lang), share(r.saving_share, lang),
                     DASH if like is None else amount(like.total, lang)])
    return table(header, rows, numeric=range(3, 7), key=(4,))


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
        "These are benchmarks, not offers: each model is priced at the published range of the "
        "market shown, with typical contract terms (a set-up fee and a minimum commitment); your "
        "own quotes are compared above as vendor offers. On your workload the cheapest model is "
        "{model} at {market} prices: {cost} a year in the middle of the range."
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


def model_fit(inputs: Inputs, reference: ref.Reference, lang: str) -> Html:
    """Where each model fits according to the source documents, and which the volume fits.

    Seed 003: the shared model suits a relatively low volume of interactions (up to about 100 a
    month) or contact patterns that change with the seasons; the dedicated model suits high,
    predictable volume, around the clock or through the working day. Seed 001: shared services
    suit large swings in volume or low activity, dedicated ones complex work or large,
    predictable volume. The documents are cited by title (`words.cited`).
    """
    _ = translator(lang)
    monthly = sum(d.monthly_contacts for d in inputs.demand)
    shared_limit = reference.guide(ref.SHARED_MAX_MONTHLY)
    limit = shared_limit.high
    fits = (_("Your {contacts} interactions a month are far more than that: the dedicated model "
              "fits your volume, and the shared one only for overflow or a very seasonal "
              "channel.")
            if monthly > limit else
            _("Your {contacts} interactions a month are within that: the shared model fits your "
              "volume."))
    where = fill(_(
        "The source documents say where each model fits. According to “{models_source}”, the "
        "shared model suits a low volume, up to about {limit} interactions a month, or one that "
        "swings with the seasons; according to it and to “{prices_source}”, the dedicated model "
        "suits a high, predictable volume, around the clock or through the working day."
    ), lang, limit=fmt_number(limit, lang), models_source=cited(shared_limit.source),
        prices_source=cited(reference.dedicated(ref.INTERNATIONAL).source))
    yours = fill(fits, lang, contacts=fmt_number(monthly, lang))
    return paragraph(Text(f"{where} {yours}", f"{where.html} {yours.html}"))


def basis_text(priced: costs.QuoteCost, lang: str) -> str:
    """The billing basis in force, or what a model without one bills per."""
    _ = translator(lang)
    if priced.basis is not None:
        return _(BASIS_NAMES[priced.basis])
    return _(PER_MODEL[priced.quote.model])


def terms_text(priced: costs.QuoteCost, currency: str, lang: str) -> str:
    """The other terms that move the charge: surcharge, service level and credits, resolution."""
    _ = translator(lang)
    quote = priced.quote
    parts: list[Text] = []
    if quote.night_weekend_surcharge:
        parts.append(fill(_("{share} more at night and at weekends"), lang,
                          share=share(quote.night_weekend_surcharge, lang)))
    if priced.expected_service_level is not None and priced.target_service_level is not None:
        parts.append(fill(_("service level {expected}, target {target}"), lang,
                          expected=share(priced.expected_service_level, lang),
                          target=share(priced.target_service_level, lang)))
    if priced.service_adjustment:
        text = (_("bonus {amount}") if priced.service_adjustment > 0 else _("credit {amount}"))
        parts.append(fill(text, lang, amount=fmt_money(abs(priced.service_adjustment), currency,
                                                       lang)))
    if quote.model is PricingModel.PER_OUTCOME:
        parts.append(fill(_("{share} of contacts resolved"), lang,
                          share=share(quote.resolution_rate, lang)))
    if not parts:
        return DASH
    return Text("; ".join(parts), "; ".join(part.html for part in parts))


def quote_terms_table(scenario: options.Scenario, lang: str) -> Html:
    """Every quote with what it bills (its basis, the quantity a year), its other terms and its
    annual cost on your workload."""
    _ = translator(lang)
    ctx = scenario.context
    currency = ctx.inputs.company.currency
    priced = options.priced_quotes(ctx.inputs, ctx.vendor_channels, ctx.reference)
    if not priced:
        return paragraph(_("The workbook has no vendor quotes."))
    header = [_("Vendor"), _("Channel"), _("Pricing model"), _("Billed on"),
              _("Billed a year"), _("Other terms"), in_currency(_("Annual cost"), currency, lang)]
    rows = [[name_text(q.quote.vendor, lang), channel_name(q.volume.channel, lang),
             model_name(q.quote.model, lang), basis_text(q, lang),
             fill(_(BILLED_UNITS[q.unit]), lang, quantity=fmt_number(q.billed, lang)),
             terms_text(q, currency, lang), amount(q.total, lang)]
            for q in priced]
    return table(header, rows, numeric=(4, 6), key=(6,))


def billing_frame(scenario: options.Scenario) -> pd.DataFrame:
    """`uncertainty.billing_scenarios` for the scenario's inputs: the cheapest offer by basis."""
    ctx = scenario.context
    frame = uncertainty.billing_scenarios(ctx.inputs, ctx.reference)
    return frame[frame["best"]].reset_index(drop=True) if not frame.empty else frame


def billing_table(scenario: options.Scenario, lang: str) -> Html:
    """The cheapest offer and its saving when the quotes are billed as written, then on each
    basis in turn."""
    _ = translator(lang)
    frame = billing_frame(scenario)
    if frame.empty:
        return paragraph(_("The workbook has no vendor quotes to bill."))
    currency = scenario.context.inputs.company.currency
    rows = [[_(r.label), name_text(r.name, lang), amount(r.total, lang), amount(r.saving, lang),
             _("outsource") if r.saving > 0 else _("keep in-house")]
            for r in frame.itertuples()]
    return table([_("Quotes billed"), _("Cheapest offer"),
                  in_currency(_("Annual cost"), currency, lang),
                  in_currency(_("Saving vs in-house"), currency, lang), _("Cheaper choice")],
                 rows, numeric=(2, 3), key=(3, 4))


def billing_sentence(scenario: options.Scenario, lang: str) -> Html:
    """How far the verdict depends on the billing basis, in one or two sentences."""
    _ = translator(lang)
    frame = billing_frame(scenario)
    if frame.empty:
        return paragraph("")
    currency = scenario.context.inputs.company.currency
    low, high = frame.loc[frame["saving"].idxmin()], frame.loc[frame["saving"].idxmax()]
    span = fill(_("Depending on how the quotes are billed, the best offer saves from {low} a year "
                  "({low_case}) to {high} ({high_case})."), lang,
                low=fmt_money(low["saving"], currency, lang), low_case=_(low["label"]),
                high=fmt_money(high["saving"], currency, lang), high_case=_(high["label"]))
    cheaper = set(frame["saving"] > 0)
    names = list(dict.fromkeys(frame["name"]))
    if len(cheaper) > 1:
        then = fill(_("The billing basis changes the verdict: settle it in the contract before "
                      "you compare the quotes."), lang)
    elif len(names) > 1:
        then = fill(_("The billing basis changes which vendor is cheapest: settle it in the "
                      "contract before you compare the quotes."), lang)
    elif cheaper == {True}:
        then = fill(_("On every basis the choice is the same: {vendor}."), lang,
                    vendor=name_text(names[0], lang))
    else:
        then = fill(_("On every basis the in-house team stays cheaper."), lang)
    return paragraph(Text(f"{span} {then}", f"{span.html} {then.html}"))
