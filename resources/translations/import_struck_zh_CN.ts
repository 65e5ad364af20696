<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>StruckMarks</name>
    <message>
        <source>Struck through in the file — waiting for your answer</source>
        <translation>文件中已划掉——等待您的选择</translation>
    </message>
    <message>
        <source>Struck through in the file — left out</source>
        <translation>文件中已划掉——不导入</translation>
    </message>
    <message>
        <source>struck through in the file</source>
        <translation>文件中已划掉</translation>
    </message>
    <message>
        <source>If imported: %1</source>
        <translation>如果导入：%1</translation>
    </message>
</context>
<context>
    <name>StruckQuestion</name>
    <message>
        <source>choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>leave the struck rows out</source>
        <translation>不导入划掉的行</translation>
    </message>
    <message>
        <source>import them as live projects</source>
        <translation>作为正常项目导入</translation>
    </message>
    <message>
        <source>%1 row(s) of sheet “%2” are struck through (rows %3): removed from the list?</source>
        <translation>工作表“%2”中有 %1 行被加了删除线（第 %3 行）：是否已从清单中删除？</translation>
    </message>
    <message>
        <source>%1 row(s) are struck through in the sheets (sheet, rows: %2): removed from the list?</source>
        <translation>以下工作表中共有 %1 行被加了删除线（工作表、行：%2）：是否已从清单中删除？</translation>
    </message>
    <message>
        <source>%1 (row %2)</source>
        <translation>%1（第 %2 行）</translation>
    </message>
    <message>
        <source>%1 (“%3”, row %2)</source>
        <translation>%1（“%3”第 %2 行）</translation>
    </message>
    <message>
        <source>no name</source>
        <translation>无名称</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation>等，另有 %1 行</translation>
    </message>
    <message>
        <source>Struck through: %1</source>
        <translation>划掉的项目：%1</translation>
    </message>
</context>
</TS>
