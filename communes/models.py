"""The commune directory and each commune's home page (the root of its own Site).

Depends on portal; portal depends on nothing here.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page

from portal.slugs import FoldedSlugMixin


class CommuneKind(models.TextChoices):
    """Xã or thị trấn."""

    COMMUNE = "xa", _("Xã")
    TOWN = "thi_tran", _("Thị trấn")


class CommuneIndexPage(FoldedSlugMixin, Page):
    """ "Xã, thị trấn": the directory of every commune of the district."""

    intro = models.TextField(
        _("giới thiệu"),
        blank=True,
        help_text=_(
            "Một hoặc hai câu hiển thị đầu danh bạ, ví dụ: Danh bạ các xã, thị trấn và trang "
            "thông tin của từng địa phương."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["communes.CommuneHomePage"]
    max_count = 1

    class Meta:
        verbose_name = _("danh bạ xã, thị trấn")
        verbose_name_plural = _("danh bạ xã, thị trấn")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["communes"] = (
            CommuneHomePage.objects.child_of(self).live().public().order_by("kind", "title")
        )
        return context


class CommuneHomePage(FoldedSlugMixin, Page):
    """A commune's own home page: the root of its Site, under the district directory."""

    kind = models.CharField(
        _("loại"),
        max_length=10,
        choices=CommuneKind.choices,
        default="xa",
        help_text=_("Chọn Xã hoặc Thị trấn; hiển thị ở mục “Loại” trong danh bạ xã, thị trấn."),
    )
    intro = models.TextField(
        _("giới thiệu"),
        blank=True,
        help_text=_("Một hoặc hai câu giới thiệu địa phương, hiển thị đầu trang chủ của xã."),
    )
    chairperson = models.CharField(
        _("Chủ tịch UBND"),
        max_length=200,
        blank=True,
        help_text=_("Họ và tên Chủ tịch UBND xã, thị trấn, ví dụ: Nguyễn Văn An."),
    )
    address = models.CharField(
        _("địa chỉ trụ sở"),
        max_length=300,
        blank=True,
        help_text=_("Địa chỉ trụ sở UBND, ví dụ: Thôn Nà Hin, xã Bằng Lãng."),
    )
    phone = models.CharField(
        _("điện thoại"),
        max_length=50,
        blank=True,
        help_text=_("Số điện thoại của UBND, ví dụ: 0209 3870 123."),
    )
    email = models.EmailField(
        _("thư điện tử"),
        blank=True,
        help_text=_("Địa chỉ thư điện tử của UBND, ví dụ: ubnd.banglang@example.gov.vn."),
    )
    population = models.PositiveIntegerField(
        _("dân số"),
        null=True,
        blank=True,
        help_text=_("Tổng số dân, chỉ nhập chữ số, ví dụ: 5230. Để trống nếu chưa có số liệu."),
    )
    area_km2 = models.DecimalField(
        _("diện tích (km²)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Diện tích tự nhiên tính bằng km², tối đa hai chữ số sau dấu thập phân."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("chairperson"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldRowPanel([FieldPanel("population"), FieldPanel("area_km2")]),
            ],
            heading=_("Thông tin liên hệ"),
        ),
    ]
    parent_page_types = ["communes.CommuneIndexPage"]
    subpage_types = [
        "portal.StandardPage",
        "news.NewsIndexPage",
        "documents.DocumentIndexPage",
    ]

    class Meta:
        verbose_name = _("trang chủ xã, thị trấn")
        verbose_name_plural = _("trang chủ xã, thị trấn")

    def get_context(self, request, *args, **kwargs):
        from portal.hooks import home_sections

        context = super().get_context(request, *args, **kwargs)
        context["home_sections"] = home_sections(self, request)
        return context

    @property
    def site_url(self):
        """The commune's canonical address: its own hostname."""
        return self.get_site().root_url if self.get_site() else self.full_url
