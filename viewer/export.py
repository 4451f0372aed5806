"""Events out: CSV, JSON, and TimelineJS3 JSON (each event's excerpt as its text, linked to its source).

Every format carries the effective values (the analyst's corrections applied), the review state, the
tags, the note and the star; JSON also carries the machine's original values of what was corrected, so a
correction can be audited."""
from __future__ import annotations

import csv
import html
import io
import json
import os
import sys
import tempfile
from pathlib import Path

CSV_FIELDS = ["id", "earliest", "latest", "value", "type", "granularity", "countries", "title",
              "sentence", "time_text", "reasoning", "article_id", "article_title", "url", "published", "language",
              "languages", "dating", "warnings", "review", "starred", "tags", "note"]


def records(store, view_filter=None, keep=None, include_rejected=False):
    """(event row, its article's title, url, published, source and language with the event's
    `languages` (every report's article language, sorted, NO_LANGUAGE "und" for none), the analyst's
    annotation) of each event `view_filter` and `keep` (a predicate on the event id; None: every one) keep, in time
    order; the rejected ones (not an event) only with `include_rejected`."""
    from viewer.store import NO_LANGUAGE, curation
    notes = curation.annotations(store)
    plain = curation.default_annotation()
    merged = store.report_languages()
    articles: dict[str, dict] = {}
    for row in store.events(view_filter):
        if keep is not None and not keep(row.id):
            continue
        note = notes.get(row.id, plain)
        if note["review"] == "rejected" and not include_rejected:
            continue
        art = articles.get(row.article_id)
        if art is None:
            art = store.article(row.article_id) or {}
            art = articles[row.article_id] = {k: art.get(k) for k in ("title", "url", "published", "source",
                                                                      "language")}
        languages = merged.get(row.id) or [art.get("language") or NO_LANGUAGE]
        yield row, {**art, "languages": languages}, note


def _record_dict(row, art, note) -> dict:
    return {
        "id": row.id, "earliest": row.earliest, "latest": row.latest, "value": row.value,
        "type": row.type, "granularity": row.granularity, "countries": row.countries,
        "title": row.title, "sentence": row.sentence, "time_text": row.time_text,
        "reasoning": row.reasoning, "article_id": row.article_id, "article_title": art.get("title"),
        "url": art.get("url"), "published": art.get("published"), "language": art.get("language"),
        "languages": art.get("languages") or [], "dating": row.dating, "warnings": row.warnings,
        "review": note["review"], "starred": note["starred"], "tags": note["tags"],
        "note": note["note"],
    }


def _json_record(row, art, note) -> dict:
    """The record, and the machine's original values of what the analyst corrected (date, countries,
    title; {} for an event nobody corrected), why it was rejected, what a re-tag flagged."""
    rec = _record_dict(row, art, note)
    machine = {}
    for name, value in note["machine"].items():
        if name == "date":
            machine.update({k: value.get(k) for k in ("value", "earliest", "latest", "granularity", "type",
                                                      "mod", "reasoning", "anchor")})
        else:
            machine[name] = value
    rec["machine"] = machine
    rec["reason"] = note["reason"] if note["review"] == "rejected" else None
    rec["flag"] = note["flag"]
    return rec


def _tl_date(iso: str) -> dict:
    day = iso.split("T")[0]
    y, m, d = day.split("-")
    out = {"year": str(int(y)), "month": str(int(m)), "day": str(int(d))}
    if "T" in iso:
        hh, mm = iso.split("T")[1].split(":")[:2]
        out.update(hour=str(int(hh)), minute=str(int(mm)))
    return out


def _timelinejs_event(row, art, note) -> dict:
    text = "<p>" + html.escape(row.sentence) + "</p>"
    if row.reasoning:
        text += "<p><small>" + html.escape(row.reasoning) + "</small></p>"
    if note["note"]:
        text += "<p><em>Note:</em> " + html.escape(note["note"]) + "</p>"
    if note["review"] != "unreviewed" or note["tags"]:
        bits = [f"review: {note['review']}"] + ([f"tags: {', '.join(note['tags'])}"] if note["tags"] else [])
        text += "<p><small>" + html.escape("; ".join(bits)) + "</small></p>"
    url = art.get("url") or ""
    source = art.get("title") or url or art.get("source") or "source"
    if url.startswith(("http://", "https://")):
        text += f'<p><a href="{html.escape(url, quote=True)}">{html.escape(source)}</a></p>'
    else:
        text += f"<p>{html.escape(source)}</p>"
    event = {
        "unique_id": f"event-{row.id}",
        "start_date": _tl_date(row.earliest),
        "text": {"headline": ("★ " if note["starred"] else "") + html.escape(row.title or row.time_text),
                 "text": text},
        "group": ", ".join(row.countries) or "—",
        "display_date": row.time_text,
    }
    if row.latest and row.latest != row.earliest:
        event["end_date"] = _tl_date(row.latest)
    return event


STDOUT = "-"


def export(store, fmt: str, out: str, view_filter=None, keep=None, include_rejected: bool = False) -> int:
    """Write the events of `store` that `view_filter` (a ViewFilter; None: every event) and `keep` (a
    predicate on the event id, for the analyst's filters; None: every one) keep to `out` in `fmt`; returns
    the count. Events the analyst rejected (not an event) are left out unless `include_rejected`. The file
    appears whole or not at all. `out` "-" is standard output (UTF-8), for these text formats only."""
    if fmt not in ("csv", "json", "timelinejs"):
        raise ValueError(f"unknown export format: {fmt}")
    chosen = records(store, view_filter, keep, include_rejected)
    if out == STDOUT:
        return _export_to_stdout(fmt, chosen)
    target = Path(out)
    fd, tmp = tempfile.mkstemp(prefix=".export-", dir=str(target.parent or Path(".")))
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            count = _write(fh, fmt, chosen)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count


def _export_to_stdout(fmt: str, chosen) -> int:
    """Write to standard output as UTF-8 bytes whatever the terminal's locale (CSV rows end in CRLF as
    in the file)."""
    sys.stdout.flush()
    raw = sys.stdout.buffer
    stream = io.TextIOWrapper(raw, encoding="utf-8", newline="")
    try:
        count = _write(stream, fmt, chosen)
        stream.flush()
    finally:
        stream.detach()          # standard output stays open for the caller
    return count


def _write(fh, fmt: str, chosen) -> int:
    count = 0
    if fmt == "csv":
        writer = csv.DictWriter(fh, fieldnames=CSV_FIELDS)
        writer.writeheader()
        for row, art, note in chosen:
            rec = _record_dict(row, art, note)
            rec["countries"] = " ".join(rec["countries"])
            rec["languages"] = " ".join(rec["languages"])
            rec["tags"] = "; ".join(rec["tags"])
            rec["warnings"] = " ".join(rec["warnings"])
            rec["starred"] = "yes" if rec["starred"] else ""
            writer.writerow(rec)
            count += 1
    elif fmt == "json":
        out = [_json_record(row, art, note) for row, art, note in chosen]
        count = len(out)
        json.dump(out, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    elif fmt == "timelinejs":
        events = [_timelinejs_event(row, art, note) for row, art, note in chosen if row.earliest]
        count = len(events)
        json.dump({"title": {"text": {"headline": "Conflict Timeline",
                                      "text": f"{count} dated events"}},
                   "events": events}, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    return count
