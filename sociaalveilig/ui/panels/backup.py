"""Beheer › Back-up: make a verified backup, check the store, restore into a new folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.core.services import maintenance
from sociaalveilig.core.services.maintenance import BackupInfo, IntegrityReport

from sociaalveilig.ui.operations import run_operation
from sociaalveilig.ui.pages.base import Page


class BackupPanel(Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backup_button = QPushButton(self.tr("&Back-up maken…"), self)
        self.backup_button.setObjectName("makeBackup")
        self.verify_button = QPushButton(self.tr("Opslag &controleren"), self)
        self.verify_button.setObjectName("verifyStore")
        self.restore_button = QPushButton(self.tr("&Herstellen uit back-up…"), self)
        self.restore_button.setObjectName("restoreBackup")
        self.backup_button.clicked.connect(lambda: self.make_backup())
        self.verify_button.clicked.connect(self.verify)
        self.restore_button.clicked.connect(lambda: self.restore())

        self.report = QPlainTextEdit(self)
        self.report.setObjectName("maintenanceReport")
        self.report.setReadOnly(True)
        self.report.setPlaceholderText(self.tr("Hier verschijnt het resultaat."))

        backup_box = QGroupBox(self.tr("Back-up"), self)
        backup_text = QLabel(
            self.tr(
                "Een back-up is één versleuteld bestand met de database en de sleutels. Het "
                "wordt gecontroleerd voordat het wordt weggezet. Bewaar het op een andere "
                "schijf dan de opslag."
            ),
            backup_box,
        )
        backup_text.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.backup_button)
        row.addWidget(self.verify_button)
        row.addStretch(1)
        box_layout = QVBoxLayout(backup_box)
        box_layout.addWidget(backup_text)
        box_layout.addLayout(row)

        restore_box = QGroupBox(self.tr("Herstellen"), self)
        restore_text = QLabel(
            self.tr(
                "Herstellen gebeurt in een nieuwe, lege map; de huidige opslag blijft zoals "
                "hij is. Open daarna de herstelde map bij de volgende start."
            ),
            restore_box,
        )
        restore_text.setWordWrap(True)
        row2 = QHBoxLayout()
        row2.addWidget(self.restore_button)
        row2.addStretch(1)
        restore_layout = QVBoxLayout(restore_box)
        restore_layout.addWidget(restore_text)
        restore_layout.addLayout(row2)

        layout = QVBoxLayout(self)
        layout.addWidget(backup_box)
        layout.addWidget(restore_box)
        layout.addWidget(self.report, 1)

    def title(self) -> str:
        return self.tr("Back-up")

    def refresh(self) -> None:
        pass  # nothing to load

    def clear(self) -> None:
        self.report.clear()

    # ------------------------------------------------------------------ actions

    def make_backup(self, out: Path | None = None) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        if out is None:
            stamp = ctx.clock.now().strftime("%Y%m%d-%H%M")
            chosen, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("Back-up opslaan als"),
                str(Path.home() / f"sociaalveilig-backup-{stamp}.svbackup"),
                self.tr("Back-ups (*.svbackup);;Alle bestanden (*)"),
            )
            if not chosen:
                return
            out = Path(chosen)
        target = out
        self.run(
            lambda c: maintenance.backup(c, target),
            self._backed_up,
            progress=self.tr("De back-up wordt gemaakt en gecontroleerd…"),
        )

    def _backed_up(self, info: BackupInfo) -> None:
        self.report.setPlainText(
            self.tr("Back-up gemaakt en gecontroleerd: {path} ({size} MB).").format(
                path=info.path, size=f"{info.size / 1_000_000:.1f}".replace(".", ",")
            )
        )

    def verify(self) -> None:
        self.run(
            maintenance.verify,
            self._verified,
            progress=self.tr("De opslag wordt gecontroleerd…"),
        )

    def _verified(self, report: IntegrityReport) -> None:
        lines = [report.summary, *report.lines]
        self.report.setPlainText("\n".join(lines))

    def restore(
        self, backup_file: Path | None = None, to: Path | None = None,
        passphrase: str | None = None,
    ) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        if backup_file is None:
            chosen, _filter = QFileDialog.getOpenFileName(
                self,
                self.tr("Back-up kiezen"),
                str(Path.home()),
                self.tr("Back-ups (*.svbackup);;Alle bestanden (*)"),
            )
            if not chosen:
                return
            backup_file = Path(chosen)
        if to is None:
            folder = QFileDialog.getExistingDirectory(
                self, self.tr("Lege map voor de herstelde opslag")
            )
            if not folder:
                return
            to = Path(folder)
        if passphrase is None:
            text, ok = QInputDialog.getText(
                self,
                self.tr("Wachtwoord"),
                self.tr("Uw wachtwoord ({user}) om de back-up te openen:").format(
                    user=ctx.actor.username
                ),
                QLineEdit.EchoMode.Password,
            )
            if not ok or not text:
                return
            passphrase = text
        username = ctx.actor.username
        source, target, secret = backup_file, to, passphrase
        run_operation(
            self,
            lambda: maintenance.restore(source, target, username, secret),
            self._restored,
            progress=self.tr("De back-up wordt hersteld en gecontroleerd…"),
        )

    def _restored(self, folder: Path) -> None:
        if self.ctx is None:
            return
        self.report.setPlainText(
            self.tr(
                "Hersteld en gecontroleerd in {folder}. Start het programma met deze map om "
                "de herstelde opslag te gebruiken."
            ).format(folder=folder)
        )
        self.report.setFocus(Qt.FocusReason.OtherFocusReason)
