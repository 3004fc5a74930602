"""The legal document register: controlled lists, LegalDocumentPage and its index.

Depends on portal; nothing in portal depends on this module.
"""

import re
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Exists, OuterRef, Q, Value, When
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from portal.slugs import FoldedSlugMixin, vietnamese_slugify

from .forms import AttachmentFileInput, LegalDocumentForm
from .numbers import number_key, searchable_text
from .security import SECRET_MESSAGE, SecretDocumentError, SecurityLevel
from .uploads import FORMATS, PrivateStorage, attachment_path, validate_attachment

YEAR_IN_NUMBER = re.compile(r"(?<!\d)(19|20)\d{2}(?!\d)")


class ControlledTerm(models.Model):
    """A value of a list admins keep (types, issuing bodies, fields)."""

    name = models.CharField(
        _("tên"),
        max_length=200,
        unique=True,
        help_text=_("Tên đầy đủ, có dấu, như ghi trên văn bản; không trùng với mục khác."),
    )
    slug = models.SlugField(
        _("mã trên địa chỉ"),
        max_length=80,
        unique=True,
        blank=True,
        help_text=_("Dùng trong đường dẫn lọc; để trống để tạo từ tên."),
    )
    sort_order = models.PositiveIntegerField(
        _("thứ tự"),
        default=100,
        help_text=_("Số nhỏ hơn hiển thị trước trong danh sách lọc; cùng số thì xếp theo tên."),
    )

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._free_slug(vietnamese_slugify(self.name)[:72] or "muc")
        return super().save(*args, **kwargs)

    def _free_slug(self, base):
        # "Tân An" and "Tấn An" fold to the same slug: number the later one.
        taken = set(
            type(self)
            .objects.filter(slug__startswith=base)
            .exclude(pk=self.pk)
            .values_list("slug", flat=True)
        )
        slug, suffix = base, 1
        while slug in taken:
            suffix += 1
            slug = f"{base}-{suffix}"
        return slug


class DocumentType(ControlledTerm):
    """Loại văn bản: Luật, Nghị định, Quyết định, Công văn…"""

    class Meta(ControlledTerm.Meta):
        verbose_name = _("loại văn bản")
        verbose_name_plural = _("loại văn bản")


class IssuingBody(ControlledTerm):
    """Cơ quan ban hành: HĐND huyện, UBND huyện, Huyện ủy, the offices, communes' UBND…"""

    class Meta(ControlledTerm.Meta):
        verbose_name = _("cơ quan ban hành")
        verbose_name_plural = _("cơ quan ban hành")


class DocumentField(ControlledTerm):
    """Lĩnh vực: Đất đai, Giáo dục, Y tế…"""

    class Meta(ControlledTerm.Meta):
        verbose_name = _("lĩnh vực")
        verbose_name_plural = _("lĩnh vực")


class Validity(models.TextChoices):
    """Tình trạng hiệu lực."""

    NOT_YET = "chua_hieu_luc", _("Chưa có hiệu lực")
    IN_FORCE = "con_hieu_luc", _("Còn hiệu lực")
    PARTLY_EXPIRED = "het_mot_phan", _("Hết hiệu lực một phần")
    EXPIRED = "het_hieu_luc", _("Hết hiệu lực toàn bộ")


class RelationKind(models.TextChoices):
    """How one document acts on another, with the wording for both sides."""

    REPLACES = "thay_the", _("Thay thế")
    AMENDS = "sua_doi", _("Sửa đổi, bổ sung")
    GUIDES = "huong_dan", _("Hướng dẫn")


INVERSE_LABELS = {
    RelationKind.REPLACES: _("Bị thay thế bởi"),
    RelationKind.AMENDS: _("Được sửa đổi, bổ sung bởi"),
    RelationKind.GUIDES: _("Được hướng dẫn bởi"),
}


