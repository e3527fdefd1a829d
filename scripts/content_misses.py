"""List PolNeAR gold attributions that claimkit misses or mis-spans, grouped by cue.

Usage: .venv/bin/python scripts/content_misses.py GOLD_DIR PRED.jsonl [--show GROUP] [-n N]

PRED.jsonl: `claimkit extract GOLD_DIR/text -o PRED.jsonl`. Tune on train only.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
from pathlib import Path

from claimkit.evaluate.loaders.brat import load
from claimkit.evaluate.metrics.attribution_spans import Tokens, predicted_roles
from claimkit.evaluate.spans import overlap_many

STOP = {
    "has",
    "have",
    "had",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "will",
    "would",
    "also",
    "not",
    "did",
    "does",
    "do",
    "to",
    "could",
    "can",
    "may",
    "might",
    "should",
    "’s",
    "'s",
    "the",
    "a",
    "his",
    "her",
    "their",
    "its",
    "n’t",
    "never",
    "still",
    "then",
    "already",
    "just",
    "even",
}


def _cue_key(text: str, cues: list[tuple[int, int]]) -> str:
    words = " ".join(text[s:e] for s, e in cues).lower().split()
    words = [w for w in words if w not in STOP] or words
    return words[0] if words else "<none>"


def _content_diff(text: str, gold: tuple, pred: tuple) -> str:
    if not pred:
        return "no-content"
    gs, ge = gold[0][0], gold[-1][1]
    ps, pe = pred[0][0], pred[-1][1]
    tags = []
    if len(gold) != len(pred):
        tags.append(f"parts{len(gold)}v{len(pred)}")
    if ps < gs:
        tags.append("pred-starts-early")
    elif ps > gs:
        tags.append("pred-starts-late")
    if pe > ge:
        tags.append("pred-ends-late")
    elif pe < ge:
        tags.append("pred-ends-early")
    return ",".join(tags) or "inner"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--show", default="")
    ap.add_argument("-n", type=int, default=15)
    args = ap.parse_args()
    gs = load(Path(args.gold))
    preds: dict[str, list] = collections.defaultdict(list)
    with open(args.pred, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("speaker"):
                preds[str(rec["doc_id"])].append(rec)
    missed = collections.Counter()
    mis = collections.Counter()
    examples = collections.defaultdict(list)
    n_gold = 0
    for doc in gs.docs:
        text = doc.document.text
        tok = Tokens(text)
        sts = preds.get(doc.document.doc_id, [])
        roles = [(st, {r: tok.trim(s) for r, s in predicted_roles(st).items()}) for st in sts]
        for g in doc.attributions:
            n_gold += 1
            key = _cue_key(text, g.cues)
            gc = tok.trim(g.content)
            hit = [(st, r) for st, r in roles if g.cues and r["cue"] and overlap_many(r["cue"][0], g.cues) > 0]
            if not hit:
                near = [
                    st
                    for st, r in roles
                    if r["content"] and overlap_many((r["content"][0][0], r["content"][-1][1]), gc) > 0
                ]
                sub = "covered-by-other" if near else "no-statement"
                quote = "quote" if re.search(r"[“\"”]", text[gc[0][0] : gc[-1][1]]) else "plain"
                grp = f"MISS {key} [{sub},{quote}]"
                missed[grp] += 1
                ctx_s = max(0, min([gc[0][0]] + [c[0] for c in g.cues] + ([g.source[0]] if g.source else [])) - 20)
                ctx_e = max([gc[-1][1]] + [c[1] for c in g.cues]) + 10
                examples[grp].append(
                    f"{doc.document.doc_id[:30]} CUE={[text[s:e] for s, e in g.cues]} SRC={g.source_text!r}\n   CONTENT={[text[s:e] for s, e in gc]}\n   CTX={text[ctx_s:ctx_e]!r}"
                    + (f"\n   OTHER cue={near[0].get('cue', {}) and near[0]['cue']['text']!r}" if near else "")
                )
                continue
            st, r = hit[0]
            if any(rr["content"] == gc for _, rr in hit):
                continue
            d = _content_diff(text, gc, r["content"])
            grp = f"SPAN {d}"
            mis[grp] += 1
            examples[grp].append(
                f"{doc.document.doc_id[:30]} CUE={st['cue']['text']!r}\n   GOLD={[text[s:e] for s, e in gc]}\n   PRED={[text[s:e] for s, e in r['content']]}"
            )
    if args.show:
        for ex in examples.get(args.show, [])[: args.n]:
            print(ex)
        return
    print(f"gold attributions {n_gold}; missed {sum(missed.values())}; content wrong {sum(mis.values())}")
    for grp, n in mis.most_common(args.n):
        print(f"{n:5d} {grp}")
    for grp, n in missed.most_common(3 * args.n):
        print(f"{n:5d} {grp}")


if __name__ == "__main__":
    main()
