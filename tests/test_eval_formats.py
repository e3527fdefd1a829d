"""Loaders, the run() API and the ``claimkit eval`` command on the hand-made gold in
tests/data/eval (predictions given with --pred, answers worked out by hand), and malformed
gold (exit 8, one line naming the file and line)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimkit import errors
from claimkit.cli import app
from claimkit.evaluate import load, run, select
from claimkit.evaluate.loaders.factuality import detokenize
from claimkit.evaluate.split import bucket, part
from claimkit.records import sha256_text

DATA = Path(__file__).parent / "data" / "eval"


def invoke(*args: str):
    result = CliRunner().invoke(app, ["eval", *args])
    assert "Traceback" not in result.output + result.stderr, result.stderr
    return result


# --- loaders ----------------------------------------------------------------------------


def test_brat_uses_one_annotator_per_article_and_discontinuous_content():
    gold = load(DATA / "brat", "brat")
    [doc] = gold.docs
    assert doc.document.doc_id == "a" and len(doc.attributions) == 2  # a_0001.ann, not a_0002.ann
    assert gold.notes["double_annotated_used"] == {"a": "a_0001.ann"}
    second = doc.attributions[1]
    assert [doc.document.text[s:e] for s, e in second.content] == ["The mayor", "is tired"]
    assert second.source_text == "aides"


def test_brat_single_ann_file_beside_txt(tmp_path: Path):
    shutil.copy(DATA / "brat" / "text" / "a.txt", tmp_path / "a.txt")
    shutil.copy(DATA / "brat" / "attributions" / "a_0002.ann", tmp_path / "a_0002.ann")
    assert len(load(tmp_path / "a_0002.ann", "brat").docs[0].attributions) == 1


def test_szeged_offsets_and_labels():
    gold = load(DATA / "szeged.xml", "szeged")
    d1 = gold.docs[0]
    assert d1.document.text == "Title one\n\nIt may rain. It rained."
    assert [s.label for s in d1.sentences] == ["certain", "uncertain", "certain"]
    [cue] = d1.sentences[1].cues
    assert d1.document.text[cue[0] : cue[1]] == "may"


def test_newssd_one_document_per_sentence():
    gold = load(DATA / "newssd.csv", "newssd")
    assert [d.document.doc_id for d in gold.docs] == ["newssd-0001", "newssd-0002", "newssd-0003", "newssd-0004"]
    assert gold.docs[0].document.text == "Sales rose 5% in May."
    assert gold.docs[2].document.text == 'Critics call it, in a word, "reckless".'


def test_factuality_rebuilds_text_with_token_offsets():
    gold = load(DATA / "uw-test.conll", "factuality")
    d = gold.docs[0]
    assert d.document.text == "Prices rose, officials said."
    assert [(d.document.text[e.start : e.end], e.value) for e in d.events] == [("rose", 3.0), ("said", 2.0)]
    assert detokenize(["(", "a", ")", "is", "n't"])[0] == "(a) isn't"


def test_split_is_stable_and_disjoint():
    assert bucket("Tim Witherspoon_2358") == bucket("Tim Witherspoon_2358")
    keys = [f"doc{i}" for i in range(200)]
    test = {k for k in keys if part(k) == "test"}
    assert 20 <= len(test) <= 60  # about 20 %
    gold = load(DATA / "szeged.xml", "szeged")
    dev, held = select(gold, "dev"), select(gold, "test")
    assert len(dev.docs) + len(held.docs) == len(gold.docs)
    assert select(gold, "all", limit=1).docs == gold.docs[:1]
    assert select(gold, None).docs == gold.docs


# --- run() with predictions: figures worked out by hand ----------------------------------


def test_run_brat_with_pred():
    r = run(DATA / "brat", "brat", pred=DATA / "brat_pred.jsonl")
    f = r.figure("attribution", "attribution_f1")
    # found 2/2; source right 1/2 (the mayor is not "aides"); cues 2/2; precision 2/3.
    assert f == round(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5), 4)
    assert r.tables["attribution"]["claimkit"]["content_recall"] == 1.0
    assert r.tables["attribution"]["claimkit"]["precision"] == 0.6667
    assert r.tables["attribution"]["baseline:author-fact"]["content_recall"] == 0.0
    # reporting-verb: "Smith said" right; "according" found with cue right but speaker "mayor" wrong.
    verb = r.tables["attribution"]["baseline:reporting-verb"]
    assert (verb["precision"], verb["content_recall"], verb["attribution_recall"]) == (1.0, 1.0, 0.5)
    # span-exact table: sources Smith = Smith, aides vs "The mayor" (P 1/2, R 1/2); cues both
    # exact; contents are whole statements here (no content field), none exact; no triple.
    spans = r.tables["attribution_spans"]["claimkit"]
    assert (spans["source_exact_f1"], spans["cue_exact_f1"], spans["content_exact_f1"]) == (0.5, 1.0, 0.0)
    # begin: "the plan" vs "Smith said": no; "The mayor" vs "The mayor, ...": yes
    assert (spans["content_begin_recall"], spans["triple_exact_f1"]) == (0.5, 0.0)


def test_score_api_without_a_report():
    from claimkit.evaluate import score
    from claimkit.evaluate.predictions import read_jsonl

    gold = load(DATA / "szeged.xml", "szeged")
    preds, _ = read_jsonl(DATA / "szeged_pred.jsonl", gold.docs)
    report = score(gold, preds, with_baselines=False)
    assert report.figure("certainty", "f1") == 0.5 and list(report.tables["certainty"]) == ["claimkit"]


def test_run_szeged_with_pred():
    r = run(DATA / "szeged.xml", "szeged", pred=DATA / "szeged_pred.jsonl")
    f = r.tables["certainty"]["claimkit"]
    # uncertain sentences gold {d1 S1.2, d2 S1.1}, predicted {d1 S1.2, d1 S1.3}.
    assert (f["precision"], f["recall"], f["accuracy"]) == (0.5, 0.5, 0.5)
    assert (f["cue_precision"], f["cue_recall"]) == (0.5, 0.5)  # "may" found; "rained" wrong; booster ignored
    hedge = r.tables["certainty"]["baseline:hedge-lexicon"]  # "may" and "reportedly" are lexicon words
    assert (hedge["precision"], hedge["recall"], hedge["cue_f1"]) == (1.0, 1.0, 1.0)
    assert r.per_doc[0].doc_id == "d2"  # worst first


def test_run_newssd_with_pred_and_majority_baseline():
    r = run(DATA / "newssd.csv", "newssd", pred=DATA / "newssd_pred.jsonl")
    assert r.tables["subjectivity"]["claimkit"]["accuracy"] == 0.5
    assert r.tables["subjectivity"]["baseline:majority"]["accuracy"] == 0.5  # 2 OBJ / 2 SUBJ tie -> OBJ


def test_run_factuality_with_pred():
    r = run(DATA / "uw-test.conll", "factuality", pred=DATA / "factuality_pred.jsonl")
    # rose: certain/certain; said: probable/certain; fall (-0.5): possible/none.
    assert r.figure("factuality", "agreement") == 0.3333
    assert r.tables["factuality"]["baseline:author-fact"]["agreement"] == 0.3333


def test_run_claimkit_gold_with_pred():
    r = run(DATA / "claimkit" / "gold.jsonl", "claimkit", pred=DATA / "claimkit_pred.jsonl")
    f = r.tables["statements"]["claimkit"]
    # pred [0,45) matches gold [0,30) only; pred "It may rain." matches with the wrong kind.
    assert (f["precision"], f["recall"], f["f1"]) == (1.0, 0.6667, 0.8)
    assert (f["kind_accuracy"], f["certainty_accuracy"], f["speculation_f1"]) == (0.5, 0.5, 0.6667)
    assert r.extras["statements"]["claimkit"]["confusion"]["fact"]["missed"] == 1
    assert r.figure("attribution", "attribution_f1") == 1.0


def test_claimkit_gold_text_option(tmp_path: Path):
    gold = tmp_path / "gold.jsonl"
    shutil.copy(DATA / "claimkit" / "gold.jsonl", gold)
    with pytest.raises(errors.GoldFormatError, match=r"gold.jsonl:1: no text for doc_id 'doc'"):
        load(gold, "claimkit")
    assert len(load(gold, "claimkit", text=DATA / "claimkit" / "corpus").docs[0].statements) == 3


def test_claimkit_gold_texts_from_documents_jsonl(tmp_path: Path):
    gold = tmp_path / "gold.jsonl"
    shutil.copy(DATA / "claimkit" / "gold.jsonl", gold)
    text = tmp_path / "doc.txt"
    shutil.copy(DATA / "claimkit" / "corpus" / "doc.txt", text)
    record = {"doc_id": "doc", "path": "doc.txt", "sha256": sha256_text(text.read_text(encoding="utf-8"))}
    (tmp_path / "gold.documents.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert len(load(gold, "claimkit").docs[0].statements) == 3
    text.write_text("Smith said the plan will fail. Sales rose 6%. It may rain.\n", encoding="utf-8")
    with pytest.raises(errors.GoldFormatError, match=r"gold.documents.jsonl:1: .* annotated \(sha256 differs\)"):
        load(gold, "claimkit")


def test_doccano_hook_missing_converter_is_a_clear_gold_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from claimkit.evaluate.loaders import doccano

    monkeypatch.setattr(doccano, "CONVERTER", ("claimkit.no_such_module", "convert"))
    export = tmp_path / "export.jsonl"
    export.write_text('{"id": 1, "text": "It rained."}\n', encoding="utf-8")
    with pytest.raises(errors.GoldFormatError, match=r"doccano gold needs claimkit\.no_such_module"):
        load(export, "doccano")


def test_doccano_hook_calls_the_converter_per_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from claimkit.evaluate.loaders import doccano

    def fake(obj):
        text = obj["text"]
        return (
            [{"doc_id": str(obj["id"]), "kind": "fact", "start": 0, "end": len(text), "text": text}]
            if obj["id"] == 1
            else []
        )

    monkeypatch.setattr(doccano, "converter", lambda: fake)
    export = tmp_path / "export.jsonl"
    export.write_text('{"id": 1, "text": "It rained."}\n{"id": 2, "text": "Nothing."}\n', encoding="utf-8")
    gold = load(export, "doccano")
    assert [(d.document.doc_id, len(d.statements)) for d in gold.docs] == [("1", 1), ("2", 0)]
    export.write_text('{"id": 1, "text": "It rained."}\nnot json\n', encoding="utf-8")
    with pytest.raises(errors.GoldFormatError, match=r"export.jsonl:2: malformed JSON"):
        load(export, "doccano")


def test_sample_article_gold(extractor):
    gold = DATA.parent.parent.parent / "annotations" / "donga-china-russia-nk.jsonl"
    if not gold.is_file():
        pytest.skip("annotations/donga-china-russia-nk.jsonl not present")
    r = run(gold, "claimkit", extractor=extractor)
    f = r.tables["statements"]["claimkit"]
    assert f["support"] >= 20 and f["f1"] > 0.5


# --- CLI -------------------------------------------------------------------------------


def test_cli_table_json_and_per_doc(tmp_path: Path):
    out = tmp_path / "r.json"
    res = invoke(
        "--gold",
        str(DATA / "szeged.xml"),
        "--format",
        "szeged",
        "--pred",
        str(DATA / "szeged_pred.jsonl"),
        "--json",
        str(out),
        "--per-doc",
        "5",
    )
    assert res.exit_code == 0, res.stderr
    assert "baseline:hedge-lexicon" in res.stdout and "worst documents" in res.stdout
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["tables"]["certainty"]["claimkit"]["f1"] == 0.5
    assert report["per_doc"][0]["doc_id"] == "d2"


def test_cli_runs_the_extractor_without_pred():
    res = invoke("--gold", str(DATA / "brat"), "--format", "brat", "--quiet")
    assert res.exit_code == 0, res.stderr
    assert "predictions=extractor" in res.stdout and "[attribution]" in res.stdout


def test_cli_unknown_format_and_split():
    assert invoke("--gold", str(DATA / "brat"), "--format", "conllx").exit_code == errors.EXIT_USAGE
    res = invoke(
        "--gold",
        str(DATA / "szeged.xml"),
        "--format",
        "szeged",
        "--split",
        "half",
        "--pred",
        str(DATA / "szeged_pred.jsonl"),
    )
    assert res.exit_code == errors.EXIT_USAGE and "unknown split" in res.stderr


# --- malformed gold --------------------------------------------------------------------


def brat_copy(tmp_path: Path) -> Path:
    shutil.copytree(DATA / "brat", tmp_path / "brat")
    (tmp_path / "brat" / "attributions" / "a_0002.ann").unlink()
    return tmp_path / "brat" / "attributions" / "a_0001.ann"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("T3\tContent 11 29", "T3\tContent 11 2900", r"a_0001.ann:3: bad offsets"),
        ("T3\tContent 11 29", "T3\tContent 12 30", r"a_0001.ann:3: span text"),
        ("T5\tSource", "T5\tSpeaker", r"a_0001.ann:6: unknown label 'Speaker'"),
        ("Source:T5", "Source:T99", r"a_0001.ann:10: Source refers to undefined span 'T99'"),
    ],
)
def test_malformed_brat(tmp_path: Path, old: str, new: str, message: str):
    ann = brat_copy(tmp_path)
    ann.write_text(ann.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    res = invoke("--gold", str(tmp_path / "brat"), "--format", "brat", "--pred", str(DATA / "brat_pred.jsonl"))
    assert res.exit_code == errors.EXIT_GOLD
    assert res.stderr.count("\n") == 1
    assert re.search(message, res.stderr), res.stderr


def test_missing_txt(tmp_path: Path):
    brat_copy(tmp_path)
    (tmp_path / "brat" / "text" / "a.txt").unlink()
    with pytest.raises(errors.GoldFormatError, match=r"a_0001.ann:1: no text file a.txt"):
        load(tmp_path / "brat", "brat")


@pytest.mark.parametrize(
    ("name", "fmt", "content", "message"),
    [
        ("n.csv", "newssd", "Sentence,Label\nIt rained.,NEUTRAL\n", r"n.csv:2: unknown label 'NEUTRAL'"),
        ("n.csv", "newssd", "Text,Class\nIt rained.,OBJ\n", r"n.csv:1: expected a header"),
        ("f.conll", "factuality", "0\tIt\t_\n1\trained\t4.5\n", r"f.conll:2: factuality value '4.5' outside"),
        ("f.conll", "factuality", "0\tIt\t_\n2\trained\t3.0\n", r"f.conll:2: token index 2, expected 1"),
        ("s.xml", "szeged", "<Annotation><Document><DocID>x</DocID>", r"s.xml:1: not well-formed XML"),
        (
            "g.jsonl",
            "claimkit",
            '{"doc_id": "doc", "kind": "rumour", "start": 0, "end": 5}\n',
            r"g.jsonl:1: unknown kind 'rumour'",
        ),
        (
            "g.jsonl",
            "claimkit",
            '{"doc_id": "doc", "kind": "fact", "start": 0, "end": 5000}\n',
            r"g.jsonl:1: end 5000 beyond",
        ),
        (
            "g.jsonl",
            "claimkit",
            '{"doc_id": "doc", "kind": "fact", "start": 0, "end": 5, "text": "Jones"}\n',
            r"g.jsonl:1: 'text' differs",
        ),
    ],
)
def test_malformed_gold_names_file_and_line(tmp_path: Path, name: str, fmt: str, content: str, message: str):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    extra = ["--text", str(DATA / "claimkit" / "corpus")] if fmt == "claimkit" else []
    res = invoke("--gold", str(path), "--format", fmt, "--pred", str(DATA / "claimkit_pred.jsonl"), *extra)
    assert res.exit_code == errors.EXIT_GOLD, res.stderr
    assert re.search(message, res.stderr), res.stderr


# --- GenderGapTracker quotation gold ---------------------------------------------------


def test_ggt_loader_reads_quotes_and_texts():
    gold = load(DATA / "ggt", "ggt")
    assert gold.tasks == ("speakers",) and [d.document.doc_id for d in gold.docs] == ["g1"]
    quotes = gold.docs[0].quotes
    text = gold.docs[0].document.text
    assert text[quotes[0].start : quotes[0].end] == "We will rebuild the bridge by spring"
    assert quotes[0].name == "Jane Okafor" and text[slice(*quotes[1].speaker)] == "she"
    assert quotes[2].speaker is None


def test_run_ggt_with_pred():
    r = run(DATA / "ggt", "ggt", pred=DATA / "ggt_pred.jsonl")
    fig = r.tables["speakers"]["claimkit"]
    # all 3 found; both located mentions right (same entity); only "council" = "The Council"
    # by name ("Okafor" is not the full name "Jane Okafor").
    assert (fig["quote_recall"], fig["speaker_accuracy"]) == (1.0, 1.0)
    assert (fig["full_name_accuracy"], fig["full_name_recall"]) == (0.3333, 0.3333)
    assert r.tables["speakers"]["baseline:author-fact"]["quote_recall"] == 0.0


def test_ggt_bad_offsets_name_the_line(tmp_path: Path):
    shutil.copytree(DATA / "ggt", tmp_path / "ggt")
    (tmp_path / "ggt" / "quotes.jsonl").write_text('{"doc_id": "g1", "quote_start": 5, "quote_end": 99999}\n')
    res = invoke("--gold", str(tmp_path / "ggt"), "--format", "ggt", "--quiet")
    assert res.exit_code == errors.EXIT_GOLD and "quotes.jsonl:1" in res.stderr


def test_normal_name_ignores_case_punctuation_apostrophes_and_articles():
    from claimkit.evaluate.metrics.speakers import normal_name

    assert normal_name("James O’Neill") == normal_name("james o'neill") == "james oneill"
    assert normal_name("The Kelowna Rockets") == normal_name("Kelowna Rockets.")
    assert normal_name("Bill de Blasio") != normal_name("Blasio")


# --- CheckThat! 2023 subjectivity TSV, Pei & Jurgens JSONL, author-voice headline ------------


def test_newssd_format_sniffs_the_checkthat_tsv(tmp_path: Path):
    tsv = tmp_path / "ct.tsv"
    tsv.write_text(
        'sentence_id\tsentence\tlabel\na1\t"""He said: """"no"""" to the plan."""\tOBJ\nb2\tWhat a shameful plan.\tSUBJ\n',
        encoding="utf-8",
    )
    gold = load(tsv, "newssd")
    assert [d.document.text for d in gold.docs] == ['He said: "no" to the plan.', "What a shameful plan."]
    assert [d.sentences[0].label for d in gold.docs] == ["OBJ", "SUBJ"]


