"""The corpus readers of the evaluation harness (bench/corpora.py): the plain text they give back must line
up with the annotated spans, or every figure the harness prints is silently wrong."""
import sys
from datetime import date
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
if str(BENCH) not in sys.path:
    sys.path.append(str(BENCH))

import corpora  # noqa: E402


TIMEML = """<?xml version="1.0"?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="1999-05-17" functionInDocument="CREATION_TIME">17/05/1999</TIMEX3></DCT>
<TEXT>
Le <TIMEX3 tid="t1" type="DATE" value="1999-05-16">16 mai</TIMEX3>, Schumacher &amp; Irvine ont <EVENT eid="e1">gagn\u00e9</EVENT> \u00e0 Monaco
en <TIMEX3 tid="t2" type="DURATION" value="PT1H49M">1 h 49</TIMEX3> &#233;tait &lt;record&gt;.
</TEXT>
<TLINK lid="l1" relatedToTime="t1"/>
</TimeML>
"""


def test_timeml_offsets_entities_and_creation_time():
    text, dct, gold = corpora.read_timeml(TIMEML)
    assert dct == date(1999, 5, 17)
    assert "Schumacher & Irvine" in text and "\u00e9tait <record>." in text
    assert "<" not in text.replace("<record>", "")
    assert [(g[2], g[3], g[4]) for g in gold] == [("DATE", "1999-05-16", "16 mai"),
                                                  ("DURATION", "PT1H49M", "1 h 49")]
    # the creation time outside <TEXT> is not a gold expression
    assert all("17/05" not in g[4] for g in gold)


def test_timeml_keeps_the_harness_behaviour():
    # tempeval.parse_tml is the same reader (bench/timex_speed.py imports it from there)
    import tempeval
    assert tempeval.parse_tml is corpora.parse_tml


TIMEX2 = """<DOC>
<DOCID>x</DOCID>
<DATETIME> <TIMEX2 val="2011-02-16T17:00:00">2011-02-16T17:00:00</TIMEX2> </DATETIME>
<TEXT>
Krieg des <TIMEX2 val="19">20. Jahrhunderts</TIMEX2>, ab <TIMEX2 val="1939-09-01">1. September <TIMEX2 val="1939">1939</TIMEX2></TIMEX2>
um <TIMEX2 val="1945-05-08T23:00+01">23:00 Uhr MEZ</TIMEX2> &amp; <TIMEX2 val="P3D" mod="MORE_THAN">mehr als drei Tage</TIMEX2>,
<TIMEX2 val="PRESENT_REF" anchor_val="2011-02-16" anchor_dir="AS_OF">heute</TIMEX2>, <TIMEX2 val="P2DE">zwei Jahrzehnte</TIMEX2>,
<TIMEX2 val="XXXX-WXX-1" set="YES" periodicity="F1W">montags</TIMEX2>, <TIMEX2 val="1940-06-22TEV">am Abend</TIMEX2>,
<TIMEX2 val="BC0218">218 v. Chr.</TIMEX2> <TIMEX2 anchor_val="1940" anchor_dir="BEFORE">damals</TIMEX2>.
</TEXT>
</DOC>
"""


def test_timex2_inline_spans_nesting_and_document_time():
    assert corpora.detect(TIMEX2) == "timex2-inline"
    text, dct, gold = corpora.read_timex2_inline(TIMEX2)
    assert dct == date(2011, 2, 16)
    assert "2011-02-16T17" not in text      # the document time is not part of the text
    assert "MEZ & mehr" in text
    assert [g[4] for g in sorted(gold)] == [
        "20. Jahrhunderts", "1. September 1939", "1939", "23:00 Uhr MEZ", "mehr als drei Tage", "heute",
        "zwei Jahrzehnte", "montags", "am Abend", "218 v. Chr.", "damals"]
    by_text = {g[4]: g for g in gold}
    # nested TIMEX2: both the outer and the inner expression are gold, each with its own extent
    assert by_text["1. September 1939"][3] == "1939-09-01"
    assert by_text["1939"][3] == "1939"
    assert by_text["1939"][0] > by_text["1. September 1939"][0]
    assert by_text["20. Jahrhunderts"][2:4] == ("DATE", "19")


@pytest.mark.parametrize("words,type_,value", [
    ("23:00 Uhr MEZ", "TIME", "1945-05-08T23:00"),        # offset dropped
    ("mehr als drei Tage", "DURATION", "P3D"),
    ("heute", "DATE", "PRESENT_REF"),
    ("zwei Jahrzehnte", "DURATION", "P20Y"),              # TIMEX2 decade unit written in years
    ("montags", "SET", "XXXX-WXX-1"),
    ("am Abend", "TIME", "1940-06-22TEV"),
    ("218 v. Chr.", "DATE", "BC0218"),
    ("damals", "DATE", ""),                               # no val: no system value can be right
])
def test_timex2_values_as_timex3_writes_them(words, type_, value):
    _, _, gold = corpora.read_timex2_inline(TIMEX2)
    g = next(g for g in gold if g[4] == words)
    assert (g[2], g[3]) == (type_, value)


