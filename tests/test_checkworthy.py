"""Check-worthiness: the shipped model, the score on every statement, the checkthat and
claimbuster gold formats on hand-made files (answers worked out by hand), malformed gold
(exit 8, file:line), and, behind markers, the figures on ../shared/data and the byte-for-byte
rebuild of the model."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from factories import statement
from typer.testing import CliRunner

from claimkit import checkworthy, errors, html, tables
from claimkit.cli import app
from claimkit.evaluate import load, run

CHECKTHAT = (
    "Sentence_id\tText\tclass_label\n"
    "1\tUnemployment fell to 3.5 percent last year.\tYes\n"
    "2\tThank you very much.\tNo\n"
    "3\tWe spent $2 trillion on the war.\tYes\n"
    "4\tI love this country.\tNo\n"
)
CLAIMBUSTER = (
    "Sentence_id,Text,Speaker,Verdict\n"
    '10,"Taxes went up 40 percent in Ohio.",A,1\n'
    "11,I was in Ohio last week.,B,0\n"
    "12,What a night.,A,-1\n"
)


def invoke(*args: str):
    result = CliRunner().invoke(app, list(args))
    assert "Traceback" not in result.output + result.stderr, result.stderr
    return result


def pred_file(tmp_path: Path, stem: str, scores: dict[str, list[float]], texts: dict[str, str]) -> Path:
    """Statements JSONL with given check-worthiness per sentence id (one statement per score)."""
    lines = []
    for sid, values in scores.items():
        text = texts[sid]
        for n, value in enumerate(values, 1):
            lines.append(
                json.dumps(
                    {"id": f"{stem}-{sid}:{n}", "doc_id": f"{stem}-{sid}", "start": 0, "end": len(text), "text": text}
                    | ({"checkworthiness": value} if value is not None else {})
                )
            )
    path = tmp_path / "pred.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# --- the model ---------------------------------------------------------------------------


def test_shipped_model_loads_with_weights_and_a_dense_part():
    model = checkworthy.load_model()
    assert model["threshold"] == 0.5
    assert len(model["weights"]) > 1000
    assert len(model["dense"]) == 96
    assert "crowdsourced" in model["meta"]["trained_on"]


def test_probability_is_in_range_and_follows_the_weights():
    model = {"bias": 0.0, "weights": {"a": 50.0, "b": -50.0}, "dense": [], "threshold": 0.5}
    assert checkworthy.probability({"a"}, None, model) > 0.99
    assert checkworthy.probability({"b"}, None, model) < 0.01
    assert checkworthy.probability(set(), None, model) == 0.5
    assert checkworthy.probability({"b", "b2"}, None, {**model, "bias": -1000.0}) == 0.0


def test_every_statement_has_a_score_in_range(extractor):
    from claimkit.records import Document

    text = (
        "The unemployment rate fell to 3.5 percent in 2019, the lowest in 50 years, the ministry said.\n"
        "I think the weather is lovely. Thank you all for coming.\n"
        "Officials said the bridge, built in 1932 for $4 million, may close next year."
    )
    record, statements = extractor.extract_one(Document("cw", text))
    assert re.fullmatch("[0-9a-f]{16}", record.models["checkworthy"])
    assert statements
    by_text = {st.text: st.checkworthiness for st in statements}
    for st in statements:
        assert isinstance(st.checkworthiness, float)
        assert 0.0 <= st.checkworthiness <= 1.0
        assert st.to_dict()["checkworthiness"] == st.checkworthiness
    figures = next(v for k, v in by_text.items() if "3.5 percent" in k)
    thanks = next(v for k, v in by_text.items() if "Thank you" in k)
    assert figures > 0.5 > thanks


def test_the_kind_does_not_change_the_score(extractor):
    """The kind is no feature (cross-validation found it added nothing), so a kind change
    leaves every check-worthiness score as it was."""
    import dataclasses

    from claimkit.records import Document

    text = "The council spent $3 million on the new bridge last year."
    _, statements = extractor.extract_one(Document("cwk", text))
    doc = extractor.nlp(text)
    st = statements[0]
    scores = {checkworthy.score(doc, dataclasses.replace(st, kind=kind)) for kind in ("fact", "opinion", "speculation")}
    assert len(scores) == 1
    span = doc.char_span(st.start, st.end, alignment_mode="expand")
    assert not any(f.startswith("kind=") for f in checkworthy.features(span, st))


# --- gold formats on hand-made files ---------------------------------------------------------


def test_checkthat_loader_one_document_per_row(tmp_path: Path):
    path = tmp_path / "ct.tsv"
    path.write_text(CHECKTHAT, encoding="utf-8")
    gold = load(path, "checkthat")
    assert [d.document.doc_id for d in gold.docs] == ["ct-1", "ct-2", "ct-3", "ct-4"]
    assert [d.sentences[0].label for d in gold.docs] == ["Yes", "No", "Yes", "No"]
    assert gold.docs[0].document.text == "Unemployment fell to 3.5 percent last year."
    assert gold.tasks == ("checkworthiness",)
    assert "no crowdsourced.csv" in gold.notes["tfidf_skipped"]


def test_claimbuster_loader_verdict_1_is_positive(tmp_path: Path):
    path = tmp_path / "gt.csv"
    path.write_text(CLAIMBUSTER, encoding="utf-8")
    gold = load(path, "claimbuster")
    assert [(d.document.doc_id, d.sentences[0].label) for d in gold.docs] == [
        ("gt-10", "Yes"),
        ("gt-11", "No"),
        ("gt-12", "No"),
    ]


def test_checkthat_scores_by_hand(tmp_path: Path):
    gold = tmp_path / "ct.tsv"
    gold.write_text(CHECKTHAT, encoding="utf-8")
    texts = {str(d.key).rpartition("-")[2]: d.document.text for d in load(gold, "checkthat").docs}
    # 1: Yes (one statement >= 0.5 of two) -> tp; 2: 0.5 exactly -> fp; 3: no score -> fn; 4: 0.1 -> tn
    pred = pred_file(tmp_path, "ct", {"1": [0.2, 0.9], "2": [0.5], "3": [None], "4": [0.1]}, texts)
    report = run(gold, "checkthat", pred=pred)
    fig = report.tables["checkworthiness"]["claimkit"]
    assert (fig["tp"], fig["fp"], fig["fn"]) == (1, 1, 1)
    assert fig["precision"] == fig["recall"] == fig["f1"] == 0.5
    assert fig["accuracy"] == 0.5
    assert fig["unscored_statements"] == 1
    assert report.tables["checkworthiness"]["baseline:majority"]["f1"] == 0.0  # tie Yes/No -> "No" sorts first
    assert report.tables["checkworthiness"]["baseline:all-yes"]["recall"] == 1.0
    assert "baseline:tfidf-lr" not in report.tables["checkworthiness"]


def test_cli_claimbuster_with_pred_prints_the_table(tmp_path: Path):
    gold = tmp_path / "gt.csv"
    gold.write_text(CLAIMBUSTER, encoding="utf-8")
    texts = {"10": "Taxes went up 40 percent in Ohio.", "11": "I was in Ohio last week.", "12": "What a night."}
    pred = pred_file(tmp_path, "gt", {"10": [0.8], "11": [0.7], "12": [0.0]}, texts)
    res = invoke(
        "eval", "--gold", str(gold), "--format", "claimbuster", "--pred", str(pred), "--json", str(tmp_path / "r.json")
    )
    assert res.exit_code == 0, res.stderr
    assert "[checkworthiness]" in res.stdout
    assert "no tfidf-lr baseline" in res.stderr
    fig = json.loads((tmp_path / "r.json").read_text())["tables"]["checkworthiness"]["claimkit"]
    assert (fig["precision"], fig["recall"], fig["support"], fig["positives"]) == (0.5, 1.0, 3, 1)


def test_tfidf_baseline_trains_on_crowdsourced_beside_the_gold(tmp_path: Path):
    pytest.importorskip("sklearn")
    rows = ["Sentence_id,Text,Verdict"]
    for n in range(30):
        rows.append(f"{n},The deficit grew by {n} billion dollars in {1990 + n}.,1")
        rows.append(f"{100 + n},Thank you and good night number {n}.,-1")
    (tmp_path / "crowdsourced.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    gold = tmp_path / "ct.tsv"
    gold.write_text(
        "Sentence_id\tText\tclass_label\n1\tThe deficit grew by 7 billion dollars.\tYes\n2\tThank you, good night.\tNo\n",
        encoding="utf-8",
    )
    texts = {"1": "The deficit grew by 7 billion dollars.", "2": "Thank you, good night."}
    report = run(gold, "checkthat", pred=pred_file(tmp_path, "ct", {"1": [0.0], "2": [0.0]}, texts))
    assert report.notes["tfidf_train"] == str(tmp_path / "crowdsourced.csv")
    assert report.tables["checkworthiness"]["baseline:tfidf-lr"]["f1"] == 1.0


@pytest.mark.parametrize(
    ("name", "fmt", "content", "message"),
    [
        (
            "c.tsv",
            "checkthat",
            "Sentence_id\tText\tclass_label\n1\tIt rained.\tMaybe\n",
            r"c.tsv:2: unknown label 'Maybe'",
        ),
        ("c.tsv", "checkthat", "id\tsentence\tlabel\n1\tIt rained.\tYes\n", r"c.tsv:1: expected a header"),
        ("c.tsv", "checkthat", "Sentence_id\tText\tclass_label\n1\tIt rained.\n", r"c.tsv:2: 2 fields"),
        (
            "c.tsv",
            "checkthat",
            "Sentence_id\tText\tclass_label\n1\tIt rained.\tYes\n1\tIt snowed.\tNo\n",
            r"c.tsv:3: sentence id '1' appears twice",
        ),
        ("b.csv", "claimbuster", "Sentence_id,Text,Verdict\n1,,1\n", r"b.csv:2: empty sentence"),
        ("b.csv", "claimbuster", "Sentence_id,Text,Verdict\n1,It rained.,2\n", r"b.csv:2: unknown label '2'"),
    ],
)
def test_bad_gold_exits_8_with_file_and_line(tmp_path: Path, name: str, fmt: str, content: str, message: str):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    res = invoke("eval", "--gold", str(path), "--format", fmt, "--pred", str(tmp_path / "none.jsonl"))
    assert res.exit_code == errors.EXIT_GOLD, res.stderr
    assert re.search(message, res.stderr), res.stderr
    assert res.stderr.startswith("claimkit: error: ")


def test_bad_gold_directory_exits_8(tmp_path: Path):
    res = invoke("eval", "--gold", str(tmp_path), "--format", "checkthat")
    assert res.exit_code == errors.EXIT_GOLD
    assert "name one file" in res.stderr


# --- tables and the review page ------------------------------------------------------------


def test_tables_keep_checkworthiness_as_a_float_column():
    records = [statement(1, checkworthiness=0.91), statement(2, text="It snowed.", checkworthiness=0.05)]
    df = tables.to_dataframe(records)
    assert df["checkworthiness"].dtype == "float64"
    assert list(df.sort_values("checkworthiness", ascending=False)["id"]) == ["d1:1", "d1:2"]
    assert tables.from_dataframe(df) == records


def test_page_offers_the_sort_and_the_filter_only_with_scores():
    text = "It rained. It snowed."
    records = [
        statement(1, text="It rained.", checkworthiness=0.25),
        {**statement(2, text="It snowed.", checkworthiness=0.875), "start": 11, "end": 21},
    ]
    page = html.render_page([html.make_article("d1", records, text)])
    assert re.findall(r'<li class="row[^>]*data-checkworthiness="([\d.]+)"', page) == ["0.2500", "0.8750"]
    assert 'id="checkworthy"' in page and '<option value="checkworthiness">' in page
    plain = html.render_page([html.make_article("d1", [statement(1, text="It rained.")], text)])
    assert 'id="checkworthy"' not in plain and 'value="checkworthiness"' not in plain


# --- figures on ../shared/data and the rebuild (slow) ---------------------------------------


@pytest.mark.data
@pytest.mark.slow
def test_checkthat23_test_f1_above_target_and_tfidf(shared_data: Path, extractor):
    """CheckThat! 2023 1B English test (318 sentences, never trained or tuned on): F1 >= 0.80, above TF-IDF LR."""
    pytest.importorskip("sklearn")
    report = run(shared_data / "checkworthiness" / "checkthat23-test.tsv", "checkthat", extractor=extractor)
    table = report.tables["checkworthiness"]
    assert table["claimkit"]["support"] == 318
    assert table["claimkit"]["f1"] >= 0.80
    assert table["claimkit"]["f1"] > table["baseline:tfidf-lr"]["f1"]


@pytest.mark.data
@pytest.mark.slow
def test_train_rebuilds_the_shipped_model(shared_data: Path, tmp_path: Path):
    """``claimkit train`` gives the shipped check-worthiness model byte for byte (parses cached in /tmp)."""
    pytest.importorskip("sklearn")
    from importlib import resources

    from claimkit import train_checkworthy

    out = tmp_path / checkworthy.MODEL_FILE
    train_checkworthy.write_model(shared_data, out)
    shipped = resources.files("claimkit.data").joinpath(checkworthy.MODEL_FILE).read_bytes()
    assert out.read_bytes() == shipped
