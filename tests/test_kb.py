"""The knowledge base: office holders on a date, handovers, aliases, roles in coded reports."""

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from dyad.cli import app
from dyad.kb.base import load_kb
from dyad.kb.lookup import holders_of, lookup, stats

runner = CliRunner()


@pytest.fixture(scope="module")
def kb():
    return load_kb()


@pytest.mark.parametrize(
    "office, of, on, holder",
    [
        ("defence_minister", "KOR", "2024-11-04", "Kim Yong-hyun"),
        ("defence_minister", "KOR", "2024-08-01", "Shin Won-sik"),
        ("defence_minister", "South Korea", "2024-09-05", "Shin Won-sik"),  # last day of a tenure
        ("defence_minister", "KOR", "2024-09-06", "Kim Yong-hyun"),  # first day of the successor
        ("high_representative", "EU", "2024-11-30", "Josep Borrell"),
        ("high_representative", "European Union", "2024-12-01", "Kaja Kallas"),
        ("foreign minister", "USA", "2023-06-01", "Antony Blinken"),
        ("head_of_government", "Germany", "2025-05-05", "Olaf Scholz"),
        ("head_of_government", "DEU", "2025-05-06", "Friedrich Merz"),
        ("secretary_general", "UN", "2020-03-01", "António Guterres"),
    ],
)
def test_kb_holder_on_date(kb, office, of, on, holder):
    result = holders_of(kb, office, of, date.fromisoformat(on))
    assert [h["name"] for h in result["holders"] if not h["acting"]] == [holder]


def test_kb_holder_cli_json_shape():
    result = runner.invoke(app, ["kb", "holder", "defence_minister", "--of", "KOR", "--on", "2024-11-04", "--json"])
    assert result.exit_code == 0, result.output
    row = json.loads(result.stdout)
    assert set(row) >= {"office", "of", "on", "holders"}
    assert row["holders"][0]["name"] == "Kim Yong-hyun" and row["holders"][0]["start"] == "2024-09-06"
    assert set(row["holders"][0]) == {"name", "identifier_id", "start", "end", "acting"}


def test_kb_holder_unknown_country_is_one_line_error():
    result = runner.invoke(app, ["kb", "holder", "defence_minister", "--of", "Atlantis", "--on", "2024-11-04"])
    assert result.exit_code == 1 and "'Atlantis': no country or organisation" in result.stderr


@pytest.mark.parametrize("name", ["Kim Yong Hyun", "kim yong-hyun", "Kim Yonghyun"])
def test_kb_lookup_transliteration_variants(kb, name):
    [row] = [r for r in lookup(kb, name, date(2024, 11, 4)) if r["kind"] == "person"]
    assert row["name"] == "Kim Yong-hyun"
    assert any(r["held_on_date"] and r["office_id"] == "KOR.defence_minister" for r in row["roles"])


def test_kb_stats_counts(kb):
    counts = stats(kb)
    assert counts["countries"] >= 249 and counts["organisations"] >= 60 and counts["armed_groups"] >= 100
    assert counts["offices"] >= 300 and counts["tenures"] >= 1000 and counts["places"] >= 60


def _actors(coded):
    return {a.identifier_text: a for e in coded.events for a in (*e.actor, *e.recipient) if a.identifier_text}


