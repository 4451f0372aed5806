"""Readers for annotated temporal corpora, for the evaluation harness (bench/tempeval.py).

Every reader returns ``(text, dct, gold)`` per document: ``text`` the plain text (tags removed, entities
decoded), ``dct`` the document time (a ``date``, or None), ``gold`` a list of ``(start, end, type, value,
text)`` in Python str offsets of ``text`` (``text[start:end]`` is the annotated extent). ``type`` is the
TIMEX3 type (DATE, TIME, DURATION, SET) or "" when the corpus has none; ``value`` is a TIMEX3 value or
None when the corpus carries no values (then only extraction can be scored).

Formats, detected per file (``detect``):

* ``timeml``: TimeML (``*.tml``: TimeBank, AQUAINT, French TimeBank). The document time is the TIMEX3 with
  ``functionInDocument="CREATION_TIME"``; only TIMEX3 inside ``<TEXT>`` are gold.
* ``timex3-inline``: a ``<DOC>`` with ``<TIMEX3 value=… type=…>`` inline in ``<TEXT>`` (WikiWarsUA); the
  document time is read from ``<DATETIME>`` (or ``<DATE_TIME>``/``<DCT>``).
* ``timex2-inline``: the same with ``<TIMEX2 val=…>`` (WikiWarsDE, ACE/TIDES style). TIMEX2 has no type:
  it is derived from the value (``derive_type``). TIMEX2 values are TIMEX3 values with these exceptions,
  normalised by ``timex2_value`` (the two conventions saying the same thing differently):

  - a time-zone offset on a clock time (``1945-05-08T23:00+01``, "23:00 Uhr mitteleuropäischer Zeit"):
    TIMEX3 values in TimeML corpora are local times without an offset; the offset is dropped;
  - the duration units decade, century and millennium (``P1DE``, ``P2CE``, ``P1ML``) are written in years
    (``P10Y``, ``P200Y``, ``P1000Y``), as TIMEX3 writes them;
  - ``set="YES"`` makes the type SET (the value is kept: TIMEX2 writes a set's value as its instance,
    ``XXXX-WXX-1``, with ``periodicity``; TIMEX3 often writes ``P1W`` — not normalised, the two are not
    the same statement);
  - a TIMEX2 without ``val`` (non-specific, unresolvable) has the value "" (any system value is wrong).

  Kept as they are because both conventions write them the same way: ``PRESENT_REF``/``PAST_REF``/
  ``FUTURE_REF``, centuries ``19`` and decades ``193``, ``BC0480`` (both write the BC year with the
  ``BC`` prefix and four digits), ``XXXX`` placeholders, seasons ``1940-SU``, parts of day ``TMO``/``TNI``,
  weeks ``1999-W12``, durations ``P3D``/``PXY``. ``mod``, ``anchor_val``, ``anchor_dir``, ``non_specific``
  and ``comment`` are not scored (nor is ``mod`` in TIMEX3).
* ``bio``: one token per line, whitespace- or tab-separated columns, one of which is a B-/I-/O tag
  (``B-TIMEX``, ``I-DATE``, ``O``); a column after the tag, when present, is the value of the expression
  (read from its B- token). A blank line ends a sentence; ``-DOCSTART-`` starts a new document; a comment
  line ``# dct = 2024-11-18`` (or ``# dct: …``) gives the document time. The text is the tokens joined by a
  space, sentences by a newline. A tag suffix that is a TIMEX3 type (``B-DATE``) is the gold type, otherwise
  the type is "". With no value column the values are None: extraction scores only.
"""
from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>|&(#?\w+);")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
TYPES = ("DATE", "TIME", "DURATION", "SET")
SUFFIXES = (".tml", ".xml", ".sgml", ".sgm", ".bio", ".conll", ".tsv", ".iob", ".txt")


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat((value or "").strip()[:10])
    except ValueError:
        return None


def _inline(body: str, tagname: str):
    """Strip the tags of ``body``: (plain text, [(start, end, attrs)] of every ``tagname`` element, nested
    ones included, in offsets of the plain text). Entities are decoded; empty elements are dropped."""
    out = []
    spans = []
    stack = []
    pos = 0
    n = 0
    for m in _TAG.finditer(body):
        out.append(body[pos:m.start()])
        n += m.start() - pos
        pos = m.end()
        if m.group(4) is not None:
            ch = html.unescape("&" + m.group(4) + ";")
            out.append(ch)
            n += len(ch)
            continue
        closing, name, attrs = m.group(1), m.group(2), m.group(3)
        if name != tagname or attrs.rstrip().endswith("/"):
            continue
        if not closing:
            stack.append((n, dict(_ATTR.findall(attrs))))
        elif stack:
            s, a = stack.pop()
            spans.append((s, n, a))
    out.append(body[pos:])
    return "".join(out), spans


def _body(raw: str) -> str | None:
    t0 = raw.find("<TEXT>")
    t1 = raw.find("</TEXT>")
    if t0 < 0 or t1 < 0:
        return None
    return raw[t0 + len("<TEXT>"):t1]


def parse_tml(path: Path):
    """(text, dct, gold) of a TimeML file; gold = [(start, end, type, value, text)]."""
    return read_timeml(path.read_text(encoding="utf-8", errors="replace"))


def read_timeml(raw: str):
    dct = None
    m = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', raw)
    if m:
        dct = _date(dict(_ATTR.findall(m.group(0))).get("value", ""))
    body = _body(raw)
    if body is None:
        return None
    text, spans = _inline(body, "TIMEX3")
    gold = [(s, e, a.get("type", ""), a.get("value", ""), text[s:e]) for s, e, a in spans if e > s]
    return text, dct, gold


def _datetime(raw: str) -> date | None:
    """The document time written in a <DATETIME> (or <DATE_TIME>, <DCT>) element: the value of the TIMEX
    inside it, else its text."""
    m = re.search(r"<(DATETIME|DATE_TIME|DCT)>(.*?)</\1>", raw, re.S)
    if not m:
        return None
    inner = m.group(2)
    t = re.search(r"<TIMEX[23][^>]*>", inner)
    if t:
        a = dict(_ATTR.findall(t.group(0)))
        d = _date(a.get("value") or a.get("val"))
        if d:
            return d
    return _date(re.sub(r"<[^>]*>", "", inner))


def read_timex3_inline(raw: str):
    body = _body(raw)
    if body is None:
        return None
    text, spans = _inline(body, "TIMEX3")
    gold = [(s, e, a.get("type", ""), a.get("value", ""), text[s:e]) for s, e, a in spans if e > s]
    return text, _datetime(raw), gold


_TZ = re.compile(r"(T\d\d(?::\d\d(?::\d\d(?:\.\d+)?)?)?)(?:Z|[+-]\d\d(?::?\d\d)?)$")
_BIG_UNIT = re.compile(r"^P(\d+)(DE|CE|ML)$")


def timex2_value(val: str | None) -> str:
    """A TIMEX2 ``val`` written as TIMEX3 would write it (see the module docstring for what changes)."""
    v = (val or "").strip()
    v = _TZ.sub(r"\1", v)
    m = _BIG_UNIT.match(v)
    if m:
        v = f"P{int(m.group(1)) * {'DE': 10, 'CE': 100, 'ML': 1000}[m.group(2)]}Y"
    return v


def derive_type(value: str, attrs: dict | None = None) -> str:
    """The TIMEX3 type a TIMEX2 value implies: SET when ``set="YES"``, DURATION for ``P…``, TIME for a
    clock time or part of a day (``T14:30``, ``TMO``), DATE otherwise (dates, ``PRESENT_REF`` …)."""
    if attrs and attrs.get("set", "").upper() == "YES":
        return "SET"
    if value.startswith("P") and not value.endswith("_REF"):
        return "DURATION"
    if "T" in value and re.search(r"T(\d|MO|AF|EV|NI|DT|MI)", value):
        return "TIME"
    return "DATE"


def read_timex2_inline(raw: str):
    body = _body(raw)
    if body is None:
        return None
    text, spans = _inline(body, "TIMEX2")
    gold = []
    for s, e, a in spans:
        if e <= s:
            continue
        v = timex2_value(a.get("val"))
        gold.append((s, e, derive_type(v, a), v, text[s:e]))
    return text, _datetime(raw), gold


_BIO_TAG = re.compile(r"^(?:[BI]-\S+|O)$")


def read_bio(raw: str):
    """The documents of a BIO file: [(text, dct, gold)]."""
    docs = []
    rows: list[list[str]] = []   # the token lines of the current document (None for a sentence break)
    dct = None
    tagcol = None

    def flush():
        nonlocal rows, dct
        if any(r is not None for r in rows):
            docs.append(_bio_doc(rows, dct, tagcol))
        rows, dct = [], None

    for line in raw.splitlines():
        s = line.strip()
        if s.startswith("#"):
            m = re.match(r"#\s*dct\s*[:=]\s*(\S+)", s, re.I)
            if m:
                dct = _date(m.group(1))
            continue
        if not s:
            rows.append(None)
            continue
        cols = s.split("\t") if "\t" in s else s.split()
        if cols[0] == "-DOCSTART-":
            flush()
            continue
        if tagcol is None:
            tagcol = next((i for i in range(1, len(cols)) if _BIO_TAG.match(cols[i])), None)
        rows.append(cols)
    flush()
    return docs


def _bio_doc(rows, dct, tagcol):
    parts: list[str] = []
    gold = []
    n = 0
    cur = None   # [start, end, type, value]
    need_space = False

    def close():
        nonlocal cur
        if cur:
            gold.append(cur)
        cur = None

    for cols in rows:
        if cols is None:
            close()
            if parts and parts[-1] != "\n":
                parts.append("\n")
                n += 1
            need_space = False
            continue
        tok = cols[0]
        tag = cols[tagcol] if tagcol is not None and tagcol < len(cols) else "O"
        if need_space:
            parts.append(" ")
            n += 1
        start = n
        parts.append(tok)
        n += len(tok)
        need_space = True
        if tag.startswith("I-") and cur is not None:
            cur[1] = n
            continue
        close()
        if tag.startswith(("B-", "I-")):
            suffix = tag[2:].upper()
            value = cols[tagcol + 1] if tagcol is not None and len(cols) > tagcol + 1 else None
            cur = [start, n, suffix if suffix in TYPES else "", value]
    close()
    text = "".join(parts).rstrip("\n")
    return text, dct, [(s, e, t, v, text[s:e]) for s, e, t, v in gold]


def detect(raw: str) -> str | None:
    """The format of a file's content: timeml, timex3-inline, timex2-inline, bio, or None."""
    head = raw[:200000]
    if "<TIMEX2" in head and "<TEXT>" in head:
        return "timex2-inline"
    if "<TEXT>" in head and ("<TimeML" in head or "CREATION_TIME" in head):
        return "timeml"
    if "<TIMEX3" in head and "<TEXT>" in head:
        return "timex3-inline"
    if "<TEXT>" in head:   # a document with no expression at all
        return "timeml" if "<TimeML" in head else "timex3-inline"
    lines = [ln for ln in head.splitlines()[:200]
             if ln.strip() and not ln.lstrip().startswith(("#", "-DOCSTART-"))]
    if lines and sum(1 for ln in lines if any(_BIO_TAG.match(c) for c in ln.split()[1:])) >= 0.9 * len(lines):
        return "bio"
    return None


READERS = {"timeml": read_timeml, "timex3-inline": read_timex3_inline, "timex2-inline": read_timex2_inline}


def read_file(path: Path):
    """(format, [(text, dct, gold)]) of one file; (None, []) when the format is not recognised."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    fmt = detect(raw)
    if fmt is None:
        return None, []
    if fmt == "bio":
        return fmt, read_bio(raw)
    doc = READERS[fmt](raw)
    return fmt, ([doc] if doc is not None else [])


def corpus_files(folder: Path) -> list[Path]:
    """The files of a folder the readers may read (``*.tml`` only when there are any, as before)."""
    tml = sorted(folder.glob("*.tml"))
    if tml:
        return tml
    return sorted(p for p in folder.iterdir() if p.is_file() and p.name.lower().endswith(SUFFIXES))


def read_folder(folder: Path):
    """(formats seen, documents) of a folder."""
    formats: dict[str, int] = {}
    docs = []
    for p in corpus_files(folder):
        fmt, ds = read_file(p)
        if fmt is None:
            formats["unrecognised"] = formats.get("unrecognised", 0) + 1
            continue
        formats[fmt] = formats.get(fmt, 0) + 1
        docs.extend(ds)
    return formats, docs


# The language of the corpora we know, from a part of their path (for dateparser, and to tell our tagger).
KNOWN_LANGUAGES = {"tbaq": "en", "TimeBank": "en", "AQUAINT": "en", "ftib-dev": "fr", "ftib": "fr",
                   "wikiwars-de-dev": "de", "WikiWarsDE": "de", "wikiwars-ua-dev": "uk", "WikiWarsUA": "uk"}


def folder_language(folder: Path) -> str | None:
    for part in reversed(Path(folder).resolve().parts):
        if part in KNOWN_LANGUAGES:
            return KNOWN_LANGUAGES[part]
    return None
