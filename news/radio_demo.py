"""Sample radio for the fictional district Vân Sơn: programmes, a weekly schedule, episodes.

Every programme, person, commune and figure below is invented for this project, and the
site notice on every page says the data is fictional. The audio is generated locally
with Python's `wave` module (a short jingle of sine tones, then a softer tone pattern
standing in for the reader's voice), so the seed needs no network and every episode
is genuinely playable.
"""

import datetime
import functools
import io
import math
import struct
import wave
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.core.files import File
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from portal.demo import draw_landscape, get_or_create_image

from .models import BroadcastSlot, RadioEpisodePage, RadioIndexPage, RadioProgramme

# The district is Vietnamese whatever TIME_ZONE a deployment sets.
LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
INDEX_SLUG = "phat-thanh"
SAMPLE_RATE = 8000  # Hz; mono, 16-bit: about 16 kB a second, so each file stays small.

COMMUNICATION_CENTRE = "Trung tâm Văn hóa, Thể thao và Truyền thông huyện Vân Sơn"
FM = "FM 96,5 MHz"
LOUDSPEAKERS = "Hệ thống loa truyền thanh cơ sở"


@dataclass(frozen=True)
class Programme:
    """A programme of the sample radio."""

    slug: str
    name: str
    language: str
    description: str
    jingle: tuple  # frequencies in Hz of the opening notes, so each programme sounds its own


PROGRAMMES = (
    Programme(
        "chuong-trinh-phat-thanh-huyen",
        "Chương trình phát thanh huyện",
        "vi",
        "Thời sự, chính sách và đời sống của huyện Vân Sơn, phát bằng tiếng Việt.",
        (523.25, 659.25, 783.99, 1046.5),
    ),
    Programme(
        "ban-tin-tieng-tay",
        "Bản tin tiếng Tày",
        "tyz",
        "Tin tức của huyện đọc bằng tiếng Tày cho bà con các xã vùng thấp.",
        (440.0, 554.37, 659.25, 880.0),
    ),
    Programme(
        "ban-tin-tieng-mong",
        "Bản tin tiếng Mông",
        "hnj",
        "Tin tức của huyện đọc bằng tiếng Mông cho bà con các xã vùng cao.",
        (392.0, 493.88, 587.33, 783.99),
    ),
)
PROGRAMMES_BY_SLUG = {programme.slug: programme for programme in PROGRAMMES}

# (weekday 0 = Monday, hour, minute, programme slug, channel)
SCHEDULE = (
    (0, 6, 0, "chuong-trinh-phat-thanh-huyen", FM),
    (0, 17, 30, "chuong-trinh-phat-thanh-huyen", LOUDSPEAKERS),
    (1, 18, 0, "ban-tin-tieng-tay", LOUDSPEAKERS),
    (2, 6, 0, "chuong-trinh-phat-thanh-huyen", FM),
    (2, 17, 30, "chuong-trinh-phat-thanh-huyen", LOUDSPEAKERS),
    (3, 18, 0, "ban-tin-tieng-mong", LOUDSPEAKERS),
    (4, 6, 0, "chuong-trinh-phat-thanh-huyen", FM),
    (4, 17, 30, "chuong-trinh-phat-thanh-huyen", LOUDSPEAKERS),
    (5, 7, 0, "ban-tin-tieng-tay", FM),
    (6, 7, 0, "ban-tin-tieng-mong", FM),
    (6, 19, 0, "chuong-trinh-phat-thanh-huyen", FM),
)

TRANSLATION_NOTE = {
    "tyz": "<p><i>Bản dịch tiếng Việt của bản tin phát bằng tiếng Tày.</i></p>",
    "hnj": "<p><i>Bản dịch tiếng Việt của bản tin phát bằng tiếng Mông.</i></p>",
}


@dataclass(frozen=True)
class Episode:
    """A sample broadcast: when (days before the seed, local time), what, and its text."""

    slug: str
    programme: str
    days_ago: int
    hour: int
    minute: int
    seconds: int
    title: str
    summary: str
    transcript: str  # rich text HTML; empty shows "đang cập nhật" on the page


