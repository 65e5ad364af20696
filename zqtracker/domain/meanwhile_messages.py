"""Wording of sectors, districts and enterprises two imports create at once (probe40d): the import whose
analysis found one new, but which someone else added before it wrote, uses it as it is and says so in one
note (never "new" in two reports); and the undo of the import that did add it, once a colleague's project
uses it, is refused naming that project. English and 简体中文; domain/message_topics.py merges them in."""

from __future__ import annotations

from dataclasses import dataclass

from zqtracker.domain.words import Catalogue

_MEANWHILE_MESSAGES: dict[str, tuple[str, str]] = {
    "note_refs_meanwhile_one": (
        "{refs} was added meanwhile by someone else and is used as it is: this import did not add it again, "
        "and undoing this import leaves it.",
        "{refs}已由他人在此期间新建，本次导入直接沿用：未重复新建，撤销本次导入也不会删除它。",
    ),
    "note_refs_meanwhile": (
        "{refs} were added meanwhile by someone else and are used as they are: this import did not add them "
        "again, and undoing this import leaves them.",
        "{refs}已由他人在此期间新建，本次导入直接沿用：未重复新建，撤销本次导入也不会删除它们。",
    ),
    "refs_sectors_one": ("1 sector ({names})", "1 个行业（{names}）"),
    "refs_sectors": ("{count} sectors ({names})", "{count} 个行业（{names}）"),
    "refs_districts_one": ("1 district ({names})", "1 个区域（{names}）"),
    "refs_districts": ("{count} districts ({names})", "{count} 个区域（{names}）"),
    "refs_enterprises_one": ("1 enterprise ({names})", "1 家企业（{names}）"),
    "refs_enterprises": ("{count} enterprises ({names})", "{count} 家企业（{names}）"),
    "refs_sep": (", ", "、"),
    "refs_and": (" and ", "和 "),
    # The undo of the import that added a reference a colleague's project uses since (ConcurrentUpdateError).
    "undo_ref_used_sector": (
        "{who} made {what} use the sector “{ref}” after this import added it, so the undo is refused: undoing "
        "would take the sector from that project. Nothing was changed — give that project another sector first "
        "if this one should go.",
        "{who}在本次导入新建行业“{ref}”之后让{what}使用了它，因此撤销被拒绝：撤销会使该项目失去这个行业。"
        "未作任何更改——如确需去掉这个行业，请先为该项目改选其他行业。",
    ),
    "undo_ref_used_district": (
        "{who} made {what} use the district “{ref}” after this import added it, so the undo is refused: undoing "
        "would take the district from that project. Nothing was changed — give that project another district "
        "first if this one should go.",
        "{who}在本次导入新建区域“{ref}”之后让{what}使用了它，因此撤销被拒绝：撤销会使该项目失去这个区域。"
        "未作任何更改——如确需去掉这个区域，请先为该项目改选其他区域。",
    ),
    "undo_ref_used_enterprise": (
        "{who} made {what} use the enterprise “{ref}” after this import added it, so the undo is refused: "
        "undoing would take the enterprise from that project. Nothing was changed — give that project another "
        "enterprise first if this one should go.",
        "{who}在本次导入新建企业“{ref}”之后让{what}使用了它，因此撤销被拒绝：撤销会使该项目失去这家企业。"
        "未作任何更改——如确需去掉这家企业，请先为该项目改选其他企业。",
    ),
}
MEANWHILE_MESSAGES = Catalogue(
    "meanwhile_messages", _MEANWHILE_MESSAGES, composed=("refs_", "undo_ref_used_", "note_refs_meanwhile")
)

SHOWN = 5  # names shown of each kind; the rest counted, "…"


@dataclass(frozen=True, slots=True)
class AddedMeanwhile:
    """The sectors, districts and enterprises another user added (a note's parameter, worded when the note
    is shown): "3 sectors (新材料、高端装备、新型储能), 1 district (肇庆高新区) and 2 enterprises (…)"."""

    sectors: tuple[str, ...] = ()
    districts: tuple[str, ...] = ()
    enterprises: tuple[str, ...] = ()

    @property
    def count(self) -> int:
        return len(self.sectors) + len(self.districts) + len(self.enterprises)

    def label(self, lang: str = "en") -> str:
        say = MEANWHILE_MESSAGES.say
        parts = []
        kinds = (("sectors", self.sectors), ("districts", self.districts), ("enterprises", self.enterprises))
        for kind, names in kinds:
            if names:
                shown = "、".join(names[:SHOWN]) + (" …" if len(names) > SHOWN else "")
                code = f"refs_{kind}_one" if len(names) == 1 else f"refs_{kind}"
                parts.append(say(code, lang, count=len(names), names=shown))
        if len(parts) < 2:
            return "".join(parts)
        return say("refs_sep", lang).join(parts[:-1]) + say("refs_and", lang) + parts[-1]
