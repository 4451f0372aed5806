"""viewer.merging: whether two reports tell of the same happening."""
import ast
from pathlib import Path

import viewer.merging as merging
from viewer.merging import content_words, same_happening
from viewer.model import Event, TimeExpression


def _event(earliest, latest, countries, sentence):
    t = TimeExpression(0, 1, "x", "DATE", "v", earliest, latest, "day")
    return Event("a", 0, len(sentence), sentence, t, "t", countries)


def test_only_the_model_and_the_text_rules_are_needed():
    # the store imports the scorer directly: it must not drag in the tagger or the event builder
    tree = ast.parse(Path(merging.__file__).read_text(encoding="utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert {m for m in imported if m.startswith("viewer")} <= {"viewer.model", "viewer.text"}


def test_content_words_leave_out_stopwords_and_short_words():
    assert content_words("The army said it had taken Bakhmut on Monday.") == \
        frozenset({"army", "taken", "bakhmut", "monday"})


def test_reports_of_one_happening_score_higher_than_others():
    a = _event("2024-11-16", "2024-11-17", ["DE", "RU"], "Germany resumed talks with Moscow last weekend.")
    b = _event("2024-11-16", "2024-11-16", ["DE", "RU"], "Germany resumed talks with Moscow on Saturday.")
    c = _event("2024-11-16", "2024-11-17", ["DE", "RU"], "Germany closed its embassy in Moscow.")
    assert same_happening(a, b) > same_happening(a, c) > 0


def test_unknown_or_disjoint_dates_are_never_the_same_happening():
    a = _event("2024-11-16", "2024-11-16", ["DE"], "Germany resumed talks.")
    assert same_happening(a, _event("2024-11-18", "2024-11-18", ["DE"], "Germany resumed talks.")) == 0
    assert same_happening(a, _event(None, None, ["DE"], "Germany resumed talks.")) == 0
    assert same_happening(a, _event("XXXX-11", "XXXX-11", ["DE"], "Germany resumed talks.")) == 0


def test_a_reported_happening_does_not_swallow_an_unrelated_dated_one():
    from viewer.merging import same_happening
    from viewer.model import Event, TimeExpression

    def ev(sentence, earliest, latest, dating, countries=("UA", "RU")):
        t = TimeExpression(None if dating == "reported" else 0, None if dating == "reported" else 1, "x", "DATE",
                           latest, earliest, latest, None if dating == "reported" else "day")
        return Event("a", 0, len(sentence), sentence, t, "t", list(countries), dating=dating)
    reported = ev("Russian forces shelled Kharkiv overnight, the governor said.", "2024-11-16", "2024-11-18",
                  "reported")
    unrelated = ev("Ukraine and Russia exchanged prisoners on Sunday.", "2024-11-17", "2024-11-17", "written")
    same = ev("Russian forces shelled Kharkiv on Sunday night, the governor said.", "2024-11-17", "2024-11-17",
              "written")
    assert same_happening(reported, unrelated) <= 0.5
    assert same_happening(reported, same) > same_happening(reported, unrelated)
