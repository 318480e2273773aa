"""What the decision needs from the uncertainty, on the verdict's basis: the present value of each
option's cost over the planning horizon, from today's operation.

`analyse` draws every uncertain input at once (`inputs`), prices every option at every draw
(`engine`) and returns:

- for each candidate (the in-house team and each vendor's offer; benchmarks are no offer and are
  left out), the probability that it is the cheapest, ties split evenly, the probabilities
  summing to 1, each with its binomial standard error sqrt(p (1 - p) / n);
- for every option, P10, P50 and P90 of its cost and of its saving against today's operation,
  each with its Monte Carlo standard error from the distribution-free order-statistic interval
  (the ranks n q ± 1.96 sqrt(n q (1 - q)) hold the true percentile with 95% probability; the
  error is the interval's half-width over 1.96);
- the tornado: each factor alone at the low and at the high end of its range, the others at
  their likeliest, and the saving over the horizon of the best vendor offer against the
  in-house team (the verdict's comparison), sorted by swing; with it the billing basis, every
  quote from its cheapest basis to its dearest (`BILLING_BASIS`: a contract term, not drawn);
- the break-even ranges: each factor scanned alone far beyond its range, and the values for
  which that offer stays cheaper than the in-house team, as intervals (the sign may change more
  than once, as it does when headcount rounds up step by step);
- the expected value of partial perfect information of each factor (EVPPI): how much knowing it
  exactly would cut the expected cost of choosing wrong, by the regression method of Strong,
  Oakley and Brennan ("Estimating multiparameter partial expected value of perfect information
  from a probabilistic sensitivity analysis sample: a nonparametric regression approach",
  Medical Decision Making 34(3), 2014): each candidate's cost less the first one's is regressed
  on the factor's uniform draw with a linear spline of `SPLINE_KNOTS` pieces (least squares),
  and EVPPI = mean over draws of the best fitted value - the best mean. The expected value of
  perfect information on everything (EVPI) bounds them all.

A draw's values are those of the inputs' laws (`inputs`); the seed fixes them, so the same
workbook gives the same figures on every run.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from analysis.model import Inputs
from analysis.options import INHOUSE_ID
from analysis.reference import Reference
from analysis.uncertainty import inputs as ui
from analysis.uncertainty.billing import at_basis_end
from analysis.uncertainty.engine import Engine, Evaluation
from analysis.workbook import format as wf
from analysis.workbook import ranges

SEED = 20240601
"""The random seed: the same workbook gives the same draws on every run."""
DRAWS = 100_000
"""Draws the `uncertainty` command makes by default (about two seconds for the whole analysis of
an example company)."""
BOOK_DRAWS = 50_000
"""Draws the book and `summary` make (`compare.compare`). P(cheapest)'s standard error is then at
most 0.23 points (sqrt(0.25 / 50,000)), 0.18 at the 80% threshold; from seed to seed (five seeds,
`bench/uncertainty.py`) the examples' P(cheapest) moved by at most 0.02 points and the P10 of a
present value by at most 0.3%, less than the rounding of the book's tables shows
(tests/test_uncertainty.py holds three seeds to 4 standard errors and 0.5%). The analysis takes
about a second, run by four chapters in three languages: twice the draws would cut those errors
by only 30%."""
THRESHOLD = 0.80
"""An option cheapest in at least this share of the draws is the recommendation; below it for
every candidate, the verdict is too close to call."""
Z95 = 1.959963984540054
SPLINE_KNOTS = 12
SCAN_POINTS = 241
"""Values a factor is scanned at for its break-even ranges, evenly in the logarithm of a
multiplier from `SCAN_LOW` to `SCAN_HIGH` x its likeliest value (additive for rates)."""
SCAN_LOW, SCAN_HIGH = 0.25, 4.0
RATE_SPAN = 0.25
"""A yearly rate (growth, pay rise, escalation, exchange-rate change) is scanned ± this many
points around its likeliest value."""
TIE = 1e-9
BILLING_BASIS = "billing_basis"
"""The tornado's bar for the quotes' billing basis (no range: the cheapest and dearest basis)."""


@dataclass(frozen=True)
class Spread:
    """P10, P50 and P90 of a quantity over the draws, each with its Monte Carlo standard
    error (module docstring)."""

    p10: float
    p50: float
    p90: float
    p10_se: float
    p50_se: float
    p90_se: float

    def as_dict(self) -> dict[str, float]:
        return {"p10": self.p10, "p10_se": self.p10_se, "p50": self.p50,
                "p50_se": self.p50_se, "p90": self.p90, "p90_se": self.p90_se}


@dataclass(frozen=True)
class OptionRisk:
    """One option over the draws: `cost` its present value, `saving` today's operation's less
    its own; `p_cheapest` (with `p_cheapest_se`) for candidates, None for benchmarks; `base`
    its present value with every input at its likeliest."""

    id: str
    kind: str
    candidate: bool
    cost: Spread
    saving: Spread
    base: float
    mean: float
    p_cheapest: float | None
    p_cheapest_se: float | None


@dataclass(frozen=True)
class TornadoBar:
    """One factor alone at each end of its range: the values of its first member, and the
    verdict's saving (in-house present value less the best offer's) at each end."""

    factor: str
    low: float
    high: float
    likely: float
    saving_low: float
    saving_high: float

    @property
    def swing(self) -> float:
        return abs(self.saving_high - self.saving_low)


@dataclass(frozen=True)
class BreakEven:
    """One factor scanned alone: `intervals` of its first member's value in which the best offer
    costs less than the in-house team over the horizon, within the scanned `low` to `high`;
    `likely` its value today. Empty intervals: the in-house team is cheaper throughout."""

    factor: str
    low: float
    high: float
    likely: float
    intervals: tuple[tuple[float, float], ...]

    @property
    def changes(self) -> int:
        """How often the cheaper of the two changes within the scan."""
        inner = [edge for a, b in self.intervals for edge in (a, b)
                 if self.low < edge < self.high]
        return len(inner)


@dataclass(frozen=True)
class Uncertainty:
    """The uncertainty analysis of one workbook (`analyse`)."""

    draws: int
    seed: int
    inputs: tuple[ui.Uncertain, ...]
    factors: tuple[ui.Factor, ...]
    options: tuple[OptionRisk, ...]
    today_id: str
    best_outsourced_id: str
    """The vendor offer cheapest over the horizon with every input at its likeliest (without any
    quote, the cheapest benchmark): the verdict's comparison with the in-house team."""
    tornado: tuple[TornadoBar, ...]
    break_even: tuple[BreakEven, ...]
    evppi: dict[str, float]
    evpi: float
    pv_saving: np.ndarray = field(repr=False)
    """Per draw, the in-house present value less the best offer's (`best_outsourced_id`)."""
    annual_saving: np.ndarray = field(repr=False)
    """Per draw, the same for the steady-state year."""
    base_annual_saving: float = 0.0

    def option(self, option_id: str) -> OptionRisk:
        return next(o for o in self.options if o.id == option_id)

    @property
    def candidates(self) -> tuple[OptionRisk, ...]:
        return tuple(o for o in self.options if o.candidate)

    @property
    def most_often_cheapest(self) -> OptionRisk:
        """The candidate cheapest in the most draws (the lower likeliest cost on a tie)."""
        return max(self.candidates, key=lambda o: (o.p_cheapest, -o.base))

    @property
    def decided(self) -> bool:
        """Whether one candidate is the cheapest in at least `THRESHOLD` of the draws."""
        return self.most_often_cheapest.p_cheapest >= THRESHOLD

    def factor(self, factor_id: str) -> ui.Factor:
        return next(f for f in self.factors if f.id == factor_id)

    @property
    def monte_carlo(self) -> MonteCarlo:
        """The steady-state year's saving of the verdict's comparison over the draws."""
        return MonteCarlo(self.best_outsourced_id, self.seed, self.annual_saving,
                          self.base_annual_saving)

    def break_even_of(self, factor_id: str) -> BreakEven | None:
        return next((b for b in self.break_even if b.factor == factor_id), None)


