"""news.demo.seed_news: a complete, browsable sample news tree, created once."""

import datetime
import io

import pytest

from django.core.management import call_command
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import Page, Site

from news import demo
from news.models import NewsIndexPage, NewsPage, NewsRelatedLink

SECTION_SLUGS = ["chinh-tri", "kinh-te", "van-hoa-xa-hoi", "quoc-phong-an-ninh", "thong-bao"]
DEMO_HOST = "127.0.0.1:8000"


@pytest.fixture
def seeded(district):
    """The district with the sample news, and what seed_news wrote to stdout."""
    out = io.StringIO()
    demo.seed_news(district, stdout=out)
    return district, out.getvalue()


def test_sample_data_is_consistent():
    slugs = [article.slug for _, article in demo.schedule()]
    assert len(slugs) == len(set(slugs))
    position = {slug: index for index, slug in enumerate(slugs)}
    for _, article in demo.schedule():
        assert 1 <= len(article.tags) <= 3
        for target in article.related:
            # Picks are created before the article that names them.
            assert position[target] > position[article.slug]


def test_sections_are_in_the_menu_in_order(seeded):
    home, _ = seeded
    news_root = NewsIndexPage.objects.child_of(home).get(slug="tin-tuc")
    assert news_root.live and news_root.show_in_menus and news_root.intro
    sections = NewsIndexPage.objects.child_of(news_root).order_by("path")
    assert [section.slug for section in sections] == SECTION_SLUGS
    for section in sections:
        assert section.live and section.show_in_menus
        assert NewsPage.objects.child_of(section).live().count() >= 6


def test_articles_are_complete(seeded):
    articles = NewsPage.objects.live()
    assert articles.count() >= 40
    assert articles.filter(featured=True).count() >= 8
    now = timezone.now()
    for article in articles:
        assert article.lead.strip(), article.slug
        assert article.author and article.source, article.slug
        assert article.cover_image_id, article.slug
        assert article.cover_alt.strip() or article.cover_decorative, article.slug
        assert 1 <= article.tags.count() <= 3, article.slug
        assert timezone.is_aware(article.published_at)
        assert now - datetime.timedelta(days=260) < article.published_at < now
        paragraphs = [block for block in article.body if block.block_type == "paragraph"]
        assert 2 <= len(paragraphs) <= 4, article.slug
    assert articles.filter(cover_decorative=True, cover_alt="").exists()
    oldest = articles.order_by("published_at").first().published_at
    assert now - oldest > datetime.timedelta(days=200)
    assert get_image_model().objects.filter(title__contains="ảnh minh họa tin tức").count() >= 10


def test_galleries_have_described_photos(seeded):
    galleries = [
        block.value
        for article in NewsPage.objects.live()
        for block in article.body
        if block.block_type == "gallery"
    ]
    assert len(galleries) >= 4
    for gallery in galleries:
        assert len(gallery["images"]) >= 2
        for item in gallery["images"]:
            assert item["image"].contextual_alt_text and not item["image"].decorative


def test_editor_picks_are_published(seeded):
    declared = sum(len(article.related) for _, article in demo.schedule())
    assert declared >= 3
    assert NewsRelatedLink.objects.count() == declared
    picked = NewsPage.objects.get(slug="thong-bao-tuyen-dung-36-vien-chuc-giao-duc")
    assert picked.related_articles()[0].slug == "hon-19000-hoc-sinh-buoc-vao-nam-hoc-moi"
    assert picked.get_latest_revision().content["related_links"]


def test_second_run_creates_nothing(seeded):
    home, first_output = seeded
    assert f"6 chuyên mục và {len(demo.schedule())} bài viết" in first_output
    counts = (
        Page.objects.count(),
        NewsRelatedLink.objects.count(),
        get_image_model().objects.count(),
    )
    out = io.StringIO()
    demo.seed_news(home, stdout=out)
    assert (
        Page.objects.count(),
        NewsRelatedLink.objects.count(),
        get_image_model().objects.count(),
    ) == counts
    assert "không tạo thêm" in out.getvalue()


def test_seeded_pages_answer_on_the_district_site(seeded, client):
    article = NewsPage.objects.get(slug="thong-xe-tuyen-duong-lien-xa-khe-may-dong-lau")
    for url in ("/", "/tin-tuc/", "/tin-tuc/kinh-te/", article.url):
        assert client.get(url).status_code == 200, url


@pytest.mark.django_db
def test_seed_demo_builds_a_browsable_news_site(client):
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    assert "Tin tức mẫu" in out.getvalue()
    site = Site.objects.get(is_default_site=True)
    assert NewsPage.objects.descendant_of(site.root_page).live().count() >= 40

    home = client.get("/", HTTP_HOST=DEMO_HOST)
    assert home.status_code == 200
    assert "Kinh tế" in home.content.decode()

    section = client.get("/tin-tuc/quoc-phong-an-ninh/", HTTP_HOST=DEMO_HOST)
    assert section.status_code == 200

    article = NewsPage.objects.get(slug="tung-bung-le-hoi-xuong-dong-xa-nam-van")
    response = client.get(article.url, HTTP_HOST=DEMO_HOST)
    assert response.status_code == 200
    html = response.content.decode()
    assert "gallery__grid" in html
    assert demo.ILLUSTRATIONS[5].alt in html
