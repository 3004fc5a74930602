"""The editorial board's report ("Báo cáo Ban biên tập"), per unit and period.

The board's quarterly meeting reviews what its unit published: this module computes it
(build_report), writes it as CSV (report_csv) and serves it in the admin (ReportView).

Choices, and why:

- A unit is the district or one commune. The district's report covers the district's
  own pages only: communes live inside the district's tree, but their articles are their
  own boards' work and appear in their own reports.
- An article counts when it is live and its publication date (NewsPage.published_at,
  which defaults to the first publication; first_published_at when empty) falls in the
  period. That is the date readers see, and editors correct it when reposting an old
  article, so the report agrees with the site. Unpublished articles are not counted.
- A document counts when it is live and first went online (first_published_at) in the
  period: the board reports the portal's work, and a document's issue date (issued_on,
  shown in the list) may be years older than its publication, e.g. for imported ones.
- Section: the article's parent news section (its NewsIndexPage's title).
- Author: NewsPage.author split into names ("Minh Anh – Thu Hà" is two authors); an
  article with two authors counts once for each, so that table may add up to more than
  the number of articles.
- Contributing office: NewsPage.source ("Nguồn", e.g. "Trung tâm Văn hóa – Thể thao
  huyện"), where editors name the office or newsroom that supplied the article. It is
  not split (office names contain dashes). The page owner's groups would not do: they
  only say the owner's role in the unit ("… – Cộng tác viên"), the same for every
  contributor, and nothing about offices. Documents are counted by issuing body and type.
- Visits: DailyVisitCount of the unit's Site(s) on the period's days (Asia/Ho_Chi_Minh).
  A commune read under the district host (its path under the district) counts for the
  district's Site, as the counter records the Site that served the request.

Who sees what: superusers and the district's Ban biên tập, Trưởng ban and Quản trị see
every unit; a commune's Ban biên tập, Trưởng ban and Quản trị see their own commune only.
"""

import csv
import datetime
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import forms
from django.db.models import Exists, OuterRef, Q, Sum
from django.db.models.functions import Coalesce, Length, Substr, TruncMonth
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import GroupPagePermission, Page, Site

from documents.models import LegalDocumentPage
from news.models import NewsPage
from news.syndication import with_canonical_urls
from portal.editorial import ADMIN, BOARD, HEAD, group_name
from portal.models import DailyVisitCount

from .models import CommuneHomePage
from .provisioning import ProvisioningError, district_home

REPORT_ROLES = (BOARD, HEAD, ADMIN)
NO_AUTHOR = _("(không ghi tác giả)")
NO_SOURCE = _("(không ghi nguồn)")
AUTHOR_SEPARATORS = re.compile(r"\s*[–—;,/+&]\s*|\s+-\s+|\s+và\s+", re.IGNORECASE)
MIN_YEAR, MAX_YEAR = 2000, 2100


# Who sees which unit -------------------------------------------------------------------


def role_page_ids(user, roles):
    """Pages on which the user's unit groups of these roles hold page permissions.

    A unit's groups are named "<unit> – <role>" and hold their page permissions on the
    unit's root page (portal/editorial.py), so the root page identifies the unit whatever
    its name.
    """
    if not (user.is_authenticated and user.is_active):
        return set()
    named = Q()
    for role in roles:
        named |= Q(group__name__endswith=group_name("", role))
    return set(
        GroupPagePermission.objects.filter(named, group__user=user).values_list(
            "page_id", flat=True
        )
    )


def has_unit_role(user, page, roles):
    """Is the user a superuser, or in one of these roles' groups of the unit at `page`?"""
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or page.pk in role_page_ids(user, roles)


def all_units():
    """The district's home, then its communes' homes (in directory order)."""
    try:
        district = district_home()
    except ProvisioningError:
        return []
    communes = CommuneHomePage.objects.descendant_of(district).order_by("path")
    return [district, *communes]


def units_for(user):
    """The units whose report this user may see."""
    if not (user.is_authenticated and user.is_active):
        return []
    page_ids = set() if user.is_superuser else role_page_ids(user, REPORT_ROLES)
    if not (user.is_superuser or page_ids):
        return []
    units = all_units()
    if user.is_superuser or not units or units[0].pk in page_ids:
        return units
    return [unit for unit in units if unit.pk in page_ids]