@pytest.mark.parametrize(
    "text, published, name, office",
    [
        ("WASHINGTON (Wire) – Secretary of State Antony Blinken met Kenya's foreign minister on Monday.",
         date(2023, 3, 6), "Antony Blinken", "Secretary of State of the United States"),
        ("BERLIN (Wire) – Germany's chancellor hosted the Polish prime minister for talks on Monday.",
         date(2025, 5, 5), "Olaf Scholz", None),
        ("BERLIN (Wire) – Germany's chancellor hosted the Polish prime minister for talks on Tuesday.",
         date(2025, 5, 6), "Friedrich Merz", None),
        ("TOKYO (Wire) – Japan's prime minister met Vietnam's president in Tokyo on Monday.",
         date(2024, 9, 30), "Fumio Kishida", None),
        ("TOKYO (Wire) – Japan's prime minister met Vietnam's president in Tokyo on Tuesday.",
         date(2024, 10, 1), "Shigeru Ishiba", None),
        ("KYIV (Wire) – Ukrainian Defence Minister Rustem Umerov visited troops near Kharkiv and met British officials.",
         date(2024, 2, 12), "Rustem Umerov", None),
    ],
)
def test_kb_resolution_on_the_event_date(code_text, text, published, name, office):
    actors = _actors(code_text(text, published))
    assert name in actors, sorted(actors)
    if office:
        assert actors[name].office == office


def test_kb_former_official_is_eli(code_text):
    coded = code_text("Former Syrian president Bashar al-Assad condemned the strikes on Damascus.", date(2025, 6, 1))
    actor = next(a for e in coded.events for a in e.actor if a.identifier_text == "Bashar al-Assad")
    assert actor.sector == "ELI" and actor.office is None


def test_kb_user_layer_wins(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "persons:\n  - {id: ana-ruiz, name: Ana Ruiz, aliases: [Ruiz], country: FJI}\n"
        "offices:\n  - {office_id: FJI.foreign_minister, label: Minister of Foreign Affairs of Fiji, jurisdiction: FJI,"
        " role: foreign_minister}\n"
        "tenures:\n  - {person_id: ana-ruiz, office_id: FJI.foreign_minister, start: '2024-01-01', start_precision: day,"
        " end: '', end_precision: day, acting: false, source: test}\n")
    result = runner.invoke(app, ["kb", "holder", "foreign_minister", "--of", "FJI", "--on", "2024-06-01", "--json",
                                 "--kb-extra", str(extra)])
    assert result.exit_code == 0, result.output
    assert [h["name"] for h in json.loads(result.stdout)["holders"]] == ["Ana Ruiz"]


def test_kb_extra_malformed_is_refused(tmp_path):
    extra = tmp_path / "bad.yaml"
    extra.write_text("persons: [unclosed\n")
    result = runner.invoke(app, ["kb", "stats", "--kb-extra", str(extra)])
    assert result.exit_code == 1 and "bad.yaml: not valid YAML" in result.stderr


FIXTURES = __import__("pathlib").Path(__file__).parent / "fixtures" / "wdqs"


