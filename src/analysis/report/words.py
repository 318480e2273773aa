"""Names and numbers in the reader's language: channels, regions, models, hours, shares.

Every chapter writes ids and figures the same way, so these live in one place: our own names come
from the workbook format's message ids, numbers from `i18n.fmt_*`.

Names from the workbook (`names.Name`: the company, its vendors) are data. They are never looked
up in the catalog, are shortened to `names.MAX_SHOWN` characters with the full name in a tooltip
(`name_text`), and in right-to-left text are isolated, like every figure and code in a sentence
(`fill`): `<bdi>` in the HTML, FSI...PDI in the plain text and chart labels. A left-to-right name
or figure inside an Arabic sentence then keeps its own order and cannot move its neighbours.
Left-to-right output is left as it was (no isolates), so English pages and their stored notebook
outputs do not change.
"""

from __future__ import annotations

import re
from html import escape

from babel import Locale
from babel.lists import format_list

from analysis import options, recommend
from analysis import reference as ref
from analysis.i18n import (
    N_,
    currency_symbol,
    direction,
    fmt_money,
    fmt_number,
    fmt_percent,
    fmt_years,
    locale,
    translator,
)
from analysis.model import Hours
from analysis.names import (
    MAX_SHOWN,
    Name,
    bdi_latin,
    clean,
    isolate,
    isolate_latin,
    shorten,
    strip_isolates,
)
from analysis.report.blocks import Text
from analysis.summary import DASH as DASH  # one dash for the CLI and the book
from analysis.summary import option_name
from analysis.workbook import format as wf

CHANNEL_NAMES = {c.value: c.label for c in wf.CHANNEL_CHOICES}
MODEL_NAMES = {c.value: c.label for c in wf.MODEL_CHOICES}
REGION_NAMES = {c.value: c.label for c in wf.REGION_CHOICES} | ref.NAMES["dedicated_hourly"]
"""Region and market ids (the message parameter `region`) to their message ids."""


LANGUAGE_NAMES = {c.value: c.label for c in wf.LANGUAGE_CHOICES}
COMPLEXITY_NAMES = {c.value: c.label for c in wf.COMPLEXITY_CHOICES}


def language_name(code: str, lang: str) -> str:
    """A customers' language (Company B13) named in the reader's language, as CLDR writes it
    in running text ("Arabic", "العربية", "arabă"); "other" by its dropdown label."""
    if code in LANGUAGE_NAMES and code != "other":
        return Locale.parse(code).get_display_name(locale(lang)) or code
    return translator(lang)(LANGUAGE_NAMES.get(code, code))


def cited(document: str) -> Text:
    """A source document named by its title (`reference.source_title`), in its own language and
    direction: a `<cite>` in the page, an isolated run in plain text. The message around it
    supplies the quotation marks of the reader's language."""
    title, language = ref.source_title(document)
    return Text(isolate(title), f'<cite lang="{language}" dir="auto">{escape(title)}</cite>',
                isolated=True)


def capitalised(text: str) -> str:
    """`text` with its first letter a capital (a name that starts a table cell)."""
    return text[:1].upper() + text[1:]


def channel_name(channel: str, lang: str) -> str:
    return translator(lang)(CHANNEL_NAMES.get(str(channel), str(channel)))


def region_name(region: str, lang: str) -> str:
    return translator(lang)(REGION_NAMES.get(region, region))


def model_name(model: str, lang: str) -> str:
    return translator(lang)(MODEL_NAMES.get(str(model), str(model)))


def plain(value: float, lang: str, digits: int = 1) -> str:
    """A number with up to `digits` decimals, none when it is whole (24, 10.5)."""
    return fmt_number(value, lang, 0 if abs(value - round(value)) < 0.5 * 10**-digits else digits)


def share(value: float, lang: str, sign: str = "") -> str:
    """A percentage: whole points, one decimal below 10% so small shares don't read as 0%.

    `sign` ("±") is written before it, inside the figure (see `i18n.figures_isolated`)."""
    return fmt_percent(value, lang, 1 if 0 < abs(value) < 0.1 else 0, sign=sign)


WITH_UNIT = N_("{label} ({unit})")


def in_currency(label: str, currency: str, lang: str) -> Text:
    """A column header for amounts in `currency`, which its cells then leave out: "Annual cost
    (SAR)", "التكلفة السنوية (ر.س.)". `label` is in the reader's language already."""
    return fill(translator(lang)(WITH_UNIT), lang, label=label,
                unit=currency_symbol(currency, lang))


def amount(value: float, lang: str, digits: int = 0) -> str:
    """An amount under a header that names its currency (`in_currency`)."""
    return fmt_number(value, lang, digits)


def clock(hour: int) -> str:
    return f"{hour:02d}:00"


def hours_text(hours: Hours, lang: str) -> str:
    _ = translator(lang)
    if hours.is_24_7:
        return _("around the clock (24/7)")
    return _("{days} days a week, {open} to {close}").format(
        days=fmt_number(hours.days_per_week, lang), open=clock(hours.open_hour),
        close=clock(hours.close_hour))


