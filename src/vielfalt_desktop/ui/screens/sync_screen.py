"""Synchronisation: this device's card, trusted devices, „Synchronisieren“ over the sync
folder, export and import of bundles (by file dialog or drag and drop), the history of bundles
and, for the coordinator, the conflict log.

Export, import and the folder sync run off the UI thread with a busy indicator.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from vielfalt_desktop.domain import messages as msg
from vielfalt_desktop.domain.errors import VielfaltError
from vielfalt_desktop.domain.messages import kind_label, label, role_label
from vielfalt_desktop.domain.records import RECORD_TYPE_BY_KIND
from vielfalt_desktop.services.sync import SyncService
from vielfalt_desktop.ui.auto_sync import FolderSyncJob
from vielfalt_desktop.ui.context import UiContext
from vielfalt_desktop.ui.i18n import error_text, fmt_int, fmt_stamp, message_text
from vielfalt_desktop.ui.screens.base import Screen, heading
from vielfalt_desktop.ui.tasks import Task, run_task
from vielfalt_desktop.ui.widgets.busy import busy_bar
from vielfalt_desktop.ui.widgets.folder_sync_panel import FolderSyncPanel
from vielfalt_desktop.ui.widgets.peer_list import PeerList


def kind_labels() -> dict[str, str]:
    """Record kinds, plural, from the one table in domain.messages (translated)."""
    return {kind: message_text(kind_label(kind)) for kind in msg.KIND_LABELS}


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(name)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], data: list[Any] | None = None) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if data is not None and c == 0:
                item.setData(Qt.ItemDataRole.UserRole, data[r])
            table.setItem(r, c, item)


class SyncScreen(Screen):
    watches = ()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.task: Task | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Synchronisation")))
        self.setAcceptDrops(True)
        self.sync = ctx.app.sync
        self.is_office = ctx.app.is_office

        # this device
        self.me = QLabel()
        self.me.setWordWrap(True)
        self.me.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.card_button = QPushButton(self.tr("Eigene Identitätskarte &speichern …"))
        self.card_button.clicked.connect(self.save_card)
        device = QGroupBox(self.tr("Dieses Gerät"))
        column = QVBoxLayout(device)
        column.addWidget(self.me)
        card_row = QHBoxLayout()
        card_row.addWidget(self.card_button)
        card_row.addStretch(1)
        column.addLayout(card_row)
        column.addStretch(1)

        # trusted devices, with where the exchange with each stands (a laptop: what is safe)
        self.peer_list = PeerList(ctx)
        self.peers = self.peer_list.table
        column.insertWidget(1, self.peer_list.safety)
        self.add_peer_button = QPushButton(self.tr("Identitätskarte &laden …"))
        self.add_peer_button.clicked.connect(self.add_peer)
        self.remove_peer_button = QPushButton(self.tr("Vertrauen ent&ziehen …"))
        self.remove_peer_button.setToolTip(
            self.tr("Für ein verlorenes oder ausgemustertes Gerät: seine Bündel werden abgelehnt.")
        )
        self.remove_peer_button.setEnabled(False)
        self.remove_peer_button.clicked.connect(self.remove_peer)
        self.peers.itemSelectionChanged.connect(self._peer_selection_changed)
        peers = QWidget()
        box = QVBoxLayout(peers)
        box.addWidget(self.peer_list)
        buttons = QHBoxLayout()
        hint = QLabel(
            self.tr(
                "Vertraut wird nur, wessen Fingerabdruck Sie verglichen haben – "
                "am besten am Telefon oder persönlich."
            )
        )
        hint.setWordWrap(True)
        hint.setEnabled(False)
        buttons.addWidget(hint, 1)
        buttons.addWidget(self.remove_peer_button)
        buttons.addWidget(self.add_peer_button)
        box.addLayout(buttons)

        # exchange
        self.target = QComboBox()
        self.target.setAccessibleName(self.tr("Empfänger"))
        self.folder_label = QLabel()
        self.folder_label.setWordWrap(True)
        self.folder_button = QPushButton(self.tr("&Ordner wählen …"))
        self.folder_button.clicked.connect(self.choose_folder)
        self.export_button = QPushButton(self.tr("Bündel &exportieren"))
        self.export_button.clicked.connect(self.export)
        self.import_button = QPushButton(self.tr("Bündel &importieren …"))
        self.import_button.clicked.connect(self.import_dialog)
        drop = QLabel(self.tr("… oder Bündel-Dateien hierher ziehen."))
        drop.setEnabled(False)
        self.busy = busy_bar(self.tr("Synchronisation läuft"))
        self.peer_hint = QLabel(
            self.tr(
                "Noch kein vertrautes Gerät. Zuerst die Identitätskarte der Gegenseite laden "
                "und den Fingerabdruck vergleichen."
            )
        )
        self.peer_hint.setWordWrap(True)
        self.peer_hint.setVisible(False)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # „Synchronisieren“ over the sync folder, on top of the exchange by hand
        self.folder_sync = FolderSyncPanel(ctx)
        self.folder_sync.ended.connect(self.reload)
        exchange = QGroupBox(self.tr("Austausch"))
        form = QFormLayout(exchange)
        form.addRow(self.tr("Über Ordner:"), self.folder_sync)
        form.addRow("", self.peer_hint)
        form.addRow(self.tr("&An:"), self.target)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.folder_button)
        form.addRow(self.tr("Ordner/Laufwerk:"), folder_row)
        export_row = QHBoxLayout()
        export_row.addWidget(self.export_button)
        export_row.addStretch(1)
        form.addRow("", export_row)
        import_row = QHBoxLayout()
        import_row.addWidget(self.import_button)
        import_row.addWidget(drop, 1)
        form.addRow(self.tr("Empfangen:"), import_row)
        form.addRow("", self.busy)
        form.addRow("", self.result)

        # history and conflict log
        self.history = _table(
            [
                self.tr("Zeitpunkt"),
                self.tr("Richtung"),
                self.tr("Gerät"),
                self.tr("Nr."),
                self.tr("Einträge"),
                self.tr("Geändert"),
                self.tr("Datei"),
            ],
            self.tr("Verlauf der Bündel"),
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(peers, self.tr("Vertraute Geräte"))
        self.tabs.addTab(self.history, self.tr("Verlauf"))
        if self.is_office:
            log_box = QWidget()
            log_layout = QVBoxLayout(log_box)
            self.log = _table(
                [
                    self.tr("Zeitpunkt"),
                    self.tr("Art"),
                    self.tr("Feld"),
                    self.tr("Behalten"),
                    self.tr("Überschrieben"),
                ],
                self.tr("Konfliktprotokoll"),
            )
            log_hint = QLabel(
                self.tr(
                    "Gleichzeitige Änderungen desselben Felds: der neuere Wert gilt, der andere "
                    "steht hier zur Prüfung."
                )
            )
            log_hint.setWordWrap(True)
            self.reviewed_button = QPushButton(self.tr("Als &geprüft markieren"))
            self.reviewed_button.clicked.connect(self.mark_reviewed)
            log_layout.addWidget(log_hint)
            log_layout.addWidget(self.log, 1)
            log_buttons = QHBoxLayout()
            log_buttons.addStretch(1)
            log_buttons.addWidget(self.reviewed_button)
            log_layout.addLayout(log_buttons)
            self.tabs.addTab(log_box, self.tr("Konfliktprotokoll"))

        top = QHBoxLayout()
        top.addWidget(device, 2)
        top.addWidget(exchange, 3)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

    # --- data ---------------------------------------------------------------------------

    def reload(self) -> None:
        device = self.ctx.app.device
        try:
            fingerprint = self.sync.identity_card().fingerprint
        except VielfaltError as exc:
            fingerprint = error_text(exc)
        self.me.setText(
            self.tr("{name} ({role})\nFingerabdruck: {fp}").format(
                name=device.name, role=message_text(device.role_label), fp=fingerprint
            )
        )
        peers = [status.peer for status in self.peer_list.reload()]
        current = self.target.currentData()
        self.target.clear()
        for peer in peers:
            self.target.addItem(
                f"{peer.name} ({message_text(role_label(peer.role))})", peer.node_id
            )
        if current is not None:
            self.target.setCurrentIndex(max(0, self.target.findData(current)))
        folder = self.export_folder()
        self.folder_label.setText(str(folder) if folder else self.tr("noch kein Ordner gewählt"))
        self.folder_sync.reload()
        self.export_button.setEnabled(bool(peers) and self.task is None)
        self.peer_hint.setVisible(not peers)
        history = self.sync.history()
        direction = {"in": self.tr("empfangen"), "out": self.tr("gesendet")}
        _fill(
            self.history,
            [
                [
                    fmt_stamp(h.processed_at),
                    direction.get(h.direction, h.direction),
                    h.peer_name,
                    str(h.seq),
                    fmt_int(h.records),
                    fmt_int(h.changed) if h.direction == "in" else "",
                    h.file_name,
                ]
                for h in history
            ],
        )
        if self.is_office:
            entries = self.sync.conflict_log()
            kinds = kind_labels()
            _fill(
                self.log,
                [
                    [
                        fmt_stamp(e.logged_at),
                        kinds.get(e.entity, e.entity),
                        message_text(label(e.field)),
                        e.kept_value,
                        e.lost_value,
                    ]
                    for e in entries
                ],
                entries,
            )
            self.tabs.setTabText(2, self.tr("Konfliktprotokoll ({n})").format(n=len(entries)))
            self.reviewed_button.setEnabled(bool(entries))

    def export_folder(self) -> Path | None:
        text = self.ctx.settings.last("export_dir")
        return Path(text) if text and Path(text).is_dir() else None

    # --- „Synchronisieren“ (the panel) --------------------------------------------------

    def use_folder_job(self, job: FolderSyncJob) -> None:
        self.folder_sync.use_job(job)

    def synchronise(self) -> Task | None:
        return self.folder_sync.synchronise()

    # --- identity and peers -------------------------------------------------------------

    def _card_filter(self) -> str:
        return self.tr("Identitätskarte (*{suffix});;Alle Dateien (*)").format(
            suffix=SyncService.CARD_SUFFIX
        )

    def save_card(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name = self.sync.card_name()
        start = self.export_folder() or Path.home()
        path, _f = QFileDialog.getSaveFileName(
            self, self.tr("Identitätskarte speichern"), str(start / name), self._card_filter()
        )
        if not path:
            return
        try:
            card = self.sync.export_identity(Path(path))
        except (VielfaltError, OSError) as exc:
            text = str(exc) if isinstance(exc, OSError) else error_text(exc)
            QMessageBox.warning(self, self.tr("Nicht gespeichert"), text)
            return
        self.result.setText(
            self.tr("Identitätskarte gespeichert: {path}\nFingerabdruck: {fp}").format(
                path=path, fp=card.fingerprint
            )
        )

    def add_peer(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _f = QFileDialog.getOpenFileName(
            self,
            self.tr("Identitätskarte laden"),
            str(self.export_folder() or Path.home()),
            self._card_filter(),
        )
        if not path:
            return
        try:
            card = self.sync.read_card(Path(path))
            # Refused before the trust question: this device's own card, changed keys.
            self.sync.check_card(card)
        except VielfaltError as exc:
            QMessageBox.warning(self, self.tr("Karte abgelehnt"), error_text(exc))
            return
        role = message_text(role_label(card.role))
        answer = QMessageBox.question(
            self,
            self.tr("Gerät vertrauen?"),
            self.tr(
                "Gerät: {name} ({role})\nFingerabdruck: {fp}\n\nStimmt der Fingerabdruck mit "
                "dem überein, den die Gegenseite nennt (z. B. am Telefon)? Nur dann vertrauen."
            ).format(name=card.name, role=role, fp=card.fingerprint),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.sync.add_peer(card)
        except VielfaltError as exc:
            QMessageBox.warning(self, self.tr("Nicht übernommen"), error_text(exc))
            return
        self.result.setText(
            self.tr("„{name}“ ist jetzt ein vertrautes Gerät.").format(name=card.name)
        )
        self.reload()

    def selected_peer(self) -> Any | None:
        rows = self.peers.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.peers.item(rows[0].row(), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _peer_selection_changed(self) -> None:
        self.remove_peer_button.setEnabled(self.selected_peer() is not None and self.task is None)

    def remove_peer(self) -> None:
        peer = self.selected_peer()
        if peer is None or self.task is not None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Vertrauen entziehen?"),
            self.tr(
                "Dem Gerät „{name}“ nicht mehr vertrauen?\n\nSeine Bündel werden ab jetzt "
                "abgelehnt, und es erhält keine mehr. Was es bisher gesendet hat, bleibt "
                "erhalten. Wieder vertrauen lässt sich nur mit seiner Identitätskarte."
            ).format(name=peer.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.sync.remove_peer(peer.node_id)
        except VielfaltError as exc:
            QMessageBox.warning(self, self.tr("Nicht geändert"), error_text(exc))
            return
        self.result.setText(
            self.tr("„{name}“ ist kein vertrautes Gerät mehr.").format(name=peer.name)
        )
        self.reload()

    # --- export and import --------------------------------------------------------------

    def choose_folder(self) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        start = self.export_folder() or Path.home()
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Ordner oder Laufwerk für Bündel wählen"), str(start)
        )
        if not chosen:
            return None
        self.ctx.settings.remember("export_dir", chosen)
        self.folder_label.setText(chosen)
        return Path(chosen)

    def export(self) -> Task | None:
        peer_id = self.target.currentData()
        if not peer_id or self.task is not None:
            return None
        folder = self.export_folder() or self.choose_folder()
        if folder is None:
            return None
        peer = self.sync.find_peer(peer_id)
        path = self.sync.bundle_path(peer.name, folder)
        sync = self.sync
        return self._run(lambda: sync.export(peer_id, path), self._exported)

    def _exported(self, result: Any) -> None:
        kinds = kind_labels()
        counts = ", ".join(
            f"{fmt_int(n)} {kinds.get(kind, kind)}" for kind, n in result.counts.items() if n
        ) or self.tr("nichts Neues")
        self.result.setText(
            self.tr("Bündel geschrieben: {path}\n{total} Einträge ({counts}).").format(
                path=result.path, total=fmt_int(result.total), counts=counts
            )
        )

    def import_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        paths, _f = QFileDialog.getOpenFileNames(
            self,
            self.tr("Bündel importieren"),
            str(self.export_folder() or Path.home()),
            self.tr("Vielfalt-Bündel (*{suffix});;Alle Dateien (*)").format(
                suffix=SyncService.BUNDLE_SUFFIX
            ),
        )
        if paths:
            self.import_files([Path(p) for p in paths])

    def import_files(self, paths: list[Path]) -> Task | None:
        if self.task is not None or not paths:
            return None
        sync = self.sync

        def work() -> list[Any]:
            results: list[Any] = []
            for path in paths:
                try:
                    results.append(sync.import_file(path))
                except VielfaltError as exc:
                    results.append(exc)
            return results

        return self._run(work, self._imported)

    def _imported(self, results: list[Any]) -> None:
        lines = []
        for result in results:
            if isinstance(result, VielfaltError):
                lines.append(self.tr("Abgelehnt – {message}").format(message=error_text(result)))
            elif result.already_known:
                lines.append(
                    self.tr("{file}: schon importiert, nichts geändert.").format(
                        file=result.path.name
                    )
                )
            else:
                line = self.tr("{file} von {sender}: {n} Einträge, {changed} geändert.").format(
                    file=result.path.name,
                    sender=result.sender_name,
                    n=fmt_int(result.records),
                    changed=fmt_int(result.changed),
                )
                if result.problems:
                    line += " " + self.tr("Prüfung meldet Probleme: {p}").format(
                        p="; ".join(result.problems)
                    )
                lines.append(line)
        self.result.setText("\n".join(lines))
        if any(getattr(r, "vocabulary_changed", False) for r in results):
            # The core already re-read its vocabularies; labels use them at once.
            self.ctx.announce_vocabulary()
        for kind in RECORD_TYPE_BY_KIND:
            self.ctx.announce(kind)

    def _run(self, work: Any, done: Any) -> Task:
        self.busy.setVisible(True)
        for button in (
            self.export_button,
            self.import_button,
            self.add_peer_button,
            self.remove_peer_button,
        ):
            button.setEnabled(False)
        self.result.setText(self.tr("Bitte warten …"))

        def succeeded(result: Any) -> None:
            done(result)
            self._finished()

        def failed(error: BaseException) -> None:
            self._failed(error)
            self._finished()

        self.task = run_task(work, done=succeeded, failed=failed)
        return self.task

    def _failed(self, error: BaseException) -> None:
        self.result.setText(self.tr("Fehlgeschlagen: {message}").format(message=error_text(error)))

    def _finished(self) -> None:
        self.task = None
        self.busy.setVisible(False)
        self.import_button.setEnabled(True)
        self.add_peer_button.setEnabled(True)
        self.reload()
        self._peer_selection_changed()

    def mark_reviewed(self) -> None:
        row = self.log.currentRow()
        item = self.log.item(row, 0) if row >= 0 else None
        entry = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if entry is None:
            return
        self.sync.mark_reviewed(entry.id)
        self.reload()

    # --- drag and drop ------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if urls and all(u.isLocalFile() for u in urls):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)
