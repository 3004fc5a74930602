"""create_commune, from the command line and from the admin form: what it makes, and what
it refuses."""

import io

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse

from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
    WorkflowPage,
    WorkflowTask,
)

from communes.admin_views import is_district_admin
from communes.models import CommuneHomePage, CommuneIndexPage
from documents.models import DocumentIndexPage
from news.models import NewsIndexPage
from portal.editorial import (
    ADMIN,
    BOARD,
    CONTRIBUTOR,
    EDITOR,
    HEAD,
    PAGE_PERMISSIONS,
    ROLES,
    group_name,
    provision_unit,
)
from portal.models import SiteSettings, StandardPage

CREATE_URL = "/admin/xa-thi-tran/tao-moi/"


def create(*args):
    out = io.StringIO()
    call_command("create_commune", *args, stdout=out)
    return out.getvalue()


def snapshot():
    """Counts of everything provisioning creates."""
    return (
        Page.objects.count(),
        Site.objects.count(),
        SiteSettings.objects.count(),
        Collection.objects.count(),
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
        WorkflowPage.objects.count(),
        WorkflowTask.objects.count(),
    )


@pytest.fixture
def banglang(district):
    create("Xã Bằng Lãng", "--hostname", "banglang.example.gov.vn", "--slug", "bang-lang")
    return CommuneHomePage.objects.get(slug="bang-lang")


def test_command_creates_page_site_settings_and_sections(district, banglang):
    directory = CommuneIndexPage.objects.child_of(district).get()
    assert directory.live and directory.slug == "xa-thi-tran"
    assert banglang.get_parent().pk == directory.pk
    assert banglang.live and banglang.title == "Xã Bằng Lãng" and banglang.kind == "xa"

    site = Site.objects.get(root_page=banglang)
    assert (site.hostname, site.port, site.is_default_site) == (
        "banglang.example.gov.vn",
        80,
        False,
    )
    assert SiteSettings.for_site(site).unit_name == "Ủy ban nhân dân xã Bằng Lãng"

    children = {page.slug: page.specific for page in banglang.get_children().live()}
    assert set(children) == {"tin-tuc", "van-ban", "gioi-thieu", "lien-he"}
    assert isinstance(children["tin-tuc"], NewsIndexPage)
    assert isinstance(children["van-ban"], DocumentIndexPage)
    assert isinstance(children["gioi-thieu"], StandardPage)
    assert isinstance(children["lien-he"], StandardPage)
    assert all(page.show_in_menus for page in children.values())


def test_town_kind_is_guessed_from_the_name(district):
    create("Thị trấn Bằng Lãng", "--hostname", "thitran.example.gov.vn")
    town = CommuneHomePage.objects.get(title="Thị trấn Bằng Lãng")
    assert town.kind == "thi_tran"
    assert town.slug == "bang-lang"


def test_command_creates_collection_groups_permissions_and_workflow(district, banglang):
    collection = Collection.objects.get(name="Xã Bằng Lãng")
    assert collection.get_parent() == Collection.get_first_root_node()

    for role in ROLES:
        group = Group.objects.get(name=group_name("Xã Bằng Lãng", role))
        granted = set(
            GroupPagePermission.objects.filter(group=group).values_list(
                "page_id", "permission__codename"
            )
        )
        assert granted == {(banglang.pk, codename) for codename in PAGE_PERMISSIONS[role]}, role
        assert GroupCollectionPermission.objects.filter(group=group, collection=collection).exists()
        assert group.permissions.filter(codename="access_admin").exists()
    # Only the head publishes; nobody else of the commune may bypass the workflow.
    publishers = GroupPagePermission.objects.filter(
        page=banglang, permission__codename="publish_page"
    ).values_list("group__name", flat=True)
    assert list(publishers) == [group_name("Xã Bằng Lãng", HEAD)]

    workflow = WorkflowPage.objects.get(page=banglang).workflow
    assert workflow.active
    steps = [task.specific for task in workflow.tasks.order_by("workflow_tasks__sort_order")]
    assert [list(step.groups.values_list("name", flat=True)) for step in steps] == [
        [group_name("Xã Bằng Lãng", BOARD)],
        [group_name("Xã Bằng Lãng", HEAD)],
    ]
    # A new article in the commune's news goes through the commune's own workflow.
    news = NewsIndexPage.objects.child_of(banglang).get()
    assert news.get_workflow() == workflow


