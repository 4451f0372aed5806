"""Article dumps: JSON Lines (or a JSON array) and CSV/TSV with the fields of GUIDE §3.

Fields: ``id, url, title, text, published, source, language``; only ``text`` is required. A record's own
``id`` is kept (so results can be joined back to the dump); without one the id is the text's content hash.
A bad record (invalid JSON, a malformed CSV row, no text) is a :class:`ReadError` with its line; the others
are read. A date that can't be read is reported and the record is read without it (its date is inferred).
"""
from __future__ import annotations

import csv
import io
import itertools
import json
from typing import Iterator

from viewer.model import PUBLISHED_GIVEN, Article
from viewer.sources.meta import parse_date
from viewer.text import language_code

FIELDS = ("id", "url", "title", "text", "published", "source", "language")


def _article(rec: dict, source: str, line: int):
    """An Article (and maybe a warning) from one record, or a ReadError."""
    from viewer.sources import ReadError
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        return None, ReadError(source, line, "record has no 'text'")
    warn = None
    raw_date = rec.get("published")
    published = None
    if raw_date not in (None, ""):
        published = parse_date(raw_date)
        if published is None:
            warn = ReadError(source, line, f"unreadable published date {str(raw_date)[:40]!r}; "
                                           "ingested with a date inferred from its text",
                               skipped=False)

    def s(key):
        v = rec.get(key)
        return str(v).strip() or None if v not in (None, "") else None

    art = Article(text=text.replace("\r\n", "\n"), title=s("title"), url=s("url"),
                  source=s("source") or source, published=published,
                  published_source=PUBLISHED_GIVEN if published else None, language=language_code(s("language")),
                  id=s("id") or "")
    return art, warn


def read_jsonl(text: str, source: str) -> Iterator:
    from viewer.sources import ReadError
    stripped = text.lstrip()
    if stripped.startswith("["):  # a JSON array of records
        try:
            records = json.loads(stripped)
        except ValueError as exc:
            yield ReadError(source, None, f"invalid JSON: {exc}")
            return
        for i, rec in enumerate(records, 1):
            yield from _record(rec, source, i)
        return
    first = stripped.split("\n", 1)[0]
    if stripped.startswith("{") and "\n" in stripped.strip() and not _parses(first):
        # one pretty-printed object (a record, or {"articles": [...]}), not JSON Lines
        try:
            whole = json.loads(stripped)
        except ValueError:
            whole = None
        if isinstance(whole, dict):
            records = next((v for k, v in whole.items() if k in ("articles", "items", "records", "data")
                            and isinstance(v, list)), [whole])
            for i, rec in enumerate(records, 1):
                yield from _record(rec, source, i if len(records) > 1 else None)
            return
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except ValueError as exc:
            yield ReadError(source, lineno, f"invalid JSON ({exc.msg})" if hasattr(exc, "msg") else "invalid JSON")
            continue
        yield from _record(rec, source, lineno)


def stream_jsonl(path: str, max_bytes: int) -> Iterator:
    """A big JSON Lines file, line by line: memory stays small whatever the size; a line longer than
    ``max_bytes`` is reported and skipped without being held in memory."""
    from viewer.sources import ReadError
    f = _open(path)
    if isinstance(f, ReadError):
        yield f
        return
    with f:
        yield from jsonl_records(f, path, max_bytes)


def _open(path: str):
    """The file opened for reading bytes, or the ReadError that says why it cannot be."""
    from viewer.sources import ReadError
    try:
        return open(path, "rb")
    except OSError as exc:
        return ReadError(path, None, f"cannot read: {exc.strerror or exc}")


def jsonl_records(stream, source: str, max_bytes: int) -> Iterator:
    """Records of a JSON Lines binary stream (anything with ``readline(size)``), in bounded memory."""
    yield from _jsonl_lines(bounded_lines(stream, max_bytes), source, max_bytes)


def bounded_lines(stream, max_bytes: int) -> Iterator[bytes | None]:
    """Lines of a binary stream; a line longer than ``max_bytes`` comes out as None (its bytes are read
    in 1 MB pieces and dropped, so memory stays bounded)."""
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while piece := stream.readline(1 << 20):
                if piece.endswith(b"\n"):
                    break
            yield None
            continue
        yield line


def read_jsonl_bytes(data: bytes, source: str, max_bytes: int | None = None) -> Iterator:
    """JSON Lines from bytes, each line decoded on its own (UTF-8, else detected); a JSON array or a
    pretty-printed object is read whole."""
    from viewer.sources import ReadError
    from viewer.sources.decode import decode
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    first = head.split(b"\n", 1)[0]
    if head.startswith(b"[") or (head.startswith(b"{") and b"\n" in data.strip() and not _parses_bytes(first)):
        text = decode(data)
        if text is None:
            yield ReadError(source, None, "unknown text encoding (not an article?)")
            return
        yield from read_jsonl(text, source)
        return
    yield from _jsonl_lines(data.splitlines(), source, max_bytes)


