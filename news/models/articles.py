"""News sections (NewsIndexPage) and articles (NewsPage).

Depends on portal (blocks, slugs); nothing in portal depends on this module.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page, Site
from wagtail.search import index

from portal.page_cache import current_generation
from portal.slugs import FoldedSlugMixin

from ..blocks import NewsBodyBlock

ARTICLES_PER_PAGE = 20
FEED_LENGTH = 50
THUMBNAIL = "fill-480x320|format-webp"
LEAD_PICTURE = "fill-960x640|format-webp"


def with_thumbnails(queryset, *more_renditions):
    """Articles with their cover image and its thumbnail rendition in two extra queries."""
    images = get_image_model().objects.prefetch_renditions(THUMBNAIL, *more_renditions)
    return queryset.prefetch_related(models.Prefetch("cover_image", queryset=images))


def public_articles(within=None):
    """Live, public NewsPages (under `within` if given), newest first."""
    queryset = NewsPage.objects.live().public()
    if within is not None:
        queryset = queryset.descendant_of(within)
    return queryset.order_by(models.F("published_at").desc(nulls_last=True), "-pk")


def parse_month(value):
    """(year, month) from "2024-03", or None for anything else (or an absurd year)."""
    try:
        parsed = datetime.datetime.strptime(value or "", "%Y-%m")
    except ValueError:
        return None
    if not 1900 <= parsed.year <= 2200:
        return None
    return parsed.year, parsed.month


def month_bounds(month):
    """[start, end) of a (year, month) in the portal's time zone."""
    start = datetime.datetime(month[0], month[1], 1, tzinfo=ZoneInfo(settings.TIME_ZONE))
    return start, (start + datetime.timedelta(days=32)).replace(day=1)


