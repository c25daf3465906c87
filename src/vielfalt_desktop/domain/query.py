"""What a list screen or report asks for: filters, order and a page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Query:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    districts: tuple[str, ...] = ()
    topic: str | None = None
    language: str | None = None  # contacts used it / partners speak it
    status: str | None = None
    text: str = ""
    pseudonym: str | None = None
    parent_id: str | None = None  # contact of a referral, conflict of an intervention, …
    order_by: str | None = None  # a field name; None means the kind's date, newest first
    descending: bool = True
    include_deleted: bool = False
