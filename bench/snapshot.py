"""Save what the tagger and the event builder produce today, so a redesign can be diffed against it.

    python bench/snapshot.py OUT.jsonl [CORPUS_DIR ...]
    diff <(python bench/snapshot.py /dev/stdout) OUT.jsonl      # or: python bench/snapshot.py NEW && diff OLD NEW

One JSON object per line, in a fixed order:
- ``{"kind": "timex", "doc": ..., "timexes": [...]}`` for every TimeML file (the tagger with the file's
  document creation time, as bench/tempeval.py runs it), TimeBank and AQUAINT under ../shared/corpora/tbaq
  by default (skipped when absent), followed by that file's events (its creation time as the publication date);
- ``{"kind": "events", "doc": ..., "published": ..., "countries": [...], "events": [...]}`` for every
  article under seeds/ and every text file under tests/ (the event builder with no publication date given).

Nothing here is scored: it is a record of behaviour. Writes only OUT.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from tempeval import DEFAULT, parse_tml  # noqa: E402

from viewer.events import article_events  # noqa: E402
from viewer.model import Article  # noqa: E402
from viewer.sources import ReadError, read_path  # noqa: E402
from viewer.timex import tag  # noqa: E402


def _timex_lines(dirs: list[Path]):
    for folder in dirs:
        for path in sorted(folder.glob("*.tml")):
            parsed = parse_tml(path)
            if parsed is None:
                continue
            text, dct, _gold = parsed
            doc = f"{folder.name}/{path.name}"
            yield {"kind": "timex", "doc": doc, "timexes": [e.to_json() for e in tag(text, dct)]}
            article = Article(id=doc, url=None, title=None, text=text,
                              published=dct.isoformat() if dct else None)
            yield _events_line(doc, article)


def _events_line(doc: str, article: Article) -> dict:
    article, events, countries = article_events(article)
    return {"kind": "events", "doc": doc, "published": article.published, "countries": countries,
            "events": [{"title": e.title, "sentence": [e.sentence_start, e.sentence_end],
                        "countries": e.countries, "time": e.time.to_json() if e.time else None,
                        **({"dating": e.dating} if getattr(e, "dating", "written") != "written" else {})}
                       for e in events]}


def _event_lines(paths: list[Path]):
    for path in paths:
        for item in read_path(str(path)):
            if isinstance(item, ReadError):
                continue
            yield _events_line(path.relative_to(ROOT).as_posix(), item)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("dirs", nargs="*", type=Path)
    args = ap.parse_args(argv)
    dirs = args.dirs or [d for d in (DEFAULT / "TimeBank", DEFAULT / "AQUAINT") if d.is_dir()]
    texts = sorted((ROOT / "seeds").glob("*.txt")) + sorted(p for p in (ROOT / "tests").rglob("*.txt"))
    with args.out.open("w", encoding="utf-8") as out:
        for line in (*_timex_lines(dirs), *_event_lines(texts)):
            out.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