@dataclass(frozen=True)
class MonteCarlo:
    """One saving over the draws: the in-house team's cost less `option_id`'s, per draw
    (`savings`), with every input at its likeliest (`base_saving`)."""

    option_id: str
    seed: int
    savings: np.ndarray = field(repr=False)
    base_saving: float = float("nan")

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
        """The share of draws in which the outsourced option costs less."""
        return float(np.mean(self.savings > 0))


def percentiles(values: np.ndarray) -> Spread:
    """P10, P50 and P90 with their order-statistic standard errors (module docstring)."""
    ordered = np.sort(values)
    n = len(ordered)
    found = []
    for q in (0.1, 0.5, 0.9):
        point = float(np.quantile(ordered, q))
        half = Z95 * np.sqrt(n * q * (1 - q))
        low = ordered[max(int(np.floor(n * q - half)), 0)]
        high = ordered[min(int(np.ceil(n * q + half)), n - 1)]
        found.append((point, float(high - low) / (2 * Z95)))
    return Spread(found[0][0], found[1][0], found[2][0], found[0][1], found[1][1], found[2][1])


def cheapest_shares(costs: np.ndarray) -> np.ndarray:
    """Shape (options,): the share of the draws (rows of `costs`, one column per option) in
    which each option costs least, options within 1e-9 of the least sharing the draw evenly."""
    least = costs.min(axis=1, keepdims=True)
    tied = costs <= least + TIE * np.maximum(np.abs(least), 1.0)
    return (tied / tied.sum(axis=1, keepdims=True)).mean(axis=0)


