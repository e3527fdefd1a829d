"""A deterministic held-out split by a stable hash, the same on every machine and run."""

from __future__ import annotations

import hashlib

from ..errors import UsageError

SPLITS: tuple[str, ...] = ("all", "dev", "test")
TEST_PERCENT = 20


def bucket(key: str) -> int:
    """A number in [0, 100) from the sha1 of ``key`` (UTF-8)."""
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:8], 16) % 100


def part(key: str) -> str:
    """``"test"`` for the 20 % of keys whose bucket is below 20, else ``"dev"``."""
    return "test" if bucket(key) < TEST_PERCENT else "dev"


def keep(key: str, split: str) -> bool:
    """Whether ``key`` belongs to ``split`` (``all``, ``dev`` or ``test``)."""
    if split not in SPLITS:
        raise UsageError(f"unknown split {split!r}; allowed: {', '.join(SPLITS)}")
    return split == "all" or part(key) == split
