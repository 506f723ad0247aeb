"""The privacy page: the audit viewer (filters, paging, export, chain check), the noodknop
list, the retention terms and the purge, and the art. 15 export. Names are fictional."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QApplication, QMessageBox

from sociaalveilig.core.enums import Role
from sociaalveilig.core.workdays import DATE_YEARS
from sociaalveilig.services import cases
from tests.services.test_retention import add_case, add_person

from sociaalveilig.ui.pages import PAGE_REGISTRY
from sociaalveilig.ui.pages.audit import AuditPage

HEERLEN = "Heerlen Noord (incl. Hoensbroek)"


def _open(qtbot, ctx, wait_idle) -> AuditPage:  # type: ignore[no-untyped-def]
    page = AuditPage()
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.set_context(ctx)
    wait_idle()
    return page


def _error_boxes() -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "errorDialog" and w.isVisible()
    ]


def test_page_is_registered_for_beheerder_and_coordinator() -> None:
    assert ("audit", "AuditPage") in PAGE_REGISTRY
    assert AuditPage.visible_for(Role.BEHEERDER)
    assert AuditPage.visible_for(Role.COORDINATOR)
    assert not AuditPage.visible_for(Role.PARTNER)
    assert not AuditPage.visible_for(Role.MANAGER)


def test_viewer_shows_a_case_view_and_the_chain_status(
    qtbot, admin_ctx, coordinator_ctx, wait_idle
) -> None:
    with admin_ctx.unit() as s:
        ref = add_case(s, persons=((add_person(s, "Gijs Gefingeerd"), "bewoner"),)).reference
    cases.get_case(coordinator_ctx, ref)
    page = _open(qtbot, admin_ctx, wait_idle)
    assert page.tabs.isTabVisible(page.tabs.indexOf(page.log_tab))
    assert not page.tabs.isTabVisible(page.tabs.indexOf(page.subject_tab))
    assert "Auditketen in orde" in page.chain_label.text()

    page.object_edit.setText(ref)
    page.apply_filter()
    wait_idle()
    rows = page.log_model.rows
    assert [(r.username, r.action, r.object_id) for r in rows] == [("coordinator", "view", ref)]
    assert page.page_label.text().startswith("Regels 1–1 van 1")

    # The filter lists were filled from the log and the users.
    assert page.user_combo.findData("coordinator") >= 0
    assert page.action_combo.findData("login") >= 0


def test_paging_older_and_newer(qtbot, admin_ctx, clock, wait_idle) -> None:
    with admin_ctx.unit() as s:
        for i in range(25):
            clock.advance(timedelta(seconds=1))
            admin_ctx.audit(s, "print", "case", f"C-2026-{i:05d}")
    page = _open(qtbot, admin_ctx, wait_idle)
    page.page_size = 10
    page.action_combo.setCurrentIndex(page.action_combo.findData("print"))
    page.apply_filter()
    wait_idle()
    first = [r.object_id for r in page.log_model.rows]
    assert first[0] == "C-2026-00024" and len(first) == 10
    assert page.older_button.isEnabled() and not page.newer_button.isEnabled()
    page.older_page()
    wait_idle()
    second = [r.object_id for r in page.log_model.rows]
    assert second[0] == "C-2026-00014"
    assert page.page_label.text().startswith("Regels 11–20 van 25")
    page.older_page()
    wait_idle()
    assert len(page.log_model.rows) == 5 and not page.older_button.isEnabled()
    page.newer_page()
    wait_idle()
    assert [r.object_id for r in page.log_model.rows] == second


def test_export_csv_of_the_filtered_log(qtbot, admin_ctx, tmp_path: Path, wait_idle) -> None:
    page = _open(qtbot, admin_ctx, wait_idle)
    page.action_combo.setCurrentIndex(page.action_combo.findData("login"))
    page.apply_filter()
    wait_idle()
    out = tmp_path / "audit.csv"
    page.export_csv(out)
    wait_idle()
    lines = out.read_text(encoding="utf-8-sig").strip().splitlines()
    assert lines[0].startswith("id;tijd_utc;gebruiker")
    assert len(lines) == 2 and ";login;" in lines[1]
    assert "geëxporteerd" in page.page_label.text()


def test_noodknop_list_shows_the_reason(qtbot, admin_ctx, make_actor, wait_idle) -> None:
    with admin_ctx.unit() as s:
        ref = add_case(s).reference  # Kerkrade Oost
    outsider = make_actor(Role.WIJKAGENT, username="wendy", areas=[HEERLEN])
    cases.get_case(outsider, ref, purpose="Spoed: bewoner belt over dreiging")
    page = _open(qtbot, admin_ctx, wait_idle)
    page.tabs.setCurrentWidget(page.emergency_tab)
    wait_idle()
    rows = page.emergency_model.rows
    assert [(e.username, e.reference, e.purpose) for e in rows] == [
        ("wendy", ref, "Spoed: bewoner belt over dreiging")
    ]
    assert page.emergency_label.text() == "1 keer de noodknop gebruikt."


def test_retention_terms_edit_and_purge(qtbot, admin_ctx, wait_idle) -> None:
    page = _open(qtbot, admin_ctx, wait_idle)
    page.tabs.setCurrentWidget(page.retention_tab)
    wait_idle()
    assert [r.code for r in page.retention_model.rows] == [
        "signal-no-case",
        "case-closed",
        "reporter-details",
    ]
    page.retention_view.select_row(1)
    assert page.rule_box.isEnabled() and page.term_spin.value() == 1825
    page.term_spin.setValue(2555)
    page.basis_edit.setText("Archiefwet 1995, selectielijst")
    page.save_rule()
    wait_idle()
    assert page.retention_model.rows[1].term_days == 2555
    assert page.retention_model.rows[1].legal_basis == "Archiefwet 1995, selectielijst"

    page.basis_edit.setText("")  # refused: the legal basis is required
    page.save_rule()
    wait_idle()
    boxes = _error_boxes()
    assert boxes and "grondslag" in boxes[0].text()
    for box in boxes:
        box.close()

    page.purge(confirmed=True)
    wait_idle()
    assert page.purge_result.toPlainText().startswith("Peildatum: 15-04-2026.")
    # As on the command line: older backups still hold what was just deleted.
    last = page.purge_result.toPlainText().splitlines()[-1]
    assert last.startswith("Let op:") and "back-up" in last


def test_coordinator_exports_a_persons_data(
    qtbot, admin_ctx, coordinator_ctx, tmp_path: Path, wait_idle
) -> None:
    with admin_ctx.unit() as s:
        person = add_person(s, "Hanna Hypothetisch")
        add_case(s, persons=((person, "bewoner"),))
        ref = person.reference
    page = _open(qtbot, coordinator_ctx, wait_idle)
    assert not page.tabs.isTabVisible(page.tabs.indexOf(page.log_tab))
    assert not page.tabs.isTabVisible(page.tabs.indexOf(page.emergency_tab))
    assert page.tabs.currentWidget() is page.retention_tab
    assert page.rule_box.isHidden()
    page.tabs.setCurrentWidget(page.subject_tab)
    page.subject_edit.setText(ref.lower())
    page.export_subject(tmp_path)
    wait_idle()
    assert (tmp_path / f"inzage-{ref}.pdf").exists()
    assert (tmp_path / f"inzage-{ref}.json").exists()
    assert "1 casussen" in page.subject_result.text()


def test_lock_empties_every_view(qtbot, admin_ctx, wait_idle) -> None:
    page = _open(qtbot, admin_ctx, wait_idle)
    page.person_edit.setText("P-2026-000001")
    assert page.log_model.rowCount() > 0
    page.set_context(None)
    assert page.log_model.rowCount() == 0
    assert page.retention_model.rowCount() == 0
    assert page.emergency_model.rowCount() == 0
    assert page.person_edit.text() == ""
    assert page.user_combo.count() == 1
    assert "nog niet gecontroleerd" in page.chain_label.text()


def test_the_period_fields_take_only_dates_a_centre_accepts(
    qtbot, admin_ctx, wait_idle
) -> None:
    """Qt's date fields run to 9999, which a request to the centre may not carry (the
    codec refuses years outside DATE_YEARS): the fields stop at 31-12-2199."""
    page = _open(qtbot, admin_ctx, wait_idle)
    for edit in (page.from_date, page.to_date, page.as_of_date):
        assert edit.minimumDate() == QDate(DATE_YEARS[0], 1, 1)
        assert edit.maximumDate() <= QDate(DATE_YEARS[1], 12, 31)
        assert edit.locale().language() == QLocale.Language.Dutch
    page.to_check.setChecked(True)
    page.to_date.setDate(QDate(9999, 12, 31))
    assert page.to_date.date() == QDate(DATE_YEARS[1], 12, 31)
    page.apply_filter()
    wait_idle()
    assert _error_boxes() == []
