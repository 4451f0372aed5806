"""The language of each article: from its source's metadata, else detected; it reaches the tagger, the
sentence splitter, the titles and the country finder; the command line shows it and says what was read."""
import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.events import article_events, article_language
from viewer.model import Article
from viewer.sources import read_path
from viewer.text import detect_language, language_code
from viewer.timex import reads_language, tag
from viewer.timex import cli as timex_cli
from viewer.timex import engine
from viewer.titles import MAX_TITLE, make_title

ROOT = Path(__file__).resolve().parent.parent

# Two short news sentences per language, written for these tests.
SENTENCES = {
    "en": ["The army pulled back from the river after two weeks of heavy shelling.",
           "Officials in the capital promised new shelters before the winter."],
    "fr": ["L'armée s'est retirée de la rivière après deux semaines de bombardements.",
           "Les habitants de la ville attendent toujours le retour de l'électricité."],
    "de": ["Die Armee zog sich nach zwei Wochen schwerer Angriffe vom Fluss zurück.",
           "Die Bewohner der Stadt warten noch immer auf den Strom."],
    "es": ["El ejército se retiró del río tras dos semanas de intensos bombardeos.",
           "Los vecinos de la ciudad siguen esperando que vuelva la luz."],
    "it": ["L'esercito si è ritirato dal fiume dopo due settimane di bombardamenti.",
           "Gli abitanti della città aspettano ancora il ritorno della corrente."],
    "pt": ["O exército recuou do rio depois de duas semanas de bombardeamentos.",
           "Os moradores da cidade ainda esperam que a eletricidade volte."],
    "nl": ["Het leger trok zich na twee weken zware beschietingen terug van de rivier.",
           "De inwoners van de stad wachten nog steeds op de stroom."],
    "pl": ["Wojsko wycofało się znad rzeki po dwóch tygodniach ciężkiego ostrzału.",
           "Mieszkańcy miasta wciąż czekają na powrót prądu."],
    "ru": ["Армия отошла от реки после двух недель сильных обстрелов.",
           "Жители города всё ещё ждут, когда вернут электричество."],
    "uk": ["Армія відступила від річки після двох тижнів сильних обстрілів.",
           "Мешканці міста досі чекають, коли повернуть електрику."],
}


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_short_news_sentences_are_detected_in_the_ten_languages(lang):
    for sentence in SENTENCES[lang]:
        assert detect_language(sentence) == lang, sentence


def test_texts_in_other_scripts_and_languages_are_named():
    assert detect_language("Ο στρατός αποσύρθηκε από το ποτάμι μετά από δύο εβδομάδες βομβαρδισμών.") == "el"
    assert detect_language("ჯარმა მდინარიდან ორი კვირის დაბომბვის შემდეგ უკან დაიხია.") == "ka"
    assert detect_language("Armén drog sig tillbaka från floden efter två veckor av tung beskjutning.") == "sv"


def test_what_cannot_be_told_is_unknown_rather_than_a_guess():
    for text in ("", "   ", "2024-11-18", "OK", "Kyiv", "!!! ??? …", "12:30 — 14:45"):
        assert detect_language(text) is None, text
    assert detect_language(None) is None


def test_a_quoted_phrase_keeps_the_article_language():
    text = ("The mayor thanked the volunteers and repeated the town's motto, «Ми вистоїмо», before the "
            "convoy left for the front on Tuesday morning.")
    assert detect_language(text) == "en"


@pytest.mark.parametrize("written, code", [
    ("fr", "fr"), ("fr-FR", "fr"), ("fr_FR", "fr"), ("FR", "fr"), ("en-us", "en"), ("uk-UA", "uk"),
    ("fra", "fr"), ("ukr", "uk"), ("ger", "de"), ("French", "fr"), ("pt-BR", "pt"), ("zh-Hant-TW", "zh"),
    (" de ", "de"), ("", None), (None, None), ("und", None), ("not a language", None), ("12", None),
])
def test_metadata_languages_are_normalised(written, code):
    assert language_code(written) == code


# ---------------------------------------------------------------------------------------------
# Readers

def _articles(path):
    return [a for a in read_path(str(path)) if isinstance(a, Article)]


