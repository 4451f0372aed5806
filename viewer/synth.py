"""A realistic synthetic database for benchmarks and tests (``python -m viewer synth``).

Events are spread over decades (denser in recent years, in bursts like real wars), with a mix of
granularities whose TIMEX3 values, inclusive ISO bounds and [t0, t1) seconds agree with what the tagger
and `viewer.store.interval_seconds` produce. Each event names 1-3 of ~25 countries (a few none), belongs to an
article whose text holds its sentence at the stored offsets, and is searchable through the FTS index.

Everything is generated with numpy and written in a few big ``executemany`` calls inside one transaction.
"""
from __future__ import annotations

import calendar
import hashlib
import multiprocessing
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np

from viewer.store import Store, interval_seconds
from viewer.store.timeline import bulk_writer

COUNTRIES = ("UA", "RU", "US", "FR", "DE", "GB", "PL", "BY", "CN", "TR", "IL", "PS", "IR", "SY",
             "LB", "YE", "SA", "SD", "ET", "ML", "AF", "IQ", "AM", "AZ", "GE", "KP")
_NAMES = {
    "UA": ("Ukraine", "Kyiv", "Ukrainian"), "RU": ("Russia", "Moscow", "Russian"),
    "US": ("the United States", "Washington", "US"), "FR": ("France", "Paris", "French"),
    "DE": ("Germany", "Berlin", "German"), "GB": ("Britain", "London", "British"),
    "PL": ("Poland", "Warsaw", "Polish"), "BY": ("Belarus", "Minsk", "Belarusian"),
    "CN": ("China", "Beijing", "Chinese"), "TR": ("Turkey", "Ankara", "Turkish"),
    "IL": ("Israel", "Jerusalem", "Israeli"), "PS": ("Palestine", "Gaza", "Palestinian"),
    "IR": ("Iran", "Tehran", "Iranian"), "SY": ("Syria", "Damascus", "Syrian"),
    "LB": ("Lebanon", "Beirut", "Lebanese"), "YE": ("Yemen", "Sanaa", "Yemeni"),
    "SA": ("Saudi Arabia", "Riyadh", "Saudi"), "SD": ("Sudan", "Khartoum", "Sudanese"),
    "ET": ("Ethiopia", "Addis Ababa", "Ethiopian"), "ML": ("Mali", "Bamako", "Malian"),
    "AF": ("Afghanistan", "Kabul", "Afghan"), "IQ": ("Iraq", "Baghdad", "Iraqi"),
    "AM": ("Armenia", "Yerevan", "Armenian"), "AZ": ("Azerbaijan", "Baku", "Azerbaijani"),
    "GE": ("Georgia", "Tbilisi", "Georgian"), "KP": ("North Korea", "Pyongyang", "North Korean"),
}
# Country popularity (a few dominate, as in real coverage).
_WEIGHTS = np.array([30, 28, 14, 8, 7, 7, 6, 4, 5, 4, 10, 8, 6, 5, 4, 3, 3, 3, 2, 2, 3, 4, 2, 2, 2, 2],
                    dtype=float)

# granularity, share, TIMEX3 type
_GRAN = (("day", 0.46), ("month", 0.14), ("year", 0.08), ("season", 0.05), ("week", 0.04),
         ("weekend", 0.03), ("quarter", 0.03), ("half", 0.02), ("decade", 0.01), ("hour", 0.09),
         ("minute", 0.05))

_ACTIONS = ("warned", "met", "shelled", "signed an accord with", "imposed sanctions on", "accused",
            "struck", "held talks with", "recalled their ambassador from", "sent weapons to",
            "launched drones against", "condemned", "opened a corridor with", "evacuated civilians near",
            "mobilised troops near", "exchanged prisoners with", "blocked grain exports to",
            "announced aid for", "closed their airspace to", "recognised")
_SOLO = ("reported attacks on the front line", "declared a state of emergency", "mobilised reservists",
         "reported civilian casualties", "closed the border", "opened an inquiry into the strikes",
         "announced new air defences", "held a press conference on the offensive",
         "evacuated a border town", "restored power to the capital")
_TIME_WORDS = {"day": "on {d:%-d %B %Y}", "month": "in {d:%B %Y}", "year": "in {d:%Y}",
               "season": "in the {season} of {d:%Y}", "week": "in the week of {d:%-d %B %Y}",
               "weekend": "over the weekend of {d:%-d %B %Y}", "quarter": "in the {ordinal} quarter of {d:%Y}",
               "half": "in the {half} half of {d:%Y}", "decade": "in the {dec}s",
               "hour": "at {d:%H}:00 on {d:%-d %B %Y}", "minute": "at {d:%H:%M} on {d:%-d %B %Y}"}
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_FLUSH_ARTICLES = 8192
_PARALLEL_MIN = 200_000      # events: below this, a worker process costs more than it saves
_SEASONS = (("WI", "winter", 12), ("SP", "spring", 3), ("SU", "summer", 6), ("FA", "autumn", 9))


