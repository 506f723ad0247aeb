"""The main window: navigation on the left, the pages on the right, the status bar below.

The window never shows case content in its title. It owns the lock: Ctrl+L or the idle
timer empties every page (``set_context(None)``), clears the program's clipboard content,
closes the store and shows the unlock dialog; unlocking returns to the page the user was on.

On a centre (``services.remote``) the window has no store folder: the status bar names
the centre, locking and quitting end the session, the sign-in is the centre's, a bar at the
top says when the centre cannot be reached (``centre_bar``), and a session the centre
ended brings the sign-in back without closing what the user was typing in.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.core.enums import Role
from sociaalveilig.services import desk, reference_data, remote, setup, signal_intake
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.live import ChangeBatch

from sociaalveilig.ui import errors, operations
from sociaalveilig.ui.centre_address import CentreAddress
from sociaalveilig.ui.centre_bar import CentreBar
from sociaalveilig.ui.centre_sign_in import CentreSignInDialog
from sociaalveilig.ui.centre_watch import CentreWatch
from sociaalveilig.ui.clipboard import SecureClipboard, secure_clipboard, set_secure_clipboard
from sociaalveilig.ui.dialogs.change_passphrase import ChangePassphraseDialog
from sociaalveilig.ui.idle_lock import IdleLock
from sociaalveilig.ui.language_dialog import language_action
from sociaalveilig.ui.live_feed import LiveFeed
from sociaalveilig.ui.pages import page_classes
from sociaalveilig.ui.pages.base import Page
from sociaalveilig.ui.record_link import RecordKind, RecordLink
from sociaalveilig.ui.settings import UiSettings
from sociaalveilig.ui.unlock_dialog import UnlockDialog

WINDOW_TITLE = "Sociaal Veilig Parkstad"
DEFAULT_SIZE = QSize(1280, 720)
# Room the window manager takes around the window (title bar, borders), and the width up to
# which a first window simply fills the screen.
FRAME_ALLOWANCE = QSize(16, 40)
FILL_SCREEN_BELOW_WIDTH = 1600
STORE_NAME_MAX = 44

# Where a user starts when no page is remembered yet: the beheerder sets up the program,
# the manager reads figures; the others start at Vandaag (the first page).
START_PAGES: dict[Role, str] = {Role.BEHEERDER: "AdminPage", Role.MANAGER: "ReportsPage"}


def default_store_folder() -> Path | None:
    try:
        from sociaalveilig.storage.location import default_store_dir

        return default_store_dir()
    except Exception:  # the status bar must not fail on a missing platform folder
        return None


def store_short_name(folder: Path, home: Path | None = None, default: Path | None = None) -> str:
    """A short, recognisable name for the store folder in the status bar.

    The standard folder is "standaardmap"; any other folder is its path with the home
    folder as ``~`` and, when long, only its last parts (``…/demo-x/opslag``): a bare
    "opslag" says nothing, and two stores (a restored copy, the demo) must be told apart.
    """
    try:
        if default is not None and folder.resolve() == default.resolve():
            return QCoreApplication.translate("MainWindow", "standaardmap")
    except OSError:
        pass
    home = home if home is not None else Path.home()
    text = str(folder)
    with suppress(ValueError):
        text = str(Path("~") / folder.relative_to(home))
    for keep in (2, 1):
        if len(text) <= STORE_NAME_MAX or len(folder.parts) <= keep:
            break
        text = str(Path("…", *folder.parts[-keep:]))
    if len(text) > STORE_NAME_MAX:
        text = "…" + text[-(STORE_NAME_MAX - 1) :]
    return text


class LockedPlaceholder(QWidget):
    """What the window shows while locked: no data, only the fact."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        label = QLabel(self.tr("Vergrendeld. Meld u opnieuw aan om verder te werken."), self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(label)