def binomial_se(p: float, n: int) -> float:
    return float(np.sqrt(p * (1 - p) / n))


def evppi(benefits: np.ndarray, regressor: np.ndarray, knots: int = SPLINE_KNOTS) -> float:
    """The expected value of partial perfect information on one input (module docstring).

    `benefits` has one row per option (the higher the better, e.g. minus the cost) and one
    column per draw; `regressor` the input's uniform draw (or its value) at each draw.
    """
    if benefits.shape[0] < 2:
        return 0.0
    gains = benefits[1:] - benefits[:1]
    scale = float(np.abs(gains).max()) or 1.0
    basis = _spline_basis(regressor, knots)
    coefficients = np.linalg.lstsq(basis @ basis.T, basis @ (gains / scale).T, rcond=None)[0]
    fitted = coefficients.T @ basis * scale
    best = np.maximum(fitted.max(axis=0), 0.0)
    return float(max(best.mean() - max(gains.mean(axis=1).max(), 0.0), 0.0))


def _spline_basis(x: np.ndarray, knots: int) -> np.ndarray:
    """A linear spline in `x`, one row per function: 1, x, (x - k)+ at `knots` - 1 evenly
    spaced inner knots (`x` is scaled to [0, 1] first, so that the least-squares system stays
    well conditioned). The regressors here are a factor's uniform draws, whose quantiles are
    evenly spaced: the knots split the draws into equal parts."""
    x = (x - x.min()) / ((x.max() - x.min()) or 1.0)
    basis = np.empty((knots + 1, len(x)))
    basis[0] = 1.0
    basis[1] = x
    for row, knot in enumerate(np.arange(1, knots) / knots, start=2):
        np.maximum(x - knot, 0.0, out=basis[row])
    return basis


def evpi(benefits: np.ndarray) -> float:
    """The expected value of perfect information on every input at once (`benefits` as for
    `evppi`)."""
    return float(benefits.max(axis=0).mean() - benefits.mean(axis=1).max())


