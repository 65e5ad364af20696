"""Wording of the refusal of two rows of one import that come to one stored project without a --link
(services/import_twice.py): one with the project's code and one without, or both matched another way —
English and 简体中文; messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue, Ways

_TWO_PROJECTS = Ways(
    app=(
        "if they are two projects, give them names that tell them apart",
        "如为两个项目，请以名称区分",
    ),
    cli=(
        "if they are two projects, say so with --link {row}=new",
        "如为两个项目，请用 --link {row}=new 说明",
    ),
)

_TWICE_MESSAGES: dict[str, tuple[str, str] | tuple[str, str, Ways]] = {
    "same_project_listed_twice": (
        "rows {first_row} and {row} are one project, stored as {project}, listed once with its code and once "
        "without: its investment would be counted twice, and one row's values would "
        "replace the other's — delete one of the rows; {how}",
        "第 {first_row} 行与第 {row} 行是同一项目（已存为 {project}），一行填了编号、一行未填："
        "重复列出会使其投资重复计算，且一行的数值会覆盖另一行——请删去其中一行；{how}",
        _TWO_PROJECTS,
    ),
    "same_project_matched_twice": (
        "rows {first_row} and {row} are both stored project {project} (by its code, its name, or its code spelt "
        "another way): listed twice, its investment would be counted twice, and one row's values would replace "
        "the other's — delete one of the rows, or correct the code or name of one of them; {how}",
        "第 {first_row} 行与第 {row} 行都是已存项目 {project}（按编号、名称或另一种写法的编号）：重复列出会使其投资"
        "重复计算，且一行的数值会覆盖另一行——请删去其中一行，或更正其中一行的编号或名称；{how}",
        _TWO_PROJECTS,
    ),
}
TWICE_MESSAGES = Catalogue("twice_problems", _TWICE_MESSAGES)
