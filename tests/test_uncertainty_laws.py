"""The laws inputs are drawn from, against their textbook formulas and scipy's own quantiles; the
comonotone groups and the default spreads."""

import numpy as np
import pytest
from scipy import stats

from analysis import reference
from analysis.uncertainty import inputs as ui
from analysis.uncertainty.laws import Shape, pert, triangular
from analysis.workbook import load

U = (np.arange(200_000) + 0.5) / 200_000
"""An evenly spread sample of [0, 1]: the quantile function's moments are those of the law to
within the sample's discretisation (far below the tolerances here)."""


@pytest.mark.parametrize(("low", "likely", "high"), [(10, 20, 60), (0.2, 0.35, 0.4),
                                                    (100, 100, 130)])
def test_pert_moments_are_the_textbook_ones(low, likely, high):
    """PERT (Vose, ch. 9): mean (a + 4m + b) / 6; variance (mean - a)(b - mean) / 7."""
    law = pert(low, likely, high)
    values = law.quantile(U)
    mean = (low + 4 * likely + high) / 6
    assert values.mean() == pytest.approx(mean, rel=1e-5)
    assert values.var() == pytest.approx((mean - low) * (high - mean) / 7, rel=1e-3)
    assert values.min() >= low and values.max() <= high


def test_pert_quantile_table_matches_scipys_inverse():
    """The interpolated table against scipy's exact inverse of the Beta distribution."""
    law = pert(10, 20, 60)
    alpha, beta = 1 + 4 * (20 - 10) / 50, 1 + 4 * (60 - 20) / 50
    u = np.linspace(0.001, 0.999, 999)
    exact = 10 + 50 * stats.beta.ppf(u, alpha, beta)
    assert np.abs(law.quantile(u) - exact).max() < 1e-5 * 50
    assert law.cdf(law.quantile(u)) == pytest.approx(u, abs=1e-5)


def test_triangular_moments_are_the_textbook_ones():
    """Mean (a + c + b) / 3; variance (a² + b² + c² - ab - ac - bc) / 18."""
    a, c, b = 2.0, 3.0, 9.0
    values = triangular(a, c, b).quantile(U)
    assert values.mean() == pytest.approx((a + b + c) / 3, rel=1e-6)
    assert values.var() == pytest.approx((a * a + b * b + c * c - a * b - a * c - b * c) / 18,
                                         rel=1e-4)
    # The median of this law by hand: F(c) = (c - a) / (b - a) = 1/7 < 1/2, so the median m
    # solves 1 - (b - m)² / ((b - a)(b - c)) = 1/2: m = 9 - sqrt(21).
    assert np.median(values) == pytest.approx(9 - np.sqrt(21), rel=1e-5)


def test_a_range_without_width_is_the_value_itself():
    law = pert(5, 5, 5)
    assert law.shape is Shape.FIXED
    assert (law.quantile(U[:10]) == 5).all()


def test_the_likeliest_value_must_lie_in_the_range():
    with pytest.raises(ValueError):
        pert(10, 30, 20)


GULF = "data/examples/gulf-ecommerce.xlsx"


def test_salaries_and_volumes_are_drawn_together_the_rest_apart():
    """One uniform number per group: every salary at the same quantile of its own law, every
    channel's volume likewise; other factors independent of them."""
    inputs, _ = load(GULF)
    found = ui.factors(ui.uncertain_inputs(inputs, reference.load()))
    draws = ui.sample(found, 20_000, 1)
    values = draws.points.values
    salaries = [m for f in found if f.id == "salaries" for m in f.members]
    assert len(salaries) >= 2
    for member in salaries:
        assert member.law.cdf(values[member.id]) == pytest.approx(
            salaries[0].law.cdf(values[salaries[0].id]), abs=1e-4)
    volumes = [m for f in found if f.id == "volume" for m in f.members]
    assert {m.id for m in volumes} == {f"monthly_contacts:{d.channel.value}"
                                       for d in inputs.demand}
    rank = stats.spearmanr(values[volumes[0].id], values[volumes[1].id]).statistic
    assert rank == pytest.approx(1.0)
    # Independent factors: rank correlation within a few standard errors (1/sqrt(n)) of zero.
    other = stats.spearmanr(values[salaries[0].id], values["shrinkage"]).statistic
    assert abs(other) < 4 / np.sqrt(20_000)


def test_ranges_sheet_defaults_and_published_ranges():
    """The Gulf example's own ranges (its Ranges sheet), a default spread (±10% on the agents'
    salary) and a published price range drawn triangular with its mode at the middle."""
    inputs, _ = load(GULF)
    found = {u.id: u for u in ui.uncertain_inputs(inputs, reference.load())}
    chat = found["monthly_contacts:chat"]
    assert (chat.source, chat.law.low, chat.law.likely, chat.law.high) == (
        ui.Source.WORKBOOK, 25_000, 30_000, 40_000)
    riyadh = found["vendor_prices:Riyadh BPO (illustrative)"]
    assert (riyadh.law.low, riyadh.law.likely, riyadh.law.high) == (0.9, 1.0, 1.0)
    salary = found["annual_salary"]
    assert salary.source is ui.Source.DEFAULT
    assert (salary.law.low, salary.law.high) == pytest.approx((0.9 * 84_000, 1.1 * 84_000))
    published = found["reference:dedicated_hourly:international"]
    assert published.law.shape is Shape.TRIANGULAR
    assert published.law.likely == pytest.approx((published.law.low + published.law.high) / 2)
    # A firm quote without a row stays as quoted: no range for Cairo's prices.
    assert "vendor_prices:Cairo Contact Centre (illustrative)" not in found
