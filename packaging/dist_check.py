"""Smoke check of the built program (what `make dist-check` and CI run).

    python packaging/dist_check.py [--build-if-missing] [--program PATH] [--onefile]

Runs the frozen program, never the source tree, with QT_QPA_PLATFORM=offscreen and a throw-away
HOME / data folder, and checks:

1. `--version` prints viewer.__version__;
2. `ingest <bundled seeds>` (the seeds/ folder inside the bundle) makes a database;
3. `events --json` lists the seed events, the values 2024-11-18, 2024-09, 2024-SU and 2024-W46-WE among them;
4. `screenshot` writes a PNG of the requested size that is not blank;
5. the readers whose data PyInstaller must bundle work frozen: a saved web page (trafilatura, justext,
   lxml_html_clean), an RSS feed (feedparser), read by two worker processes (`--jobs 2`: spawn re-runs
   the frozen program), and `timex` on English and German text (dateparser's language data, pytz and
   tzdata from tzdb.zip);
   The French and Ukrainian renderings of the seed (tests/data/seed/) give the same four values, each article
   in its detected language, with their countries.
6. `export` writes CSV, JSON and TimelineJS; `synth --events 500` makes a database of 500 events;
7. (not on Windows) no arguments: the window opens, the first start fills the default database in the
   user data folder from the bundled seeds, and the program is still running 3 s later.

Exit code 0 when all pass; 1 with each failure on stderr otherwise. Prints a JSON summary on stdout.
"""
from __future__ import annotations

import argparse
import json
import os
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = "conflict-timeline"
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""
ONEDIR = ROOT / "dist" / APP
PROGRAM = ONEDIR / f"{APP}{EXE_SUFFIX}"
ONEFILE = ROOT / "dist" / f"{APP}-onefile{EXE_SUFFIX}"
SEED_VALUES = {"2024-11-18", "2024-09", "2024-SU", "2024-W46-WE"}
MIN_SEED_EVENTS = 4

HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Kyiv says drone attack hit Kharkiv power station</title>
<meta property="article:published_time" content="2024-11-20T08:30:00Z">
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Kyiv says drone attack hit Kharkiv power station</h1>
<p>Ukrainian officials said on Tuesday that a Russian drone attack overnight had hit a power station in
Kharkiv, leaving thousands of homes without electricity as temperatures fell below freezing.</p>
<p>Last month, Ukraine's energy ministry warned that Russia was preparing a new campaign against the grid
before winter. In September, Kyiv asked its Western partners for more air defence systems.</p>
<p>Poland said on Monday that it had scrambled fighter jets as a precaution during the attack.</p>
</article><footer>Copyright 2024</footer></body></html>
"""

RSS_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>World news</title><link>https://example.org/</link>
<description>World news</description>
<item><title>France and Germany discuss aid to Ukraine</title>
<link>https://example.org/2024/11/19/aid</link>
<pubDate>Tue, 19 Nov 2024 10:00:00 GMT</pubDate>
<description>French and German ministers met in Berlin on Monday to discuss military aid to Ukraine for
next year. Last week, the European Union approved a new package of sanctions against Russia.</description>
</item></channel></rss>
"""


GERMAN = ("Am 24. Februar 2022 begann der Krieg, als die Truppen der Russischen Föderation in die Ukraine "
          "einmarschierten. Die Regierung in Kiew hat sich mit den Partnern beraten, und die Armee ist nicht "
          "zurückgewichen.")


class CheckFailed(Exception):
    pass


# -- PNG reading (no Pillow, no Qt: the check must not borrow the libraries it is checking) -----------

def png_pixels(path: Path) -> tuple[int, int, int, list[bytes]]:
    """(width, height, bytes per pixel, rows of raw pixel bytes) of an 8-bit, non-interlaced PNG."""
    data = path.read_bytes()
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        raise CheckFailed(f"{path}: not a PNG file")
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat.append(chunk)
        elif kind == b"IEND":
            break
        pos += 12 + length
    if header is None:
        raise CheckFailed(f"{path}: PNG without a header")
    width, height, depth, colour, _, _, interlace = header
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace:
        raise CheckFailed(f"{path}: PNG of a kind this check doesn't read (depth {depth}, colour {colour})")
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            up_left = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + ((left + up) >> 1)) & 0xFF
            elif kind == 4:
                p = left + up - up_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                predictor = left if pa <= pb and pa <= pc else (up if pb <= pc else up_left)
                line[i] = (line[i] + predictor) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def png_stats(path: Path) -> dict:
    """Size, number of distinct colours and share of pixels unlike the most common one."""
    width, height, channels, rows = png_pixels(path)
    counts: dict[bytes, int] = {}
    for row in rows:
        for x in range(0, len(row), channels):
            px = row[x:x + channels]
            counts[px] = counts.get(px, 0) + 1
    background = max(counts.values())
    total = width * height
    return {"width": width, "height": height, "colours": len(counts),
            "not_background": round(1 - background / total, 4)}


