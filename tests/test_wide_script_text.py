"""Chinese and Japanese text (a language without date rules): sentences end at 。！？ and an absolute
date keeps its day sign, so the event's sentence and date are what a reader sees."""
from viewer import text
from viewer.timex import tag

JA = "2024年11月18日、ロシア軍はハルキウを攻撃した。ウクライナ当局によると、10人が死亡した。「停戦は近い」と述べた。"


def test_japanese_full_stops_end_sentences():
    spans = text.split_sentences(JA, "ja")
    assert [JA[a:b] for a, b in spans] == [
        "2024年11月18日、ロシア軍はハルキウを攻撃した。",
        "ウクライナ当局によると、10人が死亡した。",
        "「停戦は近い」と述べた。",
    ]


def test_wide_stop_then_latin_text_splits_both():
    t = "攻撃は続いた。 The strike went on. Officials said so."
    assert [t[a:b] for a, b in text.split_sentences(t)] == [
        "攻撃は続いた。", "The strike went on.", "Officials said so."]


def test_japanese_date_span_includes_the_day_sign():
    (found,) = tag(JA, None, language="ja")
    assert found.text == "2024年11月18日"
    assert found.value == "2024-11-18"


def test_chinese_date_with_hao():
    t = "俄军于2024年11月18号袭击了哈尔科夫。"
    found = tag(t, None, language="zh")
    assert [(e.text, e.value) for e in found] == [("2024年11月18号", "2024-11-18")]
