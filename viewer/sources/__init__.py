"""Readers: files, folders and stdin in, :class:`~viewer.model.Article` (or :class:`ReadError`) out.

``read_path(path)`` picks a reader by extension and, when that says nothing, by sniffing the content:

* ``.txt``, ``.text``, ``.md``, ``.markdown``: plain text and Markdown (:mod:`.text`)
* ``.html``, ``.htm``, ``.xhtml``: saved web pages, main text and metadata via trafilatura (:mod:`.html`)
* ``.xml``, ``.rss``, ``.atom``, ``.rdf``: RSS and Atom feeds via feedparser, one article per entry (:mod:`.feeds`)
* ``.jsonl``, ``.ndjson``, ``.json``, ``.csv``, ``.tsv``: article dumps with the fields of GUIDE §3 (:mod:`.dumps`)

Folders are read recursively (sorted, hidden files skipped, symlink loops visited once); ``-`` reads stdin.
Encodings are detected (BOMs, UTF-8, then charset-normalizer), never assumed. Anything that can't be read
(binary, empty, undecodable, not an article) comes out as a :class:`ReadError` naming the file and, where it
applies, the line or entry: readers never raise for bad input.

The readers are pure functions of their input (``read_bytes``): no database, no network.
"""
from __future__ import annotations

import codecs
import os
import sys
from dataclasses import dataclass
from typing import Iterator

from viewer.model import Article


@dataclass
class ReadError:
    source: str             # the file (or "stdin")
    line: int | None        # 1-based line of a dump record, when it applies
    message: str            # what went wrong; feed entries are named in it ("entry 3: ...")
    skipped: bool = True    # False: a warning only, the input was still read (e.g. a bad date)

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.message}"


TEXT_EXT = {".txt", ".text", ".md", ".markdown", ".mdown"}
HTML_EXT = {".html", ".htm", ".xhtml", ".shtml"}
FEED_EXT = {".xml", ".rss", ".atom", ".rdf"}
JSONL_EXT = {".jsonl", ".ndjson", ".json"}
CSV_EXT = {".csv", ".tsv"}
KNOWN_EXT = TEXT_EXT | HTML_EXT | FEED_EXT | JSONL_EXT | CSV_EXT
# Files a folder walk passes over silently (they are clearly not articles).
SKIP_IN_FOLDERS = {".db", ".sqlite", ".sqlite3", ".db-wal", ".db-shm", ".pyc", ".lock", ".tmp", ".part"}


def read_path(path: str, max_bytes: int | None = None) -> Iterator[Article | ReadError]:
    """Articles from a file, a folder (recursively) or ``-`` (stdin).

    ``max_bytes`` (default :data:`DEFAULT_MAX_BYTES`) is the size limit of one article: a larger article
    file, dump record or standard input is refused with a message; dumps of any size are read record by
    record in bounded memory.
    """
    limit = DEFAULT_MAX_BYTES if max_bytes is None else max(1, int(max_bytes))
    if path == "-":
        yield from _read_stdin(limit)
        return
    if os.path.isdir(path):
        for file in iter_files(path):
            yield from read_file(file, limit)
        return
    yield from read_file(path, limit)


def _read_stdin(limit: int) -> Iterator[Article | ReadError]:
    from viewer.sources.decode import sniff
    try:
        stream = sys.stdin.buffer
        head = stream.read(min(limit, 1 << 16) + 1)
        if sniff(head) == "jsonl" and _first_line_is_json(head):   # JSON Lines: record by record
            from viewer.sources.dumps import jsonl_records
            yield from jsonl_records(_Chained(head, stream), "stdin", limit)
            return
        data = head + stream.read(max(0, limit + 1 - len(head)))
    except (OSError, ValueError) as exc:
        yield ReadError("stdin", None, f"cannot read standard input: {exc}")
        return
    if len(data) > limit:
        yield ReadError("stdin", None, f"larger than the size limit of one article ({size_text(limit)}); "
                                       "nothing read (raise the limit with --max-size)")
        return
    yield from read_bytes(data, "stdin")


def _first_line_is_json(head: bytes) -> bool:
    import json
    first, nl, _ = head.lstrip(b"\xef\xbb\xbf \t\r\n").partition(b"\n")
    if not nl:
        return False
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return False


class _Chained:
    """A binary stream whose first bytes were already read (for sniffing)."""

    def __init__(self, head: bytes, rest) -> None:
        self._head, self._rest = head, rest

    def readline(self, size: int = -1) -> bytes:
        if self._head:
            nl = self._head.find(b"\n")
            end = len(self._head) if nl < 0 else nl + 1
            if size >= 0:
                end = min(end, size)
            out, self._head = self._head[:end], self._head[end:]
            if out.endswith(b"\n") or (size >= 0 and len(out) >= size):
                return out
            return out + self._rest.readline(-1 if size < 0 else size - len(out))
        return self._rest.readline(size)