TIMEX3_INLINE = """<DOC>
<DOCID>y</DOCID>
<DATETIME><TIMEX3 value="2018-05-19T12:00:00" tid="t0" type="TIME">2018-05-19T12:00:00</TIMEX3></DATETIME>
<TEXT>
\u041f\u043e\u0447\u0430\u0442\u043e\u043a (<TIMEX3 tid="t9" type="DATE" value="1939-09">\u0432\u0435\u0440\u0435\u0441\u0435\u043d\u044c 1939</TIMEX3> \u2014 <TIMEX3 tid="t10" type="DATE" value="1941-06">\u0447\u0435\u0440\u0432\u0435\u043d\u044c 1941</TIMEX3> \u0440\u043e\u043a\u0443)

<TIMEX3 tid="t48" type="DATE" value="1914-XX-XX" functionInDocument="NONE">\u0414\u043e \u043f\u043e\u0447\u0430\u0442\u043a\u0443</TIMEX3> &quot;\u0432\u0456\u0439\u043d\u0438&quot; <TIMEX3 tid="t3" type="DURATION" value="P3W">\u0442\u0440\u0438\u0442\u0438\u0436\u043d\u0435\u0432\u043e\u043c\u0443</TIMEX3>
</TEXT>
</DOC>
"""


def test_timex3_inline_reads_datetime_and_types():
    assert corpora.detect(TIMEX3_INLINE) == "timex3-inline"
    text, dct, gold = corpora.read_timex3_inline(TIMEX3_INLINE)
    assert dct == date(2018, 5, 19)
    assert text.startswith("\n\u041f\u043e\u0447\u0430\u0442\u043e\u043a (\u0432\u0435\u0440\u0435\u0441\u0435\u043d\u044c 1939 \u2014")
    assert '"\u0432\u0456\u0439\u043d\u0438"' in text
    assert [(g[2], g[3]) for g in gold] == [("DATE", "1939-09"), ("DATE", "1941-06"), ("DATE", "1914-XX-XX"),
                                            ("DURATION", "P3W")]
    assert [g[4] for g in gold] == ["\u0432\u0435\u0440\u0435\u0441\u0435\u043d\u044c 1939",
                                    "\u0447\u0435\u0440\u0432\u0435\u043d\u044c 1941",
                                    "\u0414\u043e \u043f\u043e\u0447\u0430\u0442\u043a\u0443",
                                    "\u0442\u0440\u0438\u0442\u0438\u0436\u043d\u0435\u0432\u043e\u043c\u0443"]


BIO = """# dct = 2024-11-18
Ce\tO\t_
lundi\tB-DATE\t2024-11-18
18\tI-DATE\t_
novembre\tI-DATE\t_
,\tO\t_
la\tO\t_
guerre\tO\t_

En\tO\t_
septembre\tB-DATE\t2024-09
dernier\tI-DATE\t_
.\tO\t_
-DOCSTART-
a\tO\t_
"""

BIO_NO_VALUES = """Last O
week B-TIMEX
, O
on O
Monday B-TIMEX
morning I-TIMEX
"""


def test_bio_with_values_documents_and_dct():
    assert corpora.detect(BIO) == "bio"
    docs = corpora.read_bio(BIO)
    assert len(docs) == 2
    text, dct, gold = docs[0]
    assert dct == date(2024, 11, 18)
    assert text == "Ce lundi 18 novembre , la guerre\nEn septembre dernier ."
    assert [(g[4], g[2], g[3]) for g in gold] == [("lundi 18 novembre", "DATE", "2024-11-18"),
                                                  ("septembre dernier", "DATE", "2024-09")]
    assert docs[1][1] is None and docs[1][2] == []


def test_bio_without_values_scores_extraction_only():
    import tempeval
    assert corpora.detect(BIO_NO_VALUES) == "bio"
    [(text, dct, gold)] = corpora.read_bio(BIO_NO_VALUES)
    assert [(g[4], g[2], g[3]) for g in gold] == [("week", "", None), ("Monday morning", "", None)]
    # a B- right after another expression starts a new one; the harness scores spans, not values
    r = tempeval.score([(gold, [(gold[0][0], gold[0][1], "DATE", "2024-W46", "week")])])
    assert r["strict"]["R"] == 0.5 and r["strict"]["P"] == 1.0
    assert r["value_F1"] is None and r["type_F1"] is None


def test_folder_with_mixed_files(tmp_path):
    (tmp_path / "a.xml").write_text(TIMEX2, encoding="utf-8")
    (tmp_path / "b.xml").write_text(TIMEX3_INLINE, encoding="utf-8")
    (tmp_path / "c.bio").write_text(BIO_NO_VALUES, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("nothing annotated here\n", encoding="utf-8")
    formats, docs = corpora.read_folder(tmp_path)
    assert formats == {"timex2-inline": 1, "timex3-inline": 1, "bio": 1, "unrecognised": 1}
    assert len(docs) == 3


def test_known_folder_languages():
    root = Path("shared") / "corpora"
    assert corpora.folder_language(root / "ftib-dev" / "Data") == "fr"
    assert corpora.folder_language(root / "wikiwars-de-dev" / "keyinline") == "de"
    assert corpora.folder_language(root / "wikiwars-ua-dev" / "keyinline") == "uk"
    assert corpora.folder_language(root / "tbaq" / "TimeBank") == "en"
    assert corpora.folder_language(Path("somewhere") / "else") is None


def test_harness_scores_a_timex2_folder(tmp_path, capsys):
    """End to end on a tiny German folder: the harness runs, tells the language, and reports per language."""
    import json
    import tempeval
    (tmp_path / "a.xml").write_text(TIMEX2, encoding="utf-8")
    assert tempeval.main([str(tmp_path), "--lang", "de", "--both", "--no-baseline", "--repeat", "1"]) == 0
    out = json.loads(capsys.readouterr().out)
    [(name, r)] = out["corpora"].items()
    assert r["language"] == "de" and r["format"] == "timex2-inline"
    assert r["timex"]["gold"] == r["timex_told"]["gold"] == 11
    # the absolute dates of the text are found whatever the language support
    assert r["timex_told"]["relaxed"]["R"] > 0
