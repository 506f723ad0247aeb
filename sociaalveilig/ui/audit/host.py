"""What a Privacy panel needs from the page that holds it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from sociaalveilig.services.context import ServiceContext

T = TypeVar("T")


class PanelHost(Protocol):
    """The page: its context (None while locked) and its way of calling a service."""

    @property
    def ctx(self) -> ServiceContext | None: ...

    def run(
        self,
        fn: Callable[[ServiceContext], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        *,
        progress: str | None = None,
        changes_data: bool = False,
    ) -> Any: ...
