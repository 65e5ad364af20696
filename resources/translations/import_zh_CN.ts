<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BackupLine</name>
    <message>
        <source>Backup:</source>
        <translation>备份：</translation>
    </message>
    <message>
        <source>Copy path</source>
        <translation>复制路径</translation>
    </message>
    <message>
        <source>Copy the backup copy&apos;s full path</source>
        <translation>复制备份文件的完整路径</translation>
    </message>
</context>
<context>
    <name>DefaultFields</name>
    <message>
        <source>Rows without a district:</source>
        <translation>未填区域的行：</translation>
    </message>
    <message>
        <source>without a sector:</source>
        <translation>未填行业：</translation>
    </message>
    <message>
        <source>New projects without a status:</source>
        <translation>未填状态的新项目：</translation>
    </message>
    <message>
        <source>(from the file)</source>
        <translation>（按文件）</translation>
    </message>
    <message>
        <source>from the title</source>
        <translation>取自标题</translation>
    </message>
    <message>
        <source>from the sheet&apos;s name</source>
        <translation>取自工作表名称</translation>
    </message>
    <message>
        <source>from the 填报单位 line</source>
        <translation>取自填报单位</translation>
    </message>
    <message>
        <source>your choice</source>
        <translation>您的指定</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>the file says %1</source>
        <translation>文件所示：%1</translation>
    </message>
</context>
<context>
    <name>ImportBody</name>
    <message>
        <source>Choose a spreadsheet to import (.xlsx, .xls, .ods, .csv …), or drop one on this window. Nothing is written until you have seen what each of its rows will do, and pressed Import.</source>
        <translation>请选择要导入的表格文件（.xlsx、.xls、.ods、.csv 等），或将文件拖到本窗口。导入前会逐行显示将发生的变化，点击“导入”后才写入数据。</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import spreadsheet</source>
        <translation>导入表格</translation>
    </message>
    <message>
        <source>Skip invalid rows (import the valid ones)</source>
        <translation>跳过有问题的行（导入其余各行）</translation>
    </message>
    <message>
        <source>Remember my column choices for files with these headers</source>
        <translation>记住我对相同表头文件所做的列对应</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Checking rows…</source>
        <translation>正在检查各行…</translation>
    </message>
    <message>
        <source>Replace every project in the database with this file&apos;s? A backup copy is made first.</source>
        <translation>用此文件替换数据库中的全部项目吗？替换前会先备份数据库。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was written.</source>
        <translation>导入已取消：未写入任何数据。</translation>
    </message>
    <message>
        <source>Export problems</source>
        <translation>导出问题清单</translation>
    </message>
</context>
<context>
    <name>ImportFileBar</name>
    <message>
        <source>Choose a spreadsheet, or drop one here.</source>
        <translation>请选择一个表格文件，或将文件拖到此处。</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Column %1 “%2” of sheet “%3” has amounts without a unit: choose the unit above.</source>
        <translation>工作表“%3”的 %1 列“%2”中有无单位的金额：请在上方选择单位。</translation>
    </message>
    <message>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <source>Import spreadsheet</source>
        <translation>导入表格</translation>
    </message>
    <message>
        <source>Spreadsheets</source>
        <translation>表格文件</translation>
    </message>
</context>
<context>
    <name>ImportOptionsBar</name>
    <message>
        <source>Import this sheet</source>
        <translation>导入此工作表</translation>
    </message>
    <message>
        <source>Header row: </source>
        <translation>表头行：</translation>
    </message>
    <message>
        <source>Amounts without a unit: choose…</source>
        <translation>无单位的金额：请选择单位…</translation>
    </message>
    <message>
        <source>Amounts without a unit are in %1</source>
        <translation>无单位的金额按%1计</translation>
    </message>
    <message>
        <source>Merge: add new, update changed</source>
        <translation>合并：新增项目并更新有变化的字段</translation>
    </message>
    <message>
        <source>Append: new only</source>
        <translation>追加：只新增项目</translation>
    </message>
    <message>
        <source>Replace every project (after a backup)</source>
        <translation>替换全部项目（先备份）</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>全部行</translation>
    </message>
    <message>
        <source>Rows with problems</source>
        <translation>有问题的行</translation>
    </message>
    <message>
        <source>Rows that change</source>
        <translation>有变化的行</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>monthly investment</source>
        <translation>月度完成投资</translation>
    </message>
    <message>
        <source>not recognised</source>
        <translation>未识别</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>无法读取</translation>
    </message>
