"""The excerpt panel: where an event came from, with the words that carried its date and countries.

Article text is data, never markup: everything from an article is escaped before it reaches the
QTextBrowser, the browser follows no links by itself and loads no resources, and a link to the
source opens (in the system browser) only when clicked and only for http(s) URLs.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import urlparse

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTextBrowser, QWidget

from viewer.events import REPORTED_DAYS, date_warnings
from viewer.merging import disagreements
from viewer.store import StoreError, curation
from viewer.text import as_date
from viewer.ui import formatting as fmt
from viewer.ui import theme

TIME_BG = "#ffe08a"      # the time expression: warm yellow, distinct from every country colour
SEARCH_BG = "#b9e6ff"    # a searched word: light blue, underlined (over a date or a country mark too)
SEARCH_TAG = f'<span style="background-color:{SEARCH_BG}; text-decoration:underline">'


@dataclass(frozen=True)
class Scheme:
    """The colours the reading panes' HTML is written with, for one theme. The page's background is the
    style sheet's (resources/style.qss, mapped by viewer.ui.theme for the dark theme): ``page``."""
    page: str
    text: str            # body text
    strong: str          # the heading, the date, the event's sentence
    soft: str            # secondary text (how the date was read, a note)
    muted: str           # labels (WHEN, DATE), the article line
    faint: str           # neighbouring sentences
    link: str
    box_bg: str          # the WHEN box
    box_border: str
    time_bg: str         # the date words
    time_fg: str
    search_bg: str       # a searched word (underlined too)
    warn: str
    tag_bg: str
    confirmed: str
    corrected: str
    rejected: str
    star: str
    mention_bg_alpha: float    # a country mention's background: its colour over the page, this much
    mention_fg_lift: float     # and its text: the country's colour lightened this much (0: as it is)
    sentence_bg: str     # the article view: the event's sentence
    other_time_bg: str   # the article view: other events' date words


LIGHT = Scheme(page="#ffffff", text="#1f2937", strong="#111827", soft="#374151", muted="#6b7280",
               faint="#9ca3af", link="#2563eb", box_bg="#f3f6fb", box_border="#dbe3ef", time_bg=TIME_BG,
               time_fg="#3d2b00", search_bg=SEARCH_BG, warn="#b45309", tag_bg="#eef2f7", confirmed="#15803d",
               corrected="#1d4ed8", rejected="#b91c1c", star="#d97706", mention_bg_alpha=0.22,
               mention_fg_lift=0.0, sentence_bg="#e8eefc", other_time_bg="#fff3c4")
DARK = Scheme(page="#1f242b", text="#e6edf3", strong="#f0f6fc", soft="#c9d1d9", muted="#9aa5b1",
              faint="#8b949e", link="#58a6ff", box_bg="#262c35", box_border="#3d4550", time_bg="#6b4f00",
              time_fg="#ffe9a8", search_bg="#1f5f8b", warn="#f0b454", tag_bg="#333a44", confirmed="#56d364",
              corrected="#79b8ff", rejected="#ff7b72", star="#f2b84b", mention_bg_alpha=0.30,
              mention_fg_lift=0.55, sentence_bg="#25324a", other_time_bg="#4a3b0f")


def scheme(name: str | None = None) -> Scheme:
    """The colours of a theme ("light" / "dark"; the one in force when not given)."""
    return DARK if (name or theme.current()) == "dark" else LIGHT


def search_tag() -> str:
    """The span opening tag a searched word is wrapped in, in the theme in force."""
    return f'<span style="background-color:{scheme().search_bg}; text-decoration:underline">'
CONTEXT_CHARS = 420      # at most this much neighbouring text on each side

_BOUNDARY = re.compile(r"[.!?…][\"”’)\]]*\s+|\n+")


def _esc(text: str | None) -> str:
    return html.escape(text or "", quote=True)


def tint(hex_colour: str, alpha: float = 0.18, over: str = "#ffffff") -> str:
    """A background version of a colour: ``alpha`` of it over ``over`` (white: a light tint)."""
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    R, G, B = (int(over[i:i + 2], 16) for i in (1, 3, 5))
    mix = lambda c, base: round(base + (c - base) * alpha)  # noqa: E731
    return f"#{mix(r, R):02x}{mix(g, G):02x}{mix(b, B):02x}"


MENTION_CONTRAST = 4.5     # a country mention's text on its background, at least (WCAG's AA for text)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two "#rrggbb" colours (1 to 21)."""
    def lum(h: str) -> float:
        out = []
        for i in (1, 3, 5):
            v = int(h[i:i + 2], 16) / 255
            out.append(v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4)
        return 0.2126 * out[0] + 0.7152 * out[1] + 0.0722 * out[2]
    x, y = sorted((lum(a), lum(b)), reverse=True)
    return (x + 0.05) / (y + 0.05)


