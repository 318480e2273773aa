"""Every uncertain input of one company, its range and law, and the random draws of them all.

Where an input's range comes from (`Source`):
- WORKBOOK: a row of the Ranges sheet: PERT over its low, the workbook's own value and its high;
- DEFAULT: the documented default spread of that kind of input (`DEFAULT_SPREADS`, each with its
  source or labelled an assumption), around the workbook's value, kept within the field's hard
  bounds. An input of a kind without a default spread, and without a row, is taken as certain;
- PUBLISHED: a benchmark's published price range (seed 001): triangular, its mode at the middle,
  since the source gives a range and no likeliest price.

Which defaults apply: only inputs that can move a cost for this company (the patience of a queue
that has one, the handling-time growth of chats handled several at once, the shrinkage of a
vendor whose quotes bill paid hours or monthly agents, after-call work where a quote bills talk
time, the success rate where a commission is paid, the exchange rate when the currency is not
the dollar, the yearly rates when the horizon is longer than a year). A vendor's quoted prices
are firm unless the Ranges sheet gives them a range.

Inputs that move together are drawn together (`GROUPS`): one uniform number per draw drives
every member, each through its own law (comonotone draws: the members rise and fall together,
as far as each one's range allows). The salaries of agents, team leads, managers and the vendor
manager are one pay level; the monthly contacts of all channels are one business volume (orders
and customers drive every channel). A vendor's prices are one input already (one multiplier on
all its quotes). Every other input is drawn independently. A `Factor` is what is drawn with one
uniform number: a group, or one input alone; the tornado and the value of information work on
factors.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from analysis import reference as ref
from analysis.i18n import N_
from analysis.model import BillingBasis, Channel, Inputs, PricingModel
from analysis.reference import Reference
from analysis.uncertainty.laws import Law, Shape, pert, triangular
from analysis.workbook import format as wf
from analysis.workbook import ranges


class Source(StrEnum):
    WORKBOOK = "workbook"
    DEFAULT = "default"
    PUBLISHED = "published"


@dataclass(frozen=True)
class Spread:
    """A default range around the workbook's value: ± a share of it (`relative`), ± points in
    the model's units (`points`), or a sourced range (`low`, `high`, widened to hold the
    workbook's value); `note` (a message id) names the source or labels it an assumption."""

    note: str
    relative: float | None = None
    points: float | None = None
    low: float | None = None
    high: float | None = None
    shape: Shape = Shape.PERT

    def around(self, likely: float) -> tuple[float, float]:
        if self.relative is not None:
            return likely * (1 - self.relative), likely * (1 + self.relative)
        if self.points is not None:
            return likely - self.points, likely + self.points
        return min(self.low, likely), max(self.high, likely)


_SALARY = Spread(N_("±10%: assumption (the spread of a market's pay offers for one role)"),
                 relative=0.10)
DEFAULT_SPREADS = {
    "monthly_contacts": Spread(N_(
        "±20%: assumption (a year-ahead forecast of contacts commonly misses by 10-20%)"),
        relative=0.20),
    "aht_seconds": Spread(N_(
        "±20%: assumption (handling times drift with products, policies and agents' tenure)"),
        relative=0.20),
    "patience_seconds": Spread(N_(
        "±30%: assumption (patience estimated from abandoned calls is rough, their waits being "
        "cut short by the calls answered first: Mandelbaum and Zeltyn, 2007)"), relative=0.30),
    "aht_growth_per_chat": Spread(N_(
        "12.5% to 25%, triangular: ccPlanning, \u201cChat concurrency and AHT\u201d (a third chat "
        "lifts an agent's output by 25-35%)"), low=0.125, high=0.25, shape=Shape.TRIANGULAR),
    "success_rate": Spread(N_("±25%: assumption (campaign results vary that much)"),
                           relative=0.25),
    "acw_share": Spread(N_("±25%: assumption (wrap-up commonly takes 10-20% of a contact)"),
                        relative=0.25),
    "annual_salary": _SALARY,
    "team_lead_salary": _SALARY,
    "operations_manager_salary": _SALARY,
    "quality_analyst_salary": _SALARY,
    "planner_salary": _SALARY,
    "manager_salary": _SALARY,
    "attrition": Spread(N_(
        "±25% of its value: assumption (one centre's attrition changes that much from year to "
        "year)"), relative=0.25),
    "shrinkage": Spread(N_("±20% of its value: assumption (the spread between call centres)"),
                        relative=0.20),
    "usd_rate": Spread(N_(
        "±10%: assumption (a floating currency commonly moves a tenth against the dollar in a "
        "year)"), relative=0.10),
    ranges.VENDOR_SHRINKAGE: Spread(N_(
        "±20% of its value: assumption (the spread between call centres)"), relative=0.20),
    "volume_growth": Spread(N_("±5 points: assumption"), points=0.05),
    "salary_inflation": Spread(N_("±2 points: assumption"), points=0.02),
}
"""The default range of each kind of input (`ranges.kind_of(...).key`), used when the Ranges
sheet gives none and the input can move a cost (see the module docstring)."""

