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
    for key in ("first_paint_ms", "full_load_ms", "pan_frame_ms", "zoom_frame_ms", "filter_ms", "rss_mb",
                "precision_ms", "date_ms", "article_ms", "search_ms", "search_first_ms", "search_query_ms",
                "pan_step_ms", "zoom_step_ms", "pan_step_cpu_ms", "zoom_step_cpu_ms"):
        assert isinstance(result[key], (int, float)) and result[key] > 0, key
    for key in ("edit_ms", "edit_cpu_ms", "edit_country_ms", "edit_refresh_ms"):
        assert isinstance(result[key], (int, float)) and result[key] > 0, key
    assert result["edit_count"] == 7
    assert result["events"] == 3000 and result["frames"] > 100
    assert result["stacking"] == "on"
    assert (tmp_path / "conflict-timeline-bench" / f"synth-3000-v{bench.SYNTH_VERSION}.db").exists()


def test_the_standalone_program_builds_its_database_with_its_own_synth_command(tmp_path, monkeypatch):
    """Frozen, there is no Python to run "-c" with: the program's own `synth` subcommand builds the db."""
    calls = []

    def fake_run(command, check, env):
        calls.append(command)
        (tmp_path / "conflict-timeline-bench" / f".synth-5-{os.getpid()}.db").write_bytes(b"")

    monkeypatch.setattr(bench.tempfile, "gettempdir", lambda: str(tmp_path))
    monkeypatch.setattr(bench.subprocess, "run", fake_run)
    monkeypatch.setattr(bench.sys, "frozen", True, raising=False)
    monkeypatch.setattr(bench.sys, "executable", "/opt/conflict-timeline/conflict-timeline")
    path = bench.cached_db(5)
    assert calls == [["/opt/conflict-timeline/conflict-timeline", "synth", "--events", "5", "--db",
                      str(tmp_path / "conflict-timeline-bench" / f".synth-5-{os.getpid()}.db")]]
    assert path.exists()


def test_bench_measures_with_stacking_off_too(qapp, tmp_path, monkeypatch):
    """`--stacking off` reaches the timeline: the view it measures draws every mark on its lane's line."""
    from viewer.ui import timeline as timeline_module
    seen = []
    original = timeline_module.TimelineView.set_store

    def spy(self, store):
        seen.append(self.stacking)
        return original(self, store)

    monkeypatch.setattr(timeline_module.TimelineView, "set_store", spy)
    monkeypatch.setattr(bench.tempfile, "gettempdir", lambda: str(tmp_path))
    result = bench.run(2000, False, size=(700, 400), stacking="off")
    assert result["stacking"] == "off" and seen and set(seen) == {False}   # (the edits' window too)
