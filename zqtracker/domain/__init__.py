"""Plain types and rules: no Qt, no SQLAlchemy."""
