"""The pages of the main window's navigation, in the order users see them.

Each entry names a module in this package and the ``Page`` subclass in it. Modules are
imported when the window is built, not when this package is imported, so a page's
module can use anything from ``sociaalveilig.ui`` without import cycles.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sociaalveilig.ui.pages.base import Page

log = logging.getLogger(__name__)

# (module, class): Vandaag, Signalen, Casussen, Overleggen, Huisbezoeken, Opschalingen,
# Buurtschouwen, Rapportages, Beheer (beheerder only: AdminPage.roles), Privacy (audit log,
# noodknop, bewaartermijnen, inzageverzoek; beheerder and coördinator).
PAGE_REGISTRY: tuple[tuple[str, str], ...] = (
    ("today", "TodayPage"),
    ("signals", "SignalsPage"),
    ("cases", "CasesPage"),
    ("meetings", "MeetingsPage"),
    ("visits", "VisitsPage"),
    ("escalations", "EscalationsPage"),
    ("buurtschouw", "BuurtschouwPage"),
    ("reports", "ReportsPage"),
    ("admin", "AdminPage"),
    ("audit", "AuditPage"),
)


def page_classes() -> list[type[Page]]:
    """The page classes in navigation order.

    A page whose module is not in this build yet is left out (logged), so the window
    still opens while pages are being added; any other import error is a bug and raised.
    """
    classes: list[type[Page]] = []
    for module_name, class_name in PAGE_REGISTRY:
        qualified = f"{__name__}.{module_name}"
        try:
            module = importlib.import_module(qualified)
        except ModuleNotFoundError as exc:
            if exc.name != qualified:
                raise
            log.warning("page module %s not available; left out of the navigation", module_name)
            continue
        classes.append(getattr(module, class_name))
    return classes
