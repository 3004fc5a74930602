"""How document numbers and texts are compared: folded, lower case, punctuation-blind.

"42/2022/NĐ-CP", "42/2022/nd-cp" and "42 2022 ND CP" all have the key "422022ndcp";
summaries are matched word by word, accents ignored.
"""

import re

from portal.slugs import fold_vietnamese

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_NOT_WORD = re.compile(r"[^0-9a-z]+")


def number_key(number: str) -> str:
    """The comparison key of a document number: ASCII letters and digits only."""
    return _NOT_ALNUM.sub("", fold_vietnamese(number or "").lower())


def folded_text(text: str) -> str:
    """Words for accent-insensitive matching: folded, lower case, punctuation removed."""
    return _NOT_WORD.sub(" ", fold_vietnamese(text or "").lower()).strip()


def searchable_text(text: str) -> str:
    """The stored form of folded_text, padded so every word can be matched whole as
    " word " (Vietnamese syllables: "quy" must not match "quyết")."""
    return f" {folded_text(text)} "
