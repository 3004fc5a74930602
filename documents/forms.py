"""The editor's form for a legal document: the secret guard and attachment storage."""

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
