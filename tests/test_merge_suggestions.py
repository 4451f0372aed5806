"""Suggesting merges across languages (viewer.merging.likeness): the seed article and its five renderings
(tests/data/seed) give 48 events, eight happenings each told in English, German, Spanish, French, Russian and
Ukrainian. Nothing merges them at ingest (no shared figure); the merge dialog should list each event's
twins in the other languages first, and mark as likely the same happening only twins."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from viewer import merging
from viewer.ingest import ingest_paths
from viewer.merging import Likeness, common_names, likeness, marks, rank, report
from viewer.paths import seeds_dir
from viewer.store import Store

SEEDS = Path(__file__).resolve().parent / "data" / "seed"
BENCH = Path(__file__).resolve().parents[1] / "bench"
if str(BENCH) not in sys.path:
    sys.path.append(str(BENCH))

import merge_suggestions  # noqa: E402

LANGUAGES = 6


def _report(e) -> merging.Report:
    return report(article_id=e.article_id, sentence=e.sentence, time_text=e.time_text, earliest=e.earliest,
                  latest=e.latest, granularity=e.granularity, dating=e.dating, countries=e.countries)


@pytest.fixture(scope="module")
def seed_events(tmp_path_factory):
    db = tmp_path_factory.mktemp("seed") / "ml.db"
    ingest_paths([str(seeds_dir()), str(SEEDS)], str(db), jobs=1)
    store = Store.open(db, readonly=True)
    try:
        events = list(store.events())
        language = {e.id: (store.article(e.article_id) or {}).get("language") for e in events}
    finally:
        store.close()
    assert len(events) == 8 * LANGUAGES and len(set(language.values())) == LANGUAGES
    return events, language


def test_the_twins_in_other_languages_are_listed_first_and_only_twins_are_marked_likely(seed_events):
    events, _ = seed_events
    c = merge_suggestions.counts(events)     # bench/merge_suggestions.py prints the same counts
    assert c["twin_pairs"] == 48 * (LANGUAGES - 1)
    # measured: 48/48 first, 239/240 twins in the top 5, 164/240 twin pairs likely, 108/240 strong, no other
    assert c["twin_first"] == 48
    assert c["twins_in_first_five"] >= 235
    assert c["likely_twins"] >= 150 and c["strong_twins"] >= 100
    assert c["likely_others"] == 0 and c["strong_others"] == 0


def test_the_names_of_the_countries_at_war_are_common_and_a_place_is_not(seed_events):
    events, _ = seed_events
    common = common_names(_report(e) for e in events)
    skeleton = merging._skeleton
    assert {skeleton("Russia"), skeleton("Ukraine"), skeleton("Moscow")} <= common
    assert not {skeleton("Kursk"), skeleton("Macron"), skeleton("Peskov")} & common


def _one(sentence, countries=("RU", "UA"), day="2024-11-18", article="a", dating="written", time_text="Monday"):
    return report(article_id=article, sentence=sentence, time_text=time_text, earliest=day, latest=day,
                  granularity="day", dating=dating, countries=list(countries))


def test_likeness_across_languages_and_scripts():
    en = _one("A Russian missile strike on Kharkiv on Monday killed 12 people, Governor Syniehubov said.")
    uk = _one("Російський ракетний удар по Харкову в понеділок забив 12 людей, заявив губернатор "
              "Синєгубов.", article="b", time_text="в понеділок")
    found = likeness(en, uk)
    assert found.likely and found.strong
    assert "same date" in found.reasons and "same countries" in found.reasons
    assert any(r.startswith("figures 12") for r in found.reasons)
    assert found.describe().startswith("likely the same happening: same date, same countries")


def test_the_same_day_countries_and_place_are_marked_but_not_suggested():
    """Two happenings of one day among the same countries in one place: the dialog marks the other as
    likely (the analyst has the last word), the excerpt panel does not suggest it unasked."""
    strike = _one("Russian forces struck Kharkiv on Monday.")
    defence = _one("Ukrainian air defence was active over Kharkiv on Monday.", article="b")
    found = likeness(strike, defence)
    assert found.likely and not found.strong


def test_no_anchor_no_mark_and_no_date_in_common_nothing():
    a = _one("Russian forces shelled the region on Monday.")
    b = _one("Ukrainian forces held the line on Monday.", article="b")
    assert not likeness(a, b).likely                    # the same day and countries only
    c = _one("Russian forces shelled the region on Monday.", day="2024-11-20", article="c")
    assert likeness(a, c) == Likeness(0.0, False, ())   # other days: not alike at all
    same_article = _one("Russian forces struck Kharkiv on Monday, 12 killed.", article="a")
    again = _one("Kharkiv buried its 12 dead after the strike on Monday.", article="a")
    assert not likeness(same_article, again).likely     # one article tells a happening once


def test_marks_are_latin_words_any_language_writes_the_same_way():
    assert marks("Украина получила ATACMS и F-16.") >= {"atacms", "f-16"}
    assert "scalp" in marks("Крылатые ракеты Scalp Париж уже поставил.")
    assert "scalp" not in marks("Scalp cruise missiles have already been delivered by Paris.")
    assert marks("The drones came at 3 am.") == frozenset()


def test_rank_puts_the_likely_first_then_the_nearest():
    likes = [Likeness(0.5, False), Likeness(0.8, True), Likeness(0.9, True), Likeness(0.55, False)]
    assert rank(likes, [0.0, 5.0, 9.0, 0.0]) == [2, 1, 3, 0]
