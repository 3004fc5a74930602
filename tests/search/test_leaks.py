"""Nothing a citizen may not see is ever found: drafts, unpublished, private, secret,
expired or deleted pages, whether the index was fed by signals or rebuilt by command."""

import datetime

import pytest

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction

from documents.models import LegalDocumentPage
from documents.security import SecurityLevel
from news.models import NewsIndexPage, NewsPage
from tests.search import (  # noqa: F401 - fixtures
    add,
    article,
    commit_fixture,
    document,
    indexed_ids,
    search,
    search_index_fixture,
    sections_fixture,
    titles,
)


def found(client, query):
    return titles(search(client, query))


def rebuild():
    call_command("rebuild_index", interactive=False, verbosity=0)


def test_a_draft_edit_of_a_live_page_never_shows(client, search_index, sections, commit):
    with commit():
        page = article(sections["news"], "Lịch tiếp dân tháng Năm", lead="Lịch tiếp công dân.")
        draft = NewsPage.objects.get(pk=page.pk)
        draft.title = "Dự thảo nội bộ chưa duyệt"
        draft.lead = "Phương án nhân sự chưa công bố."
        draft.save_revision()
        # A draft submitted for approval is still a draft.
        draft.save_revision(clean=False)
    assert found(client, "du thao noi bo") == []
    assert found(client, "phuong an nhan su") == []
    assert found(client, "lich tiep dan") == ["Lịch tiếp dân tháng Năm"]
    rebuild()
    assert found(client, "du thao noi bo") == []
    assert found(client, "lich tiep dan") == ["Lịch tiếp dân tháng Năm"]
    with commit():
        NewsPage.objects.get(pk=page.pk).get_latest_revision().publish()
    assert found(client, "du thao noi bo") == ["Dự thảo nội bộ chưa duyệt"]
    assert found(client, "lich tiep dan") == []


def test_never_published_pages_are_absent(client, search_index, sections, commit):
    with commit():
        draft = NewsPage(title="Bài nháp chưa đăng", lead="Nháp.", live=False)
        sections["news"].add_child(instance=draft)
        draft.save_revision()
    assert found(client, "bai nhap chua dang") == []
    rebuild()
    assert found(client, "bai nhap chua dang") == []


def test_unpublished_pages_leave(client, search_index, sections, commit):
    with commit():
        page = article(sections["news"], "Thông báo tuyển dụng viên chức")
    assert found(client, "tuyen dung vien chuc") == ["Thông báo tuyển dụng viên chức"]
    with commit():
        page.unpublish()
    assert found(client, "tuyen dung vien chuc") == []
    assert f"news.newspage.{page.pk}" not in indexed_ids()
    rebuild()
    assert found(client, "tuyen dung vien chuc") == []


@pytest.mark.parametrize(
    "restriction",
    [
        {"restriction_type": PageViewRestriction.PASSWORD, "password": "matkhau"},
        {"restriction_type": PageViewRestriction.LOGIN},
        {"restriction_type": PageViewRestriction.GROUPS},
    ],
)
def test_private_sections_leave_and_come_back(client, search_index, sections, commit, restriction):
    with commit():
        internal = add(sections["news"], NewsIndexPage(title="Nội bộ", slug="noi-bo"))
        page = article(internal, "Kế hoạch kiểm tra nội bộ")
        public = article(sections["news"], "Kế hoạch kiểm tra công khai")
    assert len(found(client, "ke hoach kiem tra")) == 2
    with commit():
        lock = PageViewRestriction.objects.create(page=internal, **restriction)
        if restriction["restriction_type"] == PageViewRestriction.GROUPS:
            lock.groups.add(Group.objects.get_or_create(name="Cán bộ")[0])
    assert found(client, "ke hoach kiem tra") == [public.title]
    assert f"news.newspage.{page.pk}" not in indexed_ids()
    # Publishing under a restricted section never indexes.
    with commit():
        article(internal, "Kế hoạch kiểm tra bổ sung")
    assert found(client, "ke hoach kiem tra") == [public.title]
    rebuild()
    assert found(client, "ke hoach kiem tra") == [public.title]
    with commit():
        lock.delete()
    assert len(found(client, "ke hoach kiem tra")) == 3


def test_secret_documents_are_never_found(client, search_index, sections, commit):
    with commit():
        secret = LegalDocumentPage(
            title="Kế hoạch phòng thủ khu vực",
            number="9/2024/KH-UBND",
            summary="Nội dung mật.",
            issued_on=datetime.date(2024, 5, 1),
            security_level=SecurityLevel.SECRET,
            live=False,
            **_terms(),
        )
        sections["register"].add_child(instance=secret)
        secret.save_revision()
        public = document(sections["register"], "10/2024/KH-UBND", "Kế hoạch phòng cháy")
        # A draft marking a public document secret changes nothing public.
        draft = LegalDocumentPage.objects.get(pk=public.pk)
        draft.security_level = SecurityLevel.TOP_SECRET
        draft.summary = "Bổ sung nội dung tuyệt mật."
        draft.save_revision()
    for query in ("phong thu khu vuc", "9/2024/KH-UBND", "9 2024 kh ubnd", "noi dung mat"):
        assert found(client, query) == []
    assert found(client, "tuyet mat") == []
    assert found(client, "ke hoach phong") == ["Kế hoạch phòng cháy"]
    rebuild()
    assert found(client, "phong thu khu vuc") == []
    assert f"documents.legaldocumentpage.{secret.pk}" not in indexed_ids()


