"""What ``db`` and ``import`` print, in English and 简体中文 (cli/words.py takes them in)."""

from __future__ import annotations

MORE: dict[str, tuple[str, str]] = {
    # import
    "import.note": ("Note: {text}", "注意：{text}"),
    "import.dry_run": ("Dry run (nothing written): ", "试运行（未写入）："),
    "import.blocked": ("{count} problem(s); nothing was written.", "{count} 个问题，未写入任何数据。"),
    "import.counts": (
        "{head}{added} added, {updated} updated, {unchanged} unchanged, {records} monthly investment record(s).",
        "{head}新增 {added} 个项目，更新 {updated} 个，未变 {unchanged} 个，月度完成投资 {records} 条。",
    ),
    "import.plans": ("Annual plans: {count} to write.", "年度计划投资：写入 {count} 条。"),
    "import.more_changes": (
        "  … and {count} more change(s) (--json lists them)",
        "  … 另有 {count} 处改动（--json 列出全部）",
    ),
    "import.skipped": ("Skipped the rows of {count} problem(s).", "跳过 {count} 个问题所在的行。"),
    "import.new_sectors": ("New sectors ({count}): {names}", "新建行业（{count}）：{names}"),
    "import.new_districts": ("New districts ({count}): {names}", "新建区域（{count}）：{names}"),
    "import.new_enterprises": ("New enterprises ({count}): {names}", "新建企业（{count}）：{names}"),
    "import.backed_up": ("Backed up before importing: {path}", "导入前已备份到 {path}"),
    "import.rows": ("sheet “{sheet}”, rows {rows} ({count} rows)", "工作表“{sheet}”第 {rows} 行（共 {count} 行）"),
    "import.rows_column": (", column {column}", "，{column}列"),
    "import.problem": ("{where}: {value} — {reason}", "{where}：{value} — {reason}"),
    # db: why a backup was made
    "db.reason.daily": ("daily", "每日"),
    "db.reason.import": ("before an import", "导入前"),
    "db.reason.replace": ("before a replace", "替换导入前"),
    "db.reason.upgrade": ("before an upgrade", "升级前"),
    "db.reason.bulk-delete": ("before a bulk delete", "批量删除前"),
    "db.reason.restore": ("before a restore", "恢复前"),
    "db.reason.manual": ("by hand", "手动"),
    # db backup, check, upgrade
    "db.backed_up": ("Backed up to {path}", "已备份到 {path}"),
    "db.schema": ("{database}: schema {schema}, {count} project(s)", "{database}：结构版本 {schema}，{count} 个项目"),
    "db.problem": ("  problem: {problem}", "  问题：{problem}"),
    "db.ok_upgradable": (
        "OK; `zqtracker db upgrade` brings it to the current schema.",
        "正常；`zqtracker db upgrade` 可将其升级到当前结构版本。",
    ),
    "db.ok": ("OK", "正常"),
    "db.problems": ("{count} problem(s) found", "发现 {count} 个问题"),
    "db.rebuilt": ("Rebuilt index {name}", "已重建索引 {name}"),
    "db.up_to_date": ("{database} is up to date (schema {schema}).", "{database} 已是最新（结构版本 {schema}）。"),
    "db.upgraded": ("{database}: schema {before} → {schema}.", "{database}：结构版本 {before} → {schema}。"),
    "db.no_schema": ("none", "无"),
    # db restore
    "db.backups_of": ("Backups of {database} (newest first):", "{database} 的备份（最新在前）："),
    "db.backup_projects": ("{count} project(s){whose}  {path}", "{count} 个项目{whose}  {path}"),
    "db.made_by": (" ({user}'s copy)", "（{user} 的备份）"),
    "db.how_to_restore": ("To restore one: zqtracker db restore NUMBER", "恢复：zqtracker db restore 编号"),
    "db.restored": ("Restored {database} from {backup}", "已将 {database} 恢复为 {backup}"),
    "db.restored_rows": (
        "{count} project(s); every table's rows and sums agree with the backup.",
        "{count} 个项目；各表行数与合计均与备份一致。",
    ),
    "db.kept_before": ("The database as it was is kept in {path}", "恢复前的数据库已备份到 {path}"),
    "db.restore_cancelled": ("Restore cancelled: nothing was changed.", "恢复已取消：未做任何更改。"),
    "db.restore_uncancellable": (
        "Ctrl-C came while the database was being replaced, which cannot be cancelled; the restore goes on.",
        "按下 Ctrl-C 时数据库正在被替换，此步骤无法取消；恢复继续进行。",
    ),
    # db recover
    "db.recovered_of": (" (the damaged file counted {count})", "（原文件记录 {count} 个）"),
    "db.recovered": (
        "Recovered {count} project(s){of} from {damaged} into {new}.",
        "已从 {damaged} 抢救出 {count} 个项目{of}，写入 {new}。",
    ),
    "db.orphans": ("Left out, as what they belong to was lost: {left}.", "其所属项目未能抢救的行已略去（{left}）。"),
    "db.lost_and_found": (
        "{count} row(s) whose table could not be told are in the lost_and_found table.",
        "另有 {count} 行无法归属，保存在 lost_and_found 表中。",
    ),
    "db.check_first": (
        "Check it with `zqtracker --db {path} db check` before using it.",
        "请先用 `zqtracker --db {path} db check` 检查，再使用新文件。",
    ),
}
