"""Chapter 02, your operation: the company, its workload by channel, when the work arrives, and
the workbook values worth a second look.
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from analysis import staffing
from analysis.i18n import fmt_number, fmt_years, translator
from analysis.model import Channel, ChannelDemand, Inputs
from analysis.report.blocks import Figure, Html, bullets, paragraph, table
from analysis.report.charts import Size, finish, layout, lines, value_y, words
from analysis.report.cover import date_line
from analysis.report.words import (
    COMPLEXITY_NAMES,
    DASH,
    capitalised,
    channel_name,
    clock,
    fill,
    hours_text,
    language_name,
    name_text,
    plain,
    share,
)
from analysis.workbook.problems import Problem


def company_table(inputs: Inputs, lang: str) -> Html:
    _ = translator(lang)
    company = inputs.company
    rows = [
        [_("Company"), name_text(company.name, lang)],
        [_("Currency"), fill(_("{currency} (1 USD = {rate} {currency})"), lang,
                             currency=company.currency,
                             rate=fmt_number(company.usd_rate, lang, 2))],
        [_("Opening hours"), hours_text(company.hours, lang)],
        [_("Planning horizon"), fmt_years(company.horizon_years, lang)],
        [_("Date of the figures"), date_line(inputs, lang)],
        [_("Customers' main language"),
         capitalised(language_name(company.customer_language, lang))
         if company.customer_language else _("not stated (Company B13 is blank)")],
        [_("Complexity of contacts"), _(COMPLEXITY_NAMES[company.complexity])],
    ]
    return table([_("Item"), _("Value")], rows)


def target_text(demand: ChannelDemand, lang: str) -> str:
    _ = translator(lang)
    if demand.channel.is_queued and demand.service_level is not None:
        return fill(_("{share} answered within {seconds} seconds"), lang,
                    share=share(demand.service_level, lang),
                    seconds=plain(demand.target_seconds, lang))
    hours = plain(demand.target_seconds / 3600, lang)
    if demand.channel is Channel.OUTBOUND_PHONE:
        return fill(_("calls placed within {hours} hours"), lang, hours=hours)
    return fill(_("answered within {hours} hours"), lang, hours=hours)


def workload_table(inputs: Inputs, lang: str) -> Html:
    """Each channel's monthly contacts (and how they were given), handling time and target."""
    _ = translator(lang)
    header = [_("Channel"), _("Monthly contacts"), _("From customers × contact rate"),
              _("Average handling time (minutes)"), _("Service target"), _("Opening hours")]
    rows = []
    for d in inputs.demand:
        derived = DASH
        if d.customers is not None and d.contacts_per_customer is not None:
            derived = fill(_("{customers} customers × {rate} contacts a month"), lang,
                           customers=fmt_number(d.customers, lang),
                           rate=fmt_number(d.contacts_per_customer, lang, 2))
        rows.append([channel_name(d.channel, lang), fmt_number(d.monthly_contacts, lang),
                     derived, plain(d.aht_seconds / 60, lang), target_text(d, lang),
                     hours_text(d.hours, lang)])
    return table(header, rows, numeric=(1, 3))


def workload_sentence(inputs: Inputs, staff: staffing.Staffing, lang: str) -> Html:
    _ = translator(lang)
    total = sum(d.monthly_contacts for d in inputs.demand)
    largest = max(inputs.demand, key=lambda d: d.monthly_contacts)
    work = sum(c.weekly_workload_hours for c in staff.channels)
    return paragraph(fill(_(
        "Each month {contacts} contacts reach the team over {count} channels; {channel} brings "
        "the most, {share} of them. Handling them takes about {hours} hours of pure work a week, "
        "before any waiting time, breaks or absence."
    ), lang, contacts=fmt_number(total, lang), count=fmt_number(len(inputs.demand), lang),
             channel=channel_name(largest.channel, lang),
             share=share(largest.monthly_contacts / total if total else 0.0, lang),
             hours=fmt_number(work, lang)))


def workload_by_hour(staff: staffing.Staffing) -> pd.DataFrame:
    """Weekly handling hours arriving in each hour of the day, per channel (contacts x AHT)."""
    frames = []
    for c in staff.channels:
        if not c.weekly_contacts:
            continue
        hours_per_contact = c.weekly_workload_hours / c.weekly_contacts
        per_hour = c.intervals.groupby("hour", as_index=False)["contacts"].sum()
        frames.append(pd.DataFrame({"channel": str(c.channel), "hour": per_hour["hour"],
                                    "hours": per_hour["contacts"] * hours_per_contact}))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(
        columns=["channel", "hour", "hours"])


def workload_chart(staff: staffing.Staffing, lang: str) -> Figure:
    _ = translator(lang)
    data = workload_by_hour(staff)
    data["channel_name"] = [words(channel_name(c, lang), lang) for c in data["channel"]]
    data["time"] = [clock(int(h)) for h in data["hour"]]
    order = [clock(h) for h in range(24)]

    def draw(size: Size) -> alt.Chart:
        shown = order if size.name == "wide" else order[::3]
        return alt.Chart(data).mark_bar().encode(
            x=alt.X("time:O", title=lines(_("Hour of the day"), size.title_chars, lang),
                    sort=order, scale=alt.Scale(domain=order, reverse=layout(lang).rtl),
                    axis=alt.Axis(labelAngle=-90, values=shown)),
            y=value_y("hours", _("Handling hours a week"), lang, size),
            color=alt.Color("channel_name:N", title=_("Channel")),
            order=alt.Order("channel_name:N"),
        ).properties(height=260)

    totals = data.groupby("time")["hours"].sum()
    description = "" if totals.empty else fill(_(
        "Stacked bars of the handling hours a week that arrive in each hour of the day, by "
        "channel; the busiest hour is {time}, with {hours} hours a week."
    ), lang, time=totals.idxmax(), hours=fmt_number(float(totals.max()), lang))
    return finish(draw, _("When the work arrives: handling hours a week by hour of the day"),
                  lang, description)


def workbook_warnings(warnings: Sequence[Problem], lang: str) -> Html:
    """The loader's warnings (legal values that look like typos) with their sheet and cell.

    The analysis uses such values as entered, so a slip there would carry through every chapter
    unnoticed; listing them lets the reader check each one. When there are none, a sentence says
    so, so the section never looks as if something failed to show.
    """
    if not warnings:
        _ = translator(lang)
        return paragraph(_("None of the workbook's values looks unusual."))
    return bullets([warning.render(lang) for warning in warnings])
