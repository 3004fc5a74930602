"""The district radio: tree rules, audio read from the file, listing, schedule, episode
pages, podcast feeds, drafts, the admin, query bounds and the sample seeder."""

import datetime
import io
import re
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text

from news import radio_demo
from news.audio import read_audio, validate_audio
from news.models import (
    BroadcastSlot,
    RadioEpisodePage,
    RadioIndexPage,
    RadioProgramme,
)
from portal.models import HomePage
from tests.factories import ImageFactory, NewsIndexPageFactory

ICT = ZoneInfo("Asia/Ho_Chi_Minh")
ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
TRANSCRIPT = "<p>Kính thưa bà con, sau đây là bản tin của huyện.</p>"


# --- Audio made here, without network ------------------------------------------------------


def wav_bytes(seconds=2.0):
    """A playable 8 kHz mono 16-bit WAV (128 kbit/s) of this length."""
    return radio_demo.make_wav(seconds)


def mp3_bytes(seconds=10.0):
    """A valid MPEG-1 Layer III stream of silent frames: 32 kbit/s, 32 kHz, mono.

    Each frame is 144 bytes (1152 samples, 36 ms): a header and zeroed side information,
    which decoders play as silence.
    """
    frame = bytes([0xFF, 0xFB, 0x18, 0xC0]) + bytes(140)
    return frame * round(seconds * 32000 / 1152)


def audio_file(data, name="ban-tin.wav"):
    return File(io.BytesIO(data), name=name)


# --- Fixtures ------------------------------------------------------------------------------


@pytest.fixture
def programmes(db):
    return {
        "huyen": RadioProgramme.objects.create(
            name="Chương trình phát thanh huyện",
            description="Thời sự của huyện bằng tiếng Việt.",
        ),
        "tay": RadioProgramme.objects.create(
            name="Bản tin tiếng Tày",
            language="tyz",
            description="Tin tức của huyện đọc bằng tiếng Tày.",
        ),
    }


@pytest.fixture
def radio(district, programmes):
    index = RadioIndexPage(
        title="Phát thanh",
        slug="phat-thanh",
        intro="Nghe lại các chương trình phát thanh của huyện.",
        podcast_author="Trung tâm Truyền thông huyện Thử Nghiệm",
        podcast_category="Government",
    )
    district.add_child(instance=index)
    index.save_revision().publish()
    return index


def make_episode(index, programme, when, *, live=True, transcript=TRANSCRIPT, seconds=2, **kw):
    """An episode with a generated WAV; live (published) unless told otherwise."""
    page = RadioEpisodePage(
        title=kw.pop("title", f"Bản tin {when:%d/%m/%Y %H:%M}"),
        broadcast_at=when,
        programme=programme,
        language=kw.pop("language", programme.language),
        summary=kw.pop("summary", "Tóm tắt buổi phát."),
        transcript=transcript,
        live=live,
        **kw,
    )
    page.audio = audio_file(wav_bytes(seconds))
    index.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    return page


def at(year, month, day, hour=18, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=ICT)


@pytest.fixture
def episodes(radio, programmes):
    """Four live episodes over two months and one draft."""
    huyen, tay = programmes["huyen"], programmes["tay"]
    return {
        "may": make_episode(radio, huyen, at(2025, 5, 20), title="Bản tin tháng Năm"),
        "june": make_episode(radio, huyen, at(2025, 6, 2), title="Bản tin đầu tháng Sáu"),
        "tay": make_episode(radio, tay, at(2025, 6, 5), title="Bản tin tiếng Tày tháng Sáu"),
        "latest": make_episode(
            radio, huyen, at(2025, 6, 10), title="Bản tin mới nhất", transcript=""
        ),
        "draft": make_episode(radio, huyen, at(2025, 6, 12), title="Bản nháp", live=False),
    }


def episode_titles(response):
    return [episode.title for episode in response.context["episodes"]]


# --- Page tree -----------------------------------------------------------------------------


