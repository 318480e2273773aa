"""The company workbook, format v2, described as data.

The template writer and the loader both read these specs, so a field's sheet,
cell, label, unit, bounds, dropdown values and default are written down once
and cannot drift apart. Labels are English message ids (`N_`) with the unit in
the text; dropdowns show English labels that map to the model's enum values.

Layout shared by every sheet except "Instructions": row 1 holds the sheet's
title, row 2 the colour legend, row 3 the column headers, and data starts on
row 4. Sheets with one value per field ("Company", "InHouse", "Assumptions",
"Years") put the label in column A, the value in column B and a note in column C.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from dataclasses import fields as dataclass_fields
from enum import StrEnum

from analysis.i18n import N_
from analysis.model import (
    ACW_SHARE,
    CONTRACT_HOURS_WEEK,
    CREDIT_CAP,
    RESOLUTION_RATE,
    Assumptions,
    BillingBasis,
    Channel,
    InHouseCosts,
    LicenceBasis,
    PricingModel,
)

FORMAT_VERSION = 2
"""The version the template writes in `VERSION_CELL`: the newest one."""

SUPPORTED_VERSIONS = frozenset({1, 2})
"""Versions the loader reads. An older workbook lacks the fields added since (`Field.since`): they
get their defaults, and one warning lists them. The policy is in docs/workbook-format.md."""

INSTRUCTIONS = "Instructions"
COMPANY = "Company"
DEMAND = "Demand"
INHOUSE = "InHouse"
QUOTES = "Quotes"
ASSUMPTIONS = "Assumptions"
YEARS = "Years"
RANGES = "Ranges"
LISTS = "Lists"
"""Hidden sheet holding the dropdown lists; the loader never reads it."""

SHEETS = (INSTRUCTIONS, COMPANY, DEMAND, INHOUSE, QUOTES, ASSUMPTIONS, YEARS, RANGES)
"""The sheets of the newest format, in order."""

SHEET_SINCE = {YEARS: 2, RANGES: 2}
"""Sheets added after version 1, with the version that added them: an older workbook lacks them
and reads as if they were blank (every field on them is optional)."""

OPTIONAL_SHEETS = frozenset({RANGES})
"""Sheets a workbook may leave out in any version: missing, they read as blank (a workbook made
before the Ranges sheet joined version 2 gives no ranges, so the default ones apply)."""


def sheets_in(version: int) -> tuple[str, ...]:
    """The sheets a workbook of `version` must have, in order."""
    return tuple(name for name in SHEETS if SHEET_SINCE.get(name, 1) <= version)


VERSION_CELL = "B2"
"""On the Instructions sheet: the format version number."""

TITLE_ROW = 1
LEGEND_ROW = 2
HEADER_ROW = 3
FIRST_ROW = 4

VALUE_COLUMN = "B"

QUOTE_TEMPLATE_ROWS = 40
"""Rows the blank template formats for quotes."""

QUOTE_MAX_ROWS = 200
"""Quotes a workbook may hold (rows 4-203); a value below is an error naming its cell.

The book draws every quote (a point each on the price chart, a bar per vendor on the savings
chart) and prices each one in every chapter: 200 quotes keep each chart far below the chart
library's 5,000-row limit and the book's run time within minutes, while a real tender rarely has
more than a few dozen prices."""
QUOTE_LAST_ROW = FIRST_ROW + QUOTE_MAX_ROWS - 1

TEXT_MAX_LENGTH = 200
"""Characters in a text field (company and vendor names) at most; longer is an error. The book
shortens long names for display; this bound only keeps every page and table finite."""

MONEY_MAX = 1e12
"""Any amount of money, at most: a million million units keeps every total finite and exactly
printable even in a currency of a million units to the dollar."""

MAX_TRAFFIC_ERLANGS = 10_000
"""The busiest hour of a live queue may carry at most this traffic (the `staffing` command's
cap): beyond it one interval is not one queue any more, and the agent search runs long."""

AGREEMENT_TOLERANCE = 0.05
"""Monthly contacts and customers × contacts per customer may differ by this share."""


class Kind(StrEnum):
    """How a cell's content is read; see docs/workbook-format.md for each rule."""

    TEXT = "text"
    NUMBER = "number"
    INTEGER = "integer"
    PERCENT = "percent"
    """Entered in percent points (30 means 30%); the loader returns a fraction."""
    HOUR = "hour"
    """A whole hour of the day, 0-24; a time such as 09:00 is accepted too."""
    CHOICE = "choice"
    CURRENCY = "currency"
    """A three-letter ISO 4217 code."""
    DATE = "date"
    """A day: a date cell, or text written year-month-day (2025-09-30). Bounds and plausible
    range are spreadsheet serial numbers (days since 1899-12-30, `date_serial`)."""


@dataclass(frozen=True)
class Choice:
    """One dropdown entry: the enum value the model uses and the label people see."""

    value: str
    label: str


class Basis(StrEnum):
    """What a plausible range is relative to (see `Plausible`)."""

    NONE = ""
    USD = "usd"
    """US dollars, converted at the workbook's exchange rate."""
    ANNUAL_SALARY = "annual_salary"
    MONTHLY_SALARY = "monthly_salary"
    REGION_PRICE = "region_price"
    """The published price range of the quote's region and pricing model, in its currency."""
    REGION_HOURLY = "region_hourly"
    """The published hourly range of the quote's region, in its currency."""
    QUOTE_MONTH = "quote_month"
    """What the quote would bill a month for the company's volume."""
    QUOTE_YEAR = "quote_year"
    PROFILE_TOTAL = "profile_total"
    """The sum of the 24 hourly weights."""


