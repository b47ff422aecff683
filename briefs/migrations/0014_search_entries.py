"""The search index: one row per brief with a document column per language (each
language's words get their own statistics), in place of a row per brief and language."""

import django.db.models.deletion
from django.db import migrations, models

import search.documents
from search.documents import PARTS, create_words_tables

LANGUAGES = ("en", "ar")


def copy_documents(apps, schema_editor):
    execute = schema_editor.execute
    for language in LANGUAGES:
        column = f"document_{language}"
        if schema_editor.connection.vendor == "postgresql":
            execute(
                f"INSERT INTO briefs_searchentry (brief_id, {column}) "
                "SELECT brief_id, document FROM briefs_searchdocument "
                f"WHERE language = '{language}' "
                f"ON CONFLICT (brief_id) DO UPDATE SET {column} = EXCLUDED.{column}"
            )
        else:
            execute(
                f"INSERT INTO briefs_searchentry (brief_id, {column}) "
                "SELECT brief_id, '' FROM briefs_searchdocument "
                f"WHERE language = '{language}' "
                f"ON CONFLICT (brief_id) DO UPDATE SET {column} = ''"
            )
            parts = ", ".join(PARTS)
            words = ", ".join(f"words.{part}" for part in PARTS)
            execute(
                f"INSERT INTO briefs_searchentry_{column}_words (rowid, {parts}) "
                f"SELECT document.brief_id, {words} FROM briefs_searchdocument document "
                "JOIN briefs_searchdocument_words words ON words.rowid = document.id "
                f"WHERE document.language = '{language}'"
            )


def drop_old_words_table(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE briefs_searchdocument_words")


def create_gin_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for language in LANGUAGES:
            schema_editor.execute(
                f"CREATE INDEX search_entry_{language} ON briefs_searchentry "
                f"USING gin (document_{language})"
            )


def drop_gin_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for language in LANGUAGES:
            schema_editor.execute(f"DROP INDEX search_entry_{language}")


class Migration(migrations.Migration):
    dependencies = [
        ("briefs", "0013_search_documents"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                (
                    "brief",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search_entry",
                        serialize=False,
                        to="briefs.brief",
                    ),
                ),
                ("document_en", search.documents.DocumentField("en")),
                ("document_ar", search.documents.DocumentField("ar")),
            ],
        ),
        create_words_tables(
            "briefs_searchentry", "brief_id", [f"document_{language}" for language in LANGUAGES]
        ),
        # Forwards only: the old rows cannot be rebuilt from these without the briefs
        # (rebuild_search_index does that).
        migrations.RunPython(copy_documents, migrations.RunPython.noop),
        migrations.RunPython(drop_old_words_table, migrations.RunPython.noop),
        migrations.DeleteModel(name="SearchDocument"),
        migrations.RunPython(create_gin_indexes, drop_gin_indexes),
    ]
