"""Wording for two new enterprises of one file that differ only in their legal form
(services/import_enterprise_fold.py). English and 简体中文; domain/message_topics.py lists them."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_ENTERPRISE_FOLD_MESSAGES: dict[str, tuple[str, str]] = {
    "note_enterprise_form_file": (
        "Sheet “{sheet}” row(s) {rows}: the new enterprise “{written}” is read as “{kept}” of sheet “{kept_sheet}” "
        "row {kept_row} (credit code {code}) — the two names differ only in the legal form at their end (limited "
        "company, limited liability company, company limited by shares), width or spaces; one enterprise is "
        "stored, under the name the file gives first. If they are two enterprises, give each row's unified "
        "social credit code.",
        "工作表“{sheet}”第 {rows} 行：新企业“{written}”识别为工作表“{kept_sheet}”第 {kept_row} 行的“{kept}”"
        "（统一社会信用代码 {code}）——两者仅组织形式（有限公司、有限责任公司、股份有限公司）、全半角或空格不同；"
        "按文件中先出现的名称保存为一家企业。如为两家企业，请在文件中填写各行的统一社会信用代码。",
    ),
    "enterprise_forms_file_several": (
        "“{value}” differs only in the legal form at its end (limited company, limited liability company, "
        "company limited by shares), width or spaces from new enterprises of this file with different unified "
        "social credit codes: {names} — which is it? Write its name as on that enterprise's rows, or give its "
        "credit code, then import again",
        "“{value}”与本文件中统一社会信用代码不同的多家新企业仅组织形式（有限公司、有限责任公司、股份有限公司）、"
        "全半角或空格不同：{names}——是哪一家？请按该企业所在行的名称填写，或填写其统一社会信用代码后再导入",
    ),
}
ENTERPRISE_FOLD_MESSAGES = Catalogue("enterprise_fold_messages", _ENTERPRISE_FOLD_MESSAGES)
