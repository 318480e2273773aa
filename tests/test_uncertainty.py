"""What the decision needs from the draws, each figure checked by a second method: P(cheapest)
and its standard error, the percentiles' order-statistic intervals, EVPPI against a closed form,
break-even ranges against a hand-solved linear case, the tornado against the ordinary pricing,
the engine against the per-draw loop, and the seed-to-seed stability of the book's draw count."""

from dataclasses import replace

import numpy as np
import pytest
from scipy import stats
from toy_company import company, hourly, toy_staff

from analysis import compare, options, reference, staffing
from analysis.horizon import evaluate_horizon
from analysis.model import BillingBasis, InputRange
from analysis.uncertainty import BOOK_DRAWS, analyse, billing_scenarios, scalar
from analysis.uncertainty import inputs as ui
from analysis.uncertainty.billing import at_basis_end
from analysis.uncertainty.decision import (
    BILLING_BASIS,
    _intervals,
    binomial_se,
    cheapest_shares,
    evpi,
    evppi,
    percentiles,
)
from analysis.uncertainty.engine import Engine
from analysis.workbook import load

EXAMPLES = ["gulf-ecommerce", "romania-saas", "us-consumer"]


@pytest.fixture(scope="module")
def romania():
    inputs, _ = load("data/examples/romania-saas.xlsx")
    return inputs


# -- P(cheapest) ------------------------------------------------------------------------------

def test_cheapest_shares_split_ties_evenly_and_sum_to_one():
    """Four draws by hand: A cheapest twice, B once, A, B and C tied once (a third each)."""
    costs = np.array([[1.0, 2.0, 3.0], [1.0, 5.0, 4.0], [3.0, 2.0, 4.0], [2.0, 2.0, 2.0]])
    shares = cheapest_shares(costs)
    assert shares == pytest.approx([(2 + 1 / 3) / 4, (1 + 1 / 3) / 4, (1 / 3) / 4])
    assert shares.sum() == pytest.approx(1.0)


def test_the_standard_error_is_the_binomial_one_and_matches_the_spread_over_seeds():
    """sqrt(p (1 - p) / n) by the formula, and as the spread of the share over 40 independent
    runs of 1,000 draws (its standard deviation within 35% of the formula: a chi-square with 39
    degrees of freedom stays there with over 99% probability)."""
    assert binomial_se(0.3, 1_000) == pytest.approx(np.sqrt(0.3 * 0.7 / 1_000))
    reference_ = reference.load()
    gulf, _ = load("data/examples/gulf-ecommerce.xlsx")
    found = ui.factors(ui.uncertain_inputs(gulf, reference_))
    engine = Engine(gulf, reference_)
    inhouse = engine.ids.index("inhouse")
    # The in-house team against the option whose cost is closest to its own in a pilot run: a
    # share well inside (0, 1).
    pilot = engine.evaluate(ui.sample(found, 2_000, 99).points).present_value
    chances = [cheapest_shares(pilot[:, [inhouse, k]])[0] for k in range(pilot.shape[1])]
    rival = min((k for k in range(pilot.shape[1]) if k != inhouse),
                key=lambda k: abs(chances[k] - 0.5))
    runs = []
    for seed in range(40):
        value = engine.evaluate(ui.sample(found, 1_000, 100 + seed).points).present_value
        runs.append(cheapest_shares(value[:, [inhouse, rival]])[0])
    p = float(np.mean(runs))
    assert 0.1 < p < 0.9
    assert np.std(runs, ddof=1) == pytest.approx(binomial_se(p, 1_000), rel=0.35)


def test_every_candidate_has_a_chance_summing_to_one(romania):
    found = analyse(romania, reference.load(), draws=4_000)
    chances = [o.p_cheapest for o in found.candidates]
    assert sum(chances) == pytest.approx(1.0)
    assert {o.id for o in found.candidates} == {"inhouse"} | {
        f"vendor:{q.vendor}" for q in romania.quotes}
    assert all(o.p_cheapest is None for o in found.options if o.kind == "model")
    for o in found.candidates:
        assert o.p_cheapest_se == pytest.approx(np.sqrt(o.p_cheapest * (1 - o.p_cheapest)
                                                        / 4_000))


# -- percentiles -------------------------------------------------------------------------------

def test_order_statistic_intervals_cover_the_true_percentile():
    """400 samples of 2,000 standard normal draws: the interval P ± 1.96 SE holds the true
    P10, P50 and P90 (the normal quantiles) in about 95% of samples (between 91% and 98.5%:
    a binomial of 400 at 95% stays there with over 99% probability)."""
    rng = np.random.default_rng(5)
    truth = stats.norm.ppf([0.1, 0.5, 0.9])
    hits = np.zeros(3)
    for _ in range(400):
        spread = percentiles(rng.standard_normal(2_000))
        for k, q in enumerate(("p10", "p50", "p90")):
            point, se = getattr(spread, q), getattr(spread, f"{q}_se")
            hits[k] += abs(point - truth[k]) <= 1.96 * se
    assert ((hits / 400 > 0.91) & (hits / 400 < 0.985)).all(), hits / 400


