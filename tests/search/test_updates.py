"""The index follows the site without anyone running a command: publish, new revisions,
slug changes, moves between Sites, new Sites, scheduled publishing; and it is written only
when the transaction commits."""

import datetime

import pytest

from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from wagtail.models import Page, Site

from news.models import NewsIndexPage, NewsPage
from tests.search import (  # noqa: F401 - fixtures
    add,
    article,
    clear_index,
    commit_fixture,
    indexed_ids,
    publish,
    search,
    search_index_fixture,
    sections_fixture,
    titles,
)


def test_publishing_indexes_at_once(client, search_index, sections, commit):
    assert titles(search(client, "le hoi long tong")) == []
    with commit():
        article(sections["news"], "Khai mạc Lễ hội Lồng Tồng")
    assert titles(search(client, "le hoi long tong")) == ["Khai mạc Lễ hội Lồng Tồng"]


def test_a_new_revision_replaces_the_old_text(client, search_index, sections, commit):
    with commit():
        page = article(sections["news"], "Lịch cắt điện tuần này")
        page.title = "Lịch cắt điện đã thay đổi"
        page.lead = "Điện lực huyện thông báo lịch mới."
        publish(page)
    assert titles(search(client, "lich cat dien")) == ["Lịch cắt điện đã thay đổi"]
    assert titles(search(client, "tuan nay")) == []
    assert titles(search(client, "dien luc huyen")) == ["Lịch cắt điện đã thay đổi"]


def test_nothing_is_written_before_the_commit(client, search_index, sections):
    """Inside the transaction (the test's own), the index has not changed yet."""
    article(sections["news"], "Tin chưa được ghi")
    assert titles(search(client, "tin chua duoc ghi")) == []


def test_a_rolled_back_publish_changes_nothing(client, search_index, sections, commit):
    with commit():
        with pytest.raises(RuntimeError), transaction.atomic():
            article(sections["news"], "Tin bị hủy giữa chừng")
            raise RuntimeError
        article(sections["news"], "Tin đăng sau đó")
    assert titles(search(client, "tin bi huy")) == []
    assert titles(search(client, "tin dang sau do")) == ["Tin đăng sau đó"]


def test_a_section_slug_change_updates_its_pages_addresses(client, search_index, sections, commit):
    with commit():
        section = add(sections["news"], NewsIndexPage(title="Kinh tế", slug="kinh-te"))
        article(section, "Giá lúa tăng")
    (result,) = search(client, "gia lua").context["results"]
    assert result["url"] == "/tin-tuc/kinh-te/gia-lua-tang/"
    with commit():
        section.slug = "kinh-te-nong-nghiep"
        publish(section)
    (result,) = search(client, "gia lua").context["results"]
    assert result["url"] == "/tin-tuc/kinh-te-nong-nghiep/gia-lua-tang/"


def test_moving_to_a_commune_changes_the_site(client, search_index, sections, commit):
    from communes.provisioning import create_commune

    with commit():
        commune = create_commune("Xã Khe Mây", "khemay.example.gov.vn")
        page = article(sections["news"], "Chè Khe Mây đạt chuẩn OCOP")
    assert titles(search(client, "che khe may", host="khemay.example.gov.vn")) == []
    commune_news = NewsIndexPage.objects.child_of(commune.page).get()
    with commit():
        Page.objects.get(pk=page.pk).move(commune_news, pos="last-child")
    response = search(client, "che khe may", host="khemay.example.gov.vn")
    assert titles(response) == ["Chè Khe Mây đạt chuẩn OCOP"]
    assert response.context["results"][0]["url"] == "/tin-tuc/che-khe-may-dat-chuan-ocop/"


def test_a_new_site_claims_its_pages(client, search_index, sections, commit):
    with commit():
        section = add(sections["news"], NewsIndexPage(title="Thị trấn", slug="thi-tran"))
        article(section, "Chợ phiên thị trấn")
    assert titles(search(client, "cho phien", host="thitran.example.gov.vn")) == [
        "Chợ phiên thị trấn"
    ]  # an unknown host is served by the default Site
    with commit():
        Site.objects.create(hostname="thitran.example.gov.vn", port=80, root_page=section)
    response = search(client, "cho phien", host="thitran.example.gov.vn")
    assert titles(response) == ["Chợ phiên thị trấn"]
    assert response.context["results"][0]["url"] == "/cho-phien-thi-tran/"
    district = search(client, "cho phien", pham_vi="huyen")
    assert titles(district) == []


def test_scheduled_publishing_indexes_when_it_goes_live(client, search_index, sections, commit):
    with commit():
        page = NewsPage(title="Tin hẹn giờ đăng", lead="Đăng tự động.", live=False)
        sections["news"].add_child(instance=page)
        page.go_live_at = timezone.now() + datetime.timedelta(minutes=5)
        page.save_revision().publish()
    assert titles(search(client, "tin hen gio")) == []
    later = timezone.now() + datetime.timedelta(minutes=10)
    from unittest import mock

    with mock.patch("django.utils.timezone.now", return_value=later), commit():
        call_command("publish_scheduled", verbosity=0)
    assert NewsPage.objects.get(pk=page.pk).live
    assert titles(search(client, "tin hen gio")) == ["Tin hẹn giờ đăng"]


def test_rebuild_index_command(client, search_index, sections, commit):
    with commit():
        article(sections["news"], "Tin được dựng lại")
    clear_index()
    assert titles(search(client, "duoc dung lai")) == []
    call_command("rebuild_index", interactive=False, verbosity=0)
    assert titles(search(client, "duoc dung lai")) == ["Tin được dựng lại"]


@pytest.mark.django_db(transaction=True)
def test_real_commits_update_the_index(client, district, search_index):
    """End to end, with real transactions: what a publish from the admin does."""
    news = add(district, NewsIndexPage(title="Tin tức", slug="tin-tuc"))
    page = article(news, "Tin thật sự đã lưu")
    assert titles(search(client, "that su da luu")) == ["Tin thật sự đã lưu"]
    page.unpublish()
    assert titles(search(client, "that su da luu")) == []
    publish(page)
    Page.objects.get(pk=page.pk).delete()
    assert titles(search(client, "that su da luu")) == []
    assert not any(i.endswith(f".{page.pk}") for i in indexed_ids())


def test_segments_stay_few(search_index, sections, commit):
    """Each publish writes a segment; the backend merges the smallest beyond four."""
    from portal.search.backend import MAX_SEGMENTS

    for n in range(8):
        with commit():
            article(sections["news"], f"Tin phân đoạn số {n}")
    search_index.index = search_index.index.refresh()
    assert len(search_index.index._segments()) <= MAX_SEGMENTS
    assert sum(1 for i in indexed_ids() if i.startswith("news.newspage.")) == 8