def check_png(path: Path, size: tuple[int, int]) -> dict:
    if not path.is_file() or path.stat().st_size == 0:
        raise CheckFailed(f"screenshot: no PNG written at {path}")
    stats = png_stats(path)
    if (stats["width"], stats["height"]) != size:
        raise CheckFailed(f"screenshot: {stats['width']}x{stats['height']}, asked for {size[0]}x{size[1]}")
    # A blank window is one colour; the real one has text, lanes, bars: thousands of colours
    # (antialiasing) over a good share of the picture.
    if stats["colours"] < 50 or stats["not_background"] < 0.05:
        raise CheckFailed(f"screenshot looks blank: {stats}")
    return stats


# -- running the program -----------------------------------------------------------------------

def program_env(home: Path) -> dict:
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_DATA_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"), XDG_CACHE_HOME=str(home / "cache"),
               APPDATA=str(home / "data"), LOCALAPPDATA=str(home / "data"), PYTHONIOENCODING="utf-8")
    for name in ("PYTHONPATH", "PYTHONHOME"):  # the frozen program must not see the source tree
        env.pop(name, None)
    return env


def run(program: Path, args: list[str], home: Path, *, timeout: float = 180, stdin: str | None = None,
        ok_codes=(0,)) -> subprocess.CompletedProcess:
    started = time.perf_counter()
    proc = subprocess.run([str(program), *args], cwd=home, env=program_env(home), input=stdin,
                          capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=timeout)
    proc.seconds = time.perf_counter() - started
    if proc.returncode not in ok_codes:
        raise CheckFailed(f"`{program.name} {' '.join(args)}` exited {proc.returncode}\n"
                          f"--- stderr ---\n{proc.stderr[-4000:]}\n--- stdout ---\n{proc.stdout[-2000:]}")
    return proc


def bundled_seeds(program: Path) -> Path:
    """seeds/ inside the bundle (onedir: next to the program, under the contents folder)."""
    for candidate in (program.parent / "_internal" / "seeds", program.parent / "seeds",
                      program.parent.parent / "Resources" / "seeds"):
        if candidate.is_dir() and any(candidate.iterdir()):
            return candidate
    raise CheckFailed(f"no seeds/ folder in the bundle next to {program}")


def event_lines(text: str) -> list[dict]:
    events = []
    for line in text.splitlines():
        if line.strip():
            try:
                events.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise CheckFailed(f"events --json printed a line that isn't JSON: {line[:200]!r} ({exc})")
    return events


def check_program(program: Path, *, seeds: Path | None = None, readers: bool = True) -> dict:
    """Every check on one built program; returns a summary, raises CheckFailed on the first failure."""
    program = Path(program).resolve()  # it runs with the temporary folder as working directory
    if not program.is_file():
        raise CheckFailed(f"{program}: no such program (build it with `make dist`)")
    summary: dict = {"program": str(program)}
    with tempfile.TemporaryDirectory(prefix="ct-dist-check-") as tmp:
        home = Path(tmp)
        db = home / "seeds.db"

        version = run(program, ["--version"], home).stdout.strip()
        expected = _source_version()
        if expected and version != expected:
            raise CheckFailed(f"--version printed {version!r}, viewer/__init__.py says {expected!r}")
        summary["version"] = version

        seeds = seeds or bundled_seeds(program)
        proc = run(program, ["ingest", str(seeds), "--db", str(db)], home)
        summary["ingest_s"] = round(proc.seconds, 2)

        events = event_lines(run(program, ["events", "--db", str(db), "--json"], home).stdout)
        values = {e.get("value") for e in events}
        if len(events) < MIN_SEED_EVENTS or not SEED_VALUES <= values:
            raise CheckFailed(f"events --json: {len(events)} events with values {sorted(map(str, values))}; "
                              f"expected at least {MIN_SEED_EVENTS} with {sorted(SEED_VALUES)}")
        summary["seed_events"] = len(events)
        summary["seed_values"] = sorted(values & SEED_VALUES)

        png = home / "screenshot.png"
        proc = run(program, ["screenshot", "--db", str(db), "--out", str(png), "--size", "1200x700"], home)
        summary["screenshot_s"] = round(proc.seconds, 2)
        summary["screenshot"] = check_png(png, (1200, 700))

        summary["export"] = check_export_and_synth(program, home, db)
        if readers:
            summary["readers"] = check_readers(program, home)
            summary["languages"] = check_languages(program, home)
        if sys.platform != "win32":  # platformdirs ignores %APPDATA% there: the database can't be found
            summary["first_start"] = check_first_start(program, home)
    return summary