class NewsIndexPage(RoutablePageMixin, FoldedSlugMixin, Page):
    """A news section: lists its own and its sub-sections' articles, 20 a page."""

    intro = models.TextField(
        _("giới thiệu"), blank=True, help_text=_("Một câu mô tả chuyên mục, hiển thị đầu trang.")
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["portal.HomePage", "news.NewsIndexPage", "communes.CommuneHomePage"]
    subpage_types = ["news.NewsIndexPage", "news.NewsPage"]

    class Meta:
        verbose_name = _("chuyên mục tin")
        verbose_name_plural = _("chuyên mục tin")

    @path("")
    def listing(self, request):
        """The section's articles, newest first, filtered by ?thang=YYYY-MM, paged by ?trang=."""
        from ..syndication import grassroots_for_index

        articles = public_articles(within=self)
        month_value = request.GET.get("thang", "")
        month = parse_month(month_value)
        month_error = bool(month_value) and month is None
        if month:
            start, end = month_bounds(month)
            articles = articles.filter(published_at__gte=start, published_at__lt=end)
        paginator = Paginator(with_thumbnails(articles), ARTICLES_PER_PAGE)
        page_obj = paginator.get_page(request.GET.get("trang"))
        months = self.article_months()
        return self.render(
            request,
            context_overrides={
                "articles": page_obj,
                "paginator": paginator,
                "months": months,
                "selected_month": f"{month[0]:04d}-{month[1]:02d}" if month else "",
                "month_error": month_error,
                "subsections": self.get_children().live().public().type(NewsIndexPage),
                "grassroots": grassroots_for_index(self),
            },
        )

    def article_months(self):
        """Months with articles, newest first; cached until the next publication, since
        the query reads every article of the section."""
        key = f"news:months:{self.pk}:{current_generation()}"
        months = cache.get(key)
        if months is None:
            months = list(
                public_articles(within=self).datetimes(
                    "published_at", "month", order="DESC", tzinfo=ZoneInfo(settings.TIME_ZONE)
                )
            )
            cache.set(key, months, 24 * 3600)
        return months

    @path("rss/")
    def feed(self, request):
        """RSS 2.0 of the newest articles in this section and its sub-sections."""
        from ..feeds import NewsFeed

        return NewsFeed()(request, root=self)


class NewsPageTag(TaggedItemBase):
    """Tags on articles."""

    content_object = ParentalKey(
        "news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPage(FoldedSlugMixin, Page):
    """An article: lead, cover photo, body, author, source, date, tags and related picks."""

    lead = models.TextField(
        _("sapo"),
        help_text=_("Đoạn tóm tắt in đậm dưới tiêu đề, 1–3 câu. Bắt buộc."),
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ảnh đại diện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Hiển thị đầu bài và làm ảnh thu nhỏ trong danh sách."),
    )
    cover_alt = models.CharField(
        _("mô tả ảnh đại diện"),
        max_length=255,
        blank=True,
        help_text=_(
            "Mô tả nội dung ảnh cho người khiếm thị. Bắt buộc nếu ảnh không chỉ để trang trí."
        ),
    )
    cover_decorative = models.BooleanField(
        _("ảnh chỉ để trang trí"),
        default=False,
        help_text=_("Đánh dấu nếu ảnh không mang thông tin; khi đó không cần mô tả."),
    )
    cover_caption = models.CharField(
        _("chú thích ảnh đại diện"),
        max_length=300,
        blank=True,
        help_text=_(
            "Hiển thị dưới ảnh đầu bài, tối đa 300 ký tự. Ví dụ: Lễ khai giảng tại Trường "
            "Tiểu học thị trấn. Ảnh: Minh Anh."
        ),
    )
    body = StreamField(
        NewsBodyBlock(),
        verbose_name=_("nội dung"),
        blank=True,
        help_text=_(
            "Toàn văn bài viết: đoạn văn, tiêu đề nhỏ, ảnh, bộ ảnh, âm thanh. "
            "Không nhắc lại sapo ở đây."
        ),
    )
    author = models.CharField(
        _("tác giả"),
        max_length=255,
        blank=True,
        help_text=_("Một hoặc nhiều tên, ví dụ: Minh Anh – Thu Hà."),
    )
    source = models.CharField(
        _("nguồn"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: Trung tâm Văn hóa – Thể thao huyện."),
    )
    published_at = models.DateTimeField(
        _("thời gian đăng"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Để trống để lấy thời điểm xuất bản lần đầu; sửa khi đăng lại bài cũ."),
    )
    featured = models.BooleanField(
        _("tin nổi bật"), default=False, help_text=_("Hiển thị trong mục Tin nổi bật.")
    )
    tags = ClusterTaggableManager(
        through=NewsPageTag,
        blank=True,
        verbose_name=_("từ khóa"),
        help_text=_(
            "Vài từ khóa chính của bài, cách nhau bởi dấu phẩy, ví dụ: nông thôn mới, "
            "giáo dục. Dùng để gợi ý tin liên quan."
        ),
    )
    proposed_to_district = models.BooleanField(
        _("Đề xuất lên huyện"),
        default=False,
        help_text=_(
            "Dành cho bài của xã, thị trấn: đánh dấu để đề xuất đưa bài vào mục “Tin cơ sở” "
            "trên trang huyện. Ban biên tập huyện duyệt đề xuất; trang huyện chỉ dẫn liên kết "
            "tới bài trên trang của xã, không sao chép bài."
        ),
    )
    source_url = models.CharField(
        _("địa chỉ bài gốc"),
        max_length=500,
        blank=True,
        db_index=True,
        help_text=_("Địa chỉ của bài trên cổng cũ, dùng khi nhập dữ liệu. Không hiển thị."),
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("author"),
        index.FilterField("published_at"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        MultiFieldPanel(
            [
                FieldPanel("cover_image"),
                FieldRowPanel([FieldPanel("cover_alt"), FieldPanel("cover_decorative")]),
                FieldPanel("cover_caption"),
            ],
            heading=_("Ảnh đại diện"),
        ),
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("author"), FieldPanel("source")]),
        FieldRowPanel([FieldPanel("published_at"), FieldPanel("featured")]),
        FieldPanel("proposed_to_district"),
        FieldPanel("tags"),
        InlinePanel("related_links", heading=_("Tin liên quan chọn tay"), label=_("Tin")),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("source_url")]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("bài viết")
        verbose_name_plural = _("bài viết")

    def clean(self):
        super().clean()
        if self.cover_image_id and not self.cover_decorative and not self.cover_alt.strip():
            raise ValidationError(
                {
                    "cover_alt": gettext(
                        "Hãy mô tả ảnh đại diện cho người khiếm thị, "
                        "hoặc đánh dấu ảnh chỉ để trang trí."
                    )
                }
            )

    def save(self, *args, **kwargs):
        # A publication date defaults to the first publication (Wagtail sets
        # first_published_at just before this save when publishing); imports set their own.
        if self.live and self.published_at is None and self.first_published_at:
            self.published_at = self.first_published_at
        return super().save(*args, **kwargs)

    @property
    def district_decision(self):
        """The district's decision on this article's proposal ("cho_duyet" when undecided).

        Read from DistrictProposal, never stored on the page: see that model's docstring.
        """
        try:
            return self.district_proposal.status
        except DistrictProposal.DoesNotExist:
            return DistrictProposal.Status.PENDING

    @property
    def cover_alt_text(self):
        """The alt attribute of the cover: empty for a decorative image."""
        return "" if self.cover_decorative else self.cover_alt

    def related_articles(self, limit=5, tags=None):
        """Editor picks first, then siblings sharing a tag, then the newest siblings.

        Never this article, never a draft or a private page. A handful of queries
        whatever the number of articles; pass `tags` if they are already loaded.
        """
        visible = NewsPage.objects.live().public()
        pick_ids = list(self.related_links.values_list("target_id", flat=True))
        picks = {page.pk: page for page in with_thumbnails(visible.filter(pk__in=pick_ids))}
        related = [picks[pk] for pk in pick_ids if pk in picks and pk != self.pk][:limit]
        seen = {self.pk, *(page.pk for page in related)}
        parent_path = self.path[: -self.steplen]
        siblings = with_thumbnails(
            visible.filter(path__startswith=parent_path, depth=self.depth)
            .exclude(pk__in=seen)
            .order_by("-published_at", "-pk")
        )
        tag_ids = [tag.pk for tag in (self.tags.all() if tags is None else tags)]
        if tag_ids and len(related) < limit:
            sharing = siblings.filter(tags__in=tag_ids).distinct()[: limit - len(related)]
            related += list(sharing)
            seen |= {page.pk for page in related}
        if len(related) < limit:
            related += list(siblings.exclude(pk__in=seen)[: limit - len(related)])
        return related

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tags"] = list(self.tags.all())
        context["related_articles"] = self.related_articles(tags=context["tags"])
        site = Site.find_for_request(request)
        within = site.root_page if site else None
        context["featured_articles"] = with_thumbnails(
            public_articles(within=within).filter(featured=True).exclude(pk=self.pk)
        )[:5]
        return context


class NewsRelatedLink(Orderable):
    """An article an editor picked as related, shown first under "Tin liên quan"."""

    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="related_links")
    target = models.ForeignKey(
        NewsPage,
        verbose_name=_("bài viết"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Chọn một bài đã xuất bản; bài này hiện đầu mục “Tin liên quan”."),
    )

    panels = [FieldPanel("target")]

    class Meta(Orderable.Meta):
        verbose_name = _("tin liên quan")


class DistrictProposal(models.Model):
    """The district board's decision on a commune article proposed to the district.

    A commune editor proposes an article by ticking NewsPage.proposed_to_district: that is
    the commune's own choice, so it lives on the page and follows its revisions (a draft
    that ticks it proposes nothing until it is published). The decision is the district's:
    it is kept here, in its own table keyed by the page, and never on the page. Publishing
    a revision copies every page field from that revision, and a commune's revision is
    made from the form its editors see, so a decision stored on the page (even in a field
    left out of the panels) would be reset by the commune's next publication, or by a
    revision saved before the decision and published after it. Here no revision, copy
    or commune form can reach it: the commune republishing or correcting its article
    keeps the decision, and only the district board's view changes it (audited in the
    page's history). No row means "waiting for the district" (Status.PENDING).
    """

    class Status(models.TextChoices):
        PENDING = "cho_duyet", _("Chờ huyện duyệt")
        APPROVED = "da_duyet", _("Huyện đã duyệt")
        REJECTED = "khong_duyet", _("Huyện không duyệt")

    page = models.OneToOneField(
        NewsPage,
        verbose_name=_("bài viết"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="district_proposal",
    )
    status = models.CharField(
        _("quyết định của huyện"),
        max_length=12,
        choices=Status.choices,
        default=Status.PENDING,
        db_index=True,
    )
    comment = models.TextField(_("ý kiến của Ban biên tập huyện"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người quyết định"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("thời điểm quyết định"), null=True, blank=True)

    class Meta:
        verbose_name = _("đề xuất tin cơ sở")
        verbose_name_plural = _("đề xuất tin cơ sở")

    def __str__(self):
        return f"{self.page_id}: {self.get_status_display()}"
