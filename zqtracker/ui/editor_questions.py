"""What the project editor asks before it closes or saves: unsaved changes (Save / Discard / Cancel) and
a sector or district that is none on the list (add it, or go back and pick one)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def ask_unsaved(parent: QWidget, name: str) -> QMessageBox.StandardButton:
    """Save, Discard or Cancel (the default: Save; Esc: Cancel)."""
    box = QMessageBox(parent)
    box.setObjectName("unsaved_changes")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("ProjectEditor", "Unsaved changes"))
    title = (
        QCoreApplication.translate("ProjectEditor", "Save your changes to “%1”?").replace("%1", name)
        if name
        else QCoreApplication.translate("ProjectEditor", "Save the new project?")
    )
    box.setText(title)
    box.setInformativeText(QCoreApplication.translate("ProjectEditor", "If you don't save, what you typed is lost."))
    buttons = QMessageBox.StandardButton
    box.setStandardButtons(buttons.Save | buttons.Discard | buttons.Cancel)
    box.setDefaultButton(buttons.Save)
    box.setEscapeButton(buttons.Cancel)
    return QMessageBox.StandardButton(box.exec())


def ask_new_district(parent: QWidget, name: str) -> bool:
    """True when the user adds ``name`` as a new district."""
    return _ask_new(
        parent,
        "new_district",
        QCoreApplication.translate("ProjectEditor", "New district"),
        QCoreApplication.translate(
            "ProjectEditor", "“%1” is not a district on the list. Add it as a new district?"
        ).replace("%1", name),
        QCoreApplication.translate(
            "ProjectEditor",
            "Its projects are then counted apart from every other district's. If the project is in a district "
            "on the list, choose Cancel and pick that district.",
        ),
        QCoreApplication.translate("ProjectEditor", "Add district"),
    )


def ask_new_sector(parent: QWidget, name: str) -> bool:
    """True when the user adds ``name`` as a new sector (as the district field asks: a variant spelling
    is no new sector, and the statistics by sector would count it apart)."""
    return _ask_new(
        parent,
        "new_sector",
        QCoreApplication.translate("ProjectEditor", "New sector"),
        QCoreApplication.translate(
            "ProjectEditor", "“%1” is not a sector on the list. Add it as a new sector?"
        ).replace("%1", name),
        QCoreApplication.translate(
            "ProjectEditor",
            "Its projects are then counted apart from every other sector's. If the project is in a sector on "
            "the list, choose Cancel and pick that sector.",
        ),
        QCoreApplication.translate("ProjectEditor", "Add sector"),
    )


def _ask_new(parent: QWidget, object_name: str, title: str, text: str, detail: str, add_text: str) -> bool:
    box = QMessageBox(parent)
    box.setObjectName(object_name)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    box.setInformativeText(detail)
    add = box.addButton(add_text, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is add
