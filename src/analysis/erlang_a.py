"""Erlang A (the M/M/n+M queue): Erlang C for callers who hang up, many intervals at once.

Calls arrive at random (Poisson, `calls` per interval), take an exponential time to handle (mean
AHT) and wait first-in first-out for one of `n` agents, as in Erlang C; but each waiting caller
also has an exponential patience with mean `patience_seconds` and hangs up when it runs out. The
queue is then stable with any number of agents. Sources: Palm's model as presented by Garnett,
Mandelbaum and Reiman, "Designing a call center with impatient customers", Manufacturing &
Service Operations Management 4(3), 2002, and Mandelbaum and Zeltyn, "The Palm/Erlang-A queue,
with applications to call centers" (2007 teaching note), whose closed forms are used here.

**Service level with abandonment** is the share of all contacts offered that are answered within
the target: a caller who hangs up counts as not answered within the target, whenever they hang
up. The average speed of answer (ASA) is the mean wait of the callers who are answered.

With `x = n·patience/AHT`, `y = A·patience/AHT` (A the traffic in erlangs), Erlang B's `E` for n
agents and `P(a, z)` the regularised lower incomplete gamma function:
- `M = Γ(x+1)·e^y·y^-x·P(x, y)` is the queue's weight over the state "all n agents busy, nobody
  waiting" (the sum over queue lengths m of Π_{i<=m} y/(x+i), the birth-death chain's tail);
- probability of waiting `W = M·E / (1 + (M - 1)·E)`;
- probability a caller who waits is answered `S = (x/y)·(1 - 1/M)`, so abandoning is `W·(1 - S)`;
- answered within `t` seconds after waiting: `(x/y)·(P(x+1, y) - P(x+1, y·e^(-t/patience))) /
  P(x, y)`, from the density of the offered wait `n·μ·π_n·exp(-n·μ·s + (λ/θ)(1 - e^(-θ·s)))`
  (Mandelbaum and Zeltyn) weighted by the chance `e^(-θ·s)` of still being there;
- occupancy is the traffic actually handled over the agents: `A·(1 - abandon) / n`.
Everything is computed with logarithms (`gammaln`) and the regularised `gammainc` of SciPy, never
`A^n/n!`, so hundreds of erlangs are fine; where `P(x, y)` underflows (far more agents than
traffic) the sums are added up term by term instead, and converge quickly there. The ASA of the
answered callers has no closed form in these functions: it is the sum over queue lengths of the
chain (a loop over queue states, vectorised over intervals).

A blank patience (None, or infinity) means nobody hangs up: every function then returns exactly
what `analysis.erlang` returns, with an abandon probability of 0. Conventions for the edge cases
follow Erlang C's: no traffic and no agents, every metric NaN; no traffic, nobody waits; traffic
but no agents, everyone waits and hangs up (service level 0, ASA infinite).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.special import gammainc, gammaln

from analysis import erlang
from analysis.erlang import ArrayLike, FloatArray, IntArray

_TINY = 1e-250
"""Below this `P(x, y)` is computed term by term (it would lose digits or underflow)."""
_SERIES_TOLERANCE = 1e-17
_SERIES_LIMIT = 1_000_000
"""Terms of a queue-length sum at most; reached only for patience far beyond any workbook's."""
_RESCALE = 1e200


@dataclass(frozen=True)
class ErlangAResult(erlang.ErlangResult):
    """`erlang.ErlangResult` plus the share of contacts that hang up before being answered.

    `service_level` counts a contact that hangs up as not answered within the target;
    `asa_seconds` is the mean wait of the answered contacts; `occupancy` is handled traffic over
    agents. With a blank patience `abandon_probability` is 0 (NaN where there are no calls).
    """

    abandon_probability: FloatArray | None = None


@dataclass(frozen=True)
class _Queue:
    """The measures of one set of (agents, traffic, patience) intervals, all arrays."""

    wait: FloatArray
    served_if_waiting: FloatArray
    """S: the share of the callers who wait that are answered."""
    abandon: FloatArray
    x: FloatArray
    y: FloatArray
    log_m: FloatArray


