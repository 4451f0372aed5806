"""Store queries and long writes off the GUI thread, for big databases.

A QueryRunner runs functions `fn(store) -> result` and hands each result to its callback on the GUI
thread. Requests have a kind ("counts", "position" ...): a newer request of a kind makes the older
ones stale, and stale results are dropped (so typing in the search box never piles up work).

Small databases (and ":memory:") run the functions at once on the window's own store: same code path,
no waiting, deterministic tests. Big ones use a worker thread with its own read-only connection (one
connection per thread).

A StoreJob runs one long write `fn(store, progress) -> result` (an article's publication date corrected,
which may tag every article again) on a connection of its own in a worker thread, and hands the result,
or the exception, to the GUI thread: the window keeps painting and answering meanwhile. A database in
memory has no second connection: the job runs at once on the window's store. A job whose database
file is no longer where the window opened it (moved, renamed, deleted, another file put in its place)
fails with a StoreError saying so, and nothing is written (opening the path would create a new file).
"""
from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal

from viewer.store import Store, StoreError


class _Worker(QThread):
    done = Signal(str, int, object, object)   # kind, token, result, error message

    def __init__(self, path: str, runner: "QueryRunner"):
        super().__init__()
        self.path = path
        self.runner = runner
        self.jobs: queue.Queue = queue.Queue()
        self._store: Store | None = None
        self.running: str | None = None       # the kind of the job being run

    def run(self) -> None:
        try:
            self._store = Store.open(self.path, readonly=True, check=False)
        except Exception as exc:  # noqa: BLE001 - every job then reports it
            self._store = None
            error = str(exc)
        else:
            error = None
        while True:
            job = self.jobs.get()
            if job is None:
                break
            kind, token, fn = job
            if self.runner.latest(kind) != token:
                continue                     # a newer request of this kind is waiting
            if self._store is None:
                self.done.emit(kind, token, None, error)
                continue
            self.running = kind
            try:
                result = fn(self._store)
            except Exception as exc:  # noqa: BLE001 - handed to the callback's owner
                self.done.emit(kind, token, None, str(exc) or type(exc).__name__)
            else:
                self.done.emit(kind, token, result, None)
            finally:
                self.running = None
        if self._store is not None:
            self._store.close()

    def interrupt_store(self) -> None:
        store = self._store
        if store is not None:
            try:
                store.interrupt()            # stops the running query
            except Exception:  # noqa: BLE001 - already closed
                pass


class QueryRunner(QObject):
    failed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._store: Store | None = None
        self._worker: _Worker | None = None
        self._tokens: dict[str, int] = {}
        self._callbacks: dict[tuple[str, int], Callable] = {}
        self._lock = threading.Lock()

    def set_store(self, store: Store | None, *, threaded: bool) -> None:
        self.stop()
        self._store = store
        if store is not None and threaded and store.path != ":memory:":
            self._worker = _Worker(store.path, self)
            self._worker.done.connect(self._finished)
            self._worker.start()

    def threaded(self) -> bool:
        return self._worker is not None

    def latest(self, kind: str) -> int:
        with self._lock:
            return self._tokens.get(kind, 0)

    def submit(self, kind: str, fn: Callable, callback: Callable, on_error: Callable | None = None) -> None:
        """Run fn(store); then callback(result) on the GUI thread, unless a newer `kind` came since."""
        with self._lock:
            token = self._tokens.get(kind, 0) + 1
            self._tokens[kind] = token
        if self._worker is None:
            if self._store is None:
                return
            try:
                result = fn(self._store)
            except Exception as exc:  # noqa: BLE001
                (on_error or self.failed.emit)(str(exc) or type(exc).__name__)
                return
            callback(result)
            return
        self._callbacks = {k: v for k, v in self._callbacks.items() if k[0] != kind}
        self._callbacks[(kind, token)] = (callback, on_error)
        if self._worker.running == kind:
            self._worker.interrupt_store()   # its answer is stale already: stop the query
        self._worker.jobs.put((kind, token, fn))

    def _finished(self, kind: str, token: int, result, error) -> None:
        entry = self._callbacks.pop((kind, token), None)
        if entry is None or self.latest(kind) != token:
            return
        callback, on_error = entry
        if error is not None:
            (on_error or self.failed.emit)(error)
        else:
            callback(result)

    def pending(self) -> bool:
        return bool(self._callbacks)

    def stop(self) -> None:
        worker, self._worker = self._worker, None
        self._callbacks.clear()
        if worker is not None:
            worker.done.disconnect(self._finished)
            worker.interrupt_store()
            worker.jobs.put(None)
            worker.wait(10000)
            worker.deleteLater()


