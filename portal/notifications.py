"""E-mails of the editorial workflow, in Vietnamese.

Wagtail mails the submitter when a workflow is approved or rejected, and a task's
groups when a page reaches their step, but from English templates (its Vietnamese
catalogue has none of these strings), and only to whoever pressed "submit". Here:

- final approval (which publishes, or schedules the go-live): the author and the
  submitter learn that the article is out, or when it will be;
- a request for changes: the author and the submitter get the reviewer's comment and
  the link to edit the article;
- a page reaching a step of an EditorialApprovalTask: the step's group members (and
  superusers unless WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS is off), never the
  article's author, who may not approve it.

"The author" is the page's owner; the person acting is never mailed about their own
action. Each user's notification preferences in the admin account page are honoured.

The receivers take over the dispatch_uids Wagtail registers its own notifiers under
(`connect`), so each event sends exactly one e-mail whichever app's ready() runs
first. Objects other than pages are handed to Wagtail's notifiers unchanged. E-mails
leave after the transaction commits, so a rolled-back approval never announces itself,
and a mail server failure is logged, never undoes an approval.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import get_connection
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from wagtail.admin import signal_handlers as wagtail_mail
from wagtail.admin.mail import send_mail
from wagtail.admin.utils import get_user_display_name
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected
from wagtail.users.models import UserProfile

logger = logging.getLogger(__name__)

# The dispatch_uids of wagtail.admin.signal_handlers.register_signal_handlers.
APPROVED_UID = "workflow_state_approved_email_notification"
REJECTED_UID = "workflow_state_rejected_email_notification"
TASK_SUBMITTED_UID = "group_approval_task_submitted_email_notification"


def admin_edit_url(page):
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    return f"{base}{reverse('wagtailadmin_pages:edit', args=[page.pk])}"


def _page_of(workflow_state):
    """The workflow's page, fresh from the database (publishing just changed it)."""
    content = workflow_state.content_object
    if not isinstance(content, Page):
        return None
    return Page.objects.get(pk=content.pk).specific


def _wants(user, notification):
    return bool(
        user
        and user.is_active
        and user.email
        and getattr(UserProfile.get_for_user(user), f"{notification}_notifications")
    )


def _authors(page, workflow_state, acting_user, notification):
    """The page's owner and the submitter, minus whoever acted, who want this e-mail."""
    people = {page.owner, workflow_state.requested_by} - {None}
    if acting_user is not None:
        people = {person for person in people if person.pk != acting_user.pk}
    return sorted((person for person in people if _wants(person, notification)), key=lambda u: u.pk)


def _send_after_commit(messages):
    """Sends [(user, subject, body)] once the surrounding transaction has committed."""
    if not messages:
        return

    def send():
        connection = get_connection()
        for user, subject, body in messages:
            try:
                send_mail(subject, body, [user.email], connection=connection)
            except Exception:
                logger.exception("Không gửi được thư thông báo “%s” tới %s", subject, user.email)

    transaction.on_commit(send)


def _greeting(user):
    return gettext("Chào %(name)s,") % {"name": get_user_display_name(user)}


def approved_message(user, page, workflow_state, approver):
    """Subject and body telling the author that the article is published or scheduled."""
    scheduled = page.scheduled_revision
    approver_name = get_user_display_name(approver) if approver else gettext("Ban biên tập")
    if scheduled is not None and scheduled.approved_go_live_at > timezone.now():
        go_live = timezone.localtime(scheduled.approved_go_live_at)
        # Translators: a time and a date, e.g. "08:30 ngày 15/03/2025".
        when = gettext("%(time)s ngày %(date)s") % {
            "time": go_live.strftime("%H:%M"),
            "date": go_live.strftime("%d/%m/%Y"),
        }
        subject = gettext("Bài “%(title)s” đã được duyệt, sẽ xuất bản lúc %(when)s") % {
            "title": page.title,
            "when": when,
        }
        lines = [
            gettext("Bài “%(title)s” đã được %(approver)s duyệt lần cuối (%(workflow)s).")
            % {
                "title": page.title,
                "approver": approver_name,
                "workflow": workflow_state.workflow.name,
            },
            gettext("Bài sẽ tự động xuất bản lúc %(when)s.") % {"when": when},
            gettext("Xem hoặc sửa bài: %(url)s") % {"url": admin_edit_url(page)},
        ]
    else:
        subject = gettext("Bài “%(title)s” đã được duyệt và xuất bản") % {"title": page.title}
        lines = [
            gettext(
                "Bài “%(title)s” đã được %(approver)s duyệt lần cuối (%(workflow)s) và đã xuất bản."
            )
            % {
                "title": page.title,
                "approver": approver_name,
                "workflow": workflow_state.workflow.name,
            },
            gettext("Xem bài: %(url)s") % {"url": page.get_full_url() or admin_edit_url(page)},
        ]
    return subject, "\n\n".join([_greeting(user), *lines])