def wait_probability(
    agents: ArrayLike, traffic: ArrayLike, aht_seconds: ArrayLike, patience_seconds: ArrayLike
) -> FloatArray:
    """The share of contacts that find every agent busy and wait (at least for a moment)."""
    return _metrics(agents, traffic, aht_seconds, patience_seconds, 0.0)["wait_probability"]


def abandon_probability(
    agents: ArrayLike, traffic: ArrayLike, aht_seconds: ArrayLike, patience_seconds: ArrayLike
) -> FloatArray:
    """The share of contacts that hang up before an agent answers."""
    return _metrics(agents, traffic, aht_seconds, patience_seconds, 0.0)["abandon_probability"]


def service_level(
    agents: ArrayLike, traffic: ArrayLike, aht_seconds: ArrayLike, target_seconds: ArrayLike,
    patience_seconds: ArrayLike,
) -> FloatArray:
    """Contacts answered within `target_seconds` over all contacts offered (abandons count as
    not answered within the target)."""
    return _metrics(agents, traffic, aht_seconds, patience_seconds, target_seconds)[
        "service_level"]


def average_speed_of_answer(
    agents: ArrayLike, traffic: ArrayLike, aht_seconds: ArrayLike, patience_seconds: ArrayLike
) -> FloatArray:
    """The mean wait, in seconds, of the contacts that are answered."""
    return _metrics(agents, traffic, aht_seconds, patience_seconds, 0.0, asa=True)["asa_seconds"]


def occupancy(
    agents: ArrayLike, traffic: ArrayLike, aht_seconds: ArrayLike, patience_seconds: ArrayLike
) -> FloatArray:
    """The share of the agents' time spent handling contacts: handled traffic / agents."""
    return _metrics(agents, traffic, aht_seconds, patience_seconds, 0.0)["occupancy"]


def metrics(
    agents: ArrayLike, traffic: ArrayLike, aht_seconds: ArrayLike, target_seconds: ArrayLike,
    patience_seconds: ArrayLike | None,
) -> dict[str, FloatArray]:
    """Every measure at once for given agents: `wait_probability`, `abandon_probability`,
    `service_level`, `asa_seconds` and `occupancy`, arrays broadcast from the arguments."""
    return _metrics(agents, traffic, aht_seconds, patience_seconds, target_seconds, asa=True)


def required_agents(
    calls: ArrayLike,
    aht_seconds: ArrayLike,
    interval_seconds: ArrayLike,
    target_seconds: ArrayLike,
    service_level: ArrayLike,
    max_occupancy: ArrayLike = 1.0,
    shrinkage: ArrayLike | None = None,
    patience_seconds: ArrayLike | None = None,
) -> ErlangAResult:
    """The fewest agents per interval meeting the service level (answered within the target
    over offered) with occupancy at or under `max_occupancy`; zero-call intervals need none.

    Arguments and result as `erlang.required_agents`, plus `patience_seconds` (mean patience;
    None or infinity: nobody hangs up, and the result is Erlang C's exactly). The search starts
    from Erlang C's count and steps down or up, all intervals together (`_search`).
    """
    if patience_seconds is None:
        return _without_abandonment(erlang.required_agents(
            calls, aht_seconds, interval_seconds, target_seconds, service_level, max_occupancy,
            shrinkage))
    arrays = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (
        calls, aht_seconds, interval_seconds, target_seconds, service_level, max_occupancy,
        patience_seconds)))
    shape = arrays[0].shape
    calls_, aht, interval, target, goal, cap, patience = (v.ravel() for v in arrays)
    _check_patience(patience)
    if np.any(target < 0) or np.any((goal < 0) | (goal >= 1)) or np.any((cap <= 0) | (cap > 1)):
        raise ValueError("need target >= 0, 0 <= service level < 1, 0 < max occupancy <= 1")
    traffic = erlang.traffic_erlangs(calls_, aht, interval)
    patient = np.isinf(patience)
    agents = np.zeros(traffic.shape, dtype=np.int64)
    if patient.any():
        agents[patient] = erlang.required_agents(
            calls_[patient], aht[patient], interval[patient], target[patient], goal[patient],
            cap[patient]).agents
    search = ~patient & (traffic > 0)
    blocking = np.full(traffic.shape, np.nan)
    agents[search], blocking[search] = _search(traffic[search], aht[search], target[search],
                                               goal[search], cap[search], patience[search])
    found = _metrics(agents, traffic, aht, patience, target, asa=True, blocking=blocking)
    reshaped = {k: v.reshape(shape) for k, v in found.items()}
    return ErlangAResult(
        traffic_erlangs=traffic.reshape(shape),
        agents=agents.reshape(shape),
        service_level=reshaped["service_level"],
        wait_probability=reshaped["wait_probability"],
        asa_seconds=reshaped["asa_seconds"],
        occupancy=reshaped["occupancy"],
        scheduled=None if shrinkage is None else erlang.scheduled(agents.reshape(shape),
                                                                 shrinkage),
        abandon_probability=reshaped["abandon_probability"],
    )


