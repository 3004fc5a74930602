"""One installation, several sites: the district and each commune at their own hostname.

Decisions tested here:
- a commune page is served at its own hostname and also under the district host at its
  path (/xa-thi-tran/<slug>/…); wherever it is served, its canonical URL (and the links
  of its own site's feed and sitemap) use the commune's hostname;
- each host has its own robots.txt pointing at its own sitemap;
- a commune host's sitemap and /rss/ hold only that commune's pages and articles;
- the district's sitemap and /rss/ cover the district's whole tree, as Wagtail's sitemap
  does: the communes' pages appear there at their district-host path (a sitemap may only
  list URLs of its own host), and those pages name the commune hostname as canonical.
"""

import re
import xml.etree.ElementTree as ET

import pytest

from wagtail.models import Site

from communes.models import CommuneHomePage, CommuneIndexPage
from communes.provisioning import create_commune
from news.models import NewsIndexPage
from portal.models import SiteSettings
from tests.factories import NewsIndexPageFactory, NewsPageFactory, StandardPageFactory

DISTRICT = "localhost"
KHE_MAY = "khemay.example.gov.vn"
PHUC_HOA = "phuchoa.example.gov.vn"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def tree(district):
    """The district with its news and a page, two communes with their own articles."""
    news = NewsIndexPageFactory(parent=district, title="Tin tức", slug="tin-tuc")
    district_article = NewsPageFactory(parent=news, title="Tin của huyện", slug="tin-huyen")
    StandardPageFactory(parent=district, title="Cơ cấu tổ chức", slug="co-cau-to-chuc")
    khe_may = create_commune("Xã Khe Mây", KHE_MAY)
    phuc_hoa = create_commune("Xã Phúc Hòa", PHUC_HOA)
    town = create_commune("Thị trấn Vân Sơn", "thitran.example.gov.vn")
    page = khe_may.page
    page.chairperson = "Lý Văn Sình"
    page.address = "Thôn Nà Khe, xã Khe Mây"
    page.phone = "0200 3820 115"
    page.email = "ubnd.khemay@example.gov.vn"
    page.population = 6350
    page.area_km2 = "74.20"
    page.save_revision().publish()
    settings = SiteSettings.for_site(khe_may.site)
    settings.address = "Thôn Nà Khe, xã Khe Mây"
    settings.save()
    khe_may_article = NewsPageFactory(
        parent=NewsIndexPage.objects.child_of(khe_may.page).get(),
        title="Chè xanh Khe Mây đạt OCOP",
        slug="che-xanh-khe-may",
    )
    phuc_hoa_article = NewsPageFactory(
        parent=NewsIndexPage.objects.child_of(phuc_hoa.page).get(),
        title="Phúc Hòa thu hoạch lúa vụ Mùa",
        slug="lua-vu-mua",
    )
    return {
        "district": district,
        "district_article": district_article,
        "khe_may": khe_may,
        "phuc_hoa": phuc_hoa,
        "town": town,
        "khe_may_article": khe_may_article,
        "phuc_hoa_article": phuc_hoa_article,
    }


def get(client, host, path):
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200, (host, path, response.status_code)
    return response


def html(client, host, path):
    return get(client, host, path).content.decode()


def canonical(page_html):
    match = re.search(r'<link rel="canonical" href="([^"]+)"', page_html)
    return match and match.group(1)


def menu_labels(page_html):
    nav = re.search(r"<nav[^>]*main-menu.*?</nav>", page_html, re.S) or re.search(
        r"<nav.*?</nav>", page_html, re.S
    )
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", nav.group(0)))


def sitemap_locations(client, host):
    root = ET.fromstring(get(client, host, "/sitemap.xml").content)
    return [loc.text for loc in root.iter(f"{SITEMAP}loc")]


def feed_links(client, host, path="/rss/"):
    root = ET.fromstring(get(client, host, path).content)
    return [item.findtext("link") for item in root.iter("item")]


# --- Each hostname serves its own home --------------------------------------------------


def test_each_hostname_serves_its_own_home(tree, client):
    district_home = get(client, DISTRICT, "/")
    assert district_home.context["page"].pk == tree["district"].pk
    khe_may_home = get(client, KHE_MAY, "/")
    assert khe_may_home.context["page"].pk == tree["khe_may"].page.pk
    phuc_hoa_home = get(client, PHUC_HOA, "/")
    assert phuc_hoa_home.context["page"].pk == tree["phuc_hoa"].page.pk
    assert canonical(khe_may_home.content.decode()) == f"http://{KHE_MAY}/"


