"""Three filled example workbooks, and the code that fills a template from plain data.

The companies are illustrative, not real. Each figure is a rounded, plausible
value for 2023-2024 with its source or reasoning noted next to it; they are
good enough to show what the book does, not to price a real contract.

Sources used throughout:
- Vendor prices: the price table of seed document 001 ("how to outsource
  customer service from the US and what it costs"): dedicated inbound
  8-15 USD/hour offshore and 22-28 USD/hour USA/Canada; shared inbound from
  0.35-0.45 USD/minute offshore and 0.75-0.90 USD/minute USA/Canada; by
  region per hour: USA/Canada 22-35, Western Europe 40, Eastern Europe 12-25,
  Australia 35-55, Africa/Middle East 15-20, Latin America 8-18,
  Asia/Philippines 8-14, India 5-9, Pakistan 6-10; outbound hourly 6-10
  (India, Philippines) and 9-14 (Eastern Europe, Latin America); commission
  deals should pay the vendor 10-20% above its hourly rate.
- Monthly-per-agent prices are the hourly rate × about 160 staffed hours.
- Service targets: 80% of calls answered in 20-30 s and chats in 60 s are the
  common industry targets; email within 24 hours is the norm seed 001 cites.
- Shrinkage 30-35% and occupancy capped at 85% are common planning values
  (the Erlang C worked example in /work/shared/field-notes.md uses both).
- Contract terms (format v2): each quote states its billing basis. Hourly prices
  are mostly billed on in-seat (logged-in, "production") hours, the most common
  model according to COPC Inc.; some vendors bill paid hours with their own
  shrinkage, or productive (handling) hours at a higher rate. Monthly agents
  work the vendor country's usual week (40 hours; India's labour law allows 48).
  Service credits of 1-2% of the charges per point below target, capped at
  10-15%, are illustrative of what contracts carry.
- The management layer (operations managers, quality analysts, workforce
  planners) is paid somewhat above team leads; spans keep the documented
  defaults unless said.
- Years: the discount rate is each country's policy rate in 2024 plus a few
  points of company risk; pay rises follow national wage statistics;
  vendors' yearly escalation of 3-4% is a common contract clause (an
  assumption: the source documents give none); the cost of a change of
  operation (knowledge transfer, months of dual running) is an assumption
  sized as a small project. Severance follows each country's labour law or
  common practice, noted where it is set.

`python -m analysis.workbook.examples` (`make examples`) regenerates data/examples/*.xlsx.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook

from analysis.model import Channel
from analysis.workbook import format as fmt
from analysis.workbook.template import build_template

EXAMPLES_DIR = Path(__file__).resolve().parents[3] / "data" / "examples"


@dataclass(frozen=True)
class Example:
    """A workbook's content as a person would type it: labels, percent points.

    Keys are the field keys of `workbook.format`; `assumptions` may hold
    "hourly_profile" as 24 numbers.
    """

    company: Mapping[str, object]
    demand: Mapping[Channel, Mapping[str, object]]
    inhouse: Mapping[str, object]
    quotes: tuple[Mapping[str, object], ...] = ()
    assumptions: Mapping[str, object] = field(default_factory=dict)
    years: Mapping[str, object] = field(default_factory=dict)
    ranges: tuple[Mapping[str, object], ...] = ()
    """Rows of the Ranges sheet: "input" (a dropdown label), "vendor", "low", "high"."""


def fill(example: Example) -> Workbook:
    """The blank template with the example's values typed in."""
    book = build_template()
    _scalars(book[fmt.COMPANY], fmt.COMPANY_FIELDS, example.company)
    _scalars(book[fmt.INHOUSE], fmt.INHOUSE_FIELDS + fmt.RETAINED_FIELDS + fmt.MANAGEMENT_FIELDS,
             example.inhouse)
    columns = {f.key: f.column for f in fmt.DEMAND_FIELDS}
    for channel, row in example.demand.items():
        for key, value in row.items():
            book[fmt.DEMAND][f"{columns[key]}{fmt.DEMAND_ROWS[channel]}"] = value
    columns = {f.key: f.column for f in fmt.QUOTE_FIELDS}
    for offset, quote in enumerate(example.quotes):
        for key, value in quote.items():
            book[fmt.QUOTES][f"{columns[key]}{fmt.FIRST_ROW + offset}"] = value
    assumptions = dict(example.assumptions)
    for spec, value in zip(fmt.PROFILE_FIELDS, assumptions.pop("hourly_profile", ()), strict=False):
        book[fmt.ASSUMPTIONS][spec.cell] = value
    _scalars(book[fmt.ASSUMPTIONS], fmt.ASSUMPTION_FIELDS + fmt.BENCHMARK_FIELDS, assumptions)
    _scalars(book[fmt.YEARS], fmt.YEARS_FIELDS, example.years)
    columns = {f.key: f.column for f in fmt.RANGE_FIELDS}
    for offset, row in enumerate(example.ranges):
        for key, value in row.items():
            book[fmt.RANGES][f"{columns[key]}{fmt.FIRST_ROW + offset}"] = value
    return book


