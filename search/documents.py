"""Search documents in the database, the same interface on both engines.

A model that keeps search documents has one row per object, whose primary key is the
object's, and a DocumentField per language: a column per language, so that each
language's words have their own statistics (PostgreSQL's planner reads how common a word
is per column: with both languages in one column, an Arabic word rare in Arabic looked
common, and the reverse). On PostgreSQL the field is the document itself, a weighted
tsvector with its own GIN index, read with the language's text search configuration
(`english`; `arabic` after search.text's normaliser). On SQLite the column only says
whether the object has a document in that language; the words live in an FTS5 table named
as its DocumentIndex, whose rowid is the object's id: porter stemming for English, the
registry's Snowball stemmer (run here, as PostgreSQL runs it) for the others.

A model keeps documents in every configured language by inheriting documents_in(…) and
listing a DocumentIndex per language in its Meta: a new language's column, GIN index or
words table then come with `makemigrations`.

Weights: the title and the names of its people (A), the summary (B), the body (C).
"""

import json
import time
from datetime import datetime

from django.db import connections, models
from django.db.backends.ddl_references import Statement, Table

from languages import registry

from .text import document_text, normalise, stems

PARTS = ("title", "names", "summary", "body")
POSTGRES_WEIGHTS = ("A", "A", "B", "C")
SQLITE_WEIGHTS = (10.0, 10.0, 4.0, 1.0)  # bm25's weight per column, in PARTS' order


def configuration(language):
    """PostgreSQL's text search configuration for `language` (languages.registry)."""
    return registry.get(language).search_configuration


