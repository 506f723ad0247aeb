"""Where the centre listens, and with which certificate.

Plain HTTP carries passphrases and case content as they are, so without a certificate
the server listens on a loopback address only (127.0.0.0/8, ::1, ``localhost``): a desk on
the same computer, or a TLS proxy in front of it. With ``--certificate`` and ``--key`` it
speaks TLS only. Each refusal is one Dutch line before anything starts: an address that is
not loopback without a certificate (exit 2), a certificate or key that cannot be read or
that do not belong together (exit 4), an address that cannot be bound (exit 4).
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
from dataclasses import dataclass
from pathlib import Path

from sociaalveilig.core.errors import UsageError, ValidationError
from sociaalveilig.core.i18n import tr


@dataclass(frozen=True)
class ListenAddress:
    host: str
    port: int

    @property
    def family(self) -> socket.AddressFamily:
        return socket.AF_INET6 if ":" in self.host else socket.AF_INET

    def url(self, scheme: str, port: int | None = None) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{scheme}://{host}:{self.port if port is None else port}"


def parse_listen(text: str) -> ListenAddress:
    """``HOST:PORT`` (``[::1]:8443`` for IPv6); port 0 takes a free one."""
    value = text.strip()
    host, sep, port_text = value.rpartition(":")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if not sep or not host or not port_text.isdigit() or int(port_text) > 65535:
        raise UsageError(
            tr("{listen} is geen geldig adres om op te luisteren. Gebruik HOST:POORT, zoals "
               "127.0.0.1:8443.").format(listen=text[:100])
        )
    return ListenAddress(host, int(port_text))


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def require_loopback(listen: ListenAddress) -> None:
    """Without a certificate: refuse anything but this computer's own addresses."""
    if not is_loopback(listen.host):
        raise UsageError(
            tr(
                "Zonder certificaat luistert het centrum alleen op deze computer (127.0.0.1, "
                "::1 of localhost), niet op {host}. Geef --certificate en --key voor TLS."
            ).format(host=listen.host[:100])
        )


def server_context(certificate: Path, key: Path) -> ssl.SSLContext:
    """The TLS context of the certificate and its key (TLS 1.2 or newer); refused with one
    line when either cannot be read, the key is protected by a passphrase, or they do not
    belong together."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    try:
        # A key with a passphrase would be asked for on the terminal: refused instead.
        context.load_cert_chain(str(certificate), str(key), password=lambda: b"")
    except (OSError, ssl.SSLError, ValueError):
        raise ValidationError(
            tr(
                "Het certificaat {certificate} of de sleutel {key} is onleesbaar, de sleutel "
                "heeft een wachtwoord, of ze horen niet bij elkaar. Er is niets gestart."
            ).format(certificate=certificate, key=key),
            field="certificate",
        ) from None
    return context


def bind(listen: ListenAddress) -> socket.socket:
    """The listening socket, bound before anything else starts."""
    family = socket.AF_INET
    if listen.host.lower() != "localhost":
        family = listen.family
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        host = "127.0.0.1" if listen.host.lower() == "localhost" else listen.host
        sock.bind((host, listen.port))
        sock.listen(128)
    except OSError:
        sock.close()
        raise ValidationError(
            tr(
                "Het centrum kan niet luisteren op {host}:{port}: het adres is in gebruik of "
                "hoort niet bij deze computer. Kies een ander adres of een andere poort."
            ).format(host=listen.host[:100], port=listen.port),
            field="listen",
        ) from None
    return sock
