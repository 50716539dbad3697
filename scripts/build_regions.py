"""Build data/kb/regions.csv: first-level regions (states, provinces, oblasts…) and their country.

Source: ISO 3166-2 as shipped by pycountry (the pinned version), first-level subdivisions of the
kinds news names as places, plus the team's English exonyms for regions news names in English
("Bavaria" for Bayern). Names that would mislead are left out: names of countries or of cities
the KB already places, names two countries share ("Punjab"), and generic words ("Central").
Run after a pycountry upgrade:

    .venv/bin/python scripts/build_regions.py
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

import pycountry

_REGION_ID = re.compile(r"place:[A-Z]{2}-")  # rows this script wrote before
OUT = Path(__file__).resolve().parent.parent / "src" / "dyad" / "data" / "kb" / "regions.csv"
KINDS = {"Province", "Region", "State", "Governorate", "Administrative region", "Prefecture", "Republic",
         "Autonomous region", "Autonomous community", "Land", "Voivodship", "Regional state", "Union territory",
         "Emirate", "Oblast", "Autonomous republic", "Autonomous province", "Territory", "Federal district",
         "Autonomous city", "Department", "Capital district", "Capital territory", "Federal territory",
         "Special administrative region", "Country", "Nation", "Division", "Autonomous territorial unit",
         "Metropolitan region", "State city", "Special region"}
GENERIC = {"central", "centre", "center", "north", "south", "east", "west", "northern", "southern", "eastern",
           "western", "capital", "coast", "lakes", "upper", "lower", "islands", "island", "plateau", "mountain",
           "river", "north east", "north west", "south east", "south west", "northeast", "northwest", "southeast",
           "southwest", "interior", "littoral", "national", "federal", "greater", "la", "city", "sea", "valley",
           "highlands", "lowlands", "delta", "oriental", "occidental", "frontier", "border", "atlantic", "pacific",
           "distrito federal", "federal district", "union", "independence", "liberty", "unity", "victoria",
           "jefferson", "washington", "lincoln", "madison", "jackson", "franklin", "georgia", "san", "santa"}
# Kinds news writes after a region's name ("Niger State", "Sindh province"); with it, a name a country or a city has
# taken names the region.
SUFFIXED = {"State", "Province", "Region", "Governorate", "Oblast", "Prefecture", "Department", "Territory"}
# English names news uses where ISO 3166-2 has the local form (team curation from public usage).
EXONYMS = {
    "DE-BY": ["Bavaria"], "DE-NW": ["North Rhine-Westphalia"], "DE-NI": ["Lower Saxony"], "DE-HE": ["Hesse"],
    "DE-TH": ["Thuringia"], "DE-SN": ["Saxony"], "DE-ST": ["Saxony-Anhalt"], "DE-RP": ["Rhineland-Palatinate"],
    "DE-MV": ["Mecklenburg-Western Pomerania"], "UA-43": ["Crimea"], "UA-14": ["Donetsk region", "Donetsk Oblast"],
    "UA-09": ["Luhansk region", "Luhansk Oblast"], "UA-63": ["Kharkiv region", "Kharkiv Oblast"],
    "UA-23": ["Zaporizhzhia region", "Zaporizhzhia Oblast"], "UA-65": ["Kherson region", "Kherson Oblast"],
    "UA-59": ["Sumy region", "Sumy Oblast"], "UA-48": ["Mykolaiv region"], "UA-51": ["Odesa region", "Odessa region"],
    "UA-12": ["Dnipropetrovsk region", "Dnipropetrovsk Oblast"], "ET-TI": ["Tigray"], "ET-AM": ["Amhara"],
    "ET-OR": ["Oromia"], "ET-AF": ["Afar"], "IQ-AN": ["Anbar"], "IQ-NI": ["Nineveh"], "IQ-SD": ["Salahuddin"],
    "IQ-DI": ["Diyala"], "IQ-KI": ["Kirkuk"], "SY-HL": ["Aleppo province"], "SY-ID": ["Idlib province"],
    "SY-DY": ["Deir ez-Zor province"], "SY-HA": ["Hasakah"], "SY-RA": ["Raqqa province"],
    "AF-HEL": ["Helmand"], "AF-KAN": ["Kandahar province"], "AF-KDZ": ["Kunduz province"], "AF-NAN": ["Nangarhar"],
    "IR-11": ["Sistan-Baluchestan", "Sistan and Baluchestan", "Sistan-Baluchistan"], "IR-12": ["Kurdistan province"],
    "PK-KP": ["Khyber Pakhtunkhwa"], "PK-BA": ["Balochistan", "Baluchistan"], "IN-JK": ["Jammu and Kashmir"],
    "IN-MN": ["Manipur"], "IN-KL": ["Kerala"], "CN-XJ": ["Xinjiang"], "CN-XZ": ["Tibet"], "CN-NM": ["Inner Mongolia"], "CN-GD": ["Guangdong"],
    "CA-QC": ["Quebec"], "ES-CT": ["Catalonia"], "ES-PV": ["Basque Country"], "ES-AN": ["Andalusia"],
    "GB-SCT": ["Scotland"], "GB-WLS": ["Wales"], "GB-NIR": ["Northern Ireland"], "GB-ENG": ["England"],
    "RU-CE": ["Chechnya"], "RU-DA": ["Dagestan"], "RU-KGD": ["Kaliningrad region"], "RU-BEL": ["Belgorod region"],
    "RU-KRS": ["Kursk region"], "RU-BRY": ["Bryansk region"], "NG-BO": ["Borno state"], "NG-YO": ["Yobe state"],
    "NG-ZA": ["Zamfara state"], "NG-KD": ["Kaduna state"], "NG-PL": ["Plateau state"], "NG-BE": ["Benue state"],
    "SD-DN": ["North Darfur"], "SD-DS": ["South Darfur"], "SD-DW": ["West Darfur"], "SD-KH": ["Khartoum state"],
    "MX-CHH": ["Chihuahua state"], "MX-GRO": ["Guerrero"], "MX-MIC": ["Michoacan"], "MX-SIN": ["Sinaloa"],
    "MX-TAM": ["Tamaulipas"], "CD-NK": ["North Kivu"], "CD-SK": ["South Kivu"], "CD-IT": ["Ituri"],
    "MZ-P": ["Cabo Delgado"], "YE-HD": ["Hadramout", "Hadramawt"], "YE-MR": ["Marib"], "LY-BA": ["Benghazi district"],
    "ML-7": ["Gao region"], "ML-6": ["Timbuktu region"], "BF-01": ["Boucle du Mouhoun"], "CM-NW": ["Northwest region"],
    "CM-SW": ["Southwest region"], "MM-11": ["Kachin"], "MM-16": ["Rakhine"], "MM-17": ["Shan"],
    "PH-14": ["Mindanao"], "PS-GZA": ["Gaza Strip"], "IL-D": ["Southern District"], "US-DC": ["District of Columbia"],
}


# Chinese provinces and autonomous regions carry their kind in pinyin ("Hubei Sheng", "Ningxia Huizu Zizhiqu");
# English news writes the bare name ("Hubei", "Ningxia").
LOCAL_KIND = re.compile(r"\s+(?:(?:Zhuangzu|Huizu|Uygur)\s+)?(?:Sheng|Zizhiqu)$")


def ascii_fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def taken_names(country: str) -> set[str]:
    """Names the KB gives to countries, organisations, groups and places, and to big cities elsewhere.

    A town abroad does not block a region ("Ontario", California, 175,000 people); a city of a
    million does, and so does a city of the same name in the same country, but not another spelling
    GeoNames lists for a city ("Henan" for Hengyang).
    """
    kb = _kb()
    cities = {name for name, city in kb.cities.items()
              if (city.country == country and name == city.name.lower())
              or (city.country != country and city.population >= 1_000_000)}  # "New York" the city stays a city
    return {entry.text.lower() for entry in kb.names if not _REGION_ID.match(entry.entity_id)} | cities


def _kb():
    from dyad.kb.base import load_kb

    return load_kb()


def build() -> list[dict]:
    iso2_to_3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    source = f"pycountry {version('pycountry')} (ISO 3166-2)"
    rows, countries_of = [], defaultdict(set)
    for sub in pycountry.subdivisions:
        if sub.parent_code is None and sub.type in KINDS:
            countries_of[sub.name.lower()].add(sub.country_code)
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        country = iso2_to_3.get(sub.country_code)
        if sub.parent_code is not None or sub.type not in KINDS or country is None:
            continue
        names = [n for n in (sub.name, ascii_fold(sub.name)) if "," not in n and "(" not in n]
        names += [LOCAL_KIND.sub("", n) for n in names if LOCAL_KIND.search(n)] + EXONYMS.get(sub.code, [])
        taken = taken_names(country)
        candidates = list(dict.fromkeys(names))
        names = [n for n in candidates
                 if len(n) > 3 and n.lower() not in GENERIC and n.lower() not in taken
                 and (len(countries_of.get(n.lower(), ())) <= 1 or n in EXONYMS.get(sub.code, []))]
        if sub.type in SUFFIXED:  # "Niger State", "Lagos State": the name a country or a city took, with its kind
            names += [f"{n} {kind}" for n in candidates if n.lower() in taken and n.lower() not in GENERIC
                      and len(countries_of.get(n.lower(), ())) <= 1 for kind in (sub.type, sub.type.lower())]
        if not names:
            continue
        rows.append({"id": sub.code, "name": names[0], "aliases": "|".join(names[1:]), "country": country,
                     "kind": sub.type.lower(), "source": source if names[0] in (sub.name, ascii_fold(sub.name))
                     or names[0].lower() in {f"{n} {sub.type}".lower() for n in (sub.name, ascii_fold(sub.name))}
                     else "team curation (English name); ISO 3166-2 code"})
    return rows


def main() -> None:
    rows = build()
    with OUT.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["id", "name", "aliases", "country", "kind", "source"])
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} regions -> {OUT}")


if __name__ == "__main__":
    main()
