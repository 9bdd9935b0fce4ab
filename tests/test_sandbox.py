"""One sandboxed child reads a whole batch; a child that was stopped or failed is replaced."""

from __future__ import annotations

import pytest

from documents.ingest.errors import IngestError
from documents.ingest.sandbox import Sandbox, run_limited
from tests.fixtures.bad.probes import child_pid, die, fail, refuse, sleep_for


def test_one_child_reads_file_after_file_and_a_refusal_keeps_it():
    with Sandbox() as sandbox:
        first = sandbox.run(child_pid, timeout=20)
        assert sandbox.run(child_pid, timeout=20) == first
        with pytest.raises(IngestError, match="^the file is empty$"):
            sandbox.run(refuse, "the file is empty", timeout=20)
        assert sandbox.run(child_pid, timeout=20) == first


def test_a_child_stopped_for_time_is_replaced_and_the_next_file_is_read():
    with Sandbox() as sandbox:
        first = sandbox.run(child_pid, timeout=20)
        with pytest.raises(IngestError, match="took longer than 0.5 seconds"):
            sandbox.run(sleep_for, 60, timeout=0.5)
        assert sandbox.run(child_pid, timeout=20) not in (first, None)


def test_a_child_that_dies_or_fails_is_replaced():
    with Sandbox() as sandbox:
        pids = [sandbox.run(child_pid, timeout=20)]
        with pytest.raises(IngestError, match="stopped unexpectedly"):
            sandbox.run(die, timeout=20)
        pids.append(sandbox.run(child_pid, timeout=20))
        with pytest.raises(IngestError, match=r"could not be read \(ValueError: broken\)"):
            sandbox.run(fail, "broken", timeout=20)
        pids.append(sandbox.run(child_pid, timeout=20))
    assert len(set(pids)) == 3


def test_a_child_is_replaced_after_its_quota_of_files():
    with Sandbox(max_tasks=2) as sandbox:
        pids = [sandbox.run(child_pid, timeout=20) for _ in range(5)]
    assert pids[0] == pids[1] != pids[2] == pids[3] != pids[4]


def test_a_single_call_has_a_child_of_its_own():
    assert run_limited(child_pid, timeout=20) != run_limited(child_pid, timeout=20)


def test_calls_queued_ahead_are_answered_in_order_by_one_child():
    with Sandbox(depth=3) as sandbox:
        for _ in range(3):
            sandbox.submit(child_pid, timeout=20)
        with pytest.raises(RuntimeError, match="3 calls waiting"):
            sandbox.submit(child_pid, timeout=20)
        pids = [sandbox.result() for _ in range(3)]
    assert len(set(pids)) == 1


def test_calls_queued_behind_a_stopped_or_failed_one_go_to_a_new_child():
    with Sandbox(depth=3) as sandbox:
        sandbox.submit(child_pid, timeout=20)
        sandbox.submit(sleep_for, 60, timeout=0.5)
        sandbox.submit(child_pid, timeout=20)
        first = sandbox.result()
        with pytest.raises(IngestError, match="took longer than 0.5 seconds"):
            sandbox.result()
        second = sandbox.result()
        assert second not in (first, None)
        sandbox.submit(fail, "broken", timeout=20)
        sandbox.submit(child_pid, timeout=20)
        with pytest.raises(IngestError, match=r"could not be read \(ValueError: broken\)"):
            sandbox.result()
        assert sandbox.result() not in (first, second, None)
