"""The command line: `python -m viewer …`, installed as `conflict-timeline …`.

With no subcommand it opens the window. Exit codes: 0 done; 1 a fault that stopped the work (a database
that can't be opened or written, a file that can't be read); 2 a usage error; 3 the work was done but some
inputs were skipped (each one reported on stderr with its file and line).
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

EXIT_OK, EXIT_FAULT, EXIT_USAGE, EXIT_PARTIAL = 0, 1, 2, 3


def _dct_arg(text: str) -> str:
    """`timex --dct`: a date written any way the tagger reads (loaded only when the option is given)."""
    from viewer.timex import cli as timex_cli
    return timex_cli.dct_arg(text)


def _iso_date(text: str) -> str:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(p) for p in text.lower().split("x"))
        if w < 100 or h < 100 or w > 10000 or h > 10000:
            raise ValueError
        return w, h
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size like 1200x700: {text!r}") from None


def _language(text: str) -> str:
    from viewer.text import language_code
    code = language_code(text)
    if code is None:
        raise argparse.ArgumentTypeError(f"not a language code (ISO 639-1, like fr or uk): {text!r}")
    return code


def _date_range(text: str) -> tuple[str, str]:
    parts = text.split("..")
    if len(parts) != 2:
        raise argparse.ArgumentTypeError(f"not a range like 2024-01-01..2024-12-31: {text!r}")
    return _iso_date(parts[0]), _iso_date(parts[1])


def _checked_by(name: str):
    """An argument type from one of the store's checks (viewer.store.curation.country_code ...): a value
    it refuses is a usage error (exit 2) that names the option."""
    def check(text: str) -> str:
        from viewer.store import StoreInputError, curation
        try:
            return getattr(curation, name)(text)
        except StoreInputError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None
    check.__name__ = name.replace("_", " ")
    return check


def _add_filter_arguments(p: argparse.ArgumentParser) -> None:
    """The event filters `events` and `export` share (read into one ViewFilter by _view_filter)."""
    p.add_argument("--country", action="append", default=[], metavar="CC",
                   help="only events naming this country (ISO 3166-1 alpha-2, or NATO, EU ...); repeatable")
    p.add_argument("--from", dest="date_from", type=_iso_date, metavar="D",
                   help="only events that may fall on or after this date (YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", type=_iso_date, metavar="D",
                   help="only events that may fall on or before this date (YYYY-MM-DD)")
    p.add_argument("--search", metavar="Q", help="only events whose words match (as the window's search)")
    p.add_argument("--lang", dest="languages", action="append", default=[], metavar="CODE",
                   help="only events reported in this language: the article of one of their reports is in it "
                        "(ISO 639-1; 'und': not known); repeatable")
    p.add_argument("--dating", action="append", default=[], choices=["written", "context", "reported"],
                   help="only events dated this way: by a time expression of their own (written), by the time "
                        "the text is at (context), by the article's publication (reported); repeatable")
    p.add_argument("--warnings", dest="checks", action="store_true",
                   help="only events with a date warning: told in the past but dated after the article's "
                        "publication, a weekday that is not their date's, reports that disagree on the date")
    p.add_argument("--reviewed", action="store_true",
                   help="only events the analyst reviewed (confirmed, corrected, or rejected with --all)")
    p.add_argument("--starred", action="store_true", help="only starred events")
    p.add_argument("--tag", dest="tags", action="append", default=[], metavar="T",
                   help="only events tagged T (without regard to case); repeatable: every tag given")
    p.add_argument("--all", dest="include_rejected", action="store_true",
                   help="also the events the analyst rejected (not an event)")
    p.add_argument("--view", metavar="NAME",
                   help="the filters of a view saved in the window (View > Saved views; list them with "
                        "`views`); the other filters given narrow it further")


def _check_dates(store, ids=(), *, article_id: str | None = None) -> None:
    """Work out the date warnings of the events a command wrote or changed (viewer.checks.refresh)."""
    from viewer import checks
    checks.refresh(store, ids, article_id=article_id)


def _check_dates_in(db: str, ids=(), *, article_id: str | None = None) -> None:
    from viewer.store import Store
    store = Store.open(db)
    try:
        _check_dates(store, ids, article_id=article_id)
    finally:
        store.close()


def _view_filter(args, store=None):
    """The ViewFilter of the filter arguments (see _add_filter_arguments); with --view, the saved view's
    filter, each filter argument given taking the place of the view's part (StoreError when the database
    has no view of that name). Rejected events: kept here, left out by `_rejected_too` unless asked for."""
    from dataclasses import replace

    from viewer.model import ViewFilter
    given = {"countries": frozenset(c.strip().upper() for c in args.country) if args.country else None,
             "date_from": args.date_from, "date_to": args.date_to, "search": args.search,
             "languages": frozenset(c.strip().lower() for c in args.languages) if args.languages else None,
             "dating": frozenset(args.dating) if args.dating else None,
             "checks": True if getattr(args, "checks", False) else None}
    base = ViewFilter()
    if getattr(args, "view", None):
        base = _saved_view(store, args.view).filter
    return replace(base, **{k: v for k, v in given.items() if v is not None}, show_rejected=True)


def _saved_view(store, name: str):
    from viewer.store import StoreError, views
    view = views.view(store, name) if store is not None else None
    if view is None:
        known = ", ".join(v.name for v in views.views(store)) if store is not None else ""
        raise StoreError(f"{getattr(store, 'path', '')}: no saved view named “{name}”"
                         + (f" (saved: {known})" if known else " (none saved)"), "missing")
    return view


def _rejected_too(store, args) -> bool:
    """--all, or a saved view that shows the rejected events."""
    return bool(args.include_rejected or (getattr(args, "view", None)
                                          and _saved_view(store, args.view).filter.show_rejected))


def _keep(store, args):
    """The analyst's filters (--reviewed, --starred, --tag) as a predicate on an event id, None when none is
    given (viewer.store.curation.selected_ids); rejected events are left out unless --all (viewer.export)."""
    from viewer.store import curation
    only = curation.selected_ids(store, reviewed=args.reviewed, starred=args.starred, tags=args.tags)
    return None if only is None else only.__contains__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="conflict-timeline",
        description="Dated events from news articles, on an interactive timeline. "
                    "With no command, opens the window.")
    parser.add_argument("--db", help="database file (default: the one in your user data folder)")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("ingest", help="read articles (files, folders, - for stdin) into the database; the "
                                      "summary counts them per language (given by the source, else detected)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--db", dest="db_sub")
    p.add_argument("--published", type=_iso_date, help="publication date for inputs that have none")
    p.add_argument("--jobs", type=int, default=None, help="worker processes (default: one per core)")
    p.add_argument("--max-size", type=_megabytes, default=None, metavar="MB",
                   help="size limit of one article (a file, a dump record or stdin) in MB; larger ones are "
                        "reported and skipped (default: 50); dumps of any size are read record by record")

    p = sub.add_parser("timex", help="find and resolve time expressions; one JSON object per line")
    p.add_argument("file", nargs="?", default="-", metavar="FILE|-")
    p.add_argument("--dct", type=_dct_arg,
                   help="reference (document creation) date, written any way (2009-03-02, 2 March 2009, "
                        "03-02-2009 read in the text's usual order)")
    p.add_argument("--lang", type=_language, metavar="CODE",
                   help="the text's language (ISO 639-1: en, fr, de, uk ...); default: detected from the text")
    p.add_argument("--batch", action="store_true",
                   help='stdin: JSON lines {"id","text","dct","language"} (dct and language may be null or '
                        'absent: inferred, detected); stdout: one result line per input, with the language read')

    p = sub.add_parser("events", help="list events")
    p.add_argument("--db", dest="db_sub")
    _add_filter_arguments(p)
    p.add_argument("--json", action="store_true",
                   help="one JSON object per event (with its article's language, and the languages of all its "
                        "reports)")

    p = sub.add_parser("views", help="list the views saved in the window (View > Saved views)")
    p.add_argument("--db", dest="db_sub")
    p.add_argument("--json", action="store_true",
                   help="one JSON object per view: name, filter, range (ISO days), selected, user, updated")

    p = sub.add_parser("articles", help="list articles")
    p.add_argument("--db", dest="db_sub")
    p.add_argument("--json", action="store_true", help="one JSON object per article (with its language)")

    p = sub.add_parser("screenshot", help="render the main window offscreen to a PNG")
    p.add_argument("--db", dest="db_sub")
    p.add_argument("--out", required=True)
    p.add_argument("--size", type=_size, default=(1200, 700), metavar="WxH")
    p.add_argument("--country", action="append", default=[], metavar="CC")
    p.add_argument("--range", dest="date_range", type=_date_range, metavar="D..D",
                   help="filter the events to these days and show them")
    p.add_argument("--view", dest="view_range", type=_date_range, metavar="D..D",
                   help="show these days, filtering nothing")
    p.add_argument("--theme", choices=["light", "dark", "system"], default="light")
    p.add_argument("--no-select", dest="select", action="store_false",
                   help="select no event (by default the table's first is selected and its excerpt shown)")

    p = sub.add_parser("export", help="write the events out as CSV, JSON or TimelineJS3 JSON")
    p.add_argument("--db", dest="db_sub")
    p.add_argument("--format", required=True, choices=["csv", "json", "timelinejs"])
    p.add_argument("--out", required=True, metavar="FILE", help="the file to write; - for standard output")
    _add_filter_arguments(p)

    p = sub.add_parser("edit", help="correct or annotate an event (its date, countries, title, review state, "
                                    "star, tags, note), merge another into it or split a report out; each "
                                    "run is one edit, undone by `undo`")
    p.add_argument("event_id", type=int, metavar="EVENT_ID")
    p.add_argument("--db", dest="db_sub")
    p.add_argument("--date", metavar="D",
                   help="the event's date: a day, a month, a season, a year or a range (2024-11-17, "
                        "'17 November 2024', 'summer 2024', 2024-11-17..2024-11-20); relative words "
                        "('last Monday') are read against the article's publication date")
    p.add_argument("--add-country", action="append", default=[], metavar="CC", type=_checked_by("country_code"))
    p.add_argument("--remove-country", action="append", default=[], metavar="CC",
                   type=_checked_by("country_code"))
    p.add_argument("--title", metavar="T", type=_checked_by("title_text"))
    review = p.add_mutually_exclusive_group()
    review.add_argument("--confirm", action="store_true", help="review: the machine got it right")
    review.add_argument("--reject", nargs="?", const="", default=None, metavar="REASON",
                        help="review: not an event (hidden unless --all), with why")
    review.add_argument("--unreview", action="store_true", help="review: back to unreviewed")
    star = p.add_mutually_exclusive_group()
    star.add_argument("--star", dest="starred", action="store_const", const=True, default=None)
    star.add_argument("--unstar", dest="starred", action="store_const", const=False)
    p.add_argument("--tag", action="append", default=[], metavar="T", type=_checked_by("tag_text"))
    p.add_argument("--untag", action="append", default=[], metavar="T", type=_checked_by("tag_text"))
    p.add_argument("--note", metavar="TEXT", help="a free-text note ('' removes it)")
    regroup = p.add_mutually_exclusive_group()
    regroup.add_argument("--merge", type=int, metavar="OTHER_ID",
                         help="the two events are one happening: OTHER_ID's reports join EVENT_ID (which keeps "
                              "its id and takes the finer date and both events' countries); alone")
    regroup.add_argument("--split", metavar="REPORT",
                         help="one report is not this happening: it becomes an event of its own; REPORT is its "
                              "number (2 = the second report, in the order they arrived) or its article's id; "
                              "alone")

    p = sub.add_parser("undo", help="undo the last edit (it stays in the history, marked undone)")
    p.add_argument("--db", dest="db_sub")
    p = sub.add_parser("redo", help="redo the edit undone last")
    p.add_argument("--db", dest="db_sub")

    p = sub.add_parser("set-published", help="correct an article's publication date: its relative dates are "
                                             "resolved again; dates set by hand stay")
    p.add_argument("article_id", metavar="ARTICLE_ID")
    p.add_argument("date", metavar="DATE", help="YYYY-MM-DD")
    p.add_argument("--db", dest="db_sub")

    p = sub.add_parser("retag", help="run today's tagger and event builder again over every stored article, "
                                     "keeping the analyst's edits")
    p.add_argument("--db", dest="db_sub")

    p = sub.add_parser("synth", help="write a synthetic database of N events (benchmarks, tests)")
    p.add_argument("--events", type=int, required=True)
    p.add_argument("--db", dest="db_sub", required=True)
    p.add_argument("--seed", type=int, default=0)

    p = sub.add_parser("bench", help="benchmarks")
    p.add_argument("what", choices=["ui"])
    p.add_argument("--events", type=int, default=100_000)
    p.add_argument("--json", action="store_true")
    p.add_argument("--stacking", choices=["off", "on"], default="on",
                   help="stack overlapping marks in sub-rows of their lane (default on)")
    return parser


def _db_path(args) -> str:
    chosen = getattr(args, "db_sub", None) or args.db
    if chosen:
        return chosen
    from viewer.paths import default_db_path
    return str(default_db_path())


def _err(message: str) -> None:
    print(f"conflict-timeline: {message}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    from viewer import langcache
    langcache.install()         # the language model unpacked once per machine, then mapped (every entry point)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.version:
        from viewer import __version__
        print(__version__)
        return EXIT_OK
    command = args.command or "gui"
    handler = globals()[f"cmd_{command.replace('-', '_')}"]
    from viewer.store import StoreError
    try:
        return handler(args)
    except StoreError as exc:
        _err(str(exc))
        return EXIT_FAULT
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:
        _err(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": "))
        return EXIT_FAULT
    except KeyboardInterrupt:
        _err("interrupted")
        return 130


# -- commands ----------------------------------------------------------------------------------

def _no_display() -> bool:
    import os
    return (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"))


def cmd_gui(args) -> int:
    if _no_display():
        _err("no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set). "
             "Run it from a desktop session, or render offscreen with: "
             "conflict-timeline screenshot --db FILE --out timeline.png")
        return EXIT_FAULT
    db = _first_start(args)
    from viewer.ui.app import run_gui
    return run_gui(db)


def _first_start(args) -> str:
    """The database to open. With no --db it is the default one in the user data folder; the first time
    (when it does not exist yet) it is made from the bundled seed articles, for the window and for
    `screenshot` alike."""
    db = _db_path(args)
    if not (args.db or getattr(args, "db_sub", None) or Path(db).exists()):
        from viewer.paths import seeds_dir
        Path(db).parent.mkdir(parents=True, exist_ok=True)
        _ingest([str(seeds_dir())], db, quiet=True)
    return db


def cmd_ingest(args) -> int:
    return _ingest(args.paths, _db_path(args), published=args.published, jobs=args.jobs,
                   max_bytes=args.max_size)


def _megabytes(text: str) -> int:
    try:
        mb = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"size in MB expected, not {text!r}") from None
    if not 0 < mb <= 1024 * 1024:
        raise argparse.ArgumentTypeError(f"size in MB must be above 0, not {text!r}")
    return max(1, int(mb * 1024 * 1024))


def _ingest(paths, db, *, published=None, jobs=None, quiet=False, max_bytes=None) -> int:
    from viewer.ingest import ingest_paths, stop_on_signals
    from viewer.store import Store
    Store.open(db).close()  # fail early, with a clear message, on a database we can't use
    bar = None
    if not quiet:
        from tqdm import tqdm
        bar = tqdm(total=None, unit="article", file=sys.stderr, dynamic_ncols=True,
                   disable=None, smoothing=0.1)

    def progress(done: int, total: int | None) -> None:
        if bar is not None:
            if total is not None and bar.total != total:
                bar.total = total
            bar.n = done
            bar.refresh()

    def on_error(error) -> None:
        where = f"{error.source}:{error.line}" if getattr(error, "line", None) else error.source
        verb = "skipped" if getattr(error, "skipped", True) else "note:"
        message = f"{verb} {where}: {error.message}"
        if bar is not None:
            bar.write(f"conflict-timeline: {message}", file=sys.stderr)
        else:
            _err(message)

    with stop_on_signals() as stop:     # SIGTERM / Ctrl+C: what is read is stored, then a clean stop
        summary = ingest_paths(list(paths), db, published=published, jobs=jobs, progress=progress,
                               on_error=on_error, max_bytes=max_bytes, should_stop=stop)
    if bar is not None:
        bar.close()
    _check_dates_in(db)
    skipped = sum(1 for e in summary.errors if getattr(e, "skipped", True))
    if not quiet:
        print(f"{summary.articles_added} articles added, {summary.articles_skipped} already stored, "
              f"{summary.events_added} events"
              + (f" (+{summary.reports_merged} more reports of known events)"
                 if summary.reports_merged else "")
              + f", {skipped} inputs skipped"
              + (" (stopped early)" if summary.stopped else ""), file=sys.stderr)
        for note in [*summary.language_notes(), *summary.event_notes()]:
            print(note, file=sys.stderr)
    if stop.signum is not None:
        _err(f"stopped by {stop.name}: what was read is stored; run the same command again to read the rest")
        return stop.exit_code
    return EXIT_PARTIAL if skipped else EXIT_OK


def cmd_timex(args) -> int:
    from viewer.timex import cli as timex_cli
    if args.batch:
        timex_cli.run_batch(sys.stdin, sys.stdout)
        return EXIT_OK
    if args.file == "-":
        text = sys.stdin.read()
    else:
        try:
            raw = Path(args.file).read_bytes()
        except OSError as exc:
            _err(f"{args.file}: {exc.strerror}")
            return EXIT_FAULT
        text = raw.decode("utf-8", errors="replace")
    timex_cli.run_file(text, args.dct or None, sys.stdout, language=args.lang)
    return EXIT_OK


def _open_existing(args):
    from viewer.store import Store
    return Store.open(_db_path(args), readonly=True)


def cmd_events(args) -> int:
    from viewer.export import records
    store = _open_existing(args)
    if getattr(args, "checks", False) and store.schema_version() < 8:
        _err(f"{store.path}: made before date warnings were kept (schema {store.schema_version()}): none to list;"
             " open it once for writing (the window, or any edit) to work them out")
    for row, art, a in records(store, _view_filter(args, store), _keep(store, args), _rejected_too(store, args)):
        if args.json:
            print(json.dumps({**row.to_json(), "language": art["language"], "languages": art["languages"],
                              "review": a["review"], "tags": a["tags"],
                              "starred": a["starred"], "note": a["note"]}, ensure_ascii=False))
        else:
            when = row.value if row.earliest is None else (
                row.earliest if row.earliest == row.latest else f"{row.earliest}..{row.latest}")
            warned = f"  [{', '.join(row.warnings)}]" if args.checks and row.warnings else ""
            print(f"{when:<24}  {','.join(row.countries):<10}  {row.title}{warned}")
    store.close()
    return EXIT_OK


class _ArticleLanguages:
    """The stored language of each article, asked of the store once per article."""

    def __init__(self, store):
        self.store = store
        self.known: dict[str, str | None] = {}

    def of(self, article_id: str, row: dict | None = None) -> str | None:
        if row is not None and "language" in row:
            return row["language"]
        if article_id not in self.known:
            article = self.store.article(article_id) or {}
            self.known[article_id] = article.get("language")
        return self.known[article_id]


def cmd_views(args) -> int:
    from viewer.store import seconds_to_iso, views
    store = _open_existing(args)
    try:
        for v in views.views(store):
            f = json.loads(views.filter_json(v.filter))
            shown = {k: val for k, val in f.items() if val not in (None, False)}
            days = [seconds_to_iso(t) for t in v.visible_range] if v.visible_range else None
            if args.json:
                print(json.dumps({"name": v.name, "filter": shown, "range": days, "selected": v.selected,
                                  "user": v.user, "updated": v.updated}, ensure_ascii=False))
            else:
                parts = [f"{k}={','.join(val) if isinstance(val, list) else val}" for k, val in shown.items()]
                print(f"{v.name}\t{' '.join(parts) or 'everything'}\t{'..'.join(days) if days else 'fit all'}")
    finally:
        store.close()
    return EXIT_OK


def cmd_articles(args) -> int:
    store = _open_existing(args)
    languages = _ArticleLanguages(store)
    for row in store.articles():
        if args.json:
            print(json.dumps({**{k: row[k] for k in ("id", "url", "title", "published",
                                                     "published_source", "countries")},
                              "language": languages.of(row["id"], row)},
                             ensure_ascii=False))
        else:
            print(f"{row['published'] or '?':<10}  {row['id']}  {row['title'] or row['source'] or ''}")
    store.close()
    return EXIT_OK


def cmd_screenshot(args) -> int:
    from viewer.export import STDOUT
    if args.out == STDOUT:
        return _no_image_to_stdout("screenshot")
    db = _first_start(args)
    store = _open_existing(args)
    store.close()
    from viewer.ui.app import screenshot
    screenshot(db, args.out, size=args.size,
               countries=[c.upper() for c in args.country] or None, date_range=args.date_range,
               theme=args.theme, view=args.view_range, select=args.select)
    print(args.out)
    return EXIT_OK


def cmd_export(args) -> int:
    from viewer.export import STDOUT, export
    store = _open_existing(args)
    try:
        count = export(store, args.format, args.out, _view_filter(args, store), keep=_keep(store, args),
                       include_rejected=_rejected_too(store, args))
    except BrokenPipeError:
        raise
    except OSError as exc:
        _err(f"{args.out}: {exc.strerror}")
        return EXIT_FAULT
    finally:
        store.close()
    where = "standard output" if args.out == STDOUT else args.out
    print(f"{count} events written to {where}", file=sys.stderr)
    return EXIT_OK


def _no_image_to_stdout(what: str) -> int:
    _err(f"{what}: an image is not written to standard output (--out -); give a file name, "
         "e.g. --out timeline.png. Only the text formats (csv, json, timelinejs) can go to standard output.")
    return EXIT_USAGE


def _change_lines(changes) -> list[str]:
    from viewer.store.curation import describe
    return [f"  {c.field}: {describe(c.field, c.old)} -> {describe(c.field, c.new)}" for c in changes]


def _asks_for_a_change(args) -> bool:
    return (args.confirm or args.unreview or any(v is not None for v in (
        args.date, args.title, args.reject, args.starred, args.note))
        or any((args.add_country, args.remove_country, args.tag, args.untag)))


def _existing_db(args) -> str:
    """The database a command that writes works on; it must exist (an edit never makes a new one)."""
    db = _db_path(args)
    if not Path(db).exists():
        from viewer.store import StoreError
        raise StoreError(f"{db}: no such database", "missing")
    return db


def _open_for_editing(args):
    from viewer.store import Store
    return Store.open(_existing_db(args))


def _merge_or_split(args) -> int:
    from viewer.retag import report_id, split_report
    from viewer.store import curation
    if _asks_for_a_change(args):
        _err("edit: --merge and --split go alone (make the other changes in another edit); nothing was changed")
        return EXIT_USAGE
    store = _open_for_editing(args)
    try:
        if args.merge is not None:
            result = curation.merge(store, args.event_id, args.merge)
        else:
            result = split_report(store, args.event_id, report_id(store, args.event_id, args.split))
        _check_dates(store, [args.event_id, result.event_id])
    finally:
        store.close()
    print(f"event {args.event_id} (edit {result.batch}):")
    print("\n".join(_change_lines(result.changes)))
    return EXIT_OK


def cmd_edit(args) -> int:
    from viewer.retag import DateInputError, edit_event
    from viewer.store import curation
    if args.merge is not None or args.split is not None:
        return _merge_or_split(args)
    if not _asks_for_a_change(args):
        _err("edit: nothing to change; give at least one of --date, --add-country, --remove-country, --title, "
             "--confirm, --reject, --unreview, --star, --unstar, --tag, --untag, --note, --merge, --split")
        return EXIT_USAGE
    review = "confirmed" if args.confirm else "rejected" if args.reject is not None else \
        "unreviewed" if args.unreview else None
    change = curation.Edit(add_countries=args.add_country, remove_countries=args.remove_country,
                           title=args.title, review=review, reason=args.reject or None, starred=args.starred,
                           note=args.note, add_tags=args.tag, remove_tags=args.untag)
    store = _open_for_editing(args)
    try:
        result = edit_event(store, args.event_id, change, date_text=args.date)
        _check_dates(store, [args.event_id])
    except DateInputError as exc:
        _err(f"--date: {exc}; nothing was changed")
        return EXIT_USAGE
    finally:
        store.close()
    if not result.changes:
        print(f"event {args.event_id}: nothing to change")
        return EXIT_OK
    print(f"event {args.event_id} (edit {result.batch}):")
    print("\n".join(_change_lines(result.changes)))
    return EXIT_OK


def _undo_redo(args, undo: bool) -> int:
    from viewer.store import curation
    store = _open_for_editing(args)
    try:
        step = curation.undo(store) if undo else curation.redo(store)
        if step is not None:
            _check_dates(store, [i for i in step["event_ids"] if i is not None])
    finally:
        store.close()
    verb = "undone" if undo else "redone"
    if step is None:
        print(f"nothing to {'undo' if undo else 'redo'}")
        return EXIT_OK
    ids = ", ".join(str(i) for i in step["event_ids"] if i is not None) or "an event no longer found"
    print(f"{verb}: edit {step['batch']} of event {ids} (by {step['user']} at {step['at']})")
    changes = step["changes"] if not undo else [type(c)(c.field, c.new, c.old) for c in step["changes"]]
    print("\n".join(_change_lines(changes)))
    return EXIT_OK


def cmd_undo(args) -> int:
    return _undo_redo(args, True)


def cmd_redo(args) -> int:
    return _undo_redo(args, False)


def _days(n: int | None) -> str:
    if n is None:
        return "no start day to compare"
    if n == 0:
        return "same start"
    unit = "day" if abs(n) == 1 else "days"
    return f"{abs(n)} {unit} {'later' if n > 0 else 'earlier'}"


def cmd_set_published(args) -> int:
    from viewer.retag import DateInputError, set_published
    from viewer.store.curation import describe
    db = _existing_db(args)
    try:
        result = set_published(db, args.article_id, args.date)
    except DateInputError as exc:
        _err(str(exc))
        return EXIT_USAGE
    _check_dates_in(db, article_id=result.article_id)
    print(f"article {result.article_id}: published {result.before or 'unknown'} -> {result.after}")
    if result.retagged:
        print("  its events changed with the new date: every article was tagged again")
    moved = [m for m in result.moved if m.kept or m.days or m.before != m.after]
    for m in moved:
        before, after, machine = (describe("date", d) for d in (m.before, m.after, m.machine))
        if m.kept:
            print(f"  event {m.event_id} {m.title!r}: kept {after} (set by hand); the machine now reads {machine}")
        else:
            print(f"  event {m.event_id} {m.title!r}: {before} -> {after} ({_days(m.days)})")
    if not moved:
        print("  no event moved")
    _print_unplaced(result.unplaced)
    return EXIT_OK


def cmd_retag(args) -> int:
    from viewer.retag import retag
    db = _existing_db(args)
    from tqdm import tqdm
    bar = tqdm(total=None, unit="article", file=sys.stderr, dynamic_ncols=True, disable=None)

    def progress(done: int, total: int) -> None:
        bar.total = total
        bar.n = done
        bar.refresh()

    try:
        result = retag(db, progress=progress)
    finally:
        bar.close()
    _check_dates_in(db)
    r = result.report
    print(f"{result.articles} articles tagged again: {r.events_after} events (were {r.events_before}), "
          f"{r.ids_kept} kept their id; {r.edited_found} edited events found again, {len(r.flagged)} flagged "
          f"for review, {len(r.orphans)} whose sentence is gone")
    for f in r.flagged:
        print(f"  flagged: event {f['event_id']}: {f['flag']}")
    for o in r.orphans:
        fields = sorted({name for name in ("date", "countries", "title") if name in o["machine"]})
        print(f"  not found: {o['key']} (was event {o['was']}): {o['sentence']!r} [{o['time_text'] or ''}]"
              f" review {o['review']}" + (f", corrected {', '.join(fields)}" if fields else ""))
    _print_unplaced(r.unplaced)
    return EXIT_OK


def _print_unplaced(unplaced) -> None:
    """The merges and splits a rebuild could not make again (curation.unplaced), one line each."""
    for u in unplaced:
        missing = "; ".join(f"{m['key']}: {m['sentence']!r} [{m['time_text'] or ''}]" for m in u["missing"])
        print(f"  not made again: edit {u['batch']} ({u['field']}, event {u['event_id'] or 'gone'} "
              f"{u['title']!r}), not found: {missing}")


def cmd_synth(args) -> int:
    from viewer.synth import synthesize
    synthesize(args.events, args.db_sub, seed=args.seed)
    _check_dates_in(args.db_sub)
    return EXIT_OK


def cmd_bench(args) -> int:
    from viewer.ui.bench import run
    result = run(args.events, args.json, stacking=args.stacking)
    if not args.json:
        for key, value in result.items():
            print(f"{key}: {value}")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
