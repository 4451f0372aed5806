"""Oversized inputs: refused with a message naming the file (and line), or read in bounded memory; the
limit of one article can be set (issue 7)."""
import io
import json
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from viewer import sources
from viewer.ingest import ingest_paths
from viewer.model import Article
from viewer.sources import ReadError, read_path
from viewer.store import Store

ROOT = Path(__file__).resolve().parents[2]
KB = 1024
MB = 1024 * 1024


def split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, ReadError)]


def record(text: str, **kw) -> str:
    return json.dumps({"text": text, **kw})


def test_a_file_over_the_limit_is_refused_by_name_and_the_others_are_read(tmp_path):
    (tmp_path / "big.txt").write_text("Kyiv said on Monday the bridge was hit. " * 3000)   # ~120 KB
    (tmp_path / "small.txt").write_text("Warsaw said on Friday the border was closed.")
    arts, errs = split(read_path(str(tmp_path), max_bytes=64 * KB))
    assert [a.text[:6] for a in arts] == ["Warsaw"]
    (err,) = errs
    assert err.source == str(tmp_path / "big.txt")
    assert "size limit" in err.message and "64 KB" in err.message
    # the same file is read once the limit is raised
    arts, errs = split(read_path(str(tmp_path), max_bytes=1 * MB))
    assert len(arts) == 2 and errs == []


def test_a_huge_json_line_is_skipped_in_bounded_memory(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "STREAM_DUMP_BYTES", 1)   # a dump this size is streamed anyway
    f = tmp_path / "dump.jsonl"
    with open(f, "w", encoding="utf-8") as out:
        out.write(record("Paris said on Monday talks would resume.", id="a") + "\n")
        out.write('{"text": "' + "x" * (20 * MB) + '"}\n')          # one 20 MB line
        out.write(record("Berlin said on Tuesday it agreed.", id="c") + "\n")
    tracemalloc.start()
    try:
        arts, errs = split(read_path(str(f), max_bytes=256 * KB))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [a.id for a in arts] == ["a", "c"]
    (err,) = errs
    assert (err.source, err.line) == (str(f), 2) and "size limit" in err.message
    assert peak < 4 * MB, f"reading held {peak / MB:.1f} MB for a 20 MB line"


def test_a_line_with_no_end_at_all_is_reported_not_held(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "STREAM_DUMP_BYTES", 1)
    f = tmp_path / "cut.jsonl"
    f.write_bytes(record("Rome said on Monday it agreed.", id="r").encode() + b"\n" + b"{" * (3 * MB))
    arts, errs = split(read_path(str(f), max_bytes=64 * KB))
    assert [a.id for a in arts] == ["r"]
    assert [(e.line, "size limit" in e.message) for e in errs] == [(2, True)]


def test_a_streamed_csv_keeps_its_encoding_and_skips_an_oversized_field(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "STREAM_DUMP_BYTES", 1)
    f = tmp_path / "dump.csv"
    rows = ["id,text", 'k,"Київ заявив у понеділок, що міст пошкоджено."',
            'big,"' + "y" * (300 * KB) + '"', 'w,"Warsaw said on Friday the border was closed."']
    f.write_bytes("\n".join(rows).encode("utf-8") + b"\n")
    arts, errs = split(read_path(str(f), max_bytes=128 * KB))
    assert [a.id for a in arts] == ["k", "w"]
    assert arts[0].text.startswith("Київ")
    (err,) = errs
    assert err.line == 3 and "size limit" in err.message


def test_stdin_over_the_limit_is_refused_and_json_lines_on_stdin_are_streamed(monkeypatch):
    class Stdin:
        buffer = io.BytesIO(b"Madrid said on Monday. " * 10000)

    monkeypatch.setattr(sys, "stdin", Stdin)
    (err,) = read_path("-", max_bytes=64 * KB)
    assert isinstance(err, ReadError) and err.source == "stdin" and "size limit" in err.message

    lines = [record("Oslo said on Monday it agreed.", id="o"), '{"text": "' + "z" * (200 * KB) + '"}',
             record("Rome said on Friday it agreed.", id="r")]

    class Dump:
        buffer = io.BytesIO(("\n".join(lines) + "\n").encode())

    monkeypatch.setattr(sys, "stdin", Dump)
    arts, errs = split(read_path("-", max_bytes=64 * KB))
    assert [a.id for a in arts] == ["o", "r"] and [e.line for e in errs] == [2]


@pytest.mark.parametrize("jobs", [1, 2])
def test_ingest_applies_the_limit_in_workers_and_keeps_what_is_stored(tmp_path, jobs):
    db = str(tmp_path / "t.db")
    first = tmp_path / "first.txt"
    first.write_text("Kyiv said on Monday, November 18, 2024, that a bridge was hit.")
    ingest_paths([str(first)], db, jobs=1)
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "big.txt").write_text("Riga said on Monday, November 18, 2024, it was calm. " * 2000)
    for i in range(3):
        (folder / f"ok{i}.txt").write_text(f"Vilnius said on Tuesday, November {19 + i}, 2024, it agreed.")
    summary = ingest_paths([str(folder)], db, jobs=jobs, max_bytes=32 * KB)
    assert summary.articles_added == 3
    assert [e.source for e in summary.errors] == [str(folder / "big.txt")]
    store = Store.open(db)
    try:
        assert len(list(store.articles())) == 4
    finally:
        store.close()


def test_command_line_max_size(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "big.txt").write_text("Riga said on Monday, November 18, 2024, it was calm. " * 2000)
    (folder / "ok.txt").write_text("Vilnius said on Tuesday, November 19, 2024, it agreed.")
    db = tmp_path / "c.db"
    proc = subprocess.run([sys.executable, "-m", "viewer", "ingest", str(folder), "--db", str(db),
                           "--max-size", "0.05"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 3, proc.stderr
    assert "big.txt" in proc.stderr and "size limit" in proc.stderr
    assert "1 articles added" in proc.stderr
    bad = subprocess.run([sys.executable, "-m", "viewer", "ingest", str(folder), "--db", str(db),
                          "--max-size", "lots"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert bad.returncode == 2 and "MB" in bad.stderr
