"""manage.py import_news: old-portal articles (JSON Lines or RSS 2.0) into a news section."""

import datetime
import io
import json
from zoneinfo import ZoneInfo

import pytest
from PIL import Image as PillowImage

from django.core.management import call_command
from django.core.management.base import CommandError

from wagtail.images import get_image_model

from news.importers import clean_html
from news.models import NewsIndexPage, NewsPage

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def target_index(district):
    """The section /tin-tuc/ under the district home page, built here without factories."""
    index = NewsIndexPage(title="Tin tức", slug="tin-tuc")
    district.add_child(instance=index)
    index.save_revision().publish()
    return index


def run_import(path, into="/tin-tuc/", *args):
    """(stdout, stderr, error): error is the CommandError raised, or None."""
    out, err = io.StringIO(), io.StringIO()
    error = None
    try:
        call_command("import_news", str(path), "--into", into, *args, stdout=out, stderr=err)
    except CommandError as exc:
        error = exc
    return out.getvalue(), err.getvalue(), error


def write_jsonl(path, *records):
    """Write records (dicts, or raw strings written as they are) one a line."""
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def make_image(path, colour=(200, 30, 30)):
    PillowImage.new("RGB", (64, 48), colour).save(path)
    return path


def article(n, **fields):
    """A complete JSON Lines record; fields override."""
    record = {
        "title": f"Hội nghị tổng kết công tác năm {2000 + n}",
        "lead": f"Sáng nay, huyện tổng kết công tác năm {2000 + n}.",
        "body_html": f"<p>Nội dung bài {n}.</p>",
        "published_at": "2019-05-04T08:30:00+07:00",
        "author": "Minh Anh",
        "source": "Trung tâm Văn hóa huyện",
        "section": "",
        "tags": ["hội nghị", "tổng kết"],
        "source_url": f"https://cu.example.gov.vn/tin/{n}.html",
    }
    record.update(fields)
    return record


@pytest.mark.django_db
def test_good_file_creates_live_articles_with_their_fields(target_index, tmp_path):
    make_image(tmp_path / "anh-hoi-nghi.png")
    path = write_jsonl(
        tmp_path / "tin.jsonl",
        article(1, section="Hoạt động xã", image="anh-hoi-nghi.png"),
        article(2, tags="nông thôn mới, giao thông, ", image_alt="Cầu mới", image=None),
    )
    out, err, error = run_import(path)
    assert error is None, err
    assert err == ""
    assert "tạo mới 2, cập nhật 0, bỏ qua 0" in out

    first = NewsPage.objects.get(source_url="https://cu.example.gov.vn/tin/1.html")
    assert first.live and not first.has_unpublished_changes
    assert first.title == "Hội nghị tổng kết công tác năm 2001"
    assert first.slug == "hoi-nghi-tong-ket-cong-tac-nam-2001"
    assert first.lead == "Sáng nay, huyện tổng kết công tác năm 2001."
    assert (first.author, first.source) == ("Minh Anh", "Trung tâm Văn hóa huyện")
    assert [block.block_type for block in first.body] == ["paragraph"]
    assert "Nội dung bài 1." in first.body[0].value.source
    assert sorted(tag.name for tag in first.tags.all()) == ["hội nghị", "tổng kết"]
    original = datetime.datetime(2019, 5, 4, 8, 30, tzinfo=HANOI)
    assert first.published_at == original
    assert first.first_published_at == original
    assert first.last_published_at == original
    assert first.cover_image.width == 64 and first.cover_image.height == 48
    assert first.cover_alt == first.title and not first.cover_decorative

    section = first.get_parent().specific
    assert isinstance(section, NewsIndexPage)
    assert section.title == "Hoạt động xã" and section.live
    assert section.get_parent().pk == target_index.pk
    assert section.url_path.endswith("/tin-tuc/hoat-dong-xa/")

    second = NewsPage.objects.get(source_url="https://cu.example.gov.vn/tin/2.html")
    assert second.get_parent().pk == target_index.pk
    assert sorted(tag.name for tag in second.tags.all()) == ["giao thông", "nông thôn mới"]
    assert second.cover_image is None


