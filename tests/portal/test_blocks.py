"""The shared body blocks render accessible HTML and validate what editors enter."""

import pytest

from django.core.exceptions import ValidationError

from wagtail.blocks import StreamValue

from portal.blocks import BodyStreamBlock, CaptionedImageBlock
from tests.factories import DocumentFactory, ImageFactory


def render(blocks):
    stream = BodyStreamBlock()
    return stream.render(StreamValue(stream, blocks, is_lazy=True))


@pytest.mark.django_db
def test_image_renders_webp_renditions_with_size_alt_and_caption():
    image = ImageFactory(width=1600, height=900)
    html = render(
        [
            {
                "type": "image",
                "value": {
                    "image": {"image": image.pk, "decorative": False, "alt_text": "Lễ khánh thành"},
                    "caption": "Quang cảnh buổi lễ",
                },
            }
        ]
    )
    assert 'alt="Lễ khánh thành"' in html
    assert ".webp" in html and "srcset=" in html
    assert 'width="' in html and 'height="' in html
    assert "<figcaption>Quang cảnh buổi lễ</figcaption>" in html


@pytest.mark.django_db
def test_image_alt_text_required_unless_decorative():
    image = ImageFactory()
    block = CaptionedImageBlock()
    with pytest.raises(ValidationError):
        block.clean(
            block.to_python({"image": {"image": image.pk, "decorative": False, "alt_text": ""}})
        )
    value = block.clean(
        block.to_python({"image": {"image": image.pk, "decorative": True, "alt_text": ""}})
    )
    assert 'alt=""' in block.render(value)


def test_table_has_header_cells_and_caption():
    html = render(
        [
            {
                "type": "table",
                "value": {
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": "Danh bạ",
                    "data": [["Đơn vị", "Điện thoại"], ["Phòng Nội vụ", "0200 1"]],
                },
            }
        ]
    )
    assert "<caption>Danh bạ</caption>" in html
    assert '<th scope="col">Đơn vị</th>' in html and "<td>Phòng Nội vụ</td>" in html


@pytest.mark.django_db
def test_document_link_shows_format_and_size():
    document = DocumentFactory(title="Kế hoạch năm")
    html = render([{"type": "document", "value": {"document": document.pk, "title": ""}}])
    assert "Kế hoạch năm" in html and document.url in html
    assert f"({document.file_extension.upper()}" in html


def test_heading_quote_and_paragraph():
    html = render(
        [
            {"type": "heading", "value": {"text": "Nhiệm vụ", "level": "h3"}},
            {"type": "quote", "value": {"quote": "Dân là gốc", "attribution": "Tục ngữ"}},
            {"type": "paragraph", "value": "<p>Văn bản <b>đậm</b></p>"},
        ]
    )
    assert "<h3>Nhiệm vụ</h3>" in html
    assert "<blockquote><p>Dân là gốc</p></blockquote>" in html and "— Tục ngữ" in html
    assert "<b>đậm</b>" in html


def test_every_block_declares_icon_template_and_description():
    for name, block in BodyStreamBlock().child_blocks.items():
        assert block.meta.icon, name
        assert block.meta.template, name
        assert block.meta.description, name
