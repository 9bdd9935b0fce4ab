"""A job's attempts and its worker's heartbeat, so a job whose worker died is read again."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_democratic_services_group"),
    ]

    operations = [
        migrations.AddField(
            model_name="ingestjob",
            name="attempts",
            field=models.PositiveSmallIntegerField(
                default=0, help_text="Times a worker has started reading it"
            ),
        ),
        migrations.AddField(
            model_name="ingestjob",
            name="heartbeat",
            field=models.DateTimeField(
                blank=True,
                help_text="When the worker reading it last showed it was alive",
                null=True,
            ),
        ),
    ]
