"""Wording for a district's list imported again (probe33a F3, F5): an enterprise written with another legal
form (services/import_enterprise_forms.py), a stored project's very name in another district and a project
moved to another district with its past months (services/import_moved.py). English and 简体中文;
messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue, Ways

_REIMPORT_MESSAGES: dict[str, tuple[str, str] | tuple[str, str, Ways]] = {
    "note_enterprise_form": (
        "Sheet “{sheet}” row(s) {rows}: the enterprise “{written}” is read as the stored “{stored}” (credit "
        "code {code}) — the names differ only in the legal form at their end (limited company, limited "
        "liability company, company limited by shares), width or spaces; the stored name and code are kept. If "
        "they are two enterprises, give each row's unified social credit code.",
        "工作表“{sheet}”第 {rows} 行：企业“{written}”识别为已保存的“{stored}”（统一社会信用代码 {code}）——两者仅"
        "组织形式（有限公司、有限责任公司、股份有限公司）、全半角或空格不同；保留已保存的名称和代码。如为两家企业，"
        "请在文件中填写各行的统一社会信用代码。",
    ),
    "enterprise_forms_several": (
        "“{value}” differs only in the legal form at its end (limited company, limited liability company, "
        "company limited by shares), width or spaces from two or more stored enterprises: {names} — which is it? "
        "Write its stored name exactly, or give its unified social credit code, then import again",
        "“{value}”与多家已保存企业仅组织形式（有限公司、有限责任公司、股份有限公司）、全半角或空格不同：{names}"
        "——是哪一家？请按已保存名称准确填写，或填写其统一社会信用代码后再导入",
    ),
    "name_other_district": (
        "“{value}” would be a new project in {district}, but a stored project of the same name is in {stored}: "
        "{others} — has that project moved to {district}, or is this another project of the same name? If it "
        "moved and is added as new, it would be listed twice and its investment counted twice. {how}",
        "“{value}”将作为{district}的新项目导入，但{stored}已有同名项目：{others}——是该项目迁至{district}，"
        "还是另一个同名项目？如实为迁移而作为新项目导入，该项目将重复列出、投资数重复计算。{how}",
        Ways(
            app=(
                "Say which in the row's question above the table: “the same as …” if it moved (its past monthly "
                "figures move with it), “new project (keep apart)” if it is another project",
                "请在表格上方该行的问题中说明：如为迁移，选“即 ……”（以往各月数据随之迁移）；如是另一项目，"
                "选“新项目（分开）”",
            ),
            cli=(
                "Say which: --link {row}=CODE (or =#ID) if it moved (its past monthly figures move with it), "
                "--link {row}=new if it is another project",
                "请说明：如为迁移，用 --link {row}=编号（或 =#ID）（以往各月数据随之迁移）；如是另一项目，"
                "用 --link {row}=new",
            ),
        ),
    ),
    "note_moved_district": (
        "Sheet “{sheet}” row {row}: {project} moved from {old} to {new}; its {count} past month(s) of investment "
        "figures ({span}) moved with it — counted in {new} now, no longer in {old}.",
        "工作表“{sheet}”第 {row} 行：{project} 由{old}迁至{new}；以往 {count} 个月的投资数据（{span}）随之迁移"
        "——现计入{new}，不再计入{old}。",
    ),
}
REIMPORT_MESSAGES = Catalogue("reimport_messages", _REIMPORT_MESSAGES)
