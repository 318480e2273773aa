"""The verdict under each billing basis: a contract term to settle, shown as scenarios (chapter
05) rather than drawn at random.

A quote's billing basis (in-seat, paid or productive hours; full handling or talk time) is what
the company and the vendor agree in the contract, not an estimate of the world, so the Monte
Carlo leaves it as quoted; the tornado moves it from each quote's cheapest basis to its dearest
(`basis_at_end`), and `billing_scenarios` prices every offer on each basis.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from analysis.i18n import N_
from analysis.model import BillingBasis, Inputs, PricingModel
from analysis.options import INHOUSE_ID, Spec, build, context, saving_of
from analysis.reference import Reference

BASES_CHEAPEST_FIRST = (BillingBasis.PRODUCTIVE, BillingBasis.TALK, BillingBasis.IN_SEAT,
                        BillingBasis.HANDLING, BillingBasis.PAID)
"""Within one pricing model, a basis earlier here never bills more: handling hours are at most
the in-seat hours, which are at most the paid ones; talk time is at most the handling time."""


def basis_at_end(model: PricingModel, dearest: bool) -> BillingBasis | None:
    """A model's cheapest or dearest billing basis; None for models billed without one."""
    if not model.bases:
        return None
    ordered = sorted(model.bases, key=BASES_CHEAPEST_FIRST.index)
    return ordered[-1] if dearest else ordered[0]


def at_basis_end(inputs: Inputs, dearest: bool) -> Inputs:
    """The inputs with every quote that has a billing basis billed on its cheapest or dearest."""
    quotes = tuple(replace(q, billing_basis=basis_at_end(q.model, dearest) or q.billing_basis)
                   for q in inputs.quotes)
    return replace(inputs, quotes=quotes)


BASIS_SCENARIOS = (
    ("as_quoted", N_("As quoted"), None),
    ("in_seat", N_("Hourly prices on in-seat hours"), BillingBasis.IN_SEAT),
    ("paid", N_("Hourly prices on paid hours"), BillingBasis.PAID),
    ("productive", N_("Hourly prices on productive hours"), BillingBasis.PRODUCTIVE),
    ("handling", N_("Per-minute prices on full handling time"), BillingBasis.HANDLING),
    ("talk", N_("Per-minute prices on talk time"), BillingBasis.TALK),
)
"""The workbook's quotes as written, then every quote that can be billed on a basis moved to it
(`PricingModel.bases`); a basis no quote's model can take is left out."""


def billing_scenarios(inputs: Inputs, reference: Reference) -> pd.DataFrame:
    """How each offer and the verdict by cost change with the billing basis of the quotes.

    One row per scenario (`BASIS_SCENARIOS`) and option (the in-house team and each vendor's
    offer): `scenario`, `label`, `id`, `name`, `total`, `saving` (against in-house), `best`
    (the cheapest offer of the scenario). The staffing is the same in every scenario: only the
    quotes' billing bases change, each vendor keeping its own shrinkage. Empty without quotes.
    """
    vendors = list(dict.fromkeys(q.vendor for q in inputs.quotes))
    if not vendors:
        return pd.DataFrame(columns=["scenario", "label", "id", "name", "total", "saving",
                                     "best"])
    today = context(inputs, reference)
    inhouse = build(Spec(INHOUSE_ID), today)
    rows = []
    for scenario, label, basis in BASIS_SCENARIOS:
        quotes = inputs.quotes
        if basis is not None:
            if not any(basis in q.model.bases for q in quotes):
                continue
            quotes = tuple(replace(q, billing_basis=basis) if basis in q.model.bases else q
                           for q in quotes)
        ctx = replace(today, inputs=replace(inputs, quotes=quotes))
        offers = [o for o in (build(Spec("vendor", (v,)), ctx) for v in vendors) if o.quotes]
        if not offers:
            continue
        best = min(offers, key=lambda o: o.total)
        for option in (inhouse, *offers):
            rows.append({"scenario": scenario, "label": label, "id": option.id,
                         "name": option.name, "total": option.total,
                         "saving": saving_of(option, inhouse), "best": option is best})
    return pd.DataFrame(rows)