# -- value of information -------------------------------------------------------------------

def test_evppi_matches_a_closed_form():
    """Two options: keep (benefit 0) or switch (benefit X + Y), X = -0.5 + 2U with U uniform,
    Y normal noise independent of U. Knowing U, one switches when X > 0:
    EVPPI(U) = E[max(X, 0)] - max(E[X], 0) = ∫ from 1/4 to 1 of (2u - 1/2) du - 1/2 = 0.0625.
    Knowing only Y (pure noise for the choice on average) the value is
    E[max(0.5 + Y, 0)] - 0.5 with Y ~ N(0, 0.3): 0.3 φ(0.5/0.3) + 0.5 Φ(0.5/0.3) - 0.5."""
    rng = np.random.default_rng(11)
    n = 200_000
    u, w = rng.random(n), rng.random(n)
    y = stats.norm.ppf(w) * 0.3
    benefits = np.stack([np.zeros(n), -0.5 + 2 * u + y])
    assert evppi(benefits, u) == pytest.approx(0.0625, abs=0.003)
    z = 0.5 / 0.3
    known_y = 0.3 * stats.norm.pdf(z) + 0.5 * stats.norm.cdf(z) - 0.5
    assert evppi(benefits, w) == pytest.approx(known_y, abs=0.003)
    # Perfect information on both: E[max(X + Y, 0)] - 0.5, by a finer second estimate.
    assert evpi(benefits) >= max(evppi(benefits, u), evppi(benefits, w))
    assert evppi(benefits, rng.random(n)) < 0.003


# -- break-even -------------------------------------------------------------------------------

def test_intervals_by_hand():
    values = np.arange(11.0)
    # Cheaper while x < 5, the edge where the line crosses zero.
    assert _intervals(values, 5 - values) == ((0.0, 5.0),)
    # Sign changes three times: positive on (0, 2.5), negative to 6.5, positive after.
    saving = np.array([3, 2, 1, -1, -2, -2, -1, 1, 2, 3, 4], dtype=float)
    assert _intervals(values, saving) == ((0.0, 2.5), (6.5, 10.0))


def test_break_even_of_a_vendors_prices_is_the_hand_solved_one(romania):
    """The saving of the best offer against the in-house team is linear in that vendor's price
    multiplier f: saving(f) = PV(in-house) - PV(offer at f) with PV(offer at f) = a + b f. Priced
    the ordinary way (`scalar`) at f = 0 and f = 1, the break-even is f* = (PV(in-house) - a) / b;
    the engine's scan puts the edge of the cheaper range there."""
    reference_ = reference.load()
    best = analyse(romania, reference_, draws=200).best_outsourced_id
    vendor = best.split(":", 1)[1]
    inputs = replace(romania, ranges=(*romania.ranges,
                                      InputRange(f"vendor_prices:{vendor}", 0.9, 1.1)))
    found = analyse(inputs, reference_, draws=200)
    scan = found.break_even_of(f"vendor_prices:{vendor}")
    options = Engine(inputs, reference_).options
    at = {f: scalar.price(*scalar.at_point(inputs, reference_, {f"vendor_prices:{vendor}": f}),
                          options) for f in (0.0, 1.0)}
    a, b = at[0.0][best][0], at[1.0][best][0] - at[0.0][best][0]
    edge = (at[1.0]["inhouse"][0] - a) / b
    assert scan.low < edge < scan.high
    (interval,) = scan.intervals
    assert interval[0] == pytest.approx(scan.low)
    assert interval[1] == pytest.approx(edge, rel=1e-6)


# -- tornado -----------------------------------------------------------------------------------

def test_tornado_ends_are_the_ordinary_pricing_at_those_ends(romania):
    """Each bar's saving at each end, priced again the ordinary way with only that factor moved
    (every member of a group to its own end); the bars sorted by swing; the billing basis bar
    from the cheapest to the dearest basis."""
    reference_ = reference.load()
    found = analyse(romania, reference_, draws=200)
    options = Engine(romania, reference_).options
    best = found.best_outsourced_id
    swings = [b.swing for b in found.tornado]
    assert swings == sorted(swings, reverse=True)
    for bar in found.tornado[:6]:
        if bar.factor == BILLING_BASIS:
            continue
        factor = found.factor(bar.factor)
        for end, saving in (("low", bar.saving_low), ("high", bar.saving_high)):
            point = {m.id: getattr(m.law, end) for m in factor.members}
            priced = scalar.price(*scalar.at_point(romania, reference_, point), options)
            assert saving == pytest.approx(priced["inhouse"][0] - priced[best][0], rel=1e-6)


# -- the engine against the ordinary pricing ------------------------------------------------------

