"""The comparison's stages import one way:
costs <- options <- horizon <- uncertainty <- recommend <- compare.

Read from the source with `ast` (every `import`, also those under `TYPE_CHECKING`), so a later
stage reached from an earlier one fails here even when Python would tolerate the circle.
"""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[1] / "src" / "analysis"
STAGES = ("costs", "options", "horizon", "uncertainty", "recommend", "compare")


def imported(module: str) -> set[str]:
    """The `analysis` modules one module (or every module of a stage that is a package) names
    in its imports (`from analysis import x` counts as `analysis.x`)."""
    path = PACKAGE / module
    files = sorted(path.glob("*.py")) if path.is_dir() else [PACKAGE / f"{module}.py"]
    names = set()
    for node in (n for f in files for n in ast.walk(ast.parse(f.read_text("utf-8")))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return {name for name in names if name.startswith("analysis.")}


@pytest.mark.parametrize("position", range(len(STAGES)))
def test_no_stage_imports_a_later_one(position):
    module = STAGES[position]
    later = tuple(f"analysis.{stage}" for stage in STAGES[position + 1:])
    found = [n for n in imported(module) if any(n == s or n.startswith(f"{s}.") for s in later)]
    assert not found, f"{module} imports a later stage: {found}"


def test_the_walk_sees_imports():
    """compare composes the stages after costs; if the walk missed them, the test above would
    pass on any code."""
    assert imported("compare") >= {"analysis.options", "analysis.horizon",
                                   "analysis.uncertainty", "analysis.recommend"}
    assert "analysis.costs" in imported("options")
    assert "analysis.options" in imported("horizon")