class RadioTreeRulesTests(WagtailPageTestCase):
    def test_radio_lives_under_the_home_page_and_holds_episodes(self):
        self.assertAllowedParentPageTypes(RadioIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(RadioIndexPage, {RadioEpisodePage})

    def test_episodes_live_under_the_radio_and_have_no_children(self):
        self.assertAllowedParentPageTypes(RadioEpisodePage, {RadioIndexPage})
        self.assertAllowedSubpageTypes(RadioEpisodePage, set())
        self.assertCanNotCreateAt(HomePage, RadioEpisodePage)


# --- Reading the audio ---------------------------------------------------------------------


def test_wav_duration_bitrate_and_size_are_read_from_the_content():
    data = wav_bytes(3)
    upload = SimpleUploadedFile("Bản tin sáng.wav", data)
    upload.seek(5)
    info = read_audio(upload)
    assert (info.extension, info.duration_seconds, info.bitrate_kbps) == ("wav", 3, 128)
    assert info.size_bytes == len(data)
    assert upload.tell() == 5  # left where it was found


def test_mp3_duration_bitrate_and_size_are_read_from_the_content():
    data = mp3_bytes(10)
    info = read_audio(SimpleUploadedFile("ban-tin.mp3", data))
    assert (info.extension, info.duration_seconds, info.bitrate_kbps) == ("mp3", 10, 32)
    assert info.size_bytes == len(data)


def test_saving_an_episode_reads_its_audio(radio, programmes):
    data = wav_bytes(4)
    episode = make_episode(radio, programmes["huyen"], at(2025, 6, 1), seconds=4)
    episode.refresh_from_db()
    assert (episode.duration_seconds, episode.bitrate_kbps) == (4, 128)
    assert episode.size_bytes == len(data)
    stored = Path(settings.MEDIA_ROOT) / episode.audio.name
    assert stored.read_bytes() == data
    assert episode.audio.name.startswith("phat-thanh/")
    assert (episode.audio_type, episode.audio_label) == ("audio/wav", "WAV")
    assert episode.duration_display == "0:04"


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("Bản tin.mp3", "Chỉ là chữ, không phải âm thanh.".encode(), "không phải âm thanh MP3"),
        ("Bản tin.wav", "Chỉ là chữ, không phải âm thanh.".encode(), "không phải âm thanh WAV"),
        ("Bản tin.mp3", wav_bytes(1), "không phải âm thanh MP3"),
        ("Bản tin.ogg", mp3_bytes(2), "không phải âm thanh OGG"),
        ("Bản tin.txt", wav_bytes(1), "không phải định dạng được nhận"),
        ("Bản tin", wav_bytes(1), "không phải định dạng được nhận"),
    ],
    ids=["text-as-mp3", "text-as-wav", "wav-as-mp3", "mp3-as-ogg", "txt", "no-extension"],
)
def test_files_that_are_not_the_audio_they_claim_are_refused(name, data, words):
    with pytest.raises(ValidationError) as error:
        validate_audio(SimpleUploadedFile(name, data))
    message = error.value.messages[0]
    assert words in message
    assert f"“{name}”" in message


# --- Through the admin ---------------------------------------------------------------------


def episode_form(programme, audio, transcript=TRANSCRIPT, **extra):
    return nested_form_data(
        {
            "title": "Bản tin chiều thứ Hai",
            "slug": "ban-tin-chieu-thu-hai",
            "broadcast_at": "2025-06-02 17:30",
            "programme": programme.pk,
            "language": programme.language,
            "audio": audio,
            "summary": "Tin về lịch tiêm chủng và cầu treo Nà Lầu.",
            # An empty Draftail editor posts "null" (what a browser sends), not an empty block.
            "transcript": rich_text(transcript) if transcript else "null",
            **extra,
        }
    )


def add_url(radio):
    return f"/admin/pages/add/news/radioepisodepage/{radio.pk}/"


