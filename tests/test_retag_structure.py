"""`retag` makes merges and splits again when a newer tagger or event builder moved a sentence they name
(its boundaries, the time expression read differently): the report is found again by its normalised
sentence, and the edits follow it. One that cannot be found is listed (`unplaced`), stays in effect and
is made again by a later retag that finds it; never dropped (issue 14)."""
from tests.test_curation_merge import _ids, merge_db, opened
from tests.test_retag import _newer_tagger
from viewer.retag import retag
from viewer.store import curation


def _reports(store, event_id) -> list[str]:
    return [x["sentence"] for x in store.excerpts(event_id)]


def _longer(words: str, more: str):
    """A newer builder whose sentence with ``words`` ends later (its boundary moved)."""
    def change(e):
        if words in e.sentence:
            e.sentence = f"{e.sentence} {more}"
        return e
    return change


def test_a_merge_whose_kept_sentence_moved_is_made_again(tmp_path, monkeypatch):
    path, _ = merge_db(tmp_path)
    with opened(path) as store:
        ids = _ids(store)
        talks, drone = ids["Talks"], ids["drone"]
        curation.edit(store, talks, curation.Edit(add_tags=["talks"]))
        curation.merge(store, talks, drone)
        assert len(_reports(store, talks)) == 2
    with monkeypatch.context() as m:
        _newer_tagger(m, _longer("Talks between", "Both sides spoke of progress."))
        report = retag(str(path)).report
    assert report.unplaced == [] and report.orphans == []
    with opened(path) as store:
        assert store.event(drone) is None
        reports = _reports(store, talks)                              # the kept event keeps its id
        assert len(reports) == 2 and reports[0].endswith("spoke of progress.") and "drone" in reports[1]
        ann = curation.annotation(store, talks)
        assert ann["tags"] == ["talks"] and ann["review"] == "corrected"
        # undo still gives the other event back, under its id
        assert curation.undo(store) is not None
        assert _reports(store, drone) and "drone" in _reports(store, drone)[0]
        assert len(_reports(store, talks)) == 1


def test_a_merged_report_whose_time_expression_is_read_differently_is_found_by_its_sentence(tmp_path, monkeypatch):
    path, _ = merge_db(tmp_path)
    with opened(path) as store:
        ids = _ids(store)
        talks, drone = ids["Talks"], ids["drone"]
        curation.edit(store, drone, curation.Edit(starred=True))
        curation.merge(store, talks, drone)

    def reread(e):
        if "drone" in e.sentence:
            assert e.time.text == "November 2024"
            e.time.text = "in November 2024"                         # the expression read with its word
        return e

    with monkeypatch.context() as m:
        _newer_tagger(m, reread)
        report = retag(str(path)).report
    assert report.unplaced == []
    with opened(path) as store:
        assert store.event(drone) is None and len(_reports(store, talks)) == 2
        assert curation.annotation(store, talks)["starred"]           # carried by the merge
        curation.undo(store)
        assert curation.annotation(store, drone)["starred"]           # the other's own star, on it again
        assert len(_reports(store, talks)) == 1


def test_a_split_whose_report_sentence_moved_is_made_again(tmp_path, monkeypatch):
    path, _ = merge_db(tmp_path)
    with opened(path) as store:
        grid = _ids(store)["grid"]
        second = store.excerpts(grid)[1]
        result = curation.split(store, grid, second["id"])
        apart = result.changes[0].new["id"]
        assert len(_reports(store, grid)) == 1 and len(_reports(store, apart)) == 1
        said = _reports(store, apart)[0]
    with monkeypatch.context() as m:
        _newer_tagger(m, _longer(said.split(",")[-1].strip() or said, "The city was dark."))
        report = retag(str(path)).report
    assert report.unplaced == []
    with opened(path) as store:
        assert len(_reports(store, grid)) == 1
        (moved,) = _reports(store, apart)
        assert moved.endswith("The city was dark.")
        curation.undo(store)                                          # the report goes back
        assert store.event(apart) is None and len(_reports(store, grid)) == 2


def test_a_merge_whose_kept_sentence_is_gone_is_listed_kept_and_made_again_later(tmp_path, monkeypatch):
    path, _ = merge_db(tmp_path)
    with opened(path) as store:
        ids = _ids(store)
        talks, drone = ids["Talks"], ids["drone"]
        curation.merge(store, talks, drone)
        merged = curation.next_undo(store)["batch"]
    with monkeypatch.context() as m:
        _newer_tagger(m, lambda e: None if "Talks between" in e.sentence else e)
        report = retag(str(path)).report
    (listed,) = report.unplaced
    assert listed["field"] == "merged" and listed["title"]
    assert [x["sentence"] for x in listed["missing"]] == [
        "Talks between France and Germany resumed on 3 March 2024 in Paris."]
    with opened(path) as store:
        assert curation.unplaced(store) == report.unplaced           # listed whenever asked, until found
        assert curation.next_undo(store)["batch"] == merged           # still in effect, not dropped
        assert store.event(drone) is not None
    report = retag(str(path)).report                                  # today's builder finds it again
    assert report.unplaced == []
    with opened(path) as store:
        assert curation.unplaced(store) == []
        assert store.event(drone) is None
        (together,) = [e for e in store.events() if "Talks between" in e.sentence]    # (a new id: it was gone)
        reports = _reports(store, together.id)
        assert len(reports) == 2 and "drone" in reports[1]


def test_a_merge_made_before_it_recorded_its_sentences_is_found_by_the_kept_event_s_annotation(
        tmp_path, monkeypatch):
    import json
    import sqlite3
    path, _ = merge_db(tmp_path)
    with opened(path) as store:
        ids = _ids(store)
        talks, drone = ids["Talks"], ids["drone"]
        curation.merge(store, talks, drone)
    conn = sqlite3.connect(path)
    with conn:                                  # the merge as an older version stored it
        (edit_id, new), = conn.execute("SELECT id, new FROM edits WHERE field = 'merged'").fetchall()
        spec = json.loads(new)
        del spec["said"]
        conn.execute("UPDATE edits SET new = ? WHERE id = ?", [json.dumps(spec), edit_id])
    conn.close()
    with monkeypatch.context() as m:
        _newer_tagger(m, _longer("Talks between", "Both sides spoke of progress."))
        assert retag(str(path)).report.unplaced == []
    with opened(path) as store:
        assert store.event(drone) is None and len(_reports(store, talks)) == 2
