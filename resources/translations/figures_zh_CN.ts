<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Figures</name>
    <message>
        <source>(%1 of planned)</source>
        <translation>（占计划总投资 %1）</translation>
    </message>
    <message>
        <source>, through %1</source>
        <translation>，截至%1</translation>
    </message>
    <message>
        <source>%1 yuan (exact) for %2 as one figure: a year-to-date report with no month stored before it. The months are not spread by guessing.</source>
        <translation>%1 元（精确值），为%2的合计数：此前没有月度数的累计报表。不按猜测分摊到各月。</translation>
    </message>
    <message>
        <source>Included in the figure for %1 (shown at its last month).</source>
        <translation>含在%1的合计数中（记在最后一个月）。</translation>
    </message>
    <message>
        <source>As given: %1. Typing another amount replaces it.</source>
        <translation>原币：%1。另填金额将替换它。</translation>
    </message>
    <message>
        <source>Known to the %1: %2 (a new date replaces it)</source>
        <translation>精确到%1：%2（填写新日期将替换它）</translation>
    </message>
</context>
</TS>
