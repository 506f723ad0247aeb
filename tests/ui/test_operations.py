"""Service calls run off the GUI thread and come back on it; errors become Dutch dialogs."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from sociaalveilig.core.errors import ValidationError

from sociaalveilig.ui import errors, operations


def _wait_idle(qtbot) -> None:
    qtbot.waitUntil(lambda: operations.active_operations() == 0, timeout=5000)


def test_result_arrives_on_gui_thread_after_work_on_worker(qtbot) -> None:
    gui_thread = threading.get_ident()
    seen: dict[str, int | str] = {}

    def work() -> str:
        seen["worker"] = threading.get_ident()
        return "klaar"

    def done(result: str) -> None:
        seen["result"] = result
        seen["delivered_on"] = threading.get_ident()

    operations.run_operation(None, work, done)
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    assert seen["result"] == "klaar"
    assert seen["worker"] != gui_thread
    assert seen["delivered_on"] == gui_thread
    _wait_idle(qtbot)


def test_failure_callback_gets_the_exception(qtbot) -> None:
    got: list[BaseException] = []

    def work() -> None:
        raise ValidationError("Postcode ontbreekt.", field="postcode")

    operations.run_operation(None, work, on_failure=got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert isinstance(got[0], ValidationError)
    _wait_idle(qtbot)


def test_discarded_result_is_dropped(qtbot) -> None:
    release = threading.Event()
    got: list[str] = []

    def work() -> str:
        release.wait(5)
        return "geheim"

    op = operations.run_operation(None, work, got.append)
    operations.discard_all()
    release.set()
    qtbot.waitUntil(lambda: operations.active_operations() == 0, timeout=5000)
    assert op.discarded
    assert got == []


def test_unknown_error_is_shown_without_its_text(qtbot, caplog) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def work() -> None:
        raise RuntimeError("Jan Modaal, Dorpstraat 1: zorgen")

    operations.run_operation(parent, work)
    _wait_idle(qtbot)
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    boxes += parent.findChildren(QMessageBox)
    assert boxes, "an error dialog is shown"
    text = boxes[-1].text()
    assert "Er ging iets mis" in text
    assert "Jan Modaal" not in text
    assert "Jan Modaal" not in caplog.text
    assert "RuntimeError" in caplog.text
    for box in boxes:
        box.close()


def test_known_error_message_is_its_own_line() -> None:
    exc = ValidationError("Vul een huisnummer in.", field="house_number")
    assert errors.message_for(exc) == "Vul een huisnummer in."
    assert errors.title_for(exc) == "Controleer de invoer"


def test_delayed_operation_is_pending_at_once_and_runs_later(qtbot) -> None:
    ran: list[str] = []
    got: list[str] = []
    operations.run_operation(None, lambda: ran.append("werk") or "klaar", got.append,
                             delay_ms=50)
    assert operations.active_operations() == 1 and ran == []  # pending, not started
    _wait_idle(qtbot)
    assert ran == ["werk"] and got == ["klaar"]


def test_delayed_operation_discarded_before_it_starts_never_runs(qtbot) -> None:
    ran: list[str] = []
    got: list[str] = []
    operations.run_operation(None, lambda: ran.append("werk"), got.append, delay_ms=50)
    operations.discard_all()  # the window locks before the work started
    _wait_idle(qtbot)  # no longer pending: its timer has fired and declined to start it
    assert ran == [] and got == []
