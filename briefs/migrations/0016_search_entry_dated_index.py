"""On PostgreSQL, each language's words indexed together with the entry's copy of its
brief's date (a GIN index over both, by btree_gin): a search for words found in a few
percent of the archive reads only the matches of its latest stretch (briefs.search)."""

from django.contrib.postgres.operations import BtreeGinExtension
from django.db import migrations

LANGUAGES = ("en", "ar")


def index_words_with_dates(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for language in LANGUAGES:
            schema_editor.execute(f"DROP INDEX search_entry_{language}")
            schema_editor.execute(
                f"CREATE INDEX search_entry_{language}_dated ON briefs_searchentry "
                f"USING gin (document_{language}, brief_published_at)"
            )


def index_words_alone(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for language in LANGUAGES:
            schema_editor.execute(f"DROP INDEX search_entry_{language}_dated")
            schema_editor.execute(
                f"CREATE INDEX search_entry_{language} ON briefs_searchentry "
                f"USING gin (document_{language})"
            )


class Migration(migrations.Migration):
    dependencies = [("briefs", "0015_search_entry_date")]

    operations = [
        BtreeGinExtension(),
        migrations.RunPython(index_words_with_dates, index_words_alone),
    ]
