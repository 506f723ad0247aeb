"""Buurtschouwen: plan a walk, findings become signals with source buurtschouw, the pack."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QApplication, QMessageBox

from sociaalveilig.core.enums import Source
from sociaalveilig.services import buurtschouw, signal_records
from tests.services.seed_casework import KERKRADE
from tests.ui.fakes import FakeDocumentOutput

from sociaalveilig.ui.models.finding_table import FindingTableModel
from sociaalveilig.ui.models.walk_action_table import WalkActionTableModel
from sociaalveilig.ui.models.walk_table import WalkTableModel
from sociaalveilig.ui.pages.buurtschouw import BuurtschouwPage

TODAY = date(2026, 4, 15)


def _error_boxes() -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "errorDialog" and w.isVisible()
    ]


def _page(qtbot, ctx, wait_idle, output: FakeDocumentOutput | None = None) -> BuurtschouwPage:
    page = BuurtschouwPage(output=output or FakeDocumentOutput())
    qtbot.addWidget(page)
    page.resize(1150, 680)
    page.show()
    page.set_context(ctx)
    wait_idle()
    return page


def test_plan_a_walk(qtbot, coordinator_ctx, wait_idle) -> None:
    page = _page(qtbot, coordinator_ctx, wait_idle)
    assert page.walks.rowCount() == 0 and page.no_walks.isVisibleTo(page)
    dialog = page.plan_walk()
    assert dialog is not None
    dialog.area.setCurrentIndex(dialog.area.findData(KERKRADE))
    dialog.route.setPlainText("Fictiefstraat\nVerzonnenlaan")
    dialog.on_save()
    wait_idle()
    assert page.walks.rowCount() == 1
    assert page.walk is not None and page.walk.area == KERKRADE
    assert "Fictiefstraat → Verzonnenlaan" in page.route.text()
    assert not page.form.isEnabled()  # findings only from the day of the walk


def test_finding_becomes_a_signal_with_source_buurtschouw(qtbot, coordinator_ctx, wait_idle):
    walk = buurtschouw.plan_buurtschouw(coordinator_ctx, KERKRADE, TODAY, "Fictiefstraat")
    page = _page(qtbot, coordinator_ctx, wait_idle)
    assert page.walk is not None and page.walk.walk_id == walk.walk_id
    assert page.form.isEnabled()
    page.checklist.select_code("schoon-dumpingen")
    assert page.form.item.currentData() == "schoon-dumpingen"
    assert page.form.category.currentData() == "WO-VER"
    page.form.street.setText("Fictiefstraat")
    page.form.postcode.setText("6461ab")
    page.form.house_number.setValue(14)
    page.form.description.setPlainText("Grofvuil naast de container.")
    page.form.submit()
    wait_idle()
    assert page.findings.rowCount() == 1
    finding = page.findings.row_object(0)
    assert finding.signal_reference is not None
    signal = signal_records.get_signal(coordinator_ctx, finding.signal_id)
    assert signal.source is Source.BUURTSCHOUW
    assert signal.category_code == "WO-VER"
    # Ready for the next finding in the same street.
    assert page.form.street.text() == "Fictiefstraat" and page.form.description.toPlainText() == ""
    assert page.action_rows.rowCount() == 1
    assert page.action_rows.row_object(0).finding.signal_reference == finding.signal_reference


def test_finding_without_address_asks_for_the_nearest_one(qtbot, coordinator_ctx, wait_idle):
    buurtschouw.plan_buurtschouw(coordinator_ctx, KERKRADE, TODAY, None)
    page = _page(qtbot, coordinator_ctx, wait_idle)
    page.form.select_item("heel-verlichting")
    page.form.street.setText("Verzonnenlaan")
    page.form.description.setPlainText("Lantaarnpaal kapot bij het speelveld.")
    page.form.submit()
    wait_idle()
    dialog = page.last_dialog
    assert dialog is not None and dialog.objectName() == "findingSignalDialog"
    assert page.findings.rowCount() == 1 and page.findings.row_object(0).signal_id is None
    dialog.postcode.setText("6461 AB")
    dialog.house_number.setValue(3)
    dialog.on_save()
    wait_idle()
    assert page.findings.row_object(0).signal_reference is not None


def test_refused_finding_keeps_what_was_typed(qtbot, coordinator_ctx, wait_idle) -> None:
    buurtschouw.plan_buurtschouw(coordinator_ctx, KERKRADE, TODAY, None)
    page = _page(qtbot, coordinator_ctx, wait_idle)
    page.form.select_item("veilig-hangplekken")
    page.form.description.setPlainText("Groep jongeren bij het bankje, veel afval.")
    page.form.submit()  # no street or postcode: refused
    wait_idle()
    qtbot.waitUntil(lambda: bool(_error_boxes()))
    assert page.findings.rowCount() == 0
    assert page.form.description.toPlainText() == "Groep jongeren bij het bankje, veel afval."
    assert page.form.item.currentData() == "veilig-hangplekken"
    assert page.form.add_button.isEnabled()
    for box in _error_boxes():
        box.close()


def test_pack_printed_and_lock_empties(qtbot, coordinator_ctx, wait_idle) -> None:
    buurtschouw.plan_buurtschouw(coordinator_ctx, KERKRADE, TODAY, "Fictiefstraat")
    output = FakeDocumentOutput()
    page = _page(qtbot, coordinator_ctx, wait_idle, output)
    page.make_pack(True)
    wait_idle()
    assert len(output.printed) == 1 and output.printed[0].read_bytes().startswith(b"%PDF")
    page.set_context(None)
    assert page.walks.rowCount() == 0 and page.findings.rowCount() == 0
    assert page.walk is None and page.route.text() == ""
    assert not output.printed[0].exists()


def test_models_pass_the_model_tester(qtmodeltester, coordinator_ctx) -> None:
    walk = buurtschouw.plan_buurtschouw(coordinator_ctx, KERKRADE, TODAY, None)
    buurtschouw.add_finding(coordinator_ctx, walk.walk_id, "schoon-graffiti", "Bekladde gevel",
                            "Fictiefstraat")
    buurtschouw.add_finding(coordinator_ctx, walk.walk_id, "heel-bestrating", "Losse tegels",
                            "Verzonnenlaan", "6461 AB", 2)
    walks = WalkTableModel()
    walks.set_rows(buurtschouw.list_buurtschouwen(coordinator_ctx))
    qtmodeltester.check(walks)
    findings = FindingTableModel()
    findings.set_rows(buurtschouw.list_findings(coordinator_ctx, walk.walk_id))
    qtmodeltester.check(findings)
    findings.sort(FindingTableModel.COL_PLACE)
    assert findings.row_object(0).street == "Fictiefstraat"
    qtmodeltester.check(findings)
    actions = WalkActionTableModel()
    actions.set_rows(buurtschouw.walk_action_list(coordinator_ctx, walk.walk_id))
    qtmodeltester.check(actions)
