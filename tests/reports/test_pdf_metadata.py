"""The PDFs say which program made them (the document properties a records office reads)."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from sociaalveilig import APP_NAME
from sociaalveilig.core.enums import Role
from sociaalveilig.reports import api
from tests.conftest import ActorFactory


def test_a_report_names_the_program_as_creator(make_actor: ActorFactory, tmp_path: Path) -> None:
    manager = make_actor(Role.MANAGER, username="manager")
    out = api.management_report(manager, "2026Q1", None, tmp_path / "rapport.pdf")
    info = PdfReader(str(out)).metadata
    assert info is not None
    assert info.creator == APP_NAME
    assert info.title and info.subject == "Vertrouwelijk"
    assert info.author == manager.actor.display_name
