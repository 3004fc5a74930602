"""News pages run the same, bounded number of queries with 5 or 60 articles."""

import datetime
import json

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.models import NewsRelatedLink
from tests.factories import ImageFactory, NewsPageFactory

ICT = datetime.timezone(datetime.timedelta(hours=7))
BOUNDS = {"home": 22, "index": 21, "article": 32}


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def add_articles(sections, count, images):
    """Articles spread over the sections, with covers, tags and featured flags."""
    made = []
    for n in range(count):
        article = NewsPageFactory(
            parent=sections[n % len(sections)],
            cover_image=images[n % len(images)],
            cover_alt="Ảnh minh họa",
            featured=n % 3 == 0,
            published_at=datetime.datetime(2025, 1, 1, tzinfo=ICT) + datetime.timedelta(hours=n),
        )
        article.tags.add(f"chủ đề {n % 4}", "huyện")
        article.save()
        made.append(article)
    return made


@pytest.fixture
def news_site(news_index, politics, economy):
    images = [ImageFactory(width=1200, height=800) for _ in range(6)]
    subject = NewsPageFactory(
        parent=politics,
        slug="bai-chinh",
        cover_image=images[0],
        cover_alt="Ảnh",
        published_at=datetime.datetime(2024, 12, 1, tzinfo=ICT),
        body=json.dumps(
            [
                {"type": "paragraph", "value": "<p>Nội dung.</p>"},
                {
                    "type": "image",
                    "value": {
                        "image": {"image": images[1].pk, "decorative": False, "alt_text": "Ảnh"},
                        "caption": "",
                    },
                },
            ]
        ),
    )
    subject.tags.add("chủ đề 1")
    subject.save()
    return {"sections": [politics, economy], "images": images, "subject": subject}


@pytest.mark.parametrize(
    ("name", "url"),
    [("home", "/"), ("index", "/tin-tuc/"), ("article", "/tin-tuc/chinh-tri/bai-chinh/")],
)
def test_queries_do_not_grow_with_articles(client, news_site, name, url):
    made = add_articles(news_site["sections"], 5, news_site["images"])
    for target in made[:2]:
        NewsRelatedLink.objects.create(page=news_site["subject"], target=target)
    count_queries(client, url)  # renditions are created on the first render
    few = count_queries(client, url)

    add_articles(news_site["sections"], 55, news_site["images"])
    count_queries(client, url)
    many = count_queries(client, url)

    assert few == many
    assert many <= BOUNDS[name]
