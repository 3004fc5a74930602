"""The secret guard: a document whose độ mật is not “Thường” is never public.

It cannot be published (editor, revision, workflow), its files are never served to
readers, and it appears in no list, search, feed, sitemap or API, even if a row is forced
live behind the model's back. Files of unpublished or restricted documents are not
reachable either.
"""

from urllib.parse import quote

import pytest

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError

from wagtail.models import GroupPagePermission, PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from documents.models import (
    DocumentRelation,
    LegalDocumentPage,
    RelationKind,
    SecurityLevel,
    Validity,
)
from tests.documents.conftest import attach_pdf
from tests.factories import LegalDocumentPageFactory

SECRET_LEVELS = [SecurityLevel.CONFIDENTIAL, SecurityLevel.SECRET, SecurityLevel.TOP_SECRET]
secret_levels = pytest.mark.parametrize("level", SECRET_LEVELS, ids=lambda level: level.value)

SECRET_NUMBER = "07/2024/KH-BCH"
SECRET_SUMMARY = "Kế hoạch phòng thủ khu vực biên giới năm 2024"
SECRET_SLUG = "ke-hoach-phong-thu-bien-gioi"
PUBLIC_NUMBER = "15/2024/QĐ-UBND"
PUBLIC_SLUG = "quy-hoach-su-dung-dat"


def refusal(level):
    """The Vietnamese explanation the guard gives for this level."""
    return f"Văn bản có độ mật “{SecurityLevel(level).label}” không được xuất bản"


def add_url(register):
    return f"/admin/pages/add/documents/legaldocumentpage/{register.pk}/"


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def no_raise(client):
    """Lets a server error come back as a 500 response instead of an exception."""
    client.raise_request_exception = False
    return client


def is_live(page):
    return LegalDocumentPage.objects.filter(pk=page.pk, live=True).exists()


