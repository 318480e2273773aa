"""The same points priced the ordinary way, one at a time: the check of the engine.

`at_point` turns one point (a value for each of some uncertain inputs) into `Inputs` and a
`Reference` with those values (`workbook.ranges.with_value`; a published range becomes its drawn
price), and `price` runs the normal pricing on them (`options.evaluate` for the options the engine
prices, then `horizon.evaluate_horizon`). It is the per-draw loop the engine replaces:
`bench/uncertainty.py` times both on the same points and checks they agree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from analysis.horizon import evaluate_horizon
from analysis.model import Inputs
from analysis.options import Spec, evaluate, spec_of
from analysis.reference import Reference
from analysis.uncertainty.engine import OptionId
from analysis.uncertainty.inputs import REFERENCE_PREFIX
from analysis.workbook import ranges


def _order(input_id: str) -> int:
    """Vendors' shrinkage first: it is read against the workbook's own shrinkage, before the
    company's is moved (`workbook.ranges.with_value`)."""
    return 0 if input_id.startswith(f"{ranges.VENDOR_SHRINKAGE}:") else 1


def at_point(inputs: Inputs, reference: Reference,
             values: Mapping[str, float]) -> tuple[Inputs, Reference]:
    """The inputs and published ranges with the point's values."""
    for input_id in sorted(values, key=_order):
        value = float(values[input_id])
        if input_id.startswith(f"{REFERENCE_PREFIX}:"):
            _, table, range_id = input_id.split(":", 2)
            moved = tuple(replace(r, low=value, high=value) if r.id == range_id else r
                          for r in getattr(reference, table))
            reference = replace(reference, **{table: moved})
        else:
            inputs = ranges.with_value(inputs, input_id, value)
    return inputs, reference


def price(inputs: Inputs, reference: Reference,
          options: tuple[OptionId, ...]) -> dict[str, tuple[float, float]]:
    """Each option's present value over the horizon and its steady-state year, the ordinary
    way: (present value, annual cost) by option id."""
    only = [spec_of_id(o) for o in options]
    scenario = evaluate(inputs, reference, only)
    horizon = evaluate_horizon(scenario)
    return {o.id: (horizon.option(o.id).present_value, scenario.option(o.id).total)
            for o in options}


def spec_of_id(option: OptionId) -> Spec:
    if option.kind == "vendor":
        return Spec("vendor", (option.vendor,))
    kind, *keys = option.id.split(":")
    return Spec(kind, tuple(keys))


__all__ = ["at_point", "price", "spec_of", "spec_of_id"]