class IndexColumn(models.Field):
    """A column only the index's writer fills: never in a form, and NULL until written.
    With a default instead, SQLite would build the table anew to add the column, losing
    the trigger that keeps its words tables in step."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("null", True)
        kwargs.setdefault("editable", False)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("null", None)
        kwargs.pop("editable", None)
        return name, path, args, kwargs


class DocumentField(IndexColumn):
    """A row's search document in `language` (NULL for none): a tsvector on PostgreSQL;
    on SQLite, a placeholder whose words are in the FTS5 table words_table(field)."""

    description = "Search document"

    def __init__(self, language, *args, **kwargs):
        self.language = language
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        return name, path, [self.language, *args], kwargs

    def db_type(self, connection):
        return "tsvector" if connection.vendor == "postgresql" else "text"


def documents_in(languages):
    """An abstract model with a DocumentField per language (`document_en`, …), for a model
    keeping search documents to inherit."""
    fields = {f"document_{code}": DocumentField(code) for code in languages}
    meta = type("Meta", (), {"abstract": True})
    return type(
        "SearchDocuments", (models.Model,), {"__module__": __name__, "Meta": meta, **fields}
    )


class DocumentIndex(models.Index):
    """Where a language's documents are searched: on PostgreSQL a GIN index of the
    document with the columns kept `beside` it; on SQLite the FTS5 table of its words
    (named as the index), and a trigger deleting a row's words with the row, however
    the row is deleted."""

    def __init__(self, *, language, name, beside=()):
        self.language, self.beside = language, tuple(beside)
        super().__init__(fields=[f"document_{language}", *self.beside], name=name)

    def deconstruct(self):
        path, _args, _kwargs = super().deconstruct()
        return path, (), {"language": self.language, "name": self.name, "beside": self.beside}

    def create_sql(self, model, schema_editor, using="", **kwargs):
        quote = schema_editor.quote_name
        table = Table(model._meta.db_table, quote)
        if schema_editor.connection.vendor == "postgresql":
            columns = ", ".join(quote(model._meta.get_field(name).column) for name in self.fields)
            return Statement(
                "CREATE INDEX %(name)s ON %(table)s USING gin (%(columns)s)",
                name=quote(self.name),
                table=table,
                columns=columns,
            )
        # Two statements on SQLite: the words table now (it may be there already, when
        # SQLite rebuilds the model's table), the trigger with the model's table.
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {quote(self.name)} USING fts5("
            f"{', '.join(PARTS)}, tokenize='porter unicode61 remove_diacritics 2')"
        )
        return Statement(
            "CREATE TRIGGER IF NOT EXISTS %(trigger)s AFTER DELETE ON %(table)s "
            "BEGIN DELETE FROM %(words)s WHERE rowid = old.%(key)s; END",
            trigger=quote(f"{self.name}_delete"),
            table=table,
            words=quote(self.name),
            key=quote(model._meta.pk.column),
        )

    def remove_sql(self, model, schema_editor, **kwargs):
        quote = schema_editor.quote_name
        if schema_editor.connection.vendor == "postgresql":
            return Statement("DROP INDEX IF EXISTS %(name)s", name=quote(self.name))
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {quote(f'{self.name}_delete')}")
        return Statement("DROP TABLE IF EXISTS %(words)s", words=quote(self.name))


class IdsField(IndexColumn):
    """Ids of the rows an object is filed under (a brief's topics, say), kept beside its
    documents so that a search narrowed to some of them is read from the words' own index
    (PostgreSQL: an integer array in the same GIN index); JSON text on SQLite."""

    description = "List of ids"

    def db_type(self, connection):
        return "integer[]" if connection.vendor == "postgresql" else "text"

    def get_db_prep_value(self, value, connection, prepared=False):
        if value is None:
            return None
        ids = _ids(value)
        return ids if connection.vendor == "postgresql" else json.dumps(ids)

    def from_db_value(self, value, expression, connection):
        if value is None or isinstance(value, list):
            return value
        return json.loads(value)


@IdsField.register_lookup
class Overlaps(models.Lookup):
    """`<ids>__overlaps=[…]`: the object is filed under at least one of them."""

    lookup_name = "overlaps"

    def get_db_prep_lookup(self, value, connection):
        return ("%s", [_ids(value)])

    def as_postgresql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} && {rhs}::integer[]", [*lhs_params, *rhs_params]

    def as_sqlite(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        ids = _ids(self.rhs)
        if not ids:
            return "0 = 1", []
        marks = ", ".join(["%s"] * len(ids))
        sql = f"EXISTS (SELECT 1 FROM json_each({lhs}) WHERE json_each.value IN ({marks}))"
        return sql, [*lhs_params, *ids]


def _ids(values):
    return sorted({int(pk) for pk in values})


def document_field(model, language):
    """`model`'s DocumentField for `language`."""
    for field in model._meta.concrete_fields:
        if isinstance(field, DocumentField) and field.language == language:
            return field
    raise LookupError(f"{model._meta.label} keeps no search document in {language!r}")


def words_table(field):
    """The SQLite words table of a DocumentField: its DocumentIndex's name."""
    for index in field.model._meta.indexes:
        if isinstance(index, DocumentIndex) and index.language == field.language:
            return index.name
    raise LookupError(f"{field.model._meta.label} has no DocumentIndex in {field.language!r}")


def _row_id(compiler, column):
    alias = compiler.quote_name_unless_alias(column.alias)
    return f'{alias}."{column.target.model._meta.pk.column}"'


@DocumentField.register_lookup
class Matches(models.Lookup):
    """`document_<language>__matches=query`: the document holds every word of `query` (a
    search.query.SearchQuery in that language), or one of each word's other spellings."""

    lookup_name = "matches"

    def get_db_prep_lookup(self, value, connection):
        return ("%s", [match_expression(value, connection)])

    def as_postgresql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        config = configuration(self.lhs.target.language)
        return f"{lhs} @@ to_tsquery('{config}', {rhs})", [*lhs_params, *rhs_params]

    def as_sqlite(self, compiler, connection):
        rhs, rhs_params = self.process_rhs(compiler, connection)
        table = words_table(self.lhs.target)
        row_id = _row_id(compiler, self.lhs)
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
        table = words_table(column.target)
        weights = ", ".join(str(weight) for weight in SQLITE_WEIGHTS)
        sql = (
            f"(SELECT -bm25({table}, {weights}) FROM {table} "
            f"WHERE {table} MATCH %s AND {table}.rowid = {_row_id(compiler, column)})"
        )
        return sql, [match_expression(self.query, connection)]


# The planner's estimates change only when its statistics do (ANALYZE, which autovacuum
# runs after many writes): those asked for again and again can be remembered a while.
ESTIMATE_SECONDS = 120
_estimates = {}


def estimated_count(queryset, remember=False):
    """How many rows PostgreSQL's statistics say `queryset` holds, without reading them;
    None on other engines. With a document's words, this is how many documents its
    statistics say hold them (search.documents keeps each language's apart). Remembered
    in the process for ESTIMATE_SECONDS if `remember`."""
    if connections[queryset.db].vendor != "postgresql":
        return None
    if not remember:
        return _estimate(queryset)
    sql, params = queryset.query.sql_with_params()
    # "Published by now" is the same question all minute long.
    key = (queryset.db, sql, tuple(_comparable(value) for value in params))
    now = time.monotonic()
    remembered = _estimates.get(key)
    if remembered and now - remembered[1] < ESTIMATE_SECONDS:
        return remembered[0]
    if len(_estimates) >= 1000:
        _estimates.clear()
    count = _estimate(queryset)
    _estimates[key] = (count, now)
    return count


def _estimate(queryset):
    (plan,) = json.loads(queryset.explain(format="json"))
    return plan["Plan"]["Plan Rows"]


def forget_estimates():
    _estimates.clear()


def _comparable(value):
    if isinstance(value, datetime):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, list):
        return tuple(value)
    return value


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
    """Text as the SQLite words table holds it: English normalised, for FTS5's porter
    tokenizer to stem; other languages as their Snowball stems, or their whole words."""
    if registry.get(language).stemmer == "english":
        return normalise(text, language)
    return " ".join(stems(text, language))


