"""Serve: the dashboard — HTML pages rendered from the same `Reader` the API uses.

Takes requests for /, /events, /articles/{id}, /actors/{key}, /code and /docs; gives HTML from
Jinja2 templates with autoescaping on, so stored text always shows as text. Charts and the map
are drawn in the browser by static/app.js from /v1/stats or data embedded as JSON.
"""

from __future__ import annotations

import io
from importlib import resources
from urllib.parse import parse_qs, urlencode, urlparse

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from rich.console import Console

from dyad.errors import EngineError
from dyad.serve.queries import EventFilter, evidence_segments

router = APIRouter(include_in_schema=False)
_templates = Environment(loader=FileSystemLoader(str(resources.files("dyad.serve").joinpath("templates"))),
                         autoescape=select_autoescape(["html"], default=True), trim_blocks=True, lstrip_blocks=True)
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def safe_url(url: str | None) -> str | None:
    """The URL when it is http(s); anything else (javascript:, data:) is shown as text, never linked."""
    if not url:
        return None
    return url if urlparse(url.strip()).scheme.lower() in ("http", "https") else None


def actor_names(actors: list[dict]) -> str:
    return "; ".join(f"{a['entity_text']} [{a['code'] or '?'}]" for a in actors) or "?"


def event_label(event: dict) -> str:
    """What a highlighted evidence span says on hover: type, actors, modality, date."""
    dyad = actor_names(event["actor"]) + (f" → {actor_names(event['recipient'])}" if event["recipient"] else "")
    return f"{event['event']} · {dyad} · {event['modality']} · {event['date'] or 'no date'}"


_templates.globals.update(safe_url=safe_url, actor_names=actor_names, event_label=event_label, quad_names=QUAD_NAMES)


def render(request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
    engine = request.app.state.engine
    html = _templates.get_template(name).render(request=request, write=engine.settings.allow_write,
                                                path=request.url.path, **context)
    return HTMLResponse(html, status_code=status)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return render(request, "error.html", status=status, status_code=status, message=message)


@router.get("/favicon.ico")
def favicon():
    return Response(status_code=204)


@router.get("/", response_class=HTMLResponse)
def overview(request: Request):
    reader = request.app.state.engine.reader
    stats = reader.stats(top=10, places=0)
    return render(request, "overview.html", stats=stats, flags=reader.flags(limit=8))


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request):
    from dyad.ontology import load_ontology
    from dyad.serve.app import event_filter

    params = {k: v for k, v in request.query_params.items() if v != ""}
    names = ("actor", "recipient", "party", "type", "mode", "context", "modality", "since", "until", "place", "bbox",
             "article")
    quad = params.get("quad_class", "")
    f: EventFilter = event_filter(**{k: params.get(k) for k in names},
                                  quad_class=int(quad) if quad in ("1", "2", "3", "4") else None)
    cursor = params.get("cursor")
    rows, next_cursor = request.app.state.engine.reader.events(f, "-date", cursor, 100)
    next_link = "/events?" + urlencode({**{k: v for k, v in params.items() if k != "cursor"}, "cursor": next_cursor}) \
        if next_cursor else None
    ontology = load_ontology()
    return render(request, "events.html", rows=rows, params=params, next_link=next_link,
                  types=list(ontology.types), modalities=list(ontology.modalities), first_page=not cursor)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str):
    from dyad.serve.app import ApiError

    article = request.app.state.engine.reader.article(article_id)
    if article is None:
        raise ApiError(404, "not_found", f"article {article_id!r}: no such article")
    segments = evidence_segments(article["text"], article["events"])
    first_of = {}
    for i, (_, events) in enumerate(segments):
        for event in events:
            first_of.setdefault(event["id"], i)
    return render(request, "article.html", article=article, segments=segments, first_of=first_of)


@router.get("/actors/{key}", response_class=HTMLResponse)
def actor_page(request: Request, key: str):
    from dyad.serve.app import ApiError, _kb_roles

    engine = request.app.state.engine
    actor = engine.reader.actor(key)
    if actor is None:
        raise ApiError(404, "not_found", f"actor {key!r}: no stored event has this code or knowledge-base id")
    actor["roles"] = _kb_roles(engine, actor["persons"])
    side = EventFilter(party=key)
    recent, _ = engine.reader.events(side, "-date", None, 20)
    return render(request, "actor.html", actor=actor, recent=recent)


@router.get("/code", response_class=HTMLResponse)
def code_form(request: Request):
    return render(request, "code.html", form={}, brief=None, error=None)


@router.post("/code", response_class=HTMLResponse)
async def code_submit(request: Request):
    from starlette.concurrency import run_in_threadpool

    raw = (await request.body()).decode("utf-8", errors="replace")
    form = {k: v[0] for k, v in parse_qs(raw, keep_blank_values=True).items()}
    return await run_in_threadpool(_code_and_render, request, form)


def _code_and_render(request: Request, form: dict):
    from dyad.brief import render_brief
    from dyad.serve.app import ApiError, CodeRequest, check_write

    engine = request.app.state.engine
    store = form.get("store") == "yes"
    try:
        if store:  # the form's token, checked as the API checks its Authorization header
            check_write(engine.settings, f"Bearer {form.get('token', '')}")
        body = CodeRequest(text=form.get("text") or None, date=form.get("date") or None,
                           title=form.get("title") or None, source=form.get("source") or None)
        if not body.text or not body.text.strip():
            raise ApiError(400, "text_required", "paste the report's text first")
        coded = engine.code(body)
    except (ApiError, EngineError) as exc:
        message = exc.message if isinstance(exc, ApiError) else str(exc)
        status = exc.status if isinstance(exc, ApiError) else 400
        return render(request, "code.html", status=status, form=form, brief=None, error=message)
    console = Console(file=io.StringIO(), width=110, record=True, highlight=False, color_system=None)
    console.print(render_brief(coded))
    stored = engine.store(coded) if store else None
    return render(request, "code.html", form=form, brief=console.export_text(), coded=coded, stored=stored, error=None)


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request):
    """The API reference, from the OpenAPI document (/openapi.json); no script from elsewhere."""
    spec = request.app.openapi()
    operations = []
    for path, methods in spec["paths"].items():
        for method, op in methods.items():
            params = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                       "description": p.get("description") or p.get("schema", {}).get("description", ""),
                       "schema": _schema_text(p.get("schema", {}))} for p in op.get("parameters", [])]
            body = "CodeRequest (JSON)" if "requestBody" in op else None
            operations.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                               "description": op.get("description", ""), "params": params, "body": body})
    schemas = spec.get("components", {}).get("schemas", {})
    code_request = schemas.get("CodeRequest", {}).get("properties", {})
    return render(request, "docs.html", operations=operations, spec=spec,
                  body_fields=[(k, _schema_text(v), v.get("description", "")) for k, v in code_request.items()])


def _schema_text(schema: dict) -> str:
    if "enum" in schema:
        return " | ".join(map(str, schema["enum"]))
    if "anyOf" in schema:
        return " | ".join(_schema_text(s) for s in schema["anyOf"] if s.get("type") != "null") or "any"
    text = schema.get("type", "")
    if "default" in schema and schema["default"] is not None:
        text += f" = {schema['default']}"
    return text