def margin(
    agents: ArrayLike, traffic: ArrayLike, aht_seconds: ArrayLike, target_seconds: ArrayLike,
    service_level: ArrayLike, max_occupancy: ArrayLike, patience_seconds: ArrayLike,
    blocking: FloatArray | None = None,
) -> FloatArray:
    """How far `agents` (at least 1) are inside `required_agents`' test for `traffic` > 0 with
    callers' mean `patience_seconds` (finite): the least of service level minus its target and
    occupancy cap minus occupancy, at least 0 exactly when the test passes. It only grows with
    more agents and shrinks with more traffic, continuously, so the largest traffic a count
    carries is its root (`uncertainty.curves`). `blocking` is Erlang B for the agents and
    traffic when already known (`erlang.erlang_b` otherwise)."""
    k, a, aht, target, goal, cap, patience = (np.asarray(x) for x in np.broadcast_arrays(
        np.asarray(agents), *(np.asarray(x, dtype=float) for x in (
            traffic, aht_seconds, target_seconds, service_level, max_occupancy,
            patience_seconds))))
    _check_patience(patience)
    if blocking is None:
        blocking = erlang.erlang_b(k, a)
    queue = _queue(k, a, aht, patience, blocking)
    level = _service_level(queue, target, patience)
    return np.minimum(level - goal, cap + 1e-12 - a * (1 - queue.abandon) / k)


def _without_abandonment(result: erlang.ErlangResult) -> ErlangAResult:
    """Erlang C's result with an abandon probability of 0 (NaN where there are no calls)."""
    abandon = np.where(np.isnan(result.wait_probability), np.nan, 0.0)
    return ErlangAResult(**vars(result), abandon_probability=abandon)


def _check_patience(patience: np.ndarray) -> None:
    if np.any(np.isnan(patience)) or np.any(patience <= 0):
        raise ValueError("patience must be above 0 seconds (infinity: nobody hangs up)")


def _search(traffic: FloatArray, aht: FloatArray, target: FloatArray, goal: FloatArray,
            cap: FloatArray, patience: FloatArray) -> tuple[IntArray, FloatArray]:
    """The fewest agents for every interval (all with traffic and a finite patience), and their
    Erlang B.

    Starts from Erlang C's answer for the same target (its vectorised search is cheap), which
    meets the occupancy cap here too (callers who hang up only lighten the load): from there it
    counts down while the target is still met, or up until it is, carrying Erlang B along by its
    recurrence (backwards: B(k-1) = k·B(k) / (A·(1 - B(k)))). Both measures improve with every
    agent, so the first count that fails going down, or meets going up, settles the interval.
    """
    agents, blocking = erlang.fewest_agents(traffic, target / aht, goal, cap)
    met = _meets(agents, traffic, aht, target, goal, cap, patience, blocking)
    found, found_blocking = agents.copy(), blocking.copy()
    down = np.flatnonzero(met & (agents > 1))
    k, b = agents[down], blocking[down]
    while down.size:
        a = traffic[down]
        b = k * b / (a * (1 - b))
        k = k - 1
        ok = _meets(k, a, aht[down], target[down], goal[down], cap[down], patience[down], b)
        found[down[ok]], found_blocking[down[ok]] = k[ok], b[ok]
        keep = ok & (k > 1)
        down, k, b = down[keep], k[keep], b[keep]
    up = np.flatnonzero(~met)
    k, b = agents[up], blocking[up]
    while up.size:
        a = traffic[up]
        k = k + 1
        b = a * b / (k + a * b)
        ok = _meets(k, a, aht[up], target[up], goal[up], cap[up], patience[up], b)
        found[up[ok]], found_blocking[up[ok]] = k[ok], b[ok]
        up, k, b = up[~ok], k[~ok], b[~ok]
    return found, found_blocking


