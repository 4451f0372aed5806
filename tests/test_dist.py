"""Packaging: the PyInstaller build (build.spec, packaging/) and the built program itself.

The tests that run dist/conflict-timeline/conflict-timeline skip when it hasn't been built (or is older than
the sources): `make test` runs before any build. CI then runs `make dist-check`, which builds the onedir
program and runs the same checks (packaging/dist_check.py) for real.
"""
from __future__ import annotations

import ast
import configparser
import importlib.util
import json
import re
import shutil
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


dist_check = _load("ct_dist_check", ROOT / "packaging" / "dist_check.py")
icons = _load("ct_icons", ROOT / "packaging" / "icons.py")
tzdb = _load("ct_tzdb", ROOT / "packaging" / "tzdb.py")
winversion = _load("ct_winversion", ROOT / "packaging" / "winversion.py")


def _png(width: int, height: int, pixel, *, filters=(0,)) -> bytes:
    """An 8-bit RGB PNG; pixel(x, y) -> (r, g, b). Rows use the given filter types in turn."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw, previous = bytearray(), bytes(width * 3)
    for y in range(height):
        row = bytes(c for x in range(width) for c in pixel(x, y))
        kind = filters[y % len(filters)]
        out = bytearray()
        for i, value in enumerate(row):
            left = row[i - 3] if i >= 3 else 0
            up = previous[i]
            up_left = previous[i - 3] if i >= 3 else 0
            if kind == 0:
                predictor = 0
            elif kind == 1:
                predictor = left
            elif kind == 2:
                predictor = up
            elif kind == 3:
                predictor = (left + up) >> 1
            else:
                p = left + up - up_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                predictor = left if pa <= pb and pa <= pc else (up if pb <= pc else up_left)
            out.append((value - predictor) & 0xFF)
        raw += bytes([kind]) + out
        previous = row
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(bytes(raw))) + chunk(b"IEND", b""))


# -- the checker's own logic ------------------------------------------------------------------

def test_png_reader_undoes_every_filter(tmp_path):
    def pixel(x, y):
        return ((x * 37 + y * 11) % 256, (x * y) % 256, (255 - x * 5) % 256)

    path = tmp_path / "p.png"
    path.write_bytes(_png(40, 30, pixel, filters=(0, 1, 2, 3, 4)))
    width, height, channels, rows = dist_check.png_pixels(path)
    assert (width, height, channels) == (40, 30, 3)
    for y in (0, 1, 2, 3, 4, 17, 29):
        assert rows[y] == bytes(c for x in range(40) for c in pixel(x, y))


def test_blank_png_is_refused_and_a_busy_one_passes(tmp_path):
    blank = tmp_path / "blank.png"
    blank.write_bytes(_png(120, 80, lambda x, y: (255, 255, 255), filters=(1, 4)))
    with pytest.raises(dist_check.CheckFailed, match="blank"):
        dist_check.check_png(blank, (120, 80))
    busy = tmp_path / "busy.png"
    busy.write_bytes(_png(120, 80, lambda x, y: (255, 255, 255) if y < 40 else (x * 2, y, (x * y) % 256),
                          filters=(0, 2, 3)))
    stats = dist_check.check_png(busy, (120, 80))
    assert stats["colours"] >= 50 and stats["not_background"] > 0.4
    with pytest.raises(dist_check.CheckFailed, match="asked for"):
        dist_check.check_png(busy, (1200, 700))


def test_reads_a_png_written_by_qt(tmp_path):
    QtGui = pytest.importorskip("PySide6.QtGui")
    image = QtGui.QImage(200, 100, QtGui.QImage.Format.Format_ARGB32)
    image.fill(QtGui.QColor("white"))
    for x in range(200):
        for y in range(50, 100):
            image.setPixelColor(x, y, QtGui.QColor(x, (x * y) % 256, y))
    path = tmp_path / "qt.png"
    assert image.save(str(path), "PNG")
    stats = dist_check.check_png(path, (200, 100))
    assert stats["colours"] > 1000
    assert stats["not_background"] == pytest.approx(0.5, abs=0.01)


# -- the packaging files ----------------------------------------------------------------------

def test_icon_containers_wrap_the_png_unchanged():
    png = _png(256, 256, lambda x, y: (x, y, 128))
    ico = icons.png_to_ico(png)
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    width, height, _, _, planes, bits, size, offset = struct.unpack("<BBBBHHII", ico[6:22])
    assert (reserved, kind, count) == (0, 1, 1)
    assert (width, height, planes, bits) == (0, 0, 1, 32)  # 0 means 256
    assert ico[offset:offset + size] == png

    icns = icons.png_to_icns(png)
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert icns[8:12] == b"ic08" and icns[16:] == png
    with pytest.raises(ValueError):
        icons.png_to_icns(_png(100, 50, lambda x, y: (0, 0, 0)))


def test_platform_icon_is_made_from_the_app_png(tmp_path):
    source = tmp_path / "icons"
    source.mkdir()
    (source / "app.png").write_bytes(_png(256, 256, lambda x, y: (x, y, 0)))
    assert icons.platform_icon(source, "linux", tmp_path / "out") is None
    ico = icons.platform_icon(source, "win32", tmp_path / "out")
    icns = icons.platform_icon(source, "darwin", tmp_path / "out")
    assert ico.suffix == ".ico" and ico.read_bytes()[:4] == b"\0\0\1\0"
    assert icns.suffix == ".icns" and icns.read_bytes()[:4] == b"icns"
    assert icons.platform_icon(tmp_path / "missing", "win32", tmp_path / "out") is None


def test_desktop_entry():
    path = ROOT / "packaging" / "conflict-timeline.desktop"
    parser = configparser.RawConfigParser()
    parser.optionxform = str
    parser.read(path, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "conflict-timeline"
    assert entry["Icon"] == "conflict-timeline"
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";")
    validator = shutil.which("desktop-file-validate")
    if validator:
        proc = subprocess.run([validator, str(path)], capture_output=True, text=True)
        assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell script")
def test_install_desktop_entry_points_at_its_own_folder(tmp_path):
    folder = tmp_path / "Conflict Timeline 0.1"
    folder.mkdir()
    for name in ("install-desktop-entry.sh", "conflict-timeline.desktop"):
        shutil.copy2(ROOT / "packaging" / name, folder / name)
    if (ROOT / "resources" / "icons" / "app.svg").is_file():
        shutil.copy2(ROOT / "resources" / "icons" / "app.svg", folder / "conflict-timeline.svg")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "share")}
    refused = subprocess.run(["sh", str(folder / "install-desktop-entry.sh")], env=env, capture_output=True, text=True)
    assert refused.returncode == 1 and "no conflict-timeline program" in refused.stderr
    program = folder / "conflict-timeline"
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    subprocess.run(["sh", str(folder / "install-desktop-entry.sh")], env=env, check=True, capture_output=True)
    installed = tmp_path / "share" / "applications" / "conflict-timeline.desktop"
    text = installed.read_text(encoding="utf-8")
    assert f'Exec="{program}" %F' in text and f"TryExec={program}" in text
    if (folder / "conflict-timeline.svg").is_file():
        assert (tmp_path / "share" / "icons" / "hicolor" / "scalable" / "apps" / "conflict-timeline.svg").is_file()
    subprocess.run(["sh", str(folder / "install-desktop-entry.sh"), "--uninstall"], env=env, check=True,
                   capture_output=True)
    assert not installed.exists()


def test_windows_version_resource_is_valid(tmp_path):
    """The generated file is what PyInstaller's Windows build eval()s (checked with its own parser)."""
    pytest.importorskip("PyInstaller")
    assert winversion.version_tuple("0.1.0") == (0, 1, 0, 0)
    assert winversion.version_tuple("1.2.3rc1+local.5") == (1, 2, 3, 0)
    out = winversion.write_version_file("1.2.3", tmp_path / "version_info.txt")
    probe = (
        "import sys, types\n"
        "sys.modules.setdefault('pefile', types.ModuleType('pefile'))\n"  # Windows-only imports, unused here
        "import PyInstaller.compat as compat\n"
        "compat.win32api = getattr(compat, 'win32api', None) or types.ModuleType('win32api')\n"
        "from PyInstaller.utils.win32 import versioninfo\n"
        "info = versioninfo.load_version_info_from_text_file(sys.argv[1])\n"
        "raw = info.toRaw()\n"
        "print(info.ffi.fileVersionMS, info.ffi.fileVersionLS, len(raw), '1.2.3' in str(info))\n")
    proc = subprocess.run([sys.executable, "-c", probe, str(out)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    ms, ls, size, named = proc.stdout.split()
    assert (int(ms), int(ls)) == ((1 << 16) | 2, 3 << 16) and int(size) > 500 and named == "True"


def _spec_excludes() -> set[str]:
    text = (ROOT / "build.spec").read_text(encoding="utf-8")
    block = text[text.index("EXCLUDES = QT_EXCLUDE + ["):]
    block = block[:block.index("\n]\n")]
    return set(re.findall(r'"([\w.]+)"', block))


def test_the_spec_excludes_nothing_the_app_imports():
    excluded = _spec_excludes()
    assert {"tkinter", "pytest", "matplotlib"} <= excluded
    imported = set()
    for path in (ROOT / "viewer").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                imported.add(node.module)
    shipped_apart = set(tzdb.PACKAGES)  # excluded from the analysis, shipped in tzdb.zip
    clashes = {name for name in imported for ex in excluded - shipped_apart
               if name == ex or name.startswith(ex + ".")}
    assert clashes == set()


def test_tzdb_zip_serves_pytz_and_tzdata_like_the_installed_packages(tmp_path):
    """The zip the build ships instead of pytz/ and tzdata/ gives the same offsets (run in a fresh Python)."""
    pytest.importorskip("pytz")
    pytest.importorskip("tzdata")
    archive = tzdb.make_zip(tmp_path / "tzdb.zip")
    probe = (
        "import sys, json, datetime, zoneinfo\n"
        "if len(sys.argv) > 1: sys.path.insert(0, sys.argv[1])\n"
        "import pytz, tzdata\n"
        "zoneinfo.reset_tzpath([])\n"  # only the tzdata package, never the system's zone files
        "out = {'from': [pytz.__file__.endswith('.pyc'), tzdata.__file__.endswith('.pyc')]}\n"
        "for z in ['Europe/Kyiv', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney']:\n"
        "    p, zi = pytz.timezone(z), zoneinfo.ZoneInfo(z)\n"
        "    out[z] = [[str(p.localize(datetime.datetime(y, m, 15, 12)).utcoffset()),\n"
        "               str(datetime.datetime(y, m, 15, 12, tzinfo=zi).utcoffset())]\n"
        "              for y in (1990, 2024) for m in (1, 7)]\n"
        "out['ua'] = pytz.country_timezones['ua']\n"
        "print(json.dumps(out))\n")
    installed = json.loads(subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                                          check=True).stdout)
    zipped = json.loads(subprocess.run([sys.executable, "-c", probe, str(archive)], capture_output=True,
                                       text=True, check=True).stdout)
    assert zipped.pop("from") == [True, True]  # really imported from the zip
    installed.pop("from")
    assert zipped == installed
    assert zipped["Europe/Kyiv"][2] == ["2:00:00", "2:00:00"]


def test_the_entry_script_runs_the_cli():
    text = (ROOT / "packaging" / "conflict_timeline.py").read_text(encoding="utf-8")
    assert "freeze_support()" in text and "from viewer.cli import main" in text


# -- the built program ------------------------------------------------------------------------

def _built_program() -> Path:
    program = dist_check.PROGRAM
    if not program.is_file():
        pytest.skip(f"{program.relative_to(ROOT)} not built: run `make dist` (CI checks it with `make dist-check`)")
    if dist_check.is_stale(program):
        pytest.skip(f"{program.relative_to(ROOT)} is older than the sources: run `make dist` to test the current code")
    return program


def test_built_program_end_to_end():
    """--version, ingest of the bundled seeds, events --json, a non-blank screenshot, the readers."""
    summary = dist_check.check_program(_built_program())
    assert summary["seed_events"] >= dist_check.MIN_SEED_EVENTS
    assert set(summary["seed_values"]) == dist_check.SEED_VALUES
    assert summary["readers"]["articles"] == 2


def test_built_program_has_what_it_needs_and_not_more():
    program = _built_program()
    internal = program.parent / "_internal"
    assert (internal / "resources").is_dir() and (internal / "seeds").is_dir()
    with zipfile.ZipFile(internal / "tzdb.zip") as tzdb:
        names = set(tzdb.namelist())
    assert {"pytz/__init__.pyc", "pytz/zoneinfo/Europe/Kyiv", "tzdata/zoneinfo/Europe/Kyiv"} <= names
    assert (internal / "justext" / "stoplists").is_dir()
    names = {p.name for p in internal.rglob("*")}
    for unwanted in ("libQt6Quick.so.6", "libQt6Qml.so.6", "libQt6Network.so.6", "QtNetwork.abi3.so",
                     "libqgtk3.so", "_tkinter.cpython-311-x86_64-linux-gnu.so"):
        assert unwanted not in names
    plugins = internal / "PySide6" / "Qt" / "plugins"
    if plugins.is_dir():
        platforms = {p.name for p in (plugins / "platforms").iterdir()}
        assert "libqoffscreen.so" in platforms and "libqxcb.so" in platforms
        assert not (plugins / "sqldrivers").exists() and not (plugins / "qmltooling").exists()
    if sys.platform.startswith("linux"):
        assert (program.parent / "conflict-timeline.desktop").is_file()
