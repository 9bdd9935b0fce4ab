from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = "Public page cache"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from pagecache import version

        # Triggers on every public table, new ones included, and a new version after a deploy.
        post_migrate.connect(version.after_migrate, sender=self, dispatch_uid="pagecache")
