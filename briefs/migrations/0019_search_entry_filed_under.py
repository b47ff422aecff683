"""Each search entry's copies of its brief's type, topics, regions and experts, beside the
words and the month in its GIN index: a search narrowed by the filters then reads the
briefs holding the words and filed under the choice from one index (briefs.search)."""

from django.db import migrations, models

import search.documents

LANGUAGES = ("en", "ar")
LINKS = {  # copy: (link table, the linked row's column)
    "brief_topics": ("briefs_brieftopic", "topic_id"),
    "brief_regions": ("briefs_briefregion", "region_id"),
    "brief_experts": ("briefs_authorship", "expert_id"),
}
IDS = {
    "postgresql": "coalesce((SELECT array_agg({1} ORDER BY {1}) FROM {0} "
    "WHERE {0}.brief_id = briefs_searchentry.brief_id), '{{}}')",
    "sqlite": "(SELECT json_group_array({1}) FROM (SELECT {1} FROM {0} "
    "WHERE {0}.brief_id = briefs_searchentry.brief_id ORDER BY {1}))",
}


def copy_links_beside_the_words(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        for language in LANGUAGES:  # before the update, which would write them all again
            schema_editor.execute(f"DROP INDEX search_entry_{language}_monthly")
    copies = ", ".join(
        f"{copy} = {IDS[vendor].format(table, column)}" for copy, (table, column) in LINKS.items()
    )
    schema_editor.execute(
        "UPDATE briefs_searchentry SET brief_type = (SELECT publication_type_id "
        f"FROM briefs_brief WHERE briefs_brief.id = briefs_searchentry.brief_id), {copies}"
    )
    if vendor == "postgresql":
        for language in LANGUAGES:
            schema_editor.execute(
                f"CREATE INDEX search_entry_{language}_words ON briefs_searchentry USING gin "
                f"(document_{language}, brief_published_month, brief_type, {', '.join(LINKS)})"
            )
        # How a search reads its matches is chosen from the statistics of these columns.
        schema_editor.execute("ANALYZE briefs_searchentry")


def index_words_with_months(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for language in LANGUAGES:
            schema_editor.execute(f"DROP INDEX search_entry_{language}_words")
            schema_editor.execute(
                f"CREATE INDEX search_entry_{language}_monthly ON briefs_searchentry "
                f"USING gin (document_{language}, brief_published_month)"
            )


class Migration(migrations.Migration):
    dependencies = [("briefs", "0018_search_entry_month")]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="brief_type",
            field=models.IntegerField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="searchentry", name="brief_topics", field=search.documents.IdsField()
        ),
        migrations.AddField(
            model_name="searchentry", name="brief_regions", field=search.documents.IdsField()
        ),
        migrations.AddField(
            model_name="searchentry", name="brief_experts", field=search.documents.IdsField()
        ),
        migrations.RunPython(copy_links_beside_the_words, index_words_with_months),
    ]
