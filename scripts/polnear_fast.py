"""Fast re-scoring of PolNeAR attribution spans while tuning rules (parse once, analyse often).

    .venv/bin/python scripts/polnear_fast.py parse ../shared/data/polnear/train /tmp/train.spacy
    .venv/bin/python scripts/polnear_fast.py score ../shared/data/polnear/train /tmp/train.spacy [out.jsonl]

``score`` re-runs every stage after parsing on the cached parses and prints attribution and
span figures as ``claimkit eval --format brat`` does (tune on train only).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from spacy.tokens import DocBin

from claimkit import nlp
from claimkit.evaluate.loaders.brat import load
from claimkit.evaluate.metrics import attribution, attribution_spans
from claimkit.pipeline import build, parse_batch


def main() -> None:
    cmd, gold, cache = sys.argv[1:4]
    gs = load(Path(gold))
    language = nlp.load("spacy", None, None)
    if cmd == "parse":
        db = DocBin(store_user_data=True)
        texts = [d.document.text for d in gs.docs]
        for i in range(0, len(texts), 16):
            for doc in parse_batch(language, texts[i : i + 16]):
                db.add(doc)
        db.to_disk(cache)
        return
    docs = list(DocBin().from_disk(cache).get_docs(language.vocab))
    preds = {}
    for gd, doc in zip(gs.docs, docs, strict=True):
        _, statements = build(gd.document, doc)
        preds[gd.document.doc_id] = [st.to_dict() for st in statements]
    if len(sys.argv) > 4:
        with open(sys.argv[4], "w", encoding="utf-8") as fh:
            for doc_id, sts in preds.items():
                for st in sts:
                    fh.write(json.dumps({**st, "doc_id": doc_id}, ensure_ascii=False) + "\n")
    a = attribution.score(gs.docs, preds).figures
    s = attribution_spans.score(gs.docs, preds).figures
    keys = (
        "source_exact_f1",
        "cue_exact_f1",
        "content_exact_f1",
        "content_overlap_f1",
        "content_exact_precision",
        "content_exact_recall",
        "content_predicted",
        "content_gold",
    )
    print(
        " ".join(f"{k}={s[k]}" for k in keys),
        " ".join(f"{k}={v}" for k, v in a.items() if k in ("precision", "attribution_recall", "attribution_f1")),
    )


if __name__ == "__main__":
    main()