def _scalars(sheet, fields: tuple[fmt.Field, ...], values: Mapping[str, object]) -> None:
    cells = {f.key: f.cell for f in fields}
    for key, value in values.items():
        sheet[cells[key]] = value


def write_filled(example: Example, path: str | Path, *, overwrite: bool = False) -> Path:
    """Saves a filled workbook; refuses to replace an existing file unless told to."""
    path = Path(path)
    if path.exists() and not overwrite:
        raise FileExistsError(path)
    fill(example).save(path)
    return path


def write_example(name: str, path: str | Path, *, overwrite: bool = False) -> Path:
    """Saves the named example (a key of EXAMPLES, e.g. "gulf-ecommerce")."""
    return write_filled(EXAMPLES[name], path, overwrite=overwrite)


GULF_ECOMMERCE = Example(
    company={
        "name": "Nakheel Market (illustrative Saudi online retailer)",
        "currency": "SAR",
        "usd_rate": 3.75,  # the riyal's peg to the US dollar since 1986
        "coverage": "24/7",
        "horizon_years": 3,
        "report_date": dt.date(2025, 9, 30),  # the figures of the third quarter of 2025
        "customer_language": "Arabic",
        "contact_complexity": "Routine",  # orders, deliveries and returns
    },
    demand={
        # Phone staffed 7 days 09:00-22:00, chat and social around the clock.
        Channel.INBOUND_PHONE: {
            "monthly_contacts": 18000, "aht_seconds": 330, "service_level": 80,
            "answer_seconds": 20, "days_per_week": 7, "open_hour": 9, "close_hour": 22,
            "acw_share": 20,  # order notes and refunds keyed in after the call
        },
        Channel.EMAIL: {
            "monthly_contacts": 9000, "aht_seconds": 420, "response_hours": 12,
            "days_per_week": 7, "open_hour": 9, "close_hour": 22,
        },
        # 250,000 active customers × 0.12 chats per customer per month = 30,000,
        # given both ways to show the three metrics of seed 000.
        # Order-status and delivery chats are simple: agents hold two at once (ccPlanning's
        # "Chat concurrency and AHT" puts 2-3 as the usual range); each chat then takes 20%
        # longer than the 540 s it takes alone (the default growth).
        Channel.CHAT: {
            "monthly_contacts": 30000, "customers": 250000, "contacts_per_customer": 0.12,
            "aht_seconds": 540, "service_level": 80, "answer_seconds": 60,
            "chats_per_agent": 2,
        },
        Channel.SOCIAL: {"monthly_contacts": 4500, "aht_seconds": 240, "response_hours": 2},
    },
    inhouse={
        # Riyadh, Saudi national agents: about SAR 7,000 a month with housing and
        # transport allowances (Saudization rules favour nationals in these roles).
        "annual_salary": 84000,
        # GOSI employer share for Saudis 11.75%, medical insurance about 6%,
        # end-of-service accrual about 4%.
        "employer_oncost": 22,
        "night_weekend_premium": 15,  # shift allowance: not set by law, common practice
        "agents_per_team_lead": 15,
        "team_lead_salary": 144000,  # about SAR 12,000 a month
        "recruitment_per_hire": 3500,
        "attrition": 35,
        "training_per_hire": 6000,  # four weeks' induction, trainer time and materials
        "equipment_per_seat": 7500,  # PC, two screens, headset (about USD 2,000)
        "equipment_years": 4,
        "software_per_seat_month": 375,  # contact-centre and help-desk seats, about USD 100
        "rent_per_seat_month": 900,  # Riyadh offices about SAR 1,000/m²/year, 10 m² a seat
        "overhead_per_seat_year": 3000,
        "paid_hours_per_fte_year": 2340,  # 45 hours × 52 weeks (law allows up to 48)
        "shrinkage": 35,  # leave of 21-30 days, holidays, shorter Ramadan hours, training
        "max_occupancy": 85,
        "manager_fte": 1,
        "manager_salary": 180000,
        "qa_per_month": 8000,
        # Riyadh contact-centre management: about SAR 25,000 a month for an operations
        # manager, SAR 10,000-12,500 for quality analysts and planners.
        "operations_manager_salary": 300000,
        "quality_analyst_salary": 120000,
        "planner_salary": 150000,
        "training_weeks": 4,  # four weeks' induction (see training cost per hire)
        "software_licences": "Per user",
        "onsite_shrinkage": 15,  # two breaks, prayer times, coaching
    },
    quotes=(
        # Africa/Middle East 15-20 USD/hour (seed 001): Arabic-speaking centre in Egypt,
        # billing logged-in hours, with service credits against the 80% in 20 s target.
        {"vendor": "Cairo Contact Centre (illustrative)", "region": "Africa/Middle East",
         "channel": "Inbound phone", "model": "Dedicated, per hour", "rate": 17,
         "currency": "USD", "min_monthly": 20000, "setup_fee": 15000, "exit_fee": 10000,
         "billing_basis": "In-seat hours", "sla_target": 80, "credit_per_point": 2,
         "bonus_per_point": 1, "credit_cap": 10},
        {"vendor": "Cairo Contact Centre (illustrative)", "region": "Africa/Middle East",
         "channel": "Chat", "model": "Dedicated, per hour", "rate": 16, "currency": "USD",
         "billing_basis": "In-seat hours"},
        # A local vendor quoting in riyals: SAR 70 = USD 18.67 a paid hour, inside the range,
        # but with its own 30% shrinkage that is USD 26.67 an hour in seat, above it; and 10%
        # more at night and at weekends.
        {"vendor": "Riyadh BPO (illustrative)", "region": "Africa/Middle East",
         "channel": "Inbound phone", "model": "Dedicated, per hour", "rate": 70,
         "currency": "SAR", "min_monthly": 50000, "setup_fee": 20000,
         "billing_basis": "Paid hours", "vendor_shrinkage": 30, "night_weekend_surcharge": 10},
        # Asia/Philippines 8-14 USD/hour, for the English-speaking (expatriate) customers;
        # 2,000 USD a month is 12.5 USD × 160 hours of a 40-hour week, more per hour in seat
        # once its 30% shrinkage is counted.
        {"vendor": "Manila CX (illustrative)", "region": "Asia/Philippines",
         "channel": "Email", "model": "Monthly per agent", "rate": 2000, "currency": "USD",
         "setup_fee": 5000, "contract_hours_week": 40, "vendor_shrinkage": 30},
        # Social media billed on productive (handling) hours only, at a higher rate.
        {"vendor": "Manila CX (illustrative)", "region": "Asia/Philippines",
         "channel": "Social media", "model": "Dedicated, per hour", "rate": 18,
         "currency": "USD", "billing_basis": "Productive hours"},
        # India 5-9 USD/hour; 1,300 USD a month is about 8 USD × 160 hours; India's labour
        # law allows 48-hour weeks, which this vendor contracts.
        {"vendor": "Hyderabad Support (illustrative)", "region": "India", "channel": "Email",
         "model": "Monthly per agent", "rate": 1300, "currency": "USD", "setup_fee": 3000,
         "exit_fee": 2000, "contract_hours_week": 48, "vendor_shrinkage": 30},
    ),
    assumptions={
        # Online shopping in Saudi Arabia peaks late in the evening, not at midday.
        "hourly_profile": (
            2.5, 1.5, 0.8, 0.4, 0.3, 0.3, 0.5, 1.0, 2.0, 3.5, 4.5, 5.0,
            5.0, 4.8, 4.6, 4.8, 5.2, 5.6, 6.0, 6.4, 7.0, 7.2, 6.4, 4.6,
        ),
    },
    years={
        "current_operation": "In-house",
        "current_team": 80,  # the team today, short of the 87 agents the targets need
        "discount_rate": 10,  # SAMA repo rate 6% (2024) plus company risk
        "salary_inflation": 4,  # private-sector pay in Saudi Arabia rises about 3-5% a year
        "vendor_escalation": 3,
        "usd_rate_change": 0,  # the riyal is pegged to the dollar
        "volume_growth": 12,  # Saudi online retail has grown by 10-15% a year
        "knowledge_transfer": 150000,  # a three-month project: manager, trainers, documents
        "dual_running_months": 2,
        # Labour Law art. 77: at least two months' wage for a termination without a valid
        # reason; the end-of-service award is already accrued in the employer on-cost.
        "severance_months": 2,
    },
    ranges=(
        # The riyal is pegged at 3.75 to the dollar (SAMA keeps it within a few halalas).
        {"input": "Exchange rate (company currency per 1 USD)", "low": 3.74, "high": 3.76},
        # Chat carries the sales seasons (Ramadan, White Friday): a wider, upward range.
        {"input": "Monthly contacts: Chat", "low": 25000, "high": 40000},
        # Riyadh's contact-centre market loses a third to a half of its agents a year.
        {"input": "Attrition (% of agents leaving per year)", "low": 25, "high": 50},
        # The local vendor said its riyal price is open to a discount of up to 10%.
        {"input": "A vendor's prices (% of what it quoted; 100 = as quoted)",
         "vendor": "Riyadh BPO (illustrative)", "low": 90, "high": 100},
    ),
)