def test_readers_normalise_the_source_language(tmp_path):
    page = tmp_path / "p.html"
    page.write_text('<html lang="fr-FR"><head><title>Frappes sur Kharkiv</title></head><body><article>'
                    "<p>Des frappes ont touché Kharkiv dans la nuit, selon le gouverneur de la région.</p>"
                    "<p>Les secours sont restés sur place jusqu'au matin.</p></article></body></html>",
                    encoding="utf-8")
    assert [a.language for a in _articles(page)] == ["fr"]
    dump = tmp_path / "d.jsonl"
    dump.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [
        {"text": "Сили оборони відбили атаку біля Куп'янська.", "language": "uk_UA"},
        {"text": "Ataque perto de Kharkiv durante a noite.", "language": "pt-BR"},
        {"text": "No language given for this one at all.", "language": None},
    ]), encoding="utf-8")
    assert [a.language for a in _articles(dump)] == ["uk", "pt", None]
    feed = tmp_path / "f.rss"
    feed.write_text('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Nachrichten'
                    "</title><link>https://example.org</link><language>de-DE</language><item><title>Angriff"
                    "</title><link>https://example.org/1</link><description>Drohnen griffen in der Nacht "
                    "Kyjiw an.</description></item></channel></rss>", encoding="utf-8")
    assert [a.language for a in _articles(feed)] == ["de"]
    text = tmp_path / "t.txt"
    text.write_text("Les troupes ont quitté la ville.\n", encoding="utf-8")
    assert [a.language for a in _articles(text)] == [None]      # a text file has no metadata


# ---------------------------------------------------------------------------------------------
# The article's language reaches everything that reads it

FRENCH = ("Kharkiv sous les frappes\n\n"
          "Le gouverneur de la région a déclaré le lundi 18 novembre 2024 que les frappes de la nuit avaient "
          "touché trois immeubles, dont une école, et que les secours travaillaient toujours sur place.\n"
          "Les habitants attendent encore le retour du chauffage dans plusieurs quartiers de la ville.")


def test_article_language_given_detected_or_unknown():
    assert article_language(Article(text=FRENCH, language="fr-FR")) == "fr"
    assert article_language(Article(text=FRENCH)) == "fr"
    # the title counts when the text alone is too short to tell
    assert article_language(Article(text="Kharkiv, 18.11.2024.", title="Les frappes ont repris sur la ville")) == "fr"
    assert article_language(Article(text="Kharkiv, 18.11.2024.")) is None


def test_article_events_pass_the_language_on(monkeypatch):
    import viewer.actors as actors
    import viewer.events as events
    seen = {}
    for name in ("find_mentions", "article_countries"):
        real = getattr(actors, name)

        def spy(*args, _real=real, _name=name, **kwargs):
            seen.setdefault(_name, set()).add(kwargs.get("language"))
            return _real(*args, **kwargs)
        monkeypatch.setattr(actors, name, spy)
    real_split = events.split_sentences
    monkeypatch.setattr(events, "split_sentences",
                        lambda text, language=None: seen.setdefault("split", set()).add(language)
                        or real_split(text, language=language))
    article, evs, _ = article_events(Article(text=FRENCH, id="a1"))
    assert article.language == "fr"
    assert seen == {"find_mentions": {"fr"}, "article_countries": {"fr"}, "split": {"fr"}}
    assert [e.time.value for e in evs] == ["2024-11-18"]
    # a French sentence gets a title in its own words, not English rewriting; a saying is "Speaker: claim"
    assert evs[0].title.startswith("Le gouverneur de la région: les frappes")
    assert len(evs[0].title) <= MAX_TITLE + 1


def test_titles_in_another_language_are_the_sentence_cut_at_a_clause():
    s = ("Le ministre a déclaré ce lundi que les missiles restaient une option, selon son entourage, "
         "malgré les menaces répétées de Moscou.")
    title = make_title(s, language="fr")
    assert title == "Le ministre a déclaré ce lundi que les missiles restaient une option"
    assert make_title("Die Angriffe gingen weiter.", language="de") == "Die Angriffe gingen weiter"
    long_word_run = "Міністр " + " ".join(["дуже"] * 30) + " довго говорив."
    t = make_title(long_word_run, language="uk")
    assert t.endswith("…") and len(t) <= MAX_TITLE and " ".join(t[:-1].split()) in long_word_run
    # English keeps its rules
    assert make_title("Officials said on Monday that the army pulled back from the river.", language="en") \
        == make_title("Officials said on Monday that the army pulled back from the river.")