class LegalDocumentQuerySet(PageQuerySet):
    """Queries of the register."""

    def publishable(self):
        """Only documents whose security level allows them to be public."""
        return self.filter(security_level=SecurityLevel.NORMAL)

    def with_validity(self, today=None):
        """Annotates `validity`, derived from the dates and relations as of today.

        Computed in the query, never stored, so it is right every day without anyone
        acting, and the listing can filter on it.
        """
        today = today or timezone.localdate()
        acting = DocumentRelation.objects.filter(
            target=OuterRef("pk"),
            source__live=True,
            source__security_level=SecurityLevel.NORMAL,
        ).filter(Q(source__effective_on__isnull=True) | Q(source__effective_on__lte=today))
        return self.annotate(
            replaced=Exists(acting.filter(kind=RelationKind.REPLACES)),
            amended=Exists(acting.filter(kind=RelationKind.AMENDS)),
        ).annotate(
            validity=Case(
                When(~Q(status_override=""), then="status_override"),
                When(effective_on__gt=today, then=Value(Validity.NOT_YET)),
                When(expires_on__lte=today, then=Value(Validity.EXPIRED)),
                When(replaced=True, then=Value(Validity.EXPIRED)),
                When(amended=True, then=Value(Validity.PARTLY_EXPIRED)),
                default=Value(Validity.IN_FORCE),
                output_field=models.CharField(),
            )
        )


LegalDocumentManager = PageManager.from_queryset(LegalDocumentQuerySet)


