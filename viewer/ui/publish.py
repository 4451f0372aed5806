"""Output you can publish: the current view as a page (PNG, SVG, PDF, or on paper) and what the filters show
as data (CSV, JSON, TimelineJS).

A page is a title, the date range and what is shown, the timeline with EVERY lane, each as tall as its
stacked marks need (a copy of the view, `TimelineView.copy_for_print`, tall enough for all of them, so
nothing is cut at the bottom and no hidden lane's name is drawn over the axis), and a legend: each lane's
colour and country, and what the marks mean.
The page is painted once by `paint_page` on whatever device: a QImage (PNG), a QSvgGenerator, a QPdfWriter or
a QPrinter. Pages are always in the light theme (paper is white).

The data export calls `viewer.export.export` with the filter the window shows.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from viewer.store.filtering import NO_COUNTRY
from viewer.ui import formatting as fmt
from viewer.ui import theme
from viewer.ui import timeline_paint as tp

IMAGE_FORMATS = {".png": "PNG image (*.png)", ".svg": "SVG drawing (*.svg)", ".pdf": "PDF document (*.pdf)"}
DATA_FORMATS = {"csv": ("CSV table (*.csv)", ".csv"), "json": ("JSON (*.json)", ".json"),
                "timelinejs": ("TimelineJS 3 (*.json)", ".json")}
MARGIN = 28.0
MIN_PAGE_WIDTH = 900
TEXT = QColor("#1f2933")
MUTED = QColor("#616e7c")
RULE = QColor("#d9dee4")
MARKS = (("dot", "a day or more precise"), ("band", "a vague date (week, month, season …)"),
         ("pill", "more events than fit"), ("strip", "density of many events"))


@dataclass
class Page:
    """What one page shows, laid out in logical pixels (`width` x `height`)."""
    title: str
    subtitle: str
    view: object                         # the TimelineView copy with every lane
    width: float
    timeline_height: float
    lanes: list = field(default_factory=list)     # (code, name, colour)
    footer: str = ""
    height: float = 0.0
    legend_height: float = 0.0


def _fonts():
    title = QFont()
    title.setPixelSize(22)
    title.setBold(True)
    body = QFont()
    body.setPixelSize(13)
    small = QFont()
    small.setPixelSize(11)
    return title, body, small


def default_title(window) -> str:
    """The page's title unless the person gives one: the article's when one is chosen, else the
    database's name."""
    store = window.store
    f = window.view_filter()
    if store is not None and f.article_id:
        try:
            art = store.article(f.article_id) or {}
        except Exception:  # noqa: BLE001 - a title is a nicety
            art = {}
        if art.get("title"):
            return str(art["title"])
    if store is None or store.path == ":memory:":
        return "Conflict Timeline"
    stem = Path(store.path).stem.replace("_", " ").replace("-", " ").strip()
    return f"Conflict Timeline: {stem}" if stem else "Conflict Timeline"


def describe(window) -> str:
    """The page's second line: the date range shown, how many events, and the filters in force."""
    t0, t1 = window.timeline.visible_range()
    parts = [fmt.axis_span(t0, t1)]
    shown, total = window.events_shown(), window.event_total()
    parts.append(f"{shown:,} of {total:,} events" if shown != total else f"{total:,} events")
    f = window.view_filter()
    if f.countries is not None:
        names = sorted(fmt.country_name(c) for c in f.countries if c != NO_COUNTRY)
        if len(names) > 6:
            names = names[:6] + [f"{len(names) - 6} more"]
        parts.append("countries: " + ", ".join(names) if names else "no country")
    if f.search:
        parts.append(f"search: “{f.search}”")
    if f.date_from or f.date_to:
        parts.append(f"dates {f.date_from or '…'} to {f.date_to or '…'}")
    if f.max_granularity:
        parts.append(f"precision: {fmt.precision(f.max_granularity)} or finer")
    return " · ".join(parts)


