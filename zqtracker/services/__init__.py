"""Use cases the desktop app and the CLI share. No Qt."""
