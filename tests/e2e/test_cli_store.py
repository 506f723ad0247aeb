"""sociaalveilig-admin end to end: init → user add → import → export → verify, with the
documented exit codes (0 done, 2 usage, 3 authentication, 4 invalid input, 5 damaged),
one clear line on stderr and never a traceback; a damaged store; and an import killed with
SIGKILL halfway that leaves the store whole."""

from __future__ import annotations

import csv
import io
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from sociaalveilig.cli import run
from tests.conftest import ADMIN, ADMIN_PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
COORD = "coordinator"
COORD_PASSPHRASE = "coordinator-wachtwoord-42"
HEADER = (
    "datum;bron;organisatie;categorie;postcode;huisnummer;toevoeging;straat;plaats;"
    "omschrijving;urgentie;melder"
)
ROWS = [
    "14-04-2026 09:30;politie;;WO-OVL;6463 ab;12;;Fictiefstraat;Kerkrade;Harde muziek;;",
    "2026-04-13;woningcorporatie;;Zorgen om bewoner;6431BC;5;a;Proefweg;Hoensbroek;"
    "Bewoner niet gezien;hoog;anoniem",
    "01-04-2026 22:15;bewoner;;VE-PLEK;9999 ZZ;3;;;Ergens;Donkere steeg;laag;Melder Fictief",
]


@dataclass
class Result:
    code: int
    out: str
    err: str


def cli(store: Path, *args: str, stdin: str = "", user: str | None = None) -> Result:
    out, err = io.StringIO(), io.StringIO()
    argv = ["--store", str(store), "--passphrase-stdin"]
    if user:
        argv += ["--user", user]
    code = run([*argv, *args], stdin=io.StringIO(stdin), stdout=out, stderr=err)
    result = Result(code, out.getvalue(), err.getvalue())
    assert "Traceback" not in result.err and "Traceback" not in result.out
    return result


def write_csv(path: Path, rows: list[str]) -> Path:
    path.write_bytes(("\r\n".join([HEADER, *rows]) + "\r\n").encode("utf-8"))
    return path


def read_csv(path: Path) -> list[dict[str, str]]:
    data = path.read_bytes()
    assert data.startswith("\ufeff".encode())  # Excel reads the accents
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def as_coord(store: Path, *args: str) -> Result:
    return cli(store, *args, stdin=COORD_PASSPHRASE + "\n", user=COORD)


def add_coordinator(store: Path) -> None:
    result = cli(
        store,
        "user",
        "add",
        COORD,
        "--role",
        "coordinator",
        stdin=f"{ADMIN_PASSPHRASE}\n{COORD_PASSPHRASE}\n",
        user=ADMIN,
    )
    assert result.code == 0, result.err


def test_init_user_import_export_verify(tmp_path: Path) -> None:
    store = tmp_path / "opslag"
    init = cli(store, "init", "--user", "beheer", stdin="eerste-wachtwoord-beheer\n")
    assert init.code == 0, init.err
    assert "Herstelcode" in init.out
    add = cli(
        store,
        "user",
        "add",
        COORD,
        "--role",
        "coordinator",
        stdin="eerste-wachtwoord-beheer\n" + COORD_PASSPHRASE + "\n",
        user="beheer",
    )
    assert add.code == 0, add.err

    good = write_csv(tmp_path / "signalen.csv", ROWS)
    imported = as_coord(store, "import", "signals", str(good))
    assert imported.code == 0, imported.err
    assert "3 signalen geïmporteerd" in imported.out

    out = tmp_path / "export.csv"
    exported = as_coord(store, "export", "signals", str(out))
    assert exported.code == 0, exported.err
    rows = read_csv(out)
    # Oldest first.
    assert [r["id"] for r in rows] == ["S-2026-000003", "S-2026-000002", "S-2026-000001"]
    assert {r["categorie"] for r in rows} == {"WO-OVL", "ZV-ZORG", "VE-PLEK"}

    # The export imports again cleanly.
    again = as_coord(store, "import", "signals", str(out))
    assert again.code == 0, again.err
    assert "3 signalen geïmporteerd" in again.out

    cases_out = tmp_path / "casussen.csv"
    cases = as_coord(store, "export", "cases", str(cases_out))
    assert cases.code == 0, cases.err
    assert read_csv(cases_out) == []  # imported signals never start cases by themselves

    verify = cli(store, "verify", stdin="eerste-wachtwoord-beheer\n", user="beheer")
    assert verify.code == 0, verify.err
    assert "Opslag in orde" in verify.out

    # A beheerder sees no case content: the export is refused with one line, exit 4.
    refused = cli(
        store,
        "export",
        "signals",
        str(tmp_path / "x.csv"),
        stdin="eerste-wachtwoord-beheer\n",
        user="beheer",
    )
    assert refused.code == 4
    assert len(refused.err.strip().splitlines()) == 1 and "beheerder" in refused.err
    assert not (tmp_path / "x.csv").exists()


