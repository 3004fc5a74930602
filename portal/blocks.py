"""The StreamField blocks every page body is built from.

BodyStreamBlock is the shared stream: StandardPage uses it as it is, and other apps
extend it (news adds galleries, video and audio) rather than redefining its blocks.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    """A section heading; the level keeps the page outline correct for screen readers."""

    text = blocks.CharBlock(label=_("Tiêu đề"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Cấp tiêu đề"),
        choices=[("h2", _("Cấp 2")), ("h3", _("Cấp 3")), ("h4", _("Cấp 4"))],
        default="h2",
        help_text=_("Cấp 2 cho mục lớn, cấp 3 và 4 cho mục con."),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Tiêu đề mục")
        description = _("Tiêu đề chia nội dung thành các mục")
        preview_value = {"text": "Chức năng, nhiệm vụ", "level": "h2"}


class CaptionedImageBlock(blocks.StructBlock):
    """An image with its alt text (required unless decorative) and a visible caption."""

    image = ImageBlock(label=_("Ảnh"))
    caption = blocks.CharBlock(
        label=_("Chú thích"),
        required=False,
        max_length=300,
        help_text=_("Hiển thị dưới ảnh, ví dụ: Quang cảnh hội nghị."),
    )

    class Meta:
        icon = "image"
        template = "blocks/captioned_image_block.html"
        label = _("Ảnh có chú thích")
        description = _("Một ảnh kèm mô tả thay thế và chú thích")


class DocumentLinkBlock(blocks.StructBlock):
    """A link to a file in the document library, shown with its format and size."""

    document = DocumentChooserBlock(label=_("Tệp"))
    title = blocks.CharBlock(
        label=_("Tên hiển thị"),
        required=False,
        max_length=255,
        help_text=_("Để trống để dùng tên của tệp."),
    )

    class Meta:
        icon = "doc-full"
        template = "blocks/document_link_block.html"
        label = _("Liên kết tệp")
        description = _("Liên kết tải về một tệp trong thư viện tài liệu")


class QuoteBlock(blocks.StructBlock):
    """A quotation with its attribution."""

    quote = blocks.TextBlock(label=_("Trích dẫn"))
    attribution = blocks.CharBlock(label=_("Người nói / nguồn"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Trích dẫn")
        description = _("Một đoạn trích dẫn kèm nguồn")
        preview_value = {
            "quote": "Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng.",
            "attribution": "Phương châm thực hiện dân chủ ở cơ sở",
        }


class DataTableBlock(TableBlock):
    """A table of figures or contacts; the first row can be marked as headers."""

    class Meta:
        icon = "table"
        template = "blocks/table_block.html"
        label = _("Bảng")
        description = _("Bảng số liệu hoặc danh bạ")
        preview_value = {
            "first_row_is_table_header": True,
            "data": [["Đơn vị", "Điện thoại"], ["Văn phòng HĐND và UBND", "0200 000 000"]],
        }


class ParagraphBlock(blocks.RichTextBlock):
    """Running text with the formatting an official notice needs, and nothing more."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "features",
            ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "hr"],
        )
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph_block.html"
        label = _("Đoạn văn")
        description = _("Văn bản có định dạng: đậm, nghiêng, danh sách, liên kết")
        preview_value = (
            "<p>Ủy ban nhân dân huyện tiếp công dân vào sáng thứ Năm hằng tuần tại trụ sở.</p>"
        )


class VideoEmbedBlock(EmbedBlock):
    """A video from YouTube or another oEmbed provider, shown responsively."""

    class Meta:
        icon = "media"
        template = "blocks/embed_block.html"
        label = _("Nhúng video")
        description = _("Dán đường dẫn video YouTube, Facebook…")


class BodyStreamBlock(blocks.StreamBlock):
    """The blocks every page body may use."""

    paragraph = ParagraphBlock()
    heading = HeadingBlock()
    image = CaptionedImageBlock()
    document = DocumentLinkBlock()
    table = DataTableBlock()
    quote = QuoteBlock()
    embed = VideoEmbedBlock()
