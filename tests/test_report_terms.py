"""The book's view of contract terms, benchmarks and the full in-house cost, on the toy company of
toy_company.py (one phone line around the clock: 10,920 in-seat hours a year, 8,736 of handling,
524,160 handled minutes; 3.75 SAR to the dollar; in-house 300,000 SAR a year)."""

from dataclasses import replace

import pytest
from toy_company import COSTS, company, hourly, toy_staff

from analysis import compare, options, report, staffing, summary
from analysis.model import BillingBasis, Channel, PricingModel, VendorQuote
from analysis.recommend import NO_QUOTE


@pytest.fixture(autouse=True)
def toy(monkeypatch):
    monkeypatch.setattr(staffing, "staff", toy_staff)


def _quote(region: str, model: PricingModel, rate: float, **terms) -> VendorQuote:
    return VendorQuote(f"{region} {model} {rate}", region, Channel.INBOUND_PHONE, model, rate,
                       0, 0, 0, 0, **terms)


def test_each_quote_is_held_against_its_own_regions_range_per_hour_in_seat():
    quotes = (
        # India 5-9 USD/h x 3.75 = 18.75-33.75 SAR/h. 40 SAR per in-seat hour: above.
        _quote("india", PricingModel.DEDICATED_PER_HOUR, 40),
        # 20 SAR per paid hour at 50% vendor shrinkage is 20 / 0.5 = 40 per hour in seat: above,
        # though its rate alone would sit within the range.
        _quote("india", PricingModel.DEDICATED_PER_HOUR, 20, billing_basis=BillingBasis.PAID,
               vendor_shrinkage=0.5),
        # Shared USA/Canada 0.75-0.90 USD/min = 2.8125-3.375 SAR: 3.0 within.
        _quote("usa_canada", PricingModel.SHARED_PER_MINUTE, 3.0),
        # Shared international (an Indian vendor) 0.35-0.45 = 1.3125-1.6875: 1.0 below.
        _quote("india", PricingModel.SHARED_PER_MINUTE, 1.0),
        # Monthly: 210 in-seat h a week / (40 h x (1 - 40%) = 24) = 8.75 -> 9 agents x 5,000 x 12
        # = 540,000 / 10,920 h = 49.45 SAR per hour in seat: above.
        _quote("india", PricingModel.MONTHLY_PER_AGENT, 5000),
        # Per contact: no published range.
        _quote("india", PricingModel.PER_TRANSACTION, 2),
    )
    frame = report.quote_positions(options.evaluate(company(quotes)))
    assert frame["position"].tolist() == ["above", "above", "within", "below", "above", "none"]
    assert frame["unit"].tolist() == ["hour", "hour", "minute", "minute", "hour", ""]
    assert frame["compared"].tolist()[:5] == pytest.approx([40, 40, 3.0, 1.0, 540_000 / 10_920])
    assert frame["low"].tolist()[:5] == pytest.approx([18.75, 18.75, 2.8125, 1.3125, 18.75])


def test_the_quote_terms_table_names_each_basis_and_quantity():
    quotes = (_quote("india", PricingModel.DEDICATED_PER_HOUR, 20, billing_basis=BillingBasis.PAID,
                     vendor_shrinkage=0.5, night_weekend_surcharge=0.1),
              _quote("india", PricingModel.PER_OUTCOME, 3, resolution_rate=0.8))
    text = report.quote_terms_table(options.evaluate(company(quotes)), "en").text
    rows = text.splitlines()
    # Paid hours: 10,920 / 0.5 = 21,840 a year; premium hours are 88 of 168 in the week.
    assert "Paid hours | 21,840 hours | 10% more at night and at weekends" in rows[1]
    # 87,360 calls x 80% resolved = 69,888 resolved contacts x 3 = 209,664.
    assert "per resolved contact | 69,888 resolved contacts | 80% of contacts resolved" in rows[2]
    assert rows[0].endswith("Annual cost (SAR)") and rows[2].endswith(" | 209,664")


def test_the_billing_table_shows_the_cheapest_offer_on_each_basis():
    quotes = (replace(hourly("Paid", 10), billing_basis=BillingBasis.PAID,
                      vendor_shrinkage=0.30), hourly("Seat", 14))
    text = report.billing_table(options.evaluate(company(quotes)), "ar").text
    # As quoted, Seat 152,880 (saving 147,120); on paid hours Paid at 156,000 (see
    # test_uncertainty). Vendor names stay as written in every language.
    assert "Seat" in text.splitlines()[1] and "Paid" in text.splitlines()[3]
    sentence = report.billing_sentence(options.evaluate(company(quotes)), "en").text
    # Savings run from 300,000 - 156,000 = 144,000 (paid) to 300,000 - 87,360 = 212,640.
    assert "SAR144,000" in sentence and "SAR212,640" in sentence
    assert "changes which vendor is cheapest" in sentence