def mention_colours(code: str, c: Scheme | None = None) -> tuple[str, str]:
    """(background, text) of a country's mention and chip: the country's colour (as everywhere) over
    the page; as text, the colour itself on a light page (the lanes' and the list's colour, exactly), and
    on a dark one lightened until it reads on that background (MENTION_CONTRAST)."""
    c = c or scheme()
    colour = fmt.country_colour(code)
    bg = tint(colour, c.mention_bg_alpha, c.page)
    if not c.mention_fg_lift:
        return bg, colour
    fg = tint("#ffffff", c.mention_fg_lift, colour)
    step = 0
    while contrast(fg, bg) < MENTION_CONTRAST and step < 10:
        step += 1
        fg = tint("#ffffff", step / 10, fg)
    return bg, fg


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None (no file:, javascript:, data: ...)."""
    if not url:
        return None
    try:
        scheme = urlparse(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def context_bounds(text: str, start: int, end: int, limit: int = CONTEXT_CHARS) -> tuple[int, int]:
    """Start of the sentence before [start, end) and end of the sentence after it, at most `limit`
    characters away."""
    lo = max(0, start - limit)
    before = text[lo:start].rstrip()           # drops the boundary just before `start` ...
    ends = [m.end() for m in _BOUNDARY.finditer(before)]
    c0 = lo + ends[-1] if ends else lo         # ... so the last one left starts the previous sentence
    hi = min(len(text), end + limit)
    after = text[end:hi]
    skip = len(after) - len(after.lstrip())
    m = _BOUNDARY.search(after, skip)
    c1 = end + len(after[:m.end()].rstrip()) if m else hi
    return c0, c1


def search_words(search: str | None) -> list[str]:
    """The words a search looks for, lowered (as the store's full-text query reads them: every word,
    as the start of a word)."""
    out: list[str] = []
    for m in re.finditer(r"\w+", str(search or "")[:10_000]):
        w = m.group().lower()[:64]
        if w not in out:
            out.append(w)
        if len(out) == 32:
            break
    return out


def search_spans(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Where the searched words occur in `text`: (start, end) of each word of the text that starts with
    one of them, case-insensitive, sorted and not overlapping."""
    if not text or not words:
        return []
    spans = []
    for m in re.finditer(r"\w+", text):
        low = m.group().lower()
        best = max((len(w) for w in words if low.startswith(w)), default=0)
        if best:
            spans.append((m.start(), m.start() + best))
    return spans


def _esc_found(text: str, a: int, b: int, found: list[tuple[int, int]]) -> str:
    """text[a:b] escaped, the searched words in it wrapped in SEARCH_TAG."""
    out, pos = [], a
    for s, e in found:
        s, e = max(s, pos), min(e, b)
        if e <= s:
            continue
        out.append(_esc(text[pos:s]))
        out.append(f"{search_tag()}{_esc(text[s:e])}</span>")
        pos = e
    out.append(_esc(text[pos:b]))
    return "".join(out)


def marked_html(text: str, lo: int, hi: int, marks: list[tuple[int, int, str]],
                found: list[tuple[int, int]] | None = None) -> str:
    """Escape text[lo:hi], wrapping each mark (absolute offsets) in the given span opening tag, and the
    searched words (`found`: absolute (start, end), see search_spans) in SEARCH_TAG, inside marks too."""
    found = found or []
    out, pos = [], lo
    for s, e, tag in sorted(marks):
        s, e = max(s, lo), min(e, hi)
        if s < pos or e <= s:      # overlapping or outside: the earlier mark wins
            continue
        out.append(_esc_found(text, pos, s, found))
        out.append(f"{tag}{_esc_found(text, s, e, found)}</span>")
        pos = e
    out.append(_esc_found(text, pos, hi, found))
    return "".join(out)


def report_marks(report, base: int = 0) -> list[tuple[int, int, str]]:
    """The highlights of a report (an event or an excerpt): its date words, and each country mention in
    the country's colour (formatting.country_colour, as everywhere), as (start, end, span opening tag)
    with offsets less `base`."""
    _c = scheme()
    marks: list[tuple[int, int, str]] = []
    if report.time_start is not None and report.time_end is not None and report.time_end > report.time_start:
        marks.append((report.time_start - base, report.time_end - base,
                      f'<span style="background-color:{_c.time_bg}; font-weight:600; color:{_c.time_fg}">'))
    for m in report.mentions or []:
        try:
            ms, me, code = int(m[0]), int(m[1]), str(m[2])
        except (IndexError, TypeError, ValueError):
            continue
        bg, fg = mention_colours(code, _c)
        marks.append((ms - base, me - base, f'<span style="background-color:{bg}; color:{fg}; font-weight:600">'))
    return marks


