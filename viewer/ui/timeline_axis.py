"""The timeline's date axis: calendar-aligned ticks from centuries to minutes, in UTC.

pyqtgraph's DateAxisItem computes and measures every candidate tick of every zoom level on each frame
(~10 ms per frame at a ten-year span); this axis picks one step that fits (a handful of labelled ticks plus
unlabelled minor ones) in microseconds, aligned to the calendar (years, months, days, hours), and gives the
major tick positions for the plot's grid lines (`major_ticks`). Month names are the panels' own
(`formatting.month_name`, in the desktop's language).
"""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QLineF, QPointF
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen, QPicture, QStaticText

from viewer.ui import formatting as fmt

# (unit, count), coarsest first; approximate seconds per unit for choosing
_STEPS = [("year", 100), ("year", 50), ("year", 20), ("year", 10), ("year", 5), ("year", 2), ("year", 1),
          ("month", 6), ("month", 3), ("month", 1), ("day", 7), ("day", 2), ("day", 1),
          ("hour", 12), ("hour", 6), ("hour", 3), ("hour", 1), ("minute", 30), ("minute", 15),
          ("minute", 10), ("minute", 5), ("minute", 1)]
_UNIT_SECONDS = {"year": 365.2425 * 86400, "month": 30.44 * 86400, "day": 86400.0, "hour": 3600.0,
                 "minute": 60.0}
_MIN_LABEL_PX = 78.0
_MIN_MINOR_PX = 9.0
_LIMIT_S = 4.9e11               # about +-15,500 years around 1970: beyond it, no ticks


def _to_dt(t: float) -> fmt.Civil:
    """The calendar day and time of `t` seconds since 1970 UTC, in any year (BC too: no datetime)."""
    return fmt.civil(t)


def _ts(y: int, m: int = 1, d: int = 1) -> float:
    return fmt.seconds_of(y, m, d)


def _year_ticks(y0: int, y1: int, count: int) -> list[int]:
    """Years from y0 to y1 every `count` years, on round numbers as people count them: 2000, 2010 … and,
    before year 1, 500 BC, 490 BC … (astronomical years -499, -489 …)."""
    out = []
    if y1 >= 1:                                          # AD: multiples of count
        y = max(y0, 1)
        y += (-y) % count
        out.extend(range(y, y1 + 1, count))
    if y0 <= 0:                                          # BC: n BC with n a multiple of count
        n_hi = 1 - y0                                    # the earliest year's BC number
        n_lo = max(1 - min(y1, 0), 1)
        n = n_lo + (-n_lo) % count
        out.extend(1 - k for k in range(n, n_hi + 1, count))
    return sorted(set(out))