class DocumentIndexPage(RoutablePageMixin, FoldedSlugMixin, Page):
    """The register's listing: filters, text search, sorting, pages and CSV export."""

    intro = models.TextField(
        _("giới thiệu"), blank=True, help_text=_("Một câu giới thiệu hiển thị đầu trang.")
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["portal.HomePage", "communes.CommuneHomePage"]
    subpage_types = ["documents.LegalDocumentPage"]

    class Meta:
        verbose_name = _("danh mục văn bản")
        verbose_name_plural = _("danh mục văn bản")

    @path("")
    def listing(self, request):
        """Filtered, sorted, paged documents (GET form, bookmarkable)."""
        from .views import listing

        return listing(self, request)

    @path("csv/")
    def csv_export(self, request):
        """The filtered list as CSV (UTF-8 with BOM, for Excel)."""
        from .views import csv_export

        return csv_export(self, request)

    @path("rss/")
    def feed(self, request):
        """RSS 2.0 of the newest public documents."""
        from .views import DocumentFeed

        return DocumentFeed()(request, index=self)


class LegalDocumentPage(FoldedSlugMixin, Page):
    """One legal document with the metadata of the national legal database."""

    number = models.CharField(
        _("số ký hiệu"),
        max_length=100,
        help_text=_("Ví dụ: 15/2024/QĐ-UBND. Không trùng với văn bản khác của cùng cơ quan."),
    )
    number_key = models.CharField(
        _("khóa số ký hiệu"),
        max_length=100,
        editable=False,
        db_index=True,
        help_text=_("Tự động tạo từ số ký hiệu (chỉ chữ không dấu và số) để so khớp, tìm kiếm."),
    )
    document_type = models.ForeignKey(
        DocumentType,
        verbose_name=_("loại văn bản"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Chọn trong danh mục loại văn bản, ví dụ: Quyết định, Công văn."),
    )
    issuing_body = models.ForeignKey(
        IssuingBody,
        verbose_name=_("cơ quan ban hành"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Cơ quan ghi ở đầu văn bản, ví dụ: UBND huyện."),
    )
    signer = models.CharField(
        _("người ký"),
        max_length=200,
        blank=True,
        help_text=_("Họ và tên người ký văn bản, ví dụ: Nguyễn Văn A."),
    )
    signer_title = models.CharField(
        _("chức danh"), max_length=200, blank=True, help_text=_("Ví dụ: Chủ tịch, Phó Chủ tịch.")
    )
    fields = ParentalManyToManyField(
        DocumentField,
        verbose_name=_("lĩnh vực"),
        blank=True,
        help_text=_("Một hoặc nhiều lĩnh vực văn bản điều chỉnh, ví dụ: Đất đai."),
    )
    issued_on = models.DateField(
        _("ngày ban hành"), db_index=True, help_text=_("Ngày ký ban hành ghi trên văn bản.")
    )
    effective_on = models.DateField(
        _("ngày có hiệu lực"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Để trống nếu văn bản có hiệu lực từ ngày ban hành."),
    )
    expires_on = models.DateField(
        _("ngày hết hiệu lực"),
        null=True,
        blank=True,
        help_text=_("Để trống nếu văn bản không ghi thời hạn."),
    )
    summary = models.TextField(_("trích yếu"), help_text=_("Trích yếu nội dung, bắt buộc."))
    full_text = RichTextField(
        _("toàn văn"),
        blank=True,
        features=["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "hr"],
        help_text=_("Không bắt buộc: toàn văn đã có trong tệp đính kèm."),
    )
    security_level = models.CharField(
        _("độ mật"),
        max_length=12,
        choices=SecurityLevel.choices,
        default=SecurityLevel.NORMAL,
        help_text=_("Văn bản Mật, Tối mật, Tuyệt mật không bao giờ được công khai."),
    )
    status_override = models.CharField(
        _("tình trạng hiệu lực (ghi đè)"),
        max_length=16,
        choices=Validity.choices,
        blank=True,
        help_text=_("Để trống để tính tự động từ các ngày và văn bản liên quan."),
    )
    search_text = models.TextField(
        _("văn bản tìm kiếm"),
        editable=False,
        blank=True,
        help_text=_("Tự động tạo từ số ký hiệu, tiêu đề và trích yếu (không dấu) để tìm kiếm."),
    )

    objects = LegalDocumentManager()

    search_fields = [
        *Page.search_fields,
        index.SearchField("number"),
        index.SearchField("summary"),
        index.FilterField("security_level"),
    ]

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("number"), FieldPanel("document_type")]),
                FieldPanel("issuing_body"),
                FieldRowPanel([FieldPanel("signer"), FieldPanel("signer_title")]),
                FieldPanel("fields"),
                FieldRowPanel(
                    [FieldPanel("issued_on"), FieldPanel("effective_on"), FieldPanel("expires_on")]
                ),
                FieldRowPanel([FieldPanel("security_level"), FieldPanel("status_override")]),
            ],
            heading=_("Thông tin văn bản"),
        ),
        FieldPanel("summary"),
        InlinePanel("attachments", heading=_("Tệp đính kèm"), label=_("Tệp"), min_num=0),
        InlinePanel("relations", heading=_("Quan hệ với văn bản khác"), label=_("Quan hệ")),
        FieldPanel("full_text"),
    ]

    parent_page_types = ["documents.DocumentIndexPage"]
    subpage_types = []
    base_form_class = LegalDocumentForm

    class Meta:
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")

    @property
    def is_secret(self):
        return self.security_level != SecurityLevel.NORMAL

    def clean(self):
        super().clean()
        key = number_key(self.number)
        if key and self.issuing_body_id:
            clashes = LegalDocumentPage.objects.filter(
                number_key=key, issuing_body_id=self.issuing_body_id
            ).exclude(pk=self.pk)
            if self.issued_on and not YEAR_IN_NUMBER.search(self.number):
                # Numbers without a year ("15/QĐ-UBND") restart every year.
                clashes = clashes.filter(issued_on__year=self.issued_on.year)
            clash = clashes.first()
            if clash:
                raise ValidationError(
                    {
                        "number": gettext("Cơ quan này đã có văn bản số “%(number)s”: “%(title)s”.")
                        % {"number": clash.number, "title": clash.title}
                    }
                )
        if self.effective_on and self.expires_on and self.expires_on <= self.effective_on:
            raise ValidationError(
                {"expires_on": gettext("Ngày hết hiệu lực phải sau ngày có hiệu lực.")}
            )

    def save(self, *args, **kwargs):
        # The last line of the secret guard: whatever the path (editor, workflow,
        # schedule, import, shell), a secret document is never saved as live. (Saving a
        # draft revision of a live page writes only revision fields: that is allowed.)
        update_fields = kwargs.get("update_fields")
        writes_visibility = update_fields is None or {"live", "security_level"} & set(update_fields)
        if writes_visibility and self.live and self.is_secret:
            raise SecretDocumentError(SECRET_MESSAGE % {"level": self.get_security_level_display()})
        self.number_key = number_key(self.number)
        self.search_text = searchable_text(f"{self.number} {self.title} {self.summary}")
        return super().save(*args, **kwargs)

    def serve(self, request, *args, **kwargs):
        if self.is_secret:
            raise Http404
        return super().serve(request, *args, **kwargs)

    def get_sitemap_urls(self, request=None):
        return [] if self.is_secret else super().get_sitemap_urls(request)

    @property
    def current_validity(self):
        """This document's status today (one query); listings use the `validity` annotation."""
        if self.status_override:
            return self.status_override
        return (
            LegalDocumentPage.objects.filter(pk=self.pk)
            .with_validity()
            .values_list("validity", flat=True)
            .first()
        ) or Validity.IN_FORCE

    def get_context(self, request, *args, **kwargs):
        from .views import document_context

        context = super().get_context(request, *args, **kwargs)
        context.update(document_context(self))
        return context


