"""A property every cost must keep: raising any cost input never makes that option cheaper.

Hypothesis draws a small company (phone and email, Erlang C staffing), an in-house cost sheet and
one vendor quote under any pricing model, billing basis and contract terms, then raises each cost
input in turn and prices the in-house team and the vendor's offer again. A price, a fee, a
surcharge, a bonus, a salary, on-cost, training time, attrition or time on site can only add to
the bill. (Checked to fail when a surcharge, a bonus, an exit fee or a cost line is subtracted.)

Shrinkages are quantities, not prices: raising one makes a vendor bill more hours or agents, but
with service credits its lower staffing also earns a smaller bonus; for those two inputs the
quote has no service terms, so the property is about what the company pays for the same service.
"""

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import options, reference
from analysis.model import (
    Assumptions,
    BillingBasis,
    Channel,
    ChannelDemand,
    Company,
    Hours,
    InHouseCosts,
    Inputs,
    LicenceBasis,
    PricingModel,
    RetainedManagement,
    VendorQuote,
)

HOURS = Hours(5, 8, 18)
INHOUSE_INPUTS = (
    "annual_salary", "employer_oncost", "night_weekend_premium", "team_lead_salary",
    "recruitment_per_hire", "attrition", "training_per_hire", "equipment_per_seat",
    "software_per_seat_month", "rent_per_seat_month", "overhead_per_seat_year",
    "operations_manager_salary", "quality_analyst_salary", "planner_salary", "training_weeks",
    "onsite_shrinkage", "shrinkage",
)
QUOTE_INPUTS = (
    "rate", "commission_per_success", "min_monthly", "setup_fee", "exit_fee",
    "night_weekend_surcharge", "bonus_per_point", "vendor_shrinkage",
)
RETAINED_INPUTS = ("manager_salary", "qa_per_month")
QUANTITIES = {"shrinkage", "vendor_shrinkage"}
CAPPED = {"employer_oncost": 1.0, "attrition": 3.0, "onsite_shrinkage": 0.9, "shrinkage": 0.9,
          "vendor_shrinkage": 0.9, "night_weekend_premium": 2.0,
          "night_weekend_surcharge": 2.0, "bonus_per_point": 1.0}

money = st.floats(min_value=1, max_value=200_000, allow_nan=False)
share = st.floats(min_value=0.01, max_value=0.6, allow_nan=False)
"""Amounts and shares above zero, so that raising one always changes something."""


