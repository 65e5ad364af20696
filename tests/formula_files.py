"""A district's project list as a program writes it: amounts as formulas without calculated values
(openpyxl writes ``<c r="H3"><f>F3+G3</f><v/></c>``, as many web exporters and report
generators do). tests/data/make_office_files.py has LibreOffice Calc calculate and re-save it
(calc_formulas.xlsx / .ods), as opening and saving in Excel or WPS would."""

from __future__ import annotations

from pathlib import Path

import openpyxl

HEADER = ["序号", "项目编号", "项目名称", "所属行业", "所在区域", "设备投资", "土建投资", "计划总投资", "测算差额"]
# code, name, sector, equipment, building (万元); 计划总投资 = F + G, 测算差额 (not imported) = F − G
PROJECTS = [
    ("FM-001", "储能电池项目", "新型储能", 1000, 500),
    ("FM-002", "五金扩产项目", "金属新材料", 2000, 1000),
    ("FM-003", "食品加工项目", "绿色食品", 300, 200),
]
TYPED = ("FM-004", "光伏组件项目", "新能源", 800, 400, 1200)  # its total typed in, not a formula
YUAN = {"FM-001": 15_000_000, "FM-002": 30_000_000, "FM-003": 5_000_000, "FM-004": 12_000_000}


def formula_list(path: Path) -> Path:
    """Rows 3–5 with formulas, row 6 typed, row 7 合计 (formulas), rows 8–9 a template's rows
    filled down ahead of their data (formulas alone)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "项目清单"
    ws.append(["2024年高要区招商引资项目清单（单位：万元）"])
    ws.append(HEADER)
    for i, (code, name, sector, equipment, building) in enumerate(PROJECTS, start=1):
        r = i + 2
        ws.append([i, code, name, sector, "高要区", equipment, building, f"=F{r}+G{r}", f"=F{r}-G{r}"])
    code, name, sector, equipment, building, total = TYPED
    ws.append([4, code, name, sector, "高要区", equipment, building, total, equipment - building])
    ws.append(["合计", None, None, None, None, "=SUM(F3:F6)", "=SUM(G3:G6)", "=SUM(H3:H6)", None])
    for r in (8, 9):
        ws.append([None, None, None, None, None, None, None, f"=F{r}+G{r}", f"=F{r}-G{r}"])
    wb.save(path)
    return path
