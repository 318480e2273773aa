"""Hand-built staffing for the cost tests: a phone and an email channel sharing one office, and
a small company in euros around them."""

import pandas as pd

from analysis.model import (
    Assumptions,
    Channel,
    ChannelDemand,
    Company,
    Hours,
    InHouseCosts,
    Inputs,
    RetainedManagement,
    VendorQuote,
)
from analysis.staffing import ChannelStaffing

COSTS = InHouseCosts(
    annual_salary=30000, employer_oncost=0.25, night_weekend_premium=0.10,
    agents_per_team_lead=10, team_lead_salary=45000, recruitment_per_hire=2000, attrition=0.30,
    training_per_hire=1500, equipment_per_seat=1200, equipment_years=3,
    software_per_seat_month=50, rent_per_seat_month=200, overhead_per_seat_year=600,
    paid_hours_per_fte_year=1720, shrinkage=0.35, max_occupancy=0.85,
)
HOURS = Hours(5, 9, 17)


def channel(kind, rows, *, contacts, workload, agent_hours, premium_share, fte):
    """A hand-built ChannelStaffing; `rows` are (day, hour, contacts, agents, premium)."""
    intervals = pd.DataFrame(rows, columns=["day", "hour", "contacts", "agents", "premium"])
    return ChannelStaffing(
        channel=kind, intervals=intervals, weekly_contacts=contacts,
        weekly_workload_hours=workload, weekly_agent_hours=agent_hours,
        premium_share=premium_share, fte=fte, peak_agents=float(intervals["agents"].max()),
        service_level=None, asa_seconds=None,
    )


# Two channels sharing one office. Phone peaks at 09:00 (2.0 agents), email at 10:00 (2.5):
# together 3.2 agents at 09:00 and 4.0 at 10:00, so 4 desks (the sum of each channel's own
# peak, 4.5, would give 5). The interval rows only feed the seat count here.
PHONE = channel(Channel.INBOUND_PHONE, [(0, 9, 30, 2.0, False), (0, 10, 20, 1.5, False)],
                contacts=500, workload=40, agent_hours=100, premium_share=0.2, fte=2.6)
EMAIL = channel(Channel.EMAIL, [(0, 9, 10, 1.2, False), (0, 10, 15, 2.5, False)],
                contacts=250, workload=20, agent_hours=300, premium_share=0.3, fte=2.3)


def inputs(quotes=(), billed=1.0, horizon=2, usd_rate=1.0, acw=0.15, costs=COSTS):
    demand = tuple(
        ChannelDemand(c, 1000, 300, 20, 0.8 if c.is_queued else None, HOURS, success_rate=0.1,
                      acw_share=acw)
        for c in (Channel.INBOUND_PHONE, Channel.EMAIL)
    )
    return Inputs(
        company=Company("Test", "EUR", usd_rate, HOURS, horizon),
        demand=demand, inhouse=costs, quotes=tuple(quotes),
        retained=RetainedManagement(manager_fte=0.5, manager_salary=60000, qa_per_month=1000),
        assumptions=Assumptions(billed_minutes_factor=billed),
    )


def quote(model, rate, commission=0.0, minimum=0.0, setup=0.0, exit_fee=0.0, vendor="V",
          region="india", kind=Channel.INBOUND_PHONE, **terms):
    """A quote; `terms` are the contract terms of format v2 (billing basis, credits...)."""
    return VendorQuote(vendor, region, kind, model, rate, commission, minimum, setup, exit_fee,
                       **terms)
