from django.core.management.base import BaseCommand

from caching.page_cache import forget_pages


class Command(BaseCommand):
    help = (
        "Forget every page the page cache keeps, as a change to public content does: for a "
        "release whose templates changed."
    )

    def handle(self, *args, **options):
        forget_pages(change=None)
        self.stdout.write("The page cache will render every page afresh.")
