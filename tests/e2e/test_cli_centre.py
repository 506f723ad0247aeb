"""sociaalveilig-admin on a centre (``--server URL``) against the same commands on a desk's
store (``--store DIR``): the same output, files and exit codes (DESIGN.md, "The centre").

One desk store (a copy of the test template) and one centre (a cloned test database behind
a real uvicorn server on 127.0.0.1) start with the same beheerder; every step runs the same
command line on both and compares: stdout and stderr line by line (the file paths made
equal), the CSV files row by row, the PDFs by their text (the print time made equal).
The steps build on each other, in file order. Then what only a centre has: a server that
stopped (exit 6), a certificate the desk does not trust (exit 6, and ``--ca`` that fixes
it), and the commands and options that do not belong on a centre (exit 2).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import ipaddress
import re
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from sociaalveilig import cli
from sociaalveilig.server.app import create_app
from sociaalveilig.storage.postgres.store import PgStore
from tests.conftest import ADMIN, ADMIN_PASSPHRASE, pg_clone
from tests.reports import pdftext
from tests.server.live import serving

ANNA = "anna"
ANNA_FIRST = "anna-eerste-wachtwoord-7Hq"
ANNA_OWN = "anna-eigen-wachtwoord-3Lp"
HEADER = "datum;bron;categorie;postcode;huisnummer;straat;plaats;omschrijving;urgentie;melder"
ROWS = [
    "14-04-2026 09:30;politie;WO-OVL;6463 ab;12;Fictiefstraat;Kerkrade;Harde muziek;;",
    "2026-04-13;woningcorporatie;Zorgen om bewoner;6431BC;5;Proefweg;Hoensbroek;"
    "Bewoner niet gezien;hoog;anoniem",
    "01-04-2026 22:15;bewoner;VE-PLEK;9999 ZZ;3;;Ergens;Donkere steeg;laag;Melder Fictief",
]
BAD_ROWS = [
    "14-04-2026;politie;WO-OVL;6463 ab;12;Fictiefstraat;Kerkrade;Goed;;",
    "32-13-2026;politie;WO-OVL;6463 ab;12;Fictiefstraat;Kerkrade;Datum fout;;",
    "14-04-2026;politie;BESTAATNIET;6463 ab;12;Fictiefstraat;Kerkrade;Categorie fout;;",
]


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def lines(self) -> tuple[list[str], list[str]]:
        return self.out.splitlines(), self.err.splitlines()


def admin(argv: list[str], *args: str, stdin: str = "") -> Result:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run([*argv, "--passphrase-stdin", *args], stdin=io.StringIO(stdin), stdout=out,
                   stderr=err)
    result = Result(code, out.getvalue(), err.getvalue())
    assert "Traceback" not in result.out + result.err
    return result


@dataclass
class Pair:
    """A desk's store and a centre with the same beginning, and a folder for files."""

    store: Path
    url: str
    files: Path

    def desk(self, *args: str, stdin: str = "") -> Result:
        return admin(["--store", str(self.store)], *args, stdin=stdin)

    def centre(self, *args: str, stdin: str = "") -> Result:
        return admin(["--server", self.url], *args, stdin=stdin)

    def both(self, *args: str, stdin: str = "", out: str | None = None) -> tuple[Result, Result]:
        """The same command on both; ``out`` names a file argument written per side, in
        ``files/desk`` and ``files/centre`` (the paths then made equal in the output)."""
        results = []
        for side in ("desk", "centre"):
            folder = self.files / side
            folder.mkdir(exist_ok=True)
            argv = [str(folder / a) if a == out else a for a in args]
            result = getattr(self, side)(*argv, stdin=stdin)
            result.out = result.out.replace(str(folder), "<MAP>")
            result.err = result.err.replace(str(folder), "<MAP>")
            results.append(result)
        return results[0], results[1]

    def file(self, side: str, name: str) -> Path:
        return self.files / side / name


def same(desk: Result, centre: Result) -> None:
    assert (centre.code, centre.lines) == (desk.code, desk.lines)


