"""Fixtures shared by every test: a district with its Site and settings."""

from pathlib import Path

import pytest

from django.conf import settings

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site

from tests.factories import HomePageFactory, SiteSettingsFactory


def pytest_sessionfinish(session, exitstatus):
    """Removes the SQLite test database's WAL files, which Django's teardown leaves."""
    name = settings.DATABASES["default"].get("TEST", {}).get("NAME")
    if name:
        for suffix in ("-wal", "-shm"):
            Path(f"{name}{suffix}").unlink(missing_ok=True)


def ensure_wagtail_roots():
    """The rows Wagtail's data migrations create: a transactional test's flush removes them."""
    locale, _ = Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    if not Page.get_first_root_node():
        Page.add_root(instance=Page(title="Gốc", slug="root", locale=locale))
    if not Collection.get_first_root_node():
        Collection.add_root(name="Gốc")


@pytest.fixture
def district_site(db):
    """The default Site, rooted at a district home page, with its settings.

    Wagtail's first migration leaves a placeholder page and Site; the district replaces
    them as a real installation does.
    """
    ensure_wagtail_roots()
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
