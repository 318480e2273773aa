"""The company's inputs, as plain immutable records.

The loader turns a workbook into these; every analysis function takes them and
returns new data. Money is always in the company's currency; percentages are
fractions (0.3, not 30); times carry their unit in the field name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class Channel(StrEnum):
    INBOUND_PHONE = "inbound_phone"
    OUTBOUND_PHONE = "outbound_phone"
    EMAIL = "email"
    CHAT = "chat"
    SOCIAL = "social"

    @property
    def is_queued(self) -> bool:
        """Phone and chat wait in a live queue (Erlang C); email, social and outbound don't."""
        return self in (Channel.INBOUND_PHONE, Channel.CHAT)


class PricingModel(StrEnum):
    SHARED_PER_MINUTE = "shared_per_minute"
    DEDICATED_PER_HOUR = "dedicated_per_hour"
    MONTHLY_PER_AGENT = "monthly_per_agent"
    COMMISSION = "commission"
    HOURLY_PLUS_COMMISSION = "hourly_plus_commission"


WEEKS_PER_YEAR = 52
WEEKS_PER_MONTH = WEEKS_PER_YEAR / 12
MONTHS_PER_YEAR = 12
DAYS_PER_WEEK = 7
SECONDS_PER_HOUR = 3600


@dataclass(frozen=True)
class Hours:
    """When a channel is staffed: the first `days_per_week` days of the week, open-close."""

    days_per_week: int
    open_hour: int
    close_hour: int

    @property
    def is_24_7(self) -> bool:
        return self.days_per_week == 7 and self.open_hour == 0 and self.close_hour == 24

    @property
    def hours_per_day(self) -> int:
        return self.close_hour - self.open_hour

    @property
    def hours_per_week(self) -> int:
        return self.days_per_week * self.hours_per_day


@dataclass(frozen=True)
class Company:
    name: str
    currency: str
    usd_rate: float
    """Units of the company's currency for one US dollar (reference prices are in USD)."""
    hours: Hours
    horizon_years: int
    report_date: dt.date | None = None
    """The date the figures stand for (Company B12), else the date stored in the workbook file
    when it was last saved; None when neither says (never the clock's date: the same workbook
    gives the same book)."""
    date_from_file: bool = False
    """`report_date` came from the file's properties, not from Company B12."""
    customer_language: str | None = None
    """Customers' main language (`workbook.format.LANGUAGE_CHOICES`); None when not stated."""
    complexity: str = "mixed"
    """"routine", "mixed" or "complex" (`workbook.format.COMPLEXITY_CHOICES`)."""


@dataclass(frozen=True)
class ChannelDemand:
    """One channel's workload and service target.

    `monthly_contacts` is always resolved; when the workbook gave customers and a
    contact rate instead, those are kept so the book can show the derivation.
    Queued channels use `service_level` within `target_seconds`; the others are
    answered within `target_seconds` too (a response-time target in seconds).
    """

    channel: Channel
    monthly_contacts: float
    aht_seconds: float
    target_seconds: float
    service_level: float | None
    hours: Hours
    customers: float | None = None
    contacts_per_customer: float | None = None
    success_rate: float | None = None
    """Share of outbound contacts that earn a commission (a sale, a booked appointment)."""
    patience_seconds: float | None = None
    """Queued channels: callers' mean patience before hanging up (Erlang A); None: nobody does
    (Erlang C)."""
    chats_per_agent: int = 1
    """Chat: conversations one agent handles at the same time."""
    aht_growth_per_chat: float = 0.0
    """Chat: how much longer each chat takes per extra concurrent chat, a fraction: at `c` chats
    per agent a chat takes `aht_seconds x (1 + growth x (c - 1))` (`aht_seconds` is a chat
    handled alone)."""

    @property
    def slot_aht_seconds(self) -> float:
        """Handling time of one contact at the channel's concurrency (AHT for everything but a
        chat handled alongside others)."""
        return self.aht_seconds * (1 + self.aht_growth_per_chat * (self.chats_per_agent - 1))


@dataclass(frozen=True)
class InHouseCosts:
    annual_salary: float
    employer_oncost: float
    night_weekend_premium: float
    agents_per_team_lead: float
    team_lead_salary: float
    recruitment_per_hire: float
    attrition: float
    training_per_hire: float
    equipment_per_seat: float
    equipment_years: float
    software_per_seat_month: float
    rent_per_seat_month: float
    overhead_per_seat_year: float
    paid_hours_per_fte_year: float
    shrinkage: float
    max_occupancy: float


@dataclass(frozen=True)
class VendorQuote:
    """One vendor's price for one channel, converted to the company's currency."""

    vendor: str
    region: str
    channel: Channel
    model: PricingModel
    rate: float
    """Per handled minute, per staffed hour or per agent-month, by `model`."""
    commission_per_success: float
    min_monthly: float
    setup_fee: float
    exit_fee: float


@dataclass(frozen=True)
class RetainedManagement:
    """What stays in-house to manage any vendor: a vendor manager and quality checks."""

    manager_fte: float
    manager_salary: float
    qa_per_month: float


@dataclass(frozen=True)
class Assumptions:
    """Documented defaults the workbook's Assumptions sheet can override."""

    hourly_profile: tuple[float, ...] = (
        0.2, 0.1, 0.1, 0.1, 0.1, 0.3, 0.8, 2.0, 4.5, 6.5, 7.2, 7.3,
        6.8, 6.9, 7.0, 6.9, 6.5, 5.9, 5.2, 4.6, 3.9, 3.0, 1.8, 0.8,
    )
    """Relative contact arrivals by hour of day, 00:00 to 23:00 (typical support curve)."""
    night_start_hour: int = 22
    night_end_hour: int = 6
    weekend_days: int = 2
    """The last `weekend_days` days of a 7-day week earn the premium."""
    billed_minutes_factor: float = 1.0
    """Billed minutes per handled minute for per-minute pricing (vendors round calls up)."""
    dedicated_occupancy: float | None = None
    """Occupancy a dedicated vendor plans for; None means the company's own cap."""


@dataclass(frozen=True)
class Inputs:
    company: Company
    demand: tuple[ChannelDemand, ...]
    inhouse: InHouseCosts
    quotes: tuple[VendorQuote, ...] = ()
    retained: RetainedManagement = field(
        default_factory=lambda: RetainedManagement(0.0, 0.0, 0.0)
    )
    assumptions: Assumptions = field(default_factory=Assumptions)
