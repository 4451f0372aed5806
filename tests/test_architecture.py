"""The rules of the house that keep it easy to change (GUIDE §2), checked on the source."""
import ast
from pathlib import Path

PKG = Path(__file__).resolve().parent.parent / "viewer"
QT = ("PySide6", "pyqtgraph", "shiboken6")


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def _modules(exclude: str):
    for path in PKG.rglob("*.py"):
        rel = path.relative_to(PKG).as_posix()
        if not rel.startswith(exclude):
            yield rel, path


def test_only_the_ui_imports_qt():
    offenders = [rel for rel, path in _modules("ui/")
                 if any(name.split(".")[0] in QT for name in _imports(path))]
    assert offenders == []


def test_only_the_store_speaks_sql():
    offenders = [rel for rel, path in _modules("store/")
                 if any(name.split(".")[0] in ("sqlite3", "sqlite_utils") for name in _imports(path))]
    assert offenders == []


def test_tagger_does_no_io():
    banned = {"os", "io", "pathlib", "sqlite3", "subprocess", "socket", "urllib", "requests"}
    offenders = [(path.name, name) for path in (PKG / "timex").glob("*.py") if path.name != "cli.py"
                 for name in _imports(path) if name.split(".")[0] in banned]
    assert offenders == []