def test_command_is_idempotent(district, banglang):
    before = snapshot()
    output = create("Xã Bằng Lãng", "--hostname", "banglang.example.gov.vn", "--slug", "bang-lang")
    assert snapshot() == before
    assert "Đã có sẵn" in output and "bổ sung phần còn thiếu" in output


def test_rerun_completes_a_missing_section(district, banglang):
    NewsIndexPage.objects.child_of(banglang).get().delete()
    create("Xã Bằng Lãng", "--hostname", "banglang.example.gov.vn", "--slug", "bang-lang")
    assert banglang.get_children().filter(slug="tin-tuc").exists()


def test_command_prints_where_the_commune_is_served(district):
    output = create("Xã Bằng Lãng", "--hostname", "banglang.example.gov.vn")
    assert "Đã tạo Xã Bằng Lãng" in output
    assert "http://banglang.example.gov.vn/" in output
    assert "/xa-thi-tran/bang-lang/" in output


def test_duplicate_hostname_is_refused_with_a_clear_message(district, banglang):
    before = snapshot()
    with pytest.raises(CommandError) as error:
        create("Xã Đồng Lau", "--hostname", "banglang.example.gov.vn")
    message = str(error.value)
    assert "banglang.example.gov.vn" in message
    assert "đã được dùng cho trang “Xã Bằng Lãng”" in message
    assert snapshot() == before
    assert not CommuneHomePage.objects.filter(title="Xã Đồng Lau").exists()


def test_the_district_hostname_is_refused(district):
    with pytest.raises(CommandError, match="đã được dùng"):
        create("Xã Đồng Lau", "--hostname", "localhost")


@pytest.mark.parametrize(
    "hostname", ["http://banglang.example.gov.vn", "bang lang.vn", "-banglang.vn", "xa_a.vn", ""]
)
def test_bad_hostname_is_refused(district, hostname):
    with pytest.raises(CommandError, match="không hợp lệ"):
        create("Xã Bằng Lãng", f"--hostname={hostname}")
    assert not CommuneHomePage.objects.exists()


# --- The admin form ------------------------------------------------------------------------


def test_admin_form_creates_a_commune(district, admin_client):
    form = admin_client.get(CREATE_URL)
    assert form.status_code == 200
    html = form.content.decode()
    assert "Tạo xã, thị trấn" in html
    for field in ("name", "hostname", "slug", "kind"):
        assert f'name="{field}"' in html

    response = admin_client.post(
        CREATE_URL,
        {"name": "Xã Bằng Lãng", "hostname": "BangLang.example.gov.vn", "slug": "", "kind": ""},
        follow=True,
    )
    page = CommuneHomePage.objects.get(title="Xã Bằng Lãng")
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_explore", args=[page.pk])
    site = Site.objects.get(root_page=page)
    assert (site.hostname, site.port) == ("banglang.example.gov.vn", 80)
    assert Group.objects.filter(name__startswith="Xã Bằng Lãng – ").count() == 5
    html = response.content.decode()
    assert "Đã tạo Xã Bằng Lãng" in html
    assert 'href="http://banglang.example.gov.vn/"' in html
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in html


def test_admin_form_uses_the_slug_kind_and_the_districts_port(district_site, admin_client):
    district_site.port = 8000
    district_site.save()
    admin_client.post(
        CREATE_URL,
        {
            "name": "Vân Sơn",
            "hostname": "thitran.example.gov.vn",
            "slug": "thi-tran",
            "kind": "thi_tran",
        },
    )
    town = CommuneHomePage.objects.get(slug="thi-tran")
    assert town.kind == "thi_tran"
    assert Site.objects.get(root_page=town).port == 8000


