"""The event builder's cues are data: one TOML file per language (viewer/eventcues/<code>.toml), read once and
compiled; a new file is all a language needs to get them."""
from __future__ import annotations

import shutil
from importlib import resources

import pytest

from viewer import events
from viewer.events import CUE_FOLDER, article_events, cue_files, load_cues, tells_happening, use_cues
from viewer.model import Article

pytest.importorskip("viewer.timex")


def test_every_language_file_loads_and_gives_its_language_a_cue_of_a_happening():
    texts = cue_files()
    assert "en" in texts
    for code, text in texts.items():
        cues = load_cues({code: text})
        if code == "en":
            assert cues.words["irregular_past"] and cues.words["stative"]
        else:
            assert code in cues.patterns["past"], f"{code}.toml has no past pattern"


def test_every_language_the_tagger_reads_has_cues():
    from viewer.timex import engine
    assert set(engine.LANGUAGES) <= set(cue_files())


@pytest.fixture
def swedish_cues(tmp_path):
    """The package's files and one more: Swedish, which the app does not otherwise know."""
    folder = tmp_path / "cues"
    shutil.copytree(str(resources.files("viewer") / CUE_FOLDER), folder)
    (folder / "sv.toml").write_text(
        "[cues]\n"
        "past = ['''\\b(?:har|hade)\\s+\\w{3,}(?:at|it|t)\\b''', '''|\\b\\w{3,}(?:ade|ades|de)\\b''']\n"
        "hypothetical = ['''\\b(?:skulle|kunde|om)\\b''']\n"
        "[everywhere]\n"
        "since = ['''\\bsedan''']\n", encoding="utf-8")
    previous = use_cues(load_cues(cue_files(folder)))
    yield
    use_cues(previous)


SWEDISH = "Ryska styrkor besköt staden Charkiv, meddelade guvernören."


def _swedish_events():
    _, evs, _ = article_events(Article(text=SWEDISH, published="2024-11-18", language="sv",
                                       published_source="given"))
    return evs


def test_without_its_file_a_language_has_no_cue_of_a_happening():
    assert not tells_happening(SWEDISH, "sv")
    assert _swedish_events() == []


def test_adding_a_language_file_is_enough_to_give_that_language_cues(swedish_cues):
    assert tells_happening(SWEDISH, "sv")
    assert not tells_happening("Ryssland skulle kunna anfalla om Nato svarade.", "sv")  # hypothetical
    (e,) = _swedish_events()
    assert e.dating == "reported" and e.time.latest == "2024-11-18"
    # the other languages keep theirs
    assert tells_happening("Russian forces shelled Kharkiv.", "en")
    assert tells_happening("Les forces russes ont bombardé Kharkiv.", "fr")


def test_after_the_new_file_is_taken_away_the_language_has_no_cues_again(swedish_cues):
    use_cues(load_cues(cue_files()))
    assert not tells_happening(SWEDISH, "sv")


@pytest.mark.parametrize("text, words", [
    ("[cues]\npast = '''(unclosed'''\n", ["xx", "past"]),
    ("[cues]\npassed = '''x'''\n", ["xx", "passed"]),
    ("[verbs]\npast = '''x'''\n", ["xx", "verbs"]),
    ("[cues\n", ["xx"]),
])
def test_a_mistake_in_a_cue_file_names_the_language_and_the_entry(text, words):
    with pytest.raises(ValueError) as err:
        load_cues({"xx": text})
    assert all(w in str(err.value) for w in words)


def test_the_module_reads_the_package_files_once():
    assert events.CUES.languages == frozenset(cue_files())
