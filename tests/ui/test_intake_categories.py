"""The intake's category list is the store's: what the beheerder added is there, what was
retired is not, a renamed category shows its new name; no list at all is said plainly."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox

from sociaalveilig.services import reference_data
from sociaalveilig.services.reference_data import CategoryInput

from sociaalveilig.ui.intake_dialog import IntakeDialog


def _codes(dialog: IntakeDialog) -> list[str]:
    combo = dialog.category_combo
    return [combo.itemData(i) for i in range(combo.count())]


def test_intake_lists_the_active_categories_of_the_store(qtbot, admin_ctx, coordinator_ctx):
    reference_data.save_category(
        admin_ctx,
        CategoryInput(
            code="VE-VUUR",
            name="Verzonnen brandgevaar",
            main_category="Veiligheid",
            meeting="FL",
            term_days=3,
        ),
    )
    reference_data.save_category(
        admin_ctx,
        CategoryInput(
            code="WO-PAND",
            name="Verwaarloosd of leegstaand pand",
            main_category="Woonomgeving",
            meeting="FL",
            term_days=20,
            active=False,
        ),
    )
    reference_data.save_category(
        admin_ctx,
        CategoryInput(
            code="WO-OPR",
            name="Openbare ruimte en groen",
            main_category="Woonomgeving",
            meeting="FL",
            term_days=10,
        ),
    )
    dialog = IntakeDialog(coordinator_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.category_combo.isEnabled, timeout=10_000)
    codes = _codes(dialog)
    expected = [c.code for c in reference_data.list_categories(coordinator_ctx)]
    assert codes == expected
    assert "VE-VUUR" in codes and "WO-PAND" not in codes
    assert len(codes) == 16  # 16 defaults, one retired, one added
    combo = dialog.category_combo
    assert combo.itemText(combo.findData("WO-OPR")) == "Openbare ruimte en groen (WO-OPR)"


def test_no_active_category_is_said_plainly(qtbot, admin_ctx, coordinator_ctx):
    for category in reference_data.list_categories(admin_ctx):
        reference_data.save_category(
            admin_ctx,
            CategoryInput(
                code=category.code,
                name=category.name,
                main_category=category.main_category,
                meeting=category.meeting,
                term_days=category.term_days,
                active=False,
            ),
        )
    dialog = IntakeDialog(coordinator_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.category_combo.count() == 1, timeout=10_000)
    qtbot.waitUntil(lambda: "beheerder" in dialog.category_combo.currentText(), timeout=10_000)
    assert not dialog.category_combo.isEnabled()


def test_categories_that_cannot_be_read_are_reported(qtbot, coordinator_ctx, monkeypatch):
    from sociaalveilig.core.errors import AccessDenied

    def refuse(ctx, include_inactive=False):  # type: ignore[no-untyped-def]
        raise AccessDenied("Geen toegang tot de categorieën (test).")

    monkeypatch.setattr(reference_data, "list_categories", refuse)
    dialog = IntakeDialog(coordinator_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(
        lambda: "niet worden geladen" in dialog.category_combo.currentText(), timeout=10_000
    )
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert any("categorieën (test)" in b.text() for b in boxes if b.isVisible())
    for box in boxes:
        box.close()
