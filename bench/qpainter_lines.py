"""Why the timeline fills long lines as rectangles: QPainter's cost per call on the raster engine.

    QT_QPA_PLATFORM=offscreen python bench/qpainter_lines.py

Prints JSON: microseconds per call for a horizontal aliased line drawn with ``drawLine`` (a width-1 pen and
a cosmetic one) and as a one-pixel ``fillRect``, on an ARGB32 image the size of the pan canvas.
"""
from __future__ import annotations

import json
import time


def per_call(fn, n=2000) -> float:
    t = time.perf_counter()
    for _ in range(n):
        fn()
    return round((time.perf_counter() - t) / n * 1e6, 2)


def main() -> int:
    from PySide6.QtCore import QLineF, QRectF
    from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPen
    app = QGuiApplication.instance() or QGuiApplication([])   # noqa: F841 (keeps Qt alive)
    img = QImage(3600, 700, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(0)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    color = QColor(200, 50, 50, 150)
    out = {"width_px": 2400}
    p.setPen(QPen(color, 1))
    out["drawLine_us"] = per_call(lambda: p.drawLine(QLineF(0, 300, 2400, 300)))
    p.setPen(QPen(color, 0))
    out["drawLine_cosmetic_us"] = per_call(lambda: p.drawLine(QLineF(0, 300, 2400, 300)))
    out["fillRect_us"] = per_call(lambda: p.fillRect(QRectF(0, 300, 2400, 1), color))
    p.end()
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