def _passage(report, text: str | None, *, context: bool = True, words: list[str] | None = None) -> str:
    """One report's sentence, escaped, with its date words and country mentions highlighted and
    (optionally) the neighbouring sentences dimmed around it; the searched `words` highlighted in all."""
    _c = scheme()
    text = text or ""
    s0, s1 = report.sentence_start, report.sentence_end
    if not text or text[s0:s1] != report.sentence:
        # no article text (or offsets that disagree): show the stored sentence alone
        text, base = report.sentence or "", s0
    else:
        base = 0
    marks = report_marks(report, base)
    a0, a1 = s0 - base, s1 - base
    c0, c1 = context_bounds(text, a0, a1) if context and base == 0 else (a0, a1)
    before = _esc(text[c0:a0]).replace("\n", "<br>")
    after = _esc(text[a1:c1]).replace("\n", "<br>")
    lead = "… " if c0 > 0 else ""
    tail = " …" if c1 < len(text) else ""
    if words:
        found = search_spans(text[:c1], words)
        before = _esc_found(text, c0, a0, found).replace("\n", "<br>")
        after = _esc_found(text, a1, c1, found).replace("\n", "<br>")
    else:
        found = []
    return (f'<span style="color:{_c.faint}">{lead}{before}</span>'
            f'<span style="color:{_c.strong}">{marked_html(text, a0, a1, marks, found)}</span>'
            f'<span style="color:{_c.faint}">{after}{tail}</span>')


def _origin(art: dict) -> str:
    """'from <article title> · host ↗' for an article dict (or an excerpt with article fields)."""
    _c = scheme()
    parts = []
    title = art.get("title") or ""
    source = art.get("source") or ""
    url = safe_url(art.get("url"))
    if title:
        parts.append(f'<span style="color:{_c.soft}">{_esc(title)}</span>')
    elif source:
        parts.append(_esc(source.replace("\\", "/").rsplit("/", 1)[-1]))
    if url:
        host = urlparse(url).netloc
        parts.append(f'<a href="{_esc(url)}" style="color:{_c.link}; text-decoration:none">'
                     f'{_esc(host or url)}&nbsp;↗</a>')
    return " · ".join(parts)


def _published_and_language(art: dict, correct: bool = False) -> str:
    """'Published 18 Nov 2024 · in French (fr)': when the article appeared, and its language (the code
    stored for it; "language unknown" when none is). ``correct``: with a link beside the date to
    correct it (PUBLISHED_SCHEME)."""
    code = art.get("language")
    language = f"in {fmt.language_label(code)}" if code and code != fmt.UNKNOWN_LANGUAGE else "language unknown"
    published = fmt.published(art.get("published"), art.get("published_source"))
    if correct and art.get("id"):
        link = (f'&nbsp;<a href="{PUBLISHED_SCHEME}:{_esc(str(art["id"]))}" style="color:{scheme().link};'
                f' text-decoration:none">correct…</a>')
        return f"{_esc(published)}{link} · {_esc(language)}"
    return _esc(f"{published} · {language}" if published else language)


PUBLISHED_SCHEME = "ct-published"   # our own link: ct-published:<article id>: correct its publication date


def dating_label(report, published: str | None) -> str:
    """How a report's date was obtained, for the reader: "written in the text", "reported on 18 Nov 2024
    (no date written …)", "from context: …", "set by hand" (the analyst's: a correction, a date picked
    or typed for an event added by hand). ``published``: its article's publication date."""
    if str(getattr(report, "reasoning", None) or "").startswith(curation.SET_BY_HAND):
        return "set by hand"
    dating = getattr(report, "dating", None) or "written"
    if dating == "reported":
        pub = as_date(published) or as_date(report.latest)
        if report.latest and pub is not None:
            return (f"reported on {fmt.day(pub)}: no date written, so on the publication day or up to "
                    f"{REPORTED_DAYS - 1} days before it")
        return "reported, with no date written and no publication date known: when is unknown"
    if dating == "context":
        return "from context: the time the text is at there"
    return "written in the text"


def _how(report, published: str | None = None) -> str:
    if (getattr(report, "dating", None) or "written") != "written" and not report.time_text:
        return "Told as done, with no date of its own"
    how = fmt.resolution(report.time_text, report.anchor, report.value, report.earliest, report.latest,
                         report.granularity)
    if getattr(report, "mod", None):
        how += f" (modifier: {report.mod.lower()})"
    return how