@pytest.mark.django_db
def test_section_is_reused_by_title_and_existing_sections_are_found(target_index, tmp_path):
    existing = NewsIndexPage(title="Văn hóa – Xã hội")
    target_index.add_child(instance=existing)
    existing.save_revision().publish()
    path = write_jsonl(
        tmp_path / "tin.jsonl",
        article(1, section="Kinh tế"),
        article(2, section="Kinh tế"),
        article(3, section="Văn hóa – Xã hội"),
    )
    _, err, error = run_import(path)
    assert error is None, err
    sections = NewsIndexPage.objects.child_of(target_index)
    assert sorted(sections.values_list("title", flat=True)) == ["Kinh tế", "Văn hóa – Xã hội"]
    economy = sections.get(title="Kinh tế")
    assert NewsPage.objects.child_of(economy).count() == 2
    assert NewsPage.objects.child_of(existing).count() == 1


@pytest.mark.django_db
def test_date_without_offset_is_local_time_and_date_only_is_midnight(target_index, tmp_path):
    path = write_jsonl(
        tmp_path / "tin.jsonl",
        article(1, published_at="2015-09-02T07:00:00"),
        article(2, published_at="2015-09-02"),
    )
    _, err, error = run_import(path)
    assert error is None, err
    dates = dict(NewsPage.objects.values_list("source_url", "published_at"))
    assert dates["https://cu.example.gov.vn/tin/1.html"] == datetime.datetime(
        2015, 9, 2, 7, tzinfo=HANOI
    )
    assert dates["https://cu.example.gov.vn/tin/2.html"] == datetime.datetime(
        2015, 9, 2, tzinfo=HANOI
    )


@pytest.mark.django_db
def test_bad_lines_are_reported_with_line_numbers_and_skipped(target_index, tmp_path):
    (tmp_path / "khong-phai-anh.jpg").write_text("đây là chữ, không phải ảnh", encoding="utf-8")
    path = write_jsonl(
        tmp_path / "tin.jsonl",
        article(1),  # line 1: good
        '{"title": "Thiếu ngoặc"',  # line 2
        article(3, lead=""),  # line 3
        article(4, published_at="04/05/2019"),  # line 4
        article(5, image="khong-co.png"),  # line 5
        article(6, image="khong-phai-anh.jpg"),  # line 6
        "",  # line 7: blank, ignored
        article(8, source_url=None),  # line 8
        '["một", "mảng"]',  # line 9
        article(10, tags=[1, 2]),  # line 10
        article(11),  # line 11: good
    )
    out, err, error = run_import(path)
    assert error is not None
    assert "8 bài bị bỏ qua" in str(error)
    assert "tạo mới 2, cập nhật 0, bỏ qua 8" in out
    lines = err.strip().splitlines()
    assert len(lines) == 8
    assert lines[0].startswith("Dòng 2:") and "JSON không hợp lệ" in lines[0]
    assert lines[1].startswith("Dòng 3:") and "lead" in lines[1] and "thiếu" in lines[1]
    assert lines[2].startswith("Dòng 4:") and "ngày đăng" in lines[2]
    assert lines[3].startswith("Dòng 5:") and "không tìm thấy tệp ảnh" in lines[3]
    assert lines[4].startswith("Dòng 6:") and "không phải ảnh" in lines[4]
    assert lines[5].startswith("Dòng 8:") and "source_url" in lines[5]
    assert lines[6].startswith("Dòng 9:") and "đối tượng JSON" in lines[6]
    assert lines[7].startswith("Dòng 10:") and "tags" in lines[7]
    assert sorted(NewsPage.objects.values_list("source_url", flat=True)) == [
        "https://cu.example.gov.vn/tin/1.html",
        "https://cu.example.gov.vn/tin/11.html",
    ]
    assert all(page.live for page in NewsPage.objects.all())


@pytest.mark.django_db
def test_a_line_failing_validation_is_rolled_back_alone(target_index, tmp_path):
    path = write_jsonl(
        tmp_path / "tin.jsonl",
        article(1, section="Mục mới", title="!!!"),  # no slug can be made from it
        article(2),
        article(3, title="T" * 300),
    )
    _, err, error = run_import(path)
    assert error is not None
    lines = err.strip().splitlines()
    assert lines[0].startswith("Dòng 1:") and "slug" in lines[0]
    assert lines[1].startswith("Dòng 3:") and "title dài quá 255 ký tự" in lines[1]
    assert not NewsIndexPage.objects.filter(title="Mục mới").exists()
    assert list(NewsPage.objects.values_list("source_url", flat=True)) == [
        "https://cu.example.gov.vn/tin/2.html"
    ]