def _interval(gran: str, d: datetime, rng_val: int) -> tuple[str, str, str]:
    """(TIMEX3 value, earliest, latest) of a `gran` expression around the moment `d`."""
    y, m = d.year, d.month
    if gran == "day":
        s = d.date().isoformat()
        return s, s, s
    if gran == "hour":
        s = d.strftime("%Y-%m-%dT%H")
        return s, s + ":00", s + ":00"
    if gran == "minute":
        s = d.strftime("%Y-%m-%dT%H:%M")
        return s, s, s
    if gran == "month":
        last = calendar.monthrange(y, m)[1]
        return f"{y:04d}-{m:02d}", f"{y:04d}-{m:02d}-01", f"{y:04d}-{m:02d}-{last:02d}"
    if gran == "year":
        return f"{y:04d}", f"{y:04d}-01-01", f"{y:04d}-12-31"
    if gran == "decade":
        dec = y // 10 * 10
        return f"{dec // 10:03d}X", f"{dec:04d}-01-01", f"{dec + 9:04d}-12-31"
    if gran == "quarter":
        q = (m - 1) // 3
        end = datetime(y + (q == 3), (q * 3 + 3) % 12 + 1, 1) - timedelta(days=1)
        return f"{y:04d}-Q{q + 1}", f"{y:04d}-{q * 3 + 1:02d}-01", end.date().isoformat()
    if gran == "half":
        h = (m - 1) // 6
        return (f"{y:04d}-H{h + 1}", f"{y:04d}-{h * 6 + 1:02d}-01",
                f"{y:04d}-06-30" if h == 0 else f"{y:04d}-12-31")
    if gran == "season":
        code, _, start_month = _SEASONS[rng_val % 4]
        if code == "WI":   # winter of Y: December Y .. end of February Y+1
            end = datetime(y + 1, 3, 1) - timedelta(days=1)
            return f"{y:04d}-WI", f"{y:04d}-12-01", end.date().isoformat()
        end = datetime(y, start_month + 3, 1) - timedelta(days=1)
        return f"{y:04d}-{code}", f"{y:04d}-{start_month:02d}-01", end.date().isoformat()
    if gran in ("week", "weekend"):
        iy, iw, _ = d.isocalendar()
        monday = datetime.fromisocalendar(iy, iw, 1)
        if gran == "week":
            return (f"{iy:04d}-W{iw:02d}", monday.date().isoformat(),
                    (monday + timedelta(days=6)).date().isoformat())
        return (f"{iy:04d}-W{iw:02d}-WE", (monday + timedelta(days=5)).date().isoformat(),
                (monday + timedelta(days=6)).date().isoformat())
    raise ValueError(gran)


def _seconds(earliest: str, latest: str, gran: str) -> tuple[float, float]:
    return interval_seconds(earliest, latest, gran)


def _phrase(picks, action: int):
    """(codes, title, sentence body, [(start, end, code) of each country's first mention in the body],
    codes joined) for an event naming these countries and doing this action."""
    codes = list(dict.fromkeys(COUNTRIES[c] for c in picks))
    if len(codes) > 1:
        title = f"{_NAMES[codes[0]][2]} officials {_ACTIONS[action]} {_NAMES[codes[1]][0]}"
        if len(codes) > 2:
            title += f" and {_NAMES[codes[2]][0]}"
    elif codes:
        name = _NAMES[codes[0]][0]
        title = f"{name[0].upper()}{name[1:]} {_SOLO[action % len(_SOLO)]}"
    else:
        title = f"Officials {_ACTIONS[action]} the United Nations"
    body = title if codes else "o" + title[1:]
    spots = []
    for c in codes:
        for name in _NAMES[c]:
            k = body.find(name)
            if k >= 0:
                spots.append((k, k + len(name), c))
                break
    return codes, title, body, spots, ",".join(codes)


