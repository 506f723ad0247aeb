"""Vandaag (worklists) and Signalen (search, chips, open a signal)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from sociaalveilig.core.enums import SignalStatus
from sociaalveilig.services import signal_intake
from tests.ui.builders import bulk_signals, register

from sociaalveilig.ui.pages.signals import SignalsPage
from sociaalveilig.ui.pages.today import TodayPage
from sociaalveilig.ui.signal_dialog import SignalDialog


def _show(qtbot, page) -> None:
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()


def test_today_lists_overdue_week_and_triage(qtbot, coordinator_ctx, clock, wait_idle):
    # Overdue: a loose signal received long ago (its handling term has passed).
    register(
        coordinator_ctx,
        received=clock.now() - timedelta(days=40),
        number=1,
        choice=signal_intake.NO_CASE,
    )
    # Due this week: a youth signal (5 working days) received three working days ago.
    register(
        coordinator_ctx,
        received=clock.now() - timedelta(days=3),
        number=2,
        category="OP-JEUGD",
        choice=signal_intake.NO_CASE,
    )
    page = TodayPage()
    _show(qtbot, page)
    page.set_context(coordinator_ctx)
    qtbot.waitUntil(lambda: page.overdue_model.rowCount() > 0, timeout=10_000)
    wait_idle()
    assert "te laat" in page.summary_label.text()
    late = page.overdue_model.row_object(0)
    assert late.overdue_days > 0
    assert page.overdue_model.index(0, 5).data() == str(late.overdue_days)
    assert page.week_model.rowCount() >= 1
    assert page.triage_box.isVisible()
    # No residents' names anywhere: only kinds, references, categories, streets.
    page.set_context(None)
    assert page.overdue_model.rowCount() == 0 and page.week_model.rowCount() == 0
    assert page.summary_label.text() == ""


def test_signals_search_and_chips_query_the_database(qtbot, coordinator_ctx, wait_idle):
    bulk_signals(coordinator_ctx, 60)
    register(
        coordinator_ctx,
        description="Hennepgeur uit de kelder van het pand.",
        category="OM-HENNEP",
        number=77,
    )
    page = SignalsPage()
    _show(qtbot, page)
    page.set_context(coordinator_ctx)
    qtbot.waitUntil(lambda: page.model.rowCount() == 61, timeout=10_000)
    wait_idle()
    assert "61" in page.count_label.text()

    qtbot.keyClicks(page.search_edit, "hennepg")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    wait_idle()
    assert page.model.query.text == "hennepg"
    page.model.index(0, 0).data()
    wait_idle()
    assert page.model.index(0, 1).data().startswith("S-")

    page.search_edit.clear()
    page.status_chip.select([SignalStatus.GEKOPPELD.value])
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    wait_idle()
    assert page.model.query.statuses == ("gekoppeld",)
    assert "Gekoppeld" in page.status_chip.text()

    page.clear_filters()
    qtbot.waitUntil(lambda: page.model.rowCount() == 61, timeout=10_000)
    page.source_chip.select(["politie"])
    qtbot.waitUntil(lambda: page.model.rowCount() == 12, timeout=10_000)
    page.clear_filters()
    page.overdue_button.setChecked(True)
    qtbot.waitUntil(lambda: page.model.query.overdue, timeout=10_000)
    wait_idle()
    page.clear_filters()
    page.search_edit.setText("bestaatnietwoord")
    page.apply_filters()
    qtbot.waitUntil(lambda: page.empty_label.isVisible(), timeout=10_000)
    assert "Geen signalen gevonden" in page.empty_label.text()


def test_open_unlinked_signal_and_reject_it(qtbot, coordinator_ctx, wait_idle):
    detail = register(coordinator_ctx, choice=signal_intake.NO_CASE)
    page = SignalsPage()
    _show(qtbot, page)
    page.set_context(coordinator_ctx)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    wait_idle()
    page.model.index(0, 0).data()
    wait_idle()
    page.view.select_row(0)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    dialog = page.findChild(SignalDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=10_000)
    wait_idle()
    assert detail.reference in dialog.body.text()
    assert "Regel" in dialog.body.text()  # routing reason shown
    assert dialog.link_button.isVisible() and dialog.reject_button.isVisible()
    dialog.reject_signal("Dubbele melding van dezelfde avond.")
    qtbot.waitUntil(lambda: dialog.detail.status is SignalStatus.AFGEWEZEN, timeout=10_000)
    wait_idle()
    assert not dialog.reject_button.isVisible()


def test_open_linked_signal_goes_to_its_case(qtbot, coordinator_ctx, wait_idle):
    detail = register(coordinator_ctx)
    page = SignalsPage()
    _show(qtbot, page)
    page.set_context(coordinator_ctx)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    wait_idle()
    page.model.index(0, 0).data()
    wait_idle()
    with qtbot.waitSignal(page.open_case_requested, timeout=5000) as blocker:
        page.open_row(0)
    assert blocker.args == [detail.case_id]


def test_column_layout_remembered_per_user(qtbot, ui_settings):
    from sociaalveilig.ui.models import signals as signal_columns

    ui_settings.set_user("anna")
    first = SignalsPage()
    qtbot.addWidget(first)
    first.set_settings(ui_settings)
    header = first.view.horizontalHeader()
    default = header.sectionSize(signal_columns.COL_CATEGORY)
    header.resizeSection(signal_columns.COL_CATEGORY, default + 77)
    first.save_layout()

    again = SignalsPage()
    qtbot.addWidget(again)
    again.set_settings(ui_settings)
    restored = again.view.horizontalHeader().sectionSize(signal_columns.COL_CATEGORY)
    assert restored == default + 77

    ui_settings.set_user("bert")
    other = SignalsPage()
    qtbot.addWidget(other)
    other.set_settings(ui_settings)
    assert other.view.horizontalHeader().sectionSize(signal_columns.COL_CATEGORY) == default


def test_the_dialog_says_a_linked_signal_is_followed_in_its_case(
    qtbot, coordinator_ctx, clock, wait_idle
):
    """Past its term but linked: no "te laat", and the dialog says who carries it on."""
    linked = register(coordinator_ctx, received=clock.now() - timedelta(days=40))
    loose = register(
        coordinator_ctx,
        number=3,
        received=clock.now() - timedelta(days=40),
        choice=signal_intake.NO_CASE,
    )
    texts = {}
    for detail in (linked, loose):
        dialog = SignalDialog(coordinator_ctx, detail.signal_id)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda d=dialog: d.detail is not None, timeout=10_000)
        wait_idle()
        texts[detail.signal_id] = dialog.body.text()
    assert "de casus bewaakt de opvolging" in texts[linked.signal_id]
    assert "te laat" not in texts[linked.signal_id]
    assert "te laat" in texts[loose.signal_id]
    assert "de casus bewaakt" not in texts[loose.signal_id]
