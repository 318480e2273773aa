"""Erlang A against the exact birth-death chain, a published test case, Erlang C's limit, and the
staffing search's own promises (fewest agents, vectorised equals one at a time).

The chain is built here independently of the package: stationary probabilities of the states
0..n+K (K far in the tail), the probability of waiting by PASTA, abandoning by Little's law on
the queue (θ·E[queue] = λ·P(abandon)), and the service level from the tagged caller's own
absorbing chain (position in the queue, answered, hung up) solved with a matrix exponential.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.linalg import expm

from analysis import erlang, erlang_a


def chain(agents: int, traffic: float, aht: float, patience: float, target: float,
          tail: int = 1500) -> dict[str, float]:
    """Exact measures of M/M/n+M from its truncated stationary distribution."""
    mu, theta = 1 / aht, 1 / patience
    lam = traffic * mu
    states = agents + tail
    log_p = np.zeros(states + 1)
    for k in range(1, states + 1):
        death = min(k, agents) * mu + max(k - agents, 0) * theta
        log_p[k] = log_p[k - 1] + math.log(lam / death)
    p = np.exp(log_p - log_p.max())
    p /= p.sum()
    assert p[-1] < 1e-30  # the truncation is far in the tail
    waiting = p[agents:]
    queue = np.arange(waiting.size)
    abandon = theta * float((queue * waiting).sum()) / lam
    # The tagged caller with j callers ahead: advances at rate n·μ + j·θ (j = 0: answered) and
    # hangs up at rate θ. u(s) = P(answered by s); du/ds = G·u + g, u(0) = 0.
    positions = min(queue.size, 400)
    generator = np.zeros((positions + 1, positions + 1))
    for j in range(positions):
        advance = agents * mu + j * theta
        generator[j, j] = -(advance + theta)
        if j:
            generator[j, j - 1] = advance
        else:
            generator[j, positions] = advance  # the last column carries the constant 1
    answered = (expm(generator * target) @ np.eye(positions + 1)[:, positions])[:positions]
    level = float(p[:agents].sum() + (waiting[:positions] * answered).sum())
    return {"wait_probability": float(waiting.sum()), "abandon_probability": abandon,
            "service_level": level,
            "occupancy": traffic * (1 - abandon) / agents}


CASES = [
    # (agents, traffic, AHT, patience, target): the CLI's case, an overloaded queue, a large one.
    (14, 10.0, 180.0, 120.0, 20.0),
    (8, 10.0, 180.0, 60.0, 20.0),
    (3, 2.0, 300.0, 30.0, 10.0),
    (105, 100.0, 240.0, 300.0, 30.0),
    (520, 500.0, 180.0, 120.0, 20.0),
]


@pytest.mark.parametrize(("agents", "traffic", "aht", "patience", "target"), CASES)
def test_measures_equal_the_exact_chain(agents, traffic, aht, patience, target):
    exact = chain(agents, traffic, aht, patience, target)
    found = erlang_a.metrics(agents, traffic, aht, target, patience)
    for key, value in exact.items():
        assert float(found[key]) == pytest.approx(value, rel=1e-7, abs=1e-12), key


def test_cli_case_to_three_decimals():
    # The done-when case: 100 calls in 30 min, AHT 180 s, 20 s target, 14 agents, patience
    # 120 s. The chain gives a wait probability of 0.127 and an abandon probability of 0.023
    # (compared here at the three decimals the CLI's test uses).
    exact = chain(14, 10.0, 180.0, 120.0, 20.0)
    found = erlang_a.metrics(14, 10.0, 180.0, 20.0, 120.0)
    for key in ("wait_probability", "abandon_probability"):
        assert round(float(found[key]), 3) == round(exact[key], 3)


def test_published_pyworkforce_case():
    # pyworkforce (github.com/rodrigo-arenas/pyworkforce, pyworkforce/queuing/tests/
    # test_abandonment.py::test_erlanga_regression_metrics, the ErlangA added in 0.5.2):
    # 100 transactions per 30 min, AHT 3 min, target 20 s, patience 5 min, 14 positions:
    # waiting 0.14526, abandonment 0.013984, occupancy 0.704297, service level 0.916792 and
    # a mean wait over all transactions of 0.069919 min (queue length / arrival rate).
    found = erlang_a.metrics(14, 10.0, 180.0, 20.0, 300.0)
    assert round(float(found["wait_probability"]), 5) == 0.14526
    assert round(float(found["abandon_probability"]), 6) == 0.013984
    assert round(float(found["occupancy"]), 6) == 0.704297
    assert round(float(found["service_level"]), 6) == 0.916792
    # Over all callers the mean wait is P(abandon) x patience (Little's law on the hang-ups).
    assert round(float(found["abandon_probability"]) * 300 / 60, 6) == 0.069919


@pytest.mark.parametrize("agents", [11, 14, 20])
def test_erlang_c_is_the_limit_of_infinite_patience(agents):
    c = {"wait_probability": erlang.wait_probability(agents, 10.0),
         "service_level": erlang.service_level(agents, 10.0, 180, 20),
         "asa_seconds": erlang.average_speed_of_answer(agents, 10.0, 180),
         "occupancy": erlang.occupancy(agents, 10.0)}
    gaps = []
    for patience in (1e4, 1e5, 1e6, 1e7):
        found = erlang_a.metrics(agents, 10.0, 180, 20, patience)
        gaps.append(max(abs(float(found[k]) - float(v)) / float(v) for k, v in c.items()))
        # A caller hangs up at rate 1/patience while waiting: P(abandon) <= mean wait / patience.
        assert float(found["abandon_probability"]) <= float(c["asa_seconds"]) / patience
    # The gap shrinks like 1 / patience: each tenfold patience cuts it at least fivefold.
    assert all(later < earlier / 5 for earlier, later in zip(gaps, gaps[1:], strict=False))
    assert gaps[-1] < 1e-3


def test_blank_patience_is_erlang_c_exactly():
    calls = np.array([0.0, 50.0, 100.0, 400.0, 3000.0])
    c = erlang.required_agents(calls, 180, 1800, 20, 0.8, 0.85, 0.3)
    for patience in (None, np.inf):
        a = erlang_a.required_agents(calls, 180, 1800, 20, 0.8, 0.85, 0.3,
                                     patience_seconds=patience)
        for key in ("agents", "scheduled", "traffic_erlangs", "service_level",
                    "wait_probability", "asa_seconds", "occupancy"):
            np.testing.assert_array_equal(getattr(a, key), getattr(c, key))
        np.testing.assert_array_equal(a.abandon_probability, [np.nan, 0, 0, 0, 0])
    found = erlang_a.metrics([14, 12], 10.0, 180, 20, None)
    assert float(found["service_level"][0]) == float(erlang.service_level(14, 10.0, 180, 20))


def test_cli_case_needs_no_more_agents_than_erlang_c():
    # 10 erlangs, 80% in 20 s: Erlang C needs 14 (the published example). With a 120 s mean
    # patience the chain says 12 agents answer 82.6% within 20 s and 11 only 76.4%.
    found = erlang_a.required_agents(100, 180, 1800, 20, 0.8, patience_seconds=120)
    assert int(found.agents) == 12
    assert chain(12, 10.0, 180, 120, 20)["service_level"] >= 0.8
    assert chain(11, 10.0, 180, 120, 20)["service_level"] < 0.8
    assert float(found.service_level) == pytest.approx(chain(12, 10.0, 180, 120, 20)[
        "service_level"], rel=1e-9)


def test_occupancy_cap_binds():
    # 10 erlangs with a 60% cap and a lax 50% target: the cap decides. The search returns the
    # first count whose handled traffic (10 x (1 - abandon)) over agents fits under 60%.
    found = erlang_a.required_agents(100, 180, 1800, 20, 0.5, 0.6, patience_seconds=120)
    n = int(found.agents)
    assert float(found.occupancy) <= 0.6
    fewer = erlang_a.metrics(n - 1, 10.0, 180, 20, 120)
    assert float(fewer["occupancy"]) > 0.6


def test_hundreds_of_erlangs_are_stable_and_minimal():
    found = erlang_a.required_agents(10_000, 180, 3600, 20, 0.8, patience_seconds=120)
    n = int(found.agents)
    assert 400 < n < 520  # fewer than the traffic: the 10% or so who hang up are not served
    assert chain(n, 500.0, 180, 120, 20, tail=3000)["service_level"] >= 0.8
    assert chain(n - 1, 500.0, 180, 120, 20, tail=3000)["service_level"] < 0.8


def test_edge_conventions():
    found = erlang_a.metrics([0, 3, 0], [0.0, 0.0, 2.0], 180, 20, 60)
    assert all(np.isnan(v[0]) for v in found.values())
    assert float(found["service_level"][1]) == 1.0 and float(found["wait_probability"][1]) == 0
    assert float(found["abandon_probability"][2]) == 1.0
    assert float(found["service_level"][2]) == 0.0
    with pytest.raises(ValueError):
        erlang_a.metrics(3, 2.0, 180, 20, 0.0)
    with pytest.raises(ValueError):
        erlang_a.required_agents(100, 180, 1800, 20, 0.8, patience_seconds=-1)


def test_vectorised_equals_one_interval_at_a_time():
    rng = np.random.default_rng(5)
    size = 40
    calls = np.where(rng.random(size) < 0.1, 0.0, rng.uniform(0, 800, size))
    aht = rng.uniform(60, 600, size)
    target = rng.choice([0.0, 20.0, 60.0], size)
    goal = rng.choice([0.5, 0.8, 0.9], size)
    cap = rng.choice([0.8, 1.0], size)
    patience = rng.choice([10.0, 60.0, 300.0, np.inf], size)
    together = erlang_a.required_agents(calls, aht, 1800, target, goal, cap,
                                        patience_seconds=patience)
    for i in range(size):
        alone = erlang_a.required_agents(calls[i], aht[i], 1800, target[i], goal[i], cap[i],
                                         patience_seconds=patience[i])
        assert int(alone.agents) == together.agents[i]
        for key in ("service_level", "abandon_probability", "asa_seconds", "occupancy"):
            np.testing.assert_allclose(getattr(alone, key), getattr(together, key)[i],
                                       rtol=1e-9, equal_nan=True)


def test_found_agents_are_the_fewest_that_work():
    rng = np.random.default_rng(3)
    size = 150
    calls = rng.uniform(1, 600, size)
    aht = rng.uniform(60, 600, size)
    goal = rng.choice([0.7, 0.8, 0.9], size)
    cap = rng.choice([0.8, 0.9, 1.0], size)
    patience = rng.choice([15.0, 60.0, 240.0], size)
    found = erlang_a.required_agents(calls, aht, 1800, 20, goal, cap, patience_seconds=patience)
    fewer = erlang_a.metrics(found.agents - 1, found.traffic_erlangs, aht, 20, patience)
    fails = (fewer["service_level"] < goal) | (fewer["occupancy"] > cap) | (found.agents == 1)
    assert fails.all()
    assert (found.service_level >= goal).all()
    assert (found.occupancy <= cap + 1e-12).all()


@settings(max_examples=40, deadline=None)
@given(st.floats(0.5, 300), st.floats(30, 600), st.floats(5, 1200), st.floats(0, 120))
def test_more_agents_never_lower_the_service_level(traffic, aht, patience, target):
    agents = np.arange(1, int(traffic * 1.5) + 4)
    found = erlang_a.metrics(agents, traffic, aht, target, patience)
    assert (np.diff(found["service_level"]) >= -1e-12).all()
    assert (np.diff(found["abandon_probability"]) <= 1e-12).all()
