"""Table models: qtmodeltester on each; the signal list fetches lazily by page of ids."""

from __future__ import annotations

from PySide6.QtCore import Qt

from sociaalveilig.core.services.search import SignalQuery, SignalSort
from tests.ui.builders import bulk_signals, register

from sociaalveilig.ui.models import signals as signal_columns
from sociaalveilig.ui.models.cases import CaseTableModel
from sociaalveilig.ui.models.lazy import PAGE_SIZE, IdRole, RowRole, SortRole
from sociaalveilig.ui.models.signals import SignalTableModel


def _loaded(qtbot, model, wait_idle) -> None:
    with qtbot.waitSignal(model.loaded, timeout=20_000):
        model.reload()
    wait_idle()


def _load_all_visible(qtbot, model, wait_idle) -> None:
    for row in range(model.rowCount()):
        model.index(row, 0).data()
    wait_idle()


def test_signal_model_passes_modeltester(qtbot, qtmodeltester, coordinator_ctx, wait_idle):
    register(coordinator_ctx)
    register(coordinator_ctx, number=14, category="ZV-ZORG")
    bulk_signals(coordinator_ctx, 20)
    model = SignalTableModel()
    model.set_context(coordinator_ctx)
    _loaded(qtbot, model, wait_idle)
    assert model.rowCount() == 22
    _load_all_visible(qtbot, model, wait_idle)
    qtmodeltester.check(model)
    row = model.index(0, signal_columns.COL_REFERENCE).data(RowRole)
    assert model.index(0, 0).data(IdRole) == row.signal_id
    assert model.index(0, signal_columns.COL_REFERENCE).data() == row.reference
    assert model.index(0, signal_columns.COL_RECEIVED).data(SortRole) == row.received_at


def test_case_model_passes_modeltester(qtbot, qtmodeltester, coordinator_ctx, wait_idle):
    for number in (1, 2, 3):
        register(coordinator_ctx, number=number)
    model = CaseTableModel()
    model.set_context(coordinator_ctx)
    _loaded(qtbot, model, wait_idle)
    assert model.rowCount() == 3
    _load_all_visible(qtbot, model, wait_idle)
    qtmodeltester.check(model)
    references = {model.index(r, 0).data() for r in range(3)}
    assert len(references) == 3 and all(ref.startswith("C-") for ref in references)


def test_empty_and_locked_models_pass_modeltester(qtmodeltester, coordinator_ctx):
    for model in (SignalTableModel(), CaseTableModel()):
        model.set_context(coordinator_ctx)
        model.set_context(None)
        assert model.rowCount() == 0
        qtmodeltester.check(model)


def test_signal_list_fetches_lazily_by_page(qtbot, coordinator_ctx, wait_idle):
    bulk_signals(coordinator_ctx, 3000)
    model = SignalTableModel()
    model.set_context(coordinator_ctx)
    _loaded(qtbot, model, wait_idle)
    assert model.rowCount() == 3000
    assert model.fetched_pages == []  # ids only: no row fetched yet
    assert model.index(0, 0).data() == model.PLACEHOLDER
    wait_idle()
    assert model.fetched_pages == [0]
    assert model.is_row_loaded(PAGE_SIZE - 1) and not model.is_row_loaded(PAGE_SIZE)
    assert model.index(0, 0).data() != model.PLACEHOLDER

    # Jumping to the end fetches only the last page.
    last = model.rowCount() - 1
    assert model.index(last, 0).data() == model.PLACEHOLDER
    wait_idle()
    assert model.fetched_pages == [0, last // PAGE_SIZE]
    assert model.index(last, 0).data(RowRole) is not None


def test_view_scrolling_fetches_only_visible_pages(qtbot, coordinator_ctx, wait_idle):
    from sociaalveilig.ui.record_view import RecordView

    bulk_signals(coordinator_ctx, 3000)
    model = SignalTableModel()
    model.set_context(coordinator_ctx)
    view = RecordView("signalList")
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(1000, 500)
    view.show()
    _loaded(qtbot, model, wait_idle)
    qtbot.waitUntil(lambda: model.is_row_loaded(0), timeout=10_000)
    wait_idle()
    assert len(model.fetched_pages) == 1
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.is_row_loaded(model.rowCount() - 1), timeout=10_000)
    wait_idle()
    pages = set(model.fetched_pages)
    assert pages == {0, (model.rowCount() - 1) // PAGE_SIZE}
    assert len(pages) < model.rowCount() // PAGE_SIZE


def test_sorting_is_a_database_query(qtbot, coordinator_ctx, wait_idle):
    bulk_signals(coordinator_ctx, 30)
    model = SignalTableModel()
    model.set_context(coordinator_ctx)
    _loaded(qtbot, model, wait_idle)
    newest_first = model.ids
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.sort(signal_columns.COL_RECEIVED, Qt.SortOrder.AscendingOrder)
    wait_idle()
    assert model.query == SignalQuery(sort=SignalSort.RECEIVED.value, descending=False)
    assert model.ids == list(reversed(newest_first))
    assert model.sort_column() == (signal_columns.COL_RECEIVED, Qt.SortOrder.AscendingOrder)


def test_lock_drops_rows_still_under_way(qtbot, coordinator_ctx, wait_idle):
    bulk_signals(coordinator_ctx, 10)
    model = SignalTableModel()
    model.set_context(coordinator_ctx)
    model.reload()
    model.set_context(None)  # locked before the ids arrive
    wait_idle()
    assert model.rowCount() == 0


def test_small_models_pass_modeltester(qtmodeltester, coordinator_ctx, clock):
    from datetime import timedelta

    from sociaalveilig.core.services import cases, signals, worklist

    from sociaalveilig.ui.models.case_parts import PersonsModel, TimelineModel
    from sociaalveilig.ui.models.worklist import TriageModel, WorkItemModel

    detail = register(coordinator_ctx, received=clock.now() - timedelta(days=40))
    cases.add_person(
        coordinator_ctx, detail.case_id, signals.PersonInput(name="Test Persoon", birth_year=1980)
    )
    case = cases.get_case(coordinator_ctx, detail.case_id)
    overview = worklist.today_overview(coordinator_ctx)
    assert case.timeline and case.persons and overview.overdue

    for model, rows in (
        (TimelineModel(), case.timeline),
        (PersonsModel(), case.persons),
        (WorkItemModel(), overview.overdue),
        (WorkItemModel(show_late=False), overview.due_this_week),
        (TriageModel(), overview.to_triage),
    ):
        model.set_rows(rows)
        assert model.rowCount() == len(rows)
        qtmodeltester.check(model)
        model.clear()
        qtmodeltester.check(model)
