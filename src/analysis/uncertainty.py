"""How sure the saving of one option is: one-at-a-time sensitivity (tornado), a seeded Monte
Carlo range and the break-even volume.

Each re-staffs and re-prices the in-house team and the option with some inputs moved (`vary`),
so queueing effects count; the factors and how far they move are `FACTORS`. Results are data
(frames and frozen records); the book draws and words them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from analysis.i18n import N_
from analysis.model import Inputs
from analysis.options import INHOUSE_ID, OptionCost, Spec, build, context, saving_of, spec_of
from analysis.reference import Reference
from analysis.workbook import format as wf

MONTE_CARLO_SEED = 20240601
MONTE_CARLO_DRAWS = 200


@dataclass(frozen=True)
class Factor:
    """One uncertain input and how far it is moved (a fraction, +/-)."""

    id: str
    label: str
    change: float


FACTORS = (
    Factor("contacts", N_("Contact volume"), 0.20),
    Factor("aht", N_("Average handling time"), 0.20),
    Factor("salary", N_("Salaries"), 0.10),
    Factor("vendor_rates", N_("Vendor rates"), 0.10),
    Factor("attrition", N_("Attrition"), 0.25),
    Factor("shrinkage", N_("Shrinkage"), 0.20),
)
"""Contacts and handling time +/-20% and salaries and vendor rates +/-10% as briefed; attrition
+/-25% and shrinkage +/-20% of their value (e.g. 30% attrition becomes 22.5% to 37.5%), the
spread of those figures seen between call centres."""

_INHOUSE_BOUNDS = {f.key: f for f in wf.INHOUSE_FIELDS}
SHRINKAGE_MAX = _INHOUSE_BOUNDS["shrinkage"].maximum / 100
"""A moved shrinkage stays within the workbook's own bound (90%): all paid time lost is no team.
Attrition needs no bound (above 100% means more hires than seats a year), so it has none: a
factor is never clipped inside the workbook's bounds, and the base is the headline figure."""


def vary(inputs: Inputs, multipliers: dict[str, float]) -> tuple[Inputs, float]:
    """The inputs with each factor multiplied, and the multiplier for reference prices.

    Salaries move together (agents, team leads, the retained manager): one pay level.
    Vendor rates move every quoted price (rate, commission, minimum, set-up and exit fees) and
    the reference ranges: a vendor's price rises or falls as a whole.
    """
    m = {f.id: 1.0 for f in FACTORS} | multipliers
    demand = tuple(
        replace(d, monthly_contacts=d.monthly_contacts * m["contacts"],
                customers=None if d.customers is None else d.customers * m["contacts"],
                aht_seconds=d.aht_seconds * m["aht"])
        for d in inputs.demand
    )
    costs = inputs.inhouse
    costs = replace(
        costs, annual_salary=costs.annual_salary * m["salary"],
        team_lead_salary=costs.team_lead_salary * m["salary"],
        attrition=costs.attrition * m["attrition"],
        shrinkage=min(SHRINKAGE_MAX, costs.shrinkage * m["shrinkage"]),
    )
    quotes = tuple(
        replace(q, rate=q.rate * m["vendor_rates"],
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
                multipliers: dict[str, float]) -> tuple[OptionCost, OptionCost]:
    """The in-house team and one option, re-staffed and re-priced with some factors moved."""
    changed, rate_factor = vary(inputs, multipliers)
    ctx = context(changed, reference, rate_factor)
    return build(Spec(INHOUSE_ID), ctx), build(option, ctx)


def tornado(inputs: Inputs, option: OptionCost, reference: Reference) -> pd.DataFrame:
    """Each factor moved down then up alone: in-house cost, option cost and saving at each end,
    and at the base (every factor as in the workbook: the headline figures).

    Sorted by swing (the spread of the saving), widest first, as a tornado chart draws them.
    """
    spec = spec_of(option)
    inhouse, priced = priced_pair(inputs, spec, reference, {})
    base = {"inhouse_base": inhouse.total, "option_base": priced.total,
            "saving_base": saving_of(priced, inhouse)}
    rows = []
    for factor in FACTORS:
        row = {"factor": factor.id, "label": factor.label, "change": factor.change, **base}
        for end, sign in (("low", -1), ("high", 1)):
            inhouse, priced = priced_pair(inputs, spec, reference,
                                          {factor.id: 1 + sign * factor.change})
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
    +/- change; a fixed seed makes the range the same on every run."""
    rng = np.random.default_rng(seed)
    spec = spec_of(option)
    savings = []
    for _ in range(draws):
        multipliers = {f.id: float(rng.triangular(1 - f.change, 1.0, 1 + f.change))
                       for f in FACTORS}
        inhouse, priced = priced_pair(inputs, spec, reference, multipliers)
        savings.append(saving_of(priced, inhouse))
    inhouse, priced = priced_pair(inputs, spec, reference, {f.id: 1.0 for f in FACTORS})
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

    def saving(scale: float) -> float:
        inhouse, priced = priced_pair(inputs, spec, reference, {"contacts": scale})
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
