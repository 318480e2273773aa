"""The whole comparison in one call: price every option, lay it out over the years, test the
outsourced option cheapest over the horizon and recommend.

The stages live in their own modules and import one way: `costs` (what the in-house team, a quote
on a volume and retained management cost) <- `options` (the options, priced for a year) <-
`horizon` (month by month over the planning horizon from today's operation: present value, NPV,
payback) <- `uncertainty` (tornado, Monte Carlo, break-even) <- `recommend` (verdict, reasons,
caveats). This module only composes them for the book's comparison and recommendation chapters.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis import reference as ref
from analysis.horizon import Horizon, evaluate_horizon
from analysis.model import Inputs
from analysis.options import Scenario, evaluate
from analysis.recommend import Recommendation, recommend
from analysis.reference import Reference
from analysis.uncertainty import (
    MONTE_CARLO_DRAWS,
    MONTE_CARLO_SEED,
    BreakEven,
    MonteCarlo,
    break_even,
    monte_carlo,
    tornado,
)


@dataclass(frozen=True)
class Comparison:
    """Everything the book's comparison and recommendation chapters show."""

    scenario: Scenario
    tornado: pd.DataFrame
    monte_carlo: MonteCarlo
    break_even: BreakEven | None
    recommendation: Recommendation
    horizon: Horizon


def compare(inputs: Inputs, reference: Reference | None = None,
            draws: int = MONTE_CARLO_DRAWS, seed: int = MONTE_CARLO_SEED) -> Comparison:
    """Price every option, lay it out over the horizon, test the outsourced option cheapest over
    the horizon and recommend."""
    reference = reference or ref.load()
    scenario = evaluate(inputs, reference)
    years = evaluate_horizon(scenario)
    best = years.best_outsourced.option
    uncertainty = monte_carlo(inputs, best, reference, draws, seed)
    breakeven = break_even(inputs, best, reference)
    return Comparison(
        scenario=scenario,
        tornado=tornado(inputs, best, reference),
        monte_carlo=uncertainty,
        break_even=breakeven,
        recommendation=recommend(scenario, uncertainty, breakeven, years),
        horizon=years,
    )