def make_page(window, title: str | None = None, width: int | None = None) -> Page:
    """Lay out a page of what `window` shows now."""
    timeline = window.timeline
    w = max(MIN_PAGE_WIDTH, int(width or timeline.width()))
    inner = int(w - 2 * MARGIN)
    view = timeline.copy_for_print(inner)
    colours = timeline.lane_colors()
    lanes = [(code, "No country named" if code == NO_COUNTRY else fmt.country_name(code),
              colours.get(code, QColor("#9aa5b1"))) for code in timeline.lanes()]
    store = window.store
    where = "" if store is None or store.path == ":memory:" else f" · {Path(store.path).name}"
    made = datetime.now(timezone.utc).strftime("%Y-%m-%d")
    page = Page(title or default_title(window), describe(window), view, float(w), float(view.height()), lanes,
                f"Conflict Timeline{where} · made {made}")
    page.legend_height = _legend(page, None, 0.0)
    title_font, body, small = _fonts()
    head = QFontMetricsF(title_font).height() + QFontMetricsF(body).height() + 18
    page.height = MARGIN + head + page.timeline_height + 14 + page.legend_height + 10 \
        + QFontMetricsF(small).height() + MARGIN
    return page


def _legend(page: Page, p: QPainter | None, top: float) -> float:
    """The legend under the timeline (painted when `p` is given); returns its height."""
    _, body, small = _fonts()
    fm = QFontMetricsF(small)
    row_h = max(18.0, fm.height() + 6)
    x, y = MARGIN, top
    right = page.width - MARGIN
    if p is not None:
        p.setFont(small)
    for code, name, colour in page.lanes:
        text = f"{name} ({code})" if code != NO_COUNTRY else name
        need = 16 + fm.horizontalAdvance(text) + 18
        if x + need > right and x > MARGIN:
            x, y = MARGIN, y + row_h
        if p is not None:
            tp.draw_dot(p, QPointF(x + 6, y + row_h / 2), colour)
            p.setPen(TEXT)
            p.drawText(QRectF(x + 16, y, need, row_h), Qt.AlignmentFlag.AlignVCenter, text)
        x += need
    x, y = MARGIN, y + row_h + 4
    sample = QColor(fmt.country_colour("UA"))
    for kind, meaning in MARKS:
        need = 46 + fm.horizontalAdvance(meaning) + 22
        if x + need > right and x > MARGIN:
            x, y = MARGIN, y + row_h
        if p is not None:
            cy = y + row_h / 2
            box = QRectF(x, cy - 6, 38, 12)
            if kind == "dot":
                tp.draw_dot(p, QPointF(x + 19, cy), sample)
            elif kind == "band":
                tp.draw_band(p, box, sample)
            elif kind == "pill":
                tp.draw_pill(p, QRectF(x + 3, cy - tp.PILL_H / 2, 32, tp.PILL_H), sample, "+12", tp.pill_font())
            else:
                tp.draw_strip(p, QRectF(x, cy - 4, 38, 8), sample, (0, 1, 3, 8, 14, 6, 2, 1, 0, 2, 5, 1))
            p.setFont(small)
            p.setPen(MUTED)
            p.drawText(QRectF(x + 46, y, need, row_h), Qt.AlignmentFlag.AlignVCenter, meaning)
        x += need
    return y + row_h - top


def timeline_rect(page: Page) -> QRectF:
    """Where `paint_page` draws the timeline (lanes, lane names, axis), in the page's logical pixels."""
    title_font, body, _ = _fonts()
    top = MARGIN + QFontMetricsF(title_font).height() + 4 + QFontMetricsF(body).height() + 14
    return QRectF(MARGIN, top, page.view.width(), page.timeline_height)


def paint_page(page: Page, p: QPainter) -> None:
    """The whole page at logical coordinates (0, 0) - (width, height), the timeline as shapes and text (sharp
    on any device: PNG at twice the screen's density, SVG, PDF, a printer)."""
    title_font, body, small = _fonts()
    with theme.light_for_output():
        p.fillRect(QRectF(0, 0, page.width, page.height), QColor("#ffffff"))
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        y = MARGIN
        p.setFont(title_font)
        p.setPen(TEXT)
        th = QFontMetricsF(title_font).height()
        title = QFontMetricsF(title_font).elidedText(page.title, Qt.TextElideMode.ElideRight,
                                                     page.width - 2 * MARGIN)
        p.drawText(QRectF(MARGIN, y, page.width - 2 * MARGIN, th), Qt.AlignmentFlag.AlignLeft, title)
        y += th + 4
        p.setFont(body)
        p.setPen(MUTED)
        bh = QFontMetricsF(body).height()
        sub = QFontMetricsF(body).elidedText(page.subtitle, Qt.TextElideMode.ElideRight, page.width - 2 * MARGIN)
        p.drawText(QRectF(MARGIN, y, page.width - 2 * MARGIN, bh), Qt.AlignmentFlag.AlignLeft, sub)
        y += bh + 14
        area = timeline_rect(page)
        page.view.render_into(p, area, vector=True)
        y = area.bottom() + 6
        p.setPen(RULE)
        p.drawLine(QPointF(MARGIN, y), QPointF(page.width - MARGIN, y))
        y += 8
        _legend(page, p, y)
        y += page.legend_height + 10
        p.setFont(small)
        p.setPen(MUTED)
        p.drawText(QRectF(MARGIN, y, page.width - 2 * MARGIN, QFontMetricsF(small).height()),
                   Qt.AlignmentFlag.AlignLeft, page.footer)


