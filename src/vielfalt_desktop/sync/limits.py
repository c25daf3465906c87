"""Size limits of what a bundle may carry, shared by the reader and the row checks.

docs/bundle-format.md ("Limits") states the same numbers for other implementations.
"""

from __future__ import annotations

from vielfalt_desktop.domain.records import RECORD_TYPE_BY_KIND
from vielfalt_desktop.store.codec import FieldType, codec_for

#: Characters in one text field (domain.validation.MAX_TEXT is the same rule for local writes).
MAX_TEXT = 10_000
MAX_CODES = 200
MAX_CODE = 64
MAX_STAMP = 2**63
#: JSON bytes of the payload outside the rows (keys, column lists, brackets).
PAYLOAD_BASE_BYTES = 64 * 1024

# The most bytes one value takes in canonical JSON: a character escaped as \u00XX takes six.
_VALUE_BYTES = {
    FieldType.TEXT: 2 + 6 * MAX_TEXT,
    FieldType.OPTIONAL_TEXT: 2 + 6 * MAX_TEXT,
    FieldType.INT: 20,
    FieldType.BOOL: 5,
    FieldType.DATE: 12,
    FieldType.OPTIONAL_DATE: 12,
    FieldType.CODES: 2 + MAX_CODES * (3 + 6 * MAX_CODE),
}
_ROW_FRAME_BYTES = 160  # brackets, id, origin, created stamp, deleted flag, commas
_STAMP_BYTES = 200  # "field":[hlc,"node",hlc,"node"]


def _row_budget(kind: str) -> int:
    codec = codec_for(RECORD_TYPE_BY_KIND[kind])
    values = sum(_VALUE_BYTES[ftype] + 1 for _, ftype in codec.fields)
    return _ROW_FRAME_BYTES + values + _STAMP_BYTES * (len(codec.fields) + 1)


#: The most canonical JSON one row of a kind can take, every text and list at its limit.
ROW_BUDGET_BYTES: dict[str, int] = {kind: _row_budget(kind) for kind in RECORD_TYPE_BY_KIND}


def payload_budget(counts: dict[str, int]) -> int:
    """The most JSON a payload with these row counts can take: it may not inflate past it."""
    return PAYLOAD_BASE_BYTES + sum(ROW_BUDGET_BYTES.get(k, 0) * n for k, n in counts.items())
