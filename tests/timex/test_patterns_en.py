"""English pattern families are data (viewer/timex/lang/en/patterns.toml): the English tagger compiles the families
written there, in that order, with {NAME} placeholders expanded from pieces it builds from the lexicon; a mistake in
the file stops the import with an error naming the family (sentences written for these tests)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from viewer.timex import rules, tagger

ROOT = Path(__file__).resolve().parents[2]

# Import the English tagger with a modified copy of the patterns (in a fresh interpreter, since the tagger compiles
# its families once at import) and print what it reads in each text.
_WITH_PATTERNS = """
import json, sys
from datetime import date
from viewer.timex import rules
text = sys.stdin.read()
rules.patterns_text = lambda: text     # the file, as if it held this text
from viewer.timex import set_strict, tag
set_strict(True)
out = []
for t in {texts!r}:
    out.append([(e.text, e.value) for e in tag(t, date(2024, 11, 20), language="en")])
print(json.dumps(out))
"""

# the example family: one that stays in patterns.toml ("the day after Monday")
DAYREL = "dayrel"
DAYREL_PATTERN = r"""pattern = '(?i:the\s+day\s+(?:before|after))\s+(?:(?i:last|next|this)\s+)?{WEEKDAY}'"""


def _run(patterns: str, texts: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", _WITH_PATTERNS.format(texts=texts)], input=patterns, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def _without_family(text: str, name: str) -> str:
    head = f'[[family]]\nname = "{name}"\n'
    start = text.index(head)
    end = text.index("[[family]]", start + len(head))
    return text[:start] + text[end:]


def test_a_changed_pattern_changes_what_is_tagged():
    texts = ["They met the day after Monday.", "They met the day before Monday."]
    shipped = rules.patterns_text()
    assert DAYREL_PATTERN in shipped
    # "before" taken out of the pattern: "the day before Monday" is no longer read, "the day after Monday" still is
    changed = shipped.replace(DAYREL_PATTERN, DAYREL_PATTERN.replace("(?:before|after)", "(?:after)"), 1)
    r = _run(changed, texts)
    assert r.returncode == 0, r.stderr
    got = json.loads(r.stdout)
    assert got[0] == [["the day after Monday", "2024-11-19"]]
    assert ["the day before Monday", "2024-11-17"] not in got[1]
    r = _run(shipped, texts)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == [[["the day after Monday", "2024-11-19"]], [["the day before Monday", "2024-11-17"]]]


def test_a_family_removed_from_the_data_or_without_a_handler_stops_the_import():
    shipped = rules.patterns_text()
    r = _run(_without_family(shipped, DAYREL), ["the day after Monday"])
    assert r.returncode != 0
    assert "handler 'dayrel' has no family" in r.stderr
    extra = shipped + '\n[[family]]\nname = "fortnightly"\npattern = \'(?i:fortnightly)\'\n'
    r = _run(extra, ["fortnightly"])
    assert r.returncode != 0
    assert "family 'fortnightly': the tagger has no handler" in r.stderr


def test_a_placeholder_typo_is_an_error_naming_the_family():
    text = '[[family]]\nname = "dayrel"\npattern = \'(?i:the\\s+day\\s+after)\\s+{WEEKDYA}\'\n'
    with pytest.raises(ValueError, match=r"family 'dayrel': unknown placeholder \{WEEKDYA\}"):
        rules.families(text, tagger.PIECES)
    # a lower-case name is no placeholder of this file (it is the engine's syntax): an error, with the hint
    text = '[[family]]\nname = "month"\npattern = \'{month} {YEAR}\'\n'
    with pytest.raises(ValueError, match=r"family 'month': unknown placeholder \{month\} \(did you mean \{MONTH\}"):
        rules.families(text, tagger.PIECES)


def test_placeholders_expand_and_quantifiers_stay():
    text = ("[[family]]\nname = \"a\"\npattern = '{YEAR}-\\d{2}'\n"
            "[[family]]\nname = \"b\"\npattern = ['\\d{1,4}', '|{DAYN}']\n")
    got = rules.families(text, {"YEAR": "(?:Y)", "DAYN": "(?:D)"})
    # in the file's order (the priority); a list is joined with nothing in between
    assert got == [("a", r"(?:Y)-\d{2}"), ("b", r"\d{1,4}|(?:D)")]


def test_the_shipped_families_come_from_the_file_in_its_order():
    names = [n for n, _ in tagger.FAMILIES]
    in_file = [line.split('"')[1] for line in rules.patterns_text().splitlines() if line.startswith("name = ")]
    assert names == in_file and names[:2] == ["date_mdy", "date_dmy"] and names[-1] == "clock"
    assert "{" + "YEAR}" not in dict(tagger.FAMILIES)["year"] and tagger.YEAR in dict(tagger.FAMILIES)["year"]
