"""seed_demo's communes: sites with content, an account per role of every unit (in dev
only) and articles waiting at each step of every unit's workflow."""

import io

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from wagtail.models import Page, Revision, Site, TaskState, WorkflowPage, WorkflowState

from communes.demo import COMMUNES
from communes.models import CommuneHomePage, CommuneKind
from documents.models import LegalDocumentPage
from news.models import NewsPage
from portal.demo import DEV_PASSWORD, DISTRICT_NAME
from portal.editorial import BOARD, HEAD, ROLES, group_name
from portal.models import HomePage, SiteSettings

UNITS = [DISTRICT_NAME, *(commune.name for commune in COMMUNES)]


def seed():
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def unit_root(unit):
    if unit == DISTRICT_NAME:
        return HomePage.objects.get()
    return CommuneHomePage.objects.get(title=unit)


def states_of(unit):
    """The workflow states of the unit's pages (a commune's pages are not the district's)."""
    root = unit_root(unit)
    pages = Page.objects.descendant_of(root, inclusive=True)
    for commune in CommuneHomePage.objects.exclude(pk=root.pk):
        pages = pages.exclude(path__startswith=commune.path)
    return WorkflowState.objects.filter(
        base_content_type__model="page",
        object_id__in=[str(pk) for pk in pages.values_list("pk", flat=True)],
    )


def check_communes(client):
    communes = CommuneHomePage.objects.live()
    assert communes.count() >= 3
    assert communes.filter(kind=CommuneKind.TOWN, title="Thị trấn Vân Sơn").exists()
    assert communes.filter(kind=CommuneKind.COMMUNE, title__startswith="Xã ").count() >= 2
    district_site = Site.objects.get(is_default_site=True)
    for commune in communes:
        site = Site.objects.get(root_page=commune)
        assert site.hostname.endswith(".vanson.localhost"), site.hostname
        assert site.port == district_site.port == 8000
        for field in ("chairperson", "address", "phone", "email", "population", "area_km2"):
            assert getattr(commune, field), (commune.title, field)
        settings = SiteSettings.for_site(site)
        assert settings.address and "hư cấu" in settings.site_notice
        assert NewsPage.objects.descendant_of(commune).live().count() >= 2
        assert LegalDocumentPage.objects.descendant_of(commune).live().count() >= 1

        host = f"{site.hostname}:{site.port}"
        home = client.get("/", HTTP_HOST=host)
        assert home.status_code == 200
        assert home.context["page"].pk == commune.pk
        html = home.content.decode()
        assert settings.unit_name in html
        article = NewsPage.objects.descendant_of(commune).live().first()
        assert article.title in html
        for path in (
            "/tin-tuc/",
            "/van-ban/",
            "/gioi-thieu/",
            "/lien-he/",
            article.relative_url(site),
        ):
            assert client.get(path, HTTP_HOST=host).status_code == 200, (host, path)
    assert Site.objects.get(hostname="thitran.vanson.localhost")
    directory = client.get("/xa-thi-tran/", HTTP_HOST="127.0.0.1:8000").content.decode()
    for commune in communes:
        assert commune.title in directory and commune.chairperson in directory


def check_accounts(output, client):
    user_model = get_user_model()
    for unit in UNITS:
        for role in ROLES:
            members = Group.objects.get(name=group_name(unit, role)).user_set.all()
            assert len(members) == 1, (unit, role)
            user = members[0]
            assert user.check_password(DEV_PASSWORD) and user.is_active and not user.is_superuser
            row = next(line for line in output.splitlines() if f" {user.username} " in line)
            assert unit in row and role in row and DEV_PASSWORD in row
    assert client.login(username="khemay.bbt", password=DEV_PASSWORD)
    assert client.get("/admin/").status_code == 200
    # 1 superuser + 5 roles × 4 units.
    assert user_model.objects.count() == 1 + len(ROLES) * len(UNITS)


def check_reviews(client):
    for unit in UNITS:
        board, head = (Group.objects.get(name=group_name(unit, role)) for role in (BOARD, HEAD))
        workflow = WorkflowPage.objects.get(page=unit_root(unit)).workflow
        states = states_of(unit)
        assert {state.workflow_id for state in states} == {workflow.pk}, unit

        submitted = [
            state
            for state in states.filter(status=WorkflowState.STATUS_IN_PROGRESS)
            if board in state.current_task_state.task.specific.groups.all()
        ]
        assert submitted, f"{unit}: nothing waits for the board"

        approved = [
            state
            for state in states.filter(status=WorkflowState.STATUS_IN_PROGRESS)
            if head in state.current_task_state.task.specific.groups.all()
        ]
        assert approved, f"{unit}: nothing waits for the head"
        for state in approved:
            board_step = state.all_tasks_with_state()[0].task_state
            assert board_step.status == TaskState.STATUS_APPROVED
            assert board_step.finished_by.groups.filter(pk=board.pk).exists()

        sent_back = states.filter(status=WorkflowState.STATUS_NEEDS_CHANGES)
        assert sent_back, f"{unit}: nothing was sent back"
        for state in sent_back:
            rejection = TaskState.objects.filter(
                workflow_state=state, status=TaskState.STATUS_REJECTED
            ).get()
            assert rejection.comment.strip()

        # None of them is live: nothing is published without the head's approval.
        for state in states:
            page = state.content_object
            assert not page.live and page.owner.groups.filter(name__endswith="Cộng tác viên")

    # The board member finds the article waiting for them on their dashboard.
    waiting = next(
        state.content_object
        for state in states_of("Xã Khe Mây").filter(status=WorkflowState.STATUS_IN_PROGRESS)
        if state.current_task_state.task.name.endswith("Ban biên tập duyệt")
    )
    client.login(username="khemay.bbt", password=DEV_PASSWORD)
    assert waiting.title in client.get("/admin/").content.decode()


def counts():
    return (
        Page.objects.count(),
        Revision.objects.count(),
        Site.objects.count(),
        SiteSettings.objects.count(),
        Group.objects.count(),
        get_user_model().objects.count(),
        WorkflowState.objects.count(),
        TaskState.objects.count(),
    )


@pytest.mark.django_db
def test_seed_builds_communes_accounts_and_articles_in_review(client):
    output = seed()
    assert "Xã, thị trấn mẫu: đã tạo 3 trang xã, thị trấn" in output
    check_communes(client)
    check_accounts(output, client)
    check_reviews(client)

    # A second run (a full seed takes a while, so it is checked here) creates nothing.
    before = counts()
    output = seed()
    assert counts() == before
    assert "Xã, thị trấn mẫu: đã có đủ, không tạo thêm." in output
    check_accounts(output, client)


@pytest.mark.django_db
def test_no_accounts_and_no_reviews_where_settings_forbid_them(settings):
    settings.PORTAL_DEV_ACCOUNTS = False
    output = seed()
    assert CommuneHomePage.objects.live().count() >= 3
    assert not get_user_model().objects.exists()
    assert not WorkflowState.objects.exists()
    assert DEV_PASSWORD not in output
    # The roles and workflows exist all the same: a real installation fills them.
    for unit in UNITS:
        assert Group.objects.filter(name=group_name(unit, HEAD)).exists()
        assert WorkflowPage.objects.filter(page=unit_root(unit)).exists()
