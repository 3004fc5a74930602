"""The public chrome of every page: language, navigation, breadcrumbs, toolbar, footer."""

import re

import pytest

from wagtail.models import PageViewRestriction

from tests.factories import StandardPageFactory


@pytest.fixture
def about(district):
    about = StandardPageFactory(parent=district, title="Giới thiệu", slug="gioi-thieu")
    StandardPageFactory(parent=about, title="Lịch sử", slug="lich-su", show_in_menus=False)
    return about


def test_home_page_is_vietnamese_with_skip_link_and_toolbar(client, district):
    html = client.get("/").content.decode()
    assert '<html lang="vi">' in html
    assert 'href="#noi-dung"' in html and 'id="noi-dung"' in html
    for label in (">A-<", ">A<", ">A+<", "Tăng tương phản", "Giảm tương phản"):
        assert label in html
    assert html.count("aria-pressed=") == 3


def test_toolbar_state_is_applied_in_head_before_the_stylesheet(client, district):
    html = client.get("/").content.decode()
    head = html.split("</head>")[0]
    assert head.index("portal:text-size") < head.index("portal.css")


def test_menu_lists_live_pages_marked_for_menus(client, district, about):
    StandardPageFactory(parent=district, title="Ẩn khỏi menu", show_in_menus=False)
    draft = StandardPageFactory(parent=district, title="Bản nháp chưa đăng")
    draft.unpublish()
    nav = (
        client.get("/").content.decode().split('aria-label="Danh mục chính"')[1].split("</nav>")[0]
    )
    assert "Giới thiệu" in nav
    assert "Ẩn khỏi menu" not in nav
    assert "Bản nháp chưa đăng" not in nav


def test_menu_hides_private_pages(client, district):
    private = StandardPageFactory(parent=district, title="Trang nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    assert "Trang nội bộ" not in client.get("/").content.decode()


def test_breadcrumbs_lead_from_home_to_current_page(client, about):
    html = client.get("/gioi-thieu/lich-su/").content.decode()
    crumbs = html.split('aria-label="Đường dẫn"')[1].split("</nav>")[0]
    assert re.findall(r">([^<>]+)</a>", crumbs) == ["Trang chủ", "Giới thiệu"]
    assert '<span aria-current="page">Lịch sử</span>' in crumbs


def test_current_section_is_marked_in_the_menu(client, about):
    html = client.get("/gioi-thieu/lich-su/").content.decode()
    assert 'href="/gioi-thieu/" aria-current="true"' in html


def test_standard_page_lists_its_public_subpages(client, about):
    html = client.get("/gioi-thieu/").content.decode()
    assert "Trong mục này" in html and 'href="/gioi-thieu/lich-su/"' in html


def test_footer_shows_unit_contacts(client, district):
    html = client.get("/").content.decode()
    for text in ("Số 2 đường Kiểm Thử", 'href="tel:02001234567"', "Đường dây nóng", "thứ Hai"):
        assert text in html


def test_html_is_identical_for_every_anonymous_visitor(client, about):
    first = client.get("/gioi-thieu/")
    client.cookies.clear()
    second = client.get("/gioi-thieu/", HTTP_USER_AGENT="Mozilla/5.0 (Android)")
    assert first.content == second.content
    assert "Set-Cookie" not in first.headers


def test_draft_page_is_not_served(client, district):
    page = StandardPageFactory(parent=district, title="Chưa xuất bản", slug="chua-xuat-ban")
    page.unpublish()
    assert client.get("/chua-xuat-ban/").status_code == 404


def test_dates_use_dd_mm_yyyy():
    import datetime

    from django.template import Context, Template
    from django.utils import translation

    with translation.override("vi"):
        rendered = Template("{{ d|date }} {{ t|date:'SHORT_DATETIME_FORMAT' }}").render(
            Context({"d": datetime.date(2024, 3, 5), "t": datetime.datetime(2024, 3, 5, 8, 30)})
        )
    assert rendered == "05/03/2024 05/03/2024 08:30"
