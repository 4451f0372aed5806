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


def read_path(path: str) -> Iterator[Article | ReadError]:
    """Articles from a file, a folder (recursively) or ``-`` (stdin)."""
    if path == "-":
        try:
            data = sys.stdin.buffer.read()
        except (OSError, ValueError) as exc:
            yield ReadError("stdin", None, f"cannot read standard input: {exc}")
            return
        yield from read_bytes(data, "stdin")
        return
    if os.path.isdir(path):
        for file in iter_files(path):
            yield from read_file(file)
        return
    yield from read_file(path)


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


MAX_FILE_BYTES = 200 * 1024 * 1024   # a single article file larger than this is not an article
STREAM_JSONL_BYTES = 32 * 1024 * 1024  # JSON Lines dumps larger than this are read line by line


def read_file(path: str) -> Iterator[Article | ReadError]:
    ext = os.path.splitext(path)[1].lower()
    try:
        size = os.stat(path).st_size
        if ext in (".jsonl", ".ndjson") and size > STREAM_JSONL_BYTES:
            from viewer.sources.dumps import stream_jsonl
            yield from stream_jsonl(path)
            return
        if size > MAX_FILE_BYTES and ext not in JSONL_EXT | CSV_EXT:
            yield ReadError(path, None, f"too large for an article ({size // (1024 * 1024)} MB)")
            return
        with open(path, "rb") as f:
            data = f.read()
    except FileNotFoundError:
        yield ReadError(path, None, "no such file or folder")
        return
    except IsADirectoryError:
        yield from read_path(path)
        return
    except OSError as exc:
        yield ReadError(path, None, f"cannot read: {exc.strerror or exc}")
        return
    yield from read_bytes(data, path, ext)


def read_bytes(data: bytes, source: str, ext: str = "") -> Iterator[Article | ReadError]:
    """Articles from the bytes of one input; ``ext`` (".html", ...) is a hint, the content decides too."""
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
            yield from dumps.read_jsonl_bytes(data, source)
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
            yield from dumps.read_csv(decoded, source, delimiter="\t" if ext == ".tsv" else None)
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
