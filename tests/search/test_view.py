"""/tim-kiem/ answers 200 to anything, scopes results by Site, and every page offers it
(a header search box, an OpenSearch description)."""

import xml.etree.ElementTree as ET

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.models import NewsIndexPage
from tests.search import (  # noqa: F401 - fixtures
    SEARCH,
    article,
    commit_fixture,
    search,
    search_index_fixture,
    sections_fixture,
    titles,
)

ROBUST_QUERIES = [
    "",
    " ",
    "   \t\n  ",
    "a",
    "a" * 2000,
    "họp " * 500,
    "!!!???...",
    "— – … « » “ ”",
    "AND",
    "OR NOT AND",
    "hop AND",
    "AND hop",
    "*",
    "hop*",
    "?",
    "(",
    ")",
    "((hop)",
    '"',
    '"hop ban',
    "'",
    "hop'",
    "title:hop",
    "text:(hop OR ban)",
    "[a TO z]",
    "{a TO}",
    "hop~2",
    "hop^10",
    "\\",
    "/",
    "-hop +ban",
    "' OR '1'='1",
    "'; DROP TABLE wagtailcore_page; --",
    "1 UNION SELECT password FROM auth_user",
    "<script>alert(1)</script>",
    "%00",
    "\x00hop",
    "\u200b\u200d",
    "中文搜索",
    "Привет мир",
    "مرحبا بالعالم",
    "ภาษาไทย",
    "ខ្មែរ",
    "😀🎉",
    "\ud7ff",
    "42/2022/NĐ-CP" * 50,
]


@pytest.fixture
def one_article(search_index, sections, commit):
    with commit():
        return article(sections["news"], "Họp Ban biên tập quý I")


@pytest.mark.parametrize("query", ROBUST_QUERIES)
def test_every_query_answers_200(client, one_article, query):
    response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    assert "Tìm kiếm" in html


@pytest.mark.parametrize(
    "params",
    [
        {"q": "hop", "loai": "khong-co"},
        {"q": "hop", "nam": "abc"},
        {"q": "hop", "nam": "99999"},
        {"q": "hop", "nam": "-5"},
        {"q": "hop", "trang": "-1"},
        {"q": "hop", "trang": "abc"},
        {"q": "hop", "trang": "100000"},
        {"q": "hop", "trang": "9" * 50},
        {"q": "hop", "pham_vi": "khong-co"},
        {"q": "hop", "sap_xep": "ngau-nhien"},
        {"q": ["hop", "ban"]},
        {"q": "hop", "loai": ["news", "document"]},
    ],
)
def test_bad_parameters_are_ignored(client, one_article, params):
    response = client.get(SEARCH, params)
    assert response.status_code == 200


def test_bad_parameters_are_reported(client, one_article):
    response = client.get(SEARCH, {"q": "hop ban", "nam": "abc", "trang": "0"})
    assert "Một số điều kiện không hợp lệ đã được bỏ qua" in response.content.decode()
    assert titles(response) == ["Họp Ban biên tập quý I"]


def test_syntax_is_only_words(client, one_article):
    assert titles(search(client, "(hop ban*)")) == ["Họp Ban biên tập quý I"]
    # "AND" is a word to find like any other; leaving it out is suggested.
    response = search(client, "hop AND ban")
    assert titles(response) == []
    assert "hop ban" in [suggestion["q"] for suggestion in response.context["suggestions"]]
    assert titles(search(client, '"hop" ban -bien')) == ["Họp Ban biên tập quý I"]
    assert titles(search(client, "hop OR khongco")) == []


def test_long_queries_are_cut_and_said_so(client, one_article):
    response = search(client, "hop ban " + "x " * 1000)
    assert len(response.context["query"]) == 200
    assert "Từ khóa quá dài" in response.content.decode()


def test_empty_and_wordless_queries(client, one_article):
    empty = search(client, "")
    assert not empty.context["searched"]
    assert "Nhập từ khóa" in empty.content.decode()
    punctuation = search(client, "!!! ???")
    assert "Từ khóa không có chữ hay số nào để tìm" in punctuation.content.decode()