def write(model, rows, languages, using="default"):
    """Bring the documents in `languages` of the objects in `rows` into line: each row is
    (object id, {language: {part: text}, or None for no document}, {field name: value}
    for the fields kept beside the documents). One statement writes each row whole, so
    that its indexes are written once; a row left with no document is deleted."""
    connection = connections[using]
    meta = model._meta
    fields = [document_field(model, language) for language in languages]
    objects = model.objects.using(using).filter(pk__in=[object_id for object_id, *_ in rows])
    # Rows with no document left are not written: their object may be gone.
    written = [row for row in rows if any(row[1].get(language) for language in languages)]
    objects.exclude(pk__in=[object_id for object_id, *_ in written]).update(
        **{field.name: None for field in fields}
    )
    postgresql = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        if written:
            cursor.executemany(*_upsert(connection, meta, fields, written))
        if not postgresql:
            for field in fields:
                _write_sqlite_words(cursor, field, rows)
    objects.filter(
        **{f.name: None for f in meta.concrete_fields if isinstance(f, DocumentField)}
    ).delete()


def _upsert(connection, meta, fields, rows):
    """The statement writing `rows` whole, and its parameters."""
    postgresql = connection.vendor == "postgresql"
    kept = [meta.get_field(name) for name in rows[0][2]]
    columns = [meta.pk.column, *(f.column for f in fields), *(f.column for f in kept)]
    values = ["%s", *(_document_sql(f) if postgresql else "%s" for f in fields)]
    values += ["%s"] * len(kept)
    updates = ", ".join(f"{column} = EXCLUDED.{column}" for column in columns[1:])
    params = []
    for object_id, documents, kept_values in rows:
        row = [object_id]
        for field in fields:
            parts = documents.get(field.language)
            if postgresql:  # NULL text makes a NULL document
                row += [_text(parts, part, field.language, _postgres_text) for part in PARTS]
            else:  # the row says whether there is one; the words table holds its words
                row.append(None if parts is None else "")
        row += [f.get_db_prep_save(kept_values[f.name], connection) for f in kept]
        params.append(row)
    sql = (
        f"INSERT INTO {meta.db_table} ({', '.join(columns)}) VALUES ({', '.join(values)}) "
        f"ON CONFLICT ({meta.pk.column}) DO UPDATE SET {updates}"
    )
    return sql, params


def _postgres_text(text, language):
    return normalise(document_text(text, language), language)


def _sqlite_document(text, language):
    return sqlite_text(document_text(text, language), language)


def _text(parts, part, language, spelling):
    return None if parts is None else spelling(parts.get(part, ""), language)


def _document_sql(field):
    config = configuration(field.language)
    return " || ".join(
        f"setweight(to_tsvector('{config}', %s), '{weight}')" for weight in POSTGRES_WEIGHTS
    )


def _write_sqlite_words(cursor, field, rows):
    table = words_table(field)
    written = [(object_id, documents.get(field.language)) for object_id, documents, _ in rows]
    cursor.executemany(
        f"INSERT OR REPLACE INTO {table} (rowid, {', '.join(PARTS)}) VALUES (%s, %s, %s, %s, %s)",
        [
            [object_id, *(_text(parts, part, field.language, _sqlite_document) for part in PARTS)]
            for object_id, parts in written
            if parts is not None
        ],
    )
    cursor.executemany(
        f"DELETE FROM {table} WHERE rowid = %s",
        [[object_id] for object_id, parts in written if parts is None],
    )


def create_words_tables(table, key, columns):
    """A migration operation: on SQLite, an FTS5 words table for each of `table`'s document
    `columns`, whose rows go when the row keyed `key` goes, however it is deleted."""
    from django.db import migrations

    words = [f"{table}_{column}_words" for column in columns]

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor != "sqlite":
            return
        for name in words:
            schema_editor.execute(
                f"CREATE VIRTUAL TABLE {name} USING fts5({', '.join(PARTS)}, "
                "tokenize='porter unicode61 remove_diacritics 2')"
            )
        deletes = " ".join(f"DELETE FROM {name} WHERE rowid = old.{key};" for name in words)
        schema_editor.execute(
            f"CREATE TRIGGER {table}_words_delete AFTER DELETE ON {table} BEGIN {deletes} END"
        )

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor != "sqlite":
            return
        schema_editor.execute(f"DROP TRIGGER {table}_words_delete")
        for name in words:
            schema_editor.execute(f"DROP TABLE {name}")

    return migrations.RunPython(forwards, backwards)
