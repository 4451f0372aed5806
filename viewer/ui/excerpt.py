"""The excerpt panel: where an event came from, with the words that carried its date and countries.

Article text is data, never markup: everything from an article is escaped before it reaches the
QTextBrowser, the browser follows no links by itself and loads no resources, and a link to the
source opens (in the system browser) only when clicked and only for http(s) URLs.
"""
from __future__ import annotations

import html
import re
from urllib.parse import urlparse

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTextBrowser, QWidget

from viewer.events import REPORTED_DAYS, date_warnings
from viewer.store import StoreError, curation
from viewer.text import as_date
from viewer.ui import formatting as fmt

TIME_BG = "#ffe08a"      # the time expression: warm yellow, distinct from every country colour
SEARCH_BG = "#b9e6ff"    # a searched word: light blue, underlined (over a date or a country mark too)
SEARCH_TAG = f'<span style="background-color:{SEARCH_BG}; text-decoration:underline">'
CONTEXT_CHARS = 420      # at most this much neighbouring text on each side

_BOUNDARY = re.compile(r"[.!?…][\"”’)\]]*\s+|\n+")


def _esc(text: str | None) -> str:
    return html.escape(text or "", quote=True)


def tint(hex_colour: str, alpha: float = 0.18) -> str:
    """A light background version of a colour (blended with white)."""
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    mix = lambda c: round(255 - (255 - c) * alpha)  # noqa: E731
    return f"#{mix(r):02x}{mix(g):02x}{mix(b):02x}"


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
        out.append(f"{SEARCH_TAG}{_esc(text[s:e])}</span>")
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
    marks: list[tuple[int, int, str]] = []
    if report.time_start is not None and report.time_end is not None and report.time_end > report.time_start:
        marks.append((report.time_start - base, report.time_end - base,
                      f'<span style="background-color:{TIME_BG}; font-weight:600; color:#3d2b00">'))
    for m in report.mentions or []:
        try:
            ms, me, code = int(m[0]), int(m[1]), str(m[2])
        except (IndexError, TypeError, ValueError):
            continue
        colour = fmt.country_colour(code)
        marks.append((ms - base, me - base,
                      f'<span style="background-color:{tint(colour, 0.22)}; color:{colour};'
                      f' font-weight:600">'))
    return marks


def _passage(report, text: str | None, *, context: bool = True, words: list[str] | None = None) -> str:
    """One report's sentence, escaped, with its date words and country mentions highlighted and
    (optionally) the neighbouring sentences dimmed around it; the searched `words` highlighted in all."""
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
    return (f'<span style="color:#9ca3af">{lead}{before}</span>'
            f'<span style="color:#111827">{marked_html(text, a0, a1, marks, found)}</span>'
            f'<span style="color:#9ca3af">{after}{tail}</span>')


def _origin(art: dict) -> str:
    """'from <article title> · host ↗' for an article dict (or an excerpt with article fields)."""
    parts = []
    title = art.get("title") or ""
    source = art.get("source") or ""
    url = safe_url(art.get("url"))
    if title:
        parts.append(f'<span style="color:#374151">{_esc(title)}</span>')
    elif source:
        parts.append(_esc(source.replace("\\", "/").rsplit("/", 1)[-1]))
    if url:
        host = urlparse(url).netloc
        parts.append(f'<a href="{_esc(url)}" style="color:#2563eb; text-decoration:none">'
                     f'{_esc(host or url)}&nbsp;↗</a>')
    return " · ".join(parts)


def _published_and_language(art: dict) -> str:
    """'Published 18 Nov 2024 · in French (fr)': when the article appeared, and its language (the code
    stored for it; "language unknown" when none is)."""
    code = art.get("language")
    language = f"in {fmt.language_label(code)}" if code and code != fmt.UNKNOWN_LANGUAGE else "language unknown"
    published = fmt.published(art.get("published"), art.get("published_source"))
    return _esc(f"{published} · {language}" if published else language)


def dating_label(report, published: str | None) -> str:
    """How a report's date was obtained, for the reader: "written in the text", "reported on 18 Nov 2024
    (no date written …)", "from context: …". ``published``: its article's publication date."""
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


def _read_link(article_id: str | None, event_id, start) -> str:
    if not article_id:
        return ""
    href = f"{ARTICLE_SCHEME}:{_esc(str(article_id))}/{int(event_id or 0)}/{int(start or 0)}"
    return (f'&nbsp;&nbsp;<a href="{href}" style="color:#2563eb; text-decoration:none; font-size:8.5pt">'
            f'Read the whole article</a>')


REVIEW_LABELS = {"unreviewed": "not reviewed yet", "confirmed": "confirmed", "corrected": "corrected by hand",
                 "rejected": "not an event"}


