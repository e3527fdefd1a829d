"""Shared fixtures. Tests that need ../shared/data use ``shared_data`` (skips when absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("CLAIMKIT_SHARED_DATA", ROOT.parent / "shared" / "data"))
SAMPLE = ROOT / "corpus" / "donga-china-russia-nk.txt"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data`` (or $CLAIMKIT_SHARED_DATA); skips the test when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data not found at {SHARED_DATA} (set CLAIMKIT_SHARED_DATA)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def nlp():
    """The default spaCy pipeline, loaded once per test session."""
    from claimkit import nlp as backend

    return backend.load("spacy")


@pytest.fixture(scope="session")
def extractor():
    from claimkit.pipeline import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")
