"""A table model that holds only the ordered row ids and fetches rows lazily.

After Anki's browser and Vorta's table models (STYLE.md 5): the query (search text,
filters, sort) goes to the database, which returns the ordered list of ids; the model knows
its row count at once (the scroll bar is right from the start) and fetches the display rows
in pages of ``PAGE_SIZE`` when the view first asks for them. Both fetches run off the GUI
thread (``ui.operations``); until a page has arrived its cells show a placeholder.
Sorting asks the database for a new id order; there is no QSortFilterProxyModel over a
partly fetched model.

A model may also offer a first page (``fetch_head``: the first ids with the rows of the
first screenful, in one query): then the view shows those rows at once, and the whole id
list is fetched after it (``fetch_rest``); the rows beyond the first page are appended
when it arrives (``complete`` tells which state the model is in).

Roles: ``Qt.DisplayRole`` text, ``SortRole`` the native value (date, int, str),
``RowRole`` the row object (a frozen dataclass from a service), ``IdRole`` the id (known
without fetching). Subclasses set ``COLUMNS`` and implement ``fetch_ids``/``fetch_rows``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from sociaalveilig.services.context import ServiceContext

from sociaalveilig.ui import errors
from sociaalveilig.ui.models import live_order
from sociaalveilig.ui.operations import run_operation

PAGE_SIZE = 200
REST_DELAY_MS = 30
# A muted red for "attention" cells (overdue); readable on light and dark themes.
ATTENTION = QColor(176, 32, 32)

SortRole = Qt.ItemDataRole.UserRole + 1
RowRole = Qt.ItemDataRole.UserRole + 2
IdRole = Qt.ItemDataRole.UserRole + 3

# Plain ints and constants for the hot path: a view asks ``data`` for each visible cell in
# half a dozen roles on every paint, and a Qt enum compared or or-ed in Python costs more
# than the lookup itself (a 200-row page: 3,500 calls).
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_SORT = int(SortRole)
_ROW = int(RowRole)
_ID = int(IdRole)
_ANSWERED_ROLES = frozenset({_DISPLAY, _TOOLTIP, _ALIGNMENT, _FOREGROUND, _SORT, _ROW, _ID})
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
_ROW_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column: header text, the value shown, the native value, the database sort key."""

    header: str
    display: Callable[[R], str]
    sort_value: Callable[[R], Any] | None = None
    sort_key: str | None = None  # None: the database cannot sort on this column
    align_right: bool = False
    tooltip: Callable[[R], str] | None = None
    attention: Callable[[R], bool] | None = None  # shown in the attention colour (overdue)


@dataclass(frozen=True)
class Head(Generic[R]):
    """The first page of a list: its ids in order, their rows, and whether that is all."""

    ids: Sequence[str]
    rows: Sequence[R]
    complete: bool


@dataclass(frozen=True)
class ListQuery:
    """A minimal query: search text, filters and the database sort. Models over a service
    use that service's own query dataclass (``search.SignalQuery``), which has the same
    ``sort`` and ``descending`` fields."""

    text: str = ""
    filters: dict[str, Any] = field(default_factory=dict)
    sort: str | None = None
    descending: bool = False


