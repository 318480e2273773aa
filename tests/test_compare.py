"""The whole comparison end to end on a company small enough to do by hand (see toy_company)."""

import pytest
from toy_company import company, hourly, toy_staff

from analysis import compare, staffing


@pytest.fixture(autouse=True)
def toy(monkeypatch):
    monkeypatch.setattr(staffing, "staff", toy_staff)


def test_compare_runs_end_to_end():
    result = compare.compare(company([hourly("Cheap", 10)]), draws=500)
    assert result.recommendation.option_id == "vendor:Cheap"
    assert result.recommendation.p_cheapest == result.uncertainty.option("vendor:Cheap").p_cheapest
    assert {b.factor for b in result.uncertainty.tornado} >= {
        f.id for f in result.uncertainty.factors}
