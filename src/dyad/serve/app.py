"""Serve: the FastAPI application — the HTTP API under /v1 and the dashboard pages, on one store.

Takes `Settings` (database, write switch, token, body limit); gives an ASGI app. Routes check
their arguments and call the library (`Reader` for reads, `Coder` and `Store` for coding and
storing); errors leave as `{"error": {"code", "message"}}` with their status, never a traceback.
"""

from __future__ import annotations

import hmac
import json
import logging
import threading
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Literal, Optional

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from dyad.errors import EngineError, InputError, StoreError
from dyad.records import CodedArticle, Failure, coded_to_dict
from dyad.serve.queries import EventFilter, Reader

log = logging.getLogger("dyad.serve")
FLAG_KINDS = ("role_conflict", "stale_title", "premature_title", "unverified_role", "contradiction", "date_anomaly",
              "unverified_claim")
MAX_PAGE = 1000
MAX_DOWNLOAD = 100_000


@dataclass(frozen=True)
class Settings:
    db: Path
    allow_write: bool = False
    token: str | None = None  # DYAD_API_TOKEN; required when allow_write
    max_body: int = 1_000_000  # bytes of a request body
    wait: float = 10.0  # seconds to wait for a database another process is writing to
    kb_extra: Path | None = None


class ApiError(Exception):
    """An error the API answers with: HTTP status, a stable code, a message saying what to do."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def error_body(code: str, message: str) -> dict:
    return {"error": {"code": code, "message": message}}


class Engine:
    """What the routes share: the reader, and the coder and knowledge base, loaded on first use."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.reader = Reader(settings.db, settings.wait)
        self._loading = threading.Lock()
        self._coding = threading.Lock()
        self._kb = None
        self._coder = None

    def kb(self):
        with self._loading:
            if self._kb is None:
                from dyad.kb.base import load_kb

                extra = self.settings.kb_extra
                self._kb = load_kb(extra=str(extra) if extra else None)
            return self._kb

    def coder(self):
        kb = self.kb()
        with self._loading:
            if self._coder is None:
                from dyad.coding.pipeline import Coder

                self._coder = Coder(kb=kb)
            return self._coder

    def code(self, body: "CodeRequest") -> CodedArticle:
        """Code one report (text now; a URL once dyad.sources can fetch pages)."""
        from dyad.sources.files import make_article, parse_date

        if body.text is None:
            # URL fetching goes here: when dyad.sources can fetch a page, build the Article from body.url.
            raise ApiError(400, "text_required", "give the report's text in \"text\"; fetching a URL is not supported "
                                                 "yet (\"url\" is only recorded as the report's address)")
        article = make_article(body.text, id=body.id, date_=parse_date(body.date, "date") if body.date else None,
                               title=body.title, url=body.url, source=body.source, where="request body")
        coder = self.coder()
        with self._coding:  # one spaCy pipeline: one article at a time
            [coded] = list(coder.code_many([article]))
        if isinstance(coded, Failure):
            raise ApiError(422, "coding_failed", f"{coded.input}: {coded.reason}")
        return coded

    def store(self, coded: CodedArticle) -> dict:
        from dyad.store.database import Store

        with self.reader.file.exclusive():
            store = Store(self.settings.db, wait=self.settings.wait)
            written = store.write([coded])
        return {"stored": written.stored, "skipped": written.skipped,
                "duplicate_of": written.duplicates[0][1] if written.duplicates else None}


class CodeRequest(BaseModel):
    """A report to code: its text, and what `dyad code` takes as --date, --title, --url, --source."""

    model_config = ConfigDict(extra="forbid")
    text: Optional[str] = Field(None, description="The report's text.")
    date: Optional[str] = Field(None, description="Publication date, YYYY-MM-DD.")
    title: Optional[str] = None
    url: Optional[str] = Field(None, description="The report's address (recorded; not fetched).")
    source: Optional[str] = None
    id: Optional[str] = Field(None, description="Your id for the article; else a content hash.")


def _iso_date(value: Optional[str], name: str) -> Optional[date]:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ApiError(400, "bad_date", f"{name} {value!r} is not an ISO date (YYYY-MM-DD)") from None


