"""The document page: metadata table, status badge, files, relations both ways, related."""

import datetime
import re

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from documents.models import DocumentRelation, RelationKind
from tests.documents.conftest import attach_pdf
from tests.factories import LegalDocumentPageFactory

D = datetime.date
BOUNDS = {"listing": 21, "document": 24}


@pytest.fixture
def pair(register, decision, ubnd, land):
    old = LegalDocumentPageFactory(
        parent=register,
        slug="cu",
        number="10/2020/QĐ-UBND",
        document_type=decision,
        issuing_body=ubnd,
        issued_on=D(2020, 1, 5),
        effective_on=D(2020, 2, 1),
        signer="Trần Thị Bình",
        signer_title="Phó Chủ tịch",
    )
    new = LegalDocumentPageFactory(
        parent=register,
        slug="moi",
        number="20/2024/QĐ-UBND",
        document_type=decision,
        issuing_body=ubnd,
        issued_on=D(2024, 1, 5),
        effective_on=D(2024, 2, 1),
    )
    for page in (old, new):
        page.fields.add(land)
        page.save()
    DocumentRelation.objects.create(source=new, target=old, kind=RelationKind.REPLACES)
    return old, new


def test_metadata_table_like_the_national_database(client, pair):
    html = client.get("/van-ban/cu/").content.decode()
    cells = dict(re.findall(r'<th scope="row">([^<]+)</th><td[^>]*>(.*?)</td>', html))
    assert cells["Số ký hiệu"] == "10/2020/QĐ-UBND"
    assert cells["Ngày ban hành"] == "05/01/2020"
    assert cells["Ngày có hiệu lực"] == "01/02/2020"
    assert cells["Loại văn bản"] == "Quyết định"
    assert cells["Cơ quan ban hành"] == "UBND huyện"
    assert cells["Người ký"] == "Trần Thị Bình (Phó Chủ tịch)"
    assert cells["Lĩnh vực"] == "Đất đai"
    assert '<span class="badge badge--het_hieu_luc">Hết hiệu lực toàn bộ</span>' in html


def test_relations_are_shown_from_both_sides(client, pair):
    old_html = client.get("/van-ban/cu/").content.decode()
    new_html = client.get("/van-ban/moi/").content.decode()
    assert 'Bị thay thế bởi: <a href="/van-ban/moi/">20/2024/QĐ-UBND</a>' in old_html
    assert 'Thay thế: <a href="/van-ban/cu/">10/2020/QĐ-UBND</a>' in new_html


def test_attachments_with_format_size_download_and_preview(client, pair):
    old, _ = pair
    attachment = attach_pdf(old, name="Quyết định 10.pdf")
    html = client.get("/van-ban/cu/").content.decode()
    assert "(PDF, " in html and " byte)" in html
    assert f'href="/tep-van-ban/{attachment.pk}/' in html
    assert '<object class="pdf-preview"' in html and "?xem=1" in html


def test_related_documents_share_a_field(client, pair, register, education):
    unrelated = LegalDocumentPageFactory(parent=register, slug="khac")
    unrelated.fields.add(education)
    unrelated.save()
    html = client.get("/van-ban/cu/").content.decode()
    related = html.split('id="van-ban-lien-quan"')[1].split("</section>")[0]
    assert "20/2024/QĐ-UBND" in related and unrelated.number not in related


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def add_documents(register, count, document_type, body, fields):
    for n in range(count):
        page = LegalDocumentPageFactory(
            parent=register,
            document_type=document_type,
            issuing_body=body,
            issued_on=D(2023, 1, 1) + datetime.timedelta(days=n),
        )
        page.fields.add(*fields)
        page.save()
        attach_pdf(page)


@pytest.mark.parametrize(
    ("name", "url"),
    [
        ("listing", "/van-ban/?loai=quyet-dinh&linh_vuc=dat-dai&q=quy+dinh"),
        ("document", "/van-ban/cu/"),
    ],
)
def test_queries_do_not_grow_with_documents(
    client, pair, register, decision, ubnd, land, name, url
):
    old, new = pair
    attach_pdf(old)
    add_documents(register, 5, decision, ubnd, [land])
    count_queries(client, url)
    few = count_queries(client, url)
    add_documents(register, 55, decision, ubnd, [land])
    many = count_queries(client, url)
    assert few == many
    assert many <= BOUNDS[name]
