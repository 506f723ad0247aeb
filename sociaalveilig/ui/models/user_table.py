"""The users of the store and their roles (Beheer)."""

from __future__ import annotations

from collections.abc import Sequence

from sociaalveilig.services.users import UserInfo

from sociaalveilig.ui.models.record_table import RecordColumn, RecordTableModel


class UserTableModel(RecordTableModel[UserInfo]):
    COL_USERNAME = 0
    COL_NAME = 1
    COL_ROLE = 2
    COL_PARTNER = 3
    COL_ACTIVE = 4
    COL_AREAS = 5

    def row_id(self, row: UserInfo) -> str:
        return row.user_id

    def make_columns(self) -> Sequence[RecordColumn[UserInfo]]:
        return (
            RecordColumn(self.tr("Gebruikersnaam"), lambda u: u.username),
            RecordColumn(self.tr("Naam"), lambda u: u.display_name),
            RecordColumn(self.tr("Rol"), lambda u: u.role.label),
            RecordColumn(self.tr("Organisatie"), lambda u: u.partner or ""),
            RecordColumn(
                self.tr("Actief"),
                lambda u: self.tr("ja") if u.active else self.tr("nee"),
                lambda u: u.active,
                attention=lambda u: not u.active,
            ),
            RecordColumn(
                self.tr("Focusgebieden"),
                lambda u: ", ".join(u.areas) if u.areas else self.tr("—"),
                lambda u: len(u.areas),
                tooltip=lambda u: "\n".join(u.areas) or None,
            ),
        )
