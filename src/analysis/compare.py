"""The whole comparison in one call: price every option, lay it out over the years, draw the
uncertain inputs, and recommend.

The stages live in their own modules and import one way: `costs` (what the in-house team, a quote
on a volume and retained management cost) <- `options` (the options, priced for a year) <-
`horizon` (month by month over the planning horizon from today's operation: present value, NPV,
payback) <- `uncertainty` (every option at 50,000 draws of the inputs: the chance each is the
cheapest, ranges, tornado, break-even ranges, value of information) <- `recommend` (verdict,
reasons, caveats). This module only composes them for the book's comparison and recommendation
chapters.
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis import reference as ref
from analysis.horizon import Horizon, evaluate_horizon
from analysis.model import Inputs
from analysis.options import Scenario, evaluate
from analysis.recommend import Recommendation, recommend
from analysis.reference import Reference
from analysis.uncertainty import BOOK_DRAWS, SEED, Uncertainty, analyse
from analysis.uncertainty.decision import MonteCarlo


@dataclass(frozen=True)
class Comparison:
    """Everything the book's comparison and recommendation chapters show."""

    scenario: Scenario
    uncertainty: Uncertainty
    recommendation: Recommendation
    horizon: Horizon

    @property
    def monte_carlo(self) -> MonteCarlo:
        """The steady-state year's saving of the best offer against the in-house team over the
        draws (the summary's range on that option)."""
        return self.uncertainty.monte_carlo


def compare(inputs: Inputs, reference: Reference | None = None, draws: int = BOOK_DRAWS,
            seed: int = SEED) -> Comparison:
    """Price every option, lay it out over the horizon, draw the uncertain inputs `draws` times
    (seeded) and recommend."""
    reference = reference or ref.load()
    scenario = evaluate(inputs, reference)
    years = evaluate_horizon(scenario)
    uncertainty = analyse(inputs, reference, draws, seed)
    return Comparison(
        scenario=scenario,
        uncertainty=uncertainty,
        recommendation=recommend(scenario, uncertainty, years),
        horizon=years,
    )
