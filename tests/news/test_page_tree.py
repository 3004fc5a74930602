"""Where news pages may live."""

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from communes.models import CommuneHomePage
from news.models import NewsIndexPage, NewsPage
from portal.models import HomePage


class NewsTreeRulesTests(WagtailPageTestCase):
    def test_sections_nest_under_home_and_each_other(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage, NewsIndexPage, CommuneHomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsIndexPage, NewsPage})

    def test_articles_live_in_sections_and_have_no_children(self):
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())
        self.assertCanNotCreateAt(HomePage, NewsPage)


class NewsEditorTests(WagtailPageTestCase):
    """An editor writes an article through the admin form."""

    @classmethod
    def setUpTestData(cls):
        from wagtail.models import Page, Site

        from tests.factories import HomePageFactory, NewsIndexPageFactory

        Site.objects.all().delete()
        home = HomePageFactory(parent=Page.get_first_root_node())
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
        cls.section = NewsIndexPageFactory(parent=home, slug="tin-tuc")

    def setUp(self):
        self.login()

    def test_create_article_with_body_tags_and_byline(self):
        data = nested_form_data(
            {
                "title": "Khánh thành cầu treo bản Nà Lầu",
                "slug": "khanh-thanh-cau-treo-ban-na-lau",
                "lead": "Cây cầu mới giúp học sinh đến trường an toàn trong mùa mưa.",
                "author": "Thu Hà",
                "source": "Đài Truyền thanh huyện",
                "tags": "giao thông, nông thôn mới",
                "featured": "on",
                "body": streamfield(
                    [
                        ("heading", {"text": "Niềm vui của bà con", "level": "h2"}),
                        ("paragraph", rich_text("<p>Bà con phấn khởi.</p>")),
                        (
                            "quote",
                            {
                                "quote": "Con đi học không còn lo nữa.",
                                "attribution": "Một phụ huynh",
                            },
                        ),
                    ]
                ),
                "related_links": inline_formset([]),
            }
        )
        response = self.client.post(
            f"/admin/pages/add/news/newspage/{self.section.pk}/", {**data, "action-publish": "1"}
        )
        if response.status_code != 302:
            self.fail(response.context["form"].errors.as_text())
        article = NewsPage.objects.get(title="Khánh thành cầu treo bản Nà Lầu")
        self.assertEqual(article.slug, "khanh-thanh-cau-treo-ban-na-lau")
        self.assertTrue(article.live and article.featured)
        self.assertEqual(article.published_at, article.first_published_at)
        self.assertEqual(
            sorted(t.name for t in article.tags.all()), ["giao thông", "nông thôn mới"]
        )
        self.assertEqual([b.block_type for b in article.body], ["heading", "paragraph", "quote"])

    def test_publishing_without_a_lead_is_refused(self):
        data = nested_form_data(
            {
                "title": "Bài thiếu sapo",
                "slug": "bai-thieu-sapo",
                "lead": "",
                "body": streamfield([]),
                "related_links": inline_formset([]),
            }
        )
        response = self.client.post(
            f"/admin/pages/add/news/newspage/{self.section.pk}/", {**data, "action-publish": "1"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Trường này là bắt buộc.", response.context["form"].errors["lead"])
        self.assertFalse(NewsPage.objects.filter(slug="bai-thieu-sapo", live=True).exists())
