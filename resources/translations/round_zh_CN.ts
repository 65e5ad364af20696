<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>RemindersDialog</name>
    <message>
        <source>Reminders</source>
        <translation>催报</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Save as .xlsx…</source>
        <translation>另存为 .xlsx…</translation>
    </message>
    <message>
        <source>Every district has returned.</source>
        <translation>所有单位均已报回。</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Returned workbook</source>
        <translation>回表</translation>
    </message>
    <message>
        <source>Reading “%1”…</source>
        <translation>正在读取“%1”…</translation>
    </message>
    <message>
        <source>Accept with a note…</source>
        <translation>注明后接受…</translation>
    </message>
    <message>
        <source>Send back</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Save the checks as .xlsx…</source>
        <translation>检查结果另存为 .xlsx…</translation>
    </message>
    <message>
        <source>Replace the figures on record with this return&apos;s (a corrected return)</source>
        <translation>以本回表的数字替换已有记录（更正后的回表）</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Plausibility checks</source>
        <translation>合理性检查</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>当月</translation>
    </message>
    <message>
        <source>Cumulative</source>
        <translation>累计</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进展情况</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>Reading the return…</source>
        <translation>正在读取回表…</translation>
    </message>
    <message>
        <source>Return of %1 — %2</source>
        <translation>%1回表 — %2</translation>
    </message>
    <message>
        <source>%1, %2 — %3</source>
        <translation>%1，%2 — %3</translation>
    </message>
    <message>
        <source>%1 project(s) updated, %2 new, %3 monthly figure(s); %4 undecided finding(s)</source>
        <translation>更新%1个项目，新增%2个，月度数据%3条；%4条检查结果待处理</translation>
    </message>
    <message>
        <source>new project</source>
        <translation>新项目</translation>
    </message>
    <message>
        <source>sent back</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Row %1: %2 changed to “%3” (was “%4”) — on record, not imported</source>
        <translation>第%1行：%2被改为“%3”（原为“%4”）——以系统为准，未导入</translation>
    </message>
    <message>
        <source>Row %1: %2 was moved to %3 after the workbook was sent — not imported</source>
        <translation>第%1行：%2在报表下发后已移至%3——未导入</translation>
    </message>
    <message>
        <source>Row %1: %2 was deleted after the workbook was sent — not imported</source>
        <translation>第%1行：%2在报表下发后已被删除——未导入</translation>
    </message>
    <message>
        <source>⚠ This return changes %1 figure(s) already on record (shown “before → after”). If it is a corrected return, tick the box below to import it; if last month&apos;s workbook was filled in again, ask the district for this month&apos;s.</source>
        <translation>⚠ 本回表将改动 %1 个已有记录的数字（显示为“原数 → 新数”）。如为更正后的回表，请勾选下方选项后导入；如沿用了上月表格重新填报，请让该单位报送本月报表。</translation>
    </message>
    <message>
        <source>This district&apos;s return was imported before; importing again writes only what differs.</source>
        <translation>该单位回表已导入过；再次导入只写入有差异的数据。</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>Note (why the figure stands):</source>
        <translation>说明（为何该数据成立）：</translation>
    </message>
    <message>
        <source>Save the checks</source>
        <translation>保存检查结果</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Import return of %1</source>
        <translation>导入%1回表</translation>
    </message>
</context>
<context>
    <name>RoundModel</name>
    <message>
        <source>District</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>项目数</translation>
    </message>
    <message>
        <source>Lacking figures</source>
        <translation>缺数</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>未下发</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>已下发</translation>
    </message>
    <message>
        <source>returned on %1</source>
        <translation>%1已报回</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>returned on %1, imported</source>
        <translation>%1报回，已导入</translation>
    </message>
    <message>
        <source>, late by 1 day</source>
        <translation>，逾期1天</translation>
    </message>
    <message>
        <source>, late by %1 days</source>
        <translation>，逾期%1天</translation>
    </message>
</context>
<context>
    <name>RoundView</name>
    <message>
        <source>Monthly round</source>
        <translation>月度报表轮次</translation>
    </message>
    <message>
        <source>Create workbooks…</source>
        <translation>生成报表…</translation>
    </message>
    <message>
        <source>Collect returns…</source>
        <translation>收取回表…</translation>
    </message>
    <message>
        <source>Reminders…</source>
        <translation>催报…</translation>
    </message>
    <message>
        <source>Close the month…</source>
        <translation>关账…</translation>
    </message>
    <message>
        <source>Reopen the month…</source>
        <translation>重新开放…</translation>
    </message>
    <message>
        <source>Round:</source>
        <translation>轮次：</translation>
    </message>
    <message>
        <source>New round for</source>
        <translation>新轮次月份</translation>
    </message>
    <message>
        <source>No round yet: choose a month and create the workbooks.</source>
        <translation>尚无报表轮次：请选择月份并生成报表。</translation>
    </message>
    <message>
        <source>Due %1. %2 district(s): %3 imported, %4 returned, %5 sent, %6 not sent; %7 late.</source>
        <translation>截止日期%1。共%2个单位：已导入%3，已报回%4，已下发%5，未下发%6；逾期%7。</translation>
    </message>
    <message>
        <source>Closed on %1: the month&apos;s figures are frozen.</source>
        <translation>已于%1关账：本月数据已冻结。</translation>
    </message>
    <message>
        <source>Workbooks in %1</source>
        <translation>报表位于 %1</translation>
    </message>
    <message>
        <source>Folder for the round&apos;s workbooks</source>
        <translation>报表保存文件夹</translation>
    </message>
    <message>
        <source>Districts for %1</source>
        <translation>%1报表下发单位</translation>
    </message>
    <message>
        <source>Each ticked district gets a workbook of its projects for %1 to fill in and send back. Untick a district to leave it out of this round. Next you choose the folder the workbooks are written to.</source>
        <translation>每个勾选的区县都会收到一份本区%1的项目报表，供其填写后报回。取消勾选则本轮不向该区县下发。下一步选择报表的保存文件夹。</translation>
    </message>
    <message>
        <source>Writing the workbooks…</source>
        <translation>正在生成报表…</translation>
    </message>
    <message>
        <source>Returned workbooks</source>
        <translation>回表</translation>
    </message>
    <message>
        <source>Workbooks (*.xlsx *.xlsm *.xls *.ods)</source>
        <translation>工作簿 (*.xlsx *.xlsm *.xls *.ods)</translation>
    </message>
    <message>
        <source>reminders-%1.xlsx</source>
        <translation>催报名单-%1.xlsx</translation>
    </message>
    <message>
        <source>Save the reminder list</source>
        <translation>保存催报名单</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Close %1? Its figures are frozen: reports and the dashboard of that month show them as they are now, and later corrections are listed in the next month&apos;s report.</source>
        <translation>确定关账%1？关账后该月数据冻结：该月的报表和仪表盘均按现在的数据显示，之后的更正将在下月报表中列出。</translation>
    </message>
    <message>
        <source>Not imported yet: %1</source>
        <translation>尚未导入：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Close the month</source>
        <translation>关账</translation>
    </message>
    <message>
        <source>Reopen %1? Its frozen figures are dropped: reports and the dashboard of that month show the figures on record again, and returns can be collected. Close it again when they are in.</source>
        <translation>确定重新开放%1？该月冻结的数据将被撤销：该月的报表和仪表盘重新按现有记录显示，并可继续收取报表。收齐后请再次关账。</translation>
    </message>
    <message>
        <source>Reopen the month</source>
        <translation>重新开放该月</translation>
    </message>
</context>
</TS>
