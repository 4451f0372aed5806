"""The language detector's model unpacked once into the user's cache and mapped from there by later processes:
the same languages either way, and a cache that is broken or cannot be written never stops detection."""
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from viewer import langcache, text

ROOT = Path(__file__).resolve().parent.parent

# Texts the first pass leaves to the model (too short, or a language close to one of the ten), written for
# these tests.
UNDECIDED = [
    "Kyiv, Monday evening.",
    "Els veïns de la ciutat encara esperen que torni la llum, però el govern no diu res.",
    "Os veciños da cidade aínda agardan que volva a luz, pero o goberno non di nada.",
    "Die weermag het hom na twee weke van swaar beskieting van die rivier onttrek.",
    "Армія адышла ад ракі пасля двух тыдняў моцных абстрэлаў, і жыхары горада дагэтуль чакаюць святла.",
    "Warga kota masih menunggu listrik kembali, dan pemerintah belum memberi keterangan.",
    "Berlin, Montagabend: Gespräche.",
]


def _detect_all(monkeypatch, source):
    """Detections and the model's ranking with the model read through ``source``, as in a fresh process."""
    monkeypatch.setattr(text, "_detector", None)
    monkeypatch.setattr(text, "_model_source", None)
    text.set_model_source(source)
    langs = [text.detect_language(s) for s in UNDECIDED]
    ranks = [text._language_identifier().rank(s)[:3] for s in UNDECIDED]
    return langs, ranks


@pytest.fixture(scope="module")
def packaged(tmp_path_factory):
    """What the detector says with py3langid's packaged model, no cache."""
    mp = pytest.MonkeyPatch()
    try:
        return _detect_all(mp, None)
    finally:
        mp.undo()


def _loaded(root: Path):
    """load_model as a process calls it (the cache written in the background), then the wait for the writer
    that the interpreter does before it exits."""
    arrays = langcache.load_model(root)
    assert langcache.finish_writing(120)
    return arrays


def _cache_folder(root: Path) -> Path:
    folders = [p for p in root.iterdir() if p.is_dir()]
    assert len(folders) == 1, folders
    return folders[0]


def test_the_first_process_writes_the_cache_and_the_next_maps_it(tmp_path, monkeypatch, packaged):
    first = _detect_all(monkeypatch, lambda: _loaded(tmp_path))
    folder = _cache_folder(tmp_path)
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{n}.npy" for n in langcache.ARRAYS)
    assert "py3langid" in folder.name

    # a later process: the cache is read (mapped, never unpacked again) and says the same
    def no_unpack(data):
        raise AssertionError("the packaged model was unpacked again")
    monkeypatch.setattr(langcache, "_unpack", no_unpack)
    arrays = _loaded(tmp_path)
    assert all(isinstance(arrays[n], np.memmap) for n in langcache.ARRAYS)
    second = _detect_all(monkeypatch, lambda: _loaded(tmp_path))
    assert first == second == packaged
    assert packaged[0][0] == "en" and None not in packaged[0]


@pytest.mark.parametrize("damage", ["truncated", "garbage", "missing", "wrong array"])
def test_a_damaged_cache_is_rebuilt_and_detection_unchanged(tmp_path, monkeypatch, packaged, damage):
    assert _loaded(tmp_path) is not None
    folder = _cache_folder(tmp_path)
    target = folder / "nextmove.npy"
    if damage == "truncated":
        with open(target, "r+b") as fh:
            fh.truncate(target.stat().st_size // 2)
    elif damage == "garbage":
        target.write_bytes(os.urandom(4096))
    elif damage == "missing":
        target.unlink()
    else:
        np.save(target, np.arange(10, dtype=np.float64))
    assert _detect_all(monkeypatch, lambda: _loaded(tmp_path)) == packaged
    # the bad copy was replaced by a good one
    assert langcache.read_cache(_cache_folder(tmp_path)) is not None


def test_a_damaged_cache_without_the_packaged_model_falls_back_to_the_detector_own_path(tmp_path, monkeypatch,
                                                                                         packaged):
    assert _loaded(tmp_path) is not None
    (_cache_folder(tmp_path) / "ptc.npy").write_bytes(b"not an array")
    monkeypatch.setattr(langcache, "_packaged_model", lambda: tmp_path / "no-such-model.npz.xz")
    assert _loaded(tmp_path) is None
    assert _detect_all(monkeypatch, lambda: _loaded(tmp_path)) == packaged


def test_a_cache_folder_that_cannot_be_written_falls_back(tmp_path, monkeypatch, packaged):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    root = blocker / "cache"
    assert _detect_all(monkeypatch, lambda: _loaded(root)) == packaged
    assert not root.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["a file"]


def test_a_failing_model_source_falls_back_to_the_packaged_model(monkeypatch, packaged):
    def broken():
        raise OSError("disk gone")
    assert _detect_all(monkeypatch, broken) == packaged
    assert _detect_all(monkeypatch, lambda: None) == packaged


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG_CACHE_HOME names the cache folder on Linux")
def test_the_program_entry_caches_the_model_in_the_user_cache(tmp_path):
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path))
    for _ in range(2):
        proc = subprocess.run([sys.executable, "-m", "viewer", "timex", "--dct", "2024-11-18", "-"],
                              input="Kyiv, Monday evening.", capture_output=True, text=True, cwd=ROOT, env=env,
                              timeout=300)
        assert proc.returncode == 0, proc.stderr
        assert '"language": "en"' in proc.stdout.replace('":"', '": "')
    folder = _cache_folder(tmp_path / "conflict-timeline" / "langid")
    assert langcache.read_cache(folder) is not None


def test_a_second_writer_keeps_the_first_copy_and_leaves_nothing_behind(tmp_path, monkeypatch, packaged):
    assert _loaded(tmp_path) is not None
    folder = _cache_folder(tmp_path)
    before = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    arrays = langcache.read_cache(folder)
    assert langcache.write_cache(folder, arrays)        # as a process that unpacked at the same time
    assert [p.name for p in tmp_path.iterdir()] == [folder.name]
    assert {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} == before
    assert _detect_all(monkeypatch, lambda: _loaded(tmp_path)) == packaged


def test_what_a_killed_writer_left_is_removed_on_the_next_write(tmp_path):
    stale = tmp_path / f"{langcache.PARTIAL_PREFIX}killed"
    stale.mkdir()
    (stale / "ptc.npy").write_bytes(b"half")
    os.utime(stale, (0, 0))
    fresh = tmp_path / f"{langcache.PARTIAL_PREFIX}writing"     # another process writing now
    fresh.mkdir()
    assert _loaded(tmp_path) is not None
    assert not stale.exists() and fresh.exists()


def test_the_first_process_answers_from_the_unpacked_model_and_writes_the_cache_behind(tmp_path, monkeypatch,
                                                                                      packaged):
    written = []
    real = langcache.write_cache

    def slow_write(folder, arrays):
        written.append(folder)
        return real(folder, arrays)
    monkeypatch.setattr(langcache, "write_cache", slow_write)
    arrays = langcache.load_model(tmp_path)
    assert not any(isinstance(arrays[n], np.memmap) for n in langcache.ARRAYS)   # the unpacked arrays
    assert langcache.finish_writing(120) and len(written) == 1
    assert langcache.read_cache(_cache_folder(tmp_path)) is not None
    # without the background, written first and mapped back
    other = tmp_path / "other"
    arrays = langcache.load_model(other, background=False)
    assert all(isinstance(arrays[n], np.memmap) for n in langcache.ARRAYS)
