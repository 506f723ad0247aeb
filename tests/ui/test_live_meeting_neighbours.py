"""Beside the open meeting, the other open things that follow another desk's changes (what
the window hands the pages from a centre's feed, here given straight to the page on a
desk's own store): Vandaag reloads without losing the row the user chose or how far the
list was scrolled, and the chosen escalation's detail shows its new status."""

from __future__ import annotations

from sociaalveilig import demo
from sociaalveilig.core.enums import EscalationStatus, EscalationTarget
from sociaalveilig.services import escalations
from sociaalveilig.services.live import ChangeBatch, FeedChange
from tests.services.seed_casework import make_case

from sociaalveilig.ui.pages.escalations import EscalationsPage
from sociaalveilig.ui.pages.today import TodayPage

BOUND_MS = 10_000


def _batch(kind: str, *ids: str) -> ChangeBatch:
    return ChangeBatch(tuple(FeedChange(n, kind, i) for n, i in enumerate(ids, 1)), len(ids))


def test_vandaag_reloads_keeping_the_chosen_row_and_the_scroll_position(
    qtbot, admin_ctx, coordinator_ctx, wait_idle
) -> None:
    demo.fill_demo(admin_ctx, 60)
    page = TodayPage()
    qtbot.addWidget(page)
    page.resize(1000, 520)
    page.show()
    page.set_context(coordinator_ctx)
    wait_idle()
    view, model = page.overdue_view, page.overdue_model
    bar = view.verticalScrollBar()
    assert model.rowCount() > 12 and bar.maximum() > 0, (model.rowCount(), bar.maximum())
    view.select_row(model.rowCount() - 2)
    bar.setValue(bar.maximum() // 2 + 1)
    chosen = (view.current_object(), bar.value())
    top = model.row_object(view.rowAt(0))
    week_before = page.week_view.current_row()
    reloads: list[int] = []
    model.modelReset.connect(lambda: reloads.append(1))

    page.apply_changes(_batch("action", "ergens-anders"))  # reloads after a short pause
    qtbot.waitUntil(lambda: bool(reloads), timeout=BOUND_MS)
    wait_idle()

    current = view.current_object()
    assert current == chosen[0]
    assert [r.row() for r in view.selectionModel().selectedRows()] == [view.current_row()]
    assert model.row_object(view.rowAt(0)) == top
    assert bar.value() == chosen[1]
    assert page.selected_work() == current
    assert page.finish_button.isEnabled()
    assert page.week_view.current_row() == week_before


def test_the_chosen_escalations_detail_shows_the_status_set_elsewhere(
    qtbot, coordinator_ctx, wait_idle
) -> None:
    made = escalations.escalate(
        coordinator_ctx, make_case(coordinator_ctx, number=1), EscalationTarget.RIEC,
        "Fictief: ondermijning vermoed.",
    )
    page = EscalationsPage()
    qtbot.addWidget(page)
    page.resize(1100, 640)
    page.show()
    page.set_context(coordinator_ctx)
    wait_idle()
    page.view.select_row(page.model.row_of(made.escalation_id))
    wait_idle()
    before = page.detail_status.text()

    escalations.change_escalation_status(
        coordinator_ctx, made.escalation_id, EscalationStatus.IN_BEHANDELING
    )
    page.apply_changes(_batch("escalation", made.escalation_id))
    qtbot.waitUntil(lambda: page.detail_status.text() != before, timeout=BOUND_MS)

    assert page.detail_status.text().startswith(EscalationStatus.IN_BEHANDELING.label)
    chosen = page.selected()
    assert chosen is not None and chosen.escalation_id == made.escalation_id
