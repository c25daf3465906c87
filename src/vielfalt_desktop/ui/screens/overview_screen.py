"""Übersicht: what is due today or overdue, this month's numbers, and an exchange overdue (the
coordinator: devices without a bundle for too long; a laptop: entries not yet confirmed)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vielfalt_desktop.services.overview import DueList, MonthCounts, sync_warnings
from vielfalt_desktop.services.sync import PeerStatus
from vielfalt_desktop.ui.context import UiContext
from vielfalt_desktop.ui.i18n import fmt_date, fmt_int
from vielfalt_desktop.ui.screens.base import Screen, heading
from vielfalt_desktop.ui.signals import emit

OVERDUE = QColor("#c0392b")
ID_ROLE = Qt.ItemDataRole.UserRole


class Tile(QFrame):
    """One number with its caption."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.number = QLabel("0")
        font = QFont(self.number.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.number.setFont(font)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)
        self.setAccessibleName(caption)

    def set_value(self, value: int) -> None:
        self.number.setText(fmt_int(value))
        self.setAccessibleDescription(str(value))


class OverviewScreen(Screen):
    watches = (
        "contact",
        "referral",
        "referral_status",
        "conflict",
        "intervention",
        "event",
        "peer_status",  # the Synchronisation screen saw the exchange change
    )

    #: open a record on its screen: (screen key, record id)
    open_record = Signal(str, str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.due_list: DueList | None = None
        self.month_counts: MonthCounts | None = None
        self.title = heading(self.tr("Übersicht"))
        self.today_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(12)
        top.addWidget(self.today_label)
        top.addStretch(1)

        # an exchange overdue, in words with a warning icon
        self.sync_warning = QFrame()
        self.sync_warning.setFrameShape(QFrame.Shape.StyledPanel)
        self.sync_warning.setAccessibleName(self.tr("Hinweis zur Synchronisation"))
        icon = QLabel()
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        icon.setPixmap(warning.pixmap(20, 20))
        self.sync_warning_text = QLabel()
        self.sync_warning_text.setWordWrap(True)
        warning_row = QHBoxLayout(self.sync_warning)
        warning_row.setContentsMargins(8, 6, 8, 6)
        warning_row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        warning_row.addWidget(self.sync_warning_text, 1)
        self.sync_warning.setVisible(False)

        self.due_contacts = self._due_list(
            self.tr("Wiedervorlagen aus Kontakten"), self.tr("Themen")
        )
        self.due_referrals = self._due_list(self.tr("Verweise ohne Rückmeldung"), self.tr("Stand"))
        self.due_conflicts = self._due_list(
            self.tr("Konflikte mit fälligem nächsten Schritt"), self.tr("Stand")
        )
        self.due_referrals.setColumnHidden(2, True)  # a referral has no district of its own
        self.due_boxes: dict[str, QGroupBox] = {}
        self.due_hint = QLabel(self.tr("Doppelklick oder Eingabetaste öffnet den Eintrag."))
        self.due_hint.setEnabled(False)

        self.month_title = heading("")
        self.tiles: dict[str, Tile] = {}
        grid = QGridLayout()
        captions = {
            "contacts": self.tr("Kontakte"),
            "pseudonyms": self.tr("Personen mit Pseudonym"),
            "referrals": self.tr("Verweise"),
            "events": self.tr("Veranstaltungen"),
            "event_participants": self.tr("Teilnehmende an Veranstaltungen"),
            "conflicts_opened": self.tr("Konflikte neu gemeldet"),
            "interventions": self.tr("Interventionen"),
            "conflicts_closed": self.tr("Konflikte beigelegt/abgegeben"),
            "open_conflicts": self.tr("Offene Konflikte insgesamt"),
        }
        for number, (key, caption) in enumerate(captions.items()):
            tile = Tile(caption)
            self.tiles[key] = tile
            grid.addWidget(tile, number // 3, number % 3)
        self.districts = QLabel()
        self.districts.setWordWrap(True)
        self.districts.setTextFormat(Qt.TextFormat.RichText)

        left = QVBoxLayout()
        self.due_title = heading(self.tr("Fällig heute und überfällig"))
        left.addWidget(self.due_title)
        for key, tree in (
            ("contacts", self.due_contacts),
            ("referrals", self.due_referrals),
            ("conflicts", self.due_conflicts),
        ):
            box = QGroupBox(tree.accessibleName())
            inner = QVBoxLayout(box)
            inner.setContentsMargins(6, 6, 6, 6)
            inner.addWidget(tree)
            self.due_boxes[key] = box
            left.addWidget(box, 1)
        left.addWidget(self.due_hint)
        right = QVBoxLayout()
        right.addWidget(self.month_title)
        right.addLayout(grid)
        right.addSpacing(8)
        right.addWidget(self.districts)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addSpacing(16)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.sync_warning)
        layout.addLayout(body, 1)

    def reload(self) -> None:
        today = self.ctx.today()
        locale = QLocale(
            QLocale.Language.English if self.ctx.lang == "en" else QLocale.Language.German
        )
        self.today_label.setText(
            self.tr("Heute ist {weekday}, der {date}.").format(
                weekday=locale.dayName(today.isoweekday()), date=fmt_date(today)
            )
        )
        self.due_list = self.ctx.overview.due(today)
        self.month_counts = self.ctx.overview.month(today)
        self._fill_due(self.due_list, today)
        self._fill_month(self.month_counts, locale)
        self._fill_sync_warning()

    def _fill_sync_warning(self) -> None:
        app = self.ctx.app
        warned = sync_warnings(app.sync.peer_status(), office=app.is_office)
        lines = [self.sync_warning_line(status) for status in warned]
        self.sync_warning_text.setText("\n".join(lines))
        self.sync_warning.setAccessibleDescription(" ".join(lines))
        self.sync_warning.setVisible(bool(lines))

    def sync_warning_line(self, status: PeerStatus) -> str:
        name = status.peer.name
        if status.peer.is_office and not self.ctx.app.is_office:
            n = status.unacknowledged
            entries = (
                self.tr("1 Eintrag") if n == 1 else self.tr("{n} Einträge").format(n=fmt_int(n))
            )
            if status.behind and status.days_silent is not None:
                why = self.tr("seit {days} Tagen kein Bündel von dort").format(
                    days=status.days_silent
                )
            elif status.days_unsent is not None:
                why = self.tr("zuletzt gesendet vor {days} Tagen").format(days=status.days_unsent)
            else:
                why = self.tr("noch nie gesendet")
            return self.tr("Noch nicht von {name} bestätigt: {entries} ({why})").format(
                name=name, entries=entries, why=why
            )
        if status.days_silent is None:
            return self.tr("{name}: noch kein Bündel, seit {days} Tagen vertraut").format(
                name=name, days=status.days_trusted
            )
        return self.tr("{name}: seit {days} Tagen kein Bündel").format(
            name=name, days=status.days_silent
        )

    def _due_list(self, name: str, last: str) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setAccessibleName(name)
        tree.setColumnCount(4)
        tree.setHeaderLabels([self.tr("Fällig am"), self.tr("Was"), self.tr("Stadtteil"), last])
        tree.setRootIsDecorated(False)
        tree.setAlternatingRowColors(True)
        tree.setUniformRowHeights(True)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(3, 200)
        tree.itemActivated.connect(self._open)
        tree.itemDoubleClicked.connect(self._open)
        return tree

    def _start(self, key: str, tree: QTreeWidget, shown: int, total: int) -> None:
        tree.clear()
        box = self.due_boxes[key]
        title = tree.accessibleName()
        if total > shown:
            more = self.tr("{total} fällig, die ältesten {n} werden angezeigt").format(
                total=fmt_int(total), n=fmt_int(shown)
            )
            title += f" ({more})"
        else:
            title += f" ({fmt_int(total)})"
        box.setTitle(title)
        if not total:
            item = QTreeWidgetItem(tree, ["", self.tr("Nichts fällig.")])
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)

    def _row(
        self,
        tree: QTreeWidget,
        when: dt.date | None,
        texts: list[str],
        key: str,
        record_id: str,
        today: dt.date,
    ) -> None:
        item = QTreeWidgetItem(tree, [fmt_date(when), *texts])
        item.setData(0, ID_ROLE, (key, record_id))
        item.setToolTip(1, texts[0])
        item.setToolTip(3, texts[2])
        if when is not None and when < today:
            item.setForeground(0, QBrush(OVERDUE))
            item.setToolTip(0, self.tr("überfällig"))

    def _fill_due(self, due: DueList, today: dt.date) -> None:
        labels = self.ctx.labels
        self._start("contacts", self.due_contacts, len(due.contacts), due.contacts_total)
        for c in due.contacts:
            what = self.tr("Kontakt vom {date}").format(date=fmt_date(c.date))
            if c.pseudonym:
                what += f" · {c.pseudonym}"
            self._row(
                self.due_contacts,
                c.follow_up,
                [what, labels.code("district", c.district), labels.codes("topic", c.topics)],
                "contacts",
                c.id,
                today,
            )
        self._start("referrals", self.due_referrals, len(due.referrals), due.referrals_total)
        for r in due.referrals:
            what = self.tr("{partner} – {topic}").format(
                partner=r.partner_name, topic=labels.code("topic", r.topic)
            )
            state = self.tr("{status}, seit {days} Tagen").format(
                status=labels.code("referral_status", r.status), days=r.days_open
            )
            self._row(
                self.due_referrals,
                r.follow_up or r.date,
                [what, "", state],
                "referrals",
                r.id,
                today,
            )
        self._start("conflicts", self.due_conflicts, len(due.conflicts), due.conflicts_total)
        for k in due.conflicts:
            what = labels.codes("conflict_category", k.categories)
            if k.next_step:
                what += " – " + k.next_step.replace("\n", " ")
            self._row(
                self.due_conflicts,
                k.next_step_date,
                [
                    what,
                    labels.code("district", k.district),
                    labels.code("conflict_status", k.status),
                ],
                "conflicts",
                k.id,
                today,
            )

    def _fill_month(self, month: MonthCounts, locale: QLocale) -> None:
        self.month_title.setText(
            self.tr("Dieser Monat: {month} {year}").format(
                month=locale.standaloneMonthName(month.first.month), year=month.first.year
            )
        )
        for key, tile in self.tiles.items():
            tile.set_value(int(getattr(month, key)))
        if month.by_district:
            rows = "".join(
                f"<tr><td>{self.ctx.labels.code('district', code)}</td>"
                f"<td align='right'>&nbsp;&nbsp;{fmt_int(n)}</td></tr>"
                for code, n in month.by_district[:5]
            )
            self.districts.setText(
                "<b>" + self.tr("Kontakte nach Stadtteil") + f"</b><table>{rows}</table>"
            )
        else:
            self.districts.setText(self.tr("In diesem Monat noch keine Kontakte."))

    def _open(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        data = item.data(0, ID_ROLE)
        if data:
            key, record_id = data
            emit(self.open_record, key, record_id)
