"""Benchmark: near-duplicate finding at scale — precision, recall, time and DuckDB size.

    .venv/bin/python bench/neardup.py [--articles 10000] [--copies 0.2] [--seed 7]
                                      [--thresholds 0.7] [--batch-size 64] [--coded 0] [--json]

Generates N news-like articles, of which a share (`--copies`, 20 %) are syndicated near-copies
of an earlier one: another outlet's header and footer (varied: outlet names, bylines, share
lines, copyright and newsletter lines), 1–5 small edits (a number, a synonym, a word dropped) and,
for a third of them, the last paragraph cut. The originals are built from sentence templates
with slots (actors, places, numbers, days, reasons) filled at random, so unrelated articles share
the formulaic phrases real wire copy shares ("the foreign ministry said"). The same seed gives the
same corpus.

Every article goes through `Store.write` exactly as `dyad ingest` stores it (articles carry no
events unless `--coded N` codes the first N with the real spaCy pipeline), in batches; for each
threshold a fresh DuckDB file. Reports:
- precision: flagged articles whose `dup_of` is the original they were planted from / flagged;
- recall: planted copies flagged with their original / planted copies;
- time per article of the MinHash step (`neardup.mark_copies`: shingles, signature, LSH look-up
  in DuckDB, storing the signature and bands), and of the signature alone;
- DuckDB file size per 1,000 articles, and how much of it the signatures and bands take.

It only reports: no number is checked against a target. Results: docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from dyad.records import CodedArticle
from dyad.sources.files import make_article
from dyad.store import neardup
from dyad.store.database import Store

COUNTRIES = [("Kenya", "Kenyan", "Nairobi"), ("Uganda", "Ugandan", "Kampala"), ("Ghana", "Ghanaian", "Accra"),
             ("Peru", "Peruvian", "Lima"), ("Chile", "Chilean", "Santiago"), ("Poland", "Polish", "Warsaw"),
             ("Hungary", "Hungarian", "Budapest"), ("Vietnam", "Vietnamese", "Hanoi"), ("Nepal", "Nepalese", "Kathmandu"),
             ("Jordan", "Jordanian", "Amman"), ("Tunisia", "Tunisian", "Tunis"), ("Senegal", "Senegalese", "Dakar"),
             ("Mali", "Malian", "Bamako"), ("Sudan", "Sudanese", "Khartoum"), ("Yemen", "Yemeni", "Sanaa"),
             ("Syria", "Syrian", "Damascus"), ("Iraq", "Iraqi", "Baghdad"), ("Bolivia", "Bolivian", "La Paz"),
             ("Colombia", "Colombian", "Bogota"), ("Ecuador", "Ecuadorian", "Quito"), ("Serbia", "Serbian", "Belgrade"),
             ("Georgia", "Georgian", "Tbilisi"), ("Armenia", "Armenian", "Yerevan"), ("Pakistan", "Pakistani", "Islamabad"),
             ("Bangladesh", "Bangladeshi", "Dhaka"), ("Myanmar", "Myanmar", "Naypyidaw"), ("Nigeria", "Nigerian", "Abuja"),
             ("Ethiopia", "Ethiopian", "Addis Ababa"), ("Somalia", "Somali", "Mogadishu"), ("Libya", "Libyan", "Tripoli")]
SURNAMES = ("Okafor Mensah Haddad Novak Tran Silva Petrov Kowalski Rahman Diallo Moreno Kariuki Osei Farah Nguyen Rossi "
            "Ivanova Mukherjee Castillo Herrera Abdi Tesfaye Lindqvist Dubois Yilmaz Kuznetsova Sato Park").split()
ROLES = ["foreign minister", "defence minister", "interior minister", "prime minister", "president",
         "army spokesman", "police chief", "opposition leader", "central bank governor", "health minister"]
GROUPS = ["opposition supporters", "farmers", "students", "teachers", "miners", "nurses", "taxi drivers",
          "market traders", "rebel fighters", "government troops", "riot police", "border guards"]
REASONS = ["new taxes", "fuel prices", "a disputed election", "a mining concession", "water shortages",
           "unpaid wages", "a new security law", "land reform", "the cost of bread", "a border dispute",
           "corruption charges", "a dam project", "power cuts", "an oil spill"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
THINGS = ["an aid convoy", "a trade agreement", "a prisoner exchange", "a ceasefire", "new sanctions",
          "joint military exercises", "a loan package", "a vaccination campaign", "an inquiry", "a curfew"]
TEMPLATES = [
    "{Dem} {group} marched through {city} on {day} to protest against {reason}, witnesses said.",
    "Police in {city} fired tear gas at {n} {group} who had blocked roads over {reason}.",
    "{Country}'s {role} {name} met his {Dem2} counterpart in {city2} on {day} to discuss {thing}.",
    "The {role}, {name}, said the government would not bow to pressure over {reason}.",
    "At least {n} people were killed when {group} clashed near {city} late on {day}, a hospital official said.",
    "{Country} and {Country2} signed {thing} in {city}, ending {m} months of talks.",
    "The {Dem2} embassy urged its citizens to avoid {city} after {n} days of unrest over {reason}.",
    "{name}, a {Dem} {role}, accused {Country2} of backing {group} in the north.",
    "Officials in {city2} announced {thing} worth {m} million dollars on {day}.",
    "Rights groups said {n} {group} had been detained since the protests over {reason} began.",
    "The United Nations called on both sides to agree {thing} and allow aid into {city}.",
    "{Country2} recalled its ambassador from {city} after {name} criticised {reason} in a speech.",
    "Analysts said the dispute over {reason} could weigh on {Country}'s talks with lenders over {thing}.",
    "Residents of {city} said shops stayed shut on {day} and {group} patrolled the main roads.",
    "The {role} of {Country2}, {name}, is expected to visit {city} next month to sign {thing}.",
    "Markets in {city2} fell {m} percent after reports of fighting between {group} and {group2}.",
    "A spokesman for {name} said talks on {thing} would resume in {city2} on {day}.",
    "{n} {group} were injured in {city} when police broke up a rally over {reason}, the Red Cross said.",
]
HEADERS = ["{outlet} | World | Africa", "{outlet} — Latest news", "Posted by {outlet} staff", "{outlet} World Desk",
           "Share this story: Facebook · X · WhatsApp · Email", "By {name} for {outlet}", "{outlet} · {date} · 3 min read",
           "Breaking: {outlet} live coverage", "Listen to this article", "Advertisement"]
FOOTERS = ["© {year} {outlet}. All rights reserved.", "Reporting by {name}; editing by {name2}.",
           "Subscribe to the {outlet} newsletter for the day's top stories.",
           "This article was syndicated from a wire service and has not been edited by {outlet} staff.",
           "Copyright {year} {outlet}. This material may not be published, broadcast, rewritten or redistributed.",
           "Related: more world news from {outlet}", "Follow {outlet} on social media for updates.",
           "Have a news tip? Contact the {outlet} newsroom."]
OUTLETS = ["Daily Metro", "The Coast Herald", "Evening Courier", "Capital Times", "Northern Post", "Global Wire Digest",
           "Morning Ledger", "City Chronicle", "Independent Voice", "Harbour Gazette", "Valley Sentinel", "Union Tribune"]
SYNONYMS = {"said": "told reporters", "killed": "left dead", "met": "held talks with", "urged": "called on",
            "announced": "unveiled", "detained": "held", "injured": "wounded", "accused": "blamed",
            "signed": "concluded", "criticised": "condemned", "fell": "dropped", "protest": "demonstrate"}


def original(rng: random.Random) -> str:
    """An article of 2–5 paragraphs of 2–4 sentences, from the templates with slots filled at random."""
    country, country2 = rng.sample(COUNTRIES, 2)
    lead_city = country[2]
    paragraphs = []
    for _ in range(rng.randint(2, 5)):
        sentences = []
        for _ in range(rng.randint(2, 4)):
            other = rng.choice(COUNTRIES)
            group, group2 = rng.sample(GROUPS, 2)
            sentences.append(rng.choice(TEMPLATES).format(
                Country=country[0], Dem=country[1], city=lead_city, Country2=other[0], Dem2=other[1], city2=other[2],
                role=rng.choice(ROLES), name=f"{rng.choice('ABCDEFGHJKLMNOPRSTWY')}. {rng.choice(SURNAMES)}",
                group=group, group2=group2, reason=rng.choice(REASONS), day=rng.choice(DAYS),
                thing=rng.choice(THINGS), n=rng.randint(2, 400), m=rng.randint(2, 90)))
        paragraphs.append(" ".join(sentences))
    dateline = f"{lead_city.upper()} ({rng.choice(['Wire', 'Agency', 'Newswire'])}) – "
    return dateline + "\n\n".join(paragraphs)


def syndicate(text: str, rng: random.Random, published: date) -> str:
    """A copy of `text` as another outlet runs it: its header and footer, 1–5 edits, maybe the last paragraph cut."""
    outlet = rng.choice(OUTLETS)
    fill = {"outlet": outlet, "name": f"{rng.choice('ABCDEFGHJKLMNOPRSTWY')}. {rng.choice(SURNAMES)}",
            "name2": f"{rng.choice('ABCDEFGHJKLMNOPRSTWY')}. {rng.choice(SURNAMES)}", "year": published.year,
            "date": published.strftime("%d %B %Y")}
    paragraphs = text.split("\n\n")
    if len(paragraphs) > 2 and rng.random() < 1 / 3:
        paragraphs = paragraphs[:-1]
    words = "\n\n".join(paragraphs).split(" ")
    for _ in range(rng.randint(1, 5)):
        i = rng.randrange(len(words))
        word = words[i]
        if word.isdigit():
            words[i] = str(int(word) + rng.randint(1, 9))
        elif word in SYNONYMS:
            words[i] = SYNONYMS[word]
        elif len(words) > 20 and "\n" not in word:
            del words[i]
    header = "\n".join(h.format(**fill) for h in rng.sample(HEADERS, rng.randint(1, 3)))
    footer = "\n".join(f.format(**fill) for f in rng.sample(FOOTERS, rng.randint(1, 3)))
    return header + "\n\n" + " ".join(words) + "\n\n" + footer


def corpus(n: int, share: float, seed: int) -> list[tuple[str, str, date, str | None]]:
    """(id, text, date, id of the planted original or None), copies always after their original."""
    rng = random.Random(seed)
    start = date(2024, 1, 1)
    items: list[tuple[str, str, date, str | None]] = []
    originals: list[tuple[str, str, date]] = []
    for i in range(n):
        if originals and rng.random() < share:
            source_id, text, day = rng.choice(originals[-400:])  # syndication follows within days
            items.append((f"n{i}", syndicate(text, rng, day), day + timedelta(days=rng.randint(0, 2)), source_id))
        else:
            day = start + timedelta(days=i // 40)
            text = original(rng)
            originals.append((f"n{i}", text, day))
            items.append((f"n{i}", text, day, None))
    return items


def run(items, threshold: float, batch_size: int, coded: dict, folder: Path) -> dict:
    """Store every item through `Store.write`; time the MinHash step; score against the planted copies."""
    neardup.THRESHOLD = threshold
    step = {"seconds": 0.0, "cpu": 0.0, "calls": 0}
    mark = neardup.mark_copies

    def timed(con, article_id, text):
        t0, c0 = time.perf_counter(), time.process_time()
        try:
            return mark(con, article_id, text)
        finally:
            step["seconds"] += time.perf_counter() - t0
            step["cpu"] += time.process_time() - c0
            step["calls"] += 1

    neardup.mark_copies = timed
    db = folder / f"bench-{threshold}.duckdb"
    try:
        store = Store(db)
        t0 = time.perf_counter()
        for begin in range(0, len(items), batch_size):
            batch = []
            for article_id, text, day, _ in items[begin:begin + batch_size]:
                article = make_article(text, id=article_id, date_=day, where=article_id)
                batch.append(coded.get(article_id) or CodedArticle(article=article, events=(), actors=()))
            store.write(batch)
        total = time.perf_counter() - t0
    finally:
        neardup.mark_copies = mark
    with Store(db, read_only=True) as reader:
        dup_of = dict(reader.query(lambda con: con.execute("SELECT id, dup_of FROM articles").fetchall()))
        sizes = reader.query(lambda con: con.execute(
            "SELECT (SELECT count(*) FROM article_bands), (SELECT count(*) FROM events)").fetchone())
    planted = {article_id: source for article_id, _, _, source in items}
    flagged = {a for a, d in dup_of.items() if d}
    copies = {a for a, s in planted.items() if s}
    right = {a for a in flagged if planted.get(a) == dup_of[a]}
    size = db.stat().st_size
    return {"threshold": threshold, "articles": len(items), "planted": len(copies), "flagged": len(flagged),
            "right": len(right), "precision": len(right) / len(flagged) if flagged else 1.0,
            "recall": len([a for a in copies if a in right]) / len(copies) if copies else 1.0,
            "false_originals": len([a for a in flagged if not planted.get(a)]),
            "minhash_ms_per_article": step["seconds"] / step["calls"] * 1000,
            "minhash_cpu_ms_per_article": step["cpu"] / step["calls"] * 1000, "write_s": total,
            "db_mb_per_1000": size / len(items) * 1000 / 2**20, "band_rows": sizes[0], "events": sizes[1]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--copies", type=float, default=0.2)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--thresholds", default=str(neardup.THRESHOLD))
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--coded", type=int, default=0, help="Code the first N articles with spaCy (events stored).")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    items = corpus(args.articles, args.copies, args.seed)
    words = sum(len(text.split()) for _, text, _, _ in items) / len(items)
    sample = [neardup.shingles(text) for _, text, _, _ in items[:500]]
    t0 = time.perf_counter()
    for _, text, _, _ in items[:500]:
        neardup.signature(text)
    signature_ms = (time.perf_counter() - t0) / min(500, len(items)) * 1000
    coded = {}
    if args.coded:
        from dyad.coding.pipeline import Coder

        articles = [make_article(text, id=i, date_=day, where=i) for i, text, day, _ in items[:args.coded]]
        coded = {c.article.id: c for c in Coder().code_many(articles)}
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for threshold in (float(t) for t in args.thresholds.split(",")):
            results.append(run(items, threshold, args.batch_size, coded, Path(folder)))
    b, r = neardup.bands()
    head = {"articles": len(items), "words_per_article": round(words, 1), "signature_ms": signature_ms,
            "shingles_per_article": sum(map(len, sample)) / len(sample), "bands": b, "rows": r,
            "coded": args.coded}
    if args.json:
        sys.stdout.write(json.dumps({**head, "runs": results}) + "\n")
    out = sys.stderr if args.json else sys.stdout
    out.write(f"{len(items)} articles, {head['words_per_article']} words and {head['shingles_per_article']:.0f} "
              f"shingles each; LSH {b} bands × {r} rows (tuned to Jaccard {neardup.LSH_THRESHOLD}); "
              f"signature alone {signature_ms:.2f} ms/article; {args.coded} coded with spaCy\n")
    out.write("| threshold | planted copies | flagged | precision | recall | originals flagged | MinHash step ms/article "
              "(CPU) | all writes s | DuckDB MB per 1,000 |\n|---|---|---|---|---|---|---|---|---|\n")
    for res in results:
        out.write(f"| {res['threshold']} | {res['planted']} | {res['flagged']} | {res['precision']:.4f} | "
                  f"{res['recall']:.4f} | {res['false_originals']} | {res['minhash_ms_per_article']:.2f} "
                  f"({res['minhash_cpu_ms_per_article']:.2f}) | "
                  f"{res['write_s']:.1f} | {res['db_mb_per_1000']:.2f} |\n")


if __name__ == "__main__":
    main()