</context>
<context>
    <name>ImportQuestions</name>
    <message>
        <source>choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>import them</source>
        <translation>导入这些行</translation>
    </message>
    <message>
        <source>leave them out</source>
        <translation>不导入</translation>
    </message>
    <message>
        <source>month/day (03/04/2026 is 4 March)</source>
        <translation>月/日（03/04/2026 为 3 月 4 日）</translation>
    </message>
    <message>
        <source>day/month (03/04/2026 is 3 April)</source>
        <translation>日/月（03/04/2026 为 4 月 3 日）</translation>
    </message>
    <message>
        <source>Report month (year-month):</source>
        <translation>报表月份（年-月）：</translation>
    </message>
    <message>
        <source>e.g. 2025-10</source>
        <translation>例如 2025-10</translation>
    </message>
    <message>
        <source>choose what it means…</source>
        <translation>请选择其含义…</translation>
    </message>
    <message>
        <source>read as %1</source>
        <translation>按“%1”读取</translation>
    </message>
    <message>
        <source>Status word “%1” (%2 rows):</source>
        <translation>状态词“%1”（%2 行）：</translation>
    </message>
    <message>
        <source>choose which district it is…</source>
        <translation>请选择它是哪个区域…</translation>
    </message>
    <message>
        <source>a new district “%1”</source>
        <translation>新区域“%1”</translation>
    </message>
    <message>
        <source>District “%1” (%2 rows):</source>
        <translation>区域“%1”（%2 行）：</translation>
    </message>
    <message>
        <source>District “%1”:</source>
        <translation>区域“%1”：</translation>
    </message>
    <message>
        <source>%1 row(s) of sheet “%2” are hidden in the sheet (rows %3):</source>
        <translation>工作表“%2”中有 %1 行已隐藏（第 %3 行）：</translation>
    </message>
    <message>
        <source>%1 row(s) are hidden in the sheets (sheet, rows: %2):</source>
        <translation>有 %1 行在工作表中已隐藏（工作表、行：%2）：</translation>
    </message>
    <message>
        <source>Slash dates that read either way (%1):</source>
        <translation>可两种读法的斜杠日期（%1）：</translation>
    </message>
    <message>
        <source>sheet “%1”: its name and its title name two months</source>
        <translation>工作表“%1”：表名与标题所写月份不一致</translation>
    </message>
    <message>
        <source>sheet “%1”: its name and a header name two months</source>
        <translation>工作表“%1”：表名与表头所写月份不一致</translation>
    </message>
    <message>
        <source>sheet “%1”: its title and its name name two years</source>
        <translation>工作表“%1”：标题与表名所写年份不一致</translation>
    </message>
    <message>
        <source>sheet “%1”: its title and a header name two years</source>
        <translation>工作表“%1”：标题与表头所写年份不一致</translation>
    </message>
    <message>
        <source>sheet “%1”: nothing names the year or month of its figures</source>
        <translation>工作表“%1”：未写明数据所属年份或月份</translation>
    </message>
    <message>
        <source>as you said</source>
        <translation>按您的指定</translation>
    </message>
    <message>
        <source>yuan per unit, e.g. 7.10</source>
        <translation>每单位折合人民币元数，如 7.10</translation>
    </message>
    <message>
        <source>Rate for %1 (%2):</source>
        <translation>%1 汇率（%2）：</translation>
    </message>
    <message>
        <source>“%1” is not a year and month (write it as 2025-10)</source>
        <translation>“%1”不是年月（请写作 2025-10）</translation>
    </message>
</context>
<context>
    <name>LinkQuestions</name>
    <message>
        <source>choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>new project (keep apart)</source>
        <translation>新项目（分开）</translation>
    </message>
    <message>
        <source>the same as %1</source>
        <translation>即 %1</translation>
    </message>
    <message>
        <source>Row %1 “%2”, chosen as new, is a stored project exactly:</source>
        <translation>第 %1 行“%2”，选为新项目，但与已有项目完全相同：</translation>
    </message>
    <message>
        <source>Row %1 “%2”, its code is a stored project&apos;s:</source>
        <translation>第 %1 行“%2”，编号属于已有项目：</translation>
    </message>
    <message>
        <source>Row %1 “%2”, its code is another district&apos;s project:</source>
        <translation>第 %1 行“%2”，编号属于另一区域的项目：</translation>
    </message>
    <message>
        <source>Row %1 “%2”, the same name under another code:</source>
        <translation>第 %1 行“%2”，同名项目已有另一编号：</translation>
    </message>
    <message>
        <source>Row %1 “%2”, the same name in another district:</source>
        <translation>第 %1 行“%2”，另一区域已有同名项目（迁入还是另一项目？）：</translation>
    </message>
    <message>
        <source>Row %1 “%2”, no district, another enterprise&apos;s name:</source>
        <translation>第 %1 行“%2”，未填区域，与另一企业的项目同名：</translation>
    </message>
    <message>
        <source>Row %1 “%2”, a near name:</source>
        <translation>第 %1 行“%2”，名称相近：</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>: </source>
        <translation>：</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>ProblemList</name>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Export problems…</source>
        <translation>导出问题清单…</translation>
    </message>
    <message>
        <source>New %1 · Updated %2 · Unchanged %3 · Invalid rows %4 · Monthly records %5 (%6 unchanged)</source>
        <translation>新增 %1 · 更新 %2 · 未变 %3 · 有问题的行 %4 · 月度完成投资 %5 条（未变 %6 条）</translation>
    </message>
    <message>
        <source> (figures updated: %1)</source>
        <translation>（其中数据更新 %1）</translation>
    </message>
    <message>
        <source>New sectors/districts: %1</source>
        <translation>新建行业/区域：%1</translation>
    </message>
    <message>
        <source>Imported: %1 new, %2 updated, %3 unchanged, %4 monthly record(s).</source>
        <translation>导入完成：新增 %1 个，更新 %2 个，未变 %3 个，月度完成投资 %4 条。</translation>
    </message>
    <message>
        <source>%1 of the unchanged had figures written (figures updated).</source>
        <translation>未变项目中 %1 个为数据更新（仅写入投资数据）。</translation>
    </message>
    <message>
        <source>%1 row problem(s) skipped (listed below).</source>
        <translation>跳过了 %1 个问题所在的行（见下方清单）。</translation>
    </message>
    <message>
        <source>Undo with Edit › Undo (Ctrl+Z).</source>
        <translation>可用“编辑 › 撤销”（Ctrl+Z）撤销本次导入。</translation>
    </message>