def annotation_html(a: dict | None) -> str:
    """The analyst's review state, star, tags and note of an event (a curation.annotation dict)."""
    if not a:
        return ""
    review = a.get("review") or "unreviewed"
    label = REVIEW_LABELS.get(review, review)
    if review == "rejected" and a.get("reason"):
        label += f" ({a['reason']})"
    colour = {"confirmed": "#15803d", "corrected": "#1d4ed8", "rejected": "#b91c1c"}.get(review, "#6b7280")
    line = (f'<span style="font-size:8pt; color:#6b7280; font-weight:600">REVIEW</span>&nbsp;&nbsp;'
            f'<span style="color:{colour}">{_esc(label)}</span>')
    if a.get("starred"):
        line += '&nbsp;&nbsp;<span style="color:#d97706">\u2605 starred</span>'
    tags = [t for t in a.get("tags") or [] if t]
    if tags:
        line += ("&nbsp;&nbsp;" + " ".join(
            f'<span style="background-color:#eef2f7; color:#374151">&nbsp;#{_esc(t)}&nbsp;</span>' for t in tags))
    html = f'<p style="margin:8px 0 0 0">{line}</p>'
    if a.get("note"):
        html += (f'<p style="margin:4px 0 0 0; color:#374151"><span style="font-size:8pt; color:#6b7280;'
                 f' font-weight:600">NOTE</span>&nbsp;&nbsp;{_esc(a["note"])}</p>')
    return html


