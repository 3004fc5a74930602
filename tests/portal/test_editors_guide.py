"""The editors' guide inside the admin, in place of Wagtail's English help links."""

import json

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from portal import editors_guide

GUIDE_URL = "/admin/huong-dan-bien-tap/"


@pytest.fixture
def editor(db):
    """Anyone allowed into the admin, with no other permission."""
    user = get_user_model().objects.create_user("bientap", password="mat-khau-thu")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def sidebar_menu(html):
    """The main menu's items as the sidebar receives them (JSON props in the page)."""
    start = html.index('id="wagtail-sidebar-props"')
    props = html[html.index(">", start) + 1 : html.index("</script>", start)]
    return json.dumps(json.loads(props), ensure_ascii=False)


def test_the_guide_is_rendered_from_the_repository_file(client, editor):
    client.force_login(editor)
    response = client.get(GUIDE_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h2>1. Giới thiệu: ai làm gì</h2>" in html
    assert "<table>" in html and "<th>Vai trò</th>" in html
    # Links to other Markdown files of the repository are reduced to their text.
    assert '.md"' not in html
    assert "Bảng thuật ngữ" in html


def test_raw_html_in_the_guide_is_not_rendered(tmp_path):
    guide = tmp_path / "huong-dan.md"
    guide.write_text("# Tiêu đề\n\n<script>alert(1)</script>\n", encoding="utf-8")
    html = editors_guide.guide_html(guide)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_visitors_without_admin_access_are_sent_to_log_in(client, db):
    response = client.get(GUIDE_URL)
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


def test_the_help_menu_and_dashboard_lead_to_our_guide_not_wagtails(client, editor):
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    menu = sidebar_menu(html)
    assert "Hướng dẫn biên tập" in menu and GUIDE_URL in menu
    assert "guide.wagtail.org" not in html
    assert "docs.wagtail.org" not in menu
    # The dashboard's account summary links to the guide too.
    assert f'href="{GUIDE_URL}"' in html
