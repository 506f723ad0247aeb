"""The reminders in Vandaag: what is due now. "Gedaan…" opens what finishes the work (the
action's completion, the visit's outcome, the case's review: ``ui.work_closer``); "Later
herinneren" (snooze) and "Verbergen" (dismiss) only move the reminder, the work stays open.

A small widget for the Vandaag page. It shows the reminders the ``ReminderCenter`` says are
due, a banner for a failed automatic backup (until the next good one), a notice when the
clock was turned back, and after an unlock what fell due while the program was closed.
It holds only reminders (kind, reference, time, area): no case content.

Embedding (on the Vandaag page)::

    panel = ReminderPanel(self)
    layout.addWidget(panel)
    panel.bind(center)            # the window's ReminderCenter
    panel.finish_requested.connect(...)   # a Reminder: open what finishes its work
    panel.open_requested.connect(...)     # a Reminder: show its record
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QAction, QFont, QFontMetrics, QPainter, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.services.autobackup import AutoBackupStatus
from sociaalveilig.services.reminder_rules import Reminder, format_moment, snooze_choices
from sociaalveilig.services.reminder_state import ReminderSync

from sociaalveilig.ui.menu_button import MenuButton
from sociaalveilig.ui.scheduler import ReminderCenter

KEY_ROLE = Qt.ItemDataRole.UserRole
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 1
COL_KIND = 0
PADDING = 4
_WRAP = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop

AnyIndex = QModelIndex | QPersistentModelIndex


class ReminderDelegate(QStyledItemDelegate):
    """Two lines per reminder, wrapped to the list's width: the kind in bold, below it
    reference, case, area and time. The panel is narrow; nothing is cut off."""

    @staticmethod
    def parts(index: AnyIndex) -> tuple[str, str]:
        head = index.data(Qt.ItemDataRole.DisplayRole)
        detail = index.data(DETAIL_ROLE)
        return (head if isinstance(head, str) else ""), (detail if isinstance(detail, str) else "")

    @staticmethod
    def _bold(font: QFont) -> QFont:
        bold = QFont(font)
        bold.setBold(True)
        return bold

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        view = option.widget  # type: ignore[attr-defined]
        width = option.rect.width()  # type: ignore[attr-defined]
        if isinstance(view, QAbstractItemView):
            width = view.viewport().width()
        return max(40, width - 2 * PADDING)

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        head, detail = self.parts(index)
        width = self._text_width(option)
        font = option.font  # type: ignore[attr-defined]
        bounds = QRect(0, 0, width, 100_000)
        height = QFontMetrics(self._bold(font)).boundingRect(bounds, _WRAP, head).height()
        if detail:
            height += QFontMetrics(font).boundingRect(bounds, _WRAP, detail).height()
        return QSize(width + 2 * PADDING, height + 2 * PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # type: ignore[attr-defined]
        widget = opt.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else QApplication.style()
        # Background, alternating colour, selection and focus as the style draws them.
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        head, detail = self.parts(index)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = opt.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)  # type: ignore[attr-defined]
        painter.save()
        painter.setPen(opt.palette.color(role))  # type: ignore[attr-defined]
        bold = self._bold(opt.font)  # type: ignore[attr-defined]
        painter.setFont(bold)
        used = painter.boundingRect(rect, _WRAP, head)
        painter.drawText(rect, _WRAP, head)
        if detail:
            rect.setTop(used.bottom() + 1)
            painter.setFont(opt.font)  # type: ignore[attr-defined]
            painter.drawText(rect, _WRAP, detail)
        painter.restore()


class ReminderList(QTreeWidget):
    """One column of two-line reminders that wrap to the width; no horizontal scrolling."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(1)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.header().setStretchLastSection(True)
        self._delegate = ReminderDelegate(self)
        self.setItemDelegate(self._delegate)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            # Row heights depend on the width (wrapped text): lay the rows out again.
            self.scheduleDelayedItemsLayout()


