"""The admin's Vietnamese: the catalogs' coverage, our own strings, compilation and what is shown.

The check and the update run on scratch copies (a scratch source tree, a scratch locale dir) so
that a failing case never touches the real catalogs.
"""

import json
import re
import shutil

import polib
import pytest

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from django.utils import translation

from portal import i18n

UPSTREAM_LOCALE = settings.BASE_DIR / "locale" / "upstream"
REQUIRED = [catalog.label for catalog in i18n.UPSTREAM_CATALOGS if catalog.required]


def run_check(*args):
    out = []
    try:
        call_command("check_translations", *args, stdout=FakeOut(out))
    finally:
        printed = "".join(out)
    return printed


class FakeOut:
    """A stdout collecting what the command writes."""

    def __init__(self, sink):
        self.sink = sink

    def write(self, text):
        self.sink.append(text)

    def flush(self):
        pass


def printed_shares(output):
    """{label: percent} from the command's table."""
    rows = re.findall(r"^(\S.*?)\s+(\d+)/(\d+)\s+([\d.]+) %$", output, flags=re.M)
    return {label: float(percent) for label, _, _, percent in rows}


def test_the_check_prints_every_catalog_and_passes_on_the_repository():
    output = run_check()
    shares = printed_shares(output)
    assert set(REQUIRED) <= set(shares)
    assert REQUIRED == [
        "wagtail/admin",
        "wagtail/admin (JavaScript)",
        "wagtail",
        "wagtail/images",
        "wagtail/documents",
        "wagtail/snippets",
        "wagtail/users",
    ]
    for label in REQUIRED:
        assert shares[label] >= 95, label
    assert shares["ours"] == 100
    assert "Bản dịch đầy đủ và đã biên dịch." in output


def test_wagtail_shipped_far_less_than_the_check_now_counts():
    """Measured on Wagtail's own vi catalog alone, wagtail/admin is about a fifth translated."""
    shipped = polib.pofile(
        str(i18n.Catalog("wagtail.admin").locale_dir / "vi" / "LC_MESSAGES" / "django.po")
    )
    assert len(shipped.translated_entries()) < 0.2 * len(i18n.Catalog("wagtail.admin").msgids())
    ours = {share.label: share for share in i18n.upstream_shares([i18n.Catalog("wagtail.admin")])}
    assert ours["wagtail/admin"].percent >= 95


@pytest.mark.parametrize(
    ("msgid", "expected"),
    [
        ("Save draft", "Lưu bản nháp"),
        ("Publish", "Xuất bản"),
        ("Submit for moderation", "Gửi duyệt"),
        ("Unpublish", "Ngừng xuất bản"),
        ("Pages", "Trang"),
        ("Images", "Hình ảnh"),
        ("Documents", "Tài liệu"),
        ("Dashboard", "Bảng điều khiển"),
    ],
)
def test_glossary_terms_are_what_gettext_returns(msgid, expected):
    with translation.override("vi"):
        assert translation.gettext(msgid) == expected


def test_the_admin_javascript_catalog_is_vietnamese(client, admin_user):
    """The StreamField editor's and the comments' strings come from /admin/jsi18n/."""
    client.force_login(admin_user)
    response = client.get("/admin/jsi18n/")
    assert response.status_code == 200
    found = re.search(r"const newcatalog = (\{.*?\});", response.content.decode(), re.S)
    catalog = json.loads(found.group(1))
    assert catalog["Add a comment"] == "Thêm bình luận"
    assert catalog["Delete"] == "Xóa"


@pytest.fixture
def scratch_project(tmp_path):
    """A source tree with one template of ours and an empty project catalog beside it."""
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "trang.html").write_text(
        '{% load i18n %}<h1>{% translate "Tin tức nổi bật" %}</h1>\n', encoding="utf-8"
    )
    locale = tmp_path / "locale"
    (locale / "vi" / "LC_MESSAGES").mkdir(parents=True)
    with override_settings(BASE_DIR=tmp_path, LOCALE_PATHS=[locale, UPSTREAM_LOCALE]):
        yield tmp_path


