"""A section lists its own and its sub-sections' articles, newest first, 20 a page."""

import datetime
import re

import pytest

from wagtail.models import PageViewRestriction

from tests.factories import NewsPageFactory

ICT = datetime.timezone(datetime.timedelta(hours=7))


def titles(response):
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def test_index_lists_subtree_newest_first(client, news_index, politics, economy):
    NewsPageFactory(
        parent=politics, title="Cũ", published_at=datetime.datetime(2025, 1, 1, tzinfo=ICT)
    )
    NewsPageFactory(
        parent=economy, title="Mới", published_at=datetime.datetime(2025, 3, 1, tzinfo=ICT)
    )
    NewsPageFactory(
        parent=news_index, title="Giữa", published_at=datetime.datetime(2025, 2, 1, tzinfo=ICT)
    )
    assert titles(client.get("/tin-tuc/")) == ["Mới", "Giữa", "Cũ"]
    assert titles(client.get("/tin-tuc/kinh-te/")) == ["Mới"]


def test_pagination_twenty_a_page(client, politics):
    for _ in range(25):
        NewsPageFactory(parent=politics)
    first = client.get("/tin-tuc/chinh-tri/")
    assert len(titles(first)) == 20
    assert "25 bài viết" in first.content.decode()
    assert 'href="?trang=2" rel="next"' in first.content.decode()
    assert len(titles(client.get("/tin-tuc/chinh-tri/?trang=2"))) == 5


@pytest.mark.parametrize("bad", ["abc", "0", "-1", "999", "2%00", "1e3"])
def test_bad_page_numbers_never_fail(client, politics, bad):
    NewsPageFactory(parent=politics)
    response = client.get(f"/tin-tuc/chinh-tri/?trang={bad}")
    assert response.status_code == 200
    assert len(titles(response)) == 1


def test_month_filter_uses_local_time(client, politics):
    # 31/03 23:30 in Hà Nội is still March locally, though it is 16:30 UTC.
    NewsPageFactory(
        parent=politics,
        title="Cuối tháng Ba",
        published_at=datetime.datetime(2025, 3, 31, 23, 30, tzinfo=ICT),
    )
    NewsPageFactory(
        parent=politics,
        title="Đầu tháng Tư",
        published_at=datetime.datetime(2025, 4, 1, 0, 30, tzinfo=ICT),
    )
    assert titles(client.get("/tin-tuc/chinh-tri/?thang=2025-03")) == ["Cuối tháng Ba"]
    assert titles(client.get("/tin-tuc/chinh-tri/?thang=2025-04")) == ["Đầu tháng Tư"]
    html = client.get("/tin-tuc/chinh-tri/").content.decode()
    assert '<option value="2025-04">Tháng 04/2025</option>' in html
    assert '<option value="2025-03">Tháng 03/2025</option>' in html


def test_month_filter_keeps_the_month_when_paging(client, politics):
    for day in range(1, 23):
        NewsPageFactory(parent=politics, published_at=datetime.datetime(2025, 5, day, tzinfo=ICT))
    html = client.get("/tin-tuc/chinh-tri/?thang=2025-05").content.decode()
    assert 'href="?thang=2025-05&amp;trang=2"' in html


@pytest.mark.parametrize(
    "bad", ["2025-13", "abc", "2025", "<script>", "9999-99", "9999-12", "0001-01"]
)
def test_bad_month_is_explained_not_an_error(client, politics, bad):
    NewsPageFactory(parent=politics)
    response = client.get("/tin-tuc/chinh-tri/", {"thang": bad})
    assert response.status_code == 200
    assert "Tháng không hợp lệ" in response.content.decode()
    assert len(titles(response)) == 1


def test_drafts_and_private_articles_are_not_listed(client, politics):
    NewsPageFactory(parent=politics, title="Công khai")
    NewsPageFactory(parent=politics, title="Bản nháp").unpublish()
    private = NewsPageFactory(parent=politics, title="Nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    assert titles(client.get("/tin-tuc/")) == ["Công khai"]


def test_draft_article_is_not_served(client, politics):
    draft = NewsPageFactory(parent=politics, slug="ban-nhap")
    draft.unpublish()
    assert client.get("/tin-tuc/chinh-tri/ban-nhap/").status_code == 404