def test_the_tagger_uses_the_given_language_over_detection():
    text = "Ryssland anföll Ukraina den 24 februari 2022."
    assert [e.value for e in tag(text, date(2024, 1, 1), language="sv")] == ["2022-02-24"]
    # told it is English, no dateparser: the Swedish month name is not read
    assert [e.value for e in tag(text, date(2024, 1, 1), language="en")] in ([], ["2022"])


def test_which_languages_have_rules():
    assert reads_language("en") and reads_language("en-GB")
    assert not reads_language("ka") and not reads_language(None)


# ---------------------------------------------------------------------------------------------
# timex --lang and --batch

def test_timex_file_reports_the_language_read():
    out = io.StringIO()
    timex_cli.run_file("Ryssland anföll Ukraina den 24 februari 2022.", date(2024, 1, 1), out, language="sv")
    lines = [json.loads(x) for x in out.getvalue().splitlines()]
    assert [(x["value"], x["language"]) for x in lines] == [("2022-02-24", "sv")]
    out = io.StringIO()
    timex_cli.run_file("Russia attacked Ukraine on 24 February 2022, officials recalled.", None, out)
    assert {json.loads(x)["language"] for x in out.getvalue().splitlines()} == {"en"}


def test_timex_batch_with_and_without_language():
    lines = [
        {"id": 1, "text": "Ryssland anföll Ukraina den 24 februari 2022.", "dct": "2024-01-01", "language": "sv"},
        {"id": 2, "text": "Ryssland anföll Ukraina den 24 februari 2022 och striderna fortsätter än idag.",
         "dct": "2024-01-01"},
        {"id": 3, "text": "Russia attacked Ukraine on 24 February 2022.", "dct": None, "language": None},
        {"id": 4, "text": "Kyiv", "language": "klingon!"},
    ]
    out = io.StringIO()
    errors = timex_cli.run_batch(io.StringIO("\n".join(json.dumps(x, ensure_ascii=False) for x in lines)), out)
    got = {r["id"]: r for r in map(json.loads, out.getvalue().splitlines())}
    assert errors == 1 and "error" in got[4]
    assert got[1]["language"] == "sv" and [t["value"] for t in got[1]["timexes"]] == ["2022-02-24"]
    assert got[2]["language"] == "sv" and "2022-02-24" in [t["value"] for t in got[2]["timexes"]]
    assert got[3]["language"] == "en" and [t["value"] for t in got[3]["timexes"]] == ["2022-02-24"]


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "viewer", *args], input=stdin, capture_output=True, text=True,
                          cwd=ROOT, timeout=300)


def test_timex_command_line_lang():
    proc = run("timex", "--dct", "2024-01-01", "--lang", "sv-SE", "-",
               stdin="Ryssland anföll Ukraina den 24 februari 2022.")
    assert proc.returncode == 0, proc.stderr
    assert [(json.loads(x)["value"], json.loads(x)["language"]) for x in proc.stdout.splitlines()] \
        == [("2022-02-24", "sv")]
    bad = run("timex", "--lang", "not a code", "-", stdin="x")
    assert bad.returncode == 2 and "language code" in bad.stderr


# ---------------------------------------------------------------------------------------------
# Ingest: languages stored, shown, counted; unsupported languages still stored and searchable

UKRAINIAN = ("Обстріл Харкова\n\n"
             "Губернатор області повідомив у понеділок, 18 листопада 2024 року, що нічні удари пошкодили "
             "три будинки та школу, а рятувальники досі працюють на місці.\n"
             "Мешканці кількох районів міста й далі чекають на відновлення опалення.")
GEORGIAN = ("თბილისში 2022-02-24 ათასობით ადამიანი გამოვიდა ქუჩაში უკრაინის მხარდასაჭერად, "
            "ხოლო საპროტესტო აქცია გვიან ღამემდე გაგრძელდა.")


