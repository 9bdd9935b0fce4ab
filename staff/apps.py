from django.apps import AppConfig


class StaffConfig(AppConfig):
    """Democratic services' workflow: uploads read in the background, review, corrections,
    publishing and the audit log."""

    name = "staff"
    verbose_name = "Staff workflow"
    default_auto_field = "django.db.models.BigAutoField"
