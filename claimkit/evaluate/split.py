"""A deterministic held-out split by a stable hash, the same on every machine and run."""

from __future__ import annotations

import hashlib

from ..errors import UsageError

SPLITS: tuple[str, ...] = ("all", "dev", "test", "train", "val")
#: Splits that the gold itself defines (Pei & Jurgens' ``split`` field), not the hash split.
OWN_SPLITS: tuple[str, ...] = ("train", "val")
TEST_PERCENT = 20


def bucket(key: str) -> int:
    """A number in [0, 100) from the sha1 of ``key`` (UTF-8)."""
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:8], 16) % 100


def part(key: str) -> str:
    """``"test"`` for the 20 % of keys whose bucket is below 20, else ``"dev"``."""
    return "test" if bucket(key) < TEST_PERCENT else "dev"


def keep(key: str, split: str, own: str | None = None) -> bool:
    """Whether a document belongs to ``split``.

    Args:
        key: what the hash split hashes (``dev`` / ``test``).
        split: ``all``, ``dev``, ``test``, or one of :data:`OWN_SPLITS`.
        own: the gold's own split of the document, for ``train`` / ``val``.

    Raises:
        UsageError: an unknown split, or ``train``/``val`` on gold without its own split.
    """
    if split not in SPLITS:
        raise UsageError(f"unknown split {split!r}; allowed: {', '.join(SPLITS)}")
    if split in OWN_SPLITS:
        if own is None:
            raise UsageError(f"--split {split} needs gold with its own train/val split (e.g. --format pei-jurgens)")
        return own == split
    return split == "all" or part(key) == split
