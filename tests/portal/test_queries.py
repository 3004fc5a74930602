"""Each page type runs a bounded number of SQL queries, whatever the size of the site."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import StandardPageFactory

HOME_PAGE_MAX_QUERIES = 14
STANDARD_PAGE_MAX_QUERIES = 14


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def grow_site(parent, count):
    """Adds sections, each with a child, so menus, breadcrumbs and subpage lists all grow."""
    for _ in range(count):
        section = StandardPageFactory(parent=parent)
        StandardPageFactory(parent=section)


@pytest.mark.parametrize(
    ("url", "bound"),
    [("/", HOME_PAGE_MAX_QUERIES), ("/gioi-thieu/", STANDARD_PAGE_MAX_QUERIES)],
)
def test_query_count_does_not_grow_with_the_site(client, district, url, bound):
    about = StandardPageFactory(parent=district, title="Giới thiệu", slug="gioi-thieu")
    grow_site(district, 2)
    grow_site(about, 2)
    count_queries(client, url)  # warm Wagtail's per-process caches (site root paths)
    small = count_queries(client, url)

    grow_site(district, 15)
    grow_site(about, 15)
    large = count_queries(client, url)

    assert small == large
    assert large <= bound
