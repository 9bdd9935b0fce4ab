"""``manage.py stop_alerts EMAIL ... [--reason bounce|complaint|...]``: stop sending to
addresses that bounce or complained (from the mail provider's bounce report)."""

from django.core.management.base import BaseCommand

from alerts.subscribing import stop_addresses


class Command(BaseCommand):
    help = "Mark addresses as bouncing (or complained): nothing more is sent to them."

    def add_arguments(self, parser):
        parser.add_argument("emails", nargs="+")
        parser.add_argument("--reason", default="bounce")

    def handle(self, *args, emails, reason, **options):
        stopped = stop_addresses(emails, reason)
        self.stdout.write(f"{stopped} of {len(emails)} addresses stopped ({reason})")
