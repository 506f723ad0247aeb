"""The screens of a desk on a centre, with the client replaced by a recording fake: the
connection choice at first start, the centre's sign-in and each way it fails, what the
desk remembers, ``sociaalveilig --server``, and the bar for an unreachable centre.

The journeys against a real server are in test_centre_journeys.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from sociaalveilig import app
from sociaalveilig.core.errors import (
    AuthenticationError,
    PassphraseChangeRequired,
    SignInThrottled,
    StoreUnavailable,
    UsageError,
)
from sociaalveilig.services import remote
from sociaalveilig.services.context import Actor

from sociaalveilig.ui.centre_address import CentreAddress, address_problem
from sociaalveilig.ui.centre_bar import CentreBar
from sociaalveilig.ui.centre_sign_in import CentreSignInDialog
from sociaalveilig.ui.connection_dialog import ConnectionDialog
from sociaalveilig.ui.first_start import FirstStartDialog

URL = "https://centrum.parkstad.example:8443"
SECRET = "een-lang-geheim-wachtwoord-42"


class FakeCentre:
    """Stands in for ``services.remote``: answers sign-ins from a script."""

    def __init__(self) -> None:
        self.answers: list[BaseException | None] = []
        self.calls: list[tuple[str, ...]] = []

    def connect(self, url: str, username: str, passphrase: str, **kw: Any) -> Any:
        self.calls.append(("connect", url, username, passphrase, str(kw.get("ca"))))
        answer = self.answers.pop(0) if self.answers else None
        if answer is not None:
            raise answer
        return _FakeContext(username)

    def change_passphrase(self, url: str, username: str, old: str, new: str, **kw: Any) -> None:
        self.calls.append(("change", url, username, old, new))


class _FakeContext:
    def __init__(self, username: str) -> None:
        self.actor = Actor("u1", username, username.title(), _role())


def _role() -> Any:
    from sociaalveilig.core.enums import Role

    return Role.COORDINATOR


@pytest.fixture
def centre(monkeypatch: pytest.MonkeyPatch) -> FakeCentre:
    fake = FakeCentre()
    monkeypatch.setattr(remote, "connect", fake.connect)
    monkeypatch.setattr(remote, "change_passphrase", fake.change_passphrase)
    return fake


def _sign_in(qtbot, dialog: CentreSignInDialog, name: str = "an", secret: str = SECRET) -> None:
    dialog.username_edit.setText(name)
    dialog.passphrase_edit.setText(secret)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)


# ---------------------------------------------------------------------- first start


def test_first_start_offers_this_computer_by_default(qtbot, tmp_path: Path) -> None:
    dialog = FirstStartDialog(tmp_path / "opslag")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.local_choice.isChecked()
    assert dialog.local_part.isVisible() and not dialog.centre_part.isVisible()
    assert dialog.create_button.text() == "Opslag maken"


def test_first_start_takes_a_centre_address_and_makes_no_store(qtbot, tmp_path: Path) -> None:
    folder = tmp_path / "opslag"
    ca = tmp_path / "centrum.pem"
    ca.write_text("-----BEGIN CERTIFICATE-----\n")
    dialog = FirstStartDialog(folder)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.centre_choice, Qt.MouseButton.LeftButton)
    assert dialog.centre_part.isVisible() and not dialog.local_part.isVisible()
    assert dialog.create_button.text() == "Verder naar aanmelden"

    qtbot.keyClicks(dialog.centre_fields.url_edit, "http://centrum.parkstad.example")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert "https://" in dialog.error_label.text()
    assert dialog.result() != QDialog.DialogCode.Accepted

    dialog.centre_fields.url_edit.setText(URL + "/")
    dialog.centre_fields.set_ca(ca)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.centre == CentreAddress(URL, ca)
    assert dialog.context is None
    assert not folder.exists()  # choosing a centre makes no store here


@pytest.mark.parametrize(
    ("url", "fine"),
    [
        ("https://centrum.example", True),
        ("http://127.0.0.1:8765", True),
        ("http://localhost:8765", True),
        ("http://[::1]:8765", True),
        ("http://10.0.0.5:8765", False),
        ("ftp://centrum.example", False),
        ("centrum.example", False),
        ("https://", False),
        ("https://centrum.example:poort", False),
        ("", False),
    ],
)
def test_address_check(url: str, fine: bool) -> None:
    assert (address_problem(url) is None) is fine


def test_missing_certificate_file_is_said(qtbot, tmp_path: Path) -> None:
    dialog = ConnectionDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.centre_choice.setChecked(True)
    dialog.fields.url_edit.setText(URL)
    dialog.fields.set_ca(tmp_path / "weg.pem")
    dialog.choose()
    assert "bestaat niet" in dialog.error_label.text()
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_connection_dialog_goes_back_to_this_computer(qtbot, tmp_path: Path) -> None:
    dialog = ConnectionDialog(tmp_path, CentreAddress(URL))
    qtbot.addWidget(dialog)
    assert dialog.centre_choice.isChecked()
    assert dialog.fields.url_edit.text() == URL
    dialog.local_choice.setChecked(True)
    dialog.choose()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.centre is None


# ---------------------------------------------------------------------- sign-in


def test_sign_in_connects_off_the_gui_thread_and_accepts(qtbot, centre, tmp_path: Path) -> None:
    ca = tmp_path / "c.pem"
    dialog = CentreSignInDialog(CentreAddress(URL, ca))
    qtbot.addWidget(dialog)
    dialog.show()
    _sign_in(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=5_000)
    assert centre.calls == [("connect", URL, "an", SECRET, str(ca))]
    assert dialog.context is not None and dialog.context.actor.username == "an"
    assert dialog.passphrase_edit.text() == ""


def test_wrong_passphrase_is_said_and_the_passphrase_emptied(qtbot, centre, wait_idle) -> None:
    centre.answers = [AuthenticationError("nee")]
    dialog = CentreSignInDialog(CentreAddress(URL))
    qtbot.addWidget(dialog)
    dialog.show()
    _sign_in(qtbot, dialog)
    wait_idle()
    assert "Onjuiste gebruikersnaam of wachtwoord" in dialog.message_label.text()
    assert dialog.passphrase_edit.text() == ""
    assert dialog.username_edit.text() == "an"
    assert dialog.isVisible() and dialog.sign_in_button.isEnabled()


def test_throttled_sign_in_says_the_wait(qtbot, centre, wait_idle) -> None:
    centre.answers = [SignInThrottled("Te vaak een verkeerd wachtwoord; wacht 30 seconden.", 30)]
    dialog = CentreSignInDialog(CentreAddress(URL))
    qtbot.addWidget(dialog)
    _sign_in(qtbot, dialog)
    wait_idle()
    assert dialog.message_label.text() == "Te vaak een verkeerd wachtwoord; wacht 30 seconden."


def test_unreachable_centre_says_what_to_check_and_keeps_the_input(
    qtbot, centre, wait_idle
) -> None:
    centre.answers = [
        StoreUnavailable("De server op centrum.parkstad.example:8443 antwoordt niet.")
    ]
    dialog = CentreSignInDialog(CentreAddress(URL))
    qtbot.addWidget(dialog)
    dialog.show()
    _sign_in(qtbot, dialog)
    wait_idle()
    text = dialog.message_label.text()
    assert text.startswith("De server op centrum.parkstad.example:8443 antwoordt niet.")
    assert "beheerder" in text and URL in text
    assert dialog.passphrase_edit.text() == SECRET  # press Aanmelden again, nothing retyped
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=5_000)
    assert len(centre.calls) == 2


def test_refused_address_points_to_another_connection(qtbot, centre, wait_idle) -> None:
    centre.answers = [UsageError("Dit adres kan niet.")]
    dialog = CentreSignInDialog(CentreAddress(URL))
    qtbot.addWidget(dialog)
    _sign_in(qtbot, dialog)
    wait_idle()
    assert "Andere verbinding" in dialog.message_label.text()


def test_passphrase_the_beheerder_set_is_replaced_first(qtbot, centre, wait_idle) -> None:
    centre.answers = [PassphraseChangeRequired("kies een eigen")]
    dialog = CentreSignInDialog(CentreAddress(URL))
    qtbot.addWidget(dialog)
    dialog.show()
    _sign_in(qtbot, dialog, secret="door-de-beheerder-gezet-1")
    qtbot.waitUntil(lambda: dialog.choose_dialog is not None, timeout=5_000)
    choose = dialog.choose_dialog
    assert choose is not None
    choose.secret.passphrase.setText(SECRET)
    choose.secret.repeat.setText(SECRET)
    choose.choose()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=5_000)
    assert centre.calls[1] == ("change", URL, "an", "door-de-beheerder-gezet-1", SECRET)
    assert centre.calls[2][:4] == ("connect", URL, "an", SECRET)
    assert dialog.context is not None


def test_another_connection_is_asked_for(qtbot) -> None:
    dialog = CentreSignInDialog(CentreAddress(URL))
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.switch_requested):
        qtbot.mouseClick(dialog.switch_button, Qt.MouseButton.LeftButton)
    assert dialog.switch_chosen
    assert dialog.result() == QDialog.DialogCode.Rejected


# ---------------------------------------------------------------------- remembered, --server


def test_the_centre_is_remembered_but_never_a_passphrase(ui_settings, tmp_path: Path) -> None:
    assert ui_settings.centre() is None
    ca = tmp_path / "c.pem"
    ui_settings.set_centre(CentreAddress(URL, ca))
    ui_settings.sync()
    assert ui_settings.centre() == CentreAddress(URL, ca)
    ui_settings.set_centre(None)
    assert ui_settings.centre() is None


def test_sign_in_on_a_centre_remembers_address_and_user(qtbot, centre, ui_settings, tmp_path):
    """app.sign_in with --server: the centre's sign-in, then the address and user name are
    remembered in the settings file, the passphrase nowhere in it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def type_and_sign_in() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, CentreSignInDialog)]
        visible = [d for d in dialogs if d.isVisible()]
        if not visible:
            QTimer.singleShot(20, type_and_sign_in)
            return
        visible[0].username_edit.setText("an")
        visible[0].passphrase_edit.setText(SECRET)
        visible[0].sign_in()

    QTimer.singleShot(0, type_and_sign_in)
    result = app.sign_in(tmp_path / "opslag", ui_settings, CentreAddress(URL))
    assert result is not None
    ctx, address = result
    assert ctx.actor.username == "an" and address == CentreAddress(URL)
    ui_settings.sync()
    assert ui_settings.centre() == CentreAddress(URL)
    assert ui_settings.last_user() == "an"
    stored = Path(ui_settings.qsettings.fileName()).read_text()
    assert URL in stored and SECRET not in stored


