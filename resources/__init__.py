"""Icons, translations and templates, installed as the package ``zqtracker.resources``."""
