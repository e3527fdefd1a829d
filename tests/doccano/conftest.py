"""A real Doccano server for the whole test session (no mocks).

The server runs from the Doccano virtualenv that scripts/setup-doccano.sh installs
(``~/.local/share/claimkit/doccano/venv`` or $CLAIMKIT_DOCCANO_VENV) on a free port of 127.0.0.1, with a fresh home in
a temporary directory; it is stopped at the end of the session. Tests that need it are marked
``server`` and are skipped, with the reason, only when that virtualenv is missing.
"""

from __future__ import annotations

import secrets
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from claimkit.doccano.client import Connection, DoccanoClient
from claimkit.doccano.server import LocalServer, default_venv, free_port

VENV = default_venv()  # $CLAIMKIT_DOCCANO_VENV or ~/.local/share/claimkit/doccano/venv (setup-doccano.sh)
ADMIN = "admin"


@dataclass
class Running:
    """A started server and how to log in to it."""

    server: LocalServer
    url: str
    password: str

    def connection(self, username: str = ADMIN, password: str | None = None) -> Connection:
        return Connection(self.url, username, self.password if password is None else password)

    def client(self, username: str = ADMIN, password: str | None = None) -> DoccanoClient:
        return DoccanoClient(self.connection(username, password)).login()


@pytest.fixture(scope="session")
def doccano_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A home initialised once (``doccano init`` + admin); servers copy it instead of re-initialising."""
    if not (VENV / "bin" / "doccano").is_file():
        pytest.skip(f"Doccano is not installed in {VENV}: run scripts/setup-doccano.sh (or set CLAIMKIT_DOCCANO_VENV)")
    home = tmp_path_factory.mktemp("doccano-template")
    password = secrets.token_urlsafe(12)
    LocalServer(home, VENV).prepare(ADMIN, password)
    return home, password


@pytest.fixture(scope="session")
def start_server(
    doccano_template: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Callable[[], Running]]:
    """Factory: a new server on a free port with its own copy of the template home; every
    server it started is stopped at the end of the session."""
    template, password = doccano_template
    started: list[LocalServer] = []

    def start() -> Running:
        home = tmp_path_factory.mktemp("doccano-home")
        shutil.copytree(template, home, dirs_exist_ok=True)
        server = LocalServer(home, VENV)
        started.append(server)
        status = server.start(free_port(), ADMIN, password, workers=2)
        assert status.running and status.healthy and status.url
        return Running(server, status.url, password)

    yield start
    for server in started:
        server.stop()


@pytest.fixture(scope="session")
def doccano(start_server: Callable[[], Running]) -> Running:
    """The session's main server."""
    return start_server()


SYNTHETIC = {
    # Characters outside the BMP (emoji, a ZWJ sequence, a flag) and combining marks before,
    # inside and after statements: UTF-16 and code-point offsets differ from the first one on.
    "synthetic-emoji": (
        "😀 Dr. Ana Mu\u0308ller said the vaccine may reduce infections 👩\u200d🔬. "
        "Officials in 🇰🇷 believe the plan could fail, according to a report. "
        "The cafe\u0301 owner said prices will rise next year."
    ),
    "synthetic-plain": (
        "The ministry said exports rose 4 percent in March. "
        "Some analysts speculate that the central bank may cut rates. "
        "Professor Kim Min-ji said the policy was a mistake."
    ),
}


@pytest.fixture(scope="session")
def drafts(extractor, sample_text: str) -> list[tuple[dict, str, list[dict]]]:
    """Extractor output for the sample article and the synthetic documents:
    ``(document record, text, statements)`` as push takes them."""
    from claimkit.records import Document

    docs = [Document("donga-china-russia-nk", sample_text), *(Document(k, v) for k, v in SYNTHETIC.items())]
    out = []
    for result in extractor.extract(docs):
        assert result.error is None and result.record is not None and result.document is not None
        out.append((result.record.to_dict(), result.document.text, [s.to_dict() for s in result.statements]))
    assert all(statements for _, _, statements in out)
    return out
