"""Plain-text hygiene for what people type and other pages show: names, mostly.

Bidirectional control characters (the embeddings, overrides and isolates of Unicode's bidi algorithm, and the
three marks) have no place in a name. Left in, one of them reverses the text after it on every page that shows the
name: an assessor's queue, a certificate's second page with its serial. Names in Arabic or Hebrew script need none
of them; the script's own letters carry their direction.
"""

import re

BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def strip_bidi_controls(text: str) -> str:
    """``text`` without any bidirectional control character."""
    return BIDI_CONTROLS.sub("", text or "")
