"""The recommendation: in-house or the cheapest outsourced option, with its reasons and caveats.

Reasons and caveats are message ids with parameters; everything is data, the book formats and
translates. Message parameters follow one naming rule so the book can format them: names ending
in `_money` are amounts in the company's currency, `_share` fractions, `_count` counts, `_minutes`
and `_hours` durations; `option` is an option's name (a vendor's name or a message id), `region`
a region or market id, `channel`/`channels` channel ids (comma-separated), `language` a
language code of `workbook.format.LANGUAGE_CHOICES`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from analysis import reference as ref
from analysis.costs import commission_floor_hourly
from analysis.i18n import N_
from analysis.model import Channel, PricingModel
from analysis.options import OptionCost, Scenario, saving_of, spec_of
from analysis.uncertainty import BreakEven, MonteCarlo
from analysis.workbook import format as wf

LANGUAGE_REGIONS = {
    "ar": frozenset({"africa_middle_east"}),
    "en": frozenset({"usa_canada", "western_europe", "eastern_europe", "australia",
                     "africa_middle_east", "latin_america", "asia_philippines", "india",
                     "pakistan"}),
    "ro": frozenset({"eastern_europe"}),
    "fr": frozenset({"western_europe", "africa_middle_east", "usa_canada"}),
    "es": frozenset({"latin_america", "western_europe", "usa_canada"}),
    "de": frozenset({"western_europe", "eastern_europe"}),
}
"""Regions of the location guide whose call centres commonly serve customers in each language
(Company B13). An assumption, stated so it can be argued with: seed 000 warns that a team
"anywhere in the world" brings language and cultural barriers, and names no languages; English
is the working language of the offshore centres of every region; Arabic is served in North
Africa and the Middle East; Romanian in Romania and Moldova; French in France, North and West
Africa and Quebec; Spanish in Latin America, Spain and the United States; German in Germany,
Austria and the nearshore centres of Central Europe. A language not listed ("other") and a
language not stated get a caveat for every region."""

FOR_OUTSOURCING = "outsource"
FOR_IN_HOUSE = "in_house"
"""Which way a reason leans (`Message.leans`); "" for a fact that argues neither way."""

REFERENCE_GAP_SHARE = 0.05
"""A published-range model cheaper than the chosen quote by more than this share of the in-house
cost is worth a caveat: below it the gap is within what a negotiation moves."""


@dataclass(frozen=True)
class Message:
    """A sentence for the book: an English message id and its parameters (see module doc).

    `leans` says which way a reason argues: `FOR_OUTSOURCING`, `FOR_IN_HOUSE`, or "" for a
    fact either way (the book lists reasons against its verdict under their own heading)."""

    id: str
    params: tuple[tuple[str, object], ...] = ()
    leans: str = ""


OUTSOURCE = "outsource"
IN_HOUSE = "in_house"
TOO_CLOSE = "too_close"


@dataclass(frozen=True)
class Recommendation:
    """The verdict, the option it points to and why.

    `annual_saving` is what the cheapest outsourced option saves against in-house (negative when
    in-house is cheaper); `saving_share` is that as a share of the in-house cost. The verdict is
    "too_close" when the Monte Carlo P10-P90 range of the saving includes zero; `option_id` is
    then still the cheaper option today.
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
            FOR_OUTSOURCING,
        )
    return Message(
        N_("The cheapest outsourced option, {option}, costs {extra_money} a year more than the "
           "in-house team ({extra_share} of its cost)."),
        (("option", best.name), ("extra_money", -saving), ("extra_share", -share)),
        FOR_IN_HOUSE,
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
            FOR_OUTSOURCING,
        ))
    if inputs.company.complexity == wf.COMPLEXITY_COMPLEX:
        reasons.append(Message(
            N_("Your workbook describes your contacts as complex or technical (Company B14): "
               "such questions are better answered by an in-house team that knows the product."),
            leans=FOR_IN_HOUSE,
        ))
    elif inputs.company.complexity == wf.COMPLEXITY_ROUTINE:
        reasons.append(Message(
            N_("Your workbook describes your contacts as routine (Company B14): orders, "
               "deliveries and account questions are the work outsourced teams do well."),
            leans=FOR_OUTSOURCING,
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
            FOR_OUTSOURCING,
        ))
    return reasons


def _cheaper_reference(scenario: Scenario, best: OptionCost) -> list[Message]:
    """A published price well below the best quote means the quotes in hand may be dear."""
    if best.kind != "vendor":
        return []
    mids = [o for o in scenario.of_kind("model") if o.id.endswith(":mid")]
    cheapest = min(mids, key=lambda o: o.total)
    gap = best.total - cheapest.total
    if gap <= REFERENCE_GAP_SHARE * scenario.inhouse.total:
        return []
    market = spec_of(cheapest).keys[1]
    return [Message(
        N_("In the middle of the published price ranges, {option} at {region} prices would cost "
           "{gap_money} a year less than {vendor}: ask vendors of that kind for a quote before "
           "you sign."),
        (("option", cheapest.name), ("region", market), ("gap_money", gap),
         ("vendor", best.name)),
    )]


def _language_caveats(language: str | None, regions: object) -> list[Message]:
    """Regions whose agents may not speak the customers' language (`LANGUAGE_REGIONS`)."""
    caveats = []
    for region in regions:  # type: ignore[attr-defined]
        if language is None:
            caveats.append(Message(
                N_("Your workbook does not say which language your customers speak (Company "
                   "B13): check with test calls that the agents in {region} speak it and share "
                   "your customers' culture before signing."),
                (("region", region),),
            ))
        elif language not in LANGUAGE_REGIONS:
            caveats.append(Message(
                N_("Check with test calls that the agents in {region} speak your customers' "
                   "language and share their culture before signing."),
                (("region", region),),
            ))
        elif region not in LANGUAGE_REGIONS[language]:
            caveats.append(Message(
                N_("Your customers speak {language} (Company B13), which few call centres in "
                   "{region} do: check with test calls that the agents speak it and share your "
                   "customers' culture before signing."),
                (("language", language), ("region", region)),
            ))
    return caveats


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
    caveats += _language_caveats(inputs.company.customer_language, best.regions)
    caveats += _cheaper_reference(scenario, best)
    caveats.append(Message(N_(
        "Ask the vendor how it protects your customers' data and for its yearly security "
        "audits.")))
    caveats.append(Message(N_(
        "Agree in the contract how to end it at the least cost, and keep a plan and enough "
        "staff to bring the service back in-house (an exit plan).")))
    return caveats
