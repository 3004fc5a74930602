"""The article page: lead, date, byline, meta, share links, related and featured news."""

import datetime
import re

import pytest

from django.core.exceptions import ValidationError

from news.models import NewsPage, NewsRelatedLink
from tests.factories import ImageFactory, NewsPageFactory

ICT = datetime.timezone(datetime.timedelta(hours=7))


def at(day, hour=8):
    return datetime.datetime(2025, 5, day, hour, tzinfo=ICT)


@pytest.fixture
def article(politics):
    image = ImageFactory(width=1600, height=1000)
    page = NewsPageFactory(
        parent=politics,
        title="Hội nghị tổng kết công tác năm",
        slug="hoi-nghi-tong-ket",
        lead="Sáng nay, Ủy ban nhân dân huyện tổ chức hội nghị tổng kết.",
        author="Minh Anh – Thu Hà",
        source="Trung tâm Văn hóa – Thể thao huyện",
        published_at=datetime.datetime(2025, 3, 5, 1, 30, tzinfo=datetime.UTC),
        cover_image=image,
        cover_alt="Đại biểu dự hội nghị",
        cover_caption="Quang cảnh hội nghị",
        body=[("paragraph", "<p>Nội dung hội nghị.</p>")],
    )
    page.tags.add("hội nghị", "tổng kết")
    page.save()
    return page


def related_titles(response):
    html = response.content.decode()
    if "Tin liên quan" not in html:
        return []
    section = html.split('id="tin-lien-quan"')[1].split("</section>")[0]
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', section)


def test_article_shows_lead_date_byline_and_cover(client, article):
    html = client.get("/tin-tuc/chinh-tri/hoi-nghi-tong-ket/").content.decode()
    assert '<p class="article__lead">Sáng nay' in html
    assert ">05/03/2025 08:30</time>" in html  # 01:30 UTC is 08:30 in Hà Nội
    assert "Tác giả: <strong>Minh Anh – Thu Hà</strong>" in html
    assert "Nguồn: Trung tâm Văn hóa – Thể thao huyện" in html
    assert 'alt="Đại biểu dự hội nghị"' in html and ".webp" in html
    assert "<figcaption>Quang cảnh hội nghị</figcaption>" in html
    assert "hội nghị" in html and "tổng kết" in html


def test_article_has_breadcrumbs_canonical_and_social_meta(client, article):
    html = client.get("/tin-tuc/chinh-tri/hoi-nghi-tong-ket/").content.decode()
    url = "http://localhost/tin-tuc/chinh-tri/hoi-nghi-tong-ket/"
    assert f'<link rel="canonical" href="{url}">' in html
    assert f'<meta property="og:url" content="{url}">' in html
    assert '<meta property="og:title" content="Hội nghị tổng kết công tác năm">' in html
    assert 'property="og:image" content="http://testserver/' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    crumbs = html.split('aria-label="Đường dẫn"')[1].split("</nav>")[0]
    assert re.findall(r">([^<>]+)</a>", crumbs) == ["Trang chủ", "Tin tức", "Chính trị"]


def test_share_links_for_facebook_zalo_copy_and_print(client, article):
    html = client.get("/tin-tuc/chinh-tri/hoi-nghi-tong-ket/").content.decode()
    assert "https://www.facebook.com/sharer/sharer.php?u=http%3A%2F%2Flocalhost%2Ftin-tuc" in html
    assert 'data-share="zalo"' in html and 'data-share="copy"' in html
    assert 'data-share="print"' in html


def test_cover_alt_text_required_unless_decorative(politics):
    page = NewsPage(
        title="Ảnh không mô tả", slug="anh", lead="Tóm tắt.", cover_image=ImageFactory()
    )
    politics.add_child(instance=NewsPage(title="Khác", slug="khac", lead="x"))
    page.path, page.depth = politics.path + "0099", politics.depth + 1
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "cover_alt" in error.value.message_dict
    page.cover_decorative = True
    page.full_clean()


