"""SQLAlchemy storage: the only package that imports SQLAlchemy or builds queries."""
