"""A unit admin's own users: "Người dùng của đơn vị" in the Wagtail admin.

Wagtail's Users and Groups views are model-wide: whoever may change groups may change
every group, including the district's and the superusers'. A commune admin must manage
only the five groups of its own commune, so these views are authorised without Django
permissions, by membership in "<unit> – Quản trị", and touch only that unit's groups.

What a unit is, is derived from what `portal.editorial.provision_unit` made: a group
named "<unit> – Quản trị" and the page(s) its page permissions are granted on (the
unit's root). No extra model is needed.

- A unit admin manages its unit; a district admin also manages every commune, because
  commune sites live inside the district's tree and district roles cascade over them
  (a unit whose root lies inside the root of a unit you administer is yours too).
- Superusers manage every unit.
- The views never set is_superuser or is_staff, never change a password, name or e-mail
  of an existing user (a commune admin could otherwise take over a district account
  that also holds a commune role), and only add or remove memberships of the unit's
  own five groups: a user's roles in other units are kept.
- An admin cannot change its own roles here (neither drop its Quản trị role and lock
  itself out, nor hand itself Trưởng ban and publish without the board); every grant
  and removal is in Wagtail's audit log (portal.unit_role_added / _removed).

The same notion of "the units a user administers" scopes the SiteSettings permission
(`UnitSiteSettingsPermissionPolicy`): Wagtail's change_sitesettings permission is
model-wide, so without it a commune admin could edit the district's settings.
"""

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import Group
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import LogFormatter, log
from wagtail.models import GroupPagePermission, GroupSitePermission, Site
from wagtail.permission_policies.sites import SitePermissionPolicy

from .editorial import ADMIN, ROLES, group_name

ADMIN_SUFFIX = group_name("", ADMIN)  # " – Quản trị"
MENU_LABEL = _("Người dùng của đơn vị")


# -- Units ---------------------------------------------------------------------------


@dataclass(frozen=True)
class UnitScope:
    """A unit as the admin sees it: its name, its Quản trị group and its root page."""

    id: int  # the pk of the unit's "– Quản trị" group: stable, and names the unit in URLs
    name: str
    root_page: object

    def groups(self):
        """The unit's role groups that exist, in the order of ROLES."""
        names = {group_name(self.name, role): role for role in ROLES}
        found = {names[g.name]: g for g in Group.objects.filter(name__in=names)}
        return {role: found[role] for role in ROLES if role in found}


def all_units():
    """Every unit provisioned so far, the district first (by tree order)."""
    permissions = (
        GroupPagePermission.objects.filter(group__name__endswith=ADMIN_SUFFIX)
        .select_related("group", "page")
        .order_by("page__path")
    )
    units = {}
    for permission in permissions:
        group = permission.group
        # The shallowest page the group holds permissions on is the unit's root.
        if group.pk not in units:
            units[group.pk] = UnitScope(group.pk, group.name[: -len(ADMIN_SUFFIX)], permission.page)
    return sorted(units.values(), key=lambda unit: (unit.root_page.path, unit.name))


def _administered_roots(user, units):
    """Root paths of the units the user is a Quản trị of, directly."""
    own = set(user.groups.filter(name__endswith=ADMIN_SUFFIX).values_list("pk", flat=True))
    return [unit.root_page.path for unit in units if unit.id in own]


def units_administered_by(user):
    """The units whose users `user` may manage: its own, and the units inside them."""
    if not (user.is_authenticated and user.is_active):
        return []
    units = all_units()
    if user.is_superuser:
        return units
    roots = _administered_roots(user, units)
    return [unit for unit in units if any(unit.root_page.path.startswith(r) for r in roots)]


def is_unit_admin(user):
    """Whether the user administers some unit (or is a superuser): shows the menu item."""
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or user.groups.filter(name__endswith=ADMIN_SUFFIX).exists()


