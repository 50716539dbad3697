"""Serve: `dyad serve` — the HTTP API (/v1, OpenAPI) and the web dashboard over one DuckDB file.

`create_app(Settings(db=...))` gives the ASGI application; `run` serves it with uvicorn. Reads
open the file read-only for the length of one query, so `dyad ingest` may write meanwhile.
"""

from __future__ import annotations

from dyad.serve.app import Settings, create_app


def run(settings: Settings, host: str = "127.0.0.1", port: int = 8000, log_level: str = "warning") -> None:
    """Serve the app until interrupted (uvicorn, one process, a thread pool for requests)."""
    import uvicorn

    uvicorn.run(create_app(settings), host=host, port=port, log_level=log_level, server_header=False,
                timeout_graceful_shutdown=5)


__all__ = ["Settings", "create_app", "run"]
