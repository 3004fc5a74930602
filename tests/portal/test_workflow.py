"""The editorial board's workflow: contributor → Ban biên tập → Trưởng ban → live.

Driven through Wagtail's workflow API and through the admin's own views (the add view's
"submit" button, the workflow action view the approve and reject buttons post to).
District roles cascade over the communes for editing, but approving is per unit: a
commune's article is approved by its own board and head, the district's by the
district's, and nobody approves across (superusers excepted, audited like everyone).
"""

import datetime
import json
import signal
from unittest import mock

import pytest

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageLogEntry, TaskState, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from communes.provisioning import create_commune
from news.models import NewsIndexPage, NewsPage
from portal.editorial import BOARD, CONTRIBUTOR, EDITOR, HEAD, provision_unit
from portal.management.commands import run_scheduler
from tests.factories import NewsIndexPageFactory

PASSWORD = "mat-khau-thu"
BODY_TEXT = "Sáng 12/3, Ban biên tập họp bàn kế hoạch tuyên truyền quý II."


@pytest.fixture
def district_unit(district):
    NewsIndexPageFactory(parent=district, title="Tin tức", slug="tin-tuc")
    return provision_unit("Huyện Thử Nghiệm", district)


@pytest.fixture
def commune(district_unit):
    return create_commune("Xã Bằng Lãng", "banglang.example.gov.vn", slug="bang-lang")


@pytest.fixture
def commit_hooks(django_capture_on_commit_callbacks):
    """Runs on_commit callbacks (the notification e-mails) as a committing request would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def make_user(username, *groups, superuser=False):
    user = get_user_model().objects.create_user(
        username,
        f"{username}@example.gov.vn",
        PASSWORD,
        first_name=username.title(),
        is_superuser=superuser,
    )
    user.groups.add(*groups)
    return user


def people(unit, prefix):
    """A contributor, two board members and a head of the unit."""
    return {
        "contributor": make_user(f"{prefix}-ctv", unit.group(CONTRIBUTOR)),
        "board": make_user(f"{prefix}-bbt", unit.group(BOARD)),
        "board2": make_user(f"{prefix}-bbt2", unit.group(BOARD)),
        "head": make_user(f"{prefix}-tb", unit.group(HEAD)),
    }


@pytest.fixture
def district_people(district_unit):
    return people(district_unit, "huyen")


@pytest.fixture
def commune_people(commune):
    return people(commune.unit, "xa")


def news_index(root):
    return NewsIndexPage.objects.child_of(root).get(slug="tin-tuc")


def draft_article(root, author, title="Họp Ban biên tập quý I", **fields):
    """A never-published article written by `author`, with a saved revision."""
    article = NewsPage(
        title=title,
        lead="Tóm tắt cuộc họp.",
        body=json.dumps([{"type": "paragraph", "value": f"<p>{BODY_TEXT}</p>"}]),
        live=False,
        owner=author,
        **fields,
    )
    news_index(root).add_child(instance=article)
    article.save_revision(user=author)
    return NewsPage.objects.get(pk=article.pk)


def submit(article, user):
    """What the editor's "Gửi duyệt" does: start the workflow on the latest revision."""
    return article.get_workflow().start(article, user)


def current_task_state(article):
    return NewsPage.objects.get(pk=article.pk).current_workflow_task_state.specific


def act(article, user, action, **data):
    """A task action through Wagtail's API, as the admin's views call it."""
    task_state = current_task_state(article)
    task_state.task.specific.on_action(task_state, user, action, **data)


def action_url(article, action):
    task_state = current_task_state(article)
    return reverse("wagtailadmin_pages:workflow_action", args=[article.pk, action, task_state.pk])


XHR = {"x-requested-with": "XMLHttpRequest"}


def assert_refused(client, url):
    """The admin's answer to a forbidden action: back to the dashboard with an error, or
    403 to the modal's request; either way nothing is done."""
    response = client.post(url, {"comment": ""})
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert client.post(url, {"comment": ""}, headers=XHR).status_code == 403


def logged_actions(article):
    return list(
        PageLogEntry.objects.filter(page_id=article.pk)
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )


def mails_to(user):
    return [message for message in mail.outbox if message.to == [user.email]]


