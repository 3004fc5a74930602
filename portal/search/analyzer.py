"""The Vietnamese analyzer, and every other piece of the portal that touches Whoosh.

Text is cut into words (letters and digits of any script), lower-cased and folded
(accents removed, "đ" → "d") with the same table as our slugs, so "Họp Ban biên tập",
"HỌP BAN BIÊN TẬP" and "hop ban bien tap" are the same four words. There is no stemming
and there are no stop words: English rules mangle Vietnamese syllables, and "và", "của"
or "an" may be exactly what a citizen looks for.

`fold_text` and `words` are the same steps in plain Python: the search view cuts a query
with them, so what it asks for is what the analyzer indexed, whatever the backend
(Elasticsearch does the same with the index settings in docs/deploy.md).

Also here, so that no other module imports Whoosh: the schema haystack's Whoosh backend
builds, rewritten to use the analyzer, the facets of the portal's queries and the policy
that merges index segments.
"""

import re
import unicodedata

from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer
from whoosh.fields import ID, STORED, TEXT, Schema
from whoosh.reading import SegmentReader
from whoosh.sorting import Count, FieldFacet

from portal.slugs import fold_vietnamese

# A word: a run of letters, digits or underscores of any script.
WORD = re.compile(r"\w+")


def fold_text(text):
    """Text as the index sees it: composed (NFC), accents folded, lower case."""
    return fold_vietnamese(unicodedata.normalize("NFC", text or "")).lower()


def words(text):
    """The indexed words of text: "Họp Ban biên tập" → ["hop", "ban", "bien", "tap"]."""
    return WORD.findall(fold_text(text))


class ComposingTokenizer(RegexTokenizer):
    """Splits words after composing the text (NFC): a keyboard that types "ọ" as "o" plus
    a combining dot would otherwise cut "Họp" in two."""

    def __init__(self):
        super().__init__(expression=WORD)

    def __call__(self, value, **kwargs):
        return super().__call__(unicodedata.normalize("NFC", value), **kwargs)


class VietnameseFoldingFilter(Filter):
    """Folds every token's Vietnamese letters to ASCII (after lower-casing)."""

    def __call__(self, tokens):
        for token in tokens:
            token.text = fold_vietnamese(token.text)
            yield token


def vietnamese_analyzer():
    """Tokenizer, lower case, folding: no stemming, no stop words."""
    return ComposingTokenizer() | LowercaseFilter() | VietnameseFoldingFilter()


def vietnamese_schema(schema, fields):
    """Haystack's Whoosh schema with our analyzer on every text field.

    `fields` are haystack's search fields by index field name. Text fields get the
    analyzer; facet fields (the `_exact` twins) are single untouched terms with a
    column, for filters and counts; fields not indexed are only stored.
    """
    analyzer = vietnamese_analyzer()
    by_name = {field.index_fieldname: field for field in fields.values()}
    rebuilt = {}
    for name in schema.names():
        whoosh_field = schema[name]
        field = by_name.get(name)
        if field is not None and isinstance(whoosh_field, TEXT):
            if hasattr(field, "facet_for"):
                whoosh_field = ID(stored=True, sortable=True)
            elif field.indexed is False:
                whoosh_field = STORED()
            else:
                # No positions: the portal never asks for phrases, and the index is
                # smaller and faster to write without them.
                whoosh_field = TEXT(
                    stored=field.stored,
                    analyzer=analyzer,
                    phrase=False,
                    field_boost=field.boost,
                    spelling=bool(field.document),
                )
        rebuilt[name] = whoosh_field
    return Schema(**rebuilt)


def field_facets(names):
    """Counts by value of single-valued facet fields, read from their columns.

    (haystack asks Whoosh for "overlapping" facets, which read every matching document's
    terms: many times slower, and our facet fields hold one value each.)
    """
    return [FieldFacet(name, maptype=Count) for name in names]


def merge_smallest(keep):
    """A Whoosh merge policy: the smallest segments become one, leaving `keep` in all."""

    def policy(writer, segments):
        ordered = sorted(segments, key=lambda segment: segment.doc_count_all())
        merged = len(ordered) - keep + 1
        if merged < 2:
            return segments
        for segment in ordered[:merged]:
            reader = SegmentReader(writer.storage, writer.schema, segment)
            writer.add_reader(reader)
            reader.close()
        return ordered[merged:]

    return policy