class ReminderPanel(QWidget):
    snooze_requested = Signal(str, object)  # key, datetime (local)
    hide_requested = Signal(str)  # key: dismissed until its work changes
    finish_requested = Signal(object)  # Reminder: open what finishes its work
    open_requested = Signal(object)  # Reminder: show the record it is about

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderPanel")
        self._now: Callable[[], datetime] = datetime.now
        self._reminders: dict[str, Reminder] = {}
        self._center: ReminderCenter | None = None

        self.title = QLabel(self.tr("<b>Herinneringen</b>"), self)
        self.backup_banner = QLabel(self)
        self.backup_banner.setObjectName("backupWarning")
        self.backup_banner.setWordWrap(True)
        self.backup_banner.setStyleSheet(
            "QLabel { background: #fde2e1; color: #7a1410; padding: 6px; border-radius: 3px; }"
        )
        self.backup_banner.hide()
        self.notice_label = QLabel(self)
        self.notice_label.setObjectName("reminderNotice")
        self.notice_label.setWordWrap(True)
        self.notice_label.setStyleSheet(
            "QLabel { background: #fff4ce; color: #5c4400; padding: 6px; border-radius: 3px; }"
        )
        self.notice_label.hide()

        self._build_catch_up()
        self.list = ReminderList(self)
        self.list.setObjectName("reminderList")
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.list.itemActivated.connect(self._item_activated)
        self.empty_label = QLabel(self.tr("Geen herinneringen op dit moment."), self)
        self.empty_label.setObjectName("reminderEmpty")
        self.empty_label.setWordWrap(True)

        buttons = self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.backup_banner)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.catch_up_box)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(buttons)
        self._update_buttons()
        self._update_empty()

    def _build_catch_up(self) -> None:
        """What came due while the program was closed, until it is marked seen."""
        self.catch_up_box = QWidget(self)
        self.catch_up_box.setObjectName("catchUp")
        self.catch_up_label = QLabel(self.catch_up_box)
        self.catch_up_label.setWordWrap(True)
        self.catch_up_list = ReminderList(self.catch_up_box)
        self.catch_up_list.setObjectName("catchUpList")
        self.catch_up_list.setMaximumHeight(self.fontMetrics().height() * 12)
        self.catch_up_seen = QPushButton(self.tr("&Gezien"), self.catch_up_box)
        self.catch_up_seen.setObjectName("catchUpSeen")
        self.catch_up_seen.clicked.connect(self.hide_catch_up)
        box = QVBoxLayout(self.catch_up_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.catch_up_label)
        box.addWidget(self.catch_up_list)
        seen_row = QHBoxLayout()
        seen_row.addStretch(1)
        seen_row.addWidget(self.catch_up_seen)
        box.addLayout(seen_row)
        self.catch_up_box.hide()

    def _build_buttons(self) -> QVBoxLayout:
        # A button with a menu: its text and arrow never overlap (ui/menu_button.py).
        self.snooze_button = MenuButton(self.tr("&Later herinneren"), self)
        self.snooze_button.setObjectName("snoozeButton")
        self.snooze_button.setToolTip(
            self.tr("Herinnert later opnieuw; het werk zelf blijft open.")
        )
        self.snooze_menu = QMenu(self.snooze_button)
        self.snooze_menu.aboutToShow.connect(self._fill_snooze_menu)
        self.snooze_button.setMenu(self.snooze_menu)
        self.done_button = QPushButton(self.tr("&Gedaan…"), self)
        self.done_button.setObjectName("doneButton")
        self.done_button.setToolTip(
            self.tr(
                "Rondt het werk af: de actie met een kort resultaat, de uitkomst van het "
                "huisbezoek, de evaluatie van de casus."
            )
        )
        self.done_button.clicked.connect(self.finish_selected)
        self.hide_button = QPushButton(self.tr("&Verbergen"), self)
        self.hide_button.setObjectName("hideButton")
        self.hide_button.setToolTip(
            self.tr(
                "Verbergt alleen de herinnering tot het werk verandert; het werk blijft open "
                "en blijft in Te laat staan."
            )
        )
        self.hide_button.clicked.connect(self.hide_selected)
        self.open_button = QPushButton(self.tr("&Openen"), self)
        self.open_button.setObjectName("openButton")
        self.open_button.setToolTip(self.tr("Toont het huisbezoek, de casus of het overleg."))
        self.open_button.clicked.connect(self.open_selected)

        # Two rows: the panel is narrow. What ends the work first, then what only moves
        # the reminder.
        buttons = QVBoxLayout()
        work_row = QHBoxLayout()
        work_row.addWidget(self.done_button)
        work_row.addWidget(self.open_button)
        work_row.addStretch(1)
        reminder_row = QHBoxLayout()
        reminder_row.addWidget(self.snooze_button)
        reminder_row.addWidget(self.hide_button)
        reminder_row.addStretch(1)
        buttons.addLayout(work_row)
        buttons.addLayout(reminder_row)
        # Tab goes as the buttons read: what ends the work first.
        QWidget.setTabOrder(self.list, self.done_button)
        QWidget.setTabOrder(self.done_button, self.open_button)
        QWidget.setTabOrder(self.open_button, self.snooze_button)
        QWidget.setTabOrder(self.snooze_button, self.hide_button)
        return buttons

    # ------------------------------------------------------------------ wiring

    def bind(self, center: ReminderCenter) -> None:
        """Show what the center reports; send snooze and done to it (once per center)."""
        if center is self._center:
            return
        if self._center is not None:
            self._unbind(self._center)
        self._center = center
        self._now = center.now
        center.reminders_changed.connect(self.set_reminders)
        center.caught_up.connect(self.show_catch_up)
        center.notice.connect(self.set_notice)
        center.backup_status_changed.connect(self.set_backup_status)
        center.cleared.connect(self.clear)
        self.snooze_requested.connect(center.snooze)
        self.hide_requested.connect(center.done)
        if center.last_sync is not None:
            self.set_reminders(center.last_sync.active)
        self.set_backup_status(center.backup_status)

    def _unbind(self, center: ReminderCenter) -> None:
        center.reminders_changed.disconnect(self.set_reminders)
        center.caught_up.disconnect(self.show_catch_up)
        center.notice.disconnect(self.set_notice)
        center.backup_status_changed.disconnect(self.set_backup_status)
        center.cleared.disconnect(self.clear)
        self.snooze_requested.disconnect(center.snooze)
        self.hide_requested.disconnect(center.done)

    def set_clock(self, now: Callable[[], datetime]) -> None:
        self._now = now

    # ------------------------------------------------------------------ showing

    @staticmethod
    def _item(reminder: Reminder) -> QTreeWidgetItem:
        """The kind on the first line; reference, case, area and time (``text``) below."""
        item = QTreeWidgetItem([reminder.title])
        item.setData(COL_KIND, KEY_ROLE, reminder.key)
        item.setData(COL_KIND, DETAIL_ROLE, reminder.text)
        item.setToolTip(COL_KIND, reminder.advice)
        # Screen readers get both lines.
        item.setData(
            COL_KIND, Qt.ItemDataRole.AccessibleTextRole, f"{reminder.title}. {reminder.text}"
        )
        return item

    def set_reminders(self, items: Sequence[Reminder]) -> None:
        selected = self.selected_key()
        self.list.clear()
        self._reminders = {r.key: r for r in items}
        for reminder in items:
            item = self._item(reminder)
            self.list.addTopLevelItem(item)
            if reminder.key == selected:
                item.setSelected(True)
                self.list.setCurrentItem(item)
        self._update_buttons()
        self._update_empty()

    def _update_title(self) -> None:
        count = len(self._reminders)
        self.title.setText(
            self.tr("<b>Herinneringen ({n})</b>").format(n=count)
            if count
            else self.tr("<b>Herinneringen</b>")
        )

    def show_catch_up(self, result: ReminderSync) -> None:
        items = result.caught_up
        if not items:
            return
        since = format_moment(result.since) if result.since is not None else ""
        missed = len(result.missed)
        text = self.tr(
            "Terwijl Sociaal Veilig dicht was (sinds {since}) vielen {n} herinneringen; "
            "{missed} daarvan zijn intussen voorbij."
        ).format(since=since, n=len(items), missed=missed)
        self.catch_up_label.setText(text)
        self.catch_up_list.clear()
        for reminder in items:
            self.catch_up_list.addTopLevelItem(self._item(reminder))
        self.catch_up_box.show()

    def hide_catch_up(self) -> None:
        self.catch_up_list.clear()
        self.catch_up_box.hide()

    def set_notice(self, text: str | None) -> None:
        self.notice_label.setText(text or "")
        self.notice_label.setVisible(bool(text))

    def set_backup_status(self, status: AutoBackupStatus | None) -> None:
        warning = status.warning if status is not None else None
        self.set_backup_warning(warning)

    def set_backup_warning(self, text: str | None) -> None:
        self.backup_banner.setText(text or "")
        self.backup_banner.setVisible(bool(text))

    def clear(self) -> None:
        """Lock: nothing stays in the widget."""
        self.list.clear()
        self._reminders = {}
        self.hide_catch_up()
        self.set_notice(None)
        self.set_backup_warning(None)
        self._update_buttons()
        self._update_empty()

    def _update_empty(self) -> None:
        self.empty_label.setVisible(not self._reminders)
        self._update_title()

    # ------------------------------------------------------------------ acting

    def reminders(self) -> list[Reminder]:
        return list(self._reminders.values())

    def selected_key(self) -> str | None:
        items = self.list.selectedItems()
        if not items:
            return None
        key = items[0].data(COL_KIND, KEY_ROLE)
        return key if isinstance(key, str) else None

    def select(self, key: str) -> bool:
        for row in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(row)
            if item is not None and item.data(COL_KIND, KEY_ROLE) == key:
                self.list.setCurrentItem(item)
                item.setSelected(True)
                return True
        return False

    def _selected(self) -> Reminder | None:
        key = self.selected_key()
        return self._reminders.get(key) if key else None

    def _update_buttons(self) -> None:
        reminder = self._selected()
        for button in (self.snooze_button, self.done_button, self.hide_button, self.open_button):
            button.setEnabled(reminder is not None)

    def snooze_options(self) -> list[tuple[str, datetime]]:
        reminder = self._selected()
        return snooze_choices(reminder, self._now()) if reminder is not None else []

    def _fill_snooze_menu(self) -> None:
        self.snooze_menu.clear()
        options = self.snooze_options()
        if not options:
            action = QAction(self.tr("Kan niet meer worden uitgesteld"), self.snooze_menu)
            action.setEnabled(False)
            self.snooze_menu.addAction(action)
            return
        for label, moment in options:
            action = QAction(label, self.snooze_menu)
            action.triggered.connect(lambda _checked=False, m=moment: self.snooze_selected(m))
            self.snooze_menu.addAction(action)

    def snooze_selected(self, until: datetime) -> None:
        key = self.selected_key()
        if key is not None:
            self.snooze_requested.emit(key, until)

    def hide_selected(self) -> None:
        """Only the reminder goes (until its work changes); the work stays open."""
        key = self.selected_key()
        if key is not None:
            self.hide_requested.emit(key)

    def finish_selected(self) -> None:
        reminder = self._selected()
        if reminder is not None:
            self.finish_requested.emit(reminder)

    def _item_activated(self, _item: QTreeWidgetItem, _column: int) -> None:
        self.open_selected()

    def open_selected(self) -> None:
        reminder = self._selected()
        if reminder is not None:
            self.open_requested.emit(reminder)


__all__ = ["ReminderPanel"]
