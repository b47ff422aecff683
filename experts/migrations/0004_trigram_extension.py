from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    """pg_trgm, for names spelled another way in search (nothing on SQLite)."""

    dependencies = [("experts", "0003_portraits_in_the_library")]

    operations = [TrigramExtension()]