def _bbox(value: Optional[str]) -> Optional[tuple[float, float, float, float]]:
    if not value:
        return None
    try:
        parts = tuple(float(v) for v in value.split(","))
    except ValueError:
        parts = ()
    if len(parts) != 4 or not (-180 <= parts[0] <= parts[2] <= 180 and -90 <= parts[1] <= parts[3] <= 90):
        raise ApiError(400, "bad_bbox", f"bbox {value!r}: give min_lon,min_lat,max_lon,max_lat in degrees, "
                                        "e.g. 120,30,135,45")
    return parts  # type: ignore[return-value]


def event_filter(actor: Optional[str] = Query(None, description="Actor side: code (KOR), KB id (person:...) or part of a name."),
                 recipient: Optional[str] = Query(None, description="Recipient side, as for actor."),
                 party: Optional[str] = Query(None, description="Either side (what `dyad events --actor` matches)."),
                 type: Optional[str] = Query(None, description="PLOVER event type, e.g. ASSAULT."),
                 mode: Optional[str] = Query(None, description="PLOVER mode, e.g. protest-demo."),
                 context: Optional[str] = Query(None, description="PLOVER context, e.g. military."),
                 modality: Optional[str] = Query(None, description="asserted, hedged, future, hypothetical, negated, historical."),
                 since: Optional[str] = Query(None, description="Earliest event date, YYYY-MM-DD."),
                 until: Optional[str] = Query(None, description="Latest event date, YYYY-MM-DD."),
                 place: Optional[str] = Query(None, description="Part of a place name, or an ISO3 country code."),
                 bbox: Optional[str] = Query(None, description="min_lon,min_lat,max_lon,max_lat."),
                 article: Optional[str] = Query(None, description="Events of one article id."),
                 quad_class: Optional[int] = Query(None, ge=1, le=4, description="GDELT QuadClass 1-4."),
                 duplicates: bool = Query(False, description="Also events of near-duplicate articles "
                                                             "(syndicated copies; left out as in `dyad events`).")) -> EventFilter:
    from dyad.ontology import load_ontology

    ontology = load_ontology()
    if type and type.upper() not in ontology.types:
        raise ApiError(400, "bad_type", f"type {type!r} is not a PLOVER type ({', '.join(ontology.types)})")
    if modality and modality.lower() not in ontology.modalities:
        raise ApiError(400, "bad_modality", f"modality {modality!r} is not one of {', '.join(ontology.modalities)}")
    return EventFilter(actor=actor or None, recipient=recipient or None, party=party or None,
                       type=type.upper() if type else None, mode=mode or None, context=context or None,
                       modality=modality.lower() if modality else None, since=_iso_date(since, "since"),
                       until=_iso_date(until, "until"), place=place or None, bbox=_bbox(bbox),
                       article=article or None, quad_class=quad_class, duplicates=duplicates)


def _json(body: dict) -> Response:
    """JSON of plain dicts, serialised directly (FastAPI's generic encoder costs ~50 ms per 100 events)."""
    return Response(json.dumps(body, ensure_ascii=False, separators=(",", ":")), media_type="application/json")


def _engine(request: Request) -> Engine:
    return request.app.state.engine


def check_write(settings: Settings, authorization: str) -> None:
    """403 while the server runs without --allow-write; 401 unless `authorization` is 'Bearer <the token>'."""
    if not settings.allow_write:
        raise ApiError(403, "write_disabled", "this server is read-only; start it with `dyad serve --allow-write` "
                                              "and DYAD_API_TOKEN set to code into the database")
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip() or not settings.token or \
            not hmac.compare_digest(token.strip().encode(), settings.token.encode()):
        raise ApiError(401, "unauthorized", "give the token the server was started with (DYAD_API_TOKEN) as "
                                            "'Authorization: Bearer TOKEN'")


def require_write(request: Request) -> None:
    """The write endpoints' guard (see `check_write`)."""
    check_write(request.app.state.engine.settings, request.headers.get("authorization", ""))


v1 = APIRouter(prefix="/v1")


@v1.get("/events", summary="Events, filtered, a page at a time",
        description="A page of events (newest first by default). Pass `cursor` from `next_cursor` for the next page. "
                    "`format=csv` or `parquet` downloads the page as a file (limit up to 100,000).")
