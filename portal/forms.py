"""The base form of our page editors."""

from django.db.models.fields.files import FieldFile

from wagtail.admin.forms import WagtailAdminPageForm


class StoreUploadsPageForm(WagtailAdminPageForm):
    """Stores uploaded files (on the page and its inline children) when the form is saved.

    Wagtail saves a live page's edits with commit=False and serialises the revision;
    a file not yet stored would be recorded under its uploaded name, which exists
    nowhere. Storing it here gives the revision the real stored name.
    """

    def save(self, commit=True):
        page = super().save(commit=commit)
        store_uploads(page)
        for formset in self.formsets.values():
            for form in formset.forms:
                store_uploads(form.instance)
        return page


def store_uploads(instance):
    """Saves every uncommitted file of a model instance to its storage."""
    for field in instance._meta.concrete_fields:
        value = getattr(instance, field.attname, None)
        if isinstance(value, FieldFile) and value and not value._committed:
            upload = value.file
            before_store = getattr(instance, "remember_upload", None)
            if before_store:
                before_store(upload)
            value.save(upload.name, upload, save=False)
