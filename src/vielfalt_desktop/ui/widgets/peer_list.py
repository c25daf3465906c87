"""The trusted devices on the Synchronisation screen, with where the exchange with each stands.

For every device: its last bundle received here, our last bundle for it, how far it has
confirmed ours, how many records it has not yet confirmed, and a warning in words (with an
icon) once no bundle came for longer than the warning period, which the spin box sets. A
laptop also gets a short panel of what is safe: what the coordinator confirmed and what is
still only on this laptop.

All of it comes from ``SyncService.peer_status()``; the table rows carry each device's
``PeerInfo`` (column 0, UserRole), as the screen's remove action expects.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vielfalt_desktop.domain.messages import kind_label, role_label
from vielfalt_desktop.services.sync import MAX_WARN_DAYS, MIN_WARN_DAYS, PeerStatus
from vielfalt_desktop.ui.context import UiContext
from vielfalt_desktop.ui.i18n import fmt_date, fmt_int, fmt_stamp, message_text

WARNING = QColor("#a04000")

#: columns of the device table
NAME, ROLE, FINGERPRINT, TRUSTED, RECEIVED, SENT, CONFIRMED, OPEN, NOTE = range(9)


def fmt_moment(moment: dt.datetime | None) -> str:
    return fmt_stamp(moment.isoformat()) if moment is not None else ""


def fmt_day(text: str) -> str:
    """The local day of a stored ISO time, TT.MM.JJJJ."""
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return text
    return fmt_date(moment.astimezone().date() if moment.tzinfo else moment.date())


class PeerList(QWidget):
    """The device table with its warning setting; ``safety`` is the laptop's panel, placed by
    the screen next to this device's details."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sync = ctx.app.sync
        self.is_office = ctx.app.is_office
        self.statuses: list[PeerStatus] = []
        self._shown: object = None

        headers = [
            self.tr("Gerät"),
            self.tr("Rolle"),
            self.tr("Fingerabdruck"),
            self.tr("Vertraut seit"),
            self.tr("Letztes Bündel"),
            self.tr("Zuletzt gesendet"),
            self.tr("Bestätigt bis"),
            self.tr("Unbestätigt"),
            self.tr("Hinweis"),
        ]
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setAccessibleName(self.tr("Vertraute Geräte"))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for column, tip in (
            (RECEIVED, self.tr("Wann das letzte Bündel dieses Geräts hier eingelesen wurde")),
            (SENT, self.tr("Wann zuletzt ein Bündel für dieses Gerät geschrieben wurde")),
            (CONFIRMED, self.tr("Unser letztes Bündel, das das Gerät vollständig bestätigt hat")),
            (OPEN, self.tr("Einträge, die das Gerät noch nicht bestätigt hat (ohne Protokolle)")),
        ):
            if (item := self.table.horizontalHeaderItem(column)) is not None:
                item.setToolTip(tip)

        # the warning period
        self.warn_days = QSpinBox()
        self.warn_days.setRange(MIN_WARN_DAYS, MAX_WARN_DAYS)
        self.warn_days.setKeyboardTracking(False)  # saved on Enter, arrows or leaving the box
        self.warn_days.setAccessibleName(self.tr("Warnen nach … Tagen ohne Bündel"))
        self.warn_days.valueChanged.connect(self._warn_days_changed)
        warn_label = QLabel(self.tr("&Warnen nach"))
        warn_label.setBuddy(self.warn_days)
        warn_after = QLabel(self.tr("Tagen ohne Bündel"))

        # who is behind, in words
        self.summary_icon = QLabel()
        self.summary_icon.setPixmap(self._warning_icon().pixmap(16, 16))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.summary_icon)
        top.addWidget(self.summary, 10)
        top.addStretch(1)  # keeps the spin box its own size while the summary is hidden
        top.addSpacing(12)
        top.addWidget(warn_label)
        top.addWidget(self.warn_days)
        top.addWidget(warn_after)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

        # a laptop: what is safe, what is still only here
        self.safety = QFrame()
        self.safety.setFrameShape(QFrame.Shape.StyledPanel)
        self.safety_icon = QLabel()
        self.safety_text = QLabel()
        self.safety_text.setWordWrap(True)
        self.safety_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout(self.safety)
        row.setContentsMargins(8, 6, 8, 6)
        row.addWidget(self.safety_icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.safety_text, 1)
        self.safety.setAccessibleName(self.tr("Stand der Bestätigung"))
        self.safety.setVisible(False)

    def _warning_icon(self) -> QIcon:
        return self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)

    # --- data ---------------------------------------------------------------------------

    def reload(self) -> list[PeerStatus]:
        """Read every device's status anew; returns them (by name, as the table shows them)."""
        self.statuses = self.sync.peer_status()
        warn = self.sync.warn_days()
        self.warn_days.blockSignals(True)
        self.warn_days.setValue(warn)
        self.warn_days.blockSignals(False)
        self.table.setRowCount(len(self.statuses))
        for number, status in enumerate(self.statuses):
            self._fill_row(number, status)
        behind = [s.peer.name for s in self.statuses if s.behind]
        self.summary.setText(
            self.tr("Länger als {days} Tage ohne Bündel: {names}").format(
                days=warn, names=", ".join(behind)
            )
            if behind
            else ""
        )
        self.summary.setVisible(bool(behind))
        self.summary_icon.setVisible(bool(behind))
        self._fill_safety()
        # The Übersicht warns too: tell it when something it shows changed.
        shown = [(s.peer.node_id, s.behind, s.waiting, s.unacknowledged) for s in self.statuses]
        if shown != self._shown:
            self._shown = shown
            self.ctx.announce("peer_status")
        return self.statuses

    def _fill_row(self, number: int, status: PeerStatus) -> None:
        peer = status.peer
        texts = {
            NAME: peer.name,
            ROLE: message_text(role_label(peer.role)),
            FINGERPRINT: peer.fingerprint,
            TRUSTED: fmt_day(peer.added_at),
            RECEIVED: fmt_moment(status.last_received) or self.tr("noch keins"),
            SENT: fmt_moment(status.last_sent) or self.tr("noch nie"),
            CONFIRMED: self.confirmed_cell(status),
            OPEN: fmt_int(status.unacknowledged),
            NOTE: self.note_text(status),
        }
        for column, text in texts.items():
            item = QTableWidgetItem(text)
            if column == NAME:
                item.setData(Qt.ItemDataRole.UserRole, peer)
            if column == CONFIRMED:
                item.setToolTip(self.confirmed_text(status))
            if column == OPEN:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(self.open_details(status))
            if column == NOTE and text:
                item.setIcon(self._warning_icon())
                item.setForeground(QBrush(WARNING))
                item.setToolTip(text)
            self.table.setItem(number, column, item)

    def confirmed_cell(self, status: PeerStatus) -> str:
        """How far it confirmed ours, short: the time of that bundle (or our rev)."""
        if status.acked_at is not None:
            return fmt_moment(status.acked_at)
        return self.confirmed_text(status)

    def confirmed_text(self, status: PeerStatus) -> str:
        if status.acked_at is not None:
            return self.tr("Bündel vom {when}").format(when=fmt_moment(status.acked_at))
        if status.acked_rev > 0:
            return self.tr("Stand {rev}").format(rev=fmt_int(status.acked_rev))
        return self.tr("noch nichts")

    def note_text(self, status: PeerStatus) -> str:
        """The warning in words ("" if none): no bundle for too long, or entries waiting."""
        if status.behind:
            if status.days_silent is None:
                return self.tr("noch nie ein Bündel")
            return self.tr("seit {days} Tagen kein Bündel").format(days=status.days_silent)
        if status.waiting:
            if status.days_unsent is None:
                return self.tr("noch nie etwas gesendet")
            return self.tr("seit {days} Tagen nichts gesendet").format(days=status.days_unsent)
        return ""

    def open_details(self, status: PeerStatus) -> str:
        """The unconfirmed entries by kind, for the tooltip of the count."""
        parts = [
            f"{fmt_int(n)} {message_text(kind_label(kind))}" for kind, n in status.by_kind.items()
        ]
        if not parts:
            return self.tr("Alles bestätigt.")
        return self.tr("Ginge mit dem nächsten Bündel mit: {parts}").format(parts=", ".join(parts))

    def _fill_safety(self) -> None:
        coordinators = [s for s in self.statuses if s.peer.is_office]
        self.safety.setVisible(not self.is_office and bool(coordinators))
        if self.is_office or not coordinators:
            return
        lines = [self.safety_line(status) for status in coordinators]
        self.safety_text.setText("\n".join(lines))
        waiting = any(s.waiting or s.behind for s in coordinators)
        icon = (
            self._warning_icon()
            if waiting
            else self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        )
        self.safety_icon.setPixmap(icon.pixmap(16, 16))
        self.safety.setAccessibleDescription(self.safety_text.text())

    def safety_line(self, status: PeerStatus) -> str:
        """„Von der Koordination bestätigt: …“ and „Nur auf diesem Laptop: N Einträge“."""
        if status.acked_at is not None:
            confirmed = self.tr("alles bis {when}").format(when=fmt_moment(status.acked_at))
        elif status.acked_rev > 0:
            confirmed = self.tr("alles bis Stand {rev}").format(rev=fmt_int(status.acked_rev))
        else:
            confirmed = self.tr("noch nichts")
        n = status.unacknowledged
        if n == 0:
            only_here = self.tr("nichts")
        elif n == 1:
            only_here = self.tr("1 Eintrag")
        else:
            only_here = self.tr("{n} Einträge").format(n=fmt_int(n))
        note = self.note_text(status)
        if note:
            only_here += f" – {note}"
        return "\n".join(
            (
                self.tr("Von {name} bestätigt: {confirmed}").format(
                    name=status.peer.name, confirmed=confirmed
                ),
                self.tr("Nur auf diesem Laptop: {only}").format(only=only_here),
            )
        )

    # --- the setting --------------------------------------------------------------------

    def _warn_days_changed(self, days: int) -> None:
        self.sync.set_warn_days(days)
        self.reload()