def test_no_results_comes_with_suggestions(client, one_article):
    response = search(client, "hop ban xyzzy")
    html = response.content.decode()
    assert "Không tìm thấy kết quả" in html
    queries = [suggestion["q"] for suggestion in response.context["suggestions"]]
    assert "hop ban" in queries
    assert "?q=hop+ban" in html
    assert "Kiểm tra lại chính tả" in html


def test_no_results_with_filters_suggests_removing_them(client, one_article):
    response = search(client, "hop ban", loai="document")
    assert "Không tìm thấy kết quả" in response.content.decode()
    (suggestion,) = response.context["suggestions"]
    assert suggestion["note"] == "mọi loại, mọi năm"
    assert "loai" not in suggestion["url"]


def test_spelling_suggestion(client, one_article):
    response = search(client, "bien tapp")
    queries = [suggestion["q"] for suggestion in response.context["suggestions"]]
    assert "bien tap" in queries


def test_an_engine_failure_is_a_200_with_a_message(client, one_article, monkeypatch):
    from haystack.query import SearchQuerySet

    def broken(*args, **kwargs):
        raise OSError("index unavailable")

    monkeypatch.setattr(SearchQuerySet, "count", broken)
    response = search(client, "hop ban")
    assert "tạm thời gián đoạn" in response.content.decode()


def test_only_get_and_head(client, one_article):
    assert client.post(SEARCH, {"q": "hop"}).status_code == 405
    assert client.head(SEARCH, {"q": "hop"}).status_code == 200


def test_a_bounded_number_of_queries(client, search_index, sections, commit):
    with commit():
        for n in range(15):
            article(sections["news"], f"Tin thời tiết số {n}")
    search(client, "thoi tiet")  # warms caches (site root paths, settings)
    with CaptureQueriesContext(connection) as queries:
        response = search(client, "thoi tiet")
    assert len(response.context["results"]) == 10
    assert len(queries) <= 10, [query["sql"] for query in queries]


# --- Sites and scopes ------------------------------------------------------------------


KHE_MAY = "khemay.example.gov.vn"
PHUC_HOA = "phuchoa.example.gov.vn"


@pytest.fixture
def communes(search_index, sections, commit):
    from communes.provisioning import create_commune

    with commit():
        khe_may = create_commune("Xã Khe Mây", KHE_MAY)
        phuc_hoa = create_commune("Xã Phúc Hòa", PHUC_HOA)
        article(sections["news"], "Huyện ra quân làm đường giao thông")
        article(
            NewsIndexPage.objects.child_of(khe_may.page).get(),
            "Khe Mây ra quân làm đường giao thông",
        )
        article(
            NewsIndexPage.objects.child_of(phuc_hoa.page).get(),
            "Phúc Hòa ra quân làm đường giao thông",
        )
    return {"khe-may": khe_may, "phuc-hoa": phuc_hoa}


def test_the_district_searches_everything_by_default(client, communes):
    response = search(client, "ra quan lam duong")
    assert sorted(titles(response)) == [
        "Huyện ra quân làm đường giao thông",
        "Khe Mây ra quân làm đường giao thông",
        "Phúc Hòa ra quân làm đường giao thông",
    ]
    by_title = {
        item["title"].replace("<mark>", "").replace("</mark>", ""): item
        for item in response.context["results"]
    }
    commune = by_title["Khe Mây ra quân làm đường giao thông"]
    assert commune["url"] == f"http://{KHE_MAY}/tin-tuc/khe-may-ra-quan-lam-duong-giao-thong/"
    assert commune["site"] == "Xã Khe Mây"
    assert by_title["Huyện ra quân làm đường giao thông"]["url"].startswith("/tin-tuc/")
    codes = [scope.code for scope in response.context["scopes"]]
    assert codes == ["", "huyen", "khe-may", "phuc-hoa"]
    html = response.content.decode()
    assert 'name="pham_vi"' in html and "Xã Phúc Hòa" in html


