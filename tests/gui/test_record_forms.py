"""Creating and editing every other record kind through its form."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from vielfalt_desktop.domain.records import (
    Conflict,
    Contact,
    Event,
    Intervention,
    Partner,
    Referral,
)
from vielfalt_desktop.ui.context import UiContext
from vielfalt_desktop.ui.forms.conflict_form import ConflictForm
from vielfalt_desktop.ui.forms.event_form import EventForm
from vielfalt_desktop.ui.forms.intervention_form import InterventionForm
from vielfalt_desktop.ui.forms.partner_form import PartnerForm
from vielfalt_desktop.ui.forms.referral_form import ReferralForm
from vielfalt_desktop.ui.forms.referral_status_dialog import ReferralStatusDialog
from vielfalt_desktop.ui.screens.conflicts_screen import ConflictsScreen
from vielfalt_desktop.ui.screens.events_screen import EventsScreen
from vielfalt_desktop.ui.screens.network_screen import NetworkScreen
from vielfalt_desktop.ui.screens.referrals_screen import ReferralsScreen

TODAY = dt.date(2026, 11, 24)


def _contact(ctx: UiContext) -> Contact:
    return ctx.records.create(
        Contact(date=TODAY, district="kannenstieg", target_group="drittstaat", topics=("arbeit",))
    )


# --- referrals ------------------------------------------------------------------------------


def test_create_referral_for_a_contact(ctx: UiContext, partner: Partner, qtbot) -> None:
    contact = _contact(ctx)
    screen = ReferralsScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    form = screen.open_for_contact(contact)
    assert "Kontakt vom 24.11.2026" in form.contact_label.text()
    assert form.topic.code() == "arbeit"
    assert form.follow_up.value() == TODAY + dt.timedelta(days=14)
    assert not form.save()  # no partner chosen yet
    assert form._fields["partner_id"].error.isVisible()
    form.partner.list.setCurrentRow(0)
    assert form.partner.value() == partner.id
    assert form.save()
    saved = ctx.records.page(Referral)[0]
    assert saved.contact_id == contact.id
    assert saved.partner_id == partner.id
    assert saved.status == "vorgeschlagen"
    assert screen.model.total == 1
    assert "Migrationsberatung" in screen.detail.text()


def test_partner_search_in_the_referral_form(
    ctx: UiContext, partner: Partner, directory: Callable[..., list[Partner]], qtbot
) -> None:
    directory(Partner(name="Jobcenter Magdeburg", partner_kind="behoerde"))
    form = ReferralForm(ctx)
    qtbot.addWidget(form)
    form.partner.search.setText("jobcenter")
    form.partner.refresh()
    assert form.partner.list.count() == 1
    assert form.partner.list.item(0).text().startswith("Jobcenter Magdeburg")
    form.partner.search.setText("gibt es nicht")
    form.partner.refresh()
    assert form.partner.list.count() == 0
    assert "Keine Organisation" in form.partner.hint.text()
    form.discard()


def test_edit_referral_and_change_status(ctx: UiContext, partner: Partner, qtbot) -> None:
    referral = ctx.records.create(Referral(partner_id=partner.id, topic="arbeit", date=TODAY))
    screen = ReferralsScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    screen.activated()
    screen.view.selectRow(0)
    form = screen.open_edit(screen.selected())
    assert form.partner.value() == partner.id
    form.kind.set_code("begleitet")
    assert form.save()
    assert ctx.records.get(Referral, referral.id).referral_kind == "begleitet"

    screen.view.selectRow(0)
    dialog = screen.change_status()
    assert dialog is not None
    dialog.status.set_code("angenommen")
    dialog.note.set_text("Termin hat stattgefunden")
    dialog.feedback.set_text("Beratung läuft")
    assert dialog.save()
    changed = ctx.records.get(Referral, referral.id)
    assert changed.status == "angenommen"
    assert changed.feedback == "Beratung läuft"
    history = ctx.records.status_history(changed)
    assert [h.status for h in history][-1] == "angenommen"
    assert "Termin hat stattgefunden" in screen.detail.text()


def test_status_dialog_refuses_personal_data(ctx: UiContext, partner: Partner, qtbot) -> None:
    referral = ctx.records.create(Referral(partner_id=partner.id, topic="arbeit", date=TODAY))
    dialog = ReferralStatusDialog(ctx, referral)
    qtbot.addWidget(dialog)
    dialog.note.set_text("Frau Müller ruft unter 0391 5401234 zurück")
    assert not dialog.save()
    assert "personenbezogene" in dialog.message.text()
    assert dialog.note.extraSelections()
    assert ctx.records.get(Referral, referral.id).status == "vorgeschlagen"


# --- conflicts and interventions ----------------------------------------------------------


def test_create_conflict_and_interventions_timeline(ctx: UiContext, qtbot) -> None:
    screen = ConflictsScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    screen.activated()
    form = screen.open_new()
    assert isinstance(form, ConflictForm)
    form.district.set_code("neustaedter_see")
    form.categories.toggle("laerm")
    form.place.set_code("innenhof")
    form.households.setValue(3)
    assert form.save()
    assert screen.model.total == 1
    conflict = ctx.records.page(Conflict)[0]
    assert conflict.place_type == "innenhof"
    assert screen.conflict is not None
    assert "Noch keine Intervention" in screen.timeline.topLevelItem(0).text(1)

    step = screen.new_intervention()
    assert isinstance(step, InterventionForm)
    step.kind.set_code("vermittlungsgespraech")
    step.result_text.set_text("Ruhezeiten vereinbart")
    step.next_step.set_text("Nachfragen bei beiden Seiten")
    step.next_date.set_value(TODAY + dt.timedelta(days=7))
    assert step.save()
    second = screen.new_intervention()
    second.date.set_value(TODAY)
    second.kind.set_code("hausversammlung")
    assert second.save()
    interventions = ctx.records.interventions_of(conflict)
    assert len(interventions) == 2
    assert screen.timeline.topLevelItemCount() == 2
    assert "Ruhezeiten" in screen.timeline.topLevelItem(0).text(2)

    edit = screen.edit_intervention(screen.timeline.topLevelItem(0))
    assert edit is not None
    edit.participants.setValue(4)
    assert edit.save()
    assert ctx.records.get(Intervention, interventions[0].id).participants == 4


def test_intervention_buttons_need_a_selected_intervention(ctx: UiContext, qtbot) -> None:
    conflict = ctx.records.create(
        Conflict(opened=TODAY, district="kannenstieg", categories=("muell",))
    )
    screen = ConflictsScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    screen.activated()
    assert screen.select_id(conflict.id)
    assert screen.conflict is not None
    assert "Noch keine Intervention" in screen.timeline.topLevelItem(0).text(1)
    assert screen.add_step.isEnabled()
    assert not screen.edit_step.isEnabled()  # nothing to edit or delete yet
    assert not screen.delete_step.isEnabled()

    ctx.records.create(
        Intervention(conflict_id=conflict.id, date=TODAY, intervention_kind="hausversammlung")
    )
    screen.show_detail(screen.conflict)
    assert screen.timeline.currentItem() is screen.timeline.topLevelItem(0)
    assert screen.edit_step.isEnabled()
    assert screen.delete_step.isEnabled()
    screen.timeline.clearSelection()  # none selected
    assert not screen.edit_step.isEnabled()
    assert not screen.delete_step.isEnabled()
    screen.timeline.setCurrentItem(screen.timeline.topLevelItem(0))
    assert screen.edit_step.isEnabled()
    assert screen.delete_step.isEnabled()


def test_closing_a_conflict_needs_an_outcome(ctx: UiContext, qtbot) -> None:
    conflict = ctx.records.create(
        Conflict(opened=TODAY, district="kannenstieg", categories=("muell",))
    )
    form = ConflictForm(ctx, conflict)
    qtbot.addWidget(form)
    form.status.set_code("beigelegt")
    assert form.closed.value() == TODAY  # ticked automatically
    assert not form.save()
    assert "Ergebnis" in form._fields["outcome"].error.text()
    form.outcome.set_text("Einigung über Mülltrennung")
    assert form.save()
    saved = ctx.records.get(Conflict, conflict.id)
    assert saved.status == "beigelegt"
    assert saved.closed == TODAY


# --- events ---------------------------------------------------------------------------------


def test_create_and_edit_event(ctx: UiContext, partner: Partner, qtbot) -> None:
    screen = EventsScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    screen.activated()
    form = screen.open_new()
    assert isinstance(form, EventForm)
    form.title_edit.setText("Sprachcafé im Bürgerhaus")
    form.district.set_code("kannenstieg")
    form.counts["participants_total"].setValue(20)
    form.counts["participants_women"].setValue(12)
    form.interests.toggle(form.interests.item(0).data(256))
    form.picker.search.setText("Migration")
    form.picker.refresh()
    form.picker.list.setCurrentRow(0)
    form._add_partner()
    assert form.save()
    event = ctx.records.page(Event)[0]
    assert event.participants_total == 20
    assert event.partner_ids == (partner.id,)
    screen.view.selectRow(0)
    edit = screen.open_edit(screen.selected())
    assert edit.chosen.count() == 1
    edit.counts["participants_men"].setValue(30)  # more than the total
    assert not edit.save()
    assert edit._fields["participants_women"].error.isVisible()
    edit.counts["participants_men"].setValue(8)
    assert edit.save()
    assert ctx.records.get(Event, event.id).participants_men == 8


def test_event_title_is_screened(ctx: UiContext, qtbot) -> None:
    form = EventForm(ctx)
    qtbot.addWidget(form)
    form.title_edit.setText("Treffen mit Herrn Schulz")
    form.district.set_code("kannenstieg")
    assert not form.save()
    assert form.pii_panel.isVisibleTo(form)
    assert "Titel" in form.pii_text.text()
    form.discard()


# --- partners -------------------------------------------------------------------------------


def test_create_and_edit_partner(office_ctx: UiContext, qtbot) -> None:
    screen = NetworkScreen(office_ctx)
    qtbot.addWidget(screen)
    screen.show()
    screen.activated()
    form = screen.open_new()
    assert isinstance(form, PartnerForm)
    assert not form.save()
    form.name.setText("Interkultureller Garten Nord")
    form.kind.set_code("verein")
    form.districts.toggle("kannenstieg")
    form.languages.toggle("ar")
    form.topics.toggle("freizeit")
    form.channel.setText("garten@example.org")
    assert form.save()  # organisations may have contact details
    partner = office_ctx.records.page(Partner)[0]
    assert partner.contact_channel == "garten@example.org"
    assert "Interkultureller Garten Nord" in screen.card.text()
    screen.view.selectRow(0)
    edit = screen.open_edit(screen.selected())
    edit.hours.setText("Di 14–18 Uhr")
    assert edit.save()
    assert office_ctx.records.get(Partner, partner.id).opening_hours == "Di 14–18 Uhr"
    duplicate = screen.open_new()
    duplicate.name.setText("interkultureller garten nord")
    assert not duplicate.save()
    assert "gibt es schon" in duplicate._fields["name"].error.text()
    duplicate.discard()
