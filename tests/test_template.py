"""The blank template, the fill -> load round trip and the three example workbooks."""

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from analysis.model import (
    Assumptions,
    Channel,
    ChannelDemand,
    Company,
    Hours,
    InHouseCosts,
    Inputs,
    PricingModel,
    RetainedManagement,
    VendorQuote,
    Years,
)
from analysis.workbook import WorkbookInvalid, load, write_template
from analysis.workbook import format as fmt
from analysis.workbook.examples import EXAMPLES, EXAMPLES_DIR, write_example
from analysis.workbook.template import INPUT_FILL, UNUSED_FILL


def test_refuses_to_overwrite(tmp_path):
    path = tmp_path / "blank.xlsx"
    path.write_bytes(b"keep me")
    with pytest.raises(FileExistsError):
        write_template(path)
    assert path.read_bytes() == b"keep me"
    write_template(path, overwrite=True)
    assert load_workbook(path).sheetnames[: len(fmt.SHEETS)] == list(fmt.SHEETS)


def test_blank_template_layout(tmp_path):
    book = load_workbook(write_template(tmp_path / "blank.xlsx"))
    assert book.sheetnames == [*fmt.SHEETS, fmt.LISTS]
    assert book[fmt.LISTS].sheet_state == "hidden"
    assert book[fmt.INSTRUCTIONS][fmt.VERSION_CELL].value == 2
    instructions = " ".join(str(c.value) for c in book[fmt.INSTRUCTIONS]["A"] if c.value)
    assert "خدمة العملاء" in instructions  # Arabic: customer service (glossary)
    assert "asistență pentru clienți" in instructions  # Romanian: customer support (glossary)
    company = book[fmt.COMPANY]
    assert company["A6"].value == "Exchange rate (company currency per 1 USD)"
    assert company["B6"].fill.fgColor.rgb.endswith(INPUT_FILL.fgColor.rgb)
    assert company.freeze_panes == "A4"
    demand = book[fmt.DEMAND]
    assert demand["A4"].value == "Inbound phone" and demand["A8"].value == "Social media"
    # Service level (column F) is an input for chat (row 7), not for email (row 6).
    assert demand["F7"].fill.fgColor.rgb.endswith(INPUT_FILL.fgColor.rgb)
    assert demand["F6"].fill.fgColor.rgb.endswith(UNUSED_FILL.fgColor.rgb)
    assert demand.freeze_panes == "B4"
    assumptions = book[fmt.ASSUMPTIONS]
    assert assumptions["D4"].value == 22  # default night start
    assert assumptions["D8"].value == "company maximum occupancy"
    # Profile heading on row 10 (after 5 fields from row 4 and a gap), hour h on row 11 + h.
    assert assumptions["A22"].value == "11:00-12:00"
    assert assumptions["D22"].value == 7.3
    # Format v2: benchmark terms below the profile (rows 11-34), after a gap and a heading.
    assert assumptions["A36"].value.startswith("Benchmarks:")
    assert (assumptions["A37"].value, assumptions["D37"].value) == (
        "Benchmark set-up fee (months of its charges)", 1)
    assert assumptions["D38"].value == 80  # percent points
    # The InHouse sheet: the management block below the retained one (rows 21-24).
    inhouse = book[fmt.INHOUSE]
    assert inhouse["A26"].value.startswith("Management, training and offices")
    assert inhouse["A27"].value == "Agents per operations manager"
    assert inhouse["C28"].value == "blank = 1.5 × the team-lead salary (assumption)"
    assert inhouse["B35"].fill.fgColor.rgb.endswith(INPUT_FILL.fgColor.rgb)
    # After-call work in Demand!P: an input for phone and chat, not for email.
    assert demand["P3"].value == "After-call work (% of handling time)"
    assert demand["P4"].fill.fgColor.rgb.endswith(INPUT_FILL.fgColor.rgb)
    assert demand["P6"].fill.fgColor.rgb.endswith(UNUSED_FILL.fgColor.rgb)
    # The quotes' contract terms in columns K to T.
    quotes = book[fmt.QUOTES]
    assert quotes["K3"].value == "Billing basis (hourly and per-minute prices)"
    assert quotes["T3"].value == "Resolution rate (% of contacts; per resolved contact)"
    years = book[fmt.YEARS]
    assert years["A4"].value == ("Today's operation (In-house, or a vendor's name as on the "
                                 "Quotes sheet)")
    assert years["A14"].value == "Planned exit year (last year with the vendor)"
    assert all(years[f"B{row}"].fill.fgColor.rgb.endswith(INPUT_FILL.fgColor.rgb)
               for row in range(4, 15))
    assert years.freeze_panes == "A4"


