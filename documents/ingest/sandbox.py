"""Run the PDF parser in a child process with a time limit and a memory limit.

A hostile or broken PDF can make a parser spin or allocate without end. Parsing untrusted
files in a child process means the limit is enforced by the operating system and the worker
(or the ``ingest`` command) carries on with the next file.

A ``Sandbox`` keeps one child for a whole batch: starting a child costs far more than reading
a small paper. Each file still has its own limits: its own wall-clock time (counted from
when the parent waits for it; the parent kills the child past it), its own processor seconds
(the child's limit is moved on before each file) and the child's memory limit. A child that
was stopped, ran out of memory, nested too deeply or failed in an unexpected way is never
used again: the file is refused and the files queued behind it go to a fresh child. A child
is also replaced after ``MAX_TASKS`` files. The parent may queue a few files ahead
(``depth``), so the child never waits for the parent to finish storing the last one.

Children come from a fork server (a clean, single-threaded process started once, with the
parser already imported), never by forking the caller: the task worker runs threads (its
heartbeat), and a child forked while another thread holds a lock can hang for ever.
"""

from __future__ import annotations

import collections
import ctypes
import ctypes.util
import multiprocessing
import resource
import signal
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from documents.ingest.errors import IngestError

NESTED_TOO_DEEPLY = (
    "the PDF's structure is nested too deeply to read; open it and save it again with "
    "Print to PDF, then upload the new copy"
)
MAX_TASKS = 200  # files one child reads before it is replaced

_PR_SET_PDEATHSIG = 1
_PRELOAD = ["documents.ingest.parser", "documents.ingest.sandbox", "documents.ingest.warm_up"]


def _context():
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_PRELOAD)  # applies when the server starts, once
    return context


def _die_with_parent() -> None:
    """Linux: the kernel kills this child if the process that started it goes away."""
    libc_name = ctypes.util.find_library("c")
    if libc_name:
        libc = ctypes.CDLL(libc_name, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def _cpu_used() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _limit_cpu(cpu_seconds: int) -> None:
    """Processor time for the next file, inherited by any page readers it starts: a runaway
    reader is stopped by the kernel (SIGXCPU) even if nothing is left to stop it. Only the
    soft limit moves, so it can be moved on again for the next file."""
    _soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    soft = int(_cpu_used()) + 1 + cpu_seconds
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def _call(func: Callable, args: tuple, kwargs: dict) -> tuple[str, Any]:
    try:
        return "ok", func(*args, **kwargs)
    except IngestError as exc:
        return "ingest-error", str(exc)
    except MemoryError:
        return "spent", "the PDF needs more memory to read than the limit allows"
    except RecursionError:
        return "spent", NESTED_TOO_DEEPLY
    except BaseException as exc:  # noqa: BLE001 - reported to the parent as a failure
        return "crash", f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=5)}"


def _serve(tasks: Connection, results: Connection, memory_bytes: int) -> None:
    """The child: read one task at a time until told to stop (None) or the parent goes."""
    _die_with_parent()
    if memory_bytes:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    while True:
        try:
            task = tasks.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        func, args, kwargs, cpu_seconds = task
        _limit_cpu(cpu_seconds)
        status, payload = _call(func, args, kwargs)
        try:
            results.send((status, payload))
        except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be pickled
            results.send(("crash", f"{type(exc).__name__}: {exc}"))
        if status != "ok" and status != "ingest-error":
            return  # the child's state is suspect: the parent starts a new one


