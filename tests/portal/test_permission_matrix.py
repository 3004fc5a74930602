"""The editorial permission matrix, exercised through the admin's own HTTP views.

Every cell logs in as one user (a role of a unit), performs one action on an article of
a target unit with the test client, and checks both the HTTP answer and what changed in
the database. The tables below are the specification (issue 6, DESIGN.md "Editorial
roles and workflow"):

- Nothing is published without the board: only Trưởng ban (and superusers, audited)
  can publish directly; everyone else who may edit gets a draft saved instead.
- Cộng tác viên edits only its own drafts; Biên tập viên and above edit any draft of
  the unit.
- Ban biên tập approves the first step, Trưởng ban the last (which publishes); each
  workflow step belongs to the unit's own groups, so district roles do not approve a
  commune's steps (a commune is reviewed by "its own board, then its own head").
- A commune's users cannot see or change another commune's or the district's pages;
  district roles cascade over every commune (commune sites live in the district tree).
- Quản trị manages users (portal/unit_users.py) and settings of its unit; the district's
  Quản trị also those of every commune.

Outcomes: "yes" = the view answers normally and the change happened; "no" = the view
refuses (302 to the admin home or login, 403 or 404) and nothing changed; "draft" (publish
only) = Wagtail saves a new draft revision instead, and the page stays unpublished.
"""

from dataclasses import dataclass, field

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import transaction

from wagtail.models import Page, PageLogEntry, Site, TaskState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from communes.provisioning import create_commune
from news.models import NewsIndexPage, NewsPage
from portal.editorial import ADMIN, BOARD, CONTRIBUTOR, EDITOR, HEAD, group_name, provision_unit
from portal.models import SiteSettings
from tests.conftest import ensure_wagtail_roots
from tests.factories import HomePageFactory, NewsIndexPageFactory, SiteSettingsFactory

ROLE_CODES = {CONTRIBUTOR: "ctv", EDITOR: "btv", BOARD: "bbt", HEAD: "tb", ADMIN: "qt"}
UNIT_CODES = {"huyện": "huyen", "xã A": "xa-a", "xã B": "xa-b"}
UNIT_NAMES = {"huyện": "Huyện Thử Nghiệm", "xã A": "Xã An Bình", "xã B": "Xã Bằng Lãng"}
SUPERUSER = "superuser"

ACTIONS = ["see", "edit", "submit", "approve", "publish", "unpublish", "delete", "users"]

# A user holding `role` in `unit` acts on an article of the unit `on`: a draft written by
# that unit's Cộng tác viên (for "approve": submitted by them and waiting at the step of
# the actor's role, the Trưởng ban step for Trưởng ban and the Ban biên tập step otherwise;
# for "unpublish": live). "users" creates an account in the `on` unit's groups.
MATRIX = """
role          | unit  | on    | see | edit | submit | approve | publish | unpublish | delete | users
Cộng tác viên | xã A  | xã A  | yes | yes  | yes    | no      | draft   | no        | yes    | no
Cộng tác viên | xã A  | xã B  | no  | no   | no     | no      | no      | no        | no     | no
Cộng tác viên | xã A  | huyện | no  | no   | no     | no      | no      | no        | no     | no
Biên tập viên | xã A  | xã A  | yes | yes  | yes    | no      | draft   | no        | yes    | no
Biên tập viên | xã A  | xã B  | no  | no   | no     | no      | no      | no        | no     | no
Biên tập viên | xã A  | huyện | no  | no   | no     | no      | no      | no        | no     | no
Ban biên tập  | xã A  | xã A  | yes | yes  | yes    | yes     | draft   | no        | yes    | no
Ban biên tập  | xã A  | xã B  | no  | no   | no     | no      | no      | no        | no     | no
Ban biên tập  | xã A  | huyện | no  | no   | no     | no      | no      | no        | no     | no
Trưởng ban    | xã A  | xã A  | yes | yes  | yes    | yes     | yes     | yes       | yes    | no
Trưởng ban    | xã A  | xã B  | no  | no   | no     | no      | no      | no        | no     | no
Trưởng ban    | xã A  | huyện | no  | no   | no     | no      | no      | no        | no     | no
Quản trị      | xã A  | xã A  | yes | yes  | yes    | no      | draft   | no        | yes    | yes
Quản trị      | xã A  | xã B  | no  | no   | no     | no      | no      | no        | no     | no
Quản trị      | xã A  | huyện | no  | no   | no     | no      | no      | no        | no     | no
Cộng tác viên | huyện | huyện | yes | yes  | yes    | no      | draft   | no        | yes    | no
Cộng tác viên | huyện | xã A  | no  | no   | no     | no      | no      | no        | no     | no
Biên tập viên | huyện | huyện | yes | yes  | yes    | no      | draft   | no        | yes    | no
Biên tập viên | huyện | xã A  | yes | yes  | yes    | no      | draft   | no        | yes    | no
Ban biên tập  | huyện | huyện | yes | yes  | yes    | yes     | draft   | no        | yes    | no
Ban biên tập  | huyện | xã A  | yes | yes  | yes    | no      | draft   | no        | yes    | no
Trưởng ban    | huyện | huyện | yes | yes  | yes    | yes     | yes     | yes       | yes    | no
Trưởng ban    | huyện | xã A  | yes | yes  | yes    | no      | yes     | yes       | yes    | no
Quản trị      | huyện | huyện | yes | yes  | yes    | no      | draft   | no        | yes    | yes
Quản trị      | huyện | xã A  | yes | yes  | yes    | no      | draft   | no        | yes    | yes
superuser     | –     | huyện | yes | yes  | yes    | yes     | yes     | yes       | yes    | yes
superuser     | –     | xã A  | yes | yes  | yes    | yes     | yes     | yes       | yes    | yes
"""