def test_an_untranslated_string_of_ours_fails_the_check(scratch_project):
    catalog = scratch_project / "locale" / "vi" / "LC_MESSAGES" / "django.po"
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "vi"}
    po.save(str(catalog))
    po.save_as_mofile(str(catalog.with_suffix(".mo")))

    with pytest.raises(CommandError, match="Tin tức nổi bật"):
        run_check()


def test_update_collects_fills_and_compiles_then_the_check_passes(scratch_project):
    call_command("update_translations", stdout=FakeOut([]))

    catalog = polib.pofile(str(scratch_project / "locale/vi/LC_MESSAGES/django.po"))
    entry = catalog.find("Tin tức nổi bật")
    assert entry.msgstr == "Tin tức nổi bật"
    assert (scratch_project / "locale/vi/LC_MESSAGES/django.mo").exists()
    output = run_check()
    assert printed_shares(output)["ours"] == 100


def test_a_stale_mo_fails_the_check(scratch_project):
    call_command("update_translations", stdout=FakeOut([]))
    po_path = scratch_project / "locale/vi/LC_MESSAGES/django.po"
    catalog = polib.pofile(str(po_path))
    catalog.find("Tin tức nổi bật").msgstr = "Tin nổi bật"
    catalog.save(str(po_path))

    with pytest.raises(CommandError, match="tệp .mo cũ"):
        run_check()


def test_a_po_without_mo_fails_the_check(scratch_project):
    call_command("update_translations", stdout=FakeOut([]))
    (scratch_project / "locale/vi/LC_MESSAGES/django.mo").unlink()

    with pytest.raises(CommandError, match="chưa biên dịch"):
        run_check()


def test_a_wagtail_catalog_below_the_threshold_fails(tmp_path):
    """Without our completions, Wagtail's own vi catalogs are far below 95 %."""
    shutil.copytree(settings.BASE_DIR / "locale" / "vi", tmp_path / "vi")
    with override_settings(LOCALE_PATHS=[tmp_path]), pytest.raises(CommandError) as failure:
        run_check()
    assert "wagtail/admin:" in str(failure.value)
    assert "< 95 %" in str(failure.value)


def test_a_changed_string_is_refilled_not_left_fuzzy(scratch_project):
    call_command("update_translations", stdout=FakeOut([]))
    (scratch_project / "templates" / "trang.html").write_text(
        '{% load i18n %}<h1>{% translate "Tin tức nổi bật trong tuần" %}</h1>\n', encoding="utf-8"
    )
    call_command("update_translations", stdout=FakeOut([]))

    catalog = polib.pofile(str(scratch_project / "locale/vi/LC_MESSAGES/django.po"))
    entry = catalog.find("Tin tức nổi bật trong tuần")
    assert entry.msgstr == "Tin tức nổi bật trong tuần"
    assert "fuzzy" not in entry.flags
    assert catalog.find("Tin tức nổi bật") is None
    assert printed_shares(run_check())["ours"] == 100


class FakeTranslation:
    """A merged catalog reduced to a dict, as is_translated reads it."""

    def __init__(self, catalog):
        self._catalog = catalog


def test_english_repeated_as_its_own_translation_does_not_count():
    translation = FakeTranslation(
        {"Image": "Image", "File": "Tệp", "URL": "URL", "%s MB": "%s MB", "IPv4": "IPv4"}
    )
    assert not i18n.is_translated(translation, None, "Image")
    assert i18n.is_translated(translation, None, "File")
    for kept in ("URL", "%s MB", "IPv4"):
        assert i18n.is_translated(translation, None, kept), kept
    # Our own sources are Vietnamese: there a translation equal to its msgid is the norm.
    ours = FakeTranslation({"Tin tức": "Tin tức"})
    assert i18n.is_translated(ours, None, "Tin tức", source_is_english=False)