BASIS_TEXT = {
    Basis.USD: N_("{low_usd} to {high_usd} US dollars at the exchange rate in Company B6"),
    Basis.ANNUAL_SALARY: N_("{low_share} to {high_share} of the annual salary in InHouse B4"),
    Basis.MONTHLY_SALARY: N_("{low_share} to {high_share} of the monthly salary, InHouse B4 "
                             "÷ 12"),
    Basis.REGION_PRICE: N_("half the low end to twice the high end of the published range for "
                           "the region and pricing model, in the quote's currency"),
    Basis.REGION_HOURLY: N_("{low_share} to {high_share} of the high end of the region's "
                            "published hourly range, in the quote's currency"),
    Basis.QUOTE_MONTH: N_("{low_share} to {high_share} of what this quote would bill a month "
                          "for your volume"),
    Basis.QUOTE_YEAR: N_("{low_share} to {high_share} of what this quote would bill a year "
                         "for your volume"),
    Basis.PROFILE_TOTAL: N_("{low_share} to {high_share} of the day's 24 weights together"),
}
"""How a warning names the basis of a relative range (message ids; fields from `Plausible`)."""


@dataclass(frozen=True)
class Plausible:
    """Where most real values fall; a value outside is a warning, used as entered.

    `low` and `high` (either may be None) are in the unit people type when `basis` is NONE, in
    US dollars for USD, and otherwise shares of the basis (0.5 = half of it). `above_low` makes
    `low` exclusive (a 0 salary is suspicious; so is anything below 0, which the hard bounds
    refuse anyway).
    """

    low: float | None = None
    high: float | None = None
    basis: Basis = Basis.NONE
    above_low: bool = False


@dataclass(frozen=True)
class Field:
    """One input: where it lives, how to read it and what is acceptable.

    Bounds are in the unit the person types (percent points for percent fields).
    `minimum` and `maximum` are hard bounds, an error outside (for text, `maximum` is the
    length); `minimum` is inclusive unless `above` is set. Every number field has both, so every
    later step stays finite and fast. `plausible` is the range most real values fall in: outside
    it is a warning naming the cell and the range. `channels` (Demand sheet only) lists the
    channels the column applies to; empty means all of them. `since` is the
    format version that added the field: a workbook of an older version does
    not have it, so the loader ignores its cell and uses `default` (a field
    added after version 1 is therefore optional, with a documented default).
    `default_text` (a message id) says what a blank cell means when the
    default is not one value (e.g. "the company's shrinkage").
    """

    key: str
    label: str
    kind: Kind
    minimum: float | None = None
    maximum: float | None = None
    above: bool = False
    choices: tuple[Choice, ...] = ()
    default: object = None
    required: bool = True
    plausible: Plausible | None = None
    note: str = ""
    channels: frozenset[Channel] = frozenset()
    sheet: str = ""
    cell: str = ""
    column: str = ""
    since: int = 1
    default_text: str = ""

    def applies_to(self, channel: Channel) -> bool:
        return not self.channels or channel in self.channels


COVERAGE_BUSINESS_HOURS = "business_hours"
COVERAGE_24_7 = "24_7"
COVERAGE_CHOICES = (
    Choice(COVERAGE_BUSINESS_HOURS, N_("Business hours")),
    Choice(COVERAGE_24_7, N_("24/7")),
)

CHANNEL_CHOICES = (
    Choice(Channel.INBOUND_PHONE, N_("Inbound phone")),
    Choice(Channel.OUTBOUND_PHONE, N_("Outbound phone")),
    Choice(Channel.EMAIL, N_("Email")),
    Choice(Channel.CHAT, N_("Chat")),
    Choice(Channel.SOCIAL, N_("Social media")),
)

MODEL_CHOICES = (
    Choice(PricingModel.SHARED_PER_MINUTE, N_("Shared, per minute")),
    Choice(PricingModel.DEDICATED_PER_HOUR, N_("Dedicated, per hour")),
    Choice(PricingModel.MONTHLY_PER_AGENT, N_("Monthly per agent")),
    Choice(PricingModel.COMMISSION, N_("Commission")),
    Choice(PricingModel.HOURLY_PLUS_COMMISSION, N_("Hourly + commission")),
    Choice(PricingModel.PER_TRANSACTION, N_("Per handled contact")),
    Choice(PricingModel.PER_OUTCOME, N_("Per resolved contact")),
)

BASIS_CHOICES = (
    Choice(BillingBasis.IN_SEAT, N_("In-seat hours")),
    Choice(BillingBasis.PAID, N_("Paid hours")),
    Choice(BillingBasis.PRODUCTIVE, N_("Productive hours")),
    Choice(BillingBasis.HANDLING, N_("Handling time")),
    Choice(BillingBasis.TALK, N_("Talk time")),
)
"""What an hourly price (the first three) or a per-minute price (the last two) is billed on."""

LICENCE_CHOICES = (
    Choice(LicenceBasis.PER_USER, N_("Per user")),
    Choice(LicenceBasis.PER_SEAT, N_("Per seat")),
)

COMMISSION_MODELS = frozenset({PricingModel.COMMISSION, PricingModel.HOURLY_PLUS_COMMISSION})

REGION_CHOICES = (
    Choice("usa_canada", N_("USA/Canada")),
    Choice("western_europe", N_("Western Europe")),
    Choice("eastern_europe", N_("Eastern Europe")),
    Choice("australia", N_("Australia")),
    Choice("africa_middle_east", N_("Africa/Middle East")),
    Choice("latin_america", N_("Latin America")),
    Choice("asia_philippines", N_("Asia/Philippines")),
    Choice("india", N_("India")),
    Choice("pakistan", N_("Pakistan")),
)
"""The regions of the source documents' price table (seed 001)."""

COMMON_CURRENCIES = (
    "SAR", "AED", "KWD", "QAR", "BHD", "OMR", "EGP", "JOD", "MAD",
    "RON", "EUR", "GBP", "USD", "CHF", "PLN", "TRY", "INR", "PHP",
)
"""Offered in the currency dropdown; any ISO 4217 code is accepted."""

QUOTE_BASE_CURRENCY = "USD"
"""Reference prices are in US dollars; a quote is in USD or the company's currency."""

