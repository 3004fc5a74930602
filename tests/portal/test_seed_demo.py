"""manage.py seed_demo: a complete sample district, repeatable, never touching a real site."""

import io

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.models import Page, Site

from portal.models import HomePage, SiteSettings, StandardPage


def seed(*args):
    out = io.StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_seed_builds_a_browsable_district(client):
    seed()
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert (site.hostname, site.port) == ("127.0.0.1", 8000)
    unit = SiteSettings.for_site(site)
    assert unit.unit_name and unit.emblem and "hư cấu" in unit.site_notice
    titles = set(StandardPage.objects.live().values_list("title", flat=True))
    assert {"Giới thiệu", "Cơ cấu tổ chức", "Liên hệ"} <= titles
    for url in ("/", "/gioi-thieu/", "/co-cau-to-chuc/", "/lien-he/", "/gioi-thieu/lich-su/"):
        assert client.get(url, HTTP_HOST="127.0.0.1:8000").status_code == 200


@pytest.mark.django_db
def test_seed_is_idempotent():
    seed()
    counts = (Page.objects.count(), Site.objects.count(), get_user_model().objects.count())
    seed()
    assert (Page.objects.count(), Site.objects.count(), get_user_model().objects.count()) == counts


@pytest.mark.django_db
def test_if_empty_never_touches_an_existing_site():
    seed()
    # The district's own page (each commune site has a "Giới thiệu" too).
    home = HomePage.objects.get()
    StandardPage.objects.child_of(home).get(slug="gioi-thieu").delete()
    output = seed("--if-empty")
    assert "bỏ qua" in output
    assert not StandardPage.objects.child_of(home).filter(slug="gioi-thieu").exists()


@pytest.mark.django_db
def test_dev_account_is_printed_and_logs_in(client):
    output = seed()
    assert "admin / " in output
    password = output.split("admin / ")[1].split()[0]
    assert client.login(username="admin", password=password)
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_no_dev_account_where_settings_forbid_it(settings):
    settings.PORTAL_DEV_ACCOUNTS = False
    output = seed()
    assert not get_user_model().objects.exists()
    assert "admin / " not in output
