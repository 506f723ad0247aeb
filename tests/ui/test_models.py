"""Table models: qtmodeltester on each; the signal list fetches lazily by page of ids."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from sociaalveilig.services import search
from sociaalveilig.services.search import HEAD_ROWS, SignalQuery, SignalSort
from tests.conftest import TEST_NOW
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


def test_signal_list_shows_the_first_page_then_the_rest_lazily(qtbot, coordinator_ctx, wait_idle):
    bulk_signals(coordinator_ctx, 3000)
    model = SignalTableModel()
    model.set_context(coordinator_ctx)
    counts: list[int] = []
    model.loaded.connect(counts.append)
    with qtbot.waitSignal(model.loaded, timeout=20_000):
        model.reload()
    # First the first page's ids with the rows of a screenful: shown at once.
    assert counts == [PAGE_SIZE] and not model.complete
    assert model.rowCount() == PAGE_SIZE
    assert model.fetched_pages == [0] and model.is_row_loaded(HEAD_ROWS - 1)
    assert model.index(0, 0).data() != model.PLACEHOLDER
    assert not model.is_row_loaded(HEAD_ROWS)
    # Then the rest of the ids, appended; no row of them fetched yet.
    qtbot.waitUntil(lambda: model.complete, timeout=20_000)
    assert counts == [PAGE_SIZE, 3000] and model.rowCount() == 3000
    assert model.ids == search.signal_ids(coordinator_ctx, SignalQuery())
    assert model.fetched_pages == [0] and not model.is_row_loaded(PAGE_SIZE)
    # A row of the first page below the screenful fetches that page whole, once.
    assert model.index(HEAD_ROWS, 0).data() == model.PLACEHOLDER
    assert model.index(HEAD_ROWS + 1, 0).data() == model.PLACEHOLDER
    wait_idle()
    assert model.fetched_pages == [0, 0] and model.is_row_loaded(PAGE_SIZE - 1)
    assert model.index(HEAD_ROWS, 0).data(RowRole).signal_id == model.ids[HEAD_ROWS]
    assert model.index(PAGE_SIZE, 0).data() == model.PLACEHOLDER
    wait_idle()
    assert model.fetched_pages == [0, 0, 1]

    # Jumping to the end fetches only the last page.
    last = model.rowCount() - 1
    assert model.index(last, 0).data() == model.PLACEHOLDER
    wait_idle()
    assert model.fetched_pages == [0, 0, 1, last // PAGE_SIZE]
    assert model.index(last, 0).data(RowRole) is not None


def test_a_list_changed_between_first_page_and_rest_starts_over(
    qtbot, coordinator_ctx, wait_idle
):
    bulk_signals(coordinator_ctx, 450)
    model = SignalTableModel()
    model.set_context(coordinator_ctx)
    fetch_rest = model.fetch_rest
    added = []

    def add_then_fetch(ctx, query):
        # Half an hour before the newest: second in the list, inside the first page.
        added.append(register(ctx, number=77, received=TEST_NOW - timedelta(minutes=30)))
        return fetch_rest(ctx, query)

    model.fetch_rest = add_then_fetch
    counts: list[int] = []
    model.loaded.connect(counts.append)
    model.reload()
    qtbot.waitUntil(lambda: model.complete and len(counts) == 2, timeout=20_000)
    wait_idle()
    assert counts == [PAGE_SIZE, 451]
    assert model.ids == search.signal_ids(coordinator_ctx, SignalQuery())
    # The old first page was dropped with the old order; the second row is the new signal.
    assert model.index(1, 0).data() == model.PLACEHOLDER
    wait_idle()
    assert model.ids[1] == added[0].signal_id
    assert model.index(1, 0).data(RowRole).signal_id == added[0].signal_id


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

    from sociaalveilig.services import cases, signal_intake, worklist

    from sociaalveilig.ui.models.case_parts import PersonsModel, TimelineModel
    from sociaalveilig.ui.models.worklist import TriageModel, WorkItemModel

    detail = register(coordinator_ctx, received=clock.now() - timedelta(days=40))
    # A loose signal past its term, for the overdue list (a linked one is not overdue).
    long_ago = clock.now() - timedelta(days=40)
    register(coordinator_ctx, number=30, choice=signal_intake.NO_CASE, received=long_ago)
    cases.add_person(
        coordinator_ctx,
        detail.case_id,
        signal_intake.PersonInput(name="Test Persoon", birth_year=1980),
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
