"""How sure the verdict is: every uncertain input drawn at once, every option priced at every
draw, and what the decision needs from that.

Stage order: options <- horizon <- uncertainty <- recommend. The modules, in pipeline order:
`laws` (PERT and triangular quantile functions), `inputs` (each input's range and law, the
draws), `curves` (each channel's queue staffing as a function of its workload, worked out once),
`engine` (the whole cost model on arrays of draws), `scalar` (the same draws priced the ordinary
way, the engine's check), `decision` (P(cheapest), percentiles, tornado, break-even ranges, value
of information) and `billing` (the verdict under each billing basis, a contract term shown as
scenarios rather than drawn).
"""

from analysis.uncertainty.billing import (
    BASES_CHEAPEST_FIRST,
    BASIS_SCENARIOS,
    basis_at_end,
    billing_scenarios,
)
from analysis.uncertainty.decision import (
    BOOK_DRAWS,
    DRAWS,
    SEED,
    THRESHOLD,
    Uncertainty,
    analyse,
)

__all__ = [
    "BASES_CHEAPEST_FIRST",
    "BASIS_SCENARIOS",
    "BOOK_DRAWS",
    "DRAWS",
    "SEED",
    "THRESHOLD",
    "Uncertainty",
    "analyse",
    "basis_at_end",
    "billing_scenarios",
]