def test_the_rule_excludes_secret_rows_even_if_live(search_index, sections):
    """Should a secret document ever be live (a raw database change), the rule says no."""
    from portal.search.indexing import indexable, is_indexable

    page = document(sections["register"], "11/2024/QĐ-UBND", "Quyết định thường")
    LegalDocumentPage.objects.filter(pk=page.pk).update(security_level=SecurityLevel.SECRET)
    assert not indexable(LegalDocumentPage.objects.filter(pk=page.pk)).exists()
    assert not is_indexable(LegalDocumentPage.objects.get(pk=page.pk))


def test_expired_pages_leave_at_their_expiry(client, search_index, sections, commit, monkeypatch):
    expiry = timezone.now() + datetime.timedelta(hours=1)
    with commit():
        page = NewsPage(title="Thông báo có thời hạn", lead="Hết hạn sau một giờ.", live=False)
        sections["news"].add_child(instance=page)
        page.expire_at = expiry
        page.save_revision().publish()
    assert found(client, "thong bao co thoi han") == ["Thông báo có thời hạn"]
    later = expiry + datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    # Past its expiry the page is not found, before the scheduler has even run…
    assert found(client, "thong bao co thoi han") == []
    assert f"news.newspage.{page.pk}" in indexed_ids()
    # …and when it runs (`make run` starts it) Wagtail unpublishes the page, with
    # page_unpublished, and the entry goes.
    with commit():
        call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert not page.live and page.expired
    assert f"news.newspage.{page.pk}" not in indexed_ids()


def test_already_expired_pages_are_not_indexed(client, search_index, sections):
    page = article(sections["news"], "Tin đã hết hạn")
    Page.objects.filter(pk=page.pk).update(expire_at=timezone.now() - datetime.timedelta(days=1))
    rebuild()
    assert f"news.newspage.{page.pk}" not in indexed_ids()


def test_deleted_pages_and_subtrees_leave(client, search_index, sections, commit):
    with commit():
        single = article(sections["news"], "Tin sẽ bị xóa")
        section = add(sections["news"], NewsIndexPage(title="Chuyên mục cũ", slug="cu"))
        olds = [article(section, f"Tin chuyên mục cũ số {n}") for n in range(3)]
    assert len(found(client, "tin chuyen muc cu")) == 3
    with commit():
        single.delete()
        section.delete()
    assert found(client, "tin se bi xoa") == []
    assert found(client, "tin chuyen muc cu") == []
    ids = indexed_ids()
    assert not {f"news.newspage.{page.pk}" for page in [single, *olds]} & ids


def test_moving_under_a_private_section(client, search_index, sections, commit):
    with commit():
        internal = add(sections["news"], NewsIndexPage(title="Nội bộ", slug="noi-bo"))
        PageViewRestriction.objects.create(
            page=internal, restriction_type=PageViewRestriction.LOGIN
        )
        page = article(sections["news"], "Báo cáo tài chính quý")
    assert found(client, "bao cao tai chinh") == ["Báo cáo tài chính quý"]
    with commit():
        Page.objects.get(pk=page.pk).move(internal, pos="last-child")
    assert found(client, "bao cao tai chinh") == []
    with commit():
        Page.objects.get(pk=page.pk).move(sections["news"], pos="last-child")
    (result,) = search(client, "bao cao tai chinh").context["results"]
    assert result["url"].startswith("/tin-tuc/")


def test_stale_entries_are_hidden_and_repaired(client, search_index, sections, commit):
    """Should the index miss a change (a raw database update, a search server down during
    an unpublish), the view still shows nothing that is not public, and repairs it."""
    with commit():
        page = article(sections["news"], "Tin gỡ bằng tay")
    NewsPage.objects.filter(pk=page.pk).update(live=False)
    assert f"news.newspage.{page.pk}" in indexed_ids()
    with commit():  # the request's own commit
        assert found(client, "tin go bang tay") == []
    assert f"news.newspage.{page.pk}" not in indexed_ids()


def test_rebuild_indexes_exactly_the_public_live_pages(client, search_index, sections, commit):
    with commit():
        kept = article(sections["news"], "Tin công khai")
        gone = article(sections["news"], "Tin đã gỡ")
        gone.unpublish()
        draft = NewsPage(title="Tin nháp", lead="Nháp.", live=False)
        sections["news"].add_child(instance=draft)
    rebuild()
    news_ids = {i for i in indexed_ids() if i.startswith("news.newspage.")}
    assert news_ids == {f"news.newspage.{kept.pk}"}


def _terms():
    from tests.factories import DocumentTypeFactory, IssuingBodyFactory

    return {"document_type": DocumentTypeFactory(), "issuing_body": IssuingBodyFactory()}
