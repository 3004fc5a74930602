"""Commune news on the district: "Đề xuất lên huyện", the district board's decision and
the "Tin cơ sở" list on the district home and news pages.

Decisions tested here:
- a proposal waits for the district's Ban biên tập; only approved, live, public commune
  articles are listed, newest first, linking to the commune's hostname (one article,
  never a copy);
- the decision is kept apart from the page, so the commune republishing its article (even
  a revision saved before the decision) keeps it;
- only the district's board (and superusers) may decide; every decision is audited.
"""

import datetime

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageLogEntry, PageViewRestriction

from communes.provisioning import create_commune
from communes.syndication_views import APPROVE_ACTION, REJECT_ACTION, decide
from news.models import NewsPage
from news.models.articles import DistrictProposal
from news.syndication import grassroots, pending_proposals
from portal.editorial import BOARD, EDITOR, HEAD, group_name, provision_unit
from tests.factories import ImageFactory, NewsIndexPageFactory, NewsPageFactory

DISTRICT_UNIT = "Huyện Thử Nghiệm"
KHE_MAY = "khemay.example.gov.vn"
PHUC_HOA = "phuchoa.example.gov.vn"
PROPOSALS_URL = "/admin/tin-co-so/"
ICT = datetime.timezone(datetime.timedelta(hours=7))


@pytest.fixture
def units(district):
    """The district (with its roles and "Tin tức") and two communes."""
    provision_unit(DISTRICT_UNIT, district)
    NewsIndexPageFactory(parent=district, title="Tin tức", slug="tin-tuc")
    khe_may = create_commune("Xã Khe Mây", KHE_MAY).page
    phuc_hoa = create_commune("Thị trấn Phúc Hòa", PHUC_HOA).page
    return {"district": district, "khe_may": khe_may, "phuc_hoa": phuc_hoa}


def member(username, unit_name, role):
    user = get_user_model().objects.create_user(username, f"{username}@example.gov.vn", "x")
    user.groups.add(Group.objects.get(name=group_name(unit_name, role)))
    return user


@pytest.fixture
def board(units):
    return member("bbt-huyen", DISTRICT_UNIT, BOARD)


def commune_news(commune):
    return commune.get_children().get(slug="tin-tuc").specific


hour = iter(range(1000))


def publish_article(commune, title, proposed=True, **fields):
    """An article published through a revision, as the commune's head does."""
    article = NewsPage(
        title=title,
        lead=f"Tóm tắt {title}.",
        author="Phóng viên xã",
        proposed_to_district=proposed,
        published_at=datetime.datetime(2025, 5, 1, 8, tzinfo=ICT)
        + datetime.timedelta(hours=next(hour)),
        **fields,
    )
    commune_news(commune).add_child(instance=article)
    article.save_revision().publish()
    article.refresh_from_db()
    return article


def approve(client, board, article):
    client.force_login(board)
    return client.post(PROPOSALS_URL, {"page": article.pk, "action": "duyet"})


def district_pages(client):
    """The district home and its "Tin tức" index, as an anonymous visitor sees them."""
    client.logout()
    home = client.get("/", HTTP_HOST="localhost")
    index = client.get("/tin-tuc/", HTTP_HOST="localhost")
    assert home.status_code == index.status_code == 200
    return home.content.decode(), index.content.decode()


def canonical(article):
    host = KHE_MAY if "/xa-thi-tran/khe-may/" in article.url_path else PHUC_HOA
    return f"http://{host}/tin-tuc/{article.slug}/"


def test_proposal_waits_then_approved_article_is_listed_with_its_commune_url(client, units, board):
    article = publish_article(units["khe_may"], "Khe Mây khánh thành nhà văn hóa")
    assert article.district_decision == DistrictProposal.Status.PENDING
    home, index = district_pages(client)
    assert article.title not in home and article.title not in index

    client.force_login(board)
    listing = client.get(PROPOSALS_URL)
    assert listing.status_code == 200
    assert article.title in listing.content.decode()
    assert [page.pk for page in listing.context["pending"]] == [article.pk]

    pages_before = NewsPage.objects.count()
    response = client.post(PROPOSALS_URL, {"page": article.pk, "action": "duyet"}, follow=True)
    assert "Đã duyệt" in response.content.decode()
    proposal = DistrictProposal.objects.get(page=article)
    assert proposal.status == DistrictProposal.Status.APPROVED
    assert proposal.decided_by == board and proposal.decided_at is not None
    assert NewsPage.objects.count() == pages_before  # one article, never a copy
    assert list(pending_proposals()) == []

    home, index = district_pages(client)
    link = f'href="{canonical(article)}"'
    for html in (home, index):
        assert "Tin cơ sở" in html
        assert link in html
        assert "Xã Khe Mây" in html

    entry = PageLogEntry.objects.get(page=article, action=APPROVE_ACTION)
    assert entry.user == board
    assert entry.message == "Ban biên tập huyện duyệt đưa bài vào mục Tin cơ sở trên trang huyện"


