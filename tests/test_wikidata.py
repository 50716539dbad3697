"""Tests of the Wikidata importer on the hand-written fixtures in tests/fixtures/wdqs (see its README)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import yaml

from dyad.errors import DataError
from dyad.kb.base import KnowledgeBase, apply_user_layer
from dyad.kb.wikidata import (
    CountryFact,
    ImportBatch,
    MergeResult,
    UserLayer,
    merge,
    parse_entity_lines,
    parse_sparql_json,
    read_user_layer,
    write_user_layer,
)
from dyad.records import Office, Person, Tenure

WDQS = Path(__file__).resolve().parent / "fixtures" / "wdqs"
DEF, FM, HRVP = "Q12592405", "Q12592509", "Q634291"
KOR_OFFICES = {DEF: "KOR.defence_minister", FM: "KOR.foreign_minister"}


def sparql(name: str, **ids) -> ImportBatch:
    return parse_sparql_json((WDQS / name).read_bytes(), name, **ids)


def entities(name: str, **kwargs) -> ImportBatch:
    return parse_entity_lines((WDQS / name).read_text("utf-8").splitlines(), name, **kwargs)


def rows(batch: ImportBatch) -> set[tuple]:
    """Each tenure as (person, office, start, start precision, end, end precision, end unknown)."""
    return {
        (t.person_id, t.office_id, t.start, t.start_precision, t.end, t.end_precision if t.end else None, t.end_unknown)
        for t in batch.tenures
    }


# The README's "Expected parse results" table, one tuple per record.
EXPECTED = {
    "holders_kor.json": {
        ("wd:Q999000004", f"wd:{DEF}", date(1994, 3, 1), "day", date(1995, 12, 20), "day", False),
        ("wd:Q999000004", f"wd:{DEF}", date(1998, 3, 3), "day", date(1999, 5, 24), "day", False),
        ("wd:Q999000001", f"wd:{DEF}", date(2023, 10, 7), "day", date(2024, 9, 5), "day", False),
        ("wd:Q999000002", f"wd:{DEF}", date(2024, 9, 6), "day", date(2024, 12, 5), "day", False),
        ("wd:Q999000008", f"wd:{FM}", date(2005, 1, 1), "year", date(2006, 1, 1), "year", False),
        ("wd:Q999000007", f"wd:{FM}", date(2008, 2, 29), "day", None, None, True),
        ("wd:Q999000009", f"wd:{FM}", date(2024, 1, 1), "month", None, None, False),
    },
    "holders_eu.json": {
        ("wd:Q312901", f"wd:{HRVP}", date(2019, 12, 1), "day", date(2024, 11, 30), "day", False),
        ("wd:Q999000020", f"wd:{HRVP}", date(2024, 12, 1), "day", None, None, False),
    },
    "entities.jsonl": {
        ("wd:Q312901", f"wd:{HRVP}", date(2019, 12, 1), "day", date(2024, 11, 30), "day", False),
        ("wd:Q312901", "wd:Q999100001", date(2018, 6, 1), "month", date(2019, 11, 30), "day", False),
        ("wd:Q312901", "wd:Q999100002", date(2004, 1, 1), "year", None, None, True),
    },
}


@pytest.mark.parametrize("name", ["holders_kor.json", "holders_eu.json"])
def test_wikidata_sparql_gives_the_readme_records(name):
    batch = sparql(name)
    assert rows(batch) == EXPECTED[name]
    assert len(batch.tenures) == len(EXPECTED[name])


def test_wikidata_entities_give_the_readme_records():
    batch = entities("entities.jsonl")
    assert rows(batch) == EXPECTED["entities.jsonl"]
    assert len(batch.tenures) == 3


def test_wikidata_sparql_and_entities_agree_on_the_same_statement():
    eu = {t.source: t for t in sparql("holders_eu.json").tenures}
    dump = {t.source: t for t in entities("entities.jsonl").tenures}
    source = "Wikidata Q312901$2B000000-0000-4000-8000-000000000001"
    assert eu[source] == dump[source]


@pytest.mark.parametrize(
    ("name", "deprecated_start"),
    [("holders_kor.json", date(2023, 10, 6)), ("entities.jsonl", date(2019, 11, 1))],
)
def test_wikidata_deprecated_statements_are_dropped(name, deprecated_start):
    batch = entities(name) if name.endswith(".jsonl") else sparql(name)
    assert deprecated_start not in {t.start for t in batch.tenures}
    assert not any(t.source.endswith("0002") and t.person_id in ("wd:Q999000001", "wd:Q312901") for t in batch.tenures)


def test_wikidata_duplicate_rows_collapse_to_one_statement():
    kim = [t for t in sparql("holders_kor.json").tenures if t.person_id == "wd:Q999000002"]
    assert [t.source for t in kim] == ["Wikidata Q999000002$0B000000-0000-4000-8000-000000000001"]


def test_wikidata_two_terms_are_two_records():
    hong = [t for t in sparql("holders_kor.json").tenures if t.person_id == "wd:Q999000004"]
    assert [(t.start, t.end) for t in hong] == [
        (date(1994, 3, 1), date(1995, 12, 20)),
        (date(1998, 3, 3), date(1999, 5, 24)),
    ]


@pytest.mark.parametrize(
    ("name", "unknown", "open_"),
    [("holders_kor.json", "wd:Q999000007", "wd:Q999000009"), ("entities.jsonl", "wd:Q999100002", None)],
)
def test_wikidata_unknown_end_is_not_an_open_term(name, unknown, open_):
    batch = entities(name) if name.endswith(".jsonl") else sparql(name)
    by_key = {t.person_id if name.endswith(".json") else t.office_id: t for t in batch.tenures}
    assert by_key[unknown].end is None and by_key[unknown].end_unknown is True
    if open_:
        assert by_key[open_].end is None and by_key[open_].end_unknown is False


def test_wikidata_names_from_mul_labels_and_missing_labels_warn():
    batch = sparql("holders_kor.json")
    names = {p.wikidata: p.name for p in batch.persons}
    assert names["Q999000004"] == "Hong Gil-dong"  # the label is tagged "mul"
    assert names["Q999000008"] == "Q999000008"  # no label: the QID stands in, and a warning says so
    assert batch.warnings == ("holders_kor.json: person Q999000008 has no en or mul label; its name is the QID",)


def test_wikidata_entity_person_has_en_and_mul_aliases():
    (borrell,) = entities("entities.jsonl").persons
    assert borrell == Person(
        "wd:Q312901",
        "Josep Borrell",
        ("Josep Borrell Fontelles", "Josep Borrell i Fontelles"),
        wikidata="Q312901",
        source="Wikidata",
    )


def test_wikidata_entity_country_facts():
    assert entities("entities.jsonl").countries == (
        CountryFact("Q884", "South Korea", "KR", "KOR", "Q999200001", ("South Korean",), ("Republic of Korea", "ROK", "S. Korea")),
    )


def test_wikidata_office_and_person_ids_map_to_the_kb():
    batch = sparql("holders_kor.json", office_ids=KOR_OFFICES, person_ids={"Q999000002": "kim-yong-hyun"})
    assert batch.offices == ()
    assert {t.office_id for t in batch.tenures} == {"KOR.defence_minister", "KOR.foreign_minister"}
    kim = [t for t in batch.tenures if t.person_id == "kim-yong-hyun"]
    assert [(t.start, t.end) for t in kim] == [(date(2024, 9, 6), date(2024, 12, 5))]
    assert Person("kim-yong-hyun", "Kim Yong-hyun", wikidata="Q999000002", source="Wikidata") in batch.persons


def test_wikidata_unmapped_offices_get_wd_ids():
    assert sparql("holders_eu.json").offices == (
        Office(f"wd:{HRVP}", "High Representative for Foreign Affairs and Security Policy", "unknown", "unknown",
               wikidata=HRVP, source="Wikidata"),
    )
    batch = entities("entities.jsonl", office_ids={HRVP: "EU.high_representative"})
    assert [o.id for o in batch.offices] == ["wd:Q999100001", "wd:Q999100002"]
    assert batch.offices[0].label == "Q999100001"  # entity JSON of a person carries no office labels
    assert "entities.jsonl: office Q999100001 has no label here; its label is the QID" in batch.warnings


def test_wikidata_malformed_sparql_is_refused_whole():
    with pytest.raises(DataError) as err:
        sparql("malformed.json")
    assert str(err.value) == (
        "malformed.json: not valid JSON (Unterminated string starting at: line 22 column 105 (char 1894))"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"head": {}}', "x.json: not a SPARQL JSON result (no results.bindings list of rows)"),
        ('{"results": {"bindings": [{"person": null}]}}', "x.json: result row 1: no 'person' binding"),
        (
            '{"results": {"bindings": [{"person": {"type": "uri", "value": "http://www.wikidata.org/entity/Q1"},'
            ' "position": {"type": "uri", "value": "http://www.wikidata.org/entity/Q2"},'
            ' "start": {"type": "literal", "value": "2024-13-01T00:00:00Z"}}]}}',
            "x.json: result row 1: month must be in 1..12",
        ),
    ],
)
def test_wikidata_sparql_shape_errors(text, message):
    with pytest.raises(DataError) as err:
        parse_sparql_json(text, "x.json")
    assert str(err.value) == message


def test_wikidata_malformed_entity_line_is_named():
    with pytest.raises(DataError) as err:
        entities("malformed_entities.jsonl")
    assert str(err.value) == (
        "malformed_entities.jsonl:3: not valid JSON (Unterminated string starting at: line 1 column 664 (char 663))"
    )


def test_wikidata_streaming_mode_reads_on_and_reports_the_line():
    batch = entities("malformed_entities.jsonl", strict=False)
    assert batch.tenures == () and batch.persons == ()  # Q458 and Q81066 hold no P39 statements
    assert batch.warnings == (
        "malformed_entities.jsonl:3: skipped: not valid JSON "
        "(Unterminated string starting at: line 1 column 664 (char 663))",
    )


CURATED_KIM = Tenure("kim-yong-hyun", "KOR.defence_minister", date(2024, 9, 6), "day", date(2024, 12, 5), "day",
                     source="curated: mnd.go.kr")
CURATED_CHO = Tenure("cho-tae-yul", "KOR.foreign_minister", date(2024, 1, 15), "day", source="curated")
CURATED_PERSONS = [Person("kim-yong-hyun", "Kim Yong-hyun"), Person("cho-tae-yul", "Cho Tae-yul")]
CURATED_OFFICES = [Office("KOR.defence_minister", "Minister of National Defense", "KOR", "defence_minister"),
                   Office("KOR.foreign_minister", "Minister of Foreign Affairs", "KOR", "foreign_minister")]
KOR_PERSONS = {"Q999000002": "kim-yong-hyun", "Q999000009": "cho-tae-yul"}


def test_wikidata_merge_conflict_keeps_the_curated_row():
    text = (WDQS / "holders_kor.json").read_text("utf-8").replace("2024-12-05T00", "2024-12-06T00")
    batch = parse_sparql_json(text, "holders_kor.json", office_ids=KOR_OFFICES, person_ids=KOR_PERSONS)
    result = merge(batch, [CURATED_KIM, CURATED_CHO], CURATED_PERSONS, CURATED_OFFICES)
    (conflict,) = result.conflicts
    assert conflict.curated == CURATED_KIM
    assert conflict.imported.end == date(2024, 12, 6)
    assert conflict.message == (
        "kim-yong-hyun in KOR.defence_minister: curated 2024-09-06 to 2024-12-05 (curated: mnd.go.kr) vs imported "
        "2024-09-06 to 2024-12-06 (Wikidata Q999000002$0B000000-0000-4000-8000-000000000001); kept the curated row"
    )
    # Cho's curated start (15 January) agrees with Wikidata's month-precision January 2024: no conflict.
    assert {t.person_id for t in result.added_tenures} == {"wd:Q999000004", "wd:Q999000001", "wd:Q999000008",
                                                           "wd:Q999000007"}
    assert len(result.added_tenures) == 5
    assert {p.id for p in result.added_persons} == {"wd:Q999000004", "wd:Q999000001", "wd:Q999000008",
                                                    "wd:Q999000007"}
    assert result.added_offices == ()


@pytest.mark.parametrize(
    ("imported_end", "end_precision", "end_unknown", "conflicts"),
    [
        (date(2024, 12, 5), "day", False, 0),  # the same row
        (date(2024, 12, 1), "month", False, 0),  # agrees within the coarser precision
        (date(2024, 11, 1), "month", False, 1),
        (None, "day", True, 0),  # ended on an unknown date: does not contradict 5 December
        (None, "day", False, 1),  # open: Wikidata says still in office, the curated row says ended
    ],
)
def test_wikidata_merge_compares_within_precision(imported_end, end_precision, end_unknown, conflicts):
    imported = Tenure("kim-yong-hyun", "KOR.defence_minister", date(2024, 9, 6), "day", imported_end, end_precision,
                      source="Wikidata X", end_unknown=end_unknown)
    result = merge(ImportBatch(tenures=(imported,)), [CURATED_KIM], CURATED_PERSONS, CURATED_OFFICES)
    assert len(result.conflicts) == conflicts
    assert result.added_tenures == ()


def test_wikidata_user_layer_round_trip(tmp_path):
    path = tmp_path / "user-kb.yaml"
    first = merge(sparql("holders_kor.json"), [], [], [])
    written = write_user_layer(path, first)
    assert read_user_layer(path) == written == UserLayer(first.added_persons, first.added_offices, first.added_tenures)
    doc = yaml.safe_load(path.read_text("utf-8"))
    assert doc["tenures"][0] == {
        "person_id": "wd:Q999000004", "office_id": f"wd:{DEF}", "start": "1994-03-01", "start_precision": "day",
        "end": "1995-12-20", "end_precision": "day", "acting": False,
        "source": "Wikidata Q999000004$0D000000-0000-4000-8000-000000000001", "end_unknown": False,
    }
    # A second import adds its rows and replaces only the row with the same person, office and start.
    kim = next(t for t in first.added_tenures if t.person_id == "wd:Q999000002")
    corrected = Tenure(kim.person_id, kim.office_id, kim.start, "day", date(2024, 12, 6), "day", source="user")
    second = merge(sparql("holders_eu.json"), [], [], [])
    layer = write_user_layer(path, MergeResult(second.added_persons, second.added_offices,
                                               second.added_tenures + (corrected,)))
    assert read_user_layer(path) == layer
    assert len(layer.tenures) == 9 and len(layer.persons) == 8 and len(layer.offices) == 3
    assert corrected in layer.tenures and kim not in layer.tenures
    assert read_user_layer(tmp_path / "missing.yaml") == UserLayer()


def test_wikidata_user_layer_loads_in_the_knowledge_base(tmp_path):
    path = tmp_path / "user-kb.yaml"
    path.write_text("groups: []\n", "utf-8")  # keys that kb.py reads are kept
    result = merge(sparql("holders_kor.json", office_ids=KOR_OFFICES), [], [], [])
    write_user_layer(path, merge(sparql("holders_eu.json"), [], [], []))
    write_user_layer(path, result)
    assert yaml.safe_load(path.read_text("utf-8"))["groups"] == []
    kb = KnowledgeBase()
    apply_user_layer(kb, path)
    assert kb.offices[f"wd:{HRVP}"].label == "High Representative for Foreign Affairs and Security Policy"
    assert [t.person_id for t in kb.holders("KOR.defence_minister", date(2024, 11, 4))] == ["wd:Q999000002"]
    assert [t.person_id for t in kb.holders(f"wd:{HRVP}", date(2024, 12, 1))] == ["wd:Q999000020"]
    # Kim Cheol-su's unknown end does not make him a current holder.
    assert [t.person_id for t in kb.holders("KOR.foreign_minister", date(2024, 11, 4))] == ["wd:Q999000009"]


def test_wikidata_failed_write_leaves_the_previous_file(tmp_path):
    path = tmp_path / "user-kb.yaml"
    write_user_layer(path, merge(sparql("holders_eu.json"), [], [], []))
    before = path.read_bytes()
    broken = Tenure("p", "o", date(2024, 1, 1), source=object())  # YAML cannot write this value
    with pytest.raises(DataError) as err:
        write_user_layer(path, MergeResult(added_tenures=(broken,)))
    assert str(err.value).startswith(f"{path}: cannot write the user layer (cannot represent an object")
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["user-kb.yaml"]  # no temp file left behind


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("persons: [\n", "cannot read the user layer"),
        ("tenures: {}\n", "tenures must be a list"),
        ("- persons\n", "the user layer must be a mapping with keys persons, offices, tenures"),
        ("offices:\n- {office_id: o, label: L, jurisdiction: KOR}\n", "offices[0]: Office.__init__() missing 1 required"),
        ("persons:\n- {id: x, name: X, nick: Y}\n",
         "persons[0]: unknown field nick; fields are id, name, aliases, country, wikidata, source"),
        ("tenures:\n- {person_id: p, office_id: o, start: '2024-02-30'}\n", "tenures[0]: day is out of range for month"),
    ],
)
def test_wikidata_malformed_user_layer_is_refused(tmp_path, text, message):
    path = tmp_path / "user-kb.yaml"
    path.write_text(text, "utf-8")
    with pytest.raises(DataError) as err:
        read_user_layer(path)
    assert str(err.value).startswith(f"{path}: ")
    assert message in str(err.value)
    with pytest.raises(DataError):
        write_user_layer(path, MergeResult())
    assert path.read_text("utf-8") == text


def _p39_line(start: str, start_precision: int, end: str, end_precision: int) -> str:
    def snak(prop, time, precision):
        value = {"time": time, "timezone": 0, "before": 0, "after": 0, "precision": precision,
                 "calendarmodel": "http://www.wikidata.org/entity/Q1985727"}
        return {prop: [{"snaktype": "value", "property": prop, "datavalue": {"value": value, "type": "time"}}]}

    claim = {"mainsnak": {"snaktype": "value", "property": "P39",
                          "datavalue": {"value": {"entity-type": "item", "id": "Q83307"}, "type": "wikibase-entityid"}},
             "qualifiers": snak("P580", start, start_precision) | snak("P582", end, end_precision),
             "type": "statement", "id": "Q999000099$X", "rank": "preferred"}
    entity = {"type": "item", "id": "Q999000099", "labels": [], "aliases": [], "claims": {"P39": [claim]}}
    return json.dumps({"entities": {"Q999000099": entity}})


@pytest.mark.parametrize(
    ("start", "start_precision", "end", "end_precision", "expected", "notes"),
    [
        ("+1861-00-00T00:00:00Z", 9, "+1870-07-00T00:00:00Z", 10,
         (date(1861, 1, 1), "year", date(1870, 7, 1), "month", False), ()),
        ("+1990-05-17T00:00:00Z", 10, "+1999-05-17T00:00:00Z", 9,  # padded even when the day is written
         (date(1990, 5, 1), "month", date(1999, 1, 1), "year", False), ()),
        ("-0044-03-15T00:00:00Z", 11, "+0001-00-00T00:00:00Z", 8,  # BCE start; decade precision read as year
         (None, "day", date(1, 1, 1), "year", False),
         ("-0044-03-15T00:00:00Z is outside the dates dyad stores, read as unknown",
          "+0001-00-00T00:00:00Z has precision 8, read as year")),
    ],
)
def test_wikidata_entity_time_values(start, start_precision, end, end_precision, expected, notes):
    lines = ["[", '{"type":"property","id":"P39","claims":{}},', _p39_line(start, start_precision, end, end_precision), "]"]
    batch = parse_entity_lines(lines, "inline.jsonl")
    (tenure,) = batch.tenures
    assert (tenure.start, tenure.start_precision, tenure.end, tenure.end_precision, tenure.end_unknown) == expected
    assert batch.warnings == (
        "inline.jsonl: person Q999000099 has no en or mul label; its name is the QID",
        "inline.jsonl: office Q83307 has no label here; its label is the QID",
        *(f"inline.jsonl: Q999000099$X: {note}" for note in notes),
    )