MAX_REPORTS_SHOWN = 12
ARTICLE_SCHEME = "ct-article"   # our own links: ct-article:<article id>/<event id>/<sentence start>
SPLIT_SCHEME = "ct-split"       # ct-split:<event id>/<excerpt id>: split that report out as an event of its own
MERGE_SCHEME = "ct-merge"       # ct-merge:<event id>: choose another event to merge into it (Merge with…)
SUGGEST_SCHEME = "ct-suggest"   # ct-suggest:<event id>/<other id>: Merge with…, that other event chosen


@dataclass(frozen=True)
class Suggestion:
    """Events likely to report the shown event's happening (viewer.ui.merge.suggestions): how many, their
    languages (names), whether all are in languages the event has no report in, the most alike and why."""
    count: int
    languages: tuple
    other_languages: bool
    best: int
    why: str


def suggestion_html(event_id, s: Suggestion | None) -> str:
    """'Possibly also reported as 5 events in other languages (German, French …) · compare and merge…'
    under the event's sentence; '' when nothing is likely."""
    if s is None or not s.count:
        return ""
    _c = scheme()
    what = f"{s.count} event{'s' if s.count != 1 else ''}"
    if s.other_languages:
        what += " in other languages" if len(s.languages) != 1 else " in another language"
    if s.languages:
        what += f" ({', '.join(s.languages)})"
    return (f'<p style="margin:6px 0 0 0; font-size:9pt; color:{_c.soft}">Possibly also reported as {_esc(what)}'
            f' · <a href="{SUGGEST_SCHEME}:{int(event_id)}/{int(s.best)}" style="color:{_c.link};'
            f' text-decoration:none" title="{_esc(s.why)}">compare and merge…</a></p>')


def _report_language(row: dict, art: dict | None) -> str | None:
    """The language of an other report (a Store.excerpts row and its article dict): its article's."""
    return (art.get("language") if art else None) or row.get("language") or None


def _also_reported(others: list[tuple[dict, dict | None]]) -> str:
    """'Also reported in 3 other articles: German (2), French': at the top of the panel, the languages of
    the event's other reports (their own lines are further down); '' when it has none."""
    if not others:
        return ""
    counts: dict[str, int] = {}
    for row, art in others:
        code = _report_language(row, art) or fmt.UNKNOWN_LANGUAGE
        counts[code] = counts.get(code, 0) + 1
    names = [(fmt.language_name(code) if code != fmt.UNKNOWN_LANGUAGE else "unknown language")
             + (f" ({k})" if k > 1 else "") for code, k in counts.items()]
    n = len(others)
    return f"Also reported in {n} other article{'s' if n != 1 else ''}: {', '.join(names)}"


def _merge_link(event_id) -> str:
    _c = scheme()
    return (f'&nbsp;&nbsp;<a href="{MERGE_SCHEME}:{int(event_id)}" style="color:{_c.link}; text-decoration:none;'
            ' font-size:8.5pt" title="Another event reports the same happening: merge it into this one">'
            'Merge with…</a>')


def _split_link(event_id, excerpt_id) -> str:
    if excerpt_id is None:
        return ""
    _c = scheme()
    return (f'&nbsp;&nbsp;<a href="{SPLIT_SCHEME}:{int(event_id)}/{int(excerpt_id)}" style="color:{_c.link};'
            ' text-decoration:none; font-size:8.5pt" title="Not the same happening: make this report an event'
            ' of its own">Split out</a>')


def disagreement_html(event, others: list[tuple[dict, dict | None]]) -> str:
    """A warning naming the reports of one event whose dates do not overlap (viewer.merging.disagreements):
    the event's own report, then the others by where they were published; '' when they agree."""
    dates = [(event.earliest, event.latest)] + [(row.get("earliest"), row.get("latest")) for row, _ in others]
    pairs = disagreements(dates)
    if not pairs:
        return ""
    _c = scheme()

    def said(i: int) -> str:
        if i == 0:
            when = fmt.when(event.value, event.earliest, event.latest, event.granularity)
            return f"{when} (its own report)"
        row, art = others[i - 1]
        when = fmt.when(row.get("value"), row.get("earliest"), row.get("latest"), row.get("granularity"))
        return f"{when} ({_origin({**row, **(art or {})}) or 'another article'})"

    lines = "<br>".join(f"{said(i)} · {said(j)}" for i, j in pairs[:MAX_REPORTS_SHOWN])
    more = len(pairs) - MAX_REPORTS_SHOWN
    if more > 0:
        lines += f"<br>… and {more} more"
    return (f'<p style="margin:10px 0 0 0; color:{_c.warn}; font-size:9pt">⚠ the reports disagree on when it '
            f'happened:<br>{lines}</p>')