def size_text(n: int) -> str:
    """A size in bytes as people read it: "32 MB", "512 KB", "900 bytes"."""
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n // 1024} KB" if n >= 1024 else f"{n} bytes"


def iter_files(folder: str) -> Iterator[str]:
    """Files under a folder, recursively, sorted; symlinked folders are followed once (loops end)."""
    seen: set[str] = set()

    def walk(d: str) -> Iterator[str]:
        real = os.path.realpath(d)
        if real in seen:
            return
        seen.add(real)
        try:
            entries = sorted(os.scandir(d), key=lambda e: e.name)
        except OSError:
            return
        for e in entries:
            if e.name.startswith("."):
                continue
            try:
                if e.is_dir(follow_symlinks=True):
                    yield from walk(e.path)
                elif e.is_file(follow_symlinks=True):
                    if os.path.splitext(e.name)[1].lower() not in SKIP_IN_FOLDERS:
                        yield e.path
            except OSError:
                continue

    yield from walk(folder)


DEFAULT_MAX_BYTES = 50 * 1024 * 1024   # one article (a file, a dump record, stdin) larger than this is refused
STREAM_DUMP_BYTES = 32 * 1024 * 1024  # JSON Lines and CSV dumps larger than this are read record by record


def read_file(path: str, max_bytes: int | None = None) -> Iterator[Article | ReadError]:
    limit = DEFAULT_MAX_BYTES if max_bytes is None else max(1, int(max_bytes))
    ext = os.path.splitext(path)[1].lower()
    try:
        size = os.stat(path).st_size
        if ext in JSONL_EXT | CSV_EXT and (size > STREAM_DUMP_BYTES or size > limit):
            from viewer.sources import dumps
            if ext in CSV_EXT:
                yield from dumps.stream_csv(path, limit, delimiter="\t" if ext == ".tsv" else None)
                return
            if ext != ".json":
                yield from dumps.stream_jsonl(path, limit)
                return
        if size > limit:
            yield ReadError(path, None, f"{size_text(size)}: larger than the size limit of one article "
                                        f"({size_text(limit)}); not read (the limit can be raised)")
            return
        with open(path, "rb") as f:
            data = f.read()
    except FileNotFoundError:
        yield ReadError(path, None, "no such file or folder")
        return
    except IsADirectoryError:
        yield from read_path(path, limit)
        return
    except OSError as exc:
        yield ReadError(path, None, f"cannot read: {exc.strerror or exc}")
        return
    yield from read_bytes(data, path, ext, limit)


def read_bytes(data: bytes, source: str, ext: str = "",
               max_bytes: int | None = None) -> Iterator[Article | ReadError]:
    """Articles from the bytes of one input; ``ext`` (".html", ...) is a hint, the content decides too.
    ``max_bytes`` bounds one record of a dump (see :func:`read_path`)."""
    from viewer.sources import dumps, feeds, html, text
    from viewer.sources.decode import decode, looks_binary, sniff

    if not data.strip():
        yield ReadError(source, None, "empty file")
        return
    if looks_binary(data):
        yield ReadError(source, None, "not a text file (binary content)")
        return
    kind = _kind_from_ext(ext) or sniff(data)
    if ext in TEXT_EXT:
        kind = "text"
    try:
        if kind == "feed":
            yield from feeds.read_feed(data, source)
            return
        if kind == "jsonl" and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            yield from dumps.read_jsonl_bytes(data, source, max_bytes)
            return
        decoded = decode(data)
        if decoded is None:
            yield ReadError(source, None, "unknown text encoding (not an article?)")
            return
        if kind == "html":
            yield from html.read_html(decoded, source, raw=data)
        elif kind == "jsonl":
            yield from dumps.read_jsonl(decoded, source)
        elif kind == "csv":
            yield from dumps.read_csv(decoded, source, delimiter="\t" if ext == ".tsv" else None,
                                      max_bytes=max_bytes)
        else:
            yield from text.read_text(decoded, source, markdown=ext in (".md", ".markdown", ".mdown"))
    except Exception as exc:  # a reader bug must not stop an import: report it against the file
        yield ReadError(source, None, f"could not be read ({type(exc).__name__}: {exc})")


def _kind_from_ext(ext: str) -> str | None:
    if ext in HTML_EXT:
        return "html"
    if ext in FEED_EXT:
        return "feed"
    if ext in JSONL_EXT:
        return "jsonl"
    if ext in CSV_EXT:
        return "csv"
    return None
