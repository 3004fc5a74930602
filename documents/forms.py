"""The editor's form for a legal document: the secret guard and attachment storage."""

from django import forms
from django.urls import reverse

from portal.forms import StoreUploadsPageForm

from .security import SECRET_MESSAGE, SecurityLevel

# Buttons of the page editor that publish now or lead to publication.
PUBLISHING_ACTIONS = ("action-publish", "action-submit", "action-restart-workflow")


class LegalDocumentForm(StoreUploadsPageForm):
    """Refuses to publish (or send for approval) a secret document, with the reason."""

    def clean(self):
        cleaned_data = super().clean()
        level = cleaned_data.get("security_level")
        publishing = any(self.data.get(action) for action in PUBLISHING_ACTIONS) or (
            self.data.get("action-workflow-action")
            and self.data.get("workflow-action-name") == "approve"
        )
        if level and level != SecurityLevel.NORMAL and publishing:
            self.add_error(
                "security_level",
                SECRET_MESSAGE % {"level": SecurityLevel(level).label},
            )
        return cleaned_data


class CurrentAttachment:
    """What the file input shows of a stored attachment: its name, linked to our guarded view."""

    def __init__(self, attachment):
        self.attachment = attachment
        self.url = reverse("document_attachment", args=[attachment.pk])

    def __str__(self):
        return self.attachment.display_name


class AttachmentFileInput(forms.ClearableFileInput):
    """The attachment's file input in the editor.

    Attachments live in private storage, which has no public URL (asking for one raises), so
    Django's input cannot link the current file itself: it links through the download view,
    which lets anyone who may edit the document read it.
    """

    def is_initial(self, value):
        instance = getattr(value, "instance", None)
        return bool(value and instance is not None and instance.pk)

    def format_value(self, value):
        if self.is_initial(value):
            return CurrentAttachment(value.instance)
        return None
