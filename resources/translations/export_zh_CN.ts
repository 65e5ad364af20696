<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <source>This is the demo database: the workbook will be marked as demo data.</source>
        <translation>当前为演示数据库：导出的工作簿将标注为演示数据。</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>All projects (%1)</source>
        <translation>全部项目（%1 个）</translation>
    </message>
    <message>
        <source>The current view (%1): %2</source>
        <translation>当前视图（%1 个项目）：%2</translation>
    </message>
    <message>
        <source>The current view (no filter)</source>
        <translation>当前视图（未筛选）</translation>
    </message>
    <message>
        <source>Only the columns shown in the table (%1)</source>
        <translation>仅导出表格中显示的列（%1 列）</translation>
    </message>
    <message>
        <source>Sheets</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Overview and Projects, always</source>
        <translation>概览和项目清单（始终包含）</translation>
    </message>
    <message>
        <source>Monthly investment (one row per project and month)</source>
        <translation>月度完成投资（每个项目每月一行）</translation>
    </message>
    <message>
        <source>Summaries by status, sector and district, year on year, with a chart</source>
        <translation>按状态、行业、区域汇总及同比，含图表</translation>
    </message>
    <message>
        <source>&amp;Language of the workbook:</source>
        <translation>工作簿语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Money in:</source>
        <translation>金额单位(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting to Excel…</source>
        <translation>正在导出到 Excel…</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it with the new export?</source>
        <translation>%1 已存在。要用新导出的文件替换吗？</translation>
    </message>
    <message>
        <source>Projects: %1; monthly investment records: %2. The workbook was saved to:</source>
        <translation>项目 %1 个，月度完成投资记录 %2 条。工作簿已保存到：</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>Export cancelled. Nothing was written.</source>
        <translation>导出已取消，未写入任何文件。</translation>
    </message>
    <message>
        <source>&amp;Open the file</source>
        <translation>打开文件(&amp;O)</translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation>在文件夹中显示(&amp;F)</translation>
    </message>
    <message>
        <source>Save import template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <source>Import template saved</source>
        <translation>导入模板已保存</translation>
    </message>
    <message>
        <source>The import template was saved to:</source>
        <translation>导入模板已保存到：</translation>
    </message>
</context>
</TS>