def get_unit_or_404(user, unit_id):
    """The unit `unit_id` if the user administers it. Otherwise 404: a commune admin is
    not even told whether another unit's id exists."""
    for unit in units_administered_by(user):
        if unit.id == unit_id:
            return unit
    raise Http404(gettext("Không tìm thấy đơn vị trong phạm vi bạn quản trị."))


def sites_administered_by(user):
    """Sites whose root page lies within a unit the user administers."""
    if not (user.is_authenticated and user.is_active):
        return Site.objects.none()
    if user.is_superuser:
        return Site.objects.all()
    roots = _administered_roots(user, all_units())
    if not roots:
        return Site.objects.none()
    return Site.objects.filter(reduce(or_, (Q(root_page__path__startswith=r) for r in roots)))


# -- Site settings --------------------------------------------------------------------


class UnitSiteSettingsPermissionPolicy(SitePermissionPolicy):
    """SiteSettings permissions scoped to the units a user administers.

    Wagtail's SitePermissionPolicy treats the model-wide change_sitesettings permission
    (which provision_unit gives every unit's Quản trị group) as "every Site". Here it
    means "the Sites whose root page lies within a unit you administer": a commune admin
    edits its commune's settings only; the district admin the district's and, as district
    roles cascade, the communes'. Per-site grants made in Wagtail's Groups view
    (GroupSitePermission) keep their meaning; superusers keep every site.
    """

    def _site_specific(self, user, actions, site_id=None):
        codenames = self._get_permission_codenames(actions)
        return any(
            perm.permission.content_type_id == self._content_type.pk
            and perm.permission.codename in codenames
            and (site_id is None or perm.site_id == site_id)
            for perm in self.get_cached_permissions_for_user(user)
        )

    def _scoped_site_ids(self, user, actions):
        if not self._user_has_global_permission(user, actions):
            return set()
        cache_name = "_portal_unit_site_ids"
        if not hasattr(user, cache_name):
            setattr(user, cache_name, set(sites_administered_by(user).values_list("pk", flat=True)))
        return getattr(user, cache_name)

    def user_has_any_permission(self, user, actions):
        if not (user.is_authenticated and user.is_active):
            return False
        if user.is_superuser:
            return True
        return self._site_specific(user, actions) or bool(self._scoped_site_ids(user, actions))

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if not (user.is_authenticated and user.is_active):
            return False
        if user.is_superuser:
            return True
        site_id = (
            instance.pk
            if isinstance(instance, Site)
            else getattr(instance, self.site_fk_field_name)
        )
        return self._site_specific(user, actions, site_id) or (
            site_id in self._scoped_site_ids(user, actions)
        )

    def sites_user_has_any_permission_for(self, user, actions):
        if not (user.is_authenticated and user.is_active):
            return Site.objects.none()
        if user.is_superuser:
            return Site.objects.all()
        specific = GroupSitePermission.objects.filter(
            group__in=user.groups.all(),
            permission__in=self._get_permission_objects_for_actions(actions),
        ).values_list("site_id", flat=True)
        return Site.objects.filter(
            Q(pk__in=specific) | Q(pk__in=self._scoped_site_ids(user, actions))
        ).distinct()

    def users_with_any_permission(self, actions):
        candidates = super().users_with_any_permission(actions).distinct()
        return candidates.filter(
            pk__in=[u.pk for u in candidates if self.user_has_any_permission(u, actions)]
        )

    def users_with_any_permission_for_instance(self, actions, instance):
        candidates = super().users_with_any_permission_for_instance(actions, instance).distinct()
        return candidates.filter(
            pk__in=[
                u.pk
                for u in candidates
                if self.user_has_any_permission_for_instance(u, actions, instance)
            ]
        )


# -- Forms ----------------------------------------------------------------------------


