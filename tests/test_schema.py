"""The schemas themselves: JSON Schema 2020-12 with $ids and the contract's enums."""

from __future__ import annotations

import pytest
from factories import statement

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