class MainWindow(QMainWindow):
    """Holds the pages; ``locked`` / ``unlocked(ctx)`` tell other parts (the reminder
    scheduler) when the store closes and opens."""

    locked = Signal()
    unlocked = Signal(object)  # ServiceContext
    # Data changed somewhere in the window (a page or a dialog of the window): the pages
    # were marked stale; the reminders re-sync on it.
    work_changed = Signal()

    def __init__(
        self,
        ctx: ServiceContext,
        settings: UiSettings | None = None,
        clipboard: SecureClipboard | None = None,
        pages: Sequence[type[Page]] | None = None,
        idle_lock: IdleLock | None = None,
        *,
        centre: CentreAddress | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr(WINDOW_TITLE))
        self._ctx: ServiceContext | None = ctx
        self._on_centre = remote.is_remote(ctx)
        # A centre has no folder on this computer (and a RemoteContext no store).
        self._folder = None if self._on_centre else desk.store_folder(ctx)
        self._username = ctx.actor.username
        self._display_name = ctx.actor.display_name
        self._role = ctx.actor.role
        self._clock = ctx.clock
        self.settings = settings if settings is not None else UiSettings()
        self.settings.set_user(ctx.actor.username)
        self.clipboard = clipboard if clipboard is not None else secure_clipboard()
        set_secure_clipboard(self.clipboard)  # pages copy through the same guard
        self._page_types = list(pages) if pages is not None else page_classes()
        self._unlock_dialog: UnlockDialog | CentreSignInDialog | None = None
        self._page_before_lock: str | None = None
        # On a centre: its address (to sign in again), the watch that hears from every
        # call whether the centre answers, and the label for the status bar.
        self.centre = (centre or self.settings.centre()) if self._on_centre else None
        self._server_label = remote.server_label(ctx) if self._on_centre else ""
        self.centre_watch: CentreWatch | None = CentreWatch(self) if self._on_centre else None
        self.centre_bar = CentreBar(self)
        # On a centre: what other desks change reaches the open lists (ui/live_feed.py).
        self.live_feed = LiveFeed(self)
        self.live_feed.changes.connect(self._apply_changes)

        self.pages: list[Page] = []
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setSelectionMode(QListWidget.SelectionMode.SingleSelection)
        self.nav.setUniformItemSizes(True)
        self.nav.setMaximumWidth(200)
        self.nav.setStyleSheet(
            "QListWidget#navigation { border: none; font-size: 11pt; }"
            "QListWidget#navigation::item { padding: 7px 10px; }"
        )
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("pages")
        self.locked_placeholder = LockedPlaceholder(self)
        self.stack.addWidget(self.locked_placeholder)
        splitter = QSplitter(self)
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(0, False)
        splitter.setSizes([170, 1190])
        central = QWidget(self)
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.centre_bar)
        central_layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        if self.centre_watch is not None:
            self.centre_watch.unreachable.connect(self._centre_unreachable)
            self.centre_watch.reachable.connect(self.centre_bar.hide_reachable)
            self.centre_watch.session_ended.connect(self.session_ended)
            self.centre_bar.retry_requested.connect(self.try_centre_again)
        self.nav.currentRowChanged.connect(self._show_row)

        self._build_actions()
        self._build_status_bar()

        self.idle_lock = idle_lock if idle_lock is not None else IdleLock(parent=self)
        self.idle_lock.setParent(self)
        self.idle_lock.lock_requested.connect(self.lock)

        self._build_pages(ctx)
        self._apply_context(ctx)
        self._fit_navigation()
        if not self.settings.restore_geometry(self):
            self._fit_to_screen()
        self._go_to_page(self.settings.last_page())
        self.idle_lock.set_minutes(self.settings.idle_minutes())
        self.idle_lock.arm()

    # ------------------------------------------------------------------ building

    def _fit_to_screen(self) -> None:
        """The first time (no remembered geometry): a window that fits the screen's free
        area with its title bar, so on a 1366×768 laptop the status bar is not hidden
        under the taskbar; on a small screen it uses the whole width."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(DEFAULT_SIZE)
            return
        free = screen.availableGeometry()
        width = free.width() - FRAME_ALLOWANCE.width()
        height = free.height() - FRAME_ALLOWANCE.height()
        if free.width() >= FILL_SCREEN_BELOW_WIDTH:
            width = min(width, DEFAULT_SIZE.width())
            height = min(height, DEFAULT_SIZE.height())
        self.resize(max(width, 640), max(height, 480))
        frame = self.frameGeometry()
        frame.moveCenter(free.center())
        self.move(max(free.left(), frame.left()), max(free.top(), frame.top()))

    def _fit_navigation(self) -> None:
        """The navigation as narrow as its longest title allows, so the pages keep the
        room on a laptop screen (1024 pixels wide at 125 % scaling)."""
        widest = self.nav.sizeHintForColumn(0)
        self.nav.setMinimumWidth(max(110, widest + 2 * self.nav.frameWidth() + 8))

    def _build_actions(self) -> None:
        self.lock_action = QAction(self.tr("Vergrendelen"), self)
        self.lock_action.setObjectName("lockAction")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(self.lock)
        self.addAction(self.lock_action)

        self.new_signal_action = QAction(self.tr("Nieuw signaal…"), self)
        self.new_signal_action.setObjectName("newSignalAction")
        self.new_signal_action.setShortcut(QKeySequence("Ctrl+N"))
        self.new_signal_action.triggered.connect(self.new_signal)
        self.addAction(self.new_signal_action)

        quit_action = QAction(self.tr("Afsluiten"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)

        menu = self.menuBar().addMenu(self.tr("&Bestand"))
        menu.addAction(self.new_signal_action)
        menu.addSeparator()
        menu.addAction(self.lock_action)
        menu.addAction(quit_action)

        self.idle_action = QAction(self.tr("Automatisch vergrendelen na…"), self)
        self.idle_action.setObjectName("idleAction")
        self.idle_action.triggered.connect(self.ask_idle_minutes)
        self.passphrase_action = QAction(self.tr("Wachtwoord wijzigen…"), self)
        self.passphrase_action.setObjectName("changePassphraseAction")
        self.passphrase_action.triggered.connect(self.change_passphrase)
        settings_menu = self.menuBar().addMenu(self.tr("&Instellingen"))
        settings_menu.addAction(self.idle_action)
        settings_menu.addAction(self.passphrase_action)
        settings_menu.addAction(language_action(self, self.settings))

        toolbar = self.addToolBar(self.tr("Werkbalk"))
        toolbar.setObjectName("toolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.new_signal_action)
        toolbar.addAction(self.lock_action)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.user_label = QLabel(self)
        self.user_label.setObjectName("statusUser")
        self.role_label = QLabel(self)
        self.role_label.setObjectName("statusRole")
        self.store_label = QLabel(self)
        self.store_label.setObjectName("statusStore")
        self.lock_label = QLabel(self)
        self.lock_label.setObjectName("statusLock")
        for label in (self.user_label, self.role_label, self.store_label, self.lock_label):
            label.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(label)

    def _build_pages(self, ctx: ServiceContext) -> None:
        """(Re)build the pages the user's role sees, in registry order."""
        for page in self.pages:
            page.set_context(None)
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages = []
        self.nav.blockSignals(True)
        self.nav.clear()
        for page_type in self._page_types:
            if not page_type.visible_for(ctx.actor.role):
                continue
            page = page_type(self)
            page.setObjectName(page_type.__name__)
            if hasattr(page, "set_settings"):
                page.set_settings(self.settings)
            page.data_changed.connect(self._data_changed)
            page.open_case_requested.connect(self.open_case)
            page.navigate_requested.connect(self._go_to_page)
            page.show_record_requested.connect(self.show_record)
            self.pages.append(page)
            self.stack.addWidget(page)
            item = QListWidgetItem(page.title())
            item.setData(Qt.ItemDataRole.UserRole, page_type.__name__)
            self.nav.addItem(item)
        self.nav.blockSignals(False)

    # ------------------------------------------------------------------ navigation

    def page(self, class_name: str) -> Page | None:
        for page in self.pages:
            if type(page).__name__ == class_name:
                return page
        return None

    def current_page(self) -> Page | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Page) else None

    def _show_row(self, row: int) -> None:
        if self._ctx is None or not 0 <= row < len(self.pages):
            return
        page = self.pages[row]
        self.stack.setCurrentWidget(page)
        self.settings.set_last_page(type(page).__name__)

    def _go_to_page(self, class_name: str | None) -> None:
        if not self.pages:
            return
        names = [type(p).__name__ for p in self.pages]
        if class_name not in names:
            class_name = START_PAGES.get(self._role)
        row = names.index(class_name) if class_name in names else 0
        if self.nav.currentRow() == row:
            self._show_row(row)
        else:
            self.nav.setCurrentRow(row)

    def show_page(self, class_name: str) -> None:
        """Show a page by its class name (the user's start page if it is not there)."""
        self._go_to_page(class_name)

    def open_case(self, case_id: str) -> None:
        """Show a case in the Casussen page."""
        page = self.page("CasesPage")
        if page is None:
            return
        self._go_to_page("CasesPage")
        open_case = getattr(page, "open_case", None)
        if open_case is not None:
            open_case(case_id)

    def show_record(self, link: object) -> None:
        """Show one record where it lives (``record_link.RecordLink``): the page on the right
        week or month with the record selected, or the case view. The page is told first,
        then shown, so showing it does not load it a second time without the selection."""
        if not isinstance(link, RecordLink):
            return
        if link.kind in (RecordKind.CASE, RecordKind.REVIEW, RecordKind.ACTION):
            cases_page = self.page("CasesPage")
            show_in_case = getattr(cases_page, "show_record", None)
            if callable(show_in_case):  # the case view can select the action or tab itself
                self._go_to_page("CasesPage")
                show_in_case(link)
            elif link.case_id or link.kind is RecordKind.CASE:
                self.open_case(link.case_id or link.object_id)
            return
        pages = {
            RecordKind.VISIT: "VisitsPage",
            RecordKind.MEETING: "MeetingsPage",
            RecordKind.ESCALATION: "EscalationsPage",
        }
        name = pages.get(link.kind)
        page = self.page(name) if name else None
        show = getattr(page, "show_record", None)
        if page is None or not callable(show):
            if link.case_id:
                self.open_case(link.case_id)
            return
        show(link)
        self._go_to_page(name)

    def _data_changed(self) -> None:
        sender = self.sender()
        for page in self.pages:
            if page is not sender:
                page.mark_stale()
        self.work_changed.emit()

    # ------------------------------------------------------------------ actions

    def new_signal(self) -> None:
        if self._ctx is None:
            return
        from sociaalveilig.ui.intake_dialog import IntakeDialog

        dialog = IntakeDialog(self._ctx, self)
        dialog.setObjectName("intakeDialog")
        dialog.signal_saved.connect(self._signal_saved)
        dialog.open_case_requested.connect(self.open_case)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _signal_saved(self, _detail: object) -> None:
        self._data_changed_from(None)

    def _data_changed_from(self, source: Page | None) -> None:
        for page in self.pages:
            if page is not source:
                page.mark_stale()
        self.work_changed.emit()

    def ask_idle_minutes(self) -> None:
        minutes, ok = QInputDialog.getInt(
            self,
            self.tr("Automatisch vergrendelen"),
            self.tr("Vergrendelen na zoveel minuten zonder toetsenbord of muis:"),
            self.settings.idle_minutes(),
            1,
            120,
        )
        if ok:
            self.set_idle_minutes(minutes)

    def change_passphrase(self) -> None:
        """The signed-in user's own passphrase (Instellingen → Wachtwoord wijzigen)."""
        if self._ctx is None:
            return
        dialog = ChangePassphraseDialog(self._ctx, self)
        dialog.saved.connect(
            lambda _: self.statusBar().showMessage(self.tr("Uw wachtwoord is gewijzigd."), 8000)
        )
        dialog.open()

    def set_idle_minutes(self, minutes: int) -> None:
        """Remember the idle-lock time for this user and apply it now."""
        self.settings.set_idle_minutes(minutes)
        self.idle_lock.set_minutes(self.settings.idle_minutes())

    # ------------------------------------------------------------------ context & lock

    @property
    def context(self) -> ServiceContext | None:
        return self._ctx

    @property
    def is_locked(self) -> bool:
        return self._ctx is None

    def _apply_context(self, ctx: ServiceContext | None) -> None:
        self._ctx = ctx
        for page in self.pages:
            page.set_context(ctx)
        self._update_status()
        self.new_signal_action.setEnabled(
            ctx is not None and ctx.actor.role in signal_intake.INTAKE_ROLES
        )
        self.lock_action.setEnabled(ctx is not None)
        self.nav.setEnabled(ctx is not None)
        self.live_feed.follow(ctx)

    def _apply_changes(self, batch: ChangeBatch) -> None:
        for page in self.pages:
            page.apply_changes(batch)

    def _update_status(self) -> None:
        ctx = self._ctx
        if ctx is None:
            self.user_label.setText(self.tr("Gebruiker: {user}").format(user=self._display_name))
            self.role_label.setText("")
            self.role_label.hide()  # no empty gap in the status bar
            self.lock_label.setText(self.tr("Vergrendeld"))
        else:
            self.user_label.setText(
                self.tr("Gebruiker: {user}").format(user=ctx.actor.display_name)
            )
            self.role_label.setText(self.tr("Rol: {role}").format(role=ctx.actor.role.label))
            self.role_label.show()
            self.lock_label.setText(self.tr("Ontgrendeld"))
        if self._folder is None:
            self.store_label.setText(self.tr("Centrum: {server}").format(server=self._server_label))
            self.store_label.setToolTip(
                self.tr("De gegevens staan op de server van het centrum: {url}").format(
                    url=self.centre.url if self.centre else self._server_label
                )
            )
            return
        name = store_short_name(self._folder, default=default_store_folder())
        self.store_label.setText(self.tr("Opslag: {folder}").format(folder=name))
        self.store_label.setToolTip(
            self.tr("Map van de opslag: {path}").format(path=self._folder.resolve())
        )

    def lock(self) -> None:
        """Lock now: views emptied, clipboard cleared, store closed, unlock dialog shown."""
        ctx = self._ctx
        if ctx is None:
            return
        current = self.current_page()
        self._page_before_lock = type(current).__name__ if current else None
        self.idle_lock.disarm()
        operations.discard_all()
        for dialog in self.findChildren(QDialog):
            if dialog is not self._unlock_dialog:
                dialog.reject()
                dialog.close()
        self._apply_context(None)
        self.stack.setCurrentWidget(self.locked_placeholder)
        self.clipboard.clear()
        self.save_layout()
        operations.run_operation(None, lambda: _close_store(ctx), on_failure=errors.log_exception)
        self.centre_bar.hide_reachable()  # nothing is asked of the centre while locked
        self.locked.emit()
        self._show_unlock_dialog()

    def _show_unlock_dialog(self, reason: str | None = None) -> None:
        if self.centre is not None:
            self._show_centre_sign_in(
                reason
                or self.tr("Het programma is vergrendeld en uw sessie bij het centrum is "
                           "beëindigd. Meld u opnieuw aan om verder te werken.")
            )
            return
        # One dialog per window, reused at every lock: nothing is created and deleted
        # around each lock, and no case data was ever in it.
        assert self._folder is not None  # a desk on its own store always has its folder
        if self._unlock_dialog is None:
            dialog = UnlockDialog(
                self._folder, self._username, self._clock, locked=True, parent=self
            )
            dialog.accepted.connect(self._unlock_accepted)
            dialog.rejected.connect(self.close)
            dialog.store_restored.connect(self._store_moved)
            self._unlock_dialog = dialog
        assert isinstance(self._unlock_dialog, UnlockDialog)
        self._unlock_dialog.prepare(self._folder, self._username)
        self._unlock_dialog.open()

    def _show_centre_sign_in(self, reason: str) -> None:
        assert self.centre is not None
        dialog = self._unlock_dialog
        if not isinstance(dialog, CentreSignInDialog):
            dialog = CentreSignInDialog(self.centre, self._username, self._clock, reason, self)
            # Another connection means another start of the program, not this window.
            dialog.switch_button.setVisible(False)
            dialog.accepted.connect(self._unlock_accepted)
            dialog.rejected.connect(self.close)
            self._unlock_dialog = dialog
        dialog.prepare(self.centre, self._username, reason)
        dialog.open()

    # ------------------------------------------------------------------ the centre

    def _centre_unreachable(self, problem: str) -> None:
        # While locked the sign-in dialog says it itself; the bar is for the work.
        if self._ctx is not None:
            self.centre_bar.show_unreachable(problem)

    def try_centre_again(self) -> None:
        """The bar's try: a small call to the centre; its answer shows or hides the bar,
        and when it answers the page shown is read again."""
        ctx = self._ctx
        if ctx is None:
            return
        page = self.current_page()

        def answered(_: object) -> None:
            if page is not None and self._ctx is ctx:
                page.mark_stale()

        operations.run_operation(
            self, lambda: reference_data.list_municipalities(ctx), answered, _ignore_failure
        )

    def session_ended(self) -> None:
        """The centre ended the session (a beheerder ended it, or it expired): sign in
        again. Unlike a lock, open dialogs stay as they are, with what was typed."""
        if self._ctx is None or self.centre is None:
            return
        dialog = self._unlock_dialog
        if dialog is not None and dialog.isVisible():
            return
        self.idle_lock.disarm()
        self._page_before_lock = None
        self._show_unlock_dialog(
            self.tr(
                "Uw sessie bij het centrum is beëindigd; meld u opnieuw aan. Wat u had "
                "ingevuld blijft staan."
            )
        )

    def _resume_session(self, ctx: ServiceContext) -> None:
        """Signed in again as the same user after the session ended: every holder of the
        old context (pages, open dialogs and their parts) gets the new one, so a save
        pressed again goes through."""
        old = self._ctx
        self._ctx = ctx
        self._clock = ctx.clock
        for obj in self.findChildren(QObject):
            for name in ("ctx", "_ctx"):
                if not isinstance(obj, Page) and getattr(obj, name, None) is old:
                    with suppress(AttributeError, TypeError):
                        setattr(obj, name, ctx)
        self._apply_context(ctx)
        self.idle_lock.arm()
        self.unlocked.emit(ctx)

    def _store_moved(self, folder: str) -> None:
        self._folder = Path(folder)
        self.settings.set_last_store(folder)

    def _unlock_accepted(self) -> None:
        dialog = self._unlock_dialog
        ctx = getattr(dialog, "context", None)
        if dialog is not None:
            dialog.context = None
        if ctx is None:
            return
        if self._ctx is not None:  # the session ended while the window was open
            if ctx.actor.username == self._username:
                self._resume_session(ctx)
                return
            # Someone else signed in: what the last user had open is not theirs to see.
            for open_dialog in self.findChildren(QDialog):
                if open_dialog is not dialog:
                    open_dialog.reject()
                    open_dialog.close()
            self._apply_context(None)
        self.unlock_with(ctx)

    def unlock_with(self, ctx: ServiceContext) -> None:
        """Continue after unlocking; the same user returns to the page they were on."""
        same_user = ctx.actor.username == self._username
        self._folder = None if self._on_centre else desk.store_folder(ctx)
        self._clock = ctx.clock
        self._display_name = ctx.actor.display_name
        self._role = ctx.actor.role
        if not same_user:
            self.save_layout()
            self._username = ctx.actor.username
            self.settings.set_user(ctx.actor.username)
            # The next start (and the next lock) offers the user who signed in last.
            self.settings.set_last_user(ctx.actor.username)
            self._build_pages(ctx)
            self.settings.restore_geometry(self)
        self._apply_context(ctx)
        self._go_to_page(self._page_before_lock if same_user else self.settings.last_page())
        self.idle_lock.set_minutes(self.settings.idle_minutes())
        self.idle_lock.arm()
        self.unlocked.emit(ctx)

    # ------------------------------------------------------------------ closing

    def save_layout(self) -> None:
        """Remember geometry and every page's column layout for this user."""
        self.settings.save_geometry(self)
        for page in self.pages:
            save = getattr(page, "save_layout", None)
            if save is not None:
                save()
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.live_feed.stop()
        self.save_layout()
        self.idle_lock.close()
        operations.discard_all()
        ctx = self._ctx
        if ctx is not None:
            for page in self.pages:
                page.set_context(None)
            self.clipboard.clear()
            if self._on_centre:
                # Signing out may wait for an unreachable centre (the client's timeout):
                # the window is gone by then, so nothing looks frozen.
                self.hide()
            try:
                _close_store(ctx)
            except Exception as exc:  # closing must not fail on a store problem
                errors.log_exception(exc)
            self._ctx = None
        super().closeEvent(event)


def _close_store(ctx: ServiceContext) -> None:
    """Lock: a desk's store is closed and its key wiped; a centre ends the session (it
    never raises for a centre that cannot be reached: the session then runs out)."""
    if remote.is_remote(ctx):
        remote.end_session(ctx)
        return
    try:
        setup.lock(ctx)
    finally:
        ctx.store.close()


def _ignore_failure(exc: BaseException) -> None:
    # The bar already tells an unreachable centre; anything else is only logged here.
    errors.log_exception(exc)
