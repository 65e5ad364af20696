<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About zqtracker</source>
        <translation>关于 zqtracker</translation>
    </message>
    <message>
        <source>Tracks industrial investment projects: records, district spreadsheets, trend graphs, Excel exports and printed summaries.</source>
        <translation>跟踪产业招商项目：项目档案、区县报表导入、趋势图、Excel 导出和打印汇总。</translation>
    </message>
    <message>
        <source>(none open)</source>
        <translation>（未打开）</translation>
    </message>
    <message>
        <source>Licence:</source>
        <translation>许可协议：</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>数据文件夹：</translation>
    </message>
    <message>
        <source>Database in use:</source>
        <translation>当前数据库：</translation>
    </message>
    <message>
        <source>Built with:</source>
        <translation>构建环境：</translation>
    </message>
    <message>
        <source>Platform:</source>
        <translation>平台：</translation>
    </message>
</context>
<context>
    <name>AnnualPlanModel</name>
    <message>
        <source>% of plan</source>
        <translation>完成率</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>年度计划</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>%s yuan (exact)</source>
        <translation>%s 元（精确值）</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Unexpected error: %1

Details are in the log file. Your data was not changed by it.</source>
        <translation>意外错误：%1

详细信息已写入日志文件。您的数据未因此改变。</translation>
    </message>
</context>
<context>
    <name>CellText</name>
    <message>
        <source>%s yuan (exact)</source>
        <translation>%s 元（精确值）</translation>
    </message>
    <message>
        <source>Stale: no status change or investment record</source>
        <translation>停滞：无状态变更或投资记录</translation>
    </message>
    <message>
        <source>Stale: no status change or investment record since %s</source>
        <translation>停滞：自 %s 以来无状态变更或投资记录</translation>
    </message>
</context>
<context>
    <name>ChangeStatusDialog</name>
    <message>
        <source>Change status</source>
        <translation>更改状态</translation>
    </message>
    <message>
        <source>Choose the new status…</source>
        <translation>请选择新状态…</translation>
    </message>
    <message>
        <source>Optional: why, who reported it…</source>
        <translation>可选：原因、报送人…</translation>
    </message>
    <message>
        <source>%1 selected projects</source>
        <translation>已选 %1 个项目</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前状态</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>新状态</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2 个）</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>create project “%1”</source>
        <translation>新建项目“%1”</translation>
    </message>
    <message>
        <source>edit project “%1”</source>
        <translation>编辑项目“%1”</translation>
    </message>
    <message>
        <source>delete project “%1”</source>
        <translation>删除项目“%1”</translation>
    </message>
    <message>
        <source>delete %1 projects</source>
        <translation>删除 %1 个项目</translation>
    </message>
    <message>
        <source>change status of “%1”</source>
        <translation>更改“%1”的状态</translation>
    </message>
    <message>
        <source>change status of %1 projects</source>
        <translation>更改 %1 个项目的状态</translation>
    </message>
    <message>
        <source>mark %1 projects as key projects</source>
        <translation>将 %1 个项目设为重点项目</translation>
    </message>
    <message>
        <source>unmark %1 key projects</source>
        <translation>取消 %1 个重点项目</translation>
    </message>
    <message>
        <source>edit monthly investment of “%1”</source>
        <translation>编辑“%1”的月度完成投资</translation>
    </message>
    <message>
        <source>edit annual plans of “%1”</source>
        <translation>编辑“%1”的年度计划</translation>
    </message>
    <message>
        <source>add “%1”</source>
        <translation>添加“%1”</translation>
    </message>
    <message>
        <source>rename “%1” to “%2”</source>
        <translation>将“%1”改名为“%2”</translation>
    </message>
    <message>
        <source>edit “%1”</source>
        <translation>编辑“%1”</translation>
    </message>
    <message>
        <source>delete “%1”</source>
        <translation>删除“%1”</translation>
    </message>
