"""Erlang C against a discrete-event simulation of the queue it models.

simpy plays an M/M/n queue: Poisson arrivals, exponential handling times, one first-in
first-out line, n agents, nobody hangs up. The long-run share of calls that waited, that were
answered within the target, and the mean wait must match the formulas within a statistical
tolerance: four standard errors estimated by batch means (successive waits are correlated, so
plain binomial errors would be too small). Seeded, so the run is the same every time.
"""

from __future__ import annotations

import functools
import random
import statistics
from collections.abc import Sequence

import pytest
import simpy

from analysis import erlang

AHT_SECONDS = 180.0
TARGET_SECONDS = 20.0
CALLS = 60_000
WARM_UP = 2_000
BATCHES = 20


@functools.cache
def simulate_waits(agents: int, traffic: float, seed: int) -> tuple[float, ...]:
    """Each call's wait before an agent picks up, in arrival (= service) order (run once)."""
    rng = random.Random(seed)
    env = simpy.Environment()
    desk = simpy.Resource(env, capacity=agents)
    waits: list[float] = []

    def call():
        arrived = env.now
        with desk.request() as free_agent:
            yield free_agent
            waits.append(env.now - arrived)
            yield env.timeout(rng.expovariate(1 / AHT_SECONDS))

    def arrivals():
        for _ in range(CALLS):
            yield env.timeout(rng.expovariate(traffic / AHT_SECONDS))
            env.process(call())

    env.process(arrivals())
    env.run()
    return tuple(waits[WARM_UP:])


def batch_mean_and_error(values: Sequence[float]) -> tuple[float, float]:
    size = len(values) // BATCHES
    means = [statistics.fmean(values[i * size:(i + 1) * size]) for i in range(BATCHES)]
    return statistics.fmean(means), statistics.stdev(means) / BATCHES**0.5


@pytest.mark.parametrize(("agents", "traffic", "seed"), [(3, 2.0, 1), (12, 10.0, 2)])
def test_formulas_match_simulated_queue(agents, traffic, seed):
    waits = simulate_waits(agents, traffic, seed)
    # metric: (per-call samples, formula, largest standard error that still makes a useful test)
    checks = {
        "wait_probability": (
            [float(w > 0) for w in waits],
            float(erlang.wait_probability(agents, traffic)),
            0.02,
        ),
        "service_level": (
            [float(w <= TARGET_SECONDS) for w in waits],
            float(erlang.service_level(agents, traffic, AHT_SECONDS, TARGET_SECONDS)),
            0.02,
        ),
        "asa_seconds": (
            waits,
            float(erlang.average_speed_of_answer(agents, traffic, AHT_SECONDS)),
            0.1 * float(erlang.average_speed_of_answer(agents, traffic, AHT_SECONDS)),
        ),
    }
    for name, (samples, formula, precise_enough) in checks.items():
        simulated, error = batch_mean_and_error(samples)
        assert error < precise_enough, name
        assert abs(simulated - formula) < 4 * error, (name, simulated, formula, error)


def test_simulation_detects_one_agent_less():
    # The same tolerance separates n from n - 1 agents: the simulated 12-agent queue at
    # 10 erlangs is far from the 11-agent formula.
    waits = simulate_waits(12, 10.0, 2)
    simulated, error = batch_mean_and_error([float(w > 0) for w in waits])
    assert abs(simulated - float(erlang.wait_probability(11, 10.0))) > 4 * error