def test_lead_is_required(politics):
    page = NewsPageFactory(parent=politics)
    page.lead = ""
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "lead" in error.value.message_dict


def test_publication_date_defaults_to_first_publication(politics):
    page = NewsPage(title="Bài mới", slug="bai-moi", lead="Tóm tắt.", live=False)
    politics.add_child(instance=page)
    assert page.published_at is None
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.published_at == page.first_published_at


def test_back_dated_publication_date_is_kept(politics):
    old = datetime.datetime(2019, 9, 2, 7, tzinfo=ICT)
    page = NewsPage(title="Bài cũ", slug="bai-cu", lead="Tóm tắt.", live=False, published_at=old)
    politics.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.published_at == old


class TestRelated:
    """Editor picks, then siblings sharing a tag, then the newest siblings."""

    def test_order_of_the_rules(self, client, politics, economy):
        page = NewsPageFactory(parent=politics, slug="chinh", published_at=at(10))
        page.tags.add("nông thôn mới")
        page.save()
        newest_sibling = NewsPageFactory(
            parent=politics, title="Anh em mới nhất", published_at=at(20)
        )
        tagged_old = NewsPageFactory(parent=politics, title="Cùng từ khóa", published_at=at(2))
        tagged_old.tags.add("nông thôn mới")
        tagged_old.save()
        pick = NewsPageFactory(parent=economy, title="Biên tập chọn", published_at=at(1))
        NewsRelatedLink.objects.create(page=page, target=pick, sort_order=0)
        NewsPageFactory(parent=economy, title="Khác mục", published_at=at(25))

        response = client.get("/tin-tuc/chinh-tri/chinh/")
        assert related_titles(response) == ["Biên tập chọn", "Cùng từ khóa", "Anh em mới nhất"]
        assert newest_sibling.title != page.title

    def test_never_itself_never_a_draft_never_private(self, client, politics):
        page = NewsPageFactory(parent=politics, slug="chinh", title="Chính", published_at=at(10))
        NewsRelatedLink.objects.create(page=page, target=page, sort_order=0)
        draft = NewsPageFactory(parent=politics, title="Nháp", published_at=at(11))
        NewsRelatedLink.objects.create(page=page, target=draft, sort_order=1)
        draft.unpublish()
        NewsPageFactory(parent=politics, title="Nháp anh em", published_at=at(12)).unpublish()
        NewsPageFactory(parent=politics, title="Công khai", published_at=at(9))
        assert related_titles(client.get("/tin-tuc/chinh-tri/chinh/")) == ["Công khai"]

    def test_at_most_five(self, politics):
        page = NewsPageFactory(parent=politics, published_at=at(28))
        for day in range(1, 10):
            NewsPageFactory(parent=politics, published_at=at(day))
        related = page.related_articles()
        assert len(related) == 5
        assert [a.published_at for a in related] == sorted(
            (a.published_at for a in related), reverse=True
        )

    def test_tag_sharing_does_not_repeat_articles(self, politics):
        page = NewsPageFactory(parent=politics, published_at=at(28))
        page.tags.add("a", "b")
        page.save()
        both = NewsPageFactory(parent=politics, published_at=at(3))
        both.tags.add("a", "b")
        both.save()
        related = page.related_articles()
        assert [a.pk for a in related].count(both.pk) == 1


def test_featured_side_list_excludes_self_and_drafts(client, politics):
    page = NewsPageFactory(parent=politics, slug="chinh", featured=True, title="Chính")
    NewsPageFactory(parent=politics, featured=True, title="Nổi bật công khai")
    NewsPageFactory(parent=politics, featured=True, title="Nổi bật nháp").unpublish()
    html = client.get(page.url).content.decode()
    aside = html.split('id="tin-noi-bat-ben"')[1].split("</aside>")[0]
    assert "Nổi bật công khai" in aside
    assert "Nổi bật nháp" not in aside and ">Chính<" not in aside
