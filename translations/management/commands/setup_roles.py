from django.core.management.base import BaseCommand

from translations.roles import setup_roles


class Command(BaseCommand):
    help = "Create or update the Editors and Translators groups and their permissions."

    def handle(self, *args, **options):
        for group in setup_roles():
            self.stdout.write(f"{group.name}: {group.permissions.count()} permissions")
