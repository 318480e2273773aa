"""Published price ranges and rules of thumb from the source documents, as typed records.

The figures live in `data/reference/*.csv` (one row per range, with the seed file it comes from,
a note on how it was read, in English, and the passage it was read from, word for word in the
source's language), so anyone can check them against the seed text without reading code. The
documents themselves are cited by title, language and publisher in `sources.csv`; the notes and
what each document provides are translated in the package catalog (`translations.extract`
takes them from the CSV files). Prices are in US dollars, as the sources give them; callers
convert with `Company.usd_rate`. A single published figure is stored as low = high. The English
names are message ids, listed once here with `N_` so the book can translate them; a test keeps
them equal to the CSV's `name` column.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

from analysis.i18n import N_

REFERENCE_DIR = Path(__file__).resolve().parents[2] / "data" / "reference"
CURRENCY = "USD"
"""The currency of every published price."""
COLUMNS = ("id", "name", "low", "high", "unit", "source", "note", "quote")
TABLES = ("regions", "shared_per_minute", "dedicated_hourly", "outbound_hourly", "guides")
SOURCES = "sources"
SOURCE_COLUMNS = ("document", "title", "language", "publisher", "published", "provides", "note")
TRANSLATED = {**{name: ("note",) for name in TABLES}, SOURCES: ("provides", "note")}
"""The columns of each CSV written in English for readers, translated in the catalog."""

INTERNATIONAL = "international"
USA_CANADA = "usa_canada"
MARKETS = (INTERNATIONAL, USA_CANADA)
"""The two markets of the seed's inbound price guide (shared per minute, dedicated per hour)."""

COMMISSION_PREMIUM = "commission_premium"
SHARED_MAX_MONTHLY = "shared_max_monthly_interactions"
SHARED_POOL_CLIENTS = "shared_pool_clients"
EMAIL_RESPONSE_HOURS = "email_response_hours"

OUTBOUND_OF_MARKET = {INTERNATIONAL: "india_philippines", USA_CANADA: "mature_western"}
"""The outbound hourly range (seed 001) that goes with each inbound market: the smaller agencies
of India and the Philippines for the international low-cost market, the mature western countries
(USA, UK, Germany, Canada) for USA/Canada."""
OUTBOUND_OF_REGION = {
    "usa_canada": "mature_western",
    "western_europe": "mature_western",
    "eastern_europe": "eastern_europe_latin_america",
    "latin_america": "eastern_europe_latin_america",
    "india": "india_philippines",
    "asia_philippines": "india_philippines",
}
"""The outbound hourly range of each region of the location guide that seed 001 names in its
outbound prices (the UK and Germany are western Europe); Australia, Africa/Middle East and
Pakistan have none, so their outbound work is priced at their location-guide rate."""

LEVELS = ("low", "mid", "high")
"""Where in a range a price is read: its low end, its middle or its high end."""

NAMES = {
    "shared_per_minute": {
        INTERNATIONAL: N_("International low-cost agencies"),
        USA_CANADA: N_("USA/Canada"),
    },
    "dedicated_hourly": {
        INTERNATIONAL: N_("International"),
        USA_CANADA: N_("USA/Canada"),
    },
    "outbound_hourly": {
        "india_philippines": N_("India/Philippines"),
        "eastern_europe_latin_america": N_("Eastern Europe/Latin America"),
        "mature_western": N_("Mature western countries"),
        "high_end_specialised": N_("High-end specialised agencies"),
    },
    "guides": {
        COMMISSION_PREMIUM: N_("Commission premium over the usual hourly rate"),
        SHARED_MAX_MONTHLY: N_("Interactions a month the shared model suits"),
        SHARED_POOL_CLIENTS: N_("Clients one shared agent pool serves"),
        EMAIL_RESPONSE_HOURS: N_("Email response norm"),
    },
}
"""Message ids of the names in every table but `regions` (whose names are the workbook's region
labels, `workbook.format.REGION_CHOICES`)."""