def test_the_commune_home_lists_its_own_news_only(tree, client):
    page = html(client, KHE_MAY, "/")
    assert "Chè xanh Khe Mây đạt OCOP" in page
    assert "Phúc Hòa thu hoạch lúa vụ Mùa" not in page
    assert "Tin của huyện" not in page


def test_commune_menu_comes_from_its_own_tree(tree, client):
    menu = menu_labels(html(client, KHE_MAY, "/"))
    for label in ("Tin tức", "Văn bản", "Giới thiệu", "Liên hệ"):
        assert label in menu
    assert "Cơ cấu tổ chức" not in menu
    assert "Xã, thị trấn" not in menu
    district_menu = menu_labels(html(client, DISTRICT, "/"))
    assert "Cơ cấu tổ chức" in district_menu and "Xã, thị trấn" in district_menu


def test_commune_header_and_footer_use_its_own_settings(tree, client):
    page = html(client, KHE_MAY, "/tin-tuc/")
    assert "Ủy ban nhân dân xã Khe Mây" in page
    assert "Thôn Nà Khe, xã Khe Mây" in page
    assert "Ủy ban nhân dân huyện Thử Nghiệm" not in page
    assert "<title>Tin tức – Ủy ban nhân dân xã Khe Mây</title>" in page
    district = html(client, DISTRICT, "/")
    assert "Ủy ban nhân dân huyện Thử Nghiệm" in district
    assert "Ủy ban nhân dân xã Khe Mây" not in district


def test_commune_pages_are_served_at_its_hostname(tree, client):
    for path in ("/tin-tuc/", "/tin-tuc/che-xanh-khe-may/", "/van-ban/", "/gioi-thieu/"):
        get(client, KHE_MAY, path)
    # Another commune's article is not part of this site.
    assert client.get("/tin-tuc/lua-vu-mua/", HTTP_HOST=KHE_MAY).status_code == 404
    assert client.get("/co-cau-to-chuc/", HTTP_HOST=KHE_MAY).status_code == 404


def test_an_unknown_hostname_falls_back_to_the_district(tree, client):
    assert get(client, "unknown.example.gov.vn", "/").context["page"].pk == tree["district"].pk


# --- Path access under the district host ------------------------------------------------


def test_communes_are_reachable_under_the_district_host(tree, client):
    home = get(client, DISTRICT, "/xa-thi-tran/khe-may/")
    assert home.context["page"].pk == tree["khe_may"].page.pk
    article = get(client, DISTRICT, "/xa-thi-tran/khe-may/tin-tuc/che-xanh-khe-may/")
    assert article.context["page"].pk == tree["khe_may_article"].pk
    for path in ("/xa-thi-tran/khe-may/tin-tuc/", "/xa-thi-tran/khe-may/lien-he/"):
        get(client, DISTRICT, path)
    get(client, DISTRICT, "/xa-thi-tran/van-son/")


# --- Canonical URLs ----------------------------------------------------------------------


def test_commune_pages_are_canonical_at_the_commune_hostname(tree, client):
    expected = f"http://{KHE_MAY}/tin-tuc/che-xanh-khe-may/"
    assert tree["khe_may_article"].full_url == expected
    at_own_host = html(client, KHE_MAY, "/tin-tuc/che-xanh-khe-may/")
    under_district = html(client, DISTRICT, "/xa-thi-tran/khe-may/tin-tuc/che-xanh-khe-may/")
    assert canonical(at_own_host) == expected
    assert canonical(under_district) == expected
    assert f'<meta property="og:url" content="{expected}">' in under_district
    assert canonical(html(client, DISTRICT, "/xa-thi-tran/khe-may/")) == f"http://{KHE_MAY}/"
    assert tree["khe_may"].page.site_url == f"http://{KHE_MAY}"


def test_district_pages_stay_canonical_at_the_district(tree, client):
    assert canonical(html(client, DISTRICT, "/tin-tuc/tin-huyen/")) == (
        f"http://{DISTRICT}/tin-tuc/tin-huyen/"
    )


# --- Sitemaps, feeds, robots.txt ---------------------------------------------------------


