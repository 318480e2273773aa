"""How sure the saving of one option is: one-at-a-time sensitivity (tornado), a seeded Monte
Carlo range, the break-even volume, and the verdict under each billing basis.

Each re-staffs and re-prices the in-house team and the option with some inputs moved (`vary`),
so queueing effects count; the factors and how far they move are `FACTORS`. Results are data
(frames and frozen records); the book draws and words them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from analysis.i18n import N_
from analysis.model import BillingBasis, Inputs, PricingModel, VendorQuote
from analysis.options import (
    INHOUSE_ID,
    OptionCost,
    Spec,
    build,
    context,
    saving_of,
    spec_of,
)
from analysis.reference import Reference
from analysis.staffing import ChannelStaffing
from analysis.workbook import format as wf

MONTE_CARLO_SEED = 20240601
MONTE_CARLO_DRAWS = 200


@dataclass(frozen=True)
class Factor:
    """One uncertain input and how far it is moved (a fraction, +/-).

    A `discrete` factor is a choice rather than a quantity: its low end (multiplier below 1) is
    the cheapest choice, its high end (above 1) the dearest; the Monte Carlo leaves it as given.
    """

    id: str
    label: str
    change: float
    discrete: bool = False


FACTORS = (
    Factor("contacts", N_("Contact volume"), 0.20),
    Factor("aht", N_("Average handling time"), 0.20),
    Factor("salary", N_("Salaries"), 0.10),
    Factor("vendor_rates", N_("Vendor rates"), 0.10),
    Factor("attrition", N_("Attrition"), 0.25),
    Factor("shrinkage", N_("Shrinkage"), 0.20),
    Factor("vendor_shrinkage", N_("Vendor shrinkage"), 0.20),
    Factor("billing_basis", N_("Billing basis"), 1.0, discrete=True),
)
"""Contacts and handling time +/-20% and salaries and vendor rates +/-10% as briefed; attrition
+/-25% and shrinkage, the company's and the vendor's, +/-20% of their value (e.g. 30% attrition
becomes 22.5% to 37.5%), the spread of those figures seen between call centres. The billing
basis runs from each quote's cheapest basis (productive hours, talk time) to its dearest (paid
hours, full handling time): a contract term to settle, not a random draw."""

BASES_CHEAPEST_FIRST = (BillingBasis.PRODUCTIVE, BillingBasis.TALK, BillingBasis.IN_SEAT,
                        BillingBasis.HANDLING, BillingBasis.PAID)
"""Within one pricing model, a basis earlier here never bills more: handling hours are at most
the in-seat hours, which are at most the paid ones; talk time is at most the handling time."""


def basis_at_end(model: PricingModel, dearest: bool) -> BillingBasis | None:
    """A model's cheapest or dearest billing basis; None for models billed without one."""
    if not model.bases:
        return None
    ordered = sorted(model.bases, key=BASES_CHEAPEST_FIRST.index)
    return ordered[-1] if dearest else ordered[0]


def _vendor_terms(quote: VendorQuote, company_shrinkage: float, m: dict[str, float]
                  ) -> VendorQuote:
    """A quote with its vendor shrinkage moved (the company's when it gives none, so the two
    shrinkages move apart) and, for the billing-basis factor, its cheapest or dearest basis."""
    own = company_shrinkage if quote.vendor_shrinkage is None else quote.vendor_shrinkage
    basis = quote.billing_basis
    if m["billing_basis"] != 1.0:
        basis = basis_at_end(quote.model, dearest=m["billing_basis"] > 1.0) or basis
    return replace(quote, vendor_shrinkage=min(SHRINKAGE_MAX, own * m["vendor_shrinkage"]),
                   billing_basis=basis)

_INHOUSE_BOUNDS = {f.key: f for f in wf.INHOUSE_FIELDS}
SHRINKAGE_MAX = _INHOUSE_BOUNDS["shrinkage"].maximum / 100
"""A moved shrinkage stays within the workbook's own bound (90%): all paid time lost is no team.
Attrition needs no bound (above 100% means more hires than seats a year), so it has none: a
factor is never clipped inside the workbook's bounds, and the base is the headline figure."""


