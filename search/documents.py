"""Search documents in the database, the same interface on both engines.

A model that keeps search documents has one row per (object, language) with a
DocumentField. On PostgreSQL the field is the document itself: a weighted tsvector,
GIN-indexed per language, read with the language's text search configuration (`english`;
`arabic` after search.text's normaliser). On SQLite the words live in an FTS5 table named
after the model's table, `<table>_words`, whose rowid is the row's id: porter stemming
for English, Snowball's Arabic stemmer (run here, as PostgreSQL runs it) for Arabic.

Weights: the title and the names of its people (A), the summary (B), the body (C).
"""

from django.db import connections, models

from .text import normalise, stems

PARTS = ("title", "names", "summary", "body")
POSTGRES_WEIGHTS = ("A", "A", "B", "C")
SQLITE_WEIGHTS = (10.0, 10.0, 4.0, 1.0)  # bm25's weight per column, in PARTS' order
CONFIGURATIONS = {"en": "english", "ar": "arabic"}


def configuration(language):
    return CONFIGURATIONS.get(language, "simple")


class DocumentField(models.Field):
    """A row's search document: a tsvector on PostgreSQL; on SQLite, a placeholder whose
    words are in the FTS5 table `<table>_words`."""

    description = "Search document"

    def db_type(self, connection):
        return "tsvector" if connection.vendor == "postgresql" else "text"


def words_table(model):
    return f"{model._meta.db_table}_words"


@DocumentField.register_lookup
class Matches(models.Lookup):
    """`document__matches=query`: the document holds every word of `query` (a
    search.query.SearchQuery), or one of each word's other spellings."""

    lookup_name = "matches"

    def get_db_prep_lookup(self, value, connection):
        return ("%s", [match_expression(value, connection)])

    def as_postgresql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        config = configuration(self.rhs.language)
        return f"{lhs} @@ to_tsquery('{config}', {rhs})", [*lhs_params, *rhs_params]

    def as_sqlite(self, compiler, connection):
        rhs, rhs_params = self.process_rhs(compiler, connection)
        table = words_table(self.lhs.target.model)
        row_id = f'{compiler.quote_name_unless_alias(self.lhs.alias)}."id"'
        return f"{row_id} IN (SELECT rowid FROM {table} WHERE {table} MATCH {rhs})", rhs_params


class Relevance(models.Func):
    """How well a row's document matches `query`: larger is better."""

    output_field = models.FloatField()

    def __init__(self, document, query):
        self.query = query
        super().__init__(document)

    def as_postgresql(self, compiler, connection):
        document, params = compiler.compile(self.source_expressions[0])
        config = configuration(self.query.language)
        sql = f"ts_rank({document}, to_tsquery('{config}', %s))"
        return sql, [*params, match_expression(self.query, connection)]

    def as_sqlite(self, compiler, connection):
        column = self.source_expressions[0]
        table = words_table(column.target.model)
        row_id = f'{compiler.quote_name_unless_alias(column.alias)}."id"'
        weights = ", ".join(str(weight) for weight in SQLITE_WEIGHTS)
        sql = (
            f"(SELECT -bm25({table}, {weights}) FROM {table} "
            f"WHERE {table} MATCH %s AND {table}.rowid = {row_id})"
        )
        return sql, [match_expression(self.query, connection)]


def match_expression(query, connection):
    """`query` in the engine's query language: every group of spellings ANDed, each
    spelling a quoted word (search.text leaves only word characters, so no syntax)."""
    if connection.vendor == "postgresql":
        groups = [
            " | ".join(f"'{normalise(word, query.language)}'" for word in group)
            for group in query.groups()
        ]
        return " & ".join(f"({group})" for group in groups)
    groups = [
        " OR ".join(f'"{sqlite_text(word, query.language)}"' for word in group)
        for group in query.groups()
    ]
    return " AND ".join(f"({group})" for group in groups)


def sqlite_text(text, language):
    """Text as the SQLite words table holds it: Arabic as Snowball stems; other languages
    normalised, for FTS5's porter tokenizer."""
    if language == "ar":
        return " ".join(stems(text, language))
    return normalise(text, language)


def write(model, entries, using="default"):
    """Store the documents `entries` gives: (object id, language, {part: text}), replacing
    any document of the same object and language."""
    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            _write_postgresql(cursor, model, entries)
        else:
            _write_sqlite(cursor, model, entries)


def remove(model, object_ids, language, using="default"):
    """Forget the documents in `language` of `object_ids`."""
    owner = f"{model.search_owner}_id__in"
    model.objects.using(using).filter(**{owner: object_ids}, language=language).delete()


def _write_postgresql(cursor, model, entries):
    owner = f"{model.search_owner}_id"
    document = " || ".join(
        f"setweight(to_tsvector(%s::regconfig, %s), '{weight}')" for weight in POSTGRES_WEIGHTS
    )
    sql = (
        f"INSERT INTO {model._meta.db_table} ({owner}, language, document) "
        f"VALUES (%s, %s, {document}) "
        f"ON CONFLICT ({owner}, language) DO UPDATE SET document = EXCLUDED.document"
    )
    rows = []
    for object_id, language, parts in entries:
        config = configuration(language)
        texts = [normalise(parts.get(part, ""), language) for part in PARTS]
        rows.append([object_id, language, *(value for text in texts for value in (config, text))])
    cursor.executemany(sql, rows)


def _write_sqlite(cursor, model, entries):
    owner = f"{model.search_owner}_id"
    table = model._meta.db_table
    for object_id, language, parts in entries:
        cursor.execute(
            f"INSERT INTO {table} ({owner}, language, document) VALUES (%s, %s, '') "
            f"ON CONFLICT ({owner}, language) DO NOTHING",
            [object_id, language],
        )
        cursor.execute(
            f"SELECT id FROM {table} WHERE {owner} = %s AND language = %s", [object_id, language]
        )
        (row_id,) = cursor.fetchone()
        texts = [sqlite_text(parts.get(part, ""), language) for part in PARTS]
        cursor.execute(
            f"INSERT OR REPLACE INTO {words_table(model)} (rowid, {', '.join(PARTS)}) "
            "VALUES (%s, %s, %s, %s, %s)",
            [row_id, *texts],
        )


def create_words_table(table):
    """A migration operation: on SQLite, the FTS5 words table for `table`, whose rows go
    when the document's row goes, however it is deleted."""
    from django.db import migrations

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            schema_editor.execute(
                f"CREATE VIRTUAL TABLE {table}_words USING fts5({', '.join(PARTS)}, "
                "tokenize='porter unicode61 remove_diacritics 2')"
            )
            schema_editor.execute(
                f"CREATE TRIGGER {table}_words_delete AFTER DELETE ON {table} "
                f"BEGIN DELETE FROM {table}_words WHERE rowid = old.id; END"
            )

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            schema_editor.execute(f"DROP TRIGGER {table}_words_delete")
            schema_editor.execute(f"DROP TABLE {table}_words")

    return migrations.RunPython(forwards, backwards)
