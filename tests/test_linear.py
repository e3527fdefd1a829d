"""Model scores must not depend on the order a feature set iterates in (hash randomisation)."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest

from claimkit.linear import feature_sum

ROOT = Path(__file__).resolve().parent.parent


def test_feature_sum_is_the_same_in_every_order() -> None:
    weights = {"a": 1e16, "b": 1.0, "c": -1e16, "d": 0.1}
    # a plain sum gives 0.0 or 1.1 or 1.0999... depending on the order
    plain = {sum(weights[f] for f in order) for order in itertools.permutations(weights)}
    assert len(plain) > 1
    sums = {feature_sum(weights, order) for order in itertools.permutations(weights)}
    assert sums == {1.1}


def test_unknown_features_weigh_nothing() -> None:
    assert feature_sum({"a": 0.5}, {"a", "zzz"}) == 0.5
    assert feature_sum({}, set()) == 0.0


@pytest.mark.slow
def test_two_processes_with_different_hash_seeds_write_the_same_statements(tmp_path: Path) -> None:
    article = ROOT / "corpus" / "donga-china-russia-nk.txt"
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"s{seed}.jsonl"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        cmd = [str(Path(sys.executable).parent / "claimkit"), "extract", str(article), "-o", str(out), "--quiet"]
        subprocess.run(cmd, check=True, env=env, cwd=tmp_path, timeout=300)
        outputs.append(out.read_bytes())
    assert outputs[0] and outputs[0] == outputs[1]
