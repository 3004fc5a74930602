"""The rows Wagtail's migrations create are named in Vietnamese (portal migration 0005)."""

import pytest

from django.contrib.auth.models import Group

from wagtail.models import Collection, Page, Task, Workflow

pytestmark = pytest.mark.django_db


def test_roots_read_goc():
    assert Page.get_first_root_node().title == "Gốc"
    assert Page.get_first_root_node().draft_title == "Gốc"
    assert Collection.get_first_root_node().name == "Gốc"


def test_default_groups_workflow_and_task_are_vietnamese():
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Biên tập viên (chung)", "Người duyệt (chung)"} <= names
    assert not names & {"Editors", "Moderators"}
    assert Workflow.objects.filter(name="Người duyệt (chung) duyệt").exists()
    assert Task.objects.filter(name="Người duyệt (chung) duyệt").exists()
    assert not Workflow.objects.filter(name="Moderators approval").exists()


def test_admin_page_titles_end_with_our_name_not_wagtail(client):
    html = client.get("/admin/login/").content.decode()
    assert "<title>Đăng nhập - Quản trị cổng thông tin</title>" in html
