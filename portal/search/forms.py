"""The search form: what a citizen typed, made safe to search with.

Nothing a visitor types reaches the search engine as syntax. The query is cut into the
words the analyzer indexes (letters and digits of any script, folded), so "AND", "*",
"(", quotes, SQL or a 2,000-character paste are only words, or nothing, and every bad
value of the other fields is dropped with a message instead of an error page.
"""

import re
import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from .analyzer import fold_text, words
from .indexing import KINDS

# Longer queries are cut: no one types more, and each word is a term to match.
MAX_QUERY_CHARS = 200
MAX_WORDS = 10
MAX_WORD_CHARS = 40
# Result pages beyond this are not offered (10 results a page: 1,000 results).
MAX_PAGE = 100
PER_PAGE = 10

SORT_RELEVANCE = ""
SORT_NEWEST = "moi-nhat"
SORTS = [(SORT_RELEVANCE, _("Phù hợp nhất")), (SORT_NEWEST, _("Mới nhất"))]

_NOT_KEY = re.compile(r"[^0-9a-z]+")


def clean_query(value):
    """The query as shown back: control characters removed, spaces collapsed, capped."""
    value = "".join(
        " " if unicodedata.category(char).startswith(("C", "Z")) else char
        for char in str(value or "")[: MAX_QUERY_CHARS * 4]
    )
    return " ".join(value.split())[:MAX_QUERY_CHARS]


def query_terms(query):
    """The distinct words to search for, in order, at most MAX_WORDS of them."""
    terms = []
    for word in words(query):
        word = word[:MAX_WORD_CHARS]
        if word not in terms:
            terms.append(word)
    return terms[:MAX_WORDS]


def number_key(query):
    """The document-number key of the query ("42 2022 ND CP" → "422022ndcp"), or "".

    The same key as documents.numbers.number_key (ASCII letters and digits, folded),
    written here because portal imports no app. Only a query with a digit is taken as
    a possible number.
    """
    key = _NOT_KEY.sub("", fold_text(query))
    return key if any(char.isdigit() for char in key) and 2 <= len(key) <= 100 else ""


class QueryField(forms.CharField):
    """A free-text field that never fails: it cleans what it is given."""

    def __init__(self, **kwargs):
        super().__init__(required=False, strip=False, **kwargs)
        self.validators = []

    def to_python(self, value):
        return clean_query(value)


class SearchForm(forms.Form):
    """GET /tim-kiem/?q=…&loai=…&nam=…&pham_vi=…&sap_xep=…&trang=…"""

    q = QueryField(
        label=_("Từ khóa"),
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "autocomplete": "off",
                "maxlength": str(MAX_QUERY_CHARS),
                "placeholder": _("Ví dụ: họp ban biên tập, 15/2024/QĐ-UBND"),
                "enterkeyhint": "search",
            }
        ),
    )
    pham_vi = forms.ChoiceField(label=_("Phạm vi"), required=False)
    loai = forms.ChoiceField(
        label=_("Loại"),
        required=False,
        choices=[("", _("Tất cả")), *KINDS.items()],
    )
    nam = forms.IntegerField(label=_("Năm"), required=False, min_value=1900, max_value=2200)
    sap_xep = forms.ChoiceField(label=_("Sắp xếp"), required=False, choices=SORTS)
    trang = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)

    def __init__(self, data=None, scopes=(), **kwargs):
        super().__init__(data, **kwargs)
        self.fields["pham_vi"].choices = [(scope.code, scope.label) for scope in scopes]
        if len(scopes) < 2:
            del self.fields["pham_vi"]

    def values(self):
        """Every field's clean value; an invalid field counts as not given."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {
            "q": cleaned.get("q") or clean_query(self.data.get("q", "")),
            "pham_vi": cleaned.get("pham_vi") or "",
            "loai": cleaned.get("loai") or "",
            "nam": cleaned.get("nam"),
            "sap_xep": cleaned.get("sap_xep") or SORT_RELEVANCE,
            "trang": cleaned.get("trang") or 1,
        }

    def dropped(self):
        """Labels of the fields whose values were ignored, for a message."""
        self.is_valid()
        return [
            str(self.fields[name].label or pgettext("số trang kết quả tìm kiếm", "Trang"))
            for name in self.errors
            if name != "q"
        ]
