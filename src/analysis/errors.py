"""The root of the errors this package raises on purpose.

Commands catch `AnalysisError` and print its `render(lang)`, a sentence in the reader's language,
instead of a traceback. The errors themselves live with what they are about: `i18n.UnknownLanguage`,
`workbook.problems.WorkbookInvalid` and `WorkbookUnreadable`, the book's build failures.
"""

from __future__ import annotations


class AnalysisError(Exception):
    """Root of every error this package raises on purpose."""

    def render(self, lang: str = "en") -> str:
        """The message for people, in `lang`; subclasses that carry message ids translate them."""
        return str(self)