def test_a_district_article_is_live_after_the_board_and_the_head_approve(
    district_unit, district_people, commit_hooks
):
    author, board, head = (district_people[k] for k in ("contributor", "board", "head"))
    article = draft_article(district_unit.root_page, author)
    submitted_revision = article.latest_revision

    with commit_hooks():
        state = submit(article, author)
    assert state.workflow == district_unit.workflow
    first = current_task_state(article)
    assert first.task.specific.groups.get() == district_unit.group(BOARD)
    assert first.revision == submitted_revision
    # The board is asked to review, in Vietnamese; the author is not asked.
    assert [m.subject for m in mails_to(board)] == [
        "Bài “Họp Ban biên tập quý I” đang chờ duyệt: Huyện Thử Nghiệm: Ban biên tập duyệt"
    ]
    assert not mails_to(author) and not mails_to(head)

    # The head's step has not started: the head can do nothing yet.
    assert first.task.specific.get_actions(article, head) == []
    with commit_hooks():
        act(article, board, "approve")
    second = current_task_state(article)
    assert second.task.specific.groups.get() == district_unit.group(HEAD)
    assert second.task.specific.get_actions(article, board) == []
    assert not NewsPage.objects.get(pk=article.pk).live
    assert len(mails_to(head)) == 1

    with commit_hooks():
        act(article, head, "approve")
    article = NewsPage.objects.get(pk=article.pk)
    assert article.live
    assert article.live_revision == submitted_revision
    assert article.title == "Họp Ban biên tập quý I"
    assert BODY_TEXT in str(article.body)
    assert article.published_at is not None
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED

    assert logged_actions(article) == [
        "wagtail.create",
        "wagtail.workflow.start",
        "wagtail.workflow.approve",
        "wagtail.workflow.approve",
        "wagtail.publish",
    ]
    approvals = PageLogEntry.objects.filter(page_id=article.pk, action="wagtail.workflow.approve")
    assert [entry.user for entry in approvals.order_by("pk")] == [board, head]
    assert PageLogEntry.objects.get(page_id=article.pk, action="wagtail.publish").user == head

    (approved,) = mails_to(author)
    assert approved.subject == "Bài “Họp Ban biên tập quý I” đã được duyệt và xuất bản"
    assert "Chào Huyen-Ctv," in approved.body
    assert "Huyen-Tb" in approved.body
    assert "http://localhost/tin-tuc/hop-ban-bien-tap-quy-i/" in approved.body


def admin_article_data(title, slug, action="action-submit"):
    """The add view's form as the editor fills it: title, slug, lead and one paragraph."""
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "lead": "Tóm tắt bài viết của xã.",
            "cover_image": "",
            "cover_alt": "",
            "cover_caption": "",
            "body": streamfield([("paragraph", rich_text(f"<p>{BODY_TEXT}</p>"))]),
            "author": "Cộng tác viên xã",
            "source": "",
            "published_at": "",
            "tags": "",
            "related_links": inline_formset([]),
            "comments": inline_formset([]),
            "seo_title": "",
            "search_description": "",
            "source_url": "",
            "go_live_at": "",
            "expire_at": "",
        }
    )
    data[action] = "1"
    return data


def test_a_commune_article_goes_through_the_communes_own_board_and_head_in_the_admin(
    client, commune, commune_people, commit_hooks
):
    author, board, head = (commune_people[k] for k in ("contributor", "board", "head"))
    index = news_index(commune.page)

    client.force_login(author)
    with commit_hooks():
        response = client.post(
            reverse("wagtailadmin_pages:add", args=["news", "newspage", index.pk]),
            admin_article_data("Xã Bằng Lãng ra quân làm đường", "xa-bang-lang-ra-quan-lam-duong"),
        )
    assert response.status_code == 302, response.context["form"].errors
    article = NewsPage.objects.child_of(index).get(slug="xa-bang-lang-ra-quan-lam-duong")
    assert article.owner == author and not article.live
    state = article.current_workflow_state
    assert state.workflow == commune.unit.workflow
    assert state.requested_by == author
    assert current_task_state(article).task.specific.groups.get() == commune.unit.group(BOARD)
    submitted_revision = article.latest_revision

    # The board member sees the approve action in the editor and on the dashboard.
    client.force_login(board)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    assert 'data-workflow-action-name="approve"' in edit.content.decode()
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert action_url(article, "approve") in dashboard.content.decode()
    with commit_hooks():
        response = client.post(action_url(article, "approve"), {"comment": ""})
    assert response.status_code == 302
    assert current_task_state(article).task.specific.groups.get() == commune.unit.group(HEAD)

    client.force_login(head)
    with commit_hooks():
        response = client.post(action_url(article, "approve"), {"comment": "Đăng ngay."})
    assert response.status_code == 302
    article = NewsPage.objects.get(pk=article.pk)
    assert article.live and article.live_revision == submitted_revision
    assert BODY_TEXT in str(article.body)
    assert article.get_url_parts()[1] == "http://banglang.example.gov.vn"
    assert logged_actions(article)[-4:] == [
        "wagtail.workflow.start",
        "wagtail.workflow.approve",
        "wagtail.workflow.approve",
        "wagtail.publish",
    ]
    (approved,) = mails_to(author)
    assert "đã được duyệt và xuất bản" in approved.subject
    assert "http://banglang.example.gov.vn/tin-tuc/xa-bang-lang-ra-quan-lam-duong/" in (
        approved.body
    )

    # The public commune site serves it, under its hostname and under the district's path.
    client.logout()
    commune_host = client.get(
        "/tin-tuc/xa-bang-lang-ra-quan-lam-duong/", HTTP_HOST="banglang.example.gov.vn"
    )
    assert commune_host.status_code == 200
    assert BODY_TEXT in commune_host.content.decode()
    district_path = client.get("/xa-thi-tran/bang-lang/tin-tuc/xa-bang-lang-ra-quan-lam-duong/")
    assert district_path.status_code == 200


