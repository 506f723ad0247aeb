"""What the window and ``sociaalveilig-admin report`` call: gather, lay out, write.

Each function checks the output path first (a clear Dutch message before anything is read
or logged), gathers its data through the ``services.report_*`` modules (access-checked and
audit-logged there), lays the PDF out in memory and writes it with ``atomic_output``: a
temporary file beside the target, renamed over it only when complete, so a failure never
leaves a half-written PDF.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from sociaalveilig.core.errors import ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.services import (
    report_buurtschouw,
    report_case,
    report_management,
    report_meeting,
    report_shared,
    subject_access,
)
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.storage.files import atomic_output
from sociaalveilig.storage.output_guard import check_output_file

# The layout modules (and reportlab, slow to import) are loaded on the first print, not
# when the window that offers printing starts.


def check_output_path(out: Path) -> Path:
    """Refuse a target that cannot be written, before any data is read."""
    path = Path(out).expanduser()
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise ValidationError(
            tr("{path} is een map. Geef een bestandsnaam op, zoals {path}/rapport.pdf.").format(
                path=path
            ),
            field="out",
        )
    if not folder.is_dir():
        raise ValidationError(
            tr("De map {folder} bestaat niet. Kies een bestaande map voor het PDF-bestand.")
            .format(folder=folder),
            field="out",
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ValidationError(
            tr("Geen schrijfrechten in de map {folder}. Kies een andere map.").format(
                folder=folder
            ),
            field="out",
        )
    if path.exists() and not os.access(path, os.W_OK):
        raise ValidationError(
            tr("{path} is alleen-lezen. Kies een andere bestandsnaam.").format(path=path),
            field="out",
        )
    # Never a store's file, a device, or a link out of the folder (storage.output_guard).
    return check_output_file(path)


def _write(
    ctx: ServiceContext, path: Path, pdf: bytes, object_type: str, object_id: str | None
) -> Path:
    try:
        with atomic_output(path) as fh:
            fh.write(pdf)
    except ValidationError:
        # The data was read and logged as printed; note that the file never came about.
        report_shared.log_failed_write(ctx, object_type, object_id)
        raise
    return path


def case_summary(
    ctx: ServiceContext,
    ref: str,
    out: Path,
    pseudonymised: bool = False,
    purpose: str | None = None,
) -> Path:
    """Casusoverzicht of case ``ref`` (reference such as C-2026-00042); pseudonymised for
    managers whatever ``pseudonymised`` says. AccessDenied for a case outside the user's
    scope unless ``purpose`` (noodknop) is given."""
    path = check_output_path(out)
    data = report_case.case_summary_data(ctx, ref, pseudonymised=pseudonymised, purpose=purpose)
    from sociaalveilig.reports import case_summary as _case

    return _write(ctx, path, _case.render(data), "case", data.reference)


def case_summary_bytes(
    ctx: ServiceContext, ref: str, pseudonymised: bool = False, purpose: str | None = None
) -> bytes:
    """The same document in memory, for a preview in the window (logged as a print)."""
    from sociaalveilig.reports import case_summary as _case

    data = report_case.case_summary_data(ctx, ref, pseudonymised=pseudonymised, purpose=purpose)
    return _case.render(data)


def buurtschouw_pack(
    ctx: ServiceContext, area: str, out: Path, walk_date: date | None = None
) -> Path:
    """The walk preparation pack for a focus area (name, any case, or a unique start)."""
    path = check_output_path(out)
    from sociaalveilig.reports import buurtschouw_pack as _pack

    data = report_buurtschouw.buurtschouw_pack_data(ctx, area, walk_date)
    return _write(ctx, path, _pack.render(data), "buurtschouw",
                  data.planned_walk_id or data.area_id)


def meeting_agenda(
    ctx: ServiceContext, meeting_id: str, out: Path, partner_id: str | None = None
) -> Path:
    """The agenda; with ``partner_id`` (always, for a partner user) that partner's copy."""
    path = check_output_path(out)
    from sociaalveilig.reports import meeting_docs as _meeting

    data = report_meeting.meeting_doc_data(ctx, meeting_id, minutes=False, partner_id=partner_id)
    return _write(ctx, path, _meeting.render(data), "meeting", data.meeting_id)


def meeting_minutes(
    ctx: ServiceContext, meeting_id: str, out: Path, partner_id: str | None = None
) -> Path:
    """The minutes (verslag): decisions and actions; a partner's copy holds only its items."""
    path = check_output_path(out)
    from sociaalveilig.reports import meeting_docs as _meeting

    data = report_meeting.meeting_doc_data(ctx, meeting_id, minutes=True, partner_id=partner_id)
    return _write(ctx, path, _meeting.render(data), "meeting", data.meeting_id)


def management_report(ctx: ServiceContext, period: str, area: str | None, out: Path) -> Path:
    """Figures for ``period`` (2026, 2026Q3 or 2026-07) and all or one focus area."""
    path = check_output_path(out)
    from sociaalveilig.reports import management as _management

    data = report_management.management_data(ctx, period, area)
    return _write(ctx, path, _management.render(data), "management_report", data.period.code)


def subject_access_export(
    ctx: ServiceContext, person_ref: str, out_pdf: Path, out_json: Path
) -> subject_access.ExportResult:
    """Everything held about one person (AVG art. 15) as a PDF and a JSON file; the service
    gathers, checks, writes and logs, this module lays the PDF out."""
    from sociaalveilig.reports.subject_access_pdf import render_subject_access

    return subject_access.export_person(
        ctx, person_ref, out_pdf, out_json, render_pdf=render_subject_access
    )