def _meets(k: IntArray, a: FloatArray, aht: FloatArray, target: FloatArray, goal: FloatArray,
           cap: FloatArray, patience: FloatArray, blocking: FloatArray) -> np.ndarray:
    """Whether `k` agents meet the service level and the occupancy cap."""
    queue = _queue(k, a, aht, patience, blocking)
    level = _service_level(queue, target, patience)
    return (level >= goal) & (a * (1 - queue.abandon) / k <= cap + 1e-12)


def _metrics(
    agents: ArrayLike, traffic: ArrayLike, aht_seconds: ArrayLike,
    patience_seconds: ArrayLike | None, target_seconds: ArrayLike, asa: bool = False,
    blocking: FloatArray | None = None,
) -> dict[str, FloatArray]:
    if patience_seconds is None:
        patience_seconds = np.inf
    n, a, aht, patience, target = (np.asarray(v) for v in np.broadcast_arrays(
        np.asarray(agents), np.asarray(traffic, dtype=float),
        np.asarray(aht_seconds, dtype=float), np.asarray(patience_seconds, dtype=float),
        np.asarray(target_seconds, dtype=float)))
    if np.any(n < 0) or np.any(a < 0) or np.any(n != np.round(n)):
        raise ValueError("agents must be whole numbers >= 0 and traffic >= 0")
    if np.any(aht <= 0) or np.any(target < 0):
        raise ValueError("AHT must be above 0 and the target 0 or more")
    _check_patience(patience)
    n = n.astype(np.int64)
    out = {key: np.full(a.shape, np.nan) for key in (
        "wait_probability", "abandon_probability", "service_level", "asa_seconds", "occupancy")}
    patient = np.isinf(patience)
    if patient.any():
        np_, ap, hp, tp = n[patient], a[patient], aht[patient], target[patient]
        wait = erlang.wait_probability(np_, ap)
        out["wait_probability"][patient] = wait
        out["abandon_probability"][patient] = np.where(np.isnan(wait), np.nan, 0.0)
        out["service_level"][patient] = erlang.service_level(np_, ap, hp, tp)
        out["asa_seconds"][patient] = erlang.average_speed_of_answer(np_, ap, hp)
        out["occupancy"][patient] = erlang.occupancy(np_, ap)
    idle = ~patient & (a == 0) & (n > 0)
    for key, value in (("wait_probability", 0.0), ("abandon_probability", 0.0),
                       ("service_level", 1.0), ("asa_seconds", 0.0), ("occupancy", 0.0)):
        out[key][idle] = value
    nobody = ~patient & (a > 0) & (n == 0)
    for key, value in (("wait_probability", 1.0), ("abandon_probability", 1.0),
                       ("service_level", 0.0), ("asa_seconds", np.inf), ("occupancy", 1.0)):
        out[key][nobody] = value
    live = ~patient & (a > 0) & (n > 0)
    if live.any():
        nl, al, hl, pl, tl = n[live], a[live], aht[live], patience[live], target[live]
        known = None if blocking is None else blocking[live]
        if known is None or np.isnan(known).any():
            known = erlang.erlang_b(nl, al)
        queue = _queue(nl, al, hl, pl, known)
        out["wait_probability"][live] = queue.wait
        out["abandon_probability"][live] = queue.abandon
        out["service_level"][live] = _service_level(queue, tl, pl)
        out["occupancy"][live] = al * (1 - queue.abandon) / nl
        if asa:
            out["asa_seconds"][live] = _answered_wait(queue, pl)
    return out


