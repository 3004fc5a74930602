"""The admin form "Tạo xã, thị trấn": provisioning a commune site, for district admins.

It calls the same `create_commune` as `manage.py create_commune`, so the form and the
command make exactly the same page, Site, settings, sections, collection, roles and
workflow. What provisioning refuses (an invalid or taken hostname…) comes back on the form
with provisioning's own message.
"""

from django import forms
from django.core.validators import validate_slug
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic.edit import FormView

from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Site

from portal.editorial import ADMIN, group_name

from .models import CommuneKind
from .provisioning import ProvisioningError, create_commune


def is_district_admin(user):
    """Superusers, and members of the district's "Quản trị" group.

    The district's groups are the unit groups ("<unit> – <role>") holding permissions on
    the default Site's root page; a commune's "Quản trị" holds them on its own page only.
    """
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    site = Site.objects.filter(is_default_site=True).only("root_page_id").first()
    if site is None:
        return False
    return user.groups.filter(
        name__endswith=group_name("", ADMIN), page_permissions__page_id=site.root_page_id
    ).exists()


class CreateCommuneForm(forms.Form):
    name = forms.CharField(
        label=_("Tên xã, thị trấn"),
        max_length=255,
        help_text=_("Tên đầy đủ, ví dụ “Xã Bằng Lãng” hoặc “Thị trấn Vân Sơn”."),
    )
    hostname = forms.CharField(
        label=_("Tên miền"),
        max_length=253,
        help_text=_("Tên miền riêng của xã, ví dụ banglang.example.gov.vn (không có http://)."),
    )
    slug = forms.CharField(
        label=_("Đường dẫn dưới trang huyện"),
        max_length=255,
        required=False,
        validators=[validate_slug],
        help_text=_("Không bắt buộc, ví dụ bang-lang. Để trống để tạo từ tên."),
    )
    kind = forms.ChoiceField(
        label=_("Loại đơn vị"),
        required=False,
        choices=[("", _("Đoán từ tên")), *CommuneKind.choices],
    )


class CreateCommuneView(WagtailAdminTemplateMixin, FormView):
    """Creates (or completes) a commune's site; only district admins may."""

    form_class = CreateCommuneForm
    template_name = "communes/admin/create_commune.html"
    page_title = _("Tạo xã, thị trấn")
    header_icon = "site"

    def dispatch(self, request, *args, **kwargs):
        if not is_district_admin(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_url"] = reverse("communes_create")
        context["submit_button_label"] = gettext("Tạo trang xã, thị trấn")
        context["submit_button_active_label"] = gettext("Đang tạo…")
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        default = Site.objects.filter(is_default_site=True).first()
        try:
            result = create_commune(
                data["name"],
                data["hostname"],
                slug=data["slug"] or None,
                kind=data["kind"] or None,
                # A commune is served beside the district: same port (80 or 443 in
                # production, 8000 with `make run`).
                port=default.port if default else 80,
            )
        except ProvisioningError as error:
            for message in error.messages:
                field = "hostname" if data["hostname"].strip().lower() in message else None
                form.add_error(field, message)
            messages.error(
                self.request, gettext("Chưa tạo được trang xã, thị trấn: xem lỗi bên dưới.")
            )
            return self.form_invalid(form)

        page, site = result.page, result.site
        buttons = [
            messages.button(f"{site.root_url}/", gettext("Xem trang"), new_window=True),
            messages.button(
                reverse("wagtailadmin_pages:edit", args=[page.pk]), gettext("Sửa trang chủ")
            ),
        ]
        if result.created:
            messages.success(
                self.request,
                gettext(
                    "Đã tạo %(title)s tại %(url)s/ với các mục Tin tức, Văn bản, "
                    "Giới thiệu, Liên hệ, thư viện ảnh và tài liệu riêng, năm nhóm người dùng "
                    "và quy trình duyệt tin."
                )
                % {"title": page.title, "url": site.root_url},
                buttons=buttons,
            )
        else:
            messages.warning(
                self.request,
                gettext(
                    "%(title)s đã có sẵn tại %(url)s/: đã bổ sung phần còn thiếu, không tạo trùng."
                )
                % {"title": page.title, "url": site.root_url},
                buttons=buttons,
            )
        return redirect("wagtailadmin_explore", page.pk)