def analyse(inputs: Inputs, reference: Reference, draws: int = DRAWS, seed: int = SEED,
            engine: Engine | None = None) -> Uncertainty:
    """The uncertainty analysis of one workbook (module docstring)."""
    engine = engine or Engine(inputs, reference)
    uncertain = ui.uncertain_inputs(inputs, reference)
    found = ui.factors(uncertain)
    sample = ui.sample(found, draws, seed)
    evaluated = engine.evaluate(sample.points)
    base = engine.evaluate(ui.Points({}, 1))
    ids = evaluated.ids
    offers = [o.id for o in engine.options if o.kind == "vendor" and _offers(engine, o.vendor)]
    candidates = [INHOUSE_ID, *offers]
    columns = [ids.index(i) for i in candidates]
    shares = cheapest_shares(evaluated.present_value[:, columns])
    today = evaluated.present_value[:, ids.index(engine.today_id)]
    outsourced = offers or [o.id for o in engine.options if o.kind == "model"]
    best = min(outsourced, key=lambda i: base.present_value[0, ids.index(i)])
    risks = []
    for k, option in enumerate(engine.options):
        cost = evaluated.present_value[:, k]
        share = shares[candidates.index(option.id)] if option.id in candidates else None
        risks.append(OptionRisk(
            option.id, option.kind, option.id in candidates, percentiles(cost),
            percentiles(today - cost), float(base.present_value[0, k]), float(cost.mean()),
            None if share is None else float(share),
            None if share is None else binomial_se(float(share), draws)))
    inhouse, best_k = ids.index(INHOUSE_ID), ids.index(best)
    benefits = -np.ascontiguousarray(evaluated.present_value[:, columns].T)
    perfect = evpi(benefits)
    return Uncertainty(
        draws=draws, seed=seed, inputs=uncertain, factors=found, options=tuple(risks),
        today_id=engine.today_id, best_outsourced_id=best,
        tornado=_tornado(engine, found, inhouse, best_k),
        break_even=_break_even(engine, found, inhouse, best_k),
        evppi={f.id: evppi(benefits, np.ascontiguousarray(sample.uniforms[:, i]))
               if perfect > 0 else 0.0 for i, f in enumerate(found)},
        evpi=perfect,
        pv_saving=evaluated.present_value[:, inhouse] - evaluated.present_value[:, best_k],
        annual_saving=evaluated.annual[:, inhouse] - evaluated.annual[:, best_k],
        base_annual_saving=float(base.annual[0, inhouse] - base.annual[0, best_k]),
    )


def _offers(engine: Engine, vendor: str | None) -> bool:
    """Whether a vendor has priced at least one quote (a channel with volume): an offer."""
    return any(q.vendor == vendor for _, q in engine.quotes)


def _saving(evaluation: Evaluation, inhouse: int, best: int) -> np.ndarray:
    return evaluation.present_value[:, inhouse] - evaluation.present_value[:, best]


def _tornado(engine: Engine, found: Sequence[ui.Factor], inhouse: int,
             best: int) -> tuple[TornadoBar, ...]:
    """Each factor at its low end, then its high end, alone (every member at that end)."""
    values: dict[str, list[float]] = {m.id: [] for f in found for m in f.members}
    for factor in found:
        for end in ("low", "high"):
            for f in found:
                for m in f.members:
                    values[m.id].append(getattr(m.law, end) if f is factor else m.likely)
    evaluation = engine.evaluate(ui.Points({k: np.array(v) for k, v in values.items()},
                                           2 * len(found)))
    saving = _saving(evaluation, inhouse, best)
    bars = [TornadoBar(f.id, f.members[0].law.low, f.members[0].law.high, f.members[0].likely,
                       float(saving[2 * i]), float(saving[2 * i + 1]))
            for i, f in enumerate(found)]
    if any(q.model.bases for _, q in engine.quotes):
        ends = [_saving(Engine(at_basis_end(engine.inputs, dearest), engine.reference)
                        .evaluate(ui.Points({}, 1)), inhouse, best)[0] for dearest in (False, True)]
        nan = float("nan")
        bars.append(TornadoBar(BILLING_BASIS, nan, nan, nan, float(ends[0]), float(ends[1])))
    return tuple(sorted(bars, key=lambda b: -b.swing))


