"""libxml2's refusals of hostile XML and HTML, in the user's words.

libxml2 guards every reader that parses markup (Word parts, saved pages): it stops
at 256 levels of nesting and refuses entities that expand past a safe size or refer
to themselves. Its messages name options of a parser the user never set ("use
XML_PARSE_HUGE option", "see xmlCtxtSetMaxAmplification"); this says what they mean.
"""

from __future__ import annotations

_GUARDS = (("Excessive depth", "elements nested more than 256 levels deep (a hostile file)"),
           ("amplification", "entities that expand past a safe size (an XML bomb)"),
           ("Detected an entity reference loop", "entities that refer to themselves (an XML bomb)"))


def guard(message: str) -> str | None:
    """What a libxml2 message means when it is one of its guards against hostile
    markup, else None."""
    return next((said for key, said in _GUARDS if key in message), None)
