"""Whole pages are cached for anonymous visitors and invalidated by publishing."""

import pytest

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

from tests.factories import StandardPageFactory


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    cache.clear()


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


def test_second_anonymous_request_is_served_without_queries(client, district):
    StandardPageFactory(parent=district, slug="gioi-thieu")
    first_count, first = queries_for(client, "/gioi-thieu/")
    second_count, second = queries_for(client, "/gioi-thieu/")
    assert first_count > 0 and second_count == 0
    assert first.content == second.content


def test_publishing_invalidates_cached_pages(client, district):
    page = StandardPageFactory(parent=district, slug="gioi-thieu", title="Tiêu đề cũ")
    assert "Tiêu đề cũ" in client.get("/").content.decode()
    page.title = "Tiêu đề mới"
    page.save_revision().publish()
    assert "Tiêu đề mới" in client.get("/").content.decode()
    assert "Tiêu đề mới" in client.get("/gioi-thieu/").content.decode()


def test_unpublishing_removes_the_page_at_once(client, district):
    page = StandardPageFactory(parent=district, slug="gioi-thieu")
    assert client.get("/gioi-thieu/").status_code == 200
    page.unpublish()
    assert client.get("/gioi-thieu/").status_code == 404


def test_restricting_a_page_is_not_defeated_by_the_cache(client, district):
    page = StandardPageFactory(parent=district, slug="noi-bo")
    assert client.get("/noi-bo/").status_code == 200
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert client.get("/noi-bo/").status_code == 302


def test_restricted_pages_are_never_stored(client, admin_user, district):
    page = StandardPageFactory(parent=district, slug="noi-bo", title="Nội dung nội bộ")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    client.force_login(admin_user)
    assert client.get("/noi-bo/").status_code == 200
    client.logout()
    client.cookies.clear()
    assert client.get("/noi-bo/").status_code == 302


def test_logged_in_staff_bypass_the_cache(client, admin_user, district):
    StandardPageFactory(parent=district, slug="gioi-thieu")
    client.get("/gioi-thieu/")
    client.force_login(admin_user)
    count, _ = queries_for(client, "/gioi-thieu/")
    assert count > 0


def test_cached_pages_turn_over_at_local_midnight(client, district):
    import datetime
    from unittest import mock

    StandardPageFactory(parent=district, slug="gioi-thieu")
    with mock.patch("django.utils.timezone.localdate", return_value=datetime.date(2025, 1, 1)):
        client.get("/gioi-thieu/")
        assert queries_for(client, "/gioi-thieu/")[0] == 0
    with mock.patch("django.utils.timezone.localdate", return_value=datetime.date(2025, 1, 2)):
        assert queries_for(client, "/gioi-thieu/")[0] > 0
