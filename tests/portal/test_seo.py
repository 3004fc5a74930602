"""sitemap.xml per Site and robots.txt pointing to it."""

import xml.etree.ElementTree as ET

import pytest

from wagtail.models import PageViewRestriction

from tests.factories import HomePageFactory, SiteFactory, StandardPageFactory

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_locations(client, host="localhost"):
    response = client.get("/sitemap.xml", HTTP_HOST=host)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return [loc.text for loc in ET.fromstring(response.content).findall(".//sm:loc", NS)]


def test_sitemap_lists_live_public_pages_only(client, district):
    StandardPageFactory(parent=district, slug="gioi-thieu")
    StandardPageFactory(parent=district, slug="ban-nhap").unpublish()
    private = StandardPageFactory(parent=district, slug="noi-bo")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    assert sitemap_locations(client) == ["http://localhost/", "http://localhost/gioi-thieu/"]


def test_each_site_has_its_own_sitemap(client, district):
    StandardPageFactory(parent=district, slug="gioi-thieu")
    other_home = HomePageFactory.build(title="Trang khác", slug="trang-khac")
    # A second tree (a stand-in for a commune until communes exist) under the root.
    from wagtail.models import Page

    Page.get_first_root_node().add_child(instance=other_home)
    StandardPageFactory(parent=other_home, slug="lien-he")
    SiteFactory(hostname="xa.example.gov.vn", root_page=other_home)

    other = sitemap_locations(client, host="xa.example.gov.vn")
    assert other == ["http://xa.example.gov.vn/", "http://xa.example.gov.vn/lien-he/"]
    assert "http://localhost/lien-he/" not in sitemap_locations(client)


@pytest.mark.parametrize("host", ["localhost", "xa.example.gov.vn"])
def test_robots_txt_points_to_the_hosts_sitemap(client, district, host):
    response = client.get("/robots.txt", HTTP_HOST=host)
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    body = response.content.decode()
    assert f"Sitemap: http://{host}/sitemap.xml" in body
    assert "Disallow: /admin/" in body
