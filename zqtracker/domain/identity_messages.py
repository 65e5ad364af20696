"""Wording of the import's questions and refusals about which project a row is, beyond its code or
name alone (services/import_identity.py, the matcher's code and enterprise checks; a row adding back a
project a user deleted, services/import_changes.py) — English and 简体中文; messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue, Ways

_CODE_WAYS = Ways(
    app=(
        "If it is that project, choose “the same as …” in the row's question above the table; if it is another, "
        "leave the code column out: click its header and choose “Not imported”",
        "如为该项目，请在表格上方该行的问题中选“即 ……”；如为另一项目，请不导入编号列：单击其表头，选“不导入”",
    ),
    cli=(
        "If it is that project, say so with --link {row}={other}; if it is another, correct the code, or leave "
        "the code column out with --map {column}=none and import again",
        "如为该项目，请用 --link {row}={other} 说明；如为另一项目，请更正编号，"
        "或用 --map {column}=none 不导入编号列后重新导入",
    ),
)

_IDENTITY_MESSAGES: dict[str, tuple[str, str] | tuple[str, str, Ways]] = {
    "code_other_enterprise": (
        "code {value} is stored project {project}, but this row gives another enterprise and a name that shares "
        "little more than stock words with it — that project renamed and handed to another enterprise, or another "
        "project under a code used again (or two codes swapped)? {how}",
        "编号 {value} 为已有项目 {project} 的编号，但本行的建设单位不同，名称与之也仅有套话相同——是该项目改名并"
        "转给另一企业，还是另一项目沿用了该编号（或两个编号填反）？{how}",
        _CODE_WAYS,
    ),
    "code_renumbered": (
        "code {value} is stored project {project}, but the stored codes are the numbers 1, 2, 3… (a list's row "
        "numbers, more likely than the city's codes) and this row's name is another — that project renamed, or "
        "another project on a list numbered afresh? {how}",
        "编号 {value} 为已有项目 {project} 的编号，但已有编号为 1、2、3……（更像是清单的行号，而非市级项目编号），"
        "且本行名称不同——是该项目改名，还是清单重新编号后的另一项目？{how}",
        _CODE_WAYS,
    ),
    "name_new_enterprise": (
        "stored project {project} has this row's name in its district, but another enterprise ({other}) — the "
        "same project under a new enterprise (renamed, or handed over), or another project of that name? {how}",
        "已有项目 {project} 与本行同名、同区域，但建设单位不同（{other}）——是同一项目换了企业（更名或转让），"
        "还是另一同名项目？{how}",
        Ways(
            app=(
                "Say which in the row's question above the table: “the same as …” or “new project (keep apart)”",
                "请在表格上方该行的问题中选择：“即 ……”或“新项目（分开）”",
            ),
            cli=(
                "If it is that project, say so with --link {row}=CODE (or =#ID); if it is another project, "
                "--link {row}=new",
                "如为同一项目，请用 --link {row}=编号（或 =#ID）说明；如为另一项目，请用 --link {row}=new",
            ),
        ),
    ),
    "new_name_taken": (
        "row {row} is stored project {project} by its name and district (or its code): added as a new project "
        "beside it, it would be listed twice and its investment counted twice — {how}",
        "按名称与区域（或编号），第 {row} 行即已有项目 {project}：如另作为新项目添加，将重复列出、投资重复计算——{how}",
        Ways(
            app=(
                "to update that project, choose “the same as …” in the row's question above the table",
                "如需更新该项目，请在表格上方该行的问题中选“即 ……”",
            ),
            cli=(
                "to update that project, drop --link {row}=new and import again (another project of that name is "
                "told apart by its enterprise or its name in the file)",
                "如需更新该项目，请去掉 --link {row}=new 后重新导入"
                "（如为另一同名项目，请在文件中以建设单位或名称区分）",
            ),
        ),
    ),
    "named_twice_in_file": (
        "“{value}” is already listed in row {first_row} (the same name and district, and the same enterprise, "
        "under another code or none): listed twice, its investment would be counted twice — delete one of the "
        "rows, or tell the two projects apart by their names",
        "“{value}”已列于第 {first_row} 行（名称、区域、建设单位相同，编号不同或未填）：重复列出会使其投资重复计算"
        "——请删去其中一行，或以名称区分两个项目",
    ),
    "same_project_twice": (
        "rows {first_row} and {row} are both project {project}: one project takes one row of a list — correct the "
        "--link or the code of one of them",
        "第 {first_row} 行与第 {row} 行都是项目 {project}：一个项目只能对应清单中的一行——请更正其中一行的 "
        "--link 或编号",
    ),
    "note_readded": (
        "Sheet “{sheet}” row {row}: project {project} was deleted in zqtracker ({when}, by {user}); this row adds "
        "it back as a new project. If it was deleted on purpose (merged into another, dropped), leave the row out "
        "of the file, or delete the project again after the import.",
        "工作表“{sheet}”第 {row} 行：项目 {project} 已在 zqtracker 中删除（{when}，{user}）；本行将其作为新项目"
        "重新添加。如系有意删除（已并入其他项目、已撤销），请从文件中删去该行，或在导入后再次删除该项目。",
    ),
    "note_readded_more": (
        "{count} more row(s) add back projects deleted in zqtracker: {rows}.",
        "另有 {count} 行将重新添加已在 zqtracker 中删除的项目：{rows}。",
    ),
    # An enterprise's unified social credit code (services/import_credit.py): the row's column and code are the
    # problem's own; what the stored enterprise or another row says is in the sentence.
    "credit_code_stored_other": (
        "“{enterprise}” is stored with the credit code {stored}, and this row gives {value}: which is right? Correct "
        "the file, or the enterprise's code in zqtracker, then import again",
        "“{enterprise}”已保存的统一社会信用代码为 {stored}，本行填写的是 {value}：哪个正确？请更正文件或 zqtracker "
        "中该企业的代码后再导入",
    ),
    "credit_code_of_another": (
        "{value} is the credit code of the stored enterprise “{owner}”, but this row names “{enterprise}”, another "
        "stored enterprise: correct the code or the enterprise's name",
        "{value} 是已保存企业“{owner}”的统一社会信用代码，但本行的企业为另一已保存企业“{enterprise}”：请更正代码或"
        "企业名称",
    ),
    "credit_code_two_names": (
        "the credit code {value} is given to “{other}” in row {other_row} and to “{enterprise}” here: one code is "
        "one enterprise — write one name for both, or correct the code",
        "统一社会信用代码 {value} 在第 {other_row} 行属于“{other}”，在本行属于“{enterprise}”：一个代码即一家企业"
        "——请统一企业名称，或更正代码",
    ),
    "credit_code_two_codes": (
        "“{enterprise}” is given the credit code {other} in row {other_row} and {value} here: correct one of them",
        "“{enterprise}”在第 {other_row} 行的统一社会信用代码为 {other}，本行为 {value}：请更正其中之一",
    ),
    "note_credit_code_alone": (
        "{count} row(s) give a credit code but no enterprise (rows {rows}): those codes were not stored — write "
        "the enterprise's name beside its code to keep it.",
        "{count} 行填了统一社会信用代码但没有企业名称（第 {rows} 行）：这些代码未保存——"
        "请在代码旁填写企业名称后再导入。",
    ),
    "note_credit_code_match": (
        "Sheet “{sheet}” row {row}: the enterprise “{written}” is read as the stored “{stored}”, whose credit code "
        "{code} the row gives.",
        "工作表“{sheet}”第 {row} 行：企业“{written}”按统一社会信用代码 {code} 识别为已保存的“{stored}”。",
    ),
}
IDENTITY_MESSAGES = Catalogue("identity_problems", _IDENTITY_MESSAGES)