class RoleField(forms.ChoiceField):
    """One of the unit's five groups, offered by role name, posted by group id.

    Only this unit's groups are valid choices, so a tampered POST naming another
    unit's group (or any other group) is refused as an invalid choice.
    """

    def __init__(self, unit_groups, **kwargs):
        self.unit_groups = {str(group.pk): group for group in unit_groups.values()}
        choices = [(str(group.pk), role) for role, group in unit_groups.items()]
        kwargs.setdefault("label", _("Vai trò"))
        kwargs.setdefault(
            "error_messages",
            {
                "required": _("Hãy chọn vai trò."),
                "invalid_choice": _("Vai trò không thuộc đơn vị này."),
            },
        )
        super().__init__(choices=choices, **kwargs)

    def clean(self, value):
        return self.unit_groups[super().clean(value)]


class UnitFormMixin:
    def __init__(self, *args, unit, unit_groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.unit = unit
        self.fields["role"] = RoleField(unit_groups)


class CreateUserForm(UnitFormMixin, forms.Form):
    """A new account, created straight into one role of the unit."""

    username = forms.CharField(
        label=_("Tên đăng nhập"),
        max_length=150,
        validators=[UnicodeUsernameValidator()],
        help_text=_("Chữ, số và các ký tự @ . + - _ (không dấu cách), ví dụ: nguyenvanan."),
        error_messages={"required": _("Hãy nhập tên đăng nhập.")},
    )
    first_name = forms.CharField(
        label=_("Họ và tên đệm"),
        max_length=150,
        help_text=_("Ví dụ: Nguyễn Văn."),
        error_messages={"required": _("Hãy nhập họ và tên đệm.")},
    )
    last_name = forms.CharField(
        label=_("Tên"),
        max_length=150,
        help_text=_("Ví dụ: An."),
        error_messages={"required": _("Hãy nhập tên.")},
    )
    email = forms.EmailField(
        label=_("Thư điện tử"),
        help_text=_("Nơi nhận thông báo duyệt bài."),
        error_messages={
            "required": _("Hãy nhập địa chỉ thư điện tử."),
            "invalid": _("Địa chỉ thư điện tử không hợp lệ."),
        },
    )
    password1 = forms.CharField(
        label=_("Mật khẩu"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": _("Hãy nhập mật khẩu.")},
    )
    password2 = forms.CharField(
        label=_("Nhập lại mật khẩu"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": _("Hãy nhập lại mật khẩu.")},
    )

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        if get_user_model().objects.filter(username__iexact=username).exists():
            raise ValidationError(
                gettext(
                    "Tên đăng nhập “%(username)s” đã có người dùng. Hãy chọn tên khác, hoặc nếu "
                    "đó chính là người cần thêm, dùng mục “Thêm người dùng đã có”."
                )
                % {"username": username}
            )
        return username

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2:
            if password1 != password2:
                self.add_error("password2", gettext("Hai mật khẩu không khớp nhau."))
            else:
                candidate = get_user_model()(
                    username=cleaned.get("username", ""),
                    email=cleaned.get("email", ""),
                    first_name=cleaned.get("first_name", ""),
                    last_name=cleaned.get("last_name", ""),
                )
                try:
                    password_validation.validate_password(password2, candidate)
                except ValidationError as error:
                    self.add_error("password2", error)
        return cleaned


class AddExistingUserForm(UnitFormMixin, forms.Form):
    """Gives an existing account (e.g. a district officer) a role in the unit."""

    username = forms.CharField(
        label=_("Tên đăng nhập"),
        max_length=150,
        error_messages={"required": _("Hãy nhập tên đăng nhập của người cần thêm.")},
    )

    def clean(self):
        cleaned = super().clean()
        username = (cleaned.get("username") or "").strip()
        if not username:
            return cleaned
        user = get_user_model().objects.filter(username__iexact=username).first()
        if user is None:
            self.add_error(
                "username",
                gettext(
                    "Không có người dùng nào có tên đăng nhập “%(username)s”. "
                    "Hãy kiểm tra lại, hoặc tạo tài khoản mới."
                )
                % {"username": username},
            )
            return cleaned
        role_group = cleaned.get("role")
        if role_group and user.groups.filter(pk=role_group.pk).exists():
            self.add_error(
                "username",
                gettext("“%(username)s” đã có vai trò này trong %(unit)s.")
                % {"username": username, "unit": self.unit.name},
            )
        cleaned["user"] = user
        return cleaned


class ChangeRoleForm(UnitFormMixin, forms.Form):
    """Sets the one role a member holds in the unit."""


# -- Audit log -------------------------------------------------------------------------


class UnitRoleFormatter(LogFormatter):
    """'Được cấp vai trò "Biên tập viên" trong Xã Bằng Lãng' and the like."""

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return self.message % {"role": data.get("role", ""), "unit": data.get("unit", "")}


class RoleAddedFormatter(UnitRoleFormatter):
    label = _("Cấp vai trò trong đơn vị")
    message = _("Được cấp vai trò “%(role)s” trong %(unit)s")


class RoleRemovedFormatter(UnitRoleFormatter):
    label = _("Bỏ vai trò trong đơn vị")
    message = _("Bị bỏ vai trò “%(role)s” trong %(unit)s")


def register_log_actions(actions):
    actions.register_action("portal.unit_role_added")(RoleAddedFormatter)
    actions.register_action("portal.unit_role_removed")(RoleRemovedFormatter)


def _log_roles(user, unit, groups, action, by):
    for group in groups:
        role = group.name[len(unit.name) + len(" – ") :]
        log(
            instance=user,
            action=action,
            user=by,
            data={"unit": unit.name, "role": role, "group_id": group.pk},
        )


# -- Views ----------------------------------------------------------------------------


class UnitAdminView(WagtailAdminTemplateMixin, TemplateView):
    """Base of the views: the unit from the URL, refused (404) unless administered."""

    header_icon = "group"
    page_title = MENU_LABEL

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.unit = get_unit_or_404(request.user, kwargs["unit_id"])
        self.unit_groups = self.unit.groups()

    def get_page_subtitle(self):
        return self.unit.name

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("portal_unit_users:index"), "label": MENU_LABEL},
            {"url": unit_url(self.unit), "label": self.unit.name},
        ]

    def form_kwargs(self):
        return {"unit": self.unit, "unit_groups": self.unit_groups}

    def member_or_404(self, user_id):
        """A user holding some role in this unit; anyone else is out of reach."""
        return get_object_or_404(
            get_user_model().objects.filter(groups__in=self.unit_groups.values()).distinct(),
            pk=user_id,
        )

    def roles_of(self, user):
        return [role for role, group in self.unit_groups.items() if group in user.groups.all()]

    def would_drop_own_admin(self, member, keep_groups):
        """An admin may not take away its own Quản trị role here (it would lock itself
        out); another admin of the unit, or of the district, does that."""
        admin_group = self.unit_groups.get(ADMIN)
        user = self.request.user
        return (
            member.pk == user.pk
            and not user.is_superuser
            and admin_group is not None
            and admin_group not in keep_groups
            and member.groups.filter(pk=admin_group.pk).exists()
        )


def unit_url(unit):
    return reverse("portal_unit_users:unit", args=[unit.id])


class IndexView(WagtailAdminTemplateMixin, TemplateView):
    """The units the user manages; straight to the unit when there is only one."""

    template_name = "portal/unit_users/index.html"
    page_title = MENU_LABEL
    header_icon = "group"

    def get(self, request, *args, **kwargs):
        self.units = units_administered_by(request.user)
        if not self.units:
            raise PermissionDenied
        if len(self.units) == 1:
            return redirect(unit_url(self.units[0]))
        return super().get(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": MENU_LABEL}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        users = get_user_model().objects
        context["units"] = [
            {
                "unit": unit,
                "url": unit_url(unit),
                "members": users.filter(
                    groups__name__in=[group_name(unit.name, role) for role in ROLES]
                )
                .distinct()
                .count(),
            }
            for unit in self.units
        ]
        return context


class UnitView(UnitAdminView):
    """The unit's members and their roles, with the forms to add members."""

    template_name = "portal/unit_users/unit.html"

    def get_context_data(self, create_form=None, add_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        groups = list(self.unit_groups.values())
        members = (
            get_user_model()
            .objects.filter(groups__in=groups)
            .distinct()
            .order_by("username")
            .prefetch_related(
                Prefetch(
                    "groups",
                    queryset=Group.objects.filter(pk__in=[g.pk for g in groups]),
                    to_attr="unit_groups",
                )
            )
        )
        rows = []
        for member in members:
            roles = [
                role for role, group in self.unit_groups.items() if group in member.unit_groups
            ]
            current = self.unit_groups[roles[0]] if roles else None
            rows.append(
                {
                    "user": member,
                    "roles": roles,
                    "form": ChangeRoleForm(
                        initial={"role": str(current.pk) if current else None},
                        prefix=f"u{member.pk}",
                        **self.form_kwargs(),
                    ),
                    "change_url": reverse(
                        "portal_unit_users:change_role", args=[self.unit.id, member.pk]
                    ),
                    "remove_url": reverse(
                        "portal_unit_users:remove", args=[self.unit.id, member.pk]
                    ),
                }
            )
        context.update(
            unit=self.unit,
            rows=rows,
            missing_roles=[role for role in ROLES if role not in self.unit_groups],
            create_form=create_form or CreateUserForm(**self.form_kwargs()),
            add_form=add_form or AddExistingUserForm(**self.form_kwargs()),
            create_url=reverse("portal_unit_users:create", args=[self.unit.id]),
            add_url=reverse("portal_unit_users:add", args=[self.unit.id]),
        )
        return context


class CreateUserView(UnitView):
    """POST: a new account in one role of the unit. Never staff, never superuser."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = CreateUserForm(request.POST, **self.form_kwargs())
        if not form.is_valid():
            messages.error(request, gettext("Chưa tạo được tài khoản: hãy sửa các lỗi bên dưới."))
            return self.render_to_response(self.get_context_data(create_form=form), status=200)
        data = form.cleaned_data
        with transaction.atomic():
            user = get_user_model().objects.create_user(
                username=data["username"],
                email=data["email"],
                password=data["password1"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                is_staff=False,
                is_superuser=False,
            )
            user.groups.add(data["role"])
            log(instance=user, action="wagtail.create", user=request.user)
            _log_roles(user, self.unit, [data["role"]], "portal.unit_role_added", request.user)
        messages.success(
            request,
            gettext("Đã tạo tài khoản “%(username)s” với vai trò “%(role)s” trong %(unit)s.")
            % {"username": user.username, "role": self.roles_of(user)[0], "unit": self.unit.name},
        )
        return redirect(unit_url(self.unit))


class AddExistingUserView(UnitView):
    """POST: gives an existing account a role in the unit, keeping its other roles."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = AddExistingUserForm(request.POST, **self.form_kwargs())
        if (
            form.is_valid()
            and form.cleaned_data["user"] == request.user
            and not (request.user.is_superuser)
        ):
            # Separation of duties: an admin who could hand itself Trưởng ban would publish
            # without the board. Another admin (or the district's) grants it, on the record.
            form.add_error(
                "username",
                gettext(
                    "Bạn không thể tự cấp thêm vai trò cho chính mình. "
                    "Hãy nhờ một quản trị viên khác của đơn vị hoặc của huyện."
                ),
            )
        if not form.is_valid():
            messages.error(request, gettext("Chưa thêm được người dùng: hãy sửa các lỗi bên dưới."))
            return self.render_to_response(self.get_context_data(add_form=form), status=200)
        user, group = form.cleaned_data["user"], form.cleaned_data["role"]
        with transaction.atomic():
            user.groups.add(group)
            _log_roles(user, self.unit, [group], "portal.unit_role_added", request.user)
        role = next(r for r, g in self.unit_groups.items() if g == group)
        messages.success(
            request,
            gettext("Đã thêm “%(username)s” vào %(unit)s với vai trò “%(role)s”.")
            % {"username": user.username, "unit": self.unit.name, "role": role},
        )
        return redirect(unit_url(self.unit))


class ChangeRoleView(UnitAdminView):
    """POST: the member's role in this unit becomes exactly the chosen one."""

    http_method_names = ["post"]

    def post(self, request, *args, user_id, **kwargs):
        member = self.member_or_404(user_id)
        form = ChangeRoleForm(request.POST, prefix=f"u{member.pk}", **self.form_kwargs())
        if not form.is_valid():
            for error in form.errors.get("role", []):
                messages.error(
                    request,
                    gettext("Chưa đổi được vai trò của “%(username)s”: %(error)s")
                    % {"username": member.username, "error": error},
                )
            return redirect(unit_url(self.unit))
        group = form.cleaned_data["role"]
        if self.would_drop_own_admin(member, [group]):
            messages.error(
                request,
                gettext(
                    "Bạn không thể tự bỏ vai trò Quản trị của mình. "
                    "Hãy nhờ một quản trị viên khác của đơn vị hoặc của huyện."
                ),
            )
            return redirect(unit_url(self.unit))
        unit_groups = set(self.unit_groups.values())
        held = set(member.groups.filter(pk__in=[g.pk for g in unit_groups]))
        with transaction.atomic():
            member.groups.remove(*(held - {group}))
            member.groups.add(group)
            _log_roles(member, self.unit, held - {group}, "portal.unit_role_removed", request.user)
            if group not in held:
                _log_roles(member, self.unit, [group], "portal.unit_role_added", request.user)
        role = next(r for r, g in self.unit_groups.items() if g == group)
        messages.success(
            request,
            gettext("Vai trò của “%(username)s” trong %(unit)s nay là “%(role)s”.")
            % {"username": member.username, "unit": self.unit.name, "role": role},
        )
        return redirect(unit_url(self.unit))


class RemoveUserView(UnitAdminView):
    """GET: asks to confirm; POST: takes every role of this unit from the member.

    The account itself stays (it may hold roles in other units, or authored articles).
    """

    template_name = "portal/unit_users/remove.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            unit=self.unit,
            member=self.member,
            roles=self.roles_of(self.member),
            cancel_url=unit_url(self.unit),
        )
        return context

    def get(self, request, *args, user_id, **kwargs):
        self.member = self.member_or_404(user_id)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, user_id, **kwargs):
        member = self.member_or_404(user_id)
        if self.would_drop_own_admin(member, []):
            messages.error(
                request,
                gettext(
                    "Bạn không thể tự rút mình khỏi đơn vị. "
                    "Hãy nhờ một quản trị viên khác của đơn vị hoặc của huyện."
                ),
            )
            return redirect(unit_url(self.unit))
        held = list(member.groups.filter(pk__in=[g.pk for g in self.unit_groups.values()]))
        with transaction.atomic():
            member.groups.remove(*held)
            _log_roles(member, self.unit, held, "portal.unit_role_removed", request.user)
        messages.success(
            request,
            gettext(
                "Đã rút “%(username)s” khỏi %(unit)s. "
                "Tài khoản và vai trò ở đơn vị khác (nếu có) vẫn giữ nguyên."
            )
            % {"username": member.username, "unit": self.unit.name},
        )
        return redirect(unit_url(self.unit))


urlpatterns = [
    path("", IndexView.as_view(), name="index"),
    path("<int:unit_id>/", UnitView.as_view(), name="unit"),
    path("<int:unit_id>/tao-tai-khoan/", CreateUserView.as_view(), name="create"),
    path("<int:unit_id>/them/", AddExistingUserView.as_view(), name="add"),
    path("<int:unit_id>/<int:user_id>/vai-tro/", ChangeRoleView.as_view(), name="change_role"),
    path("<int:unit_id>/<int:user_id>/rut-khoi-don-vi/", RemoveUserView.as_view(), name="remove"),
]


class UnitUsersMenuItem(MenuItem):
    """Shown to superusers and to members of some unit's Quản trị group only."""

    def is_shown(self, request):
        return is_unit_admin(request.user)