@st.composite
def companies(draw):
    """A company with a phone line and an email queue, and one vendor's quote."""
    hours = st.sampled_from([HOURS, Hours(7, 0, 24), Hours(6, 7, 23)])
    phone = ChannelDemand(Channel.INBOUND_PHONE, draw(st.floats(200, 6000)),
                          draw(st.floats(120, 600)), 20, draw(st.floats(0.6, 0.9)), draw(hours),
                          acw_share=draw(st.floats(0, 0.4)))
    email = ChannelDemand(Channel.EMAIL, draw(st.floats(100, 3000)), draw(st.floats(120, 900)),
                          8 * 3600, None, draw(hours))
    shrinkage = draw(st.floats(0.1, 0.5))
    costs = InHouseCosts(
        annual_salary=draw(st.floats(10_000, 80_000)), employer_oncost=draw(share),
        night_weekend_premium=draw(share), agents_per_team_lead=draw(st.floats(5, 20)),
        team_lead_salary=draw(st.floats(10_000, 100_000)), recruitment_per_hire=draw(money),
        attrition=draw(share), training_per_hire=draw(money),
        equipment_per_seat=draw(money), equipment_years=3,
        software_per_seat_month=draw(st.floats(0, 500)),
        rent_per_seat_month=draw(st.floats(0, 2000)), overhead_per_seat_year=draw(money),
        paid_hours_per_fte_year=2080, shrinkage=shrinkage, max_occupancy=0.85,
        operations_manager_salary=draw(st.none() | money),
        quality_analyst_salary=draw(st.none() | money), planner_salary=draw(st.none() | money),
        training_weeks=draw(st.floats(0.5, 8)),
        software_licences=draw(st.sampled_from(list(LicenceBasis))),
        onsite_shrinkage=draw(st.floats(0, shrinkage)),
    )
    model = draw(st.sampled_from(list(PricingModel)))
    channel = Channel.INBOUND_PHONE if draw(st.booleans()) else Channel.EMAIL
    bases = [b for b in model.bases if channel.is_live or b is not BillingBasis.TALK]
    quote = VendorQuote(
        "V", "india", channel, model, draw(st.floats(0.1, 3000)), draw(st.floats(0, 50)),
        draw(st.just(0.0) | st.floats(0, 20_000)), draw(money), draw(money),
        billing_basis=draw(st.sampled_from(bases)) if bases else None,
        vendor_shrinkage=draw(st.none() | share),
        contract_hours_week=draw(st.floats(20, 48)),
        night_weekend_surcharge=draw(share),
        planned_service_level=draw(st.none() | st.floats(0.5, 1.0)),
        credit_per_point=draw(st.floats(0, 0.03)), bonus_per_point=draw(st.floats(0, 0.03)),
        credit_cap=draw(st.floats(0, 0.2)), resolution_rate=draw(st.floats(0.3, 1.0)),
    )
    return Inputs(
        company=Company("Monotone Co", "EUR", 1.0, HOURS, draw(st.integers(1, 5))),
        demand=(phone, replace(email, success_rate=draw(st.floats(0, 0.3)))),
        inhouse=costs, quotes=(quote,),
        retained=RetainedManagement(draw(st.floats(0, 2)), draw(money), draw(money)),
        assumptions=Assumptions(),
    )


def priced(inputs: Inputs) -> tuple[float, float]:
    """The in-house team's and the vendor's annual cost."""
    ctx = options.context(inputs, reference.load())
    return (options.build(options.Spec(options.INHOUSE_ID), ctx).total,
            options.build(options.Spec("vendor", ("V",)), ctx).total)


def raised(inputs: Inputs, name: str, factor: float) -> Inputs:
    """The inputs with one cost input raised: x `factor`, plus `factor` - 1 so that a zero
    rises too (a blank salary from its default, the team lead's); shares stay in bounds."""
    def up(value: float | None, fallback: float = 0.0) -> float:
        higher = (fallback if value is None else value) * factor + (factor - 1)
        return min(higher, CAPPED.get(name, higher))

    if name in INHOUSE_INPUTS:
        costs = inputs.inhouse
        fallback = costs.team_lead_salary * (1.5 if name.startswith("operations") else 1.0)
        return replace(inputs, inhouse=replace(costs, **{name: up(getattr(costs, name),
                                                                  fallback)}))
    if name in RETAINED_INPUTS:
        return replace(inputs, retained=replace(inputs.retained,
                                                **{name: up(getattr(inputs.retained, name))}))
    (quote,) = inputs.quotes
    fallback = inputs.inhouse.shrinkage if name == "vendor_shrinkage" else 0.0
    return replace(inputs, quotes=(replace(quote, **{name: up(getattr(quote, name), fallback)}),))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(companies(), st.floats(1.1, 3.0))
def test_raising_a_cost_never_makes_an_option_cheaper(inputs, factor):
    for name in INHOUSE_INPUTS + QUOTE_INPUTS + RETAINED_INPUTS:
        base = inputs
        if name in QUANTITIES:
            (quote,) = inputs.quotes
            base = replace(inputs, quotes=(replace(quote, credit_per_point=0.0,
                                                   bonus_per_point=0.0),))
        inhouse, vendor = priced(base)
        inhouse_after, vendor_after = priced(raised(base, name, factor))
        tolerance = 1e-9 * max(1.0, inhouse, vendor)
        assert inhouse_after >= inhouse - tolerance, name
        assert vendor_after >= vendor - tolerance, name
