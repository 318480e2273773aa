"""The recommendation: in-house or the cheapest vendor offer, with its reasons and caveats.

Only a vendor that quoted can be recommended: a benchmark (a published price range) says what a
quote could cost, never what to sign. Without any quote the verdict is `NO_QUOTE`, and its first
reason says what the benchmarks suggest.

One basis: options are compared on the present value of their cost over the planning horizon,
changes of operation from today's included (`horizon`); a steady-state year's figures are given
beside it. With a one-year horizon, no change of operation to pay and no discounting, the present
value is the annual cost.

The rule: every uncertain input is drawn at once many times (`uncertainty`); the candidate (the
in-house team or a vendor's offer) that is the cheapest over the horizon in at least 80% of the
draws (`uncertainty.THRESHOLD`) is the recommendation, with that probability; when none is, the
verdict is too close to call.

Reasons and caveats are message ids with parameters; everything is data, the book formats and
translates. Message parameters follow one naming rule so the book can format them: names ending
in `_money` are amounts in the company's currency, `_share` fractions, `_count` counts, `_minutes`
and `_hours` durations; `option` is an option's name (a vendor's name or a message id), `vendor`
a vendor's name (data, never translated), `region` a region or market id, `regions` region ids,
`channel`/`channels` channel ids (comma-separated), `today` the name of today's operation (as
`option`), `language` a language code of `workbook.format.LANGUAGE_CHOICES`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from analysis import reference as ref
from analysis.costs import commission_floor_hourly
from analysis.horizon import Horizon, evaluate_horizon
from analysis.i18n import N_
from analysis.model import Channel, PricingModel
from analysis.options import OptionCost, Scenario, like_for_like, saving_of
from analysis.uncertainty.decision import BILLING_BASIS, THRESHOLD, Uncertainty
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
"""The same channels at the middle of the vendor's own regional ranges cheaper than its offer by
more than this share of the in-house cost are worth a caveat: below it the gap is within what a
negotiation moves."""


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
NO_QUOTE = "no_quote"
"""No vendor has quoted: nothing to recommend signing; the team stays as it is for now."""


@dataclass(frozen=True)
class Recommendation:
    """The verdict, the option it points to and why.

    Every candidate (the in-house team and each vendor's offer) is priced over the horizon at
    every draw of the uncertain inputs (`uncertainty`); `option_id` is the candidate cheapest in
    the most draws, `p_cheapest` that share of the `draws`. The verdict is "outsource" or
    "in_house" when that share is at least `threshold` (80%), "too_close" otherwise (the option
    is then still the one most often cheapest).

    `best_outsourced_id` is the outsourced option cheapest over the horizon with every input at
    its likeliest, and `pv_saving` the in-house present value less its own (positive:
    outsourcing costs less); `pv_range` is the P10 and P90 of that saving over the draws.
    `annual_saving` and `saving_share` are the steady-state year beside it: what that option
    saves a year against in-house (negative when in-house is cheaper) and that as a share of the
    in-house cost. `npv` and `payback_month` are the recommended option's against today's
    operation (`today_id`), as `horizon.OptionYears` defines them.

    Without any quote the verdict is "no_quote": `option_id` is the in-house team and the
    savings are the cheapest benchmark's (`best_outsourced_id`): what quotes might bring, not an
    offer to recommend.
    """

    verdict: str
    option_id: str
    option_name: str
    best_outsourced_id: str
    annual_saving: float
    saving_share: float
    reasons: tuple[Message, ...]
    caveats: tuple[Message, ...]
    horizon_years: int = 1
    today_id: str = "inhouse"
    pv_saving: float = 0.0
    pv_range: tuple[float, float] = (0.0, 0.0)
    npv: float = 0.0
    payback_month: int | None = None
    p_cheapest: float | None = None
    draws: int = 0
    threshold: float = THRESHOLD


def recommend(scenario: Scenario, uncertainty: Uncertainty,
              horizon: Horizon | None = None) -> Recommendation:
    """The verdict by the rule of the module docstring, with its reasons and caveats.

    `horizon` is `scenario` laid out over the years (`horizon.evaluate_horizon`), if at hand;
    `uncertainty` the analysis of the same inputs (`uncertainty.analyse`).
    """
    horizon = horizon or evaluate_horizon(scenario)
    inhouse, best_years = scenario.inhouse, horizon.best_outsourced
    best = best_years.option
    pv_saving = horizon.inhouse.present_value - best_years.present_value
    saving = saving_of(best, inhouse)
    share = saving / inhouse.total if inhouse.total else np.nan
    low, high = (float(np.percentile(uncertainty.pv_saving, q)) for q in (10, 90))
    common = {"horizon_years": horizon.years, "today_id": horizon.today_id,
              "pv_saving": pv_saving, "pv_range": (low, high), "draws": uncertainty.draws}
    if best.is_benchmark:
        reasons = [_benchmark_reason(best, saving, share), *_operation_reasons(scenario, best)]
        today = horizon.option(inhouse.id)
        return Recommendation(NO_QUOTE, inhouse.id, inhouse.name, best.id, saving, share,
                              tuple(reasons), (), npv=today.npv,
                              payback_month=today.payback_month,
                              p_cheapest=uncertainty.option(inhouse.id).p_cheapest, **common)
    top = uncertainty.most_often_cheapest
    chosen = scenario.option(top.id)
    decided = uncertainty.decided
    verdict = TOO_CLOSE if not decided else (OUTSOURCE if chosen.kind == "vendor" else IN_HOUSE)
    reasons = [_present_value_reason(best, pv_saving, horizon.years),
               _annual_reason(best, saving, share),
               _probability_reason(chosen, top.p_cheapest, uncertainty.draws, decided)]
    reasons += _horizon_reasons(horizon, chosen)
    reasons += _operation_reasons(scenario, best)
    reasons += _break_even_reason(scenario, uncertainty, best)
    caveats = ([*_billing_caveat(uncertainty, chosen), *_caveats(scenario, chosen)]
               if chosen.kind == "vendor" else [])
    picked = horizon.option(chosen.id)
    return Recommendation(verdict, chosen.id, chosen.name, best.id, saving, share,
                          tuple(reasons), tuple(caveats), npv=picked.npv,
                          payback_month=picked.payback_month, p_cheapest=top.p_cheapest,
                          **common)


def _probability_reason(chosen: OptionCost, probability: float, draws: int,
                        decided: bool) -> Message:
    """How often the chosen option is the cheapest, against the verdict's 80%."""
    params = (("option", chosen.name), ("option_share", probability),
              ("draws_count", draws), ("threshold_share", THRESHOLD))
    if decided:
        return Message(N_(
            "In {option_share} of {draws_count} simulated cases, every uncertain input drawn at "
            "once, {option} is the cheapest option over the horizon: at least the "
            "{threshold_share} a recommendation asks for."), params)
    return Message(N_(
        "Too close to call: no option is the cheapest over the horizon in at least "
        "{threshold_share} of {draws_count} simulated cases, every uncertain input drawn at "
        "once; the one most often cheapest, {option}, is so in {option_share} of them."),
        params)


def _break_even_reason(scenario: Scenario, uncertainty: Uncertainty,
                       best: OptionCost) -> list[Message]:
    """The contact volume, all channels together, at which the best offer and the in-house team
    cost the same over the horizon: the crossing nearest today's volume."""
    found = uncertainty.break_even_of("volume")
    if found is None or not found.changes:
        return []
    edges = [e for a, b in found.intervals for e in (a, b) if found.low < e < found.high]
    edge = min(edges, key=lambda e: abs(np.log(e / found.likely)))
    scale = edge / found.likely
    monthly = sum(d.monthly_contacts for d in scenario.context.inputs.demand) * scale
    return [Message(
        N_("At about {contacts_count} contacts a month ({scale_share} of today's volume) "
           "{option} and the in-house team cost the same over the horizon."),
        (("contacts_count", monthly), ("scale_share", scale), ("option", best.name)),
    )]


def _present_value_reason(best: OptionCost, pv_saving: float, years: int) -> Message:
    if pv_saving > 0:
        return Message(
            N_("Over the planning horizon of {horizon_years}, {option} costs "
               "{saving_money} less than the in-house team in present value, every change of "
               "operation included."),
            (("horizon_years", years), ("option", best.name), ("saving_money", pv_saving)),
            FOR_OUTSOURCING,
        )
    return Message(
        N_("Over the planning horizon of {horizon_years}, the cheapest outsourced "
           "option, {option}, costs {extra_money} more than the in-house team in present value, "
           "every change of operation included."),
        (("horizon_years", years), ("option", best.name), ("extra_money", -pv_saving)),
        FOR_IN_HOUSE,
    )


def _annual_reason(best: OptionCost, saving: float, share: float) -> Message:
    if saving > 0:
        return Message(
            N_("In a steady-state year, {option} costs {saving_money} less than the in-house "
               "team ({saving_share} of its cost)."),
            (("option", best.name), ("saving_money", saving), ("saving_share", share)),
            FOR_OUTSOURCING,
        )
    return Message(
        N_("In a steady-state year, {option} costs {extra_money} more than the in-house team "
           "({extra_share} of its cost)."),
        (("option", best.name), ("extra_money", -saving), ("extra_share", -share)),
        FOR_IN_HOUSE,
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


def _horizon_reasons(horizon: Horizon, chosen: OptionCost) -> list[Message]:
    """What moving from today's operation to the chosen one costs, and when it pays back; the
    planned exit when the chosen option would be left."""
    today, picked = horizon.today, horizon.option(chosen.id)
    transition = picked.one_off("transition")
    reasons = []
    if picked.id != today.id:
        common = (("option", chosen.name), ("today", today.option.name),
                  ("npv_money", picked.npv), ("transition_money", transition))
        if picked.payback_month is not None:
            reasons.append(Message(
                N_("Against today's operation ({today}), {option} has a net present value of "
                   "{npv_money}: changing costs {transition_money} once, and the cumulative "
                   "saving covers it in month {payback_count}."),
                (*common, ("payback_count", picked.payback_month)),
            ))
        else:
            reasons.append(Message(
                N_("Against today's operation ({today}), {option} has a net present value of "
                   "{npv_money}: changing costs {transition_money} once, and the saving does not "
                   "cover it within the horizon."),
                common,
            ))
    elif transition > 0:
        reasons.append(Message(
            N_("Bringing today's team to the size the service targets need costs "
               "{transition_money} in hiring, training or severance."),
            (("transition_money", transition),),
        ))
    if picked.exit_month is not None:
        reasons.append(Message(
            N_("Your exit plan brings the work back in-house at the end of year {year_count}: "
               "leaving {option} costs {exit_money} in exit fees, dual running, hiring and "
               "training."),
            (("year_count", (picked.exit_month - 1) // 12), ("option", chosen.name),
             ("exit_money", picked.one_off("exit"))),
        ))
    return reasons


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


def _billing_caveat(uncertainty: Uncertainty, chosen: OptionCost) -> list[Message]:
    """When the billing basis alone decides: billed on the basis least favourable to the
    company, the chosen offer would cost more than the in-house team over the horizon (its bar
    of the tornado crosses zero)."""
    if uncertainty.best_outsourced_id != chosen.id:
        return []
    bar = next((b for b in uncertainty.tornado if b.factor == BILLING_BASIS), None)
    ends = sorted((bar.saving_low, bar.saving_high)) if bar else (0.0, 0.0)
    if not ends[0] < 0 < ends[1]:
        return []
    return [Message(
        N_("Billed on the basis least favourable to you, {option} would cost {loss_money} more "
           "than the in-house team over the horizon: have the contract state which hours or "
           "minutes it bills (in seat, paid or productive hours; handled or talk minutes)."),
        (("option", chosen.name), ("loss_money", -ends[0])),
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
    caveats += _language_caveats(inputs.company.customer_language, best.regions)
    caveats += _cheaper_reference(scenario, best)
    caveats.append(Message(N_(
        "Ask the vendor how it protects your customers' data and for its yearly security "
        "audits.")))
    caveats.append(Message(N_(
        "Agree in the contract how to end it at the least cost, and keep a plan and enough "
        "staff to bring the service back in-house (an exit plan).")))
    return caveats
