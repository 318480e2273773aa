"""Benchmark: our vectorised Erlang C staffing search against pyworkforce, one interval at a time,
and our Erlang A search on the same intervals.

Run as `.venv/bin/python bench/staffing.py`. Draws 10,000 intervals of varied load (seeded),
asks both for the agents each needs (service level within target seconds, occupancy cap), checks
the counts are identical and prints both times and the speed-up (target: at least 50x). Then
sizes the same intervals with Erlang A (callers hang up after a mean patience drawn from 30 s to
10 minutes) and prints its time against Erlang C's (target: at most 5x).

pyworkforce 0.5.1 starts its search at round(traffic + 1) agents, so when the traffic's fraction
is above one half it never tries floor(traffic) + 1 (0.6 erlangs, 30% in 60 s, AHT 180 s: one
agent already gives 47%, pyworkforce says two). That count meets the target only for very light
traffic or lax targets; with the draw below the two searches should agree, and the script
checks that rather than assuming it.
"""

from __future__ import annotations

import sys
import time

import numpy as np

from analysis import erlang_a
from analysis.erlang import required_agents

INTERVALS = 10_000
INTERVAL_SECONDS = 1800
SPEED_UP_TARGET = 50
ERLANG_A_SLOWDOWN_LIMIT = 5


def draw(rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Half-hour intervals from a few calls to ~150 erlangs, with common service targets."""
    return {
        "calls": rng.uniform(1, 1500, INTERVALS),
        "aht_seconds": rng.uniform(60, 600, INTERVALS),
        "target_seconds": rng.choice([10.0, 15.0, 20.0, 30.0, 60.0], INTERVALS),
        "service_level": rng.choice([0.7, 0.8, 0.85, 0.9], INTERVALS),
        "max_occupancy": rng.choice([0.8, 0.85, 0.9, 1.0], INTERVALS),
        "patience_seconds": rng.choice([30.0, 60.0, 120.0, 300.0, 600.0], INTERVALS),
    }


def ours(load: dict[str, np.ndarray]) -> np.ndarray:
    return required_agents(
        load["calls"], load["aht_seconds"], INTERVAL_SECONDS, load["target_seconds"],
        load["service_level"], load["max_occupancy"],
    ).agents


def with_patience(load: dict[str, np.ndarray]) -> np.ndarray:
    return erlang_a.required_agents(
        load["calls"], load["aht_seconds"], INTERVAL_SECONDS, load["target_seconds"],
        load["service_level"], load["max_occupancy"], patience_seconds=load["patience_seconds"],
    ).agents


def timed(function, load: dict[str, np.ndarray]) -> tuple[np.ndarray, float]:
    start = time.perf_counter()
    result = function(load)
    return result, time.perf_counter() - start


def erlang_a_report(load: dict[str, np.ndarray], erlang_c_seconds: float,
                    erlang_c_agents: np.ndarray) -> bool:
    """Erlang A's time on the same intervals; True when within the limit."""
    with_patience(load)  # warm-up, as for Erlang C
    agents, seconds = timed(with_patience, load)
    slowdown = seconds / erlang_c_seconds
    print(f"analysis.erlang_a.required_agents: {seconds * 1000:9.1f} ms "
          f"(total {int(agents.sum())} agents, {int((agents > erlang_c_agents).sum())} "
          f"intervals need more than Erlang C)")
    print(f"Erlang A / Erlang C time: {slowdown:.1f}x (limit <= {ERLANG_A_SLOWDOWN_LIMIT}x)")
    return slowdown <= ERLANG_A_SLOWDOWN_LIMIT


def theirs(load: dict[str, np.ndarray], erlang_c: type) -> np.ndarray:
    agents = []
    for calls, aht, target, level, cap in zip(
        load["calls"], load["aht_seconds"], load["target_seconds"], load["service_level"],
        load["max_occupancy"], strict=True,
    ):
        model = erlang_c(transactions=calls, aht=aht, asa=target, interval=INTERVAL_SECONDS)
        result = model.required_positions(service_level=level, max_occupancy=cap)
        agents.append(result["raw_positions"])
    return np.asarray(agents)


def main() -> int:
    load = draw(np.random.default_rng(20240611))
    ours(load)  # warm-up: first numpy calls pay one-off costs
    fast, our_seconds = timed(ours, load)
    print(f"analysis.erlang.required_agents: {our_seconds * 1000:9.1f} ms")
    erlang_a_fast = erlang_a_report(load, our_seconds, fast)
    try:
        from pyworkforce.queuing import ErlangC
    except ImportError:
        print("pyworkforce is not installed (pip install '.[bench]'); nothing to compare against.")
        return 0 if erlang_a_fast else 1
    start = time.perf_counter()
    slow = theirs(load, ErlangC)
    their_seconds = time.perf_counter() - start
    differ = np.flatnonzero(fast != slow)
    if differ.size:
        print(f"{differ.size} intervals differ, e.g. index {differ[0]}: "
              f"ours {fast[differ[0]]}, pyworkforce {slow[differ[0]]}")
        return 1
    ratio = their_seconds / our_seconds
    print(f"{INTERVALS} intervals, identical agent counts (total {int(fast.sum())})")
    print(f"pyworkforce ErlangC, per interval: {their_seconds * 1000:9.1f} ms")
    print(f"speed-up: {ratio:.0f}x (target >= {SPEED_UP_TARGET}x)")
    return 0 if ratio >= SPEED_UP_TARGET and erlang_a_fast else 1


if __name__ == "__main__":
    sys.exit(main())
