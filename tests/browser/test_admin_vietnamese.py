"""The admin speaks Vietnamese where editors work: no English word in what they read or hear.

An "English word" is one that Wagtail's or Django's English catalogs use and that no Vietnamese
translation in use contains (so "email", "URL" or "MB", which the translations keep, are not
counted). Text is
read as a person meets it: the visible text of a region, plus the names and hints a screen
reader announces (aria-label, title, placeholder).
"""

import re

import pytest
from playwright.sync_api import expect

from django.contrib.auth import get_user_model

from communes.provisioning import create_commune
from news.models import NewsIndexPage
from portal import i18n
from portal.editorial import BOARD, CONTRIBUTOR
from tests.factories import ImageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "mat-khau-thu"
TITLE = "Xã Bằng Lãng khánh thành nhà văn hóa thôn Nà Lẹng"
WORD = re.compile(r"[A-Za-z]{2,}")
NOT_TEXT = re.compile(r"%\([^)]*\)[sdif]|%[sdif]|\{[^{}]*\}|<[^>]+>|&\w+;")


def words(text):
    return {word.lower() for word in WORD.findall(NOT_TEXT.sub(" ", text))}


@pytest.fixture(scope="module")
def english_words():
    """Wagtail's and Django's English vocabulary minus every word a Vietnamese text in use has.

    "In use" is what Django merges for vi (ours, the completions, the packages' own vi catalogs),
    so units and names every Vietnamese translation keeps, such as "MB" or "URL", do not count.
    """
    english = set()
    for catalog in i18n.UPSTREAM_CATALOGS:
        for _, msgid in catalog.msgids():
            english |= words(msgid)
    vietnamese = set()
    for translation in (
        i18n.runtime_translation(),
        i18n.runtime_translation("djangojs", "wagtail.admin"),
    ):
        catalog = translation._catalog
        # The text in use for each message: the first catalog that has it wins.
        for key in set(catalog.keys()):
            vietnamese |= words(catalog[key])
    return english - vietnamese


def heard_and_seen(locator):
    """The visible text of `locator` and the accessible names and hints inside it."""
    return locator.evaluate(
        """(root) => {
            const parts = [root.innerText];
            for (const el of root.querySelectorAll('[aria-label],[title],[placeholder]')) {
                if (el.closest('[hidden]')) continue;
                for (const name of ['aria-label', 'title', 'placeholder']) {
                    if (el.hasAttribute(name)) parts.push(el.getAttribute(name));
                }
            }
            return parts.join('\\n');
        }"""
    )


def assert_vietnamese(locator, english_words, where):
    text = heard_and_seen(locator)
    assert text.strip(), f"{where}: nothing to read"
    found = sorted(words(text) & english_words)
    assert not found, f"English in {where}: {found}\n---\n{text}"


def log_in(page, base_url, username):
    page.goto(f"{base_url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url(f"{base_url}/admin/")


@pytest.fixture
def commune(district):
    return create_commune("Xã Bằng Lãng", "banglang.example.gov.vn", slug="bang-lang")


@pytest.fixture
def submitted_article(commune):
    """An article of the commune, submitted by its contributor and awaiting the board."""
    users = get_user_model().objects
    contributor = users.create_user("ctv-banglang", password=PASSWORD, first_name="Lan")
    contributor.groups.add(commune.unit.group(CONTRIBUTOR))
    index = NewsIndexPage.objects.child_of(commune.page).get(slug="tin-tuc")
    article = NewsPageFactory(parent=index, title=TITLE, owner=contributor, live=False)
    article.save_revision(user=contributor)
    commune.unit.workflow.start(article, contributor)
    ImageFactory(title="Ảnh khánh thành nhà văn hóa", collection=commune.unit.collection)
    return article


def test_the_main_menu_has_no_english(live_server, page, district, english_words):
    get_user_model().objects.create_superuser("quantri", "quantri@example.gov.vn", PASSWORD)
    log_in(page, live_server.url, "quantri")
    sidebar = page.locator(".sidebar")
    expect(sidebar.locator(".sidebar-main-menu")).to_be_visible()
    assert_vietnamese(sidebar, english_words, "the main menu")

    # Every item that opens a panel: the page explorer and the submenus (Settings, Reports...).
    toggles = sidebar.locator(".sidebar-main-menu button.sidebar-menu-item__link")
    assert toggles.count() >= 3
    for index in range(toggles.count()):
        toggle = toggles.nth(index)
        label = toggle.inner_text()
        toggle.click()
        expect(toggle).to_have_attribute("aria-expanded", "true")
        panel = toggle.locator("xpath=ancestor::li[1]").locator(".sidebar-panel").first
        expect(panel).to_be_visible()
        assert_vietnamese(panel, english_words, f"the “{label}” panel")
        page.keyboard.press("Escape")
        expect(toggle).to_have_attribute("aria-expanded", "false")

    account = sidebar.locator(".sidebar-footer__account-toggle")
    account.click()
    assert_vietnamese(sidebar.locator(".sidebar-footer"), english_words, "the account menu")


def test_editor_menu_workflow_dialogs_and_image_chooser_have_no_english(
    live_server, page, commune, submitted_article, english_words
):
    board_member = get_user_model().objects.create_user(
        "bbt-banglang", password=PASSWORD, first_name="Bình"
    )
    board_member.groups.add(commune.unit.group(BOARD))
    log_in(page, live_server.url, "bbt-banglang")

    editor_url = f"{live_server.url}/admin/pages/{submitted_article.pk}/edit/"
    footer = page.locator("footer", has=page.locator("[data-workflow-action-name='approve']"))

    def open_action_menu():
        page.goto(editor_url)
        footer.locator("[data-w-dropdown-target='toggle']").first.click()
        expect(footer.locator("[data-workflow-action-name='reject']")).to_be_visible()

    # The page editor's action menu, opened, with the board's workflow actions in it.
    open_action_menu()
    assert_vietnamese(footer, english_words, "the page editor's action menu")

    # The workflow dialogs: request changes (with its required comment) and approve with comment.
    for action, name in (("reject", "request changes"), ("approve", "approve with comment")):
        open_action_menu()
        footer.locator(
            f"button[data-workflow-action-name='{action}'][data-workflow-action-modal-url]"
        ).click()
        dialog = page.locator(".modal-dialog").first
        expect(dialog.locator("textarea")).to_be_visible()
        assert_vietnamese(dialog, english_words, f"the “{name}” dialog")

    # The image chooser, from the cover image field: its search tab and its upload tab.
    page.goto(editor_url)
    page.locator("#id_cover_image-chooser .chooser__choose-button").click()
    chooser = page.locator(".modal-dialog").first
    expect(chooser.get_by_text("Ảnh khánh thành nhà văn hóa")).to_be_visible()
    assert_vietnamese(chooser, english_words, "the image chooser")
    chooser.get_by_role("tab").nth(1).click()
    expect(chooser.locator("input[type=file]")).to_be_attached()
    assert_vietnamese(chooser, english_words, "the image chooser's upload tab")


def test_the_detector_tells_wagtails_english_from_our_vietnamese(english_words):
    """The words the tests above look for: Wagtail's English, not our Vietnamese or tech words."""
    assert words("Save draft · Submit for moderation · Choose an image") & english_words == {
        "save",
        "draft",
        "submit",
        "for",
        "moderation",
        "choose",
        "image",
    }
    assert (
        not words("Lưu bản nháp · Gửi duyệt · Chọn hình ảnh · Mô tả thay thế (Alt)") & english_words
    )
    assert not words("Đường dẫn URL · email · %(title)s · <strong>") & english_words
