"""The content version: one number that changes with every write to public content.

``ContentVersion`` holds one row. Its ``version`` is the time of the last change in
microseconds since 1970 (or one more than the last version, whichever is greater), so it never
repeats, even after a backup is restored. ``PendingChange`` is written on PostgreSQL only: one
row per write, turned into a new version by a trigger that runs when the transaction commits
(see pagecache/version.py and the migration), so concurrent writers never queue on the
version's row while they work.
"""

from django.db import models


class ContentVersion(models.Model):
    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    version = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"content version {self.version}"


class PendingChange(models.Model):
    id = models.BigAutoField(primary_key=True)

    def __str__(self) -> str:
        return f"pending change {self.id}"