RATES = frozenset({"volume_growth", "salary_inflation", "vendor_escalation", "usd_rate_change"})


def scan_values(member: ui.Uncertain) -> np.ndarray:
    """The values one input is scanned at for the break-even ranges, within its hard bounds:
    a rate ± `RATE_SPAN` points, anything else `SCAN_LOW` to `SCAN_HIGH` x its likeliest value,
    evenly in the logarithm."""
    if member.id.startswith(f"{ui.REFERENCE_PREFIX}:"):
        values = member.likely * np.geomspace(SCAN_LOW, SCAN_HIGH, SCAN_POINTS)
        return values
    field_ = ranges.kind_of(member.id).field
    scale = 100 if field_.kind is wf.Kind.PERCENT else 1
    low = -np.inf if field_.minimum is None else field_.minimum / scale
    high = np.inf if field_.maximum is None else field_.maximum / scale
    if ranges.kind_of(member.id).key in RATES or member.likely <= 0:
        values = member.likely + np.linspace(-RATE_SPAN, RATE_SPAN, SCAN_POINTS)
    else:
        values = member.likely * np.geomspace(SCAN_LOW, SCAN_HIGH, SCAN_POINTS)
    if field_.above:
        low = np.nextafter(low, np.inf)
    if ranges.kind_of(member.id).key == "shrinkage" or field_.key == "vendor_shrinkage":
        high = min(high, 0.9)
    return np.clip(values, low, high)


def _break_even(engine: Engine, found: Sequence[ui.Factor], inhouse: int,
                best: int) -> tuple[BreakEven, ...]:
    """Each factor scanned alone (its members together, in proportion), and the intervals of its
    first member's value where the best offer is the cheaper of the two."""
    lead = {f.id: scan_values(f.members[0]) for f in found}
    values: dict[str, list[np.ndarray]] = {m.id: [] for f in found for m in f.members}
    for factor in found:
        scan = lead[factor.id]
        for f in found:
            for m in f.members:
                if f is factor:
                    moved = scan if m is f.members[0] else _follow(m, f.members[0], scan)
                    values[m.id].append(moved)
                else:
                    values[m.id].append(np.full(len(scan), m.likely))
    points = ui.Points({k: np.concatenate(v) for k, v in values.items()},
                       SCAN_POINTS * len(found))
    saving = _saving(engine.evaluate(points), inhouse, best).reshape(len(found), SCAN_POINTS)
    return tuple(BreakEven(f.id, float(lead[f.id][0]), float(lead[f.id][-1]),
                           f.members[0].likely, _intervals(lead[f.id], saving[i]))
                 for i, f in enumerate(found))


def _follow(member: ui.Uncertain, lead: ui.Uncertain, scan: np.ndarray) -> np.ndarray:
    """A group member's values when its first member is scanned: in proportion to it."""
    if lead.likely == 0:
        return np.full(len(scan), member.likely)
    return member.likely * scan / lead.likely


def _intervals(values: np.ndarray, saving: np.ndarray) -> tuple[tuple[float, float], ...]:
    """Where `saving` > 0 along the scan, as intervals of the scanned values, each edge placed
    where the saving crosses zero (linear between neighbouring values)."""
    positive = saving > 0
    found = []
    start = float(values[0]) if positive[0] else None
    for i in range(1, len(values)):
        if positive[i] == positive[i - 1]:
            continue
        a, b, sa, sb = values[i - 1], values[i], saving[i - 1], saving[i]
        edge = float(a + (b - a) * sa / (sa - sb)) if sa != sb else float(b)
        if positive[i]:
            start = edge
        else:
            found.append((start, edge))
            start = None
    if start is not None:
        found.append((start, float(values[-1])))
    return tuple(found)
