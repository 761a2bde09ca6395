"""Many rows at once, for generated data: COPY on PostgreSQL, bulk_create elsewhere.

Rows are tuples of column values (attnames: ``plan_id``), not model instances: making a
model instance per row cost more than writing it. A field a row leaves out gets what a model
instance would get: its default, and "now" for ``auto_now``/``auto_now_add``. Nothing is
switched off: constraints and indexes are kept as for any insert, and foreign keys too, or
checked once for all the rows at the end (``foreign_keys_checked_at_end``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from django.db import connection, models
from django.utils import timezone

BATCH = 5000


def ids_reserve(model: type[models.Model], count: int) -> list[int]:
    """``count`` primary keys for new rows of ``model``, taken from its sequence, so that
    rows can refer to each other before they are written."""
    if count <= 0:
        return []
    table, pk = model._meta.db_table, model._meta.pk.column
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [table, pk, count],
            )
            return [row[0] for row in cursor.fetchall()]
        # SQLite: the keys after the largest (a generated database has one writer).
        cursor.execute(f'SELECT COALESCE(MAX("{pk}"), 0) FROM "{table}"')
        first = cursor.fetchone()[0] + 1
    return list(range(first, first + count))


def rows_insert(
    model: type[models.Model], columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> int:
    """Insert ``rows`` (values of ``columns``, the primary key among them); how many."""
    fields = {f.attname: f for f in model._meta.concrete_fields}
    given = [fields[c] for c in columns]
    if connection.vendor != "postgresql":
        return _bulk_create(model, columns, rows)
    now = timezone.now()
    rest = [f for name, f in fields.items() if name not in columns]
    defaults = tuple(f.get_db_prep_save(_default(f, now), connection) for f in rest)
    # JSON columns need the database's adapter; the other values go as they are.
    json_at = [i for i, f in enumerate(given) if isinstance(f, models.JSONField)]
    names = ", ".join(f'"{f.column}"' for f in [*given, *rest])
    count = 0
    with connection.cursor() as cursor:
        sql = f'COPY "{model._meta.db_table}" ({names}) FROM STDIN'
        with cursor.copy(sql) as copy:
            for row in rows:
                if json_at:
                    row = list(row)
                    for i in json_at:
                        row[i] = given[i].get_db_prep_save(row[i], connection)
                copy.write_row((*row, *defaults))
                count += 1
    return count


@contextlib.contextmanager
def foreign_keys_checked_at_end(filled: Iterable[type[models.Model]]) -> Iterator[None]:
    """Inside a transaction, the foreign keys of the ``filled`` tables are dropped, and added
    back at the end: adding one checks every row in one pass, as pg_restore does, where a
    kept one looks its key up row by row. The same constraints, checked before the commit;
    an error inside rolls the dropping back with the rest. Elsewhere than PostgreSQL, nothing.
    """
    if connection.vendor != "postgresql":
        yield
        return
    assert connection.in_atomic_block, "only inside a transaction"
    tables = [m._meta.db_table for m in filled]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE contype = 'f' AND conrelid = ANY(%s::regclass[])",
            [tables],
        )
        keys = cursor.fetchall()
        # Checks still pending from earlier writes of the transaction are made now (a table
        # with pending checks cannot be altered); the keys are deferred again after.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        for table, name, _ in keys:
            cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    yield
    with connection.cursor() as cursor:
        for table, name, definition in keys:
            cursor.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')


def _default(field: models.Field, now: Any) -> Any:
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return now if isinstance(field, models.DateTimeField) else timezone.localdate(now)
    return field.get_default()


def _bulk_create(model: type[models.Model], columns: Sequence[str], rows: Iterable) -> int:
    objects = [model(**dict(zip(columns, row, strict=True))) for row in rows]
    model.objects.bulk_create(objects, batch_size=BATCH)
    return len(objects)
