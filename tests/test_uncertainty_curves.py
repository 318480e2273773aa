"""The queue curves the engine reads instead of re-solving each draw, against the exact search
(`erlang.required_agents`, `erlang_a.required_agents`) run hour by hour on the same draws.

Between two nodes of the handling-time grid (1% apart; 2.5% and 5% of patience with Erlang A) the
curves interpolate each agent count's threshold traffic; at a node they are exact. The bound
this test holds them to: a count never differs by more than one agent from the exact search, and
differs in at most 1% of the (draw, hour) pairs. Present values then move by far less than the
bench's 0.1% tolerance (bench/uncertainty.py prints the largest difference).
"""

import numpy as np
import pytest

from analysis import erlang, erlang_a
from analysis.model import SECONDS_PER_HOUR, WEEKS_PER_MONTH
from analysis.uncertainty import curves
from analysis.uncertainty.curves import QueueCurve, hour_weights
from analysis.workbook import load

EXAMPLES = ["gulf-ecommerce", "romania-saas", "us-consumer"]
DRAWS = 1500


def queues():
    for name in EXAMPLES:
        inputs, _ = load(f"data/examples/{name}.xlsx")
        for demand in inputs.demand:
            if demand.channel.is_queued:
                yield pytest.param(inputs, demand, id=f"{name}-{demand.channel.value}")


@pytest.mark.parametrize("scale", [1, 30])
@pytest.mark.parametrize(("inputs", "demand"), list(queues()))
def test_counts_match_the_exact_search(inputs, demand, scale):
    """The example's queue as it is, and thirty times busier (counts in the hundreds)."""
    weights = hour_weights(demand, inputs.assumptions)
    per_day = scale * demand.monthly_contacts / (WEEKS_PER_MONTH * weights.days)
    cap = inputs.inhouse.max_occupancy
    base = per_day * weights.share * demand.slot_aht_seconds / SECONDS_PER_HOUR
    curve = QueueCurve(demand, cap, base)
    rng = np.random.default_rng(7)
    volume = rng.uniform(0.6, 1.6, DRAWS)
    handling = rng.uniform(0.75, 1.3, DRAWS)
    patience = (demand.patience_seconds * rng.uniform(0.6, 1.5, DRAWS)
                if demand.patience_seconds is not None else None)
    slot_aht = demand.slot_aht_seconds * handling
    y = np.log(volume) + np.log(handling)
    plan = curve.plan(slot_aht, patience)
    curve.prepare(plan, y, y)
    found = curve.slots(y, plan).T

    calls = per_day * weights.share[None, :] * volume[:, None]
    aht = slot_aht[:, None] * np.ones_like(calls)
    if patience is None:
        exact = erlang.required_agents(calls, aht, SECONDS_PER_HOUR, demand.target_seconds,
                                       demand.service_level, cap).agents
    else:
        exact = erlang_a.required_agents(calls, aht, SECONDS_PER_HOUR, demand.target_seconds,
                                         demand.service_level, cap,
                                         patience_seconds=patience[:, None]
                                         * np.ones_like(calls)).agents
    difference = np.abs(found - exact)
    assert difference.max() <= 1
    assert np.mean(difference > 0) <= 0.01
    # Not trivially equal: the draws span several counts in every hour.
    assert (exact.max(axis=0) - exact.min(axis=0) >= 1).all()


def _at_the_node(name: str, scale: float) -> tuple[np.ndarray, np.ndarray]:
    """The first queue of an example at `scale` x its volume, from half to twice that, at the
    workbook's own handling time and patience (a node): the curve's counts and the exact
    search's, each of shape (draws, hours)."""
    inputs, _ = load(f"data/examples/{name}.xlsx")
    demand = next(d for d in inputs.demand if d.channel.is_queued)
    weights = hour_weights(demand, inputs.assumptions)
    per_day = scale * demand.monthly_contacts / (WEEKS_PER_MONTH * weights.days)
    cap = inputs.inhouse.max_occupancy
    base = per_day * weights.share * demand.slot_aht_seconds / SECONDS_PER_HOUR
    curve = QueueCurve(demand, cap, base)
    volume = np.linspace(0.5, 2.0, 400)
    slot_aht = np.full(400, demand.slot_aht_seconds)
    patience = (np.full(400, demand.patience_seconds)
                if demand.patience_seconds is not None else None)
    y = np.log(volume)
    plan = curve.plan(slot_aht, patience)
    curve.prepare(plan, y, y)
    calls = per_day * weights.share[None, :] * volume[:, None]
    search = erlang_a.required_agents if patience is not None else erlang.required_agents
    extra = {} if patience is None else {"patience_seconds": demand.patience_seconds}
    exact = search(calls, demand.slot_aht_seconds, SECONDS_PER_HOUR, demand.target_seconds,
                   demand.service_level, cap, **extra).agents
    return curve.slots(y, plan).T, exact


def test_at_a_node_the_count_is_exact():
    """The workbook's own handling time is a node: no interpolation at all there."""
    found, exact = _at_the_node("romania-saas", 1)
    assert (found == exact).all()


@pytest.mark.parametrize("name", ["romania-saas", "us-consumer"])
def test_thresholds_extended_on_demand_give_the_exact_counts(name, monkeypatch):
    """Starting from far too few thresholds (one agent), the curve adds counts until the busiest
    traffic is covered, working out only the ones it adds; the counts are still the exact
    search's at the nodes (us-consumer's phone queue has a patience: Erlang A)."""
    monkeypatch.setattr(curves, "_enough", lambda peak, cap: 1)
    found, exact = _at_the_node(name, 20)
    assert exact.max() > 10  # beyond the first batch of thresholds (10)
    assert (found == exact).all()
