"""pytz and tzdata as one zip archive on sys.path, instead of 1,200 tiny files in the bundle.

Both packages are time-zone databases as files (pytz: 600 "fat" TZif files; tzdata: 600 "slim" ones, which
pytz can't read, so they can't share one copy). A onefile build unpacks every file at every start, and on a
disk-backed /tmp each small file costs about a millisecond: these two packages were ~1 s of a ~3 s start.
Imported from a zip (zipimport), both still find their data: pytz falls back to importlib.resources when
its zoneinfo/ folder isn't on disk, and zoneinfo reads tzdata through importlib.resources.

build.spec calls make_zip() and ships the result as tzdb.zip; packaging/rthook_tzdb.py puts it on sys.path.
"""
from __future__ import annotations

import importlib.util
import py_compile
import sys
import tempfile
import zipfile
from pathlib import Path

PACKAGES = ("pytz", "tzdata")


def make_zip(out: Path, packages=PACKAGES) -> Path:
    """Write `out`: each package's modules compiled (.pyc, unchecked) and its data files, deflated."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name in packages:
            spec = importlib.util.find_spec(name)
            if spec is None or not spec.submodule_search_locations:
                # tzdata comes in through python-dateutil today; pyproject should name it (Windows has
                # no zoneinfo database of its own). Build without it rather than not at all.
                print(f"tzdb: {name} is not installed; the build will not contain it", file=sys.stderr)
                continue
            root = Path(next(iter(spec.submodule_search_locations)))
            for path in sorted(root.rglob("*")):
                if not path.is_file() or "__pycache__" in path.parts or path.suffix == ".pyc":
                    continue
                rel = Path(name) / path.relative_to(root)
                if path.suffix == ".py":
                    compiled = Path(tmp) / "m.pyc"
                    py_compile.compile(str(path), cfile=str(compiled), dfile=rel.as_posix(), doraise=True,
                                       invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
                    zf.write(compiled, rel.with_suffix(".pyc").as_posix())
                else:
                    zf.write(path, rel.as_posix())
    return out