def vary(inputs: Inputs, multipliers: dict[str, float]) -> tuple[Inputs, float]:
    """The inputs with each factor multiplied, and the multiplier for reference prices.

    Salaries move together (agents, team leads, operations managers, quality analysts,
    planners, the retained manager): one pay level. Vendor rates move every quoted price (rate,
    commission, minimum, set-up and exit fees) and the reference ranges: a vendor's price rises
    or falls as a whole.
    """
    m = {f.id: 1.0 for f in FACTORS} | multipliers
    demand = tuple(
        replace(d, monthly_contacts=d.monthly_contacts * m["contacts"],
                customers=None if d.customers is None else d.customers * m["contacts"],
                aht_seconds=d.aht_seconds * m["aht"])
        for d in inputs.demand
    )
    costs = inputs.inhouse
    def pay(salary: float | None) -> float | None:
        return None if salary is None else salary * m["salary"]

    costs = replace(
        costs, annual_salary=costs.annual_salary * m["salary"],
        team_lead_salary=costs.team_lead_salary * m["salary"],
        operations_manager_salary=pay(costs.operations_manager_salary),
        quality_analyst_salary=pay(costs.quality_analyst_salary),
        planner_salary=pay(costs.planner_salary),
        attrition=costs.attrition * m["attrition"],
        shrinkage=min(SHRINKAGE_MAX, costs.shrinkage * m["shrinkage"]),
    )
    quotes = tuple(
        replace(_vendor_terms(q, inputs.inhouse.shrinkage, m), rate=q.rate * m["vendor_rates"],
                commission_per_success=q.commission_per_success * m["vendor_rates"],
                min_monthly=q.min_monthly * m["vendor_rates"],
                setup_fee=q.setup_fee * m["vendor_rates"], exit_fee=q.exit_fee * m["vendor_rates"])
        for q in inputs.quotes
    )
    retained = replace(inputs.retained,
                       manager_salary=inputs.retained.manager_salary * m["salary"])
    changed = replace(inputs, demand=demand, inhouse=costs, quotes=quotes, retained=retained)
    return changed, m["vendor_rates"]


def priced_pair(inputs: Inputs, option: Spec, reference: Reference,
                multipliers: dict[str, float],
                committed: tuple[ChannelStaffing, ...] = ()) -> tuple[OptionCost, OptionCost]:
    """The in-house team and one option, re-staffed and re-priced with some factors moved.

    `committed` is today's vendor staffing (`committed_staffing`), on which a benchmark's
    contract terms were set.
    """
    changed, rate_factor = vary(inputs, multipliers)
    ctx = context(changed, reference, rate_factor, committed)
    return build(Spec(INHOUSE_ID), ctx), build(option, ctx)


def committed_staffing(inputs: Inputs, reference: Reference) -> tuple[ChannelStaffing, ...]:
    """Today's vendor staffing: what a benchmark's minimum and set-up fee are set on."""
    return context(inputs, reference).vendor_channels


def tornado(inputs: Inputs, option: OptionCost, reference: Reference) -> pd.DataFrame:
    """Each factor moved down then up alone: in-house cost, option cost and saving at each end,
    and at the base (every factor as in the workbook: the headline figures).

    Sorted by swing (the spread of the saving), widest first, as a tornado chart draws them.
    """
    spec = spec_of(option)
    committed = committed_staffing(inputs, reference)
    inhouse, priced = priced_pair(inputs, spec, reference, {}, committed)
    base = {"inhouse_base": inhouse.total, "option_base": priced.total,
            "saving_base": saving_of(priced, inhouse)}
    rows = []
    for factor in FACTORS:
        row = {"factor": factor.id, "label": factor.label, "change": factor.change,
               "discrete": factor.discrete, **base}
        for end, sign in (("low", -1), ("high", 1)):
            inhouse, priced = priced_pair(inputs, spec, reference,
                                          {factor.id: 1 + sign * factor.change}, committed)
            row |= {f"inhouse_{end}": inhouse.total, f"option_{end}": priced.total,
                    f"saving_{end}": saving_of(priced, inhouse)}
        row["swing"] = abs(row["saving_high"] - row["saving_low"])
        rows.append(row)
    return pd.DataFrame(rows).sort_values("swing", ascending=False, ignore_index=True)


@dataclass(frozen=True)
class MonteCarlo:
    """The saving of one option over many random draws of all factors at once."""

    option_id: str
    seed: int
    savings: tuple[float, ...]
    base_saving: float = float("nan")
    """The saving with every factor at its peak (today's value): the headline saving."""

    def percentile(self, q: float) -> float:
        return float(np.percentile(self.savings, q))

    @property
    def p10(self) -> float:
        return self.percentile(10)

    @property
    def p50(self) -> float:
        return self.percentile(50)

    @property
    def p90(self) -> float:
        return self.percentile(90)

    @property
    def share_saving(self) -> float:
        """The share of draws in which outsourcing costs less."""
        return float(np.mean(np.asarray(self.savings) > 0))


