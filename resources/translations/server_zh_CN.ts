<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChangeLogView</name>
    <message>
        <source>Changes</source>
        <translation>修改留痕</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Open in a window…</source>
        <translation>在新窗口中打开…</translation>
    </message>
    <message>
        <source>The whole change log in a window of its own, with who and the action in columns</source>
        <translation>在单独的窗口中查看全部修改留痕，修改人和操作分列显示</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <source>No changes have been recorded for this project yet. Edits, status changes, imports and undos will be listed here.</source>
        <translation>该项目尚无修改记录。今后的编辑、状态变更、导入和撤销都会列在这里。</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <source>Latest change: %1 (UTC) by %2 (%3) — %4</source>
        <translation>最近一次修改：%1（UTC），%2，%3 — %4</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>ChangeLogWindow</name>
    <message>
        <source>Change log</source>
        <translation>修改留痕</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改内容</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to server</source>
        <translation>连接服务器</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Encryption (TLS)</source>
        <translation>加密（TLS）</translation>
    </message>
    <message>
        <source>Use TLS when the server offers it</source>
        <translation>服务器支持时使用 TLS</translation>
    </message>
    <message>
        <source>Require TLS</source>
        <translation>必须使用 TLS</translation>
    </message>
    <message>
        <source>Require TLS and verify the server&apos;s certificate</source>
        <translation>必须使用 TLS 并验证服务器证书</translation>
    </message>
    <message>
        <source>No TLS (a trusted local network only)</source>
        <translation>不加密（仅限可信的内部网络）</translation>
    </message>
    <message>
        <source>Remember the password (in the system keyring, or a password file only you can read)</source>
        <translation>记住密码（存入系统密钥环；没有密钥环时存入只有您本人能读取的密码文件）</translation>
    </message>
    <message>
        <source>Your account (analyst, district staff or reader) is set by the bureau&apos;s administrator with zqtracker db grant.</source>
        <translation>您的账户类型（分析员、区县人员或只读）由局里的管理员用 `zqtracker db grant` 命令设置。</translation>
    </message>
    <message>
        <source>e.g. db.bureau.local</source>
        <translation>例如 db.bureau.local</translation>
    </message>
    <message>
        <source>Connect to &amp;server…</source>
        <translation>连接服务器(&amp;S)…</translation>
    </message>
</context>
</TS>