def _validations(sheet):
    return {str(v.sqref): v for v in sheet.data_validations.dataValidation}


def test_every_enumeration_has_a_dropdown(tmp_path):
    book = load_workbook(write_template(tmp_path / "blank.xlsx"))
    lists = book[fmt.LISTS]
    company = _validations(book[fmt.COMPANY])
    assert company["B7"].formula1 == "Lists!$A$1:$A$2"
    assert [lists["A1"].value, lists["A2"].value] == ["Business hours", "24/7"]
    assert company["B5"].errorStyle == "warning"  # other ISO codes may be typed
    quotes = _validations(book[fmt.QUOTES])  # to the last quote row, 4 + 200 - 1 = 203
    assert quotes["B4:B203"].formula1 == "Lists!$D$1:$D$9"
    assert [lists[f"D{r}"].value for r in range(1, 10)] == [
        "USA/Canada", "Western Europe", "Eastern Europe", "Australia", "Africa/Middle East",
        "Latin America", "Asia/Philippines", "India", "Pakistan",
    ]
    assert quotes["C4:C203"].formula1 == "Lists!$B$1:$B$5"
    assert quotes["D4:D203"].formula1 == "Lists!$C$1:$C$7"
    assert [lists[f"C{r}"].value for r in range(1, 8)] == [
        "Shared, per minute", "Dedicated, per hour", "Monthly per agent", "Commission",
        "Hourly + commission", "Per handled contact", "Per resolved contact",
    ]
    assert quotes["F4:F203"].formula1 == "Lists!$F$1:$F$2"
    assert [lists["F1"].value, lists["F2"].value] == ["USD", "=Company!$B$5"]
    assert quotes["K4:K203"].formula1 == "Lists!$G$1:$G$5"
    assert [lists[f"G{r}"].value for r in range(1, 6)] == [
        "In-seat hours", "Paid hours", "Productive hours", "Handling time", "Talk time"]
    inhouse = _validations(book[fmt.INHOUSE])
    assert inhouse["B34"].formula1 == "Lists!$H$1:$H$2"
    assert [lists["H1"].value, lists["H2"].value] == ["Per user", "Per seat"]


