"""The article's "Âm thanh" block: audio clips from the library, and nothing else."""

import pytest

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail import blocks
from wagtail.documents import get_document_model

from news.blocks import AudioBlock
from tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def own_media_root(settings, tmp_path):
    """The clips stay out of the session's media folder, which other tests inspect."""
    settings.MEDIA_ROOT = tmp_path


# A frame header is enough for the library, which checks the extension only.
MP3 = b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x00" * 64


def test_an_editor_can_upload_an_mp3_to_the_library(admin_client):
    response = admin_client.post(
        "/admin/documents/add/",
        {
            "title": "Bản tin phát thanh sáng thứ hai",
            "file": SimpleUploadedFile("ban-tin.mp3", MP3, content_type="audio/mpeg"),
            "collection": 1,
        },
    )
    assert response.status_code == 302
    assert get_document_model().objects.get().file_extension == "mp3"


def test_the_block_plays_an_audio_clip():
    clip = DocumentFactory(title="Bản tin", file=ContentFile(MP3, name="ban-tin.mp3"))
    block = AudioBlock()
    value = block.clean(block.to_python({"audio": clip.pk, "title": ""}))
    html = block.render(value)
    assert f'<audio controls preload="none" src="{clip.url}">' in html
    assert "Bản tin" in html


def test_the_block_refuses_a_document_that_is_not_audio():
    report = DocumentFactory(title="Báo cáo quý", file=ContentFile(b"%PDF-1.4", name="bc.pdf"))
    block = AudioBlock()
    with pytest.raises(blocks.StructBlockValidationError) as refused:
        block.clean(block.to_python({"audio": report.pk, "title": ""}))
    message = str(refused.value.block_errors["audio"].messages[0])
    assert message == "“Báo cáo quý” không phải tệp âm thanh (MP3, M4A hoặc OGG)."
