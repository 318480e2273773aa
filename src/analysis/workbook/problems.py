"""Problems found in a company's workbook, shaped for people.

Every problem names where it is (sheet and cell), what was found and what was
expected, so an analyst can fix the workbook without reading code. Messages
are rendered in the reader's language at the last moment (`render`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from babel.lists import format_list

from analysis.errors import AnalysisError
from analysis.i18n import N_, locale, translator


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One finding. `expected` is an English message id, translated on render."""

    sheet: str
    cell: str
    found: str
    expected: str
    severity: Severity = Severity.ERROR
    params: tuple[tuple[str, str], ...] = ()
    """Values substituted into `expected` after translation, e.g. (("max", "100"),)."""
    terms: tuple[tuple[str, str], ...] = ()
    """Message ids substituted into `expected` once translated (and filled with `params`)."""

    def render(self, lang: str = "en") -> str:
        _ = translator(lang)
        fields = dict(self.params)
        fields |= {key: _(term).format(**fields) for key, term in self.terms}
        expected = _(self.expected).format(**fields)
        label = _("Error") if self.severity is Severity.ERROR else _("Warning")
        found = self.found if self.found != "" else _("(empty)")
        message = _("{label}: sheet “{sheet}”, cell {cell}: found {found}; expected {expected}.")
        return message.format(
            label=label, sheet=self.sheet, cell=self.cell, found=found, expected=expected
        )


ASSUMED_ITEM = N_("{field}: {default}")


@dataclass(frozen=True)
class AssumedDefaults(Problem):
    """A problem listing fields the workbook lacks and the default each was given.

    `assumed` pairs each field's label (a message id) with its default as it would be typed
    ("" for a blank cell; a dropdown label or a sentence is a message id too); on render both are
    translated and the list, joined the way the reader's language joins lists, fills `{assumed}`
    in `expected`.
    """

    assumed: tuple[tuple[str, str], ...] = ()

    def render(self, lang: str = "en") -> str:
        _ = translator(lang)
        items = [
            _(ASSUMED_ITEM).format(field=_(label), default=_(default) if default else _("(empty)"))
            for label, default in self.assumed
        ]
        listed = format_list(items, locale=locale(lang))
        return Problem.render(replace(self, params=(*self.params, ("assumed", listed))), lang)


@dataclass(frozen=True)
class MissingSheet(Problem):
    """A sheet the format requires is not in the workbook: one per missing sheet.

    It has no cell and nothing was found, so it reads as its own sentence: the sheet's name, that
    it is missing, and what to do — copy it from a new template (`python -m analysis template`).
    `expected` is that sentence's message id, filled with `sheet` and `command`.
    """

    def render(self, lang: str = "en") -> str:
        _ = translator(lang)
        label = _("Error") if self.severity is Severity.ERROR else _("Warning")
        fields = {"sheet": self.sheet, "command": TEMPLATE_COMMAND, **dict(self.params)}
        return _("{label}: {message}").format(label=label,
                                              message=_(self.expected).format(**fields))


TEMPLATE_COMMAND = "python -m analysis template new-template.xlsx"
"""The command making a new blank workbook; shown as it is typed, never translated."""


class WorkbookInvalid(AnalysisError):
    """The workbook has one or more errors; `problems` lists all of them, warnings too."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        errors = [p for p in problems if p.severity is Severity.ERROR]
        super().__init__(f"{len(errors)} problem(s) in the workbook")

    def render(self, lang: str = "en") -> str:
        return "\n".join(p.render(lang) for p in self.problems)


class WorkbookUnreadable(AnalysisError):
    """The file cannot be read as a workbook: missing, not a file, too large, another format.

    `reason` is an English message id; `params` fill its fields as they are, `terms` with
    message ids translated on render (the name of a file format, the kind of a special file).
    """

    def __init__(
        self, path: str, reason: str, *, params: tuple[tuple[str, str], ...] = (),
        terms: tuple[tuple[str, str], ...] = (),
    ):
        self.path = path
        self.reason = reason
        self.params = params
        self.terms = terms
        super().__init__(f"{path}: {reason}")

    def render(self, lang: str = "en") -> str:
        _ = translator(lang)
        fields = dict(self.params) | {key: _(term) for key, term in self.terms}
        return _("Cannot read the workbook {path}: {reason}").format(
            path=self.path, reason=_(self.reason).format(**fields)
        )