@pytest.mark.parametrize(
    "argv",
    [
        ["--server", "http://centrum.parkstad.example"],
        ["--server", "centrum"],
        ["--ca", "c.pem"],
    ],
)
def test_bad_server_argument_is_one_line_and_exit_2(argv, capsys) -> None:
    assert app.main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert err and "\n" not in err and "Traceback" not in err


def test_server_argument_with_certificate(tmp_path: Path) -> None:
    ca = tmp_path / "c.pem"
    ca.write_text("x")
    args = app.parse_args(["--server", "http://127.0.0.1:8765/", "--ca", str(ca)])
    assert app.centre_from_args(args) == CentreAddress("http://127.0.0.1:8765", ca)


# ---------------------------------------------------------------------- the bar


def test_bar_waits_longer_each_time_and_tries_at_once_on_request(qtbot) -> None:
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    qtbot.addWidget(window)
    bar = CentreBar(window)
    window.show()
    assert not bar.isVisible()
    waits = []
    for _ in range(7):
        waits.append(bar.next_wait)
        bar.show_unreachable("De server antwoordt niet.")
    assert waits == [5, 10, 20, 40, 60, 60, 60]
    assert bar.isVisible()
    assert "Het centrum is niet bereikbaar" in bar.label.text()
    with qtbot.waitSignal(bar.retry_requested, timeout=1_000):
        qtbot.mouseClick(bar.retry_button, Qt.MouseButton.LeftButton)
    assert not bar.retry_button.isEnabled()
    bar.hide_reachable()
    assert not bar.isVisible()
    assert bar.next_wait == 5  # a new outage starts with a short wait again


