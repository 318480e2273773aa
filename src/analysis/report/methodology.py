"""Chapter 09, methodology: the assumptions used, the ranges tested and the published tables
compared with.
"""

from __future__ import annotations

import math
from dataclasses import fields

import numpy as np
import pandas as pd

from analysis import reference as ref
from analysis.i18n import N_, fmt_number, translator
from analysis.model import Assumptions, Inputs, Years
from analysis.report.blocks import Html, table
from analysis.report.words import DASH, REGION_NAMES, clock, fill, plain, share
from analysis.workbook import format as wf

REFERENCE_TITLES = {
    "regions": N_("Hourly rates by agents' location"),
    "shared_per_minute": N_("Shared inbound service, per minute used"),
    "dedicated_hourly": N_("Dedicated inbound service, per agent hour"),
    "outbound_hourly": N_("Outbound service, per agent hour"),
    "guides": N_("Rules of thumb"),
}
UNIT_NAMES = {
    "USD/hour": N_("USD an hour"),
    "USD/minute": N_("USD a minute"),
    "fraction": N_("share"),
    "interactions/month": N_("interactions a month"),
    "clients": N_("clients"),
    "hours": N_("hours"),
}


def field_value(field: wf.Field, value: object, lang: str) -> str:
    """A workbook value written as the reader would type it back: percent, hour, a dropdown's
    label or number; a blank with a rule says the rule (`Field.default_text`)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return translator(lang)(field.default_text) if field.default_text else DASH
    if field.kind is wf.Kind.CHOICE:
        return translator(lang)(wf.choice_label(field.choices, str(value)))
    if field.kind is wf.Kind.PERCENT:
        return share(float(value), lang)  # type: ignore[arg-type]
    if field.kind is wf.Kind.HOUR:
        return clock(int(value))  # type: ignore[call-overload]
    digits = 0 if float(value) == round(float(value)) else 2  # type: ignore[arg-type]
    return fmt_number(float(value), lang, digits)  # type: ignore[arg-type]


def assumption_rows(inputs: Inputs) -> pd.DataFrame:
    """Every assumption with its value, default and whether the workbook changed it.

    The InHouse sheet's first block all comes from the workbook; its management block (format
    v2), the Assumptions sheet's fields, the benchmark terms, the hourly profile and the Years
    sheet's figures have defaults (`model`), and `set` says the value differs. (Today's
    operation is named in the chapter over the years.)
    """
    defaults = Assumptions()
    rows = [{"key": f.key, "label": f.label, "field": f, "value": getattr(inputs.inhouse, f.key),
             "default": None, "source": "workbook"}
            for f in wf.INHOUSE_FIELDS if f.key in {x.name for x in fields(inputs.inhouse)}]
    for f in wf.MANAGEMENT_FIELDS:
        value = getattr(inputs.inhouse, f.key)
        rows.append({"key": f.key, "label": f.label, "field": f, "value": value,
                     "default": f.default, "source": "set" if value != f.default else "default"})
    for f in wf.ASSUMPTION_FIELDS + wf.BENCHMARK_FIELDS:
        value, default = getattr(inputs.assumptions, f.key), getattr(defaults, f.key)
        rows.append({"key": f.key, "label": f.label, "field": f, "value": value,
                     "default": default, "source": "set" if value != default else "default"})
    plan, defaults_plan = inputs.years, Years()
    for f in wf.YEARS_FIELDS:
        if f.key == "current_operation":
            continue
        value, default = getattr(plan, f.key), getattr(defaults_plan, f.key)
        rows.append({"key": f.key, "label": f.label, "field": f, "value": value,
                     "default": default, "source": "set" if value != default else "default"})
    return pd.DataFrame(rows)


def assumptions_table(inputs: Inputs, lang: str) -> Html:
    _ = translator(lang)
    sources = {"workbook": _("Your workbook"), "set": _("Your workbook (default changed)"),
               "default": _("Default")}
    rows = [[_(r.label), field_value(r.field, r.value, lang),
             DASH if r.source == "workbook" else field_value(r.field, r.default, lang),
             sources[r.source]]
            for r in assumption_rows(inputs).itertuples()]
    profile_set = inputs.assumptions.hourly_profile != Assumptions().hourly_profile
    busiest = int(np.argmax(inputs.assumptions.hourly_profile))
    rows.append([_("Hourly arrival profile"),
                 fill(_("busiest hour from {time}"), lang, time=clock(busiest)), DASH,
                 sources["set" if profile_set else "default"]])
    return table([_("Assumption"), _("Value used"), _("Default"), _("Where it comes from")],
                 rows, numeric=(1, 2))


def reference_tables(lang: str) -> list[Html]:
    """The published ranges the book compares with, each with its source file and note."""
    _ = translator(lang)
    names = {**ref.NAMES, "regions": REGION_NAMES}
    blocks = []
    for name in ref.TABLES:
        frame = ref.read_table(name)
        rows = []
        for r in frame.itertuples():
            ratio = r.unit == "fraction"
            low = share(r.low, lang) if ratio else plain(r.low, lang, 2)
            high = share(r.high, lang) if ratio else plain(r.high, lang, 2)
            rows.append([_(names[name].get(r.id, r.name)), low, high,
                         _(UNIT_NAMES.get(r.unit, r.unit)), r.source.rsplit("/", 1)[-1], r.note])
        blocks.append(table([_("Item"), _("Low"), _("High"), _("Unit"), _("Source"),
                             _("How the source was read")], rows, numeric=(1, 2),
                            caption=_(REFERENCE_TITLES[name])))
    return blocks
