from django.apps import AppConfig


class CouncillorsConfig(AppConfig):
    name = "councillors"
    verbose_name = "Councillors' records: recorded votes and motions"
    default_auto_field = "django.db.models.BigAutoField"
