"""Beheer › Back-up: the automatic daily backup (folder, how many to keep, its status and
warning), a verified backup by hand, checking the store, restoring into a new folder.

A failed automatic backup is kept in the store (``autobackup.status``) and shown here as a
warning until the next backup succeeds; "Nu back-up maken" tries again at once. Every
backup file, automatic or by hand, ends in ``.svbackup``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.core.errors import ValidationError
from sociaalveilig.services import autobackup, maintenance
from sociaalveilig.services.autobackup import (
    DEFAULT_KEEP,
    MAX_KEEP,
    AutoBackupResult,
    AutoBackupSettings,
    AutoBackupStatus,
)
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.maintenance import BackupInfo, IntegrityReport

from sociaalveilig.ui import errors
from sociaalveilig.ui.backup_files import backup_filter, default_backup_name, with_backup_suffix
from sociaalveilig.ui.operations import run_operation
from sociaalveilig.ui.pages.base import Page

WARNING_STYLE = (
    "QLabel { background: #fdecea; color: #8a1c1c; border: 1px solid #e0a8a8; "
    "border-radius: 3px; padding: 6px; }"
)


class BackupPanel(Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status: AutoBackupStatus | None = None

        self.report = QPlainTextEdit(self)
        self.report.setObjectName("maintenanceReport")
        self.report.setReadOnly(True)
        self.report.setPlaceholderText(self.tr("Hier verschijnt het resultaat."))

        manual_row = QHBoxLayout()
        manual_row.addWidget(self._build_manual_box(), 1)
        manual_row.addWidget(self._build_restore_box(), 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self._build_auto_box())
        layout.addLayout(manual_row)
        layout.addWidget(self.report, 1)
        self._show_status(None)

    # ------------------------------------------------------------------ layout

    def _build_auto_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Automatische back-up (dagelijks)"), self)
        box.setObjectName("autoBackupBox")
        text = QLabel(
            self.tr(
                "Eén keer per dag maakt het programma een gecontroleerde back-up in de "
                "gekozen map, bij voorkeur op een andere schijf of netwerkmap. De oudste "
                "automatische back-ups boven het gekozen aantal worden opgeruimd; andere "
                "bestanden in de map blijven staan."
            ),
            box,
        )
        text.setWordWrap(True)
        self.auto_warning = QLabel(box)
        self.auto_warning.setObjectName("autoBackupWarning")
        self.auto_warning.setWordWrap(True)
        self.auto_warning.setTextFormat(Qt.TextFormat.PlainText)
        self.auto_warning.setStyleSheet(WARNING_STYLE)

        self.folder_edit = QLineEdit(box)
        self.folder_edit.setObjectName("autoBackupFolder")
        self.folder_edit.setPlaceholderText(self.tr("geen map: automatische back-up staat uit"))
        self.folder_edit.setClearButtonEnabled(True)
        self.choose_folder_button = QPushButton(self.tr("&Kiezen…"), box)
        self.choose_folder_button.setObjectName("chooseBackupFolder")
        self.choose_folder_button.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.choose_folder_button)
        self.keep_spin = QSpinBox(box)
        self.keep_spin.setObjectName("autoBackupKeep")
        self.keep_spin.setRange(1, MAX_KEEP)
        self.keep_spin.setValue(DEFAULT_KEEP)
        self.keep_spin.setSuffix(self.tr(" back-ups"))
        self.keep_spin.setMinimumWidth(
            self.keep_spin.fontMetrics().horizontalAdvance("365 back-ups") + 40
        )
        self.status_label = QLabel(box)
        self.status_label.setObjectName("autoBackupStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        folder_label = QLabel(self.tr("&Map:"), box)
        folder_label.setBuddy(self.folder_edit)
        keep_label = QLabel(self.tr("&Bewaar de laatste:"), box)
        keep_label.setBuddy(self.keep_spin)
        form.addRow(folder_label, folder_row)
        keep_row = QHBoxLayout()
        keep_row.addWidget(self.keep_spin)
        keep_row.addStretch(1)
        form.addRow(keep_label, keep_row)
        form.addRow(self.tr("Laatste back-up:"), self.status_label)

        self.save_settings_button = QPushButton(self.tr("Instellingen &opslaan"), box)
        self.save_settings_button.setObjectName("saveAutoBackup")
        self.save_settings_button.clicked.connect(self.save_settings)
        self.run_now_button = QPushButton(self.tr("&Nu back-up maken"), box)
        self.run_now_button.setObjectName("runAutoBackup")
        self.run_now_button.setToolTip(
            self.tr(
                "Maakt nu een automatische back-up in de gekozen map, ook als die van "
                "vandaag er al is."
            )
        )
        self.run_now_button.clicked.connect(self.run_now)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_settings_button)
        buttons.addWidget(self.run_now_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(box)
        layout.addWidget(text)
        layout.addWidget(self.auto_warning)
        layout.addLayout(form)
        layout.addLayout(buttons)
        return box

    def _build_manual_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Back-up met de hand"), self)
        self.backup_button = QPushButton(self.tr("&Back-up maken…"), box)
        self.backup_button.setObjectName("makeBackup")
        self.verify_button = QPushButton(self.tr("Opslag &controleren"), box)
        self.verify_button.setObjectName("verifyStore")
        self.backup_button.clicked.connect(self._backup_clicked)
        self.verify_button.clicked.connect(self.verify)
        text = QLabel(
            self.tr(
                "Eén versleuteld bestand (.svbackup) met de database en de sleutels, "
                "gecontroleerd voordat het wordt weggezet. Bewaar het op een andere schijf "
                "dan de opslag."
            ),
            box,
        )
        text.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.backup_button)
        row.addWidget(self.verify_button)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(text)
        layout.addStretch(1)
        layout.addLayout(row)
        return box

    def _build_restore_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Herstellen"), self)
        self.restore_button = QPushButton(self.tr("&Herstellen uit back-up…"), box)
        self.restore_button.setObjectName("restoreBackup")
        self.restore_button.clicked.connect(self._restore_clicked)
        text = QLabel(
            self.tr(
                "Herstellen gebeurt in een nieuwe, lege map; de huidige opslag blijft zoals "
                "hij is. Open daarna de herstelde map bij de volgende start."
            ),
            box,
        )
        text.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.restore_button)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(text)
        layout.addStretch(1)
        layout.addLayout(row)
        return box

    # ------------------------------------------------------------------ page contract

    def title(self) -> str:
        return self.tr("Back-up")

    def refresh(self) -> None:
        self.run(autobackup.status, self._loaded)

    def _loaded(self, status: AutoBackupStatus) -> None:
        self._show_status(status)
        self.folder_edit.setText(str(status.folder) if status.folder else "")
        self.keep_spin.setValue(status.keep)

    def clear(self) -> None:
        self.report.clear()
        self.folder_edit.clear()
        self.keep_spin.setValue(DEFAULT_KEEP)
        self._show_status(None)

    # ------------------------------------------------------------------ automatic backup

    def _show_status(self, status: AutoBackupStatus | None) -> None:
        self.status = status
        warning = status.warning if status is not None else None
        self.auto_warning.setText(warning or "")
        self.auto_warning.setVisible(bool(warning))
        enabled = status is not None
        for widget in (
            self.folder_edit,
            self.choose_folder_button,
            self.keep_spin,
            self.save_settings_button,
        ):
            widget.setEnabled(enabled)
        self.run_now_button.setEnabled(status is not None and status.folder is not None)
        if status is None:
            self.status_label.clear()
        elif status.folder is None:
            self.status_label.setText(
                self.tr("Automatische back-up staat uit: kies een map en sla op.")
            )
        elif status.last_ok is None:
            self.status_label.setText(self.tr("Nog geen automatische back-up gemaakt."))
        else:
            self.status_label.setText(
                self.tr("{when} · {file}").format(
                    when=f"{status.last_ok:%d-%m-%Y %H:%M}", file=status.last_file or ""
                )
            )

    def choose_folder(self) -> None:
        start = self.folder_edit.text().strip() or str(Path.home())
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Map voor de automatische back-ups"), start
        )
        if folder:
            self.folder_edit.setText(folder)

    def save_settings(self) -> None:
        folder = self.folder_edit.text().strip() or None
        keep = self.keep_spin.value()

        def save(ctx: ServiceContext) -> AutoBackupStatus:
            autobackup.configure(ctx, folder, keep)
            return autobackup.status(ctx)

        self.run(save, self._settings_saved, self._settings_refused, changes_data=True)

    def _settings_saved(self, status: AutoBackupStatus) -> None:
        self._loaded(status)
        if status.folder is None:
            self.report.setPlainText(self.tr("Automatische back-up staat uit."))
        else:
            self.report.setPlainText(
                self.tr(
                    "Opgeslagen: elke dag een back-up in {folder}; de laatste {keep} blijven "
                    "bewaard."
                ).format(folder=status.folder, keep=status.keep)
            )

    def _settings_refused(self, exc: BaseException) -> None:
        """The folder or number typed stays, so it can be corrected."""
        errors.show_error(self, exc)
        field = exc.field if isinstance(exc, ValidationError) else None
        if field == "keep":
            self.keep_spin.setFocus(Qt.FocusReason.OtherFocusReason)
        elif field == "folder":
            self.folder_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def settings(self) -> AutoBackupSettings:
        """What the form holds now (not necessarily saved)."""
        text = self.folder_edit.text().strip()
        return AutoBackupSettings(Path(text) if text else None, self.keep_spin.value())

    def run_now(self) -> None:
        def work(ctx: ServiceContext) -> tuple[AutoBackupResult, AutoBackupStatus]:
            return autobackup.run_backup(ctx, force=True), autobackup.status(ctx)

        self.run(
            work,
            self._ran,
            progress=self.tr("De back-up wordt gemaakt en gecontroleerd…"),
            changes_data=True,
        )

    def _ran(self, result: tuple[AutoBackupResult, AutoBackupStatus]) -> None:
        outcome, status = result
        self._show_status(status)
        lines = [outcome.message]
        if outcome.removed:
            lines.append(
                self.tr("Opgeruimd: {names}").format(
                    names=", ".join(p.name for p in outcome.removed)
                )
            )
        self.report.setPlainText("\n".join(lines))

    # ------------------------------------------------------------------ by hand

    def _backup_clicked(self) -> None:
        self.make_backup()

    def make_backup(self, out: Path | None = None) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        if out is None:
            stamp = ctx.clock.now().strftime("%Y%m%d-%H%M")
            folder = self.status.folder if self.status and self.status.folder else Path.home()
            chosen, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("Back-up opslaan als"),
                str(folder / default_backup_name(stamp)),
                backup_filter(),
            )
            if not chosen:
                return
            out = Path(chosen)
        target = with_backup_suffix(out)
        self.run(
            lambda c: maintenance.backup(c, target),
            self._backed_up,
            progress=self.tr("De back-up wordt gemaakt en gecontroleerd…"),
        )

    def _backed_up(self, info: BackupInfo) -> None:
        text = self.tr("Back-up gemaakt en gecontroleerd: {path} ({size} MB).").format(
            path=info.path, size=f"{info.size / 1_000_000:.1f}".replace(".", ",")
        )
        if info.audit_head is not None:
            # The head written down elsewhere: a later rewrite of the chain no longer fits.
            text += "\n" + self.tr(
                "Auditketen tot regel {n}, kenmerk {hash}. Noteer dit buiten de computer."
            ).format(n=info.audit_head.last_id, hash=info.audit_head.short_hash)
        self.report.setPlainText(text)

    def verify(self) -> None:
        self.run(
            maintenance.verify,
            self._verified,
            progress=self.tr("De opslag wordt gecontroleerd…"),
        )

    def _verified(self, report: IntegrityReport) -> None:
        lines = [report.summary, *report.lines]
        self.report.setPlainText("\n".join(lines))

    def _restore_clicked(self) -> None:
        self.restore()

    def restore(
        self,
        backup_file: Path | None = None,
        to: Path | None = None,
        passphrase: str | None = None,
    ) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        if backup_file is None:
            start = self.status.folder if self.status and self.status.folder else Path.home()
            chosen, _filter = QFileDialog.getOpenFileName(
                self, self.tr("Back-up kiezen"), str(start), backup_filter()
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