ROMANIA_SAAS = Example(
    company={
        "name": "Cloudfactura SRL (illustrative Romanian SaaS)",
        "currency": "RON",
        "usd_rate": 4.6,  # BNR reference rate in 2024 was about 4.5-4.7 RON per USD
        "coverage": "Business hours",
        "days_per_week": 5,
        "open_hour": 9,
        "close_hour": 18,
        "horizon_years": 3,
        "report_date": dt.date(2025, 6, 30),
        "customer_language": "Romanian",
        "contact_complexity": "Complex or technical",  # invoicing software: product questions
    },
    demand={
        Channel.INBOUND_PHONE: {
            "monthly_contacts": 700, "aht_seconds": 420, "service_level": 80,
            "answer_seconds": 30,
        },
        # 12,000 customer accounts × 0.5 tickets per account per month = 6,000 tickets.
        Channel.EMAIL: {
            "customers": 12000, "contacts_per_customer": 0.5, "aht_seconds": 600,
            "response_hours": 8,
        },
        Channel.CHAT: {
            "monthly_contacts": 2500, "aht_seconds": 540, "service_level": 80,
            "answer_seconds": 60,
        },
    },
    inhouse={
        # Bucharest support agent with Romanian and English: about RON 6,500 gross a month.
        "annual_salary": 78000,
        # Employer pays the 2.25% work-insurance contribution (CAM) since 2018; meal
        # vouchers (about RON 800 a month) and private medical cover add about 13%.
        "employer_oncost": 15,
        "night_weekend_premium": 25,  # Labour Code: night work earns at least 25% extra
        "agents_per_team_lead": 12,
        "team_lead_salary": 120000,
        "recruitment_per_hire": 4000,
        "attrition": 25,
        "training_per_hire": 5000,
        "equipment_per_seat": 6000,
        "equipment_years": 4,
        "software_per_seat_month": 400,  # help desk, chat and phone seats, about USD 87
        "rent_per_seat_month": 650,  # about EUR 18/m²/month × 7 m² a seat
        "overhead_per_seat_year": 2500,
        "paid_hours_per_fte_year": 2080,  # 40 hours × 52 weeks
        "shrinkage": 30,  # 21 days' leave, 15 public holidays, breaks, training
        "max_occupancy": 85,
        "manager_fte": 0.5,
        "manager_salary": 150000,
        "qa_per_month": 3000,
        # Bucharest: operations manager about RON 17,000 gross a month, quality analysts and
        # planners about RON 8,000-9,000.
        "operations_manager_salary": 204000,
        "quality_analyst_salary": 96000,
        "planner_salary": 108000,
        "training_weeks": 3,  # product training on the invoicing software
    },
    quotes=(
        # Eastern Europe 12-25 USD/hour (seed 001); bills paid hours with its 28% shrinkage.
        {"vendor": "Cluj Support Hub (illustrative)", "region": "Eastern Europe",
         "channel": "Email", "model": "Dedicated, per hour", "rate": 16, "currency": "USD",
         "setup_fee": 3000, "exit_fee": 2000, "billing_basis": "Paid hours",
         "vendor_shrinkage": 28},
        # Chat plans 75% in 60 s, below the 80% target: 1% of the charges back per point.
        {"vendor": "Cluj Support Hub (illustrative)", "region": "Eastern Europe",
         "channel": "Chat", "model": "Dedicated, per hour", "rate": 16, "currency": "USD",
         "billing_basis": "Paid hours", "vendor_shrinkage": 28, "planned_service_level": 75,
         "credit_per_point": 1},
        # Shared offshore 0.35-0.45 USD/minute; RON 1.90 = USD 0.41, quoted in lei, on the
        # full handling time.
        {"vendor": "Iasi Contact (illustrative)", "region": "Eastern Europe",
         "channel": "Inbound phone", "model": "Shared, per minute", "rate": 1.9,
         "currency": "RON", "min_monthly": 1500, "billing_basis": "Handling time"},
        # India 5-9 USD/hour; 1,200 USD a month is 7.5 USD × 160 hours, 48-hour weeks.
        {"vendor": "Bengaluru Helpdesk (illustrative)", "region": "India", "channel": "Email",
         "model": "Monthly per agent", "rate": 1200, "currency": "USD", "setup_fee": 2500,
         "contract_hours_week": 48, "vendor_shrinkage": 30},
        {"vendor": "Bengaluru Helpdesk (illustrative)", "region": "India", "channel": "Chat",
         "model": "Dedicated, per hour", "rate": 7, "currency": "USD",
         "billing_basis": "In-seat hours"},
    ),
    years={
        "current_operation": "In-house",
        "discount_rate": 11,  # BNR policy rate 6.5% (2024) plus company risk
        "salary_inflation": 8,  # gross wages rose about 15% in 2023; forecasts near 8-10%
        "vendor_escalation": 4,
        "usd_rate_change": 2,  # RON per USD went from about 4.2 (2019) to 4.6 (2024)
        "volume_growth": 15,  # a SaaS company adding customers
        "knowledge_transfer": 60000,
        "dual_running_months": 1,
        # The Labour Code sets no severance for an individual dismissal; collective
        # agreements commonly pay one to three salaries.
        "severance_months": 1,
        # The plan: outsource while small, bring support back in-house after two years.
        "exit_year": 2,
    },
    ranges=(
        # A young SaaS product: growth could slow to a third or pass a quarter a year.
        {"input": "Contact volume growth (% a year)", "low": 5, "high": 25},
        # Romanian gross wages rose 8-15% a year recently; forecasts settle lower.
        {"input": "In-house pay rise (% a year)", "low": 5, "high": 12},
        # Tickets per account swing with releases and the yearly tax-form season.
        {"input": "Monthly contacts: Email", "low": 4500, "high": 7500},
    ),
)

