"""The command line's help in English and 简体中文: argparse's own headings, every command's
description and every argument's help (``zqtracker --lang zh <command> --help``).

Keys: ``<command>`` is the line a command has in ``zqtracker --help``, ``<command>.about`` its
description, ``<command>.<argument>`` an argument's help. The commands of ``db``, ``round`` and
``import`` are in help_words_more.py.
"""

from __future__ import annotations

from zqtracker.cli.help_words_more import MORE
from zqtracker.domain.words import Catalogue

_HELP: dict[str, tuple[str, str]] = {
    # argparse's own words
    "usage": ("usage: ", "用法："),
    "error": ("{prog}: error: {text}\n", "{prog}: 错误：{text}\n"),
    "options": ("options", "选项"),
    "positionals": ("positional arguments", "位置参数"),
    "help": ("show this help message and exit", "显示本帮助信息并退出"),
    "version": ("show program's version number and exit", "显示程序版本号并退出"),
    "filters": ("filters", "筛选"),
    # argparse's usage errors (cli/arguments.in_chinese matches its English)
    "argparse.unrecognized": ("unrecognized arguments: {args}", "无法识别的参数：{args}"),
    "argparse.required": ("the following arguments are required: {args}", "缺少必需的参数：{args}"),
    "argparse.one_required": ("one of the arguments {args} is required", "须给出参数 {args} 之一"),
    "argparse.choice": (
        "argument {arg}: invalid choice: {value} (choose from {choices})",
        "参数 {arg}：无效的选项 {value}（可选：{choices}）",
    ),
    "argparse.value": ("argument {arg}: invalid value: {value}", "参数 {arg}：无效的值 {value}"),
    "argparse.one": ("argument {arg}: expected one argument", "参数 {arg} 需要一个值"),
    "argparse.at_least_one": ("argument {arg}: expected at least one argument", "参数 {arg} 至少需要一个值"),
    "argparse.at_most_one": ("argument {arg}: expected at most one argument", "参数 {arg} 至多接受一个值"),
    "argparse.count": ("argument {arg}: expected {count} arguments", "参数 {arg} 需要 {count} 个值"),
    "argparse.not_with": (
        "argument {arg}: not allowed with argument {other}",
        "参数 {arg} 不能与参数 {other} 同时使用",
    ),
    "argparse.ignored": ("argument {arg}: ignored explicit argument {value}", "参数 {arg} 不接受值 {value}"),
    "argparse.ambiguous": ("ambiguous option: {arg} could match {matches}", "选项 {arg} 有歧义，可能是：{matches}"),
    # zqtracker itself
    "main.about": (
        "Track industrial investment projects. Without a command, opens the desktop app.",
        "跟踪产业投资项目。不带命令时打开桌面程序。",
    ),
    "main.db": (
        "database: a SQLite file path or any SQLAlchemy URL (default: $ZQTRACKER_DB, "
        "else zqtracker.sqlite in the user data folder)",
        "数据库：SQLite 文件路径或任一 SQLAlchemy URL"
        "（默认：$ZQTRACKER_DB，否则为用户数据文件夹中的 zqtracker.sqlite）",
    ),
    "main.demo": ("open the desktop app on the demo database", "以演示数据库打开桌面程序"),
    "main.lang": ("language of output and labels", "输出和标签的语言"),
    # shared by several commands
    "through": ("last month included (1-12)", "截至月份（1-12）"),
    "output_json": ("machine-readable output", "以机器可读的格式（JSON）输出"),
    "filter.status": ("status (any language); repeatable", "项目状态（中英文均可）；可重复"),
    "filter.sector": ("sector or industry chain; repeatable", "行业或产业链；可重复"),
    "filter.district": ("district or park; repeatable", "区域或园区；可重复"),
    "filter.search": ("text in name, code or enterprise", "项目名称、编号或投资主体中的文字"),
    "filter.signed_year": ("signed in this year", "于该年签约"),
    "filter.key": ("key projects only", "只含重点项目"),
    "filter.billion": ("projects of 1 billion yuan or more only", "只含十亿元以上项目"),
    "filter.missing": (
        "projects lacking any of these: sector, district, amount (comma-separated or repeated)",
        "缺少其中任一项的项目：sector（行业）、district（区域）、amount（金额）（以逗号分隔或重复给出）",
    ),
    "unit": ("show money in 万元 or 亿元", "金额以万元或亿元显示"),
    # summary, list, show
    "summary": (
        "key figures: projects, planned and completed investment, growth",
        "主要指标：项目数、计划总投资、完成投资、增速",
    ),
    "summary.year": (
        "year of the year-to-date figures (default: latest with records)",
        "累计数的年份（默认：有填报的最近一年）",
    ),
    "list": ("list projects (filtered)", "列出项目（可筛选）"),
    "list.limit": ("at most this many projects", "最多列出的项目数"),
    "show": ("one project: every field, its figures and monthly records", "单个项目：全部字段、各项数字及月度填报"),
    "show.project": ("the project's code, or its id", "项目编号或系统编号"),
    # chart
    "chart": ("draw a dashboard chart to a PNG or SVG file", "把一张看板图表绘制为 PNG 或 SVG 文件"),
    "chart.about": (
        "Draw one of the dashboard's charts to FILE (.png or .svg). Charts — {names}.",
        "把看板中的一张图表绘制到 FILE（.png 或 .svg）。图表——{names}。",
    ),
    "chart.name": ("one of: {names}", "可选：{names}"),
    "chart.monthly": (
        "completed investment per month, this year against last, with the year-to-date lines",
        "各月完成投资，今年对比去年，并有累计曲线",
    ),
    "chart.yoy": ("year-on-year growth per month and year to date (%)", "当月和累计的同比增速（%）"),
    "chart.sectors": ("year-to-date completed investment and growth by sector", "分行业的累计完成投资和增速"),
    "chart.districts": ("year-to-date completed investment and growth by district", "分区域的累计完成投资和增速"),
    "chart.pipeline": ("projects and planned investment by status", "按状态的项目数和计划总投资"),
    "chart.signed": ("projects signed per month and their planned investment", "各月签约项目数及其计划总投资"),
    "chart.sep": ("; ", "；"),
    "chart.name_sep": (": ", "："),
    "chart.file": ("where to write: FILE.png or FILE.svg", "写入位置：FILE.png 或 FILE.svg"),
    "chart.year": ("year shown (default: the latest with records)", "显示的年份（默认：有填报的最近一年）"),
    "chart.width": ("width in pixels at 96 dpi (default 960)", "宽度，按 96 dpi 计的像素（默认 960）"),
    "chart.height": ("height in pixels at 96 dpi (default 540)", "高度，按 96 dpi 计的像素（默认 540）"),
    "chart.dpi": (
        "PNG resolution (default 200: a 960 px chart is 2000 px)",
        "PNG 分辨率（默认 200：960 像素宽的图表输出为 2000 像素）",
    ),
    "chart.theme": ("colours (default light)", "配色（默认 light 浅色）"),
    "chart.lang": ("language of the chart (default: --lang)", "图表的语言（默认：--lang）"),
    # demo
    "demo": (
        "fill the database (--db, default the user's) with demo data; refuses one with real projects",
        "向数据库（--db，默认为用户的数据库）填入演示数据；已有真实项目的数据库不予填入",
    ),
    "demo.projects": ("number of projects (default {default})", "项目数（默认 {default}）"),
    # report
    "report": (
        "a summary view as an A4 PDF: overview, key projects, monthly progress, stale projects",
        "把汇总视图输出为 A4 PDF：总览、重点项目、月度进展、停滞项目",
    ),
    "report.about": (
        "Write a summary view as an A4 PDF (the same file the Summaries tab saves). Needs no display.",
        "把汇总视图写为 A4 PDF（与“汇总”页保存的文件相同）。无需显示器。",
    ),
    "report.file": ("the PDF to write (replaced only once it is complete)", "要写入的 PDF（写完后才替换原文件）"),
    "report.view": ("which view (default: overview)", "哪个视图（默认：overview 总览）"),
    "report.year": (
        "year of the figures (default: the latest month with records)",
        "数字的年份（默认：有填报的最近月份所在年）",
    ),
    "report.lang": ("language of the PDF (default: --lang)", "PDF 的语言（默认：--lang）"),
    "report.months": ("stale view: months without activity (6)", "停滞项目视图：无动态的月数（6）"),
    "report.as_of": (
        "stale view: reference date (default: today or the demo's)",
        "停滞项目视图：参照日期（默认：今天，或演示数据的日期）",
    ),
    "report.all_projects": (
        "monthly view: every project with a plan or investment that year, not only key projects",
        "月度视图：当年有计划或有投资的全部项目，不只是重点项目",
    ),
    # export
    "export": (
        "write the projects (filtered) to a formatted .xlsx workbook with summaries and a chart",
        "把项目（可筛选）写入带汇总表和图表的 .xlsx 工作簿",
    ),
    "export.about": (
        "Write projects, monthly investment, summaries by status/sector/district and a chart of monthly "
        "completed investment to FILE.xlsx. The file appears only when complete.",
        "把项目、月度投资、按状态/行业/区域的汇总和月度完成投资图表写入 FILE.xlsx。文件写完后才会出现。",
    ),
    "export.file": ("the workbook to write (replaced if it exists)", "要写入的工作簿（已存在则替换）"),
    "export.lang": ("language of headers and sheets", "表头和工作表的语言"),
    "export.columns": (
        "project columns to write, comma-separated, in this order (code and name always included); "
        "default all: {fields}",
        "要写入的项目列，以逗号分隔，按此顺序（总含编号和名称）；默认全部：{fields}",
    ),
    "export.no_monthly": ("leave out the monthly investment sheet", "不写月度投资表"),
    "export.no_summaries": ("leave out the summary sheets and the chart", "不写汇总表和图表"),
    "export.json": ("print the result as JSON", "以 JSON 输出结果"),
    # template
    "template": (
        "write an import template (.xlsx): canonical headers, drop-down lists, instructions",
        "写出导入模板（.xlsx）：标准表头、下拉列表、填写说明",
    ),
    "template.file": ("the template to write (replaced if it exists)", "要写入的模板（已存在则替换）"),
    "template.lang": ("language of headers and help", "表头和说明的语言"),
    "template.unit": ("money unit of the template's headers (default wan)", "模板表头的金额单位（默认 wan 万元）"),
    # history
    "history": (
        "who changed which project, when, and how (the audit trail)",
        "谁在何时以何种方式修改了哪个项目（修改记录）",
    ),
    "history.project": ("only this project (its code)", "只看该项目（项目编号）"),
    "history.user": ("only changes by this user", "只看该用户的修改"),
    "history.since": ("only changes on or after this day (YYYY-MM-DD)", "只看该日及以后的修改（YYYY-MM-DD）"),
    "history.limit": ("at most this many changes (newest first)", "最多列出的修改条数（最新的在前）"),
}
HELP = Catalogue("cli_help", {**_HELP, **MORE})
