"""PyInstaller entry point: the frozen program runs exactly `python -m viewer …`.

`multiprocessing.freeze_support()` comes first so that worker processes started by `ingest --jobs N`
(spawn/forkserver start methods re-execute this program) run their task instead of the command line.
"""
import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from viewer.cli import main

    sys.exit(main())
