"""An event belongs to every language its reports are in: one happening reported in English, then in French
(and in an article whose language is not known), merged into one event, is kept by the language filter for
each of those languages and counted under each in the language list, alike in SQL (the Store, the window's
queries, the command line) and in numpy (the table's and the timeline's arrays); and an analyst's merge of
two events of different languages, then a split, moves the languages with the reports."""
from __future__ import annotations

import json
from dataclasses import replace

from viewer.cli import main as cli_main
from viewer.model import Article, CountryMention, Event, TimeExpression, ViewFilter
from viewer.store import Store, curation, eventset
from viewer.store import timeline as tstore
from viewer.store import window as queries
from viewer.store.filtering import NO_LANGUAGE
from viewer.tablerows import TableRows

# One happening told three times (the same names and figures, so that the reports merge), and events of
# their own in each language.
BLACKOUT_EN = "Ukrenergo cut power in Kyiv, Kharkiv, Odesa, Lviv and Dnipro on 17 November 2024."
BLACKOUT_FR = "Ukrenergo a coupé le courant à Kyiv, Kharkiv, Odesa, Lviv et Dnipro le 17 novembre 2024."
BLACKOUT_UND = "Ukrenergo: Kyiv, Kharkiv, Odesa, Lviv, Dnipro, 17.11.2024."
TALKS_EN = "Diplomats met in Geneva on 3 March 2024 to discuss grain exports."
PARIS_FR = "Le ministre a reçu son homologue allemand à Paris le 5 mars 2024."


def _article(language: str | None, sentences: list[tuple[str, str, str, list[str]]]):
    """An article in `language` (None: not known) and its events: (sentence, time words, ISO day,
    countries) each."""
    text = " ".join(s for s, _, _, _ in sentences)
    article = Article(text=text, title=sentences[0][0][:40], published="2024-11-20", published_source="given",
                      language=language)
    events = []
    for sentence, words, day, countries in sentences:
        s0 = text.index(sentence)
        t0 = text.index(words, s0)
        time = TimeExpression(t0, t0 + len(words), words, "DATE", day, day, day, "day", "a date", None, day)
        mentions = [CountryMention(s0, s0 + 2, text[s0:s0 + 2], c) for c in countries]
        events.append(Event(article.id, s0, s0 + len(sentence), sentence, time, title=sentence[:50],
                            countries=countries, mentions=mentions))
    return article, events, sorted({c for e in events for c in e.countries})


def three_reports_store(path=":memory:") -> Store:
    """English first (the blackout and the talks), then French (the blackout again and a visit to Paris),
    then an article of unknown language (the blackout a third time): four events, one with three reports."""
    store = Store.open(path)
    store.add_articles([_article("en", [(BLACKOUT_EN, "17 November 2024", "2024-11-17", ["UA"]),
                                        (TALKS_EN, "3 March 2024", "2024-03-03", ["CH"])])])
    store.add_articles([_article("fr", [(BLACKOUT_FR, "17 novembre 2024", "2024-11-17", ["UA"]),
                                        (PARIS_FR, "5 mars 2024", "2024-03-05", ["FR", "DE"])])])
    store.add_articles([_article(None, [(BLACKOUT_UND, "17.11.2024", "2024-11-17", ["UA"])])])
    return store


def _ids(store) -> dict[str, int]:
    return {e.sentence.split()[0]: e.id for e in store.events()}


def _numpy(store, f: ViewFilter):
    """The events the table's arrays keep (in the table's order), their counts per language, and the
    events the timeline keeps, as the window computes them with the arrays and without them."""
    occ = tstore.load_occurrences(store)
    ev = eventset.load_event_arrays(store, occ)
    search = queries.search_ids(store, f.search) if f.search else None
    rows = TableRows()
    rows.apply(ev, f, search)
    got = rows.rows(("date", False))
    pos = ev.positions(occ.eid)
    keep = tstore.filter_mask(occ, ViewFilter(countries=f.countries))            # the lanes
    keep &= ev.base_mask(replace(f, languages=None, countries=None), search)[pos]
    langs = ev.language_mask(f.languages)           # the timeline's: per event, read at each occurrence
    if langs is not None:
        keep &= langs[pos]
    on_timeline = set(occ.eid[keep].tolist())
    without_arrays = set(occ.eid[tstore.filter_mask(occ, f, tstore.matching_ids(store, f))].tolist())
    assert without_arrays == on_timeline
    return got.ids.tolist(), got.languages, on_timeline


def _kept(store, languages) -> list[int]:
    """The events a language filter keeps, checked to be the same in every back end."""
    f = ViewFilter(languages=frozenset(languages))
    sql = [e.id for e in store.events(f)]
    assert [e.id for e in queries.events_page(store, f, 0, 100)] == sql
    assert store.count_events(f) == queries.count_events(store, f) == len(sql)
    table, _, timeline = _numpy(store, f)
    assert table == sql and timeline == set(sql)
    return sql


def _counts(store, f: ViewFilter | None = None) -> dict[str, int]:
    """The language list's counts under `f`, checked to be the same from SQL and from the arrays."""
    f = f or ViewFilter()
    sql = queries.language_counts(store, f)
    assert _numpy(store, f)[1] == sql
    return sql


