"""``manage.py send_alerts``: send every alert due now (the task worker runs it too)."""

from django.core.management.base import BaseCommand

from alerts.sending import send_due


class Command(BaseCommand):
    help = "Note newly public papers, match them to confirmed subscriptions and send what is due."

    def handle(self, *args, **options):
        outcome = send_due()
        self.stdout.write(
            f"{outcome.noted} papers newly public, {outcome.matched} alerts made, "
            f"{outcome.sent} emails sent, {outcome.failed} failed (tried again later), "
            f"{outcome.withdrawn} withdrawn"
        )
