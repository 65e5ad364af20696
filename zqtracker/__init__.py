"""zqtracker: tracking industrial investment projects for an investment-promotion bureau."""

__version__ = "0.1.0"