def _moments(rng: np.random.Generator, n: int) -> np.ndarray:
    """n moments (seconds) over 1975..2025: a thin background plus bursts (wars) of various lengths."""
    lo = (datetime(1975, 1, 1, tzinfo=timezone.utc) - _EPOCH).total_seconds()
    hi = (datetime(2025, 11, 1, tzinfo=timezone.utc) - _EPOCH).total_seconds()
    n_bg = n // 5
    background = lo + (hi - lo) * rng.random(n_bg) ** 0.6       # denser in recent years
    n_bursts = 40
    centres = lo + (hi - lo) * rng.random(n_bursts) ** 0.5
    widths = rng.uniform(20, 900, n_bursts) * 86400.0
    weights = rng.random(n_bursts) ** 2 + 0.05
    which = rng.choice(n_bursts, n - n_bg, p=weights / weights.sum())
    bursts = centres[which] + rng.normal(0, 1, n - n_bg) * widths[which]
    t = np.concatenate([background, np.clip(bursts, lo, hi)])
    rng.shuffle(t)
    return t


# The languages of the synthetic articles (ISO 639-1 as ingest stores them; None: none stored), with
# their shares: the language filter has something to choose among. The texts themselves stay English.
_LANGUAGES = (("en", 40), ("uk", 20), ("ru", 15), ("fr", 8), ("de", 7), ("pl", 5), ("es", 3), (None, 2))
_LANGUAGE_WHEEL = [code for code, share in _LANGUAGES for _ in range(share)]