def test_commune_sitemap_lists_only_its_pages_at_its_hostname(tree, client):
    locations = sitemap_locations(client, KHE_MAY)
    assert set(locations) == {
        f"http://{KHE_MAY}/",
        f"http://{KHE_MAY}/tin-tuc/",
        f"http://{KHE_MAY}/tin-tuc/che-xanh-khe-may/",
        f"http://{KHE_MAY}/van-ban/",
        f"http://{KHE_MAY}/gioi-thieu/",
        f"http://{KHE_MAY}/lien-he/",
    }


def test_district_sitemap_covers_its_tree_on_its_own_host(tree, client):
    locations = sitemap_locations(client, DISTRICT)
    # Only URLs of its own host, as the sitemap protocol requires.
    assert all(location.startswith(f"http://{DISTRICT}/") for location in locations)
    assert f"http://{DISTRICT}/tin-tuc/tin-huyen/" in locations
    assert f"http://{DISTRICT}/xa-thi-tran/" in locations
    # Like Wagtail's sitemap, the communes' pages are there at their district path…
    assert f"http://{DISTRICT}/xa-thi-tran/khe-may/tin-tuc/che-xanh-khe-may/" in locations
    # …while each commune's own sitemap lists them at its canonical hostname.
    assert f"http://{KHE_MAY}/tin-tuc/che-xanh-khe-may/" in sitemap_locations(client, KHE_MAY)


def test_commune_feed_holds_only_its_articles_at_its_hostname(tree, client):
    assert feed_links(client, KHE_MAY) == [f"http://{KHE_MAY}/tin-tuc/che-xanh-khe-may/"]
    assert feed_links(client, PHUC_HOA) == [f"http://{PHUC_HOA}/tin-tuc/lua-vu-mua/"]
    assert feed_links(client, KHE_MAY, "/tin-tuc/rss/") == [
        f"http://{KHE_MAY}/tin-tuc/che-xanh-khe-may/"
    ]
    channel = ET.fromstring(get(client, KHE_MAY, "/rss/").content).find("channel")
    assert channel.findtext("title") == "Xã Khe Mây"
    assert channel.findtext("link") == f"http://{KHE_MAY}/"


def test_district_feed_covers_its_whole_tree_on_its_own_host(tree, client):
    links = feed_links(client, DISTRICT)
    assert f"http://{DISTRICT}/tin-tuc/tin-huyen/" in links
    assert f"http://{DISTRICT}/xa-thi-tran/khe-may/tin-tuc/che-xanh-khe-may/" in links
    assert all(link.startswith(f"http://{DISTRICT}/") for link in links)
    # The district's own sections' feeds hold no commune article.
    assert feed_links(client, DISTRICT, "/tin-tuc/rss/") == [
        f"http://{DISTRICT}/tin-tuc/tin-huyen/"
    ]


@pytest.mark.parametrize("host", [DISTRICT, KHE_MAY, PHUC_HOA])
def test_robots_txt_points_at_the_hosts_own_sitemap(tree, client, host):
    response = get(client, host, "/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert f"Sitemap: http://{host}/sitemap.xml" in text
    assert "Disallow: /admin/" in text


# --- The directory ------------------------------------------------------------------------


def test_directory_lists_every_commune_with_its_details_and_site(tree, client):
    page = html(client, DISTRICT, "/xa-thi-tran/")
    directory = CommuneIndexPage.objects.get()
    assert canonical(page) is None or canonical(page).startswith(f"http://{DISTRICT}/")
    for commune in CommuneHomePage.objects.child_of(directory):
        assert commune.title in page
        site = Site.objects.get(root_page=commune)
        assert f'href="{site.root_url}/"' in page
    assert page.count("<dt>Loại</dt><dd>Xã</dd>") == 2
    assert page.count("<dt>Loại</dt><dd>Thị trấn</dd>") == 1
    for text in (
        "<dd>Lý Văn Sình</dd>",
        "Thôn Nà Khe, xã Khe Mây",
        'href="tel:02003820115"',
        'href="mailto:ubnd.khemay@example.gov.vn"',
        "74,20 km²",
    ):
        assert text in page, text
    assert re.search(r"<dt>Dân số</dt><dd>6\.?350 người</dd>", page)
    # Towns first, then communes, alphabetically.
    order = [page.index(name) for name in ("Thị trấn Vân Sơn", "Xã Khe Mây", "Xã Phúc Hòa")]
    assert order == sorted(order)


def test_directory_leaves_out_unpublished_communes(tree, client):
    tree["phuc_hoa"].page.unpublish()
    page = html(client, DISTRICT, "/xa-thi-tran/")
    assert "Xã Khe Mây" in page and "Xã Phúc Hòa" not in page
