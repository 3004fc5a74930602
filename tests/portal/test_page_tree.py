"""Where each page type may live, checked with Wagtail's page test helpers."""

from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from communes.models import CommuneHomePage, CommuneIndexPage
from documents.models import DocumentIndexPage
from news.models import NewsIndexPage, RadioIndexPage
from portal.models import HomePage, StandardPage
from tests.factories import HomePageFactory, StandardPageFactory


class PageTreeRulesTests(WagtailPageTestCase):
    """The district tree: Root → HomePage → StandardPage (nestable)."""

    def test_home_page_sits_under_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_home_page_holds_information_pages(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {StandardPage, NewsIndexPage, RadioIndexPage, DocumentIndexPage, CommuneIndexPage},
        )

    def test_standard_pages_nest(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage, CommuneHomePage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_only_one_district_home(self):
        root = Page.get_first_root_node()
        self.assertTrue(HomePage.can_create_at(root))
        HomePageFactory(parent=root)
        self.assertFalse(HomePage.can_create_at(root))


class StandardPageEditorTests(WagtailPageTestCase):
    """An editor creates an information page through the admin form."""

    @classmethod
    def setUpTestData(cls):
        Site.objects.all().delete()
        cls.home = HomePageFactory(parent=Page.get_first_root_node())
        Site.objects.create(hostname="localhost", root_page=cls.home, is_default_site=True)

    def setUp(self):
        self.login()

    def test_create_standard_page_with_a_body(self):
        data = nested_form_data(
            {
                "title": "Chức năng, nhiệm vụ",
                "slug": "chuc-nang-nhiem-vu",
                "intro": "Chức năng của Ủy ban nhân dân huyện.",
                "body": streamfield(
                    [
                        ("heading", {"text": "Chức năng", "level": "h2"}),
                        ("paragraph", rich_text("<p>Quản lý nhà nước trên địa bàn.</p>")),
                    ]
                ),
            }
        )
        self.assertCanCreate(self.home, StandardPage, data)
        page = StandardPage.objects.get(slug="chuc-nang-nhiem-vu")
        self.assertEqual([block.block_type for block in page.body], ["heading", "paragraph"])

    def test_standard_page_renders(self):
        page = StandardPageFactory(parent=self.home, title="Liên hệ")
        self.assertPageIsRenderable(page)