@pytest.mark.parametrize(
    ("article_unit", "approver_unit", "role"),
    [
        ("district", "commune", BOARD),
        ("district", "commune", HEAD),
        ("commune", "district", BOARD),
        ("commune", "district", HEAD),
    ],
)
def test_nobody_approves_another_units_article(
    client, district_unit, commune, article_unit, approver_unit, role
):
    """District roles cascade over the communes for editing, never for approving: the
    commune's workflow names only the commune's groups."""
    units = {"district": district_unit, "commune": commune.unit}
    author = make_user("tac-gia", units[article_unit].group(CONTRIBUTOR))
    outsider = make_user("nguoi-ngoai", units[approver_unit].group(role))
    article = draft_article(units[article_unit].root_page, author)
    submit(article, author)
    if role == HEAD:  # Bring the article to the head's step first.
        act(article, make_user("bbt-dung-don-vi", units[article_unit].group(BOARD)), "approve")

    task_state = current_task_state(article)
    assert task_state.task.specific.get_actions(article, outsider) == []
    client.force_login(outsider)
    assert_refused(client, action_url(article, "approve"))
    assert current_task_state(article).pk == task_state.pk
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert not NewsPage.objects.get(pk=article.pk).live


def test_the_district_board_edits_commune_drafts_but_approves_only_district_ones(
    district_unit, commune
):
    district_board = make_user("bbt-huyen", district_unit.group(BOARD))
    author = make_user("ctv-xa", commune.unit.group(CONTRIBUTOR))
    article = draft_article(commune.page, author)
    submit(article, author)
    assert article.permissions_for_user(district_board).can_edit()
    assert current_task_state(article).task.specific.get_actions(article, district_board) == []


def test_a_superuser_may_approve_any_unit_and_it_is_audited(commune, commune_people):
    author = commune_people["contributor"]
    admin = make_user("quan-tri-he-thong", superuser=True)
    article = draft_article(commune.page, author)
    submit(article, author)
    act(article, admin, "approve")
    act(article, admin, "approve")
    assert NewsPage.objects.get(pk=article.pk).live
    entries = PageLogEntry.objects.filter(page_id=article.pk, user=admin)
    assert set(entries.values_list("action", flat=True)) == {
        "wagtail.workflow.approve",
        "wagtail.publish",
    }


@pytest.mark.parametrize("via", ["api", "admin", "admin-modal"])
def test_a_rejection_with_a_comment_sends_the_article_back_to_its_author(
    client, district_unit, district_people, commit_hooks, via
):
    author, board, head = (district_people[k] for k in ("contributor", "board", "head"))
    article = draft_article(district_unit.root_page, author)
    submit(article, author)
    act(article, board, "approve")
    reason = "Thiếu ảnh và nguồn tin, đề nghị bổ sung."

    with commit_hooks():
        if via == "api":
            act(article, head, "reject", comment=reason)
        else:
            client.force_login(head)
            headers = XHR if via == "admin-modal" else {}
            response = client.post(
                action_url(article, "reject"), {"comment": reason}, headers=headers
            )
            assert response.status_code in (200, 302)

    article = NewsPage.objects.get(pk=article.pk)
    assert not article.live
    state = WorkflowState.objects.for_instance(article).get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    rejected = state.current_task_state.specific
    assert rejected.status == TaskState.STATUS_REJECTED
    assert rejected.comment == reason and rejected.finished_by == head
    assert logged_actions(article)[-1] == "wagtail.workflow.reject"
    assert PageLogEntry.objects.filter(action="wagtail.workflow.reject").get().user == head

    (notice,) = mails_to(author)
    assert notice.subject == "Bài “Họp Ban biên tập quý I” cần sửa trước khi xuất bản"
    assert f"Lý do: {reason}" in notice.body
    assert reverse("wagtailadmin_pages:edit", args=[article.pk]) in notice.body

    # The author can edit again (the page is no longer locked to the approvers) and resubmit.
    lock = article.get_lock()
    assert lock is None or not lock.for_user(author)
    state.resume(user=author)
    resumed = current_task_state(article)
    assert resumed.status == TaskState.STATUS_IN_PROGRESS
    assert resumed.task == rejected.task  # back to the step that asked for changes
    assert not NewsPage.objects.get(pk=article.pk).live


