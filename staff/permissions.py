"""Who may do staff work: the "Democratic services" group and the check every staff view makes."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Q

GROUP_NAME = "Democratic services"

# Exactly what the work needs: correct what was read, upload, publish, read the audit log.
# No deleting meetings, committees or papers, no user management.
GROUP_PERMISSIONS = {
    "meetings": [
        "add_committee",
        "change_committee",
        "view_committee",
        "add_meeting",
        "change_meeting",
        "view_meeting",
        "add_agendaitem",
        "change_agendaitem",
        "delete_agendaitem",
        "view_agendaitem",
        "add_report",
        "change_report",
        "delete_report",
        "view_report",
        "add_resolution",
        "change_resolution",
        "delete_resolution",
        "view_resolution",
        "add_person",
        "change_person",
        "view_person",
        "add_attendance",
        "change_attendance",
        "delete_attendance",
        "view_attendance",
        "add_declaration",
        "change_declaration",
        "delete_declaration",
        "view_declaration",
        "publish_meeting",
    ],
    "documents": [
        "view_document",
        "change_document",
        "view_page",
        "add_pagerange",
        "change_pagerange",
        "delete_pagerange",
        "view_pagerange",
    ],
    "staff": ["add_ingestjob", "view_ingestjob", "view_auditentry"],
}

UPLOAD = "staff.add_ingestjob"
VIEW_JOBS = "staff.view_ingestjob"
CORRECT = "meetings.change_agendaitem"
VIEW_PAPERS = "documents.view_document"
PUBLISH = "meetings.publish_meeting"
VIEW_AUDIT = "staff.view_auditentry"


def sync_group(group_model, permission_model):
    """Create or repair the group so it holds exactly GROUP_PERMISSIONS; returns the group."""
    wanted = Q(pk__in=[])
    for app_label, codenames in GROUP_PERMISSIONS.items():
        wanted |= Q(content_type__app_label=app_label, codename__in=codenames)
    group, _ = group_model.objects.get_or_create(name=GROUP_NAME)
    group.permissions.set(permission_model.objects.filter(wanted))
    return group


def missing_permissions(group) -> list[str]:
    held = {
        f"{app}.{code}"
        for app, code in group.permissions.values_list("content_type__app_label", "codename")
    }
    wanted = {f"{app}.{code}" for app, codes in GROUP_PERMISSIONS.items() for code in codes}
    return sorted(wanted - held)


def can(user, perm: str) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_staff and user.has_perm(perm))


def staff_required(perm: str):
    """Anonymous visitors are sent to sign in; signed-in people without ``perm`` get 403."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not can(request.user, perm):
                raise PermissionDenied(f"Your account cannot do this: ask to join {GROUP_NAME}.")
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
