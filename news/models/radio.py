"""The district radio: programmes, a weekly schedule, an index with podcasts, episodes."""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from portal.forms import StoreUploadsPageForm
from portal.slugs import FoldedSlugMixin, vietnamese_slugify

from ..audio import AUDIO_FORMATS, format_duration, read_audio, validate_audio
from .articles import month_bounds, parse_month

EPISODES_PER_PAGE = 10

# Languages a bulletin may be read in; codes are ISO 639 so screen readers and
# browsers know how to treat the transcript.
LANGUAGES = [
    ("vi", _("Tiếng Việt")),
    ("tyz", _("Tiếng Tày")),
    ("hnj", _("Tiếng Mông")),
    ("ium", _("Tiếng Dao")),
    ("nut", _("Tiếng Nùng")),
    ("tmp", _("Tiếng Thái")),
    ("km", _("Tiếng Khmer")),
]

WEEKDAYS = [
    (0, _("Thứ Hai")),
    (1, _("Thứ Ba")),
    (2, _("Thứ Tư")),
    (3, _("Thứ Năm")),
    (4, _("Thứ Sáu")),
    (5, _("Thứ Bảy")),
    (6, _("Chủ nhật")),
]


class RadioProgramme(models.Model):
    """A programme of the radio (a controlled list), e.g. the district bulletin."""

    name = models.CharField(
        _("tên chương trình"),
        max_length=200,
        unique=True,
        help_text=_("Tên đầy đủ, không trùng chương trình khác, ví dụ: Bản tin thời sự huyện."),
    )
    slug = models.SlugField(
        _("mã trên địa chỉ"),
        max_length=80,
        unique=True,
        blank=True,
        help_text=_("Dùng trong đường dẫn lọc và podcast; để trống để tạo từ tên."),
    )
    description = models.TextField(
        _("giới thiệu"),
        blank=True,
        help_text=_("Vài câu về nội dung chương trình, dùng làm mô tả podcast của chương trình."),
    )
    language = models.CharField(
        _("ngôn ngữ"),
        max_length=8,
        choices=LANGUAGES,
        default="vi",
        help_text=_("Ngôn ngữ thường dùng của chương trình."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("language"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("chương trình phát thanh")
        verbose_name_plural = _("chương trình phát thanh")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = vietnamese_slugify(self.name)[:80]
        return super().save(*args, **kwargs)


class RadioIndexPage(RoutablePageMixin, FoldedSlugMixin, Page):
    """ "Phát thanh": the newest episodes with players, filters, schedule and podcasts."""

    intro = models.TextField(
        _("giới thiệu"),
        blank=True,
        help_text=_(
            "Một câu giới thiệu đài truyền thanh, hiển thị đầu trang và làm mô tả podcast."
        ),
    )
    podcast_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ảnh podcast"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Ảnh vuông ít nhất 1400×1400 điểm ảnh, hiển thị trong ứng dụng podcast."),
    )
    podcast_author = models.CharField(
        _("tác giả podcast"),
        max_length=200,
        blank=True,
        help_text=_("Ví dụ: Trung tâm Văn hóa, Thể thao và Truyền thông huyện."),
    )
    podcast_category = models.CharField(
        _("chuyên mục podcast"),
        max_length=100,
        default="Government",
        help_text=_("Chuyên mục theo danh sách của Apple Podcasts, ví dụ Government, News."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("schedule", heading=_("Lịch phát sóng hằng tuần"), label=_("Buổi phát")),
        MultiFieldPanel(
            [
                FieldPanel("podcast_image"),
                FieldPanel("podcast_author"),
                FieldPanel("podcast_category"),
            ],
            heading=_("Podcast"),
        ),
    ]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["news.RadioEpisodePage"]

    class Meta:
        verbose_name = _("trang phát thanh")
        verbose_name_plural = _("trang phát thanh")

    def episodes(self):
        """Live, public episodes of this radio, newest broadcast first."""
        return (
            RadioEpisodePage.objects.live()
            .public()
            .descendant_of(self)
            .select_related("programme")
            .order_by("-broadcast_at", "-pk")
        )

    @path("")
    def listing(self, request):
        """Episodes filtered by ?chuong_trinh= and ?thang=, with the week's schedule."""
        episodes = self.episodes()
        programmes = list(RadioProgramme.objects.all())
        selected = request.GET.get("chuong_trinh", "")
        by_slug = {programme.slug: programme for programme in programmes}
        errors = []
        if selected and selected not in by_slug:
            errors.append(gettext("Không có chương trình này; đang hiển thị mọi chương trình."))
            selected = ""
        if selected:
            episodes = episodes.filter(programme=by_slug[selected])
        month_value = request.GET.get("thang", "")
        month = parse_month(month_value)
        if month_value and month is None:
            errors.append(gettext("Tháng không hợp lệ; đang hiển thị mọi tháng."))
        if month:
            start, end = month_bounds(month)
            episodes = episodes.filter(broadcast_at__gte=start, broadcast_at__lt=end)
        paginator = Paginator(episodes, EPISODES_PER_PAGE)
        months = self.episodes().datetimes(
            "broadcast_at", "month", order="DESC", tzinfo=ZoneInfo(settings.TIME_ZONE)
        )
        today = timezone.localdate().weekday()
        schedule = list(self.schedule.select_related("programme"))
        return self.render(
            request,
            context_overrides={
                "episodes": paginator.get_page(request.GET.get("trang")),
                "paginator": paginator,
                "programmes": programmes,
                "selected_programme": selected,
                "months": months,
                "selected_month": f"{month[0]:04d}-{month[1]:02d}" if month else "",
                "errors": errors,
                "schedule": schedule,
                "today": today,
                "weekdays": WEEKDAYS,
            },
        )

    @path("podcast/")
    def podcast(self, request):
        """The whole radio as a podcast."""
        from ..podcast import PodcastFeed

        return PodcastFeed()(request, index=self, programme=None)

    @path("podcast/<slug:programme_slug>/")
    def programme_podcast(self, request, programme_slug):
        """One programme as a podcast."""
        from django.shortcuts import get_object_or_404

        from ..podcast import PodcastFeed

        programme = get_object_or_404(RadioProgramme, slug=programme_slug)
        return PodcastFeed()(request, index=self, programme=programme)


class BroadcastSlot(Orderable):
    """A weekly broadcast: day, time, programme and channel or frequency."""

    page = ParentalKey(RadioIndexPage, on_delete=models.CASCADE, related_name="schedule")
    weekday = models.PositiveSmallIntegerField(
        _("thứ"), choices=WEEKDAYS, help_text=_("Ngày trong tuần có buổi phát này.")
    )
    start_time = models.TimeField(
        _("giờ phát"), help_text=_("Giờ bắt đầu, dạng 24 giờ, ví dụ 17:30.")
    )
    programme = models.ForeignKey(
        RadioProgramme,
        verbose_name=_("chương trình"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Chương trình phát trong buổi này."),
    )
    channel = models.CharField(
        _("kênh / tần số"),
        max_length=100,
        help_text=_("Ví dụ: FM 96,5 MHz; loa truyền thanh cơ sở."),
    )

    panels = [
        FieldRowPanel([FieldPanel("weekday"), FieldPanel("start_time")]),
        FieldRowPanel([FieldPanel("programme"), FieldPanel("channel")]),
    ]

    class Meta(Orderable.Meta):
        ordering = ["weekday", "start_time"]
        verbose_name = _("buổi phát sóng")
        verbose_name_plural = _("lịch phát sóng")


class RadioEpisodePage(FoldedSlugMixin, Page):
    """One broadcast: its audio (duration read from the file), summary and transcript."""

    broadcast_at = models.DateTimeField(
        _("thời gian phát sóng"),
        db_index=True,
        help_text=_("Ngày giờ buổi phát lên sóng; các buổi phát được xếp theo thời gian này."),
    )
    programme = models.ForeignKey(
        RadioProgramme,
        verbose_name=_("chương trình"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Chương trình của buổi phát, dùng để lọc và tạo podcast từng chương trình."),
    )
    audio = models.FileField(
        _("tệp âm thanh"),
        upload_to="phat-thanh/%Y/%m/",
        validators=[validate_audio],
        max_length=255,
        help_text=_("MP3, M4A, OGG hoặc WAV. Thời lượng và dung lượng được đọc tự động."),
    )
    duration_seconds = models.PositiveIntegerField(
        _("thời lượng (giây)"),
        editable=False,
        default=0,
        help_text=_("Đọc tự động từ tệp âm thanh khi tải lên."),
    )
    bitrate_kbps = models.PositiveIntegerField(
        _("tốc độ bit (kbps)"),
        editable=False,
        default=0,
        help_text=_("Đọc tự động từ tệp âm thanh khi tải lên."),
    )
    size_bytes = models.PositiveBigIntegerField(
        _("dung lượng (byte)"),
        editable=False,
        default=0,
        help_text=_("Đọc tự động từ tệp âm thanh khi tải lên."),
    )
    summary = models.TextField(_("tóm tắt"), help_text=_("Nội dung chính của buổi phát, 1–3 câu."))
    transcript = RichTextField(
        _("bản ghi lời"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link"],
        help_text=_(
            "Toàn văn lời đọc, cho người khiếm thính và người không nghe được. "
            "Trang sẽ báo “đang cập nhật” nếu để trống."
        ),
    )
    language = models.CharField(
        _("ngôn ngữ"),
        max_length=8,
        choices=LANGUAGES,
        default="vi",
        help_text=_("Ngôn ngữ của buổi phát và của bản ghi lời."),
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ảnh bìa"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Không bắt buộc. Ảnh minh họa hiển thị đầu trang buổi phát, chỉ để trang trí."),
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel(
            [FieldPanel("broadcast_at"), FieldPanel("programme"), FieldPanel("language")]
        ),
        FieldPanel("audio"),
        FieldPanel("summary"),
        FieldPanel("transcript"),
        FieldPanel("cover_image"),
    ]
    parent_page_types = ["news.RadioIndexPage"]
    subpage_types = []
    base_form_class = StoreUploadsPageForm

    class Meta:
        verbose_name = _("buổi phát thanh")
        verbose_name_plural = _("buổi phát thanh")

    def remember_upload(self, upload):
        """Reads duration, bitrate and size from a newly uploaded file before it is stored."""
        info = read_audio(upload)
        self.duration_seconds = info.duration_seconds
        self.bitrate_kbps = info.bitrate_kbps
        self.size_bytes = info.size_bytes

    def save(self, *args, **kwargs):
        if self.audio and not self.audio._committed:
            self.remember_upload(self.audio.file)
        return super().save(*args, **kwargs)

    @property
    def has_transcript(self):
        """Whether the transcript has words (an emptied editor leaves empty paragraphs)."""
        return bool(strip_tags(self.transcript or "").strip())

    @property
    def duration_display(self):
        return format_duration(self.duration_seconds)

    @property
    def audio_type(self):
        extension = self.audio.name.rsplit(".", 1)[-1].lower() if self.audio else ""
        return AUDIO_FORMATS.get(extension, ("", "audio/mpeg"))[1]

    @property
    def audio_label(self):
        extension = self.audio.name.rsplit(".", 1)[-1].lower() if self.audio else ""
        return AUDIO_FORMATS.get(extension, (extension.upper(), ""))[0]
