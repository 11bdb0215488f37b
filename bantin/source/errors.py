class InputError(ValueError):
    """An input that cannot become an article; the message says why, for the user."""