def test_the_district_alone_or_one_commune(client, communes):
    assert titles(search(client, "ra quan lam duong", pham_vi="huyen")) == [
        "Huyện ra quân làm đường giao thông"
    ]
    assert titles(search(client, "ra quan lam duong", pham_vi="phuc-hoa")) == [
        "Phúc Hòa ra quân làm đường giao thông"
    ]


def test_a_commune_searches_its_own_content_by_default(client, communes):
    response = search(client, "ra quan lam duong", host=KHE_MAY)
    assert titles(response) == ["Khe Mây ra quân làm đường giao thông"]
    assert response.context["results"][0]["url"] == "/tin-tuc/khe-may-ra-quan-lam-duong-giao-thong/"
    assert [scope.code for scope in response.context["scopes"]] == ["", "toan-huyen"]
    wider = search(client, "ra quan lam duong", host=KHE_MAY, pham_vi="toan-huyen")
    assert len(titles(wider)) == 3
    by_url = sorted(item["url"] for item in wider.context["results"])
    assert by_url[0] == "/tin-tuc/khe-may-ra-quan-lam-duong-giao-thong/"
    assert "http://localhost/tin-tuc/huyen-ra-quan-lam-duong-giao-thong/" in by_url


def test_nothing_in_the_commune_suggests_the_whole_district(client, communes):
    response = search(client, "huyen ra quan", host=KHE_MAY)
    assert titles(response) == []
    notes = [suggestion.get("note") for suggestion in response.context["suggestions"]]
    assert "Toàn bộ Huyện" in notes


# --- On every page ------------------------------------------------------------------------


def test_every_page_has_the_search_box(client, one_article, district):
    for path in ["/", "/tin-tuc/", "/tin-tuc/hop-ban-bien-tap-quy-i/", SEARCH]:
        html = client.get(path).content.decode()
        assert 'action="/tim-kiem/"' in html, path
        assert 'id="tim-kiem-nhanh"' in html, path


def test_the_search_page_keeps_the_query_in_its_boxes_and_is_not_indexed(client, one_article):
    html = search(client, "hop ban").content.decode()
    assert 'value="hop ban"' in html
    assert '<meta name="robots" content="noindex, follow">' in html
    assert 'rel="search" type="application/opensearchdescription+xml"' in html


def test_opensearch_description(client, one_article, communes):
    response = client.get("/opensearch.xml", HTTP_HOST=KHE_MAY)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/opensearchdescription+xml")
    root = ET.fromstring(response.content)
    ns = {"os": "http://a9.com/-/spec/opensearch/1.1/"}
    assert root.find("os:ShortName", ns).text == "Xã Khe Mây"
    assert len(root.find("os:ShortName", ns).text) <= 16
    urls = {url.get("type"): url.get("template") for url in root.findall("os:Url", ns)}
    assert urls["text/html"] == f"http://{KHE_MAY}/tim-kiem/?q={{searchTerms}}"
    assert root.find("os:InputEncoding", ns).text == "UTF-8"


def test_a_site_outside_the_district_stays_apart(client, one_article, commit):
    from wagtail.models import Page, Site

    from portal.models import StandardPage
    from tests.search import add

    with commit():
        other_root = add(Page.get_first_root_node(), StandardPage(title="Đảng bộ", slug="dang-bo"))
        add(other_root, StandardPage(title="Họp Ban biên tập Đảng bộ", slug="hop"))
        # A page outside every Site has no address: never indexed.
        add(Page.get_first_root_node(), StandardPage(title="Họp Ban mồ côi", slug="mo-coi"))
        Site.objects.create(hostname="dangbo.example.gov.vn", port=80, root_page=other_root)
    assert titles(search(client, "hop ban")) == ["Họp Ban biên tập quý I"]
    assert titles(search(client, "hop ban", host="dangbo.example.gov.vn")) == [
        "Họp Ban biên tập Đảng bộ"
    ]
    assert titles(search(client, "mo coi")) == []
    assert titles(search(client, "mo coi", host="dangbo.example.gov.vn")) == []