def rejected_message(user, page, workflow_state):
    """Subject and body giving the author the reviewer's reasons."""
    task_state = workflow_state.current_task_state.specific
    reviewer = task_state.finished_by
    reviewer_name = get_user_display_name(reviewer) if reviewer else gettext("Ban biên tập")
    subject = gettext("Bài “%(title)s” cần sửa trước khi xuất bản") % {"title": page.title}
    lines = [
        gettext("%(reviewer)s đã yêu cầu sửa bài “%(title)s” ở bước “%(task)s”.")
        % {"reviewer": reviewer_name, "title": page.title, "task": task_state.task.name},
        gettext("Lý do: %(reason)s") % {"reason": task_state.comment or gettext("(không ghi)")},
        gettext("Sửa bài tại: %(url)s") % {"url": admin_edit_url(page)},
        gettext("Sửa xong, hãy gửi duyệt lại: bài sẽ trở lại bước “%(task)s”.")
        % {"task": task_state.task.name},
    ]
    return subject, "\n\n".join([_greeting(user), *lines])


def task_submitted_message(user, page, task_state):
    """Subject and body asking a step's approver to review the article."""
    requester = task_state.workflow_state.requested_by
    requester_name = get_user_display_name(requester) if requester else gettext("Một biên tập viên")
    subject = gettext("Bài “%(title)s” đang chờ duyệt: %(task)s") % {
        "title": page.title,
        "task": task_state.task.name,
    }
    lines = [
        gettext("Bài “%(title)s” do %(requester)s gửi đang chờ bước “%(task)s”.")
        % {"title": page.title, "requester": requester_name, "task": task_state.task.name},
        gettext("Xem và duyệt hoặc yêu cầu sửa: %(url)s") % {"url": admin_edit_url(page)},
    ]
    return subject, "\n\n".join([_greeting(user), *lines])


def notify_approved(sender, instance, user=None, **kwargs):
    """workflow_approved: the author learns the article is published (or when it will be)."""
    page = _page_of(instance)
    if page is None:
        return wagtail_mail.workflow_approval_email_notifier(instance=instance, user=user, **kwargs)
    messages = [
        (author, *approved_message(author, page, instance, user))
        for author in _authors(page, instance, user, "approved")
    ]
    _send_after_commit(messages)
    return True


def notify_rejected(sender, instance, user=None, **kwargs):
    """workflow_rejected: the author gets the reviewer's comment and the edit link."""
    page = _page_of(instance)
    if page is None:
        return wagtail_mail.workflow_rejection_email_notifier(
            instance=instance, user=user, **kwargs
        )
    messages = [
        (author, *rejected_message(author, page, instance))
        for author in _authors(page, instance, user, "rejected")
    ]
    _send_after_commit(messages)
    return True


def notify_task_submitted(sender, instance, user=None, **kwargs):
    """task_submitted: the step's approvers, but not the article's author, are asked to review."""
    from .models import EditorialApprovalTask

    task = instance.task.specific
    page = _page_of(instance.workflow_state)
    if page is None or not isinstance(task, EditorialApprovalTask):
        return wagtail_mail.task_submission_email_notifier(instance=instance, user=user, **kwargs)
    approvers = get_user_model().objects.filter(groups__in=task.groups.all())
    if getattr(settings, "WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS", True):
        approvers = approvers | get_user_model().objects.filter(is_superuser=True)
    excluded = {page.owner_id, instance.workflow_state.requested_by_id, user and user.pk}
    recipients = [
        approver
        for approver in approvers.exclude(pk__in=excluded - {None}).distinct().order_by("pk")
        if _wants(approver, "submitted")
    ]
    _send_after_commit(
        [(approver, *task_submitted_message(approver, page, instance)) for approver in recipients]
    )
    return True


def connect():
    """Replaces Wagtail's English approval, rejection and review-request e-mails."""
    for signal, receiver, sender, uid in (
        (workflow_approved, notify_approved, WorkflowState, APPROVED_UID),
        (workflow_rejected, notify_rejected, WorkflowState, REJECTED_UID),
        (task_submitted, notify_task_submitted, TaskState, TASK_SUBMITTED_UID),
    ):
        # Drop Wagtail's receiver if it is already connected; if wagtail.admin's ready()
        # runs later, its connect() finds the uid taken and adds nothing.
        signal.disconnect(sender=sender, dispatch_uid=uid)
        signal.connect(receiver, sender=sender, dispatch_uid=uid, weak=False)
