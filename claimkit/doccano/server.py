"""Start, check and stop a local Doccano 1.8.4 (web server + Celery worker) on 127.0.0.1.

Doccano lives in its own virtualenv (``scripts/setup-doccano.sh`` installs it into
``~/.local/share/claimkit/doccano/venv``); its database, media and logs live in a home
directory (``~/.local/share/claimkit/doccano/home``); both can be moved with
CLAIMKIT_DOCCANO_VENV / CLAIMKIT_DOCCANO_HOME (or ``serve --venv/--home``).
``doccano webserver`` binds 0.0.0.0, so we run its gunicorn application ourselves bound to
127.0.0.1, and its Celery worker (needed for exports) beside it. A state file
``HOME/server.json`` records the port and the process ids so that a second ``start`` is
harmless and ``stop`` ends exactly the processes we started.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from ..errors import ServerError, UsageError
from ..procs import pid_alive

ENV_VENV = "CLAIMKIT_DOCCANO_VENV"
ENV_HOME = "CLAIMKIT_DOCCANO_HOME"
STATE_FILE = "server.json"
HOST = "127.0.0.1"

_CREATE_ADMIN = """
import os, django
from django.core import management
django.setup()
management.call_command("create_admin", "--noinput", username=os.environ["CLAIMKIT_ADMIN_USER"],
                        password=os.environ["CLAIMKIT_ADMIN_PASSWORD"], email="admin@localhost")
"""


# Doccano's production settings plus claimkit's speed fixes (server_settings.py, copied into
# HOME/settings at every start).
SETTINGS_MODULE = "claimkit_doccano_settings"
_SETTINGS = Path(__file__).with_name("server_settings.py")


def data_dir() -> Path:
    """claimkit's per-user Doccano folder: ``$XDG_DATA_HOME/claimkit/doccano`` (default
    ``~/.local/share/claimkit/doccano``), the same for every project folder."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "claimkit" / "doccano"


def default_venv() -> Path:
    """$CLAIMKIT_DOCCANO_VENV, else ``venv`` in :func:`data_dir` (where scripts/setup-doccano.sh
    installs it); a ``.doccano/venv`` of the current folder (older setups) when only that exists."""
    if os.environ.get(ENV_VENV):
        return Path(os.environ[ENV_VENV]).absolute()
    venv = data_dir() / "venv"
    legacy = Path(".doccano/venv").absolute()
    if not (venv / "bin" / "doccano").is_file() and (legacy / "bin" / "doccano").is_file():
        return legacy
    return venv


def default_home() -> Path:
    """$CLAIMKIT_DOCCANO_HOME, else ``home`` in :func:`data_dir`."""
    return Path(os.environ.get(ENV_HOME) or data_dir() / "home").absolute()


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


PRIVATE_UMASK = 0o077


