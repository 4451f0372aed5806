"""Readers -> events -> store: parallel, batched, resumable, with progress and a stop button.

Work is cut into tasks: a few files each (read and tagged in a worker), or a chunk of records of an article
dump or of stdin (read in the parent, which is cheap, and tagged in a worker). Workers are separate processes
(``spawn``: safe from a GUI thread) running :func:`viewer.events.article_events`; the parent alone writes, with
its own :class:`~viewer.store.Store`, committing each batch in one transaction. Articles already stored (same
id: the content hash, or the id given in a dump) are skipped, before tagging wherever the parent sees them
first, so an interrupted import resumes where it stopped. ``jobs=1`` runs everything in-process.

Stopping: ``should_stop`` is polled between articles and, while waiting for a worker, every
:data:`POLL_SECONDS`; on a stop what is read is committed and the worker processes are killed at once (their
unfinished work is redone by the next run). Workers die with their parent, however it ends (SIGKILL
included): on Linux through ``PR_SET_PDEATHSIG``, everywhere through a thread watching the parent's pid
(:func:`_init_worker`). SIGINT and SIGTERM stop a command-line ingest the same way
(:func:`stop_on_signals`). Work per article is bounded by the event builder's limits
(:mod:`viewer.events`); the notes it gives name the file in the summary.
"""
from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Iterator

from viewer.model import PUBLISHED_GIVEN, Article
from viewer.sources import CSV_EXT, JSONL_EXT, ReadError, iter_files, read_path

BATCH_ARTICLES = 500          # articles per store transaction
BATCH_SECONDS = 2.0           # ... or fewer, when that long has passed since the last commit
CHUNK_RECORDS = 64            # dump records per worker task
FILES_PER_TASK = 8            # small files per worker task
SMALL_IMPORT = 40             # fewer articles than this (estimated): no worker processes ...
LARGE_INPUT_BYTES = 1 << 20   # ... unless one of them is larger than this (a worker can be stopped at once)
POLL_SECONDS = 0.1            # how often a stop is looked for while waiting for a worker
PARENT_WATCH_SECONDS = 0.5    # how often a worker checks that its parent is alive


@dataclass
class ArticleNote(ReadError):
    """A note on an article that was read (``skipped`` is False): a limit on the work per article applied."""
    article_id: str = ""


class IngestInterrupted(KeyboardInterrupt):
    """An ingest stopped by SIGINT or SIGTERM when no ``should_stop`` was given: what was read is stored
    (``summary``); ``signum`` says which signal, ``exit_code`` is the shell's 128 + signal."""

    def __init__(self, summary: "IngestSummary", signum: int):
        self.summary = summary
        self.signum = signum
        self.exit_code = 128 + signum
        super().__init__(f"stopped by {signal.Signals(signum).name}: {summary.articles_added} articles stored; "
                         "run the same command again to read the rest")


class SignalStop:
    """``should_stop`` for an ingest that SIGINT / SIGTERM stop: true once one of them has arrived."""

    def __init__(self) -> None:
        self.signum: int | None = None

    def __call__(self) -> bool:
        return self.signum is not None

    @property
    def name(self) -> str | None:
        return signal.Signals(self.signum).name if self.signum is not None else None

    @property
    def exit_code(self) -> int | None:
        return 128 + self.signum if self.signum is not None else None


@contextmanager
def stop_on_signals(signals=(signal.SIGINT, signal.SIGTERM)) -> Iterator[SignalStop]:
    """Within the block, SIGINT (Ctrl+C) and SIGTERM ask the ingest to stop cleanly: pass the yielded object
    as ``should_stop``. A second signal raises KeyboardInterrupt at once. The previous handlers come back
    afterwards. Outside the main thread (where Python cannot handle signals) it does nothing."""
    stop = SignalStop()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def handler(signum, _frame) -> None:
        if stop.signum is not None:
            raise KeyboardInterrupt
        stop.signum = signum

    previous = {}
    try:
        for s in signals:
            previous[s] = signal.signal(s, handler)
        yield stop
    finally:
        for s, h in previous.items():
            signal.signal(s, h)