class LazyTableModel(QAbstractTableModel, Generic[R]):
    """Row ids in memory, row objects fetched in pages on demand."""

    COLUMNS: Sequence[Column[Any]] = ()
    PLACEHOLDER = "…"

    # Emitted (on the GUI thread) when a new id list has arrived: its length.
    loaded = Signal(int)
    # Emitted when loading ids or rows failed: the exception.
    load_failed = Signal(object)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._ctx: ServiceContext | None = None
        self.COLUMNS = tuple(self.make_columns())
        self._query: Any = self.default_query()
        self._ids: list[str] = []
        self._pages: dict[int, dict[str, R]] = {}
        self._in_flight: set[int] = set()
        self._partial: set[int] = set()  # pages with only some rows (the first page's head)
        self._generation = 0
        self._layout = 0  # counts rows inserted or removed in place (apply_update)
        self.fetched_pages: list[int] = []  # for tests and diagnostics: pages fetched
        self.loading = False
        self.complete = True  # False while only the first page of the ids is known

    # ------------------------------------------------------------------ subclass contract

    def make_columns(self) -> Sequence[Column[Any]]:
        """The columns, headers through ``self.tr`` (read when the model is made)."""
        return type(self).COLUMNS

    def default_query(self) -> Any:
        """The query a new model starts with (a frozen dataclass with ``sort`` and
        ``descending``)."""
        return ListQuery()

    def fetch_ids(self, ctx: ServiceContext, query: Any) -> list[str]:
        """The ordered ids of the rows matching ``query`` (runs on a worker thread)."""
        raise NotImplementedError

    def fetch_rows(self, ctx: ServiceContext, ids: list[str]) -> Sequence[R]:
        """The display rows of ``ids`` (runs on a worker thread); any order."""
        raise NotImplementedError

    def fetch_head(self, ctx: ServiceContext, query: Any) -> Head[R] | None:
        """The first page of ids with their rows (runs on a worker thread), or None when
        this model has no such query: then the whole id list comes first."""
        return None

    def fetch_rest(self, ctx: ServiceContext, query: Any) -> list[str]:
        """The whole id list after a first page (runs on a worker thread)."""
        return self.fetch_ids(ctx, query)

    def fetch_update(
        self, ctx: ServiceContext, query: Any, ids: list[str]
    ) -> tuple[Sequence[R], Sequence[int], Sequence[str]] | None:
        """For changed records ``ids``: the rows that are in the list of ``query`` now,
        their places, and the ids that are not (runs on a worker thread); None where this
        model does not follow changes in place."""
        return None

    @staticmethod
    def row_id(row: Any) -> str:
        return str(row.id)

    # ------------------------------------------------------------------ state

    @property
    def query(self) -> Any:
        return self._query

    @property
    def ids(self) -> list[str]:
        return list(self._ids)

    def set_context(self, ctx: ServiceContext | None) -> None:
        """A new context reloads; None (lock) empties the model at once."""
        self._ctx = ctx
        if ctx is None:
            self.clear()

    def clear(self) -> None:
        """Drop every id and row (lock); results still under way are ignored."""
        self._generation += 1
        self.beginResetModel()
        self._ids = []
        self._pages = {}
        self._in_flight = set()
        self._partial = set()
        self.endResetModel()
        self.loading = False
        self.complete = True

    def set_query(self, query: Any) -> None:
        self._query = query
        self.reload()

    def reload(self) -> None:
        """Ask the database for the ids of the current query (off the GUI thread)."""
        ctx = self._ctx
        if ctx is None:
            return
        self._generation += 1
        generation = self._generation
        query = self._query
        self.loading = True

        def first() -> Head[R] | list[str]:
            head = self.fetch_head(ctx, query)
            return head if head is not None else self.fetch_ids(ctx, query)

        run_operation(
            None,
            first,
            lambda result: self._first_arrived(generation, query, result),
            lambda exc: self._failed(generation, exc),
            owner=self,
        )

    def _first_arrived(self, generation: int, query: Any, result: Head[R] | list[str]) -> None:
        if isinstance(result, Head):
            self._head_arrived(generation, query, result)
        else:
            self._ids_arrived(generation, result)

    def _ids_arrived(self, generation: int, ids: list[str]) -> None:
        if generation != self._generation or self._ctx is None:
            return
        self.beginResetModel()
        self._ids = list(ids)
        self._pages = {}
        self._in_flight = set()
        self._partial = set()
        self.fetched_pages = []
        self.endResetModel()
        self.loading = False
        self.complete = True
        self.loaded.emit(len(self._ids))

    def _head_arrived(self, generation: int, query: Any, head: Head[R]) -> None:
        """Show the first page at once; ask for the rest of the ids behind it."""
        if generation != self._generation or self._ctx is None:
            return
        self.beginResetModel()
        self._ids = list(head.ids)
        self._pages = {0: {self.row_id(r): r for r in head.rows}} if head.ids else {}
        self._in_flight = set()
        # The head may hold rows for the first screenful only: the rest of the first page
        # is fetched when the view asks for one of its rows.
        self._partial = {0} if len(head.rows) < min(len(head.ids), PAGE_SIZE) else set()
        self.fetched_pages = [0] if head.ids else []
        self.endResetModel()
        self.loading = False
        self.complete = head.complete
        self.loaded.emit(len(self._ids))
        if not head.complete:
            self._request_rest(generation, query)

    def _request_rest(self, generation: int, query: Any) -> None:
        ctx = self._ctx
        if generation != self._generation or ctx is None:
            return
        def rest() -> list[str]:
            # A list the user has moved on from meanwhile is not read at all.
            return self.fetch_rest(ctx, query) if generation == self._generation else []

        run_operation(
            None,
            rest,
            lambda ids: self._rest_arrived(generation, ids),
            lambda exc: self._failed(generation, exc),
            owner=self,
            # After the first page is painted: the paint runs Python for every cell, and a
            # worker turning up to 200,000 ids into strings meanwhile holds the GIL against
            # it, so without the wait the first page shows later (docs/reliability.md).
            delay_ms=REST_DELAY_MS,
        )

    def _rest_arrived(self, generation: int, ids: list[str]) -> None:
        """Append the rows after the first page; if the list changed in between (a signal
        added or moved by someone else), start over with the new list."""
        if generation != self._generation or self._ctx is None:
            return
        known = len(self._ids)
        if ids[:known] != self._ids or len(ids) < known:
            self._ids_arrived(generation, ids)
            return
        if len(ids) > known:
            self.beginInsertRows(QModelIndex(), known, len(ids) - 1)
            self._ids = list(ids)
            self.endInsertRows()
            if known % PAGE_SIZE:  # a first page shorter than a page: fetch it whole
                self._pages.pop(known // PAGE_SIZE, None)
        self.complete = True
        self.loaded.emit(len(self._ids))

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.loading = False
        errors.log_exception(exc)
        self.load_failed.emit(exc)

    # ------------------------------------------------------------------ lazy rows

    def row_object(self, row: int) -> R | None:
        """The row object if its page has arrived; otherwise asks for the page."""
        if not 0 <= row < len(self._ids):
            return None
        page = row // PAGE_SIZE
        loaded = self._pages.get(page)
        if loaded is None:
            self._request_page(page)
            return None
        found = loaded.get(self._ids[row])
        if found is None and page in self._partial:
            self._request_page(page)
        return found

    def is_row_loaded(self, row: int) -> bool:
        if not 0 <= row < len(self._ids):
            return False
        page = row // PAGE_SIZE
        loaded = self._pages.get(page)
        if loaded is None:
            return False
        return page not in self._partial or self._ids[row] in loaded

    def _request_page(self, page: int) -> None:
        ctx = self._ctx
        if ctx is None or page in self._in_flight:
            return
        if page in self._pages and page not in self._partial:
            return
        self._in_flight.add(page)
        self.fetched_pages.append(page)
        generation, layout = self._generation, self._layout
        ids = self._ids[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
        run_operation(
            None,
            lambda: list(self.fetch_rows(ctx, ids)),
            lambda rows: self._page_arrived(generation, page, rows, layout),
            lambda exc: self._failed(generation, exc),
            owner=self,
        )

    def _page_arrived(
        self, generation: int, page: int, rows: list[R], layout: int | None = None
    ) -> None:
        if generation != self._generation or self._ctx is None:
            return
        self._in_flight.discard(page)
        if layout is not None and layout != self._layout:
            # Rows were inserted or removed since the page was asked for: its rows are
            # sorted into the pages where their ids are now.
            cached = self._cached_rows()
            cached.update({self.row_id(r): r for r in rows})
            self._rebucket(cached)
            self._emit_rows_changed(0, len(self._ids) - 1)
            return
        self._partial.discard(page)
        self._pages[page] = {self.row_id(r): r for r in rows}
        self._emit_rows_changed(page * PAGE_SIZE, min(len(self._ids), (page + 1) * PAGE_SIZE) - 1)

    def _emit_rows_changed(self, first: int, last: int) -> None:
        if last >= first and self.columnCount() > 0:
            self.dataChanged.emit(
                self.index(first, 0),
                self.index(last, self.columnCount() - 1),
                [
                    Qt.ItemDataRole.DisplayRole,
                    Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.ForegroundRole,
                    SortRole,
                    RowRole,
                ],
            )

    # ------------------------------------------------------------------ live updates

    def apply_update(
        self, rows: Sequence[R], positions: Sequence[int], gone: Sequence[str]
    ) -> None:
        """Another desk changed some records (a centre's change feed): ``rows`` belong in
        the list now, each at its place in ``positions`` (under the current query), and the
        rows in ``gone`` no longer do. A changed row whose place is the same is replaced in
        place (one ``dataChanged``); one whose sort value changed moves to its new place
        (Qt's move signals), a new one is inserted, a gone one removed. A row whose place
        lies past the ids this model holds (only the first page known) is left to the rest
        of the list. The move, insert and remove signals keep the selection, the current
        index and the persistent indexes on the same records; nothing else is fetched."""
        if self._ctx is None:
            return
        cached = self._cached_rows()
        fresh = {self.row_id(row_object): row_object for row_object in rows}
        places = {self.row_id(r): p for r, p in zip(rows, positions, strict=True)}
        steps = live_order.plan(self._ids, places, gone, complete=self.complete)
        moved = False
        for step in steps:
            if isinstance(step, live_order.Remove):
                row = self._ids.index(step.key)
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._ids[row]
                self.endRemoveRows()
                cached.pop(step.key, None)
                moved = True
            elif self._place(step.key, step.after):
                moved = True
        place = live_order.positions(self._ids, fresh)
        shown = {key: row_object for key, row_object in fresh.items() if key in place}
        if moved:
            cached.update(shown)
            self._layout += 1
            self._rebucket(cached)
        else:
            for key, row_object in shown.items():
                page = self._pages.get(place[key] // PAGE_SIZE)
                if page is not None:
                    page[key] = row_object
        for key in shown:
            self._emit_rows_changed(place[key], place[key])
        if moved:
            self.loaded.emit(len(self._ids))

    def _place(self, key: str, after: str | None) -> bool:
        """Put ``key`` right after ``after`` (None: first); True when rows moved."""
        target = self._ids.index(after) + 1 if after is not None else 0
        if key not in self._ids:
            self.beginInsertRows(QModelIndex(), target, target)
            self._ids.insert(target, key)
            self.endInsertRows()
            return True
        source = self._ids.index(key)
        if target in (source, source + 1):
            return False  # already right after ``after``
        # Qt's destination counts in the rows before the move; ours after taking it out.
        self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), target)
        del self._ids[source]
        self._ids.insert(target - 1 if target > source else target, key)
        self.endMoveRows()
        return True

    def follow_changes(self, ids: Sequence[str]) -> None:
        """Records ``ids`` changed elsewhere: ask for their rows under the current query
        (off the GUI thread) and ``apply_update`` them; a reload meanwhile wins."""
        ctx = self._ctx
        if ctx is None or not ids:
            return
        generation, query, wanted = self._generation, self._query, list(dict.fromkeys(ids))
        run_operation(
            None,
            lambda: self.fetch_update(ctx, query, wanted),
            lambda update: self._update_arrived(generation, update),
            lambda exc: self._failed(generation, exc),
            owner=self,
        )

    def _update_arrived(
        self, generation: int, update: tuple[Sequence[R], Sequence[int], Sequence[str]] | None
    ) -> None:
        if generation != self._generation or update is None or self._ctx is None:
            return
        self.apply_update(*update)

    def _cached_rows(self) -> dict[str, R]:
        cached: dict[str, R] = {}
        for page in self._pages.values():
            cached.update(page)
        return cached

    def _rebucket(self, cached: dict[str, R]) -> None:
        """The cached rows sorted into the pages their ids are on now; a page that has
        some but not all of its rows is fetched whole when the view next asks."""
        pages: dict[int, dict[str, R]] = {}
        partial: set[int] = set()
        for page in range((len(self._ids) + PAGE_SIZE - 1) // PAGE_SIZE):
            ids = self._ids[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
            have = {key: cached[key] for key in ids if key in cached}
            if have:
                pages[page] = have
                if len(have) < len(ids):
                    partial.add(page)
        self._pages = pages
        self._partial = partial
        self._in_flight = set()

    def refresh_row(self, row_id: str) -> None:
        """Forget the cached page of one row so it is fetched again."""
        try:
            row = self._ids.index(row_id)
        except ValueError:
            return
        self._pages.pop(row // PAGE_SIZE, None)
        self._request_page(row // PAGE_SIZE)

    # ------------------------------------------------------------------ Qt model API

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        role = int(role)
        if role not in _ANSWERED_ROLES:
            return None
        row_number, column_number = index.row(), index.column()
        if not 0 <= row_number < len(self._ids) or not 0 <= column_number < len(self.COLUMNS):
            return None  # also an invalid index (row -1)
        if role == _ID:
            return self._ids[row_number]
        column = self.COLUMNS[column_number]
        if role == _ALIGNMENT:
            return _RIGHT if column.align_right else None
        row = self.row_object(row_number)
        if row is None:
            return self.PLACEHOLDER if role == _DISPLAY else None
        if role == _DISPLAY:
            return column.display(row)
        if role == _ROW:
            return row
        if role == _SORT:
            return (column.sort_value or column.display)(row)
        if role == _TOOLTIP:
            return column.tooltip(row) if column.tooltip else None
        if column.attention is not None and column.attention(row):  # _FOREGROUND
            return QBrush(ATTENTION)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.COLUMNS[section].header  # the tooltip: the whole title where cut
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _ROW_FLAGS

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is done by the database: a new id order is fetched."""
        if not 0 <= column < len(self.COLUMNS):
            return
        key = self.COLUMNS[column].sort_key
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self._query.sort and descending == self._query.descending:
            return
        self.set_query(replace(self._query, sort=key, descending=descending))

    def sort_column(self) -> tuple[int, Qt.SortOrder] | None:
        """The column and order the current query sorts on, for the header indicator."""
        for column, spec in enumerate(self.COLUMNS):
            if spec.sort_key is not None and spec.sort_key == self._query.sort:
                order = (
                    Qt.SortOrder.DescendingOrder
                    if self._query.descending
                    else Qt.SortOrder.AscendingOrder
                )
                return column, order
        return None
