"""English vocabulary is data (viewer/timex/lang/en/lexicon.toml): the English tagger builds its patterns from it,
so a word added to the lexicon is a word the tagger reads, and English stays off the engine (sentences written for
these tests)."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from viewer.timex import rules, tag
from viewer.timex.engine import data

ROOT = Path(__file__).resolve().parents[2]
REF = date(2024, 11, 20)   # a Wednesday

# Build the English tagger from a modified copy of the lexicon (in a fresh interpreter, since the tagger compiles
# its patterns once at import) and print what it reads in each text.
_WITH_LEXICON = """
import json, sys
from datetime import date
from viewer.timex import rules, set_strict, tag
rules.__dict__.update(rules.tables(sys.stdin.read()))   # the tables, as if the file had these words
set_strict(True)
out = []
for text in {texts!r}:
    out.append([(e.text, e.value) for e in tag(text, date(2024, 11, 20), language="en")])
print(json.dumps(out))
"""


def _tag_with_lexicon(lexicon: str, texts: list[str]) -> list[list[list[str]]]:
    r = subprocess.run([sys.executable, "-c", _WITH_LEXICON.format(texts=texts)], input=lexicon, cwd=ROOT,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def _add(lexicon: str, table: str, line: str) -> str:
    head = f"[{table}]\n"
    assert head in lexicon
    return lexicon.replace(head, head + line + "\n", 1)


def _values(text: str):
    return [(e.text, e.value) for e in tag(text, REF, language="en")]


HOLIDAY = "Republic Day 2024 passed quietly in the capital."
HOSTS = "The minister hosts talks on Friday."


def test_a_word_added_to_the_lexicon_is_read_by_the_tagger():
    # with the shipped lexicon: no such holiday, and "hosts" is no cue of the future (the Friday just past)
    assert _values(HOLIDAY) == []
    assert _values(HOSTS) == [("Friday", "2024-11-15")]
    lexicon = rules.lexicon_text()
    lexicon = _add(lexicon, "holiday", '"republic day" = "01-26"')
    lexicon = lexicon.replace('future = [\n  "will",', 'future = [\n  "hosts", "will",', 1)
    assert '"hosts"' in lexicon
    got = _tag_with_lexicon(lexicon, [HOLIDAY, HOSTS])
    assert got[0] == [["Republic Day 2024", "2024-01-26"]]
    assert got[1] == [["Friday", "2024-11-22"]]   # now a plan: the coming Friday


def test_a_word_removed_from_the_lexicon_is_no_longer_read():
    text = "The talks ended last fortnight."
    assert _values(text)[0][0] == "last fortnight"
    lexicon = rules.lexicon_text().replace('fortnight = "fortnight"\n', "", 1)
    assert 'fortnight = "fortnight"' not in lexicon
    assert _tag_with_lexicon(lexicon, [text]) == [[]]


def test_the_shipped_tables_are_read_from_the_lexicon_file():
    built = rules.tables(rules.lexicon_text())
    assert rules.MONTHS == built["MONTHS"] and rules.MONTHS["september"] == 9
    assert rules.HOLIDAYS["thanksgiving"] == ("nth_weekday", 11, 4, 4)
    assert rules.HOLIDAYS["good friday"] == ("easter", -2)
    assert rules.PARTS_OF_DAY["overnight"] == ("NI", "21:00", "23:59")
    assert rules.UNITS["night"] == ("D", "day") and rules.UNITS["fortnight"] == ("W2", "week")
    assert rules.DEIXIS["the following"] == "next_a"


def test_english_is_not_an_engine_language():
    # English has rules.toml for the families moved onto the engine so far, but its `entry` line keeps the
    # English tagger (viewer/timex/tagger.py) its entry point: English is not among the engine's languages
    assert (ROOT / "viewer" / "timex" / "lang" / "en" / "lexicon.toml").is_file()
    assert "en" not in data.available()
