"""Fixtures shared by every test: a district with its Site and settings."""

import pytest

from wagtail.models import Page, Site

from tests.factories import HomePageFactory, SiteSettingsFactory


@pytest.fixture
def district_site(db):
    """The default Site, rooted at a district home page, with its settings.

    Wagtail's first migration leaves a placeholder page and Site; the district replaces
    them as a real installation does.
    """
    Site.objects.all().delete()
    Page.objects.filter(depth=2).delete()
    home = HomePageFactory(title="Cổng thông tin huyện Thử Nghiệm", slug="huyen-thu-nghiem")
    site = Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Huyện"
    )
    SiteSettingsFactory(site=site)
    return site


@pytest.fixture
def district(district_site):
    """The district home page."""
    return district_site.root_page.specific
