"""The Python daemon of a Spark executor, with dyad's Coder loaded before it forks any worker.

Spark starts one daemon per executor (`spark.python.daemon.module`), which forks a Python worker
per task slot. Loading the model and knowledge base here, before the forks, means one load per
executor instead of one per worker, and the workers share its pages (copy-on-write). The KB extra
rows come from the environment (`spark.executorEnv.DYAD_KB_EXTRA`); a worker asked for another
KB loads its own (`worker_coder` is keyed by it). Nothing may be printed: stdout carries the port.
"""

from __future__ import annotations

import os

if __name__ == "__main__":
    from pyspark import daemon

    from dyad.scale.job import worker_coder

    worker_coder(os.environ.get("DYAD_KB_EXTRA") or None)
    daemon.manager()