def _open_private(path: Path, mode: str) -> IO[Any]:
    """Open ``path`` for writing, created (or tightened to) 0600."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if "a" in mode else os.O_TRUNC)
    fd = os.open(path, flags, 0o600)
    os.fchmod(fd, 0o600)
    return os.fdopen(fd, mode, encoding=None if "b" in mode else "utf-8")


def _write_private(path: Path, text: str) -> None:
    with _open_private(path, "w") as fh:
        fh.write(text)


def _healthy(url: str) -> bool:
    import requests  # here, not at module level: ``claimkit doccano serve --status`` must start at once

    try:
        # The health check runs a Celery task too: allow for a busy machine.
        return requests.get(f"{url}/v1/health/", timeout=15).ok
    except requests.RequestException:
        return False


@dataclass
class Status:
    """What ``serve --status`` reports."""

    running: bool
    healthy: bool
    url: str | None
    pids: dict[str, int]
    home: Path

    def describe(self) -> str:
        if not self.running:
            return f"Doccano is not running (home {self.home})"
        health = "healthy" if self.healthy else "NOT answering its health check"
        pids = ", ".join(f"{k} pid {v}" for k, v in self.pids.items())
        return f"Doccano is running at {self.url}: {health} ({pids}; home {self.home})"


class LocalServer:
    """A Doccano server on 127.0.0.1 whose files live in ``home``.

    Args:
        home: DOCCANO_HOME (database, media, logs, state file); created when missing.
        venv: the virtualenv that has ``doccano`` installed.
    """

    def __init__(self, home: Path | None = None, venv: Path | None = None) -> None:
        self.home = (home or default_home()).absolute()
        self.venv = (venv or default_venv()).absolute()

    # -- state ------------------------------------------------------------------------------

    @property
    def state_path(self) -> Path:
        return self.home / STATE_FILE

    def _state(self) -> dict[str, object] | None:
        try:
            return json.loads(self.state_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def status(self) -> Status:
        """Whether our processes are alive and the server answers ``/v1/health/``."""
        state = self._state()
        if not state:
            return Status(False, False, None, {}, self.home)
        pids = {k: int(v) for k, v in dict(state.get("pids", {})).items()}  # type: ignore[call-overload]
        alive = {k: v for k, v in pids.items() if pid_alive(v) and self._ours(v, state.get("venv"))}
        url = str(state.get("url"))
        if not alive:
            return Status(False, False, url, {}, self.home)
        return Status(True, _healthy(url) and len(alive) == len(pids), url, alive, self.home)

    def _ours(self, pid: int, venv: object = None) -> bool:
        """Whether ``pid`` still runs from the Doccano virtualenv that started it (not a recycled pid)."""
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode("utf-8", "replace")
        except OSError:
            return True  # no /proc: trust the state file
        return str(venv or self.venv) in cmdline

    # -- installation checks ----------------------------------------------------------------

    def installed(self) -> bool:
        return (self.venv / "bin" / "doccano").is_file()

    def _require_installed(self) -> None:
        if not self.installed():
            raise UsageError(
                f"Doccano is not installed in {self.venv}; run scripts/setup-doccano.sh "
                f"(or set {ENV_VENV} to a virtualenv with doccano==1.8.4)"
            )

    def _backend_dir(self) -> str:
        out = subprocess.run(
            [str(self.venv / "bin" / "python"), "-c", "import backend, os; print(os.path.dirname(backend.__file__))"],
            capture_output=True,
            text=True,
            check=False,
        )
        if out.returncode != 0:
            raise ServerError(f"cannot import doccano's backend in {self.venv}: {out.stderr.strip()[-200:]}")
        return out.stdout.strip()

    def _secret_key(self) -> str:
        path = self.home / "secret_key"
        if not path.exists():
            _write_private(path, secrets.token_urlsafe(48))
        return path.read_text(encoding="utf-8").strip()

    def _make_private(self) -> None:
        """Home 0700 and every file in it 0600: the database holds the admin's API token.

        Also tightens a home created by an earlier claimkit with the usual 0755/0644.
        """
        self.home.mkdir(parents=True, exist_ok=True, mode=0o700)
        (self.home / "media").mkdir(exist_ok=True, mode=0o700)
        self.home.chmod(0o700)
        for path in self.home.rglob("*"):
            if not path.is_symlink():
                path.chmod(0o700 if path.is_dir() else 0o600)

    def _env(self, backend: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMKIT_DOCCANO_PASSWORD")}
        settings = self.home / "settings"
        settings.mkdir(exist_ok=True, mode=0o700)
        _write_private(settings / f"{SETTINGS_MODULE}.py", _SETTINGS.read_text(encoding="utf-8"))
        env.update(
            DOCCANO_HOME=str(self.home),
            STANDALONE="True",
            DEBUG="False",
            DJANGO_SETTINGS_MODULE=SETTINGS_MODULE,
            DATABASE_URL=f"sqlite:///{self.home / 'db.sqlite3'}",
            MEDIA_ROOT=str(self.home / "media"),
            SECRET_KEY=self._secret_key(),
            PYTHONPATH=os.pathsep.join([str(settings), backend]),
            CLAIMKIT_DOCCANO_BACKEND=backend,
        )
        return env

    def _run(self, args: list[str], env: dict[str, str], what: str) -> None:
        log = self.home / "setup.log"
        with _open_private(log, "a") as fh:
            done = subprocess.run(
                args, env=env, stdout=fh, stderr=subprocess.STDOUT, check=False, cwd=self.home, umask=PRIVATE_UMASK
            )
        if done.returncode != 0:
            raise ServerError(f"Doccano {what} failed (exit {done.returncode}); see {log}")

    # -- start / stop -----------------------------------------------------------------------

    def start(
        self,
        port: int,
        username: str,
        password: str | None,
        workers: int = 2,
        timeout: float = 180.0,
        progress: Callable[[str], None] | None = None,
    ) -> Status:
        """Start the server unless it already runs; initialise the database the first time.

        Args:
            port: TCP port on 127.0.0.1.
            username: the admin user, created (or its password reset) on every start.
            password: the admin password; required.
            workers: gunicorn worker processes.
            timeout: seconds to wait for the health check.
            progress: called with a short line before each slow step (init, start, wait).

        Raises:
            UsageError: Doccano is not installed, no password, or it runs on another port.
            ServerError: it did not come up (the message names the log file).
        """
        current = self.status()
        if current.running:
            if current.url != f"http://{HOST}:{port}":
                raise UsageError(
                    f"Doccano already runs at {current.url}; stop it first (claimkit doccano serve --stop)"
                )
            if current.healthy or self._wait_healthy(current.url, timeout, current.pids):
                return Status(True, True, current.url, current.pids, self.home)
            raise ServerError(f"Doccano at {current.url} runs but does not answer; stop it and start again")
        if _port_busy(port):
            raise UsageError(f"port {port} on {HOST} is already in use; choose another with --port")
        say = progress or (lambda _line: None)
        env = self.prepare(username, password, progress=say)
        bin_dir, backend = self.venv / "bin", env["CLAIMKIT_DOCCANO_BACKEND"]
        url = f"http://{HOST}:{port}"
        web_cmd = [
            str(bin_dir / "gunicorn"),
            "--bind",
            f"{HOST}:{port}",
            "--workers",
            str(workers),
            "--chdir",
            backend,
            "--capture-output",
            "--timeout",
            "120",
            "config.wsgi",
        ]
        task_cmd = [str(bin_dir / "celery"), "--app=config", f"--workdir={backend}", "worker"]
        task_cmd += ["--loglevel=info", "--concurrency=1", "--pool=solo"]
        say(f"starting the web server and the Celery worker on {url} (logs in {self.home})")
        pids = {
            "web": self._spawn(web_cmd, env, "webserver.log"),
            "worker": self._spawn(task_cmd, env, "worker.log"),
        }
        state = {"url": url, "port": port, "pids": pids, "venv": str(self.venv), "started": time.time()}
        _write_private(self.state_path, json.dumps(state))
        say(f"waiting for {url}/v1/health/ (up to {timeout:g}s; about 30 s on a busy machine)")
        if not self._wait_healthy(url, timeout, pids):
            self.stop()
            raise ServerError(f"Doccano did not come up at {url} within {timeout:g}s; see {self.home}/webserver.log")
        return Status(True, True, url, pids, self.home)

    def prepare(
        self, username: str, password: str | None, progress: Callable[[str], None] | None = None
    ) -> dict[str, str]:
        """Create the database the first time (``doccano init``) and the admin user (every time,
        so a changed password takes effect). Returns the environment for the server processes.

        Raises:
            UsageError: Doccano is not installed or no password was given.
            ServerError: ``init`` or the user creation failed (the message names the log).
        """
        if not password:
            raise UsageError("no admin password: set CLAIMKIT_DOCCANO_PASSWORD or pass --password")
        self._require_installed()
        self._make_private()
        env = self._env(self._backend_dir())
        bin_dir = self.venv / "bin"
        if not (self.home / "db.sqlite3").exists() or not (self.home / ".initialised").exists():
            if progress:
                progress(f"first start: creating the database in {self.home} (doccano init, 10 to 60 s)")
            self._run([str(bin_dir / "doccano"), "init"], env, "init")
            _write_private(self.home / ".initialised", "")
        if progress:
            progress(f"setting the password of Doccano user {username!r}")
        admin_env = {**env, "CLAIMKIT_ADMIN_USER": username, "CLAIMKIT_ADMIN_PASSWORD": password}
        self._run([str(bin_dir / "python"), "-c", _CREATE_ADMIN], admin_env, "createuser")
        return env

    def _spawn(self, cmd: list[str], env: dict[str, str], log_name: str) -> int:
        with _open_private(self.home / log_name, "ab") as log:
            proc = subprocess.Popen(
                cmd,
                env=env,
                cwd=self.home,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                umask=PRIVATE_UMASK,  # the database, media (pulled zips) and logs: owner only
            )
        return proc.pid

    def _wait_healthy(self, url: str, timeout: float, pids: dict[str, int]) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not all(pid_alive(p) for p in pids.values()):
                return False
            if _healthy(url):
                return True
            time.sleep(0.5)
        return False

    def stop(self, timeout: float = 20.0) -> bool:
        """Stop the processes we started (SIGTERM to their process groups, then SIGKILL).

        Returns:
            True when something was running.
        """
        state = self._state()
        if not state:
            return False
        pids = [int(v) for v in dict(state.get("pids", {})).values()]  # type: ignore[call-overload]
        pids = [p for p in pids if self._ours(p, state.get("venv"))]
        was_running = any(pid_alive(p) for p in pids)
        for pid in pids:
            _signal_group(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and any(pid_alive(p) for p in pids):
            time.sleep(0.2)
        for pid in pids:
            if pid_alive(pid):
                _signal_group(pid, signal.SIGKILL)
        with contextlib.suppress(FileNotFoundError):
            self.state_path.unlink()
        return was_running


def _signal_group(pid: int, sig: int) -> None:
    """Signal the process group led by ``pid`` (our children were started in their own session)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, sig)


def _port_busy(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex((HOST, port)) == 0