@pytest.mark.django_db
def test_rerun_updates_and_never_duplicates(target_index, tmp_path):
    make_image(tmp_path / "anh.png")
    path = write_jsonl(tmp_path / "tin.jsonl", article(1, image="anh.png"), article(2))
    _, err, error = run_import(path)
    assert error is None, err
    page = NewsPage.objects.get(source_url="https://cu.example.gov.vn/tin/1.html")
    slug, revisions = page.slug, page.revisions.count()

    write_jsonl(
        tmp_path / "tin.jsonl",
        article(1, title="Tiêu đề đã sửa", lead="Sapo mới.", tags=["sửa"], image="anh.png"),
        article(2),
    )
    out, err, error = run_import(path)
    assert error is None, err
    assert "tạo mới 0, cập nhật 2, bỏ qua 0" in out
    assert NewsPage.objects.count() == 2
    page.refresh_from_db()
    assert (page.title, page.lead, page.slug) == ("Tiêu đề đã sửa", "Sapo mới.", slug)
    assert [tag.name for tag in page.tags.all()] == ["sửa"]
    assert page.live and not page.has_unpublished_changes
    assert page.revisions.count() == revisions + 1
    assert page.live_revision == page.latest_revision
    original = datetime.datetime(2019, 5, 4, 8, 30, tzinfo=HANOI)
    assert (page.published_at, page.first_published_at) == (original, original)
    # The same picture is not uploaded twice.
    assert get_image_model().objects.count() == 1


@pytest.mark.django_db
def test_html_is_cleaned_to_what_the_editor_allows(target_index, tmp_path):
    body = (
        '<p onclick="steal()">Xin <b>chào</b> <a href="https://ubnd.example.gov.vn/" '
        'onclick="evil()" style="color:red">cổng mới</a></p>'
        "<script>alert('x')</script><style>p{color:red}</style>"
        '<iframe src="https://quangcao.example.com/"></iframe>'
        "<h2>Kết quả</h2><ul><li>Một</li><li>Hai</li></ul>"
        '<div class="cu"><span>Chữ trong div</span></div><font color="red">Cũ</font>'
    )
    path = write_jsonl(tmp_path / "tin.jsonl", article(1, body_html=body))
    _, err, error = run_import(path)
    assert error is None, err
    html = NewsPage.objects.get().body[0].value.source
    for gone in ("script", "alert", "iframe", "quangcao", "onclick", "steal", "style", "<font"):
        assert gone not in html
    assert "<b>chào</b>" in html
    assert '<a href="https://ubnd.example.gov.vn/">cổng mới</a>' in html
    assert "<h2" in html and "<ul>" in html and "<li" in html
    assert "Chữ trong div" in html and "Cũ" in html


def test_clean_html_drops_unsafe_links_and_empty_paragraphs():
    html = clean_html('<p><a href="javascript:alert(1)">bấm</a></p><p>  </p><p><i>nghiêng</i></p>')
    assert "javascript" not in html
    assert html.count("<p") == 2 and "<i>nghiêng</i>" in html
    assert clean_html("<script>alert(1)</script>") == ""
    assert clean_html("") == ""


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Cổng cũ</title>
    <link>https://cu.example.gov.vn/</link>
    <description>Tin tức</description>
    <item>
      <title>Khai giảng năm học mới</title>
      <link>https://cu.example.gov.vn/tin/khai-giang.html</link>
      <guid isPermaLink="false">cu-portal-1001</guid>
      <pubDate>Thu, 05 Sep 2019 07:30:00 +0700</pubDate>
      <description>&lt;p&gt;Các trường &lt;b&gt;khai giảng&lt;/b&gt;
        năm học mới.&lt;/p&gt;</description>
      <content:encoded><![CDATA[<p>Toàn văn <b>bài</b>.</p><script>x()</script>]]></content:encoded>
      <dc:creator>Thu Hà</dc:creator>
      <category>giáo dục</category>
      <category>khai giảng</category>
    </item>
    <item>
      <title>Tiêm chủng mở rộng</title>
      <link>https://cu.example.gov.vn/tin/tiem-chung.html</link>
      <pubDate>Mon, 02 Mar 2020 01:00:00 GMT</pubDate>
      <description>Trạm y tế tổ chức tiêm chủng.</description>
      <author>yte@example.gov.vn (Trạm Y tế)</author>
    </item>
    <item>
      <link>https://cu.example.gov.vn/tin/khong-tieu-de.html</link>
      <description>Bài không có tiêu đề.</description>
    </item>
  </channel>
