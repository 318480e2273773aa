"""The whole comparison end to end on a company small enough to do by hand (see toy_company)."""

import pytest
from toy_company import company, hourly, toy_staff

from analysis import compare, staffing
from analysis.uncertainty import FACTORS


@pytest.fixture(autouse=True)
def toy(monkeypatch):
    monkeypatch.setattr(staffing, "staff", toy_staff)


def test_compare_runs_end_to_end():
    result = compare.compare(company([hourly("Cheap", 10)]), draws=5)
    assert result.recommendation.option_id == "vendor:Cheap"
    assert set(result.tornado["factor"]) == {f.id for f in FACTORS}
    assert result.break_even is None