def excerpt_html(event, article: dict | None,
                 reports: list[tuple[dict, dict | None]] | None = None, search: str | None = None,
                 annotation: dict | None = None) -> str:
    """The panel's HTML for one event (an EventRow) and its article (a Store.article dict).

    Every country takes its colour from formatting.country_colour, as the lanes and the country list do.
    reports: the event's other reports as (Store.excerpts row, its article dict or None), shown
    under the first one with their own sentence and how each dated it.
    search: the search words shown: highlighted (SEARCH_TAG) in the heading and in every passage.
    annotation: the analyst's review, star, tags and note (curation.annotation), shown under the date."""
    art = article or {}
    words = search_words(search)
    when = (fmt.when(event.value, event.earliest, event.latest, event.granularity) if event.earliest
            else "Date unknown")
    heading = event.title or event.sentence[:80] or "Event"
    origin = _origin(art)
    meta = _published_and_language(art)

    chips = []
    for code in event.countries:
        colour = fmt.country_colour(code)
        chips.append(
            f'<span style="background-color:{tint(colour, 0.16)}; color:{colour}; font-weight:600">'
            f'&nbsp;{_esc(fmt.country_name(code))}&nbsp;</span>')

    parts = [
        '<html><body style="font-size:10.5pt; color:#1f2937">',
        f'<p style="margin:0 0 4px 0; font-size:13pt; font-weight:600; color:#111827">'
        f'{_esc_found(heading, 0, len(heading), search_spans(heading, words))}</p>',
    ]
    if origin:
        parts.append(f'<p style="margin:0; color:#6b7280; font-size:9pt">from {origin}</p>')
    parts += [
        f'<p style="margin:0 0 10px 0; color:#6b7280; font-size:9pt">{meta}</p>',
        '<table width="100%" cellspacing="0" cellpadding="8" style="background-color:#f3f6fb;'
        ' border:1px solid #dbe3ef"><tr><td>',
        '<span style="font-size:8pt; color:#6b7280; font-weight:600">WHEN</span>'
        f'&nbsp;&nbsp;<span style="font-size:8pt; color:#6b7280">precision: '
        f'{_esc(fmt.precision(event.granularity))}</span><br>'
        f'<span style="font-size:14pt; font-weight:600; color:#111827">{_esc(when)}</span><br>',
        f'<span style="color:#374151">{_esc(_how(event))}</span>',
    ]
    parts.append(f'<br><span style="font-size:8pt; color:#6b7280; font-weight:600">DATE</span>&nbsp;&nbsp;'
                 f'<span style="color:#374151">{_esc(dating_label(event, art.get("published")))}</span>')
    if event.reasoning and (getattr(event, "dating", None) or "written") != "reported":
        parts.append(f'<br><span style="color:#6b7280; font-size:8.5pt">{_esc(event.reasoning)}</span>')
    for warning in date_warnings(time_text=event.time_text, earliest=event.earliest, latest=event.latest,
                                 granularity=event.granularity, sentence=event.sentence,
                                 published=art.get("published"), language=art.get("language"),
                                 dating=getattr(event, "dating", None) or "written"):
        parts.append(f'<br><span style="color:#b45309; font-size:9pt">⚠ check: {_esc(warning)}</span>')
    parts.append('</td></tr></table>')
    parts.append(annotation_html(annotation))
    if chips:
        parts.append(f'<p style="margin:10px 0 0 0">{" ".join(chips)}</p>')
    parts.append(f'<p style="margin:12px 0 0 0; line-height:140%">'
                 f'{_passage(event, art.get("text"), words=words)}'
                 f'{_read_link(event.article_id if art.get("text") else None, event.id, event.sentence_start)}'
                 '</p>')

    others = list(reports or [])
    if others:
        n = len(others)
        parts.append(f'<p style="margin:16px 0 2px 0; font-size:8pt; color:#6b7280; font-weight:600">'
                     f'ALSO REPORTED IN {n} OTHER {"ARTICLE" if n == 1 else "ARTICLES"}</p>')
        for row, other_art in others[:MAX_REPORTS_SHOWN]:
            rep = ExcerptReport(row)
            info = dict(row)
            if other_art:
                info.update({k: other_art.get(k) for k in ("title", "url", "source", "published",
                                                          "published_source", "language")})
            line = _origin(info) or "an article"
            line += " · " + _published_and_language(info)
            parts.append(
                '<table width="100%" cellspacing="0" cellpadding="6" style="border-left:3px solid #dbe3ef;'
                ' margin-top:6px"><tr><td>'
                f'<span style="color:#6b7280; font-size:8.5pt">{line}</span><br>'
                f'<span style="line-height:140%">{_passage(rep, (other_art or {}).get("text"), context=False, words=words)}'
                f'</span><br><span style="color:#6b7280; font-size:8.5pt">{_esc(_how(rep, info.get("published")))}'
                f' · {_esc(dating_label(rep, info.get("published")))}</span>'
                f'{_read_link(row.get("article_id") if other_art else None, row.get("event_id"), rep.sentence_start)}'
                '</td></tr></table>')
        if n > MAX_REPORTS_SHOWN:
            parts.append(f'<p style="color:#6b7280; font-size:8.5pt">… and {n - MAX_REPORTS_SHOWN} more</p>')

    parts += [
        f'<p style="margin:12px 0 0 0; font-size:8.5pt; color:#6b7280">'
        f'<span style="background-color:{TIME_BG}">&nbsp;date words&nbsp;</span>&nbsp; '
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
        self.mentions = row.get("mentions") or []
        self.dating = row.get("dating") or "written"


EMPTY_HTML = (
    '<html><body style="color:#6b7280; font-size:10.5pt">'
    '<p style="margin-top:24px; font-size:12pt; color:#374151">No event selected</p>'
    '<p>Click an event on the timeline or a row in the table to read the sentence it came from, '
    'with the words that carried the date and the countries highlighted, and how the date was '
    'worked out.</p></body></html>')


EMPTY_DATABASE_HTML = (
    '<html><body style="color:#6b7280; font-size:10.5pt">'
    '<p style="margin-top:24px; font-size:12pt; color:#374151">This database has no events yet</p>'
    '<p>Import news articles with <b>File ▸ Import articles…</b> (Ctrl+I), or drop files and folders '
    'onto the window: text files, saved web pages, RSS or Atom feeds, and JSONL or CSV dumps.</p>'
    '<p>Every dated event they contain appears on the timeline, with the sentence it came from.</p>'
    '</body></html>')


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

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("excerpt")
        self.anchorClicked.connect(self._on_anchor)
        self._event_id: int | None = None
        self.search: str | None = None       # the search words highlighted in the shown event
        self.database_empty = False
        self.store = None                    # where annotations are read (None: the window's store)
        self.annotation: dict | None = None  # the shown event's review, star, tags and note
        self.clear_event()

    def event_id(self) -> int | None:
        return self._event_id

    def focusNextPrevChild(self, next_: bool) -> bool:  # noqa: N802 - Qt's name
        """Tab and Shift+Tab go to the next pane, not from link to link inside the excerpt."""
        return QWidget.focusNextPrevChild(self, next_)

    def clear_event(self) -> None:
        self._event_id = None
        self.setHtml(EMPTY_DATABASE_HTML if self.database_empty else EMPTY_HTML)

    def show_event(self, event, article: dict | None,
                   reports: list[tuple[dict, dict | None]] | None = None, search: str | None = None) -> None:
        """Show an event; reports: its other reports (Store.excerpts rows with their articles); search:
        the search words to highlight."""
        self._event_id = event.id
        self.search = search
        self.annotation = self._read_annotation(event.id)
        self.setHtml(excerpt_html(event, article, reports, search, self.annotation))

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

    def _on_anchor(self, url: QUrl) -> None:
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
