"""The filter chip's menu stays open while ticking (mouse and keyboard) and tells the page
once, when it closes; ``select`` still tells at once; the period chip picks one and closes."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction

from sociaalveilig.core.enums import SignalStatus
from tests.ui.builders import bulk_signals

from sociaalveilig.ui.filter_chip import FilterChip
from sociaalveilig.ui.pages.signals import SignalsPage

OPTIONS = [("nieuw", "Nieuw"), ("gerouteerd", "Gerouteerd"), ("gekoppeld", "Gekoppeld"),
           ("afgewezen", "Afgewezen")]


def _chip(qtbot, single: bool = False) -> tuple[FilterChip, list[int]]:
    chip = FilterChip("Status", single=single)
    qtbot.addWidget(chip)
    chip.set_options(OPTIONS)
    chip.show()
    told: list[int] = []
    chip.changed.connect(lambda: told.append(1))
    return chip, told


def _open(qtbot, chip: FilterChip) -> None:
    # popup() rather than the chip's click: the click runs the menu in its own event loop.
    chip.menu().popup(chip.mapToGlobal(QPoint(0, chip.height())))
    qtbot.waitUntil(chip.menu().isVisible)


def _action(chip: FilterChip, value: str) -> QAction:
    return next(a for a in chip.menu().actions() if a.data() == value)


def _click(qtbot, chip: FilterChip, value: str) -> None:
    menu = chip.menu()
    pos = menu.actionGeometry(_action(chip, value)).center()
    qtbot.mouseMove(menu, pos)
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=pos)


def test_three_ticks_in_one_opening_and_one_change_on_closing(qtbot):
    chip, told = _chip(qtbot)
    _open(qtbot, chip)
    for value in ("nieuw", "gerouteerd", "gekoppeld"):
        _click(qtbot, chip, value)
        assert chip.menu().isVisible()  # still open for the next tick
    assert chip.text() == "Status: 3 gekozen"  # the text follows every tick
    assert told == []  # the list is not searched per tick
    qtbot.keyClick(chip.menu(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not chip.menu().isVisible())
    assert told == [1]
    assert chip.selected() == ["nieuw", "gerouteerd", "gekoppeld"]


def test_keyboard_space_and_enter_tick_without_closing(qtbot):
    chip, told = _chip(qtbot)
    _open(qtbot, chip)
    menu = chip.menu()
    menu.setActiveAction(_action(chip, "nieuw"))
    qtbot.keyClick(menu, Qt.Key.Key_Space)
    qtbot.keyClick(menu, Qt.Key.Key_Down)
    assert menu.activeAction() is _action(chip, "gerouteerd")
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    assert menu.isVisible() and told == []
    assert chip.selected() == ["nieuw", "gerouteerd"]
    qtbot.keyClick(menu, Qt.Key.Key_Space)  # and off again
    assert chip.selected() == ["nieuw"]
    qtbot.keyClick(menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not menu.isVisible())
    assert told == [1]


def test_ticking_back_to_the_start_changes_nothing(qtbot):
    chip, told = _chip(qtbot)
    _open(qtbot, chip)
    _click(qtbot, chip, "afgewezen")
    _click(qtbot, chip, "afgewezen")
    chip.menu().hide()
    assert told == [] and chip.selected() == []
    assert chip.text() == "Status: alle"


def test_select_tells_at_once(qtbot):
    chip, told = _chip(qtbot)
    chip.select(["gekoppeld", "nieuw"])
    assert told == [1]
    assert chip.selected() == ["nieuw", "gekoppeld"]
    assert chip.text() == "Status: Nieuw, Gekoppeld"
    chip.clear_selection()
    assert told == [1, 1] and chip.selected() == []


def test_single_chip_picks_one_closes_and_tells_once(qtbot):
    chip, told = _chip(qtbot, single=True)
    chip.select(["nieuw"])
    told.clear()
    _open(qtbot, chip)
    _click(qtbot, chip, "gekoppeld")
    qtbot.waitUntil(lambda: not chip.menu().isVisible())
    assert told == [1]  # not twice (one entry off, one on)
    assert chip.selected() == ["gekoppeld"]
    chip.clear_selection()
    assert chip.selected() == [] and chip.text() == "Status: alle"


def test_signals_page_searches_once_with_all_three_statuses(
    qtbot, coordinator_ctx, wait_idle, monkeypatch
):
    bulk_signals(coordinator_ctx, 5)
    page = SignalsPage()
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.set_context(coordinator_ctx)
    wait_idle()
    queries = []
    set_query = page.model.set_query
    monkeypatch.setattr(page.model, "set_query", lambda q: (queries.append(q), set_query(q)))
    chip = page.status_chip
    _open(qtbot, chip)
    wanted = [SignalStatus.NIEUW.value, SignalStatus.GEROUTEERD.value,
              SignalStatus.GEKOPPELD.value]
    for value in wanted:
        _click(qtbot, chip, value)
    assert queries == []
    chip.menu().hide()
    wait_idle()
    assert len(queries) == 1 and set(queries[0].statuses) == set(wanted)
    assert set(page.model.query.statuses) == set(wanted)


def test_a_long_choice_is_cut_short_with_the_whole_in_the_tooltip(qtbot):
    long_name = "Stedelijk lint Schaesberg – Oud Nieuwenhagen – Lauradorp"
    chip = FilterChip("Gebied")
    qtbot.addWidget(chip)
    chip.set_options([("a", "Nuth"), ("b", long_name)])
    chip.select(["a"])
    short_width = chip.sizeHint().width()
    assert chip.text() == "Gebied: Nuth"
    chip.select(["b"])
    assert chip.text().startswith("Gebied: Stedelijk") and chip.text().endswith("…")
    assert long_name not in chip.text() and chip.toolTip() == long_name
    # The chip grows by at most the allowed characters, not by the whole name.
    metrics = chip.fontMetrics()
    assert chip.sizeHint().width() - short_width < metrics.horizontalAdvance(long_name)
