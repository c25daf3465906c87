"""Trusted peers: the devices whose identity cards a person confirmed, and where each stands.

The one owner of the peer table (and of the names of devices no longer trusted, kept for the
audit trail). A peer record says who a device is — node id, name, role, its public keys —
and how far the exchange with it has come: ``acked_rev`` (our rev up to which it confirmed
receipt; an export starts after it), ``received_upto`` (its rev up to which we hold
everything it sent; we confirm that back) and ``sent_seq`` (the number of our last bundle
to it). Every function works inside the caller's connection or transaction, so a service
writes a peer change and its audit entry together.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Row, func, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from vielfalt_desktop.domain import messages as msg
from vielfalt_desktop.domain.errors import RejectedInput, VielfaltError
from vielfalt_desktop.domain.messages import Message, role_label
from vielfalt_desktop.store.database import Store
from vielfalt_desktop.store.models import PEER_TABLE
from vielfalt_desktop.sync.identity import IdentityCard, b64, unb64

#: meta key: node id → name of every device whose trust was withdrawn.
FORMER_PEERS_KEY = "former_peers"


@dataclass(frozen=True, slots=True)
class PeerInfo:
    """One trusted device, as stored."""

    node_id: str
    name: str
    role: str
    fingerprint: str
    added_at: str
    acked_rev: int
    received_upto: int
    sign_key: bytes = field(repr=False)  # Ed25519: verifies its bundles
    kem_key: bytes = field(repr=False)  # ML-KEM-768 + X25519: our bundles are sealed to it
    key_id: str
    sent_seq: int

    @property
    def is_office(self) -> bool:
        return self.role == "office"


def listed(conn: Connection) -> list[PeerInfo]:
    """Every trusted peer, by name."""
    return [_info(r) for r in conn.execute(select(PEER_TABLE).order_by(PEER_TABLE.c.name))]


def get(conn: Connection, node_id: str) -> PeerInfo | None:
    row = conn.execute(select(PEER_TABLE).where(PEER_TABLE.c.node_id == node_id)).first()
    return None if row is None else _info(row)


def find(peers: Iterable[PeerInfo], name_or_id: str) -> PeerInfo:
    """The one peer named ``name_or_id`` (node id or name, any case)."""
    wanted = name_or_id.strip().casefold()
    matches = [p for p in peers if wanted in (p.node_id.casefold(), p.name.casefold())]
    if len(matches) != 1:
        raise VielfaltError(
            Message(msg.NO_SUCH_PEER, name=name_or_id)
            if not matches
            else Message(msg.PEER_AMBIGUOUS, name=name_or_id)
        )
    return matches[0]


def check_card(conn: Connection, card: IdentityCard, own_node_id: str) -> None:
    """Raise RejectedInput if :func:`add` must refuse the card: this device's own, a known
    device with changed keys or role, or a name another trusted device has."""
    if card.node_id == own_node_id:
        raise RejectedInput(Message(msg.OWN_CARD))
    existing = get(conn, card.node_id)
    if existing is not None and (existing.sign_key, existing.kem_key) != (
        card.sign_key,
        card.kem_key,
    ):
        raise RejectedInput(Message(msg.KEYS_CHANGED, name=existing.name))
    if existing is not None and existing.role != card.role:
        raise RejectedInput(
            Message(
                msg.ROLE_CHANGED,
                name=existing.name,
                old=role_label(existing.role),
                new=role_label(card.role),
            )
        )
    wanted = card.name.strip().casefold()
    if any(p.node_id != card.node_id and p.name.casefold() == wanted for p in listed(conn)):
        raise RejectedInput(Message(msg.PEER_NAME_TAKEN, name=card.name))


def add(conn: Connection, card: IdentityCard, added_at: str) -> None:
    """Trust ``card`` (checked by :func:`check_card`). A card confirmed anew — same keys and
    role — only renews the name."""
    values = {
        "node_id": card.node_id,
        "name": card.name,
        "role": card.role,
        "sign_key": b64(card.sign_key),
        "kem_key": b64(card.kem_key),
        "key_id": card.key_id,
        "fingerprint": card.fingerprint,
        "added_at": added_at,
        "acked_rev": 0,
        "received_upto": 0,
        "sent_seq": 0,
    }
    stmt = sqlite_insert(PEER_TABLE).values(**values)
    conn.execute(stmt.on_conflict_do_update(index_elements=["node_id"], set_={"name": card.name}))


def remove(conn: Connection, peer: PeerInfo) -> None:
    """Stop trusting ``peer``; its name is kept among the former peers."""
    former = former_names(conn)
    former[peer.node_id] = peer.name
    conn.execute(PEER_TABLE.delete().where(PEER_TABLE.c.node_id == peer.node_id))
    Store._save_meta(conn, {FORMER_PEERS_KEY: json.dumps(former)})


def former_names(conn: Connection) -> dict[str, str]:
    """Node id → name of the devices whose trust was withdrawn."""
    text = Store._meta_in(conn, (FORMER_PEERS_KEY,)).get(FORMER_PEERS_KEY)
    names: dict[str, str] = json.loads(text or "{}")
    return names


def device_names(conn: Connection) -> dict[str, str]:
    """Node id → name of every device this one trusts or trusted (current names win)."""
    current = {r.node_id: r.name for r in conn.execute(select(PEER_TABLE))}
    return {**former_names(conn), **current}


def record_sent(conn: Connection, node_id: str, seq: int) -> None:
    """Our bundle number ``seq`` to the peer was written."""
    conn.execute(update(PEER_TABLE).where(PEER_TABLE.c.node_id == node_id).values(sent_seq=seq))


def acknowledge(
    conn: Connection, node_id: str, *, since: int, upto: int, ack: int, our_rev: int
) -> None:
    """After applying a bundle from the peer with its changes after ``since`` up to ``upto``
    and its receipt of ours up to ``ack``: we hold its changes up to ``upto`` unless a gap
    lies before ``since``; it holds ours up to ``ack`` (never past ``our_rev``). Neither
    goes back."""
    peer = get(conn, node_id)
    if peer is None:
        return
    received = peer.received_upto
    if since <= received:
        received = max(received, upto)
    acked = max(peer.acked_rev, min(ack, our_rev))
    conn.execute(
        update(PEER_TABLE)
        .where(PEER_TABLE.c.node_id == node_id)
        .values(received_upto=received, acked_rev=acked)
    )


def acknowledged_rev(conn: Connection) -> int | None:
    """Our rev up to which every coordinator confirmed receipt; None without one."""
    stmt = select(func.min(PEER_TABLE.c.acked_rev)).where(PEER_TABLE.c.role == "office")
    value = conn.execute(stmt).scalar_one()
    return None if value is None else int(value)


def _info(r: Row[Any]) -> PeerInfo:
    return PeerInfo(
        r.node_id,
        r.name,
        r.role,
        r.fingerprint,
        r.added_at,
        r.acked_rev,
        r.received_upto,
        unb64(r.sign_key),
        unb64(r.kem_key),
        r.key_id,
        r.sent_seq,
    )
