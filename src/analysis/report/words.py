"""Names and numbers in the reader's language: channels, regions, models, hours, shares.

Every chapter writes ids and figures the same way, so these live in one place: names come from
the workbook format's message ids, numbers from `i18n.fmt_*`.
"""

from __future__ import annotations

from babel.lists import format_list

from analysis import recommend
from analysis import reference as ref
from analysis.i18n import fmt_money, fmt_number, fmt_percent, locale, translator
from analysis.model import Hours
from analysis.workbook import format as wf

DASH = "—"
CHANNEL_NAMES = {c.value: c.label for c in wf.CHANNEL_CHOICES}
MODEL_NAMES = {c.value: c.label for c in wf.MODEL_CHOICES}
REGION_NAMES = {c.value: c.label for c in wf.REGION_CHOICES} | ref.NAMES["dedicated_hourly"]
"""Region and market ids (the message parameter `region`) to their message ids."""


def channel_name(channel: str, lang: str) -> str:
    return translator(lang)(CHANNEL_NAMES.get(str(channel), str(channel)))


def region_name(region: str, lang: str) -> str:
    return translator(lang)(REGION_NAMES.get(region, region))


def model_name(model: str, lang: str) -> str:
    return translator(lang)(MODEL_NAMES.get(str(model), str(model)))


def plain(value: float, lang: str, digits: int = 1) -> str:
    """A number with up to `digits` decimals, none when it is whole (24, 10.5)."""
    return fmt_number(value, lang, 0 if abs(value - round(value)) < 0.5 * 10**-digits else digits)


def share(value: float, lang: str) -> str:
    """A percentage: whole points, one decimal below 10% so small shares don't read as 0%."""
    return fmt_percent(value, lang, 1 if 0 < abs(value) < 0.1 else 0)


def clock(hour: int) -> str:
    return f"{hour:02d}:00"


def hours_text(hours: Hours, lang: str) -> str:
    _ = translator(lang)
    if hours.is_24_7:
        return _("around the clock (24/7)")
    return _("{days} days a week, {open} to {close}").format(
        days=fmt_number(hours.days_per_week, lang), open=clock(hours.open_hour),
        close=clock(hours.close_hour))


def param_text(name: str, value: object, currency: str, lang: str) -> str:
    """One message parameter written out by recommend's naming rule (see its docstring)."""
    _ = translator(lang)
    if name.endswith("_money"):
        return fmt_money(float(value), currency, lang)  # type: ignore[arg-type]
    if name.endswith("_share"):
        return share(float(value), lang)  # type: ignore[arg-type]
    if name.endswith("_count"):
        return fmt_number(float(value), lang)  # type: ignore[arg-type]
    if name.endswith(("_minutes", "_hours")):
        return plain(float(value), lang)  # type: ignore[arg-type]
    if name == "channel":
        return channel_name(str(value), lang)
    if name == "channels":
        names = [channel_name(c, lang) for c in str(value).split(",") if c]
        return format_list(names, locale=locale(lang))
    if name == "region":
        return region_name(str(value), lang)
    if name in ("option", "today"):
        return _(str(value))
    return str(value)


def message_text(message: recommend.Message, currency: str, lang: str) -> str:
    """A recommendation reason or caveat as a sentence in the reader's language."""
    params = {name: param_text(name, value, currency, lang) for name, value in message.params}
    return translator(lang)(message.id).format(**params)
