"""Process helpers shared by the resume lock and the Doccano server manager."""

from __future__ import annotations

import contextlib
import os


def pid_alive(pid: int) -> bool:
    """Whether process ``pid`` still runs (a process of another user counts as running).

    A zombie child of ours still answers ``kill(pid, 0)``; it is reaped and counts as gone.
    """
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    with contextlib.suppress(ChildProcessError):
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done == pid:
            return False
    return True
