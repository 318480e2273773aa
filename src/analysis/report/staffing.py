"""Chapter 03, staffing: agents per channel, queues as they are (callers who hang up, chats handled
at once, email and social against their response target, work blended into idle time), the cost
of long opening hours, and the service-level curve of the busiest queue.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import altair as alt
import pandas as pd
from babel.lists import format_list

from analysis import staffing
from analysis.i18n import fmt_number, locale, translator
from analysis.model import Channel, ChannelDemand, Hours, Inputs
from analysis.report.blocks import Figure, Html, bullets, paragraph, table
from analysis.report.charts import HIGHLIGHT, NEUTRAL, Size, finish, layout, lines
from analysis.report.words import DASH, channel_name, clock, fill, hours_text, plain, share

BUSINESS_WEEK = Hours(days_per_week=5, open_hour=9, close_hour=18)
"""The week the 24/7 effect is measured against: five days, 09:00 to 18:00."""


def blended_fte(channel: staffing.ChannelStaffing) -> float:
    """The FTE of a channel's work done in phone and chat agents' idle time: its blended in-seat
    hours over the hours an FTE is in seat a week (the channel's own hours per FTE)."""
    if not channel.blended_agent_hours or not channel.fte:
        return 0.0
    return channel.blended_agent_hours * channel.fte / channel.weekly_agent_hours


def staffing_table(inputs: Inputs, staff: staffing.Staffing, lang: str) -> Html:
    """Agents per channel: peak, FTE of the in-house team, premium hours, service achieved.

    When some work is blended into live agents' idle time (`staffing.blend`), a column says how
    many FTE of each channel's work that is: a channel on its own takes its FTE plus that, the
    figure the sentences below the table give (`hours_effect_text`, `queue_text`). Otherwise the
    column shows the in-seat hours a week.
    """
    _ = translator(lang)
    blending = staff.blended_agent_hours > 0
    middle = (_("Done in phone and chat agents' idle time (FTE)") if blending
              else _("In-seat hours a week"))
    header = [_("Channel"), _("Opening hours"), _("Agents at the busiest hour"), _("FTE"),
              middle, _("Night and weekend hours"), _("Service level achieved"),
              _("Average wait (seconds)")]
    demand = {d.channel: d for d in inputs.demand}

    def middle_cell(c: staffing.ChannelStaffing) -> str:
        if not blending:
            return fmt_number(c.weekly_agent_hours, lang)
        return fmt_number(blended_fte(c), lang, 1) if c.blended_agent_hours else DASH

    rows = [
        [channel_name(c.channel, lang), hours_text(demand[c.channel].hours, lang),
         plain(c.peak_agents, lang), fmt_number(c.fte, lang, 1), middle_cell(c),
         share(c.premium_share, lang),
         DASH if c.service_level is None else share(c.service_level, lang),
         DASH if c.asa_seconds is None else fmt_number(c.asa_seconds, lang)]
        for c in staff.in_house
    ]
    total_middle = (fmt_number(sum(blended_fte(c) for c in staff.in_house), lang, 1) if blending
                    else fmt_number(staff.weekly_agent_hours, lang))
    rows.append([_("All channels"), "", "", fmt_number(staff.total_fte, lang, 1), total_middle,
                 share(staff.premium_share, lang), "", ""])
    return table(header, rows, numeric=range(2, 8), key=(3,))


def staffing_sentence(staff: staffing.Staffing, lang: str) -> Html:
    _ = translator(lang)
    return paragraph(fill(_(
        "Serving every channel takes {fte} full-time equivalents (FTE); hired as whole people, "
        "that is {people} agents. {share} of the in-seat hours fall at night or at weekends, "
        "when in-house agents earn a shift premium."
    ), lang, fte=fmt_number(staff.total_fte, lang, 1), people=fmt_number(staff.whole_fte, lang),
             share=share(staff.premium_share, lang)))


def hours_effect(inputs: Inputs, staff: staffing.Staffing) -> pd.DataFrame:
    """Each channel open at night or at weekends (`staffing.has_premium_hours`): its FTE in the
    in-house team (as in the staffing table: after blending), and the team's FTE for that channel
    with the same monthly contacts answered in a business week instead, to show what the long
    opening hours cost. A channel open in daytime on weekdays only (08:00 to 18:00, say) keeps
    business hours already: comparing it with `BUSINESS_WEEK` would say nothing."""
    team = {c.channel: c for c in staff.in_house}
    rows = []
    for d in inputs.demand:
        if not staffing.has_premium_hours(d.hours, inputs.assumptions):
            continue
        office = staffing.staff_channel(replace(d, hours=BUSINESS_WEEK), inputs.inhouse,
                                        inputs.assumptions)
        moved = staffing.blend(tuple(office if c.channel is d.channel else c
                                     for c in staff.channels))
        actual = team[d.channel]
        rows.append({"channel": str(d.channel), "fte": actual.fte,
                     "business_fte": next(c.fte for c in moved if c.channel is d.channel),
                     "premium_share": actual.premium_share})
    return pd.DataFrame(rows, columns=["channel", "fte", "business_fte", "premium_share"])


def hours_effect_text(inputs: Inputs, staff: staffing.Staffing, lang: str) -> Html:
    _ = translator(lang)
    effect = hours_effect(inputs, staff)
    if effect.empty:
        return paragraph(_("Every channel keeps business hours, so there are no night or weekend "
                           "shifts to staff."))
    demand = {str(d.channel): d for d in inputs.demand}
    lines = [
        fill(_("{channel}, open {hours}, takes {fte} FTE, {share} of their hours at night or "
          "weekends; the same contacts answered {business_hours} would take {business} FTE."
          ), lang, channel=channel_name(row.channel, lang),
            hours=hours_text(demand[row.channel].hours, lang),
            fte=fmt_number(row.fte, lang, 1), share=share(row.premium_share, lang),
            business_hours=hours_text(BUSINESS_WEEK, lang),
            business=fmt_number(row.business_fte, lang, 1))
        for row in effect.itertuples()
    ]
    return bullets(lines)


@dataclass(frozen=True)
class Curve:
    """The service-level curve of the busiest queued channel at its busiest hour."""

    demand: ChannelDemand
    frame: pd.DataFrame
    agents: int
    """Agents the staffing puts in seat at that hour."""


def busiest_curve(inputs: Inputs, staff: staffing.Staffing) -> Curve | None:
    """The queued channel with the most contacts; None when no channel has a live queue.

    The agent range runs from the first count that can keep up with the traffic (its chats, for
    chat; fewer when callers who hang up let fewer agents meet the target) to four past the
    count staffed, enough to show the curve flatten.
    """
    queued = [d for d in inputs.demand if d.channel.is_queued and d.monthly_contacts > 0]
    if not queued:
        return None
    demand = max(queued, key=lambda d: d.monthly_contacts)
    rows = next(c for c in staff.channels if c.channel == demand.channel).intervals
    staffed = int(rows.loc[rows["contacts"].idxmax(), "agents"])
    probe = staffing.service_level_curve(demand, inputs.inhouse, inputs.assumptions, range(1, 2))
    keeping_up = int(math.floor(probe.attrs["traffic_erlangs"] / demand.chats_per_agent)) + 1
    first = max(1, min(keeping_up, staffed - 4))
    frame = staffing.service_level_curve(demand, inputs.inhouse, inputs.assumptions,
                                         range(first, staffed + 5))
    return Curve(demand, frame, staffed)


def curve_chart(curve: Curve, lang: str) -> Figure:
    _ = translator(lang)
    data = curve.frame[["agents", "service_level"]]
    marks = pd.DataFrame({"target": [curve.demand.service_level or 0.0],
                          "agents": [curve.agents]})

    def draw(size: Size) -> alt.LayerChart:
        x = alt.X("agents:Q",
                  title=lines(_("Agents in seat at the busiest hour"), size.title_chars, lang),
                  scale=alt.Scale(reverse=layout(lang).rtl, zero=False),
                  axis=alt.Axis(format="d", tickMinStep=1, tickCount=size.tick_count * 2))
        y = alt.Y("service_level:Q",
                  title=lines(_("Contacts answered within the target"), size.title_chars, lang),
                  scale=alt.Scale(domain=[0, 1]),
                  axis=alt.Axis(format=".0%", orient=layout(lang).category_axis))
        line = alt.Chart(data).mark_line(point=True, color=NEUTRAL).encode(x=x, y=y)
        target = alt.Chart(marks).mark_rule(color=HIGHLIGHT, strokeDash=[4, 4]).encode(
            y="target:Q")
        staffed = alt.Chart(marks).mark_rule(color="black").encode(x="agents:Q")
        return alt.layer(line, target, staffed).properties(height=260)

    channel = channel_name(curve.demand.channel, lang)
    title = fill(_("{channel}: service level against agents at the busiest hour"), lang,
                 channel=channel)
    at_staffed = data.loc[data["agents"] == curve.agents, "service_level"]
    description = fill(_(
        "A line of the share of {channel} contacts answered within the target for each number "
        "of agents in seat at the busiest hour; the {agents} agents staffed answer {level}, "
        "against a target of {target} (dashed line)."
    ), lang, channel=channel, agents=fmt_number(curve.agents, lang),
        level=share(float(at_staffed.iloc[0]) if len(at_staffed) else 0.0, lang),
        target=share(curve.demand.service_level or 0.0, lang))
    return finish(draw, title, lang, description)


def service_curve(inputs: Inputs, staff: staffing.Staffing, lang: str) -> list[object]:
    """The busiest queue's chart and its sentence, or a sentence saying there is no queue."""
    curve = busiest_curve(inputs, staff)
    if curve is None:
        _ = translator(lang)
        return [paragraph(_("None of your channels has a live queue."))]
    return [curve_chart(curve, lang), curve_sentence(curve, lang)]


def curve_sentence(curve: Curve, lang: str) -> Html:
    _ = translator(lang)
    frame = curve.frame.set_index("agents")
    achieved = float(frame.loc[curve.agents, "service_level"])
    fewer = float(frame["service_level"].get(curve.agents - 1, 0.0))
    return paragraph(fill(_(
        "At the busiest hour, from {time}, about {contacts} {channel} contacts arrive. The "
        "{agents} agents in seat (black line) answer {achieved} of them within {seconds} "
        "seconds, against a target of {target} (dashed line); one agent fewer would answer "
        "{fewer}. Each extra agent buys less service than the one before."
    ), lang, time=clock(curve.frame.attrs["hour"]),
             contacts=fmt_number(curve.frame.attrs["contacts"], lang),
             channel=channel_name(curve.demand.channel, lang),
             agents=fmt_number(curve.agents, lang), achieved=share(achieved, lang),
             seconds=plain(curve.demand.target_seconds, lang),
             target=share(curve.demand.service_level or 0.0, lang), fewer=share(fewer, lang)))


def queue_text(inputs: Inputs, staff: staffing.Staffing, lang: str) -> Html:
    """What the queue models add, one sentence per channel that needs one: callers who hang up
    (Erlang A), chats handled at once, email and social answered against a clock-hour target,
    and the deferred work blended into live agents' idle time."""
    _ = translator(lang)
    demand = {d.channel: d for d in inputs.demand}
    lines = []
    for c in staff.channels:
        d = demand[c.channel]
        name = channel_name(c.channel, lang)
        if d.channel.is_queued and d.patience_seconds is not None:
            lines.append(_(
                "{channel}: callers wait {patience} seconds on average before hanging up, so "
                "{abandon} of them hang up before an agent answers. The service level counts each "
                "of them as not answered in time, and the staffing uses the Erlang A model."
            ).format(channel=name, patience=plain(d.patience_seconds, lang),
                     abandon=share(c.abandon_probability or 0.0, lang)))
        if d.channel is Channel.CHAT and d.chats_per_agent > 1:
            alone = staffing.staff_channel(replace(d, chats_per_agent=1), inputs.inhouse,
                                           inputs.assumptions)
            lines.append(_(
                "Chat: each agent handles {chats} chats at a time, and each chat then takes "
                "{growth} longer per extra chat ({slow} instead of {aht} seconds). That takes "
                "{fte} FTE, against {alone} FTE with one chat per agent."
            ).format(chats=fmt_number(d.chats_per_agent, lang),
                     growth=share(d.aht_growth_per_chat, lang),
                     slow=plain(d.slot_aht_seconds, lang), aht=plain(d.aht_seconds, lang),
                     fte=fmt_number(c.fte, lang, 1), alone=fmt_number(alone.fte, lang, 1)))
        if c.late_share is not None:
            target = plain(d.target_seconds / 3600, lang)
            if c.late_share > 5e-4:
                lines.append(_(
                    "{channel}: {on_time} of contacts are answered within the {hours}-hour "
                    "target, counted in clock hours. The other {late} arrive when the channel "
                    "cannot answer them in time, because it is closed until the target has "
                    "passed; they are answered when it opens."
                ).format(channel=name, on_time=share(1 - c.late_share, lang),
                         hours=target, late=share(c.late_share, lang)))
            else:
                lines.append(_(
                    "{channel}: every contact is answered within the {hours}-hour target, "
                    "counted in clock hours, nights and closed days included."
                ).format(channel=name, hours=target))
    if staff.blended_agent_hours > 0:
        lines.append(_(
            "{hours} in-seat hours a week ({fte} FTE) of email, social media or outbound work "
            "are done by phone and chat agents in their idle time, up to the maximum occupancy: "
            "fractions of an agent that would otherwise need a part-time seat. The table counts "
            "them in the phone and chat agents, not in their own channel: on its own, "
            "{channels}. This assumes one in-house team trained on those channels; a vendor "
            "staffing a channel on its own does not blend it."
        ).format(hours=fmt_number(staff.blended_agent_hours, lang),
                 fte=fmt_number(sum(blended_fte(c) for c in staff.in_house), lang, 1),
                 channels=format_list([
                     _("{channel} would take {alone} FTE ({fte} in the table + {blended} "
                       "blended)").format(
                         channel=channel_name(c.channel, lang),
                         alone=fmt_number(c.fte + blended_fte(c), lang, 1),
                         fte=fmt_number(c.fte, lang, 1),
                         blended=fmt_number(blended_fte(c), lang, 1))
                     for c in staff.in_house if c.blended_agent_hours], locale=locale(lang))))
    if not lines:
        return paragraph(_("No channel needs more than the basic model: nobody is assumed to "
                           "hang up, each chat agent handles one chat at a time, and there is "
                           "no email or social media work."))
    return bullets(lines)
