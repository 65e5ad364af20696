"""Command-line interface over the services. Never imports ui/."""
