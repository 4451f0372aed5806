"""The rules of the house that keep it easy to change (docs/ARCHITECTURE.md), checked on the source.

The layers, "Qt only under viewer.ui", "SQL only in viewer.store" and "the tagger is pure" are
import-linter contracts in pyproject.toml; this runs them, so breaking one fails the suite.
"""
import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "viewer"


def test_the_import_contracts_hold(monkeypatch, capsys):
    cli = pytest.importorskip("importlinter.cli")
    monkeypatch.chdir(ROOT)
    code = cli.lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True)
    report = capsys.readouterr().out
    assert code == 0, report
    kept = re.search(r"Contracts: (\d+) kept, 0 broken", report)
    assert kept and int(kept.group(1)) >= 5, report


def _imported_names(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").startswith("viewer")):
            for alias in node.names:
                yield node.lineno, node.module or ".", alias.name


def test_no_private_name_is_imported_from_another_module():
    """A name with a leading underscore belongs to its module: another module importing it couples the two
    behind the interface's back (make it public, or move it where both belong)."""
    offenders = [f"{path.relative_to(ROOT)}:{line} imports {name} from {module}"
                 for path in PKG.rglob("*.py")
                 for line, module, name in _imported_names(path)
                 if name.startswith("_") and not name.startswith("__")]
    assert offenders == []
