"""ASCII slugs from Vietnamese titles, on the server and in the admin's slug widget."""

import json
import re

import pytest

from portal.slugs import (
    VIETNAMESE_LETTERS,
    VietnameseSlugInput,
    fold_vietnamese,
    vietnamese_slugify,
)
from tests.factories import StandardPageFactory


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Họp Ban biên tập quý I", "hop-ban-bien-tap-quy-i"),
        ("Đường giao thông nông thôn", "duong-giao-thong-nong-thon"),
        ("ĐẮK LẮK – Ủy ban nhân dân", "dak-lak-uy-ban-nhan-dan"),
        ("Hướng dẫn số 15/2024/HD-UBND", "huong-dan-so-152024hd-ubnd"),
        ("Thị trấn Phố Ràng", "thi-tran-pho-rang"),
    ],
)
def test_vietnamese_titles_fold_to_ascii_slugs(title, slug):
    assert vietnamese_slugify(title) == slug


def test_folding_keeps_case():
    assert fold_vietnamese("ỦY BAN Đắk Lắk") == "UY BAN Dak Lak"


def test_every_vietnamese_letter_folds_to_ascii():
    letters = "".join(VIETNAMESE_LETTERS.values())
    assert fold_vietnamese(letters).isascii()


def test_page_without_slug_gets_a_folded_one(district):
    page = StandardPageFactory(parent=district, title="Họp Ban biên tập quý I", slug="")
    assert page.slug == "hop-ban-bien-tap-quy-i"
    assert page.url == "/hop-ban-bien-tap-quy-i/"


def test_a_second_page_with_the_same_title_gets_a_numbered_slug(district):
    StandardPageFactory(parent=district, title="Đường dây nóng", slug="")
    second = StandardPageFactory(parent=district, title="Đường dây nóng", slug="")
    assert second.slug == "duong-day-nong-2"


def test_admin_slug_widget_carries_the_folding_table():
    formatters = json.loads(VietnameseSlugInput().attrs["data-w-slug-formatters-value"])
    patterns = {replacement: pattern for (pattern, _flags), replacement in formatters}
    assert set(patterns) == set(VIETNAMESE_LETTERS)
    assert re.sub(patterns["d"], "d", "Đường đi") == "dường di"


@pytest.mark.django_db
def test_page_editor_uses_the_folding_slug_widget(admin_client, district):
    response = admin_client.get(f"/admin/pages/add/portal/standardpage/{district.pk}/")
    assert response.status_code == 200
    assert "data-w-slug-formatters-value" in response.content.decode()