# Editing a Site's "Thông tin đơn vị" (SiteSettings) through wagtailsettings' edit view.
SETTINGS_MATRIX = """
role          | unit  | on    | settings
Quản trị      | xã A  | xã A  | yes
Quản trị      | xã A  | xã B  | no
Quản trị      | xã A  | huyện | no
Quản trị      | huyện | huyện | yes
Quản trị      | huyện | xã A  | yes
Trưởng ban    | xã A  | xã A  | no
Biên tập viên | huyện | huyện | no
superuser     | –     | xã B  | yes
"""


def parse(table):
    """The rows of a table above as (role, actor unit, target unit, {action: outcome})."""
    lines = [line for line in table.strip().splitlines() if line.strip()]
    header = [cell.strip() for cell in lines[0].split("|")]
    rows = []
    for line in lines[1:]:
        cells = [cell.strip() for cell in line.split("|")]
        rows.append((cells[0], cells[1], cells[2], dict(zip(header[3:], cells[3:], strict=True))))
    return rows


def cases(table):
    params = []
    for role, actor, target, outcomes in parse(table):
        who = SUPERUSER if role == SUPERUSER else f"{ROLE_CODES[role]}@{UNIT_CODES[actor]}"
        for action, expected in outcomes.items():
            params.append(
                pytest.param(
                    role,
                    actor,
                    target,
                    action,
                    expected,
                    id=f"{who}-{action}-{UNIT_CODES[target]}-{expected}",
                )
            )
    return params


def test_the_matrix_covers_every_role_unit_and_action():
    rows = parse(MATRIX)
    seen = {(role, actor, target) for role, actor, target, _ in rows}
    for role in ROLE_CODES:
        for target in ("xã A", "xã B", "huyện"):
            assert (role, "xã A", target) in seen
        for target in ("huyện", "xã A"):
            assert (role, "huyện", target) in seen
    assert all(list(outcomes) == ACTIONS for *_, outcomes in rows)


# -- The world: a district and two communes, each with a user per role -----------------