def text_of(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode()


def shown_messages(response):
    """The messages the admin gives the user on this (followed) response."""
    return [str(message) for message in response.context["messages"]] if response.context else []


@pytest.fixture
def public_document(register, decision, ubnd):
    """A live, public, ordinary document: the control that every list does work."""
    return LegalDocumentPageFactory(
        parent=register,
        title="Quyết định phê duyệt quy hoạch sử dụng đất",
        slug=PUBLIC_SLUG,
        number=PUBLIC_NUMBER,
        summary="Về việc phê duyệt quy hoạch sử dụng đất năm 2024",
        document_type=decision,
        issuing_body=ubnd,
    )


def make_secret_draft(register, level, **kwargs):
    return LegalDocumentPageFactory(
        parent=register,
        live=False,
        title="Kế hoạch phòng thủ biên giới",
        slug=SECRET_SLUG,
        number=SECRET_NUMBER,
        summary=SECRET_SUMMARY,
        security_level=level,
        **kwargs,
    )


def force_live(page, level):
    """The worst case: a secret row made live behind save()'s back."""
    LegalDocumentPage.objects.filter(pk=page.pk).update(live=True, security_level=level)
    page.refresh_from_db()
    assert page.live and page.is_secret


def assert_hidden_from_the_public(client, register):
    """Listing, its text search, CSV, RSS, sitemap and page URL know nothing of the secret
    document; the public document (the control) is found everywhere."""
    markers = [SECRET_NUMBER, SECRET_SUMMARY, SECRET_SLUG]

    listing = text_of(client.get(register.url))
    assert PUBLIC_NUMBER in listing  # the control: the listing does list documents
    assert "Tìm thấy 1 văn bản" in listing
    for marker in markers:
        assert marker not in listing

    for query in (SECRET_NUMBER, "phòng thủ biên giới", "phong thu", "07/2024"):
        found = client.get(register.url, {"q": query})
        assert found.status_code == 200
        body = text_of(found)
        assert "Tìm thấy 0 văn bản" in body, query
        assert SECRET_SLUG not in body  # the query itself is echoed in the search box
        assert SECRET_SUMMARY not in body
    assert "Tìm thấy 1 văn bản" in text_of(client.get(register.url, {"q": PUBLIC_NUMBER}))

    csv_response = client.get(f"{register.url}csv/")
    assert csv_response.status_code == 200
    csv_text = text_of(csv_response)
    assert PUBLIC_NUMBER in csv_text
    for marker in markers:
        assert marker not in csv_text
    assert len(csv_text.strip().splitlines()) == 2  # header and the public document
    searched_csv = text_of(client.get(f"{register.url}csv/", {"q": SECRET_NUMBER}))
    assert searched_csv.strip().splitlines() == [csv_text.strip().splitlines()[0]]

    feed = client.get(f"{register.url}rss/")
    assert feed.status_code == 200
    feed_text = text_of(feed)
    assert PUBLIC_NUMBER in feed_text
    for marker in markers:
        assert marker not in feed_text

    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    sitemap_text = text_of(sitemap)
    assert PUBLIC_SLUG in sitemap_text
    assert SECRET_SLUG not in sitemap_text

    assert client.get(f"{register.url}{SECRET_SLUG}/").status_code == 404
    assert client.get(f"{register.url}{PUBLIC_SLUG}/").status_code == 200


# --- Publishing is refused ---------------------------------------------------------------


@secret_levels
def test_publishing_a_secret_revision_is_refused(register, level):
    page = make_secret_draft(register, level)
    revision = page.save_revision()
    with pytest.raises(ValidationError) as error:
        revision.publish()
    assert refusal(level) in " ".join(error.value.messages)
    page.refresh_from_db()
    assert not page.live
    assert page.live_revision is None
    assert page.first_published_at is None


@secret_levels
def test_saving_a_secret_page_as_live_is_refused(register, decision, ubnd, level):
    page = LegalDocumentPageFactory.build(
        security_level=level, document_type=decision, issuing_body=ubnd
    )
    with pytest.raises(ValidationError) as error:
        register.add_child(instance=page)
    assert refusal(level) in " ".join(error.value.messages)
    assert not LegalDocumentPage.objects.filter(number=page.number).exists()


@secret_levels
def test_making_a_live_document_secret_and_publishing_is_refused(register, level):
    page = LegalDocumentPageFactory(parent=register, slug=PUBLIC_SLUG, number=PUBLIC_NUMBER)
    page.security_level = level
    with pytest.raises(ValidationError) as error:
        page.save_revision().publish()
    assert refusal(level) in " ".join(error.value.messages)
    page.refresh_from_db()
    assert page.live
    assert page.security_level == SecurityLevel.NORMAL


# --- Through the admin's own views -------------------------------------------------------


def document_form(decision, ubnd, level, *, title="Kế hoạch phòng thủ biên giới", **extra):
    data = nested_form_data(
        {
            "title": title,
            "slug": SECRET_SLUG,
            "number": SECRET_NUMBER,
            "document_type": decision.pk,
            "issuing_body": ubnd.pk,
            "signer": "Trần Văn Bình",
            "signer_title": "Chủ tịch",
            "issued_on": "2024-03-01",
            "effective_on": "2024-03-15",
            "expires_on": "",
            "security_level": level,
            "status_override": "",
            "summary": SECRET_SUMMARY,
            "attachments": inline_formset([]),
            "relations": inline_formset([]),
            "full_text": rich_text(""),
            **extra,
        }
    )
    return data


@secret_levels
def test_admin_refuses_to_publish_a_new_secret_document(
    admin_client, register, decision, ubnd, level
):
    data = document_form(decision, ubnd, level)
    response = no_raise(admin_client).post(
        add_url(register), {**data, "action-publish": "action-publish"}, follow=True
    )
    assert not LegalDocumentPage.objects.filter(slug=SECRET_SLUG, live=True).exists()
    assert response.status_code != 500, (
        "publishing a secret document from the admin ends in a server error instead of "
        "a Vietnamese validation message"
    )
    assert response.status_code == 200
    page_text = response.content.decode()
    assert refusal(level) in page_text or any(
        refusal(level) in message for message in shown_messages(response)
    )


@secret_levels
def test_admin_saves_a_secret_document_as_a_draft(admin_client, register, decision, ubnd, level):
    data = document_form(decision, ubnd, level)
    response = admin_client.post(add_url(register), data)
    assert response.status_code == 302, response.context["form"].errors.as_text()
    page = LegalDocumentPage.objects.get(slug=SECRET_SLUG)
    assert not page.live
    assert page.security_level == level
    assert page.latest_revision is not None


@secret_levels
def test_admin_refuses_to_make_a_live_document_secret(
    admin_client, client, register, public_document, decision, ubnd, level
):
    data = document_form(
        decision, ubnd, level, title=public_document.title, slug=PUBLIC_SLUG, number=PUBLIC_NUMBER
    )
    response = no_raise(admin_client).post(
        edit_url(public_document), {**data, "action-publish": "action-publish"}, follow=True
    )
    public_document.refresh_from_db()
    assert public_document.live
    assert public_document.security_level == SecurityLevel.NORMAL
    assert client.get(public_document.url).status_code == 200
    assert response.status_code != 500, (
        "publishing a live document changed to secret ends in a server error instead of "
        "a Vietnamese validation message"
    )
    assert response.status_code == 200
    page_text = response.content.decode()
    assert refusal(level) in page_text or any(
        refusal(level) in message for message in shown_messages(response)
    )


@secret_levels
def test_admin_draft_making_a_live_document_secret_keeps_it_ordinary_and_public(
    admin_client, client, register, public_document, decision, ubnd, level
):
    """Saving (not publishing) such a draft may be allowed or refused, never a crash."""
    data = document_form(
        decision, ubnd, level, title=public_document.title, slug=PUBLIC_SLUG, number=PUBLIC_NUMBER
    )
    response = no_raise(admin_client).post(edit_url(public_document), data, follow=True)
    public_document.refresh_from_db()
    assert public_document.live
    assert public_document.security_level == SecurityLevel.NORMAL
    assert client.get(public_document.url).status_code == 200
    assert response.status_code != 500, (
        "saving a draft that makes a live document secret ends in a server error"
    )
    assert response.status_code == 200


@secret_levels
def test_admin_submitting_a_secret_document_for_moderation(
    admin_client, register, decision, ubnd, level
):
    workflow = register.get_workflow()
    if workflow is None or not workflow.active:
        pytest.skip("no moderation workflow is configured for the register")
    data = document_form(decision, ubnd, level)
    response = no_raise(admin_client).post(
        add_url(register), {**data, "action-submit": "action-submit"}, follow=True
    )
    assert response.status_code == 200
    page = LegalDocumentPage.objects.filter(slug=SECRET_SLUG).first()
    if page is None or page.current_workflow_state is None:
        # Refused at submission: the editor must be told why, in Vietnamese.
        assert refusal(level) in response.content.decode() or any(
            refusal(level) in message for message in shown_messages(response)
        )
        return
    assert not page.live
    # Submitted: approving it must still not publish it, and must say why.
    task_state = page.current_workflow_state.current_task_state
    approve = no_raise(admin_client).post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/",
        {"comment": ""},
        follow=True,
    )
    assert not is_live(page)
    assert approve.status_code != 500, (
        "approving a secret document in moderation ends in a server error instead of "
        "a Vietnamese validation message"
    )
    assert any(refusal(level) in message for message in shown_messages(approve))


