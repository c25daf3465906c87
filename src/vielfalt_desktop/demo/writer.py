"""Writing demo data into a store: :func:`fill` (``vielfalt demo``, screenshots, benchmarks).

Partners are written only by the coordinator (domain.authority). On an office store
:func:`fill` creates the directory as described in :mod:`vielfalt_desktop.demo.partners`; on a
field laptop it creates no partners and refers to the directory the laptop received from the
coordinator; with none there it writes no referrals and events without partners.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from vielfalt_desktop.demo.generator import batches
from vielfalt_desktop.domain.records import Event, Partner, Record, Referral
from vielfalt_desktop.services.app import App


@dataclass(frozen=True)
class DemoResult:
    contacts: int
    referrals: int
    conflicts: int
    interventions: int
    events: int
    partners: int


def fill(
    app: App,
    contacts: int = 500,
    seed: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> DemoResult:
    """Generate demo data for the store's today and write it in batches of ``CHUNK`` contacts.

    The content depends only on ``(contacts, seed, today)``; ids and pseudonym codes are
    additionally salted with the store's node and revision, so a second run (or a second
    laptop) gets new records instead of colliding ones. Partners whose name already exists
    in the store are reused, not duplicated. ``progress(done, total)`` counts contacts.

    A field laptop may not write partners: there the partners it received from the
    coordinator are used as they are (none: no referrals), and none are created.
    """
    today = app.today()
    salt = f"{app.device.node_id}/{app.store.rev}"
    directory = None if app.records.may_create("partner") else _all_partners(app)
    has_partners = directory is None and app.records.count(Partner) > 0
    replaced: dict[str, str] = {}
    counts: Counter[str] = Counter()
    done = 0
    for number, (contact_count, batch) in enumerate(
        batches(app.vocab, today, contacts, seed, salt, directory)
    ):
        records = batch
        if number == 0 and has_partners:
            records = _reuse_partners(app, batch, replaced)
        else:
            _remap_partners(records, replaced)
        # Validating every record costs about 3 % of the run; the records are checked
        # against the store's own vocabulary and today, so an edited vocabulary is caught.
        app.records.create_many(records, validate=True)
        counts.update(r.kind for r in records)
        done += contact_count
        if progress is not None:
            progress(done, contacts)
    return DemoResult(
        contacts=counts["contact"],
        referrals=counts["referral"],
        conflicts=counts["conflict"],
        interventions=counts["intervention"],
        events=counts["event"],
        partners=counts["partner"],
    )


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _all_partners(app: App) -> list[Partner]:
    """The store's live partners, in the store's order (by name)."""
    found: list[Partner] = []
    offset, page = 0, 1000
    while True:
        partners = app.records.page(Partner, offset=offset, limit=page)
        found += partners
        if len(partners) < page:
            return found
        offset += page


def _existing_partners(app: App) -> dict[str, str]:
    """Ids of the store's live partners by normalised name.

    Compared in Python, not with ``find_partner_by_name``: SQLite's ``lower()`` folds only
    ASCII, so names such as "Ćuprija" or "Ökumenisches …" would not be found there.
    """
    found: dict[str, str] = {}
    for partner in _all_partners(app):
        found.setdefault(_name_key(partner.name), partner.id)
    return found


def _reuse_partners(app: App, batch: list[Record], replaced: dict[str, str]) -> list[Record]:
    """Drop generated partners whose name the store already has; point at the existing ones."""
    existing = _existing_partners(app)
    kept: list[Record] = []
    for record in batch:
        if isinstance(record, Partner):
            same = existing.get(_name_key(record.name))
            if same is not None:
                replaced[record.id] = same
                continue
        kept.append(record)
    _remap_partners(kept, replaced)
    return kept


def _remap_partners(records: list[Record], replaced: Mapping[str, str]) -> None:
    if not replaced:
        return
    for record in records:
        if isinstance(record, Referral):
            record.partner_id = replaced.get(record.partner_id, record.partner_id)
        elif isinstance(record, Event) and record.partner_ids:
            record.partner_ids = tuple(
                dict.fromkeys(replaced.get(p, p) for p in record.partner_ids)
            )