</context>
<context>
    <name>SheetPreview</name>
    <message>
        <source>Row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>Click a row to read here all that will happen to it.</source>
        <translation>点击某一行，可在此查看该行导入时的全部变化。</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>有问题</translation>
    </message>
    <message>
        <source>Exists — left alone (append)</source>
        <translation>已存在——不变（追加模式）</translation>
    </message>
    <message>
        <source>Total — skipped</source>
        <translation>合计行——跳过</translation>
    </message>
    <message>
        <source>Section — sector, district or stage below</source>
        <translation>分类行 — 为下方各行提供行业、区域或阶段</translation>
    </message>
    <message>
        <source>Notes — skipped</source>
        <translation>表下注释——跳过</translation>
    </message>
    <message>
        <source>Template example row — skipped</source>
        <translation>模板示例行 — 跳过</translation>
    </message>
    <message>
        <source>Continues the project above — not a project</source>
        <translation>上方项目的续行 — 不是项目</translation>
    </message>
    <message>
        <source>Part of the project above (其中) — not a project</source>
        <translation>上方项目的分项（其中）——不作为项目</translation>
    </message>
    <message>
        <source>Unit line — skipped</source>
        <translation>单位行——跳过</translation>
    </message>
    <message>
        <source>Hidden in the sheet — left out</source>
        <translation>工作表中已隐藏——不导入</translation>
    </message>
    <message>
        <source>hidden in the sheet</source>
        <translation>工作表中已隐藏</translation>
    </message>
    <message>
        <source>The same project as on another sheet</source>
        <translation>与其他工作表中的项目相同</translation>
    </message>
    <message>
        <source>Figures updated (project unchanged)</source>
        <translation>数据更新（项目未变）</translation>
    </message>
    <message>
        <source>Another month of the project in row %1</source>
        <translation>第 %1 行项目的另一个月</translation>
    </message>
    <message>
        <source>a stored project has a near name — link or keep apart above</source>
        <translation>已有名称相近的项目 — 请在上方关联或分开</translation>
    </message>
    <message>
        <source>chosen as new, but it is a stored project exactly — choose “the same as …” above</source>
        <translation>选为新项目，但与已有项目完全相同 — 请在上方选“即 ……”</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>表头</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>导入结果</translation>
    </message>
    <message>
        <source>Click to choose what this column holds, or its unit</source>
        <translation>单击选择此列对应的字段或单位</translation>
    </message>
    <message>
        <source>not imported</source>
        <translation>不导入</translation>
    </message>
    <message>
        <source>hidden — not imported</source>
        <translation>隐藏列——不导入</translation>
    </message>
    <message>
        <source>monthly figures: waiting for the sheet&apos;s question to be answered</source>
        <translation>月度数据：待回答本表的问题</translation>
    </message>
    <message>
        <source>%1 %2 (from the year to date)</source>
        <translation>%1 %2（由累计推算）</translation>
    </message>
    <message>
        <source>Written for %1: %2, the year to date %3 (%4) less the months stored before it</source>
        <translation>写入%1：%2，即%4累计 %3 减去此前已存各月（由累计推算）</translation>
    </message>
    <message>
        <source>months from the year to date</source>
        <translation>当月由累计推算</translation>
    </message>
    <message>
        <source>%1 monthly record(s) to write, %2 unchanged</source>
        <translation>写入月度完成投资 %1 条，未变 %2 条</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>不导入</translation>
    </message>
    <message>
        <source>Unit of this column</source>
        <translation>此列单位</translation>
    </message>
</context>
</TS>