def tick_values(t0: float, t1: float, unit: str, count: int, limit: int = 400) -> list[float]:
    """Calendar-aligned instants in [t0, t1] every `count` `unit`s (at most `limit`), in any year."""
    out: list[float] = []
    if t1 <= t0 or t1 < -_LIMIT_S or t0 > _LIMIT_S:
        return out
    lo, hi = _to_dt(max(t0, -_LIMIT_S)), _to_dt(min(t1, _LIMIT_S))
    if unit == "year":
        for y in _year_ticks(lo.year, hi.year, count):
            v = _ts(y)
            if t0 <= v <= t1:
                out.append(v)
                if len(out) >= limit:
                    break
    elif unit == "month":
        y, m = lo.year, lo.month - (lo.month - 1) % count
        while len(out) < limit and (y, m) <= (hi.year, hi.month):
            v = _ts(y, m)
            if t0 <= v <= t1:
                out.append(v)
            m += count
            if m > 12:
                y, m = y + 1, m - 12
    else:
        step = _UNIT_SECONDS[unit] * count
        base = 4 * 86400.0 if (unit, count) == ("day", 7) else 0.0     # weeks start on Monday
        k = int((t0 - base) // step)
        while len(out) < limit:
            v = base + k * step
            if v > t1:
                break
            if v >= t0:
                out.append(float(v))
            k += 1
    return out


def label(t: float, unit: str) -> str:
    """A tick's label at a step of `unit`: the year where one begins ('2024', '480 BC'), else the month,
    the day or the time."""
    d = _to_dt(t)
    if unit == "year":
        return fmt.year_label(d.year)
    if unit == "month":
        return fmt.year_label(d.year) if d.month == 1 else fmt.month_name(d.month, short=True)
    if unit == "day":
        if d.day == 1 and d.month == 1:
            return fmt.year_label(d.year)
        return fmt.day_month(d)
    if d.hour == 0 and d.minute == 0:
        return fmt.day_month(d)
    return fmt.clock(d)


def context_label(t: float, unit: str) -> str:
    """The one label that also says what the others leave out: 'Sep 2024', '18 Sep 2024',
    '18 Sep 2024 14:30', 'Sep 480 BC'."""
    d = _to_dt(t)
    if unit == "year":
        return fmt.year_label(d.year)
    if unit == "month":
        return fmt.month_year(d, short=True)
    if unit == "day":
        return fmt.day(d)
    return f"{fmt.day(d)} {fmt.clock(d)}"


def choose(t0: float, t1: float, width_px: float) -> tuple[int, int | None]:
    """Indexes into _STEPS of the labelled step and the minor step (None when no minor ticks fit)."""
    px_per_s = width_px / max(t1 - t0, 1e-9)
    major = 0
    for i, (unit, count) in enumerate(_STEPS):
        if _UNIT_SECONDS[unit] * count * px_per_s >= _MIN_LABEL_PX:
            major = i
        else:
            break
    minor = None
    for i in range(major + 1, len(_STEPS)):
        unit, count = _STEPS[i]
        px = _UNIT_SECONDS[unit] * count * px_per_s
        if px < _MIN_MINOR_PX:
            break
        if px <= 45 and _divides(_STEPS[i], _STEPS[major]):
            minor = i
            break
    return major, minor


def major_ticks(t0: float, t1: float, width_px: float) -> list[float]:
    """The labelled ticks of [t0, t1] shown `width_px` wide (the plot's grid lines sit on them)."""
    unit, count = _STEPS[choose(t0, t1, width_px)[0]]
    return tick_values(t0, t1, unit, count)


def _divides(small, big) -> bool:
    (us, cs), (ub, cb) = small, big
    if us == ub:
        return cb % cs == 0
    if ub == "year" and us == "month":
        return 12 % cs == 0
    if ub == "month":
        return us == "day" and cs == 1
    return _UNIT_SECONDS[ub] * cb % (_UNIT_SECONDS[us] * cs) == 0 if us not in ("year", "month") else False


class TimeAxis(pg.AxisItem):
    """Bottom axis in UTC seconds."""

    def __init__(self, **kwargs):
        super().__init__(orientation="bottom", **kwargs)
        self._unit = "year"
        self._texts: dict[str, QStaticText] = {}
        self._recorded = None       # (range and geometry, QPicture) of the last paint

    def paint(self, p, opt, widget):
        """Draws the axis straight away (pyqtgraph records a QPicture of measured text specs on every range
        change, ~4 ms a frame here): the line, major and minor ticks, and each major tick's label as a
        cached QStaticText centred under it; labels that would stick out of the axis are left out."""
        rect = self.boundingRect()
        bounds = self.mapRectFromParent(self.geometry())
        lo, hi = self.range
        width = bounds.width()
        if hi <= lo or width <= 0:
            return
        key = (lo, hi, bounds.x(), bounds.y(), width, bounds.height())
        if self._recorded is not None and self._recorded[0] == key:
            p.drawPicture(0, 0, self._recorded[1])      # unchanged (the overview's axis while panning)
            return
        picture = QPicture()
        q = QPainter(picture)
        try:
            self._draw(q, rect, bounds, lo, hi, width)
        finally:
            q.end()
        self._recorded = (key, picture)
        p.drawPicture(0, 0, picture)

    def _draw(self, p, rect, bounds, lo, hi, width):
        scale = width / (hi - lo)
        levels = self.tickValues(lo, hi, width)
        top = bounds.top()
        tick = self.style["tickLength"]
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setPen(self.pen())
        p.drawLine(QLineF(bounds.left() - 1, top + 1, bounds.right() + 1, top + 1))
        base = self.pen().color()
        for i, (_, values) in enumerate(levels):
            color = QColor(base)
            color.setAlpha(int(255 / (i + 1)))
            p.setPen(QPen(color, 1))
            length = tick / (i * 0.5 + 1.0)
            xs = [(v - lo) * scale for v in values]
            p.drawLines([QLineF(x, top, x, top + length) for x in xs if 0 <= x <= width])
        if not self.style["showValues"] or not levels:
            return
        spacing, values = levels[0]
        strings = self.tickStrings(values, 1.0, spacing)
        font = self.style["tickFont"]
        if font is not None:
            p.setFont(font)
        fm = QFontMetricsF(p.font())
        p.setPen(self.textPen())
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        y = top + max(0, tick) + self.style["tickTextOffset"][1]
        for v, text in zip(values, strings):
            if not text:
                continue
            st = self._texts.get(text)
            if st is None:
                if len(self._texts) > 500:
                    self._texts.clear()
                st = self._texts[text] = QStaticText(text)
                st.prepare(font=p.font())
            w = fm.horizontalAdvance(text)
            x = (v - lo) * scale - w / 2
            if x < rect.left() or x + w > rect.right():
                continue
            p.drawStaticText(QPointF(x, y), st)
        self._updateMaxTextSize(int(fm.height()))

    def tickValues(self, minVal, maxVal, size):
        major, minor = choose(minVal, maxVal, size)
        unit, count = _STEPS[major]
        self._unit = unit
        majors = tick_values(minVal, maxVal, unit, count)
        levels = [(_UNIT_SECONDS[unit] * count, majors)]
        if minor is not None:
            mu, mc = _STEPS[minor]
            taken = set(majors)
            levels.append((_UNIT_SECONDS[mu] * mc,
                           [v for v in tick_values(minVal, maxVal, mu, mc) if v not in taken]))
        return levels

    def tickStrings(self, values, scale, spacing):
        if not values or spacing < _UNIT_SECONDS[self._unit] * 0.99:
            return [""] * len(values)          # minor ticks: unlabelled
        out = [label(v, self._unit) for v in values]
        if out and self._unit != "year":
            # one label carries the context the others leave out (not the first: it may be cut at the edge)
            k = 1 if len(values) > 2 else 0
            out[k] = context_label(values[k], self._unit)
        return out
