"""The readable brief of a coded article, for the terminal (rich).

Takes a `CodedArticle`; gives a rich renderable: the events with their evidence, the actors with
their role, and what the report does not assert.
"""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from dyad.records import ActorRef, CodedArticle, Event

_NOT_ASSERTED = ("hedged", "future", "hypothetical", "negated", "historical")


def actor_label(actor: ActorRef) -> str:
    code = actor.code or "?"
    sector = f" {actor.sector}" if actor.sector else ""
    return f"{actor.entity_text} [{code}{sector}]"


def _dyad(event: Event) -> str:
    actors = "; ".join(actor_label(a) for a in event.actor) or "?"
    if event.recipient:
        return f"{actors} → " + "; ".join(actor_label(a) for a in event.recipient)
    return actors


def _date(event: Event) -> str:
    if event.date is None:
        return "?"
    return event.date.isoformat() + ("" if event.date_precision == "day" else f" ({event.date_precision})")


def render_brief(coded: CodedArticle) -> Group:
    art = coded.article
    head = Text()
    head.append(art.title or art.id, style="bold")
    meta = [art.date.isoformat() if art.date else "no date", art.source or art.dateline_source or "", art.url or ""]
    head.append("\n" + " · ".join(m for m in meta if m), style="dim")
    if art.dateline_place:
        head.append(f"\nDateline: {art.dateline_place}" + (f" ({art.dateline_source})" if art.dateline_source else ""), style="dim")
    parts: list = [head]
    if coded.status == "unsupported":
        parts.append(Text("Language not supported (English only): no events coded.", style="yellow"))
        return Group(*parts)
    events = Table(title=f"Events ({len(coded.events)})", show_lines=True, expand=True)
    for column in ("type", "mode", "actor → recipient", "date", "modality", "evidence"):
        events.add_column(column, overflow="fold")
    for e in coded.events:
        modality = e.modality + (f"\n({e.attribution.text})" if e.attribution else "")
        events.add_row(e.event, ", ".join(e.mode), _dyad(e), _date(e), modality, e.text)
    parts.append(events)
    actors = Table(title=f"Actors ({len(coded.actors)})", expand=True)
    for column in ("as written", "code", "sector", "role"):
        actors.add_column(column, overflow="fold")
    for a in coded.actors:
        actors.add_row(a.entity_text, a.code or "?", a.sector or "", a.office or "")
    parts.append(actors)
    if coded.quotes:
        quotes = Text(f"Quotes ({len(coded.quotes)})\n", style="bold")
        for q in coded.quotes:
            who = (q.speaker.identifier_text or q.speaker.entity_text) if q.speaker else (q.speaker_text or "unknown speaker")
            office = f", {q.speaker.office}" if q.speaker and q.speaker.office else ""
            when = f" on {q.date.isoformat()}" if q.date else ""
            kind = f"post {q.handle or ''}".strip() if q.kind == "post" else "quote"
            quotes.append(f"  • {who}{office} ({kind}{when}): “{q.text}”\n")
        parts.append(quotes)
    flags = Text("What doesn't add up\n", style="bold")
    if not coded.flags:
        flags.append("  (nothing found)\n")
    for flag in coded.flags:
        flags.append(f"  • [{flag.kind}] ", style="red" if flag.severity == "high" else "yellow")
        flags.append(flag.message + "\n")
    parts.append(flags)
    unasserted = [e for e in coded.events if e.modality in _NOT_ASSERTED]
    section = Text("Not asserted by the report\n", style="bold")
    if not unasserted:
        section.append("  (none)\n")
    for e in unasserted:
        who = f" — according to {e.attribution.text}" if e.attribution else ""
        section.append(f"  • {e.modality}: {e.event} {_dyad(e)}{who}\n    “{e.text}”\n")
    parts.append(section)
    return Group(*parts)
