"""The Spark job: inputs → Articles → one `Coder` per worker process → Parquet tables like the DuckDB ones.

    raw items ─► articles_of (executors) ─► first copy of each text and id kept (two shuffles)
      ─► code_partition: batches through the worker's Coder and a Store in memory ─► (table, row)
      ─► persisted, then written as OUT/<table>/part-*.parquet for each of the six tables

The model and the knowledge base are loaded once per Python worker process (`worker_coder`,
cached in the module; Spark reuses its Python workers between tasks), never per row or per task.
An input that cannot be read and an article that cannot be coded are rows of the failures table.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import cache
from itertools import islice

from dyad.errors import EngineError
from dyad.records import Article, Failure, Notice, article_id
from dyad.scale.inputs import articles_of, expand, raw_items
from dyad.scale.tables import TABLES, rows_of, spark_schema

LOCAL = "local[2]"


@dataclass(frozen=True)
class Summary:
    """What one run did: items read, articles kept and coded, and rows written per table."""

    read: int  # articles read (before dropping copies)
    duplicates: int  # articles whose text or id an earlier one has: not coded
    notices: int  # inputs read with invalid UTF-8 replaced
    rows: dict  # table → rows written
    partitions: int
    coder_loads: int  # processes that loaded the model and knowledge base (one per executor: its daemon)


def session(master: str | None = None, memory: str = "1g", app: str = "dyad", kb_extra: str | None = None):
    """A SparkSession: the active one if there is one (spark-submit, a notebook), else a new one.

    `master` None means spark-submit's master, or local[2] when run on its own. A local session is
    bound to 127.0.0.1, runs no web UI and its Python workers are this interpreter. Each executor's
    Python daemon loads the Coder (with `kb_extra`) before it forks its workers (`dyad.scale.daemon`).
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise EngineError("dyad spark needs pyspark: pip install 'dyad[spark]'") from None
    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ  # started by spark-submit: its master and conf stand
    builder = (SparkSession.builder.appName(app).config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.python.daemon.module", "dyad.scale.daemon")
               .config("spark.executorEnv.DYAD_KB_EXTRA", kb_extra or ""))
    master = master or (None if submitted else LOCAL)
    if master:
        builder = builder.master(master)
    if master and master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = (builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                   .config("spark.driver.memory", memory).config("spark.sql.shuffle.partitions", "4")
                   .config("spark.python.worker.reuse", "true"))
    try:
        spark = builder.getOrCreate()
    except Exception as exc:  # py4j's "Java gateway process exited": no Java, or a Java Spark cannot run on
        if "JAVA_HOME" in str(exc) or "gateway" in str(exc).lower():
            raise EngineError("cannot start Spark: Java 17 or later is needed (apt-get install "
                              "openjdk-17-jre-headless, or `make system-deps`)") from None
        raise
    spark.sparkContext.setLogLevel("ERROR")
    return spark


@cache
def worker_coder(kb_extra: str | None):
    """The Coder of this worker process, loaded on first use (or by the daemon before the fork) and kept."""
    from dyad.coding.pipeline import Coder
    from dyad.kb.base import load_kb

    coder = Coder(kb=load_kb(extra=kb_extra))
    coder.loaded_by = os.getpid()  # which process paid for the load: the daemon, or this worker
    return coder


class _PidSet:
    """Accumulator of process ids (a set union)."""

    def zero(self, value):
        return set()

    def addInPlace(self, a, b):
        a |= b
        return a


def code_batch(coder, articles: list[Article], batch_size: int) -> list:
    """CodedArticles and Failures for a batch; an article that breaks the coder is a Failure, the rest are coded."""
    try:
        return list(coder.code_many(articles, batch_size=batch_size))
    except Exception:  # code_many lets some errors through and then stops: code one at a time to find the culprit
        out = []
        for article in articles:
            try:
                out.append(coder.code(article))
            except Exception as exc:
                out.append(Failure(input=article.id, stage="code", reason=f"{type(exc).__name__}: {exc}"))
        return out