</rss>
"""


@pytest.mark.django_db
def test_rss_items_are_imported_keyed_by_guid_then_link(target_index, tmp_path):
    path = tmp_path / "tin.xml"
    path.write_text(RSS, encoding="utf-8")
    out, err, error = run_import(path)
    assert error is not None
    assert err.strip().splitlines() == ["Mục 3: bỏ qua – thiếu trường bắt buộc: title."]
    assert "tạo mới 2, cập nhật 0, bỏ qua 1" in out

    school = NewsPage.objects.get(source_url="cu-portal-1001")
    assert school.title == "Khai giảng năm học mới"
    assert school.lead == "Các trường khai giảng năm học mới."
    assert school.author == "Thu Hà"
    body = school.body[0].value.source
    assert "Toàn văn <b>bài</b>." in body and "script" not in body
    assert sorted(tag.name for tag in school.tags.all()) == ["giáo dục", "khai giảng"]
    sept = datetime.datetime(2019, 9, 5, 7, 30, tzinfo=HANOI)
    assert (school.published_at, school.first_published_at) == (sept, sept)

    health = NewsPage.objects.get(source_url="https://cu.example.gov.vn/tin/tiem-chung.html")
    assert health.author == "Trạm Y tế"
    assert "Trạm y tế tổ chức tiêm chủng." in health.body[0].value.source
    assert health.published_at == datetime.datetime(2020, 3, 2, 1, tzinfo=datetime.UTC)
    assert not health.tags.exists()

    out, _, _ = run_import(path)
    assert "tạo mới 0, cập nhật 2, bỏ qua 1" in out
    assert NewsPage.objects.count() == 2


@pytest.mark.django_db
def test_xml_that_is_not_rss_is_refused(target_index, tmp_path):
    path = tmp_path / "atom.xml"
    path.write_text('<feed xmlns="http://www.w3.org/2005/Atom"></feed>', encoding="utf-8")
    _, _, error = run_import(path)
    assert error is not None and "không phải RSS 2.0" in str(error)


@pytest.mark.django_db
def test_into_must_be_a_news_section_of_the_default_site(target_index, tmp_path):
    path = write_jsonl(tmp_path / "tin.jsonl", article(1))
    _, _, error = run_import(path, into="/khong-co/")
    assert error is not None and "Không tìm thấy trang" in str(error)
    _, _, error = run_import(path, into="/")
    assert error is not None and "không phải chuyên mục tin" in str(error)
    assert not NewsPage.objects.exists()
    # Without slashes, or as a full address, the same section is found.
    _, err, error = run_import(path, into="tin-tuc")
    assert error is None, err
    _, err, error = run_import(path, into="http://localhost/tin-tuc/")
    assert error is None, err
    assert NewsPage.objects.count() == 1


@pytest.mark.django_db
def test_missing_file_is_an_error(target_index, tmp_path):
    _, _, error = run_import(tmp_path / "khong-co.jsonl")
    assert error is not None and "Không mở được tệp" in str(error)


@pytest.mark.django_db
def test_camera_jpegs_are_accepted_and_unsupported_formats_refused(target_index, tmp_path):
    # Cameras write MPO (a JPEG with extra frames) under a .jpg name.
    frames = [PillowImage.new("RGB", (32, 24), colour) for colour in ("red", "blue")]
    frames[0].save(tmp_path / "may-anh.jpg", "MPO", save_all=True, append_images=frames[1:])
    PillowImage.new("RGB", (32, 24)).save(tmp_path / "cu.bmp")
    path = write_jsonl(
        tmp_path / "tin.jsonl",
        article(1, image="may-anh.jpg"),
        article(2, image=str(tmp_path / "cu.bmp")),  # an absolute path
    )
    _, err, error = run_import(path)
    assert error is not None
    assert err.startswith("Dòng 2:") and "BMP" in err and "không được hỗ trợ" in err
    page = NewsPage.objects.get()
    assert page.cover_image.width == 32
    assert page.cover_image.get_rendition("fill-16x16").width == 16