QUEUED = frozenset(c for c in Channel if c.is_queued)
LIVE = frozenset(c for c in Channel if c.is_live)
"""Channels with talk (or chat) time and after-call work."""
DEFERRED = frozenset({Channel.EMAIL, Channel.SOCIAL, Channel.OUTBOUND_PHONE})
"""Channels worked from a backlog against a response time in hours."""

CHAT_AHT_GROWTH = 0.2
"""Each extra concurrent chat lengthens every chat by 20% of its handling time alone. Source:
ccPlanning, "Chat concurrency and AHT" (ccplanning.net/articles/chat-concurrency-and-aht): going
from 2 to 3 concurrent chats lifts an agent's output by 25-35%, not 50%; at 20% a third chat lifts
it by (3 / 1.4) / (2 / 1.2) - 1 = 29%."""

PERCENT_NOTE = N_("percent: type 30 for 30% (a cell formatted as a percentage is read as shown)")


def _on_sheet(
    sheet: str, fields: tuple[Field, ...], first_row: int = FIRST_ROW
) -> tuple[Field, ...]:
    """Places one-value-per-row fields in column B from `first_row` down."""
    return tuple(
        replace(f, sheet=sheet, cell=f"{VALUE_COLUMN}{first_row + i}") for i, f in enumerate(fields)
    )


def _in_columns(sheet: str, first_column: str, fields: tuple[Field, ...]) -> tuple[Field, ...]:
    """Places table fields in consecutive columns from `first_column`."""
    start = ord(first_column)
    return tuple(replace(f, sheet=sheet, column=chr(start + i)) for i, f in enumerate(fields))


_MONEY = {"minimum": 0, "maximum": MONEY_MAX}


def date_serial(day: dt.date) -> float:
    """A day as a spreadsheet serial number (days since 1899-12-30, as Excel counts from
    March 1900 on)."""
    return float((day - dt.date(1899, 12, 30)).days)


LANGUAGE_CHOICES = (
    Choice("ar", N_("Arabic")),
    Choice("en", N_("English")),
    Choice("ro", N_("Romanian")),
    Choice("fr", N_("French")),
    Choice("es", N_("Spanish")),
    Choice("de", N_("German")),
    Choice("other", N_("Another language")),
)
"""Customers' main language (Company B13): which vendor regions commonly serve it is
`recommend.LANGUAGE_REGIONS`."""

COMPLEXITY_ROUTINE = "routine"
COMPLEXITY_MIXED = "mixed"
COMPLEXITY_COMPLEX = "complex"
COMPLEXITY_CHOICES = (
    Choice(COMPLEXITY_ROUTINE, N_("Routine")),
    Choice(COMPLEXITY_MIXED, N_("Mixed")),
    Choice(COMPLEXITY_COMPLEX, N_("Complex or technical")),
)
"""How hard the contacts are to answer (Company B14). Seed 001 keeps "technical or complex
questions that need the right answer" in-house and sees routine work as what outsourcing does
well; "mixed", the default, weighs neither way."""

DATE_FIRST, DATE_LAST = dt.date(1990, 1, 1), dt.date(2100, 12, 31)
"""The dates Company B12 accepts: any workbook of this format was written between them."""
DATE_PLAUSIBLE = (dt.date(2020, 1, 1), dt.date(2040, 12, 31))
"""Assumption: the published prices the book compares with date from about 2022 (seed 003 was
published 2022-06-27), so a date before 2020 is most likely a typo for the year, and one after
2040 certainly is."""

COMPANY_FIELDS = _on_sheet(COMPANY, (
    Field("name", N_("Company name"), Kind.TEXT, maximum=TEXT_MAX_LENGTH),
    Field("currency", N_("Currency (ISO code, e.g. SAR, RON, USD)"), Kind.CURRENCY,
          note=N_("all money on the InHouse sheet is in this currency")),
    Field("usd_rate", N_("Exchange rate (company currency per 1 USD)"), Kind.NUMBER,
          minimum=0.0001, maximum=10_000_000, plausible=Plausible(0.25, 100_000),
          note=N_("e.g. 3.75 for SAR; 1 when the currency is USD")),
    Field("coverage", N_("Coverage"), Kind.CHOICE, choices=COVERAGE_CHOICES),
    Field("days_per_week", N_("Business days per week (1-7)"), Kind.INTEGER,
          minimum=1, maximum=7, required=False,
          note=N_("needed for business hours; ignored for 24/7")),
    Field("open_hour", N_("Opening hour (0-23, e.g. 9 for 09:00)"), Kind.HOUR,
          minimum=0, maximum=23, required=False,
          note=N_("needed for business hours; ignored for 24/7")),
    Field("close_hour", N_("Closing hour (1-24, e.g. 18 for 18:00)"), Kind.HOUR,
          minimum=1, maximum=24, required=False,
          note=N_("needed for business hours; ignored for 24/7")),
    Field("horizon_years", N_("Planning horizon (years)"), Kind.INTEGER, minimum=1, maximum=10),
    Field("report_date", N_("Date of these figures (blank = the date the file was last saved)"),
          Kind.DATE, minimum=date_serial(DATE_FIRST), maximum=date_serial(DATE_LAST),
          plausible=Plausible(date_serial(DATE_PLAUSIBLE[0]), date_serial(DATE_PLAUSIBLE[1])),
          required=False, default=None, since=2,
          default_text=N_("the date the file was last saved"),
          note=N_("the date the book gives on its cover, e.g. 2025-09-30; blank = the date "
                  "stored in the file when it was last saved")),
    Field("customer_language", N_("Customers' main language (blank = not stated)"),
          Kind.CHOICE, choices=LANGUAGE_CHOICES, required=False, default=None, since=2,
          note=N_("which vendors' agents can speak with your customers; blank = the book asks "
                  "you to check it with every vendor")),
    Field("contact_complexity", N_("Complexity of contacts (blank = Mixed)"), Kind.CHOICE,
          choices=COMPLEXITY_CHOICES, required=False, default=COMPLEXITY_MIXED, since=2,
          note=N_("Routine: orders, delivery, account questions; Complex or technical: "
                  "questions that need deep product knowledge. Complex contacts argue for "
                  "keeping them in-house, routine ones for outsourcing; Mixed weighs neither "
                  "way")),
))

