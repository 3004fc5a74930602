"""The Vietnamese analyzer, the query's words, and the engines' index settings."""

import unicodedata

import pytest

from documents.numbers import number_key as document_number_key
from portal.search.analyzer import fold_text, vietnamese_analyzer, words
from portal.search.backend import (
    VIETNAMESE_FIELD_MAPPING,
    VietnameseElasticsearchEngine,
    elasticsearch_index_settings,
)
from portal.search.forms import clean_query, number_key, query_terms
from tests.search import search_index_fixture  # noqa: F401 - a fixture

SAMPLES = [
    "Họp Ban biên tập quý I năm 2025",
    "HỌP BAN BIÊN TẬP",
    "Đường Điện Biên Phủ, tỉnh Đắk Lắk",
    "Nghị định 42/2022/NĐ-CP về cải cách hành chính",
    "Running the tests and the stops",
    "Chè xanh Khe Mây đạt OCOP 4 sao",
    "中文 Привет ภาษาไทย",
    unicodedata.normalize("NFD", "Họp Ban biên tập"),
]


def analyzed(text):
    return [token.text for token in vietnamese_analyzer()(text)]


def test_lower_case_and_vietnamese_folding():
    assert analyzed("Họp Ban BIÊN TẬP") == ["hop", "ban", "bien", "tap"]
    assert analyzed("Đắk Lắk đường") == ["dak", "lak", "duong"]
    assert analyzed("ỳ ý ỵ ỷ ỹ ơ ư ă â ê ô") == list("yyyyyouaaeo")


def test_decomposed_input_is_composed_first():
    assert analyzed(unicodedata.normalize("NFD", "Họp Ban biên tập")) == [
        "hop",
        "ban",
        "bien",
        "tap",
    ]


def test_no_english_stemming_and_no_stop_words():
    assert analyzed("Running the tests and an apple") == [
        "running",
        "the",
        "tests",
        "and",
        "an",
        "apple",
    ]
    assert analyzed("và của là") == ["va", "cua", "la"]


def test_document_numbers_are_cut_into_words():
    assert analyzed("42/2022/NĐ-CP") == ["42", "2022", "nd", "cp"]


@pytest.mark.parametrize("text", SAMPLES)
def test_the_view_cuts_queries_as_the_index_cuts_text(text):
    assert words(text) == analyzed(text)


@pytest.mark.parametrize(
    "number",
    ["42/2022/NĐ-CP", "42/2022/nd-cp", "42 2022 ND CP", "15/2024/QĐ-UBND", "01/CT-TTg", "Số 7"],
)
def test_query_number_key_is_the_registers_key(number):
    assert number_key(number) == document_number_key(number)


def test_number_key_only_for_queries_with_a_digit():
    assert number_key("hop ban bien tap") == ""
    assert number_key("42 2022 ND CP") == "422022ndcp"


def test_query_terms_are_distinct_capped_words():
    assert query_terms("Họp họp HỌP ban") == ["hop", "ban"]
    assert len(query_terms(" ".join(f"w{n}" for n in range(50)))) == 10
    assert query_terms("x" * 2000) == ["x" * 40]
    assert query_terms("AND OR NOT * ( ) \" ' : ~ ^") == ["and", "or", "not"]


def test_clean_query_removes_control_characters_and_caps():
    assert clean_query("  hop\x00ban\u200b bien\ttap ") == "hop ban bien tap"
    assert len(clean_query("a" * 5000)) == 200


def test_fold_text_keeps_other_scripts():
    assert fold_text("Привет 中文") == "привет 中文"


def test_whoosh_schema_uses_the_analyzer(search_index):
    search_index.setup()
    schema = search_index.schema
    assert schema["text"].analyzer.__class__.__name__ == "CompositeAnalyzer"
    assert [t.text for t in schema["text"].analyzer("Đắk Lắk")] == ["dak", "lak"]
    assert [t.text for t in schema["number_key"].analyzer("422022NDCP")] == ["422022ndcp"]
    assert schema["kind_exact"].__class__.__name__ == "ID"
    assert schema["title"].__class__.__name__ == "STORED"
    assert not schema["text"].stored


def test_elasticsearch_settings_fold_vietnamese():
    settings = elasticsearch_index_settings({"settings": {"analysis": {"analyzer": {"x": {}}}}})
    analysis = settings["settings"]["analysis"]
    assert "x" in analysis["analyzer"]
    analyzer = analysis["analyzer"]["vietnamese_folded"]
    assert analyzer["filter"] == ["lowercase", "asciifolding"]
    assert "vietnamese_d" in analyzer["char_filter"]
    assert "đ => d" in analysis["char_filter"]["vietnamese_d"]["mappings"]
    assert "stemmer" not in str(analysis) and "stop" not in str(analysis)
    icu = elasticsearch_index_settings({}, use_icu=True)["settings"]["analysis"]["analyzer"]
    assert "icu_folding" in icu["vietnamese_folded"]["filter"]
    assert VIETNAMESE_FIELD_MAPPING == {"type": "text", "analyzer": "vietnamese_folded"}


def test_elasticsearch_engine_is_a_haystack_engine_or_says_what_is_missing():
    from django.core.exceptions import ImproperlyConfigured

    try:
        engine = VietnameseElasticsearchEngine(using="default")
    except ImproperlyConfigured as error:
        assert "elasticsearch" in str(error)
    else:  # the client is installed
        assert engine.backend.DEFAULT_FIELD_MAPPING == VIETNAMESE_FIELD_MAPPING
