"""File › Connect to server…: host, port, database, user, TLS mode and password. The password is
kept in the system keyring where there is one, else in libpq's password file — never in
zqtracker's settings or the URL; the recent list remembers the connection without it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)


class ConnectDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, *, recent: list[str] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connect_dialog")
        self.url = ""
        self.host, self.database, self.user = QLineEdit(), QLineEdit("zqtracker"), QLineEdit()
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        from zqtracker.services.connections import SSL_MODES  # (SQLAlchemy: not at the launch)

        self.tls = QComboBox()
        for mode in SSL_MODES:
            self.tls.addItem("", mode)
        self.remember = QCheckBox()
        self.remember.setChecked(True)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        form = QFormLayout()
        self._labels = [QLabel() for _ in range(6)]
        for label, field in zip(
            self._labels, (self.host, self.port, self.database, self.user, self.password, self.tls), strict=True
        ):
            form.addRow(label, field)
        form.addRow("", self.remember)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.host.textChanged.connect(self._on_fields_changed)
        self.user.textChanged.connect(self._on_fields_changed)
        self.database.textChanged.connect(self._on_fields_changed)
        self._retranslate()
        self._on_fields_changed()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Connect to server"))
        for label, text in zip(self._labels, (self.tr("Server"), self.tr("Port"), self.tr("Database"),
                                              self.tr("User"), self.tr("Password"), self.tr("Encryption (TLS)")),
                               strict=True):  # fmt: skip
            label.setText(text)
        words = {
            "prefer": self.tr("Use TLS when the server offers it"),
            "require": self.tr("Require TLS"),
            "verify-full": self.tr("Require TLS and verify the server's certificate"),
            "disable": self.tr("No TLS (a trusted local network only)"),
        }
        for i in range(self.tls.count()):
            self.tls.setItemText(i, words[self.tls.itemData(i)])
        self.remember.setText(
            self.tr("Remember the password (in the system keyring, or a password file only you can read)")
        )
        self.hint.setText(
            self.tr(
                "Your account (analyst, district staff or reader) is set by the bureau's "
                "administrator with zqtracker db grant."
            )
        )
        self.host.setPlaceholderText(self.tr("e.g. db.bureau.local"))

    def _on_fields_changed(self) -> None:
        ok = bool(self.host.text().strip() and self.user.text().strip() and self.database.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def accept(self) -> None:
        from zqtracker.services.connections import server_url, store_password

        host, user, database = self.host.text().strip(), self.user.text().strip(), self.database.text().strip()
        self.url = server_url(host, self.port.value(), database, user, self.tls.currentData())
        if self.password.text():
            store_password(
                user, host, self.port.value(), database, self.password.text(), remember=self.remember.isChecked()
            )
        super().accept()


def action_text() -> str:
    return QCoreApplication.translate("ConnectDialog", "Connect to &server…")


def connect_to_server(database_actions) -> None:
    """Ask for a server connection and open it (File › Connect to server…)."""
    from zqtracker.ui.messages import run_dialog

    dialog = ConnectDialog(database_actions.window)
    if run_dialog(dialog) == QDialog.DialogCode.Accepted and dialog.url:
        database_actions.open_target(dialog.url)
