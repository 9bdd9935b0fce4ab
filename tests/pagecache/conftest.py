"""The staff fixtures (an officer signed in, tasks run at once) for the cache's tests."""

from tests.staff.conftest import (  # noqa: F401
    _tasks_run_at_once,
    group,
    officer,
    officer_client,
)