</context>
<context>
    <name>DatabaseActions</name>
    <message>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>projects.sqlite</source>
        <translation>项目库.sqlite</translation>
    </message>
    <message>
        <source>zqtracker databases (*.sqlite *.db);;All files (*)</source>
        <translation>zqtracker 数据库 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>Opening the demo database…</source>
        <translation>正在打开演示数据库…</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>Demo database</source>
        <translation>演示数据库</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>No project selected</source>
        <translation>未选择项目</translation>
    </message>
    <message>
        <source>Select a project in the table to see its details here.</source>
        <translation>在表格中选择一个项目，即可在此查看详情。</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>暂未确定</translation>
    </message>
    <message>
        <source>%s yuan (exact)</source>
        <translation>%s 元（精确值）</translation>
    </message>
    <message>
        <source>Intensity (10k yuan/mu)</source>
        <translation>投资强度（万元/亩）</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>History</source>
        <translation>状态记录</translation>
    </message>
    <message>
        <source>Investment</source>
        <translation>投资</translation>
    </message>
    <message>
        <source>Money</source>
        <comment>the Investment tab, where its name does not fit</comment>
        <translation>投资</translation>
    </message>
    <message>
        <source>Log</source>
        <comment>the Changes tab, where its name does not fit</comment>
        <translation>留痕</translation>
    </message>
    <message>
        <source>Completed investment by month (%1)</source>
        <translation>月度完成投资（%1）</translation>
    </message>
    <message>
        <source>Annual plans (%1)</source>
        <translation>年度计划（%1）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>From</source>
        <translation>原状态</translation>
    </message>
    <message>
        <source>To</source>
        <translation>新状态</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Change status…</source>
        <translation>更改状态…</translation>
    </message>
    <message>
        <source>Add year</source>
        <translation>添加年份</translation>
    </message>
    <message>
        <source>Type an amount in a cell (in the unit of the header, or with its own unit: 1.2亿, 3000万); an empty cell removes the record. Ctrl+V pastes cells copied from a spreadsheet.</source>
        <translation>在单元格中输入金额（单位见表头，也可自带单位：1.2亿、3000万）；清空单元格即删除该记录。Ctrl+V 可粘贴从电子表格复制的单元格。</translation>
    </message>
</context>
<context>
    <name>EnterpriseDialog</name>
    <message>
        <source>New enterprise</source>
        <translation>新建企业</translation>
    </message>
    <message>
        <source>Edit enterprise</source>
        <translation>编辑企业</translation>
    </message>
    <message>
        <source>High-tech enterprise (高新技术企业)</source>
        <translation>高新技术企业</translation>
    </message>
    <message>
        <source>Specialized and new (专精特新)</source>
        <translation>专精特新企业</translation>
    </message>
    <message>
        <source>National “little giant” (小巨人)</source>
        <translation>国家级专精特新“小巨人”企业</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
</context>
<context>
    <name>FileDialogSizes</name>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Any year</source>
        <translation>全部年份</translation>
    </message>
    <message>
        <source>Signed %1</source>
        <translation>%1年签约</translation>
    </message>
    <message>
        <source>Search name, code or enterprise (Ctrl+F)</source>
        <translation>搜索项目名称、编号或企业（Ctrl+F）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>All sectors</source>
        <translation>全部行业</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>All districts</source>
        <translation>全部区域</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <source>Complete or not</source>
        <translation>不限（完整与否）</translation>
    </message>
    <message>
        <source>Show the projects that lack any of the ticked fields (sector, district, planned investment)</source>
        <translation>显示缺少任一所选信息（行业、区域、计划总投资）的项目</translation>
    </message>
    <message>
        <source>Key projects</source>
        <translation>重点项目</translation>
    </message>
    <message>
        <source>≥ 1 billion yuan</source>
        <translation>十亿元以上</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Show all projects</source>
        <translation>显示全部项目</translation>
    </message>
</context>
<context>
    <name>LazyTab</name>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