def test_a_rejection_without_a_comment_is_refused_by_the_task(district_unit, district_people):
    author, board = district_people["contributor"], district_people["board"]
    article = draft_article(district_unit.root_page, author)
    submit(article, author)
    for comment in ({}, {"comment": ""}, {"comment": "   "}):
        with pytest.raises(ValidationError, match="ghi rõ lý do"):
            act(article, board, "reject", **comment)
    task_state = current_task_state(article)
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert WorkflowState.objects.for_instance(article).get().status == "in_progress"
    assert "wagtail.workflow.reject" not in logged_actions(article)


def test_a_rejection_without_a_comment_shows_the_error_in_the_admin(
    client, district_unit, district_people
):
    author, board = district_people["contributor"], district_people["board"]
    article = draft_article(district_unit.root_page, author)
    submit(article, author)
    client.force_login(board)

    # The modal form (what the "Yêu cầu sửa" button opens) asks for the reason.
    modal = client.get(action_url(article, "reject"), headers=XHR)
    assert "Lý do yêu cầu sửa" in json.loads(modal.content)["html"]

    response = client.post(
        action_url(article, "reject"),
        {"comment": "  "},
        headers=XHR,
    )
    assert response.status_code == 200
    payload = json.loads(response.content)
    assert payload["step"] == "action"
    assert "Hãy ghi rõ lý do để tác giả biết cần sửa gì." in payload["html"]

    # Without JavaScript the view just returns to the page; nothing was rejected.
    response = client.post(action_url(article, "reject"), {"comment": ""})
    assert response.status_code == 302
    assert current_task_state(article).status == TaskState.STATUS_IN_PROGRESS
    assert "wagtail.workflow.reject" not in logged_actions(article)


@pytest.mark.parametrize("authorship", ["owner", "submitter"])
def test_an_approver_cannot_approve_an_article_they_wrote_or_submitted(
    client, district_unit, district_people, authorship
):
    """A board member who wrote the article (owner) or sent it for approval (an editor
    submitting a contributor's draft) sees no approve action, and a forged POST fails."""
    author_on_board = make_user(
        "bbt-kiem-ctv", district_unit.group(BOARD), district_unit.group(EDITOR)
    )
    if authorship == "owner":
        article = draft_article(district_unit.root_page, author_on_board)
    else:
        article = draft_article(district_unit.root_page, district_people["contributor"])
    submit(article, author_on_board)
    task_state = current_task_state(article)

    assert task_state.task.specific.get_actions(article, author_on_board) == []
    with pytest.raises(PermissionDenied):
        act(article, author_on_board, "approve")
    # Another board member can.
    assert "approve" in [
        a[0] for a in task_state.task.specific.get_actions(article, district_people["board"])
    ]

    client.force_login(author_on_board)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    assert edit.status_code == 200
    assert 'data-workflow-action-name="approve"' not in edit.content.decode()
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert action_url(article, "approve") not in dashboard.content.decode()
    assert_refused(client, action_url(article, "approve"))
    # Nor through the editor's own workflow-action button.
    data = admin_article_data(article.title, article.slug, action="action-workflow-action")
    data["workflow-action-name"] = "approve"
    edit_post = client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data)
    assert edit_post.status_code == 302
    # Nor is it listed as awaiting their review on the dashboard.
    assert not TaskState.objects.reviewable_by(author_on_board).filter(pk=task_state.pk).exists()
    assert (
        TaskState.objects.reviewable_by(district_people["board"]).filter(pk=task_state.pk).exists()
    )

    assert current_task_state(article).pk == task_state.pk
    assert current_task_state(article).status == TaskState.STATUS_IN_PROGRESS
    assert not NewsPage.objects.get(pk=article.pk).live
    assert "wagtail.workflow.approve" not in logged_actions(article)


