"""Journeys of desks on a real centre (issue 18): ``sociaalveilig-server``'s app on
127.0.0.1 over a cloned PostgreSQL database (``tests/ui/centre_kit.py``).

First start to a signed-in window; a signal registered in one window appears in another
user's window; the centre going away while a dialog is open (the bar, the input kept,
the save going through once the centre is back); a lock that ends the session at the
centre. Needs SV_TEST_DATABASE_URL (``python -m tools.pgcluster run -- pytest …``).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from sociaalveilig import app
from sociaalveilig.core.errors import SessionEnded
from sociaalveilig.services import reference_data
from sociaalveilig.storage.postgres.sessions import sessions_table
from tests.ui.centre_kit import (
    COORDINATOR,
    PASSPHRASE,
    SECOND,
    CentreDesk,
    CentreServer,
    choose,
    modal,
)

from sociaalveilig.ui.centre_address import CentreAddress
from sociaalveilig.ui.centre_sign_in import CentreSignInDialog
from sociaalveilig.ui.first_start import FirstStartDialog
from sociaalveilig.ui.intake_dialog import IntakeDialog
from sociaalveilig.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def _open_sessions(server: CentreServer, username: str) -> int:
    from sociaalveilig.storage.models import User

    with server.store.read_unit() as session:
        rows = session.execute(
            select(sessions_table.c.id)
            .join(User, User.id == sessions_table.c.user_id)
            .where(User.username == username, sessions_table.c.ended_at.is_(None))
        ).all()
    return len(rows)


def _visible(kind: type) -> object | None:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    return found[0] if found else None


def test_first_start_chooses_the_centre_and_opens_a_signed_in_window(
    qtbot, desks: CentreDesk, tmp_path: Path
) -> None:
    """As a new user: no store on this computer, "Server van het centrum", the address,
    name and passphrase; the window opens on the centre and the choice is remembered."""
    settings = desks.settings("nieuw")
    steps: list[str] = []

    def drive() -> None:
        first = _visible(FirstStartDialog)
        sign_in = _visible(CentreSignInDialog)
        if isinstance(first, FirstStartDialog) and "first" not in steps:
            steps.append("first")
            QTest.mouseClick(first.centre_choice, Qt.MouseButton.LeftButton)
            QTest.keyClicks(first.centre_fields.url_edit, desks.server.url)
            QTest.mouseClick(first.create_button, Qt.MouseButton.LeftButton)
        elif isinstance(sign_in, CentreSignInDialog) and "sign-in" not in steps:
            steps.append("sign-in")
            QTest.keyClicks(sign_in.username_edit, COORDINATOR)
            QTest.keyClicks(sign_in.passphrase_edit, PASSPHRASE)
            QTest.keyClick(sign_in.passphrase_edit, Qt.Key.Key_Return)
            return
        QTimer.singleShot(20, drive)

    QTimer.singleShot(0, drive)
    signed_in = app.sign_in(tmp_path / "opslag", settings)
    assert steps == ["first", "sign-in"]
    assert signed_in is not None
    ctx, centre = signed_in
    assert centre == CentreAddress(desks.server.url)
    assert not (tmp_path / "opslag").exists()  # no store made on this computer

    window = app.open_window(ctx, settings, centre)
    qtbot.addWidget(window)
    desks.windows.append(window)
    window.show()
    desks.wait_idle()
    assert window.store_label.text() == f"Centrum: 127.0.0.1:{desks.server.port}"
    assert not window.centre_bar.isVisible()
    assert _open_sessions(desks.server, COORDINATOR) == 1
    # The next start goes straight to this centre's sign-in, with the name filled in.
    assert settings.centre() == centre and settings.last_user() == COORDINATOR


def _register_signal(desks: CentreDesk, qtbot, window: MainWindow, text: str) -> IntakeDialog:
    QTest.keyClick(window, Qt.Key.Key_N, CTRL)
    dialog = modal(qtbot, IntakeDialog)
    assert isinstance(dialog, IntakeDialog)
    qtbot.waitUntil(lambda: dialog.category_combo.isEnabled(), timeout=10_000)
    choose(dialog.source_combo, "Bewoner")
    choose(dialog.category_combo, "Onveilige plek")
    QTest.keyClicks(dialog.postcode_edit, "6431ab")
    QTest.keyClicks(dialog.house_number_edit, "7")
    QTest.keyClicks(dialog.description_edit, text)
    desks.wait_idle()
    return dialog


def test_a_signal_from_one_desk_appears_in_the_other_desks_list(qtbot, desks: CentreDesk) -> None:
    first = desks.open_window(COORDINATOR)
    second = desks.open_window(SECOND)
    page = desks.go(second, "Signalen")
    before = page.model.rowCount()  # type: ignore[attr-defined]

    dialog = _register_signal(
        desks, qtbot, first, "Kapotte straatlantaarn bij de speeltuin (fictief)."
    )
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=20_000)
    reference = dialog.saved.reference  # type: ignore[union-attr]
    dialog.close()

    page.mark_stale()  # what "Vernieuwen" (F5) does on that desk
    qtbot.waitUntil(lambda: page.model.rowCount() == before + 1, timeout=20_000)  # type: ignore[attr-defined]
    desks.wait_idle()
    model = page.model  # type: ignore[attr-defined]
    shown = {
        str(model.index(row, col).data() or "")
        for row in range(model.rowCount())
        for col in range(model.columnCount())
    }
    assert reference in shown
    assert second.store_label.text() == f"Centrum: 127.0.0.1:{desks.server.port}"
    desks.shot("39-bureau-op-centrum", second)


def test_centre_away_while_typing_shows_the_bar_keeps_the_input_and_saves_later(
    qtbot, desks: CentreDesk
) -> None:
    window = desks.open_window(COORDINATOR)
    text = "Fietswrak al weken tegen het hek (fictief)."
    dialog = _register_signal(desks, qtbot, window, text)

    desks.server.stop()
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.centre_bar.isVisible(), timeout=30_000)
    desks.wait_idle()
    assert "Het centrum is niet bereikbaar" in window.centre_bar.label.text()
    assert dialog.isVisible() and dialog.saved is None
    assert dialog.description_edit.toPlainText() == text  # nothing typed is lost
    assert dialog.postcode_edit.text().replace(" ", "").casefold() == "6431ab"
    assert dialog.save_button.isEnabled()
    desks.shot("41-centrum-niet-bereikbaar", window)
    # A try while the centre is still away keeps the bar, and waits longer next time.
    wait_before = window.centre_bar.next_wait
    QTest.mouseClick(window.centre_bar.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.centre_bar.retry_button.isEnabled(), timeout=30_000)
    assert window.centre_bar.isVisible() and window.centre_bar.next_wait > wait_before

    desks.server.start()
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=30_000)
    desks.wait_idle()
    assert not window.centre_bar.isVisible()
    dialog.close()


def test_idle_lock_ends_the_session_at_the_centre(qtbot, desks: CentreDesk) -> None:
    window = desks.open_window(COORDINATOR)
    ctx = window.context
    assert ctx is not None
    assert _open_sessions(desks.server, COORDINATOR) == 1
    window.idle_lock.set_interval_ms(200)  # no keyboard or mouse from here on
    qtbot.waitUntil(lambda: window.is_locked, timeout=10_000)
    desks.wait_idle()
    assert _open_sessions(desks.server, COORDINATOR) == 0
    try:
        reference_data.list_municipalities(ctx)
    except SessionEnded:
        pass
    else:  # pragma: no cover - the assertion below says what went wrong
        raise AssertionError("the old session still works after the lock")
    sign_in = window._unlock_dialog
    assert isinstance(sign_in, CentreSignInDialog) and sign_in.isVisible()
    assert sign_in.username_edit.text() == COORDINATOR
    QTest.keyClicks(sign_in.passphrase_edit, PASSPHRASE)
    QTest.keyClick(sign_in.passphrase_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.context is not None, timeout=30_000)
    desks.wait_idle()
    assert _open_sessions(desks.server, COORDINATOR) == 1


def test_a_session_ended_by_the_centre_signs_in_again_keeping_the_dialog(
    qtbot, desks: CentreDesk
) -> None:
    """A beheerder ends the user's sessions while a dialog is open: the sign-in comes,
    the dialog stays with its text, and after signing in again the save goes through."""
    from sociaalveilig.services import centre_sessions

    window = desks.open_window(COORDINATOR)
    text = "Graffiti op de geluidswal (fictief)."
    dialog = _register_signal(desks, qtbot, window, text)
    admin = desks.server.store
    _end_sessions(admin, COORDINATOR, centre_sessions)

    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            isinstance(window._unlock_dialog, CentreSignInDialog)
            and window._unlock_dialog.isVisible()
        ),
        timeout=30_000,
    )
    desks.wait_idle()
    assert dialog.isVisible() and dialog.description_edit.toPlainText() == text
    sign_in = window._unlock_dialog
    assert isinstance(sign_in, CentreSignInDialog)
    assert "beëindigd" in sign_in.intro.text()
    QTest.keyClicks(sign_in.passphrase_edit, PASSPHRASE)
    QTest.keyClick(sign_in.passphrase_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not sign_in.isVisible(), timeout=30_000)
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=30_000)
    dialog.close()


def _end_sessions(store, username: str, centre_sessions) -> None:  # type: ignore[no-untyped-def]
    from sociaalveilig.services import setup
    from tests.conftest import ADMIN

    admin = setup.context_for(store, ADMIN)
    centre_sessions.end_sessions(admin, username)


def test_every_page_opens_on_the_centre(qtbot, desks: CentreDesk) -> None:
    """Each page of a coordinator and of the beheerder reads the centre through the
    services as on a desk: no error shown, no bar; the backup tab says why it is off."""
    from PySide6.QtWidgets import QMessageBox

    from tests.conftest import ADMIN, ADMIN_PASSPHRASE

    desks.fill_demo()
    people = [(COORDINATOR, PASSPHRASE), (ADMIN, ADMIN_PASSPHRASE)]
    people += [(name, PASSPHRASE) for name in _add_people(desks)]
    for username, passphrase in people:
        window = desks.open_window(username, passphrase)
        titles = [window.nav.item(i).text() for i in range(window.nav.count())]
        for title in titles:
            page = desks.go(window, title)
            desks.wait_idle()
            boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
            shown = [box.text() for box in boxes if box.isVisible()]
            assert not shown, (username, title, shown)
            assert not window.centre_bar.isVisible(), (username, title)
            assert page.isVisible()
        if username == ADMIN:
            admin_page = window.page("AdminPage")
            tabs = admin_page.tabs  # type: ignore[union-attr]
            backup = tabs.indexOf(admin_page.backup)  # type: ignore[union-attr]
            assert not tabs.isTabEnabled(backup)
            assert "sociaalveilig-server backup" in tabs.tabToolTip(backup)
        window.close()


def _add_people(desks: CentreDesk) -> list[str]:
    """A wijkagent, a partner and a manager on the centre (the test's preparation, as a
    beheerder would add them), each with an own passphrase."""
    from sociaalveilig.services import centre, partners, users
    from tests.conftest import ADMIN, ADMIN_PASSPHRASE
    from tests.ui.centre_kit import SET_BY_BEHEERDER

    url = desks.server.store.url
    admin = centre.centre_login(url, ADMIN, ADMIN_PASSPHRASE)
    try:
        partner = partners.list_partners(admin)[0].name
        users.add_user(admin, "wa-dirk", "wijkagent", SET_BY_BEHEERDER, areas=["Heerlen Noord"])
        users.add_user(admin, "partner-els", "partner", SET_BY_BEHEERDER, partner=partner)
        users.add_user(admin, "manager-fleur", "manager", SET_BY_BEHEERDER)
    finally:
        admin.store.close()
    names = ["wa-dirk", "partner-els", "manager-fleur"]
    for name in names:
        centre.change_passphrase(url, name, SET_BY_BEHEERDER, PASSPHRASE)
    return names


def test_passphrase_set_by_the_beheerder_is_replaced_at_the_first_sign_in(
    qtbot, desks: CentreDesk
) -> None:
    from tests.ui.centre_kit import SET_BY_BEHEERDER

    dialog = desks.sign_in("coord-cas", SET_BY_BEHEERDER)
    qtbot.waitUntil(lambda: dialog.choose_dialog is not None, timeout=20_000)
    choose = dialog.choose_dialog
    assert choose is not None and dialog.context is None
    QTest.keyClicks(choose.secret.passphrase, PASSPHRASE)
    QTest.keyClicks(choose.secret.repeat, PASSPHRASE)
    QTest.mouseClick(choose.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.context is not None, timeout=30_000)
    assert dialog.context.actor.username == "coord-cas"
    # From now on the user's own passphrase is the one that works.
    again = desks.sign_in("coord-cas", PASSPHRASE)
    assert again.context is not None, again.message_label.text()


def test_long_lists_are_fetched_a_page_at_a_time(qtbot, desks: CentreDesk) -> None:
    """The signal list on a centre knows every row at once but fetches the rows shown
    (pages of lazy.PAGE_SIZE) and the next page only when it is scrolled to."""
    from sociaalveilig.ui.models.lazy import PAGE_SIZE

    desks.fill_demo(signals=2 * PAGE_SIZE + 50)
    window = desks.open_window(COORDINATOR)
    page = desks.go(window, "Signalen")
    model = page.model  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: model.complete and model.rowCount() > 2 * PAGE_SIZE, timeout=30_000)
    desks.wait_idle()
    assert model.fetched_pages == [0]
    page.view.scrollToBottom()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: (model.rowCount() - 1) // PAGE_SIZE in model.fetched_pages)
    desks.wait_idle()
    assert 1 not in model.fetched_pages  # the page in between was never shown


def test_own_passphrase_changed_in_the_window_on_a_centre(qtbot, desks: CentreDesk) -> None:
    from sociaalveilig.ui.dialogs.change_passphrase import ChangePassphraseDialog

    new = "nieuw-eigen-wachtwoord-centrum-8"
    window = desks.open_window(SECOND)
    window.passphrase_action.trigger()
    dialog = modal(qtbot, ChangePassphraseDialog)
    assert isinstance(dialog, ChangePassphraseDialog)
    dialog.old.setText(PASSPHRASE)
    dialog.secret.passphrase.setText(new)
    dialog.secret.repeat.setText(new)
    dialog.on_save()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30_000)
    desks.wait_idle()
    assert desks.sign_in(SECOND, new).context is not None
    old = desks.sign_in(SECOND, PASSPHRASE)
    assert old.context is None and "Onjuiste" in old.message_label.text()


def test_centre_away_at_the_lock_screen_is_said_there_not_in_the_bar(
    qtbot, desks: CentreDesk
) -> None:
    window = desks.open_window(COORDINATOR)
    window.lock()
    desks.wait_idle()
    sign_in = window._unlock_dialog
    assert isinstance(sign_in, CentreSignInDialog)
    desks.server.stop()
    QTest.keyClicks(sign_in.passphrase_edit, PASSPHRASE)
    QTest.keyClick(sign_in.passphrase_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "niet bereikbaar" in sign_in.message_label.text(), timeout=30_000)
    desks.wait_idle()
    assert not window.centre_bar.isVisible()
    assert sign_in.passphrase_edit.text() == PASSPHRASE  # press again once it is back
    desks.server.start()
    QTest.mouseClick(sign_in.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.context is not None, timeout=30_000)


def test_a_beheerder_ends_a_users_sessions_from_the_users_panel(
    qtbot, desks: CentreDesk
) -> None:
    from sociaalveilig.services import remote
    from tests.conftest import ADMIN, ADMIN_PASSPHRASE

    from sociaalveilig.ui.pages.admin import AdminPage

    desks.open_window(COORDINATOR)
    assert _open_sessions(desks.server, COORDINATOR) == 1
    admin = remote.connect(desks.server.url, ADMIN, ADMIN_PASSPHRASE)
    page = AdminPage()
    qtbot.addWidget(page)
    page.show()
    page.set_context(admin)
    desks.wait_idle()
    panel = page.users
    row = next(r for r, u in enumerate(panel.model.rows) if u.username == COORDINATOR)
    panel.view.select_row(row)
    assert panel.end_sessions_button.isVisible() and panel.end_sessions_button.isEnabled()
    panel.end_sessions(confirm=False)
    desks.wait_idle()
    assert _open_sessions(desks.server, COORDINATOR) == 0
    assert "afgemeld op 1 werkplek" in panel.last_message
    page.set_context(None)
    remote.end_session(admin)


def test_a_desk_on_its_own_store_has_no_sessions_to_end(qtbot, admin_ctx, wait_idle) -> None:
    from sociaalveilig.ui.pages.admin import AdminPage

    page = AdminPage()
    qtbot.addWidget(page)
    page.show()
    page.set_context(admin_ctx)
    wait_idle()
    assert not page.users.end_sessions_button.isVisible()
