"""The site core: the district home page, information pages and per-site settings.

Dependencies point one way: news, documents and communes import from here; this
module imports none of them (other apps' page types are named by string).
"""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models.functions import Cast
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.forms import TaskStateCommentForm
from wagtail.models import AbstractGroupApprovalTask, Page
from wagtail.search import index

from .blocks import BodyStreamBlock
from .hooks import home_sections
from .slugs import FoldedSlugMixin


class HomePage(FoldedSlugMixin, Page):
    """The district's home page, the root of the district Site."""

    intro = models.TextField(
        _("lời giới thiệu"),
        blank=True,
        help_text=_("Một hoặc hai câu giới thiệu huyện, hiển thị đầu trang chủ."),
    )
    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("nội dung thêm"),
        blank=True,
        help_text=_("Nội dung tùy chọn hiển thị dưới các khối tin trên trang chủ."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "portal.StandardPage",
        "news.NewsIndexPage",
        "news.RadioIndexPage",
        "documents.DocumentIndexPage",
        "communes.CommuneIndexPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("trang chủ huyện")
        verbose_name_plural = _("trang chủ huyện")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["home_sections"] = home_sections(self, request)
        return context


class StandardPage(FoldedSlugMixin, Page):
    """An information page (Giới thiệu, Cơ cấu tổ chức, Liên hệ…), nestable."""

    intro = models.TextField(
        _("tóm tắt"),
        blank=True,
        help_text=_("Tóm tắt ngắn hiển thị đầu trang và trong danh sách trang con."),
    )
    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("nội dung"),
        blank=True,
        help_text=_("Nội dung chính: đoạn văn, tiêu đề, ảnh, bảng, tệp, trích dẫn, video."),
    )

    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    parent_page_types = ["portal.HomePage", "portal.StandardPage", "communes.CommuneHomePage"]
    subpage_types = ["portal.StandardPage"]

    class Meta:
        verbose_name = _("trang thông tin")
        verbose_name_plural = _("trang thông tin")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subpages"] = self.get_children().live().public().only("title", "url_path")
        return context


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """What a unit (the district or a commune) shows in its header and footer."""

    select_related = ["emblem"]

    unit_name = models.CharField(
        _("tên đơn vị"),
        max_length=200,
        help_text=_("Hiển thị ở đầu trang, ví dụ: Ủy ban nhân dân huyện Vân Sơn."),
    )
    portal_name = models.CharField(
        _("tên cổng thông tin"),
        max_length=200,
        default="Cổng thông tin điện tử",
        help_text=_("Dòng chữ nhỏ phía trên tên đơn vị."),
    )
    emblem = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("quốc huy / logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Ảnh vuông, nền trong suốt, hiển thị bên trái tên đơn vị."),
    )
    address = models.CharField(
        _("địa chỉ"),
        max_length=300,
        blank=True,
        help_text=_(
            "Địa chỉ trụ sở, hiển thị ở chân trang, ví dụ: Số 1 đường Trần Hưng Đạo, "
            "thị trấn Vân Sơn."
        ),
    )
    phone = models.CharField(
        _("điện thoại"),
        max_length=50,
        blank=True,
        help_text=_("Số điện thoại của văn phòng, ghi cả mã vùng, ví dụ: 0200 3812 345."),
    )
    hotline = models.CharField(
        _("đường dây nóng"),
        max_length=50,
        blank=True,
        help_text=_("Số tiếp nhận phản ánh, kiến nghị của người dân."),
    )
    email = models.EmailField(
        _("thư điện tử"),
        blank=True,
        help_text=_("Địa chỉ thư điện tử công vụ mà người dân dùng để liên hệ với đơn vị."),
    )
    working_hours = models.CharField(
        _("giờ làm việc"),
        max_length=200,
        blank=True,
        help_text=_("Ví dụ: Sáng 7h00 – 11h30, chiều 13h30 – 17h00, thứ Hai đến thứ Sáu."),
    )
    map_url = models.URLField(
        _("liên kết bản đồ"), blank=True, help_text=_("Đường dẫn tới vị trí trụ sở trên bản đồ.")
    )
    public_service_url = models.URLField(
        _("cổng dịch vụ công"),
        blank=True,
        default="https://dichvucong.gov.vn",
        help_text=_("Liên kết tới Cổng dịch vụ công quốc gia hoặc của tỉnh."),
    )
    footer_text = RichTextField(
        _("chân trang"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Thông tin cơ quan chủ quản, người chịu trách nhiệm, giấy phép."),
    )
    site_notice = models.CharField(
        _("thông báo đầu trang"),
        max_length=300,
        blank=True,
        help_text=_("Một dòng thông báo nổi bật trên mọi trang; để trống để ẩn."),
    )
    facebook_url = models.URLField(
        _("Facebook"),
        blank=True,
        help_text=_("Đường dẫn đầy đủ tới trang Facebook chính thức; để trống để ẩn."),
    )
    zalo_url = models.URLField(
        _("Zalo"),
        blank=True,
        help_text=_("Đường dẫn tới Zalo OA chính thức, ví dụ: https://zalo.me/…; để trống để ẩn."),
    )
    youtube_url = models.URLField(
        _("YouTube"),
        blank=True,
        help_text=_("Đường dẫn đầy đủ tới kênh YouTube chính thức; để trống để ẩn."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("portal_name"), FieldPanel("unit_name"), FieldPanel("emblem")],
            heading=_("Nhận diện"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("hotline"),
                FieldPanel("email"),
                FieldPanel("working_hours"),
                FieldPanel("map_url"),
            ],
            heading=_("Liên hệ"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("public_service_url"),
                FieldPanel("facebook_url"),
                FieldPanel("zalo_url"),
                FieldPanel("youtube_url"),
            ],
            heading=_("Liên kết"),
        ),
        MultiFieldPanel([FieldPanel("site_notice"), FieldPanel("footer_text")], heading=_("Khác")),
    ]

    class Meta:
        verbose_name = _("thông tin đơn vị")
        verbose_name_plural = _("thông tin đơn vị")


