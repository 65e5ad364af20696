"""Wording of the question the import asks of a district's name typed alone on a row between projects, the
numbering going on under it (io/lone_places.py, io/block_places.py). English and 简体中文; messages.py merges
them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue, Ways

_LONE_PLACE_MESSAGES: dict[str, tuple[str, str] | tuple[str, str, Ways]] = {
    "place_row_unclear": (
        "sheet “{sheet}”, row {row} holds only “{value}”, between {place}'s projects and rows whose numbers go on "
        "from theirs: is it the title of a table of {named}'s projects under it, or a line of the project above "
        "it? The rows under it are not stored under {place} without your word. {how}",
        "工作表“{sheet}”第 {row} 行只有“{value}”，位于{place}的项目之后，其下各行的序号接续上方：它是其下{named}"
        "项目的标题，还是上一个项目的一行内容？未经确认，不会将其下各行记为{place}的项目。{how}",
        Ways(
            app=(
                "If it is {named}'s title, number its projects from 1 again or give the rows a district column; "
                "if every row is {place}'s, choose it under “Rows without a district”; then import again",
                "如是{named}的标题，请将其下项目的序号从 1 重新编起或增加区域列；如各行都属于{place}，"
                "请在“未填区域的行”中选择该区域；然后重新导入",
            ),
            cli=(
                "If it is {named}'s title, number its projects from 1 again or give the rows a district column; "
                "if every row is {place}'s, import with --district {place}; then import again",
                "如是{named}的标题，请将其下项目的序号从 1 重新编起或增加区域列；如各行都属于{place}，"
                "请用 --district {place} 导入；然后重新导入",
            ),
        ),
    ),
}
LONE_PLACE_MESSAGES = Catalogue("lone_place_problems", _LONE_PLACE_MESSAGES)
