from datetime import date

import pytest

from dyad.errors import InputError
from dyad.language import detect_language, looks_english
from dyad.sources.files import (
    MAX_CHARS,
    decode,
    make_article,
    read_html,
    read_jsonl,
    read_path,
    read_text,
)
from tests.conftest import RESOURCES


@pytest.mark.parametrize(
    "text, place, source",
    [
        ("NAIROBI (Kenya Wire) – Police fired tear gas.", "Nairobi", "Kenya Wire"),
        ("Geneva (Meridian Post) — Talks resumed on Monday.", "Geneva", "Meridian Post"),
        ("BUENOS AIRES – The president resigned.", "Buenos Aires", None),
        ("KYIV, Ukraine (Agency) - Drones struck the city.", "Kyiv, Ukraine", "Agency"),
        # a wire dateline's date is not part of its place
        ("HARARE, Oct 10 (Agency) - Police detained two men.", "Harare", "Agency"),
        ("LIMA, Peru, Jan. 5, 2024 (Agency) — Congress met.", "Lima, Peru", "Agency"),
        ("OSLO, 12 March – Talks resumed.", "Oslo", None),
        ("MARSEILLE (Agency) - Dockers walked out.", "Marseille", "Agency"),
        ("BUKAVU, Democratic Republic of Congo (Agency) - Rebels shelled the town.", "Bukavu, Democratic Republic of Congo",
         "Agency"),
        ("Kandahar, Afghanistan -- The Taliban detained two aid workers.", "Kandahar, Afghanistan", None),
        ("RAMALLAH/GAZA (Agency) - Talks resumed.", "Ramallah/Gaza", "Agency"),
    ],
)
def test_ingest_dateline_is_recognised(text, place, source):
    article = make_article(text)
    assert article.dateline_place == place
    assert article.dateline_source == source
    assert not article.text[article.body_start:].startswith(("(", "–", "—", "-", " "))


@pytest.mark.parametrize("text", ["The minister – who had resigned – spoke.", "Troops withdrew - officials said.",
                                  "MARCH 3 (Agency) - Talks resumed.", "FRIDAY, May 9 (Agency) - Talks resumed.",
                                  "Obama, Putin -- the two leaders met in Geneva."])
def test_ingest_no_dateline_in_ordinary_sentences(text):
    assert make_article(text).dateline_place is None


def test_ingest_article_id_is_a_content_hash():
    assert make_article("A  text.").id == make_article("A text.").id
    assert make_article("A text.").id != make_article("Another text.").id


def test_ingest_missing_file(tmp_path):
    with pytest.raises(InputError, match=r"nope\.txt: no such file"):
        read_text(tmp_path / "nope.txt")


def test_ingest_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("  \n")
    with pytest.raises(InputError, match=r"empty\.txt: empty input, nothing to code"):
        read_text(path)


def test_ingest_binary_file(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError, match=r"image\.txt: binary file, not text"):
        read_text(path)


def test_ingest_non_utf8_is_replaced_and_the_notice_names_the_byte():
    text, notice = decode("Talks.\nCaf\xe9 talks, caf\xe9".encode("latin-1"), "latin.txt")
    assert text == "Talks.\nCaf\ufffd talks, caf\ufffd"
    assert notice.message == ("latin.txt: not valid UTF-8 at byte offset 10 (0xe9, line 2); "
                              "2 invalid byte sequences replaced with U+FFFD")
    assert decode(b"Caf\xc3\xa9", "ok.txt") == ("Caf\u00e9", None)


def test_ingest_over_size_limit_names_the_limit():
    with pytest.raises(InputError, match=f"over the limit of {MAX_CHARS:,}"):
        make_article("word " * (MAX_CHARS // 4), where="big.txt")


def test_ingest_language_check():
    assert looks_english("The foreign minister met his counterpart in Paris on Monday for talks.")
    assert looks_english("Saudi warplanes bombed a market in Yemen's Saada province.")  # short, few function words
    assert not looks_english((RESOURCES / "non-english.txt").read_text("utf-8"))


def test_ingest_malformed_jsonl_line_is_named_and_others_are_read():
    items = list(read_jsonl(RESOURCES / "articles.jsonl"))
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(errors) == 1
    assert str(errors[0]).startswith(f"{RESOURCES / 'articles.jsonl'}:4: malformed JSON")
    assert len(items) - len(errors) == 5


def test_ingest_jsonl_keeps_input_ids_and_dates():
    articles = [i for i in read_jsonl(None, '{"id": "x1", "text": "Troops withdrew.", "date": "2020-01-02"}\n')]
    assert articles[0].id == "x1" and articles[0].date == date(2020, 1, 2)


def test_ingest_jsonl_bad_date_is_refused():
    items = list(read_jsonl(None, '{"id": "x1", "text": "Troops withdrew.", "date": "yesterday"}\n'))
    assert str(items[0]) == "<stdin>:1: date 'yesterday' is not an ISO date (YYYY-MM-DD)"


def test_ingest_html_page_gives_text_title_date_and_site():
    article = read_html(RESOURCES / "article.html")
    assert article.date == date(2025, 6, 12)
    assert article.title and article.source
    assert "cookie" not in article.text.lower()
    assert len(article.text.split()) > 150


def test_ingest_read_path_txt_takes_metadata(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("LIMA (Andes Wire) – Police detained 12 protesters.")
    [article] = list(read_path(path, date_=date(2024, 1, 5), source="Andes Wire", title="T", url=None))
    assert article.date == date(2024, 1, 5) and article.dateline_place == "Lima"


@pytest.mark.parametrize("text, language", [
    ("Saudi warplanes bombed a market in Yemen's Saada province.", "en"),
    ("Kim Jong Un met Putin in Vostochny.", "en"),
    ("El presidente de México se reunió con su homólogo estadounidense en Washington.", "es"),
    ("Der deutsche Außenminister traf seinen französischen Amtskollegen in Berlin.", "de"),
    ("Путин встретился с Си Цзиньпином в Пекине.", "ru"),
    ("A polícia prendeu 40 manifestantes em São Paulo.", "pt"),
    ("O governo de Portugal anunciou novas medidas.", "pt"),
    ("Xi Jinping meets Lula", "en"),
    ("Erdogan warns Athens", "en"),
    ("Putin met Xi at a summit.", "en"),
    # short English reports from Nigeria, which the detector scores as Nigerian Pidgin with confidence > 0.9
    ("Gunmen killed five people in Kaduna, Nigeria.", "en"),
    ("Police arrested 12 people in Lagos, Nigeria.", "en"),
    ("Di police don arrest di men wey attack di village.", "pcm"),  # Pidgin itself stays Pidgin
])
def test_ingest_detect_language_keeps_short_english(text, language):
    assert detect_language(text) == language
