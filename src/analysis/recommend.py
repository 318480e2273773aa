"""The recommendation: in-house or the cheapest vendor offer, with its reasons and caveats.

Only a vendor that quoted can be recommended: a benchmark (a published price range) says what a
quote could cost, never what to sign. Without any quote the verdict is `NO_QUOTE`, and its first
reason says what the benchmarks suggest.

Reasons and caveats are message ids with parameters; everything is data, the book formats and
translates. Message parameters follow one naming rule so the book can format them: names ending
in `_money` are amounts in the company's currency, `_share` fractions, `_count` counts, `_minutes`
and `_hours` durations; `option` is an option's name (a vendor's name or a message id), `vendor`
a vendor's name (data, never translated), `region` a region or market id, `regions` region ids
and `channel`/`channels` channel ids (comma-separated).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from analysis import reference as ref
from analysis.costs import commission_floor_hourly
from analysis.i18n import N_
from analysis.model import Channel, PricingModel
from analysis.options import OptionCost, Scenario, like_for_like, saving_of
from analysis.uncertainty import BreakEven, MonteCarlo

LOCAL_REGION = "africa_middle_east"
"""The one region of the location guide where Arabic-speaking agents are the norm."""
COMPLEX_AHT_SECONDS = 600
"""Live contacts averaging 10 minutes or more are read as complex (the workbook has no
complexity field; seed 001 says technical or complex calls are better kept in-house)."""

REFERENCE_GAP_SHARE = 0.05
"""The same channels at the middle of the vendor's own regional ranges cheaper than its offer by
more than this share of the in-house cost are worth a caveat: below it the gap is within what a
negotiation moves."""


@dataclass(frozen=True)
class Message:
    """A sentence for the book: an English message id and its parameters (see module doc)."""

    id: str
    params: tuple[tuple[str, object], ...] = ()


OUTSOURCE = "outsource"
IN_HOUSE = "in_house"
TOO_CLOSE = "too_close"
NO_QUOTE = "no_quote"
"""No vendor has quoted: nothing to recommend signing; the team stays as it is for now."""


@dataclass(frozen=True)
class Recommendation:
    """The verdict, the option it points to and why.

    `annual_saving` is what the cheapest outsourced option saves against in-house (negative when
    in-house is cheaper); `saving_share` is that as a share of the in-house cost. The verdict is
    "too_close" when the Monte Carlo P10-P90 range of the saving includes zero; `option_id` is
    then still the cheaper option today. Without any quote the verdict is "no_quote",
    `option_id` is the in-house team and the saving is the cheapest benchmark's
    (`best_outsourced_id`): what quotes might bring, not an offer.
    """

    verdict: str
    option_id: str
    option_name: str
    best_outsourced_id: str
    annual_saving: float
    saving_share: float
    reasons: tuple[Message, ...]
    caveats: tuple[Message, ...]


def recommend(scenario: Scenario, uncertainty: MonteCarlo,
              breakeven: BreakEven | None) -> Recommendation:
    """Choose between in-house and the cheapest outsourced option, and say why."""
    inhouse, best = scenario.inhouse, scenario.best_outsourced
    saving = saving_of(best, inhouse)
    share = saving / inhouse.total if inhouse.total else np.nan
    if best.is_benchmark:
        reasons = [_benchmark_reason(best, saving, share),
                   *_operation_reasons(scenario, best)]
        return Recommendation(NO_QUOTE, inhouse.id, inhouse.name, best.id, saving, share,
                              tuple(reasons), ())
    chosen = best if saving > 0 else inhouse
    too_close = uncertainty.p10 <= 0 <= uncertainty.p90
    verdict = TOO_CLOSE if too_close else (OUTSOURCE if saving > 0 else IN_HOUSE)
    reasons = [_cost_reason(best, saving, share)]
    if too_close:
        reasons.append(Message(
            N_("Too close to call: in 80% of the simulated cases the saving lies between "
               "{p10_money} and {p90_money}, a range that includes zero."),
            (("p10_money", uncertainty.p10), ("p90_money", uncertainty.p90)),
        ))
    reasons += _operation_reasons(scenario, best)
    if breakeven is not None:
        reasons.append(Message(
            N_("At about {contacts_count} contacts a month ({scale_share} of today's volume) "
               "{option} and the in-house team cost the same."),
            (("contacts_count", breakeven.monthly_contacts), ("scale_share", breakeven.scale),
             ("option", best.name)),
        ))
    caveats = _caveats(scenario, best) if chosen is best else ()
    return Recommendation(verdict, chosen.id, chosen.name, best.id, saving, share,
                          tuple(reasons), tuple(caveats))


def _cost_reason(best: OptionCost, saving: float, share: float) -> Message:
    if saving > 0:
        return Message(
            N_("{option} costs {saving_money} a year less than the in-house team "
               "({saving_share} of its cost)."),
            (("option", best.name), ("saving_money", saving), ("saving_share", share)),
        )
    return Message(
        N_("The cheapest outsourced option, {option}, costs {extra_money} a year more than the "
           "in-house team ({extra_share} of its cost)."),
        (("option", best.name), ("extra_money", -saving), ("extra_share", -share)),
    )


def _benchmark_reason(best: OptionCost, saving: float, share: float) -> Message:
    """What the published ranges suggest when no vendor has quoted."""
    if saving > 0:
        return Message(
            N_("No vendor has quoted, so there is no offer to recommend. In the middle of the "
               "published price ranges, {option} would cost {saving_money} a year less than the "
               "in-house team ({saving_share} of its cost): ask vendors of that kind for "
               "quotes."),
            (("option", best.name), ("saving_money", saving), ("saving_share", share)),
        )
    return Message(
        N_("No vendor has quoted, so there is no offer to recommend. Even in the middle of the "
           "published price ranges, the cheapest outsourced model, {option}, would cost "
           "{extra_money} a year more than the in-house team ({extra_share} of its cost)."),
        (("option", best.name), ("extra_money", -saving), ("extra_share", -share)),
    )


def _operation_reasons(scenario: Scenario, best: OptionCost) -> list[Message]:
    """What about the operation itself argues one way or the other."""
    inputs = scenario.context.inputs
    staffing = scenario.context.staffing
    reasons = []
    inhouse = scenario.inhouse.inhouse
    if staffing.premium_share > 0 and inhouse is not None:
        reasons.append(Message(
            N_("{premium_share} of the in-seat hours fall at night or at weekends: in-house they "
               "need night shifts paid a premium ({premium_money} a year), while vendors that "
               "run around the clock already staff them."),
            (("premium_share", staffing.premium_share), ("premium_money", inhouse.shift_premium)),
        ))
    for demand in inputs.demand:
        if demand.channel.is_queued and demand.aht_seconds >= COMPLEX_AHT_SECONDS:
            reasons.append(Message(
                N_("{channel} contacts take {aht_minutes} minutes on average: long contacts "
                   "suggest technical or complex questions, which are better answered by an "
                   "in-house team that knows the product."),
                (("channel", str(demand.channel)), ("aht_minutes", demand.aht_seconds / 60)),
            ))
    if best.inhouse is not None and best.quotes:
        reasons.append(Message(
            N_("{channels} stay in-house: {option} has no price for them."),
            (("channels", ",".join(best.inhouse.channels)), ("option", best.name)),
        ))
    if Channel.EMAIL in best.outsourced_channels:
        reasons.append(Message(
            N_("Email is usually safe to outsource: customers expect an answer within "
               "{response_hours} hours, which leaves agents time to study the question."),
            (("response_hours",
              scenario.context.reference.guide(ref.EMAIL_RESPONSE_HOURS).low),),
        ))
    return reasons


def _cheaper_reference(scenario: Scenario, best: OptionCost) -> list[Message]:
    """The chosen vendor's prices well above the published range of its own region (like with
    like, `options.like_for_like`) mean its quote may be dear."""
    if best.kind != "vendor":
        return []
    published = like_for_like(best, scenario.context)
    gap = best.total - published.total
    if gap <= REFERENCE_GAP_SHARE * scenario.inhouse.total:
        return []
    regions = ",".join(best.regions)
    return [Message(
        N_("In the middle of the published price ranges of its own regions ({regions}), the "
           "work {vendor} quoted for would cost {gap_money} a year less: ask it, or other "
           "vendors there, for a better price before you sign."),
        (("regions", regions), ("gap_money", gap), ("vendor", best.name)),
    )]


def _caveats(scenario: Scenario, best: OptionCost) -> list[Message]:
    """What to check before signing with the chosen vendor."""
    inputs = scenario.context.inputs
    reference = scenario.context.reference
    caveats = []
    for q in best.commission_caveats:
        floor = commission_floor_hourly(q.quote, inputs.company.usd_rate, reference)
        caveats.append(Message(
            N_("{option}'s commission on {channel} earns it about {implied_money} an hour, below "
               "the {floor_money} an hour that the usual rate in {region} plus 10% would give: "
               "expect it to ask for more or to lose interest."),
            (("option", q.quote.vendor), ("channel", str(q.volume.channel)),
             ("implied_money", q.implied_hourly), ("floor_money", floor),
             ("region", q.quote.region)),
        ))
    monthly = {d.channel: d.monthly_contacts for d in inputs.demand}
    limit = reference.guide(ref.SHARED_MAX_MONTHLY).high
    shared = dict.fromkeys(q.volume.channel for q in best.quotes
                           if q.quote.model is PricingModel.SHARED_PER_MINUTE)
    for channel in shared:
        if monthly[channel] > limit:
            caveats.append(Message(
                N_("The shared model suits up to about {max_count} interactions a month; "
                   "{channel} has {contacts_count}: a dedicated team may serve it better."),
                (("max_count", limit), ("channel", str(channel)),
                 ("contacts_count", monthly[channel])),
            ))
    for region in best.regions:
        if region != LOCAL_REGION:
            caveats.append(Message(
                N_("Agents working from {region} may not speak your customers' language or "
                   "share their culture (for Arabic-speaking customers, few centres outside the "
                   "Middle East and Africa do): check with test calls before signing."),
                (("region", region),),
            ))
    caveats += _cheaper_reference(scenario, best)
    caveats.append(Message(N_(
        "Ask the vendor how it protects your customers' data and for its yearly security "
        "audits.")))
    caveats.append(Message(N_(
        "Agree in the contract how to end it at the least cost, and keep a plan and enough "
        "staff to bring the service back in-house (an exit plan).")))
    return caveats
