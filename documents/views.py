"""Public views of the register: the listing, CSV export, feed, page context and files."""

import csv
import io

from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET

from .filters import DocumentFilterForm, base_queryset
from .models import (
    INVERSE_LABELS,
    LegalDocumentAttachment,
    LegalDocumentPage,
    RelationKind,
    SecurityLevel,
    Validity,
)

DOCUMENTS_PER_PAGE = 20
FEED_LENGTH = 50
CSV_COLUMNS = [
    _("Số ký hiệu"),
    _("Trích yếu"),
    _("Loại văn bản"),
    _("Cơ quan ban hành"),
    _("Người ký"),
    _("Chức danh"),
    _("Lĩnh vực"),
    _("Ngày ban hành"),
    _("Ngày có hiệu lực"),
    _("Ngày hết hiệu lực"),
    _("Tình trạng hiệu lực"),
    _("Địa chỉ"),
]
VALIDITY_LABELS = dict(Validity.choices)


def listing(index, request):
    """The register's listing page."""
    form = DocumentFilterForm(request.GET)
    documents = form.filter(base_queryset(index))
    paginator = Paginator(documents, DOCUMENTS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("trang"))
    return index.render(
        request,
        context_overrides={
            "form": form,
            "documents": page_obj,
            "paginator": paginator,
            "validity_labels": VALIDITY_LABELS,
        },
    )


def _date(value):
    return value.strftime("%d/%m/%Y") if value else ""


def csv_export(index, request):
    """The filtered list (all pages) as CSV, UTF-8 with a BOM so Excel reads Vietnamese."""
    form = DocumentFilterForm(request.GET)
    documents = form.filter(base_queryset(index))

    def rows():
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow([str(column) for column in CSV_COLUMNS])
        yield "\ufeff" + buffer.getvalue()
        for document in documents.iterator(chunk_size=1000):
            buffer.seek(0)
            buffer.truncate()
            writer.writerow(
                [
                    document.number,
                    document.summary,
                    document.document_type.name,
                    document.issuing_body.name,
                    document.signer,
                    document.signer_title,
                    "; ".join(field.name for field in document.fields.all()),
                    _date(document.issued_on),
                    _date(document.effective_on),
                    _date(document.expires_on),
                    VALIDITY_LABELS[document.validity],
                    document.get_full_url(request=request),
                ]
            )
            yield buffer.getvalue()

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="van-ban.csv"'
    return response


class DocumentFeed(Feed):
    """The newest public documents of a register, by date of issue."""

    feed_type = Rss201rev2Feed
    language = "vi"

    def get_object(self, request, index):
        self.request = request
        return index

    def title(self, index):
        return index.title

    def link(self, index):
        return index.get_full_url(request=self.request)

    def description(self, index):
        return index.intro or gettext("Văn bản mới: %(title)s") % {"title": index.title}

    def items(self, index):
        return base_queryset(index).order_by("-issued_on", "-pk")[:FEED_LENGTH]

    def item_title(self, item):
        return f"{item.number}: {item.title}"

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_full_url(request=self.request)

    def item_pubdate(self, item):
        from datetime import datetime, time

        from django.utils import timezone

        return timezone.make_aware(datetime.combine(item.issued_on, time(0, 0)))


def document_context(document):
    """What a document page shows besides its own fields; a fixed number of queries."""
    visible = LegalDocumentPage.objects.live().public().publishable()
    outgoing = [
        {"label": relation.get_kind_display(), "document": relation.target}
        for relation in document.relations.select_related("target").filter(
            target__in=visible.values("pk")
        )
    ]
    incoming = [
        {"label": INVERSE_LABELS[RelationKind(relation.source_kind)], "document": relation}
        for relation in _incoming(document, visible)
    ]
    field_ids = [field.pk for field in document.fields.all()]
    related = (
        visible.exclude(pk=document.pk)
        .filter(document_type=document.document_type_id)
        .select_related("document_type", "issuing_body")
        .order_by("-issued_on")
    )
    if field_ids:
        related = (
            visible.exclude(pk=document.pk)
            .filter(fields__in=field_ids)
            .distinct()
            .select_related("document_type", "issuing_body")
            .order_by("-issued_on")
        )
    return {
        "attachments": list(document.attachments.all()),
        "relations": outgoing + incoming,
        "related_documents": list(related[:5]),
        "validity": document.current_validity,
        "validity_labels": VALIDITY_LABELS,
    }


def _incoming(document, visible):
    """Documents acting on this one, each annotated with the kind of relation."""
    from django.db.models import F

    return visible.filter(relations__target=document).annotate(source_kind=F("relations__kind"))


def can_read(user, page):
    """Anyone may read a live, public, non-secret document; staff who may edit it, always."""
    public = (
        page.live
        and page.security_level == SecurityLevel.NORMAL
        and not page.get_view_restrictions().exists()
    )
    if public:
        return True
    return user.is_authenticated and page.permissions_for_user(user).can_edit()


@require_GET
@xframe_options_sameorigin
def download(request, pk, filename=None):
    """Serves an attachment under its Vietnamese name, only while the reader may see it.

    Anything else answers 404, so a draft or secret document's existence is not revealed.
    """
    attachment = get_object_or_404(LegalDocumentAttachment.objects.select_related("page"), pk=pk)
    if not can_read(request.user, attachment.page):
        raise Http404
    inline = request.GET.get("xem") == "1" and attachment.extension == "pdf"
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        as_attachment=not inline,
        filename=attachment.original_name or attachment.display_name,
        content_type=attachment.content_type,
    )
    response["Cache-Control"] = "private, no-cache"
    response["X-Content-Type-Options"] = "nosniff"
    return response