def code_partition(items, batch_size: int, kb_extra: str | None, loads=None):
    """(table, row) for a partition of (seq, Article | Failure): batches through the worker's Coder.

    `loads` (an accumulator of a set) collects the ids of the processes that loaded the Coder.
    """
    from dyad.store.database import MEMORY, Store

    store = Store(MEMORY)
    try:
        records = (item for _, item in items)
        while batch := list(islice(records, batch_size)):
            articles = [a for a in batch if isinstance(a, Article)]
            done = [f for f in batch if isinstance(f, Failure)]
            if articles:
                coder = worker_coder(kb_extra)
                if loads is not None:
                    loads.add({coder.loaded_by})
                done += code_batch(coder, articles, batch_size)
            yield from list(rows_of(store, done))
    finally:
        store.close()


def _first(a, b):
    return a if a[0] <= b[0] else b


def run(spark, paths: list[str], out: str, *, meta: dict | None = None, batch_size: int = 64,
        partitions: int | None = None, kb_extra: str | None = None, force: bool = False) -> Summary:
    """Code every article under `paths` and write OUT/<table> Parquet tables; returns what was done.

    Refuses an existing `out` unless `force`. Raises InputError for a path that does not exist.
    """
    from pyspark import StorageLevel

    meta = meta or {"date_": None, "title": None, "url": None, "source": None}
    sc = spark.sparkContext
    _check_out(spark, out, force)
    inputs = expand(spark, paths)
    parts = partitions or 2 * sc.defaultParallelism
    read, notices, loads = sc.accumulator(0), sc.accumulator(0), sc.accumulator(set(), _PidSet())

    def parse(raws):
        for raw in raws:
            for seq, item in articles_of(raw, meta):
                if isinstance(item, Notice):
                    notices.add(1)
                    continue
                read.add(isinstance(item, Article))
                yield seq, item

    # The first copy of a text, then of an id, in input order, is what `dyad ingest` stores; failures
    # have keys of their own and pass through. One lineage, so reading happens once.
    keyed = raw_items(spark, inputs).mapPartitions(parse)
    kept = (keyed.map(lambda si: (_key(si, by_text=True), si)).reduceByKey(_first, parts).values()
            .map(lambda si: (_key(si, by_text=False), si)).reduceByKey(_first, parts).values())
    rows = kept.mapPartitions(lambda items: code_partition(items, batch_size, kb_extra, loads))
    rows = rows.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        for table in TABLES:
            frame = spark.createDataFrame(rows.filter(lambda r, t=table: r[0] == t).map(lambda r: r[1]),
                                          spark_schema(table))
            frame.write.mode("overwrite").parquet(f"{out.rstrip('/')}/{table}")
        counts = dict(rows.map(lambda r: r[0] if r[0] != "failures" else f"failures:{r[1][1]}").countByValue())
    finally:
        rows.unpersist()
    written = {t: sum(n for key, n in counts.items() if key.split(":")[0] == t) for t in TABLES}
    return Summary(read=read.value, duplicates=read.value - written["articles"] - counts.get("failures:code", 0),
                   notices=notices.value, rows=written, partitions=parts, coder_loads=len(loads.value))


def _key(seq_item: tuple, by_text: bool):
    seq, item = seq_item
    if isinstance(item, Failure):
        return ("failure", seq)
    return article_id(item.text) if by_text else item.id


def _check_out(spark, out: str, force: bool) -> None:
    sc = spark.sparkContext
    path = sc._jvm.org.apache.hadoop.fs.Path(out)
    fs = path.getFileSystem(sc._jsc.hadoopConfiguration())
    if fs.exists(path):
        if not force:
            raise EngineError(f"{out}: exists already; choose another --out or pass --force to replace it")
        fs.delete(path, True)