def _new_pair(
    template_store: tuple[Path, str], pg_template: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Pair]:
    files = tmp_path_factory.mktemp("cli-centre")
    store_dir = files / "store"
    shutil.copytree(template_store[0], store_dir)
    with pg_clone(pg_template) as url:
        store = PgStore.open(url, pool_size=4)
        try:
            with serving(create_app(store)) as server_url:
                yield Pair(store_dir, server_url, files)
        finally:
            store.close()


@pytest.fixture(scope="module")
def pair(
    template_store: tuple[Path, str], pg_template: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Pair]:
    """One desk and one centre for the module's steps, which build on each other."""
    yield from _new_pair(template_store, pg_template, tmp_path_factory)


@pytest.fixture
def new_pair(
    template_store: tuple[Path, str], pg_template: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Pair]:
    """A desk and a centre as new as ``init`` leaves them."""
    yield from _new_pair(template_store, pg_template, tmp_path_factory)


def write_csv(path: Path, rows: list[str]) -> Path:
    path.write_bytes(("\r\n".join([HEADER, *rows]) + "\r\n").encode("utf-8"))
    return path


def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text("utf-8-sig")), delimiter=";"))


# --------------------------------------------------------------------------- the same, step by step


def test_user_add(pair: Pair) -> None:
    desk, centre = pair.both("--user", ADMIN, "user", "add", ANNA, "--role", "coordinator",
                             stdin=f"{ADMIN_PASSPHRASE}\n{ANNA_FIRST}\n")
    same(desk, centre)
    assert desk.code == 0 and "Gebruiker anna toegevoegd" in desk.out
    again_desk, again_centre = pair.both(
        "--user", ADMIN, "user", "add", ANNA, "--role", "coordinator",
        stdin=f"{ADMIN_PASSPHRASE}\n{ANNA_FIRST}\n",
    )
    same(again_desk, again_centre)
    assert again_desk.code == 4 and "bestaat al" in again_desk.err


def test_passwd(pair: Pair) -> None:
    # Before: whatever a passphrase the beheerder chose opens, it opens alike on both.
    desk, centre = pair.both("--user", ANNA, "export", "cases", "eerst.csv", out="eerst.csv",
                             stdin=f"{ANNA_FIRST}\n")
    same(desk, centre)
    desk, centre = pair.both("--user", ANNA, "passwd", stdin=f"{ANNA_FIRST}\n{ANNA_OWN}\n")
    same(desk, centre)
    assert desk.code == 0 and "gewijzigd" in desk.out


def test_wrong_passphrase_is_exit_3_on_both(pair: Pair) -> None:
    desk, centre = pair.both("--user", ANNA, "export", "signals", "x.csv", out="x.csv",
                             stdin="niet-het-wachtwoord\n")
    same(desk, centre)
    assert desk.code == 3 and len(desk.err.splitlines()) == 1
    assert not pair.file("centre", "x.csv").exists()


def test_import_signals(pair: Pair) -> None:
    bad = write_csv(pair.files / "fout.csv", BAD_ROWS)
    desk, centre = pair.both("--user", ANNA, "import", "signals", str(bad),
                             stdin=f"{ANNA_OWN}\n")
    same(desk, centre)
    assert desk.code == 4 and len(desk.err.splitlines()) == 3  # two rows and the summary
    good = write_csv(pair.files / "signalen.csv", ROWS)
    desk, centre = pair.both("--user", ANNA, "import", "signals", str(good),
                             stdin=f"{ANNA_OWN}\n")
    same(desk, centre)
    assert desk.out.strip() == "3 signalen geïmporteerd."
    desk, centre = pair.both("--user", ANNA, "import", "signals", str(bad), "--skip-invalid",
                             "--rejects", "afgekeurd.csv", out="afgekeurd.csv",
                             stdin=f"{ANNA_OWN}\n")
    same(desk, centre)
    assert desk.code == 0
    assert read_csv(pair.file("centre", "afgekeurd.csv")) == read_csv(
        pair.file("desk", "afgekeurd.csv")
    )


