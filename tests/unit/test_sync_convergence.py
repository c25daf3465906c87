"""Any delivery order, duplicates and lost bundles followed by re-export converge.

Three or more nodes make random edits (including concurrent edits of the same record and
deletes); bundles are delivered in random order, some twice, some never. Afterwards every node
exports to every peer until nothing changes, and the stores must agree.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import NOW, PASSPHRASE

from vielfalt_desktop.domain.clock import FixedClock
from vielfalt_desktop.domain.query import Query
from vielfalt_desktop.domain.records import Contact, Partner
from vielfalt_desktop.services.app import App
from vielfalt_desktop.store.database import DataPaths, Store
from vielfalt_desktop.store.vault import KeyFile

ALL = Query()


@dataclass
class Template:
    path: Path
    key: bytes
    name: str


@dataclass
class Node:
    name: str
    app: App
    clock: FixedClock
    counter: int = 0
    inbox: list[Path] = field(default_factory=list)


def _templates(root: Path, roles: list[str]) -> list[Template]:
    """Stores made once (Argon2 is slow); each example works on fresh copies of them."""
    apps = []
    for index, role in enumerate(roles):
        # The template's stamps come from the same fixed clock its copies run on later.
        app, _ = App.create(
            root / f"n{index}", PASSPHRASE, role=role, name=f"Knoten {index}", clock=FixedClock(NOW)
        )
        apps.append(app)
    for index, app in enumerate(apps):
        app.sync.export_identity(root / f"n{index}.card")
    for app in apps:
        for index in range(len(apps)):
            if apps[index] is not app:
                app.sync.add_peer(app.sync.read_card(root / f"n{index}.card"))
    templates = []
    for index, app in enumerate(apps):
        app.close()
        path = root / f"n{index}"
        templates.append(
            Template(
                path, KeyFile.load(path / "vielfalt.key").unlock(PASSPHRASE), f"Knoten {index}"
            )
        )
    return templates


@pytest.fixture(scope="module")
def offices(tmp_path_factory: pytest.TempPathFactory) -> list[Template]:
    return _templates(tmp_path_factory.mktemp("mesh"), ["office", "office", "office"])


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> list[Template]:
    return _templates(tmp_path_factory.mktemp("hub"), ["office", "field", "field"])


def _open(templates: list[Template], work: Path, skews: list[int]) -> list[Node]:
    """Copies of the templates whose clocks are off by ``skews`` seconds: honest clocks, at
    most 2.5 minutes from the truth, so any two stay within the 5 minutes the clock rule of
    docs/bundle-format.md allows between a bundle and its receiver."""
    if work.exists():
        shutil.rmtree(work)
    nodes = []
    for template, skew in zip(templates, skews, strict=True):
        target = work / template.path.name
        shutil.copytree(template.path, target)
        clock = FixedClock(NOW + timedelta(seconds=skew))
        store = Store.open_with_key(DataPaths(target), template.key, clock=clock)
        nodes.append(Node(template.name, App(store), clock))
    return nodes


def _edit(node: Node, action: str, pick: int, text: str) -> None:
    if not node.app.is_office:
        # Partners are the coordinator's (domain.authority): a laptop records contacts.
        _contact(node, pick)
        return
    records = node.app.records
    node.clock.advance(timedelta(milliseconds=pick % 997 + 1))
    partners = sorted(records.page(Partner, ALL, 0, 1000), key=lambda p: p.id)
    if action == "create" or not partners:
        node.counter += 1
        records.create(Partner(name=f"Verein {node.name}-{node.counter}", partner_kind="verein"))
        return
    target = partners[pick % len(partners)]
    if action == "delete":
        records.delete(Partner, target.id)
    elif action == "note":
        target.note = text
        records.update(target)
    else:
        target.offer_text = text
        target.offers = ("beratung",) if pick % 2 else ("sprachkurse", "raeume")
        records.update(target)


def _contact(node: Node, pick: int) -> None:
    node.clock.advance(timedelta(milliseconds=pick % 997 + 1))
    node.app.records.create(
        Contact(
            date=node.clock.today() - timedelta(days=pick % 30),
            district=("kannenstieg", "neustaedter_see", "leipziger_strasse")[pick % 3],
            target_group="drittstaat",
            topics=("wohnen",),
        )
    )


def _export(source: Node, target: Node, work: Path) -> Path:
    source.counter += 1
    path = work / f"{source.name}-{target.name}-{source.counter}.vfb".replace(" ", "_")
    source.app.sync.export(target.app.store.node_id, path)
    return path


def _settle(nodes: list[Node], work: Path) -> None:
    """Everyone sends everyone what they lack, until a full round changes nothing."""
    for _round in range(6):
        changed = 0
        for source in nodes:
            for target in nodes:
                if source is not target:
                    changed += target.app.sync.import_file(_export(source, target, work)).changed
        if changed == 0:
            return
    raise AssertionError("no convergence after six full rounds")


steps = st.lists(
    st.one_of(
        st.tuples(
            st.just("edit"),
            st.integers(0, 2),
            st.sampled_from(["create", "create", "note", "offer", "delete"]),
            st.integers(0, 10_000),
            st.sampled_from(["Sprachcafé", "Räume frei", "Treffen dienstags", "geschlossen", ""]),
        ),
        st.tuples(st.just("contact"), st.integers(0, 2), st.integers(0, 10_000)),
        st.tuples(st.just("send"), st.integers(0, 2), st.integers(0, 2)),
        st.tuples(st.just("deliver"), st.integers(0, 2), st.integers(0, 50), st.booleans()),
    ),
    min_size=5,
    max_size=30,
)


def _run(nodes: list[Node], work: Path, program: list[tuple[object, ...]]) -> None:
    for step in program:
        kind = step[0]
        if kind == "edit":
            _, who, action, pick, text = step
            _edit(nodes[who], action, pick, text)  # type: ignore[arg-type]
        elif kind == "contact":
            _, who, pick = step
            if nodes[who].app.store.role == "field" or who == 0:  # type: ignore[index]
                _contact(nodes[who], pick)  # type: ignore[index, arg-type]
        elif kind == "send":
            _, source, target = step
            if source != target:
                nodes[target].inbox.append(_export(nodes[source], nodes[target], work))  # type: ignore[index]
        else:
            _, who, index, keep = step
            inbox = nodes[who].inbox  # type: ignore[index]
            if inbox:
                bundle = inbox[index % len(inbox)]  # type: ignore[operator]
                nodes[who].app.sync.import_file(bundle)  # type: ignore[index]
                if not keep:  # delivered and gone; kept ones may arrive again (duplicates)
                    inbox.remove(bundle)


def _close(nodes: list[Node]) -> None:
    for node in nodes:
        node.app.close()


@settings(
    max_examples=30,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(program=steps, skews=st.lists(st.integers(-150, 150), min_size=3, max_size=3))
def test_full_mesh_converges_to_one_digest(
    offices: list[Template], tmp_path: Path, program: list[tuple[object, ...]], skews: list[int]
) -> None:
    work = tmp_path / "work"
    nodes = _open(offices, work, skews)
    try:
        _run(nodes, work, program)
        _settle(nodes, work)
        digests = {node.app.sync.digest() for node in nodes}
        assert len(digests) == 1
        counts = [node.app.stats.counts() for node in nodes]
        assert counts[0] == counts[1] == counts[2]
    finally:
        _close(nodes)


@settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(program=steps, skews=st.lists(st.integers(-150, 150), min_size=3, max_size=3))
def test_laptops_and_coordinator_agree_on_what_they_share(
    hub: list[Template], tmp_path: Path, program: list[tuple[object, ...]], skews: list[int]
) -> None:
    work = tmp_path / "work"
    nodes = _open(hub, work, skews)
    # Laptops talk only to the coordinator.
    program = [s for s in program if not (s[0] == "send" and 0 not in (s[1], s[2]))]
    try:
        _run(nodes, work, program)
        _settle_hub(nodes, work)
        coordinator = nodes[0]
        partners = [_partners(node) for node in nodes]
        assert partners[0] == partners[1] == partners[2]
        office_contacts = _contacts(coordinator)
        for laptop in nodes[1:]:
            mine = _contacts(laptop)
            origin = laptop.app.store.node_id
            assert mine == {k: v for k, v in office_contacts.items() if v[0] == origin}
    finally:
        _close(nodes)


def _settle_hub(nodes: list[Node], work: Path) -> None:
    coordinator, laptops = nodes[0], nodes[1:]
    for _round in range(6):
        changed = 0
        for laptop in laptops:
            changed += coordinator.app.sync.import_file(_export(laptop, coordinator, work)).changed
        for laptop in laptops:
            changed += laptop.app.sync.import_file(_export(coordinator, laptop, work)).changed
        if changed == 0:
            return
    raise AssertionError("no convergence after six rounds")


def _partners(node: Node) -> list[Partner]:
    return sorted(node.app.records.page(Partner, ALL, 0, 10_000), key=lambda p: p.id)


def _contacts(node: Node) -> dict[str, tuple[str, Contact]]:
    from sqlalchemy import select

    from vielfalt_desktop.store.models import TABLE_BY_KIND

    table = TABLE_BY_KIND["contact"]
    with node.app.store.read() as conn:
        origins = {row.id: row.origin for row in conn.execute(select(table.c.id, table.c.origin))}
    return {c.id: (origins[c.id], c) for c in node.app.records.page(Contact, ALL, 0, 10_000)}


def test_import_order_does_not_change_the_digest(hub: list[Template], tmp_path: Path) -> None:
    first = _open(hub, tmp_path / "a", [0, 5, -5])
    try:
        coordinator, one, two = first
        for pick in range(4):
            _contact(one, pick)
            _contact(two, pick + 100)
            _edit(one, "create", pick, "")
            _edit(two, "create", pick, "")
        bundles = [_export(one, coordinator, tmp_path), _export(two, coordinator, tmp_path)]
        for node in (one, two):
            _edit(node, "note", 1, f"geändert von {node.name}")  # concurrent edits
        bundles += [_export(one, coordinator, tmp_path), _export(two, coordinator, tmp_path)]
    finally:
        _close(first)
    digests = set()
    for order_name, order in (("vor", bundles), ("rück", bundles[::-1])):
        again = _open(hub, tmp_path / order_name, [0, 0, 0])
        try:
            for path in order:
                again[0].app.sync.import_file(path)
            for path in order:  # duplicates change nothing
                assert again[0].app.sync.import_file(path).already_known
            digests.add(again[0].app.sync.digest())
        finally:
            _close(again)
    assert len(digests) == 1
