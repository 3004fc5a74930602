"""A commune article from draft to the public site, through the admin in Chromium.

The commune's contributor writes and submits it, a member of the commune's Ban biên tập
approves it from the dashboard, the Trưởng ban approves (and so publishes) it from the
editor, and visitors then read it on the commune's site, under the district's path and
under the commune's own hostname.
"""

import http.client
import re
import time
import urllib.parse

import pytest
from playwright.sync_api import expect

from django.contrib.auth import get_user_model

from wagtail.models import TaskState

from communes.provisioning import create_commune
from news.models import NewsIndexPage, NewsPage
from portal.editorial import BOARD, CONTRIBUTOR, HEAD

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "mat-khau-thu"
TITLE = "Xã Bằng Lãng ra quân làm đường giao thông nông thôn"
SLUG = "xa-bang-lang-ra-quan-lam-duong-giao-thong-nong-thon"
LEAD = "Hơn 300 người dân tham gia ngày đầu ra quân."
PARAGRAPH = "Sáng Chủ nhật, bà con thôn Nà Lẹng cùng đoàn viên thanh niên đổ bê tông 500 mét đường."
HOSTNAME = "banglang.example.gov.vn"


@pytest.fixture
def commune(district):
    return create_commune("Xã Bằng Lãng", HOSTNAME, slug="bang-lang")


@pytest.fixture
def members(commune):
    """One account per role of the workflow, in the commune's own groups."""
    usernames = {CONTRIBUTOR: "ctv-banglang", BOARD: "bbt-banglang", HEAD: "tb-banglang"}
    return {role: make_user(name, commune.unit.group(role)) for role, name in usernames.items()}


def make_user(username, group):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.gov.vn", PASSWORD, first_name=username
    )
    user.groups.add(group)
    return user


def log_in(page, base_url, user):
    page.goto(f"{base_url}/admin/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url(f"{base_url}/admin/")


def log_out(page, base_url):
    """Through the account menu at the foot of the sidebar."""
    page.locator(".sidebar-footer__account-toggle").click()
    page.locator("form[action='/admin/logout/'] button, a[href='/admin/logout/']").click()
    page.wait_for_url(f"{base_url}/admin/login/**")


def dropdown_toggle(page, containing):
    """The toggle of the dropdown menu that holds `containing` (a CSS selector)."""
    dropdown = page.locator("[data-controller~='w-dropdown']", has=page.locator(containing))
    return dropdown.locator("[data-w-dropdown-target='toggle']").first


def wait_until(predicate, what, timeout=15, explain=lambda: ""):
    """Poll `predicate`; generous timeouts because CI shares two cores with the whole suite."""
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, f"timed out waiting until {what}; {explain()}"
        time.sleep(0.2)


def autosaved(index, text):
    """Whether the draft under `index` has a saved revision containing `text`."""
    article = NewsPage.objects.child_of(index).first()
    return bool(article and text in str(article.get_latest_revision_as_object().body))


def get_with_host(base_url, path, host):
    """A GET to the live server with another Host header, as DNS would send it."""
    parts = urllib.parse.urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=15)
    try:
        connection.request("GET", path, headers={"Host": host})
        response = connection.getresponse()
        return response.status, response.read().decode()
    finally:
        connection.close()


def test_contributor_board_and_head_publish_a_commune_article(live_server, page, commune, members):
    base = live_server.url
    index = NewsIndexPage.objects.child_of(commune.page).get(slug="tin-tuc")

    # 1. The contributor drafts the article in the commune's Tin tức and submits it.
    log_in(page, base, members[CONTRIBUTOR])
    page.goto(f"{base}/admin/pages/add/news/newspage/{index.pk}/")
    page.locator("#id_title").click()
    page.keyboard.type(TITLE)
    expect(page.locator("#id_slug")).to_have_value(SLUG)
    page.locator("#id_lead").fill(LEAD)
    page.locator("[id^='panel-child-'][id$='-body-section'] .c-sf-add-button").first.click()
    page.get_by_role("option", name="Đoạn văn").click()
    editor = page.locator("[id^='panel-child-'][id$='-body-section'] [contenteditable=true]")
    expect(editor).to_have_count(1)
    editor.click()
    page.keyboard.type(PARAGRAPH)
    expect(editor).to_have_text(PARAGRAPH)
    # Wagtail autosaves the draft as it is typed (the first autosave creates the page and
    # turns the form into its edit form); submit once the paragraph is saved, as a person
    # reading over their text would, not in the middle of an autosave.
    indicator = page.locator("#w-autosave-indicator")
    wait_until(
        lambda: autosaved(index, PARAGRAPH),
        "the paragraph is autosaved",
        timeout=45,
        explain=lambda: "autosave indicator: {} ({})".format(
            indicator.get_attribute("data-w-autosave-state-value"),
            indicator.get_attribute("data-w-tooltip-content-value"),
        ),
    )
    expect(page.locator("#page-edit-form")).to_have_attribute("action", re.compile(r"/edit/$"))
    expect(indicator).to_have_attribute("data-w-autosave-state-value", "saved")
    dropdown_toggle(page, "button[name='action-submit']").click()
    page.locator("button[name='action-submit']").click()
    page.wait_for_url(f"{base}/admin/pages/{index.pk}/")
    expect(page.locator(".messages")).to_contain_text(TITLE)

    article = NewsPage.objects.child_of(index).get(slug=SLUG)
    assert not article.live and article.owner == members[CONTRIBUTOR]
    assert article.current_workflow_state.workflow == commune.unit.workflow
    submitted = article.get_latest_revision_as_object()
    assert submitted.lead == LEAD and PARAGRAPH in str(submitted.body)
    log_out(page, base)

    # 2. A board member approves it from the dashboard's "awaiting your review".
    log_in(page, base, members[BOARD])
    approve = page.locator(
        f"[data-workflow-action-url$='/{article.pk}/approve/"
        f"{article.current_workflow_task_state.pk}/']:not([data-launch-modal])"
    )
    row = page.locator("tr", has_text=TITLE)
    expect(row).to_have_count(1)
    row.locator("[data-w-dropdown-target='toggle']").click()
    with page.expect_navigation():
        approve.click()
    # Back on the dashboard, the article no longer awaits this member's review.
    expect(page.locator("tr", has_text=TITLE)).to_have_count(0)
    task_state = NewsPage.objects.get(pk=article.pk).current_workflow_task_state
    assert task_state.task.specific.groups.get() == commune.unit.group(HEAD)
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    log_out(page, base)

    # 3. The head approves it from the editor's action menu, which publishes it.
    log_in(page, base, members[HEAD])
    page.goto(f"{base}/admin/pages/{article.pk}/edit/")
    approve = page.locator(
        "button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])"
    )
    dropdown_toggle(page, "button[data-workflow-action-name='approve']").click()
    with page.expect_navigation():
        approve.click()
    page.wait_for_url(f"{base}/admin/pages/{index.pk}/")
    expect(page.locator(".messages")).to_contain_text(TITLE)
    article = NewsPage.objects.get(pk=article.pk)
    assert article.live
    log_out(page, base)

    # 4. Visitors read it on the commune's site: under the district host at its path...
    page.goto(f"{base}/xa-thi-tran/bang-lang/tin-tuc/{SLUG}/")
    expect(page.locator("h1")).to_have_text(TITLE)
    expect(page.get_by_text(PARAGRAPH)).to_be_visible()
    # ...and at the commune's own hostname.
    status, html = get_with_host(base, f"/tin-tuc/{SLUG}/", HOSTNAME)
    assert status == 200
    assert TITLE in html and PARAGRAPH in html
