"""Doccano round trip: push drafts for review, pull reviewed statements, diff the two.

Layers: :mod:`.client` (HTTP only), :mod:`.convert` (statements <-> spans/relations/meta, no
HTTP), :mod:`.push`, :mod:`.pull`, :mod:`.diff` (use cases), :mod:`.server` (a local Doccano).
"""

from __future__ import annotations

from .convert import export_line_to_statements

__all__ = ["export_line_to_statements"]
