"""An editor types a Vietnamese title in the admin and gets an ASCII slug."""

import pytest
from playwright.sync_api import expect

from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db(transaction=True)


def test_slug_follows_the_title_with_vietnamese_folding(live_server, page, district):
    get_user_model().objects.create_superuser("bientap", "bt@example.gov.vn", "mat-khau-thu")
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", "bientap")
    page.fill("input[name=password]", "mat-khau-thu")
    page.locator("button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/admin/")

    page.goto(f"{live_server.url}/admin/pages/add/portal/standardpage/{district.pk}/")
    page.locator("#id_title").click()
    page.keyboard.type("Họp Ban biên tập quý I – Đường thôn Đắk")
    expect(page.locator("#id_slug")).to_have_value("hop-ban-bien-tap-quy-i-duong-thon-dak")
