"""The one-standard-error rule that picks the shipped models' settings (claimkit.selection)."""

from __future__ import annotations

import pytest

from claimkit import selection
from claimkit.evaluate.scores import PRF


def _f1(units):
    return sum(units, PRF()).f1


def test_standard_errors_are_zero_for_the_best_and_for_an_identical_setting():
    units = {"a": [PRF(3, 1, 0), PRF(0, 0, 2), PRF(5, 2, 1)], "b": [PRF(3, 1, 0), PRF(0, 0, 2), PRF(5, 2, 1)]}
    errors = selection.paired_standard_errors(units, "a", _f1)
    assert errors == {"a": 0.0, "b": 0.0}


def test_standard_errors_are_fixed_by_the_seed_and_grow_with_disagreement():
    same = [PRF(4, 1, 1)] * 10
    near = [PRF(4, 1, 1)] * 9 + [PRF(3, 2, 2)]
    far = [PRF(4, 1, 1)] * 5 + [PRF(0, 5, 5)] * 5
    units = {"best": same, "near": near, "far": far}
    errors = selection.paired_standard_errors(units, "best", _f1, seed=3)
    assert errors == selection.paired_standard_errors(units, "best", _f1, seed=3)
    assert 0 < errors["near"] < errors["far"]


def test_a_setting_within_the_error_is_taken_when_more_conservative():
    scores = {(0.1, 0.3): 0.860, (0.3, 0.25): 0.870, (0.3, 0.3): 0.869}
    errors = {(0.1, 0.3): 0.012, (0.3, 0.25): 0.0, (0.3, 0.3): 0.004}

    def key(k):
        return k[0], -k[1]

    assert selection.one_standard_error(scores, errors, key) == (0.1, 0.3)
    # outside its error: the plain best, or the conservative one within the band
    errors[(0.1, 0.3)] = 0.005
    assert selection.one_standard_error(scores, errors, key) == (0.3, 0.3)
    assert selection.best_setting(scores, key) == (0.3, 0.25)


def test_a_small_change_of_the_best_figures_does_not_flip_the_choice():
    # two thresholds 0.002 apart swap places; the rule's choice stays the same
    errors = {0.25: 0.006, 0.3: 0.006, 0.35: 0.008, 0.4: 0.009}
    before = {0.25: 0.870, 0.3: 0.868, 0.35: 0.864, 0.4: 0.855}
    after = {0.25: 0.868, 0.3: 0.870, 0.35: 0.864, 0.4: 0.855}

    def key(t):
        return -t

    assert selection.best_setting(before, key) != selection.best_setting(after, key)
    assert selection.one_standard_error(before, errors, key) == selection.one_standard_error(after, errors, key) == 0.35


def test_no_settings_is_an_error():
    with pytest.raises(ValueError):
        selection.one_standard_error({}, {}, lambda k: k)