@secret_levels
def test_admin_approving_a_document_whose_draft_became_secret_in_moderation(
    admin_client, register, decision, ubnd, level
):
    """Submitted while ordinary, made secret by a later draft, then approved."""
    workflow = register.get_workflow()
    if workflow is None or not workflow.active:
        pytest.skip("no moderation workflow is configured for the register")
    data = document_form(decision, ubnd, SecurityLevel.NORMAL)
    submitted = admin_client.post(add_url(register), {**data, "action-submit": "action-submit"})
    assert submitted.status_code == 302, submitted.context["form"].errors.as_text()
    page = LegalDocumentPage.objects.get(slug=SECRET_SLUG)
    assert page.current_workflow_state is not None

    draft = admin_client.post(edit_url(page), document_form(decision, ubnd, level))
    assert draft.status_code == 302, draft.context["form"].errors.as_text()
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().security_level == level

    task_state = page.current_workflow_state.current_task_state
    approve = no_raise(admin_client).post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/",
        {"comment": ""},
        follow=True,
    )
    assert not is_live(page)
    assert approve.status_code != 500, (
        "approving a document whose latest draft is secret ends in a server error instead "
        "of a Vietnamese validation message"
    )
    assert any(refusal(level) in message for message in shown_messages(approve))


def bulk_publish(client, pages, **extra):
    ids = "&".join(f"id={page.pk}" for page in pages)
    return no_raise(client).post(
        f"/admin/bulk/wagtailcore/page/publish/?{ids}&next=/admin/pages/", extra, follow=True
    )


