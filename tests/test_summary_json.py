"""`summary --json`: one stable object per workbook (README, "summary --json"), its numbers
checked with arithmetic done here from the printed values and the workbook's own inputs."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from toy_company import PHONE, company, hourly

from analysis import cli, compare, summary
from analysis.uncertainty import BOOK_DRAWS
from analysis.workbook import load

EXAMPLES = sorted((Path(__file__).parents[1] / "data" / "examples").glob("*.xlsx"))
VERDICT_KEYS = {"code", "option_id", "best_outsourced_id", "annual_saving", "saving_share",
                "saving_range", "pv_saving", "pv_range", "npv", "payback_month", "p_cheapest",
                "threshold"}
OPTION_KEYS = {"id", "name", "kind", "annual_cost", "per_contact", "per_handled_minute", "fte",
               "company_fte", "saving", "present_value", "npv", "payback_month",
               "annual_cost_by_year", "p_cheapest", "p_cheapest_se"}
HORIZON_KEYS = {"basis", "years", "discount_rate", "today_id", "exit_year"}
# The sourcing models of seed 003 at the middle of the two seed 001 markets: the hybrid only for
# a company open at night or at weekends (gulf-ecommerce 7 days, us-consumer 6); romania-saas
# keeps weekdays 09:00-18:00 on every channel, where the hybrid would be the dedicated model.
MODELS = {"gulf-ecommerce": ("shared", "dedicated", "hybrid"),
          "romania-saas": ("shared", "dedicated"),
          "us-consumer": ("shared", "dedicated", "hybrid")}


def benchmarks(stem: str) -> set[str]:
    return {f"model:{model}:{market}:mid" for model in MODELS[stem]
            for market in ("international", "usa_canada")}


def strict(text: str) -> dict:
    """json.loads refusing NaN and Infinity, which Python's own parser accepts by default."""
    def refuse(constant: str) -> None:
        raise ValueError(f"{constant} in the JSON")
    return json.loads(text, parse_constant=refuse)


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda path: path.stem)
def printed(request):
    """The object printed for one example workbook, the workbook's inputs and its name."""
    result = subprocess.run(
        [sys.executable, "-m", "analysis", "summary", str(request.param), "--json"],
        capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    inputs, _warnings = load(request.param)
    return strict(result.stdout), inputs, request.param.stem


def by_id(answer: dict) -> dict[str, dict]:
    return {option["id"]: option for option in answer["options"]}


def test_shape(printed):
    answer, inputs, *_ = printed
    assert answer["format"] == 2
    assert answer["company"] == inputs.company.name
    assert answer["currency"] == inputs.company.currency
    assert set(answer["horizon"]) >= HORIZON_KEYS
    assert answer["horizon"]["basis"] == "present_value"
    assert answer["horizon"]["years"] == inputs.company.horizon_years
    assert set(answer["verdict"]) >= VERDICT_KEYS
    assert answer["verdict"]["code"] in {"outsource", "in_house", "too_close"}
    assert set(answer["verdict"]["saving_range"]) >= {"p10", "p50", "p90", "draws", "seed"}
    for option in answer["options"]:
        assert set(option) >= OPTION_KEYS, option["id"]


def test_kinds_tell_the_team_quotes_and_benchmarks_apart(printed):
    answer, inputs, stem = printed
    kinds = {option["id"]: option["kind"] for option in answer["options"]}
    vendors = {f"vendor:{quote.vendor}" for quote in inputs.quotes}
    assert kinds == ({"inhouse": "inhouse"} | dict.fromkeys(vendors, "vendor")
                     | dict.fromkeys(benchmarks(stem), "benchmark"))


def test_cheapest_first_and_savings_against_in_house(printed):
    """Cheapest over the horizon first; the annual saving against in-house."""
    answer, inputs, *_ = printed
    costs = [option["present_value"] for option in answer["options"]]
    assert costs == sorted(costs)
    inhouse = by_id(answer)["inhouse"]["annual_cost"]
    # Every option serves the same contacts: 12 months x the workbook's monthly contacts, each
    # handled for its channel's AHT.
    contacts = sum(d.monthly_contacts for d in inputs.demand) * 12
    minutes = sum(d.monthly_contacts * d.aht_seconds / 60 for d in inputs.demand) * 12
    for option in answer["options"]:
        assert option["saving"] == pytest.approx(inhouse - option["annual_cost"])
        assert option["annual_cost"] / option["per_contact"] == pytest.approx(contacts)
        assert option["annual_cost"] / option["per_handled_minute"] == pytest.approx(minutes)


def test_npv_and_payback_against_today(printed):
    """Each option's NPV is today's present value minus its own; today's operation has NPV 0 and
    pays back at once; one cost per year of the horizon, whose undiscounted sum bounds the present
    value from above and, discounted by a whole horizon, from below."""
    answer, inputs, *_ = printed
    options, horizon = by_id(answer), answer["horizon"]
    today = options[horizon["today_id"]]
    rate, years = horizon["discount_rate"], horizon["years"]
    assert horizon["today_id"] == ("inhouse" if inputs.years.current_vendor is None
                                   else f"vendor:{inputs.years.current_vendor}")
    assert (today["npv"], today["payback_month"]) == (0, 1)
    for option in answer["options"]:
        assert option["npv"] == pytest.approx(today["present_value"] - option["present_value"])
        assert len(option["annual_cost_by_year"]) == years
        total = sum(option["annual_cost_by_year"])
        assert total * (1 + rate) ** -years <= option["present_value"] <= total
        month = option["payback_month"]
        assert month is None or 1 <= month <= 12 * years


def test_verdict_follows_from_the_options_and_the_range(printed):
    """The verdict's basis is the present value over the horizon; the annual figures beside."""
    answer, *_ = printed
    verdict, options = answer["verdict"], by_id(answer)
    inhouse = options["inhouse"]
    best = options[verdict["best_outsourced_id"]]
    # The vendors' offers compete; without any quote, the benchmarks do.
    vendors = [o for o in answer["options"] if o["kind"] == "vendor"]
    competing = vendors or [o for o in answer["options"] if o["kind"] == "benchmark"]
    assert best["present_value"] == min(o["present_value"] for o in competing)
    assert verdict["pv_saving"] == pytest.approx(inhouse["present_value"] - best["present_value"])
    assert verdict["annual_saving"] == pytest.approx(inhouse["annual_cost"] - best["annual_cost"])
    assert verdict["saving_share"] == pytest.approx(
        verdict["annual_saving"] / inhouse["annual_cost"])
    spread = verdict["saving_range"]
    assert spread["p10"] <= spread["p50"] <= spread["p90"]
    assert spread["draws"] == BOOK_DRAWS
    likely = verdict["pv_range"]
    assert likely["p10"] <= likely["p90"]
    # The chance of being the cheapest: every candidate (in-house and the vendors' offers) has
    # one, the benchmarks none; they sum to 1, each with its binomial standard error.
    candidates = [o for o in answer["options"] if o["kind"] != "benchmark"]
    assert all(o["p_cheapest"] is None and o["p_cheapest_se"] is None
               for o in answer["options"] if o["kind"] == "benchmark")
    assert sum(o["p_cheapest"] for o in candidates) == pytest.approx(1.0)
    for o in candidates:
        p = o["p_cheapest"]
        assert o["p_cheapest_se"] == pytest.approx(math.sqrt(p * (1 - p) / BOOK_DRAWS))
    if not vendors:
        assert (verdict["code"], verdict["option_id"]) == ("no_quote", "inhouse")
        return
    # The rule: the candidate cheapest in the most draws, recommended at 80% or more.
    top = max(candidates, key=lambda o: o["p_cheapest"])
    assert (verdict["option_id"], verdict["p_cheapest"]) == (top["id"], top["p_cheapest"])
    assert verdict["threshold"] == 0.8
    chosen = options[verdict["option_id"]]
    assert (verdict["npv"], verdict["payback_month"]) == (chosen["npv"], chosen["payback_month"])
    if top["p_cheapest"] < 0.8:
        assert verdict["code"] == "too_close"
    else:
        assert verdict["code"] == ("outsource" if top["kind"] == "vendor" else "in_house")


def test_undefined_numbers_are_null():
    """No contacts at all: nothing to divide a cost by, and an in-house cost of 0 to share a
    saving of. Those are null; the rest are numbers."""
    quiet = company([hourly("Cheap", 10)], demand=(replace(PHONE, monthly_contacts=0),))
    answer = strict(summary.dumps(summary.summary_object(quiet)))
    assert answer["verdict"]["saving_share"] is None
    for option in answer["options"]:
        assert option["per_contact"] is None
        assert option["per_handled_minute"] is None
        assert option["annual_cost"] == 0


def test_a_nan_that_slips_through_fails_loudly(monkeypatch, capsys):
    """A saving gone NaN is a bug: the command stops with an internal error rather than print
    JSON that strict parsers refuse."""
    real = compare.compare

    def broken(inputs):
        found = real(inputs)
        return replace(found, recommendation=replace(found.recommendation,
                                                     annual_saving=math.nan))

    monkeypatch.setattr(compare, "compare", broken)
    monkeypatch.delenv("ANALYSIS_DEBUG", raising=False)
    assert cli.main(["summary", str(EXAMPLES[0]), "--json"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "Internal error (ValueError)" in err