@dataclass
class World:
    units: dict = field(default_factory=dict)  # "xã A" -> (root page, Site)
    sections: dict = field(default_factory=dict)  # "xã A" -> its "tin-tuc" NewsIndexPage
    users: dict = field(default_factory=dict)  # ("xã A", role) -> user; (None, superuser)

    def user(self, role, actor):
        return self.users[(None, SUPERUSER) if role == SUPERUSER else (actor, role)]

    def draft(self, target, title="Bài nháp của cộng tác viên"):
        """A draft article by the target unit's Cộng tác viên, never published."""
        author = self.users[target, CONTRIBUTOR]
        article = NewsPage(title=title, slug="bai-nhap", lead="Sapo bài nháp.", owner=author)
        article.live = False
        self.sections[target].add_child(instance=article)
        article.save_revision(user=author)
        return article


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the module inside a transaction rolled back at its end; every test
    runs in its own savepoint (pytest-django's `db`), so what one cell changes never
    leaks into the next. The district is made as the `district` fixture makes it."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer._from_testcase = True  # durable blocks inside behave as under TestCase
        outer.__enter__()
        try:
            yield build_world()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            cache.clear()  # Site root paths cached for sites that no longer exist


def build_world():
    ensure_wagtail_roots()
    Site.objects.all().delete()
    Page.objects.filter(depth=2).delete()
    home = HomePageFactory(title="Cổng thông tin huyện Thử Nghiệm", slug="huyen-thu-nghiem")
    site = Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Huyện"
    )
    SiteSettingsFactory(site=site)
    provision_unit(UNIT_NAMES["huyện"], home)
    world = World()
    world.units["huyện"] = (home, site)
    world.sections["huyện"] = NewsIndexPageFactory(parent=home, title="Tin tức", slug="tin-tuc")
    for code, hostname in (("xã A", "anbinh.example.gov.vn"), ("xã B", "banglang.example.gov.vn")):
        made = create_commune(UNIT_NAMES[code], hostname)
        world.units[code] = (made.page, made.site)
        world.sections[code] = NewsIndexPage.objects.child_of(made.page).get(slug="tin-tuc")
    User = get_user_model()
    for unit, name in UNIT_NAMES.items():
        for role, role_code in ROLE_CODES.items():
            user = User.objects.create_user(
                f"{role_code}_{UNIT_CODES[unit]}", f"{role_code}@{UNIT_CODES[unit]}.vn", "x"
            )
            user.groups.add(Group.objects.get(name=group_name(name, role)))
            world.users[unit, role] = user
    world.users[None, SUPERUSER] = User.objects.create_superuser(
        "sieuquantri", "admin@example.gov.vn", "x"
    )
    return world


# -- HTTP outcomes ----------------------------------------------------------------------


def refused(response):
    """Wagtail answers a refusal with a redirect to the admin home (with a message), to
    the login page, or with 403/404."""
    if response.status_code in (403, 404):
        return True
    location = response.get("Location", "")
    return response.status_code == 302 and (
        location == "/admin/" or location.startswith("/admin/login/")
    )


def answered(response):
    return response.status_code in (200, 302) and not refused(response)


def edit_data(article, title, **extra):
    return {
        **nested_form_data(
            {
                "title": title,
                "slug": article.slug,
                "lead": "Sapo đã sửa.",
                "body": streamfield([]),
                "related_links": inline_formset([]),
                "comments": inline_formset([]),
            }
        ),
        **extra,
    }


def latest_title(article):
    article.refresh_from_db()
    return article.get_latest_revision_as_object().title


def edit_url(article):
    return f"/admin/pages/{article.pk}/edit/"


# -- The actions ------------------------------------------------------------------------


def act_see(world, client, role, user, target, expected):
    article = world.draft(target)
    response = client.get(edit_url(article))
    if expected == "yes":
        assert response.status_code == 200
        assert response.context["page"].pk == article.pk
    else:
        assert refused(response), response


def act_edit(world, client, role, user, target, expected):
    article = world.draft(target)
    response = client.post(edit_url(article), edit_data(article, "Tiêu đề đã sửa"))
    if expected == "yes":
        assert answered(response), response
        assert latest_title(article) == "Tiêu đề đã sửa"
    else:
        assert refused(response), response
        assert latest_title(article) == "Bài nháp của cộng tác viên"


def act_submit(world, client, role, user, target, expected):
    article = world.draft(target)
    response = client.post(
        edit_url(article), edit_data(article, "Bài gửi duyệt", **{"action-submit": "1"})
    )
    article.refresh_from_db()
    if expected == "yes":
        assert answered(response), response
        assert article.workflow_in_progress
        assert article.current_workflow_state.requested_by == user
    else:
        assert refused(response), response
        assert not article.workflow_in_progress