def test_admin_refuses_a_renamed_text_file(admin_client, radio, programmes):
    fake = SimpleUploadedFile("Bản tin giả.mp3", "Đây chỉ là chữ.".encode())
    data = episode_form(programmes["huyen"], fake)
    response = admin_client.post(add_url(radio), {**data, "action-publish": "action-publish"})
    assert response.status_code == 200
    assert "audio" in response.context["form"].errors
    body = response.content.decode()
    assert "tệp “Bản tin giả.mp3”: nội dung không phải âm thanh MP3." in body
    assert not RadioEpisodePage.objects.filter(slug="ban-tin-chieu-thu-hai").exists()
    assert not list(Path(settings.MEDIA_ROOT).rglob("*.mp3"))


def test_admin_upload_gets_its_duration_read(admin_client, client, radio, programmes):
    data = wav_bytes(5)
    upload = SimpleUploadedFile("Bản tin chiều.wav", data, content_type="audio/wav")
    form = episode_form(programmes["tay"], upload)
    response = admin_client.post(add_url(radio), {**form, "action-publish": "action-publish"})
    if response.status_code != 302:
        pytest.fail(response.context["form"].errors.as_text())
    episode = RadioEpisodePage.objects.get(slug="ban-tin-chieu-thu-hai")
    assert episode.live
    assert (episode.duration_seconds, episode.bitrate_kbps, episode.size_bytes) == (
        5,
        128,
        len(data),
    )
    assert episode.language == "tyz"
    assert episode.broadcast_at == at(2025, 6, 2, 17, 30)
    assert (Path(settings.MEDIA_ROOT) / episode.audio.name).read_bytes() == data
    # The published revision names the stored file, not the uploaded name.
    assert episode.get_latest_revision().content["audio"] == episode.audio.name
    page = client.get(episode.url)
    assert page.status_code == 200
    assert "Thời lượng: 0:05" in page.content.decode()
    served = client.get(episode.audio.url)
    assert b"".join(served.streaming_content) == data
    served.close()
    warnings = [str(m) for m in get_messages(response.wsgi_request)]
    assert not any("chưa có bản ghi lời" in m for m in warnings)


def test_replacing_the_audio_of_a_live_episode_rereads_it(admin_client, client, episodes):
    episode = episodes["june"]
    old_name = episode.audio.name
    data = mp3_bytes(10)
    form = episode_form(
        episode.programme,
        SimpleUploadedFile("Bản tin đọc lại.mp3", data),
        title=episode.title,
        slug=episode.slug,
    )
    response = admin_client.post(
        f"/admin/pages/{episode.pk}/edit/", {**form, "action-publish": "action-publish"}
    )
    if response.status_code != 302:
        pytest.fail(response.context["form"].errors.as_text())
    episode.refresh_from_db()
    assert episode.audio.name != old_name and episode.audio.name.endswith(".mp3")
    assert (episode.duration_seconds, episode.bitrate_kbps, episode.size_bytes) == (
        10,
        32,
        len(data),
    )
    assert (episode.audio_type, episode.audio_label) == ("audio/mpeg", "MP3")
    body = client.get(episode.url).content.decode()
    assert "Thời lượng: 0:10" in body and "MP3" in body
    item = [
        item
        for item in parse_feed(client.get("/phat-thanh/podcast/")).findall("item")
        if item.findtext("title") == episode.title
    ][0]
    assert item.find("enclosure").get("type") == "audio/mpeg"
    assert item.find("enclosure").get("length") == str(len(data))
    assert item.findtext(f"{ITUNES}duration") == "0:10"


