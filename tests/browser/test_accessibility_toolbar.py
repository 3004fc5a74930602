"""A citizen enlarges the text and switches contrast; the choice follows them around.

Also: axe-core finds no serious or critical violation in either theme.
"""

import pytest

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db(transaction=True)

BODY_FONT_SIZE = (
    "() => parseFloat(getComputedStyle("
    "document.querySelector('.article__lead, .home-intro, p')).fontSize)"
)
FOCUSED_LABEL = (
    "() => document.activeElement.getAttribute('aria-label')"
    " || document.activeElement.textContent.trim()"
)
BACKGROUND = "() => getComputedStyle(document.body).backgroundColor"


@pytest.fixture
def site_pages(district):
    about = StandardPageFactory(
        parent=district,
        title="Giới thiệu",
        slug="gioi-thieu",
        intro="Khái quát về huyện.",
        body=[("paragraph", "<p>Huyện có 12 xã và 1 thị trấn.</p>")],
    )
    StandardPageFactory(parent=about, title="Lịch sử", slug="lich-su", intro="Các mốc lịch sử.")
    return about


def test_a_plus_twice_enlarges_text_and_it_persists(live_server, page, site_pages):
    page.goto(f"{live_server.url}/gioi-thieu/")
    before = page.evaluate(BODY_FONT_SIZE)
    page.get_by_role("button", name="Tăng cỡ chữ").click()
    page.get_by_role("button", name="Tăng cỡ chữ").click()
    enlarged = page.evaluate(BODY_FONT_SIZE)
    assert enlarged >= 1.25 * before

    page.get_by_role("link", name="Lịch sử").click()
    page.wait_for_url("**/gioi-thieu/lich-su/")
    assert page.evaluate(BODY_FONT_SIZE) == enlarged

    page.reload()
    assert page.evaluate(BODY_FONT_SIZE) == enlarged
    assert (
        page.get_by_role("button", name="Cỡ chữ mặc định").get_attribute("aria-pressed") == "false"
    )

    page.get_by_role("button", name="Cỡ chữ mặc định").click()
    assert page.evaluate(BODY_FONT_SIZE) == before


def test_high_contrast_applies_and_persists(live_server, page, site_pages):
    page.goto(f"{live_server.url}/gioi-thieu/")
    assert page.evaluate(BACKGROUND) == "rgb(255, 255, 255)"
    high = page.get_by_role("button", name="Tăng tương phản")
    high.click()
    assert high.get_attribute("aria-pressed") == "true"
    assert page.evaluate(BACKGROUND) == "rgb(0, 0, 0)"

    page.get_by_role("link", name="Lịch sử").click()
    page.wait_for_url("**/gioi-thieu/lich-su/")
    assert page.evaluate(BACKGROUND) == "rgb(0, 0, 0)"
    page.reload()
    assert page.evaluate(BACKGROUND) == "rgb(0, 0, 0)"
    assert (
        page.get_by_role("button", name="Tăng tương phản").get_attribute("aria-pressed") == "true"
    )

    page.get_by_role("button", name="Giảm tương phản").click()
    assert page.evaluate(BACKGROUND) == "rgb(255, 255, 255)"


def test_toolbar_works_with_the_keyboard_alone(live_server, page, site_pages):
    page.goto(f"{live_server.url}/gioi-thieu/")
    before = page.evaluate(BODY_FONT_SIZE)
    labels = []
    for _ in range(12):
        page.keyboard.press("Tab")
        label = page.evaluate(FOCUSED_LABEL)
        labels.append(label)
        if label == "Tăng cỡ chữ":
            page.keyboard.press("Enter")
            page.keyboard.press("Space")
        if label == "Tăng tương phản":
            page.keyboard.press("Enter")
            break
    assert labels[0] == "Chuyển đến nội dung chính", labels
    assert page.evaluate(BODY_FONT_SIZE) >= 1.25 * before
    assert page.evaluate(BACKGROUND) == "rgb(0, 0, 0)"
    assert page.locator("[data-a11y-status]").text_content() == "Đã bật chế độ tương phản cao"


def test_choice_is_applied_before_first_paint(live_server, page, site_pages):
    page.goto(f"{live_server.url}/gioi-thieu/")
    page.get_by_role("button", name="Tăng cỡ chữ").click()
    page.get_by_role("button", name="Tăng tương phản").click()
    # Records the <html> attributes at the moment <body> is created, before any paint.
    page.add_init_script(
        """
        new MutationObserver((records, observer) => {
          if (document.body) {
            window.__atBody = [document.documentElement.getAttribute('data-text-size'),
                               document.documentElement.getAttribute('data-contrast')];
            observer.disconnect();
          }
        }).observe(document, {childList: true, subtree: true});
        """
    )
    page.goto(f"{live_server.url}/gioi-thieu/lich-su/")
    assert page.evaluate("() => window.__atBody") == ["1", "high"]


@pytest.mark.parametrize("url", ["/", "/gioi-thieu/"])
@pytest.mark.parametrize("contrast", ["normal", "high"])
def test_no_serious_accessibility_violations(live_server, page, site_pages, url, contrast):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(f"{live_server.url}{url}")
    if contrast == "high":
        page.get_by_role("button", name="Tăng tương phản").click()
    results = Axe().run(page)
    serious = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