EPISODES = (
    Episode(
        "khoi-cong-cau-treo-na-lau",
        "chuong-trinh-phat-thanh-huyen",
        2,
        17,
        30,
        12,
        "Khởi công cầu treo Nà Lầu, mùa mưa học sinh không còn phải lội suối",
        "Huyện khởi công cầu treo dài 86 mét qua suối Nà Lầu; công trình dự kiến hoàn thành "
        "trước mùa mưa năm sau.",
        "<p>Kính thưa bà con, sáng thứ Hai, Ủy ban nhân dân huyện Vân Sơn đã khởi công xây "
        "dựng cầu treo Nà Lầu bắc qua suối cùng tên, nối bản Nà Lầu với trung tâm xã Khe Mây."
        "</p><p>Cầu dài 86 mét, rộng 1,5 mét, cho người đi bộ và xe máy. Khi hoàn thành, hơn "
        "200 học sinh sẽ không còn phải lội suối đến trường trong mùa mưa.</p>",
    ),
    Episode(
        "lich-tiem-chung-thang-nay",
        "chuong-trinh-phat-thanh-huyen",
        4,
        6,
        0,
        10,
        "Lịch tiêm chủng mở rộng tại các trạm y tế xã trong tháng",
        "Trung tâm Y tế huyện thông báo lịch tiêm chủng cho trẻ dưới 5 tuổi tại 13 trạm y tế "
        "xã, thị trấn.",
        "<p>Trung tâm Y tế huyện Vân Sơn thông báo: các trạm y tế xã, thị trấn tổ chức tiêm "
        "chủng mở rộng vào ngày 25 hằng tháng.</p><p>Cha mẹ mang theo sổ tiêm chủng của trẻ. "
        "Trẻ đang sốt hoặc mới ốm dậy cần báo cho cán bộ y tế trước khi tiêm.</p>",
    ),
    Episode(
        "phong-chong-chay-rung-mua-kho",
        "ban-tin-tieng-tay",
        6,
        18,
        0,
        11,
        "Bản tin tiếng Tày: phòng chống cháy rừng mùa khô",
        "Hạt Kiểm lâm huyện nhắc bà con không đốt nương khi trời hanh khô, có gió to.",
        "<p>Hạt Kiểm lâm huyện Vân Sơn đề nghị bà con các bản ven rừng không đốt nương, đốt "
        "rác gần rừng trong những ngày hanh khô, gió to.</p><p>Khi thấy khói lửa trong rừng, "
        "bà con báo ngay cho trưởng bản hoặc gọi số 0200 3800 114.</p>",
    ),
    Episode(
        "ho-tro-giong-lua-vu-xuan",
        "chuong-trinh-phat-thanh-huyen",
        9,
        6,
        0,
        13,
        "Huyện hỗ trợ giống lúa chịu rét cho vụ xuân",
        "Hơn 1.200 hộ ở 7 xã được hỗ trợ giống lúa chịu rét; bà con nhận giống tại nhà văn "
        "hóa thôn.",
        "<p>Phòng Nông nghiệp và Môi trường huyện cho biết: vụ xuân năm nay, hơn 1.200 hộ ở 7 "
        "xã được hỗ trợ giống lúa chịu rét.</p><p>Bà con nhận giống tại nhà văn hóa thôn, "
        "mang theo căn cước để đối chiếu danh sách. Cán bộ khuyến nông sẽ hướng dẫn gieo mạ "
        "có che phủ ni lông để tránh rét.</p>",
    ),
    Episode(
        "dang-ky-hoc-nghe-mien-phi",
        "ban-tin-tieng-mong",
        11,
        18,
        0,
        12,
        "Bản tin tiếng Mông: đăng ký học nghề miễn phí",
        "Thanh niên các xã vùng cao đăng ký học nghề may và sửa chữa máy nông nghiệp miễn "
        "phí đến hết tháng.",
        "<p>Trung tâm Giáo dục nghề nghiệp huyện mở hai lớp học nghề miễn phí: may công "
        "nghiệp và sửa chữa máy nông nghiệp.</p><p>Thanh niên từ 16 đến 35 tuổi đăng ký tại "
        "Ủy ban nhân dân xã đến hết tháng. Học viên được hỗ trợ tiền ăn và tiền đi lại.</p>",
    ),
    Episode(
        "ra-quan-ve-sinh-moi-truong",
        "chuong-trinh-phat-thanh-huyen",
        13,
        19,
        0,
        9,
        "Ngày Chủ nhật xanh: toàn huyện ra quân vệ sinh môi trường",
        "Đoàn viên, thanh niên và bà con 13 xã, thị trấn cùng dọn rác dọc suối Nậm Vân.",
        "",
    ),
    Episode(
        "giu-gin-le-hoi-long-tong",
        "ban-tin-tieng-tay",
        16,
        7,
        0,
        12,
        "Bản tin tiếng Tày: giữ gìn lễ hội Lồng Tồng",
        "Các xã chuẩn bị lễ hội xuống đồng; huyện khuyến khích giữ các trò chơi dân gian.",
        "<p>Lễ hội Lồng Tồng của huyện Vân Sơn năm nay tổ chức tại xã Phúc Hòa. Phòng Văn "
        "hóa, Khoa học và Thông tin huyện khuyến khích các bản giữ gìn trò chơi dân gian như "
        "ném còn, kéo co, đẩy gậy.</p>",
    ),
    Episode(
        "dich-vu-cong-truc-tuyen",
        "chuong-trinh-phat-thanh-huyen",
        20,
        6,
        0,
        11,
        "Làm thủ tục hành chính trực tuyến: không phải đi xa",
        "Bộ phận một cửa huyện hướng dẫn bà con nộp hồ sơ qua Cổng dịch vụ công.",
        "<p>Từ tháng này, bà con có thể nộp hồ sơ cấp bản sao, chứng thực và đăng ký hộ tịch "
        "qua Cổng dịch vụ công mà không phải đến trụ sở.</p><p>Cán bộ Bộ phận một cửa huyện "
        "sẵn sàng hướng dẫn qua số điện thoại 0200 3800 100 trong giờ hành chính.</p>",
    ),
    Episode(
        "phong-benh-cho-dan-gia-suc",
        "ban-tin-tieng-mong",
        24,
        7,
        0,
        10,
        "Bản tin tiếng Mông: phòng rét và phòng bệnh cho đàn gia súc",
        "Bà con vùng cao che chắn chuồng trại và dự trữ thức ăn cho trâu, bò khi trời rét.",
        "<p>Trạm Chăn nuôi và Thú y huyện khuyến cáo: khi nhiệt độ xuống dưới 12 độ, bà con "
        "không thả trâu, bò lên núi cao, che chắn chuồng trại và cho gia súc ăn thêm muối.</p>"
        "<p>Gia súc có dấu hiệu ốm, bà con báo ngay cho thú y xã.</p>",
    ),
    Episode(
        "ket-qua-ky-hop-hdnd",
        "chuong-trinh-phat-thanh-huyen",
        27,
        17,
        30,
        14,
        "Kết quả kỳ họp Hội đồng nhân dân huyện",
        "Hội đồng nhân dân huyện thông qua 9 nghị quyết, trong đó có kế hoạch đầu tư công "
        "cho giao thông nông thôn.",
        "<p>Kỳ họp Hội đồng nhân dân huyện Vân Sơn diễn ra trong hai ngày và thông qua 9 nghị "
        "quyết.</p><p>Nổi bật là kế hoạch đầu tư công cho 14 tuyến đường liên thôn và hai "
        "trường bán trú ở các xã vùng cao.</p>",
    ),
)


