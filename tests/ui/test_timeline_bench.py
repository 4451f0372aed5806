"""The UI benchmark's interface (what `python -m viewer bench ui --json` prints); no timing assertions."""
from __future__ import annotations

import json
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from viewer.ui import bench  # noqa: E402


def test_bench_reports_every_figure(qapp, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(bench.tempfile, "gettempdir", lambda: str(tmp_path))
    result = bench.run(3000, True, size=(800, 500))
    printed = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert printed == json.loads(json.dumps(result))
    for key in ("first_paint_ms", "full_load_ms", "pan_frame_ms", "zoom_frame_ms", "filter_ms", "rss_mb"):
        assert isinstance(result[key], (int, float)) and result[key] > 0, key
    assert result["events"] == 3000 and result["frames"] > 100
    assert (tmp_path / "conflict-timeline-bench" / f"synth-3000-v{bench.SYNTH_VERSION}.db").exists()