def _finish(page: Page) -> None:
    page.view.close()
    page.view.deleteLater()


def export_view(window, path: str, title: str | None = None, width: int | None = None) -> str:
    """Write the current view as a page to `path`: PNG (pixels, twice the screen's density, every mark and
    label drawn at that density), SVG or PDF (vectors, text as text) by its extension. Returns the path;
    OSError when it cannot be written."""
    path = str(path)
    ext = Path(path).suffix.lower()
    if ext not in IMAGE_FORMATS:
        raise ValueError(f"{path}: export as .png, .svg or .pdf")
    page = make_page(window, title, width)
    try:
        if ext == ".png":
            scale = 2
            image = QImage(int(page.width * scale), int(page.height * scale), QImage.Format.Format_ARGB32)
            image.setDevicePixelRatio(scale)
            image.fill(QColor("#ffffff"))
            p = QPainter(image)
            try:
                # shapes and text painted at the image's density: the lanes' screen caches (dots, labels,
                # "+N") are 1x pixmaps and would be blurred when scaled up to 2x
                paint_page(page, p)
            finally:
                p.end()
            if not image.save(path, "PNG"):
                raise OSError(f"cannot write {path}")
        elif ext == ".svg":
            from PySide6.QtSvg import QSvgGenerator
            gen = QSvgGenerator()
            gen.setFileName(path)
            gen.setSize(QSizeF(page.width, page.height).toSize())
            gen.setViewBox(QRectF(0, 0, page.width, page.height))
            gen.setTitle(page.title)
            gen.setDescription(page.subtitle)
            gen.setResolution(96)
            p = QPainter(gen)
            try:
                paint_page(page, p)
            finally:
                p.end()
            if not Path(path).is_file():
                raise OSError(f"cannot write {path}")
        else:
            writer = QPdfWriter(path)
            writer.setResolution(96)
            writer.setTitle(page.title)
            writer.setCreator("Conflict Timeline")
            size = QPageSize(QSizeF(page.width * 0.75, page.height * 0.75), QPageSize.Unit.Point, "view")
            writer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
            p = QPainter()
            if not p.begin(writer):
                raise OSError(f"cannot write {path}")
            try:
                paint_page(page, p)
            finally:
                p.end()
    finally:
        _finish(page)
    return path


def print_view(window, printer, title: str | None = None) -> None:
    """Print the current view on `printer` (a QPrinter, set up by the print dialog or, in tests, to a
    PDF file): one page, scaled to fit the printable area, landscape when the view is wide."""
    from PySide6.QtPrintSupport import QPrinter
    page = make_page(window, title)
    try:
        p = QPainter()
        if not p.begin(printer):
            raise OSError("the printer could not be opened")
        try:
            area = printer.pageRect(QPrinter.Unit.DevicePixel)     # the painter starts at its top left
            scale = min(area.width() / page.width, area.height() / page.height)
            p.scale(scale, scale)
            paint_page(page, p)
        finally:
            p.end()
    finally:
        _finish(page)


def export_data(window, path: str, kind: str) -> int:
    """What the filters show, as `kind` ("csv", "json" or "timelinejs") in `path` (viewer.export);
    returns how many events were written."""
    from viewer.export import export
    if window.store is None:
        raise OSError("no database is open")
    f = window.shown_filter() or window.view_filter()
    return export(window.store, kind, str(path), f)
