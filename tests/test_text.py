"""viewer.text: one idea of a sentence, a dateline and an ISO date for the event builder, the tagger and
the lead."""
from datetime import date, datetime

from viewer import actors
from viewer.events import article_events
from viewer.model import Article
from viewer.text import DATELINE, as_date, sentence_breaks, split_sentences
from viewer.timex import tag


def _sentences(text):
    return [text[a:b] for a, b in split_sentences(text)]


def test_sentences_end_at_quotes_and_not_after_abbreviations():
    text = ("Mr. Smith met Gen. Jones on Jan. 5 in the U.S. Capitol. ``We will not go,'' he said. "
            "Messrs. Drabinsky and Gottlieb left.")
    assert _sentences(text) == [
        "Mr. Smith met Gen. Jones on Jan. 5 in the U.S. Capitol.",
        "``We will not go,'' he said.",
        "Messrs. Drabinsky and Gottlieb left.",
    ]


def test_breaks_are_where_the_sentences_split():
    text = "Troops left Kyiv. They came back\non Monday. The talks ended."
    spans = split_sentences(text)
    ends = [end for end, _ in sentence_breaks(text)]
    assert ends == [b for _, b in spans[:-1]]
    # inside a window, only the breaks that lie in it
    assert [end for end, _ in sentence_breaks(text, 20, len(text))] == ends[1:]


def test_the_tagger_reads_tense_inside_the_events_sentence():
    # "going to" belongs to the quotation before the sentence break ('' then a capital): no future cue
    # for Friday, which news read as the last one
    text = "``We're not going to dignify the leak with a response.'' McCurry on Friday. The leak was false."
    friday = next(e for e in tag(text, date(1998, 2, 4)) if e.text == "Friday")
    assert friday.value == "1998-01-30"


def test_an_article_lead_counts_sentences_as_the_events_do():
    text = ("Markets rise\nMessrs. Drabinsky and Gottlieb of Canada met on Monday. Japan agreed. "
            "France was not told.")
    # the headline stays with the first sentence; "Messrs." does not end it
    assert text[:actors.lead_end(text)].endswith("Japan agreed.")
    _, _, countries = article_events(Article(id="a", url=None, title=None, text=text, published="2024-11-18"))
    assert countries == ["CA", "JP"]


def test_a_dateline_names_its_place_region_and_agency():
    m = DATELINE.match("PARIS, Texas, Nov 18 (Reuters) - The mayor said ...")
    assert (m.group("place"), m.group("region")) == ("PARIS", "Texas")
    assert DATELINE.match("The mayor of PARIS - said") is None


def test_iso_dates_from_strings_dates_and_datetimes():
    assert as_date(" 2024-11-18T09:00:00") == date(2024, 11, 18)
    assert as_date(datetime(2024, 11, 18, 9)) == date(2024, 11, 18)
    assert type(as_date(datetime(2024, 11, 18, 9))) is date
    assert as_date("18/11/2024") is None
    assert as_date("") is None and as_date(None) is None and as_date(20241118) is None


def _sentences_in(text: str, language: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text, language)]


def test_sentences_end_before_capitals_of_every_script():
    """A Cyrillic or Polish capital opens a sentence as a Latin one does; the dates of one sentence never
    leak into the next (the tagger's tense and the events' sentences rely on it)."""
    uk = "Міністр виступив у понеділок, 18 листопада. Минулого вересня Путін попередив. «Це ескалація», — сказав він."
    assert _sentences_in(uk, "uk") == ["Міністр виступив у понеділок, 18 листопада.", "Минулого вересня Путін попередив.",
                                    "«Це ескалація», — сказав він."]
    pl = "Rozmowy zakończyły się we wtorek. Łódź przyjęła uchodźców."
    assert _sentences_in(pl, "pl") == ["Rozmowy zakończyły się we wtorek.", "Łódź przyjęła uchodźców."]


def test_a_german_ordinal_date_does_not_end_the_sentence():
    de = "Der Minister sagte an diesem Montag, dem 18. November, es sei eine Option. Im September warnte Putin."
    assert _sentences_in(de, "de") == ["Der Minister sagte an diesem Montag, dem 18. November, es sei eine Option.",
                                    "Im September warnte Putin."]
    # a number closing a sentence still closes it
    assert len(_sentences_in("Die Zahl der Opfer stieg auf 18. Dann kam der Winter.", "de")) == 2