def test_checkthat_tsv_bad_label_names_the_line(tmp_path: Path):
    tsv = tmp_path / "ct.tsv"
    tsv.write_text("sentence_id\tsentence\tlabel\na1\tIt rained.\tMAYBE\n", encoding="utf-8")
    with pytest.raises(errors.GoldFormatError, match=r"ct.tsv:2: unknown label 'MAYBE'"):
        load(tsv, "newssd")


def _pei_jurgens(tmp_path: Path) -> Path:
    rows = [
        {
            "id": 1,
            "finding": "Coffee may reduce the risk of stroke.",
            "sentence-level-certainty": 3.0,
            "split": "train",
        },
        {"id": 2, "finding": "The drug cut deaths by 15%.", "sentence-level-certainty": 6.0, "split": "val"},
        {"id": 3, "finding": "Sleep might possibly help memory.", "sentence-level-certainty": 2.0, "split": "val"},
        {"id": 4, "finding": "Exercise improves mood.", "sentence-level-certainty": 5.0, "split": "val"},
    ]
    path = tmp_path / "pj.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_pei_jurgens_loader_and_own_split(tmp_path: Path):
    gold = load(_pei_jurgens(tmp_path), "pei-jurgens")
    assert gold.tasks == ("certainty_score",)
    assert [(d.document.doc_id, d.part, d.sentences[0].value) for d in gold.docs][:2] == [
        ("pj-1", "train", 3.0),
        ("pj-2", "val", 6.0),
    ]
    assert [d.document.doc_id for d in select(gold, "val").docs] == ["pj-2", "pj-3", "pj-4"]
    assert [d.document.doc_id for d in select(gold, "train").docs] == ["pj-1"]