def test_rejection_needs_a_comment_and_keeps_the_article_off_the_district(client, units, board):
    article = publish_article(units["phuc_hoa"], "Phúc Hòa ra quân làm thủy lợi")
    client.force_login(board)

    response = client.post(
        PROPOSALS_URL, {"page": article.pk, "action": "khong-duyet"}, follow=True
    )
    assert "Hãy ghi lý do" in response.content.decode()
    assert not DistrictProposal.objects.filter(page=article).exists()

    client.post(
        PROPOSALS_URL,
        {"page": article.pk, "action": "khong-duyet", "comment": "Ảnh chưa rõ nguồn."},
    )
    proposal = DistrictProposal.objects.get(page=article)
    assert proposal.status == DistrictProposal.Status.REJECTED
    assert proposal.comment == "Ảnh chưa rõ nguồn."
    assert article.pk not in [page.pk for page in pending_proposals()]
    home, index = district_pages(client)
    assert article.title not in home and article.title not in index

    entry = PageLogEntry.objects.get(page=article, action=REJECT_ACTION)
    assert entry.user == board and entry.comment == "Ảnh chưa rõ nguồn."

    # The board may change its mind from the list of recent decisions.
    client.force_login(board)
    decided = client.get(PROPOSALS_URL).context["decided"]
    assert [page.pk for page in decided] == [article.pk]
    approve(client, board, article)
    assert DistrictProposal.objects.get(page=article).status == DistrictProposal.Status.APPROVED


def test_commune_republishing_its_article_keeps_the_decision(client, units, board):
    approved = publish_article(units["khe_may"], "Bài được duyệt")
    rejected = publish_article(units["khe_may"], "Bài không được duyệt")
    early_revision = approved.save_revision()  # a draft saved before the decision

    approve(client, board, approved)
    decide(rejected, DistrictProposal.Status.REJECTED, board, "Trùng tin huyện.")

    for page in (approved, rejected):
        page = NewsPage.objects.get(pk=page.pk)
        page.title = f"{page.title} (sửa)"
        page.save_revision().publish()
    early_revision.publish()

    assert DistrictProposal.objects.get(page=approved).status == DistrictProposal.Status.APPROVED
    assert DistrictProposal.objects.get(page=rejected).status == DistrictProposal.Status.REJECTED
    home, _ = district_pages(client)
    assert canonical(approved) in home
    assert "Bài không được duyệt" not in home


def test_a_commune_withdrawing_its_proposal_leaves_the_list(client, units, board):
    article = publish_article(units["khe_may"], "Bài rút đề xuất")
    approve(client, board, article)
    page = NewsPage.objects.get(pk=article.pk)
    page.proposed_to_district = False
    page.save_revision().publish()
    assert [a.pk for a in grassroots()] == []
    home, _ = district_pages(client)
    assert "Bài rút đề xuất" not in home


def test_drafts_unpublished_and_private_articles_are_never_listed(client, units, board):
    khe_may = units["khe_may"]
    listed = publish_article(khe_may, "Bài công khai được duyệt")

    draft = NewsPage(title="Bài nháp đề xuất", lead="Nháp.", proposed_to_district=True, live=False)
    commune_news(khe_may).add_child(instance=draft)
    draft.save_revision()

    unpublished = publish_article(khe_may, "Bài đã gỡ")
    private = publish_article(khe_may, "Bài riêng tư")
    private_section = NewsIndexPageFactory(parent=commune_news(khe_may), slug="noi-bo")
    in_private_section = publish_article(khe_may, "Bài trong mục nội bộ")
    in_private_section.move(private_section, pos="last-child")
    pending = publish_article(khe_may, "Bài chờ duyệt")

    client.force_login(board)
    waiting = {page.pk for page in client.get(PROPOSALS_URL).context["pending"]}
    assert draft.pk not in waiting

    for page in (listed, draft, unpublished, private, in_private_section):
        decide(NewsPage.objects.get(pk=page.pk), DistrictProposal.Status.APPROVED, board)
    NewsPage.objects.get(pk=unpublished.pk).unpublish()
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    PageViewRestriction.objects.create(
        page=private_section, restriction_type="password", password="x"
    )

    assert [a.pk for a in grassroots()] == [listed.pk]
    home, index = district_pages(client)
    for html in (home, index):
        assert canonical(listed) in html
        for title in ("Bài nháp", "Bài đã gỡ", "Bài riêng tư", "mục nội bộ", pending.title):
            assert title not in html