def test_each_language_knows_its_abbreviations():
    assert len(_sentences_in("В 1939 г. Германия напала на Польшу. Это было начало войны.", "ru")) == 2
    assert len(_sentences_in("Il est né en 480 av. J.-C. à Athènes. Puis il partit.", "fr")) == 2
    assert len(_sentences_in("Gestern sprach Dr. Müller in Berlin. Heute reist er ab.", "de")) == 2


# --- the language detector's first pass (letters and function words, no model) ---------------------------

_CLEAR = {
    "fr": "Le ministre a parlé lundi soir, trois jours après l'attaque contre la ville, selon les autorités.",
    "de": "Der Minister sprach am Montagabend, drei Tage nach dem Angriff auf die Stadt, wie die Behörden sagten.",
    "es": "El ministro habló el lunes por la noche, tres días después del ataque contra la ciudad, según las "
          "autoridades.",
    "it": "Il ministro ha parlato lunedì sera, tre giorni dopo l'attacco contro la città, secondo le autorità.",
    "pt": "O ministro falou na segunda-feira à noite, três dias após o ataque contra a cidade, segundo as "
          "autoridades, que também não deram números.",
    "nl": "De minister sprak maandagavond, drie dagen na de aanval op de stad, volgens de autoriteiten die "
          "het nog niet hebben bevestigd.",
    "pl": "Minister przemawiał w poniedziałek wieczorem, trzy dni po ataku na miasto, jak podały władze.",
    "en": "The minister spoke on Monday evening, three days after the attack on the city, officials said.",
    "ru": "Министр выступил в понедельник вечером, через три дня после атаки на город, сообщили власти. "
          "Это был его первый визит.",
    "uk": "Міністр виступив у понеділок увечері, через три дні після атаки на місто, повідомила влада.",
}


def test_clear_texts_are_named_without_loading_the_model():
    """The detector's model takes most of a second to load: a text whose letters and commonest words leave no
    doubt is named without it (a fresh process, so nothing was loaded before)."""
    import json
    import subprocess
    import sys
    code = ("import json, sys; from viewer.text import detect_language; "
            f"got = {{k: detect_language(v) for k, v in {_CLEAR!r}.items()}}; "
            "print(json.dumps([got, 'py3langid' in sys.modules]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=str(__import__("pathlib").Path(__file__).resolve().parent.parent))
    got, loaded = json.loads(out.stdout)
    assert got == {lang: lang for lang in _CLEAR}
    assert loaded is False


def test_close_languages_are_still_left_to_the_model():
    """Belarusian, Bulgarian, Catalan, Afrikaans and Galician look like a news language to a count of letters and
    words; the first pass leaves them to the model, which names them."""
    from viewer.text import detect_language
    assert detect_language("Армія адышла ад ракі пасля двух тыдняў моцных абстрэлаў, і жыхары горада дагэтуль "
                           "чакаюць электрычнасць.") == "be"
    # Russian's ы and э, no і: Belarusian all the same (it writes no и)
    assert detect_language("Жыхары горада дагэтуль чакаюць электрычнасць, а горад застаецца без святла.") == "be"
    assert detect_language("Армията се оттегли от реката след две седмици силни обстрели.") == "bg"
    assert detect_language("Els veïns de la ciutat encara esperen que torni la llum, però el govern no diu res.") == "ca"
    assert detect_language("Die weermag het hom na twee weke van swaar beskieting van die rivier onttrek.") == "af"
    assert detect_language("Os veciños da cidade aínda agardan que volva a luz, pero o goberno non di nada.") == "gl"


def test_the_first_pass_agrees_with_the_model_wherever_it_decides():
    import viewer.text as text
    from tests.test_language import SENTENCES
    samples = [s for ss in SENTENCES.values() for s in ss] + list(_CLEAR.values())
    samples += [" ".join(_CLEAR.values()), _CLEAR["en"] + " «Ми не здамося», " + _CLEAR["en"]]
    first = {s: text._first_pass(s[:text.DETECT_CHARS]) for s in samples}
    assert sum(v is not None for v in first.values()) >= len(_CLEAR)
    original = text._first_pass
    try:
        text._first_pass = lambda sample: None
        for s, quick in first.items():
            if quick is not None:
                assert text.detect_language(s) == quick, s
    finally:
        text._first_pass = original
