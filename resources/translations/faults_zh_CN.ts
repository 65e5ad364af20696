<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BackupsPreference</name>
    <message>
        <source> copies per database</source>
        <translation> 份（每个数据库）</translation>
    </message>
    <message>
        <source>A backup copy is made when a database is first opened each day and before every import, replace, upgrade and bulk delete; the oldest beyond this number are deleted. File › Restore backup… puts one back.</source>
        <translation>每天首次打开数据库时，以及每次导入、替换导入、升级和批量删除之前，都会自动备份；超出此数量的最旧备份会被删除。可通过“文件 › 恢复备份…”恢复。</translation>
    </message>
</context>
<context>
    <name>DailyBackup</name>
    <message>
        <source>No backup copy today</source>
        <translation>今天未能备份</translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message>
        <source>Redoing the import…</source>
        <translation>正在重做导入…</translation>
    </message>
    <message>
        <source>Undoing the import…</source>
        <translation>正在撤销导入…</translation>
    </message>
</context>
<context>
    <name>ReadOnlyBanner</name>
    <message>
        <source>Read-only: this database is in a folder or on a disk you may not write to, so it was opened for reading. You can look, filter, export and print; to change it, copy the file to a folder of yours.</source>
        <translation>只读：此数据库位于您无写入权限的文件夹或磁盘上，因此以只读方式打开。您可以查看、筛选、导出和打印；如需修改，请将文件复制到您自己的文件夹。</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Daily copy</source>
        <translation>每日备份</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <source>Before a replace import</source>
        <translation>替换导入前</translation>
    </message>
    <message>
        <source>Before a schema upgrade</source>
        <translation>结构升级前</translation>
    </message>
    <message>
        <source>Before deleting projects</source>
        <translation>批量删除前</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>Made by hand</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Backup copies of the server database %1, newest first. Restoring replaces every project on the server with the chosen copy, for everyone connected to it; the database as it is now is kept as another copy first, so a restore can be undone the same way.</source>
        <translation>服务器数据库 %1 的备份（最新的在前）。恢复会用所选备份替换服务器上的全部项目，所有连接到该数据库的人都会看到恢复后的数据；当前的数据库会先另存一份备份，因此恢复也可以用同样的方式撤销。</translation>
    </message>
    <message>
        <source>Backup copies of %1, newest first. Restoring puts the chosen copy back in place of the database; the database as it is now is kept as another copy first, so a restore can be undone the same way.</source>
        <translation>%1 的备份（最新的在前）。恢复会用所选备份替换数据库；当前的数据库会先另存一份备份，因此恢复也可以用同样的方式撤销。</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>项目数</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Kept by</source>
        <translation>保存账户</translation>
    </message>
    <message>
        <source>A copy the account “%1” kept under its own name, before the copies of a server database were kept for everyone; it is restored like the others and stays where it is: %2</source>
        <translation>账户“%1”早先以自己的名义单独保存的备份（那时服务器数据库的备份尚未供所有人共用）；可以像其他备份一样恢复，文件仍留在原处：%2</translation>
    </message>
    <message>
        <source>There is no backup copy of this database yet.</source>
        <translation>此数据库还没有备份。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Replace every project on the server database %1 with the copy made %2? Everyone connected to it will see the restored data. The database as it is now is kept as a copy.</source>
        <translation>用 %2 的备份替换服务器数据库 %1 上的全部项目？所有连接到该数据库的人都会看到恢复后的数据。当前的数据库会先另存一份备份。</translation>
    </message>
    <message>
        <source>Replace the projects in %1 with the copy made %2? The database as it is now is kept as a copy.</source>
        <translation>用 %2 的备份替换 %1 中的项目？当前的数据库会先另存一份备份。</translation>
    </message>
    <message>
        <source>Cannot restore the backup</source>
        <translation>无法恢复备份</translation>
    </message>
    <message>
        <source>Opening the restored database. This step cannot be cancelled.</source>
        <translation>正在打开恢复后的数据库。此步骤无法取消。</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
    <message>
        <source>Restore cancelled: nothing was changed.</source>
        <translation>恢复已取消：未做任何更改。</translation>
    </message>
</context>
</TS>
