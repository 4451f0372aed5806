"""The seed article in five other languages gives the events the English one gives, no more, with headline
titles; and the cues behind that, each tried on other sentences of its language:

* a stance or a habit that goes on ("always", "again and again": "stets", "siempre", "toujours", "всегда",
  "завжди") is no happening, as a span that reaches the report is none;
* in French, an adverb that ends like a participle ("a aussi une forte portée") is no past form, and "être"
  with a participle is a state told now ("est doté de", "sont situées") unless the verb is one of motion or
  change or a pronominal one ("est arrivé", "se sont réunis");
* in German, when the date that opened a sentence is left out of its title, the finite verb that came next
  does not open the title: the subject goes first ("Im Juli unterzeichnete Scholz …" → "Scholz unterzeichnete
  …"), or, when no subject can be told, the date stays;
* a short title cut before a clause of its own ("…, pero …") is a whole clause and ends there, with no "…";
* a title too long for a clause boundary ends before a phrase (a preposition) rather than at a word inside it
  ("… à l'Ukraine" before "pour utiliser des…"), in German with the verb that ends the clause.
"""
from collections import Counter
from pathlib import Path

import pytest

from viewer.events import article_events
from viewer.model import Article

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "tests" / "data" / "seed"
ENGLISH = ROOT / "seeds" / "000_b35eeb280cb7d20a.txt"
LANGUAGES = ["fr", "de", "es", "ru", "uk"]


def _events(path: Path):
    text = path.read_text(encoding="utf-8").strip()
    return article_events(Article(text=text, source=path.name))[1]


def _titles(code: str, sentences: list[str]) -> list[list[str]]:
    """The titles of each sentence's events, each sentence an article of its own published on 18 November."""
    out = []
    for s in sentences:
        _, events, _ = article_events(Article(text=s, published="2024-11-18", language=code))
        out.append([e.title for e in events])
    return out


def test_each_rendering_gives_the_events_of_the_english_seed_and_no_more():
    english = Counter((e.dating, e.time.value) for e in _events(ENGLISH))
    assert english == Counter({("reported", "2024-11-18"): 4, ("written", "2024-11-18"): 1,
                               ("written", "2024-SU"): 1, ("written", "2024-09"): 1,
                               ("written", "2024-W46-WE"): 1})
    for code in LANGUAGES:
        events = _events(SEEDS / f"seed_{code}.txt")
        got = Counter((e.dating, e.time.value) for e in events)
        assert got == english, (code, [(e.dating, e.time.value, e.title) for e in events])


def test_the_renderings_title_their_events_as_headlines():
    for code in LANGUAGES:
        for e in _events(SEEDS / f"seed_{code}.txt"):
            first = e.title.split()[0]
            # no title opens with a verb or a bare preposition left by the date's going ("Hatte der …")
            assert first.lower() not in {"hatte", "hat", "war", "wurde", "ist"}, (code, e.title)
            assert not e.title.endswith((", bislang…", ", pero hasta ahora…")), (code, e.title)
            assert "…" not in e.title or len(e.title) >= 60, (code, e.title)
    de = {e.time.value: e.title for e in _events(SEEDS / "seed_de.txt") if e.dating == "written"}
    assert de["2024-09"].startswith("Der russische Präsident Wladimir Putin: dies wäre eine Eskalation")
    # the headline, as the English seed's "The United States has given Ukraine the green light": a whole clause
    assert [_events(SEEDS / f"seed_{code}.txt")[0].title for code in LANGUAGES] == [
        "Les États-Unis ont donné leur feu vert à l'Ukraine",
        "Die Vereinigten Staaten haben der Ukraine grünes Licht gegeben",
        "Estados Unidos ha dado luz verde a Ucrania",
        "США дали Украине зелёный свет",
        "США дали Україні зелене світло",
    ]


@pytest.mark.parametrize("code, ongoing, done", [
    ("de", ["Russland hat stets bestritten, Zivilisten angegriffen zu haben.",
            "Die Regierung hat immer wieder betont, dass sie keine Truppen schicken werde."],
     ["Russland hat bestritten, Zivilisten angegriffen zu haben."]),
    ("es", ["Rusia siempre ha negado haber atacado a civiles.",
            "El Gobierno ha repetido una y otra vez que no enviará tropas."],
     ["Rusia ha negado haber atacado a civiles."]),
    ("fr", ["Le Kremlin a démenti à maintes reprises ces informations.",
            "Moscou a nié sans cesse toute implication."],
     ["Moscou a nié toute implication.", "Le Kremlin a démenti ces informations."]),
    ("ru", ["Россия всегда отрицала удары по мирным жителям.",
            "Кремль неизменно заявлял, что не планирует наступление."],
     ["Россия отрицала удары по мирным жителям."]),
    ("uk", ["Росія завжди заперечувала удари по цивільних.",
            "Кремль незмінно заявляв, що не планує наступу."],
     ["Росія заперечувала удари по цивільних."]),
])
def test_a_stance_that_always_holds_is_no_happening(code, ongoing, done):
    assert _titles(code, ongoing) == [[] for _ in ongoing]
    assert all(len(t) == 1 for t in _titles(code, done))


