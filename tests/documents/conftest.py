"""A district with a document register and a few controlled values."""

import pytest

from django.core.files.base import ContentFile

from documents.models import LegalDocumentAttachment
from tests.factories import (
    DocumentFieldFactory,
    DocumentIndexPageFactory,
    DocumentTypeFactory,
    IssuingBodyFactory,
)

MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


@pytest.fixture
def register(district):
    return DocumentIndexPageFactory(parent=district)


@pytest.fixture
def decision(db):
    return DocumentTypeFactory(name="Quyết định", slug="quyet-dinh")


@pytest.fixture
def plan(db):
    return DocumentTypeFactory(name="Kế hoạch", slug="ke-hoach")


@pytest.fixture
def ubnd(db):
    return IssuingBodyFactory(name="UBND huyện", slug="ubnd-huyen")


@pytest.fixture
def hdnd(db):
    return IssuingBodyFactory(name="HĐND huyện", slug="hdnd-huyen")


@pytest.fixture
def land(db):
    return DocumentFieldFactory(name="Đất đai", slug="dat-dai")


@pytest.fixture
def education(db):
    return DocumentFieldFactory(name="Giáo dục", slug="giao-duc")


def attach_pdf(page, name="Quyết định số 15.pdf", data=MINIMAL_PDF):
    """Adds a PDF attachment row to a page (as the admin's inline panel does)."""
    attachment = LegalDocumentAttachment(page=page, title="")
    attachment.file.save(name, ContentFile(data, name=name), save=False)
    attachment.original_name = name
    attachment.size = len(data)
    attachment.save()
    return attachment
