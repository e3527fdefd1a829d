"""Agreement between reviewers, checked against kappas computed by hand (unit and real server)."""

from __future__ import annotations

import json
import secrets

import pytest
from typer.testing import CliRunner

from claimkit.cli import app
from claimkit.doccano.agreement import agreement, cohen_kappa, fleiss_kappa
from claimkit.errors import UsageError

TEXT = "Kim said taxes rose. Lee said rents fell. Wages may rise. Prices rose. Talks ended. It rained."
SENTENCES = [s + "." for s in TEXT[:-1].split(". ")]
STARTS = [TEXT.index(s) for s in SENTENCES]
# Per reviewer: sentence number -> (kind, speaker name or None, certainty label).
# A drew S1-S5, B drew S1-S4 and S6.
REVIEWS = {
    "ana": {
        0: ("fact", "Kim", "certain"),
        1: ("fact", "Kim", "certain"),
        2: ("opinion", None, "certain"),
        3: ("speculation", None, "certain"),
        4: ("fact", None, "certain"),
    },
    "ben": {
        0: ("fact", "Kim", "certain"),
        1: ("opinion", "Kim ", "certain"),
        2: ("opinion", None, "certain"),
        3: ("speculation", "Lee", "probable"),
        5: ("fact", None, "certain"),
    },
}
# By hand (see the module docstring of claimkit.doccano.agreement for the definitions):
# segmentation: items S1..S6, ana 111110, ben 111101: po 4/6, pe 25/36 + 1/36 -> kappa -0.2 (both).
# kind on S1..S4: ana F F O S, ben F O O S: po 3/4; Cohen pe .5*.25 + .25*.5 + .25*.25 = .3125
#   -> 7/11; Fleiss pooled F 3/8, O 3/8, S 2/8: pe .34375 -> 13/21.
# speaker: ana kim kim - -, ben kim kim - lee: po 3/4; Cohen pe .5*.5 + .5*.25 = .375 -> 0.6;
#   Fleiss pooled kim 4/8, none 3/8, lee 1/8: pe 26/64 -> (0.75 - 0.40625) / 0.59375 = 11/19.
# certainty: ana cccc, ben cccp: po 3/4; Cohen pe 1 * .75 -> 0; Fleiss pe 50/64 -> -1/7.
EXPECTED = {
    "segmentation": (6, 4 / 6, -0.2, -0.2),
    "kind": (4, 0.75, 7 / 11, 13 / 21),
    "speaker": (4, 0.75, 0.6, 11 / 19),
    "certainty": (4, 0.75, 0.0, -1 / 7),
}


def _records(name: str) -> list[dict]:
    out = []
    for n, (kind, speaker, label) in REVIEWS[name].items():
        start = STARTS[n]
        out.append(
            {
                "id": f"d:{n}",
                "doc_id": "d",
                "kind": kind,
                "start": start,
                "end": start + len(SENTENCES[n]),
                "speaker": {"name": speaker} if speaker else None,
                "certainty": {"label": label},
            }
        )
    return out


def _check(fields: list[dict]) -> None:
    for row in fields:
        items, observed, cohen, fleiss = EXPECTED[row["field"]]
        assert row["items"] == items, row
        assert row["observed"] == pytest.approx(observed), row
        assert row["cohen_kappa"] == pytest.approx(cohen), row
        assert row["fleiss_kappa"] == pytest.approx(fleiss), row


def test_agreement_matches_kappas_computed_by_hand() -> None:
    _check([r.to_dict() for r in agreement({name: _records(name) for name in REVIEWS})])


def test_kappa_edge_cases() -> None:
    assert cohen_kappa(["a", "b"], ["a", "b"]) == pytest.approx(1.0)
    assert cohen_kappa(["a", "a"], ["a", "a"]) is None  # chance agreement 1: undefined
    assert fleiss_kappa([["a", "a", "b"], ["b", "b", "b"]]) is not None
    with pytest.raises(UsageError, match="two or more reviewers"):
        agreement({"ana": _records("ana")})


def test_agreement_cli_on_files(tmp_path) -> None:
    paths = []
    for name in REVIEWS:
        path = tmp_path / f"{name}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in _records(name)), encoding="utf-8")
        paths.append(str(path))
    out = CliRunner().invoke(app, ["doccano", "agreement", *paths, "--json"])
    assert out.exit_code == 0, out.output
    body = json.loads(out.stdout)
    assert body["reviewers"] == ["ana", "ben"]
    _check(body["fields"])


@pytest.mark.server
@pytest.mark.slow
def test_agreement_of_two_reviewers_on_a_real_project(doccano, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two reviewers annotate the same example independently (no collaborative annotation)."""
    admin = doccano.client()
    options = {"allow_overlapping": True, "use_relation": True, "collaborative_annotation": False}
    pid = int(admin.create_project("agreement", "two reviewers", **options)["id"])
    labels = ["fact", "opinion", "speculation", "certain", "probable", "speaker:person"]
    span_types = {t: int(admin.create_label_type(pid, "span", t, "#123456")["id"]) for t in labels}
    rel_types = {t: int(admin.create_label_type(pid, "relation", t, "#123456")["id"]) for t in ("speaker", "certainty")}
    eid = int(admin.create_example(pid, TEXT, {"doc_id": "d"})["id"])
    for name, spans in REVIEWS.items():
        password = secrets.token_urlsafe(12)
        user = admin.create_user(name, password)
        admin.add_member(pid, int(user["id"]), "annotator")
        client = doccano.client(name, password)
        for n, (kind, speaker, label) in spans.items():
            start, end = STARTS[n], STARTS[n] + len(SENTENCES[n])
            head = int(client.create_span(pid, eid, start, end, span_types[kind])["id"])
            cert = int(client.create_span(pid, eid, start, end, span_types[label])["id"])
            client.create_relation(pid, eid, head, cert, rel_types["certainty"])
            if speaker:
                at = TEXT.index(speaker.strip())
                who = client.create_span(pid, eid, at, at + len(speaker.strip()), span_types["speaker:person"])
                client.create_relation(pid, eid, head, int(who["id"]), rel_types["speaker"])
    monkeypatch.setenv("CLAIMKIT_DOCCANO_URL", doccano.url)
    monkeypatch.setenv("CLAIMKIT_DOCCANO_PASSWORD", doccano.password)
    runner = CliRunner()
    out = runner.invoke(app, ["doccano", "agreement", "--project", "agreement", "--json"])
    assert out.exit_code == 0, out.output
    body = json.loads(out.stdout)
    assert body["reviewers"] == ["ana", "ben"]
    _check(body["fields"])
    shared = runner.invoke(app, ["doccano", "agreement", "--project", "plain-round-trip"])
    assert shared.exit_code in (2, 7) and "error" in shared.output
