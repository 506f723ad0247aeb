"""Writing reports: bad paths, no half-written files, the command line, the layering."""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from sociaalveilig import cli
from sociaalveilig.core.errors import ValidationError
from sociaalveilig.reports import api
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.storage.models import AuditEntry
from tests.conftest import ADMIN, ADMIN_PASSPHRASE
from tests.reports import sample_data as sd
from tests.reports.pdftext import text


@pytest.fixture
def sample(admin_ctx: ServiceContext) -> sd.Sample:
    return sd.build_sample(admin_ctx)


def test_missing_folder_is_a_clear_validation_error(
    coordinator_ctx: ServiceContext, sample: sd.Sample, tmp_path: Path
) -> None:
    out = tmp_path / "bestaat-niet" / "casus.pdf"
    with pytest.raises(ValidationError, match="bestaat niet") as info:
        api.case_summary(coordinator_ctx, sample.case_ref, out)
    assert info.value.field == "out" and info.value.exit_code == 4
    assert not out.parent.exists()


def test_folder_as_target_is_refused(
    coordinator_ctx: ServiceContext, sample: sd.Sample, tmp_path: Path
) -> None:
    with pytest.raises(ValidationError, match="is een map"):
        api.case_summary(coordinator_ctx, sample.case_ref, tmp_path)


def test_a_file_in_the_way_of_the_folder_is_refused(
    coordinator_ctx: ServiceContext, sample: sd.Sample, tmp_path: Path
) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("x")
    with pytest.raises(ValidationError):
        api.case_summary(coordinator_ctx, sample.case_ref, blocker / "casus.pdf")
    assert blocker.read_text() == "x"


def test_failed_write_leaves_no_file_and_keeps_the_old_one(
    coordinator_ctx: ServiceContext, sample: sd.Sample, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "uit"
    folder.mkdir()
    out = folder / "casus.pdf"
    out.write_bytes(b"oude versie")

    def disk_full(src: object, dst: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(ValidationError, match=r"Kan .* niet schrijven"):
        api.case_summary(coordinator_ctx, sample.case_ref, out)
    monkeypatch.undo()
    assert out.read_bytes() == b"oude versie"
    assert sorted(p.name for p in folder.iterdir()) == ["casus.pdf"]  # no temporary left
    with coordinator_ctx.unit() as session:
        outcomes = session.execute(
            select(AuditEntry.outcome).where(AuditEntry.action == "print",
                                             AuditEntry.object_id == sample.case_ref)
        ).scalars().all()
    assert "failed" in outcomes


def test_existing_file_is_replaced_whole(
    coordinator_ctx: ServiceContext, sample: sd.Sample, tmp_path: Path
) -> None:
    out = tmp_path / "casus.pdf"
    out.write_bytes(b"oude versie")
    api.case_summary(coordinator_ctx, sample.case_ref, out)
    assert out.read_bytes().startswith(b"%PDF-")
    assert out.read_bytes().rstrip().endswith(b"%%EOF")
    assert sample.case_ref in text(out)


def test_bad_path_is_refused_before_anything_is_read_or_logged(
    coordinator_ctx: ServiceContext, sample: sd.Sample, tmp_path: Path
) -> None:
    with pytest.raises(ValidationError):
        api.case_summary(coordinator_ctx, sample.case_ref, tmp_path / "nee" / "c.pdf")
    with coordinator_ctx.unit() as session:
        assert session.execute(
            select(AuditEntry).where(AuditEntry.action == "print")
        ).first() is None


def _cli(store: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(
        ["--store", str(store), "--user", ADMIN, "--passphrase-stdin", *args],
        stdin=io.StringIO(ADMIN_PASSPHRASE + "\n"),
        stdout=out,
        stderr=err,
    )
    return code, out.getvalue(), err.getvalue()


def test_command_line_management_report(store_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "q1.pdf"
    code, stdout, stderr = _cli(store_dir, "report", "management", "--period", "2026Q1",
                                "--area", "kerkrade", "--out", str(out))
    assert code == 0, stderr
    assert "Rapport geschreven" in stdout
    assert "Kerkrade Oost" in text(out)

    code, _, stderr = _cli(store_dir, "report", "management", "--period", "2026-Q9",
                           "--out", str(tmp_path / "x.pdf"))
    assert code == 4
    assert "2026Q3" in stderr and "Traceback" not in stderr
    assert not (tmp_path / "x.pdf").exists()

    code, _, stderr = _cli(store_dir, "report", "management", "--period", "2026Q1",
                           "--out", str(tmp_path / "geen" / "x.pdf"))
    assert code == 4 and "bestaat niet" in stderr


def test_reports_import_no_qt() -> None:
    probe = (
        "import sys\n"
        "import sociaalveilig.reports.api, sociaalveilig.services.report_management\n"
        "bad = sorted(m for m in sys.modules if m.startswith('PySide6') or "
        "m.startswith('sociaalveilig.ui'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == ""