class LegalDocumentAttachment(Orderable):
    """A file of a document, stored privately and served only while the document is public."""

    page = ParentalKey(
        LegalDocumentPage,
        verbose_name=_("văn bản"),
        on_delete=models.CASCADE,
        related_name="attachments",
        help_text=_("Văn bản có tệp đính kèm này."),
    )
    file = models.FileField(
        _("tệp"),
        storage=PrivateStorage(),
        upload_to=attachment_path,
        validators=[validate_attachment],
        max_length=255,
        help_text=_("PDF, DOC, DOCX, XLS, XLSX hoặc ODT."),
    )
    title = models.CharField(
        _("tên hiển thị"), max_length=255, blank=True, help_text=_("Để trống để dùng tên tệp.")
    )
    original_name = models.CharField(
        _("tên tệp gốc"),
        max_length=255,
        editable=False,
        blank=True,
        help_text=_("Tên tệp khi tải lên, dùng làm tên khi người đọc tải xuống."),
    )
    size = models.PositiveBigIntegerField(
        _("dung lượng"),
        editable=False,
        default=0,
        help_text=_("Dung lượng tệp (byte), ghi lại khi tải lên."),
    )

    panels = [FieldPanel("file", widget=AttachmentFileInput), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")

    def __str__(self):
        return self.display_name

    def remember_upload(self, upload):
        """Keeps the uploaded file's own (Vietnamese) name and size before storage renames it."""
        self.original_name = PurePath(upload.name).name[:255]
        self.size = upload.size

    def save(self, *args, **kwargs):
        if self.file and not self.file._committed:
            self.remember_upload(self.file.file)
        return super().save(*args, **kwargs)

    @property
    def extension(self):
        return PurePath(self.original_name or self.file.name).suffix.lower().lstrip(".")

    @property
    def format_label(self):
        return FORMATS.get(self.extension, (self.extension.upper(), ""))[0]

    @property
    def content_type(self):
        return FORMATS.get(self.extension, ("", "application/octet-stream"))[1]

    @property
    def display_name(self):
        return self.title or self.original_name or PurePath(self.file.name).name


class DocumentRelation(Orderable):
    """This document replaces, amends or guides another (shown from both sides)."""

    source = ParentalKey(
        LegalDocumentPage,
        verbose_name=_("văn bản tác động"),
        on_delete=models.CASCADE,
        related_name="relations",
        help_text=_("Văn bản thay thế, sửa đổi hoặc hướng dẫn văn bản khác."),
    )
    kind = models.CharField(
        _("quan hệ"),
        max_length=12,
        choices=RelationKind.choices,
        help_text=_("Văn bản này tác động thế nào lên văn bản được chọn bên cạnh."),
    )
    target = models.ForeignKey(
        LegalDocumentPage,
        verbose_name=_("văn bản được tác động"),
        on_delete=models.CASCADE,
        related_name="incoming_relations",
        help_text=_("Chọn văn bản bị thay thế, được sửa đổi, bổ sung hoặc được hướng dẫn."),
    )

    panels = [FieldPanel("kind"), FieldPanel("target")]

    class Meta(Orderable.Meta):
        verbose_name = _("quan hệ văn bản")
        verbose_name_plural = _("quan hệ văn bản")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.target}"