@pytest.mark.parametrize("what", ["signals", "cases"])
def test_export(pair: Pair, what: str) -> None:
    desk, centre = pair.both("--user", ANNA, "export", what, f"{what}.csv", out=f"{what}.csv",
                             stdin=f"{ANNA_OWN}\n")
    same(desk, centre)
    assert desk.code == 0
    rows = read_csv(pair.file("desk", f"{what}.csv"))
    assert read_csv(pair.file("centre", f"{what}.csv")) == rows
    if what == "signals":
        assert len(rows) == 4


def test_export_refuses_the_same_paths(pair: Pair) -> None:
    """A CSV over a store's own file is refused on a centre as on a desk (exit 4, nothing
    written), before anyone signs in."""
    target = pair.store / "keyslots.json"
    before = target.read_bytes()
    desk, centre = pair.both("--user", ANNA, "export", "signals", str(target),
                             stdin=f"{ANNA_OWN}\n")
    same(desk, centre)
    assert desk.code == 4 and target.read_bytes() == before


def _case_on_both(pair: Pair) -> str:
    """The first imported signal made a case on both, through the services (on the
    centre: over HTTP as anna), the way the window does it."""
    from sociaalveilig.services import remote, signal_outcomes, signal_records
    from sociaalveilig.services.setup import lock, login

    references = []
    desk_ctx = login(pair.store, ANNA, ANNA_OWN)
    centre_ctx = remote.connect(pair.url, ANNA, ANNA_OWN)
    try:
        for ctx in (desk_ctx, centre_ctx):
            detail = signal_records.get_signal(ctx, "S-2026-000001")
            outcome = signal_outcomes.case_from_signal(ctx, detail.signal_id, "Fictief")
            references.append(outcome.case_reference)
    finally:
        lock(desk_ctx)
        remote.end_session(centre_ctx)
    assert references[0] == references[1] and references[0]
    return str(references[0])


PRINTED = re.compile(r"\d{2}-\d{2}-\d{4}( \d{2}:\d{2}(:\d{2})?)?|(?<=\bom )\d{2}:\d{2}")
"""The moment of printing, also the footer's "op DATE om HH:MM": the desk's report and the
centre's may be made a minute apart (a loaded machine failed on 07:15 against 07:16)."""
AUDIT_HEAD = re.compile(r"regel \d+, kenmerk [0-9a-f]+")
"""The management report names the audit chain's head: each store has its own chain."""


def _difference(desk: str, centre: str) -> str:
    at = next((i for i, (a, b) in enumerate(zip(desk, centre, strict=False)) if a != b),
              min(len(desk), len(centre)))
    return f"desk: …{desk[at - 60:at + 60]}… centre: …{centre[at - 60:at + 60]}…"


def test_reports(pair: Pair) -> None:
    reference = _case_on_both(pair)
    for kind, args in (
        ("case", [reference]),
        ("buurtschouw", ["--area", "kerkrade"]),
        ("management", ["--period", "2026"]),
    ):
        desk, centre = pair.both("--user", ANNA, "report", kind, *args, "--out", f"{kind}.pdf",
                                 out=f"{kind}.pdf", stdin=f"{ANNA_OWN}\n")
        same(desk, centre)
        assert desk.code == 0, desk.err
        texts = [
            AUDIT_HEAD.sub("<KETEN>", PRINTED.sub("<DATUM>", pdftext.text(
                pair.file(side, f"{kind}.pdf"))))
            for side in ("desk", "centre")
        ]
        assert texts[1] == texts[0], (kind, _difference(texts[0], texts[1]))
        assert texts[0].strip()


def test_purge(pair: Pair) -> None:
    desk, centre = pair.both("--user", ADMIN, "purge", stdin=f"{ADMIN_PASSPHRASE}\n")
    same(desk, centre)
    assert desk.code == 0 and "back-ups" in desk.out
    desk, centre = pair.both("--user", ADMIN, "purge", "--as-of", "31-12-2099",
                             stdin=f"{ADMIN_PASSPHRASE}\n")
    same(desk, centre)
    assert desk.code == 4


