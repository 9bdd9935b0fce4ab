"""The upload jobs and the audit log now belong to the ``staff`` app (``staff.0001_initial``),
which keeps their tables: here they leave the ``portal`` app's state only; no table changes."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_ingestjob_heartbeat"),
        ("staff", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="IngestJob"),
                migrations.DeleteModel(name="AuditEntry"),
            ],
            database_operations=[],
        ),
    ]
