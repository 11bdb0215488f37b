"""Kept so that ``bantin.source.errors.InputError`` still resolves; see ``bantin.errors``."""

from bantin.errors import InputError

__all__ = ["InputError"]
