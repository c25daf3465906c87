"""Datenschutz: the screen shell with three pages — the audit trail (``audit_page``: who did
what, when, to which record — never what it said), the deletion log of the retention rules
(``deletion_page``) and the rules themselves (``retention_page``).

Both logs can be saved as files for the data protection officer (PDF, the audit trail also as
CSV), written off the UI thread to a path the user chose, with the warning that they are not
encrypted (``log_page``). The logs are read anew whenever the screen is shown: every action
elsewhere adds to the audit trail.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from vielfalt_desktop.ui.context import UiContext
from vielfalt_desktop.ui.screens.base import Screen, heading
from vielfalt_desktop.ui.screens.privacy.audit_page import AuditPage
from vielfalt_desktop.ui.screens.privacy.deletion_page import DeletionLogPage
from vielfalt_desktop.ui.screens.privacy.retention_page import RetentionPage


class PrivacyScreen(Screen):
    watches = ()  # the logs are read anew on every visit instead

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.audit_page = AuditPage(ctx)
        self.deletion_page = DeletionLogPage(ctx)
        self.retention_page = RetentionPage(ctx)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Bereiche des Datenschutzes"))
        self.tabs.addTab(self.audit_page, self.tr("P&rüfprotokoll"))
        self.tabs.addTab(self.deletion_page, self.tr("&Löschprotokoll"))
        self.tabs.addTab(self.retention_page, self.tr("&Aufbewahrung"))
        intro = QLabel(
            self.tr(
                "Hier steht, wer wann was getan hat (nur mit Kennungen, nie mit Inhalten), was "
                "nach den Aufbewahrungsfristen gelöscht wurde und wie lange was aufbewahrt wird."
            )
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Datenschutz")))
        layout.addWidget(intro)
        layout.addWidget(self.tabs, 1)
        for page in (self.audit_page, self.deletion_page, self.retention_page):
            page.changed.connect(self.reload_logs)
        self._policy_loaded = False

    def activated(self) -> None:
        # Every action elsewhere adds to the audit trail: read it anew on each visit.
        self._stale = True
        super().activated()

    def reload(self) -> None:
        self.reload_logs()
        if not self._policy_loaded or not self.retention_page.dirty:
            self._policy_loaded = True
            self.retention_page.load()

    def reload_logs(self) -> None:
        if not self.ctx.app.is_open:
            return
        self.audit_page.reload()
        self.deletion_page.reload()
        self.retention_page.show_last_run()

    def state(self) -> dict[str, Any]:
        return {
            "tab": self.tabs.currentIndex(),
            "audit": self.audit_page.state(),
            "retention": self.retention_page.state(),
        }

    def restore(self, state: dict[str, Any]) -> None:
        """Filters, tab and unsaved rules; the logs are read when the screen is shown."""
        self.retention_page.load()
        self._policy_loaded = True
        self.retention_page.restore(state.get("retention", {}))
        self.audit_page.restore(state.get("audit", {}))
        self.tabs.setCurrentIndex(state.get("tab", 0))
