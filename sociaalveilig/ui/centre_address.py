"""Where a desk finds its centre: the server's address and, where the centre uses its own
certificate, the certificate file to trust.

``CentreAddressFields`` is the part of the first-start and connection screens where the
user types the address and chooses the certificate; ``address_problem`` says in one Dutch
line what is wrong with an address before anything is sent (the client refuses the same
addresses, but the screen can say it while the user is still typing).
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

EXAMPLE_URL = "https://centrum.parkstad.example:8443"
_LOOPBACK_NAMES = frozenset({"localhost"})


@dataclass(frozen=True)
class CentreAddress:
    """A centre's address (``https://…``, or ``http://`` on this computer for a trial) and
    the certificate file to trust (None: the system's trusted certificates)."""

    url: str
    ca: Path | None = None


def _t(text: str) -> str:
    return QCoreApplication.translate("CentreAddress", text)


def _is_loopback(host: str) -> bool:
    if host.casefold() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def address_problem(url: str) -> str | None:
    """What is wrong with ``url`` as a centre's address, in one Dutch line; None if it can
    be tried. Only ``https://`` goes over a network: plain ``http://`` would send
    passphrases and case data readable on the way, so it is only for this computer."""
    text = url.strip()
    if not text:
        return _t("Vul het adres van de server van het centrum in, bijvoorbeeld {example}.").format(
            example=EXAMPLE_URL
        )
    try:
        parts = urlsplit(text)
        host = parts.hostname or ""
        _ = parts.port  # a port that is not a number raises here
    except ValueError:
        host = ""
    if parts.scheme not in ("http", "https") or not host:
        return _t(
            "'{url}' is geen adres van een server. Begin met https://, bijvoorbeeld {example}."
        ).format(url=text, example=EXAMPLE_URL)
    if parts.scheme == "http" and not _is_loopback(host):
        return _t(
            "Een centrum op een ander apparaat gebruikt https:// (versleuteld); http:// kan "
            "alleen op deze computer (127.0.0.1). Vraag de beheerder om het https-adres."
        )
    return None


def certificate_problem(path: Path | None) -> str | None:
    """One Dutch line when the chosen certificate file cannot be used."""
    if path is None:
        return None
    if not path.is_file():
        return _t(
            "Het certificaatbestand {path} bestaat niet. Kies het bestand dat de beheerder gaf."
        ).format(path=path)
    return None


class CentreAddressFields(QWidget):
    """The address field and the certificate choice, for a form."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.url_edit = QLineEdit(self)
        self.url_edit.setObjectName("serverUrl")
        self.url_edit.setPlaceholderText(EXAMPLE_URL)
        self.url_edit.textChanged.connect(lambda _: self.changed.emit())
        self.ca_label = QLabel(self)
        self.ca_label.setObjectName("caFile")
        self.ca_label.setMinimumWidth(140)
        self.ca_button = QPushButton(self.tr("Certificaat kiezen…"), self)
        self.ca_button.setObjectName("chooseCaButton")
        self.ca_button.setAutoDefault(False)
        self.ca_button.setToolTip(
            self.tr(
                "Alleen nodig als het centrum een eigen certificaat gebruikt: de beheerder "
                "geeft u dan het bestand (.pem) om te vertrouwen."
            )
        )
        self.ca_button.clicked.connect(self._choose_ca)
        self.ca_clear = QPushButton(self.tr("Geen"), self)
        self.ca_clear.setObjectName("clearCaButton")
        self.ca_clear.setAutoDefault(False)
        self.ca_clear.clicked.connect(lambda: self.set_ca(None))
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_label, 1)
        ca_row.addWidget(self.ca_button)
        ca_row.addWidget(self.ca_clear)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Adres van de server"), self.url_edit)
        form.addRow(self.tr("Certificaat (optioneel)"), ca_row)
        self._ca: Path | None = None
        self.set_ca(None)

    @property
    def ca(self) -> Path | None:
        return self._ca

    def set_ca(self, path: Path | None) -> None:
        self._ca = path
        self.ca_label.setToolTip(str(path) if path else "")
        self.ca_label.setText(
            str(path) if path else self.tr("geen eigen certificaat")
        )
        self.ca_clear.setEnabled(path is not None)
        self.changed.emit()

    def set_address(self, address: CentreAddress | None) -> None:
        self.url_edit.setText(address.url if address else "")
        self.set_ca(address.ca if address else None)

    def _choose_ca(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Kies het certificaat van het centrum"),
            str(self._ca.parent if self._ca else Path.home()),
            self.tr("Certificaat (*.pem *.crt);;Alle bestanden (*)"),
        )
        if chosen:
            self.set_ca(Path(chosen))

    def problem(self) -> str | None:
        """What is wrong with the address or certificate as typed, or None."""
        return address_problem(self.url_edit.text()) or certificate_problem(self._ca)

    def address(self) -> CentreAddress:
        return CentreAddress(self.url_edit.text().strip().rstrip("/"), self._ca)