def test_model_fit_sets_the_volume_against_document_003():
    scenario = options.evaluate(company())
    # 1,680 calls a week x 52 / 12 = 7,280 a month, far above the 100 of document 003.
    text = report.model_fit(scenario.context.inputs, scenario.context.reference, "en").text
    # Document 003 is cited by its title, as the methodology's citation table does.
    assert "النماذج المشتركة مقابل نماذج دعم العملاء المخصصة" in text
    assert "up to about 100 interactions a month" in text
    assert "Your 7,280 interactions a month are far more than that" in text
    small = replace(company().demand[0], monthly_contacts=80)
    few = company(demand=(small,))
    assert "the shared model fits your volume" in report.model_fit(
        few, scenario.context.reference, "en").text


def test_benchmarks_stand_apart_in_the_summary_table_and_chart():
    inputs = company([hourly("Cheap", 10)])
    comparison = compare.compare(inputs, draws=5)
    rows = summary.headline(inputs, "en", comparison.scenario)
    table = report.headline_table(rows, "SAR", "en")
    offers, benchmarks = table.text.split("\n\n")
    assert offers.startswith("Your team and the vendors that quoted")
    assert "Cheap" in offers and "prices" not in offers
    assert benchmarks.startswith("Benchmarks: published price ranges, not offers")
    assert benchmarks.count("prices") == 6 and "Cheap" not in benchmarks
    chart = report.saving_chart(report.saving_frame(rows, comparison), "SAR", "en").spec
    panels = chart["vconcat"]
    assert [p["title"]["text"] for p in panels] == [
        "Vendors that quoted", "Benchmarks: published price ranges, not offers"]
    names = [{row["name"] for row in chart["datasets"][panel["data"]["name"]]}
             for panel in panels]
    assert names[0] == {"Cheap"} and len(names[1]) == 6
    note = report.benchmarks_note(inputs, "en").text
    assert note.startswith("International prices: the published range for low-cost "
                           "international agencies")


def test_without_quotes_the_verdict_recommends_no_benchmark():
    dear = replace(company(), inhouse=replace(COSTS, annual_salary=60_000))
    comparison = compare.compare(dear, draws=5)
    assert comparison.recommendation.verdict == NO_QUOTE
    text = report.verdict(comparison, "en").text
    # 600,000 - 470,925 (dedicated international mid) = 129,075, 21.5% of 600,000; the
    # headline gives it to the SAR10,000 its simulated range allows.
    assert text.startswith("No vendor has quoted yet, so there is no offer to recommend")
    assert "Dedicated model, International prices could save about SAR130,000" in text
    assert "22%" in text
    assert "Nothing to check with a vendor yet" in report.caveats(comparison, "en").text
    assert summary.summary_object(dear)["verdict"]["option_id"] == "inhouse"


def test_the_management_table_gives_each_rule_and_its_source():
    # The toy's managers are paid 0 in its workbook; blank, the operations manager's salary is
    # 1.5 x the team lead's 40,000 = 60,000: 10 agents / 75 x 60,000 = 8,000 a year.
    inputs = company()
    blank = replace(inputs, inhouse=replace(COSTS, team_lead_salary=40_000,
                                            operations_manager_salary=None))
    cost = options.evaluate(blank).inhouse.inhouse
    rows = report.management_table(blank.inhouse, cost, "SAR", "en").text.splitlines()
    assert rows[1] == ("Operations managers | one per 75 agents, paid SAR60,000 (1.5 × the "
                       "team-lead salary) a year | Default (assumption) | 8,000")
    assert rows[0].endswith("Per year (SAR)")
    assert rows[2].startswith("Quality analysts | one per 25 agents, paid SAR0 a year | "
                              "Your workbook")
    cost = options.evaluate(inputs).inhouse.inhouse
    text = report.management_table(inputs.inhouse, cost, "SAR", "en").text
    rows = text.splitlines()
    # Training weeks are 0 in the toy company: set in the workbook, not the default 4.
    assert rows[4].startswith("Trainees' wages during training | 0 weeks' pay")
    assert "| Your workbook |" in rows[4]