def test_a_happening_reported_in_three_languages_is_kept_by_each_and_counted_under_each():
    store = three_reports_store()
    try:
        ids = _ids(store)
        blackout, talks, paris = ids["Ukrenergo"], ids["Diplomats"], ids["Le"]
        assert len(ids) == 3 and store.event(blackout).reports == 3     # the three reports merged
        assert store.article(store.event(blackout).article_id)["language"] == "en"   # its first report's
        assert _kept(store, {"en"}) == [talks, blackout]
        assert _kept(store, {"fr"}) == [paris, blackout]      # first reported in English, also in French
        assert _kept(store, {NO_LANGUAGE}) == [blackout]      # a report whose article has no language
        assert _kept(store, {"fr", "en"}) == [talks, paris, blackout]   # (once, though in both)
        assert _kept(store, {"de"}) == [] and _kept(store, set()) == []
        # the list beside the filter: the blackout under each of its languages
        assert _counts(store) == {"en": 2, "fr": 2, NO_LANGUAGE: 1}
        assert queries.language_choices(store) == [
            {"code": "en", "articles": 1, "events": 2}, {"code": "fr", "articles": 1, "events": 2},
            {"code": NO_LANGUAGE, "articles": 1, "events": 1}]
        # under the other filters, not the languages chosen
        assert _counts(store, ViewFilter(languages=frozenset({"fr"}), countries=frozenset({"UA"}))) == {
            "en": 1, "fr": 1, NO_LANGUAGE: 1}
        assert _counts(store, ViewFilter(countries=frozenset({"FR"}))) == {"fr": 1}
        assert _counts(store, ViewFilter(search="Geneva")) == {"en": 1}
        # an older file (before version 2, opened read-only) has no excerpts: its events' languages are
        # their own articles' (their first report's)
        store.db.execute("DROP TABLE excerpts_fts")
        store.db.execute("DROP TABLE excerpts")
        store._tables.clear()
        f = ViewFilter(languages=frozenset({"fr"}))
        assert [e.id for e in store.events(f)] == [paris]
        assert queries.language_counts(store, None) == {"en": 2, "fr": 1}
        ev = eventset.load_event_arrays(store)
        assert ev.ordered_ids(ev.mask(f)).tolist() == [paris]
        assert ev.language_counts(ev.mask(None)) == {"en": 2, "fr": 1}
    finally:
        store.close()


def test_the_command_line_lists_the_events_reported_in_a_language(tmp_path, capsys):
    path = tmp_path / "three.db"
    three_reports_store(path).close()
    for code, want in (("fr", ["Le", "Ukrenergo"]), ("und", ["Ukrenergo"]), ("en", ["Diplomats", "Ukrenergo"])):
        assert cli_main(["events", "--db", str(path), "--json", "--lang", code]) == 0
        listed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        assert [e["sentence"].split()[0] for e in listed] == want, code


def two_events_store(path=":memory:") -> Store:
    """An English report and a French one of the same day and country whose words differ (the machine
    keeps them apart): two events."""
    store = Store.open(path)
    store.add_articles([_article("en", [(BLACKOUT_EN, "17 November 2024", "2024-11-17", ["UA"])])])
    drones = "Des drones ont frappé un dépôt pétrolier près de Lviv le 17 novembre 2024."
    store.add_articles([_article("fr", [(drones, "17 novembre 2024", "2024-11-17", ["UA"])])])
    return store


def test_an_analysts_merge_gives_the_event_both_languages_and_a_split_gives_each_its_own():
    store = two_events_store()
    try:
        english, french = _ids(store)["Ukrenergo"], _ids(store)["Des"]
        assert _kept(store, {"fr"}) == [french] and _counts(store) == {"en": 1, "fr": 1}

        curation.merge(store, english, french, user="test")          # one happening after all
        assert [e.id for e in store.events()] == [english]
        assert _kept(store, {"fr"}) == [english] and _kept(store, {"en"}) == [english]
        assert _counts(store) == {"en": 1, "fr": 1}

        curation.undo(store)                            # two again, each in its language
        assert _kept(store, {"fr"}) == [french] and _kept(store, {"en"}) == [english]
        curation.redo(store)
        assert _kept(store, {"fr"}) == [english]

        first = store.event(english).article_id
        report = next(x["id"] for x in store.excerpts(english) if x["article_id"] != first)   # the French one
        result = curation.split(store, english, report, user="test")   # not one happening: each its own
        parted = result.changes[0].new["id"]
        assert _kept(store, {"fr"}) == [parted] and _kept(store, {"en"}) == [english]
        assert _counts(store) == {"en": 1, "fr": 1}
        assert _counts(store, ViewFilter(languages=frozenset({"fr"}))) == {"en": 1, "fr": 1}
    finally:
        store.close()


def test_the_arrays_keep_an_event_of_a_second_language_among_a_few_edited_ones():
    """`base_mask_at` (what an edit of a few events re-filters) agrees with the whole mask."""
    store = three_reports_store()
    try:
        ev = eventset.load_event_arrays(store)
        for languages in ({"fr"}, {NO_LANGUAGE}, {"en"}, {"de"}):
            f = ViewFilter(languages=frozenset(languages))
            whole = ev.mask(f)
            pos = [2, 0, 1]
            assert ev.base_mask_at(f, pos).tolist() == whole[pos].tolist(), languages
        # a count corrected for a few changed events is the count made anew
        mask = ev.mask(None)
        assert ev.language_counts(mask) == {"en": 2, "fr": 2, NO_LANGUAGE: 1}
        blackout = int(ev.positions([_ids(store)["Ukrenergo"]])[0])
        mask[blackout] = False
        assert ev.language_counts(mask) == {"en": 1, "fr": 1}
        mask[blackout] = True
        assert ev.language_counts(mask) == {"en": 2, "fr": 2, NO_LANGUAGE: 1}
    finally:
        store.close()
