"""Tables: the DuckDB tables' columns as Spark schemas, and coded records as their rows.

The rows are made by the store itself: a partition writes its records into a `Store` in memory
(the same schema, the same insert code as `dyad ingest`) and reads the rows back out. So the
Parquet tables have exactly the columns and values the DuckDB file would, and a column added to
the store comes along without a change here.
"""

from __future__ import annotations

from collections.abc import Iterator

from dyad.errors import EngineError
from dyad.records import CodedArticle, Failure
from dyad.store.database import MEMORY, Store

TABLES = ("articles", "events", "actors", "quotes", "flags", "failures")


def columns() -> dict[str, list[tuple[str, str]]]:
    """(name, DuckDB type) of every column of every table, in table order."""
    store = Store(MEMORY)
    try:
        return {table: [(row[0], row[1]) for row in store.con.execute(f"DESCRIBE {table}").fetchall()]
                for table in TABLES}
    finally:
        store.close()


def spark_schema(table: str):
    """The Spark schema of a table: VARCHAR → string, VARCHAR[] → array<string>, JSON → string, TIMESTAMP → timestamp_ntz, ..."""
    from pyspark.sql import types as T

    simple = {"VARCHAR": T.StringType(), "JSON": T.StringType(), "INTEGER": T.IntegerType(),
              "BIGINT": T.LongType(), "DOUBLE": T.DoubleType(), "FLOAT": T.FloatType(), "BOOLEAN": T.BooleanType(),
              "DATE": T.DateType(), "TIMESTAMP": T.TimestampNTZType()}

    def spark_type(duck: str):
        if duck.endswith("[]"):
            return T.ArrayType(spark_type(duck[:-2]))
        if duck not in simple:
            raise EngineError(f"table {table}: column type {duck} has no Spark type in dyad.scale.tables")
        return simple[duck]

    return T.StructType([T.StructField(name, spark_type(duck), True) for name, duck in columns()[table]])


def rows_of(store: Store, batch: list[CodedArticle | Failure]) -> Iterator[tuple[str, tuple]]:
    """(table, row) for every row the records make, through `store` (in memory), which is left empty."""
    store.write(batch)
    con = store.con
    for table in TABLES:
        for row in con.execute(f"SELECT * FROM {table}").fetchall():
            yield table, row
        con.execute(f"DELETE FROM {table}")