def test_saving_without_a_transcript_warns_the_editor(admin_client, radio, programmes):
    upload = SimpleUploadedFile("ban-tin.wav", wav_bytes(1))
    form = episode_form(programmes["huyen"], upload, transcript="")
    response = admin_client.post(add_url(radio), {**form, "action-publish": "action-publish"})
    assert response.status_code == 302
    messages = [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]
    assert (
        "warning",
        "Buổi phát “Bản tin chiều thứ Hai” chưa có bản ghi lời. Người khiếm thính chỉ theo dõi "
        "được qua bản ghi lời; hãy bổ sung sớm.",
    ) in messages

    # Also on edit, while the transcript stays empty.
    episode = RadioEpisodePage.objects.get(slug="ban-tin-chieu-thu-hai")
    form = episode_form(programmes["huyen"], "", transcript="")
    response = admin_client.post(f"/admin/pages/{episode.pk}/edit/", form)
    assert response.status_code == 302
    assert any("chưa có bản ghi lời" in str(m) for m in get_messages(response.wsgi_request))


# --- Listing -------------------------------------------------------------------------------


def test_listing_shows_live_episodes_newest_first(client, episodes):
    response = client.get("/phat-thanh/")
    assert response.status_code == 200
    assert episode_titles(response) == [
        "Bản tin mới nhất",
        "Bản tin tiếng Tày tháng Sáu",
        "Bản tin đầu tháng Sáu",
        "Bản tin tháng Năm",
    ]
    body = response.content.decode()
    assert "4 buổi phát" in body
    assert "Bản nháp" not in body
    assert body.count('<audio class="episode__audio" controls preload="none"') == 4


def test_listing_filters_by_programme(client, episodes, programmes):
    response = client.get("/phat-thanh/", {"chuong_trinh": programmes["tay"].slug})
    assert response.status_code == 200
    assert episode_titles(response) == ["Bản tin tiếng Tày tháng Sáu"]
    assert f'<option value="{programmes["tay"].slug}" selected>' in response.content.decode()


def test_listing_filters_by_month(client, episodes):
    response = client.get("/phat-thanh/", {"thang": "2025-05"})
    assert episode_titles(response) == ["Bản tin tháng Năm"]
    response = client.get("/phat-thanh/", {"thang": "2025-06"})
    assert len(episode_titles(response)) == 3
    body = response.content.decode()
    assert '<option value="2025-06" selected>Tháng 06/2025</option>' in body
    assert '<option value="2025-05">Tháng 05/2025</option>' in body


def test_month_boundaries_are_in_vietnam_time(client, radio, programmes):
    # 00:30 on 1 June in Vietnam is still 31 May in UTC.
    make_episode(radio, programmes["huyen"], at(2025, 6, 1, 0, 30), title="Nửa đêm")
    assert episode_titles(client.get("/phat-thanh/", {"thang": "2025-06"})) == ["Nửa đêm"]
    assert episode_titles(client.get("/phat-thanh/", {"thang": "2025-05"})) == []


def test_programme_and_month_combine(client, episodes, programmes):
    response = client.get(
        "/phat-thanh/", {"chuong_trinh": programmes["huyen"].slug, "thang": "2025-06"}
    )
    assert episode_titles(response) == ["Bản tin mới nhất", "Bản tin đầu tháng Sáu"]


@pytest.mark.parametrize(
    ("query", "explanation"),
    [
        (
            {"chuong_trinh": "khong-co"},
            "Không có chương trình này; đang hiển thị mọi chương trình.",
        ),
        ({"thang": "2025-13"}, "Tháng không hợp lệ; đang hiển thị mọi tháng."),
        ({"thang": "tháng sáu"}, "Tháng không hợp lệ; đang hiển thị mọi tháng."),
        ({"thang": "0001-01"}, "Tháng không hợp lệ; đang hiển thị mọi tháng."),
    ],
)
def test_bad_filter_values_are_explained(client, episodes, query, explanation):
    response = client.get("/phat-thanh/", query)
    assert response.status_code == 200
    assert explanation in response.content.decode()
    assert len(episode_titles(response)) == 4


def test_bad_page_number_shows_a_page(client, episodes):
    for value in ("abc", "999", "-1"):
        response = client.get("/phat-thanh/", {"trang": value})
        assert response.status_code == 200
        assert episode_titles(response)


