""" "Tin cơ sở đề xuất": the district board decides on articles communes propose to it.

A commune proposes an article by ticking "Đề xuất lên huyện" and publishing it through its
own workflow. Here the district's Ban biên tập (its members, and superusers) sees the live
proposals waiting for a decision and approves or rejects them; approved articles appear
in "Tin cơ sở" on the district (news/syndication.py). The decision is stored in
news.DistrictProposal, apart from the page, so the commune republishing its article keeps
it; the board may change it later from the list of recent decisions. Every decision is in
the article's history (Wagtail's audit log) with its comment.
"""

from django.db import transaction
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import LogFormatter, log

from news.models.articles import DistrictProposal
from news.syndication import pending_proposals, proposed_articles, with_canonical_urls
from portal.editorial import BOARD
from portal.page_cache import invalidate_all

from .provisioning import ProvisioningError, district_home
from .report import has_unit_role

APPROVE_ACTION = "communes.district_proposal.approve"
REJECT_ACTION = "communes.district_proposal.reject"
ACTIONS = {
    "duyet": (DistrictProposal.Status.APPROVED, APPROVE_ACTION),
    "khong-duyet": (DistrictProposal.Status.REJECTED, REJECT_ACTION),
}
RECENT_DECISIONS = 20


class ProposalDecisionFormatter(LogFormatter):
    """Shows the board's comment beside the decision in the page's history."""

    def format_comment(self, log_entry):
        return (log_entry.data or {}).get("comment", "")


class ApproveFormatter(ProposalDecisionFormatter):
    label = _("Huyện duyệt tin cơ sở")
    message = _("Ban biên tập huyện duyệt đưa bài vào mục Tin cơ sở trên trang huyện")


class RejectFormatter(ProposalDecisionFormatter):
    label = _("Huyện không duyệt tin cơ sở")
    message = _("Ban biên tập huyện không duyệt đưa bài lên trang huyện")


def register_log_actions(actions):
    """For the `register_log_actions` hook (communes/wagtail_hooks.py)."""
    actions.register_action(APPROVE_ACTION)(ApproveFormatter)
    actions.register_action(REJECT_ACTION)(RejectFormatter)


def is_district_board(user):
    """Superusers and members of the district's "Ban biên tập" group."""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    try:
        district = district_home()
    except ProvisioningError:
        return False
    return has_unit_role(user, district, [BOARD])


@transaction.atomic
def decide(page, status, user, comment=""):
    """Records the district's decision on a proposed article, audited, and refreshes pages."""
    proposal, _created = DistrictProposal.objects.select_for_update().get_or_create(page=page)
    proposal.status = status
    proposal.comment = comment
    proposal.decided_by = user
    proposal.decided_at = timezone.now()
    proposal.save()
    action = APPROVE_ACTION if status == DistrictProposal.Status.APPROVED else REJECT_ACTION
    log(
        instance=page,
        action=action,
        user=user,
        data={"comment": comment, "commune": getattr(page, "commune_name", "")},
    )
    # "Tin cơ sở" is on cached pages (the district home, news indexes): no publication
    # happens here, so invalidate them once the decision is committed.
    transaction.on_commit(invalidate_all)
    return proposal


class ProposalsView(WagtailAdminTemplateMixin, TemplateView):
    """Pending proposals with approve / reject, and the recent decisions (changeable)."""

    template_name = "communes/admin/proposals.html"
    page_title = _("Tin cơ sở đề xuất")
    header_icon = "doc-full-inverse"

    def dispatch(self, request, *args, **kwargs):
        if not is_district_board(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["pending"] = with_canonical_urls(list(pending_proposals().select_related("owner")))
        decided = (
            proposed_articles()
            .filter(
                district_proposal__status__in=[
                    DistrictProposal.Status.APPROVED,
                    DistrictProposal.Status.REJECTED,
                ]
            )
            .select_related("district_proposal", "district_proposal__decided_by")
            .order_by("-district_proposal__decided_at", "-pk")
        )
        context["decided"] = with_canonical_urls(list(decided[:RECENT_DECISIONS]))
        context["statuses"] = DistrictProposal.Status
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action", "")
        comment = request.POST.get("comment", "").strip()
        page_id = request.POST.get("page", "")
        if action not in ACTIONS or not page_id.isdigit():
            messages.error(request, gettext("Yêu cầu không hợp lệ."))
            return redirect("communes_proposals")
        page = proposed_articles().filter(pk=int(page_id)).first()
        if page is None:
            messages.error(
                request,
                gettext(
                    "Bài viết này không còn được đề xuất lên huyện (có thể xã đã bỏ đề xuất, "
                    "ngừng xuất bản hoặc xóa bài)."
                ),
            )
            return redirect("communes_proposals")
        status, _action = ACTIONS[action]
        if status == DistrictProposal.Status.REJECTED and not comment:
            messages.error(
                request,
                gettext("Hãy ghi lý do không duyệt bài “%(title)s” để %(commune)s biết.")
                % {"title": page.title, "commune": page.commune_name},
            )
            return redirect("communes_proposals")
        decide(page, status, request.user, comment)
        if status == DistrictProposal.Status.APPROVED:
            messages.success(
                request,
                gettext(
                    "Đã duyệt: bài “%(title)s” của %(commune)s hiển thị trong mục "
                    "Tin cơ sở trên trang huyện."
                )
                % {"title": page.title, "commune": page.commune_name},
            )
        else:
            messages.success(
                request,
                gettext(
                    "Đã không duyệt bài “%(title)s” của %(commune)s; "
                    "bài không hiển thị trên trang huyện."
                )
                % {"title": page.title, "commune": page.commune_name},
            )
        return redirect("communes_proposals")