def rtl(lang: str) -> bool:
    return direction(lang) == "rtl"


def name_text(name: str, lang: str) -> Text:
    """A name from the workbook for display: shortened, isolated in right-to-left text.

    Never translated. The HTML keeps the full name in a `title` tooltip when it was shortened.
    """
    full = clean(str(name))
    short = shorten(full)
    tip = f' title="{escape(full)}"' if short != full else ""
    if rtl(lang):
        return Text(isolate(short), f'<bdi class="name"{tip}>{escape(short)}</bdi>',
                    isolated=True)
    return Text(short, f"<span{tip}>{escape(short)}</span>" if tip else escape(short))


def shown(value: str, lang: str) -> str:
    """A table cell: a `Name` through `name_text`, our own words as they are."""
    return name_text(value, lang) if isinstance(value, Name) else value


def option_text(option: options.OptionCost, lang: str) -> str:
    """An option's name for display: a vendor's as data (`name_text`), else our translated label."""
    return shown(option_name(option, lang), lang)


def chart_labels(names: list[str], from_workbook: list[bool], lang: str) -> list[str]:
    """Category labels for a chart: names from the workbook shortened (isolated in right-to-left
    charts); two names that shorten alike get a number, so their bars stay apart."""
    labels: list[str] = []
    for name, data in zip(names, from_workbook, strict=True):
        label = str(name_text(name, lang)) if data else str(name)
        count = 1
        while label in labels:
            count += 1
            label = str(name_text(f"{shorten(name, MAX_SHOWN - 4)} ({count})", lang))
        labels.append(label)
    return labels


_FIELD = re.compile(r"(\{\w+\})")


def fill(template: str, lang: str, **params: object) -> Text:
    """`template.format(**params)` as a Text; in right-to-left text each value is isolated.

    A `Name` value is shown with `name_text`; a Text value brings its own HTML. The template
    (a translated message) is escaped for the HTML, the values are escaped or already markup;
    in right-to-left text the template's own Latin runs ("FTE", "24/7") are isolated too
    (`names.bdi_latin`). A value ending in a full stop (an abbreviation: "ر.س.", "Inc.") takes
    the place of the sentence's own full stop right after it, so no sentence ends in two.
    """
    plain: dict[str, str] = {}
    html: dict[str, str] = {}
    for key, value in params.items():
        if isinstance(value, Name):
            value = name_text(value, lang)
        words = value if isinstance(value, Text) else Text(str(value), escape(str(value)))
        wrap = rtl(lang) and not words.isolated
        plain[key] = isolate(words) if wrap else str(words)
        html[key] = f"<bdi>{words.html}</bdi>" if wrap else words.html
        if strip_isolates(words).endswith("."):
            template = template.replace(f"{{{key}}}.", f"{{{key}}}")
    parts = _FIELD.split(template)
    if rtl(lang):
        text = "".join(p if _FIELD.fullmatch(p) else isolate_latin(p) for p in parts)
        marked = "".join(p if _FIELD.fullmatch(p) else _braces(bdi_latin(p)) for p in parts)
    else:
        text, marked = template, escape(template)
    return Text(text.format(**plain), marked.format(**html))


def _braces(html: str) -> str:
    """Literal braces doubled, so that `str.format` leaves them as they are."""
    return html.replace("{", "{{").replace("}", "}}")


def param_text(name: str, value: object, currency: str, lang: str) -> str:
    """One message parameter written out by recommend's naming rule (see its docstring).

    An `option` is translated only when it is one of our message ids: a vendor's name (a `Name`)
    is shown as written, even when it reads like one of our labels.
    """
    _ = translator(lang)
    if name.endswith("_money"):
        return fmt_money(float(value), currency, lang)  # type: ignore[arg-type]
    if name.endswith("_share"):
        return share(float(value), lang)  # type: ignore[arg-type]
    if name.endswith("_count"):
        return fmt_number(float(value), lang)  # type: ignore[arg-type]
    if name.endswith("_years"):
        return fmt_years(int(value), lang)  # type: ignore[arg-type]
    if name.endswith(("_minutes", "_hours")):
        return plain(float(value), lang)  # type: ignore[arg-type]
    if name == "channel":
        return channel_name(str(value), lang)
    if name == "channels":
        names = [channel_name(c, lang) for c in str(value).split(",") if c]
        return format_list(names, locale=locale(lang))
    if name == "region":
        return region_name(str(value), lang)
    if name == "language":
        return language_name(str(value), lang)
    if name == "regions":
        names = [region_name(r, lang) for r in str(value).split(",") if r]
        return format_list(names, locale=locale(lang))
    if isinstance(value, Name):
        return name_text(value, lang)
    if name in ("option", "today"):
        return _(str(value))
    return str(value)


def message_text(message: recommend.Message, currency: str, lang: str) -> Text:
    """A recommendation reason or caveat as a sentence in the reader's language."""
    params = {name: param_text(name, value, currency, lang) for name, value in message.params}
    return fill(translator(lang)(message.id), lang, **params)