def _too_large(source: str, line: int, max_bytes: int):
    from viewer.sources import ReadError, size_text
    return ReadError(source, line, f"record larger than the size limit of one article ({size_text(max_bytes)}); "
                                   "skipped")


def _jsonl_lines(lines, source: str, max_bytes: int | None = None) -> Iterator:
    from viewer.sources import ReadError
    from viewer.sources.decode import decode
    for lineno, raw in enumerate(lines, 1):
        if raw is None or (max_bytes is not None and len(raw) > max_bytes + 2):
            yield _too_large(source, lineno, max_bytes)
            continue
        if lineno == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            line = decode(raw)
            if line is None:
                yield ReadError(source, lineno, "unknown text encoding")
                continue
        try:
            rec = json.loads(line)
        except ValueError as exc:
            yield ReadError(source, lineno, f"invalid JSON ({getattr(exc, 'msg', exc)})")
            continue
        yield from _record(rec, source, lineno)


def _parses_bytes(line: bytes) -> bool:
    try:
        json.loads(line)
        return True
    except ValueError:
        return False


def _parses(line: str) -> bool:
    try:
        json.loads(line)
        return True
    except ValueError:
        return False


def _record(rec, source, line):
    from viewer.sources import ReadError
    if not isinstance(rec, dict):
        yield ReadError(source, line, "record is not a JSON object")
        return
    art, warn = _article(rec, source, line)
    if warn is not None:
        yield warn
    if art is not None:
        yield art


def read_csv(text: str, source: str, delimiter: str | None = None, max_bytes: int | None = None) -> Iterator:
    yield from _csv_records(io.StringIO(text, newline=""), source, delimiter, max_bytes)


def stream_csv(path: str, max_bytes: int, delimiter: str | None = None) -> Iterator:
    """A big CSV/TSV dump row by row: the encoding is detected on its first 64 KB, memory stays bounded
    (a field longer than ``max_bytes`` makes its row a reported error)."""
    from viewer.sources import ReadError
    from viewer.sources.decode import detect_encoding
    f = _open(path)
    if isinstance(f, ReadError):
        yield f
        return
    with f:
        encoding = detect_encoding(f.read(1 << 16))
        if encoding is None:
            yield ReadError(path, None, "unknown text encoding (not an article dump?)")
            return
        f.seek(0)
        text = io.TextIOWrapper(f, encoding=encoding, errors="replace", newline="")
        yield from _csv_records(text, path, delimiter, max_bytes)


def _csv_records(stream, source: str, delimiter: str | None, max_bytes: int | None) -> Iterator:
    from viewer.sources import ReadError
    # The field limit is process-wide in the csv module; every CSV read sets it to its own article limit.
    csv.field_size_limit(max(1 << 16, max_bytes) if max_bytes else 1 << 30)
    header_line = stream.readline()
    if delimiter is None:
        counts = {d: header_line.count(d) for d in (",", ";", "\t", "|")}
        delimiter = max(counts, key=counts.get) if any(counts.values()) else ","
    reader = csv.reader(itertools.chain([header_line], stream), delimiter=delimiter)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        yield ReadError(source, 1, f"no CSV header ({exc})" if str(exc) else "no CSV header")
        return
    names = [h.strip().lstrip("\ufeff").lower() for h in header]
    if "text" not in names:
        yield ReadError(source, 1, "no 'text' column in the CSV header (not an article dump?)")
        return
    line_start = reader.line_num + 1
    errors_in_a_row = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            msg = str(exc)
            if "field larger than field limit" in msg:
                yield _too_large(source, line_start, max_bytes or (1 << 30))
            else:
                yield ReadError(source, line_start, f"malformed CSV row ({exc})")
            line_start = reader.line_num + 1
            errors_in_a_row += 1
            if errors_in_a_row > 1000:
                yield ReadError(source, line_start, "too many malformed rows; rest of file skipped")
                return
            continue
        errors_in_a_row = 0
        line = line_start
        line_start = reader.line_num + 1
        if not row or all(not c.strip() for c in row):
            continue
        if len(row) != len(names):
            yield ReadError(source, line, f"malformed CSV row: {len(row)} fields, the header has {len(names)}")
            continue
        rec = {k: v for k, v in zip(names, row) if k in FIELDS}
        yield from _record(rec, source, line)
