"""Where news pages may live."""

from wagtail.test.utils import WagtailPageTestCase

from news.models import NewsIndexPage, NewsPage
from portal.models import HomePage


class NewsTreeRulesTests(WagtailPageTestCase):
    def test_sections_nest_under_home_and_each_other(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage, NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsIndexPage, NewsPage})

    def test_articles_live_in_sections_and_have_no_children(self):
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())
        self.assertCanNotCreateAt(HomePage, NewsPage)