@dataclass
class IngestSummary:
    articles_added: int = 0
    articles_skipped: int = 0
    events_added: int = 0
    reports_merged: int = 0   # reports stored as another article's account of an event already known
    errors: list[ReadError] = field(default_factory=list)
    stopped: bool = False
    # articles added per language (ISO 639-1 code; None: it could not be told)
    languages: dict[str | None, int] = field(default_factory=dict)
    # articles added that report no happening (no event was made of them): their source (file, "stdin",
    # a URL) and id, in the order they were added
    without_events: list[tuple[str, str]] = field(default_factory=list)

    NAMED_WITHOUT_EVENTS = 10      # articles without a happening named one by one; the rest are counted

    def event_notes(self) -> list[str]:
        """What the summary says about articles that gave no event: none of their sentences reports a
        happening (only background, opinions, no date and no deed), so nothing of them is on the timeline.
        One line saying how many, then one line per article (its source and id), at most
        :attr:`NAMED_WITHOUT_EVENTS` of them."""
        n = len(self.without_events)
        if not n:
            return []
        notes = [f"{n} article{'s' if n != 1 else ''} stored with no event: "
                 f"{'its' if n == 1 else 'their'} text reports no happening"]
        for source, article_id in self.without_events[:self.NAMED_WITHOUT_EVENTS]:
            notes.append(f"  no happening: {source} (article {article_id})")
        if n > self.NAMED_WITHOUT_EVENTS:
            notes.append(f"  … and {n - self.NAMED_WITHOUT_EVENTS:,} more")
        return notes

    def language_notes(self) -> list[str]:
        """What the summary says about languages: the articles added per language, most first, and for
        each language the tagger has no rules for, that only its absolute dates were read."""
        if not self.languages:
            return []
        from viewer.timex import reads_language
        counts = sorted(self.languages.items(), key=lambda kv: (-kv[1], kv[0] or "~"))
        notes = ["languages: " + ", ".join(f"{code or 'unknown'} {n}" for code, n in counts)]
        for code, n in counts:
            if code is not None and not reads_language(code):
                notes.append(f"{n} article{'s' if n != 1 else ''} in '{code}': no date rules for this language, "
                             "only absolute dates (like 24.02.2022 or 2022-02-24) were read")
        return notes


# ---------------------------------------------------------------------------------------------
# Work done in a worker (or in-process)

def _prepare(article: Article, published: str | None) -> Article:
    if published and not article.published:
        article.published = published
        article.published_source = PUBLISHED_GIVEN
    return article


def _tag(article: Article, today) -> list:
    """The article tagged and made into the rows the store writes (:func:`viewer.store.bulk.prepare_article`),
    here, in the worker, so that the parent, which alone writes, only executes the inserts. An article with
    no language of its own gets the detected one here too (:func:`viewer.events.article_language`).
    Returns [Prepared, ArticleNote…] (the notes: limits on the work per article that applied), or
    [ReadError]."""
    from viewer.events import article_events_noted
    from viewer.store.bulk import prepare_article
    try:
        article, events, countries, notes = article_events_noted(article, today=today)
        prepared = prepare_article(article, events, countries)
    except Exception as exc:  # one bad article must not stop an import
        return [ReadError(article.source or "?", None, f"article {article.id} could not be processed "
                                                       f"({type(exc).__name__}: {exc})")]
    return [prepared] + [ArticleNote(article.source or "?", None, note, skipped=False,
                                     article_id=prepared.article_id) for note in notes]


def _work(task) -> list:
    """Run one task: ("files", [paths]) or ("articles", [Article]). Returns results in input order:
    ReadError or a :class:`viewer.store.bulk.Prepared` article."""
    kind, payload, published, today, max_bytes = task
    out: list = []
    if kind == "files":
        for path in payload:
            for item in read_path(path, max_bytes):
                if isinstance(item, ReadError):
                    out.append(item)
                else:
                    out.extend(_tag(_prepare(item, published), today))
    else:
        for item in payload:
            if isinstance(item, ReadError):
                out.append(item)
            else:
                out.extend(_tag(_prepare(item, published), today))
    return out