@secret_levels
def test_admin_bulk_publish_of_a_secret_draft_is_refused(admin_client, register, level):
    secret = make_secret_draft(register, level)
    secret.save_revision()
    response = bulk_publish(admin_client, [secret])
    assert not is_live(secret)
    assert response.status_code != 500, (
        "bulk-publishing a secret draft ends in a server error instead of a Vietnamese "
        "validation message"
    )
    assert any(refusal(level) in message for message in shown_messages(response))


@secret_levels
def test_admin_publishing_the_register_with_its_drafts_never_publishes_the_secret_one(
    admin_client, register, level
):
    secret = make_secret_draft(register, level)
    secret.save_revision()
    register.unpublish()
    response = bulk_publish(admin_client, [register], include_descendants="on")
    assert not is_live(secret)
    assert response.status_code != 500, (
        "publishing the register with its draft documents ends in a server error when one "
        "of them is secret"
    )


# --- Not in any list, search, feed, sitemap or API ---------------------------------------


@secret_levels
def test_secret_draft_is_absent_everywhere(client, register, public_document, level):
    make_secret_draft(register, level)
    assert_hidden_from_the_public(client, register)


@secret_levels
def test_secret_row_forced_live_is_still_absent_everywhere(
    client, register, public_document, level
):
    secret = make_secret_draft(register, level)
    attachment = attach_pdf(secret)
    force_live(secret, level)
    assert_hidden_from_the_public(client, register)
    assert client.get(f"/tep-van-ban/{attachment.pk}/").status_code == 404
    named = f"/tep-van-ban/{attachment.pk}/{quote(attachment.original_name)}"
    assert client.get(named).status_code == 404
    assert client.get(f"/tep-van-ban/{attachment.pk}/", {"xem": "1"}).status_code == 404


def test_public_document_sitemap_control(client, register, public_document):
    """The sitemap lists public documents, so the absences above mean something."""
    assert public_document.get_sitemap_urls()
    assert PUBLIC_SLUG in text_of(client.get("/sitemap.xml"))


@pytest.mark.parametrize("url", ["/api/v2/pages/", "/api/", "/api/v2/documents/"])
def test_no_api_is_exposed(client, register, public_document, url):
    assert client.get(url).status_code == 404


# --- Attachments -------------------------------------------------------------------------


@pytest.fixture
def editor(django_user_model, register):
    """A staff member who may edit the register's documents (not a superuser)."""
    user = django_user_model.objects.create_user(username="bientapvien", password="x")
    group = Group.objects.create(name="Biên tập văn bản")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group,
        page=register,
        permission=Permission.objects.get(
            content_type__app_label="wagtailcore", codename="change_page"
        ),
    )
    user.groups.add(group)
    return user


@pytest.fixture
def citizen(django_user_model):
    """A logged-in user with no right to edit anything."""
    return django_user_model.objects.create_user(username="congdan", password="x")


@secret_levels
def test_secret_attachments_are_served_only_to_those_who_may_edit(
    client, register, citizen, editor, admin_user, level
):
    attachment = attach_pdf(make_secret_draft(register, level))
    url = f"/tep-van-ban/{attachment.pk}/"
    assert client.get(url).status_code == 404
    client.force_login(citizen)
    assert client.get(url).status_code == 404
    client.force_login(editor)
    assert client.get(url).status_code == 200
    client.force_login(admin_user)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


