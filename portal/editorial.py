"""Roles, groups, permissions and the approval workflow of one unit.

A unit is the district or a commune: a subtree of pages with its own image and
document collection. Every unit gets the same five roles from `provision_unit`:

- Cộng tác viên: creates drafts in the unit and submits them; edits only its own.
- Biên tập viên: edits any draft of the unit and submits; cannot publish.
- Ban biên tập: the first approval step (approve, or send back with a comment).
- Trưởng ban: the final approval, which publishes; the only role with publish rights.
- Quản trị: the unit's users (portal's unit user views), settings and structure
  (moves and deletions), but no publishing.

Roles of the district cascade over the communes because commune sites live inside
the district's tree. Provisioning is idempotent: running it again repairs, never
duplicates.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

CONTRIBUTOR = "Cộng tác viên"
EDITOR = "Biên tập viên"
BOARD = "Ban biên tập"
HEAD = "Trưởng ban"
ADMIN = "Quản trị"
ROLES = [CONTRIBUTOR, EDITOR, BOARD, HEAD, ADMIN]

PAGE_PERMISSIONS = {
    CONTRIBUTOR: ["add_page"],
    EDITOR: ["add_page", "change_page"],
    BOARD: ["add_page", "change_page"],
    HEAD: ["add_page", "change_page", "publish_page"],
    ADMIN: ["add_page", "change_page", "bulk_delete_page", "lock_page", "unlock_page"],
}
MEDIA_PERMISSIONS = {
    CONTRIBUTOR: ["add_image", "choose_image", "add_document", "choose_document"],
    EDITOR: [
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
    ],
}
for _role in (BOARD, HEAD, ADMIN):
    MEDIA_PERMISSIONS[_role] = MEDIA_PERMISSIONS[EDITOR]


@dataclass
class Unit:
    """What provisioning made for a unit."""

    name: str
    root_page: Page
    collection: Collection
    groups: dict
    workflow: Workflow

    def group(self, role):
        return self.groups[role]


def group_name(unit_name, role):
    """The Wagtail group of a role in a unit, e.g. "Xã Bằng Lãng – Ban biên tập"."""
    return f"{unit_name} – {role}"


def unit_collection(unit_name):
    """The unit's own collection for images and documents (created under the root)."""
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=unit_name).first()
    return existing or root.add_child(name=unit_name)


def _permission(codename):
    app_label = {
        "image": "wagtailimages",
        "document": "wagtaildocs",
        "page": "wagtailcore",
    }[codename.rsplit("_", 1)[1]]
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


@transaction.atomic
def provision_unit(unit_name, root_page, collection=None):
    """Creates (or repairs) the unit's groups, permissions, collection and workflow."""
    from .models import EditorialApprovalTask

    collection = collection or unit_collection(unit_name)
    admin_access = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    groups = {}
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=group_name(unit_name, role))
        group.permissions.add(admin_access)
        for codename in PAGE_PERMISSIONS[role]:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=_permission(codename)
            )
        for codename in MEDIA_PERMISSIONS[role]:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=_permission(codename)
            )
        groups[role] = group
    settings_permission = Permission.objects.get(
        content_type=ContentType.objects.get(app_label="portal", model="sitesettings"),
        codename="change_sitesettings",
    )
    groups[ADMIN].permissions.add(settings_permission)

    workflow = _provision_workflow(unit_name, root_page, groups, EditorialApprovalTask)
    return Unit(unit_name, root_page, collection, groups, workflow)


def _provision_workflow(unit_name, root_page, groups, task_model):
    """Ban biên tập review, then Trưởng ban approval (which publishes), on the unit's pages."""
    steps = [
        (f"{unit_name}: Ban biên tập duyệt", groups[BOARD]),
        (f"{unit_name}: Trưởng ban duyệt và xuất bản", groups[HEAD]),
    ]
    workflow, _ = Workflow.objects.get_or_create(name=f"Quy trình duyệt tin – {unit_name}")
    for order, (name, group) in enumerate(steps):
        task, _ = task_model.objects.get_or_create(name=name)
        task.groups.set([group])
        WorkflowTask.objects.update_or_create(
            workflow=workflow, task=task, defaults={"sort_order": order}
        )
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
    return workflow