def test_listing_paginates_by_ten(client, radio, programmes):
    for n in range(12):
        make_episode(radio, programmes["huyen"], at(2025, 6, 1) + datetime.timedelta(hours=n))
    first = client.get("/phat-thanh/")
    second = client.get("/phat-thanh/", {"trang": 2})
    assert len(episode_titles(first)) == 10
    assert len(episode_titles(second)) == 2
    assert not set(episode_titles(first)) & set(episode_titles(second))


def test_empty_radio_says_so(client, radio):
    response = client.get("/phat-thanh/")
    assert response.status_code == 200
    assert "Chưa có buổi phát nào." in response.content.decode()


# --- Weekly schedule -----------------------------------------------------------------------


@pytest.fixture
def weekly_schedule(radio, programmes):
    """A broadcast every day of the week, one channel on even days, another on odd."""
    for weekday in range(7):
        BroadcastSlot.objects.create(
            page=radio,
            weekday=weekday,
            start_time=datetime.time(6 + weekday, 30),
            programme=programmes["huyen"] if weekday % 2 == 0 else programmes["tay"],
            channel="FM 96,5 MHz" if weekday % 2 == 0 else "Hệ thống loa truyền thanh cơ sở",
        )
    return radio


def schedule_rows(body):
    table = body.split('<section class="schedule"', 1)[1].split("</table>", 1)[0]
    return re.findall(r"<tr[^>]*>.*?</tr>", table, re.S)[1:]  # without the header row


@pytest.mark.parametrize(("weekday", "label"), [(0, "Thứ Hai"), (3, "Thứ Năm"), (6, "Chủ nhật")])
def test_schedule_highlights_today(client, weekly_schedule, monkeypatch, weekday, label):
    day = datetime.date(2025, 6, 2) + datetime.timedelta(days=weekday)  # 2 June 2025: Monday
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: day)
    body = client.get("/phat-thanh/").content.decode()
    rows = schedule_rows(body)
    assert len(rows) == 7
    highlighted = [row for row in rows if 'class="schedule__today"' in row]
    assert len(highlighted) == 1
    assert f"{label} <strong>(hôm nay)</strong>" in highlighted[0]
    assert f"{6 + weekday:02d}:30" in highlighted[0]
    assert body.count("(hôm nay)") == 1
    assert "FM 96,5 MHz" in body and "Hệ thống loa truyền thanh cơ sở" in body


def test_schedule_is_ordered_by_day_and_time(client, radio, programmes):
    for weekday, hour in [(4, 18), (0, 17), (0, 6)]:
        BroadcastSlot.objects.create(
            page=radio,
            weekday=weekday,
            start_time=datetime.time(hour, 0),
            programme=programmes["huyen"],
            channel="FM 96,5 MHz",
        )
    rows = schedule_rows(client.get("/phat-thanh/").content.decode())
    assert [re.search(r"<td>(\d\d:\d\d)</td>", row).group(1) for row in rows] == [
        "06:00",
        "17:00",
        "18:00",
    ]


def test_no_schedule_table_without_slots(client, radio):
    assert '<section class="schedule"' not in client.get("/phat-thanh/").content.decode()


# --- Episode page --------------------------------------------------------------------------


def test_episode_page_has_player_duration_download_and_transcript(client, episodes):
    episode = episodes["tay"]
    response = client.get(episode.url)
    assert response.status_code == 200
    body = response.content.decode()
    url = episode.audio.url
    assert f'<audio class="episode__audio" controls preload="none" src="{url}"' in body
    assert "Thời lượng: 0:02" in body
    assert re.search(rf'<a href="{re.escape(url)}" download>Tải về \(WAV, [^)]*128 kbps\)', body)
    assert '<div class="rich-text" lang="tyz">' in body
    assert "sau đây là bản tin của huyện" in body
    assert "đang được cập nhật" not in body
    assert client.get(url).status_code == 200


