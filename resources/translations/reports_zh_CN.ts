<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PagePreview</name>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Zoom the pages to the width of the view</source>
        <translation>按视图宽度缩放页面</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>整页</translation>
    </message>
    <message>
        <source>Show one whole page</source>
        <translation>显示一整页</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页 / 共 %2 页</translation>
    </message>
</context>
<context>
    <name>SummariesWidget</name>
    <message>
        <source>Print preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>This database has no projects yet: the summary views would be empty pages. Import a district&apos;s spreadsheet or add projects, then print the overview, the key-project and monthly progress reports, and the list of stale projects from here.</source>
        <translation>数据库中还没有项目，汇总报表将是空白页。导入区县报送的表格或新建项目后，即可在此打印项目总览、重点项目和月度进展报表以及长期无进展项目清单。</translation>
    </message>
    <message>
        <source>Import a spreadsheet…</source>
        <translation>导入表格…</translation>
    </message>
    <message>
        <source>Add a project…</source>
        <translation>新建项目…</translation>
    </message>
    <message>
        <source>Open the demo database</source>
        <translation>打开演示数据库</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>正在生成…</translation>
    </message>
    <message>
        <source>Preparing the summary…</source>
        <translation>正在生成报表…</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s); the first %1 are shown here, Print and Export PDF include all.</source>
        <translation>
            <numerusform>共 %n 页；此处显示前 %1 页，打印和导出 PDF 包含全部页面。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>共 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not prepare the view: %1</source>
        <translation>无法生成报表：%1</translation>
    </message>
    <message>
        <source>Cancelled; the pages shown are the previous ones.</source>
        <translation>已取消；显示的仍是之前的页面。</translation>
    </message>
    <message>
        <source>Following the Projects view&apos;s filters: %1</source>
        <translation>沿用项目列表的筛选：%1</translation>
    </message>
    <message>
        <source>All projects (no filter in the Projects view)</source>
        <translation>全部项目（项目列表未筛选）</translation>
    </message>
    <message>
        <source>Preparing the pages; the print preview opens when they are ready.</source>
        <translation>正在生成页面，生成后即打开打印预览。</translation>
    </message>
    <message>
        <source>Preparing the pages; the print dialog opens when they are ready.</source>
        <translation>正在生成页面，生成后即打开打印对话框。</translation>
    </message>
    <message>
        <source>Preparing the pages; you choose where to save the PDF when they are ready.</source>
        <translation>正在生成页面，生成后即可选择 PDF 的保存位置。</translation>
    </message>
</context>
<context>
    <name>SummaryOptionsBar</name>
    <message>
        <source>Overview</source>
        <translation>总览</translation>
    </message>
    <message>
        <source>Key projects</source>
        <translation>重点项目</translation>
    </message>
    <message>
        <source>Monthly progress</source>
        <translation>月度进展</translation>
    </message>
    <message>
        <source>Stale projects</source>
        <translation>长期无进展项目</translation>
    </message>
    <message>
        <source>Year of the figures</source>
        <translation>统计年份</translation>
    </message>
    <message>
        <source>Last month included (January to this month)</source>
        <translation>截止月份（1月至该月）</translation>
    </message>
    <message>
        <source>Language of the printed view</source>
        <translation>打印报表的语言</translation>
    </message>
    <message>
        <source>Key projects only</source>
        <translation>仅重点项目</translation>
    </message>
    <message>
        <source>The key-project report (重点项目); off: every project with a plan</source>
        <translation>重点项目报表；不勾选则包括所有列入年度计划的项目</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>No status change and no investment record for this many months</source>
        <translation>连续这么多个月无状态变更且无投资填报</translation>
    </message>
    <message>
        <source>Judge staleness as of this date</source>
        <translation>以此日期为准判断是否长期无进展</translation>
    </message>
    <message>
        <source>&amp;View:</source>
        <translation>报表(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>年份(&amp;Y)：</translation>
    </message>
    <message>
        <source>&amp;Through:</source>
        <translation>截至(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Idle for:</source>
        <translation>无进展(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;As of:</source>
        <translation>截至日期(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>单位(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>SummaryOutput</name>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n page(s) to the printer.</source>
        <translation>
            <numerusform>已发送 %n 页到打印机。</numerusform>
        </translation>
    </message>
    <message>
        <source>Printing cancelled.</source>
        <translation>已取消打印。</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>正在写入 PDF…</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>已取消导出，未写入任何文件。</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Summaries</source>
        <translation>报表</translation>
    </message>
</context>
</TS>
