"""The audit trail in words, in either language: which field, which action, values as shown."""

from __future__ import annotations

from zqtracker.domain.messages import field_label

ACTION_LABELS: dict[str, tuple[str, str]] = {
    "create": ("created", "新建"),
    "edit": ("edit", "编辑"),
    "delete": ("deleted", "删除"),
    "bulk": ("bulk change", "批量修改"),
    "import": ("import", "导入"),
    "undo": ("undo", "撤销"),
    "redo": ("redo", "重做"),
}


def action_text(action: str, source: str | None, lang: str = "en") -> str:
    zh = lang.startswith("zh")
    words = ACTION_LABELS.get(action, (action, action))[1 if zh else 0]
    if action == "import" and source:
        return f"导入“{source}”" if zh else f"import of {source}"
    return words


def field_text(field: str, lang: str = "en") -> str:
    zh = lang.startswith("zh")
    if field == "created":
        return "项目新建" if zh else "project created"
    if field == "deleted":
        return "项目删除" if zh else "project deleted"
    if field.startswith("investment "):
        period = field.split(" ", 1)[1]
        return f"{period} 完成投资" if zh else f"completed investment {period}"
    if field.startswith("plan "):
        year = field.split(" ", 1)[1]
        return f"{year} 年度计划" if zh else f"annual plan {year}"
    return field_label(field, lang)


def value_text(field: str, value: str | None, lang: str = "en") -> str:
    """Stored text as a person reads it: statuses and flags in words, amounts in yuan."""
    zh = lang.startswith("zh")
    if value is None or value == "":
        return "（空）" if zh else "(none)"
    if field == "status":
        from zqtracker.domain.status import Status

        try:
            return Status(value).label(lang)
        except ValueError:
            return value
    if field == "is_key_project":
        return ("是" if value == "true" else "否") if zh else ("yes" if value == "true" else "no")
    if field in ("planned_investment", "expected_annual_output", "expected_annual_tax") or field.startswith(
        ("investment ", "plan ")
    ):
        try:
            return f"{int(value):,} 元" if zh else f"{int(value):,} yuan"
        except ValueError:
            return value
    return value