def test_episode_without_transcript_says_it_is_being_updated(client, episodes):
    body = client.get(episodes["latest"].url).content.decode()
    assert "Bản ghi lời của buổi phát này đang được cập nhật." in body
    assert 'class="rich-text"' not in body


def test_vietnamese_transcript_is_marked_vietnamese(client, episodes):
    body = client.get(episodes["june"].url).content.decode()
    assert '<div class="rich-text" lang="vi">' in body


# --- Drafts --------------------------------------------------------------------------------


def test_drafts_are_nowhere_public(client, episodes, programmes):
    draft = episodes["draft"]
    assert client.get("/phat-thanh/ban-nhap/").status_code == 404
    assert client.get(f"/phat-thanh/{draft.slug}/").status_code == 404
    assert "Bản nháp" not in client.get("/phat-thanh/").content.decode()
    for url in ("/phat-thanh/podcast/", f"/phat-thanh/podcast/{programmes['huyen'].slug}/"):
        assert "Bản nháp" not in client.get(url).content.decode()


def test_unpublishing_removes_an_episode(client, episodes):
    episodes["june"].unpublish()
    assert client.get("/phat-thanh/podcast/").content.decode().count("<item>") == 3
    assert "Bản tin đầu tháng Sáu" not in client.get("/phat-thanh/").content.decode()


# --- Podcast feeds -------------------------------------------------------------------------