def test_admin_form_shows_a_duplicate_hostname_on_the_field(district, admin_client):
    create("Xã Bằng Lãng", "--hostname", "banglang.example.gov.vn")
    response = admin_client.post(
        CREATE_URL, {"name": "Xã Đồng Lau", "hostname": "banglang.example.gov.vn"}
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "đã được dùng cho trang “Xã Bằng Lãng”" in form.errors["hostname"][0]
    assert "đã được dùng cho trang" in response.content.decode()
    assert not CommuneHomePage.objects.filter(title="Xã Đồng Lau").exists()


def test_admin_form_shows_invalid_input(district, admin_client):
    response = admin_client.post(
        CREATE_URL, {"name": "Xã Bằng Lãng", "hostname": "http://x", "slug": "có dấu"}
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "slug" in errors
    response = admin_client.post(CREATE_URL, {"name": "", "hostname": "bad host"})
    assert "name" in response.context["form"].errors
    response = admin_client.post(CREATE_URL, {"name": "Xã Bằng Lãng", "hostname": "bad host"})
    assert "không hợp lệ" in response.context["form"].errors["hostname"][0]
    assert not CommuneHomePage.objects.exists()


def test_admin_form_resubmitted_completes_without_duplicating(district, admin_client):
    data = {"name": "Xã Bằng Lãng", "hostname": "banglang.example.gov.vn"}
    admin_client.post(CREATE_URL, data)
    before = snapshot()
    response = admin_client.post(CREATE_URL, data, follow=True)
    assert snapshot() == before
    assert "đã có sẵn" in response.content.decode()


# --- Who sees the form -------------------------------------------------------------------


@pytest.fixture
def people(district):
    """A district admin, a commune admin and a district board member."""
    district_unit = provision_unit("Huyện Thử Nghiệm", district)
    create("Xã Bằng Lãng", "--hostname", "banglang.example.gov.vn")
    users = {}
    for key, group in (
        ("district_admin", district_unit.group(ADMIN)),
        ("district_board", district_unit.group(BOARD)),
        ("commune_admin", Group.objects.get(name=group_name("Xã Bằng Lãng", ADMIN))),
        ("commune_editor", Group.objects.get(name=group_name("Xã Bằng Lãng", EDITOR))),
        ("district_contributor", district_unit.group(CONTRIBUTOR)),
    ):
        user = get_user_model().objects.create_user(key, f"{key}@example.gov.vn", "x")
        user.groups.add(group)
        users[key] = user
    return users


def test_district_admins_and_superusers_only(people, admin_user):
    assert is_district_admin(admin_user)
    assert is_district_admin(people["district_admin"])
    for key in ("district_board", "district_contributor", "commune_admin", "commune_editor"):
        assert not is_district_admin(people[key]), key


def test_district_admin_uses_the_form_and_sees_the_menu_item(people, client):
    client.force_login(people["district_admin"])
    dashboard = client.get("/admin/").content.decode()
    assert CREATE_URL in dashboard
    response = client.post(
        CREATE_URL, {"name": "Xã Đồng Lau", "hostname": "donglau.example.gov.vn"}
    )
    assert response.status_code == 302
    assert CommuneHomePage.objects.filter(title="Xã Đồng Lau").exists()


@pytest.mark.parametrize("key", ["commune_admin", "district_board"])
def test_others_neither_see_nor_use_the_form(people, client, key):
    client.force_login(people[key])
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    assert CREATE_URL not in dashboard.content.decode()
    assert client.get(CREATE_URL).status_code == 302  # Wagtail's "permission denied"
    response = client.post(
        CREATE_URL, {"name": "Xã Đồng Lau", "hostname": "donglau.example.gov.vn"}
    )
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    assert not CommuneHomePage.objects.filter(title="Xã Đồng Lau").exists()


def test_anonymous_is_sent_to_login(district, client):
    response = client.get(CREATE_URL)
    assert response.status_code == 302
    assert "/admin/login/" in response.url
