from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from publishing.scheduled import SYSTEM, publish_due, wake_at_next


class Command(BaseCommand):
    help = (
        "Make live what is scheduled for now or earlier and take down what has expired "
        "(for cron, every minute; db_worker does the same by itself)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--user",
            help="the username the steps are taken as (they must be allowed to publish); "
            "without it, the system's own scheduled job",
        )

    def handle(self, *args, user=None, **options):
        actor = None
        if user is not None:
            actor = get_user_model().objects.filter(username=user, is_active=True).first()
            if actor is None:
                raise CommandError(f"No active user named {user!r}.")
        try:
            taken = publish_due(user=actor, actor=SYSTEM)
        except PermissionDenied as refused:
            raise CommandError(str(refused)) from refused
        wake_at_next()  # where db_worker runs, it takes the next one at its time
        for action in taken:
            self.stdout.write(f"{action.description()}: {action.obj} ({action.language})")
        self.stdout.write(f"{len(taken)} step(s) taken.")