DEMAND_FIELDS = _in_columns(DEMAND, "B", (
    Field("monthly_contacts", N_("Monthly contacts (monthly number of tickets)"), Kind.NUMBER,
          minimum=0, maximum=100_000_000, plausible=Plausible(None, 5_000_000), required=False),
    Field("customers", N_("Number of customers"), Kind.NUMBER, minimum=0,
          maximum=10_000_000_000, plausible=Plausible(None, 500_000_000), required=False),
    Field("contacts_per_customer",
          N_("Contacts per customer per month (incident rate)"), Kind.NUMBER,
          minimum=0, maximum=1000, plausible=Plausible(None, 5), required=False),
    Field("aht_seconds", N_("Average handling time (seconds)"), Kind.NUMBER,
          minimum=1, maximum=14400, plausible=Plausible(30, 3600)),
    Field("service_level", N_("Service level (%, 80 = 80%)"), Kind.PERCENT,
          minimum=1, maximum=99.9, plausible=Plausible(50, 95), channels=QUEUED),
    Field("answer_seconds", N_("Answer target (seconds)"), Kind.NUMBER,
          minimum=0, maximum=3600, plausible=Plausible(5, 600), channels=QUEUED),
    Field("response_hours", N_("Response target (hours)"), Kind.NUMBER,
          minimum=0, maximum=720, above=True, plausible=Plausible(0.5, 168),
          channels=DEFERRED),
    Field("days_per_week", N_("Own days per week (blank = company)"), Kind.INTEGER,
          minimum=1, maximum=7, required=False),
    Field("open_hour", N_("Own opening hour (blank = company)"), Kind.HOUR,
          minimum=0, maximum=23, required=False),
    Field("close_hour", N_("Own closing hour (blank = company)"), Kind.HOUR,
          minimum=1, maximum=24, required=False),
    Field("success_rate", N_("Success rate (% of calls earning a commission)"), Kind.PERCENT,
          minimum=0, maximum=100, plausible=Plausible(1, 50), required=False,
          channels=frozenset({Channel.OUTBOUND_PHONE})),
    Field("patience_seconds", N_("Mean patience before hanging up (seconds; blank = nobody "
                                 "hangs up)"), Kind.NUMBER,
          minimum=1, maximum=3600, plausible=Plausible(10, 1200), required=False, default=None,
          channels=QUEUED, since=2),
    Field("chats_per_agent", N_("Chats per agent at the same time (blank = 1)"), Kind.INTEGER,
          minimum=1, maximum=6, plausible=Plausible(1, 4), required=False, default=1,
          channels=frozenset({Channel.CHAT}), since=2),
    Field("aht_growth_per_chat",
          N_("Handling-time growth per extra concurrent chat (%; blank = 20)"), Kind.PERCENT,
          minimum=0, maximum=100, plausible=Plausible(0, 50), required=False,
          default=CHAT_AHT_GROWTH,
          channels=frozenset({Channel.CHAT}), since=2),
)) + _in_columns(DEMAND, "P", (
    Field("acw_share", N_("After-call work (% of handling time)"), Kind.PERCENT,
          minimum=0, maximum=90, plausible=Plausible(None, 50), default=ACW_SHARE,
          required=False, channels=LIVE, since=2),
))

DEMAND_CHANNEL_COLUMN = "A"
DEMAND_ROWS = {c: FIRST_ROW + i for i, c in enumerate(Channel)}
"""One fixed row per channel, in the order of `Channel`."""
VOLUME_KEYS = ("monthly_contacts", "customers", "contacts_per_customer")
HOURS_KEYS = ("days_per_week", "open_hour", "close_hour")

_MONEY_YEAR = N_("company currency per year")
_MONEY_MONTH = N_("company currency per month")
_MONEY_ONCE = N_("company currency, one-off")

