"""Customer-service sourcing analysis: from a company's workbook to staffing, cost and advice.

One module per stage: `workbook` (workbook to `model.Inputs`), `staffing` (Erlang C and workload),
`costs` (in-house and outsourced), `compare` (options, regions, sensitivity, recommendation).
"""

__version__ = "0.1.0"
