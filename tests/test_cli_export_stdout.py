"""`export --out -` writes to standard output (CSV, JSON, TimelineJS), never a file named "-"; an image
asked for on standard output is refused with a message that says what to do. Run as a real subprocess."""
import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TEXT = ("Russian forces shelled Kharkiv on 1 March 2024, the regional governor said.\n"
        "Ukrainian drones hit a refinery in Ryazan on 3 March 2024, officials said.\n")


def run(*args, cwd):
    return subprocess.run([sys.executable, "-m", "viewer", *args], capture_output=True, cwd=cwd,
                          timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT)})


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("stdout")
    (folder / "news.txt").write_text(TEXT, encoding="utf-8")
    path = folder / "x.db"
    proc = run("ingest", str(folder / "news.txt"), "--db", str(path), "--published", "2024-03-05", cwd=folder)
    assert proc.returncode == 0, proc.stderr
    return path


def _file_export(db, fmt, cwd):
    out = cwd / f"file.{fmt}"
    assert run("export", "--db", str(db), "--format", fmt, "--out", str(out), cwd=cwd).returncode == 0
    return out.read_bytes()


@pytest.mark.parametrize("fmt", ["csv", "json", "timelinejs"])
def test_dash_writes_the_export_to_standard_output(db, tmp_path, fmt):
    proc = run("export", "--db", str(db), "--format", fmt, "--out", "-", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert not (tmp_path / "-").exists()                  # no file named "-"
    assert list(tmp_path.iterdir()) == []                 # nor any temporary file left behind
    assert b"standard output" in proc.stderr
    text = proc.stdout.decode("utf-8")
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        assert len(rows) == 2 and any("Kharkiv" in r["sentence"] for r in rows)
    elif fmt == "json":
        assert {e["earliest"] for e in json.loads(text)} == {"2024-03-01", "2024-03-03"}
    else:
        assert len(json.loads(text)["events"]) == 2
    # the same bytes as the file export
    assert proc.stdout.rstrip(b"\n") == _file_export(db, fmt, tmp_path).rstrip(b"\n")


def test_dash_takes_the_filters(db, tmp_path):
    proc = run("export", "--db", str(db), "--format", "json", "--out", "-", "--search", "Ryazan", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert [e["earliest"] for e in json.loads(proc.stdout)] == ["2024-03-03"]


def test_an_image_is_refused_on_standard_output(db, tmp_path):
    proc = run("screenshot", "--db", str(db), "--out", "-", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stdout == b""
    message = proc.stderr.decode()
    assert "standard output" in message and "--out" in message and "Traceback" not in message
    assert not (tmp_path / "-").exists()
