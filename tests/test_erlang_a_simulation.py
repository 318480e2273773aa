"""Erlang A against a discrete-event simulation of callers who hang up.

simpy plays the M/M/n+M queue: Poisson arrivals, exponential handling times, one first-in
first-out line, n agents, and each caller leaves the line when an exponential patience runs out.
The long-run shares of callers who waited, hung up and were answered within the target, and the
mean wait of those answered, must match the formulas within three standard errors estimated by
batch means (successive callers are correlated). Seeded, so the run is the same every time.
"""

from __future__ import annotations

import functools
import random
import statistics

import pytest
import simpy

from analysis import erlang_a

AHT_SECONDS = 180.0
TARGET_SECONDS = 20.0
CALLS = 120_000
WARM_UP = 2_000
BATCHES = 20


@functools.cache
def simulate(agents: int, traffic: float, patience: float, seed: int) -> tuple[tuple, ...]:
    """Each caller's (waited, hung up, answered within target, wait if answered or None)."""
    rng = random.Random(seed)
    env = simpy.Environment()
    desk = simpy.Resource(env, capacity=agents)
    callers: list[tuple] = []

    def call():
        arrived = env.now
        request = desk.request()
        gives_up = env.timeout(rng.expovariate(1 / patience))
        outcome = yield request | gives_up
        wait = env.now - arrived
        if request in outcome:
            callers.append((wait > 0, False, wait <= TARGET_SECONDS, wait))
            yield env.timeout(rng.expovariate(1 / AHT_SECONDS))
            desk.release(request)
        else:
            request.cancel()
            callers.append((True, True, False, None))

    def arrivals():
        for _ in range(CALLS):
            yield env.timeout(rng.expovariate(traffic / AHT_SECONDS))
            env.process(call())

    env.process(arrivals())
    env.run()
    return tuple(callers[WARM_UP:])


def batch_mean_and_error(values: list[float]) -> tuple[float, float]:
    size = len(values) // BATCHES
    means = [statistics.fmean(values[i * size:(i + 1) * size]) for i in range(BATCHES)]
    return statistics.fmean(means), statistics.stdev(means) / BATCHES**0.5


@pytest.mark.parametrize(("agents", "traffic", "patience", "seed", "cli"), [
    (14, 10.0, 120.0, 1, True),  # the command line's case (staffing ... --agents 14)
    (9, 10.0, 60.0, 2, False),  # fewer agents than the traffic: hanging up keeps the line finite
])
def test_formulas_match_the_simulated_queue(agents, traffic, patience, seed, cli):
    callers = simulate(agents, traffic, patience, seed)
    found = erlang_a.metrics(agents, traffic, AHT_SECONDS, TARGET_SECONDS, patience)
    checks = {
        "wait_probability": [float(c[0]) for c in callers],
        "abandon_probability": [float(c[1]) for c in callers],
        "service_level": [float(c[2]) for c in callers],
    }
    for name, samples in checks.items():
        simulated, error = batch_mean_and_error(samples)
        assert error < 0.01, name
        assert abs(simulated - float(found[name])) < 3 * error, (name, simulated, error)
    if cli:  # the service level is known to within a point: three standard errors under 0.01
        assert batch_mean_and_error(checks["service_level"])[1] < 1 / 300
    waits = [c[3] for c in callers if c[3] is not None]
    simulated, error = batch_mean_and_error(waits)
    assert error < 0.1 * float(found["asa_seconds"])
    assert abs(simulated - float(found["asa_seconds"])) < 3 * error, (simulated, error)


def test_simulation_tells_erlang_a_from_erlang_c():
    # The same tolerance separates the two models: Erlang C's 14-agent service level (88.8%)
    # is far from the simulated queue whose callers hang up.
    callers = simulate(14, 10.0, 120.0, 1)
    simulated, error = batch_mean_and_error([float(c[2]) for c in callers])
    assert abs(simulated - 0.888) > 3 * error
