"""Days and millennia before the common era, from the tagger through the event builder into the store: each
event keeps its TIMEX3 value and gets its place on the timeline's axis (seconds before year 1)."""
from viewer.events import article_events
from viewer.model import Article
from viewer.store import Store
from viewer.store.values import seconds_to_iso

TEXT = ("On 15 March 44 BC Caesar was killed in the Senate house by conspirators. Two days later the Senate met in "
        "the temple of Tellus and granted an amnesty. Farming had reached Italy in the 6th millennium BC, when "
        "villages spread along the coasts.")


def test_bc_days_and_a_millennium_are_stored_in_order(tmp_path):
    store = Store.open(str(tmp_path / "bc.db"))
    try:
        store.add_articles([article_events(Article(text=TEXT, published="2024-05-01", language="en"))])
        rows = sorted(store.events(), key=lambda r: r.t0)
    finally:
        store.close()
    assert [(r.value, r.granularity) for r in rows] == [
        ("BC5", "millennium"), ("BC0044-03-15", "day"), ("BC0044-03-17", "day")]
    farming, killed, senate = rows
    assert killed.t1 - killed.t0 == 86400 and senate.t0 - killed.t0 == 2 * 86400
    assert seconds_to_iso(killed.t0) == "-0043-03-15"
    assert farming.t1 <= killed.t0 and seconds_to_iso(farming.t0) == "-5999-01-01"
