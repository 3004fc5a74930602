"""The editor's form for a legal document: the secret guard and attachment storage."""

from wagtail.admin.forms import WagtailAdminPageForm

from .security import SECRET_MESSAGE, SecurityLevel

# Buttons of the page editor that publish now or lead to publication.
PUBLISHING_ACTIONS = ("action-publish", "action-submit", "action-restart-workflow")


class LegalDocumentForm(WagtailAdminPageForm):
    """Refuses to publish (or send for approval) a secret document, with the reason.

    Also stores newly uploaded attachments before Wagtail serialises the revision:
    for a live page the editor saves with commit=False, and the revision would
    otherwise record the uploaded file's name instead of the stored one.
    """

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

    def save(self, commit=True):
        page = super().save(commit=commit)
        for attachment in page.attachments.all():
            if attachment.file and not attachment.file._committed:
                upload = attachment.file.file
                attachment.remember_upload(upload)
                attachment.file.save(upload.name, upload, save=False)
        return page