PUBLISHED_NOTE = N_("the published price range, triangular: seed 001")
WORKBOOK_NOTE = N_("your workbook's Ranges sheet")

GROUPS = {
    "salaries": ("annual_salary", "team_lead_salary", "operations_manager_salary",
                 "quality_analyst_salary", "planner_salary", "manager_salary"),
    "volume": ("monthly_contacts",),
}
"""Comonotone groups: a factor id and the kinds of input that move with it."""
GROUP_LABELS = {
    "salaries": N_("Salaries (agents, team leads, managers)"),
    "volume": N_("Contact volume (every channel together)"),
}
_GROUP_OF = {key: group for group, keys in GROUPS.items() for key in keys}

REFERENCE_PREFIX = "reference"
_MANAGER_KEYS = ("operations_manager_salary", "quality_analyst_salary", "planner_salary")


@dataclass(frozen=True)
class Uncertain:
    """One uncertain input: its id (`workbook.ranges`, or "reference:<table>:<id>" for a
    published price, in US dollars), its law, where its range comes from, the factor it is drawn
    with and the note on its source (a message id)."""

    id: str
    law: Law
    source: Source
    factor: str
    note: str

    @property
    def likely(self) -> float:
        return self.law.likely


@dataclass(frozen=True)
class Factor:
    """What is drawn with one uniform number: a group of inputs that move together, or one."""

    id: str
    members: tuple[Uncertain, ...]

    @property
    def grouped(self) -> bool:
        return self.id in GROUPS


def reference_id(table: str, range_id: str) -> str:
    return f"{REFERENCE_PREFIX}:{table}:{range_id}"


def _relevant(inputs: Inputs, input_id: str) -> bool:
    """Whether a default range applies: the input can move a cost for this company."""
    kind, target = ranges.kind_of(input_id), ranges.target_of(input_id)
    if kind.key == "acw_share":
        return any(q.channel.value == target and q.basis is BillingBasis.TALK
                   for q in inputs.quotes)
    if kind.key == "success_rate":
        return any(q.model in (PricingModel.COMMISSION, PricingModel.HOURLY_PLUS_COMMISSION)
                   for q in inputs.quotes)
    if kind.key in _MANAGER_KEYS:
        return getattr(inputs.inhouse, kind.key) is not None
    if kind.key == "manager_salary":
        return inputs.retained.manager_fte > 0
    if kind.key == "usd_rate":
        return inputs.company.currency != wf.QUOTE_BASE_CURRENCY
    if kind.key in ("volume_growth", "salary_inflation"):
        return inputs.company.horizon_years > 1
    return True


def candidate_ids(inputs: Inputs) -> list[str]:
    """Every input id this company has, in the Ranges dropdown's order (vendors in the order of
    the Quotes sheet)."""
    vendors = list(dict.fromkeys(q.vendor for q in inputs.quotes))
    found = []
    for kind in wf.RANGE_KINDS:
        if kind.scope is wf.Scope.CHANNEL:
            found += [ranges.input_id(kind.key, c.value) for c in Channel if c in kind.channels]
        elif kind.scope is wf.Scope.VENDOR:
            found += [ranges.input_id(kind.key, v) for v in vendors]
        else:
            found.append(kind.key)
    return found


def uncertain_inputs(inputs: Inputs, reference: Reference) -> tuple[Uncertain, ...]:
    """The company's uncertain inputs: the Ranges sheet's, the defaults that apply, and the
    published price ranges of the benchmarks; in the dropdown's order, published ones last."""
    given = {r.input: r for r in inputs.ranges}
    found = []
    for input_id in candidate_ids(inputs):
        likely = ranges.likely(inputs, input_id)
        if likely is None:
            continue
        key = ranges.kind_of(input_id).key
        factor = _GROUP_OF.get(key, input_id)
        if input_id in given:
            row = given[input_id]
            found.append(Uncertain(input_id, pert(row.low, likely, row.high), Source.WORKBOOK,
                                   factor, WORKBOOK_NOTE))
            continue
        spread = DEFAULT_SPREADS.get(key)
        if spread is None or not _relevant(inputs, input_id):
            continue
        low, high = _within(ranges.kind_of(input_id).field, *spread.around(likely))
        law = (triangular if spread.shape is Shape.TRIANGULAR else pert)(low, likely, high)
        if not law.fixed:
            found.append(Uncertain(input_id, law, Source.DEFAULT, factor, spread.note))
    return (*found, *_published(inputs, reference))


