"""The conventions every command follows (see claimkit/cli/common.py): instant start-up (no
heavy import for commands that parse no text), one-line usage errors with exit 2, choices,
environment variables shown by Typer, ``-h``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimkit import errors
from claimkit.cli import app
from claimkit.evaluate.loaders import FORMATS, REGISTRY

HEAVY = ("spacy", "thinc", "pandas", "numpy", "jsonschema", "requests", "pyarrow", "dask")

# Run in a fresh interpreter: the test process has imported everything already.
PROBE = """
import json, sys
from claimkit.cli import app
for argv in json.loads(sys.argv[1]):
    try:
        app(argv, standalone_mode=False)
    except SystemExit:
        pass
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules})))
"""


def loaded_after(*argvs: list[str]) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(argvs)], capture_output=True, text=True, check=True, timeout=120
    )
    return set(json.loads(out.stdout.splitlines()[-1]))


def test_commands_that_parse_no_text_import_nothing_heavy(tmp_path: Path) -> None:
    helps = [[*cmd, "--help"] for cmd in (["extract"], ["validate"], ["eval"], ["export"], ["render"], ["train"])]
    status = ["doccano", "serve", "--status", "--home", str(tmp_path / "home")]
    loaded = loaded_after(["--help"], *helps, ["doccano", "push", "--help"], status)
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_the_probe_sees_heavy_imports(tmp_path: Path) -> None:
    """The check above can fail: validating a file does import jsonschema."""
    record = tmp_path / "r.jsonl"
    record.write_text("{}\n", encoding="utf-8")
    assert "jsonschema" in loaded_after(["validate", str(record)])


def one_line_error(*args: str, code: int = errors.EXIT_USAGE) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == code, (result.exit_code, result.stderr)
    assert result.stderr.startswith("claimkit: error: ") and result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.output + result.stderr
    return result.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("extract", "x.txt", "--batch-size", "0"), "--batch-size: 0 is not in the range x>=1"),
        (("extract", "x.txt", "--encoding", "latin-9x"), "--encoding: unknown encoding 'latin-9x'"),
        (("export", "x.jsonl", "--encoding", "latin-9x"), "--encoding: unknown encoding 'latin-9x'"),
        (("extract", "x.txt", "--backend", "nltk"), "--backend: unknown backend 'nltk'; allowed: spacy, stanza"),
        (("eval", "--format", "brat"), "Missing option '--gold'"),
        (("eval", "--gold", "no/such/dir", "--format", "brat"), "--gold: Path 'no/such/dir' does not exist"),
        (("eval", "--gold", ".", "--format", "conllx"), "--format: unknown gold format 'conllx'; allowed: claimkit,"),
        (("eval", "--gold", ".", "--format", "brat", "--split", "half"), "--split: unknown split 'half'"),
        (("export", "x.jsonl", "--format", "xlsx"), "--format: unknown format 'xlsx'; allowed: csv, parquet, html"),
        (("validate", "x.jsonl", "--schema", "article"), "--schema: unknown schema 'article'"),
        (("extract",), "Missing argument 'PATHS...'"),
        (("extract", "--no-such-option"), "No such option"),
        (("no-such-command",), "No such command"),
        (("doccano", "serve", "--port", "0"), "--port: 0 is not in the range 1<=x<=65535"),
    ],
)
def test_usage_errors_are_one_line_exit_2(args: tuple[str, ...], expected: str) -> None:
    message = one_line_error(*args)
    assert expected in message
    assert message.rstrip().endswith(" -h)"), "the line says where to read more"


def test_gold_formats_come_from_the_one_registry() -> None:
    """Adding a format is one registry entry: the CLI's choices and the loader follow it."""
    import importlib

    assert tuple(REGISTRY) == FORMATS
    help_text = " ".join(CliRunner().invoke(app, ["eval", "-h"]).stdout.split())
    assert f"Gold format: {', '.join(FORMATS)}." in help_text
    for name, module in REGISTRY.items():
        assert callable(importlib.import_module(f"claimkit.evaluate.loaders.{module}").load), name


def help_words(*command: str) -> str:
    return " ".join(CliRunner().invoke(app, [*command, "-h"]).stdout.split())


def test_environment_variables_are_shown_and_read(tmp_path: Path) -> None:
    from claimkit.doccano import client, server

    for var in (client.ENV_URL, client.ENV_USERNAME, client.ENV_PASSWORD):
        assert f"[env var: {var}]" in help_words("doccano", "push")
    for var in (server.ENV_HOME, server.ENV_VENV, client.ENV_PASSWORD):
        assert f"[env var: {var}]" in help_words("doccano", "serve")
    # the variable is read: --status reports on the home it names
    home = tmp_path / "elsewhere"
    result = CliRunner().invoke(app, ["doccano", "serve", "--status"], env={server.ENV_HOME: str(home)})
    assert result.exit_code == errors.EXIT_SERVER and str(home) in result.stdout


def test_version_and_completion_are_offered() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("claimkit ")
    assert "--install-completion" in CliRunner().invoke(app, ["-h"]).stdout


def test_every_command_documents_its_exit_codes() -> None:
    from test_cli_help import COMMANDS

    for command in COMMANDS:
        assert "Exit codes: 0 " in help_words(*command), " ".join(command) or "claimkit"


def test_shell_completion_offers_choices() -> None:
    env = {"_CLAIMKIT_COMPLETE": "complete_bash", "COMP_WORDS": "claimkit eval --format b", "COMP_CWORD": "3"}
    result = CliRunner().invoke(app, [], env=env, prog_name="claimkit")
    assert result.stdout.split() == ["brat"]
    env["COMP_WORDS"], env["COMP_CWORD"] = "claimkit doc", "1"
    assert CliRunner().invoke(app, [], env=env, prog_name="claimkit").stdout.split() == ["doccano"]
