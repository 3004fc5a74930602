"""The register's GET filter form and the query it builds."""

import re

from django import forms
from django.db.models import Case, F, IntegerField, Q, When
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import DocumentField, DocumentType, IssuingBody, LegalDocumentPage, Validity
from .numbers import folded_text, number_key

SORTS = {
    "ban_hanh": (_("Ngày ban hành mới nhất"), [F("issued_on").desc(), F("pk").desc()]),
    "hieu_luc": (
        _("Ngày có hiệu lực mới nhất"),
        [F("effective_on").desc(nulls_last=True), F("issued_on").desc(), F("pk").desc()],
    ),
}


class DocumentFilterForm(forms.Form):
    """Filters citizens combine; every one optional, every bad value explained."""

    q = forms.CharField(
        label=_("Số ký hiệu, trích yếu"),
        required=False,
        max_length=200,
        error_messages={"max_length": _("Từ khóa dài quá 200 ký tự; hãy rút gọn.")},
    )
    loai = forms.ModelChoiceField(
        label=_("Loại văn bản"),
        queryset=DocumentType.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Tất cả"),
    )
    co_quan = forms.ModelChoiceField(
        label=_("Cơ quan ban hành"),
        queryset=IssuingBody.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Tất cả"),
    )
    linh_vuc = forms.ModelChoiceField(
        label=_("Lĩnh vực"),
        queryset=DocumentField.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Tất cả"),
    )
    nam = forms.IntegerField(
        label=_("Năm ban hành"),
        required=False,
        min_value=1900,
        max_value=2200,
        error_messages={"invalid": _("Năm phải là một số, ví dụ 2024.")},
    )
    tinh_trang = forms.ChoiceField(
        label=_("Tình trạng"), choices=[("", _("Tất cả")), *Validity.choices], required=False
    )
    sap_xep = forms.ChoiceField(
        label=_("Sắp xếp"),
        choices=[(key, label) for key, (label, _order) in SORTS.items()],
        required=False,
    )

    def __init__(self, data, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        for name, message in (
            ("loai", gettext("Không có loại văn bản này.")),
            ("co_quan", gettext("Không có cơ quan ban hành này.")),
            ("linh_vuc", gettext("Không có lĩnh vực này.")),
            ("tinh_trang", gettext("Tình trạng không hợp lệ.")),
            ("sap_xep", gettext("Cách sắp xếp không hợp lệ.")),
        ):
            self.fields[name].error_messages["invalid_choice"] = message

    def filter(self, queryset):
        """Applies every valid filter; invalid ones are ignored (and shown as errors)."""
        self.is_valid()
        data = {name: value for name, value in self.cleaned_data.items() if value not in ("", None)}
        order = list(SORTS[data.get("sap_xep", "ban_hanh")][1])
        if "q" in data:
            queryset = queryset.filter(text_query(data["q"]))
            # The document whose number is exactly what was typed comes first.
            queryset = queryset.annotate(
                exact_number=Case(
                    When(number_key=number_key(strip_number_prefix(data["q"])), then=0),
                    default=1,
                    output_field=IntegerField(),
                )
            )
            order.insert(0, F("exact_number").asc())
        if "loai" in data:
            queryset = queryset.filter(document_type=data["loai"])
        if "co_quan" in data:
            queryset = queryset.filter(issuing_body=data["co_quan"])
        if "linh_vuc" in data:
            queryset = queryset.filter(fields=data["linh_vuc"])
        if "nam" in data:
            queryset = queryset.filter(issued_on__year=data["nam"])
        if "tinh_trang" in data:
            queryset = queryset.filter(validity=data["tinh_trang"])
        return queryset.order_by(*order)


NUMBER_PREFIX = re.compile(r"^\s*(số|so)\s*:?\s*(?=\d)", re.IGNORECASE)


def strip_number_prefix(text):
    """ "Số: 15/QĐ-UBND" as printed on a document → "15/QĐ-UBND"."""
    return NUMBER_PREFIX.sub("", text)


def text_query(text):
    """Matches a number however it is typed, or every word of the summary, accents ignored."""
    text = strip_number_prefix(text)
    words = folded_text(text).split()
    condition = Q()
    for word in words:
        condition &= Q(search_text__contains=f" {word} ")
    key = number_key(text)
    if len(key) >= 3:
        condition |= Q(number_key__contains=key)
    return condition if words or key else Q()


def base_queryset(index):
    """Public documents of this register, with their validity and the related rows a
    listing shows, in a fixed number of queries."""
    return (
        LegalDocumentPage.objects.live()
        .public()
        .publishable()
        .descendant_of(index)
        .with_validity()
        .select_related("document_type", "issuing_body")
        .prefetch_related("fields")
    )