def _within(field: wf.Field, low: float, high: float) -> tuple[float, float]:
    """A default range kept within the field's hard bounds (in the model's units)."""
    scale = 100 if field.kind is wf.Kind.PERCENT else 1
    if field.minimum is not None:
        low = max(low, field.minimum / scale)
    if field.maximum is not None:
        high = min(high, field.maximum / scale)
    return low, high


def published_ranges(inputs: Inputs, reference: Reference) -> list[tuple[str, ref.Range]]:
    """The published ranges the benchmarks (`options` models at the middle of a range) are
    priced from: dedicated hourly and, with a live queue, shared per minute for both markets;
    with outbound calls, each market's outbound hourly range."""
    channels = {d.channel for d in inputs.demand}
    found = [("dedicated_hourly", reference.dedicated(m)) for m in ref.MARKETS]
    if any(c.is_queued for c in channels):
        found += [("shared_per_minute", reference.shared(m)) for m in ref.MARKETS]
    if Channel.OUTBOUND_PHONE in channels:
        found += [("outbound_hourly", reference.outbound(ref.OUTBOUND_OF_MARKET[m]))
                  for m in ref.MARKETS]
    return found


def _published(inputs: Inputs, reference: Reference) -> list[Uncertain]:
    found = []
    for table, price in published_ranges(inputs, reference):
        law = triangular(price.low, price.mid, price.high)
        if not law.fixed:
            name = reference_id(table, price.id)
            found.append(Uncertain(name, law, Source.PUBLISHED, name, PUBLISHED_NOTE))
    return found


def factors(uncertain: Iterable[Uncertain]) -> tuple[Factor, ...]:
    """The inputs gathered by factor, in the order their first member comes."""
    members: dict[str, list[Uncertain]] = {}
    for item in uncertain:
        members.setdefault(item.factor, []).append(item)
    return tuple(Factor(name, tuple(items)) for name, items in members.items())


@dataclass(frozen=True)
class Points:
    """Values of some inputs at `size` points (draws, or the ends of a tornado bar): each
    input's id to an array of shape (size,), in the model's units. An input left out keeps
    the workbook's value at every point."""

    values: Mapping[str, np.ndarray]
    size: int

    def get(self, input_id: str, default: float) -> np.ndarray:
        """The input's values, shape (size,); `default` (the workbook's value) where not set."""
        found = self.values.get(input_id)
        return np.full(self.size, float(default)) if found is None else found

    def has(self, input_id: str) -> bool:
        return input_id in self.values

    def take(self, index: np.ndarray) -> Points:
        """The points at `index` (an integer array or a slice)."""
        values = {k: v[index] for k, v in self.values.items()}
        size = len(next(iter(values.values()))) if values else len(np.arange(self.size)[index])
        return Points(values, size)


def at(uncertain: Iterable[Uncertain], values: Mapping[str, Iterable[float]]) -> Points:
    """Points that set some inputs (each a sequence of equal length), the others at their
    likeliest value."""
    arrays = {k: np.asarray(list(v), dtype=float) for k, v in values.items()}
    size = len(next(iter(arrays.values()))) if arrays else 1
    known = {u.id for u in uncertain}
    unknown = set(arrays) - known
    if unknown:
        raise KeyError(f"not uncertain inputs: {sorted(unknown)}")
    return Points(arrays, size)


@dataclass(frozen=True)
class Draws:
    """`size` random draws of every uncertain input: `points` holds the values, `uniforms` the
    uniform numbers behind them, shape (size, len(factors)), one column per factor."""

    points: Points
    uniforms: np.ndarray
    factors: tuple[Factor, ...]
    seed: int

    @property
    def size(self) -> int:
        return self.points.size


def sample(found: tuple[Factor, ...], size: int, seed: int) -> Draws:
    """`size` draws from a generator seeded with `seed` (numpy's PCG64): the same seed gives the
    same draws on every machine. One uniform number per draw and factor, each member of a
    factor through its own quantile function."""
    generator = np.random.default_rng(seed)
    uniforms = generator.random((size, len(found)))
    values = {member.id: member.law.quantile(uniforms[:, column])
              for column, factor in enumerate(found) for member in factor.members}
    return Draws(Points(values, size), uniforms, found, seed)
