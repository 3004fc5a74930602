"""RSS 2.0 per section (its subtree) and for the whole site."""

import datetime
import re
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import pytest

from wagtail.models import PageViewRestriction

from tests.factories import NewsPageFactory

ICT = datetime.timezone(datetime.timedelta(hours=7))


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    root = ET.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    return root.find("channel")


def test_section_feed_has_its_subtree_with_required_elements(client, news_index, politics, economy):
    NewsPageFactory(
        parent=politics,
        title="Chính trị 1",
        lead="Sapo 1",
        published_at=datetime.datetime(2025, 4, 2, 9, tzinfo=ICT),
    )
    NewsPageFactory(parent=economy, title="Kinh tế 1")
    channel = parse(client, "/tin-tuc/chinh-tri/rss/")
    assert channel.findtext("title") == "Chính trị"
    assert channel.findtext("link") == "http://localhost/tin-tuc/chinh-tri/"
    assert channel.findtext("language") == "vi"
    assert channel.findtext("description")
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Chính trị 1"]
    item = items[0]
    assert re.fullmatch(r"http://localhost/tin-tuc/chinh-tri/bai-viet-\d+/", item.findtext("link"))
    assert item.find("guid").get("isPermaLink") == "true"
    assert item.findtext("guid") == item.findtext("link")
    assert item.findtext("description") == "Sapo 1"
    assert parsedate_to_datetime(item.findtext("pubDate")) == datetime.datetime(
        2025, 4, 2, 9, tzinfo=ICT
    )

    parent_titles = [i.findtext("title") for i in parse(client, "/tin-tuc/rss/").findall("item")]
    assert set(parent_titles) == {"Chính trị 1", "Kinh tế 1"}


def test_feed_has_the_newest_fifty(client, politics):
    for day in range(1, 56):
        NewsPageFactory(
            parent=politics,
            published_at=datetime.datetime(2025, 1, 1, tzinfo=ICT) + datetime.timedelta(days=day),
        )
    items = parse(client, "/tin-tuc/chinh-tri/rss/").findall("item")
    assert len(items) == 50
    dates = [parsedate_to_datetime(item.findtext("pubDate")) for item in items]
    assert dates == sorted(dates, reverse=True)
    assert dates[0] == datetime.datetime(2025, 1, 1, tzinfo=ICT) + datetime.timedelta(days=55)


def test_site_feed_covers_the_whole_site(client, politics, economy):
    NewsPageFactory(parent=politics, title="A")
    NewsPageFactory(parent=economy, title="B")
    channel = parse(client, "/rss/")
    assert {item.findtext("title") for item in channel.findall("item")} == {"A", "B"}


@pytest.mark.parametrize("url", ["/rss/", "/tin-tuc/rss/", "/tin-tuc/chinh-tri/rss/"])
def test_drafts_and_private_articles_never_in_feeds(client, politics, url):
    NewsPageFactory(parent=politics, title="Công khai")
    NewsPageFactory(parent=politics, title="Bản nháp").unpublish()
    private = NewsPageFactory(parent=politics, title="Nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    assert [item.findtext("title") for item in parse(client, url).findall("item")] == ["Công khai"]


def test_index_page_links_its_feed(client, politics):
    html = client.get("/tin-tuc/chinh-tri/").content.decode()
    assert 'type="application/rss+xml"' in html and 'href="/tin-tuc/chinh-tri/rss/"' in html


def test_sitemap_lists_live_articles_only(client, politics):
    NewsPageFactory(parent=politics, slug="cong-khai")
    NewsPageFactory(parent=politics, slug="ban-nhap").unpublish()
    private = NewsPageFactory(parent=politics, slug="noi-bo")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    body = client.get("/sitemap.xml").content.decode()
    assert "/tin-tuc/chinh-tri/cong-khai/" in body
    assert "ban-nhap" not in body and "noi-bo" not in body