class PageViewCount(models.Model):
    """How many times a page was viewed; kept apart from the page so publishing a
    revision never overwrites it."""

    page = models.OneToOneField(
        Page,
        verbose_name=_("trang"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="view_count",
    )
    views = models.PositiveBigIntegerField(_("lượt xem"), default=0)

    class Meta:
        verbose_name = _("lượt xem trang")
        verbose_name_plural = _("lượt xem trang")

    def __str__(self):
        return f"{self.page_id}: {self.views}"


class DailyVisitCount(models.Model):
    """Page views of one Site on one day (Asia/Ho_Chi_Minh), for "Lượt truy cập"."""

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("trang web"), on_delete=models.CASCADE, related_name="+"
    )
    day = models.DateField(_("ngày"))
    visits = models.PositiveBigIntegerField(_("lượt truy cập"), default=0)

    class Meta:
        verbose_name = _("lượt truy cập theo ngày")
        verbose_name_plural = _("lượt truy cập theo ngày")
        constraints = [
            models.UniqueConstraint(fields=["site", "day"], name="unique_site_day_visits")
        ]

    def __str__(self):
        return f"{self.site_id} {self.day:%d/%m/%Y}: {self.visits}"


class EditorialApprovalTask(AbstractGroupApprovalTask):
    """A step of the editorial board's workflow (Ban biên tập, then Trưởng ban).

    Members of the task's groups approve or send back. Nobody approves their own
    article (its owner, or whoever submitted it), and sending back needs a comment
    so the author knows what to change.
    """

    class Meta:
        verbose_name = _("bước duyệt của Ban biên tập")
        verbose_name_plural = _("bước duyệt của Ban biên tập")

    @staticmethod
    def is_author(obj, user):
        """The page's owner, or the person who submitted it for approval."""
        if getattr(obj, "owner_id", None) == user.pk:
            return True
        state = getattr(obj, "current_workflow_state", None)
        return bool(state and state.requested_by_id == user.pk)

    def get_actions(self, obj, user):
        if self.is_author(obj, user):
            return []
        return super().get_actions(obj, user)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        """What the dashboard lists as awaiting the user's review: not their own articles."""
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        own_pages = (
            Page.objects.filter(owner=user)
            .annotate(key=Cast("pk", output_field=models.CharField()))
            .values("key")
        )
        return states.exclude(workflow_state__requested_by=user).exclude(
            workflow_state__object_id__in=own_pages
        )

    def get_form_for_action(self, action):
        if action == "reject":
            return RejectionForm
        return super().get_form_for_action(action)

    def on_action(self, task_state, user, action_name, **kwargs):
        obj = task_state.workflow_state.content_object
        if self.is_author(obj, user):
            raise PermissionDenied(
                gettext("Không ai được duyệt bài do chính mình viết hoặc gửi duyệt.")
            )
        if action_name == "reject" and not (kwargs.get("comment") or "").strip():
            raise ValidationError(gettext("Khi yêu cầu sửa, hãy ghi rõ lý do cho tác giả."))
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return gettext(
            "Thành viên các nhóm được chọn duyệt hoặc yêu cầu sửa; không tự duyệt bài mình."
        )


class RejectionForm(TaskStateCommentForm):
    """Sending an article back requires saying why."""

    comment = forms.CharField(
        label=_("Lý do yêu cầu sửa"),
        required=True,
        widget=forms.Textarea({"rows": 3}),
        error_messages={"required": _("Hãy ghi rõ lý do để tác giả biết cần sửa gì.")},
    )
