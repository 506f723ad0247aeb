"""docs/privacy.md cannot drift from the program: its tables of roles and what each may
do, retention defaults, audit fields and stored tables are compared with the code, and
every file it points to exists.

The tables are found by their headings and column names; the FG and the CISO read the
paper, so a failure here means: correct the paper (or the program), not the test.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from sociaalveilig.core.enums import Role
from sociaalveilig.core.errors import AccessDenied
from sociaalveilig.reports.api import subject_access_export
from sociaalveilig.services import (
    access,
    auditlog,
    autobackup,
    exports,
    imports,
    maintenance,
    report_management,
    retention_purge,
    retention_rules,
    setup,
    signal_intake,
    signal_linking,
    users,
)
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.storage import keyslots
from sociaalveilig.storage.models import AuditEntry, Base

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "privacy.md"

Row = dict[str, str]


def _table_after(heading: str) -> list[Row]:
    """The first markdown table after the heading whose text (without '#' and a leading
    section number) is ``heading``."""
    lines = DOC.read_text(encoding="utf-8").splitlines()
    start = next(
        (
            i
            for i, line in enumerate(lines)
            if line.startswith("#")
            and re.sub(r"^#+\s*(\d+\.\s*)?", "", line).strip() == heading
        ),
        None,
    )
    assert start is not None, f"docs/privacy.md has no heading '{heading}'"
    rows: list[list[str]] = []
    for line in lines[start + 1 :]:
        if line.startswith("|"):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
        elif rows or line.startswith("#"):
            break
    assert len(rows) >= 3, f"no table under '{heading}'"
    header, _rule, *body = rows
    return [dict(zip(header, row, strict=True)) for row in body]


def _denied(call: Callable[[], object]) -> bool:
    """Whether the service refuses the caller's role. Any other outcome (a result, or an
    error about the arguments) means the role got past the role check."""
    try:
        call()
    except AccessDenied:
        return True
    except Exception:  # only the role check matters here
        return False
    return False


def _in(roles: object) -> Callable[[ServiceContext, Path], str]:
    return lambda ctx, _tmp: "ja" if ctx.actor.role in roles else "nee"  # type: ignore[operator]


def _by_service(call: Callable[[ServiceContext, Path], object]) -> Callable[
    [ServiceContext, Path], str
]:
    return lambda ctx, tmp: "nee" if _denied(lambda: call(ctx, tmp)) else "ja"


def _case_content(ctx: ServiceContext, _tmp: Path) -> str:
    if _denied(lambda: access.refuse_beheerder(ctx)):
        return "nee"
    return "gepseudonimiseerd" if access.is_pseudonymised(ctx) else "ja"


AREA = "Kerkrade Oost"

# One checker per row of "Rollen en handelingen": from the code's own role lists where a
# service has one, else by calling the service as each role.
CHECKS: dict[str, Callable[[ServiceContext, Path], str]] = {
    "casusinhoud zien": _case_content,
    "losse signalen zien": _by_service(lambda ctx, _: access.require_signal_reader(ctx)),
    "signaal registreren": _in(signal_intake.INTAKE_ROLES),
    "casuswerk (koppelen, casus maken, status)": _in(signal_linking.CASE_WORK_ROLES),
    "noodknop": _in(access.EMERGENCY_ROLES),
    "exporteren naar CSV": _in(exports.EXPORT_ROLES),
    "importeren uit CSV": _in(imports.IMPORT_ROLES),
    "managementrapportage": _by_service(
        lambda ctx, _: report_management.management_data(ctx, "2026Q1", AREA)
    ),
    "inzageverzoek (AVG art. 15)": _by_service(
        lambda ctx, tmp: subject_access_export(
            ctx, "P-2026-999999", tmp / "inzage.pdf", tmp / "inzage.json"
        )
    ),
    "auditlog inzien": _by_service(lambda ctx, _: auditlog.count_audit(ctx)),
    "bewaartermijnen wijzigen": _by_service(
        lambda ctx, _: retention_rules.update_rule(ctx, "geen-regel", 400, "toets")
    ),
    "opschonen volgens bewaartermijnen": _by_service(
        lambda ctx, _: retention_purge.purge(ctx, date(2026, 1, 1))
    ),
    "back-up maken": _by_service(
        lambda ctx, tmp: maintenance.backup(ctx, tmp / "geen-map" / "b.svbackup")
    ),
    "gebruikers beheren": _by_service(lambda ctx, _: users.list_users(ctx)),
}


def test_the_roles_table_names_every_role_of_the_program() -> None:
    rows = _table_after("Rollen en wat zij zien")
    assert [row["rol"] for row in rows] == [role.value for role in Role]


def test_the_actions_table_says_what_each_role_may_do(make_actor, tmp_path: Path) -> None:
    rows = _table_after("Rollen en handelingen")
    assert [row["handeling"] for row in rows] == list(CHECKS), (
        "each row of 'Rollen en handelingen' needs its checker in CHECKS, and back"
    )
    contexts = {
        Role.BEHEERDER: make_actor(Role.BEHEERDER),
        Role.COORDINATOR: make_actor(Role.COORDINATOR),
        Role.WIJKAGENT: make_actor(Role.WIJKAGENT, areas=[AREA]),
        Role.PARTNER: make_actor(Role.PARTNER, partner="Woningcorporatie"),
        Role.MANAGER: make_actor(Role.MANAGER, areas=[AREA]),
    }
    wrong = []
    for row in rows:
        for role, ctx in contexts.items():
            actual = CHECKS[row["handeling"]](ctx, tmp_path)
            if row[role.value] != actual:
                wrong.append(f"{row['handeling']} / {role.value}: paper {row[role.value]}, "
                             f"program {actual}")
    assert wrong == []


def test_the_retention_table_is_the_default_of_a_new_store() -> None:
    rows = _table_after("Bewaartermijnen")
    assert [
        (row["code"], row["geldt voor"], int(row["termijn (dagen)"]), row["grondslag"])
        for row in rows
    ] == [(code, applies, days, basis) for code, _, applies, days, basis in setup.DEFAULT_RETENTION]


def test_the_audit_table_is_the_audit_log_and_its_csv_export() -> None:
    rows = _table_after("Het auditlog (NEN 7513)")
    assert {row["veld"] for row in rows} == {c.name for c in AuditEntry.__table__.columns}
    csv = [row["kolom in de CSV-export"] for row in rows if row["kolom in de CSV-export"] != "—"]
    assert tuple(csv) == auditlog.AUDIT_COLUMNS


def test_every_stored_table_is_described() -> None:
    rows = _table_after("Persoonsgegevens per tabel")
    with_personal_data = [row["tabel"] for row in rows]
    text = DOC.read_text(encoding="utf-8")
    paragraph = re.search(r"Tabellen zonder persoonsgegevens:(.*?)\n\n", text, re.S)
    assert paragraph is not None
    without = [name.strip(" .\n") for name in paragraph.group(1).split(",")]
    assert sorted(with_personal_data + without) == sorted(Base.metadata.tables), (
        "a table was added or removed: say in docs/privacy.md whether it holds personal data"
    )


def test_the_figures_in_the_paper_are_the_programs() -> None:
    from sociaalveilig.ui.clipboard import CLEAR_AFTER_MS
    from sociaalveilig.ui.settings import DEFAULT_IDLE_MINUTES

    text = " ".join(DOC.read_text(encoding="utf-8").split())
    assert f"minstens {keyslots.MIN_PASSPHRASE_LENGTH} tekens" in text
    assert f"na {DEFAULT_IDLE_MINUTES} minuten zonder invoer" in text
    assert f"na {CLEAR_AFTER_MS // 1000} seconden" in text
    assert f"laatste {autobackup.DEFAULT_KEEP} automatische back-ups" in text
    assert f"onder de {report_management.SUPPRESSION_THRESHOLD} afgeschermd" in text
    kdf = keyslots.KdfParams()
    assert (
        f"Argon2id {kdf.memory_kib // 1024} MiB, {kdf.iterations} passes, {kdf.lanes} lanes"
        in text
    )


def test_every_file_the_paper_points_to_exists() -> None:
    text = DOC.read_text(encoding="utf-8")
    paths = {p for p in re.findall(r"`([\w./-]+(?:\.py|/))`", text) if "/" in p}
    assert paths
    missing = [
        p for p in sorted(paths)
        if not (ROOT / p).exists() and not (ROOT / "sociaalveilig" / p).exists()
    ]
    assert missing == []