def _read_link(article_id: str | None, event_id, start) -> str:
    if not article_id:
        return ""
    _c = scheme()
    href = f"{ARTICLE_SCHEME}:{_esc(str(article_id))}/{int(event_id or 0)}/{int(start or 0)}"
    return (f'&nbsp;&nbsp;<a href="{href}" style="color:{_c.link}; text-decoration:none; font-size:8.5pt">'
            f'Read the whole article</a>')


REVIEW_LABELS = {"unreviewed": "not reviewed yet", "confirmed": "confirmed", "corrected": "corrected by hand",
                 "rejected": "not an event"}


def annotation_html(a: dict | None) -> str:
    """The analyst's review state, star, tags and note of an event (a curation.annotation dict)."""
    if not a:
        return ""
    _c = scheme()
    review = a.get("review") or "unreviewed"
    label = REVIEW_LABELS.get(review, review)
    if review == "rejected" and a.get("reason"):
        label += f" ({a['reason']})"
    colour = {"confirmed": _c.confirmed, "corrected": _c.corrected, "rejected": _c.rejected}.get(review, _c.muted)
    line = (f'<span style="font-size:8pt; color:{_c.muted}; font-weight:600">REVIEW</span>&nbsp;&nbsp;'
            f'<span style="color:{colour}">{_esc(label)}</span>')
    if a.get("starred"):
        line += f'&nbsp;&nbsp;<span style="color:{_c.star}">\u2605 starred</span>'
    tags = [t for t in a.get("tags") or [] if t]
    if tags:
        line += ("&nbsp;&nbsp;" + " ".join(
            f'<span style="background-color:{_c.tag_bg}; color:{_c.soft}">&nbsp;#{_esc(t)}&nbsp;</span>' for t in tags))
    html = f'<p style="margin:8px 0 0 0">{line}</p>'
    if a.get("note"):
        html += (f'<p style="margin:4px 0 0 0; color:{_c.soft}"><span style="font-size:8pt; color:{_c.muted};'
                 f' font-weight:600">NOTE</span>&nbsp;&nbsp;{_esc(a["note"])}</p>')
    return html