@dataclass(frozen=True)
class Range:
    """One published range: `low` to `high` in `unit`, from the document `source` (a `document`
    of sources.csv); `note` says how it was read, `quote` is the passage, as the source has it."""

    id: str
    name: str
    low: float
    high: float
    unit: str
    source: str
    note: str
    quote: str

    @property
    def mid(self) -> float:
        return (self.low + self.high) / 2

    def level(self, which: str) -> float:
        """The value at `which` in LEVELS: "low", "mid" or "high"."""
        return {"low": self.low, "mid": self.mid, "high": self.high}[which]


@dataclass(frozen=True)
class Reference:
    """Every reference table, each a tuple of ranges in the CSV's order."""

    regions: tuple[Range, ...]
    shared_per_minute: tuple[Range, ...]
    dedicated_hourly: tuple[Range, ...]
    outbound_hourly: tuple[Range, ...]
    guides: tuple[Range, ...]

    def region(self, region_id: str) -> Range:
        return _by_id(self.regions, region_id)

    def shared(self, market: str) -> Range:
        return _by_id(self.shared_per_minute, market)

    def dedicated(self, market: str) -> Range:
        return _by_id(self.dedicated_hourly, market)

    def guide(self, guide_id: str) -> Range:
        return _by_id(self.guides, guide_id)

    def outbound(self, outbound_id: str) -> Range:
        return _by_id(self.outbound_hourly, outbound_id)

    def outbound_of_region(self, region_id: str) -> Range:
        """A region's outbound hourly range, or its location-guide range when seed 001 gives
        none for it (`OUTBOUND_OF_REGION`)."""
        found = OUTBOUND_OF_REGION.get(region_id)
        return self.outbound(found) if found else self.region(region_id)

    def shared_of_region(self, region_id: str) -> Range:
        """The shared per-minute range a vendor in a region is held against: USA/Canada for
        vendors there, the international low-cost agencies' elsewhere (the only two markets
        seed 001 prices by the minute)."""
        return self.shared(USA_CANADA if region_id == USA_CANADA else INTERNATIONAL)


def _by_id(ranges: tuple[Range, ...], wanted: str) -> Range:
    for item in ranges:
        if item.id == wanted:
            return item
    raise KeyError(wanted)


def read_table(name: str, directory: Path = REFERENCE_DIR) -> pd.DataFrame:
    """One CSV as a DataFrame with a `mid` column added (for tables in the book)."""
    frame = pd.read_csv(directory / f"{name}.csv", encoding="utf-8",
                        dtype={"id": str, "note": str, "quote": str}, keep_default_na=False)
    missing = set(COLUMNS) - set(frame.columns)
    if missing:
        raise ValueError(f"{name}.csv lacks columns {sorted(missing)}")
    frame = frame[list(COLUMNS)].astype({"low": float, "high": float})
    frame["mid"] = (frame["low"] + frame["high"]) / 2
    return frame


def read_sources(directory: Path = REFERENCE_DIR) -> pd.DataFrame:
    """The documents the reference data comes from, one row each, in citation order: `document`
    (the name the tables' `source` column uses), `title` as the document gives it, `language`
    (a language code), `publisher` (blank when the document names none), `published` (a date
    or blank), `provides` and `note` (English, translated in the catalog)."""
    frame = pd.read_csv(directory / f"{SOURCES}.csv", encoding="utf-8", dtype=str,
                        keep_default_na=False)
    missing = set(SOURCE_COLUMNS) - set(frame.columns)
    if missing:
        raise ValueError(f"{SOURCES}.csv lacks columns {sorted(missing)}")
    return frame[list(SOURCE_COLUMNS)]


@cache
def source_title(document: str, directory: Path = REFERENCE_DIR) -> tuple[str, str]:
    """A document's title, as the document gives it, and its language code (sources.csv), for
    citing it by title in prose; KeyError for a document sources.csv does not list."""
    frame = read_sources(directory).set_index("document")
    return str(frame.loc[document, "title"]), str(frame.loc[document, "language"])


@cache
def load(directory: Path = REFERENCE_DIR) -> Reference:
    """All reference tables, read once per directory."""
    tables = {
        name: tuple(
            Range(**{column: row[column] for column in COLUMNS})
            for row in read_table(name, directory).to_dict("records")
        )
        for name in TABLES
    }
    return Reference(**tables)
