"""Our HTTP layer over the Doccano 1.8 REST API (``requests``; no doccano-client).

Every HTTP failure (connection refused, timeout, 4xx/5xx, refused login, a body that is not
JSON) goes through :func:`_request` and comes out as :class:`~claimkit.errors.ServerError`
with a message naming the server and the call. Passwords and tokens never appear in messages.
The use cases (push, pull, diff) sit above this module and never touch ``requests``.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import requests

from ..errors import ServerError, UsageError

ENV_URL = "CLAIMKIT_DOCCANO_URL"
ENV_USERNAME = "CLAIMKIT_DOCCANO_USERNAME"
ENV_PASSWORD = "CLAIMKIT_DOCCANO_PASSWORD"
DEFAULT_URL = "http://127.0.0.1:8000"
DEFAULT_USERNAME = "admin"
PAGE = 100
MAX_PAGES = 10_000
"""Most pages read from one list (a million items): a ``next`` link that never ends stops there."""
DEADLINE = 120.0
"""Seconds one HTTP call may take in all, however slowly the server trickles its answer."""


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", type(None): "null"}.get(
        type(value), type(value).__name__
    )


def _call_with_deadline(fn: Callable[[], Any], deadline: float) -> Any:
    """Run ``fn`` in a daemon thread; raise :class:`TimeoutError` when it has not returned
    after ``deadline`` seconds (the thread is left to die with its socket)."""
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:
            box["error"] = exc

    thread = threading.Thread(target=target, name="claimkit-doccano-request", daemon=True)
    thread.start()
    thread.join(deadline)
    if thread.is_alive():
        raise TimeoutError
    if "error" in box:
        raise box["error"]
    return box.get("value")


@dataclass(frozen=True)
class Connection:
    """Where the server is and who we are. ``password`` is never printed (``repr`` hides it)."""

    url: str
    username: str
    password: str

    def __repr__(self) -> str:
        return f"Connection(url={self.url!r}, username={self.username!r}, password=***)"

    @classmethod
    def from_env(cls, url: str | None = None, username: str | None = None, password: str | None = None) -> Connection:
        """Options first, then CLAIMKIT_DOCCANO_URL / _USERNAME / _PASSWORD, then defaults.

        Raises:
            UsageError: no password was given in either place.
        """
        password = password if password is not None else os.environ.get(ENV_PASSWORD)
        if not password:
            raise UsageError(f"no Doccano password: set {ENV_PASSWORD} or pass --password")
        return cls(
            url=(url or os.environ.get(ENV_URL) or DEFAULT_URL).rstrip("/"),
            username=username or os.environ.get(ENV_USERNAME) or DEFAULT_USERNAME,
            password=password,
        )


def _detail(response: requests.Response) -> str:
    """A short, single-line description of an error response body."""
    try:
        body: Any = response.json()
    except ValueError:
        body = response.text
    text = " ".join(str(body).split())
    return text[:200] + ("..." if len(text) > 200 else "")


class DoccanoClient:
    """A logged-in session with one Doccano server.

    Args:
        connection: URL and credentials.
        timeout: seconds the server may stay silent (connect, or between two reads).
        session: a ``requests.Session`` to reuse (a new one by default).
        deadline: seconds one HTTP call may take in all (a server trickling bytes cannot hold it longer).
        max_pages: most pages read from one paginated list.
    """

    def __init__(
        self,
        connection: Connection,
        timeout: float = 30.0,
        session: requests.Session | None = None,
        deadline: float = DEADLINE,
        max_pages: int = MAX_PAGES,
    ) -> None:
        self.connection = connection
        self.url = connection.url
        self.timeout = timeout
        self.deadline = max(deadline, timeout)
        self.max_pages = max_pages
        self.session = session or requests.Session()
        self._token: str | None = None

    def _shape_error(self, call: str, what: str) -> ServerError:
        return ServerError(f"Doccano at {self.url}: {call} answered {what}; is this a Doccano 1.8 server?")

    def _check(self, data: Any, call: str, shape: Any, keys: tuple[str, ...]) -> Any:
        """``data`` if it has the expected ``shape`` (dict, or list of dicts) with ``keys``.

        Raises:
            ServerError: valid JSON of another shape (names the call).
        """
        if shape is None:
            return data
        if not isinstance(data, shape):
            expected = "an object" if shape is dict else "a list"
            raise self._shape_error(call, f"{_kind(data)} where {expected} was expected")
        for item in [data] if shape is dict else data:
            if not isinstance(item, dict):
                raise self._shape_error(call, f"a list holding {_kind(item)} where objects were expected")
            missing = [k for k in keys if k not in item]
            if missing:
                raise self._shape_error(call, f"an object without {', '.join(repr(k) for k in missing)}")
        return data

    # -- the one place where HTTP can fail -------------------------------------------------

    def _request(
        self,
        method: str,
        path: str,
        *,
        expect: tuple[int, ...] = (200,),
        raw: bool = False,
        shape: Any = None,
        keys: tuple[str, ...] = (),
        **kw: Any,
    ) -> Any:
        """Send one request; return the decoded JSON (or the response when ``raw``).

        Args:
            shape: ``dict`` or ``list`` (of objects): the JSON the call must answer.
            keys: fields every such object must have.

        Raises:
            ServerError: for every failure, with the server, the call and the reason; also for
                an answer not complete within :attr:`deadline` or of another shape.
        """
        url = f"{self.url}{path}"
        call = f"{method} {path}"
        headers = kw.pop("headers", {})
        if self._token:
            headers["Authorization"] = f"Token {self._token}"
        try:
            response = _call_with_deadline(
                lambda: self.session.request(method, url, headers=headers, timeout=self.timeout, **kw), self.deadline
            )
        except TimeoutError:
            raise ServerError(
                f"Doccano at {self.url}: {call} did not complete within {self.deadline:g}s (the server answers too slowly)"
            ) from None
        except requests.ConnectionError as exc:
            reason = "connection refused" if "refused" in str(exc).lower() else "cannot connect"
            raise ServerError(
                f"Doccano at {self.url}: {reason} during {call}; is it running? (claimkit doccano serve --status)"
            ) from None
        except requests.Timeout:
            raise ServerError(f"Doccano at {self.url}: no answer within {self.timeout:g}s to {call}") from None
        except requests.RequestException as exc:
            raise ServerError(f"Doccano at {self.url}: {call} failed ({type(exc).__name__})") from None
        if response.status_code not in expect:
            if response.status_code in (400, 401, 403) and path.startswith("/v1/auth/login"):
                raise ServerError(
                    f"Doccano at {self.url} refused the login of user {self.connection.username!r} "
                    "(wrong username or password)"
                )
            if response.status_code == 401:
                raise ServerError(f"Doccano at {self.url}: not logged in or token rejected for {call}")
            raise ServerError(
                f"Doccano at {self.url}: {call} answered HTTP {response.status_code}: {_detail(response)}"
            )
        if raw:
            return response
        if response.status_code == 204 or not response.content:
            if shape is not None:
                raise self._shape_error(call, "nothing")
            return None
        try:
            data = response.json()
        except ValueError:
            raise ServerError(
                f"Doccano at {self.url}: {call} did not answer JSON (is this a Doccano server?)"
            ) from None
        except RecursionError:
            raise self._shape_error(call, "JSON nested too deeply") from None
        return self._check(data, call, shape, keys)

    def _pages(
        self, path: str, params: dict[str, Any] | None = None, keys: tuple[str, ...] = ()
    ) -> Iterator[dict[str, Any]]:
        """Every item of a paginated list (``{count, next, results}``) or of a plain list.

        Raises:
            ServerError: a page of another shape, or more than :attr:`max_pages` pages.
        """
        offset = 0
        for _ in range(self.max_pages):
            data = self._request("GET", path, params={**(params or {}), "limit": PAGE, "offset": offset})
            if isinstance(data, list):
                yield from self._check(data, f"GET {path}", list, keys)
                return
            self._check(data, f"GET {path}", dict, ())
            results = self._check(data.get("results", []), f"GET {path} (results)", list, keys)
            yield from results
            offset += len(results)
            count = data.get("count")
            if not data.get("next") or not results or (isinstance(count, int) and offset >= count):
                return
        raise ServerError(
            f"Doccano at {self.url}: GET {path} still had a next page after {self.max_pages} pages; stopped"
        )

    # -- session ----------------------------------------------------------------------------

    def health(self) -> bool:
        """True when the server answers its health check (no login needed, never raises)."""
        try:
            wait = min(self.timeout, 5.0)
            return _call_with_deadline(lambda: self.session.get(f"{self.url}/v1/health/", timeout=wait), 2 * wait).ok
        except (requests.RequestException, TimeoutError):
            return False

    def login(self) -> DoccanoClient:
        """Get a token for the connection's user. Returns ``self`` for chaining."""
        self._token = None
        data = self._request(
            "POST",
            "/v1/auth/login/",
            json={"username": self.connection.username, "password": self.connection.password},
            expect=(200,),
        )
        token = data.get("key") if isinstance(data, dict) else None
        if not token:
            raise ServerError(f"Doccano at {self.url}: login answered without a token")
        self._token = token
        # Login also opens a Django session; with its cookie, Doccano would demand a CSRF token.
        self.session.cookies.clear()
        return self

    def me(self) -> dict[str, Any]:
        return self._request("GET", "/v1/me", shape=dict)

    # -- projects and label types -------------------------------------------------------------

    def find_project(self, name: str) -> dict[str, Any] | None:
        """The project called exactly ``name``, or None."""
        for project in self._pages("/v1/projects", {"search": name}, keys=("id", "name")):
            if project.get("name") == name:
                return project
        return None

    def create_project(self, name: str, description: str, **options: Any) -> dict[str, Any]:
        """Create a sequence-labelling project; ``options`` are extra project fields."""
        body = {
            "name": name,
            "description": description,
            "project_type": "SequenceLabeling",
            "resourcetype": "SequenceLabelingProject",
            **options,
        }
        return self._request("POST", "/v1/projects", json=body, expect=(201,), shape=dict, keys=("id",))

    def label_types(self, project_id: int, kind: str) -> list[dict[str, Any]]:
        """``kind`` is ``span`` or ``relation``."""
        return list(self._pages(f"/v1/projects/{project_id}/{kind}-types", keys=("id", "text")))

    def create_label_type(self, project_id: int, kind: str, text: str, color: str) -> dict[str, Any]:
        body = {"text": text, "background_color": color, "text_color": "#ffffff"}
        return self._request(
            "POST", f"/v1/projects/{project_id}/{kind}-types", json=body, expect=(201,), shape=dict, keys=("id",)
        )

    def upload_label_types(self, project_id: int, kind: str, labels: list[tuple[str, str]]) -> None:
        """Create several label types in one request (Doccano's label upload, one transaction):
        ``labels`` are ``(text, background colour)``. Fails as a whole if one exists already."""
        body = [{"text": text, "background_color": color, "text_color": "#ffffff"} for text, color in labels]
        files = {"file": ("labels.json", json.dumps(body).encode("utf-8"), "application/json")}
        self._request("POST", f"/v1/projects/{project_id}/{kind}-type-upload", files=files, expect=(201,))

    def members(self, project_id: int) -> list[dict[str, Any]]:
        return list(self._pages(f"/v1/projects/{project_id}/members", keys=("user", "username")))

    # -- users (for an annotation lead setting up reviewers) --------------------------------

    def create_user(self, username: str, password: str, email: str | None = None) -> dict[str, Any]:
        """Create a (non-admin) user; needs a staff login."""
        body = {
            "username": username,
            "email": email or f"{username}@localhost",
            "password1": password,
            "password2": password,
        }
        return self._request("POST", "/v1/users/create", json=body, expect=(201,), shape=dict, keys=("id",))

    def add_member(self, project_id: int, user_id: int, role: str = "annotator") -> dict[str, Any]:
        """Give a user a role (``annotator``, ``annotation_approver``, ``project_admin``) in a project."""
        roles = {r["name"]: r["id"] for r in self._pages("/v1/roles", keys=("id", "name"))}
        if role not in roles:
            raise UsageError(f"unknown Doccano role {role!r}; allowed: {', '.join(sorted(roles))}")
        body = {"user": user_id, "role": roles[role]}
        return self._request("POST", f"/v1/projects/{project_id}/members", json=body, expect=(201,))

    # -- examples ---------------------------------------------------------------------------

    def examples(self, project_id: int) -> Iterator[dict[str, Any]]:
        return self._pages(f"/v1/projects/{project_id}/examples", keys=("id",))

    def count_examples(self, project_id: int) -> int:
        """How many examples the project holds (one small request: a page of one)."""
        data = self._request("GET", f"/v1/projects/{project_id}/examples", params={"limit": 1}, shape=dict)
        count = data.get("count")
        if not isinstance(count, int) or isinstance(count, bool):
            raise self._shape_error(f"GET /v1/projects/{project_id}/examples", "no count")
        return count

    def create_example(self, project_id: int, text: str, meta: dict[str, Any]) -> dict[str, Any]:
        body = {"text": text, "meta": meta}
        return self._request(
            "POST", f"/v1/projects/{project_id}/examples", json=body, expect=(201,), shape=dict, keys=("id",)
        )

    def update_example_meta(self, project_id: int, example_id: int, meta: dict[str, Any]) -> dict[str, Any]:
        path = f"/v1/projects/{project_id}/examples/{example_id}"
        return self._request("PATCH", path, json={"meta": meta})

    def states(self, project_id: int, example_id: int) -> list[dict[str, Any]]:
        """Confirmations of an example (all users' in a collaborative project)."""
        return list(self._pages(f"/v1/projects/{project_id}/examples/{example_id}/states"))

    def toggle_confirmed(self, project_id: int, example_id: int) -> None:
        """Confirm an example, or withdraw the caller's confirmation (Doccano's checkbox)."""
        self._request("POST", f"/v1/projects/{project_id}/examples/{example_id}/states", json={}, expect=(201,))

    # -- annotations ------------------------------------------------------------------------

    def annotations(self, project_id: int, example_id: int, kind: str) -> list[dict[str, Any]]:
        """``kind`` is ``spans`` or ``relations``."""
        keys = ("id", "label", "start_offset", "end_offset") if kind == "spans" else ("id", "type", "from_id", "to_id")
        return self._request("GET", f"/v1/projects/{project_id}/examples/{example_id}/{kind}", shape=list, keys=keys)

    def delete_annotations(self, project_id: int, example_id: int, kind: str) -> None:
        """Delete all ``spans`` or ``relations`` of an example (deleting spans drops their relations)."""
        self._request("DELETE", f"/v1/projects/{project_id}/examples/{example_id}/{kind}", expect=(204,))

    def create_span(self, project_id: int, example_id: int, start: int, end: int, label_id: int) -> dict[str, Any]:
        body = {"start_offset": start, "end_offset": end, "label": label_id}
        path = f"/v1/projects/{project_id}/examples/{example_id}/spans"
        return self._request("POST", path, json=body, expect=(201,), shape=dict, keys=("id",))

    def update_span(self, project_id: int, example_id: int, span_id: int, **fields: Any) -> dict[str, Any]:
        path = f"/v1/projects/{project_id}/examples/{example_id}/spans/{span_id}"
        return self._request("PATCH", path, json=fields)

    def delete_span(self, project_id: int, example_id: int, span_id: int) -> None:
        path = f"/v1/projects/{project_id}/examples/{example_id}/spans/{span_id}"
        self._request("DELETE", path, expect=(204,))

    def create_relation(
        self, project_id: int, example_id: int, from_id: int, to_id: int, type_id: int
    ) -> dict[str, Any]:
        body = {"from_id": from_id, "to_id": to_id, "type": type_id}
        path = f"/v1/projects/{project_id}/examples/{example_id}/relations"
        return self._request("POST", path, json=body, expect=(201,))

    def delete_relation(self, project_id: int, example_id: int, relation_id: int) -> None:
        path = f"/v1/projects/{project_id}/examples/{example_id}/relations/{relation_id}"
        self._request("DELETE", path, expect=(204,))

    # -- export -----------------------------------------------------------------------------

    def export(self, project_id: int, only_confirmed: bool = False, wait: float = 120.0) -> bytes:
        """Run Doccano's JSONL export (a Celery task) and return the zip it produces.

        Raises:
            ServerError: the task failed, or did not finish within ``wait`` seconds (is the
                Celery worker, ``doccano task``, running?).
        """
        body = {"format": "JSONL", "exportApproved": only_confirmed}
        task = self._request("POST", f"/v1/projects/{project_id}/download", json=body, shape=dict)
        task_id = task.get("task_id") if isinstance(task, dict) else None
        if not task_id:
            raise ServerError(f"Doccano at {self.url}: export of project {project_id} returned no task id")
        self.wait_task(task_id, "export", wait)
        response = self._request("GET", f"/v1/projects/{project_id}/download", params={"taskId": task_id}, raw=True)
        return response.content

    # -- bulk import (Doccano's dataset upload: filepond + a Celery task) --------------------

    def delete_example(self, project_id: int, example_id: int) -> None:
        """Delete one example (and its annotations). Never the list endpoint: an empty id list
        there deletes every example of the project."""
        self._request("DELETE", f"/v1/projects/{project_id}/examples/{example_id}", expect=(204,))

    def upload_file(self, name: str, data: bytes) -> str:
        """Send a file to Doccano's upload area (``POST /v1/fp/process/``); returns its upload id."""
        files = {"filepond": (name, data, "application/octet-stream")}
        response = self._request("POST", "/v1/fp/process/", files=files, raw=True)
        upload_id = response.text.strip()
        if not upload_id or len(upload_id) > 64 or not upload_id.isalnum():
            raise ServerError(f"Doccano at {self.url}: POST /v1/fp/process/ answered no upload id")
        return upload_id

    def import_uploads(self, project_id: int, upload_ids: list[str], task: str, file_format: str = "JSONL") -> str:
        """Start importing uploaded files into a project (``POST /v1/projects/{id}/upload``);
        returns the Celery task id. ``task`` is e.g. ``RelationExtraction``."""
        body = {
            "uploadIds": upload_ids,
            "format": file_format,
            "task": task,
            "column_data": "text",
            "column_label": "label",
        }
        started = self._request("POST", f"/v1/projects/{project_id}/upload", json=body)
        task_id = started.get("task_id") if isinstance(started, dict) else None
        if not task_id:
            raise ServerError(f"Doccano at {self.url}: import into project {project_id} returned no task id")
        return str(task_id)

    def wait_task(self, task_id: str, what: str, wait: float = 300.0) -> Any:
        """Poll ``GET /v1/tasks/status/{task_id}`` until the task is ready; returns its result.

        Raises:
            ServerError: the task failed or did not finish within ``wait`` seconds (is the
                Celery worker running?).
        """
        deadline = time.monotonic() + wait
        delay = 0.02  # short: a push waits for this task; back off to 0.2 s (a cheap request)
        while True:
            status = self._request("GET", f"/v1/tasks/status/{task_id}", shape=dict)
            if not isinstance(status, dict):
                raise ServerError(f"Doccano at {self.url}: task status of the {what} is not an object")
            if status.get("error"):
                detail = status["error"].get("text", "") if isinstance(status["error"], dict) else status["error"]
                raise ServerError(f"Doccano at {self.url}: {what} failed: {str(detail)[:200]}")
            if status.get("ready"):
                return status.get("result")
            if time.monotonic() > deadline:
                raise ServerError(
                    f"Doccano at {self.url}: {what} not finished after {wait:g}s; is the Celery worker "
                    "(doccano task) running? (claimkit doccano serve starts it)"
                )
            time.sleep(delay)
            delay = min(delay * 1.5, 0.2)