def excerpt_html(event, article: dict | None,
                 reports: list[tuple[dict, dict | None]] | None = None, search: str | None = None,
                 annotation: dict | None = None, *, editable: bool = False,
                 suggested: Suggestion | None = None) -> str:
    """The panel's HTML for one event (an EventRow) and its article (a Store.article dict).

    Every country takes its colour from formatting.country_colour, as the lanes and the country list do.
    reports: the event's other reports as (Store.excerpts row, its article dict or None), shown
    under the first one with their own sentence and how each dated it.
    search: the search words shown: highlighted (SEARCH_TAG) in the heading and in every passage.
    annotation: the analyst's review, star, tags and note (curation.annotation), shown under the date.
    editable: a "Merge with…" link (MERGE_SCHEME) under the event's sentence, and a "Split out" link
    (SPLIT_SCHEME) under each other report. Reports whose dates do not overlap are named under the heading
    of the other reports.
    suggested: other events likely to report the same happening, named under the event's sentence with a
    link opening Merge with… on the most alike (SUGGEST_SCHEME); only when editable."""
    _c = scheme()
    art = article or {}
    words = search_words(search)
    when = (fmt.when(event.value, event.earliest, event.latest, event.granularity) if event.earliest
            else "Date unknown")
    heading = event.title or event.sentence[:80] or "Event"
    origin = _origin(art)
    meta = _published_and_language(art, correct=True)

    chips = []
    for code in event.countries:
        bg, fg = mention_colours(code, _c)
        chips.append(
            f'<span style="background-color:{bg}; color:{fg}; font-weight:600">'
            f'&nbsp;{_esc(fmt.country_name(code))}&nbsp;</span>')

    parts = [
        f'<html><body style="font-size:10.5pt; color:{_c.text}">',
        f'<p style="margin:0 0 4px 0; font-size:13pt; font-weight:600; color:{_c.strong}">'
        f'{_esc_found(heading, 0, len(heading), search_spans(heading, words))}</p>',
    ]
    if origin:
        parts.append(f'<p style="margin:0; color:{_c.muted}; font-size:9pt">from {origin}</p>')
    others = list(reports or [])
    also = _also_reported(others)
    if also:
        meta += f'<br><span style="color:{_c.soft}">{_esc(also)}</span>'
    parts += [
        f'<p style="margin:0 0 10px 0; color:{_c.muted}; font-size:9pt">{meta}</p>',
        f'<table width="100%" cellspacing="0" cellpadding="8" style="background-color:{_c.box_bg};'
        f' border:1px solid {_c.box_border}"><tr><td>',
        f'<span style="font-size:8pt; color:{_c.muted}; font-weight:600">WHEN</span>'
        f'&nbsp;&nbsp;<span style="font-size:8pt; color:{_c.muted}">precision: '
        f'{_esc(fmt.precision(event.granularity))}</span><br>'
        f'<span style="font-size:14pt; font-weight:600; color:{_c.strong}">{_esc(when)}</span><br>',
        f'<span style="color:{_c.soft}">{_esc(_how(event))}</span>',
    ]
    parts.append(f'<br><span style="font-size:8pt; color:{_c.muted}; font-weight:600">DATE</span>&nbsp;&nbsp;'
                 f'<span style="color:{_c.soft}">{_esc(dating_label(event, art.get("published")))}</span>')
    if event.reasoning and (getattr(event, "dating", None) or "written") != "reported":
        parts.append(f'<br><span style="color:{_c.muted}; font-size:8.5pt">{_esc(event.reasoning)}</span>')
    for warning in date_warnings(time_text=event.time_text, earliest=event.earliest, latest=event.latest,
                                 granularity=event.granularity, sentence=event.sentence,
                                 published=art.get("published"), language=art.get("language"),
                                 dating=getattr(event, "dating", None) or "written"):
        parts.append(f'<br><span style="color:{_c.warn}; font-size:9pt">⚠ check: {_esc(warning)}</span>')
    parts.append('</td></tr></table>')
    parts.append(annotation_html(annotation))
    if chips:
        parts.append(f'<p style="margin:10px 0 0 0">{" ".join(chips)}</p>')
    parts.append(f'<p style="margin:12px 0 0 0; line-height:140%">'
                 f'{_passage(event, art.get("text"), words=words)}'
                 f'{_read_link(event.article_id if art.get("text") else None, event.id, event.sentence_start)}'
                 f'{_merge_link(event.id) if editable else ""}'
                 '</p>')
    if editable:
        parts.append(suggestion_html(event.id, suggested))

    if others:
        n = len(others)
        parts.append(f'<p style="margin:16px 0 2px 0; font-size:8pt; color:{_c.muted}; font-weight:600">'
                     f'ALSO REPORTED IN {n} OTHER {"ARTICLE" if n == 1 else "ARTICLES"}</p>')
        parts.append(disagreement_html(event, others))
        for row, other_art in others[:MAX_REPORTS_SHOWN]:
            rep = ExcerptReport(row)
            info = dict(row)
            if other_art:
                info.update({k: other_art.get(k) for k in ("title", "url", "source", "published",
                                                          "published_source", "language")})
            line = _origin(info) or "an article"
            line += " · " + _published_and_language(info)
            parts.append(
                f'<table width="100%" cellspacing="0" cellpadding="6" style="border-left:3px solid {_c.box_border};'
                ' margin-top:6px"><tr><td>'
                f'<span style="color:{_c.muted}; font-size:8.5pt">{line}</span><br>'
                f'<span style="line-height:140%">{_passage(rep, (other_art or {}).get("text"), context=False, words=words)}'
                f'</span><br><span style="color:{_c.muted}; font-size:8.5pt">{_esc(_how(rep, info.get("published")))}'
                f' · {_esc(dating_label(rep, info.get("published")))}</span>'
                f'{_read_link(row.get("article_id") if other_art else None, row.get("event_id"), rep.sentence_start)}'
                f'{_split_link(event.id, row.get("id")) if editable else ""}'
                '</td></tr></table>')
        if n > MAX_REPORTS_SHOWN:
            parts.append(f'<p style="color:{_c.muted}; font-size:8.5pt">… and {n - MAX_REPORTS_SHOWN} more</p>')

    parts += [
        f'<p style="margin:12px 0 0 0; font-size:8.5pt; color:{_c.muted}">'
        f'<span style="background-color:{_c.time_bg}; color:{_c.time_fg}">&nbsp;date words&nbsp;</span>&nbsp; '
        f'countries in their colour &nbsp;·&nbsp; grey: neighbouring sentences</p>',
        '</body></html>',
    ]
    return "".join(parts)


