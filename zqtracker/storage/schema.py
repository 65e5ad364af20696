"""Facts about the schema that opening a database needs without importing Alembic."""

from __future__ import annotations

# The newest migration in storage/migrations/versions; a test checks it is Alembic's head.
SCHEMA_REVISION = "0011_deleted_district"

# Tables whose presence tells a zqtracker database from any other SQLite file.
ZQ_TABLES = frozenset({"projects", "sectors", "districts", "investment_records"})
