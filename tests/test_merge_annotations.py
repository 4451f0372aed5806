"""What the analyst wrote on an event merged into another is carried to the kept event (issue 14): notes
joined, tags united, starred if either, the review "corrected" (rejected only when both were); undo gives
both events back exactly as they were, redo and `retag` carry them again. In the store and through
`edit --merge` on the command line."""
import json

from tests.test_cli_merge import run
from tests.test_curation_merge import _ids, merge_db, opened
from viewer.retag import retag
from viewer.store import curation


def _annotations(store) -> dict:
    """Every event's id -> (title, reports, review, reason, starred, note, tags)."""
    out = {}
    for e in store.events():
        a = curation.annotation(store, e.id)
        out[e.id] = (e.title, e.reports, a["review"], a["reason"], a["starred"], a["note"], tuple(a["tags"]))
    return out


def test_a_merged_event_s_note_tags_star_and_review_join_the_kept_one_and_undo_gives_both_back(tmp_path):
    path, _ = merge_db(tmp_path)
    with opened(path) as store:
        ids = _ids(store)
        grid, drone = ids["grid"], ids["drone"]
        curation.edit(store, grid, curation.Edit(note="Two sources agree.", add_tags=["shelling", "Drones"]))
        curation.edit(store, drone, curation.Edit(note="The governor's figure.", add_tags=["drones", "Russia"],
                                                  starred=True, review="confirmed"))
        before = _annotations(store)
        result = curation.merge(store, grid, drone)
        kept = curation.annotation(store, grid)
        assert kept["note"] == "Two sources agree.\n\nThe governor's figure."
        assert kept["tags"] == ["shelling", "Drones", "Russia"]           # "drones" is "Drones" already
        assert kept["starred"] and kept["review"] == "corrected"
        assert {c.field for c in result.changes} >= {"merged", "note", "tags", "starred", "review"}
        assert store.event(drone) is None
        # found by what it carries: the star, the other's tag, the words of its note
        assert grid in curation.selected_ids(store, starred=True)
        assert curation.selected_ids(store, tags=["russia"]) == {grid}
        merged = _annotations(store)

        assert curation.undo(store) is not None
        assert _annotations(store) == before                             # both, exactly as they were
        assert curation.redo(store) is not None
        assert _annotations(store) == merged
    retag(str(path))
    with opened(path) as store:
        assert _annotations(store) == merged
        assert curation.undo(store) is not None
        assert _annotations(store) == before


def test_a_rejection_carries_over_only_when_both_were_rejected(tmp_path):
    path, _ = merge_db(tmp_path)
    with opened(path) as store:
        ids = _ids(store)
        talks, border, grid, drone = ids["Talks"], ids["Poland"], ids["grid"], ids["drone"]
        curation.edit(store, talks, curation.Edit(review="rejected", reason="a meeting, not fighting"))
        curation.edit(store, border, curation.Edit(review="rejected", reason="outside the region"))
        curation.edit(store, drone, curation.Edit(review="rejected", reason="a duplicate"))
        before = _annotations(store)

        curation.merge(store, talks, border)                    # both rejected: it stays rejected
        kept = curation.annotation(store, talks)
        assert (kept["review"], kept["reason"]) == ("rejected", "a meeting, not fighting")
        assert kept["note"] == f"Event {border} was rejected: outside the region"

        curation.merge(store, grid, drone)                      # one rejected: the merge is a correction
        kept = curation.annotation(store, grid)
        assert (kept["review"], kept["reason"]) == ("corrected", None)
        assert kept["note"] == f"Event {drone} was rejected: a duplicate"

        curation.undo(store)
        curation.undo(store)
        assert _annotations(store) == before


def _events(db, *extra) -> dict[int, dict]:
    return {e["id"]: e for e in map(json.loads, run("events", "--db", db, "--json", *extra).stdout.splitlines())}


def test_edit_merge_on_the_command_line_carries_the_annotations_and_undo_restores_both(tmp_path):
    db = str(merge_db(tmp_path)[0])
    evs = _events(db)
    grid = next(e["id"] for e in evs.values() if "grid" in e["sentence"])
    drone = next(e["id"] for e in evs.values() if "drone" in e["sentence"])
    run("edit", "--db", db, str(grid), "--note", "Kyiv's grid, again", "--tag", "energy")
    run("edit", "--db", db, str(drone), "--star", "--tag", "energy", "--tag", "oil", "--note", "Bryansk depot",
        "--confirm")
    before = _events(db)

    out = run("edit", "--db", db, str(grid), "--merge", str(drone)).stdout
    assert "merged" in out and "note" in out and "starred: false -> true" in out
    after = _events(db)
    assert drone not in after
    kept = after[grid]
    assert kept["note"] == "Kyiv's grid, again\n\nBryansk depot"
    assert kept["tags"] == ["energy", "oil"] and kept["starred"] is True and kept["review"] == "corrected"
    assert grid in _events(db, "--starred") and grid in _events(db, "--tag", "oil")

    assert "undone" in run("undo", "--db", db).stdout
    assert _events(db) == before


def test_a_kept_event_s_own_rejection_is_said_in_the_note_when_the_merge_corrects_it(tmp_path):
    path, _ = merge_db(tmp_path)
    with opened(path) as store:
        ids = _ids(store)
        talks, border = ids["Talks"], ids["Poland"]
        curation.edit(store, talks, curation.Edit(review="rejected", reason="a meeting, not fighting"))
        curation.edit(store, border, curation.Edit(note="Checked with the border guard."))
        curation.merge(store, talks, border)                    # only the kept one was rejected
        kept = curation.annotation(store, talks)
        assert (kept["review"], kept["reason"]) == ("corrected", None)
        assert kept["note"] == ("Checked with the border guard.\n\n"
                                f"Event {talks} was rejected: a meeting, not fighting")
        curation.undo(store)                                    # and its own rejection back on undo
        mine = curation.annotation(store, talks)
        assert (mine["review"], mine["reason"], mine["note"]) == ("rejected", "a meeting, not fighting", None)