def _queue(n: ArrayLike, a: FloatArray, aht: FloatArray, patience: FloatArray,
           blocking: FloatArray) -> _Queue:
    """Waiting and abandoning for agents `n` > 0, traffic `a` > 0, Erlang B `blocking`."""
    x = np.asarray(n, dtype=float) * patience / aht
    y = a * patience / aht
    lower = gammainc(x, y)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        log_m = gammaln(x + 1) + y - x * np.log(y) + np.log(lower)
        small = ~(lower > _TINY)
        if small.any():
            log_m[small] = np.log(_series(x[small], y[small]))
        # W = 1 / (1 + (1 - E) / (E·M)), in logarithms: E underflows far above the traffic.
        wait = 1 / (1 + np.exp(np.log1p(-blocking) - np.log(blocking) - log_m))
        served = x / y * -np.expm1(-log_m)
    wait = np.where(blocking >= 1, 1.0, wait)
    served = np.minimum(served, 1.0)
    return _Queue(wait, served, wait * (1 - served), x, y, log_m)


def _service_level(queue: _Queue, target: FloatArray, patience: FloatArray) -> FloatArray:
    """Answered within the target over offered: 1 - W + W·S·F, with F the share of the answered
    waiting callers answered within the target."""
    x, y = queue.x, queue.y
    z = y * np.exp(-target / patience)
    whole = gammainc(x + 1, y)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        within = 1 - gammainc(x + 1, z) / whole
        small = ~(whole > _TINY)
        if small.any():
            xs, ys, zs = x[small] + 1, y[small], z[small]
            rise = -xs * target[small] / patience[small] + ys - zs
            within[small] = 1 - np.exp(rise) * _series(xs, zs) / _series(xs, ys)
    within = np.clip(np.where(target > 0, within, 0.0), 0.0, 1.0)
    return np.clip(1 - queue.wait + queue.wait * queue.served_if_waiting * within, 0.0, 1.0)


def _series(b: FloatArray, z: FloatArray) -> FloatArray:
    """Σ_k Π_{i<=k} z/(b+i) for z < b + 1 (terms fall from the first): Kummer's M(1, b+1, z)."""
    total = np.ones_like(z)
    term = np.ones_like(z)
    index = np.arange(z.size)
    i = 0
    while index.size and i < _SERIES_LIMIT:
        i += 1
        term = term * z[index] / (b[index] + i)
        total[index] += term
        going = term > _SERIES_TOLERANCE * total[index]
        index, term = index[going], term[going]
    return total


def _answered_wait(queue: _Queue, patience: FloatArray) -> FloatArray:
    """Mean wait of the answered callers, in seconds: E[V·e^(-θV)] / P(answered).

    A caller who finds `m` others waiting is answered after `m + 1` exponential stages of rates
    `x + 1 + i` (in units of the abandon rate θ): with probability `x / (x + m + 1)`, and then
    E[V·e^(-θV)] = x/(x+m+1) · Σ_{i=1}^{m+1} 1/(x+i) / θ. The sum over `m` uses the chain's
    weights Π_{i<=m} y/(x+i), rescaled as they go so that large overloads do not overflow.
    """
    x, y = queue.x, queue.y
    weight = np.ones_like(x)
    weights = np.ones_like(x)
    harmonic = 1 / (x + 1)
    answered = x / (x + 1) * harmonic
    index = np.arange(x.size)
    m = 0
    while index.size and m < _SERIES_LIMIT:
        m += 1
        xi, yi = x[index], y[index]
        weight[index] *= yi / (xi + m)
        harmonic[index] += 1 / (xi + m + 1)
        weights[index] += weight[index]
        answered[index] += weight[index] * xi / (xi + m + 1) * harmonic[index]
        big = weight[index] > _RESCALE
        if big.any():
            scaled = index[big]
            for array in (weight, weights, answered):
                array[scaled] /= _RESCALE
        past_peak = m > yi - xi
        going = ~(past_peak & (weight[index] < _SERIES_TOLERANCE * weights[index]))
        index = index[going]
    waited_answered = queue.wait * answered / weights * patience
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(queue.abandon < 1, waited_answered / (1 - queue.abandon), np.inf)