def test_newest_first_limited_with_commune_names(units, board):
    articles = [
        publish_article(units["khe_may" if n % 2 else "phuc_hoa"], f"Tin cơ sở số {n}")
        for n in range(8)
    ]
    for article in articles:
        decide(article, DistrictProposal.Status.APPROVED, board)
    listed = grassroots()
    assert [a.pk for a in listed] == [a.pk for a in reversed(articles)][:6]
    assert {a.commune_name for a in listed} == {"Xã Khe Mây", "Thị trấn Phúc Hòa"}
    assert all(a.canonical_url == canonical(a) for a in listed)


def test_district_articles_are_never_syndicated(units, board):
    district_news = units["district"].get_children().get(slug="tin-tuc")
    article = NewsPageFactory(parent=district_news, proposed_to_district=True)
    DistrictProposal.objects.create(page=article, status=DistrictProposal.Status.APPROVED)
    assert grassroots() == []
    assert list(pending_proposals()) == []


def test_commune_pages_have_no_grassroots_block(client, units, board):
    article = publish_article(units["khe_may"], "Chỉ trên trang huyện")
    decide(article, DistrictProposal.Status.APPROVED, board)
    home = client.get("/", HTTP_HOST=KHE_MAY).content.decode()
    index = client.get("/tin-tuc/", HTTP_HOST=KHE_MAY).content.decode()
    assert 'id="tin-co-so"' not in home and 'id="tin-co-so"' not in index
    assert 'id="tin-co-so"' in client.get("/", HTTP_HOST="localhost").content.decode()


def test_only_the_district_board_may_open_or_decide(client, units, board):
    article = publish_article(units["khe_may"], "Bài xã đề xuất")
    outsiders = [
        member("bbt-xa", "Xã Khe Mây", BOARD),
        member("truong-ban-xa", "Xã Khe Mây", HEAD),
        member("btv-huyen", DISTRICT_UNIT, EDITOR),
    ]
    for user in outsiders:
        client.force_login(user)
        response = client.get(PROPOSALS_URL)
        assert response.status_code == 302 and response.url == "/admin/"
        response = client.post(PROPOSALS_URL, {"page": article.pk, "action": "duyet"})
        assert response.status_code == 302 and response.url == "/admin/"
        assert PROPOSALS_URL not in client.get("/admin/").content.decode()
    assert not DistrictProposal.objects.exists()

    client.force_login(board)
    assert PROPOSALS_URL in client.get("/admin/").content.decode()
    superuser = get_user_model().objects.create_superuser("quan-tri", "qt@example.gov.vn", "x")
    client.force_login(superuser)
    assert client.get(PROPOSALS_URL).status_code == 200


def test_bad_requests_are_refused_with_a_message(client, units, board):
    district_news = units["district"].get_children().get(slug="tin-tuc")
    not_proposed = publish_article(units["khe_may"], "Không đề xuất", proposed=False)
    district_article = NewsPageFactory(parent=district_news, proposed_to_district=True)
    client.force_login(board)
    for data in (
        {"page": not_proposed.pk, "action": "duyet"},
        {"page": district_article.pk, "action": "duyet"},
        {"page": "abc", "action": "duyet"},
        {"page": not_proposed.pk, "action": "xoa"},
    ):
        response = client.post(PROPOSALS_URL, data, follow=True)
        assert response.status_code == 200
        assert "không" in response.content.decode().lower()
    assert not DistrictProposal.objects.exists()


def test_grassroots_queries_do_not_grow(client, units, board):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/", HTTP_HOST="localhost").status_code == 200
        return len(queries)

    image = ImageFactory(width=1200, height=800)
    first = publish_article(units["khe_may"], "Tin đầu", cover_image=image, cover_alt="Ảnh")
    decide(first, DistrictProposal.Status.APPROVED, board)
    count()
    few = count()
    for n in range(5):
        commune = units["khe_may" if n % 2 else "phuc_hoa"]
        article = publish_article(commune, f"Tin thêm {n}", cover_image=image, cover_alt="Ảnh")
        decide(article, DistrictProposal.Status.APPROVED, board)
    count()
    assert count() == few
