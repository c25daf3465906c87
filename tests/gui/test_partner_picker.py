"""The referral form's partner list: suggestions for the topic, else the directory from A."""

from __future__ import annotations

from collections.abc import Callable

from vielfalt_desktop.domain.records import Partner
from vielfalt_desktop.ui.context import UiContext
from vielfalt_desktop.ui.forms.referral_form import ReferralForm


def _names(form: ReferralForm) -> list[str]:
    items = (form.partner.list.item(row) for row in range(form.partner.list.count()))
    return [item.data(256).name for item in items]


def test_suggestions_for_the_topic_else_the_whole_directory(
    ctx: UiContext, partner: Partner, directory: Callable[..., list[Partner]], qtbot
) -> None:
    # The laptop's directory comes from the coordinator.
    (fresh,) = directory(Partner(name="Alte Feuerwache", partner_kind="verein"))
    form = ReferralForm(ctx)
    qtbot.addWidget(form)

    form.partner.set_context(("arbeit",), None)
    assert _names(form) == ["Migrationsberatung Magdeburg"]
    assert "Vorschläge zum Thema" in form.partner.hint.text()

    # No partner offers this topic: the directory is shown, the new partner included.
    form.partner.set_context(("wohnen",), None)
    assert _names(form) == ["Alte Feuerwache", "Migrationsberatung Magdeburg"]
    assert "Alle Organisationen" in form.partner.hint.text()
    form.partner.list.setCurrentRow(0)
    assert form.partner.value() == fresh.id
    form.discard()


def test_an_empty_directory_says_so(ctx: UiContext, qtbot) -> None:
    form = ReferralForm(ctx)
    qtbot.addWidget(form)
    form.partner.set_context((), None)
    assert form.partner.list.count() == 0
    assert "noch leer" in form.partner.hint.text()
    form.discard()