def test_bar_tries_by_itself_when_the_wait_is_over(qtbot) -> None:
    bar = CentreBar()
    qtbot.addWidget(bar)
    bar.retry_seconds = (1,)
    bar.show_unreachable("weg")
    with qtbot.waitSignal(bar.retry_requested, timeout=3_000):
        pass


def _drive(steps: list) -> None:  # type: ignore[type-arg]
    """Runs each (dialog type, action) once its dialog is the visible one, in order."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def tick() -> None:
        if not steps:
            return
        kind, action = steps[0]
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
        if shown:
            steps.pop(0)
            action(shown[0])
        QTimer.singleShot(20, tick)

    QTimer.singleShot(0, tick)


def test_from_the_centre_back_to_this_computers_store(
    qtbot, centre, ui_settings, store_dir: Path
) -> None:
    from tests.conftest import ADMIN, ADMIN_PASSPHRASE

    from sociaalveilig.ui.unlock_dialog import UnlockDialog

    ui_settings.set_centre(CentreAddress(URL))

    def back_home(dialog: ConnectionDialog) -> None:
        dialog.local_choice.setChecked(True)
        dialog.choose()

    def unlock(dialog: UnlockDialog) -> None:
        assert dialog.switch_button.isVisible()
        dialog.username_edit.setText(ADMIN)
        dialog.passphrase_edit.setText(ADMIN_PASSPHRASE)
        dialog.unlock()

    steps = [
        (CentreSignInDialog, lambda d: d.choose_other_connection()),
        (ConnectionDialog, back_home),
        (UnlockDialog, unlock),
    ]
    _drive(steps)
    result = app.sign_in(store_dir, ui_settings)
    assert not steps
    assert result is not None
    ctx, address = result
    try:
        assert address is None and ctx.actor.username == ADMIN
        assert ui_settings.centre() is None
        assert ui_settings.remembered_centre() == CentreAddress(URL)  # offered next time
    finally:
        ctx.store.close()


def test_from_this_computers_sign_in_to_a_centre(qtbot, centre, ui_settings, store_dir: Path):
    from sociaalveilig.ui.unlock_dialog import UnlockDialog

    def to_centre(dialog: ConnectionDialog) -> None:
        assert dialog.centre_choice.isChecked()
        dialog.fields.url_edit.setText(URL)
        dialog.choose()

    steps = [
        (UnlockDialog, lambda d: d.choose_other_connection()),
        (ConnectionDialog, to_centre),
        (CentreSignInDialog, lambda d: _sign_in(qtbot, d)),
    ]
    _drive(steps)
    result = app.sign_in(store_dir, ui_settings)
    assert not steps and result is not None
    assert result[1] == CentreAddress(URL)
    assert ui_settings.centre() == CentreAddress(URL)


def test_store_argument_opens_this_computers_store_not_the_remembered_centre(
    qtbot, centre, ui_settings, store_dir: Path
) -> None:
    from sociaalveilig.ui.unlock_dialog import UnlockDialog

    ui_settings.set_centre(CentreAddress(URL))
    steps = [(UnlockDialog, lambda d: d.reject())]
    _drive(steps)
    assert app.sign_in(store_dir, ui_settings, this_computer=True) is None
    assert not steps  # the unlock dialog of the folder was shown, not the centre's sign-in
    assert centre.calls == []
