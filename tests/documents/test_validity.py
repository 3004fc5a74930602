"""Validity status: derived from the dates and relations, true every day, overridable."""

import datetime
from unittest import mock

import pytest

from documents.models import DocumentRelation, LegalDocumentPage, RelationKind, Validity
from tests.factories import LegalDocumentPageFactory

D = datetime.date


def status_of(page, today):
    return (
        LegalDocumentPage.objects.filter(pk=page.pk)
        .with_validity(today=today)
        .values_list("validity", flat=True)
        .get()
    )


@pytest.fixture
def document(register):
    return LegalDocumentPageFactory(
        parent=register,
        issued_on=D(2024, 1, 10),
        effective_on=D(2024, 2, 1),
        expires_on=D(2025, 12, 31),
    )


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (D(2024, 1, 20), Validity.NOT_YET),
        (D(2024, 2, 1), Validity.IN_FORCE),
        (D(2025, 12, 30), Validity.IN_FORCE),
        (D(2025, 12, 31), Validity.EXPIRED),
        (D(2027, 1, 1), Validity.EXPIRED),
    ],
)
def test_dates_decide_the_status(document, today, expected):
    assert status_of(document, today) == expected


def test_replaced_document_is_no_longer_in_force(register, document):
    newer = LegalDocumentPageFactory(
        parent=register, issued_on=D(2024, 9, 1), effective_on=D(2024, 10, 1)
    )
    DocumentRelation.objects.create(source=newer, target=document, kind=RelationKind.REPLACES)
    assert status_of(document, D(2024, 9, 15)) == Validity.IN_FORCE  # replacement not in force yet
    assert status_of(document, D(2024, 10, 1)) == Validity.EXPIRED
    assert status_of(newer, D(2024, 10, 1)) == Validity.IN_FORCE


def test_amended_document_is_partly_expired(register, document):
    amendment = LegalDocumentPageFactory(parent=register, effective_on=D(2024, 6, 1))
    DocumentRelation.objects.create(source=amendment, target=document, kind=RelationKind.AMENDS)
    assert status_of(document, D(2024, 7, 1)) == Validity.PARTLY_EXPIRED


def test_guidance_does_not_change_the_status(register, document):
    guide = LegalDocumentPageFactory(parent=register, effective_on=D(2024, 3, 1))
    DocumentRelation.objects.create(source=guide, target=document, kind=RelationKind.GUIDES)
    assert status_of(document, D(2024, 7, 1)) == Validity.IN_FORCE


def test_a_draft_replacement_changes_nothing(register, document):
    draft = LegalDocumentPageFactory(parent=register, effective_on=D(2024, 3, 1))
    DocumentRelation.objects.create(source=draft, target=document, kind=RelationKind.REPLACES)
    draft.unpublish()
    assert status_of(document, D(2024, 7, 1)) == Validity.IN_FORCE


def test_manual_override_wins(document):
    document.status_override = Validity.PARTLY_EXPIRED
    document.save()
    assert status_of(document, D(2024, 7, 1)) == Validity.PARTLY_EXPIRED
    assert document.current_validity == Validity.PARTLY_EXPIRED


def test_status_changes_at_midnight_without_anyone_acting(client, document):
    with mock.patch("django.utils.timezone.localdate", return_value=D(2025, 12, 30)):
        assert document.current_validity == Validity.IN_FORCE
        assert "Còn hiệu lực" in client.get(document.url).content.decode()
    with mock.patch("django.utils.timezone.localdate", return_value=D(2025, 12, 31)):
        assert document.current_validity == Validity.EXPIRED
        assert "Hết hiệu lực toàn bộ" in client.get(document.url).content.decode()


def test_expiry_must_follow_effect(register):
    from django.core.exceptions import ValidationError

    page = LegalDocumentPageFactory(parent=register)
    page.expires_on = page.effective_on
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "expires_on" in error.value.message_dict


def test_number_is_unique_per_issuing_body(register, ubnd, hdnd):
    from django.core.exceptions import ValidationError

    LegalDocumentPageFactory(parent=register, number="15/2024/QĐ-UBND", issuing_body=ubnd)
    same_body = LegalDocumentPageFactory(
        parent=register, number="16/2024/QĐ-UBND", issuing_body=ubnd
    )
    same_body.number = "15/2024/qd-ubnd"
    with pytest.raises(ValidationError) as error:
        same_body.full_clean()
    assert "đã có văn bản số" in error.value.message_dict["number"][0]
    other_body = LegalDocumentPageFactory(
        parent=register, number="15/2024/QĐ-UBND", issuing_body=hdnd
    )
    other_body.full_clean()


def test_numbers_without_a_year_restart_every_year(register, ubnd):
    LegalDocumentPageFactory(
        parent=register, number="15/QĐ-UBND", issuing_body=ubnd, issued_on=D(2023, 4, 1)
    )
    next_year = LegalDocumentPageFactory(
        parent=register, number="16/QĐ-UBND", issuing_body=ubnd, issued_on=D(2024, 4, 1)
    )
    next_year.number = "15/QĐ-UBND"
    next_year.full_clean()