def test_kb_import_wikidata_reports_conflicts_and_keeps_curated_rows(tmp_path):
    out = tmp_path / "kb-user.yaml"
    result = runner.invoke(app, ["kb", "import", "wikidata", str(FIXTURES / "holders_kor.json"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "conflict: cho-tae-yul in KOR.foreign_minister" in result.stderr  # matched by name to the curated person
    assert "1 conflicts (curated rows kept)" in result.stderr
    holder = runner.invoke(app, ["kb", "holder", "foreign_minister", "--of", "KOR", "--on", "2024-11-04", "--json",
                                 "--kb-extra", str(out)])
    assert [h["name"] for h in json.loads(holder.stdout)["holders"]] == ["Cho Tae-yul"]


def test_kb_import_malformed_changes_nothing(tmp_path):
    out = tmp_path / "kb-user.yaml"
    runner.invoke(app, ["kb", "import", "wikidata", str(FIXTURES / "holders_eu.json"), "--out", str(out)])
    before = out.read_bytes()
    result = runner.invoke(app, ["kb", "import", "wikidata", str(FIXTURES / "malformed_entities.jsonl"), "--out", str(out)])
    assert result.exit_code == 1
    assert "malformed_entities.jsonl:3:" in result.stderr
    assert out.read_bytes() == before


def test_kb_user_tenure_replaces_the_shipped_one(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text("tenures:\n  - {person_id: kim-yong-hyun, office_id: KOR.defence_minister, start: '2024-09-06',"
                     " start_precision: day, end: '2024-10-01', end_precision: day, acting: false, source: my correction}\n")
    result = runner.invoke(app, ["kb", "holder", "defence_minister", "--of", "KOR", "--on", "2024-11-04", "--json",
                                 "--kb-extra", str(extra)])
    assert result.exit_code == 0, result.output
    assert "Kim Yong-hyun" not in [h["name"] for h in json.loads(result.stdout)["holders"]]


@pytest.mark.parametrize(
    "office, of, on, holder",
    [
        ("head_of_state", "CHN", "2010-06-01", "Hu Jintao"),  # team curation, before the 2013 curated rows
        ("head_of_state", "TUR", "2010-06-01", "Abdullah Gul"),
        ("head_of_government", "IND", "2010-06-01", "Manmohan Singh"),  # REIGN spell, name from Phoenix
        ("head_of_state", "NGA", "2012-06-01", "Goodluck Jonathan"),
        ("head_of_government", "CAN", "2010-06-01", "Stephen Harper"),
        ("head_of_state", "GHA", "1995-06-01", "Jerry John Rawlings"),  # a state the curated rows do not cover
        ("secretary_general", "UN", "2000-06-01", "Kofi Annan"),
    ],
)
def test_kb_office_history_goes_back(kb, office, of, on, holder):
    result = holders_of(kb, office, of, date.fromisoformat(on))
    assert holder in [h["name"] for h in result["holders"]]


def test_kb_verify_passes_on_the_shipped_kb():
    result = runner.invoke(app, ["kb", "verify"])
    assert result.exit_code == 0, result.output


def test_kb_verify_reports_each_problem(tmp_path):
    extra = tmp_path / "bad.yaml"
    extra.write_text(
        "persons:\n  - {id: ana-ruiz, name: Ana Ruiz, country: FJI, source: test, born: 1990}\n"
        "  - {id: ben-ola, name: Ben Ola, aliases: [Ola], country: FJI}\n"
        "  - {id: josefa-tikoduadua, name: Josefa Tikoduadua, aliases: [Tikoduadua], country: FJI, source: test}\n"
        "  - {id: josefa-tikoduaduaa, name: Josefa Tikoduaduaa, aliases: [Tikoduaduaa], country: FJI, source: test}\n"
        "tenures:\n  - {person_id: ana-ruiz, office_id: FJI.head_of_government, start: '2000-01-01', end: '2001-01-01',"
        " source: test}\n"
        "  - {person_id: ben-ola, office_id: FJI.head_of_government, start: '2000-06-01', end: '2002-01-01'}\n"
        "  - {person_id: josefa-tikoduadua, office_id: FJI.head_of_government, start: '1990-01-01', end: '1991-01-01',"
        " source: test}\n"
        "  - {person_id: josefa-tikoduaduaa, office_id: FJI.head_of_government, start: '1992-01-01', end: '1993-01-01',"
        " source: test}\n")
    result = runner.invoke(app, ["kb", "verify", "--warnings", "--kb-extra", str(extra)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert any(line.startswith("error\toverlap\tFJI.head_of_government: ana-ruiz") for line in lines), lines
    assert any(line.startswith("error\toutside_life\ttenure ana-ruiz") for line in lines)
    assert any(line.startswith("error\tno_source\tperson ben-ola") for line in lines)
    assert any(line.startswith("error\tno_source\ttenure ben-ola") for line in lines)
    assert any(line.startswith("warning\tno_name_variant\tperson ana-ruiz") for line in lines)
    assert "warning\tnear_duplicate\tpersons josefa-tikoduadua and josefa-tikoduaduaa (FJI) have nearly the same name: one person?" in lines


def test_kb_stats_show_the_oldest_known_until(kb):
    counts = stats(kb)
    assert counts["oldest_known_until"] == "2021-03-31"
    assert kb.known_until("USA.head_of_state") >= date(2025, 10, 31)