def act_approve(world, client, role, user, target, expected):
    article = world.draft(target)
    author = world.users[target, CONTRIBUTOR]
    state = article.get_workflow().start(article, author)
    if role == HEAD:
        # The board of the article's unit has approved: the article waits for its head.
        state.current_task_state.approve(user=world.users[target, BOARD])
        state.refresh_from_db()
    task_state = state.current_task_state
    response = client.post(
        f"/admin/pages/workflow/action/{article.pk}/approve/{task_state.pk}/", {"comment": ""}
    )
    task_state.refresh_from_db()
    article.refresh_from_db()
    if expected == "yes":
        assert answered(response), response
        assert task_state.status == TaskState.STATUS_APPROVED
        assert task_state.finished_by == user
        # The head's approval is the last step, and publishes; the board's is not.
        assert article.live == (role == HEAD)
    else:
        assert refused(response), response
        assert task_state.status == TaskState.STATUS_IN_PROGRESS
        assert not article.live


def act_publish(world, client, role, user, target, expected):
    article = world.draft(target)
    response = client.post(
        edit_url(article), edit_data(article, "Bài xuất bản thẳng", **{"action-publish": "1"})
    )
    article.refresh_from_db()
    published = PageLogEntry.objects.filter(page=article, action="wagtail.publish")
    if expected == "yes":
        assert answered(response), response
        assert article.live and article.title == "Bài xuất bản thẳng"
        # Publishing without the workflow never goes unrecorded.
        assert published.filter(user=user).exists()
    elif expected == "draft":
        assert response.status_code == 302 and response["Location"] == edit_url(article)
        assert not article.live and not published.exists()
        assert latest_title(article) == "Bài xuất bản thẳng"
    else:
        assert refused(response), response
        assert not article.live and not published.exists()
        assert latest_title(article) == "Bài nháp của cộng tác viên"


def act_unpublish(world, client, role, user, target, expected):
    article = world.draft(target)
    article.get_latest_revision().publish(user=world.users[None, SUPERUSER])
    response = client.post(f"/admin/pages/{article.pk}/unpublish/")
    article.refresh_from_db()
    if expected == "yes":
        assert answered(response), response
        assert not article.live
        assert PageLogEntry.objects.filter(
            page=article, action="wagtail.unpublish", user=user
        ).exists()
    else:
        assert refused(response), response
        assert article.live


def act_delete(world, client, role, user, target, expected):
    article = world.draft(target)
    response = client.post(f"/admin/pages/{article.pk}/delete/")
    exists = Page.objects.filter(pk=article.pk).exists()
    if expected == "yes":
        assert answered(response), response
        assert not exists
    else:
        assert refused(response), response
        assert exists


def act_users(world, client, role, user, target, expected):
    """Creates an account straight into the target unit's Cộng tác viên role."""
    unit_name = UNIT_NAMES[target]
    admin_group = Group.objects.get(name=group_name(unit_name, ADMIN))
    contributors = Group.objects.get(name=group_name(unit_name, CONTRIBUTOR))
    listing = client.get(f"/admin/nguoi-dung-don-vi/{admin_group.pk}/")
    response = client.post(
        f"/admin/nguoi-dung-don-vi/{admin_group.pk}/tao-tai-khoan/",
        {
            "username": "nguoimoi",
            "first_name": "Trần Thị",
            "last_name": "Mai",
            "email": "mai@example.gov.vn",
            "password1": "Ban-bien-tap-2025",
            "password2": "Ban-bien-tap-2025",
            "role": str(contributors.pk),
        },
    )
    created = get_user_model().objects.filter(username="nguoimoi").first()
    if expected == "yes":
        assert listing.status_code == 200
        assert answered(response), response
        assert created is not None and list(created.groups.all()) == [contributors]
    else:
        assert refused(listing), listing
        assert refused(response), response
        assert created is None


ACT = {name: globals()[f"act_{name}"] for name in ACTIONS}


@pytest.mark.parametrize("role, actor, target, action, expected", cases(MATRIX))
def test_permission_matrix(world, db, client, role, actor, target, action, expected):
    user = world.user(role, actor)
    client.force_login(user)
    ACT[action](world, client, role, user, target, expected)


# -- Site settings ------------------------------------------------------------------------


