"""Reading the format-v2 contract terms, management block and benchmark terms from a workbook.

Cells refer to the SMALL company of conftest.py: Quotes row 4 is Alpha (India, email, monthly
per agent, quoted in USD at 0.8 EUR to the dollar), row 5 Beta (Latin America, outbound phone,
hourly + commission, in EUR); the contract terms are Quotes columns K (billing basis), L (vendor
shrinkage), M (contract hours a week), N (night/weekend surcharge), O (service-level target),
P (planned service level), Q (credit per point), R (bonus per point), S (cap), T (resolution
rate). InHouse B27-B35 is the management block (B35: time on site off the phones); the company's
shrinkage is 35% (B18). Demand!P is the after-call-work share; Assumptions B37-B38 the
benchmark terms.
"""

import pytest

from analysis.model import BillingBasis, Channel, LicenceBasis, PricingModel
from analysis.workbook import Severity, WorkbookInvalid, load


def problems_of(path):
    with pytest.raises(WorkbookInvalid) as caught:
        load(path)
    return caught.value.problems


def at(problems, sheet, cell, severity=Severity.ERROR):
    (problem,) = [p for p in problems
                  if (p.sheet, p.cell, p.severity) == (sheet, cell, severity)]
    return problem


def by_vendor(inputs, vendor):
    (quote,) = [q for q in inputs.quotes if q.vendor == vendor]
    return quote


def test_every_term_is_read_and_converted(edited):
    inputs, warnings = load(edited({
        "Quotes": {"K5": "Paid hours", "L5": 28, "N5": 10, "O5": 85, "P5": 82, "Q5": 2,
                   "R5": 1, "S5": 12, "M4": 48},
        "Demand": {"P4": 25},
        "InHouse": {"B27": 60, "B28": 90000, "B33": 3, "B34": "Per seat", "B35": 10},
        "Assumptions": {"B37": 2, "B38": 50},
    }))
    assert warnings == []
    beta = by_vendor(inputs, "Beta")
    assert beta.basis is BillingBasis.PAID
    # Percent points become fractions.
    assert (beta.vendor_shrinkage, beta.night_weekend_surcharge) == (0.28, 0.10)
    assert (beta.sla_target, beta.planned_service_level) == (0.85, 0.82)
    assert (beta.credit_per_point, beta.bonus_per_point, beta.credit_cap) == (0.02, 0.01, 0.12)
    assert by_vendor(inputs, "Alpha").contract_hours_week == 48
    phone = next(d for d in inputs.demand if d.channel is Channel.INBOUND_PHONE)
    assert phone.acw_share == 0.25
    costs = inputs.inhouse
    assert (costs.agents_per_operations_manager, costs.operations_manager_salary) == (60, 90000)
    assert costs.quality_analyst_salary is None  # blank: the team lead's
    assert costs.manager_salaries == (90000, 45000, 45000)
    assert (costs.training_weeks, costs.software_licences, costs.onsite_shrinkage) == (
        3, LicenceBasis.PER_SEAT, 0.10)
    assert (inputs.assumptions.benchmark_setup_months,
            inputs.assumptions.benchmark_minimum_share) == (2, 0.5)


def test_blank_terms_keep_the_defaults(filled_workbook):
    inputs, _warnings = load(filled_workbook)
    alpha, beta = by_vendor(inputs, "Alpha"), by_vendor(inputs, "Beta")
    assert beta.billing_basis is None and beta.basis is BillingBasis.IN_SEAT
    assert alpha.basis is None  # monthly per agent: billed per agent
    assert (alpha.contract_hours_week, alpha.vendor_shrinkage) == (40, None)
    assert (beta.credit_per_point, beta.bonus_per_point, beta.credit_cap) == (0, 0, 0.10)
    assert beta.resolution_rate == 0.70


def test_a_basis_must_fit_the_pricing_model(edited):
    problems = problems_of(edited({"Quotes": {"K5": "Talk time", "K4": "Paid hours"}}))
    hourly = at(problems, "Quotes", "K5")
    assert hourly.found == "Talk time"
    assert dict(hourly.params) == {"bases": "In-seat hours, Paid hours, Productive hours"}
    monthly = at(problems, "Quotes", "K4")
    assert "billed per agent" in monthly.expected


def test_talk_time_is_for_phone_and_chat(edited):
    problems = problems_of(edited({"Quotes": {
        "A6": "Gamma", "B6": "India", "C6": "Email", "D6": "Shared, per minute", "E6": 0.3,
        "K6": "Talk time"}}))
    problem = at(problems, "Quotes", "K6")
    assert dict(problem.params) == {"channel": "Email"}


def test_terms_another_model_does_not_use_are_ignored_with_a_warning(edited):
    inputs, warnings = load(edited({"Quotes": {"M5": 45, "T4": 80, "L4": 25}}))
    cells = {(w.sheet, w.cell) for w in warnings if w.severity is Severity.WARNING}
    # Contract hours on an hourly quote, a resolution rate on a monthly one; the vendor's
    # shrinkage on a monthly quote is used (it sets the agents), so no warning for L4.
    assert cells == {("Quotes", "M5"), ("Quotes", "T4")}
    assert by_vendor(inputs, "Alpha").vendor_shrinkage == 0.25


def test_credits_need_a_target(edited):
    # Alpha answers email, which has no service level on the Demand sheet: a credit needs O4.
    problems = problems_of(edited({"Quotes": {"Q4": 2}}))
    assert "target" in at(problems, "Quotes", "O4").expected
    inputs, _warnings = load(edited({"Quotes": {"Q4": 2, "O4": 90}}))
    assert by_vendor(inputs, "Alpha").sla_target == 0.90


def test_per_outcome_quote(edited):
    inputs, warnings = load(edited({"Quotes": {
        "A6": "Gamma", "B6": "India", "C6": "Email", "D6": "Per resolved contact", "E6": 3,
        "F6": "EUR", "T6": 80}}))
    assert warnings == []
    gamma = by_vendor(inputs, "Gamma")
    assert (gamma.model, gamma.rate, gamma.resolution_rate) == (
        PricingModel.PER_OUTCOME, 3, 0.80)


def test_time_on_site_above_the_shrinkage_is_capped_with_a_warning(edited):
    inputs, warnings = load(edited({"InHouse": {"B18": 20, "B35": 25}}))
    warning = at(warnings, "InHouse", "B35", Severity.WARNING)
    assert dict(warning.params) == {"cell": "B18", "shrinkage": "20"}
    assert inputs.inhouse.onsite_shrinkage == 0.25  # the cost model reads it as the 20%


def test_bounds_of_the_new_fields(edited):
    problems = problems_of(edited({
        "Quotes": {"M4": 5, "L5": 95, "S5": 150}, "InHouse": {"B27": 0, "B34": "Per desk"},
        "Demand": {"P4": 95}, "Assumptions": {"B37": 30}}))
    for sheet, cell in (("Quotes", "M4"), ("Quotes", "L5"), ("Quotes", "S5"),
                        ("InHouse", "B27"), ("InHouse", "B34"), ("Demand", "P4"),
                        ("Assumptions", "B37")):
        assert at(problems, sheet, cell)