def check_export_and_synth(program: Path, home: Path, db: Path) -> dict:
    """`export` in its three formats, and `synth` (numpy.random, the store's bulk writer)."""
    sizes = {}
    for fmt in ("csv", "json", "timelinejs"):
        out = home / f"export.{fmt}"
        run(program, ["export", "--db", str(db), "--format", fmt, "--out", str(out)], home)
        if not out.is_file() or out.stat().st_size < 100:
            raise CheckFailed(f"export --format {fmt}: nothing written to {out}")
        sizes[fmt] = out.stat().st_size
    json.loads((home / "export.json").read_text(encoding="utf-8"))
    json.loads((home / "export.timelinejs").read_text(encoding="utf-8"))
    synth = home / "synth.db"
    run(program, ["synth", "--events", "500", "--db", str(synth)], home)
    count = len(event_lines(run(program, ["events", "--db", str(synth), "--json"], home).stdout))
    if count < 500:
        raise CheckFailed(f"synth --events 500 made {count} events")
    return {"bytes": sizes, "synth_events": count}


def default_db(home: Path) -> Path:
    """Where platformdirs puts the default database under this HOME (see program_env)."""
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / APP / "timeline.db"
    return home / "data" / APP / "timeline.db"


def check_first_start(program: Path, home: Path, *, alive_for: float = 3.0, timeout: float = 120) -> dict:
    """No arguments: the window opens and, on a first start, the bundled seeds fill the default database.

    Waits until `events` (run alongside, read-only) lists the seed events in the default database, then
    requires the program to be still running `alive_for` seconds later (a crash on showing the window
    would end it), then terminates it.
    """
    db = default_db(home)
    started = time.perf_counter()
    proc = subprocess.Popen([str(program)], cwd=home, env=program_env(home), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, encoding="utf-8", errors="replace")
    seen, events, last_look = None, [], 0.0
    try:
        while time.perf_counter() - started < timeout:
            if proc.poll() is not None:
                out, err = proc.communicate()
                raise CheckFailed(f"the window (no arguments) exited {proc.returncode} on its own\n"
                                  f"--- stderr ---\n{err[-4000:]}")
            now = time.perf_counter()
            if seen is None and db.is_file() and now - last_look > 0.5:
                last_look = now
                look = subprocess.run([str(program), "events", "--db", str(db), "--json"], cwd=home,
                                      env=program_env(home), capture_output=True, text=True,
                                      encoding="utf-8", errors="replace", timeout=60)
                if look.returncode == 0:
                    events = event_lines(look.stdout)
                    if SEED_VALUES <= {e.get("value") for e in events}:
                        seen = time.perf_counter()
            if seen is not None and time.perf_counter() - seen >= alive_for:
                break
            time.sleep(0.1)
        else:
            raise CheckFailed(f"the window (no arguments): the seed events weren't in {db} after {timeout:.0f} s "
                              f"(last look: {events})")
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.communicate(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.communicate()
    return {"default_db_events": len(events), "seeds_in_db_after_s": round(seen - started, 2)}


def check_readers(program: Path, home: Path) -> dict:
    """The readers that need bundled data: trafilatura (HTML), feedparser (RSS), dateparser + tzdata."""
    inputs = home / "inputs"
    inputs.mkdir()
    (inputs / "page.html").write_text(HTML_PAGE, encoding="utf-8")
    (inputs / "feed.rss").write_text(RSS_FEED, encoding="utf-8")
    db = home / "readers.db"
    # --jobs 2: worker processes are started with "spawn", i.e. by re-running the frozen program
    # (packaging/conflict_timeline.py calls multiprocessing.freeze_support() for this).
    run(program, ["ingest", str(inputs), "--db", str(db), "--jobs", "2"], home)
    articles = event_lines(run(program, ["articles", "--db", str(db), "--json"], home).stdout)
    published = sorted(a.get("published") or "" for a in articles)
    if len(articles) != 2 or published != ["2024-11-19", "2024-11-20"]:
        raise CheckFailed(f"reading a web page and a feed: articles {articles}")
    timexes = event_lines(run(program, ["timex", "--dct", "2024-11-18", "-"], home,
                              stdin="The talks resumed on 3 March 2023 and again last weekend.").stdout)
    values = {t.get("value") for t in timexes}
    if "2023-03-03" not in values:
        raise CheckFailed(f"timex: no 2023-03-03 among {timexes}")
    # A German text goes through dateparser (its per-language data is imported by name at run time, and
    # it imports pytz and tzlocal/zoneinfo from tzdb.zip). The tagger swallows dateparser's failures, so
    # only the value shows whether it works.
    german = event_lines(run(program, ["timex", "--dct", "2024-11-18", "-"], home, stdin=GERMAN).stdout)
    if "2022-02-24" not in {t.get("value") for t in german}:
        raise CheckFailed(f"timex on a German text (dateparser): no 2022-02-24 among {german}")
    return {"articles": len(articles), "timex_values": sorted(map(str, values)), "dateparser_de": "2022-02-24"}


LANGUAGE_SEEDS = ROOT / "tests" / "data" / "seed"


def check_languages(program: Path, home: Path) -> dict:
    """The seed article in French and in Ukrainian (tests/data/seed/), ingested by the built program with no
    publication date: each is stored in its detected language with the four dated events of the English
    one (the languages' data files, the detector's model and CLDR's names must all be in the bundle)."""
    inputs = home / "languages"
    inputs.mkdir()
    for code in ("fr", "uk"):
        (inputs / f"seed_{code}.txt").write_bytes((LANGUAGE_SEEDS / f"seed_{code}.txt").read_bytes())
    db = home / "languages.db"
    run(program, ["ingest", str(inputs), "--db", str(db)], home)
    articles = event_lines(run(program, ["articles", "--db", str(db), "--json"], home).stdout)
    languages = {a.get("id"): a.get("language") for a in articles}
    if sorted(map(str, languages.values())) != ["fr", "uk"]:
        raise CheckFailed(f"the French and Ukrainian seeds were stored as languages {languages}")
    events = event_lines(run(program, ["events", "--db", str(db), "--json"], home).stdout)
    found = {}
    for article_id, code in languages.items():
        values = {e.get("value") for e in events if e.get("article_id") == article_id}
        if not SEED_VALUES <= values:
            raise CheckFailed(f"the {code} seed: events {sorted(map(str, values))}, expected {sorted(SEED_VALUES)}")
        countries = {c for e in events if e.get("article_id") == article_id for c in e.get("countries") or ()}
        if not {"FR", "UA", "RU", "DE"} <= countries:
            raise CheckFailed(f"the {code} seed: countries {sorted(countries)}")
        found[code] = sorted(values & SEED_VALUES)
    return found


def _source_version() -> str | None:
    init = ROOT / "viewer" / "__init__.py"
    if not init.is_file():
        return None
    for line in init.read_text(encoding="utf-8").splitlines():
        if line.startswith("__version__"):
            return line.split("=", 1)[1].strip().strip("\"'")
    return None


def newest_source_mtime() -> float:
    """The newest modification time among the files that go into the build."""
    newest = 0.0
    for folder in ("viewer", "resources", "seeds", "packaging"):
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts and path.name != "dist_check.py":
                newest = max(newest, path.stat().st_mtime)
    return max(newest, (ROOT / "build.spec").stat().st_mtime)


def is_stale(program: Path) -> bool:
    return not program.is_file() or program.stat().st_mtime < newest_source_mtime()


def build(mode: str = "onedir") -> None:
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", str(ROOT / "build.spec"),
           "--", "--mode", mode]
    print("building:", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, cwd=ROOT, check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--program", type=Path, default=PROGRAM, help=f"default: {PROGRAM.relative_to(ROOT)}")
    parser.add_argument("--build-if-missing", action="store_true", help="run PyInstaller (onedir) first if needed")
    parser.add_argument("--build-if-stale", action="store_true",
                        help="run PyInstaller (onedir) first if the program is missing or older than the sources")
    parser.add_argument("--onefile", action="store_true", help=f"also check {ONEFILE.relative_to(ROOT)} if it exists")
    parser.add_argument("--no-readers", action="store_true", help="skip the web page/feed/timex checks")
    args = parser.parse_args(argv)

    if (args.build_if_missing and not args.program.is_file()) or (args.build_if_stale and is_stale(args.program)):
        build("onedir")
    results, failed = {}, False
    targets = [("onedir", args.program)]
    if args.onefile and ONEFILE.is_file():
        if is_stale(ONEFILE):
            results["onefile"] = {"program": str(ONEFILE), "skipped": "older than the sources (make dist)"}
        else:
            targets.append(("onefile", ONEFILE))
    for name, program in targets:
        try:
            results[name] = check_program(program, readers=not args.no_readers,
                                          seeds=None if name == "onedir" else ROOT / "seeds")
        except (CheckFailed, subprocess.TimeoutExpired) as exc:
            failed = True
            results[name] = {"program": str(program), "failed": str(exc)}
            print(f"dist-check: {name}: FAILED: {exc}", file=sys.stderr)
    print(json.dumps(results, indent=2))
    if not failed:
        print("dist-check: OK", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