def settings_data(unit_name):
    return nested_form_data(
        {
            "portal_name": "Cổng thông tin điện tử",
            "unit_name": unit_name,
            "address": "Trụ sở mới",
            "phone": "",
            "hotline": "",
            "email": "",
            "working_hours": "",
            "map_url": "",
            "public_service_url": "https://dichvucong.gov.vn",
            "facebook_url": "",
            "zalo_url": "",
            "youtube_url": "",
            "site_notice": "",
            "footer_text": rich_text(""),
        }
    )


@pytest.mark.parametrize("role, actor, target, action, expected", cases(SETTINGS_MATRIX))
def test_site_settings_are_scoped_to_the_units_one_administers(
    world, db, client, role, actor, target, action, expected
):
    site = world.units[target][1]
    client.force_login(world.user(role, actor))
    url = f"/admin/settings/portal/sitesettings/{site.pk}/"
    before = SiteSettings.for_site(site).unit_name
    seen = client.get(url)
    response = client.post(url, settings_data("Tên đơn vị đã đổi"))
    after = SiteSettings.for_site(site).unit_name
    if expected == "yes":
        assert seen.status_code == 200
        assert answered(response), response
        assert after == "Tên đơn vị đã đổi"
    else:
        assert refused(seen), seen
        assert refused(response), response
        assert after == before


def test_the_settings_menu_opens_the_admins_own_site(world, db, client):
    """Wagtail's "Thông tin đơn vị" menu entry lands a commune admin on its own Site."""
    client.force_login(world.users["xã A", ADMIN])
    response = client.get("/admin/settings/portal/sitesettings/")
    assert response.status_code == 302
    assert (
        response["Location"] == f"/admin/settings/portal/sitesettings/{world.units['xã A'][1].pk}/"
    )


def test_a_commune_admin_is_offered_only_its_own_site(world, db, client):
    own = world.units["xã A"][1]
    client.force_login(world.users["xã A", ADMIN])
    response = client.get(f"/admin/settings/portal/sitesettings/{own.pk}/")
    assert response.status_code == 200
    assert response.context["site_switcher"] is None  # nothing else to switch to


def test_the_district_admin_may_switch_between_every_site(world, db, client):
    client.force_login(world.users["huyện", ADMIN])
    response = client.get(f"/admin/settings/portal/sitesettings/{world.units['huyện'][1].pk}/")
    switcher = response.context["site_switcher"]
    offered = {url for url, _ in switcher.fields["site"].choices}
    assert offered == {
        f"/admin/settings/portal/sitesettings/{site.pk}/" for _, site in world.units.values()
    }


# -- Audit ------------------------------------------------------------------------------


def test_a_superuser_publishing_directly_is_in_the_audit_log(world, db, client):
    superuser = world.users[None, SUPERUSER]
    article = world.draft("xã A")
    client.force_login(superuser)
    response = client.post(
        edit_url(article), edit_data(article, "Thông báo khẩn", **{"action-publish": "1"})
    )
    assert answered(response), response
    article.refresh_from_db()
    assert article.live
    entry = PageLogEntry.objects.get(page=article, action="wagtail.publish")
    assert entry.user == superuser
    # The history view the board reads shows it too.
    history = client.get(f"/admin/pages/{article.pk}/history/")
    assert "sieuquantri" in history.content.decode()


def test_a_contributor_cannot_edit_a_colleagues_draft(world, db, client):
    """Cộng tác viên edits only its own drafts, even in its own unit."""
    editor = world.users["xã A", EDITOR]
    article = world.draft("xã A", title="Bài của biên tập viên")
    article.owner = editor
    article.save()
    client.force_login(world.users["xã A", CONTRIBUTOR])
    assert refused(client.get(edit_url(article)))
    response = client.post(edit_url(article), edit_data(article, "Sửa trộm"))
    assert refused(response)
    assert latest_title(article) == "Bài của biên tập viên"


def test_an_approver_cannot_approve_what_they_submitted(world, db, client):
    """The board member who submitted an article may not approve it."""
    board = world.users["xã A", BOARD]
    article = world.draft("xã A")
    task_state = article.get_workflow().start(article, board).current_task_state
    client.force_login(board)
    response = client.post(
        f"/admin/pages/workflow/action/{article.pk}/approve/{task_state.pk}/", {"comment": ""}
    )
    assert refused(response)
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
