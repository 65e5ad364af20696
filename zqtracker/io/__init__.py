"""Spreadsheets in and out: column specification, recognition, import plan, export. No Qt."""
