"""Events out: CSV, JSON, and TimelineJS3 JSON (each event's excerpt as its text, linked to its source)."""
from __future__ import annotations

import csv
import html
import json
import os
import tempfile
from pathlib import Path

CSV_FIELDS = ["id", "earliest", "latest", "value", "type", "granularity", "countries", "title",
              "sentence", "time_text", "reasoning", "article_id", "article_title", "url", "published", "language"]


def _records(store, view_filter=None):
    articles: dict[str, dict] = {}
    for row in store.events(view_filter):
        art = articles.get(row.article_id)
        if art is None:
            art = store.article(row.article_id) or {}
            art = articles[row.article_id] = {k: art.get(k) for k in ("title", "url", "published", "source",
                                                                      "language")}
        yield row, art


def _record_dict(row, art) -> dict:
    return {
        "id": row.id, "earliest": row.earliest, "latest": row.latest, "value": row.value,
        "type": row.type, "granularity": row.granularity, "countries": row.countries,
        "title": row.title, "sentence": row.sentence, "time_text": row.time_text,
        "reasoning": row.reasoning, "article_id": row.article_id, "article_title": art.get("title"),
        "url": art.get("url"), "published": art.get("published"), "language": art.get("language"),
    }


def _tl_date(iso: str) -> dict:
    day = iso.split("T")[0]
    y, m, d = day.split("-")
    out = {"year": str(int(y)), "month": str(int(m)), "day": str(int(d))}
    if "T" in iso:
        hh, mm = iso.split("T")[1].split(":")[:2]
        out.update(hour=str(int(hh)), minute=str(int(mm)))
    return out


def _timelinejs_event(row, art) -> dict:
    text = "<p>" + html.escape(row.sentence) + "</p>"
    if row.reasoning:
        text += "<p><small>" + html.escape(row.reasoning) + "</small></p>"
    url = art.get("url") or ""
    source = art.get("title") or url or art.get("source") or "source"
    if url.startswith(("http://", "https://")):
        text += f'<p><a href="{html.escape(url, quote=True)}">{html.escape(source)}</a></p>'
    else:
        text += f"<p>{html.escape(source)}</p>"
    event = {
        "unique_id": f"event-{row.id}",
        "start_date": _tl_date(row.earliest),
        "text": {"headline": html.escape(row.title or row.time_text), "text": text},
        "group": ", ".join(row.countries) or "—",
        "display_date": row.time_text,
    }
    if row.latest and row.latest != row.earliest:
        event["end_date"] = _tl_date(row.latest)
    return event


def export(store, fmt: str, out: str, view_filter=None) -> int:
    """Write the events of `store` that `view_filter` (a ViewFilter; None: every event) keeps to `out` in
    `fmt`; returns the count. The file appears whole or not at all."""
    target = Path(out)
    fd, tmp = tempfile.mkstemp(prefix=".export-", dir=str(target.parent or Path(".")))
    count = 0
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            if fmt == "csv":
                writer = csv.DictWriter(fh, fieldnames=CSV_FIELDS)
                writer.writeheader()
                for row, art in _records(store, view_filter):
                    rec = _record_dict(row, art)
                    rec["countries"] = " ".join(rec["countries"])
                    writer.writerow(rec)
                    count += 1
            elif fmt == "json":
                records = [_record_dict(row, art) for row, art in _records(store, view_filter)]
                count = len(records)
                json.dump(records, fh, ensure_ascii=False, indent=1)
            elif fmt == "timelinejs":
                events = [_timelinejs_event(row, art) for row, art in _records(store, view_filter) if row.earliest]
                count = len(events)
                json.dump({"title": {"text": {"headline": "Conflict Timeline",
                                              "text": f"{count} dated events"}},
                           "events": events}, fh, ensure_ascii=False, indent=1)
            else:
                raise ValueError(f"unknown export format: {fmt}")
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count
