"""Size and start-up time of the built program (onedir and onefile). Prints JSON; asserts nothing.

    .venv/bin/python bench/dist.py [--runs 5] [--no-hyperfine]

Build first with `make dist` (both builds). Figures:

* onedir_mb, onefile_mb: bytes / 1e6 (file sizes, as `du -s --apparent-size -B1`); onedir_disk_mib: `du -sk` / 1024
* onedir_tgz_mb: dist/conflict-timeline as a .tar.gz (gzip level 6, like `tar czf`)
* start_s, onefile_start_s: wall time from process start to exit of
  `conflict-timeline screenshot --db seeds.db --out x.png` (QT_QPA_PLATFORM=offscreen): start-up, the main
  window built and painted once, the PNG written. Mean of --runs runs after one warm-up run (warm page
  cache); the minimum and every run are given too. With hyperfine on PATH, its mean and stddev of the same
  command are added (hyperfine_*). *_cpu_s: user+sys CPU seconds of the same runs (robust to a busy machine).
* onefile_start_tmpfs_s: the onefile start with TMPDIR=/dev/shm (it unpacks itself there at each start).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil

try:
    import resource
except ImportError:  # Windows
    resource = None
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = "conflict-timeline"
SUFFIX = ".exe" if sys.platform == "win32" else ""
ONEDIR = ROOT / "dist" / APP
PROGRAM = ONEDIR / f"{APP}{SUFFIX}"
ONEFILE = ROOT / "dist" / f"{APP}-onefile{SUFFIX}"


def tree_bytes(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def disk_kib(folder: Path) -> int | None:
    try:
        return int(subprocess.run(["du", "-sk", str(folder)], capture_output=True, text=True).stdout.split()[0])
    except (OSError, ValueError, IndexError):
        return None


def tgz_bytes(folder: Path, tmp: Path) -> int:
    out = tmp / f"{folder.name}.tar.gz"
    with tarfile.open(out, "w:gz", compresslevel=6) as tar:
        tar.add(folder, arcname=folder.name)
    size = out.stat().st_size
    out.unlink()
    return size


def env_for(home: Path, **extra: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_DATA_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"), XDG_CACHE_HOME=str(home / "cache"), **extra)
    env.pop("PYTHONPATH", None)
    return env


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN) if resource else None
    return usage.ru_utime + usage.ru_stime if usage else 0.0


def timed_runs(cmd: list[str], home: Path, runs: int, cpu: list | None = None, **extra: str) -> list[float]:
    """Wall times of `runs` runs after a warm-up; CPU seconds (user+sys) of each run go to `cpu`."""
    env = env_for(home, **extra)
    subprocess.run(cmd, env=env, cwd=home, check=True, capture_output=True)  # warm-up
    times = []
    for _ in range(runs):
        cpu_before = _children_cpu()
        started = time.perf_counter()
        subprocess.run(cmd, env=env, cwd=home, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
        if cpu is not None:
            cpu.append(_children_cpu() - cpu_before)
    return times


def hyperfine(cmd: list[str], home: Path, runs: int) -> dict | None:
    exe = shutil.which("hyperfine")
    if not exe:
        return None
    out = home / "hyperfine.json"
    command = " ".join(f"'{part}'" for part in cmd)
    proc = subprocess.run([exe, "--warmup", "1", "--runs", str(runs), "--style", "none", "--export-json", str(out),
                           command], env=env_for(home), cwd=home, capture_output=True, text=True)
    if proc.returncode != 0 or not out.is_file():
        return None
    result = json.loads(out.read_text())["results"][0]
    return {"mean_s": round(result["mean"], 3), "stddev_s": round(result["stddev"], 3),
            "min_s": round(result["min"], 3), "command": "hyperfine --warmup 1 --runs %d %s" % (runs, command)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Size and start-up time of the built program.")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-hyperfine", action="store_true")
    args = parser.parse_args(argv)
    if not PROGRAM.is_file():
        print(json.dumps({"skipped": f"{PROGRAM} not built (make dist)"}))
        return 0

    result: dict = {}
    with tempfile.TemporaryDirectory(prefix="ct-bench-dist-") as tmp_name:
        tmp = Path(tmp_name)
        result["onedir_mb"] = round(tree_bytes(ONEDIR) / 1e6, 1)
        kib = disk_kib(ONEDIR)
        result["onedir_disk_mib"] = round(kib / 1024, 1) if kib else None
        result["onedir_tgz_mb"] = round(tgz_bytes(ONEDIR, tmp) / 1e6, 1)
        result["onefile_mb"] = round(ONEFILE.stat().st_size / 1e6, 1) if ONEFILE.is_file() else None

        db = tmp / "seeds.db"
        subprocess.run([str(PROGRAM), "ingest", str(ROOT / "seeds"), "--db", str(db)], env=env_for(tmp),
                       cwd=tmp, check=True, capture_output=True)
        targets = {"start": PROGRAM}
        if ONEFILE.is_file():
            targets["onefile_start"] = ONEFILE
        for key, program in targets.items():
            cmd = [str(program), "screenshot", "--db", str(db), "--out", str(tmp / f"{key}.png")]
            cpu: list[float] = []
            times = timed_runs(cmd, tmp, args.runs, cpu)
            result[f"{key}_s"] = round(statistics.mean(times), 3)
            result[f"{key}_min_s"] = round(min(times), 3)
            result[f"{key}_runs_s"] = [round(t, 3) for t in times]
            # CPU time barely depends on what else the machine is doing; wall time does.
            result[f"{key}_cpu_s"] = round(statistics.mean(cpu), 3) if cpu and any(cpu) else None
            if not args.no_hyperfine:
                measured = hyperfine(cmd, tmp, args.runs)
                if measured:
                    result[f"{key}_hyperfine"] = measured
        shm = Path("/dev/shm")
        if ONEFILE.is_file() and sys.platform.startswith("linux") and shm.is_dir() and os.access(shm, os.W_OK):
            # The onefile program unpacks itself into $TMPDIR (else /tmp) at every start: on a disk that
            # costs far more than on a RAM file system (tmpfs, /tmp on many distributions).
            cmd = [str(ONEFILE), "screenshot", "--db", str(db), "--out", str(tmp / "shm.png")]
            times = timed_runs(cmd, tmp, args.runs, TMPDIR=str(shm))
            result["onefile_start_tmpfs_s"] = round(statistics.mean(times), 3)
            result["onefile_start_tmpfs_min_s"] = round(min(times), 3)
        if ONEFILE.is_file():
            # The onefile start includes unpacking: time `--version` too (start-up without any Qt work).
            times = timed_runs([str(ONEFILE), "--version"], tmp, args.runs)
            result["onefile_version_s"] = round(statistics.mean(times), 3)
        times = timed_runs([str(PROGRAM), "--version"], tmp, args.runs)
        result["version_s"] = round(statistics.mean(times), 3)
    result["runs"] = args.runs
    result["cores"] = os.cpu_count()
    result["load_average"] = [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None
    result["command"] = "screenshot --db <seeds ingested> --out x.png, QT_QPA_PLATFORM=offscreen"
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