def test_own_split_on_gold_without_one_is_a_usage_error():
    with pytest.raises(errors.UsageError, match="own train/val split"):
        select(load(DATA / "newssd.csv", "newssd"), "val")


def test_pei_jurgens_pearson_and_spearman_with_pred(tmp_path: Path):
    path = _pei_jurgens(tmp_path)
    scores = {"pj-2": 1.0, "pj-3": 0.2, "pj-4": 0.9}
    texts = {d.document.doc_id: d.document.text for d in load(path, "pei-jurgens").docs}
    pred = tmp_path / "pred.jsonl"
    pred.write_text(
        "".join(
            json.dumps(
                {
                    "doc_id": k,
                    "start": 0,
                    "end": len(texts[k]),
                    "kind": "fact",
                    "certainty": {"label": "certain", "score": v},
                }
            )
            + "\n"
            for k, v in scores.items()
        ),
        encoding="utf-8",
    )
    r = run(path, "pei-jurgens", pred=pred, split="val")
    ours = r.tables["certainty_score"]["claimkit"]
    assert ours["support"] == 3 and ours["spearman"] == 1.0 and 0.95 < ours["pearson"] < 1.0
    assert r.tables["certainty_score"]["baseline:author-fact"]["pearson"] is None  # a constant score
    assert "baseline:hedge-count" in r.tables["certainty_score"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"id": 1, "finding": "x"}\n', r"pj.jsonl:1: expected an object with id, finding"),
        ('{"id": 1, "finding": "x", "sentence-level-certainty": 9, "split": "val"}\n', r"pj.jsonl:1: needs .* 1 to 6"),
        ("not json\n", r"pj.jsonl:1: malformed JSON"),
    ],
)
def test_malformed_pei_jurgens(tmp_path: Path, content: str, message: str):
    path = tmp_path / "pj.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(errors.GoldFormatError, match=message):
        load(path, "pei-jurgens")