def _die_with_parent(parent: int) -> None:
    """End this worker process as soon as its parent is gone (killed, crashed): PR_SET_PDEATHSIG on Linux,
    and everywhere a daemon thread comparing os.getppid() with the parent's pid."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, int(signal.SIGKILL), 0, 0, 0)      # PR_SET_PDEATHSIG
        except Exception:  # noqa: BLE001 - the thread below does the same, more slowly
            pass
    if os.getppid() != parent:
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(PARENT_WATCH_SECONDS)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _init_worker(parent: int | None = None) -> None:
    """Tie the worker's life to its parent's (:func:`_die_with_parent`); leave Ctrl+C to the parent, which
    stops the workers itself; build the shared tables once per process, before the first task: the
    gazetteer, the patterns of the tagger and the titles (compiled when their modules are first imported)
    and the language detector."""
    if parent is not None:
        _die_with_parent(parent)
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    except (ValueError, OSError):
        pass
    from viewer import actors, events, langcache, text  # noqa: F401
    langcache.install()         # spawned workers do not run the entry point: the cached model, mapped
    actors.gazetteer()
    text.detect_language("Language detection is ready in this worker.")


# ---------------------------------------------------------------------------------------------
# Planning

def _is_dump(path: str) -> bool:
    return os.path.splitext(path)[1].lower() in (JSONL_EXT | CSV_EXT)


def _count_records(path: str) -> int:
    try:
        n = 0
        with open(path, "rb") as f:
            while chunk := f.read(1 << 20):
                n += chunk.count(b"\n")
        return max(1, n)
    except OSError:
        return 1


def _plan(paths: list[str]) -> tuple[list[tuple[str, str]], int | None]:
    """Inputs as ("file"|"dump"|"stdin", path), and an estimated number of articles (None: unknown)."""
    inputs: list[tuple[str, str]] = []
    total: int | None = 0
    for p in paths:
        if p == "-":
            inputs.append(("stdin", p))
            total = None
        elif os.path.isdir(p):
            for f in iter_files(p):
                inputs.append(("dump", f) if _is_dump(f) else ("file", f))
        else:
            inputs.append(("dump", p) if _is_dump(p) and os.path.isfile(p) else ("file", p))
    if total is not None:
        for kind, p in inputs:
            total += _count_records(p) - (1 if p.lower().endswith(".csv") else 0) if kind == "dump" else 1
    return inputs, total


def _read_dump(kind: str, path: str, max_bytes: int | None) -> Iterator[Article | ReadError]:
    yield from read_path("-" if kind == "stdin" else path, max_bytes)


# ---------------------------------------------------------------------------------------------
# The driver

def ingest_paths(paths: list[str], db_path: str, *, published: str | None = None, jobs: int | None = None,
                 progress: Callable[[int, int | None], None] | None = None,
                 on_error: Callable[[ReadError], None] | None = None,
                 should_stop: Callable[[], bool] | None = None, today=None,
                 max_bytes: int | None = None) -> IngestSummary:
    """Read ``paths`` (files, folders, ``-``) into the database at ``db_path``.

    ``published`` (YYYY-MM-DD) is the publication date of articles that have none of their own.
    ``jobs``: worker processes (default: the number of CPUs; 1 runs in-process). ``progress(done, total)``
    is called as articles are processed (``total`` is an estimate, or None when unknown); ``on_error`` with
    each :class:`ReadError` (and each :class:`ArticleNote`: a limit on the work per article that applied);
    ``should_stop()`` is polled between articles and while waiting for workers: when it returns True the
    work done so far is committed, the workers are killed and the summary says ``stopped``. Without
    ``should_stop``, in the main thread, SIGINT and SIGTERM stop the ingest that way and then raise
    :class:`IngestInterrupted` (a KeyboardInterrupt) carrying the summary. ``max_bytes`` is the size limit
    of one article (a file, a dump record, stdin; default ``viewer.sources.DEFAULT_MAX_BYTES``): larger
    ones are reported and skipped, dumps of any size are read record by record.
    """
    if published is not None:
        try:
            published = date.fromisoformat(str(published)).isoformat()
        except ValueError:
            raise ValueError(f"published date must be YYYY-MM-DD, not {published!r}") from None

    inputs, total = _plan(list(paths))
    large = False
    if jobs is None:
        jobs = os.cpu_count() or 1
        if total is not None and total < SMALL_IMPORT:
            # a few articles are read in-process, unless one is large: a worker can be stopped at once
            large = _has_large_file(inputs)
            jobs = min(jobs, len(inputs)) if large else 1
    jobs = max(1, int(jobs))
    pool = jobs > 1 or large

    if should_stop is None:
        with stop_on_signals() as signalled:
            summary = _ingest(inputs, total, db_path, published, jobs, pool, progress, on_error, signalled,
                              today, max_bytes)
        if signalled.signum is not None:
            raise IngestInterrupted(summary, signalled.signum)
        return summary
    return _ingest(inputs, total, db_path, published, jobs, pool, progress, on_error, should_stop, today,
                   max_bytes)


def _has_large_file(inputs) -> bool:
    for kind, path in inputs:
        if kind == "file":
            try:
                if os.path.getsize(path) > LARGE_INPUT_BYTES:
                    return True
            except OSError:
                pass
    return False


def _ingest(inputs, total, db_path, published, jobs, pool, progress, on_error, should_stop, today,
            max_bytes) -> IngestSummary:
    from viewer import checks
    from viewer.store import Store

    summary = IngestSummary()
    store = Store.open(db_path)
    state = _State(store, summary, total, progress, on_error)
    try:
        if not pool:
            _run_inline(inputs, published, today, state, should_stop, max_bytes)
        else:
            _run_parallel(inputs, published, today, jobs, state, should_stop, max_bytes)
        state.commit()
        checks.refresh(store)       # the date warnings of the events written (viewer.checks)
    finally:
        store.close()
    state.report_progress(final=True)
    return summary


class _State:
    """The parent's side: dedup, batches, counters, callbacks."""

    def __init__(self, store, summary: IngestSummary, total, progress, on_error):
        self.store = store
        self.summary = summary
        self.total = total
        self.progress = progress
        self.on_error = on_error
        self.pending: list = []
        self.pending_ids: set[str] = set()
        self.done = 0
        self.last_commit = time.monotonic()
        self.last_progress = 0.0
        self.last_added: str | None = None    # the article the notes that follow it are about

    def known(self, article_id: str) -> bool:
        return article_id in self.pending_ids or self.store.has_article(article_id)

    def error(self, err: ReadError) -> None:
        self.summary.errors.append(err)
        if self.on_error is not None:
            self.on_error(err)

    def skipped(self) -> None:
        self.summary.articles_skipped += 1
        self.done += 1
        self.report_progress()

    def result(self, item) -> None:
        if isinstance(item, ArticleNote):
            if item.article_id == self.last_added:     # not about an article found already stored
                self.error(item)
            return
        if isinstance(item, ReadError):
            self.error(item)
            if item.skipped:                            # a note on an input that was read is not one more
                self.done += 1
            self.report_progress()
            return
        if self.known(item.article_id):
            self.last_added = None
            self.skipped()
            return
        self.last_added = item.article_id
        self.pending.append(item)
        self.pending_ids.add(item.article_id)
        self.done += 1
        if len(self.pending) >= BATCH_ARTICLES or time.monotonic() - self.last_commit > BATCH_SECONDS:
            self.commit()
        self.report_progress()

    def commit(self) -> None:
        if self.pending:
            self.summary.events_added += self.store.add_prepared(self.pending)
            self.summary.reports_merged += self.store.last_merged
            self.summary.articles_added += len(self.pending)
            languages = self.summary.languages
            for item in self.pending:
                code = _language_of(item)
                languages[code] = languages.get(code, 0) + 1
                if not getattr(item, "events", True):
                    self.summary.without_events.append((_source_of(item), item.article_id))
            self.pending = []
            self.pending_ids = set()
        self.last_commit = time.monotonic()

    def report_progress(self, final: bool = False) -> None:
        if self.progress is None:
            return
        now = time.monotonic()
        if not final and now - self.last_progress < 0.05:
            return
        self.last_progress = now
        total = self.total
        if total is not None and total < self.done:
            total = self.done
        if final and total is not None:
            total = self.done if not self.summary.stopped else total
        self.progress(self.done, total)


