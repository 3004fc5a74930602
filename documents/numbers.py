"""How document numbers and texts are compared: folded, lower case, punctuation-blind.

"42/2022/NĐ-CP", "42/2022/nd-cp" and "42 2022 ND CP" all have the key "422022ndcp".
"""

import re

from portal.slugs import fold_vietnamese

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_SPACES = re.compile(r"\s+")


def number_key(number: str) -> str:
    """The comparison key of a document number: ASCII letters and digits only."""
    return _NOT_ALNUM.sub("", fold_vietnamese(number or "").lower())


def folded_text(text: str) -> str:
    """Text for accent-insensitive matching: folded, lower case, single spaces."""
    return _SPACES.sub(" ", fold_vietnamese(text or "").lower()).strip()
