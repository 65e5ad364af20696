"""Undoable edits of the reference lists (sectors, districts, enterprises)."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from zqtracker.domain.models import District, Enterprise, Sector
from zqtracker.ui.commands import Command

if TYPE_CHECKING:
    from zqtracker.services.references import ReferenceService

Reference = Sector | District | Enterprise


def _save(refs: ReferenceService, item: Reference) -> int:
    if isinstance(item, Sector):
        return refs.save_sector(item)
    if isinstance(item, District):
        return refs.save_district(item)
    return refs.save_enterprise(item)


def _delete(refs: ReferenceService, item: Reference) -> None:
    assert item.id is not None
    if isinstance(item, Sector):
        refs.delete_sector(item.id)
    elif isinstance(item, District):
        refs.delete_district(item.id)
    else:
        refs.delete_enterprise(item.id)


class SaveReference(Command):
    """Add (``before`` None) or change one sector, district or enterprise."""

    def __init__(self, ctx, events, report, before: Reference | None, after: Reference) -> None:
        super().__init__(ctx, events, report)
        self.before = None if before is None else dataclasses.replace(before)
        self.after = dataclasses.replace(after)
        if before is None:
            self.setText(QCoreApplication.translate("Commands", "add “%1”").replace("%1", after.name))
        elif before.name != after.name:
            self.setText(
                QCoreApplication.translate("Commands", "rename “%1” to “%2”")
                .replace("%1", before.name)
                .replace("%2", after.name)
            )
        else:
            self.setText(QCoreApplication.translate("Commands", "edit “%1”").replace("%1", after.name))

    def apply(self) -> None:
        self.after.id = _save(self.ctx.references, self.after)

    def revert(self) -> None:
        if self.before is None:
            _delete(self.ctx.references, self.after)
            self.after.id = None  # a redo adds it again
        else:
            _save(self.ctx.references, self.before)

    def announce(self) -> None:
        self.events.references_changed.emit()


class DeleteReference(Command):
    """Delete one that no project uses (the services refuse otherwise, with InUseError)."""

    def __init__(self, ctx, events, report, item: Reference) -> None:
        super().__init__(ctx, events, report)
        self.item = dataclasses.replace(item)
        self.setText(QCoreApplication.translate("Commands", "delete “%1”").replace("%1", item.name))

    def apply(self) -> None:
        _delete(self.ctx.references, self.item)

    def revert(self) -> None:
        self.item.id = None
        self.item.id = _save(self.ctx.references, self.item)

    def announce(self) -> None:
        self.events.references_changed.emit()