</context>
<context>
    <name>MainActions</name>
    <message>
        <source>Undo %1</source>
        <translation>撤销%1</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>重做%1</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>No recent databases</source>
        <translation>无最近使用的数据库</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <source>Edit the selected project</source>
        <translation>编辑所选项目</translation>
    </message>
    <message>
        <source>Enter or double-click</source>
        <translation>Enter 或双击</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;demo database</source>
        <translation>打开演示数据库(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Save import &amp;template…</source>
        <translation>保存导入模板(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Restore &amp;backup…</source>
        <translation>恢复备份(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit project…</source>
        <translation>编辑项目(&amp;E)…</translation>
    </message>
    <message>
        <source>D&amp;uplicate project…</source>
        <translation>复制项目(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>Change &amp;status…</source>
        <translation>更改状态(&amp;S)…</translation>
    </message>
    <message>
        <source>Mark as &amp;key project</source>
        <translation>设为重点项目(&amp;K)</translation>
    </message>
    <message>
        <source>Unmark key pro&amp;ject</source>
        <translation>取消重点项目(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Clear filters</source>
        <translation>清除筛选(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Detail pane</source>
        <translation>详情面板(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Reload projects</source>
        <translation>重新加载项目(&amp;R)</translation>
    </message>
    <message>
        <source>Monthly &amp;round…</source>
        <translation>月度报表轮次(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Sectors, districts and enterprises…</source>
        <translation>行业、区域和企业(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>偏好设置(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>使用指南(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About zqtracker</source>
        <translation>关于 zqtracker(&amp;A)</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>A database of invented projects, for trying zqtracker out</source>
        <translation>由虚构项目组成的数据库，用于试用 zqtracker</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>列(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>the database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>正在打开…</translation>
    </message>
    <message>
        <source>No database</source>
        <translation>未打开数据库</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>DEMO DATA</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>Invented projects for trying zqtracker out; not real figures.</source>
        <translation>用于试用的虚构项目，并非真实数据。</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>仪表盘</translation>
    </message>
    <message>
        <source>Summaries</source>
        <translation>汇总</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>This project was changed or deleted by someone else since it was loaded here. Nothing was overwritten.</source>
        <translation>此项目在载入后已被他人修改或删除，未覆盖任何内容。</translation>
    </message>
    <message>
        <source>sector</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>district</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>The %1 “%2” is still used by %3 project(s) or sectors; assign them another one first.</source>
        <translation>%1“%2”仍被 %3 个项目或行业使用，请先为它们改选其他%1。</translation>
    </message>
    <message>
        <source>The record no longer exists; someone else may have deleted it.</source>
        <translation>该记录已不存在，可能已被他人删除。</translation>
    </message>
    <message>
        <source>the database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Something went wrong and nothing was saved: %1</source>
        <translation>出现错误，未保存任何内容：%1</translation>
    </message>
    <message>
        <source>zqtracker</source>
        <translation>zqtracker</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
</context>
<context>
    <name>MonthlyInvestmentModel</name>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>%s yuan (exact)</source>
        <translation>%s 元（精确值）</translation>
    </message>
</context>
<context>
    <name>NameDialog</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>(none: an industry chain or a sector on its own)</source>
        <translation>（无：本身是产业链或独立行业）</translation>
    </message>
    <message>
        <source>Industry chain</source>
        <translation>产业链</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <source>Pick from a calendar (Alt+Down)</source>
        <translation>从日历中选择（Alt+↓）</translation>
    </message>
    <message>
        <source>Clear: the date is not known</source>
        <translation>清除：日期未知</translation>
    </message>
    <message>
        <source>Type a date, e.g. %1</source>
        <translation>输入日期，如 %1</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>亿元 — in English ¥ bn (billions)</source>
        <translation>亿元</translation>
    </message>
    <message>
        <source>万元 — in English ¥ mn (millions)</source>
        <translation>万元</translation>
    </message>
    <message>
        <source>Show every digit (no rounding)</source>
        <translation>显示全部位数（不四舍五入）</translation>
    </message>
    <message>
        <source>Amounts are rounded to the unit&apos;s usual decimals; the exact amount is in their tooltip.</source>
        <translation>金额按单位的常用小数位四舍五入显示；鼠标悬停可查看精确金额。</translation>
    </message>
    <message>
        <source>Same as the interface</source>
        <translation>与界面相同</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>Open the last used database at start</source>
        <translation>启动时打开上次使用的数据库</translation>
    </message>
    <message>
        <source>A project is marked stale when it has had no status change and no monthly investment record for this long. Projects in production or cancelled are never stale.</source>
        <translation>项目在这段时间内既无状态变更也无月度投资记录，即标记为停滞。已投产或已终止的项目不会标记为停滞。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Show money in</source>
        <translation>金额单位</translation>
    </message>
    <message>
        <source>Printouts and workbooks in</source>
        <translation>打印件和导出工作簿语言</translation>
    </message>
    <message>
        <source>Stale after</source>
        <translation>停滞期限</translation>
    </message>
    <message>
        <source>Keep backups</source>
        <translation>保留备份</translation>
    </message>
</context>
<context>
    <name>ProjectActions</name>
    <message>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <source>Delete “%1”?</source>
        <translation>删除“%1”？</translation>
    </message>
    <message>
        <source>Delete %1 projects?</source>
        <translation>删除 %1 个项目？</translation>
    </message>
    <message>
        <source>Their status history, monthly investment and annual plans are deleted with them. Edit › Undo (Ctrl+Z) brings them back.</source>
        <translation>项目的状态记录、月度完成投资和年度计划将一并删除。可用“编辑 › 撤销”（Ctrl+Z）恢复。</translation>
    </message>
    <message>
        <source>Delete projects</source>
        <translation>删除项目</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>“%1” was changed by someone else after the list was loaded, so nothing was changed.

Reload the selected projects to see the saved versions, then try again.</source>
        <translation>列表载入后“%1”已被他人修改，因此未做任何更改。

请重新加载所选项目，查看已保存的版本后再试。</translation>
    </message>
    <message>
        <source>Cannot undo or redo</source>
        <translation>无法撤销或重做</translation>
    </message>
</context>
<context>
    <name>ProjectColumns</name>
    <message>
        <source>Industry chain</source>
        <translation>产业链</translation>
    </message>
    <message>
        <source>Intensity (10k yuan/mu)</source>
        <translation>投资强度（万元/亩）</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>最近动态</translation>
    </message>
    <message>
        <source>Last modified</source>
        <translation>最近修改</translation>
    </message>
</context>
<context>
    <name>ProjectEditor</name>
    <message>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>Edit project</source>
        <translation>编辑项目</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>* required</source>
        <translation>* 必填</translation>
    </message>
    <message>
        <source>“%1” was changed by someone else after you opened it, so your changes were not saved.

Reload shows the saved version with your own changes kept in the form; check them and save again.</source>
        <translation>打开后“%1”已被他人修改，因此您的修改未保存。

“重新加载”会显示已保存的版本，并在表单中保留您的修改；请核对后再次保存。</translation>
    </message>
    <message>
        <source>Reloaded the version saved by someone else.</source>
        <translation>已重新加载他人保存的版本。</translation>
    </message>
    <message>
        <source>Changed there: %1</source>
        <translation>他人修改的字段：%1</translation>
    </message>
    <message>
        <source>Your changes kept: %1</source>
        <translation>保留您修改的字段：%1</translation>
    </message>
    <message>
        <source>Changed on both sides (yours is in the form): %1</source>
        <translation>双方都修改了（表单中为您的值）：%1</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Save your changes to “%1”?</source>
        <translation>保存对“%1”的修改吗？</translation>
    </message>
    <message>
        <source>Save the new project?</source>
        <translation>保存新项目吗？</translation>
    </message>
    <message>
        <source>If you don&apos;t save, what you typed is lost.</source>
        <translation>如不保存，所输入的内容将丢失。</translation>
    </message>
    <message>
        <source>New district</source>
        <translation>新增区域</translation>
    </message>
    <message>
        <source>“%1” is not a district on the list. Add it as a new district?</source>
        <translation>“%1”不在区域列表中。要将其添加为新区域吗？</translation>
    </message>
    <message>
        <source>Its projects are then counted apart from every other district&apos;s. If the project is in a district on the list, choose Cancel and pick that district.</source>
        <translation>添加后，其项目将与其他区域分开统计。如项目属于列表中的某个区域，请选择“取消”并选取该区域。</translation>
    </message>
    <message>
        <source>Add district</source>
        <translation>添加区域</translation>
    </message>
    <message>
        <source>New sector</source>
        <translation>新增行业</translation>
    </message>
    <message>
        <source>“%1” is not a sector on the list. Add it as a new sector?</source>
        <translation>“%1”不在行业列表中。要将其添加为新行业吗？</translation>
    </message>
    <message>
        <source>Its projects are then counted apart from every other sector&apos;s. If the project is in a sector on the list, choose Cancel and pick that sector.</source>
        <translation>其项目将与其他各行业分开统计。如项目属于列表中的某个行业，请选择“取消”并选取该行业。</translation>
    </message>
    <message>
        <source>Add sector</source>
        <translation>添加行业</translation>
    </message>
</context>
<context>
    <name>ProjectForm</name>
    <message>
        <source>Key project</source>
        <translation>重点项目</translation>
    </message>
    <message>
        <source>Person and/or phone, e.g. Mr Wang 138 0013 8000</source>
        <translation>姓名和/或电话，如：王经理 13800138000</translation>
    </message>
    <message>
        <source>The latest progress: visits, talks, next step</source>
        <translation>最新进展：考察、洽谈、下一步安排</translation>
    </message>
    <message>
        <source>Not known yet</source>
        <translation>暂未确定</translation>
    </message>
    <message>
        <source>Status date</source>
        <translation>状态日期</translation>
    </message>
    <message>
        <source>Status note</source>
        <translation>状态备注</translation>
    </message>
    <message>
        <source>Saved as “%1”, the district on the list</source>
        <translation>将保存为列表中的区域“%1”</translation>
    </message>
    <message>
        <source>Saved as “%1”, the sector on the list</source>
        <translation>将保存为列表中的行业“%1”</translation>
    </message>
    <message>
        <source>New — it will be added to the list</source>
        <translation>新名称——保存时将加入列表</translation>
    </message>
    <message>
        <source>Kept to 4 decimal places: %1</source>
        <translation>按 4 位小数保存：%1</translation>
    </message>
</context>
<context>
    <name>ProjectTableView</name>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Restore default columns</source>
        <translation>恢复默认列</translation>
    </message>
</context>
<context>
    <name>ProjectsPage</name>
    <message>
        <source>Cannot load the projects</source>
        <translation>无法加载项目</translation>
    </message>
    <message>
        <source>No project matches these filters (%1 projects in all).</source>
        <translation>没有符合筛选条件的项目（共 %1 个项目）。</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Loading projects…</source>
        <translation>正在加载项目…</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2 projects — loading the rest…</source>
        <translation>显示前 %1 个项目（共 %2 个），正在加载其余项目…</translation>
    </message>
    <message>
        <source>%1 projects</source>
        <translation>%1 个项目</translation>
    </message>
    <message>
        <source>%1 of %2 projects</source>
        <translation>%1 个项目（共 %2 个）</translation>
    </message>
    <message>
        <source>planned %1</source>
        <translation>计划总投资 %1</translation>
    </message>
    <message>
        <source>%1 stale (no activity for %2 months)</source>
        <translation>%1 个停滞（%2 个月无动态）</translation>
    </message>
    <message>
        <source>Planned investment of the projects shown: %1 yuan (exact)</source>
        <translation>所显示项目的计划总投资：%1 元（精确值）</translation>
    </message>
</context>
<context>
    <name>ReferenceListsDialog</name>
    <message>
        <source>Sectors, districts and enterprises</source>
        <translation>行业、区域和企业</translation>
    </message>
    <message>
        <source>Sectors</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Districts</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Changes can be undone with Edit › Undo (Ctrl+Z). Entries still used by projects cannot be deleted.</source>
        <translation>修改可用“编辑 › 撤销”（Ctrl+Z）撤回。仍被项目使用的条目不能删除。</translation>
    </message>
    <message>
        <source>Search enterprises</source>
        <translation>搜索企业</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>项目数</translation>
    </message>
    <message>
        <source>Projects of its sectors, and of the chain itself</source>
        <translation>其下各行业的项目数（含直接归入该产业链的项目）</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>High-tech</source>
        <translation>高新技术</translation>
    </message>
    <message>
        <source>Specialized &amp; new</source>
        <translation>专精特新</translation>
    </message>
    <message>
        <source>Little giant</source>
        <translation>小巨人</translation>
    </message>
    <message>
        <source>New sector</source>
        <translation>新建行业</translation>
    </message>
    <message>
        <source>Edit sector</source>
        <translation>编辑行业</translation>
    </message>
    <message>
        <source>New district</source>
        <translation>新建区域</translation>
    </message>
    <message>
        <source>Rename district</source>
        <translation>重命名区域</translation>
    </message>
    <message>
        <source>Delete “%1”?</source>
        <translation>删除“%1”？</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Start with zqtracker</source>
        <translation>开始使用 zqtracker</translation>
    </message>
    <message>
        <source>This database has no projects yet. Choose how to begin — everything here is also in the menus.</source>
        <translation>数据库中还没有项目。请选择开始的方式（以下操作在菜单中也可找到）。</translation>
    </message>
    <message>
        <source>No database is open. Open the demo, or open or create a database file.</source>
        <translation>当前没有打开数据库。可以打开演示数据库，或打开、新建一个数据库文件。</translation>
    </message>
    <message>
        <source>Open the demo database</source>
        <translation>打开演示数据库</translation>
    </message>
    <message>
        <source>Invented projects shaped like a city&apos;s year, to try every view without touching real data.</source>
        <translation>按一个城市一年的情况虚构的项目，可试用各项功能，不会影响真实数据。</translation>
    </message>
    <message>
        <source>Import a spreadsheet…</source>
        <translation>导入表格…</translation>
    </message>
    <message>
        <source>A district&apos;s or park&apos;s list as it is (.xlsx or .csv): title rows, 合计 lines and units are recognised, and you see every row before anything is written. Ctrl+I</source>
        <translation>区县或园区报送的原始清单（.xlsx 或 .csv）：自动识别标题行、合计行和金额单位，写入前可逐行预览。Ctrl+I</translation>
    </message>
    <message>
        <source>Add a project…</source>
        <translation>新建项目…</translation>
    </message>
    <message>
        <source>Type in one project; only its name is required. Ctrl+N</source>
        <translation>逐个录入项目，只有项目名称是必填项。Ctrl+N</translation>
    </message>
    <message>
        <source>Connect to a shared database…</source>
        <translation>连接共享数据库…</translation>
    </message>
    <message>
        <source>Work with colleagues on the bureau&apos;s PostgreSQL server.</source>
        <translation>与同事共用局里的 PostgreSQL 服务器。</translation>
    </message>
    <message>
        <source>Or &lt;a href=&quot;open&quot;&gt;open a database file…&lt;/a&gt;, &lt;a href=&quot;new&quot;&gt;create a new database…&lt;/a&gt;, or read the &lt;a href=&quot;guide&quot;&gt;user guide&lt;/a&gt; (F1).</source>
        <translation>也可以&lt;a href=&quot;open&quot;&gt;打开数据库文件…&lt;/a&gt;、&lt;a href=&quot;new&quot;&gt;新建数据库…&lt;/a&gt;，或阅读&lt;a href=&quot;guide&quot;&gt;用户指南&lt;/a&gt;（F1）。</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <source>zqtracker user guide</source>
        <translation>zqtracker 用户指南</translation>
    </message>
</context>
<context>
    <name>_ChoiceButton</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
</TS>
