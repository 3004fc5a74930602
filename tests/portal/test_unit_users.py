"""'Người dùng của đơn vị': a unit admin manages the users of its own unit, and only those."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import transaction

from wagtail.models import ModelLogEntry, Page, Site

from communes.provisioning import create_commune
from portal.editorial import ADMIN, BOARD, CONTRIBUTOR, EDITOR, HEAD, ROLES, provision_unit
from portal.unit_users import units_administered_by
from tests.conftest import ensure_wagtail_roots
from tests.factories import HomePageFactory, SiteSettingsFactory

DISTRICT = "Huyện Thử Nghiệm"
COMMUNE_A = "Xã An Bình"
COMMUNE_B = "Xã Bằng Lãng"
BASE = "/admin/nguoi-dung-don-vi/"

User = get_user_model()


@pytest.fixture(scope="module")
def provisioned(django_db_setup, django_db_blocker):
    """The district (made as the `district` fixture makes it) and two communes, built once
    for the module inside a transaction rolled back at its end; each test runs in its own
    savepoint (pytest-django's `db`). As in test_permission_matrix."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer._from_testcase = True  # durable blocks inside behave as under TestCase
        outer.__enter__()
        try:
            ensure_wagtail_roots()
            Site.objects.all().delete()
            Page.objects.filter(depth=2).delete()
            home = HomePageFactory(title="Cổng thông tin huyện Thử Nghiệm", slug="huyen-thu-nghiem")
            site = Site.objects.create(
                hostname="localhost", port=80, root_page=home, is_default_site=True
            )
            SiteSettingsFactory(site=site)
            made = {DISTRICT: provision_unit(DISTRICT, home)}
            made[COMMUNE_A] = create_commune(COMMUNE_A, "anbinh.example.gov.vn").unit
            made[COMMUNE_B] = create_commune(COMMUNE_B, "banglang.example.gov.vn").unit
            yield made
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            cache.clear()


@pytest.fixture
def units(provisioned, db):
    """name -> portal.editorial.Unit for the district and the two communes."""
    return provisioned


def member(username, *groups):
    user = User.objects.create_user(username, f"{username}@example.gov.vn", "mat-khau-cu-2024")
    user.groups.add(*groups)
    return user


@pytest.fixture
def admin_a(units):
    return member("quantri_a", units[COMMUNE_A].group(ADMIN))


def unit_url(units, name, suffix=""):
    return f"{BASE}{units[name].group(ADMIN).pk}/{suffix}"


def new_user_data(role_group, **extra):
    return {
        "username": "tranthimai",
        "first_name": "Trần Thị",
        "last_name": "Mai",
        "email": "mai@anbinh.example.gov.vn",
        "password1": "Tin-xa-An-Binh-2025",
        "password2": "Tin-xa-An-Binh-2025",
        "role": str(role_group.pk),
        **extra,
    }


def messages_of(response):
    return [str(message).strip() for message in response.context["messages"]]


# -- Who sees the screen ------------------------------------------------------------------


def menu_shows_unit_users(client):
    """Whether the admin sidebar (rendered as JSON on the admin home) links to the screen."""
    return f'"{BASE}"' in client.get("/admin/").content.decode()


def test_the_menu_item_is_shown_to_unit_admins_and_superusers_only(units, admin_a, client):
    client.force_login(admin_a)
    assert menu_shows_unit_users(client)

    client.force_login(member("truongban_a", units[COMMUNE_A].group(HEAD)))
    assert not menu_shows_unit_users(client)

    client.force_login(User.objects.create_superuser("sieuquantri", "s@example.gov.vn", "x"))
    assert menu_shows_unit_users(client)


def test_other_roles_and_visitors_are_refused(units, client):
    assert client.get(BASE)["Location"].startswith("/admin/login/")
    for role in (CONTRIBUTOR, EDITOR, BOARD, HEAD):
        client.force_login(member(f"user_{ROLES.index(role)}", units[COMMUNE_A].group(role)))
        response = client.get(BASE)
        assert response.status_code == 302 and response["Location"] == "/admin/"
        assert client.get(unit_url(units, COMMUNE_A)).status_code == 404


def test_a_commune_admin_goes_straight_to_its_unit(units, admin_a, client):
    client.force_login(admin_a)
    response = client.get(BASE)
    assert response.status_code == 302
    assert response["Location"] == unit_url(units, COMMUNE_A)


def test_the_unit_page_lists_its_members_with_their_roles(units, admin_a, client):
    both = member("nguyenvanan", units[COMMUNE_A].group(EDITOR), units[COMMUNE_A].group(BOARD))
    both.first_name, both.last_name = "Nguyễn Văn", "An"
    both.save()
    member("canbo_huyen", units[DISTRICT].group(EDITOR))
    member("canbo_xa_b", units[COMMUNE_B].group(EDITOR))
    client.force_login(admin_a)
    response = client.get(unit_url(units, COMMUNE_A))
    assert response.status_code == 200
    rows = {row["user"].username: row["roles"] for row in response.context["rows"]}
    assert rows == {"nguyenvanan": [EDITOR, BOARD], "quantri_a": [ADMIN]}
    html = response.content.decode()
    assert "Nguyễn Văn An" in html and "Xã An Bình" in html
    assert "canbo_huyen" not in html and "canbo_xa_b" not in html


def test_a_commune_admin_cannot_list_the_district_or_another_commune(units, admin_a, client):
    member("canbo_huyen", units[DISTRICT].group(EDITOR))
    client.force_login(admin_a)
    assert client.get(unit_url(units, DISTRICT)).status_code == 404
    assert client.get(unit_url(units, COMMUNE_B)).status_code == 404
    assert [unit.name for unit in units_administered_by(admin_a)] == [COMMUNE_A]


def test_the_district_admin_manages_the_district_and_every_commune(units, client):
    admin = member("quantri_huyen", units[DISTRICT].group(ADMIN))
    client.force_login(admin)
    response = client.get(BASE)
    assert response.status_code == 200
    listed = [item["unit"].name for item in response.context["units"]]
    assert listed[0] == DISTRICT and set(listed) == {DISTRICT, COMMUNE_A, COMMUNE_B}
    assert client.get(unit_url(units, COMMUNE_B)).status_code == 200
    response = client.post(
        unit_url(units, COMMUNE_B, "tao-tai-khoan/"),
        new_user_data(units[COMMUNE_B].group(HEAD)),
    )
    assert response.status_code == 302
    assert list(User.objects.get(username="tranthimai").groups.all()) == [
        units[COMMUNE_B].group(HEAD)
    ]


# -- Creating accounts --------------------------------------------------------------------


def test_an_admin_creates_a_user_straight_into_a_role_of_its_unit(units, admin_a, client):
    client.force_login(admin_a)
    board = units[COMMUNE_A].group(BOARD)
    response = client.post(unit_url(units, COMMUNE_A, "tao-tai-khoan/"), new_user_data(board))
    assert response.status_code == 302 and response["Location"] == unit_url(units, COMMUNE_A)
    user = User.objects.get(username="tranthimai")
    assert list(user.groups.all()) == [board]
    assert user.get_full_name() == "Trần Thị Mai" and user.email == "mai@anbinh.example.gov.vn"
    assert user.is_active and not user.is_staff and not user.is_superuser
    assert user.check_password("Tin-xa-An-Binh-2025")
    followed = client.get(response["Location"])
    assert "Đã tạo tài khoản “tranthimai” với vai trò “Ban biên tập” trong Xã An Bình." in (
        messages_of(followed)
    )
    logged = ModelLogEntry.objects.filter(object_id=str(user.pk), user=admin_a)
    assert {entry.action for entry in logged} == {"wagtail.create", "portal.unit_role_added"}
    # The new account can work at once: it reaches the admin with its role's rights.
    client.force_login(user)
    assert client.get("/admin/").status_code == 200


def test_tampered_fields_never_make_staff_or_superusers(units, admin_a, client):
    client.force_login(admin_a)
    data = new_user_data(
        units[COMMUNE_A].group(CONTRIBUTOR), is_superuser="on", is_staff="on", groups="1"
    )
    client.post(unit_url(units, COMMUNE_A, "tao-tai-khoan/"), data)
    user = User.objects.get(username="tranthimai")
    assert not user.is_superuser and not user.is_staff
    assert list(user.groups.all()) == [units[COMMUNE_A].group(CONTRIBUTOR)]


def test_a_duplicate_username_is_refused_with_a_clear_message(units, admin_a, client):
    member("TranThiMai")
    client.force_login(admin_a)
    response = client.post(
        unit_url(units, COMMUNE_A, "tao-tai-khoan/"),
        new_user_data(units[COMMUNE_A].group(EDITOR)),
    )
    assert response.status_code == 200
    errors = response.context["create_form"].errors["username"]
    assert errors == [
        "Tên đăng nhập “tranthimai” đã có người dùng. Hãy chọn tên khác, hoặc nếu đó chính là "
        "người cần thêm, dùng mục “Thêm người dùng đã có”."
    ]
    assert "Chưa tạo được tài khoản: hãy sửa các lỗi bên dưới." in messages_of(response)
    assert "đã có người dùng" in response.content.decode()
    assert User.objects.filter(username__iexact="tranthimai").count() == 1


def test_passwords_must_match_and_be_strong(units, admin_a, client):
    client.force_login(admin_a)
    url = unit_url(units, COMMUNE_A, "tao-tai-khoan/")
    role = units[COMMUNE_A].group(EDITOR)
    response = client.post(url, new_user_data(role, password2="Khac-hoan-toan-2025"))
    assert response.context["create_form"].errors["password2"] == ["Hai mật khẩu không khớp nhau."]
    response = client.post(url, new_user_data(role, password1="123", password2="123"))
    assert response.context["create_form"].errors["password2"]
    response = client.post(url, {"role": str(role.pk)})
    errors = response.context["create_form"].errors
    assert errors["username"] == ["Hãy nhập tên đăng nhập."]
    assert errors["email"] == ["Hãy nhập địa chỉ thư điện tử."]
    assert not User.objects.filter(username="tranthimai").exists()


def test_another_units_group_in_a_tampered_post_is_refused(units, admin_a, client):
    client.force_login(admin_a)
    district_admins = units[DISTRICT].group(ADMIN)
    response = client.post(
        unit_url(units, COMMUNE_A, "tao-tai-khoan/"), new_user_data(district_admins)
    )
    assert response.status_code == 200
    assert response.context["create_form"].errors["role"] == ["Vai trò không thuộc đơn vị này."]
    assert not User.objects.filter(username="tranthimai").exists()

    canbo = member("canbo", units[COMMUNE_A].group(EDITOR))
    response = client.post(
        unit_url(units, COMMUNE_A, f"{canbo.pk}/vai-tro/"),
        {f"u{canbo.pk}-role": str(units[COMMUNE_B].group(ADMIN).pk)},
    )
    assert list(canbo.groups.all()) == [units[COMMUNE_A].group(EDITOR)]
    assert "Vai trò không thuộc đơn vị này." in messages_of(client.get(response["Location"]))[0]


def test_another_unit_in_a_tampered_url_is_refused(units, admin_a, client):
    client.force_login(admin_a)
    for name in (COMMUNE_B, DISTRICT):
        response = client.post(
            unit_url(units, name, "tao-tai-khoan/"), new_user_data(units[name].group(ADMIN))
        )
        assert response.status_code == 404
    assert not User.objects.filter(username="tranthimai").exists()
    outsider = member("canbo_xa_b", units[COMMUNE_B].group(EDITOR))
    response = client.post(unit_url(units, COMMUNE_B, f"{outsider.pk}/rut-khoi-don-vi/"), {})
    assert response.status_code == 404
    assert list(outsider.groups.all()) == [units[COMMUNE_B].group(EDITOR)]


# -- Existing accounts ----------------------------------------------------------------------


def test_an_existing_user_is_added_keeping_its_other_units(units, admin_a, client):
    officer = member("canbo_huyen", units[DISTRICT].group(BOARD))
    client.force_login(admin_a)
    response = client.post(
        unit_url(units, COMMUNE_A, "them/"),
        {"username": "CANBO_HUYEN", "role": str(units[COMMUNE_A].group(EDITOR).pk)},
    )
    assert response.status_code == 302
    assert set(officer.groups.all()) == {
        units[DISTRICT].group(BOARD),
        units[COMMUNE_A].group(EDITOR),
    }
    assert "Đã thêm “canbo_huyen” vào Xã An Bình với vai trò “Biên tập viên”." in (
        messages_of(client.get(response["Location"]))
    )


def test_adding_an_unknown_or_present_user_says_why(units, admin_a, client):
    client.force_login(admin_a)
    url = unit_url(units, COMMUNE_A, "them/")
    editors = units[COMMUNE_A].group(EDITOR)
    response = client.post(url, {"username": "khongco", "role": str(editors.pk)})
    assert response.context["add_form"].errors["username"] == [
        "Không có người dùng nào có tên đăng nhập “khongco”. "
        "Hãy kiểm tra lại, hoặc tạo tài khoản mới."
    ]
    member("canbo", editors)
    response = client.post(url, {"username": "canbo", "role": str(editors.pk)})
    assert response.context["add_form"].errors["username"] == [
        "“canbo” đã có vai trò này trong Xã An Bình."
    ]


def test_changing_a_role_touches_only_this_units_groups(units, admin_a, client):
    user = member(
        "canbo",
        units[COMMUNE_A].group(CONTRIBUTOR),
        units[COMMUNE_A].group(EDITOR),
        units[COMMUNE_B].group(HEAD),
    )
    client.force_login(admin_a)
    board = units[COMMUNE_A].group(BOARD)
    response = client.post(
        unit_url(units, COMMUNE_A, f"{user.pk}/vai-tro/"), {f"u{user.pk}-role": str(board.pk)}
    )
    assert response.status_code == 302
    assert set(user.groups.all()) == {board, units[COMMUNE_B].group(HEAD)}
    assert "Vai trò của “canbo” trong Xã An Bình nay là “Ban biên tập”." in (
        messages_of(client.get(response["Location"]))
    )


def test_users_outside_the_unit_are_out_of_reach(units, admin_a, client):
    outsider = member("canbo_huyen", units[DISTRICT].group(EDITOR))
    client.force_login(admin_a)
    board = units[COMMUNE_A].group(BOARD)
    url = unit_url(units, COMMUNE_A, f"{outsider.pk}/")
    assert client.post(f"{url}vai-tro/", {f"u{outsider.pk}-role": str(board.pk)}).status_code == 404
    assert client.get(f"{url}rut-khoi-don-vi/").status_code == 404
    assert client.post(f"{url}rut-khoi-don-vi/").status_code == 404
    assert list(outsider.groups.all()) == [units[DISTRICT].group(EDITOR)]


def test_removing_a_user_keeps_the_account_and_its_other_units(units, admin_a, client):
    user = member(
        "canbo",
        units[COMMUNE_A].group(EDITOR),
        units[COMMUNE_A].group(BOARD),
        units[DISTRICT].group(CONTRIBUTOR),
    )
    client.force_login(admin_a)
    url = unit_url(units, COMMUNE_A, f"{user.pk}/rut-khoi-don-vi/")
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert "Rút “canbo”" in confirm.content.decode()
    assert confirm.context["roles"] == [EDITOR, BOARD]
    response = client.post(url)
    assert response.status_code == 302 and response["Location"] == unit_url(units, COMMUNE_A)
    user.refresh_from_db()
    assert user.is_active
    assert list(user.groups.all()) == [units[DISTRICT].group(CONTRIBUTOR)]
    removed = ModelLogEntry.objects.filter(
        object_id=str(user.pk), action="portal.unit_role_removed", user=admin_a
    )
    assert sorted(entry.data["role"] for entry in removed) == sorted([EDITOR, BOARD])
    assert "canbo" not in {
        row["user"].username for row in client.get(unit_url(units, COMMUNE_A)).context["rows"]
    }


def test_an_admin_cannot_take_away_its_own_admin_role(units, admin_a, client):
    client.force_login(admin_a)
    editors = units[COMMUNE_A].group(EDITOR)
    response = client.post(
        unit_url(units, COMMUNE_A, f"{admin_a.pk}/vai-tro/"), {f"u{admin_a.pk}-role": editors.pk}
    )
    assert (
        "Bạn không thể tự bỏ vai trò Quản trị của mình."
        in (messages_of(client.get(response["Location"]))[0])
    )
    client.post(unit_url(units, COMMUNE_A, f"{admin_a.pk}/rut-khoi-don-vi/"))
    assert list(admin_a.groups.all()) == [units[COMMUNE_A].group(ADMIN)]
    # Another admin of the unit may.
    client.force_login(member("quantri_a2", units[COMMUNE_A].group(ADMIN)))
    client.post(unit_url(units, COMMUNE_A, f"{admin_a.pk}/rut-khoi-don-vi/"))
    assert not admin_a.groups.exists()


def test_a_superuser_manages_every_unit(units, client):
    client.force_login(User.objects.create_superuser("sieuquantri", "s@example.gov.vn", "x"))
    listed = [item["unit"].name for item in client.get(BASE).context["units"]]
    assert set(listed) == {DISTRICT, COMMUNE_A, COMMUNE_B}
    assert Group.objects.filter(name__endswith=" – Quản trị").count() == 3


def test_an_admin_cannot_grant_itself_another_role(units, admin_a, client):
    """Otherwise a unit admin could make itself Trưởng ban and publish without the board."""
    client.force_login(admin_a)
    response = client.post(
        unit_url(units, COMMUNE_A, "them/"),
        {"username": "quantri_a", "role": str(units[COMMUNE_A].group(HEAD).pk)},
    )
    assert response.status_code == 200
    assert response.context["add_form"].errors["username"] == [
        "Bạn không thể tự cấp thêm vai trò cho chính mình. "
        "Hãy nhờ một quản trị viên khác của đơn vị hoặc của huyện."
    ]
    assert list(admin_a.groups.all()) == [units[COMMUNE_A].group(ADMIN)]