def _source_of(prepared) -> str:
    """Where a prepared article was read from (its source column; "?" when none is stored)."""
    try:
        return prepared.article[3] or "?"
    except (AttributeError, IndexError):
        return "?"


def _language_of(prepared) -> str | None:
    """The language stored for a prepared article (the last of its article columns)."""
    try:
        return prepared.article[7] or None
    except (AttributeError, IndexError):
        return None


def _tasks(inputs, published, today, state: _State, max_bytes: int | None = None) -> Iterator[tuple]:
    """Worker tasks, in input order. Dump records already stored are skipped here, before tagging."""
    files: list[str] = []
    for kind, path in inputs:
        if kind == "file":
            files.append(path)
            if len(files) >= FILES_PER_TASK:
                yield ("files", files, published, today, max_bytes)
                files = []
            continue
        if files:
            yield ("files", files, published, today, max_bytes)
            files = []
        chunk: list = []
        for item in _read_dump(kind, path, max_bytes):
            if isinstance(item, Article) and state.known(item.id):
                state.skipped()
                continue
            chunk.append(item)
            if len(chunk) >= CHUNK_RECORDS:
                yield ("articles", chunk, published, today, max_bytes)
                chunk = []
        if chunk:
            yield ("articles", chunk, published, today, max_bytes)
    if files:
        yield ("files", files, published, today, max_bytes)


def _stop(should_stop) -> bool:
    try:
        return bool(should_stop and should_stop())
    except Exception:
        return False


