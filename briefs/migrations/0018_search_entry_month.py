"""Each search entry's copy of its brief's month beside the words in its GIN index, in
place of the exact date: the date gave every entry a key of its own, so reading a stretch
of the archive from the index cost as much as reading the whole of it (briefs.search)."""

from django.db import migrations, models

LANGUAGES = ("en", "ar")
MONTH = {
    "postgresql": "(extract(year from {0} AT TIME ZONE 'UTC') * 12"
    " + extract(month from {0} AT TIME ZONE 'UTC') - 1)::integer",
    "sqlite": "CAST(strftime('%Y', {0}) AS INTEGER) * 12 + CAST(strftime('%m', {0}) AS INTEGER) - 1",
}


def index_words_with_months(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        for language in LANGUAGES:  # before the update, which would write them all again
            schema_editor.execute(f"DROP INDEX search_entry_{language}_dated")
    month = MONTH[vendor].format("brief_published_at")
    schema_editor.execute(f"UPDATE briefs_searchentry SET brief_published_month = {month}")
    if vendor == "postgresql":
        for language in LANGUAGES:
            schema_editor.execute(
                f"CREATE INDEX search_entry_{language}_monthly ON briefs_searchentry "
                f"USING gin (document_{language}, brief_published_month)"
            )


def index_words_with_dates(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for language in LANGUAGES:
            schema_editor.execute(f"DROP INDEX search_entry_{language}_monthly")
            schema_editor.execute(
                f"CREATE INDEX search_entry_{language}_dated ON briefs_searchentry "
                f"USING gin (document_{language}, brief_published_at)"
            )


class Migration(migrations.Migration):
    dependencies = [("briefs", "0017_link_target_indexes")]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="brief_published_month",
            field=models.IntegerField(editable=False, null=True),
        ),
        migrations.RunPython(index_words_with_months, index_words_with_dates),
    ]