def list_events(request: Request, f: EventFilter = Depends(event_filter),
                limit: int = Query(100, ge=1, le=MAX_DOWNLOAD), cursor: Optional[str] = None,
                sort: Literal["-date", "date", "-event_scale", "event_scale"] = "-date",
                format: Literal["json", "csv", "parquet"] = "json"):
    if format == "json" and limit > MAX_PAGE:
        raise ApiError(400, "limit_too_large", f"limit {limit}: at most {MAX_PAGE} per JSON page "
                                               "(use format=csv or parquet for up to 100,000)")
    reader = _engine(request).reader
    events, next_cursor = reader.events(f, sort, cursor, limit)
    headers = {"X-Next-Cursor": next_cursor} if next_cursor else {}
    if format == "csv":
        return Response(reader.events_csv(events), media_type="text/csv; charset=utf-8",
                        headers={**headers, "Content-Disposition": 'attachment; filename="events.csv"'})
    if format == "parquet":
        return Response(reader.events_parquet(events), media_type="application/vnd.apache.parquet",
                        headers={**headers, "Content-Disposition": 'attachment; filename="events.parquet"'})
    response = _json({"events": events, "count": len(events), "next_cursor": next_cursor, "sort": sort})
    response.headers.update(headers)
    return response


@v1.get("/events/{event_id}", summary="One event with its evidence (sentence, offsets, article id, URL)")
def get_event(request: Request, event_id: str):
    event = _engine(request).reader.event(event_id)
    if event is None:
        raise ApiError(404, "not_found", f"event {event_id!r}: no such event")
    return _json(event)


@v1.get("/articles/{article_id}", summary="An article: metadata, text, events with evidence spans, quotes, flags")
def get_article(request: Request, article_id: str):
    article = _engine(request).reader.article(article_id)
    if article is None:
        raise ApiError(404, "not_found", f"article {article_id!r}: no such article")
    return _json(article)


@v1.get("/actors", summary="Actors by mentions, resolved and unresolved")
def list_actors(request: Request, resolved: Optional[bool] = Query(None, description="true: only resolved; "
                                                                                     "false: only unresolved."),
                limit: int = Query(50, ge=1, le=MAX_PAGE), offset: int = Query(0, ge=0)):
    return _json(_engine(request).reader.actors(resolved, limit, offset))


@v1.get("/actors/{key}", summary="An actor by code or KB id: events over time, partners, offices on their dates")
def get_actor(request: Request, key: str):
    engine = _engine(request)
    actor = engine.reader.actor(key)
    if actor is None:
        raise ApiError(404, "not_found", f"actor {key!r}: no stored event has this code or knowledge-base id")
    actor["roles"] = _kb_roles(engine, actor["persons"])
    return _json(actor)


def _kb_roles(engine: Engine, person_ids: list[str]) -> list[dict]:
    """Each person's offices from the knowledge base, with their dates."""
    if not person_ids:
        return []
    kb = engine.kb()
    out = []
    for entity_id in person_ids:
        person = kb.persons.get(entity_id.split(":", 1)[1])
        if person is None:
            continue
        for tenure in kb.by_person.get(person.id, []):
            office = kb.offices.get(tenure.office_id)
            out.append({"person": person.name, "kb_id": entity_id, "office": office.label if office else tenure.office_id,
                        "office_id": tenure.office_id, "start": tenure.start.isoformat() if tenure.start else None,
                        "end": tenure.end.isoformat() if tenure.end else None, "acting": tenure.acting,
                        "source": tenure.source})
    return out


@v1.get("/flags", summary="What does not add up: stored flags, newest article first")
def list_flags(request: Request, kind: Optional[str] = None, severity: Optional[Literal["high", "medium", "low"]] = None,
               since: Optional[str] = None, limit: int = Query(100, ge=1, le=MAX_PAGE), offset: int = Query(0, ge=0)):
    if kind and kind not in FLAG_KINDS:
        raise ApiError(400, "bad_kind", f"kind {kind!r} is not one of {', '.join(FLAG_KINDS)}")
    return _json({"flags": _engine(request).reader.flags(kind, severity, _iso_date(since, "since"), limit, offset)})


@v1.get("/kb/holder", summary="Who held an office on a date (dyad kb holder)")
def kb_holder(request: Request, office: str, of: str, on: str):
    from dyad.kb.lookup import holders_of

    day = _iso_date(on, "on")
    try:
        return holders_of(_engine(request).kb(), office, of, day)
    except InputError as exc:
        raise ApiError(404, "not_found", str(exc).replace("--of ", "of ")) from None