def unit_label(unit):
    if isinstance(unit, CommuneHomePage):
        return unit.title
    return gettext("%(title)s (trang huyện, không gồm các xã)") % {"title": unit.title}


# The form ----------------------------------------------------------------------------


def current_quarter(today=None):
    """(first day, last day) of the quarter containing today (local time)."""
    today = today or timezone.localdate()
    first_month = 3 * ((today.month - 1) // 3) + 1
    start = datetime.date(today.year, first_month, 1)
    next_start = (
        datetime.date(today.year + 1, 1, 1)
        if first_month == 10
        else datetime.date(today.year, first_month + 3, 1)
    )
    return start, next_start - datetime.timedelta(days=1)


DATE_ERRORS = {
    "required": _("Hãy nhập ngày."),
    "invalid": _("Ngày không hợp lệ: hãy nhập theo dạng ngày/tháng/năm, ví dụ 31/03/2025."),
}


class ReportForm(forms.Form):
    """Unit and period, sent by GET so a report can be bookmarked and shared."""

    don_vi = forms.TypedChoiceField(
        label=_("Đơn vị"),
        coerce=int,
        error_messages={
            "required": _("Hãy chọn đơn vị."),
            "invalid_choice": _(
                "Đơn vị không hợp lệ hoặc bạn không được xem báo cáo của đơn vị này."
            ),
        },
    )
    tu_ngay = forms.DateField(
        label=_("Từ ngày"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages=DATE_ERRORS,
    )
    den_ngay = forms.DateField(
        label=_("Đến ngày"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages=DATE_ERRORS,
    )

    def __init__(self, data, units):
        self.units = {unit.pk: unit for unit in units}
        super().__init__(data)
        self.fields["don_vi"].choices = [(unit.pk, unit_label(unit)) for unit in units]

    @classmethod
    def from_request(cls, request, units):
        """Bound to the query string; a missing field takes its default (this quarter)."""
        start, end = current_quarter()
        data = request.GET.copy()
        defaults = {
            "don_vi": str(units[0].pk) if units else "",
            "tu_ngay": start.isoformat(),
            "den_ngay": end.isoformat(),
        }
        for name, value in defaults.items():
            if name not in data:
                data[name] = value
        return cls(data, units)

    def clean_tu_ngay(self):
        return self._check_year(self.cleaned_data["tu_ngay"])

    def clean_den_ngay(self):
        return self._check_year(self.cleaned_data["den_ngay"])

    @staticmethod
    def _check_year(value):
        if not MIN_YEAR <= value.year <= MAX_YEAR:
            raise forms.ValidationError(
                gettext("Hãy chọn một ngày từ năm %(min_year)s đến năm %(max_year)s.")
                % {"min_year": MIN_YEAR, "max_year": MAX_YEAR}
            )
        return value

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("tu_ngay"), cleaned.get("den_ngay")
        if start and end and start > end:
            self.add_error("den_ngay", gettext("Ngày kết thúc phải sau hoặc trùng ngày bắt đầu."))
        return cleaned

    @property
    def unit(self):
        return self.units[self.cleaned_data["don_vi"]]


# The report --------------------------------------------------------------------------


def split_authors(text):
    """ "Minh Anh – Thu Hà" → ["Minh Anh", "Thu Hà"]; spaces normalised, empties dropped."""
    names = (" ".join(part.split()) for part in AUTHOR_SEPARATORS.split(text or ""))
    return [name for name in names if name]


def tally(values):
    """[(label, count)] by count, then label; labels grouped case-insensitively."""
    counts, labels = Counter(), {}
    for value in values:
        key = value.casefold()
        labels.setdefault(key, value)
        counts[key] += 1
    return sorted(((labels[key], n) for key, n in counts.items()), key=lambda x: (-x[1], x[0]))


def in_unit(queryset, unit):
    """The unit's pages: the district's exclude its communes' subtrees."""
    queryset = queryset.descendant_of(unit)
    if isinstance(unit, CommuneHomePage):
        return queryset
    communes = CommuneHomePage.objects.filter(path=Substr(OuterRef("path"), 1, Length("path")))
    return queryset.filter(~Exists(communes))


def bounds(start, end):
    """The period as aware datetimes [since, until) in local time."""
    tz = timezone.get_current_timezone()
    since = datetime.datetime.combine(start, datetime.time.min, tzinfo=tz)
    until = datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min, tz)
    return since, until


def parent_titles(pages):
    """{parent path: title} for these pages' parents, in one query."""
    paths = {page.path[: -Page.steplen] for page in pages}
    return dict(Page.objects.filter(path__in=paths).values_list("path", "title"))


@dataclass
class Report:
    unit: Page
    start: datetime.date
    end: datetime.date
    articles: list = field(default_factory=list)
    documents: list = field(default_factory=list)
    by_section: list = field(default_factory=list)
    by_author: list = field(default_factory=list)
    by_office: list = field(default_factory=list)
    documents_by_section: list = field(default_factory=list)
    documents_by_type: list = field(default_factory=list)
    documents_by_body: list = field(default_factory=list)
    visits: int = 0
    visits_by_month: list = field(default_factory=list)

    @property
    def unit_name(self):
        return unit_label(self.unit)


def build_report(unit, start, end):
    """The report of `unit` from `start` to `end` (dates, both included); ~7 queries."""
    since, until = bounds(start, end)
    report = Report(unit=unit, start=start, end=end)

    articles = list(
        in_unit(NewsPage.objects.live(), unit)
        .annotate(published_on=Coalesce("published_at", "first_published_at"))
        .filter(published_on__gte=since, published_on__lt=until)
        .only("pk", "title", "path", "depth", "url_path", "author", "source", "published_at")
        .order_by("published_on", "pk")
    )
    documents = list(
        in_unit(LegalDocumentPage.objects.live(), unit)
        .filter(first_published_at__gte=since, first_published_at__lt=until)
        .select_related("document_type", "issuing_body")
        .only(
            "pk",
            "title",
            "path",
            "depth",
            "url_path",
            "number",
            "issued_on",
            "first_published_at",
            "document_type__name",
            "issuing_body__name",
        )
        .order_by("first_published_at", "pk")
    )
    sections = parent_titles([*articles, *documents])
    for page in [*articles, *documents]:
        page.section = sections.get(page.path[: -Page.steplen], "")
    for article in articles:
        article.authors = split_authors(article.author)
        article.office = " ".join(article.source.split())
    with_canonical_urls([*articles, *documents])

    report.articles, report.documents = articles, documents
    report.by_section = tally(article.section for article in articles)
    report.by_author = tally(
        name for article in articles for name in (article.authors or [NO_AUTHOR])
    )
    report.by_office = tally(article.office or NO_SOURCE for article in articles)
    report.documents_by_section = tally(document.section for document in documents)
    report.documents_by_type = tally(document.document_type.name for document in documents)
    report.documents_by_body = tally(document.issuing_body.name for document in documents)

    visits = DailyVisitCount.objects.filter(
        site__in=Site.objects.filter(root_page=unit), day__gte=start, day__lte=end
    )
    report.visits_by_month = [
        (row["month"], row["total"])
        for row in visits.annotate(month=TruncMonth("day"))
        .values("month")
        .annotate(total=Sum("visits"))
        .order_by("month")
    ]
    report.visits = sum(total for _, total in report.visits_by_month)
    return report


# CSV -----------------------------------------------------------------------------------


def _cell(value):
    """Text as Excel should show it: a leading = + - @ would start a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _date(value):
    return value.strftime("%d/%m/%Y") if value else ""


def report_csv(report):
    """The report as CSV text, UTF-8 with a BOM so Excel reads Vietnamese.

    One file, in blocks separated by an empty row: the summary, each table, then the
    lists of articles and documents.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def rows(*lines):
        writer.writerows([[_cell(value) for value in line] for line in lines])

    rows(
        [gettext("Báo cáo Ban biên tập")],
        [gettext("Đơn vị"), report.unit_name],
        [gettext("Từ ngày"), _date(report.start)],
        [gettext("Đến ngày"), _date(report.end)],
        [],
        [gettext("Tổng hợp"), gettext("Số lượng")],
        [gettext("Bài viết"), len(report.articles)],
        [gettext("Văn bản"), len(report.documents)],
        [gettext("Lượt truy cập"), report.visits],
    )
    tables = [
        (gettext("Bài viết theo chuyên mục"), gettext("Chuyên mục"), report.by_section),
        (gettext("Bài viết theo tác giả"), gettext("Tác giả"), report.by_author),
        (
            gettext("Bài viết theo đơn vị đóng góp (nguồn)"),
            gettext("Đơn vị đóng góp"),
            report.by_office,
        ),
        (gettext("Văn bản theo danh mục"), gettext("Danh mục"), report.documents_by_section),
        (gettext("Văn bản theo loại"), gettext("Loại văn bản"), report.documents_by_type),
        (
            gettext("Văn bản theo cơ quan ban hành"),
            gettext("Cơ quan ban hành"),
            report.documents_by_body,
        ),
    ]
    for title, label, table in tables:
        rows([], [title], [label, gettext("Số lượng")], *table)
    rows(
        [],
        [gettext("Lượt truy cập theo tháng")],
        [gettext("Tháng"), gettext("Lượt truy cập")],
        *[[month.strftime("%m/%Y"), total] for month, total in report.visits_by_month],
    )
    rows(
        [],
        [gettext("Danh sách bài viết")],
        [
            gettext("Ngày đăng"),
            gettext("Tiêu đề"),
            gettext("Chuyên mục"),
            gettext("Tác giả"),
            gettext("Đơn vị đóng góp"),
            gettext("Địa chỉ"),
        ],
        *[
            [
                _date(timezone.localtime(article.published_on)),
                article.title,
                article.section,
                "; ".join(article.authors),
                article.office,
                article.canonical_url,
            ]
            for article in report.articles
        ],
    )
    rows(
        [],
        [gettext("Danh sách văn bản")],
        [
            gettext("Ngày đăng"),
            gettext("Số ký hiệu"),
            gettext("Tiêu đề"),
            gettext("Loại văn bản"),
            gettext("Cơ quan ban hành"),
            gettext("Ngày ban hành"),
            gettext("Địa chỉ"),
        ],
        *[
            [
                _date(timezone.localtime(document.first_published_at)),
                document.number,
                document.title,
                document.document_type.name,
                document.issuing_body.name,
                _date(document.issued_on),
                document.canonical_url,
            ]
            for document in report.documents
        ],
    )
    return "\ufeff" + buffer.getvalue()


# The admin view ------------------------------------------------------------------------


class ReportView(WagtailAdminTemplateMixin, TemplateView):
    """ "Báo cáo Ban biên tập": a GET form (unit, period), the tables, and ?dinh_dang=csv."""

    template_name = "communes/admin/report.html"
    page_title = _("Báo cáo Ban biên tập")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        self.units = units_for(request.user)
        if not self.units:
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get(self, request, *args, **kwargs):
        form = ReportForm.from_request(request, self.units)
        report = None
        if form.is_valid():
            report = build_report(
                form.unit, form.cleaned_data["tu_ngay"], form.cleaned_data["den_ngay"]
            )
            if request.GET.get("dinh_dang") == "csv":
                return self.csv_response(report)
        else:
            messages.error(request, gettext("Chưa lập được báo cáo: hãy sửa các lỗi bên dưới."))
        return self.render_to_response(self.get_context_data(form=form, report=report))

    @staticmethod
    def csv_response(report):
        response = HttpResponse(report_csv(report), content_type="text/csv; charset=utf-8")
        filename = f"bao-cao-{report.unit.slug}-{report.start:%Y%m%d}-{report.end:%Y%m%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = kwargs.get("report")
        if report is not None:
            context["csv_query"] = urlencode(
                {
                    "don_vi": report.unit.pk,
                    "tu_ngay": report.start.isoformat(),
                    "den_ngay": report.end.isoformat(),
                    "dinh_dang": "csv",
                }
            )
            context["tables"] = [
                (gettext("Bài viết theo chuyên mục"), gettext("Chuyên mục"), report.by_section),
                (gettext("Bài viết theo tác giả"), gettext("Tác giả"), report.by_author),
                (
                    gettext("Bài viết theo đơn vị đóng góp (nguồn)"),
                    gettext("Đơn vị đóng góp"),
                    report.by_office,
                ),
                (
                    gettext("Văn bản theo danh mục"),
                    gettext("Danh mục"),
                    report.documents_by_section,
                ),
                (gettext("Văn bản theo loại"), gettext("Loại văn bản"), report.documents_by_type),
                (
                    gettext("Văn bản theo cơ quan ban hành"),
                    gettext("Cơ quan ban hành"),
                    report.documents_by_body,
                ),
            ]
        return context