@pytest.fixture(scope="module")
def mixed_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mixed")
    (folder / "fr.txt").write_text(FRENCH, encoding="utf-8")
    (folder / "uk.txt").write_text(UKRAINIAN, encoding="utf-8")
    (folder / "ka.txt").write_text(GEORGIAN, encoding="utf-8")
    db = folder / "x.db"
    proc = run("ingest", str(folder), "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    return db, proc.stderr


def test_ingest_stores_and_shows_each_article_language(mixed_db):
    db, _ = mixed_db
    proc = run("articles", "--db", str(db), "--json")
    assert proc.returncode == 0, proc.stderr
    by_title = {a["title"]: a["language"] for a in map(json.loads, proc.stdout.splitlines())}
    langs = sorted(by_title.values())
    assert langs == ["fr", "ka", "uk"], by_title
    events = [json.loads(x) for x in run("events", "--db", str(db), "--json").stdout.splitlines()]
    assert {e["language"] for e in events} >= {"fr", "uk"}
    assert "2024-11-18" in {e["value"] for e in events if e["language"] == "fr"}


def test_events_can_be_listed_for_one_language(mixed_db):
    db, _ = mixed_db
    everything = [json.loads(x) for x in run("events", "--db", str(db), "--json").stdout.splitlines()]
    proc = run("events", "--db", str(db), "--json", "--lang", "uk")
    assert proc.returncode == 0, proc.stderr
    ukrainian = [json.loads(x) for x in proc.stdout.splitlines()]
    assert ukrainian and {e["language"] for e in ukrainian} == {"uk"}
    assert len(ukrainian) == sum(1 for e in everything if e["language"] == "uk") < len(everything)


def test_ingest_summary_counts_languages_and_names_those_read_for_dates_only(mixed_db):
    _, stderr = mixed_db
    line = next(x for x in stderr.splitlines() if x.startswith("languages:"))
    assert all(f"{code} 1" in line for code in ("fr", "uk", "ka")), line
    assert any("'ka'" in x and "only absolute dates" in x for x in stderr.splitlines()), stderr
    assert not any("'fr'" in x and "only absolute dates" in x for x in stderr.splitlines()) \
        or not reads_language("fr")


def test_unsupported_language_is_stored_searchable_and_its_absolute_date_read(mixed_db):
    db, _ = mixed_db
    proc = run("events", "--db", str(db), "--json", "--search", "თბილისში")
    assert proc.returncode == 0, proc.stderr
    events = [json.loads(x) for x in proc.stdout.splitlines()]
    assert [(e["value"], e["language"]) for e in events] == [("2022-02-24", "ka")]


# ---------------------------------------------------------------------------------------------
# Mixed-language text never raises (the tests run the tagger in strict mode: a handler error raises)

_SCRIPTS = st.sampled_from([
    "Last September, ", "в понеділок 18 листопада ", "минулого тижня ", "le lundi 18 novembre 2024 ",
    "septembre dernier ", "letzten Montag ", "el pasado martes ", "w zeszłym tygodniu ", "три дні тому ",
    "στις 24 Φεβρουαρίου 2022 ", "2022 წლის 24 თებერვალს ", "٢٤ فبراير ٢٠٢٢ ", "2024年11月18日 ", "1990s ",
    "ago ", "il y a trois jours ", "13.05.2023 ", "2024-SU ", "— ", "\n\n", "? ", "«", "»",
])
_MIXED = st.lists(st.one_of(_SCRIPTS, st.text(max_size=12)), max_size=14).map("".join)


@settings(max_examples=60, deadline=None)
@given(_MIXED, st.sampled_from([None, "en", "fr", "uk", "ka", "xx", *sorted(engine.LANGUAGES)]))
def test_mixed_language_text_never_raises(text, language):
    detected = detect_language(text)
    assert detected is None or (isinstance(detected, str) and detected.islower())
    for e in tag(text, date(2024, 11, 18), language=language):
        assert 0 <= e.start < e.end <= len(text) and text[e.start:e.end] == e.text
    article, events, _ = article_events(Article(text=text or "x", language=language, id="m"))
    assert article.language is None or article.language.islower()
    for ev in events:
        assert isinstance(ev.title, str)