def test_french_states_with_avoir_and_etre_are_no_happenings():
    states = ["Le nouveau char est équipé d'un canon de 120 mm.",
              "Les bases aériennes sont situées près de la frontière.",
              "Cette décision a aussi un coût politique.",
              "Le gouvernement a plus de temps pour négocier."]
    assert _titles("fr", states) == [[] for _ in states]
    done = ["Le président est arrivé à Kiev.", "Les ministres se sont réunis à Bruxelles.",
            "Le ministre a aussi signé un accord.", "Les troupes sont entrées dans la ville.",
            "Les soldats ont été tués lors de l'attaque."]
    assert _titles("fr", done) == [[s.rstrip(".")] for s in done]


def test_a_german_title_does_not_open_with_the_verb_after_a_fronted_date():
    assert _titles("de", [
        "Im Juli unterzeichnete die Regierung das Abkommen in Berlin.",
        "Am Dienstag hat Russland die Stadt Charkiw mit Raketen beschossen.",
        "Am 3. März griffen sie Kiew erneut an.",
        "Im März hatte Außenminister Dmytro Kuleba erklärt, die Gespräche seien gescheitert.",
        "Am Freitag sagte der Sprecher des Ministeriums, die Lage an der Front sei sehr ernst.",
        "Am Montag griffen russische Truppen Kiew an.",
        "Im Juli unterzeichnete Kanzler Olaf Scholz das Abkommen.",
        "Im Mai begann die Offensive der Roten Armee.",
        "Russland hat am Dienstag die Stadt Charkiw mit Raketen beschossen.",
    ]) == [
        ["Die Regierung unterzeichnete das Abkommen in Berlin"],
        ["Russland hat die Stadt Charkiw mit Raketen beschossen"],
        ["Sie griffen Kiew erneut an"],
        ["Außenminister Dmytro Kuleba: die Gespräche seien gescheitert"],
        ["Der Sprecher des Ministeriums: die Lage an der Front sei sehr ernst"],
        # no subject to tell (where does it end: "russische Truppen Kiew", "Kanzler Olaf Scholz das Abkommen",
        # "die Offensive der Roten Armee"?): the date stays
        ["Am Montag griffen russische Truppen Kiew an"],
        ["Im Juli unterzeichnete Kanzler Olaf Scholz das Abkommen"],
        ["Im Mai begann die Offensive der Roten Armee"],
        ["Russland hat die Stadt Charkiw mit Raketen beschossen"],
    ]


@pytest.mark.parametrize("code, sentence, title", [
    ("es", "Rusia ha lanzado decenas de drones contra Kiev, pero la defensa aérea ucraniana ha derribado la "
           "mayoría.", "Rusia ha lanzado decenas de drones contra Kiev"),
    ("ru", "Россия запустила десятки дронов по Киеву, но ПВО Украины сбила большинство из них над городом.",
     "Россия запустила десятки дронов по Киеву"),
    ("uk", "Росія запустила десятки дронів по Києву, але ППО України збила більшість із них над містом.",
     "Росія запустила десятки дронів по Києву"),
    ("de", "Die Armee hat zwei Brücken gesprengt, seitdem können die Truppen den Fluss nicht mehr überqueren.",
     "Die Armee hat zwei Brücken gesprengt"),
])
def test_a_short_title_that_is_a_whole_clause_ends_at_its_clause(code, sentence, title):
    assert _titles(code, [sentence]) == [[title]]
    # but a saying cut before what was said is who without what: its title goes on to what was said
    (said,), = _titles("ru", ["Министр обороны Украины заявил журналистам в Киеве, что войска будут выведены "
                              "из города в ближайшие недели."])
    assert said.startswith("Министр обороны Украины") and "войска" in said


@pytest.mark.parametrize("code, sentence, title", [
    ("fr", "L'armée ukrainienne a détruit trois dépôts de munitions russes dans la région de Belgorod pendant la "
           "nuit de dimanche.", "L'armée ukrainienne a détruit trois dépôts de munitions russes"),
    ("es", "El ejército ucraniano ha destruido tres depósitos de munición rusos en la región de Bélgorod durante "
           "la noche del domingo.", "El ejército ucraniano ha destruido tres depósitos de munición rusos"),
    ("ru", "Украинская армия уничтожила три склада боеприпасов в Белгородской области в ночь на воскресенье после "
           "атаки дронов.", "Украинская армия уничтожила три склада боеприпасов"),
    ("uk", "Українська армія знищила три склади боєприпасів у Бєлгородській області в ніч на неділю після атаки "
           "дронів.", "Українська армія знищила три склади боєприпасів"),
    # a language whose verb ends the clause: the verb closes the title
    ("de", "Die Europäische Union hat der Ukraine neue Finanzhilfen für den Wiederaufbau der zerstörten "
           "Energieanlagen im Osten zugesagt.", "Die Europäische Union hat der Ukraine neue Finanzhilfen zugesagt"),
])
def test_a_long_title_ends_before_a_phrase_rather_than_inside_it(code, sentence, title):
    assert _titles(code, [sentence]) == [[title]]
    # not a saying cut before what was said, nor a clause whose verb is split ("griff … an"): cut at a word
    assert _titles("fr", ["Le gouvernement a annoncé de nouvelles mesures d'aide aux agriculteurs et a promis de "
                          "les appliquer rapidement dans toutes les régions."]) == [
        ["Le gouvernement a annoncé de nouvelles mesures d'aide aux…"]]
    assert _titles("de", ["Die Armee griff die Stellungen mit schwerer Artillerie und Drohnen an und zog sich "
                          "danach in die Wälder zurück."]) == [
        ["Die Armee griff die Stellungen mit schwerer Artillerie und Drohnen…"]]