def test_audit_export(pair: Pair) -> None:
    desk, centre = pair.both("--user", ADMIN, "audit", "export", "audit.csv", out="audit.csv",
                             stdin=f"{ADMIN_PASSPHRASE}\n")
    assert (desk.code, centre.code) == (0, 0)
    # Each store logs its own sign-ins and sessions, so the counts differ; the file is the
    # same kind of file, and each line tells its own count.
    pattern = re.compile(r"^\d+ auditregels geëxporteerd naar <MAP>/audit\.csv\.$")
    assert pattern.match(desk.out.strip()) and pattern.match(centre.out.strip())
    desk_rows = read_csv(pair.file("desk", "audit.csv"))
    centre_rows = read_csv(pair.file("centre", "audit.csv"))
    assert desk_rows[0].keys() == centre_rows[0].keys()
    # The same work is logged alike; how a sitting ends differs (a desk locks its store).
    def work(rows: list[dict[str, str]]) -> set[tuple[str, str]]:
        return {(r["gebruiker"], r["actie"]) for r in rows if r["actie"] not in {"lock", "logout"}}

    assert work(centre_rows) == work(desk_rows)
    assert {("anna", "import"), ("anna", "export"), ("anna", "print"), ("beheer", "purge"),
            ("beheer", "user_add")} <= work(centre_rows)
    refused_desk, refused_centre = pair.both("--user", ANNA, "audit", "export", "a.csv",
                                             out="a.csv", stdin=f"{ANNA_OWN}\n")
    same(refused_desk, refused_centre)
    assert refused_desk.code == 4


# --------------------------------------------------------------------------- only on a centre


def test_the_folder_commands_belong_to_the_server(pair: Pair) -> None:
    for args in (["init", "--user", "x"], ["recover"], ["backup", "b.svbackup"],
                 ["restore", "b.svbackup", "--to", "x"], ["verify"]):
        result = pair.centre("--user", ADMIN, *args, stdin=f"{ADMIN_PASSPHRASE}\n")
        assert result.code == 2, args
        assert len(result.err.splitlines()) == 1 and "sociaalveilig-server" in result.err


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--user", ADMIN, "--store", "x", "--server", "https://centrum.example"],
         "niet allebei"),
        (["--user", ADMIN, "--ca", "ca.pem"], "--ca hoort bij --server"),
        (["--server", "http://centrum.example:8443", "--user", ADMIN], "geen geldig adres"),
        (["--server", "https://centrum.example", "--ca", "/bestaat/niet.pem", "--user", ADMIN],
         "bestaat niet"),
    ],
)
def test_wrong_centre_options_are_usage_errors(argv: list[str], expected: str) -> None:
    result = admin(argv, "export", "signals", "x.csv", stdin=f"{ADMIN_PASSPHRASE}\n")
    assert result.code == 2
    assert len(result.err.splitlines()) == 1 and expected in result.err


def test_a_centre_needs_the_user_named(pair: Pair) -> None:
    result = pair.centre("export", "signals", str(pair.files / "x.csv"),
                         stdin=f"{ADMIN_PASSPHRASE}\n")
    assert result.code == 2 and "--user" in result.err and len(result.err.splitlines()) == 1


def test_demo_fills_a_new_centre_as_it_fills_a_new_desk(new_pair: Pair) -> None:
    pair = new_pair
    desk, centre = pair.both("--user", ADMIN, "demo", "--signals", "5",
                             stdin=f"{ADMIN_PASSPHRASE}\n")
    assert centre.code == desk.code == 0, centre.err
    assert centre.out == desk.out and "Fictieve demogegevens toegevoegd" in centre.out
    # The centre now is a demo (it takes more), and its audit log holds the signals made.
    again = pair.centre("--user", ADMIN, "demo", "--signals", "2", stdin=f"{ADMIN_PASSPHRASE}\n")
    assert again.code == 0, again.err
    log = pair.files / "audit.csv"
    audit = pair.centre("--user", ADMIN, "audit", "export", str(log),
                        stdin=f"{ADMIN_PASSPHRASE}\n")
    assert audit.code == 0, audit.err
    assert log.read_text(encoding="utf-8-sig").count("signal") >= 7


