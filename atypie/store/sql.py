"""Small SQL helpers that differ between SQLite and PostgreSQL."""
from __future__ import annotations

from sqlalchemy import Connection, Table, literal_column


def insert_ignore(conn: Connection, table: Table, **values) -> bool:
    """INSERT … ON CONFLICT DO NOTHING, for either dialect; whether the row was inserted."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    inserted = insert(table).values(**values).on_conflict_do_nothing().returning(literal_column("1"))
    return conn.execute(inserted).first() is not None  # rowcount: -1 with psycopg here
