"""The Doccano client against a misbehaving server (a fake HTTP server in this process), and the
private files of a local Doccano home (issue 18)."""

from __future__ import annotations

import json
import os
import stat
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimkit import errors
from claimkit.cli import app
from claimkit.doccano.client import Connection, DoccanoClient
from claimkit.doccano.server import LocalServer
from claimkit.errors import ServerError

Route = Callable[[BaseHTTPRequestHandler], None]


def send_json(handler: BaseHTTPRequestHandler, body: object, status: int = 200) -> None:
    data = json.dumps(body).encode()
    handler.send_response(status)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(len(data)))
    handler.end_headers()
    handler.wfile.write(data)


def login(handler: BaseHTTPRequestHandler) -> None:
    send_json(handler, {"key": "token"})


@pytest.fixture()
def fake() -> Iterator[tuple[str, dict[str, Route]]]:
    """``(url, routes)``: a server on 127.0.0.1 answering ``routes[path]`` (query string dropped)."""
    routes: dict[str, Route] = {"/v1/auth/login/": login}

    class Handler(BaseHTTPRequestHandler):
        def handle_one(self) -> None:
            route = routes.get(self.path.split("?")[0])
            if route is None:
                send_json(self, {"detail": "not found"}, 404)
            else:
                route(self)

        do_GET = do_POST = do_PATCH = do_DELETE = handle_one

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", routes
    finally:
        server.shutdown()
        server.server_close()


def client(url: str, **kw: float) -> DoccanoClient:
    return DoccanoClient(Connection(url, "admin", "pw"), **kw).login()  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "body",
    [["a", "b"], {"results": "oops", "next": None}, {"results": [{"id": 1}], "next": None}, "text", 3],
)
def test_wrong_shape_is_a_server_error_naming_the_call(fake, body: object) -> None:
    url, routes = fake
    routes["/v1/projects"] = lambda h: send_json(h, body)
    with pytest.raises(ServerError, match=r"GET /v1/projects.* answered .*Doccano 1\.8") as info:
        client(url).find_project("p")
    assert info.value.exit_code == errors.EXIT_SERVER


def test_wrong_shape_of_single_objects(fake) -> None:
    url, routes = fake
    routes["/v1/projects/1/examples/2/spans"] = lambda h: send_json(h, {"id": 1})
    routes["/v1/tasks/status/t"] = lambda h: send_json(h, ["ready"])
    c = client(url)
    with pytest.raises(ServerError, match="GET /v1/projects/1/examples/2/spans answered an object where a list"):
        c.annotations(1, 2, "spans")
    routes["/v1/projects/1/examples/2/spans"] = lambda h: send_json(h, [{"id": 1, "label": 3}])
    with pytest.raises(ServerError, match="without 'start_offset', 'end_offset'"):
        c.annotations(1, 2, "spans")
    routes["/v1/projects/1/download"] = lambda h: send_json(h, {"task_id": "t"})
    with pytest.raises(ServerError, match="GET /v1/tasks/status/t answered a list where an object"):
        c.export(1)


def test_cli_pull_against_a_wrong_shape_exits_7_with_one_line(
    fake, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, routes = fake
    routes["/v1/projects"] = lambda h: send_json(h, {"count": 1, "next": None, "results": [["not", "an object"]]})
    monkeypatch.setenv("CLAIMKIT_DOCCANO_PASSWORD", "pw")
    res = CliRunner().invoke(app, ["doccano", "pull", "--url", url, "--project", "p", "-o", str(tmp_path / "o.jsonl")])
    assert res.exit_code == errors.EXIT_SERVER, res.output
    assert "Traceback" not in res.output and res.stderr.count("\n") == 1
    assert "GET /v1/projects" in res.stderr


def trickle(body: bytes, every: float, headers_too: bool = False) -> Route:
    def route(handler: BaseHTTPRequestHandler) -> None:
        head = f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n".encode()
        try:
            if headers_too:
                for i in range(len(head)):
                    handler.wfile.write(head[i : i + 1])
                    handler.wfile.flush()
                    time.sleep(every)
            else:
                handler.wfile.write(head)
            for i in range(len(body)):
                handler.wfile.write(body[i : i + 1])
                handler.wfile.flush()
                time.sleep(every)
        except OSError:
            pass

    return route


@pytest.mark.parametrize("headers_too", [False, True])
def test_a_trickling_server_cannot_hold_a_call_past_the_deadline(fake, headers_too: bool) -> None:
    url, routes = fake
    routes["/v1/me"] = trickle(json.dumps({"id": 1, "username": "x" * 200}).encode(), 0.2, headers_too)
    c = client(url, timeout=1.0, deadline=2.0)
    started = time.monotonic()
    with pytest.raises(ServerError, match=r"GET /v1/me did not complete within 2s") as info:
        c.me()
    assert time.monotonic() - started < 4 and info.value.exit_code == errors.EXIT_SERVER


def test_a_next_link_that_never_ends_stops_at_the_page_limit(fake) -> None:
    url, routes = fake
    routes["/v1/projects"] = lambda h: send_json(
        h, {"count": None, "next": "again", "results": [{"id": 1, "name": "a"}]}
    )
    c = client(url)
    c.max_pages = 25
    with pytest.raises(ServerError, match="still had a next page after 25 pages"):
        c.find_project("never")


def test_pagination_stops_at_count(fake) -> None:
    url, routes = fake
    calls = []

    def page(h: BaseHTTPRequestHandler) -> None:
        calls.append(h.path)
        send_json(h, {"count": 3, "next": "always", "results": [{"id": 1, "name": "a"}]})

    routes["/v1/projects"] = page
    assert client(url).find_project("never") is None and len(calls) == 3


# --- item 3: the Doccano home is private --------------------------------------------------------


def test_home_and_files_are_made_private(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "media").mkdir(parents=True)
    home.chmod(0o755)
    for name in ("db.sqlite3", "media/project_1.zip", "secret_key"):
        (home / name).write_text("x")
        (home / name).chmod(0o644)
    server = LocalServer(home, tmp_path / "venv")
    server._make_private()
    assert stat.S_IMODE(home.stat().st_mode) == 0o700 and stat.S_IMODE((home / "media").stat().st_mode) == 0o700
    for name in ("db.sqlite3", "media/project_1.zip", "secret_key"):
        assert stat.S_IMODE((home / name).stat().st_mode) == 0o600, name
    # Files Doccano itself creates later (database, export zips, logs) are owner-only too.
    server._run(
        ["/bin/sh", "-c", "echo hi > made.db && mkdir -p media/x && echo z > media/x/e.zip"], dict(os.environ), "t"
    )
    for name in ("made.db", "media/x/e.zip", "setup.log"):
        assert stat.S_IMODE((home / name).stat().st_mode) == 0o600, name


@pytest.mark.server
def test_a_real_doccano_home_is_private(doccano_template: tuple[Path, str]) -> None:
    home, _ = doccano_template
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    for name in ("db.sqlite3", "secret_key", "setup.log"):
        assert stat.S_IMODE((home / name).stat().st_mode) == 0o600, name
