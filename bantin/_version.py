"""The one place that holds bantin's version; pyproject.toml reads it from here."""

__version__ = "0.3.0"
