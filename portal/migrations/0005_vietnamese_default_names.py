"""The rows Wagtail's own migrations create with English names, renamed for Vietnamese editors.

The page tree's and the collections' roots ("Root"), and the default groups, workflow and task
("Editors", "Moderators", "Moderators approval") show in breadcrumbs, choosers, the groups and
workflows lists. Rows already renamed by hand are left alone.
"""

from django.db import migrations

RENAMES = (
    # (app, model, name field, extra filter, English, Vietnamese)
    ("wagtailcore", "Page", "title", {"depth": 1}, "Root", "Gốc"),
    ("wagtailcore", "Collection", "name", {"depth": 1}, "Root", "Gốc"),
    ("auth", "Group", "name", {}, "Editors", "Biên tập viên (chung)"),
    ("auth", "Group", "name", {}, "Moderators", "Người duyệt (chung)"),
    ("wagtailcore", "Workflow", "name", {}, "Moderators approval", "Người duyệt (chung) duyệt"),
    ("wagtailcore", "Task", "name", {}, "Moderators approval", "Người duyệt (chung) duyệt"),
)


def rename(apps, schema_editor, backwards=False):
    for app, model, field, extra, english, vietnamese in RENAMES:
        old, new = (vietnamese, english) if backwards else (english, vietnamese)
        changes = {field: new}
        if model == "Page":
            changes["draft_title"] = new
        apps.get_model(app, model).objects.filter(**extra, **{field: old}).update(**changes)


def restore(apps, schema_editor):
    rename(apps, schema_editor, backwards=True)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0004_alter_dailyvisitcount_site_alter_pageviewcount_page_and_more"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(rename, restore)]
