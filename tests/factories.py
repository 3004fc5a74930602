"""Small factories for the page tree, sites and media; tests build only what they need."""

import datetime

import factory
import wagtail_factories

from wagtail.models import Collection, Page, Site

from documents.models import (
    DocumentField,
    DocumentIndexPage,
    DocumentType,
    IssuingBody,
    LegalDocumentPage,
)
from news.models import NewsIndexPage, NewsPage
from portal.models import HomePage, SiteSettings, StandardPage


class ImageFactory(wagtail_factories.ImageFactory):
    """An image in the root collection (the library's default place)."""

    title = factory.Sequence(lambda n: f"Ảnh {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)


class DocumentFactory(wagtail_factories.DocumentFactory):
    """A document in the root collection."""

    title = factory.Sequence(lambda n: f"Tài liệu {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)


class HomePageFactory(wagtail_factories.PageFactory):
    """A district home page, under the tree root unless given a parent."""

    title = "Huyện Thử Nghiệm"
    slug = factory.Sequence(lambda n: f"huyen-{n}")
    intro = "Trang chủ của một huyện dùng trong kiểm thử."
    parent = factory.LazyFunction(Page.get_first_root_node)

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    """A published information page."""

    title = factory.Sequence(lambda n: f"Trang thông tin {n}")
    slug = factory.Sequence(lambda n: f"trang-{n}")
    intro = "Tóm tắt trang."
    show_in_menus = True

    class Meta:
        model = StandardPage


class SiteFactory(wagtail_factories.SiteFactory):
    """A Site serving an existing root page."""

    hostname = factory.Sequence(lambda n: f"site{n}.example.gov.vn")
    port = 80
    root_page = None

    class Meta:
        model = Site


class SiteSettingsFactory(factory.django.DjangoModelFactory):
    """The header and footer settings of a Site."""

    unit_name = "Ủy ban nhân dân huyện Thử Nghiệm"
    address = "Số 2 đường Kiểm Thử"
    phone = "0200 1234 567"
    hotline = "0200 1234 999"
    email = "vanphong@thunghiem.example.gov.vn"
    working_hours = "7h00 – 17h00, thứ Hai đến thứ Sáu"

    class Meta:
        model = SiteSettings


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    """A news section."""

    title = factory.Sequence(lambda n: f"Chuyên mục {n}")
    slug = factory.Sequence(lambda n: f"chuyen-muc-{n}")
    show_in_menus = True

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    """A live article, one hour older than the previous one built."""

    title = factory.Sequence(lambda n: f"Bài viết số {n}")
    slug = factory.Sequence(lambda n: f"bai-viet-{n}")
    lead = factory.LazyAttribute(lambda o: f"Tóm tắt của {o.title}.")
    author = "Phóng viên"
    published_at = factory.Sequence(
        lambda n: (
            datetime.datetime(2025, 6, 1, 8, tzinfo=datetime.UTC) - datetime.timedelta(hours=n)
        )
    )

    class Meta:
        model = NewsPage


class DocumentTypeFactory(factory.django.DjangoModelFactory):
    """A document type (loại văn bản)."""

    name = factory.Sequence(lambda n: f"Quyết định {n}")

    class Meta:
        model = DocumentType


class IssuingBodyFactory(factory.django.DjangoModelFactory):
    """An issuing body (cơ quan ban hành)."""

    name = factory.Sequence(lambda n: f"UBND xã số {n}")

    class Meta:
        model = IssuingBody


class DocumentFieldFactory(factory.django.DjangoModelFactory):
    """A field (lĩnh vực)."""

    name = factory.Sequence(lambda n: f"Lĩnh vực {n}")

    class Meta:
        model = DocumentField


class DocumentIndexPageFactory(wagtail_factories.PageFactory):
    """A document register."""

    title = "Văn bản"
    slug = "van-ban"

    class Meta:
        model = DocumentIndexPage


class LegalDocumentPageFactory(wagtail_factories.PageFactory):
    """A live, ordinary (not secret) document issued on 01/03/2024, in force since."""

    title = factory.Sequence(lambda n: f"Quyết định về việc số {n}")
    slug = factory.Sequence(lambda n: f"van-ban-{n}")
    number = factory.Sequence(lambda n: f"{n}/2024/QĐ-UBND")
    document_type = factory.SubFactory(DocumentTypeFactory)
    issuing_body = factory.SubFactory(IssuingBodyFactory)
    signer = "Nguyễn Văn An"
    signer_title = "Chủ tịch"
    issued_on = datetime.date(2024, 3, 1)
    effective_on = datetime.date(2024, 3, 15)
    summary = factory.Sequence(lambda n: f"Về việc ban hành quy định số {n}")

    class Meta:
        model = LegalDocumentPage
