"""Render one page of each printed document to docs/reports/*.png, from fictional data.

    .venv/bin/python tools/render_report_samples.py [--out docs/reports] [--keep-pdf]

Creates a throw-away store in a temporary folder, fills it with the fictional sample of
tests/reports/sample_data.py, prints every document through ``sociaalveilig.reports.api``
and turns the chosen page into a PNG with ``pdftoppm`` (poppler-utils).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sociaalveilig.core.enums import Role  # noqa: E402
from sociaalveilig.reports import api  # noqa: E402
from sociaalveilig.services.context import Actor, FixedClock, ServiceContext  # noqa: E402
from sociaalveilig.services.setup import create_store  # noqa: E402
from sociaalveilig.storage.models import FocusArea, Partner, User, UserArea  # noqa: E402
from tests.reports import sample_data as sd  # noqa: E402

NOW = datetime(2026, 4, 15, 10, 0)


def actor(admin: ServiceContext, role: Role, username: str, display: str,
          partner: str | None = None, areas: tuple[str, ...] = ()) -> ServiceContext:
    with admin.unit() as session:
        partner_id = (
            session.query(Partner).filter_by(name=partner).one().id if partner else None
        )
        user = User(username=username, display_name=display, role=role.value,
                    partner_id=partner_id, active=True, created_at=NOW)
        session.add(user)
        session.flush()
        area_ids = []
        for name in areas:
            area = session.query(FocusArea).filter_by(name=name).one()
            session.add(UserArea(user_id=user.id, focus_area_id=area.id))
            area_ids.append(area.id)
        return admin.with_actor(
            Actor(user.id, username, display, role, partner_id, frozenset(area_ids))
        )


def page_with(pdf: Path, needle: str | int) -> int:
    """The first page (1-based) whose text holds ``needle``; a number is taken as is."""
    if isinstance(needle, int):
        return needle
    from pypdf import PdfReader

    for number, page in enumerate(PdfReader(str(pdf)).pages, 1):
        if needle in (page.extract_text() or ""):
            return number
    raise SystemExit(f"'{needle}' staat niet in {pdf.name}")


def to_png(pdf: Path, page: int, target: Path) -> None:
    stem = target.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "80", "-f", str(page), "-l", str(page), "-singlefile",
         str(pdf), str(stem)],
        check=True,
    )
    print(f"{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=str(ROOT / "docs" / "reports"))
    parser.add_argument("--keep-pdf", action="store_true")
    args = parser.parse_args()
    if shutil.which("pdftoppm") is None:
        print("pdftoppm ontbreekt: installeer poppler-utils.", file=sys.stderr)
        return 2
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        clock = FixedClock(NOW)
        admin, _ = create_store(folder / "store", "beheer", "voorbeeld-wachtwoord-123",
                                "Beheerder Voorbeeld", clock)
        try:
            sample = sd.build_sample(admin)
            sd.build_region(admin, 3000, date(2025, 4, 1), date(2026, 4, 15))
            coordinator = actor(admin, Role.COORDINATOR, "coordinator", "Coördinator Voorbeeld")
            manager = actor(admin, Role.MANAGER, "manager", "Manager Voorbeeld")
            partner = actor(admin, Role.PARTNER, "woning", "Medewerker Woningcorporatie",
                            partner=sd.WONEN)
            pdfs = folder / "pdf"
            pdfs.mkdir()
            jobs: list[tuple[str, str | int, Callable[[Path], Path]]] = [
                ("casusoverzicht", 1, lambda p: api.case_summary(coordinator, sample.case_ref, p)),
                ("casusoverzicht-gepseudonimiseerd", 1,
                 lambda p: api.case_summary(manager, sample.case_ref, p)),
                ("buurtschouw-route-signalen", 1,
                 lambda p: api.buurtschouw_pack(coordinator, "heerlen noord", p)),
                ("buurtschouw-checklist", "Checklist heel",
                 lambda p: api.buurtschouw_pack(coordinator, "heerlen noord", p)),
                ("overleg-agenda", 1,
                 lambda p: api.meeting_agenda(coordinator, sample.meeting_id, p)),
                ("overleg-verslag-partner", 1,
                 lambda p: api.meeting_minutes(partner, sample.meeting_id, p)),
                ("management-2026Q1", 1,
                 lambda p: api.management_report(manager, "2026Q1", None, p)),
                ("management-2026Q1-grafieken", "Signalen naar categorie",
                 lambda p: api.management_report(manager, "2026Q1", None, p)),
            ]
            for name, page, make in jobs:
                pdf = pdfs / f"{name}.pdf"
                make(pdf)
                to_png(pdf, page_with(pdf, page), out / f"{name}.png")
                if args.keep_pdf:
                    shutil.copy(pdf, out / pdf.name)
        finally:
            admin.store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