US_CONSUMER = Example(
    company={
        "name": "Brightline Home Goods (illustrative US consumer brand)",
        "currency": "USD",
        "usd_rate": 1,
        "coverage": "Business hours",
        "days_per_week": 6,  # Monday to Saturday
        "open_hour": 8,
        "close_hour": 20,
        "horizon_years": 3,
        "report_date": dt.date(2025, 12, 31),
        "customer_language": "English",
        "contact_complexity": "Mixed",
    },
    demand={
        # Callers who hang up wait 2.5 minutes on average before doing so (illustrative: the
        # mean patience comes from the telephony report of abandoned calls' waits).
        Channel.INBOUND_PHONE: {
            "monthly_contacts": 40000, "aht_seconds": 360, "service_level": 80,
            "answer_seconds": 30, "patience_seconds": 150, "acw_share": 20,
        },
        # Renewal and upgrade calls; 12% end in a sale that earns the vendor a commission.
        Channel.OUTBOUND_PHONE: {
            "monthly_contacts": 8000, "aht_seconds": 240, "response_hours": 48,
            "success_rate": 12,
        },
        Channel.EMAIL: {"monthly_contacts": 10000, "aht_seconds": 360, "response_hours": 24},
        Channel.CHAT: {
            "monthly_contacts": 12000, "aht_seconds": 600, "service_level": 80,
            "answer_seconds": 60,
        },
    },
    inhouse={
        # BLS OEWS May 2023: customer service representatives, median 19.08 USD/hour
        # (39,680 USD/year); rounded up for 2024.
        "annual_salary": 41000,
        # Employer FICA 7.65%, unemployment insurance, health cover and paid leave;
        # BLS ECEC puts benefits near 30% of total compensation in private industry.
        "employer_oncost": 32,
        "night_weekend_premium": 10,
        "agents_per_team_lead": 14,
        "team_lead_salary": 60000,
        "recruitment_per_hire": 4700,  # SHRM average cost per hire, 2022
        "attrition": 40,  # contact-centre turnover commonly 30-45% a year
        "training_per_hire": 3500,
        "equipment_per_seat": 2000,
        "equipment_years": 4,
        "software_per_seat_month": 150,
        "rent_per_seat_month": 450,
        "overhead_per_seat_year": 1200,
        "paid_hours_per_fte_year": 2080,
        "shrinkage": 32,
        "max_occupancy": 85,
        "manager_fte": 1,
        "manager_salary": 90000,
        "qa_per_month": 4000,
        # BLS OEWS May 2023: customer service managers about 95,000 USD; quality analysts
        # and workforce planners about 55,000-65,000 USD.
        "operations_manager_salary": 95000,
        "quality_analyst_salary": 55000,
        "planner_salary": 65000,
        "training_weeks": 3,
    },
    quotes=(
        # Shared USA/Canada 0.75-0.90 USD/minute (seed 001), billed on talk time: the
        # after-call work (20% of the handling time) is not charged.
        {"vendor": "Heartland Answering (illustrative)", "region": "USA/Canada",
         "channel": "Inbound phone", "model": "Shared, per minute", "rate": 0.85,
         "currency": "USD", "min_monthly": 2500, "billing_basis": "Talk time"},
        # The same vendor answers email at a price per resolved ticket.
        {"vendor": "Heartland Answering (illustrative)", "region": "USA/Canada",
         "channel": "Email", "model": "Per resolved contact", "rate": 6.5, "currency": "USD",
         "resolution_rate": 85},
        # Dedicated offshore 8-15 USD/hour; Asia/Philippines 8-14.
        {"vendor": "Cebu Dedicated CX (illustrative)", "region": "Asia/Philippines",
         "channel": "Inbound phone", "model": "Dedicated, per hour", "rate": 12,
         "currency": "USD", "setup_fee": 8000, "exit_fee": 5000,
         "billing_basis": "In-seat hours", "credit_per_point": 2, "bonus_per_point": 1,
         "credit_cap": 15},
        {"vendor": "Cebu Dedicated CX (illustrative)", "region": "Asia/Philippines",
         "channel": "Chat", "model": "Dedicated, per hour", "rate": 11, "currency": "USD",
         "billing_basis": "In-seat hours"},
        # India 5-9 USD/hour; 1,300 USD a month is about 8 USD × 160 hours, 40-hour weeks.
        {"vendor": "Chennai Care Services (illustrative)", "region": "India",
         "channel": "Email", "model": "Monthly per agent", "rate": 1300, "currency": "USD",
         "setup_fee": 3000, "contract_hours_week": 40},
        # ... and chats at a price per handled contact (2.40 USD for a 10-minute chat).
        {"vendor": "Chennai Care Services (illustrative)", "region": "India",
         "channel": "Chat", "model": "Per handled contact", "rate": 2.4, "currency": "USD"},
        # Latin America outbound 9-14 USD/hour; 9 USD/hour plus 6 USD per sale. At about
        # 12 calls an hour and 12% success, 1.4 sales earn 8.6 USD: well above the 10-20%
        # premium over an hourly-only rate that seed 001 says commission deals need.
        {"vendor": "Bogotá Outreach (illustrative)", "region": "Latin America",
         "channel": "Outbound phone", "model": "Hourly + commission", "rate": 9,
         "currency": "USD", "commission_per_success": 6, "setup_fee": 4000,
         "billing_basis": "In-seat hours"},
    ),
    assumptions={
        "billed_minutes_factor": 1.1,  # per-minute vendors round each call up to the minute
    },
    years={
        # Inbound calls go to a US answering service today; the other channels are in-house.
        "current_operation": "Heartland Answering (illustrative)",
        "discount_rate": 8,  # a US company's cost of capital, about 7-9%
        "salary_inflation": 4,  # BLS Employment Cost Index, private wages, 2024: about 4%
        "vendor_escalation": 3,
        "volume_growth": 3,
        "knowledge_transfer": 40000,
        "dual_running_months": 1,
        "severance_months": 0.5,  # no statutory severance; two weeks is common practice
    },
    ranges=(
        # The telephony report's estimate of patience is rough (abandoned calls' waits are
        # censored by the answered ones): anywhere from a minute and a half to four minutes.
        {"input": "Mean patience before hanging up (seconds): Inbound phone",
         "low": 90, "high": 240},
        # BLS OEWS May 2023: customer service representatives earn about 36,000 (25th
        # percentile) to 47,000 USD (75th) a year; the brand pays near the median.
        {"input": "Annual salary per agent (company currency per year)",
         "low": 37000, "high": 46000},
        # The Cebu quote holds only if signed this quarter; later it may rise by up to 10%.
        {"input": "A vendor's prices (% of what it quoted; 100 = as quoted)",
         "vendor": "Cebu Dedicated CX (illustrative)", "low": 100, "high": 110},
    ),
)

EXAMPLES = {
    "gulf-ecommerce": GULF_ECOMMERCE,
    "romania-saas": ROMANIA_SAAS,
    "us-consumer": US_CONSUMER,
}


def main(target: Path = EXAMPLES_DIR) -> int:
    """Regenerates every example workbook in `target`."""
    target.mkdir(parents=True, exist_ok=True)
    for name in EXAMPLES:
        write_example(name, target / f"{name}.xlsx", overwrite=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