def test_bad_import_exit_codes(store_dir: Path, tmp_path: Path) -> None:
    add_coordinator(store_dir)
    bad_rows = [ROWS[0], "14-04-2026;politie;;WO-OVL;12AB;7;;;;Tekst;;", ROWS[1]]
    bad = write_csv(tmp_path / "fout.csv", bad_rows)

    refused = as_coord(store_dir, "import", "signals", str(bad))
    assert refused.code == 4
    lines = refused.err.strip().splitlines()
    assert lines[0].startswith("regel 3: postcode '12AB'")
    assert "niets geïmporteerd" in lines[-1]

    usage = as_coord(store_dir, "import", "signals", str(bad), "--skip-invalid")
    assert usage.code == 2 and len(usage.err.strip().splitlines()) == 1

    rejects = tmp_path / "afgekeurd.csv"
    skipped = as_coord(
        store_dir, "import", "signals", str(bad), "--skip-invalid", "--rejects", str(rejects)
    )
    assert skipped.code == 0, skipped.err
    assert "2 signalen geïmporteerd" in skipped.out
    rejected = read_csv(rejects)
    assert len(rejected) == 1 and rejected[0]["postcode"] == "12AB" and rejected[0]["fout"]

    out = tmp_path / "export.csv"
    assert as_coord(store_dir, "export", "signals", str(out)).code == 0
    assert len(read_csv(out)) == 2  # the refused all-or-nothing import added nothing

    latin = tmp_path / "latin1.csv"
    latin.write_bytes(
        (HEADER + "\n14-04-2026;politie;;WO-OVL;6463AB;1;;;;Café;;\n").encode("latin-1")
    )
    not_utf8 = as_coord(store_dir, "import", "signals", str(latin))
    assert not_utf8.code == 4 and "UTF-8" in not_utf8.err
    assert len(not_utf8.err.strip().splitlines()) == 1

    missing = as_coord(store_dir, "import", "signals", str(tmp_path / "bestaat-niet.csv"))
    assert missing.code == 2

    unknown = cli(store_dir, "vlieg")
    assert unknown.code == 2 and len(unknown.err.strip().splitlines()) == 1


def test_wrong_passphrase_is_exit_3_with_one_line(store_dir: Path) -> None:
    before = (store_dir / "sociaalveilig.db").read_bytes()
    result = cli(store_dir, "verify", stdin="helemaal-niet-goed-123\n", user=ADMIN)
    assert result.code == 3
    assert len(result.err.strip().splitlines()) == 1
    assert (store_dir / "sociaalveilig.db").read_bytes() == before


def test_tampered_database_page_is_exit_5(store_dir: Path) -> None:
    db = store_dir / "sociaalveilig.db"
    assert (
        not (store_dir / "sociaalveilig.db-wal").exists()
        or (store_dir / "sociaalveilig.db-wal").stat().st_size == 0
    )
    data = bytearray(db.read_bytes())
    middle = len(data) // 2
    for i in range(middle, middle + 32):
        data[i] ^= 0xFF
    db.write_bytes(bytes(data))
    result = cli(store_dir, "verify", stdin=ADMIN_PASSPHRASE + "\n", user=ADMIN)
    assert result.code == 5, (result.out, result.err)
    assert len(result.err.strip().splitlines()) == 1
    assert "back-up" in result.err