INHOUSE_FIELDS = _on_sheet(INHOUSE, (
    Field("annual_salary", N_("Annual salary per agent (company currency per year)"),
          Kind.NUMBER, **_MONEY, plausible=Plausible(1_000, 150_000, Basis.USD),
          note=_MONEY_YEAR),
    Field("employer_oncost", N_("Employer taxes & benefits (% of salary)"), Kind.PERCENT,
          minimum=0, maximum=100, plausible=Plausible(None, 60), note=PERCENT_NOTE),
    Field("night_weekend_premium", N_("Night/weekend premium (% of salary)"), Kind.PERCENT,
          minimum=0, maximum=200, plausible=Plausible(None, 100), note=PERCENT_NOTE),
    Field("agents_per_team_lead", N_("Agents per team lead"), Kind.NUMBER,
          minimum=1, maximum=100, plausible=Plausible(5, 30)),
    Field("team_lead_salary", N_("Team-lead salary (company currency per year)"), Kind.NUMBER,
          **_MONEY, plausible=Plausible(1, 3, Basis.ANNUAL_SALARY), note=_MONEY_YEAR),
    Field("recruitment_per_hire", N_("Recruitment cost per hire (company currency)"),
          Kind.NUMBER, **_MONEY, plausible=Plausible(None, 0.5, Basis.ANNUAL_SALARY),
          note=_MONEY_ONCE),
    Field("attrition", N_("Attrition (% of agents leaving per year)"), Kind.PERCENT,
          minimum=0, maximum=300, plausible=Plausible(None, 100), note=PERCENT_NOTE),
    Field("training_per_hire", N_("Training cost per hire (company currency)"), Kind.NUMBER,
          **_MONEY, plausible=Plausible(None, 0.5, Basis.ANNUAL_SALARY), note=_MONEY_ONCE),
    Field("equipment_per_seat", N_("Equipment per seat (company currency)"), Kind.NUMBER,
          **_MONEY, plausible=Plausible(None, 0.5, Basis.ANNUAL_SALARY),
          note=N_("computer, headset, desk: bought once per seat")),
    Field("equipment_years", N_("Equipment amortisation (years)"), Kind.NUMBER,
          minimum=0.5, maximum=20, plausible=Plausible(2, 8)),
    Field("software_per_seat_month",
          N_("Software per seat (company currency per month)"), Kind.NUMBER,
          **_MONEY, plausible=Plausible(None, 0.5, Basis.MONTHLY_SALARY), note=_MONEY_MONTH),
    Field("rent_per_seat_month", N_("Rent and space per seat (company currency per month)"),
          Kind.NUMBER, **_MONEY, plausible=Plausible(None, 1, Basis.MONTHLY_SALARY),
          note=_MONEY_MONTH),
    Field("overhead_per_seat_year",
          N_("Maintenance & other overhead per seat (company currency per year)"),
          Kind.NUMBER, **_MONEY, plausible=Plausible(None, 0.5, Basis.ANNUAL_SALARY),
          note=_MONEY_YEAR),
    Field("paid_hours_per_fte_year", N_("Paid hours per full-time agent (hours per year)"),
          Kind.NUMBER, minimum=1000, maximum=3200, plausible=Plausible(1500, 2500),
          note=N_("e.g. 40 hours × 52 weeks = 2080")),
    Field("shrinkage", N_("Shrinkage (% of paid time not on contacts)"), Kind.PERCENT,
          minimum=0, maximum=90, plausible=Plausible(10, 60),
          note=N_("leave, breaks, training, meetings; percent: type 30 for 30%")),
    Field("max_occupancy", N_("Maximum occupancy (%)"), Kind.PERCENT,
          minimum=10, maximum=100, plausible=Plausible(60, 95), note=PERCENT_NOTE),
))

RETAINED_HEADING_ROW = FIRST_ROW + len(INHOUSE_FIELDS) + 1
"""Row of the "Retained vendor management" heading on the InHouse sheet."""

RETAINED_FIELDS = _on_sheet(INHOUSE, (
    Field("manager_fte", N_("Vendor manager (full-time equivalents)"), Kind.NUMBER,
          minimum=0, maximum=50, plausible=Plausible(None, 10), default=0.0, required=False,
          note=N_("blank = 0")),
    Field("manager_salary", N_("Vendor manager salary (company currency per year)"),
          Kind.NUMBER, **_MONEY, plausible=Plausible(None, 5, Basis.ANNUAL_SALARY),
          default=0.0, required=False, note=N_("blank = 0")),
    Field("qa_per_month", N_("Quality checks (company currency per month)"), Kind.NUMBER,
          **_MONEY, plausible=Plausible(None, 10, Basis.MONTHLY_SALARY), default=0.0,
          required=False, note=N_("blank = 0")),
), first_row=RETAINED_HEADING_ROW + 1)

MANAGEMENT_HEADING_ROW = RETAINED_HEADING_ROW + len(RETAINED_FIELDS) + 2
"""Row of the "Management, training and offices" heading on the InHouse sheet (format v2)."""

_INHOUSE_DEFAULTS = {f.name: f.default for f in dataclass_fields(InHouseCosts)}
"""The defaults of the in-house fields added in format v2, as the model documents them."""
_TEAM_LEAD_PAY = N_("blank = the team-lead salary (assumption)")

MANAGEMENT_FIELDS = _on_sheet(INHOUSE, (
    Field("agents_per_operations_manager", N_("Agents per operations manager"), Kind.NUMBER,
          minimum=1, maximum=1000, plausible=Plausible(20, 300),
          default=_INHOUSE_DEFAULTS["agents_per_operations_manager"],
          required=False, since=2,
          note=N_("blank = 75 (assumption: one manager over five or six team leads)")),
    Field("operations_manager_salary",
          N_("Operations manager salary (company currency per year)"), Kind.NUMBER, **_MONEY,
          plausible=Plausible(1, 6, Basis.ANNUAL_SALARY), required=False, since=2,
          default_text=N_("1.5 × the team-lead salary"),
          note=N_("blank = 1.5 × the team-lead salary (assumption)")),
    Field("agents_per_quality_analyst", N_("Agents per quality analyst"), Kind.NUMBER,
          minimum=1, maximum=1000, plausible=Plausible(8, 100),
          default=_INHOUSE_DEFAULTS["agents_per_quality_analyst"],
          required=False, since=2,
          note=N_("blank = 25 (assumption: one analyst reviews the contacts of 20-30 agents)")),
    Field("quality_analyst_salary",
          N_("Quality analyst salary (company currency per year)"), Kind.NUMBER, **_MONEY,
          plausible=Plausible(0.8, 4, Basis.ANNUAL_SALARY), required=False, since=2,
          default_text=N_("the team-lead salary"), note=_TEAM_LEAD_PAY),
    Field("agents_per_planner", N_("Agents per workforce planner"), Kind.NUMBER,
          minimum=1, maximum=1000, plausible=Plausible(20, 300),
          default=_INHOUSE_DEFAULTS["agents_per_planner"],
          required=False, since=2,
          note=N_("blank = 75 (assumption: one planner forecasts and schedules 50-100 agents)")),
    Field("planner_salary", N_("Workforce planner salary (company currency per year)"),
          Kind.NUMBER, **_MONEY, plausible=Plausible(0.8, 4, Basis.ANNUAL_SALARY),
          required=False, since=2, default_text=N_("the team-lead salary"), note=_TEAM_LEAD_PAY),
    Field("training_weeks", N_("Paid training before taking contacts (weeks per new hire)"),
          Kind.NUMBER, minimum=0, maximum=52, plausible=Plausible(None, 13),
          default=_INHOUSE_DEFAULTS["training_weeks"], required=False, since=2,
          note=N_("blank = 4 (assumption: new-hire training commonly runs two to six weeks)")),
    Field("software_licences", N_("Software licences are paid"), Kind.CHOICE,
          choices=LICENCE_CHOICES, default=_INHOUSE_DEFAULTS["software_licences"],
          required=False, since=2,
          note=N_("blank = per user: agents, team leads and managers each need a licence")),
    Field("onsite_shrinkage",
          N_("Paid time on site off the phones (% of paid time: breaks, coaching, meetings)"),
          Kind.PERCENT, minimum=0, maximum=90, plausible=Plausible(None, 30),
          default=_INHOUSE_DEFAULTS["onsite_shrinkage"],
          required=False, since=2,
          note=N_("part of the shrinkage; those people need a desk too; blank = 15 "
                  "(assumption)")),
), first_row=MANAGEMENT_HEADING_ROW + 1)