@pytest.mark.parametrize("name", EXAMPLES)
def test_engine_agrees_with_the_per_draw_loop(name):
    """Eight draws of every uncertain input, each priced the ordinary way (Inputs built from the
    draw, options and horizon): every option's present value and steady-state year within 0.1%
    (the queue curves' handling-time grid is the only approximation, tests/test_uncertainty_
    curves.py)."""
    inputs, _ = load(f"data/examples/{name}.xlsx")
    reference_ = reference.load()
    engine = Engine(inputs, reference_)
    draws = ui.sample(ui.factors(ui.uncertain_inputs(inputs, reference_)), 8, 3)
    found = engine.evaluate(draws.points)
    for i in range(8):
        point = {k: float(v[i]) for k, v in draws.points.values.items()}
        priced = scalar.price(*scalar.at_point(inputs, reference_, point), engine.options)
        for k, option in enumerate(engine.options):
            assert found.present_value[i, k] == pytest.approx(priced[option.id][0], rel=1e-3)
            assert found.annual[i, k] == pytest.approx(priced[option.id][1], rel=1e-3)


def test_the_same_seed_gives_the_same_figures(romania):
    first = analyse(romania, reference.load(), draws=3_000, seed=9)
    again = analyse(romania, reference.load(), draws=3_000, seed=9)
    other = analyse(romania, reference.load(), draws=3_000, seed=10)
    assert first.options == again.options
    assert (first.pv_saving == again.pv_saving).all()
    assert not (first.pv_saving == other.pv_saving).all()


def test_the_books_draw_count_is_stable_from_seed_to_seed():
    """The book's 50,000 draws, three seeds, on the Gulf example (its P(cheapest) is not 0 or 1
    for the in-house team): P(cheapest) moves by less than 4 standard errors, every candidate's
    P10 present value by less than 0.5%."""
    inputs, _ = load("data/examples/gulf-ecommerce.xlsx")
    reference_ = reference.load()
    engine = Engine(inputs, reference_)
    runs = [analyse(inputs, reference_, draws=BOOK_DRAWS, seed=seed, engine=engine)
            for seed in (1, 2, 3)]
    for option in runs[0].candidates:
        chances = [r.option(option.id).p_cheapest for r in runs]
        worst = max(binomial_se(max(chances), BOOK_DRAWS), 1 / BOOK_DRAWS)
        assert max(chances) - min(chances) < 4 * worst
        tenths = [r.option(option.id).cost.p10 for r in runs]
        assert (max(tenths) - min(tenths)) / np.mean(tenths) < 0.005


# -- the billing basis, a contract term ---------------------------------------------------------

@pytest.fixture
def toy(monkeypatch):
    monkeypatch.setattr(staffing, "staff", toy_staff)


def test_billing_scenarios_show_the_verdict_under_each_basis(toy):
    paid = replace(hourly("Paid", 10), billing_basis=BillingBasis.PAID, vendor_shrinkage=0.30)
    inputs = company([paid, hourly("Seat", 14)])
    frame = billing_scenarios(inputs, reference.load())
    best = frame[frame["best"]].set_index("scenario")
    # As quoted: Seat 10,920 x 14 = 152,880 is cheaper than Paid 156,000 (see above).
    assert best.loc["as_quoted", "id"] == "vendor:Seat"
    assert best.loc["as_quoted", "total"] == pytest.approx(152_880)
    # Both on in-seat hours: Paid 109,200 wins; both on paid hours (Seat at the company's 40%):
    # Paid 156,000 against Seat 10,920 / 0.6 x 14 = 254,800; productive: 8,736 x 10 = 87,360.
    assert best.loc["in_seat", ["id", "total"]].tolist() == ["vendor:Paid", pytest.approx(109_200)]
    assert best.loc["paid", "total"] == pytest.approx(156_000)
    assert best.loc["productive", "total"] == pytest.approx(87_360)
    assert best.loc["productive", "saving"] == pytest.approx(300_000 - 87_360)
    # No per-minute quote: the per-minute scenarios are left out.
    assert set(frame["scenario"]) == {"as_quoted", "in_seat", "paid", "productive"}
    seat = frame[(frame["scenario"] == "paid") & (frame["id"] == "vendor:Seat")]
    assert seat["total"].item() == pytest.approx(254_800)




@pytest.mark.parametrize(("rate", "warned"), [(20, True), (8, False)])
def test_a_verdict_the_billing_basis_can_turn_says_so_before_signing(rate, warned):
    """At 20 an hour the vendor beats the in-house team billed on in-seat hours but not on
    paid hours (the company's 40% shrinkage: 1 / 0.6 of the hours); at 8 it wins on every basis.
    The loss the caveat names is the ordinary pricing's, the quote billed on its dearest basis."""
    inputs = company([hourly("Seat", rate)])
    comparison = compare.compare(inputs, draws=200)
    assert comparison.recommendation.option_id == "vendor:Seat"
    found = [m for m in comparison.recommendation.caveats if m.id.startswith("Billed on")]
    if not warned:
        assert found == []
        return
    dearest = evaluate_horizon(options.evaluate(at_basis_end(inputs, dearest=True)))
    loss = dearest.option("vendor:Seat").present_value - dearest.inhouse.present_value
    assert loss > 0
    (caveat,) = found
    assert dict(caveat.params)["loss_money"] == pytest.approx(loss, rel=1e-3)