def test_attachment_of_a_draft_is_not_served(client, register, citizen):
    attachment = attach_pdf(LegalDocumentPageFactory(parent=register, live=False))
    assert client.get(f"/tep-van-ban/{attachment.pk}/").status_code == 404
    client.force_login(citizen)
    assert client.get(f"/tep-van-ban/{attachment.pk}/").status_code == 404


def test_attachment_of_an_unpublished_document_is_not_served(client, register):
    page = LegalDocumentPageFactory(parent=register)
    attachment = attach_pdf(page)
    url = f"/tep-van-ban/{attachment.pk}/"
    assert client.get(url).status_code == 200
    page.unpublish()
    assert client.get(url).status_code == 404
    named = f"/tep-van-ban/{attachment.pk}/{quote(attachment.original_name)}"
    assert client.get(named).status_code == 404


def test_attachment_of_a_restricted_document_is_not_served(client, register):
    page = LegalDocumentPageFactory(parent=register)
    attachment = attach_pdf(page)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(f"/tep-van-ban/{attachment.pk}/").status_code == 404


def test_attachment_under_a_restricted_register_is_not_served(client, register):
    page = LegalDocumentPageFactory(parent=register)
    attachment = attach_pdf(page)
    PageViewRestriction.objects.create(page=register, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(f"/tep-van-ban/{attachment.pk}/").status_code == 404


def test_attachment_of_a_public_document_is_served_under_its_name(client, register):
    page = LegalDocumentPageFactory(parent=register)
    attachment = attach_pdf(page, name="Quyết định số 15.pdf")
    response = client.get(f"/tep-van-ban/{attachment.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert f"filename*=utf-8''{quote('Quyết định số 15.pdf')}" in disposition
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    named = client.get(f"/tep-van-ban/{attachment.pk}/{quote(attachment.original_name)}")
    assert named.status_code == 200


def test_unknown_attachment_is_404(client, register):
    assert client.get("/tep-van-ban/999999/").status_code == 404


# --- Relations ---------------------------------------------------------------------------


@secret_levels
def test_secret_draft_replacing_a_document_changes_nothing(
    client, register, public_document, level
):
    secret = make_secret_draft(register, level, effective_on=None)
    DocumentRelation.objects.create(
        source=secret, target=public_document, kind=RelationKind.REPLACES
    )
    validity = (
        LegalDocumentPage.objects.filter(pk=public_document.pk)
        .with_validity()
        .values_list("validity", flat=True)
        .get()
    )
    assert validity == Validity.IN_FORCE
    assert public_document.current_validity == Validity.IN_FORCE
    body = client.get(public_document.url).content.decode()
    assert "Còn hiệu lực" in body
    assert "Bị thay thế bởi" not in body
    assert SECRET_NUMBER not in body
    assert SECRET_SLUG not in body


@secret_levels
def test_secret_row_forced_live_replacing_a_document_changes_nothing(
    client, register, public_document, level
):
    secret = make_secret_draft(register, level, effective_on=None)
    DocumentRelation.objects.create(
        source=secret, target=public_document, kind=RelationKind.REPLACES
    )
    force_live(secret, level)
    validity = (
        LegalDocumentPage.objects.filter(pk=public_document.pk)
        .with_validity()
        .values_list("validity", flat=True)
        .get()
    )
    assert validity == Validity.IN_FORCE
    body = client.get(public_document.url).content.decode()
    assert "Bị thay thế bởi" not in body
    assert SECRET_NUMBER not in body
    assert SECRET_SLUG not in body


@secret_levels
def test_a_public_document_does_not_link_to_a_secret_one_it_acts_on(
    client, register, public_document, level
):
    secret = make_secret_draft(register, level)
    force_live(secret, level)
    DocumentRelation.objects.create(source=public_document, target=secret, kind=RelationKind.AMENDS)
    body = client.get(public_document.url).content.decode()
    assert SECRET_NUMBER not in body
    assert SECRET_SLUG not in body
