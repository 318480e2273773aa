"""What the decision book's chapters show: tables, sentences and charts in the reader's language.

The chapter notebooks load a workbook, call the analysis, then call these helpers and display
what they return; nothing is computed in a notebook. Every word comes from the package catalog
(`_()` with English ids and `{name}` fields), every number goes through `i18n.fmt_*`, so a table
or chart in Arabic or Romanian reads like one written in that language. Tables and sentences are
`Html` blocks (HTML for the book, the same words as plain text); charts are Altair specs drawn as
static SVG (no script, so the book works offline), mirrored for right-to-left readers: category
axis on the right, value axes running right to left, legend on the left.

One module per chapter (`summary`, `operation`, ... `methodology`) on top of `blocks` (what is
displayed), `words` (names and numbers) and `charts` (what every chart shares). This package
re-exports what the notebooks call, so they say `report.verdict(...)` whatever module holds it.
"""

from analysis.report.charts import use_charts
from analysis.report.cover import book_cover
from analysis.report.inhouse import (
    inhouse_chart,
    inhouse_sentence,
    inhouse_table,
    management_table,
    unit_costs_table,
)
from analysis.report.methodology import (
    assumptions_table,
    formulas,
    inhouse_rules,
    reference_tables,
    sources_table,
)
from analysis.report.operation import (
    company_table,
    workbook_warnings,
    workload_chart,
    workload_sentence,
    workload_table,
)
from analysis.report.outsourcing import (
    billing_sentence,
    billing_table,
    commission_table,
    direction_table,
    model_fit,
    models_sentence,
    models_table,
    quote_positions,
    quote_terms_table,
    quotes_section,
    vendor_table,
)
from analysis.report.regions import (
    language_note,
    regions_chart,
    regions_frame,
    regions_sentence,
    regions_table_block,
)
from analysis.report.staffing import (
    hours_effect_text,
    queue_text,
    service_curve,
    staffing_sentence,
    staffing_table,
)
from analysis.report.summary import (
    basis,
    benchmarks_note,
    caveats,
    counter_arguments,
    headline_sentence,
    headline_table,
    reasons,
    saving_chart,
    saving_frame,
    saving_sentence,
    verdict,
)
from analysis.report.uncertainty import (
    break_even_list,
    break_even_sentence,
    chance_chart,
    chance_sentence,
    chance_table,
    ranges_sentence,
    ranges_table,
    spread_chart,
    spread_sentence,
    spread_tables,
    tornado_chart,
    tornado_sentence,
    value_of_information,
)
from analysis.report.uncertainty import (
    saving_chart as uncertainty_saving_chart,
)
from analysis.report.years import (
    cumulative_chart,
    cumulative_frame,
    cumulative_sentence,
    meaning,
    npv_sentence,
    npv_table,
    one_off_sentence,
    one_off_table,
    plan_table,
    yearly_table,
)

__all__ = [
    "assumptions_table",
    "basis",
    "benchmarks_note",
    "billing_sentence",
    "billing_table",
    "break_even_list",
    "book_cover",
    "break_even_sentence",
    "caveats",
    "chance_chart",
    "chance_sentence",
    "chance_table",
    "commission_table",
    "company_table",
    "counter_arguments",
    "cumulative_chart",
    "cumulative_frame",
    "cumulative_sentence",
    "direction_table",
    "formulas",
    "headline_sentence",
    "headline_table",
    "hours_effect_text",
    "inhouse_chart",
    "inhouse_rules",
    "inhouse_sentence",
    "inhouse_table",
    "language_note",
    "management_table",
    "meaning",
    "model_fit",
    "models_sentence",
    "models_table",
    "npv_sentence",
    "npv_table",
    "one_off_sentence",
    "one_off_table",
    "plan_table",
    "queue_text",
    "quote_positions",
    "quote_terms_table",
    "quotes_section",
    "ranges_sentence",
    "ranges_table",
    "reasons",
    "reference_tables",
    "regions_chart",
    "regions_frame",
    "regions_sentence",
    "regions_table_block",
    "saving_chart",
    "saving_frame",
    "saving_sentence",
    "service_curve",
    "spread_chart",
    "spread_sentence",
    "spread_tables",
    "sources_table",
    "staffing_sentence",
    "staffing_table",
    "tornado_chart",
    "tornado_sentence",
    "uncertainty_saving_chart",
    "value_of_information",
    "unit_costs_table",
    "use_charts",
    "vendor_table",
    "verdict",
    "workbook_warnings",
    "workload_chart",
    "workload_sentence",
    "workload_table",
    "yearly_table",
]