NOTE_FRAMES = int(0.22 * SAMPLE_RATE)  # one jingle note or one "syllable"


@functools.cache
def _tone(frequency: float, volume: float, harmonic: float, soft: bool) -> bytes:
    """One note as 16-bit samples: a sine (plus an octave harmonic) under an envelope that
    rises from and falls back to silence, so notes join without clicks."""
    samples = []
    for index in range(NOTE_FRAMES):
        t = index / SAMPLE_RATE
        envelope = math.sin(math.pi * index / NOTE_FRAMES)
        if soft:
            envelope *= envelope
        value = (
            volume
            * envelope
            * (
                math.sin(2 * math.pi * frequency * t)
                + harmonic * math.sin(4 * math.pi * frequency * t)
            )
        )
        samples.append(int(max(-1.0, min(1.0, value)) * 32767))
    return struct.pack(f"<{NOTE_FRAMES}h", *samples)


def make_wav(seconds: float, jingle=(523.25, 659.25, 783.99, 1046.5), seed: int = 0) -> bytes:
    """A mono 16-bit WAV of `seconds`: a jingle of sine notes, then a softer tone pattern.

    The pattern after the jingle rises and falls in short syllables with a pause between
    phrases, roughly like a voice reading, and differs with `seed`, so no two sample
    episodes sound the same. Notes are computed once and reused, so this is fast.
    """
    frames = int(seconds * SAMPLE_RATE)
    silence = bytes(2 * NOTE_FRAMES)
    chunks = [_tone(frequency, 0.55, 0.0, False) for frequency in jingle]
    position = len(jingle)
    while position * NOTE_FRAMES < frames:
        syllable = (position + seed) % 7
        if syllable == 6:
            chunks.append(silence)
        else:
            chunks.append(_tone(180.0 + 25.0 * syllable, 0.18, 0.4, True))
        position += 1
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(SAMPLE_RATE)
        writer.writeframes(b"".join(chunks)[: 2 * frames])
    return out.getvalue()


def broadcast_time(days_ago: int, hour: int, minute: int, now: datetime.datetime):
    """An aware time `days_ago` days before `now`, at hour:minute in Vietnam."""
    day = timezone.localtime(now, LOCAL_TZ).date() - datetime.timedelta(days=days_ago)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=LOCAL_TZ)


