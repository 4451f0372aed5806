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


def synthesize(n: int, db_path: str, seed: int = 0) -> None:
    """Write `n` synthetic events (and their articles) into a new database at `db_path`."""
    path = Path(db_path)
    if path.exists():
        path.unlink()
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    rng = np.random.default_rng(seed)
    store = Store.open(str(path))

    moments = _moments(rng, n)
    grans = [g for g, _ in _GRAN]
    shares = np.array([s for _, s in _GRAN])
    gran_idx = rng.choice(len(grans), n, p=shares / shares.sum())
    # 1-3 countries per event, ~3% with none.
    n_countries = rng.choice(4, n, p=[0.03, 0.5, 0.35, 0.12])
    p_country = _WEIGHTS / _WEIGHTS.sum()
    picks = rng.choice(len(COUNTRIES), (n, 3), p=p_country)
    actions = rng.integers(0, len(_ACTIONS), n)
    extra = rng.integers(0, 1 << 30, n)

    # Articles: ~8 events each, published a little after their latest event.
    per_article = 8
    n_articles = max(1, (n + per_article - 1) // per_article)
    order = np.argsort(moments, kind="stable")   # articles gather events close in time

    event_rows, country_rows, article_rows, article_country_rows = [], [], [], []
    days = np.floor(moments / 86400.0).astype(np.int64)
    secs = (moments - days * 86400.0).astype(np.int64)
    cache: dict = {}
    day_text: dict = {}
    day_ym: dict = {}
    ordinals = ("first", "second", "third", "fourth")
    lower_first = {}
    gran_list = gran_idx.tolist()
    days_list, secs_list, extra_list, act_list = days.tolist(), secs.tolist(), extra.tolist(), actions.tolist()
    ncount_list, picks_list = n_countries.tolist(), picks.tolist()

    def when_of(gi: int, day: int, sec: int, var: int):
        g = grans[gi]
        if g in ("hour", "minute"):
            dt = day_text.get(day)
            if dt is None:
                d = _EPOCH + timedelta(days=day)
                dt = day_text[day] = (d.date().isoformat(), f"{d.day} {d:%B %Y}")
            iso, human = dt
            hh, mm = sec // 3600, (sec // 60) % 60
            if g == "hour":
                stamp = f"{iso}T{hh:02d}"
                t0 = day * 86400.0 + hh * 3600
                return (stamp, stamp + ":00", stamp + ":00", t0, t0 + 3600, f"at {hh:02d}:00 on {human}")
            stamp = f"{iso}T{hh:02d}:{mm:02d}"
            t0 = day * 86400.0 + hh * 3600 + mm * 60
            return (stamp, stamp, stamp, t0, t0 + 60, f"at {hh:02d}:{mm:02d} on {human}")
        ym = day_ym.get(day)
        if ym is None:
            d = _EPOCH + timedelta(days=day)
            ym = day_ym[day] = (d.year, d.month)
        y, m = ym
        if g == "day":
            key = (gi, day)
        elif g in ("week", "weekend"):
            key = (gi, (day + 3) // 7)
        elif g == "month":
            key = (gi, y, m)
        elif g == "quarter":
            key = (gi, y, (m - 1) // 3)
        elif g == "half":
            key = (gi, y, (m - 1) // 6)
        elif g == "year":
            key = (gi, y)
        elif g == "decade":
            key = (gi, y // 10)
        else:
            key = (gi, y, var)
        got = cache.get(key)
        if got is None:
            d = _EPOCH + timedelta(days=day)
            value, earliest, latest = _interval(g, d, var)
            t0, t1 = _seconds(earliest, latest, g)
            when = _TIME_WORDS[g].format(d=d, season=_SEASONS[var % 4][1], ordinal=ordinals[(d.month - 1) // 3],
                                         half="first" if d.month <= 6 else "second", dec=d.year // 10 * 10)
            got = cache[key] = (value, earliest, latest, t0, t1, when)
        return got

    phrases: dict = {}     # (country picks, action) -> the words of an event, computed once
    reasons = [f"absolute {g} expression" for g in grans]
    with bulk_writer(store) as writer:
        for a in range(n_articles):
            if len(article_rows) >= _FLUSH_ARTICLES:     # keep memory flat: write as we go
                writer.add(article_rows, article_country_rows, event_rows, country_rows)
                for rows in (article_rows, article_country_rows, event_rows, country_rows):
                    rows.clear()
            members = order[a * per_article:(a + 1) * per_article].tolist()
            sentences, codes_in_article = [], []
            offset = 0
            article_id = hashlib.sha256(f"{seed}:{a}".encode()).hexdigest()[:16]
            pub = None
            head = None
            for i in members:
                gi = gran_list[i]
                g = grans[gi]
                var = extra_list[i]
                value, earliest, latest, t0, t1, when = when_of(gi, days_list[i], secs_list[i], var % 4)
                row_picks = picks_list[i]
                key = (tuple(row_picks[:ncount_list[i]]), act_list[i])
                got = phrases.get(key)
                if got is None:
                    got = phrases[key] = _phrase(row_picks[:ncount_list[i]], act_list[i])
                codes, title, body, spots, codes_text = got
                lead = when[0].upper() + when[1:]
                sentence = f"{lead}, {body}."
                start = offset
                sentences.append(sentence)
                offset += len(sentence) + 1
                codes_in_article += codes
                base = start + len(lead) + 2
                mentions = "[" + ", ".join(f'[{base + a}, {base + b}, "{c}"]' for a, b, c in spots) + "]"
                event_rows.append((article_id, start, start + len(sentence), sentence, start, start + len(when),
                                   when, "TIME" if gi >= 9 else "DATE", value, earliest, latest, t0, t1, g, None,
                                   reasons[gi], None, title, codes_text, mentions))
                country_rows.append(codes)
                pub = t1 if pub is None else max(pub, t1)
                head = head or title
            text = " ".join(sentences)
            published = (_EPOCH + timedelta(seconds=float(pub) + 86400 * (extra_list[members[0]] % 5))).date().isoformat()
            article_rows.append((article_id, f"https://news.example.org/{article_id}", head,
                                 "synthetic", text, published, "given", "en", "2025-01-01T00:00:00+00:00"))
            for c in dict.fromkeys(codes_in_article):
                article_country_rows.append((article_id, c))
        writer.add(article_rows, article_country_rows, event_rows, country_rows)
    store.close()
