"""The command line as an analyst meets it: real processes, exit codes, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = sorted((Path(__file__).parents[1] / "data" / "examples").glob("*.xlsx"))
PUBLISHED = ["--calls", "100", "--interval-minutes", "30", "--aht-seconds", "180",
             "--target-seconds", "20"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True,
                          text=True, timeout=120, check=False)


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr + result.stdout


def test_published_erlang_c_example_to_its_precision():
    """Published worked example: 100 calls/30 min, AHT 180 s, 80 % in 20 s, max occupancy 85 %,
    shrinkage 30 % -> 10 erlangs, 14 agents (SL 88.8 %, P(wait) 17.4 %, ASA 7.8 s, occupancy
    71.4 %), 20 scheduled."""
    result = run("staffing", *PUBLISHED, "--service-level", "80", "--max-occupancy", "85",
                 "--shrinkage", "30", "--json")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["traffic_erlangs"] == 10
    assert answer["agents"] == 14
    assert answer["scheduled"] == 20
    assert round(answer["service_level"], 3) == 0.888
    assert round(answer["wait_probability"], 3) == 0.174
    assert round(answer["asa_seconds"], 1) == 7.8
    assert round(answer["occupancy"], 3) == 0.714


def test_given_agents_reports_what_they_achieve():
    """Same interval with 14 agents given: the same figures as the published answer."""
    answer = json.loads(run("staffing", *PUBLISHED, "--agents", "14", "--json").stdout)
    assert answer["agents"] == 14
    assert round(answer["service_level"], 3) == 0.888


def test_too_few_agents_is_explained_not_crashed():
    """9 agents for 10 erlangs: everyone waits forever; ASA has no finite value."""
    result = run("staffing", *PUBLISHED, "--agents", "9", "--json")
    assert result.returncode == 0
    answer = json.loads(result.stdout)
    assert answer["wait_probability"] == 1
    assert answer["asa_seconds"] is None


def test_patience_adds_the_abandon_probability_of_the_exact_chain():
    """The done-when case: 14 agents, 120 s mean patience. Wait and abandon probabilities equal
    the birth-death chain's (built in test_erlang_a) to three decimals; the service level is
    within a point of the simulated queue (test_erlang_a_simulation, 118,000 callers)."""
    from test_erlang_a import chain
    from test_erlang_a_simulation import batch_mean_and_error, simulate

    result = run("staffing", *PUBLISHED, "--agents", "14", "--patience-seconds", "120", "--json")
    answer = json.loads(result.stdout)
    exact = chain(14, 10.0, 180.0, 120.0, 20.0)
    for key in ("wait_probability", "abandon_probability"):
        assert round(answer[key], 3) == round(exact[key], 3), key
    simulated, _error = batch_mean_and_error([float(c[2]) for c in simulate(14, 10.0, 120.0, 1)])
    assert abs(answer["service_level"] - simulated) < 0.01
    without = json.loads(run("staffing", *PUBLISHED, "--agents", "14", "--json").stdout)
    assert "abandon_probability" not in without


def test_patience_needs_no_more_agents_than_erlang_c():
    with_patience = json.loads(run("staffing", *PUBLISHED, "--service-level", "80",
                                   "--patience-seconds", "120", "--json").stdout)
    erlang_c = json.loads(run("staffing", *PUBLISHED, "--service-level", "80", "--json").stdout)
    assert with_patience["agents"] <= erlang_c["agents"] == 14
    assert with_patience["service_level"] >= 0.8
    text = run("staffing", *PUBLISHED, "--service-level", "80", "--patience-seconds", "120")
    assert "hanging up" in text.stdout


def test_text_output_in_romanian_uses_decimal_comma():
    result = run("staffing", *PUBLISHED, "--service-level", "80", "--lang", "ro")
    assert result.returncode == 0
    assert "88,8%" in result.stdout.replace("\xa0", "")


@pytest.mark.parametrize("bad", [
    ["--calls", "-5"], ["--calls", "nan"], ["--calls", "inf"], ["--calls", "1e12"],
    ["--calls", "ten"], ["--aht-seconds", "0"], ["--service-level", "100"],
    ["--service-level", "150"], ["--interval-minutes", "-1"], ["--patience-seconds", "0"],
    ["--patience-seconds", "nan"], ["--patience-seconds", "1e9"],
])
def test_bad_interval_values_get_a_message(bad):
    args = dict(zip(PUBLISHED[::2], PUBLISHED[1::2], strict=True))
    args["--service-level"] = "80"
    args.update(dict(zip(bad[::2], bad[1::2], strict=True)))
    result = run("staffing", *[x for pair in args.items() for x in pair])
    assert result.returncode in (1, 2)
    assert result.stderr.strip()
    no_traceback(result)


def test_validate_valid_example():
    result = run("validate", str(EXAMPLES[0]))
    assert result.returncode == 0, result.stderr
    assert "valid" in result.stdout


def test_validate_lists_every_problem_with_sheet_and_cell(edited):
    """Two broken cells -> both reported, each with its sheet and cell."""
    path = edited({"InHouse": {"B4": "thirty thousand"}, "Company": {"B8": 99}})
    before = path.read_bytes()
    result = run("validate", str(path))
    assert result.returncode == 1
    no_traceback(result)
    assert "“InHouse”, cell B4" in result.stderr
    assert "“Company”, cell B8" in result.stderr
    assert path.read_bytes() == before


@pytest.mark.parametrize("target", ["missing.xlsx", "notes.txt"])
def test_validate_unreadable_file(tmp_path, target):
    path = tmp_path / target
    if target.endswith(".txt"):
        path.write_text("not a workbook")
    result = run("validate", str(path), "--lang", "ar")
    assert result.returncode == 1
    no_traceback(result)
    assert str(path) in result.stderr


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", ["en", "ar", "ro"])
def test_summary_of_each_example_in_each_language(example, lang):
    result = run("summary", str(example), "--lang", lang)
    assert result.returncode == 0, result.stderr
    in_house = {"en": "In-house team", "ar": "فريق داخلي", "ro": "Echipă internă"}[lang]
    assert in_house in result.stdout


def test_summary_json_is_cheapest_first_and_saving_is_against_in_house():
    """Cheapest over the horizon first (the verdict's basis); the annual saving is against
    in-house."""
    rows = json.loads(run("summary", str(EXAMPLES[0]), "--json").stdout)["options"]
    costs = [row["present_value"] for row in rows]
    assert costs == sorted(costs)
    inhouse = next(row for row in rows if row["id"] == "inhouse")
    assert inhouse["saving"] == 0
    for row in rows:
        assert row["saving"] == pytest.approx(inhouse["annual_cost"] - row["annual_cost"])


def test_template_writes_then_refuses_to_overwrite(tmp_path):
    out = tmp_path / "blank.xlsx"
    assert run("template", str(out)).returncode == 0
    written = out.read_bytes()
    again = run("template", str(out))
    assert again.returncode == 1
    no_traceback(again)
    assert out.read_bytes() == written
    assert run("template", str(out), "--force").returncode == 0


def test_blank_template_is_reported_as_incomplete(tmp_path):
    """A blank workbook lacks at least the company name (Company!B4, the first field) and the
    salary (InHouse!B4); both are named."""
    out = tmp_path / "blank.xlsx"
    run("template", str(out))
    result = run("validate", str(out))
    assert result.returncode == 1
    no_traceback(result)
    assert "“Company”, cell B4" in result.stderr
    assert "“InHouse”, cell B4" in result.stderr


def test_template_needs_an_xlsx_name(tmp_path):
    result = run("template", str(tmp_path / "company.txt"))
    assert result.returncode == 1
    assert ".xlsx" in result.stderr
    assert not (tmp_path / "company.txt").exists()


def test_absurd_agent_count_is_refused_quickly():
    result = run("staffing", *PUBLISHED, "--agents", "100000000")
    assert result.returncode == 1
    no_traceback(result)


GULF = str(Path(__file__).parents[1] / "data" / "examples" / "gulf-ecommerce.xlsx")


def test_uncertainty_gives_every_candidate_its_chance_with_errors():
    """The issue's check: 100,000 draws of the Gulf example. Every candidate (in-house and each
    vendor that quoted) has P(cheapest), the shares summing to 1, each with its binomial
    standard error; benchmarks have none; every option its P10 <= P50 <= P90 with errors."""
    from analysis.workbook import load

    result = run("uncertainty", GULF, "--draws", "100000", "--json")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    inputs, _ = load(GULF)
    candidates = [o for o in answer["options"] if o["p_cheapest"] is not None]
    assert {o["id"] for o in candidates} == {"inhouse"} | {
        f"vendor:{q.vendor}" for q in inputs.quotes}
    assert sum(o["p_cheapest"] for o in candidates) == pytest.approx(1.0)
    for option in answer["options"]:
        if option["kind"] == "benchmark":
            assert option["p_cheapest"] is None and option["p_cheapest_se"] is None
        else:
            p = option["p_cheapest"]
            assert option["p_cheapest_se"] == pytest.approx((p * (1 - p) / 100_000) ** 0.5)
        assert option["p10"] <= option["p50"] <= option["p90"]
        assert all(option[f"{q}_se"] >= 0 for q in ("p10", "p50", "p90"))
    assert (answer["draws"], answer["threshold"]) == (100_000, 0.8)


def test_uncertainty_is_the_same_for_the_same_seed_and_readable_in_arabic():
    first = run("uncertainty", GULF, "--draws", "2000", "--seed", "5", "--json")
    again = run("uncertainty", GULF, "--draws", "2000", "--seed", "5", "--json")
    other = run("uncertainty", GULF, "--draws", "2000", "--seed", "6", "--json")
    assert first.stdout == again.stdout != other.stdout
    text = run("uncertainty", GULF, "--draws", "2000", "--lang", "ar")
    assert text.returncode == 0
    no_traceback(text)
    assert "P10" in text.stdout


@pytest.mark.parametrize("draws", ["0", "99", "500001", "many"])
def test_uncertainty_refuses_draws_it_cannot_make(draws):
    result = run("uncertainty", GULF, "--draws", draws)
    assert result.returncode == 2
    no_traceback(result)
    assert "--draws" in result.stderr
