"""Erlang C against published examples, hand calculation, a log-space second method and
monotonicity properties."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import erlang
from analysis.erlang import required_agents


def test_published_reference_example():
    # The widely published worked example (field notes; also pyworkforce 0.5.1
    # tests/test_queing.py::test_expected_erlangc_results): 100 calls per 30 min, AHT 180 s,
    # 80% in 20 s, occupancy at most 85%, shrinkage 30% -> 10 erlangs, 14 agents, SL 88.8%,
    # wait 17.4%, ASA 7.8 s, occupancy 71.4%, 20 scheduled.
    result = required_agents(100, 180, 1800, 20, 0.8, max_occupancy=0.85, shrinkage=0.3)
    assert float(result.traffic_erlangs) == pytest.approx(10.0)
    assert int(result.agents) == 14
    assert round(float(result.service_level), 3) == 0.888
    assert round(float(result.wait_probability), 3) == 0.174
    assert round(float(result.asa_seconds), 1) == 7.8
    assert round(float(result.occupancy), 3) == 0.714
    assert int(result.scheduled) == 20


def test_reference_example_to_seven_digits():
    # CRAN package ErlangC 0.1.0, README (https://stat.ethz.ch/CRAN/web/packages/ErlangC/readme/
    # README.html): erlang_c(100 calls, 30 min, 180 s, 20 s, 14 agents) gives wait_probability
    # 0.1741319, service_level 0.88835, ASA 7.83593701177724 s, occupancy 0.7142857; its
    # calculate_agents() process table starts at 11 agents with wait 0.6821182, SL 0.3896138.
    traffic = erlang.traffic_erlangs(100, 180, 1800)
    assert float(erlang.wait_probability(14, traffic)) == pytest.approx(0.1741319, abs=5e-8)
    assert float(erlang.service_level(14, traffic, 180, 20)) == pytest.approx(0.88835, abs=5e-6)
    assert float(erlang.average_speed_of_answer(14, traffic, 180)) == pytest.approx(
        7.83593701177724, rel=1e-12
    )
    assert float(erlang.occupancy(14, traffic)) == pytest.approx(0.7142857, abs=5e-8)
    assert float(erlang.wait_probability(11, traffic)) == pytest.approx(0.6821182, abs=5e-8)
    assert float(erlang.service_level(11, traffic, 180, 20)) == pytest.approx(0.3896138, abs=5e-8)


def test_second_published_example_twenty_erlangs():
    # R package Erlang (Patrick Hubers, github.com/phubers/erlang, vignettes/vignette.Rmd):
    # 200 calls per half hour, AHT 3 min -> 20 erlangs; 80% within 60 s needs 23 agents,
    # "an occupancy of 20/23 or 87%".
    result = required_agents(200, 180, 1800, 60, 0.8)
    assert float(result.traffic_erlangs) == pytest.approx(20.0)
    assert int(result.agents) == 23
    assert round(float(result.occupancy), 2) == 0.87


def test_two_agents_one_erlang_by_hand():
    # M/M/2 with A = 1: C = (A^2/2! * 2/(2-1)) / (1 + A + A^2/2! * 2/(2-1)) = 1 / 3.
    # ASA = C * AHT / (n - A) = 120 / 3 = 40 s; SL(30 s) = 1 - e^(-(2-1)*30/120) / 3.
    assert float(erlang.wait_probability(2, 1.0)) == pytest.approx(1 / 3, rel=1e-12)
    assert float(erlang.average_speed_of_answer(2, 1.0, 120)) == pytest.approx(40.0, rel=1e-12)
    assert float(erlang.service_level(2, 1.0, 120, 30)) == pytest.approx(
        1 - math.exp(-0.25) / 3, rel=1e-12
    )
    # Erlang B by hand: B(1) = 1/2, B(2) = (1 * 1/2) / (2 + 1/2) = 1/5.
    assert float(erlang.erlang_b(2, 1.0)) == pytest.approx(0.2, rel=1e-12)


def _erlang_c_log_space(n: int, a: float) -> float:
    """A second method: the textbook Erlang C sum evaluated in log space with lgamma."""
    terms = [k * math.log(a) - math.lgamma(k + 1) for k in range(n)]
    last = n * math.log(a) - math.lgamma(n + 1) + math.log(n / (n - a))
    top = max(*terms, last)
    total = math.fsum(math.exp(t - top) for t in terms) + math.exp(last - top)
    return math.exp(last - top) / total


@pytest.mark.parametrize(("n", "a"), [(3, 2.0), (14, 10.0), (320, 300.0), (560, 500.0)])
def test_wait_probability_matches_log_space_sum(n, a):
    expected = _erlang_c_log_space(n, a)
    assert float(erlang.wait_probability(n, a)) == pytest.approx(expected, rel=1e-9)


def test_hundreds_of_erlangs_are_stable_and_minimal():
    # 500 erlangs: A^n / n! overflows floats long before n = 500; the recurrence must not.
    result = required_agents(10_000, 180, 3600, 20, 0.8)
    agents = int(result.agents)
    assert agents > 500
    assert float(result.service_level) >= 0.8
    below = 1 - _erlang_c_log_space(agents - 1, 500.0) * math.exp(-(agents - 1 - 500) * 20 / 180)
    assert below < 0.8


def test_occupancy_cap_binds_when_service_needs_fewer():
    # 10 erlangs need 14 agents for 80/20 (published); a 70% cap needs ceil(10 / 0.7) = 15.
    result = required_agents(100, 180, 1800, 20, 0.8, max_occupancy=0.7)
    assert int(result.agents) == 15
    assert float(result.occupancy) == pytest.approx(10 / 15)


def test_occupancy_cap_exactly_met_is_allowed():
    # 154 calls x 180 s / 3600 s = 7.7 erlangs; 7.7 / 0.7 = 11 agents exactly (floats give
    # 11.000000000000002), and no service target: 11 agents at exactly 70% occupancy.
    result = required_agents(154, 180, 3600, 20, 0.0, max_occupancy=0.7)
    assert int(result.agents) == 11


def test_stability_alone_needs_one_more_than_traffic():
    # No service target, no cap: the fewest agents strictly above the traffic.
    result = required_agents([90, 100, 110], 180, 1800, 20, 0.0)
    np.testing.assert_array_equal(result.agents, [10, 11, 12])


def test_zero_calls_need_no_agents_and_measure_nothing():
    result = required_agents([0.0, 100.0], 180, 1800, 20, 0.8, shrinkage=0.3)
    np.testing.assert_array_equal(result.agents, [0, 14])
    np.testing.assert_array_equal(result.scheduled, [0, 20])
    assert np.isnan(result.service_level[0])
    assert np.isnan(result.asa_seconds[0])
    assert np.isnan(result.occupancy[0])
    assert np.isnan(result.wait_probability[0])


def test_unstable_queue_conventions():
    # 10 erlangs with 10 agents: the queue grows without end.
    assert float(erlang.wait_probability(10, 10.0)) == 1.0
    assert float(erlang.service_level(10, 10.0, 180, 20)) == 0.0
    assert math.isinf(float(erlang.average_speed_of_answer(10, 10.0, 180)))
    assert float(erlang.occupancy(10, 10.0)) == 1.0


def test_idle_agents_answer_at_once():
    assert float(erlang.wait_probability(3, 0.0)) == 0.0
    assert float(erlang.service_level(3, 0.0, 180, 20)) == 1.0
    assert float(erlang.average_speed_of_answer(3, 0.0, 180)) == 0.0


def test_scheduled_rounds_up_but_ignores_float_noise():
    # 21 / 0.7 = 30.000000000000004 in floats: 30 people, not 31; 15 / 0.7 = 21.43 -> 22.
    np.testing.assert_array_equal(erlang.scheduled([21, 15, 0], 0.3), [30, 22, 0])


@pytest.mark.parametrize(
    "kwargs",
    [
        {"calls": -1},
        {"aht_seconds": 0},
        {"service_level": 1.0},
        {"max_occupancy": 0.0},
        {"max_occupancy": 1.2},
        {"target_seconds": -5},
        {"shrinkage": 1.0},
    ],
)
def test_invalid_arguments_are_refused(kwargs):
    args = {
        "calls": 100, "aht_seconds": 180, "interval_seconds": 1800, "target_seconds": 20,
        "service_level": 0.8, "max_occupancy": 0.85, "shrinkage": 0.3,
    } | kwargs
    with pytest.raises(ValueError):
        required_agents(**args)


def test_vectorised_equals_one_interval_at_a_time():
    rng = np.random.default_rng(7)
    size = 60
    calls = np.where(rng.random(size) < 0.1, 0.0, rng.uniform(0, 800, size))
    aht = rng.uniform(60, 600, size)
    target = rng.choice([0.0, 10.0, 20.0, 60.0], size)
    goal = rng.choice([0.5, 0.8, 0.9, 0.95], size)
    cap = rng.choice([0.75, 0.85, 1.0], size)
    together = required_agents(calls, aht, 1800, target, goal, cap, shrinkage=0.25)
    for i in range(size):
        alone = required_agents(calls[i], aht[i], 1800, target[i], goal[i], cap[i], shrinkage=0.25)
        assert int(alone.agents) == together.agents[i]
        assert int(alone.scheduled) == together.scheduled[i]
        for field in ("traffic_erlangs", "service_level", "wait_probability", "asa_seconds",
                      "occupancy"):
            np.testing.assert_allclose(
                getattr(alone, field), getattr(together, field)[i], rtol=1e-12, equal_nan=True
            )
    # And the metric functions, given the agents found, agree with what the search reports.
    np.testing.assert_allclose(
        erlang.service_level(together.agents, together.traffic_erlangs, aht, target),
        together.service_level, rtol=1e-12, equal_nan=True,
    )


def test_found_agents_are_the_fewest_that_work():
    rng = np.random.default_rng(11)
    size = 200
    calls = rng.uniform(1, 600, size)
    aht = rng.uniform(60, 600, size)
    goal = rng.choice([0.7, 0.8, 0.9], size)
    cap = rng.choice([0.8, 0.9, 1.0], size)
    result = required_agents(calls, aht, 1800, 20, goal, cap)
    fewer = result.agents - 1
    traffic = result.traffic_erlangs
    with np.errstate(divide="ignore"):
        fails = (
            (fewer <= traffic)
            | (erlang.service_level(fewer, traffic, aht, 20) < goal)
            | (traffic / fewer > cap)
        )
    assert fails.all()
    assert (result.service_level >= goal).all()
    assert (result.occupancy <= cap + 1e-12).all()


interval = st.fixed_dictionaries({
    "calls": st.floats(0, 400),
    "aht_seconds": st.floats(30, 600),
    "target_seconds": st.floats(0, 120),
    "service_level": st.floats(0, 0.95),
    "max_occupancy": st.floats(0.5, 1.0),
})


def _agents_pair(base: dict, field: str, low: float, high: float) -> tuple[int, int]:
    """Agents for `base` with `field` set to `low`, then to `high`, in one vectorised call."""
    args = {k: np.array([v, v]) for k, v in base.items()}
    args[field] = np.array([low, high])
    agents = required_agents(
        args["calls"], args["aht_seconds"], 1800, args["target_seconds"],
        args["service_level"], args["max_occupancy"],
    ).agents
    return int(agents[0]), int(agents[1])


@settings(max_examples=60, deadline=None)
@given(interval, st.floats(0, 400))
def test_more_calls_never_need_fewer_agents(base, other):
    low, high = sorted((base["calls"], other))
    fewer, more = _agents_pair(base, "calls", low, high)
    assert fewer <= more


@settings(max_examples=60, deadline=None)
@given(interval, st.floats(0, 0.95))
def test_higher_service_level_never_needs_fewer_agents(base, other):
    low, high = sorted((base["service_level"], other))
    lax, strict = _agents_pair(base, "service_level", low, high)
    assert lax <= strict


@settings(max_examples=60, deadline=None)
@given(interval, st.floats(0, 120))
def test_shorter_answer_target_never_needs_fewer_agents(base, other):
    short, long = sorted((base["target_seconds"], other))
    strict, lax = _agents_pair(base, "target_seconds", short, long)
    assert lax <= strict


@settings(max_examples=60, deadline=None)
@given(interval, st.floats(0.5, 1.0))
def test_lower_occupancy_cap_never_needs_fewer_agents(base, other):
    low, high = sorted((base["max_occupancy"], other))
    strict, lax = _agents_pair(base, "max_occupancy", low, high)
    assert lax <= strict