QUOTE_FIELDS = _in_columns(QUOTES, "A", (
    Field("vendor", N_("Vendor"), Kind.TEXT, maximum=TEXT_MAX_LENGTH),
    Field("region", N_("Region"), Kind.CHOICE, choices=REGION_CHOICES),
    Field("channel", N_("Channel"), Kind.CHOICE, choices=CHANNEL_CHOICES),
    Field("model", N_("Pricing model"), Kind.CHOICE, choices=MODEL_CHOICES),
    Field("rate", N_("Rate (per minute, per hour or per agent-month, by model)"), Kind.NUMBER,
          **_MONEY, plausible=Plausible(0.5, 2, Basis.REGION_PRICE), required=False,
          default=0.0),
    Field("currency", N_("Quote currency (USD or the company's; blank = USD)"), Kind.CURRENCY,
          required=False, default=QUOTE_BASE_CURRENCY),
    Field("commission_per_success", N_("Commission per success (quote currency)"), Kind.NUMBER,
          **_MONEY, plausible=Plausible(None, 10, Basis.REGION_HOURLY), required=False,
          default=0.0),
    Field("min_monthly", N_("Minimum monthly commitment (quote currency)"), Kind.NUMBER,
          **_MONEY, plausible=Plausible(None, 1, Basis.QUOTE_MONTH), required=False,
          default=0.0),
    Field("setup_fee", N_("Set-up fee (quote currency)"), Kind.NUMBER,
          **_MONEY, plausible=Plausible(None, 1, Basis.QUOTE_YEAR), required=False,
          default=0.0),
    Field("exit_fee", N_("Exit fee (quote currency)"), Kind.NUMBER,
          **_MONEY, plausible=Plausible(None, 1, Basis.QUOTE_YEAR), required=False,
          default=0.0),
)) + _in_columns(QUOTES, "K", (
    Field("billing_basis", N_("Billing basis (hourly and per-minute prices)"), Kind.CHOICE,
          choices=BASIS_CHOICES, required=False, since=2,
          default_text=N_("in-seat hours for hourly prices, handling time per minute")),
    Field("vendor_shrinkage", N_("Vendor shrinkage (%; paid hours, monthly agents)"),
          Kind.PERCENT, minimum=0, maximum=90, plausible=Plausible(10, 60), required=False,
          since=2, default_text=N_("the company's shrinkage")),
    Field("contract_hours_week", N_("Contract hours a week per agent (monthly per agent)"),
          Kind.NUMBER, minimum=10, maximum=80, plausible=Plausible(30, 60),
          default=CONTRACT_HOURS_WEEK, required=False, since=2),
    Field("night_weekend_surcharge", N_("Night/weekend surcharge (%)"), Kind.PERCENT,
          minimum=0, maximum=200, plausible=Plausible(None, 100), default=0.0, required=False,
          since=2),
    Field("sla_target", N_("Contract service-level target (%)"), Kind.PERCENT,
          minimum=1, maximum=100, plausible=Plausible(50, 99), required=False, since=2,
          default_text=N_("the channel's service level target")),
    Field("planned_service_level", N_("Service level the vendor plans to reach (%)"),
          Kind.PERCENT, minimum=0, maximum=100, plausible=Plausible(50, None), required=False,
          since=2, default_text=N_("derived from the hours the vendor is paid for")),
    Field("credit_per_point", N_("Credit per point below target (% of charges)"),
          Kind.PERCENT, minimum=0, maximum=100, plausible=Plausible(None, 10), default=0.0,
          required=False, since=2),
    Field("bonus_per_point", N_("Bonus per point above target (% of charges)"), Kind.PERCENT,
          minimum=0, maximum=100, plausible=Plausible(None, 10), default=0.0, required=False,
          since=2),
    Field("credit_cap", N_("Cap on credits and bonuses (% of charges)"), Kind.PERCENT,
          minimum=0, maximum=100, plausible=Plausible(None, 30), default=CREDIT_CAP,
          required=False, since=2),
    Field("resolution_rate", N_("Resolution rate (% of contacts; per resolved contact)"),
          Kind.PERCENT, minimum=1, maximum=100, plausible=Plausible(30, None),
          default=RESOLUTION_RATE, required=False, since=2),
))

CONTRACT_KEYS = tuple(f.key for f in QUOTE_FIELDS if f.since > 1)
"""The quote's contract terms (format v2), passed to `VendorQuote` as they are read."""

_DEFAULTS = Assumptions()

