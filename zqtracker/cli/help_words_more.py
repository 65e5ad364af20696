"""The help of ``db``, ``round`` and ``import`` in English and 简体中文 (help_words.py has the rest
and registers both as one catalogue)."""

from __future__ import annotations

MORE: dict[str, tuple[str, str]] = {
    # db
    "db": ("database housekeeping: backups, checks, upgrade, salvage", "数据库维护：备份、检查、升级、抢救"),
    "db.backup": (
        "copy the database into its backups, or to a file (a server's: a SQLite "
        "file holding every table, which `db restore` puts back)",
        "把数据库复制到其备份文件夹或某个文件"
        "（服务器数据库则复制为含全部数据表的 SQLite 文件，可用 `db restore` 恢复）",
    ),
    "db.backup.target": (
        "backup file (default: the database's backups folder)",
        "备份文件（默认：数据库的备份文件夹）",
    ),
    "db.check": ("check the database's integrity (exit 1 when damaged)", "检查数据库是否完好（损坏时退出码为 1）"),
    "db.upgrade": ("bring the schema up to date (a backup is made first)", "把数据库结构升级到最新（先做备份）"),
    "db.restore": (
        "list the database's backups, or put one back (on a server too: all or nothing)",
        "列出数据库的备份，或恢复其中一个（服务器数据库也可：要么全部恢复，要么不变）",
    ),
    "db.restore.backup": (
        "a number from the list, or a backup file; without it: the list",
        "列表中的序号或某个备份文件；不给出则列出备份",
    ),
    "db.recover": (
        "salvage what can be read from a damaged database into a new file",
        "把损坏数据库中可读出的内容抢救到一个新文件",
    ),
    "db.recover.damaged": ("the damaged SQLite file to read from", "要从中读取的损坏的 SQLite 文件"),
    "db.recover.new": (
        "the new file to write what was salvaged to (must not exist yet)",
        "写入抢救出的内容的新文件（该文件不能已经存在）",
    ),
    "db.copy": (
        "copy every table of one database into another (SQLite file ⇄ PostgreSQL)",
        "把一个数据库的全部数据表复制到另一个数据库（SQLite 文件 ⇄ PostgreSQL）",
    ),
    "db.copy.source": (
        "the database to copy: a SQLite file (e.g. a backup) or a URL",
        "要复制的数据库：SQLite 文件（如某个备份）或 URL",
    ),
    "db.copy.target": (
        "where to: postgresql+psycopg://user@server/database, or a SQLite file",
        "复制到：postgresql+psycopg://用户@服务器/数据库，或某个 SQLite 文件",
    ),
    "db.copy.replace": ("the target may hold data: replace all of it", "目标数据库可以已有数据：全部替换"),
    "db.init_server": (
        "set up a PostgreSQL database for a team: schema, accounts, policies",
        "为团队建立 PostgreSQL 数据库：数据库结构、账户、访问规则",
    ),
    "db.init_server.url": (
        "postgresql+psycopg://owner@server/database (the database's owner)",
        "postgresql+psycopg://所有者@服务器/数据库（数据库的所有者）",
    ),
    "db.grant": (
        "make a server user an analyst, a district's staff, or a reader",
        "把服务器用户设为分析员、区县工作人员或只读用户",
    ),
    "db.grant.user": (
        "the PostgreSQL user name (created as a login role when new)",
        "PostgreSQL 用户名（新用户将建为可登录的角色）",
    ),
    "db.grant.role": (
        "analyst: reads and writes everything; district: only its district's projects; "
        "reader: reads everything, writes nothing",
        "analyst：读写全部数据；district：只读写所属区域的项目；reader：可读全部数据，不能写入",
    ),
    "db.grant.district": ("the district of a district account; repeatable", "区县账户所属的区域；可重复"),
    # round
    "round": (
        "the monthly reporting round: workbooks out to districts, returns back",
        "月度报表轮次：向各区县下发报表，收回回表",
    ),
    "round.create": ("write one prefilled workbook per district for a month", "按月为每个区县写出一份预填的报表"),
    "round.create.month": ("the month asked for, e.g. 2023-10", "填报的月份，如 2023-10"),
    "round.create.out": ("folder in which the round's folder is made", "在其中建立本轮次文件夹的文件夹"),
    "round.create.district": ("only this district or park; repeatable", "只发给该区域或园区；可重复"),
    "round.create.unit": ("money unit of the workbooks", "报表的金额单位"),
    "round.create.due": (
        "returns due by this day (default: the 10th after)",
        "回表截止日期（默认：次月 10 日）",
    ),
    "round.status": (
        "each district's state: not sent, sent, returned, imported, late",
        "各区县的状态：未下发、已下发、已回表、已导入、逾期",
    ),
    "round.month": ("the round's month, e.g. 2023-10", "轮次的月份，如 2023-10"),
    "round.today": (
        "count lateness as on this day (default: today)",
        "按此日期计算逾期天数（默认：今天）",
    ),
    "round.collect": (
        "check returned workbooks and import them (each district's differences)",
        "检查收回的报表并导入（显示各区县的差异）",
    ),
    "round.collect.files": ("returned workbooks", "收回的报表"),
    "round.collect.dry_run": ("show the differences and findings; write nothing", "显示差异和检查结果；不写入任何内容"),
    "round.collect.accept": ("accept every plausibility finding not yet decided", "接受所有尚未处理的合理性检查结果"),
    "round.collect.note": (
        "the note kept with what --accept or --send-back decides",
        "随 --accept 或 --send-back 的处理一并保存的备注",
    ),
    "round.collect.send_back": (
        "send a project's row back (its code or id): nothing of it is imported; repeatable",
        "退回某个项目的行（项目编号或系统编号）：该行的内容一概不导入；可重复",
    ),
    "round.collect.on": ("the day the returns came in (default: today)", "收到回表的日期（默认：今天）"),
    "round.collect.again": (
        "collect a return although it changes monthly figures already on record (a corrected return)",
        "回表改动已有记录的月度数字时（更正后的回表）仍予收取",
    ),
    "round.collect.link": (
        "ROW=new: the new-projects sheet's row ROW is a new project although its name is near a stored one's "
        "(ROW=CODE: it is that project — then report it on its row of the first sheet)",
        "行号=new：“新增项目”表第 行号 行虽与已有项目名称相近，但确为新项目（行号=编号：即该项目——"
        "请改在第一张表该项目所在行填报）",
    ),
    "round.collect.report": (
        "also write every finding and decision to a workbook",
        "同时把全部检查结果和处理写入一个工作簿",
    ),
    "round.close": (
        "freeze the month's consolidated figures (reports and dashboard keep them)",
        "关账：冻结该月的汇总数字（报表和看板沿用这些数字）",
    ),
    "round.close.month": ("the month to close, e.g. 2023-10", "要关账的月份，如 2023-10"),
    "round.close.note": ("kept with the closing", "随关账一并保存"),
    "round.close.reopen": (
        "undo a closing: the month shows live figures again",
        "撤销关账：该月重新显示实时数字",
    ),
    "round.remind": (
        "who still owes a return, and which projects lack figures",
        "哪些区县尚未回表，哪些项目缺少数字",
    ),
    "round.remind.xlsx": ("also write the reminder list to this workbook", "同时把催报名单写入该工作簿"),
    # import
    "import": (
        "import projects or monthly investment from .xlsx/.xlsm/.xls/.xlsb/.ods/.csv",
        "从 .xlsx/.xlsm/.xls/.xlsb/.ods/.csv 导入项目或月度投资",
    ),
    "import.about": (
        "Import a spreadsheet: projects (matched by code, else by name in their district) and monthly "
        "completed investment (long or wide). All or nothing unless --skip-invalid. Whatever the import "
        "preview lets you correct can be said here.",
        "导入电子表格：项目（按项目编号匹配，没有编号则按所在区域内的名称匹配）和月度完成投资（纵表或横表）。"
        "除非给出 --skip-invalid，要么全部导入，要么不变。导入预览中能更正的，这里都能用参数说明。",
    ),
    "import.epilog": (
        "fields for --map (or none to leave a column out):\n"
        "  code, name, enterprise, sector, chain (industry chain), district, status, planned_investment,\n"
        "  land_area_mu, expected_annual_output, expected_annual_tax, signed_on, construction_start_on,\n"
        "  production_on, is_key_project, project_type, investor_origin, officer, contact, progress_note,\n"
        "  notes, annual_plan, month, amount (completed investment: a month's own), ytd (year to date)\n"
        "statuses for --status and --status-map: lead, signed, preparing, under_construction,\n"
        "  commissioning, trial_production, in_production, on_hold, cancelled (or their Chinese words)\n"
        "\n"
        "examples:\n"
        "  zqtracker import 高要区10月.xlsx --dry-run\n"
        "  zqtracker import list.xlsx --unit yi --district 萝岗区 --status lead\n"
        '  zqtracker import list.xlsx --header-row 3 --map "F=planned_investment" --map "项目类别=sector"\n'
        '  zqtracker import inventory.xlsx --status-map "Active=under_construction" --save-profile inventory\n'
        "  zqtracker import inventory-2025.xlsx --profile inventory",
        "--map 可用的字段（或 none：不导入该列）：\n"
        "  code 项目编号、name 项目名称、enterprise 投资主体、sector 所属行业、chain 产业链、district 所在区域、\n"
        "  status 项目状态、planned_investment 计划总投资、land_area_mu 用地面积（亩）、\n"
        "  expected_annual_output 预计年产值、expected_annual_tax 预计年税收、signed_on 签约时间、\n"
        "  construction_start_on 开工时间、production_on 投产时间、is_key_project 重点项目、\n"
        "  project_type 项目类型、investor_origin 投资来源、officer 服务专员、contact 联系人、\n"
        "  progress_note 进展情况、notes 备注、annual_plan 年度计划、month 月份、amount 完成投资（当月）、\n"
        "  ytd 本年累计完成投资\n"
        "--status 和 --status-map 可用的状态：lead 洽谈、signed 签约、preparing 前期、under_construction 在建、\n"
        "  commissioning 设备调试、trial_production 试产、in_production 投产、on_hold 停缓建、cancelled 终止\n"
        "  （也可写中文）\n"
        "\n"
        "示例：\n"
        "  zqtracker import 高要区10月.xlsx --dry-run\n"
        "  zqtracker import 清单.xlsx --unit yi --district 萝岗区 --status lead\n"
        '  zqtracker import 清单.xlsx --header-row 3 --map "F=planned_investment" --map "项目类别=sector"\n'
        '  zqtracker import 台账.xlsx --status-map "在库=under_construction" --save-profile 台账\n'
        "  zqtracker import 台账2025.xlsx --profile 台账",
    ),
    "import.file": (
        ".xlsx, .xlsm, .xls, .xlsb, .ods or .csv file (told by its bytes, whatever its name)",
        ".xlsx、.xlsm、.xls、.xlsb、.ods 或 .csv 文件（按文件内容识别，与文件名无关）",
    ),
    "import.sheet": (
        "import this sheet only (repeatable); default: every visible sheet that is recognised",
        "只导入该工作表（可重复）；默认：能识别的全部可见工作表",
    ),
    "import.mode": (
        "merge: add new projects, update changed fields (default); append: new projects only; "
        "replace: replace every project (after a backup)",
        "merge：新增项目并更新有变化的字段（默认）；append：只新增项目；replace：替换全部项目（先做备份）",
    ),
    "import.dry_run": ("show what would change; write nothing", "显示将有的变化；不写入任何内容"),
    "import.skip_invalid": ("write the valid rows, report the others", "写入有效的行，报告其余的行"),
    "import.unit": (
        "unit of amounts that have none in the cell, header or a unit line (yuan, wan = 万元, yi = 亿元)",
        "单元格、表头和单位行都未注明单位的金额所用的单位（yuan 元、wan 万元、yi 亿元）",
    ),
    "import.header_row": (
        "the header is row N (1-based), not the one found",
        "表头在第 N 行（从 1 起算），而不是自动找到的那一行",
    ),
    "import.map": (
        "column (letter or header text) holds FIELD, or none (repeatable)",
        "该列（列字母或表头文字）对应字段 FIELD，或 none 不导入（可重复）",
    ),
    "import.status_map": (
        "a status word of the file means STATUS (repeatable)",
        "文件中的某个状态用语表示状态 STATUS（可重复）",
    ),
    "import.district": ("district of rows without one", "未填区域的行所属的区域"),
    "import.district_map": (
        "a district as the file writes it is DISTRICT, a stored one or a new one (repeatable; the "
        "same name on both sides: a new district of that name)",
        "文件中写的某个区域名称即区域 DISTRICT（已有区域或新区域；可重复；两边同名：以该名称新增区域）",
    ),
    "import.sector": ("sector of rows without one", "未填行业的行所属的行业"),
    "import.status": ("status of new projects without one", "未填状态的新项目的状态"),
    "import.rate": (
        "yuan per unit of a currency the file's amounts are in (USD=7.10; repeatable): such amounts "
        "are stored in yuan with the original amount, currency and rate kept; without a rate they are "
        "never read",
        "文件中外币金额的汇率，即每单位外币折合人民币元数（USD=7.10；可重复）：这些金额折算为人民币保存，"
        "并保留原币金额、币种和汇率；没有汇率的外币金额一概不读入",
    ),
    "import.link": (
        "row ROW (1-based; SHEET!ROW in a workbook of several sheets) is the stored project "
        "CODE, not a new one (repeatable)",
        "第 ROW 行（从 1 起算；多工作表的工作簿写作 工作表!ROW）是已有的项目 CODE，不是新项目（可重复）",
    ),
    "import.hidden_rows": (
        "rows hidden in the sheet (by hand or by a filter): import them, or skip them (leave them out); "
        "without it, a file with such rows is refused, naming them",
        "工作表中已隐藏的行（手动隐藏或被筛选隐藏）：import 导入，skip 不导入；"
        "不指定时，含这类行的文件会被拒绝，并列出这些行",
    ),
    "import.struck_rows": (
        "rows struck through in an .xlsx, .xls or .ods (a row taken off the list without deleting it): skip them "
        "(leave them out), or import them; without it, a file with such rows is refused, naming them",
        "在 .xlsx、.xls 或 .ods 中被加了删除线的行（未删除、只划掉的行）：skip 不导入，import 导入；"
        "不指定时，含这类行的文件会被拒绝，并列出这些行",
    ),
    "import.date_order": (
        "slash dates that read either way (03/04/2023) are month/day (mdy, the default, said in a note) or "
        "day/month (dmy); a column whose dates decide (a number above 12) is read as they say",
        "可两种读法的斜杠日期（03/04/2023）：mdy 为“月/日”（默认，并附说明），dmy 为“日/月”；"
        "若某列日期本身可以判断（有大于 12 的数），按其本身读取",
    ),
    "import.period": (
        "the report is of this year and month (its 1–X月 figures run through it), for every chosen sheet: for a "
        "file that names no year, or whose title and sheet name name two months",
        "报表所属年月（1–X月累计截至该月），适用于所选的每个工作表：用于文件未写明年份，或标题与工作表名所写月份不一致时",
    ),
    "import.profile": ("start from the choices saved under NAME", "从以 NAME 保存的选择开始"),
    "import.save_profile": ("save this command's choices under NAME", "把本次命令的选择以 NAME 保存"),
    "import.json": ("machine-readable result", "以机器可读的格式（JSON）输出结果"),
}
