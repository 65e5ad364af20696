<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChartPanel</name>
    <message>
        <source>Save as &amp;PNG…</source>
        <translation>另存为 PNG(&amp;P)…</translation>
    </message>
    <message>
        <source>Save as &amp;SVG…</source>
        <translation>另存为 SVG(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Copy image</source>
        <translation>复制图片(&amp;C)</translation>
    </message>
    <message>
        <source>Save or copy this chart</source>
        <translation>保存或复制此图表</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
</context>
<context>
    <name>DashboardTiles</name>
    <message>
        <source>{n} under construction</source>
        <translation>在建 {n} 个</translation>
    </message>
    <message>
        <source>All projects in the database. Click to list them.</source>
        <translation>数据库中的全部项目。点击查看。</translation>
    </message>
    <message>
        <source>Planned, {unit}</source>
        <translation>计划总投资（{unit}）</translation>
    </message>
    <message>
        <source>total of all projects</source>
        <translation>全部项目合计</translation>
    </message>
    <message>
        <source>planned ≥ 1 billion yuan</source>
        <translation>计划投资10亿元以上</translation>
    </message>
    <message>
        <source>Projects planned at 1 billion yuan (10亿元) or more. Click to list them.</source>
        <translation>计划总投资10亿元及以上的项目。点击查看。</translation>
    </message>
    <message>
        <source>Completed, {unit}</source>
        <translation>累计完成投资（{unit}）</translation>
    </message>
    <message>
        <source>Completed {period}: {amount}</source>
        <translation>{period}累计完成投资：{amount}</translation>
    </message>
    <message>
        <source>same period last year known only for {span}: {amount}</source>
        <translation>上年同期 {span} {amount}</translation>
    </message>
    <message>
        <source>same period {year}: 0</source>
        <translation>上年同期为零</translation>
    </message>
    <message>
        <source>same period {year}: {amount}</source>
        <translation>上年同期 {amount}</translation>
    </message>
    <message>
        <source>Completed investment {period} against the same months of {year}</source>
        <translation>{period}累计完成投资与{year}年同期相比</translation>
    </message>
    <message>
        <source>Signed {period}</source>
        <translation>{period}签约项目</translation>
    </message>
    <message>
        <source>planned {amount}</source>
        <translation>计划总投资 {amount}</translation>
    </message>
    <message>
        <source>Projects signed {period}, planned {amount}. Click to list the projects signed in {year}.</source>
        <translation>{period}签约项目，计划总投资 {amount}。点击查看{year}年签约的项目。</translation>
    </message>
    <message>
        <source>no activity since {date}</source>
        <translation>自 {date} 起无进展</translation>
    </message>
    <message>
        <source>Projects still in the pipeline with no status change and no investment record in the {months} months before {as_of}.</source>
        <translation>截至 {as_of}，{months}个月内既无状态变化也无投资记录的在途项目。</translation>
    </message>
</context>
<context>
    <name>DashboardWidget</name>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Through month</source>
        <translation>截至月份</translation>
    </message>
    <message>
        <source>&amp;Latest month</source>
        <translation>最新月份(&amp;L)</translation>
    </message>
    <message>
        <source>Show the latest month that has investment records</source>
        <translation>显示有投资记录的最新月份</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>年份(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Through</source>
        <translation>截至(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>单位(&amp;U)</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>项目数</translation>
    </message>
    <message>
        <source>Planned investment</source>
        <translation>计划总投资</translation>
    </message>
    <message>
        <source>Billion-yuan projects</source>
        <translation>十亿元以上项目</translation>
    </message>
    <message>
        <source>Completed investment</source>
        <translation>累计完成投资</translation>
    </message>
    <message>
        <source>Year on year</source>
        <translation>同比增速</translation>
    </message>
    <message>
        <source>Projects signed</source>
        <translation>签约项目</translation>
    </message>
    <message>
        <source>Stale projects</source>
        <translation>停滞项目</translation>
    </message>
    <message>
        <source>Loading charts…</source>
        <translation>正在加载图表…</translation>
    </message>
    <message>
        <source>This database has no projects yet, so there are no figures to show. Import a district&apos;s spreadsheet or add projects, and the key figures and charts fill in as they arrive.</source>
        <translation>数据库中还没有项目，暂无数据可显示。导入区县报送的表格或新建项目后，关键指标和图表会随之显示。</translation>
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
        <source>DEMO DATA</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>Figures as of {date}</source>
        <translation>数据截至 {date}</translation>
    </message>
    <message>
        <source>Figures as closed on {date}</source>
        <translation>数据截至{date}关账</translation>
    </message>
    <message>
        <source>en</source>
        <comment>language code of this translation: zh for Chinese</comment>
        <translation>zh</translation>
    </message>
</context>
</TS>