def _ensure_programmes() -> tuple[dict, int]:
    """The sample programmes by slug, and how many were created."""
    programmes, created = {}, 0
    for programme in PROGRAMMES:
        # By slug or by (unique) name, so a programme an editor already made is reused.
        existing = RadioProgramme.objects.filter(
            Q(slug=programme.slug) | Q(name=programme.name)
        ).first()
        if existing is None:
            existing = RadioProgramme.objects.create(
                slug=programme.slug,
                name=programme.name,
                language=programme.language,
                description=programme.description,
            )
            created += 1
        programmes[programme.slug] = existing
    return programmes, created


def _ensure_index(home, programmes) -> tuple[RadioIndexPage, bool, int]:
    """The "Phát thanh" page with its weekly schedule; (page, created, slots created)."""
    index = RadioIndexPage.objects.child_of(home).filter(slug=INDEX_SLUG).first()
    created = index is None
    if created:
        image = get_or_create_image(
            "Phát thanh Vân Sơn (ảnh podcast minh họa)",
            draw_landscape(51, size=(1400, 1400)),
            "podcast-phat-thanh.jpg",
        )
        index = RadioIndexPage(
            title="Phát thanh",
            slug=INDEX_SLUG,
            show_in_menus=True,
            intro=(
                "Nghe lại các chương trình phát thanh của huyện Vân Sơn bằng tiếng Việt, "
                "tiếng Tày và tiếng Mông, xem lịch phát sóng trên sóng FM và hệ thống loa "
                "truyền thanh cơ sở, hoặc theo dõi qua ứng dụng podcast."
            ),
            podcast_author=COMMUNICATION_CENTRE,
            podcast_category="Government",
            podcast_image=image,
        )
        home.add_child(instance=index)
    slots = 0
    if not index.schedule.exists():
        index.schedule = [
            BroadcastSlot(
                weekday=weekday,
                start_time=datetime.time(hour, minute),
                programme=programmes[slug],
                channel=channel,
            )
            for weekday, hour, minute, slug, channel in SCHEDULE
        ]
        slots = len(SCHEDULE)
    if created or slots:
        # One published revision holding the schedule, so an editor opening the page
        # in the admin finds it there.
        index.save_revision().publish()
    return index, created, slots


def _create_episode(index, episode: Episode, programme, now, position: int):
    """A published episode with its generated audio; duration and size read from it."""
    data = make_wav(episode.seconds, PROGRAMMES_BY_SLUG[episode.programme].jingle, position)
    page = RadioEpisodePage(
        title=episode.title,
        slug=episode.slug,
        broadcast_at=broadcast_time(episode.days_ago, episode.hour, episode.minute, now),
        programme=programme,
        language=programme.language,
        summary=episode.summary,
        transcript=(
            TRANSLATION_NOTE.get(programme.language, "") + episode.transcript
            if episode.transcript
            else ""
        ),
    )
    page.audio = File(io.BytesIO(data), name=f"{episode.slug}.wav")
    index.add_child(instance=page)
    page.save_revision().publish()
    if not (page.duration_seconds and page.size_bytes == len(data)):
        raise RuntimeError(f"Không đọc được thời lượng của tệp âm thanh mẫu {episode.slug}.")
    return page


@transaction.atomic
def seed_radio(home, stdout=None):
    """Adds the sample radio under the district home page: "Phát thanh" at /phat-thanh/.

    Three programmes (Vietnamese, Tày and Mông bulletins), a weekly schedule on FM and
    the commune loudspeakers, and ten published episodes with playable audio spread
    over the last four weeks; one has no transcript yet, to show the "đang cập nhật"
    notice. Idempotent: programmes are found by slug, the page by slug under home, the
    schedule is only added to an index without one, and episodes by slug under the
    index, so a second run adds nothing.
    """
    programmes, programmes_created = _ensure_programmes()
    index, index_created, slots_created = _ensure_index(home, programmes)
    existing = set(RadioEpisodePage.objects.child_of(index).values_list("slug", flat=True))
    now = timezone.now()
    created = 0
    for position, episode in enumerate(EPISODES):
        if episode.slug in existing:
            continue
        _create_episode(index, episode, programmes[episode.programme], now, position)
        created += 1

    if stdout is not None:
        if index_created or programmes_created or slots_created or created:
            stdout.write(
                f"Phát thanh mẫu: đã tạo {int(index_created)} trang, {programmes_created} "
                f"chương trình, {slots_created} buổi trong lịch phát sóng và {created} "
                "buổi phát có âm thanh.\n"
            )
        else:
            stdout.write("Phát thanh mẫu: đã có đủ chương trình và buổi phát, không tạo thêm.\n")
