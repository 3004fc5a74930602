"""A listener plays an episode in Chromium and jumps to the middle of it.

The live server serves MEDIA_URL through portal.media.serve_media; Chromium asks for
the audio with Range headers and can only seek in a stream the server answers with
206 Partial Content.
"""

import datetime
import io
from zoneinfo import ZoneInfo

import pytest

from django.core.files import File
from django.urls import resolve

from news.models import RadioEpisodePage, RadioIndexPage, RadioProgramme
from news.radio_demo import make_wav
from portal.media import serve_media
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

pytestmark = pytest.mark.django_db(transaction=True)

SECONDS = 10
AUDIO = "document.querySelector('audio.episode__audio')"


@pytest.fixture(scope="module")
def audio_browser(browser):
    """Chromium allowed to start audio without a click (play() comes from the test)."""
    chromium = browser.browser_type.launch(
        executable_path=str(CHROMIUM),
        args=[*CHROMIUM_ARGS, "--autoplay-policy=no-user-gesture-required"],
    )
    yield chromium
    chromium.close()


@pytest.fixture
def tab(audio_browser):
    context = audio_browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


@pytest.fixture
def media_through_urlconf(monkeypatch):
    """Sends MEDIA_URL requests to the project's URLconf, as `make run` does.

    Django's live server otherwise answers MEDIA_URL itself (django.test.testcases.
    _MediaFilesHandler, with django.views.static.serve), which ignores Range headers and
    would bypass portal.media.serve_media entirely.
    """
    from django.test import testcases

    monkeypatch.setattr(testcases._MediaFilesHandler, "_should_handle", lambda self, path: False)


@pytest.fixture
def episode(district):
    programme = RadioProgramme.objects.create(name="Chương trình phát thanh huyện")
    radio = RadioIndexPage(title="Phát thanh", slug="phat-thanh")
    district.add_child(instance=radio)
    radio.save_revision().publish()
    page = RadioEpisodePage(
        title="Bản tin chiều thứ Hai",
        slug="ban-tin-chieu-thu-hai",
        broadcast_at=datetime.datetime(2025, 6, 2, 17, 30, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")),
        programme=programme,
        summary="Tin về cầu treo Nà Lầu.",
        transcript="<p>Kính thưa bà con.</p>",
    )
    page.audio = File(io.BytesIO(make_wav(SECONDS)), name="ban-tin.wav")
    radio.add_child(instance=page)
    page.save_revision().publish()
    assert page.duration_seconds == SECONDS
    assert resolve(page.audio.url).func is serve_media
    return page


def test_play_then_seek_to_the_middle(live_server, media_through_urlconf, tab, episode):
    audio_responses = []
    tab.on(
        "response",
        lambda response: (
            audio_responses.append(response) if episode.audio.url in response.url else None
        ),
    )
    tab.goto(f"{live_server.url}{episode.url}")
    assert tab.evaluate(f"() => {AUDIO}.preload") == "none"
    assert tab.evaluate(f"() => {AUDIO}.controls")
    assert tab.evaluate(f"() => {AUDIO}.networkState") != 2  # preload=none: nothing loading yet

    tab.evaluate(f"() => {AUDIO}.play()")
    tab.wait_for_function(f"() => {AUDIO}.currentTime > 0.5")
    duration = tab.evaluate(f"() => {AUDIO}.duration")
    assert duration == pytest.approx(SECONDS, abs=0.1)
    # The whole file is seekable only because the server answers byte ranges.
    seekable_end = tab.evaluate(
        f"() => {{ const s = {AUDIO}.seekable; return s.length ? s.end(s.length - 1) : 0; }}"
    )
    assert seekable_end == pytest.approx(duration, abs=0.1)

    middle = duration / 2
    tab.evaluate(
        """(middle) => new Promise((resolve) => {
            const audio = document.querySelector('audio.episode__audio');
            audio.addEventListener('seeked', resolve, {once: true});
            audio.currentTime = middle;
        })""",
        middle,
    )
    position = tab.evaluate(f"() => {AUDIO}.currentTime")
    assert middle - 0.1 <= position <= middle + 1.0
    # Playback goes on from the middle, without stopping or erroring.
    tab.wait_for_function(f"() => {AUDIO}.currentTime > {middle + 0.6}")
    state = tab.evaluate(f"() => ({{paused: {AUDIO}.paused, error: {AUDIO}.error}})")
    assert state == {"paused": False, "error": None}

    partial = [response for response in audio_responses if response.status == 206]
    assert partial, [(response.status, response.url) for response in audio_responses]
    headers = partial[0].all_headers()
    assert headers["accept-ranges"] == "bytes"
    assert headers["content-range"].startswith("bytes ")
    assert headers["content-range"].endswith(f"/{episode.size_bytes}")