class ExcerptReport:
    """A Store.excerpts row seen with an EventRow's attribute names."""

    def __init__(self, row: dict):
        self.sentence = row.get("sentence") or ""
        self.sentence_start = int(row.get("sentence_start") or 0)
        self.sentence_end = int(row.get("sentence_end") or 0)
        self.time_start = int(row.get("time_start") or 0)
        self.time_end = int(row.get("time_end") or 0)
        self.time_text = row.get("time_text") or ""
        self.value = row.get("value")
        self.earliest = row.get("earliest")
        self.latest = row.get("latest")
        self.granularity = row.get("granularity")
        self.mod = row.get("mod")
        self.anchor = row.get("anchor")
        self.reasoning = row.get("reasoning") or ""
        self.mentions = row.get("mentions") or []
        self.dating = row.get("dating") or "written"


def empty_html(database_empty: bool = False) -> str:
    """The panel with no event shown (the database's empty: how to import), in the theme in force."""
    _c = scheme()
    head = (f'<html><body style="color:{_c.muted}; font-size:10.5pt">'
            f'<p style="margin-top:24px; font-size:12pt; color:{_c.soft}">')
    return head + (EMPTY_DATABASE_HTML if database_empty else EMPTY_HTML)


EMPTY_HTML = (
    'No event selected</p>'
    '<p>Click an event on the timeline or a row in the table to read the sentence it came from, '
    'with the words that carried the date and the countries highlighted, and how the date was '
    'worked out.</p></body></html>')


EMPTY_DATABASE_HTML = (
    'This database has no events yet</p>'
    '<p>Import news articles with <b>File ▸ Import articles…</b> (Ctrl+I), or drop files and folders '
    'onto the window: text files, saved web pages, RSS or Atom feeds, and JSONL or CSV dumps.</p>'
    '<p>Every dated event they contain appears on the timeline, with the sentence it came from.</p>'
    '</body></html>')


def _suggestion_rows(store, event_id: int, view_filter) -> tuple[list, dict, set] | None:
    """What a suggestion needs from the store, read in the runner's thread: the likely events
    (viewer.ui.merge.suggestions), the languages of their reports and of ``event_id``'s own; None when
    nothing is likely or the store cannot say."""
    from viewer.ui.merge import report_languages, suggestions
    try:
        found = suggestions(store, event_id, view_filter)
        if not found:
            return None
        languages = report_languages(store, [other for other, _ in found])
        ev = store.event(event_id)
        own = set(report_languages(store, [ev]).get(ev.id, [])) if ev is not None else set()
    except StoreError:
        return None
    return found, languages, own


def _suggestion(rows: tuple[list, dict, set] | None, own: set) -> Suggestion | None:
    """The panel's Suggestion from `_suggestion_rows` (on the GUI thread: language names are the window's);
    ``own``: the languages of the reports the panel shows."""
    if rows is None:
        return None
    found, languages, more_own = rows
    own = own | more_own
    codes: list[str] = []
    for other, _ in found:
        for code in languages.get(other.id, []):
            if code not in codes:
                codes.append(code)
    names = tuple("unknown language" if c == fmt.UNKNOWN_LANGUAGE else fmt.language_name(c) for c in codes)
    other_languages = all(not (set(languages.get(o.id, [])) & own) for o, _ in found)
    best, why = found[0]
    return Suggestion(len(found), names, other_languages, best.id, why.describe())