def monte_carlo(inputs: Inputs, option: OptionCost, reference: Reference,
                draws: int = MONTE_CARLO_DRAWS, seed: int = MONTE_CARLO_SEED) -> MonteCarlo:
    """Every factor drawn at once from a triangular law peaked at today's value, spanning its
    +/- change (discrete factors stay as given); a fixed seed makes the range the same on every
    run."""
    rng = np.random.default_rng(seed)
    spec = spec_of(option)
    committed = committed_staffing(inputs, reference)
    savings = []
    for _ in range(draws):
        multipliers = {f.id: float(rng.triangular(1 - f.change, 1.0, 1 + f.change))
                       for f in FACTORS if not f.discrete}
        inhouse, priced = priced_pair(inputs, spec, reference, multipliers, committed)
        savings.append(saving_of(priced, inhouse))
    inhouse, priced = priced_pair(inputs, spec, reference, {f.id: 1.0 for f in FACTORS},
                                  committed)
    return MonteCarlo(option.id, seed, tuple(savings), saving_of(priced, inhouse))


@dataclass(frozen=True)
class BreakEven:
    """The contact volume (all channels scaled together) at which the option and in-house cost
    the same."""

    option_id: str
    scale: float
    monthly_contacts: float


BREAK_EVEN_SCALES = tuple(float(s) for s in np.geomspace(0.1, 10, 25))


def break_even(inputs: Inputs, option: OptionCost, reference: Reference,
               steps: int = 12) -> BreakEven | None:
    """Scan volumes from a tenth to ten times today's, take the sign change of the saving nearest
    today's volume and narrow it by bisection. None when the saving keeps one sign throughout."""
    spec = spec_of(option)
    committed = committed_staffing(inputs, reference)

    def saving(scale: float) -> float:
        inhouse, priced = priced_pair(inputs, spec, reference, {"contacts": scale}, committed)
        return saving_of(priced, inhouse)

    scales = sorted({*BREAK_EVEN_SCALES, 1.0})
    values = [saving(s) for s in scales]
    brackets = [(a, b, va) for a, b, va, vb in zip(scales, scales[1:], values, values[1:],
                                                     strict=False) if (va > 0) != (vb > 0)]
    if not brackets:
        return None
    low, high, low_value = min(brackets, key=lambda br: abs(np.log((br[0] + br[1]) / 2)))
    for _ in range(steps):
        middle = (low + high) / 2
        value = saving(middle)
        if (value > 0) == (low_value > 0):
            low, low_value = middle, value
        else:
            high = middle
    scale = (low + high) / 2
    monthly = sum(d.monthly_contacts for d in inputs.demand) * scale
    return BreakEven(option.id, scale, monthly)


BASIS_SCENARIOS = (
    ("as_quoted", N_("As quoted"), None),
    ("in_seat", N_("Hourly prices on in-seat hours"), BillingBasis.IN_SEAT),
    ("paid", N_("Hourly prices on paid hours"), BillingBasis.PAID),
    ("productive", N_("Hourly prices on productive hours"), BillingBasis.PRODUCTIVE),
    ("handling", N_("Per-minute prices on full handling time"), BillingBasis.HANDLING),
    ("talk", N_("Per-minute prices on talk time"), BillingBasis.TALK),
)
"""The workbook's quotes as written, then every quote that can be billed on a basis moved to it
(`PricingModel.bases`); a basis no quote's model can take is left out."""


def billing_scenarios(inputs: Inputs, reference: Reference) -> pd.DataFrame:
    """How each offer and the verdict by cost change with the billing basis of the quotes.

    One row per scenario (`BASIS_SCENARIOS`) and option (the in-house team and each vendor's
    offer): `scenario`, `label`, `id`, `name`, `total`, `saving` (against in-house), `best`
    (the cheapest offer of the scenario). The staffing is the same in every scenario: only the
    quotes' billing bases change, each vendor keeping its own shrinkage. Empty without quotes.
    """
    vendors = list(dict.fromkeys(q.vendor for q in inputs.quotes))
    if not vendors:
        return pd.DataFrame(columns=["scenario", "label", "id", "name", "total", "saving",
                                     "best"])
    today = context(inputs, reference)
    inhouse = build(Spec(INHOUSE_ID), today)
    rows = []
    for scenario, label, basis in BASIS_SCENARIOS:
        quotes = inputs.quotes
        if basis is not None:
            if not any(basis in q.model.bases for q in quotes):
                continue
            quotes = tuple(replace(q, billing_basis=basis) if basis in q.model.bases else q
                           for q in quotes)
        ctx = replace(today, inputs=replace(inputs, quotes=quotes))
        offers = [o for o in (build(Spec("vendor", (v,)), ctx) for v in vendors) if o.quotes]
        if not offers:
            continue
        best = min(offers, key=lambda o: o.total)
        for option in (inhouse, *offers):
            rows.append({"scenario": scenario, "label": label, "id": option.id,
                         "name": option.name, "total": option.total,
                         "saving": saving_of(option, inhouse), "best": option is best})
    return pd.DataFrame(rows)
