"""The schemas themselves: JSON Schema 2020-12 with $ids and the contract's enums."""

from __future__ import annotations

import copy

import pytest
from factories import statement
from hypothesis import given, settings
from hypothesis import strategies as st

from claimkit import records, schema
from claimkit.errors import SchemaError


@pytest.mark.parametrize("name", schema.SCHEMA_NAMES)
def test_schema_is_2020_12_with_id(name: str) -> None:
    data = schema.load_schema(name)
    assert data["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert data["$id"].endswith(f"{name}.schema.json")


def test_validator_built_once() -> None:
    assert schema.validator("statement") is schema.validator("statement")


def test_enums_match_the_records_module() -> None:
    props = schema.load_schema("statement")["properties"]
    assert tuple(props["kind"]["enum"]) == records.KINDS
    assert tuple(props["quote"]["enum"]) == records.QUOTE_TYPES
    assert tuple(props["certainty"]["properties"]["label"]["enum"]) == records.CERTAINTY_LABELS
    speaker = props["speaker"]["anyOf"][1]["properties"]
    assert tuple(speaker["type"]["enum"]) == records.SPEAKER_TYPES
    source = props["source"]["anyOf"][1]["properties"]
    assert tuple(source["type"]["enum"]) == records.SOURCE_TYPES


def _statement(**over):
    return statement(doc_id="d", text="Rain fell.", **over)


def test_valid_statement_passes_and_offsets_are_checked() -> None:
    schema.validate(_statement(), "statement", "Rain fell.")
    with pytest.raises(SchemaError, match="/text"):
        schema.validate(_statement(), "statement", "Snow fell.")
    with pytest.raises(SchemaError, match="/end"):
        schema.validate(_statement(start=5, end=5))


@pytest.mark.parametrize(
    ("field", "value", "pointer"),
    [
        ("kind", "rumour", "/kind"),
        ("quote", "partial", "/quote"),
        ("certainty", {"label": "sure", "score": 1.0, "cues": []}, "/certainty/label"),
        ("certainty", {"label": "certain", "score": 1.5, "cues": []}, "/certainty/score"),
        ("speaker", {"name": "X", "mention": "X", "start": 0, "end": 1, "type": "robot"}, "/speaker"),
    ],
)
def test_invalid_statements_name_the_pointer(field: str, value, pointer: str) -> None:
    errors = list(schema.iter_errors(_statement(**{field: value}), "statement"))
    assert errors and errors[0][0].startswith(pointer.rsplit("/", 1)[0] or pointer)


def test_missing_contract_field_is_an_error() -> None:
    rec = _statement()
    del rec["source"]
    assert any("source" in msg for _, msg in schema.iter_errors(rec, "statement"))


# --- the compiled check in front of jsonschema ---------------------------------------------------

FULL = _statement(
    speaker={"name": "Park Won-gon", "mention": "Park", "start": 0, "end": 4, "type": "person", "id": "e1"},
    cue={"text": "said", "start": 5, "end": 9, "lemma": "say"},
    quote="direct",
    source={"name": "Park Won-gon", "type": "named", "start": 0, "end": 4},
    content={"text": "Rain", "start": 0, "end": 4, "parts": [{"text": "Rain", "start": 0, "end": 4}]},
    certainty={
        "label": "probable",
        "score": 0.7,
        "cues": [{"text": "may", "start": 0, "end": 3, "type": "modal", "holder": "author", "scope": "main"}],
    },
    kind_score=0.9,
    kind_by="model",
    checkworthiness=0.5,
)
DOCUMENT = {
    "doc_id": "d",
    "path": None,
    "sha256": "0" * 64,
    "chars": 10,
    "title": None,
    "publisher": "Donga",
    "regions": [{"type": "title", "start": 0, "end": 4, "text": "Rain"}],
    "statements": 1,
    "meta": {},
    "speakers": [{"id": "e1", "name": "Park", "type": "person", "mentions": 1, "statements": 1, "kinds": {"fact": 1}}],
}


@pytest.mark.parametrize(("name", "record"), [("statement", FULL), ("statement", _statement()), ("document", DOCUMENT)])
def test_fast_check_is_compiled_and_passes_valid_records(name: str, record) -> None:
    check = schema.fast_check(name)
    assert check is not None and check(record)
    assert schema.validator(name).is_valid(record)


def test_fast_check_refuses_keywords_it_does_not_implement() -> None:
    with pytest.raises(schema.Unsupported):
        schema.compile_check({"type": "object", "properties": {"a": {"oneOf": [{"type": "string"}]}}})
    assert schema.compile_check({"type": "integer", "minimum": 0})(float("nan")) is False


EDGE_VALUES = [None, True, False, 0, -1, 1, 0.5, -0.5, 1.5, float("nan"), float("inf"), float("-inf"), [], {}, ""]
EDGE_VALUES += ["x", "fact", "direct", "e7", "e", "a:1", "person", "modal", "named", "title", "0" * 64, [{}], {"x": 1}]
# 2.0 would be an integer to jsonschema and not to the compiled check (which then defers to jsonschema)
JSON_VALUES = st.recursive(
    st.sampled_from(EDGE_VALUES) | st.floats().filter(lambda f: not f.is_integer()) | st.integers(-3, 3),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["text", "start", "end", "x"]), inner, max_size=3)
    ),
    max_leaves=6,
)


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, (*prefix, i))


def _replace(record, path, value):
    record = copy.deepcopy(record)
    parent = record
    for key in path[:-1]:
        parent = parent[key]
    if value is _DELETE:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return record


_DELETE = object()


@pytest.mark.parametrize(("name", "base"), [("statement", FULL), ("document", DOCUMENT)])
def test_fast_check_agrees_with_jsonschema_on_every_field_changed(name: str, base) -> None:
    check, valid, seen = schema.fast_check(name), schema.validator(name).is_valid, 0
    for path in list(_paths(base))[1:]:
        for value in [_DELETE, *EDGE_VALUES]:
            record = _replace(base, path, value)
            assert check(record) == valid(record), (path, value)
            seen += not valid(record)
    assert seen > 100  # most changes make the record invalid, and both say so


@given(data=st.data())
@settings(max_examples=100, deadline=None)
def test_fast_check_agrees_with_jsonschema_on_mutated_records(data) -> None:
    name, base = data.draw(st.sampled_from([("statement", FULL), ("document", DOCUMENT)]))
    record = copy.deepcopy(base)
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(list(_paths(record))[1:]))
        parent = record
        for key in path[:-1]:
            parent = parent[key]
        if data.draw(st.booleans()) and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent[path[-1]] = copy.deepcopy(data.draw(JSON_VALUES))  # never mutate the shared EDGE_VALUES
    assert schema.fast_check(name)(record) == schema.validator(name).is_valid(record)