def test_author_voice_headline_counts_only_statements_without_speaker():
    """A sentence that only reports someone's opinion is OBJ; the author's own opinion makes it SUBJ."""
    from claimkit.evaluate.gold import GoldDoc, GoldSentence
    from claimkit.evaluate.metrics import subjectivity
    from claimkit.records import Document

    text = "Critics said the plan is shameful. The plan is shameful."
    doc = GoldDoc(Document("d", text), "d", sentences=[GoldSentence(0, 34, "OBJ"), GoldSentence(35, len(text), "SUBJ")])
    preds = [
        {"start": 13, "end": 33, "kind": "opinion", "speaker": {"name": "Critics"}},
        {"start": 35, "end": len(text), "kind": "opinion", "speaker": None},
    ]
    f = subjectivity.score([doc], {"d": preds}).figures
    assert (f["author_accuracy"], f["author_macro_f1"]) == (1.0, 1.0)
    assert f["accuracy"] == 0.5  # any statement: the reported opinion makes the first sentence SUBJ


# --- issue 18: bad offsets, Doccano's label field, brat lines without tabs ------------------------


def test_brat_line_without_tabs_is_an_error(tmp_path: Path):
    ann = brat_copy(tmp_path)
    ann.write_text(ann.read_text(encoding="utf-8").replace("T5\tSource 55 60\taides", "T5 Source 55 60 aides"))
    res = invoke("--gold", str(tmp_path / "brat"), "--format", "brat", "--pred", str(DATA / "brat_pred.jsonl"))
    assert res.exit_code == errors.EXIT_GOLD and res.stderr.count("\n") == 1
    assert "a_0001.ann:6: not a brat line" in res.stderr