class Sandbox:
    """A child process that calls functions for the parent, in order, within limits.

    ``submit`` hands the child a call; ``result`` waits for the oldest call not yet answered
    (at most that call's timeout) and returns its value or raises IngestError. ``run`` does
    both. Up to ``depth`` calls may wait in the child's queue, so it can read the next file
    while the parent is still busy with the last one's result. When a child is stopped or
    fails, the calls queued behind the failed one are handed to a new child. Not
    thread-safe: one sandbox per thread.
    """

    def __init__(self, *, memory_mb: int = 0, max_tasks: int = MAX_TASKS, depth: int = 1) -> None:
        self.memory_bytes = memory_mb * 1024 * 1024
        self.max_tasks = max_tasks
        self.depth = depth
        self._process = None
        self._tasks: Connection | None = None
        self._results: Connection | None = None
        self._done = 0
        # Calls handed to the child and not yet answered, oldest first: (task, timeout).
        self._queue: collections.deque[tuple[tuple, float]] = collections.deque()

    # -- the child -----------------------------------------------------------------------
    def _start(self) -> None:
        context = _context()
        tasks_out, tasks_in = context.Pipe(duplex=False)
        results_out, results_in = context.Pipe(duplex=False)
        process = context.Process(
            # Not a daemon: the parser may read a long PDF's pages in worker processes.
            target=_serve,
            args=(tasks_out, results_in, self.memory_bytes),
        )
        process.start()
        tasks_out.close()
        results_in.close()
        self._process, self._tasks, self._results, self._done = process, tasks_in, results_out, 0

    def _stop(self, *, kill: bool) -> None:
        process = self._process
        if process is None:
            return
        if not kill:
            try:
                self._tasks.send(None)
            except OSError:
                kill = True
            else:
                process.join(5)
        if process.is_alive():
            process.kill()
        process.join(5)
        self._tasks.close()
        self._results.close()
        self._process = self._tasks = self._results = None

    def _replace(self) -> None:
        """Stop the child (it failed or was stopped) and hand what was queued behind the
        failed call to a new one."""
        self._stop(kill=True)
        if self._queue:
            self._start()
            for task, _timeout in self._queue:
                self._tasks.send(task)
            self._done = len(self._queue)

    def close(self) -> None:
        self._stop(kill=bool(self._queue))
        self._queue.clear()

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- calls ---------------------------------------------------------------------------
    def submit(self, func: Callable[..., Any], *args: Any, timeout: float, **kwargs: Any):
        if len(self._queue) >= self.depth:
            raise RuntimeError(f"the sandbox already has {self.depth} calls waiting")
        if (
            self._process is not None
            and not self._queue
            and (self._done >= self.max_tasks or not self._process.is_alive())
        ):
            self._stop(kill=False)
        if self._process is None:
            self._start()
        # Page readers share the time limit's processor seconds, so allow for two of them.
        cpu_seconds = max(1, int(timeout * 2) + 5)
        task = (func, args, kwargs, cpu_seconds)
        self._queue.append((task, timeout))
        try:
            self._tasks.send(task)
        except OSError:  # the child went away between calls: start again, once
            self._replace()
        self._done += 1

    def result(self) -> Any:
        if not self._queue:
            raise RuntimeError("nothing was submitted")
        _task, timeout = self._queue[0]
        try:
            if not self._results.poll(timeout):
                self._queue.popleft()
                self._replace()
                raise IngestError(
                    f"reading the PDF took longer than {timeout:g} seconds, so it was stopped"
                )
            status, payload = self._results.recv()
        except (EOFError, OSError) as exc:
            self._queue.popleft()
            self._replace()
            raise IngestError(
                "the PDF reader stopped unexpectedly (the file may be damaged or too large "
                "to read within the memory limit)"
            ) from exc
        self._queue.popleft()
        if status == "ok":
            return payload
        if status == "ingest-error":
            raise IngestError(payload)
        self._replace()  # the child ends itself after this; make sure of it
        if status == "spent":
            raise IngestError(payload)
        raise IngestError(f"the PDF could not be read ({payload.splitlines()[0]})")

    def run(self, func: Callable[..., Any], *args: Any, timeout: float, **kwargs: Any) -> Any:
        self.submit(func, *args, timeout=timeout, **kwargs)
        return self.result()


def run_limited(
    func: Callable[..., Any],
    *args: Any,
    timeout: float,
    memory_mb: int = 0,
    **kwargs: Any,
) -> Any:
    """Call ``func(*args, **kwargs)`` in a child process of its own; raise IngestError past
    the limits."""
    with Sandbox(memory_mb=memory_mb, max_tasks=1) as sandbox:
        return sandbox.run(func, *args, timeout=timeout, **kwargs)
