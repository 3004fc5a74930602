"""documents.demo.seed_documents: a sample register with every validity status, seeded once."""

import datetime
import io
import zipfile
from collections import Counter

import pytest

from documents import demo
from documents.models import (
    DocumentField,
    DocumentIndexPage,
    DocumentRelation,
    DocumentType,
    IssuingBody,
    LegalDocumentAttachment,
    LegalDocumentPage,
    RelationKind,
    SecurityLevel,
    Validity,
)
from documents.uploads import validate_attachment


@pytest.fixture
def seeded(district):
    """The district with the sample register, and what seed_documents wrote to stdout."""
    out = io.StringIO()
    demo.seed_documents(district, stdout=out)
    return district, out.getvalue()


def test_sample_data_is_consistent():
    """Samples name known lists, act only on older samples, and keep their statuses
    whatever the day of the seed."""
    samples = {sample.slug: sample for sample in demo.SAMPLES}
    assert len(samples) == len(demo.SAMPLES)
    for sample in demo.SAMPLES:
        assert sample.kind in demo.DOCUMENT_TYPES, sample.slug
        assert sample.body in demo.ISSUING_BODIES, sample.slug
        assert set(sample.fields) <= set(demo.DOCUMENT_FIELDS), sample.slug
        assert sample.lasts is None or sample.starts is not None, sample.slug
        for _, target in sample.acts_on:
            # Targets are older, so they are created first.
            assert samples[target].age > sample.age, sample.slug
    # Dates move with the day of the seed; the statuses they give must not.
    for offset in range(0, 366, 3):
        today = datetime.date(2026, 1, 1) + datetime.timedelta(days=offset)
        not_yet = expired = 0
        for sample in demo.SAMPLES:
            effective = demo.effective_date(sample, today)
            expires = demo.expiry_date(sample, today)
            assert demo.issue_date(sample, today) <= today
            if effective and expires:
                assert expires > effective, (sample.slug, today)
            not_yet += bool(effective and effective > today)
            expired += bool(expires and expires <= today)
        assert not_yet >= 2 and expired >= 4, today


def test_register_and_lists(seeded):
    """The register, its lists with ASCII slugs, and at least 30 varied public documents."""
    home, out = seeded
    index = DocumentIndexPage.objects.child_of(home).get(slug="van-ban")
    assert index.live and index.show_in_menus and index.intro
    assert index.title == "Văn bản"
    for model, names in (
        (DocumentType, demo.DOCUMENT_TYPES),
        (IssuingBody, [body.name for body in demo.ISSUING_BODIES]),
        (DocumentField, demo.DOCUMENT_FIELDS),
    ):
        terms = model.objects.filter(name__in=names)
        assert terms.count() == len(names)
        for term in terms:
            assert term.slug and term.slug.isascii(), term.name
    assert out.startswith("Văn bản mẫu: đã tạo") and out.count("\n") == 1

    documents = LegalDocumentPage.objects.live().child_of(index)
    assert documents.count() >= 30
    assert documents.values("document_type").distinct().count() >= 8
    assert documents.values("issuing_body").distinct().count() >= 8
    assert not documents.exclude(security_level=SecurityLevel.NORMAL).exists()
    numbers = Counter(
        LegalDocumentPage.objects.values_list("issuing_body", "number_key").order_by()
    )
    assert max(numbers.values()) == 1
    drafts = LegalDocumentPage.objects.child_of(index).filter(live=False)
    assert [page.security_level for page in drafts] == [SecurityLevel.CONFIDENTIAL]


def test_every_validity_status_is_shown(seeded):
    """All four statuses are derived, from dates and from relations to older documents."""
    validity = Counter(
        LegalDocumentPage.objects.live().with_validity().values_list("validity", flat=True)
    )
    assert validity[Validity.NOT_YET] >= 2
    assert validity[Validity.IN_FORCE] >= 15
    assert validity[Validity.PARTLY_EXPIRED] >= 2
    assert validity[Validity.EXPIRED] >= 4
    kinds = Counter(DocumentRelation.objects.values_list("kind", flat=True))
    assert kinds[RelationKind.REPLACES] >= 2 and kinds[RelationKind.AMENDS] >= 2
    assert kinds[RelationKind.GUIDES] >= 1
    for relation in DocumentRelation.objects.select_related("source", "target"):
        assert relation.target.issued_on < relation.source.issued_on
        assert relation.target.number in relation.source.summary


def test_every_document_has_valid_attachments(seeded):
    """Each document has a real PDF (and some a DOCX) that passes the upload checks."""
    pages = LegalDocumentPage.objects.all()
    assert not pages.filter(attachments=None).exists()
    extensions = Counter()
    for attachment in LegalDocumentAttachment.objects.select_related("page"):
        extensions[attachment.extension] += 1
        assert attachment.original_name and attachment.size > 0
        assert attachment.title
        with attachment.file.open("rb") as handle:
            data = handle.read()
            validate_attachment(attachment.file)
        assert len(data) == attachment.size
        if attachment.extension == "pdf":
            assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
        else:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                assert "word/document.xml" in archive.namelist()
    assert extensions["pdf"] > pages.count() and extensions["docx"] >= 3
    first = LegalDocumentAttachment.objects.filter(page__number__contains="QĐ-UBND").first()
    assert first.original_name.startswith("Quyết định ")
    assert first.original_name.endswith("QĐ-UBND.pdf")


def test_second_run_creates_nothing(seeded):
    """A second run adds no page, file or list entry, and says so."""
    home, _ = seeded
    counts = (LegalDocumentPage.objects.count(), LegalDocumentAttachment.objects.count())
    terms = (DocumentType.objects.count(), IssuingBody.objects.count())
    out = io.StringIO()
    demo.seed_documents(home, stdout=out)
    assert (LegalDocumentPage.objects.count(), LegalDocumentAttachment.objects.count()) == counts
    assert (DocumentType.objects.count(), IssuingBody.objects.count()) == terms
    assert out.getvalue() == "Văn bản mẫu: đã có đủ danh mục và văn bản, không tạo thêm.\n"


def test_register_page_answers(seeded, client):
    """The register and a document page render."""
    response = client.get("/van-ban/")
    assert response.status_code == 200
    document = LegalDocumentPage.objects.live().get(slug="dieu-chinh-gia-dich-vu-tai-cho")
    response = client.get(document.url)
    assert response.status_code == 200
    assert document.number in response.content.decode()