def parse_feed(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    return root.find("channel")


def check_items(channel, expected):
    """Every item is a complete podcast episode, in the expected order."""
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [page.title for page in expected]
    for item, page in zip(items, expected, strict=True):
        enclosure = item.find("enclosure")
        url = enclosure.get("url")
        assert re.match(r"^https?://[^/]+/media/phat-thanh/", url), url
        assert url.endswith(page.audio.url)
        size = (Path(settings.MEDIA_ROOT) / page.audio.name).stat().st_size
        assert enclosure.get("length") == str(size) == str(page.size_bytes)
        assert enclosure.get("type") == "audio/wav"
        guid = item.find("guid")
        assert guid.text.startswith("http") and guid.text.endswith(page.url)
        assert item.findtext("link") == guid.text
        published = parsedate_to_datetime(item.findtext("pubDate"))
        assert published == page.broadcast_at
        assert item.findtext(f"{ITUNES}duration") == page.duration_display == "0:02"
        assert item.findtext(f"{ITUNES}explicit") == "false"
        assert item.findtext("description") == page.summary


def test_whole_radio_podcast(client, episodes, radio):
    radio.podcast_image = ImageFactory(width=1400, height=1400)
    radio.save_revision().publish()
    channel = parse_feed(client.get("/phat-thanh/podcast/"))
    assert channel.findtext("title") == "Phát thanh"
    assert channel.findtext("description") == "Nghe lại các chương trình phát thanh của huyện."
    assert channel.findtext("language") == "vi"
    assert channel.findtext("link").endswith("/phat-thanh/")
    assert channel.findtext(f"{ITUNES}author") == "Trung tâm Truyền thông huyện Thử Nghiệm"
    assert channel.findtext(f"{ITUNES}explicit") == "false"
    assert channel.find(f"{ITUNES}category").get("text") == "Government"
    image = channel.find(f"{ITUNES}image").get("href")
    assert re.match(r"^https?://[^/]+/media/images/.*\.jpg$", image), image
    assert client.get(image[image.index("/media/") :]).status_code == 200
    check_items(channel, [episodes["latest"], episodes["tay"], episodes["june"], episodes["may"]])


def test_podcast_without_an_image_has_no_itunes_image(client, episodes):
    channel = parse_feed(client.get("/phat-thanh/podcast/"))
    assert channel.find(f"{ITUNES}image") is None
    assert len(channel.findall("item")) == 4


def test_programme_podcast(client, episodes, programmes):
    tay = programmes["tay"]
    channel = parse_feed(client.get(f"/phat-thanh/podcast/{tay.slug}/"))
    assert channel.findtext("title") == "Phát thanh: Bản tin tiếng Tày"
    assert channel.findtext("description") == "Tin tức của huyện đọc bằng tiếng Tày."
    assert channel.findtext("language") == "vi"
    assert channel.findtext(f"{ITUNES}author") == "Trung tâm Truyền thông huyện Thử Nghiệm"
    assert channel.find(f"{ITUNES}category").get("text") == "Government"
    assert channel.findtext(f"{ITUNES}explicit") == "false"
    check_items(channel, [episodes["tay"]])

    huyen = parse_feed(client.get(f"/phat-thanh/podcast/{programmes['huyen'].slug}/"))
    check_items(huyen, [episodes["latest"], episodes["june"], episodes["may"]])


def test_programme_podcast_without_a_description_uses_the_intro(client, radio, programmes):
    RadioProgramme.objects.filter(pk=programmes["tay"].pk).update(description="")
    channel = parse_feed(client.get(f"/phat-thanh/podcast/{programmes['tay'].slug}/"))
    assert channel.findtext("description") == "Nghe lại các chương trình phát thanh của huyện."
    assert channel.findall("item") == []


def test_unknown_programme_podcast_is_404(client, radio):
    assert client.get("/phat-thanh/podcast/khong-co/").status_code == 404


def test_listing_links_to_the_podcasts(client, episodes, programmes):
    body = client.get("/phat-thanh/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in body
    assert 'href="/phat-thanh/podcast/"' in body
    for programme in programmes.values():
        assert f'href="/phat-thanh/podcast/{programme.slug}/"' in body
        assert client.get(f"/phat-thanh/podcast/{programme.slug}/").status_code == 200


# --- Query bounds --------------------------------------------------------------------------


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def add_episodes(radio, programmes, count, start):
    made = []
    for n in range(count):
        programme = programmes["huyen"] if n % 2 else programmes["tay"]
        made.append(make_episode(radio, programme, start + datetime.timedelta(days=n)))
    return made


@pytest.mark.parametrize("target", ["index", "episode", "podcast"])
def test_queries_do_not_grow_with_episodes(client, weekly_schedule, programmes, target):
    radio = weekly_schedule
    radio.podcast_image = ImageFactory(width=1400, height=1400)
    radio.save_revision().publish()
    subject = add_episodes(radio, programmes, 3, at(2025, 1, 1))[0]
    url = {"index": "/phat-thanh/", "episode": subject.url, "podcast": "/phat-thanh/podcast/"}[
        target
    ]
    count_queries(client, url)  # renditions are created on the first request
    few = count_queries(client, url)

    add_episodes(radio, programmes, 17, at(2025, 3, 1))
    count_queries(client, url)
    many = count_queries(client, url)
    assert many == few, (few, many)
    assert many <= 25


# --- Sample content ------------------------------------------------------------------------


@pytest.fixture
def seeded(district):
    """The district with the sample radio, and what seed_radio wrote to stdout."""
    out = io.StringIO()
    radio_demo.seed_radio(district, stdout=out)
    return district, out.getvalue()


def test_seed_builds_the_radio(seeded):
    home, output = seeded
    index = RadioIndexPage.objects.child_of(home).get(slug="phat-thanh")
    assert index.title == "Phát thanh"
    assert index.live and index.show_in_menus
    assert index.intro and index.podcast_author and index.podcast_image
    assert set(RadioProgramme.objects.values_list("language", flat=True)) == {"vi", "tyz", "hnj"}
    assert "đã tạo 1 trang, 3 chương trình, " in output
    assert f"và {len(radio_demo.EPISODES)} buổi phát" in output


def test_seed_schedule_covers_the_week(seeded):
    home, _ = seeded
    index = RadioIndexPage.objects.get(slug="phat-thanh")
    slots = list(index.schedule.all())
    assert {slot.weekday for slot in slots} == set(range(7))
    assert {slot.channel for slot in slots} == {"FM 96,5 MHz", "Hệ thống loa truyền thanh cơ sở"}
    assert len({slot.start_time for slot in slots}) >= 3
    assert len({slot.programme_id for slot in slots}) == 3
    # An editor opening the page finds the schedule in its latest revision.
    assert len(index.get_latest_revision().content["schedule"]) == len(slots)


def test_seed_episodes_are_complete_and_playable(seeded):
    episodes = RadioEpisodePage.objects.live()
    assert episodes.count() >= 8
    now = timezone.now()
    for episode in episodes:
        assert 8 <= episode.duration_seconds <= 15, episode.slug
        path = Path(settings.MEDIA_ROOT) / episode.audio.name
        assert path.stat().st_size == episode.size_bytes < 300_000, episode.slug
        with path.open("rb") as handle:
            info = read_audio(File(handle, name=path.name))
        assert info.duration_seconds == episode.duration_seconds
        assert episode.summary.strip()
        assert episode.language == episode.programme.language
        assert timezone.is_aware(episode.broadcast_at)
        assert now - datetime.timedelta(days=35) < episode.broadcast_at < now
        if episode.language != "vi" and episode.transcript:
            assert "Bản dịch tiếng Việt" in episode.transcript
    assert episodes.filter(transcript="").exists()
    assert episodes.exclude(transcript="").count() >= 7
    assert {episode.language for episode in episodes} == {"vi", "tyz", "hnj"}
    weeks = {(now - episode.broadcast_at).days // 7 for episode in episodes}
    assert len(weeks) >= 3


def test_seeded_radio_answers(seeded, client):
    episode = RadioEpisodePage.objects.live().filter(transcript="").first()
    for url in ("/phat-thanh/", "/phat-thanh/podcast/", episode.url, episode.audio.url):
        assert client.get(url).status_code == 200, url
    assert "đang được cập nhật" in client.get(episode.url).content.decode()
    channel = parse_feed(client.get("/phat-thanh/podcast/ban-tin-tieng-mong/"))
    assert len(channel.findall("item")) >= 2


def test_second_seed_creates_nothing(seeded):
    home, _ = seeded
    counts = (Page.objects.count(), RadioProgramme.objects.count(), BroadcastSlot.objects.count())
    files = sorted(Path(settings.MEDIA_ROOT).rglob("*.wav"))
    out = io.StringIO()
    radio_demo.seed_radio(home, stdout=out)
    assert (
        Page.objects.count(),
        RadioProgramme.objects.count(),
        BroadcastSlot.objects.count(),
    ) == counts
    assert sorted(Path(settings.MEDIA_ROOT).rglob("*.wav")) == files
    assert "không tạo thêm" in out.getvalue()


def test_seed_reuses_a_programme_an_editor_made(district):
    RadioProgramme.objects.create(name="Bản tin tiếng Tày", slug="tay", language="tyz")
    radio_demo.seed_radio(district)
    assert RadioProgramme.objects.filter(name="Bản tin tiếng Tày").count() == 1
    assert RadioEpisodePage.objects.filter(programme__slug="tay").exists()


def test_seed_sits_next_to_other_sections(district):
    NewsIndexPageFactory(parent=district, title="Tin tức", slug="tin-tuc")
    radio_demo.seed_radio(district)
    assert RadioIndexPage.objects.child_of(district).count() == 1


def test_generated_audio_is_a_real_wav():
    import wave

    data = radio_demo.make_wav(10)
    with wave.open(io.BytesIO(data)) as reader:
        assert (reader.getnchannels(), reader.getsampwidth()) == (1, 2)
        assert reader.getnframes() == 10 * reader.getframerate()
        frames = reader.readframes(reader.getnframes())
    assert len(set(frames)) > 100  # tones, not silence