class _Generator:
    """Rows for a range of articles, from the random draws of a run (deterministic: any process that
    holds the same draws produces the same rows, so chunks can be made in a worker process)."""

    PER_ARTICLE = 8

    def __init__(self, n: int, seed: int):
        rng = np.random.default_rng(seed)
        self.seed = seed
        moments = _moments(rng, n)
        self.grans = [g for g, _ in _GRAN]
        shares = np.array([s for _, s in _GRAN])
        gran_idx = rng.choice(len(self.grans), n, p=shares / shares.sum())
        n_countries = rng.choice(4, n, p=[0.03, 0.5, 0.35, 0.12])     # 1-3 countries, ~3% none
        picks = rng.choice(len(COUNTRIES), (n, 3), p=_WEIGHTS / _WEIGHTS.sum())
        actions = rng.integers(0, len(_ACTIONS), n)
        extra = rng.integers(0, 1 << 30, n)
        self.n_articles = max(1, (n + self.PER_ARTICLE - 1) // self.PER_ARTICLE)
        self.order = np.argsort(moments, kind="stable")      # articles gather events close in time
        days = np.floor(moments / 86400.0).astype(np.int64)
        self.days = days.tolist()
        self.secs = (moments - days * 86400.0).astype(np.int64).tolist()
        self.gran = gran_idx.tolist()
        self.extra = extra.tolist()
        self.action = actions.tolist()
        self.ncount = n_countries.tolist()
        self.picks = picks.tolist()
        self.reasons = [f"absolute {g} expression" for g in self.grans]
        self._cache: dict = {}
        self._day_text: dict = {}
        self._day_ym: dict = {}
        self._phrases: dict = {}

    def when(self, gi: int, day: int, sec: int, var: int):
        """(TIMEX3 value, earliest, latest, t0, t1, words) of a `gi` expression on `day` at `sec`."""
        g = self.grans[gi]
        if g in ("hour", "minute"):
            dt = self._day_text.get(day)
            if dt is None:
                d = _EPOCH + timedelta(days=day)
                dt = self._day_text[day] = (d.date().isoformat(), f"{d.day} {d:%B %Y}")
            iso, human = dt
            hh, mm = sec // 3600, (sec // 60) % 60
            if g == "hour":
                stamp = f"{iso}T{hh:02d}"
                t0 = day * 86400.0 + hh * 3600
                return (stamp, stamp + ":00", stamp + ":00", t0, t0 + 3600, f"at {hh:02d}:00 on {human}")
            stamp = f"{iso}T{hh:02d}:{mm:02d}"
            t0 = day * 86400.0 + hh * 3600 + mm * 60
            return (stamp, stamp, stamp, t0, t0 + 60, f"at {hh:02d}:{mm:02d} on {human}")
        ym = self._day_ym.get(day)
        if ym is None:
            d = _EPOCH + timedelta(days=day)
            ym = self._day_ym[day] = (d.year, d.month)
        y, m = ym
        key = {"day": (gi, day), "week": (gi, (day + 3) // 7), "weekend": (gi, (day + 3) // 7),
               "month": (gi, y, m), "quarter": (gi, y, (m - 1) // 3), "half": (gi, y, (m - 1) // 6),
               "year": (gi, y), "decade": (gi, y // 10)}.get(g, (gi, y, var))
        got = self._cache.get(key)
        if got is None:
            d = _EPOCH + timedelta(days=day)
            value, earliest, latest = _interval(g, d, var)
            t0, t1 = _seconds(earliest, latest, g)
            words = _TIME_WORDS[g].format(d=d, season=_SEASONS[var % 4][1],
                                          ordinal=("first", "second", "third", "fourth")[(d.month - 1) // 3],
                                          half="first" if d.month <= 6 else "second", dec=d.year // 10 * 10)
            got = self._cache[key] = (value, earliest, latest, t0, t1, words)
        return got

    def articles(self, first: int, stop: int):
        """(articles, article_countries, events, event_countries) rows for articles [first, stop)."""
        article_rows, article_country_rows, event_rows, country_rows = [], [], [], []
        per = self.PER_ARTICLE
        grans, reasons = self.grans, self.reasons
        for a in range(first, stop):
            members = self.order[a * per:(a + 1) * per].tolist()
            sentences, codes_in_article = [], []
            offset = 0
            article_id = hashlib.sha256(f"{self.seed}:{a}".encode()).hexdigest()[:16]
            pub = None
            head = None
            for i in members:
                gi = self.gran[i]
                g = grans[gi]
                value, earliest, latest, t0, t1, when = self.when(gi, self.days[i], self.secs[i], self.extra[i] % 4)
                row_picks = self.picks[i][:self.ncount[i]]
                key = (tuple(row_picks), self.action[i])
                got = self._phrases.get(key)
                if got is None:
                    got = self._phrases[key] = _phrase(row_picks, self.action[i])
                codes, title, body, spots, codes_text = got
                lead = when[0].upper() + when[1:]
                sentence = f"{lead}, {body}."
                start = offset
                sentences.append(sentence)
                offset += len(sentence) + 1
                codes_in_article += codes
                base = start + len(lead) + 2
                mentions = "[" + ", ".join(f'[{base + x}, {base + y}, "{c}"]' for x, y, c in spots) + "]"
                event_rows.append((article_id, start, start + len(sentence), sentence, start, start + len(when),
                                   when, "TIME" if g in ("hour", "minute") else "DATE", value, earliest, latest,
                                   t0, t1, g, None, reasons[gi], None, title, codes_text, mentions))
                country_rows.append(codes)
                pub = t1 if pub is None else max(pub, t1)
                head = head or title
            published = (_EPOCH + timedelta(seconds=float(pub) + 86400 * (self.extra[members[0]] % 5))
                         ).date().isoformat()
            article_rows.append((article_id, f"https://news.example.org/{article_id}", head, "synthetic",
                                 " ".join(sentences), published, "given",
                                 _LANGUAGE_WHEEL[int(article_id[:8], 16) % len(_LANGUAGE_WHEEL)],
                                 "2025-01-01T00:00:00+00:00"))
            for c in dict.fromkeys(codes_in_article):
                article_country_rows.append((article_id, c))
        return article_rows, article_country_rows, event_rows, country_rows


_WORKER_GEN: _Generator | None = None     # the draws, inherited by forked worker processes


def _work(span: tuple[int, int]):
    return _WORKER_GEN.articles(*span)


def synthesize(n: int, db_path: str, seed: int = 0, workers: int = 0) -> None:
    """Write `n` synthetic events (and their articles) into a new database at `db_path`.

    With ``workers`` >= 1 (and n >= 200k, on platforms with fork), rows are generated in forked worker
    processes while this one inserts them; the two halves take about as long, so on an idle 2-core
    machine that nearly halves the time. On a busy one it only adds pickling (measured 29 s against
    23 s for 300k events at a load average of 5.8), hence off by default. Same rows either way."""
    global _WORKER_GEN
    path = Path(db_path)
    if path.exists():
        path.unlink()
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    gen = _Generator(n, seed)
    spans = [(a, min(a + _FLUSH_ARTICLES, gen.n_articles)) for a in range(0, gen.n_articles, _FLUSH_ARTICLES)]
    parallel = (n >= _PARALLEL_MIN and workers >= 1 and len(spans) > 1
                and "fork" in multiprocessing.get_all_start_methods())
    store = Store.open(str(path))
    try:
        with bulk_writer(store) as writer:
            if parallel:
                _WORKER_GEN = gen
                try:
                    with multiprocessing.get_context("fork").Pool(workers) as pool:
                        for rows in pool.imap(_work, spans):
                            writer.add(*rows)
                finally:
                    _WORKER_GEN = None
            else:
                for span in spans:
                    writer.add(*gen.articles(*span))
    finally:
        store.close()
