"""What a citizen finds: accents, case and document numbers typed however they come, and
the results page (type, date, site, highlighted excerpt, facets, sorting, pages)."""

import datetime
import unicodedata

import pytest

from django.utils.html import strip_tags

from communes.models import CommuneHomePage
from tests.search import (  # noqa: F401 - fixtures
    article,
    commit_fixture,
    document,
    episode,
    search,
    search_index_fixture,
    sections_fixture,
    titles,
)

TITLE = "Họp Ban biên tập quý I"


@pytest.fixture
def content(search_index, sections, commit):
    with commit():
        pages = {
            "meeting": article(
                sections["news"],
                TITLE,
                lead="Ban biên tập thống nhất kế hoạch tuyên truyền.",
                body=[
                    {
                        "type": "paragraph",
                        "value": "<p>Đồng chí Trưởng ban đề nghị đẩy mạnh chuyển đổi số.</p>",
                    }
                ],
            ),
            "decree": document(
                sections["register"],
                "42/2022/NĐ-CP",
                "Nghị định về cung cấp thông tin trên cổng thông tin điện tử",
                summary="Quy định việc cung cấp thông tin và dịch vụ công trực tuyến.",
                full_text="<p>Điều 1. Phạm vi điều chỉnh của nghị định.</p>",
            ),
            "bulletin": episode(
                sections["radio"],
                "Bản tin thời sự tối thứ Hai",
                transcript="<p>Kính thưa bà con, huyện tổ chức Lễ hội Lồng Tồng.</p>",
            ),
        }
        sections["about"].intro = "Huyện Thử Nghiệm có mười bốn xã và một thị trấn."
        sections["about"].body = [
            {"type": "heading", "value": {"text": "Vị trí địa lý", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Phía bắc giáp tỉnh Đắk Lắk.</p>"},
        ]
        sections["about"].save_revision().publish()
    return pages


@pytest.mark.parametrize(
    "query",
    [
        "hop ban bien tap",
        "Họp Ban biên tập",
        "HỌP BAN BIÊN TẬP",
        "hỌp bAn",
        unicodedata.normalize("NFD", "Họp Ban biên tập"),
        "  hop   ban\tbien  ",
    ],
)
def test_accents_and_case_do_not_matter(client, content, query):
    assert titles(search(client, query)) == [TITLE]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("chuyen doi so", TITLE),
        ("truong ban de nghi", TITLE),
        ("dieu chinh nghi dinh", "Nghị định về cung cấp thông tin trên cổng thông tin điện tử"),
        ("long tong", "Bản tin thời sự tối thứ Hai"),
        ("thoi su huyen", "Bản tin thời sự tối thứ Hai"),  # the programme's name
        ("dak lak", "Giới thiệu"),
        ("vi tri dia ly", "Giới thiệu"),
        ("muoi bon xa", "Giới thiệu"),
    ],
)
def test_body_text_of_every_kind_is_searched(client, content, query, expected):
    assert titles(search(client, query)) == [expected]


@pytest.mark.parametrize(
    "query",
    [
        "42/2022/NĐ-CP",
        "42/2022/nd-cp",
        "42 2022 ND CP",
        "42/2022/ND-CP",
        "422022ndcp",
        "42/2022/NĐCP",
        "số 42/2022/nđ-cp",
    ],
)
def test_document_numbers_match_however_typed(client, content, query):
    assert "Nghị định về cung cấp thông tin trên cổng thông tin điện tử" in titles(
        search(client, query)
    )


def test_whole_words_only(client, content):
    assert titles(search(client, "hop ban")) == [TITLE]
    assert titles(search(client, "ho ba")) == []


def test_every_word_must_match(client, content):
    assert titles(search(client, "hop ban bien tap dak lak")) == []


def test_result_shows_type_date_site_and_highlighted_excerpt(client, content):
    response = search(client, "chuyen doi so")
    (result,) = response.context["results"]
    assert result["kind"] == "Tin tức"
    assert result["url"] == "/tin-tuc/hop-ban-bien-tap-quy-i/"
    assert result["site"] == "Huyện"
    html = response.content.decode()
    assert "05/03/2025" in html
    assert "<mark>chuyển</mark> <mark>đổi</mark> <mark>số</mark>" in str(result["excerpt"])
    assert '<a href="/tin-tuc/hop-ban-bien-tap-quy-i/"><mark>Họp</mark>' not in html
    assert "Tin tức</span>" in html