def test_a_stopped_centre_is_exit_6_naming_it(pg_database: str) -> None:
    store = PgStore.open(pg_database, pool_size=1)
    try:
        with serving(create_app(store)) as url:
            alive = admin(["--server", url, "--user", ADMIN], "user", "add", "carla", "--role",
                          "manager", stdin=f"{ADMIN_PASSPHRASE}\ncarla-wachtwoord-fictief-4\n")
            assert alive.code == 0, alive.err
    finally:
        store.close()
    host_port = url.removeprefix("http://")
    stopped = admin(["--server", url, "--user", ADMIN], "user", "add", "bob", "--role",
                    "manager", stdin=f"{ADMIN_PASSPHRASE}\nbob-wachtwoord-fictief-9\n")
    assert stopped.code == 6
    assert len(stopped.err.splitlines()) == 1 and host_port in stopped.err
    assert "niet bereikbaar" in stopped.err


# --------------------------------------------------------------------------- TLS


def _certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 (fictional, made for this test)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "centrum-test")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "centrum.pem", folder / "centrum.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


@contextmanager
def serving_tls(app: Any, cert: Path, key: Path) -> Iterator[str]:
    import uvicorn

    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="off",
                            ssl_certfile=str(cert), ssl_keyfile=str(key))
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="centre-tls", daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 20
        while not server.started:  # a condition, bounded: not a fixed pause
            assert thread.is_alive() and time.monotonic() < deadline, "no TLS test server"
            time.sleep(0.01)
        port = server.servers[0].sockets[0].getsockname()[1]
        yield f"https://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=20)


def test_an_untrusted_certificate_says_to_pass_ca(pg_database: str, tmp_path: Path) -> None:
    cert, key = _certificate(tmp_path)
    store = PgStore.open(pg_database, pool_size=1)
    try:
        with serving_tls(create_app(store), cert, key) as url:
            untrusted = admin(["--server", url, "--user", ADMIN], "user", "add", "bob",
                              "--role", "manager",
                              stdin=f"{ADMIN_PASSPHRASE}\nbob-wachtwoord-fictief-9\n")
            assert untrusted.code == 6
            assert len(untrusted.err.splitlines()) == 1
            assert "niet vertrouwd" in untrusted.err and "--ca" in untrusted.err
            assert "127.0.0.1" in untrusted.err
            trusted = admin(["--server", url, "--ca", str(cert), "--user", ADMIN], "user",
                            "add", "bob", "--role", "manager",
                            stdin=f"{ADMIN_PASSPHRASE}\nbob-wachtwoord-fictief-9\n")
            assert trusted.code == 0, trusted.err
            assert "Gebruiker bob toegevoegd" in trusted.out
    finally:
        store.close()


# --------------------------------------------------------------------------- a centre's database


def test_an_unreachable_centre_is_exit_6_in_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The centre's own store (the server side) that cannot reach PostgreSQL: exit 6, one
    Dutch line, never the password of the connection URL."""

    def on_the_centre(env: object) -> int:
        PgStore.open("postgresql://sv:geheim-wachtwoord@127.0.0.1:1/centrum")
        return 0

    monkeypatch.setattr(cli, "cmd_verify", on_the_centre)
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(["--store", str(tmp_path), "verify"], stdout=out, stderr=err)
    lines = err.getvalue().splitlines()
    assert code == 6
    assert len(lines) == 1 and "niet bereikbaar" in lines[0] and "127.0.0.1:1" in lines[0]
    assert "geheim" not in err.getvalue() + out.getvalue()