def test_brat_span_text_with_a_line_break_continues_on_the_next_line(tmp_path: Path):
    from claimkit.evaluate.loaders.brat import parse_ann

    text = "Smith said the plan\nwill fail."
    ann = tmp_path / "x.ann"
    ann.write_text("T1\tSource 0 5\tSmith\nT2\tContent 11 29\tthe plan\nwill fail\nT3\tCue 6 10\tsaid\n")
    parse_ann(ann, text)
    ann.write_text("T1\tSource 0 5\tSmith\nwhat is this\nT3\tCue 6 10\tsaid\n")
    with pytest.raises(errors.GoldFormatError, match=r"x.ann:2: not a brat line"):
        parse_ann(ann, text)


@pytest.mark.parametrize(
    ("entities", "message"),
    [
        ('[{"id": 1, "label": "fact", "start_offset": "0", "end_offset": 10}]', r"must be integers, not '0'"),
        ('[{"id": 1, "label": "fact", "start_offset": 0, "end_offset": 99}]', r"offsets 0-99 outside the text"),
        ('[{"id": 1, "label": "fact", "start_offset": true, "end_offset": 9}]', r"must be integers"),
        ('"nope"', r"must be lists"),
        ('[["fact", 0, 9]]', r"entity 0 must be an object"),
    ],
)
def test_doccano_bad_entities_are_gold_errors_naming_the_line(tmp_path: Path, entities: str, message: str):
    export = tmp_path / "export.jsonl"
    export.write_text(
        '{"id": 1, "text": "It rained."}\n' + f'{{"id": 2, "text": "It rained.", "entities": {entities}}}\n'
    )
    res = invoke("--gold", str(export), "--format", "doccano", "--pred", str(export))
    assert res.exit_code == errors.EXIT_GOLD and res.stderr.count("\n") == 1, res.stderr
    assert "export.jsonl:2: " in res.stderr and re.search(message, res.stderr), res.stderr


def test_doccano_label_field_is_read_as_spans(tmp_path: Path):
    export = tmp_path / "export.jsonl"
    export.write_text(
        json.dumps(
            {"id": 1, "text": "It rained. Prices may rise.", "label": [[0, 10, "fact"], [11, 27, "speculation"]]}
        )
        + "\n"
    )
    gold = load(export, "doccano")
    assert sorted(s["kind"] for d in gold.docs for s in d.statements) == ["fact", "speculation"]
    export.write_text(json.dumps({"id": 1, "text": "It rained.", "label": ["positive"]}) + "\n")
    with pytest.raises(errors.GoldFormatError, match=r"export.jsonl:1: field 'label' must be \[start, end"):
        load(export, "doccano")
