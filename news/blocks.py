"""Blocks an article body adds to the shared ones: photo galleries and audio."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from portal.blocks import BodyStreamBlock, CaptionedImageBlock


class GalleryBlock(blocks.StructBlock):
    """A set of photos shown as a grid of thumbnails, each opening full size."""

    title = blocks.CharBlock(label=_("Tên bộ ảnh"), required=False, max_length=200)
    images = blocks.ListBlock(CaptionedImageBlock(), label=_("Ảnh"), min_num=2)

    class Meta:
        icon = "image"
        template = "blocks/gallery_block.html"
        label = _("Bộ ảnh")
        description = _("Nhiều ảnh hiển thị dạng lưới, bấm để xem ảnh lớn")


# What the library accepts for the audio block (WAGTAILDOCS_EXTENSIONS lists them too).
AUDIO_EXTENSIONS = ("mp3", "m4a", "ogg")


class AudioBlock(blocks.StructBlock):
    """An audio clip from the document library with a native, keyboard-operable player."""

    audio = DocumentChooserBlock(
        label=_("Tệp âm thanh"), help_text=_("Tệp MP3, M4A hoặc OGG trong thư viện tài liệu.")
    )
    title = blocks.CharBlock(label=_("Tiêu đề"), required=False, max_length=200)

    class Meta:
        icon = "media"
        template = "blocks/audio_block.html"
        label = _("Âm thanh")
        description = _("Phát một tệp âm thanh ngay trong bài viết")

    def clean(self, value):
        value = super().clean(value)
        audio = value.get("audio")
        if audio and audio.file_extension.lower() not in AUDIO_EXTENSIONS:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "audio": ValidationError(
                        gettext("“%(title)s” không phải tệp âm thanh (MP3, M4A hoặc OGG).")
                        % {"title": audio.title}
                    )
                }
            )
        return value


class NewsBodyBlock(BodyStreamBlock):
    """An article body: the shared blocks plus galleries and audio."""

    gallery = GalleryBlock()
    audio = AudioBlock()
