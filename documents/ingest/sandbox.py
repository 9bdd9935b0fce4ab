"""Run the PDF parser in a child process with a time limit and a memory limit.

A hostile or broken PDF can make a parser spin or allocate without end. Parsing each
untrusted file in its own process means the limit is enforced by the operating system and
the worker (or the ``ingest`` command) carries on with the next file.

Children come from a fork server (a clean, single-threaded process started once, with the
parser already imported), never by forking the caller: the task worker runs threads (its
heartbeat), and a child forked while another thread holds a lock can hang for ever.
"""

from __future__ import annotations

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


_PR_SET_PDEATHSIG = 1
_PRELOAD = ["documents.ingest.parser", "documents.ingest.sandbox"]


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


def _child(
    conn: Connection,
    func: Callable,
    args: tuple,
    kwargs: dict,
    memory_bytes: int,
    cpu_seconds: int,
) -> None:
    _die_with_parent()
    if memory_bytes:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    # Processor time, inherited by any page readers it starts: a runaway reader is stopped by
    # the kernel even if nothing is left to stop it.
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 5))
    try:
        conn.send(("ok", func(*args, **kwargs)))
    except IngestError as exc:
        conn.send(("ingest-error", str(exc)))
    except MemoryError:
        conn.send(("ingest-error", "the PDF needs more memory to read than the limit allows"))
    except RecursionError:
        conn.send(("ingest-error", NESTED_TOO_DEEPLY))
    except BaseException as exc:  # noqa: BLE001 - reported to the parent as a failure
        conn.send(("crash", f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=5)}"))
    finally:
        conn.close()


def run_limited(
    func: Callable[..., Any],
    *args: Any,
    timeout: float,
    memory_mb: int = 0,
    **kwargs: Any,
) -> Any:
    """Call ``func(*args, **kwargs)`` in a child process; raise IngestError past the limits."""
    context = _context()
    parent, child = context.Pipe(duplex=False)
    process = context.Process(
        # Not a daemon: the parser may read a long PDF's pages in worker processes of its own.
        target=_child,
        # Page readers share the time limit's processor seconds, so allow for two of them.
        args=(child, func, args, kwargs, memory_mb * 1024 * 1024, max(1, int(timeout * 2) + 5)),
    )
    process.start()
    child.close()
    try:
        if not parent.poll(timeout):
            raise IngestError(
                f"reading the PDF took longer than {timeout:g} seconds, so it was stopped"
            )
        try:
            status, payload = parent.recv()
        except EOFError as exc:
            raise IngestError(
                "the PDF reader stopped unexpectedly (the file may be damaged or too large "
                "to read within the memory limit)"
            ) from exc
    finally:
        if process.is_alive():
            process.kill()
        process.join(5)
        parent.close()
    if status == "ok":
        return payload
    if status == "ingest-error":
        raise IngestError(payload)
    raise IngestError(f"the PDF could not be read ({payload.splitlines()[0]})")
