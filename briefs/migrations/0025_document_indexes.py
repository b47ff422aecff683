"""The search entries' per-language indexes become the model's (search.documents.
DocumentIndex), so that a language added to settings gets its own from makemigrations.
On PostgreSQL the GIN indexes are already these; on SQLite the words tables take the
indexes' names and each its own delete trigger, in place of one trigger for both."""

from django.db import migrations

import search.documents

LANGUAGES = ("en", "ar")
BESIDE = ("brief_published_month", "brief_type", "brief_topics", "brief_regions", "brief_experts")


def words_tables_named_as_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.execute("DROP TRIGGER briefs_searchentry_words_delete")
    for language in LANGUAGES:
        words = f"search_entry_{language}_words"
        schema_editor.execute(
            f"ALTER TABLE briefs_searchentry_document_{language}_words RENAME TO {words}"
        )
        schema_editor.execute(
            f"CREATE TRIGGER {words}_delete AFTER DELETE ON briefs_searchentry "
            f"BEGIN DELETE FROM {words} WHERE rowid = old.brief_id; END"
        )


def words_tables_named_as_columns(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    deletes = []
    for language in LANGUAGES:
        words = f"search_entry_{language}_words"
        schema_editor.execute(f"DROP TRIGGER {words}_delete")
        schema_editor.execute(
            f"ALTER TABLE {words} RENAME TO briefs_searchentry_document_{language}_words"
        )
        deletes.append(
            f"DELETE FROM briefs_searchentry_document_{language}_words "
            "WHERE rowid = old.brief_id;"
        )
    schema_editor.execute(
        "CREATE TRIGGER briefs_searchentry_words_delete AFTER DELETE ON briefs_searchentry "
        f"BEGIN {' '.join(deletes)} END"
    )


class Migration(migrations.Migration):
    dependencies = [("briefs", "0024_source_language_index")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddIndex(
                    model_name="searchentry",
                    index=search.documents.DocumentIndex(
                        language=language, name=f"search_entry_{language}_words", beside=BESIDE
                    ),
                )
                for language in LANGUAGES
            ],
            database_operations=[
                migrations.RunPython(words_tables_named_as_indexes, words_tables_named_as_columns)
            ],
        )
    ]