ASSUMPTION_FIELDS = _on_sheet(ASSUMPTIONS, (
    Field("night_start_hour", N_("Night starts at (hour, 0-23)"), Kind.HOUR,
          minimum=0, maximum=23, default=_DEFAULTS.night_start_hour, required=False),
    Field("night_end_hour", N_("Night ends at (hour, 0-23)"), Kind.HOUR,
          minimum=0, maximum=23, default=_DEFAULTS.night_end_hour, required=False),
    Field("weekend_days", N_("Weekend days earning the premium (days per week)"), Kind.INTEGER,
          minimum=0, maximum=6, default=_DEFAULTS.weekend_days, required=False),
    Field("billed_minutes_factor",
          N_("Billed minutes per handled minute (per-minute pricing)"), Kind.NUMBER,
          minimum=1, maximum=3, plausible=Plausible(None, 1.5),
          default=_DEFAULTS.billed_minutes_factor, required=False),
    Field("dedicated_occupancy",
          N_("Occupancy a dedicated vendor plans for (%; blank = company maximum)"),
          Kind.PERCENT, minimum=10, maximum=100, plausible=Plausible(60, 95),
          default=_DEFAULTS.dedicated_occupancy, required=False,
          default_text=N_("company maximum occupancy")),
))

PROFILE_HEADING_ROW = FIRST_ROW + len(ASSUMPTION_FIELDS) + 1
"""Row of the hourly-profile heading on the Assumptions sheet; the 24 hours follow."""

PROFILE_FIELDS = _on_sheet(ASSUMPTIONS, tuple(
    Field(f"hour_{hour:02d}", f"{hour:02d}:00-{hour + 1:02d}:00", Kind.NUMBER,
          minimum=0, maximum=1_000_000, plausible=Plausible(None, 0.25, Basis.PROFILE_TOTAL),
          default=_DEFAULTS.hourly_profile[hour], required=False)
    for hour in range(24)
), first_row=PROFILE_HEADING_ROW + 1)

BENCHMARK_HEADING_ROW = PROFILE_HEADING_ROW + len(PROFILE_FIELDS) + 2
"""Row of the benchmark-terms heading on the Assumptions sheet (format v2)."""

BENCHMARK_FIELDS = _on_sheet(ASSUMPTIONS, (
    Field("benchmark_setup_months", N_("Benchmark set-up fee (months of its charges)"),
          Kind.NUMBER, minimum=0, maximum=24, plausible=Plausible(None, 6),
          default=_DEFAULTS.benchmark_setup_months, required=False, since=2),
    Field("benchmark_minimum_share",
          N_("Benchmark minimum commitment (% of its expected monthly charges)"), Kind.PERCENT,
          minimum=0, maximum=100, default=_DEFAULTS.benchmark_minimum_share, required=False,
          since=2),
), first_row=BENCHMARK_HEADING_ROW + 1)


INHOUSE_TODAY = "In-house"
"""What the "today's operation" cell holds when the company runs customer service itself (any
case, with or without the hyphen); any other text names a vendor of the Quotes sheet."""

YEARS_FIELDS = _on_sheet(YEARS, (
    Field("current_operation",
          N_("Today's operation (In-house, or a vendor's name as on the Quotes sheet)"),
          Kind.TEXT, maximum=TEXT_MAX_LENGTH, default=INHOUSE_TODAY, required=False,
          note=N_("who runs customer service today; every option is compared with it "
                  "(blank = In-house)"), since=2),
    Field("current_team", N_("Agents in-house today (FTE)"), Kind.NUMBER,
          minimum=0, maximum=100_000, required=False, since=2,
          note=N_("blank = the team today's operation needs by the model; a different number "
                  "costs the hiring or severance to reach that team")),
    Field("discount_rate", N_("Discount rate (% a year)"), Kind.PERCENT,
          minimum=0, maximum=50, plausible=Plausible(None, 25), default=0.0, required=False,
          since=2,
          note=N_("your cost of capital or hurdle rate; blank = 0, no discounting")),
    Field("salary_inflation", N_("In-house pay rise (% a year)"), Kind.PERCENT,
          minimum=-20, maximum=50, plausible=Plausible(-5, 20), default=0.0, required=False,
          since=2,
          note=N_("agents, team leads and the vendor manager; blank = 0")),
    Field("vendor_escalation", N_("Vendor price escalation (% a year)"), Kind.PERCENT,
          minimum=-20, maximum=50, plausible=Plausible(-5, 15), default=0.0, required=False,
          since=2,
          note=N_("the contract's yearly price rise; blank = 0")),
    Field("usd_rate_change",
          N_("Exchange-rate change (% a year, company currency per USD)"), Kind.PERCENT,
          minimum=-50, maximum=100, plausible=Plausible(-30, 30), default=0.0, required=False,
          since=2, note=N_("prices quoted in USD follow it; blank = 0, today's rate throughout")),
    Field("volume_growth", N_("Contact volume growth (% a year)"), Kind.PERCENT,
          minimum=-50, maximum=100, plausible=Plausible(-30, 30), default=0.0, required=False,
          since=2, note=N_("every channel; blank = 0")),
    Field("knowledge_transfer",
          N_("Knowledge transfer per change of operation (company currency, one-off)"),
          Kind.NUMBER, **_MONEY, default=0.0, required=False, since=2,
          note=N_("documentation, training the new team, the project; blank = 0")),
    Field("dual_running_months", N_("Dual running (months both operations are paid)"),
          Kind.INTEGER, minimum=0, maximum=12, plausible=Plausible(None, 6), default=0,
          required=False, since=2, note=N_("at each change of operation; blank = 0")),
    Field("severance_months", N_("Severance per person let go (months of salary)"),
          Kind.NUMBER, minimum=0, maximum=36, plausible=Plausible(None, 12), default=0.0,
          required=False, since=2, note=N_("blank = 0")),
    Field("exit_year", N_("Planned exit year (last year with the vendor)"), Kind.INTEGER,
          minimum=1, maximum=9, required=False, since=2,
          note=N_("the contract is left at that year's end and the work comes back in-house; "
                  "blank = no exit within the horizon")),
))


class Scope(StrEnum):
    """What an uncertain input belongs to besides the company: nothing, a channel or a vendor."""

    COMPANY = "company"
    CHANNEL = "channel"
    VENDOR = "vendor"


@dataclass(frozen=True)
class RangeKind:
    """One kind of input the Ranges sheet can give a range: its key, its label (a message id with
    its unit) and the workbook field whose unit and hard bounds its low and high take."""

    key: str
    label: str
    field: Field
    scope: Scope = Scope.COMPANY
    channels: frozenset[Channel] = frozenset()
    """CHANNEL scope: the channels the input exists for."""