def test_round_trip_gives_exactly_the_typed_inputs(filled_workbook):
    """The SMALL company of conftest.py, converted by hand."""
    company_hours = Hours(5, 8, 17)
    expected = Inputs(
        # B12-B14 (format version 2): a date cell, French and "Complex or technical".
        company=Company("Test Co", "EUR", 0.8, company_hours, 2,
                        report_date=dt.date(2025, 3, 31), customer_language="fr",
                        complexity="complex"),
        demand=(
            ChannelDemand(Channel.INBOUND_PHONE, monthly_contacts=1000, aht_seconds=300,
                          target_seconds=20, service_level=0.80, hours=company_hours),
            ChannelDemand(Channel.OUTBOUND_PHONE, monthly_contacts=400, aht_seconds=200,
                          target_seconds=48 * 3600, service_level=None, hours=company_hours,
                          success_rate=0.10),
            # 2000 customers × 0.25 contacts each = 500 a month; 24 h = 86400 s.
            ChannelDemand(Channel.EMAIL, monthly_contacts=500, aht_seconds=480,
                          target_seconds=86400, service_level=None, hours=Hours(6, 9, 15),
                          customers=2000, contacts_per_customer=0.25),
        ),
        inhouse=InHouseCosts(
            annual_salary=30000, employer_oncost=0.25, night_weekend_premium=0.10,
            agents_per_team_lead=10, team_lead_salary=45000, recruitment_per_hire=2000,
            attrition=0.30, training_per_hire=1500, equipment_per_seat=1200, equipment_years=3,
            software_per_seat_month=50, rent_per_seat_month=200, overhead_per_seat_year=600,
            paid_hours_per_fte_year=1720, shrinkage=0.35, max_occupancy=0.85,
        ),
        quotes=(
            # 1000 USD × 0.8 EUR/USD = 800 EUR; set-up 500 USD = 400 EUR.
            VendorQuote("Alpha", "india", Channel.EMAIL, PricingModel.MONTHLY_PER_AGENT,
                        rate=800, commission_per_success=0, min_monthly=0, setup_fee=400,
                        exit_fee=0, currency="USD"),
            # Quoted in EUR already: no conversion.
            VendorQuote("Beta", "latin_america", Channel.OUTBOUND_PHONE,
                        PricingModel.HOURLY_PLUS_COMMISSION, rate=10, commission_per_success=5,
                        min_monthly=0, setup_fee=0, exit_fee=100),
        ),
        retained=RetainedManagement(manager_fte=0.5, manager_salary=60000, qa_per_month=1000),
        assumptions=Assumptions(night_start_hour=23, billed_minutes_factor=1.2,
                                dedicated_occupancy=0.80),
        # "in house" is in-house today; percent points become fractions.
        years=Years(current_vendor=None, current_team=3, discount_rate=0.08,
                    salary_inflation=0.03, vendor_escalation=0.025, usd_rate_change=-0.01,
                    volume_growth=0.10, knowledge_transfer=5000, dual_running_months=1,
                    severance_months=1.5, exit_year=1),
    )
    inputs, warnings = load(filled_workbook)
    assert warnings == []
    assert inputs == expected


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_committed_examples_load_cleanly(name, tmp_path):
    committed = EXAMPLES_DIR / f"{name}.xlsx"
    inputs, warnings = load(committed)
    assert warnings == []
    regenerated, _ = load(write_example(name, tmp_path / f"{name}.xlsx"))
    assert regenerated == inputs  # the committed file is up to date with examples.py


def test_examples_have_their_brief():
    gulf, _ = load(EXAMPLES_DIR / "gulf-ecommerce.xlsx")
    assert (gulf.company.currency, gulf.company.usd_rate) == ("SAR", 3.75)
    assert gulf.company.hours.is_24_7
    assert {d.channel for d in gulf.demand} == {
        Channel.INBOUND_PHONE, Channel.EMAIL, Channel.CHAT, Channel.SOCIAL}
    assert {q.region for q in gulf.quotes} == {"africa_middle_east", "asia_philippines", "india"}
    # Hand-made evening-heavy profile: 21:00-22:00 is the busiest hour.
    assert max(range(24), key=gulf.assumptions.hourly_profile.__getitem__) == 21
    # 17 USD/hour × 3.75 = 63.75 SAR/hour.
    assert gulf.quotes[0].rate == pytest.approx(63.75)

    romania, _ = load(EXAMPLES_DIR / "romania-saas.xlsx")
    assert romania.company.hours == Hours(5, 9, 18)
    email = next(d for d in romania.demand if d.channel is Channel.EMAIL)
    assert email.monthly_contacts == 6000  # 12,000 customers × 0.5

    us, _ = load(EXAMPLES_DIR / "us-consumer.xlsx")
    assert us.company.hours == Hours(6, 8, 20)
    assert {q.model for q in us.quotes} == set(PricingModel) - {PricingModel.COMMISSION}
    # Every example states its quotes' billing bases where the model has one.
    for example in (gulf, romania, us):
        assert all(q.billing_basis is not None for q in example.quotes if q.model.bases)
    outbound = next(d for d in us.demand if d.channel is Channel.OUTBOUND_PHONE)
    assert outbound.success_rate == pytest.approx(0.12)


def test_write_example_refuses_to_overwrite(tmp_path: Path):
    path = write_example("us-consumer", tmp_path / "us.xlsx")
    with pytest.raises(FileExistsError):
        write_example("us-consumer", path)
    with pytest.raises(KeyError):
        write_example("nowhere", tmp_path / "x.xlsx")


def test_blank_template_is_invalid_but_readable(tmp_path):
    with pytest.raises(WorkbookInvalid) as caught:
        load(write_template(tmp_path / "blank.xlsx"))
    cells = {(p.sheet, p.cell) for p in caught.value.problems}
    assert (fmt.COMPANY, "B4") in cells and (fmt.INHOUSE, "B19") in cells
