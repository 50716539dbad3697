"""Scale: the pipeline on Spark, and its tables back into DuckDB.

`inputs` turns paths (JSONL, Parquet, folders of reports) into an RDD of raw items and, on the
executors, raw items into `Article`s; `job` codes each partition with one `Coder` per worker
process and writes Parquet tables with the columns of the DuckDB tables (`tables`); `load` brings
such a folder into a DuckDB file, skipping what is stored already. Only `job` and `inputs` need
pyspark (the `dyad[spark]` extra); `load` needs DuckDB alone.
"""
