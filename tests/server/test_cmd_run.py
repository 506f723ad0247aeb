"""``sociaalveilig-server run``: the real command in a subprocess on 127.0.0.1, over HTTP
and over TLS with a certificate made here; refusals of what it must not serve."""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import selectors
import signal
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from sqlalchemy import create_engine, text

from sociaalveilig.core.errors import AuthenticationError
from sociaalveilig.services import remote
from sociaalveilig.storage.postgres.store import engine_url
from tests.conftest import ADMIN, ADMIN_PASSPHRASE
from tests.server.test_cmd_init import server

START_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 30.0
ROOT = Path(__file__).resolve().parents[2]


def _read_line(process: subprocess.Popen[str], deadline: float) -> str:
    """The command's first line (it names the URL), waited for with a bound."""
    assert process.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while time.monotonic() < deadline:
            if selector.select(timeout=0.5):
                return process.stdout.readline()
            if process.poll() is not None:
                break
    return ""


@contextmanager
def running(*extra: str, database: str) -> Iterator[str]:
    """``run`` in a subprocess on 127.0.0.1 with a free port; yields its URL once
    ``/api/v1/health`` answers. SIGTERM at the end must stop it with exit 0."""
    env = dict(os.environ, SOCIAALVEILIG_TAAL="nl")
    process = subprocess.Popen(
        [sys.executable, "-m", "sociaalveilig.server.cli", "run", "--database", database,
         "--listen", "127.0.0.1:0", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env,
    )
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        line = _read_line(process, deadline)
        assert "luistert op" in line, (line, process.stderr.read() if process.stderr else "")
        url = line.split("luistert op ", 1)[1].split(";", 1)[0]
        yield url
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=STOP_TIMEOUT_S)
        assert process.returncode == 0, err
        assert "Traceback" not in err
        assert "gestopt" in out
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()


def _wait_healthy(url: str, verify: object = True) -> dict[str, object]:
    deadline = time.monotonic() + START_TIMEOUT_S
    while True:  # a condition, bounded: not a fixed pause
        try:
            answer = httpx.get(f"{url}/api/v1/health", verify=verify, timeout=5)  # type: ignore[arg-type]
            if answer.status_code == 200:
                return dict(answer.json())
        except httpx.TransportError:
            pass
        assert time.monotonic() < deadline, "the centre did not answer"
        time.sleep(0.1)


def test_run_serves_on_loopback_until_sigterm(pg_database: str) -> None:
    with running(database=pg_database) as url:
        assert url.startswith("http://127.0.0.1:")
        health = _wait_healthy(url)
        assert health["ok"] is True and health["schema"]
        ctx = remote.connect(url, ADMIN, ADMIN_PASSPHRASE)
        assert ctx.actor.username == ADMIN
        remote.end_session(ctx)
        with pytest.raises(AuthenticationError):
            remote.connect(url, ADMIN, "niet-het-goede-wachtwoord-9")


@pytest.mark.parametrize("listen", ["0.0.0.0:8443", "192.0.2.1:8443", "[::]:8443", "centrum:80"])
def test_without_a_certificate_only_loopback(pg_database: str, listen: str) -> None:
    code, out, err = server("run", "--database", pg_database, "--listen", listen)
    assert code == 2
    assert "alleen op deze computer" in err and err.count("\n") == 1 and out == ""


def test_a_listen_address_that_is_no_address_is_a_usage_error(pg_database: str) -> None:
    code, _out, err = server("run", "--database", pg_database, "--listen", "127.0.0.1")
    assert code == 2 and "HOST:POORT" in err


# --------------------------------------------------------------------------- TLS


def _key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def _self_signed(key: ec.EllipticCurvePrivateKey) -> x509.Certificate:
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Testcentrum (fictief)")])
    now = dt.datetime.now(dt.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False
        )
        .sign(key, hashes.SHA256())
    )


def _write(folder: Path, key: ec.EllipticCurvePrivateKey, cert: x509.Certificate) -> tuple[
    Path, Path
]:
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


def test_with_a_certificate_it_speaks_tls_only_and_a_desk_trusts_its_ca(
    pg_database: str, tmp_path: Path
) -> None:
    key = _key()
    cert_path, key_path = _write(tmp_path, key, _self_signed(key))
    with running(
        "--certificate", str(cert_path), "--key", str(key_path), database=pg_database
    ) as url:
        assert url.startswith("https://127.0.0.1:")
        _wait_healthy(url, verify=ssl.create_default_context(cafile=str(cert_path)))
        ctx = remote.connect(url, ADMIN, ADMIN_PASSPHRASE, ca=cert_path)
        assert ctx.actor.username == ADMIN
        remote.end_session(ctx)
        # plain HTTP on the same port gets no answer from the centre
        with pytest.raises(httpx.HTTPError):
            httpx.get(url.replace("https://", "http://") + "/api/v1/health", timeout=5)


def test_a_key_that_does_not_belong_to_the_certificate_is_refused(
    pg_database: str, tmp_path: Path
) -> None:
    cert_path, _ = _write(tmp_path, _key(), _self_signed(_key()))
    other = tmp_path / "ander"
    other.mkdir()
    _, key_path = _write(other, _key(), _self_signed(_key()))
    code, out, err = server(
        "run", "--database", pg_database, "--listen", "0.0.0.0:0",
        "--certificate", str(cert_path), "--key", str(key_path),
    )
    assert code == 4 and "horen niet bij elkaar" in err and out == ""
    code, _out, err = server(
        "run", "--database", pg_database, "--listen", "127.0.0.1:0",
        "--certificate", str(tmp_path / "bestaat-niet.pem"), "--key", str(key_path),
    )
    assert code == 4 and err.count("\n") == 1


def test_a_certificate_without_its_key_is_a_usage_error(pg_database: str, tmp_path: Path) -> None:
    code, _out, err = server(
        "run", "--database", pg_database, "--listen", "127.0.0.1:0",
        "--certificate", str(tmp_path / "centrum.pem"),
    )
    assert code == 2 and "--key" in err


def test_a_database_with_a_newer_schema_is_not_served(pg_database: str) -> None:
    engine = create_engine(engine_url(pg_database))
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    code, out, err = server("run", "--database", pg_database, "--listen", "127.0.0.1:0")
    assert code == 4 and "nieuwer schema" in err and out == ""