def _lookup(fields_: tuple[Field, ...], key: str) -> Field:
    return next(f for f in fields_ if f.key == key)


def _channel_kind(key: str, label: str,
                  channels: frozenset[Channel] = frozenset(Channel)) -> RangeKind:
    return RangeKind(key, label, _lookup(DEMAND_FIELDS, key), Scope.CHANNEL, channels)


def _scalar_kinds(fields_: tuple[Field, ...], *keys: str) -> tuple[RangeKind, ...]:
    return tuple(RangeKind(key, _lookup(fields_, key).label, _lookup(fields_, key))
                 for key in keys)


VENDOR_PRICES = "vendor_prices"
VENDOR_SHRINKAGE = "vendor_shrinkage"

RANGE_KINDS = (
    _channel_kind("monthly_contacts", N_("Monthly contacts")),
    _channel_kind("aht_seconds", N_("Average handling time (seconds)")),
    _channel_kind("patience_seconds", N_("Mean patience before hanging up (seconds)"), QUEUED),
    _channel_kind("acw_share", N_("After-call work (% of handling time)"), LIVE),
    _channel_kind("aht_growth_per_chat", N_("Handling-time growth per extra concurrent chat (%)"),
                  frozenset({Channel.CHAT})),
    _channel_kind("success_rate", N_("Success rate (% of calls earning a commission)"),
                  frozenset({Channel.OUTBOUND_PHONE})),
    *_scalar_kinds(INHOUSE_FIELDS, "annual_salary", "team_lead_salary", "employer_oncost",
                   "night_weekend_premium", "recruitment_per_hire", "attrition",
                   "training_per_hire", "equipment_per_seat", "software_per_seat_month",
                   "rent_per_seat_month", "overhead_per_seat_year", "paid_hours_per_fte_year",
                   "shrinkage"),
    *_scalar_kinds(MANAGEMENT_FIELDS, "operations_manager_salary", "quality_analyst_salary",
                   "planner_salary", "training_weeks", "onsite_shrinkage"),
    *_scalar_kinds(RETAINED_FIELDS, "manager_salary", "qa_per_month"),
    *_scalar_kinds(COMPANY_FIELDS, "usd_rate"),
    *_scalar_kinds(YEARS_FIELDS, "volume_growth", "salary_inflation", "vendor_escalation",
                   "usd_rate_change", "knowledge_transfer", "severance_months"),
    RangeKind(VENDOR_PRICES, N_("A vendor's prices (% of what it quoted; 100 = as quoted)"),
              Field(VENDOR_PRICES, N_("A vendor's prices (% of what it quoted; 100 = as quoted)"),
                    Kind.PERCENT, minimum=1, maximum=1000), Scope.VENDOR),
    RangeKind(VENDOR_SHRINKAGE, N_("A vendor's shrinkage (%; paid hours, monthly agents)"),
              _lookup(QUOTE_FIELDS, "vendor_shrinkage"), Scope.VENDOR),
)
"""Every kind of input the Ranges sheet accepts, in the order its dropdown lists them
(`workbook.ranges` says where each one's value sits and why some inputs are left out)."""


def range_choices() -> tuple[Choice, ...]:
    """The Ranges sheet's dropdown: each company or channel input by its label (a channel's after
    a colon: "Monthly contacts: Chat"), then the two vendor inputs, whose vendor goes in the next
    column. English labels, like every dropdown of the workbook."""
    found = []
    for kind in RANGE_KINDS:
        if kind.scope is Scope.CHANNEL:
            found += [Choice(f"{kind.key}:{c.value}", f"{kind.label}: {c.label}")
                      for c in CHANNEL_CHOICES if Channel(c.value) in kind.channels]
        else:
            found.append(Choice(kind.key, kind.label))
    return tuple(found)


RANGE_MAX_ROWS = 60
"""Ranges a workbook may give (rows 4-63): more than every input of a company with five channels
and a few vendors."""
RANGE_LAST_ROW = FIRST_ROW + RANGE_MAX_ROWS - 1

RANGE_FIELDS = _in_columns(RANGES, "A", (
    Field("input", N_("Uncertain input"), Kind.CHOICE, choices=range_choices(), required=False,
          since=2, default_text=N_("none: the documented default ranges")),
    Field("vendor", N_("Vendor (a vendor's prices or shrinkage only)"), Kind.TEXT,
          maximum=TEXT_MAX_LENGTH, required=False, since=2),
    Field("low", N_("Low (in the input's own unit)"), Kind.NUMBER, minimum=-MONEY_MAX,
          maximum=MONEY_MAX, required=False, since=2),
    Field("high", N_("High (in the input's own unit)"), Kind.NUMBER, minimum=-MONEY_MAX,
          maximum=MONEY_MAX, required=False, since=2),
))
"""The Ranges sheet's columns: one uncertain input a row, rows 4 to 63. Low and high are read in
the unit of the input's own cell (percent points for a percentage, the company's currency for
money, percent of the quotes for a vendor's prices) and within its hard bounds
(`workbook.sheets`); the input's own value in the workbook is the likeliest."""


def fields() -> tuple[Field, ...]:
    """Every field of the format, sheet by sheet (looked up when called, as the sheet rules do)."""
    return (
        COMPANY_FIELDS + DEMAND_FIELDS + INHOUSE_FIELDS + RETAINED_FIELDS + MANAGEMENT_FIELDS
        + QUOTE_FIELDS + ASSUMPTION_FIELDS + PROFILE_FIELDS + BENCHMARK_FIELDS + YEARS_FIELDS
        + RANGE_FIELDS
    )


def choice_label(choices: tuple[Choice, ...], value: str) -> str:
    """The label a dropdown shows for an enum value."""
    return next(c.label for c in choices if c.value == value)
