from django.apps import AppConfig


class DecisionsConfig(AppConfig):
    name = "decisions"
    verbose_name = "Decisions and the forward plan"
    default_auto_field = "django.db.models.BigAutoField"