def test_document_result_shows_its_number_and_issue_date(client, content):
    (result,) = search(client, "42 2022 ND CP").context["results"]
    assert result["kind"] == "Văn bản"
    assert result["number"] == "42/2022/NĐ-CP"
    assert result["date"].date() == datetime.date(2024, 3, 1)


def test_excerpts_are_escaped(client, search_index, sections, commit):
    with commit():
        article(sections["news"], "Bài có ký tự lạ", lead="Công thức <b>a</b> & <script>x</script>")
    response = search(client, "cong thuc")
    assert "<script>x" not in response.content.decode()
    assert "&lt;b&gt;a&lt;/b&gt; &amp;" in str(response.context["results"][0]["excerpt"])


def test_long_body_excerpt_is_cut_around_the_match(client, search_index, sections, commit):
    filler = "Nội dung mở đầu rất dài. " * 60
    with commit():
        article(
            sections["news"],
            "Bài dài",
            lead="Tóm tắt không liên quan.",
            body=[{"type": "paragraph", "value": f"<p>{filler} Xã Khe Mây trồng chè shan.</p>"}],
        )
    (result,) = search(client, "che shan").context["results"]
    excerpt = strip_tags(str(result["excerpt"]))
    assert excerpt.startswith("… ")
    assert "chè shan" in excerpt
    assert len(excerpt) < 300


def test_facets_by_type_and_year(client, search_index, sections, commit):
    with commit():
        for year in (2023, 2024, 2024):
            article(
                sections["news"],
                f"Tin giao thông nông thôn {year}",
                published_at=datetime.datetime(year, 6, 1, 3, tzinfo=datetime.UTC),
            )
        document(sections["register"], "5/2024/QĐ-UBND", "Quyết định về giao thông nông thôn")
        episode(sections["radio"], "Phát thanh giao thông nông thôn")
    response = search(client, "giao thong nong thon")
    assert response.context["hits"] == 5
    kinds = {facet["label"]: facet["count"] for facet in response.context["kind_facets"]}
    assert kinds == {"Tin tức": 3, "Văn bản": 1, "Phát thanh": 1}
    years = {facet["year"]: facet["count"] for facet in response.context["year_facets"]}
    assert years == {"2024": 3, "2023": 2}

    by_type = search(client, "giao thong nong thon", loai="news")
    assert by_type.context["hits"] == 3
    # The facets still offer every type while one is chosen.
    assert len(by_type.context["kind_facets"]) == 3
    by_year = search(client, "giao thong nong thon", nam="2023")
    assert sorted(titles(by_year)) == [
        "Phát thanh giao thông nông thôn",
        "Tin giao thông nông thôn 2023",
    ]
    both = search(client, "giao thong nong thon", loai="document", nam="2024")
    assert titles(both) == ["Quyết định về giao thông nông thôn"]
    assert "Văn bản" in both.content.decode()


def test_sort_by_date_and_pages(client, search_index, sections, commit):
    with commit():
        for n in range(23):
            article(
                sections["news"],
                f"Thông báo lịch tiếp công dân số {n}",
                published_at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
                + datetime.timedelta(days=n),
            )
    newest = search(client, "lich tiep cong dan", sap_xep="moi-nhat")
    assert newest.context["hits"] == 23
    assert titles(newest)[:3] == [f"Thông báo lịch tiếp công dân số {n}" for n in (22, 21, 20)]
    assert len(titles(newest)) == 10
    page3 = search(client, "lich tiep cong dan", sap_xep="moi-nhat", trang=3)
    assert titles(page3) == [f"Thông báo lịch tiếp công dân số {n}" for n in (2, 1, 0)]
    html = page3.content.decode()
    assert "Trang 3/3" in html
    assert "trang=2" in html
    relevance = search(client, "lich tiep cong dan")
    assert len(titles(relevance)) == 10
    beyond = search(client, "lich tiep cong dan", trang=50)
    assert len(titles(beyond)) == 10  # back to the first page


def test_commune_home_pages_are_found(client, search_index, sections, commit):
    from communes.provisioning import create_commune

    with commit():
        commune = create_commune("Xã Khe Mây", "khemay.example.gov.vn")
        page = CommuneHomePage.objects.get(pk=commune.page.pk)
        page.intro = "Xã vùng cao nổi tiếng chè shan tuyết."
        page.save_revision().publish()
    assert titles(search(client, "che shan tuyet")) == ["Xã Khe Mây"]