def test_truncated_key_slot_file_is_exit_5(store_dir: Path) -> None:
    slots = store_dir / "keyslots.json"
    slots.write_bytes(slots.read_bytes()[: len(slots.read_bytes()) // 2])
    result = cli(store_dir, "verify", stdin=ADMIN_PASSPHRASE + "\n", user=ADMIN)
    assert result.code == 5
    assert len(result.err.strip().splitlines()) == 1


def test_demo_through_the_cli(store_dir: Path) -> None:
    result = cli(store_dir, "demo", "--signals", "25", stdin=ADMIN_PASSPHRASE + "\n", user=ADMIN)
    assert result.code == 0, result.err
    assert "25 signalen" in result.out
    again_bad = cli(store_dir, "demo", "--signals", "-3", stdin=ADMIN_PASSPHRASE + "\n", user=ADMIN)
    assert again_bad.code == 2


def _subprocess(store: Path, *args: str, stdin: str) -> subprocess.Popen[bytes]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    # The child inherits the file's descriptor, so the parent may close it once started.
    with tempfile.TemporaryFile() as feed:
        feed.write(stdin.encode())
        feed.seek(0)
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "sociaalveilig.cli",
                "--store",
                str(store),
                "--passphrase-stdin",
                *args,
            ],
            stdin=feed,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            cwd=ROOT,
        )


def test_real_process_exit_codes(store_dir: Path, tmp_path: Path) -> None:
    add_coordinator(store_dir)
    good = write_csv(tmp_path / "signalen.csv", ROWS)
    proc = _subprocess(
        store_dir, "--user", COORD, "import", "signals", str(good), stdin=COORD_PASSPHRASE + "\n"
    )
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert "3 signalen geïmporteerd" in out.decode()
    proc = _subprocess(store_dir, "--user", COORD, "verify", stdin="verkeerd-wachtwoord-99\n")
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 3
    assert len(err.decode().strip().splitlines()) == 1 and b"Traceback" not in err


def test_import_killed_midway_leaves_all_or_none(store_dir: Path, tmp_path: Path) -> None:
    add_coordinator(store_dir)
    n_rows = 20_000
    rows = [
        f"{1 + n % 28:02d}-03-2026 {n % 24:02d}:{n % 60:02d};gemeente;;WO-VER;"
        f"64{31 + n % 3}AB;{1 + n % 400};;Proefweg;Hoensbroek;"
        f"Fictief zwerfvuil bij nummer {n}, met wat extra tekst om de regel te vullen;;"
        for n in range(n_rows)
    ]
    big = write_csv(tmp_path / "groot.csv", rows)
    wal = store_dir / "sociaalveilig.db-wal"
    rng = random.Random()
    proc = _subprocess(
        store_dir, "--user", COORD, "import", "signals", str(big), stdin=COORD_PASSPHRASE + "\n"
    )
    # Kill once the import is writing (its WAL grows past the login's few pages), after a
    # short random extra delay; or whenever it ends by itself.
    deadline = time.monotonic() + 240
    while proc.poll() is None and time.monotonic() < deadline:
        if wal.exists() and wal.stat().st_size > 256 * 1024:
            break
        time.sleep(0.02)
    time.sleep(rng.uniform(0.0, 0.5))
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    assert proc.returncode in (0, -signal.SIGKILL)

    verify = cli(store_dir, "verify", stdin=ADMIN_PASSPHRASE + "\n", user=ADMIN)
    assert verify.code == 0, verify.err
    out = tmp_path / "export.csv"
    exported = as_coord(store_dir, "export", "signals", str(out))
    assert exported.code == 0, exported.err
    count = len(read_csv(out))
    assert count in (0, n_rows)
    if proc.returncode == 0:
        assert count == n_rows


@pytest.fixture(autouse=True)
def _no_store_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOCIAALVEILIG_STORE", raising=False)