def _run_inline(inputs, published, today, state: _State, should_stop, max_bytes: int | None = None) -> None:
    for kind, path in inputs:
        items = _read_dump(kind, path, max_bytes)
        for item in items:
            if isinstance(item, ReadError):
                state.result(item)
            elif state.known(item.id):
                state.skipped()
            else:
                for result in _tag(_prepare(item, published), today):
                    state.result(result)
            if _stop(should_stop):
                state.commit()
                state.summary.stopped = True
                return


def _task_sources(task) -> list[tuple[str, int | None]]:
    kind, payload = task[0], task[1]
    if kind == "files":
        return [(p, None) for p in payload]
    return [((a.source or "?") if isinstance(a, Article) else a.source, None) for a in payload]


def _lost(task, why: str) -> list[ReadError]:
    """Errors for the inputs of a task whose worker died (a crash, out of memory)."""
    kind, payload = task[0], task[1]
    if kind == "files":
        return [ReadError(p, None, f"could not be processed: {why}") for p in payload]
    return [item if isinstance(item, ReadError) else
            ReadError(item.source or "?", None, f"article {item.id} could not be processed: {why}")
            for item in payload]


class _Pool:
    """Worker processes that survive a worker's death: the lost tasks are retried one at a time in a new
    pool, and a task that kills its worker again is reported as errors, not an aborted import."""

    def __init__(self, jobs: int, should_stop=None):
        import multiprocessing
        self.jobs = jobs
        self.ctx = multiprocessing.get_context("spawn")
        self.should_stop = should_stop
        self.pool = self._new()

    def _new(self):
        from concurrent.futures import ProcessPoolExecutor
        return ProcessPoolExecutor(max_workers=self.jobs, mp_context=self.ctx, initializer=_init_worker,
                                   initargs=(os.getpid(),))

    def wait(self, fut) -> bool:
        """Wait for ``fut``; False when a stop was asked for first."""
        from concurrent.futures import wait
        while not fut.done():
            if _stop(self.should_stop):
                return False
            wait([fut], timeout=POLL_SECONDS)
        return True

    def submit(self, task):
        return self.pool.submit(_work, task)

    def results(self, fut, task, in_flight: deque) -> list:
        from concurrent.futures.process import BrokenProcessPool
        try:
            return fut.result()
        except BrokenProcessPool:
            pass
        except Exception as exc:  # e.g. a result that could not be sent back
            return _lost(task, f"{type(exc).__name__}: {exc}")
        # The pool is broken: every task in flight is lost. Retry them one by one in fresh pools.
        lost = [task] + [t for _, t in in_flight]
        in_flight.clear()
        self.pool.shutdown(wait=False, cancel_futures=True)
        out: list = []
        for t in lost:
            if _stop(self.should_stop):          # stopping: the lost tasks are for the next run
                break
            self.pool = self._new()
            try:
                out.extend(self.pool.submit(_work, t).result())
            except BrokenProcessPool:
                out.extend(_lost(t, "the worker process died"))
                self.pool.shutdown(wait=False, cancel_futures=True)
            except Exception as exc:
                out.extend(_lost(t, f"{type(exc).__name__}: {exc}"))
        self.pool = self._new()
        return out

    def shutdown(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)

    def kill(self) -> None:
        """End the workers now, whatever they are doing (a stop, an interrupt): their work is lost and
        nothing of it was stored."""
        processes = list((getattr(self.pool, "_processes", None) or {}).values())
        self.pool.shutdown(wait=False, cancel_futures=True)
        for p in processes:
            try:
                p.kill()
            except Exception:  # noqa: BLE001 - already gone
                pass
        for p in processes:
            try:
                p.join(5)
            except Exception:  # noqa: BLE001
                pass


def _run_parallel(inputs, published, today, jobs: int, state: _State, should_stop,
                  max_bytes: int | None = None) -> None:
    pool = _Pool(jobs, should_stop)
    in_flight: deque = deque()      # (future, task), in input order
    window = jobs * 3
    finished = False

    def drain_one() -> bool:
        if not pool.wait(in_flight[0][0]):
            state.commit()
            state.summary.stopped = True
            return False
        fut, task = in_flight.popleft()
        for item in pool.results(fut, task, in_flight):
            state.result(item)
        if _stop(should_stop):
            state.commit()
            state.summary.stopped = True
            return False
        return True

    try:
        for task in _tasks(inputs, published, today, state, max_bytes):
            if _stop(should_stop):
                state.commit()
                state.summary.stopped = True
                return
            in_flight.append((pool.submit(task), task))
            while len(in_flight) >= window:
                if not drain_one():
                    return
        while in_flight:
            if not drain_one():
                return
        finished = True
    finally:
        for fut, _ in in_flight:
            fut.cancel()
        if finished:
            pool.shutdown()
        else:
            pool.kill()