# -- one long write ------------------------------------------------------------------------------

def file_identity(path: str) -> tuple[int, int] | None:
    """(device, inode) of a file, None when there is none at ``path``: a job writes the file the window
    opened, never one put in its place, and never creates one (opening a path that is gone would)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


_RUNNING: set["StoreJob"] = set()     # jobs whose thread runs: kept alive until it has ended
QUIT_WAIT_MS = 120_000                # how long quitting waits for a running write (it is one transaction)


class _JobThread(QThread):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)           # the exception

    def __init__(self, path: str, fn: Callable, identity: tuple[int, int] | None):
        super().__init__()
        self.path = path
        self.fn = fn
        self.identity = identity

    def run(self) -> None:
        try:
            if file_identity(self.path) is None or file_identity(self.path) != self.identity:
                raise StoreError(f"{self.path}: the database file is no longer there (moved, renamed or "
                                 "deleted since it was opened); nothing was changed", "missing")
            store = Store.open(self.path, check=False)
        except Exception as exc:  # noqa: BLE001 - handed to the job's owner
            self.failed.emit(exc)
            return
        try:
            result = self.fn(store, lambda done, total: self.progressed.emit(int(done), int(total or 0)))
        except Exception as exc:  # noqa: BLE001 - handed to the job's owner
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)
        finally:
            store.close()


class StoreJob(QObject):
    """One write of ``store``'s database, ``fn(store, progress) -> result``, off the GUI thread. Connect
    to ``progressed(done, total)``, ``succeeded(result)``, ``failed(exception)`` and ``ended()`` (after
    either; ``result`` and ``error`` then say how it went), then start(). The job holds itself alive
    while it runs, whoever owned it; quitting the application waits for it (a write is one transaction:
    it ends, or leaves nothing)."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    ended = Signal()

    def __init__(self, store: Store, fn: Callable):
        super().__init__()
        self.store = store
        self.fn = fn
        # the file as the store opened it, else the file at its path now
        self.identity = store.identity or (
            None if store.path == ":memory:" else file_identity(store.path))
        self._thread: _JobThread | None = None
        self.result = None
        self.error: Exception | None = None
        self.succeeded.connect(self._keep_result)
        self.failed.connect(self._keep_error)

    def _keep_result(self, result) -> None:
        self.result = result

    def _keep_error(self, exc) -> None:
        self.error = exc

    def running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def start(self) -> None:
        if self.store.path == ":memory:":
            try:
                result = self.fn(self.store, self.progressed.emit)
            except Exception as exc:  # noqa: BLE001 - handed to the job's owner
                self.failed.emit(exc)
            else:
                self.succeeded.emit(result)
            self.ended.emit()
            return
        thread = self._thread = _JobThread(self.store.path, self.fn, self.identity)
        thread.progressed.connect(self.progressed)
        thread.succeeded.connect(self.succeeded)
        thread.failed.connect(self.failed)
        thread.finished.connect(self._finished)
        _RUNNING.add(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.wait)
        thread.start()

    def wait(self, ms: int = QUIT_WAIT_MS) -> bool:
        """Wait for the thread to end (at most ``ms``); True when it has."""
        return self._thread is None or self._thread.wait(ms)

    def _finished(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            try:
                app.aboutToQuit.disconnect(self.wait)
            except (RuntimeError, TypeError):
                pass
        self.ended.emit()
        _RUNNING.discard(self)
        thread, self._thread = self._thread, None
        if thread is not None:
            # QThread emits finished before its thread has quite ended, and this Python reference is its only
            # owner: wait for the end (at once), then let the reference go, which deletes it. One way to
            # delete it only (deleteLater besides could free it twice), and never while it runs.
            thread.wait()
