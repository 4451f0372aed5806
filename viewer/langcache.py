"""The language detector's model, unpacked once per machine and mapped from disk afterwards.

py3langid ships its model LZMA-compressed (4.6 MB packed, 68 MB unpacked); unpacking it is most of the model's
load, paid by every process that asks the model (a text the first pass of :mod:`viewer.text` cannot tell). The
first such process unpacks it, answers, and meanwhile writes its arrays (a thread), one ``.npy`` file each, to a folder of the user's cache
named after py3langid's version and the packaged model's size and hash; later processes map them from there
(``np.load(..., mmap_mode="r")``) instead (bench/startup.py measures both).

:mod:`viewer.text` reads no files: :func:`install` hands it :func:`load_model`. Call it once per process from an
entry point (the program's, an ingest worker's initialiser). Nothing here raises: a cache folder that cannot be
written, or a cached file that is truncated or not what was written, is passed over (and a bad one removed,
to be written again), and :mod:`viewer.text` unpacks the packaged model as it does without a cache.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import threading
from pathlib import Path

# The arrays of py3langid's model.npz, by name.
ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")
CACHE_NAME = "langid"
PARTIAL_PREFIX = ".partial-"     # a folder being written


def install(root: Path | None = None) -> None:
    """Make :mod:`viewer.text` read the detector's model through the cache under ``root`` (default: the
    user's cache folder, :func:`viewer.paths.cache_dir`)."""
    from viewer import text
    text.set_model_source(lambda: load_model(root))


_WRITER: threading.Thread | None = None     # the thread writing the cache, in the process that unpacked


def load_model(root: Path | None = None, *, background: bool = True) -> dict | None:
    """The model's arrays by name: mapped from the cache, else unpacked from py3langid's file and cached
    for the next process. None when the packaged model itself cannot be read. Never raises.

    ``background``: the cache is written by a thread after the arrays are handed back, so the first process
    on a machine answers as soon as the model is unpacked (:func:`finish_writing` waits for it; the
    interpreter does too before it exits). Without it, written first and mapped back, as the next process."""
    try:
        packaged = _packaged_model()
        data = packaged.read_bytes()
        folder = _cache_root(root) / model_key(data)
    except Exception:    # noqa: BLE001 - no py3langid or no cache folder: the caller's own path
        return None
    arrays = read_cache(folder)
    if arrays is not None:
        return arrays
    try:
        arrays = _unpack(data)
    except Exception:    # noqa: BLE001
        return None
    if background:
        global _WRITER
        _WRITER = threading.Thread(target=write_cache, args=(folder, arrays), name="langid-cache", daemon=False)
        _WRITER.start()
        return arrays
    if write_cache(folder, arrays):
        cached = read_cache(folder)
        if cached is not None:
            return cached
    return arrays


def finish_writing(timeout: float | None = None) -> bool:
    """Wait for the cache this process is writing, if any (at most ``timeout`` seconds); True when none is
    being written any more."""
    writer = _WRITER
    if writer is None:
        return True
    writer.join(timeout)
    return not writer.is_alive()


def model_key(data: bytes) -> str:
    """The cache folder's name for the packaged model ``data``: py3langid's version, the file's size and
    the start of its SHA-256, so another version or another model never reads a stale copy."""
    import py3langid
    version = str(getattr(py3langid, "__version__", "unknown")).replace(os.sep, "_")
    return f"py3langid-{version}-{len(data)}-{hashlib.sha256(data).hexdigest()[:16]}"


def read_cache(folder: Path) -> dict | None:
    """The arrays cached in ``folder``, memory-mapped; None when there is no cache there, or (removing
    it) when a file is missing, truncated or not a model's array."""
    if not folder.is_dir():
        return None
    try:
        import numpy as np
        arrays = {name: np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False) for name in ARRAYS}
        if not _consistent(arrays):
            raise ValueError("arrays that do not make a model")
        return arrays
    except Exception:    # noqa: BLE001 - whatever is wrong with it, the cache is rebuilt
        shutil.rmtree(folder, ignore_errors=True)
        return None


def write_cache(folder: Path, arrays: dict) -> bool:
    """Write ``arrays`` into ``folder`` whole or not at all: into a temporary folder beside it, renamed into
    place. True when ``folder`` holds a cache afterwards (written here or by another process)."""
    tmp = None
    try:
        import numpy as np
        folder.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale_partials(folder.parent)
        tmp = Path(tempfile.mkdtemp(prefix=PARTIAL_PREFIX, dir=folder.parent))
        for name in ARRAYS:
            np.save(tmp / f"{name}.npy", np.ascontiguousarray(arrays[name]), allow_pickle=False)
        try:
            os.rename(tmp, folder)
        except OSError:
            if not folder.is_dir():
                raise
            shutil.rmtree(tmp, ignore_errors=True)     # another process wrote it first
        return True
    except Exception:    # noqa: BLE001 - a folder that cannot be written: no cache this time
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
        return False


def _remove_stale_partials(root: Path, age_s: float = 3600.0) -> None:
    """Remove what a process killed while writing left behind (a writer takes seconds, not an hour)."""
    import time
    for partial in root.glob(PARTIAL_PREFIX + "*"):
        try:
            if time.time() - partial.stat().st_mtime > age_s:
                shutil.rmtree(partial, ignore_errors=True)
        except OSError:
            pass


def _cache_root(root: Path | None) -> Path:
    if root is not None:
        return Path(root)
    from viewer.paths import cache_dir
    return cache_dir() / CACHE_NAME


def _packaged_model():
    from importlib.resources import files
    return files("py3langid").joinpath("data", "model.npz.xz")


def _unpack(data: bytes) -> dict:
    import io
    import lzma

    import numpy as np
    with np.load(io.BytesIO(lzma.decompress(data)), allow_pickle=False) as npz:
        return {name: npz[name] for name in ARRAYS}


def _consistent(arrays: dict) -> bool:
    """The shapes and types py3langid's identifier relies on."""
    ptc, pc, classes = arrays["ptc"], arrays["pc"], arrays["classes"]
    nextmove, row, out = arrays["nextmove"], arrays["nextmove_row"], arrays["out_feat"]
    return (ptc.ndim == 2 and pc.shape == (ptc.shape[1],) and classes.shape == pc.shape
            and classes.dtype.kind == "U" and ptc.dtype.kind == "f" and pc.dtype.kind == "f"
            and nextmove.ndim == 1 and nextmove.dtype.kind == "u" and nextmove.size % 256 == 0 and nextmove.size > 0
            and row.ndim == 1 and row.dtype.kind == "u" and out.shape == row.shape and out.dtype.kind == "i")