class SafeTextBrowser(QTextBrowser):
    """A QTextBrowser that follows no link by itself and loads no resource, local or remote."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)

    def loadResource(self, type_, name):  # noqa: N802 - Qt's name
        return None   # never load images, style sheets or anything else


class ExcerptPanel(SafeTextBrowser):
    """Read-only rich text view of one event. Call show_event(event_row, article_dict)."""

    linkRequested = Signal(str)   # an http(s) URL the person clicked (already opened)
    articleRequested = Signal(str, int, int)   # article id, event id, sentence start: read it whole
    publishedRequested = Signal(str)           # article id: correct its publication date
    splitRequested = Signal(int, int)          # event id, excerpt id: split that report out

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("excerpt")
        self.anchorClicked.connect(self._on_anchor)
        self._event_id: int | None = None
        self.search: str | None = None       # the search words highlighted in the shown event
        self.database_empty = False
        self.store = None                    # where annotations are read (None: the window's store)
        self.annotation: dict | None = None  # the shown event's review, star, tags and note
        self._shown: tuple | None = None     # what show_event was given (shown again in another theme)
        self.suggested: Suggestion | None = None   # events likely to report the shown one's happening
        self._showing = False                # show_event is writing the page (a suggestion answered at once)
        self.clear_event()
        theme.on_change(self.retheme)

    def event_id(self) -> int | None:
        return self._event_id

    def focusNextPrevChild(self, next_: bool) -> bool:  # noqa: N802 - Qt's name
        """Tab and Shift+Tab go to the next pane, not from link to link inside the excerpt."""
        return QWidget.focusNextPrevChild(self, next_)

    def clear_event(self) -> None:
        self._event_id = None
        self._shown = None
        self.setHtml(empty_html(self.database_empty))

    def show_event(self, event, article: dict | None,
                   reports: list[tuple[dict, dict | None]] | None = None, search: str | None = None) -> None:
        """Show an event; reports: its other reports (Store.excerpts rows with their articles); search:
        the search words to highlight."""
        self._event_id = event.id
        self.search = search
        self.annotation = self._read_annotation(event.id)
        self._shown = (event, article, reports, search)
        editable = self.can_edit()
        self.suggested = None
        if editable:
            self._showing = True
            try:
                self._ask_suggestion(event.id, reports)   # at once on a small database, else when the worker answers
            finally:
                self._showing = False
        self.setHtml(excerpt_html(event, article, reports, search, self.annotation, editable=editable,
                                  suggested=self.suggested))

    def retheme(self) -> None:
        """The theme changed: the same event (or the empty page) written in its colours."""
        shown = self._shown
        bar = self.verticalScrollBar().value()
        if shown is None:
            self.setHtml(empty_html(self.database_empty))
        else:
            self.setHtml(excerpt_html(*shown, self.annotation, editable=self.can_edit(), suggested=self.suggested))
        self.verticalScrollBar().setValue(bar)

    def _ask_suggestion(self, event_id: int, reports) -> None:
        """Look for the events the window's filters show that are likely to report the same happening as
        ``event_id`` (viewer.ui.merge.suggestions) through the window's query runner: on a big database that
        reading takes a worker thread (up to a second or so at a million events), and the panel shows the
        suggestion when it comes, if the event is still the one shown."""
        w = self.window()
        view_filter = w.view_filter()
        own = {_report_language(row, art) for row, art in reports or []}

        def got(found) -> None:
            if self._event_id != event_id or self._shown is None:
                return                  # another event is shown by now
            self.suggested = _suggestion(found, own)
            if self.suggested is not None and not self._showing:
                self.retheme()          # the same event, with the suggestion

        w.runner.submit("suggest", lambda store: _suggestion_rows(store, int(event_id), view_filter), got,
                        on_error=lambda _message: None)

    def _read_annotation(self, event_id: int) -> dict | None:
        """The event's review, star, tags and note, read from `store` (the window's open database when
        none was given); None when there is no database or it cannot be read."""
        store = self.store if self.store is not None else getattr(self.window(), "store", None)
        if store is None or not hasattr(store, "db"):
            return None
        try:
            return curation.annotation(store, int(event_id))
        except StoreError:
            return None

    def can_edit(self) -> bool:
        """Whether the event gets a "Merge with…" link and its reports a "Split out" link: the panel shows
        the window's own database and it can be written."""
        w = self.window()
        return self.store is None and getattr(w, "store", None) is not None and not getattr(w, "readonly", True) \
            and hasattr(w, "split_report") and hasattr(w, "merge_with")

    def correct_published(self, article_id: str):
        """The dialog correcting an article's publication date, on the window's database (None when
        there is none or it is read-only)."""
        from viewer.ui.published_dialog import open_published_dialog
        return open_published_dialog(self.window(), article_id)

    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() == PUBLISHED_SCHEME:
            self.publishedRequested.emit(url.path())
            self.correct_published(url.path())
            return
        if url.scheme() == SPLIT_SCHEME:
            try:
                event_id, excerpt_id = (int(p) for p in url.path().split("/"))
            except ValueError:
                return
            self.splitRequested.emit(event_id, excerpt_id)
            if self.can_edit():
                self.window().split_report(event_id, excerpt_id)
            return
        if url.scheme() == SUGGEST_SCHEME:
            try:
                event_id, other = (int(p) for p in url.path().split("/"))
            except ValueError:
                return
            if self.can_edit():
                dialog = self.window().merge_with(event_id)
                if dialog is not None:
                    dialog.choose(other)
            return
        if url.scheme() == MERGE_SCHEME:
            if url.path().isdigit() and self.can_edit():
                self.window().merge_with(int(url.path()))
            return
        if url.scheme() == ARTICLE_SCHEME:
            try:
                aid, event_id, start = url.path().split("/")
                self.articleRequested.emit(aid, int(event_id), int(start))
            except ValueError:
                pass
            return
        target = safe_url(url.toString())
        if target:
            self.linkRequested.emit(target)
            QDesktopServices.openUrl(QUrl(target))
