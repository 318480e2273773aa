"""The company workbook: its format, the blank template, the examples, and reading it.

`format` describes every sheet and cell as data; `template` lays out the blank workbook from it
and `examples` fills it in. `loader` turns a filled workbook into `model.Inputs`: `cells` opens the
file and reads single cells by their spec (`numbers` parses numbers typed as text), and `sheets`
applies the rules of each sheet and across sheets; `problems` says what is wrong, where.
"""

from analysis.workbook.loader import load
from analysis.workbook.problems import Problem, Severity, WorkbookInvalid, WorkbookUnreadable
from analysis.workbook.template import write_template

__all__ = ["Problem", "Severity", "WorkbookInvalid", "WorkbookUnreadable", "load", "write_template"]