def test_no_email_to_an_author_who_turned_notifications_off(
    district_unit, district_people, commit_hooks
):
    author, board, head = (district_people[k] for k in ("contributor", "board", "head"))
    profile = UserProfile.get_for_user(author)
    profile.approved_notifications = False
    profile.save()
    article = draft_article(district_unit.root_page, author)
    submit(article, author)
    with commit_hooks():
        act(article, board, "approve")
        act(article, head, "approve")
    assert NewsPage.objects.get(pk=article.pk).live
    assert mails_to(author) == []


@pytest.mark.parametrize("scheduler", ["publish_scheduled", "run_scheduler"])
def test_a_scheduled_article_goes_live_with_no_one_acting(
    district_unit, district_people, commit_hooks, scheduler
):
    author, board, head = (district_people[k] for k in ("contributor", "board", "head"))
    # Revisions keep milliseconds.
    go_live = (timezone.now() + datetime.timedelta(hours=2)).replace(microsecond=0)
    article = draft_article(district_unit.root_page, author, go_live_at=go_live)
    submit(article, author)
    act(article, board, "approve")
    with commit_hooks():
        act(article, head, "approve")

    article = NewsPage.objects.get(pk=article.pk)
    assert not article.live
    scheduled = article.scheduled_revision
    assert scheduled is not None
    assert scheduled.approved_go_live_at == go_live
    assert WorkflowState.objects.for_instance(article).get().status == "approved"
    assert logged_actions(article)[-1] == "wagtail.publish.schedule"
    (notice,) = mails_to(author)
    when = timezone.localtime(go_live).strftime("%H:%M ngày %d/%m/%Y")
    assert notice.subject == f"Bài “Họp Ban biên tập quý I” đã được duyệt, sẽ xuất bản lúc {when}"

    # Before the time nothing happens.
    call_command(scheduler, *(["--once"] if scheduler == "run_scheduler" else []))
    assert not NewsPage.objects.get(pk=article.pk).live

    later = go_live + datetime.timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command(scheduler, *(["--once"] if scheduler == "run_scheduler" else []))
    article = NewsPage.objects.get(pk=article.pk)
    assert article.live
    assert article.live_revision == scheduled
    assert BODY_TEXT in str(article.body)
    assert article.scheduled_revision is None
    assert logged_actions(article)[-1] == "wagtail.publish.scheduled"
    assert PageLogEntry.objects.filter(action="wagtail.publish.schedule").get().user == head


def test_run_scheduler_once_reports_what_it_published(district_unit, district_people, capsys):
    author, board, head = (district_people[k] for k in ("contributor", "board", "head"))
    go_live = (timezone.now() + datetime.timedelta(minutes=5)).replace(microsecond=0)
    article = draft_article(district_unit.root_page, author, go_live_at=go_live)
    submit(article, author)
    act(article, board, "approve")
    act(article, head, "approve")
    with mock.patch("django.utils.timezone.now", return_value=go_live + datetime.timedelta(1)):
        call_command("run_scheduler", "--once")
    out = capsys.readouterr().out
    assert "xuất bản 1 trang theo lịch" in out
    assert NewsPage.objects.get(pk=article.pk).live


def test_run_scheduler_stops_cleanly_on_sigterm(db, capsys):
    previous = signal.getsignal(signal.SIGTERM)
    passes = []

    def one_pass(*args, **kwargs):
        passes.append(1)
        signal.raise_signal(signal.SIGTERM)

    with mock.patch.object(run_scheduler, "publish_due", side_effect=one_pass):
        call_command("run_scheduler", "--interval", "3600")
    assert passes == [1]
    assert signal.getsignal(signal.SIGTERM) is previous
    out = capsys.readouterr().out
    assert "mỗi 3600 giây" in out
    assert "Đã dừng" in out


def test_run_scheduler_stops_on_keyboard_interrupt_and_survives_a_failed_pass(db, capsys):
    outcomes = iter([RuntimeError("database is locked"), None, KeyboardInterrupt()])

    def one_pass(*args, **kwargs):
        outcome = next(outcomes)
        if outcome is not None:
            raise outcome

    with mock.patch.object(run_scheduler, "publish_due", side_effect=one_pass):
        call_command("run_scheduler", "--interval", "0.01")
    captured = capsys.readouterr()
    assert "database is locked" in captured.err
    assert "Đã dừng" in captured.out


def test_run_scheduler_refuses_a_non_positive_interval(db):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="lớn hơn 0"):
        call_command("run_scheduler", "--interval", "0")
