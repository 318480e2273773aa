"""Shared fixtures: a small valid workbook, a way to change cells in a copy of it, and the
built book with one headless Chromium for the browser tests."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from openpyxl import load_workbook

from analysis.model import Channel
from analysis.workbook.examples import Example, write_filled

SMALL = Example(
    company={
        "name": "Test Co", "currency": "EUR", "usd_rate": 0.8, "coverage": "Business hours",
        "days_per_week": 5, "open_hour": 8, "close_hour": 17, "horizon_years": 2,
        "report_date": dt.date(2025, 3, 31), "customer_language": "French",
        "contact_complexity": "Complex or technical",
    },
    demand={
        Channel.INBOUND_PHONE: {
            "monthly_contacts": 1000, "aht_seconds": 300, "service_level": 80,
            "answer_seconds": 20,
        },
        Channel.OUTBOUND_PHONE: {
            "monthly_contacts": 400, "aht_seconds": 200, "response_hours": 48,
            "success_rate": 10,
        },
        Channel.EMAIL: {
            "customers": 2000, "contacts_per_customer": 0.25, "aht_seconds": 480,
            "response_hours": 24, "days_per_week": 6, "open_hour": 9, "close_hour": 15,
        },
    },
    inhouse={
        "annual_salary": 30000, "employer_oncost": 25, "night_weekend_premium": 10,
        "agents_per_team_lead": 10, "team_lead_salary": 45000, "recruitment_per_hire": 2000,
        "attrition": 30, "training_per_hire": 1500, "equipment_per_seat": 1200,
        "equipment_years": 3, "software_per_seat_month": 50, "rent_per_seat_month": 200,
        "overhead_per_seat_year": 600, "paid_hours_per_fte_year": 1720, "shrinkage": 35,
        "max_occupancy": 85, "manager_fte": 0.5, "manager_salary": 60000, "qa_per_month": 1000,
    },
    quotes=(
        {"vendor": "Alpha", "region": "India", "channel": "Email",
         "model": "Monthly per agent", "rate": 1000, "currency": "USD", "setup_fee": 500},
        {"vendor": "Beta", "region": "Latin America", "channel": "Outbound phone",
         "model": "Hourly + commission", "rate": 10, "currency": "EUR",
         "commission_per_success": 5, "exit_fee": 100},
    ),
    assumptions={"night_start_hour": 23, "billed_minutes_factor": 1.2, "dedicated_occupancy": 80},
    years={
        "current_operation": "in house", "current_team": 3, "discount_rate": 8,
        "salary_inflation": 3, "vendor_escalation": 2.5, "usd_rate_change": -1,
        "volume_growth": 10, "knowledge_transfer": 5000, "dual_running_months": 1,
        "severance_months": 1.5, "exit_year": 1,
    },
)
"""A small company whose loaded Inputs are written out by hand in test_template.py."""

Changes = Mapping[str, Mapping[str, object]]


@pytest.fixture
def filled_workbook(tmp_path: Path) -> Path:
    """A valid, filled workbook (the SMALL company) in tmp_path."""
    return write_filled(SMALL, tmp_path / "company.xlsx")


@pytest.fixture
def edited(filled_workbook: Path, tmp_path: Path) -> Callable[..., Path]:
    """Returns a function writing a copy of the valid workbook with some cells changed.

    `changes` maps sheet -> cell -> value; `formats` maps sheet -> cell -> number
    format; `drop` lists sheets to delete.
    """
    counter = iter(range(1_000))

    def edit(
        changes: Changes | None = None,
        formats: Changes | None = None,
        drop: tuple[str, ...] = (),
    ) -> Path:
        book = load_workbook(filled_workbook)
        for sheet, cells in (changes or {}).items():
            for cell, value in cells.items():
                book[sheet][cell] = value
        for sheet, cells in (formats or {}).items():
            for cell, number_format in cells.items():
                book[sheet][cell].number_format = number_format
        for sheet in drop:
            del book[sheet]
        path = tmp_path / f"edited-{next(counter)}.xlsx"
        book.save(path)
        return path

    return edit


def machine_details(*roots: Path) -> list[str]:
    """What a published file must never hold: this machine's paths, user, host and today's date.

    `roots` are the project folders a build used (the repository, a test project). Today's date
    is looked for in the forms a build tool writes it (ISO, Sphinx's "Nov 30, 2026", "30 November
    2026"); a short or common user or host name ("root", "vm") is looked for as a home folder only.
    """
    import datetime as dt
    import getpass
    import os
    import socket
    import tempfile

    today = dt.date.today()
    found = [str(root) for root in roots]
    found += [os.path.expanduser("~") + "/", tempfile.gettempdir().rstrip("/") + "/"]
    found += [f"/home/{getpass.getuser()}"]
    for name in (getpass.getuser(), socket.gethostname()):
        if len(name) >= 6:
            found.append(name)
    found += [today.isoformat(), today.strftime("%b %d, %Y"), today.strftime("%d %B %Y"),
              today.strftime("%Y%m%d")]
    return found


def files_holding(folder: Path, needles: list[str]) -> list[tuple[str, str]]:
    """(file, what it holds) for every file under `folder` holding one of `needles`."""
    hits = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            text = path.read_bytes().decode("utf-8", errors="replace")
            hits += [(str(path.relative_to(folder)), needle) for needle in needles
                     if needle in text]
    return hits


CHROMIUM = Path("/usr/bin/chromium")
"""Debian's Chromium: the browser tests drive it and never download their own."""
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update"]


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for every browser test; a local run without it skips, CI fails."""
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing: apt-get install chromium (CI installs it)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def site() -> Path:
    """The book of the default example in three languages (incremental: after `make book`,
    a second)."""
    from analysis.book import paths, pipeline

    pipeline.build(paths.DEFAULT_WORKBOOK, ["en", "ar", "ro"], say=lambda line: None)
    return paths.HTML_DIR
