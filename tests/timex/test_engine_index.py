"""The scanner's shortcuts find exactly what trying every rule at every place finds, in every engine language:
the words that start rules (``first_words``), the word that must follow such a word (``second_words``: "в"
starts some thirty Russian rules, of which the next word rules out nearly all) and the lexicon written as
tries ("janv(?:ier|\\.)")."""
import re

from hypothesis import given, settings, strategies as st

from viewer.timex import engine
from viewer.timex.engine import _frames, _frames_every_rule
from viewer.timex.engine.data import _alternation, load, second_words

CODES = sorted(engine.LANGUAGES)


def _vocabulary(code: str) -> list[str]:
    """Words a text in ``code`` may hold around its dates: the lexicon's words, the rules' first words (the
    prepositions), numbers and punctuation."""
    lang = load(code)
    words = sorted({w for table in lang.classes.values() for w in table})
    words += sorted(lang.exact)
    words += ["18", "2024", "1944", "7.", "12/05/2023", "14:30", "10-18", "44", "3", ",", ".", "-", "—", "(",
              "Marta", "Мая", "Kowalski", "война", "wojna", "guerre", "Krieg"]
    return words


VOCABULARY = {code: _vocabulary(code) for code in CODES}


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(CODES), st.data())
def test_the_shortcuts_find_what_every_rule_finds(code, data):
    words = data.draw(st.lists(st.sampled_from(VOCABULARY[code]), max_size=30))
    seps = data.draw(st.lists(st.sampled_from([" ", " ", " ", "  ", "\n", " - ", ", ", "-"]), min_size=len(words),
                              max_size=len(words)))
    text = "".join(w + s for w, s in zip(words, seps))
    if data.draw(st.booleans()):
        text = text.title() if data.draw(st.booleans()) else text.upper()
    lang = load(code)
    assert list(_frames(lang, text)) == list(_frames_every_rule(lang, text))


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(CODES), st.text(max_size=120))
def test_the_shortcuts_on_any_text(code, text):
    lang = load(code)
    assert list(_frames(lang, text)) == list(_frames_every_rule(lang, text))


def test_second_words():
    got = second_words(r"(?<![\w-])(?:(?P<lead>в|во) )?(?:сентябр[ея]|октябр[ея])(?![\w-])")
    # the month may go on as far as the pattern knows (a look-ahead is not read): a word beginning so
    assert got[("exact", "в")] == {("prefix", "сентябре"), ("prefix", "сентября"), ("prefix", "октябре"),
                                   ("prefix", "октября")}
    assert ("exact", "сентябре") not in got     # the month is the last word: anything may follow
    # a number, then a month or a year; a rule that may end after its first word leaves the next one open
    assert second_words(r"\d{1,2}\.? (?:maja|\d{4})")[("digit", "")] == {("prefix", "maja"), ("digit", "")}
    assert second_words(r"(?:w|we)(?: (?:maju|roku))?")[("exact", "w")] is None
    assert second_words(r"(?:w|we) (?:maju|roku),")[("exact", "we")] == {("exact", "maju"), ("exact", "roku")}
    # a word that may go on ("w\w*") may be "w" itself: then what follows "w" is not known
    assert second_words(r"(?:w\w* maju|w roku)")[("exact", "w")] is None


def test_a_lexicon_class_as_a_trie_matches_as_the_plain_alternation():
    words = ["janvier", "janv.", "janv", "juin", "juillet", "juil.", "jan", "l'an", "mi mars", "mi-mars"]
    trie = re.compile(_alternation(words) + r"(?![\w-])", re.I)
    plain = re.compile("(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]")
                                        for w in sorted(words, key=len, reverse=True)) + r")(?![\w-])", re.I)
    for text in ["janvier 2024", "JANV. 2024", "janv 3", "Juil. 14", "jan.", "l’an dernier", "mi   mars",
                 "mi-mars", "juilletx", "ja"]:
        a, b = trie.match(text), plain.match(text)
        assert (a and a.group()) == (b and b.group()), text


def _sentence_words(code: str) -> list[str]:
    """The words of the sentences of the language's own tests (verbs in every tense among them)."""
    import ast
    from pathlib import Path
    words: set[str] = set()
    for path in sorted((Path(__file__).parent / code).glob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and " " in node.value:
                words.update(node.value.split())
    return sorted(words)


SENTENCE_WORDS = {code: _sentence_words(code) for code in CODES}


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(CODES), st.data())
def test_tense_cues_tried_at_their_words_find_what_searching_finds(code, data):
    # the tense of an expression is read from cues tried only at the words they may begin with
    words = data.draw(st.lists(st.sampled_from(SENTENCE_WORDS[code] + VOCABULARY[code]), max_size=40))
    text = " ".join(words)
    if data.draw(st.booleans()):
        text = text.lower()
    lang = load(code)
    starts = lang.cue_starts(text)
    for k, p in enumerate(lang.past + lang.future):
        assert [m.span() for m in lang.cue_matches(k, p, text, starts)] == [m.span() for m in p.finditer(text)], \
            (code, p.pattern)
