"""bantin: Vietnamese news articles into briefings (PDF, DOCX, EPUB, plain text).

Importing this package stays light: the heavy export libraries load only when a
format that needs them is used.
"""

__version__ = "0.1.0"