@v1.get("/kb/lookup", summary="What a name refers to, its aliases and roles with dates (dyad kb lookup)")
def kb_lookup(request: Request, name: str, on: Optional[str] = None):
    from dyad.kb.lookup import lookup

    rows = lookup(_engine(request).kb(), name, _iso_date(on, "on"))
    if not rows:
        raise ApiError(404, "not_found", f"{name!r}: not in the knowledge base")
    return {"entities": rows}


@v1.get("/stats", summary="Counts, events per day by QuadClass and type, top dyads, event places")
def get_stats(request: Request):
    return _json(_engine(request).reader.stats())


@v1.post("/code", summary="Code a report and return what `dyad code --json` prints (nothing stored)",
         dependencies=[Depends(require_write)])
def post_code(request: Request, body: CodeRequest):
    return coded_to_dict(_engine(request).code(body))


@v1.post("/ingest", summary="Code a report and store it (like `dyad ingest`)", dependencies=[Depends(require_write)])
def post_ingest(request: Request, body: CodeRequest):
    engine = _engine(request)
    coded = engine.code(body)
    return {**engine.store(coded), "article": coded_to_dict(coded)}


class BodyLimit:
    """ASGI middleware: a request body over `limit` bytes gets 413 before any route reads it."""

    def __init__(self, app, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            return await self._too_large(send)
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            more = message.get("more_body", False)
            if size > self.limit:
                return await self._too_large(send)
        body, replayed = b"".join(chunks), False

        async def replay():
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        return await self.app(scope, replay, send)

    async def _too_large(self, send):
        payload = json.dumps(error_body("body_too_large", f"request body over the limit of {self.limit:,} bytes; "
                                                          "send a shorter report (split long ones)")).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": payload})


SECURITY_HEADERS = {
    # the dashboard runs only its own script files: a stored <script> or onerror= cannot run
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def _wants_html(request: Request) -> bool:
    path = request.url.path
    return not (path.startswith("/v1") or path in ("/healthz", "/openapi.json")) and \
        "text/html" in request.headers.get("accept", "")


def create_app(settings: Settings) -> FastAPI:
    """The application: API under /v1, /healthz, OpenAPI at /docs, dashboard at /."""
    from dyad.serve import pages

    app = FastAPI(title="dyad", version=_version(), docs_url=None, redoc_url=None,
                  description="News reports into PLOVER event data, with the evidence for every record. "
                              "Read endpoints are open; POST /v1/code and /v1/ingest need `dyad serve --allow-write` "
                              "and 'Authorization: Bearer $DYAD_API_TOKEN'.")
    app.state.engine = Engine(settings)

    def answer(request: Request, status: int, code: str, message: str) -> Response:
        if _wants_html(request):
            return pages.error_page(request, status, message)
        return JSONResponse(error_body(code, message), status_code=status)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return answer(request, exc.status, exc.code, exc.message)

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, exc: StoreError):
        return answer(request, 503, "store_unavailable", str(exc))

    @app.exception_handler(EngineError)
    async def _engine_error(request: Request, exc: EngineError):
        return answer(request, 400, "bad_input", str(exc))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        problems = []
        for error in exc.errors():
            where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("body", "query", "path"))
            problems.append(f"{where or 'request'}: {error.get('msg', 'invalid')}")
        return answer(request, 422, "invalid_request", "; ".join(problems))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        message = {404: f"{request.url.path}: no such page or endpoint", 405: f"{request.method} is not allowed on "
                   f"{request.url.path}"}.get(exc.status_code, str(exc.detail))
        return answer(request, exc.status_code, {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code,
                                                                                                  "http_error"), message)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return answer(request, 500, "internal", "internal error; the server log has the details")

    @app.middleware("http")
    async def _headers(request: Request, call_next):
        response = await call_next(request)
        for key, value in SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        return response

    @app.get("/healthz", summary="Liveness: the database can be read")
    def healthz(request: Request):
        return {"status": "ok", "events": _engine(request).reader.healthy(),
                "write": settings.allow_write}

    app.include_router(v1)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(resources.files("dyad.serve").joinpath("static"))), name="static")
    app.add_middleware(BodyLimit, limit=settings.max_body)
    return app


def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version("dyad")
    except metadata.PackageNotFoundError:
        return "0"

