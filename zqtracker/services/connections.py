"""Connecting to a team's server: the URL of a connection (never with its password), where the
password is kept, and how a window names the database."""

from __future__ import annotations

from zqtracker.storage.credentials import SSL_MODES, server_url, short_name, store_password

__all__ = ["SSL_MODES", "server_url", "short_name", "store_password"]
