"""What a field laptop may not write is not offered: the partner directory is read only, and
records other devices made open for reading; a refused write shows the German reason."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

from tests.gui.conftest import Boxes

from vielfalt_desktop.domain.records import Conflict, Partner
from vielfalt_desktop.services.app import App
from vielfalt_desktop.ui.context import UiContext
from vielfalt_desktop.ui.forms.conflict_form import ConflictForm
from vielfalt_desktop.ui.forms.partner_form import PartnerForm
from vielfalt_desktop.ui.screens.conflicts_screen import ConflictsScreen
from vielfalt_desktop.ui.screens.network_screen import NetworkScreen
from vielfalt_desktop.ui.settings import UiSettings

HINT = "Partner pflegt die Koordination"


def _conflict(**changes: Any) -> Conflict:
    return dataclasses.replace(
        Conflict(
            opened=dt.date(2026, 9, 2),
            district="neustaedter_see",
            place_type="innenhof",
            categories=("laerm",),
            households=3,
            escalation="glasl_2",
            status="in_klaerung",
        ),
        **changes,
    )


def test_the_laptop_offers_no_partner_writes(ctx: UiContext, partner: Partner, qtbot: Any) -> None:
    screen = NetworkScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    screen.reload()
    assert screen.selected() == partner
    assert not screen.new_button.isVisible()
    assert not screen.delete_button.isVisible()
    assert screen.read_only_hint.isVisible()
    assert HINT in screen.read_only_hint.text()
    assert screen.edit_button.text().replace("&", "") == "Ansehen"
    # Ctrl+N and the delete key do nothing either.
    screen._new_if_allowed()
    assert screen.form is None
    screen.delete_selected()
    assert ctx.records.get(Partner, partner.id) == partner


def test_a_partner_opens_read_only_on_the_laptop(
    ctx: UiContext, partner: Partner, qtbot: Any
) -> None:
    form = PartnerForm(ctx, partner)
    qtbot.addWidget(form)
    assert form.read_only
    assert not form.save_button.isVisible()
    assert not form.field("name").isEnabled()
    assert HINT in form.status_line.text()
    assert form.save() is False
    assert ctx.records.get(Partner, partner.id) == partner


def test_the_coordinator_keeps_every_partner_button(
    office_app: App, office_partner: Partner, ui_settings: UiSettings, qtbot: Any
) -> None:
    office = UiContext(office_app, ui_settings, lang="de")
    screen = NetworkScreen(office)
    qtbot.addWidget(screen)
    screen.show()
    screen.reload()
    assert screen.selected() == office_partner
    assert screen.new_button.isVisible()
    assert screen.delete_button.isVisible()
    assert screen.delete_button.isEnabled()
    assert screen.edit_button.isEnabled()
    assert not screen.read_only_hint.isVisible()
    form = PartnerForm(office, office_partner)
    qtbot.addWidget(form)
    assert not form.read_only
    assert form.field("name").isEnabled()


def test_a_shared_case_from_the_coordinator_is_read_only_on_the_laptop(
    ctx: UiContext,
    office_app: App,
    directory: Callable[..., list[Partner]],
    qtbot: Any,
) -> None:
    case = office_app.records.create(_conflict(shared=True))
    directory()
    own = ctx.records.create(_conflict(opened=dt.date(2026, 10, 1)))
    screen = ConflictsScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    screen.reload()
    assert screen.new_button.isVisible()
    assert screen.select_id(case.id)
    assert not screen.delete_button.isEnabled()
    assert "anderen Gerät" in screen.delete_button.toolTip()
    assert screen.select_id(own.id)
    assert screen.delete_button.isEnabled()
    received = ctx.records.get(Conflict, case.id)
    form = ConflictForm(ctx, received)
    qtbot.addWidget(form)
    assert form.read_only
    assert not form.save_button.isVisible()
    assert "anderen Gerät" in form.status_line.text()


def test_a_refused_save_shows_the_reason_in_a_message_box(
    ctx: UiContext,
    office_app: App,
    directory: Callable[..., list[Partner]],
    boxes: Boxes,
    qtbot: Any,
) -> None:
    case = office_app.records.create(_conflict(shared=True))
    directory()
    received = ctx.records.get(Conflict, case.id)
    form = ConflictForm(ctx, received)
    qtbot.addWidget(form)
    # Even if the form were writable (say the rule changed while it was open), the store
    # refuses and the user reads why, not a traceback.
    form.read_only = False
    form.field("households").setEnabled(True)
    form.field("households").setValue(7)
    assert form.save() is False
    assert boxes.asked[-1][:2] == ("warning", "Nicht gespeichert")
    assert "anderen Gerät" in boxes.asked[-1][2]
    assert ctx.records.get(Conflict, case.id).households == 3
