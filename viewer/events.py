"""Article -> events: sentences, the time expression that dates each, its countries, a short title.

Rules (documented in docs/INGEST.md):

* One event per sentence and its main time expression: the first expression in the sentence that names a
  place on the calendar (type DATE or TIME, with both bounds). A second expression in the same sentence
  makes a second event when it dates a different happening: its interval does not overlap the first's and
  a clause boundary separates them ("..., officials said on Monday the strike happened on Sunday").
  At most two events per sentence.
* Not events: durations ("three months"), sets ("every week"), and PRESENT_REF / PAST_REF / FUTURE_REF
  ("now", "recently"): they do not say when something happened.
* Countries of an event: the country and organisation mentions inside its sentence, codes in order of
  first mention.
* Title: "who did what" drawn from the sentence, at most ~70 characters (see :func:`viewer.titles.make_title`).
* Language: the article's own (its source's metadata), else detected from its title and opening
  (:func:`article_language`); the tagger, the sentence splitter, the titles and the country finder all read
  the article in it.
* Bounded work per article (pathological inputs: a 30 MB file that is one line, a sentence pasted 5,000
  times): the tagger and the event builder read the first :data:`MAX_TEXT_CHARS` characters of an article
  (the whole text is still stored); a "sentence" longer than :data:`MAX_SENTENCE_CHARS` (a line with no
  sentence ends) is read in pieces of at most that length, cut at a space; an event whose sentence (or, in
  such a piece, whose surrounding words) and date repeat one already found in the article is the same
  happening told again and is dropped; an article gives at most :data:`MAX_EVENTS` events. Each limit that
  applies is said in a note (:func:`article_events_noted`), which the ingest summary names with the file.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Iterator

from viewer import actors
from viewer.model import PUBLISHED_INFERRED, Article, CountryMention, Event, TimeExpression
from viewer.text import (DATELINE, DETECT_CHARS, as_date, detect_language, hard_wrapped, language_code,
                         split_sentences)
from viewer.timex import looks_historical, resolve_document
from viewer.titles import make_title

EVENT_TYPES = ("DATE", "TIME")
MAX_TEXT_CHARS = 1_000_000     # characters of one article the tagger and the event builder read
MAX_SENTENCE_CHARS = 3_000     # a longer "sentence" (a line with no sentence ends) is read in pieces
MAX_EVENTS = 1_000             # events of one article
UNDATED_REPEATS_NOTED = 10    # an undated sentence repeated this often is said in a note (a pasted text)
_CONTEXT_CHARS = 60            # words around a date that tell repeats apart inside a piece of a long line
NOT_EVENTS = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})

# ---------------------------------------------------------------------------------------------
# Choosing expressions

def is_event_time(t: TimeExpression) -> bool:
    """Whether a time expression can date an event on a timeline."""
    return (t.type in EVENT_TYPES and bool(t.earliest) and bool(t.latest)
            and t.value not in NOT_EVENTS)


def _overlap(a: TimeExpression, b: TimeExpression) -> bool:
    return not (a.latest[:10] < b.earliest[:10] or b.latest[:10] < a.earliest[:10])


_CLAUSE = re.compile(r"[,;:—–]|\b(?:and|but|after|before|when|while|since|as|because|which|that|until|then)\b")


def _event_times(text: str, exprs: list[TimeExpression]) -> list[TimeExpression]:
    chosen: list[TimeExpression] = []
    for t in exprs:
        if not is_event_time(t):
            continue
        if chosen and t.start < chosen[-1].end:
            continue  # overlapping span
        if not chosen:
            chosen.append(t)
            continue
        between = text[chosen[-1].end:t.start]
        last = chosen[-1]
        if _overlap(t, last) and len(between.split()) <= 2 and _narrower(t, last):
            chosen[-1] = t   # one date said in two pieces: "In 2022, on March 3" -> March 3, 2022
            continue
        if len(chosen) >= 2:
            break
        if all(not _overlap(t, c) for c in chosen) and len(between.split()) >= 3 and _CLAUSE.search(between):
            chosen.append(t)
    return chosen


def _narrower(a: TimeExpression, b: TimeExpression) -> bool:
    """a lies within b and is shorter."""
    return b.earliest[:10] <= a.earliest[:10] and a.latest[:10] <= b.latest[:10] and \
        (a.earliest[:10], a.latest[:10]) != (b.earliest[:10], b.latest[:10])


# ---------------------------------------------------------------------------------------------
# Happenings: which clauses report something that happened or was done

DATING_WRITTEN = "written"      # the event's own time expression dates it
DATING_CONTEXT = "context"      # the time the text is at (narrative time: "Two days later", the paragraph's date)
DATING_REPORTED = "reported"    # no date: on or shortly before the article's publication
DATINGS = (DATING_WRITTEN, DATING_CONTEXT, DATING_REPORTED)
REPORTED_DAYS = 3               # a reported happening: the publication day and the two days before it
REPORTED_MOD = "ON_OR_BEFORE"   # TIMEX3 mod of a reported date: on or before the publication date
CONTEXT_GRANULARITIES = frozenset({"day", "weekend", "week", "month", "quarter", "season"})  # narrow enough to carry a passage

_EN_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# a participle or past form in -ed that is an adjective or a name far more often than a verb
_EN_NOT_PAST = frozenset("""armed based called named united hundred indeed need needed speed seed feed bed shed red
bred sacred wicked naked beloved interested concerned supposed so-called skilled advanced detailed limited
related tired worried talented experienced aged used unprecedented unexpected embed compared associated""".split())
# verbs whose past or perfect tells a state, not a happening ("the war has lasted three years")
_EN_STATIVE = frozenset("""lasted remained seemed appeared belonged contained depended existed owned consisted
included needed wanted liked loved hated preferred resembled lacked deserved mattered involved concerned
known been had meant cost""".split())
_EN_IRREGULAR_PAST = frozenset("""said told gave took made met went came struck hit won lost began fought sent left
held led fell shot brought bought sold built broke chose drew drove flew found got grew heard hid kept laid
paid ran rose saw sought shook spoke spent stood stole swore threw thought woke withdrew wrote overtook overran
undertook forbade forgave overthrew arose bore beat bit blew bled caught clung dealt dug fed fled flung
froze hung knelt lent lit mistook rang rode sank slew slid spun sprang stuck stung strove swept swam swung
taught tore thrust trod upheld wept wound won wrung shut""".split())
_EN_IRREGULAR_PARTICIPLE = frozenset("""given taken made done seen shown known written begun fallen driven spoken
stolen chosen broken risen won lost sent built led held fought struck hit brought bought sold told said met
paid found left kept put set cut shot thrown drawn grown flown overtaken overrun undertaken withdrawn forbidden
forgiven overthrown beaten bitten blown caught dealt dug fed fled frozen hung laid lent lit mistaken rung
ridden sunk slain spun sprung stuck stung striven swept sworn taught torn thrust upheld woken worn wound
torn become come gone run""".split())
# words after which a form in -ed is an adjective or an infinitive, not a finite verb
_EN_BEFORE_ADJECTIVE = frozenset("""a an the is are be being to of in on at with by for from its his her their
our my your this that these those very most more less well fully highly heavily newly so as not no any some
every each including all both such than into onto upon like can could would should may might must will shall
do does did once when after before if while although because since until though whether""".split())
_EN_AUX_PAST = frozenset({"was", "were", "had", "has", "have", "having"})
_EN_COPULA = frozenset({"is", "are", "am", "be", "remains", "remain", "seems", "seem", "looks", "becomes"})
_EN_ADVERBS = frozenset("""already also just recently reportedly not never so far since then later still even
yet once again allegedly apparently ever""".split())
_EN_PERFECT = frozenset({"has", "have", "had"})
_EN_MODAL = frozenset("could would might may should must can shall will ought".split())
_EN_SAYING_PRESENT = frozenset("""says tells announces warns claims denies insists confirms reports accuses urges
vows pledges promises threatens demands rejects condemns admits signs launches orders calls""".split())
_EN_NOT_SUBJECT = frozenset({"it", "there", "what", "whether", "if"})
_EN_HYPOTHETICAL = re.compile(r"^\W*(?:if|unless|whether|should|had\s+it|were\s+it)\b", re.I)
_EN_SINCE = re.compile(r"\b(?:since|ever\s+since)\s*$", re.I)

# Other languages: a finite past (or perfect) form, a present saying verb, words that make a clause
# hypothetical or a span's start. Cues, not a grammar: what most often marks a reported happening.
_PAST = {
    "fr": re.compile(
        r"\b(?:a|ont|avait|avaient|est|sont|fut|furent|aurait)\s+(?:(?:déjà|été|pas|ensuite|aussi|notamment|"
        r"finalement|également)\s+){0,2}[a-zàâçéèêëîïôûù-]{2,}(?:é|ée|és|ées|i|is|ie|it|u|ue|us|ert|erte|"
        r"ait|aint|ort|uit)\b"
        r"|\b[a-zàâçéèêëîïôûù]{3,}(?:èrent|irent|urent|ança|ançait)\b"
        r"|\b(?:déclare|annonce|affirme|assure|indique|dénonce|confirme|précise|rapporte|signe|lance|"
        r"accuse|appelle|exige|menace)\b", re.I),
    "de": re.compile(
        r"\b(?:hat|haben|hatte|hatten|ist|sind|war|waren|wurde|wurden)\b[^,.;]{0,120}?\b(?:[a-zäöüß]{0,6}ge[a-zäöüß]{3,}(?:t|en)|"
        r"[a-zäöüß]{3,}iert|(?:be|ver|er|ent|zer|über|unter)[a-zäöüß]{3,}(?:t|en))\b"
        r"|\b(?:sagte|erklärte|griff|traf|sprach|gab|nahm|kam|ging|fiel|schlug|rief|hielt|ließ|zog|begann|"
        r"warf|schoss|verließ|unterzeichnete|kündigte|teilte|meldete|betonte|forderte|warnte|startete|"
        r"eroberte|besetzte|beschoss|griffen|trafen|sprachen|gaben|nahmen|kamen|begannen|zerstörte|tötete|"
        r"[a-zäöüß]{3,}ierte|[a-zäöüß]{3,}ierten)\b"
        r"|\b(?:sagt|erklärt|warnt|kündigt|teilt|meldet|fordert|betont)\b"),
    "uk": re.compile(
        r"\b(?!(?:був|була|було|були|сили|села|число|тіло|село|сила|мала|ціла|біла|дала|стола|зла|"
        r"кола|школа|ради|мали)\b)[а-яіїєґ']{2,}(?:(?<!і)в|ла|ли|ло(?=ся|сь))(?:ся|сь)?\b"
        r"|\b(?:заявляє|повідомляє|каже|оголошує|попереджає)\b", re.I),
    "ru": re.compile(
        r"\b(?!(?:был|была|было|были|сила|села|число|тело|село|мало|цела|бела|дела|стола|зла|школа|"
        r"власти|мысли|земли|посол|стол|угол|тыл|пол)\b)[а-яё]{2,}(?:л|ла|ли|ло(?=сь))(?:ся|сь)?\b"
        r"|\b(?:заявляет|сообщает|говорит|объявляет|предупреждает)\b", re.I),
    "es": re.compile(r"\b(?:ha|han|había|habían|fue|fueron)\s+[a-záéíóúñ]{1,}(?:ado|ada|ido|ida|ados|idos)\b"
                     r"|\b[a-záéíóúñ]{3,}(?:ó|aron|ieron)\b|\b(?:dice|afirma|anuncia|declara)\b", re.I),
    "it": re.compile(r"\b(?:ha|hanno|aveva|avevano|è|sono|era|erano|fu)\s+[a-zàèéìòù]{2,}(?:ato|ata|ati|ate|"
                     r"ito|ita|iti|uto|uta|uti)\b|\b[a-zàèéìòù]{3,}(?:ò|arono|erono|irono)\b"
                     r"|\b(?:dice|afferma|annuncia|dichiara)\b", re.I),
    "pt": re.compile(r"\b(?:tem|têm|tinha|tinham|foi|foram)\s+[a-záâãéêíóôõúç]{2,}(?:ado|ada|ido|ida)\b"
                     r"|\b[a-záâãéêíóôõúç]{3,}(?:ou|aram|eram|iram)\b|\b(?:diz|afirma|anuncia|declara)\b", re.I),
    "pl": re.compile(r"\b[a-ząćęłńóśźż]{3,}(?:ł|ła|ło|li|ły)(?:\s+się)?\b|\b(?:mówi|ogłasza|twierdzi)\b", re.I),
    "nl": re.compile(r"\b(?:heeft|hebben|had|hadden|is|zijn|werd|werden)\b[^,.;]{0,60}?\bge[a-z]{3,}(?:d|t|en)\b"
                     r"|\b(?:zei|zeiden|verklaarde|kondigde|vielen|viel|nam|namen|gaf|gaven)\b", re.I),
}
_HYPOTHETICAL = {
    "fr": re.compile(r"\b(?:pourrait|pourraient|devrait|devraient|serait|seraient|si|s'il|s'ils|faudrait)\b", re.I),
    "de": re.compile(r"\b(?:könnte|könnten|würde|würden|sollte|sollten|müsste|wenn|falls|ob)\b", re.I),
    "uk": re.compile(r"(?:^|\s)(?:би|б|якщо|якби|чи)(?=\s|$)", re.I),
    "ru": re.compile(r"(?:^|\s)(?:бы|б|если|ли)(?=\s|$)", re.I),
    "es": re.compile(r"\b(?:podría|podrían|sería|serían|si)\b", re.I),
    "it": re.compile(r"\b(?:potrebbe|potrebbero|sarebbe|sarebbero|se)\b", re.I),
    "pt": re.compile(r"\b(?:poderia|poderiam|seria|seriam|se)\b", re.I),
    "pl": re.compile(r"\b(?:mógłby|mogłaby|mogliby|gdyby|jeśli|jeżeli|by)\b", re.I),
    "nl": re.compile(r"\b(?:zou|zouden|kon|konden|als|indien)\b", re.I),
}
_SINCE = re.compile(r"(?:\b(?:since|depuis|seit|desde|dal|dalla|desde|od|sinds)|(?:^|\s)(?:з|із|зі|с|со|від|от))\s*$",
                    re.I)


def _en_happening(clause: str, headline: bool) -> str | None:
    """How an English clause tells a happening: "past" (a finite past verb of doing or saying), "now" (a
    present perfect, a present saying verb; in a headline any present verb: "Russia strikes Kyiv"), None
    (no such verb, or one that is a state, behind a modal or "to", or with a dummy subject: "it", "there")."""
    if _EN_HYPOTHETICAL.match(clause):
        return None
    matches = list(_EN_TOKEN.finditer(clause))
    words = [m.group() for m in matches]
    low = [w.lower().replace("’", "'") for w in words]
    if not headline and not any((w.endswith("ed") and len(w) > 4) or w in _EN_CANDIDATES for w in low):
        return None
    found = None
    condition = False                   # inside "if …" up to the next comma: a hypothetical
    for i, w in enumerate(low):
        if condition and _PUNCTUATION.search(clause, matches[i - 1].end(), matches[i].start()):
            condition = False
        if w in _EN_CONDITION:
            condition = True
            continue
        if condition:
            continue
        if w in _EN_STATIVE or not (
                (w.endswith("ed") and len(w) > 4) or w in _EN_IRREGULAR_PAST or w in _EN_IRREGULAR_PARTICIPLE
                or w in _EN_SAYING_PRESENT or (headline and w.endswith("s"))):
            continue
        before = _last_words(low, i, 4)
        prev = before[-1] if before else ""
        prev2 = before[-2] if len(before) > 1 else ""
        kind = None
        perfect = prev in _EN_PERFECT - {"had"} or (prev == "been" and prev2 in _EN_PERFECT - {"had"})
        if w.endswith("ed") and len(w) > 4 and w not in _EN_NOT_PAST and not w.endswith("eed"):
            if prev in _EN_AUX_PAST or (prev == "been" and prev2 in _EN_PERFECT):
                kind = "now" if perfect else "past"
            elif any(x in _EN_COPULA for x in before[-4:]):
                kind = None             # "is equipped", "it is in any case classified": a state
            elif prev and prev not in _EN_BEFORE_ADJECTIVE and not prev.endswith(("ing", "'s")) and prev != "been":
                kind = "past"
        elif w in _EN_IRREGULAR_PAST and prev not in _EN_MODAL and prev not in ("to", "did", "do", "does"):
            if prev and prev not in ("a", "an", "the", "of", "in", "on", "for"):
                kind = "now" if perfect else "past"
        elif w in _EN_IRREGULAR_PARTICIPLE and (prev in _EN_PERFECT or prev in ("was", "were")
                                                or (prev == "been" and prev2 in _EN_PERFECT)):
            kind = "now" if perfect else "past"
        elif w in _EN_SAYING_PRESENT and i and prev not in _EN_BEFORE_ADJECTIVE:
            kind = "now"
        elif headline and w.endswith("s") and len(w) > 3 and i and prev not in _EN_BEFORE_ADJECTIVE \
                and words[i][0].islower() and not w.endswith(("ss", "us", "is")):
            kind = "now"
        if kind is None:
            continue
        # a modal or "to" just before the verb group: a hypothetical, an intention, an infinitive
        group = [x for x in low[max(0, i - 3):i] if x not in ("not", "also", "already", "then", "been", "have",
                                                                 "has", "had", "be", "reportedly", "later")]
        if group and group[-1] in _EN_MODAL | {"to"}:
            continue
        subject = []                    # the words before it but auxiliaries, two are enough to know
        for x in low[:i]:
            if x not in _EN_AUX_PAST and x != "been":
                subject.append(x)
                if len(subject) > 1:
                    break
        if not subject or (len(subject) == 1 and subject[0] in _EN_NOT_SUBJECT):
            continue
        if headline:
            return "now"
        if kind == "past":
            return "past"
        found = kind
    return found


_PUNCTUATION = re.compile(r"[,;:—–()]")
# words that may be a finite verb of a happening besides the forms in -ed (what _en_happening looks at closer)
_EN_CANDIDATES = _EN_IRREGULAR_PAST | _EN_IRREGULAR_PARTICIPLE | _EN_SAYING_PRESENT
_EN_CONDITION = frozenset({"if", "unless", "whether"})


_NEGATION = {
    "fr": re.compile(r"\b(?:ne|n['’])\s*(?:\w+\s+){0,2}$", re.I),
    "de": re.compile(r"\b(?:nicht|nie|kein\w*)\s+(?:\w+\s+){0,1}$", re.I),
    "uk": re.compile(r"(?:^|\s)(?:не|ні)\s+$", re.I),
    "ru": re.compile(r"(?:^|\s)(?:не|ни)\s+$", re.I),
    "es": re.compile(r"\bno\s+(?:\w+\s+){0,1}$", re.I),
    "it": re.compile(r"\bnon\s+(?:\w+\s+){0,1}$", re.I),
    "pt": re.compile(r"\bnão\s+(?:\w+\s+){0,1}$", re.I),
    "pl": re.compile(r"\bnie\s+$", re.I),
    "nl": re.compile(r"\b(?:niet|geen)\s+$", re.I),
}


def _last_words(low: list[str], i: int, k: int) -> list[str]:
    """The last ``k`` words before position ``i`` that are not adverbs, in order."""
    out: list[str] = []
    j = i - 1
    while j >= 0 and len(out) < k:
        x = low[j]
        if x not in _EN_ADVERBS and not x.endswith("ly"):
            out.append(x)
        j -= 1
    out.reverse()
    return out


def _foreign_happening(clause: str, language: str, headline: bool) -> bool:
    """A past (or perfect) form, or a present saying verb, that no negation comes just before, in a
    sentence that is no question and no hypothetical."""
    past = _PAST.get(language)
    if past is None:
        return False
    hypo = _HYPOTHETICAL.get(language)
    if hypo is not None and hypo.search(clause):
        return False
    if clause.rstrip().endswith("?"):
        return False
    negation = _NEGATION.get(language)
    purpose = _PURPOSE.search(clause)
    for m in past.finditer(clause):
        if purpose is not None and purpose.start() < m.start():
            break               # "…, so that Ukraine found itself …": an aim, not a deed
        if negation is None or not negation.search(clause[max(0, m.start() - 25):m.start()]):
            return True
    return False


_PURPOSE = re.compile(r"(?:^|[\s,])(?:щоб|аби|чтобы|дабы|pour\s+que|afin\s+que|damit|para\s+que|affinché|"
                      r"perché|para\s+que|żeby|aby|opdat)(?=\s)", re.I)


def tells_happening(sentence: str, language: str | None = None, headline: bool = False) -> bool:
    """Whether a sentence reports a happening (something done or said by someone), in its language.
    Questions, conditionals and sentences of states or opinions do not."""
    s = sentence.strip()
    if not s or s.endswith("?"):
        return False
    return _happening(s, language, headline) is not None


def _happening(s: str, language: str | None, headline: bool) -> str | None:
    code = language_code(language) or "en"
    if code == "en":
        return _en_happening(s, headline)
    return "past" if _foreign_happening(s, code, headline) else None


def span_start(text: str, t: TimeExpression) -> bool:
    """Whether an expression starts a span ("since 2014", "depuis 2014", "з 2014 року"): the start of a
    state, not the date of a happening."""
    return bool(_SINCE.search(text[max(0, t.start - 20):t.start])) or t.text.lower().startswith(
        ("since ", "depuis ", "seit ", "desde "))


_ATTRIBUTIVE_BEFORE = re.compile(r"(?:\b(?:that|this|these|those|its|his|her|their|our|whose)|['’]s)\s+$", re.I)
# a word after the year that makes it a date of its own ("its 1989 fourth quarter", "the 1988 period")
_ATTRIBUTIVE_AFTER = re.compile(
    r"\s+(?!(?:first|second|third|fourth|quarter|half|fiscal|period|season|spring|summer|autumn|fall|winter|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)[^\W\d_]", re.I)


def attributive_year(text: str, t: TimeExpression) -> bool:
    """Whether a bare year qualifies a thing rather than dates a happening: "That 1978 resolution calls
    for …", "Kopp's 1987 Chevrolet was found …" (a demonstrative or a possessive before it, a word after)."""
    return (t.granularity == "year" and t.text.isdigit()
            and bool(_ATTRIBUTIVE_BEFORE.search(text[max(0, t.start - 12):t.start]))
            and bool(_ATTRIBUTIVE_AFTER.match(text, t.end)))


# The baseline of a comparison: "Sales rose to $3 million from $2.9 million a year earlier", "contre 2,9 millions
# un an plus tôt", "gegenüber 2,9 Millionen ein Jahr zuvor": the expression dates the figure compared with, not
# the happening the sentence reports (the rise is now), and not the time the text goes on at.
_COMPARED = re.compile(
    r"(?:\b(?:from|compared\s+(?:with|to)|than|versus|vs\.?|against|contre|par\s+rapport\s+(?:à|au|aux)|"
    r"comparé\w*\s+(?:à|au|aux|avec)|gegenüber|verglichen\s+mit|im\s+Vergleich\s+zu|frente\s+a|"
    r"rispetto\s+a\w*)|(?:^|\s)(?:проти|порівняно\s+з|против|по\s+сравнению\s+с))\s", re.I)
_BASELINE_WORDS = re.compile(
    r"\b(?:earlier|ago|before|previous|prior|preceding|corresponding|year-ago|year-earlier|last|"
    r"plus\s+tôt|auparavant|précédent\w*|dernier|dernière|il\s+y\s+a|zuvor|vorher|Vorjahr\w*|vor|"
    r"anterior|antes|prima|precedente)\b|(?:^|\s)(?:тому|раніше|минулого|назад|ранее|прошлого)(?=\s|$)", re.I)
_AMOUNT = re.compile(r"[\d$€£¥%]")
_YEAR_AGO = re.compile(r"\b(?:year|quarter|month)-(?:earlier|ago)\b", re.I)   # an adjective: "year-earlier profit"
_RANGE_END = re.compile(r"(?:\b(?:to|à|jusqu'à|auf|bis)|(?:^|\s)до)\s", re.I)


def comparison_baseline(text: str, t: TimeExpression, sentence_start: int = 0) -> bool:
    """Whether an expression dates the baseline of a comparison ("up from $10 million a year ago", "from last
    year's $1.55 billion", "contre 2,9 millions un an plus tôt"): a relative past ("a year earlier", "the
    year-ago period") after "from", "compared with", "than", "contre", "gegenüber" … with an amount between
    them or just after it."""
    if not _BASELINE_WORDS.search(t.text or ""):
        return False
    before = text[max(sentence_start, t.start - 80):t.start]
    marks = list(_COMPARED.finditer(before))
    if not marks:
        return False
    between = before[marks[-1].end():]
    if _RANGE_END.search(between):
        return False            # "jumped from 100,000 in 1980 to 300,000 last year": the end of a range
    if _YEAR_AGO.search(t.text or ""):
        return True             # "compared with year-earlier profit of $3.8 million"
    possessive = text[t.end:t.end + 2] in ("'s", "’s") or t.text.endswith(("'s", "’s"))
    return bool(_AMOUNT.search(between) or (possessive and _AMOUNT.search(text[t.end:t.end + 8])))


# A happening set in an older time than the report, with no date: "Previously, the company advertised at the
# $2 million level", "In recent years, the market has moved toward cheaper sets", "For decades, Cuban Americans
# were cut off from their families". Told as done, but not on or shortly before the publication: the report's
# date would be a wrong one, and there is no other, so it is no event. "In the past two months" reaches the
# report and is not among them; neither is "Earlier," (in news, often earlier the same day).
_OLDER_OPENING = {
    "en": re.compile(r"^\W*(?:but\s+|and\s+)?(?:previously|formerly|historically|in\s+the\s+past|"
                     r"in\s+(?:recent|past|previous|earlier)\s+(?:years|decades)|for\s+(?:many\s+)?(?:years|decades)|"
                     r"over\s+the\s+(?:years|decades))\b(?!\s+(?:\w+\s+)?(?:days?|weeks?|months?|hours?)\b)", re.I),
    "fr": re.compile(r"^\W*(?:mais\s+|et\s+)?(?:auparavant|autrefois|jadis|par\s+le\s+passé|dans\s+le\s+passé|"
                     r"ces\s+dernières\s+années|pendant\s+des\s+(?:années|décennies))\b", re.I),
    "de": re.compile(r"^\W*(?:aber\s+|und\s+)?(?:früher|einst|in\s+der\s+Vergangenheit|in\s+den\s+(?:letzten|"
                     r"vergangenen)\s+Jahren|jahrelang|jahrzehntelang|über\s+Jahre)\b", re.I),
    "uk": re.compile(r"^\W*(?:раніше|колись|у\s+минулому|в\s+минулому|останніми\s+роками|протягом\s+років|"
                     r"десятиліттями|роками)(?=[\s,]|$)", re.I),
    "ru": re.compile(r"^\W*(?:ранее|прежде|когда-то|в\s+прошлом|в\s+последние\s+годы|на\s+протяжении\s+лет|"
                     r"десятилетиями|годами)(?=[\s,]|$)", re.I),
}


def older_than_report(sentence: str, language: str | None = None) -> bool:
    """Whether a sentence with no date opens by setting its happening in an older time than the report
    ("Previously, …", "In recent years, …", "Auparavant, …", "Früher …", "Раніше …")."""
    pattern = _OLDER_OPENING.get(language_code(language) or "en")
    return bool(pattern and pattern.match(sentence))


# A span that reaches the report, told with a perfect: "Talks have been cut off for nearly two years", "have
# provoked violence for the past three summers", "have suffered from kidnappings in recent years". What goes
# on (a state) or happened again and again over months or years is no happening on or shortly before the
# publication. English only with a perfect (a past verb tells its own happening: "for months refused" is
# still one); in other languages, whose cues do not tell the perfect apart, with any past form.
_ONGOING = {
    "en": re.compile(r"\b(?:for|over|during|in|throughout)\s+(?:the\s+)?(?:(?:past|last|recent|previous)\s+)?"
                     r"(?:(?:nearly|almost|about|some|more\s+than|over|at\s+least)\s+)?(?:\d[\d./ ]*|a|one|two|"
                     r"three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty|a\s+few|several|"
                     r"many|some)?\s*(?:years|decades|centuries|months|summers|winters|quarters|generations)\b", re.I),
    "fr": re.compile(r"\b(?:ces\s+(?:dernières\s+années|derniers\s+mois)|depuis\s+des\s+(?:années|mois|décennies)|"
                     r"(?:pendant|durant)\s+des\s+(?:années|mois|décennies))\b", re.I),
    "de": re.compile(r"\b(?:seit\s+(?:Jahren|Monaten|Jahrzehnten)|in\s+den\s+(?:letzten|vergangenen)\s+"
                     r"(?:\w+\s+)?(?:Jahren|Monaten|Jahrzehnten)|jahrelang|jahrzehntelang|monatelang)\b", re.I),
    "uk": re.compile(r"(?:^|\s)(?:протягом\s+(?:останніх\s+)?(?:\w+\s+)?(?:років|місяців|десятиліть)|"
                     r"останніми\s+роками|роками|десятиліттями)(?=[\s,.]|$)", re.I),
    "ru": re.compile(r"(?:^|\s)(?:в\s+течение\s+(?:последних\s+)?(?:\w+\s+)?(?:лет|месяцев|десятилетий)|"
                     r"в\s+последние\s+годы|годами|десятилетиями)(?=[\s,.]|$)", re.I),
}


def ongoing_span(sentence: str, language: str | None, kind: str) -> bool:
    """Whether a happening with no date is told over a span that reaches the report ("for nearly two
    years", "in recent years", "ces dernières années", "seit Jahren", "протягом років")."""
    code = language_code(language) or "en"
    if code == "en" and kind != "now":
        return False
    pattern = _ONGOING.get(code)
    return bool(pattern and pattern.search(sentence))


# A saying whose dates all lie in what is said: "Jan Kavan said he was in Kansas City in 1968", "Le maire a indiqué
# que les troupes étaient entrées dans la ville le 3 mars". The saying has no date of its own; it is reported
# now, apart from the happening it tells about. Not an attribution that closes the sentence ("…, officials
# said"): that is the report's source, and an event for it would tell the happening again on the wrong day.
_SAID_OPENS = {   # the saying verb, then the clause it reports ("that", a subject)
    "en": re.compile(r"^[^,;:()]{1,80}?\b(?:said|says|told\s+(?:\w+\s+){0,2}?(?=that\b|he\b|she\b|it\b|they\b|we\b|"
                     r"the\b)|announced|added|declared|stated)\s+(?=(?:that|he|she|it|they|we|i|the|a|an|his|her|its|"
                     r"their|this|these|those)\b)", re.I),
    "fr": re.compile(r"^[^,;:()]{1,80}?\b(?:a|ont)\s+(?:déclaré|dit|indiqué|annoncé|affirmé|précisé|assuré|expliqué)\s+"
                     r"(?=qu[e'’])", re.I),
    "de": re.compile(r"^[^,;:()]{1,80}?\b(?:sagte|sagten|erklärte|erklärten|betonte|teilte\s+mit)\s*,\s*"
                     r"(?=(?:dass|die|der|das|er|sie|es|man|wir)\b)", re.I),
}


def saying_apart(sentence: str, spans: list[tuple[int, int]], language: str | None,
                 band: TimeExpression | None = None, times: list[TimeExpression] | None = None) -> bool:
    """Whether a sentence tells a saying whose dates ``spans`` (offsets in ``sentence``) all lie in what is
    said, not on the saying ("said on Monday" dates the saying; "said he was there in 1968" does not), and
    none of them falls in the report's own days (``band``: then the saying is dated already)."""
    code = language_code(language) or "en"
    if not spans:
        return False
    if band is not None and times and band.earliest and any(
            t.earliest[:10] <= band.latest[:10] and band.earliest[:10] <= t.latest[:10] for t in times):
        return False
    opens = _SAID_OPENS.get(code)
    m = opens.match(sentence) if opens else None
    return m is not None and all(a >= m.end() for a, _ in spans) and len(sentence[m.end():spans[0][0]].split()) >= 3


def reported_time(published: date | None, dateline: TimeExpression | None = None) -> TimeExpression:
    """The date of a happening the article reports without dating it: the band of :data:`REPORTED_DAYS`
    days that ends on the publication date (mod ON_OR_BEFORE). Without a publication date the interval is
    unknown (earliest/latest None), with the dateline's partial value when it gave one ("XXXX-02-24")."""
    if published is None:
        value = dateline.value if dateline is not None and dateline.value else "XXXX-XX-XX"
        return TimeExpression(None, None, "", "DATE", value, None, None, None,
                              "reported: told as done, with no date and no publication date", REPORTED_MOD, None)
    first = published - timedelta(days=REPORTED_DAYS - 1)
    day = published.isoformat()
    # no granularity: the band is no unit of the calendar (it reads "16–18 Nov 2024" everywhere)
    return TimeExpression(None, None, "", "DATE", day, first.isoformat(), day, None,
                          f"reported: told as done with no date of its own, so on or up to "
                          f"{REPORTED_DAYS - 1} days before the publication date {day}", REPORTED_MOD, day)


def context_time(t: TimeExpression) -> TimeExpression:
    """The date of the passage a clause with no date of its own belongs to: the last written date earlier in
    its paragraph, without its offsets (they are in another sentence)."""
    return TimeExpression(None, None, t.text, t.type, t.value, t.earliest, t.latest, t.granularity,
                          f"from context: {t.text!r} earlier in the paragraph ({t.value})", t.mod, t.anchor)


# ---------------------------------------------------------------------------------------------
# Articles

def article_language(article: Article) -> str | None:
    """The article's language: its own (normalised to ISO 639-1: "fr-FR" → "fr") when its source gave one,
    else detected from its title and the opening of its text; None when it cannot be told."""
    own = language_code(article.language)
    if own:
        return own
    title = (article.title or "").strip()
    text = article.text if isinstance(article.text, str) else ""
    head = text[:DETECT_CHARS]
    if title and title not in head[:len(title) + 200]:
        head = f"{title}\n{head}"
    return detect_language(head)


def article_events(article: Article, today=None) -> tuple[Article, list[Event], list[str]]:
    """Events of an article, and the article's countries.

    The reference date is the article's ``published`` date when known; otherwise the tagger infers one from
    the text and the article's ``published`` / ``published_source`` are set (``"inferred"``). The article's
    ``language`` is normalised, or set when it can be detected (:func:`article_language`).
    """
    article, events, countries, _notes = article_events_noted(article, today=today)
    return article, events, countries


def _read_extent(text: str) -> int:
    """How much of ``text`` is read: all of it, or up to the last space before :data:`MAX_TEXT_CHARS`."""
    if len(text) <= MAX_TEXT_CHARS:
        return len(text)
    cut = max(text.rfind(" ", MAX_TEXT_CHARS - 1000, MAX_TEXT_CHARS),
              text.rfind("\n", MAX_TEXT_CHARS - 1000, MAX_TEXT_CHARS))
    return cut if cut > 0 else MAX_TEXT_CHARS


def _pieces(text: str, spans: list[tuple[int, int]]) -> Iterator[tuple[int, int, bool]]:
    """Sentence spans, a span longer than :data:`MAX_SENTENCE_CHARS` cut into pieces at spaces:
    (start, end, is_a_piece)."""
    for s0, s1 in spans:
        if s1 - s0 <= MAX_SENTENCE_CHARS:
            yield s0, s1, False
            continue
        p = s0
        while p < s1:
            q = min(p + MAX_SENTENCE_CHARS, s1)
            if q < s1:
                space = text.rfind(" ", p + MAX_SENTENCE_CHARS // 2, q)
                q = space if space > p else q
            a, b = p, q
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a:
                yield a, b, True
            p = q


def _normalised(words: str) -> str:
    return " ".join(words.casefold().split())


def article_events_noted(article: Article, today=None) -> tuple[Article, list[Event], list[str], list[str]]:
    """:func:`article_events`, and notes saying which limits on the work per article applied (what was not
    read, repeats dropped, events past the cap); none for an ordinary article."""
    notes: list[str] = []
    full = article.text
    language = article.language = article_language(article)
    extent = _read_extent(full) if isinstance(full, str) else 0
    text = full[:extent] if isinstance(full, str) and extent < len(full) else full
    if text is not full:
        notes.append(f"only the first {extent:,} of its {len(full):,} characters were read for dates and "
                     f"events (the limit of one article's text is {MAX_TEXT_CHARS:,} characters); the whole "
                     "text is stored")
    published = as_date(article.published)
    reference, ref_source, exprs = resolve_document(text, published, today=today, language=language)
    if published is None and reference is not None:
        article.published = reference.isoformat() if isinstance(reference, date) else str(reference)[:10]
        article.published_source = PUBLISHED_INFERRED
    exprs = sorted(exprs, key=lambda t: (t.start, -t.end))
    dl = DATELINE.match(text) or _LOOSE_DATELINE.match(text)
    dateline_end = dl.end() if dl else 0
    dateline_time = next((t for t in exprs if t.start < dateline_end and t.type in EVENT_TYPES), None)
    if reference is None and dateline_time is not None and dateline_time.earliest:
        # the dateline's date is the publication date when none is given
        reference = as_date(dateline_time.earliest)
        if reference is not None and article.published is None:
            article.published = reference.isoformat()
            article.published_source = PUBLISHED_INFERRED
    mentions = actors.find_mentions(text, reference, language=language)
    countries = actors.article_countries(text, mentions, language=language)
    title = (article.title or "").strip()
    if title and title not in text[:len(title) + 200]:  # a headline kept apart from the text counts too
        for m in actors.find_mentions(title, reference, language=language):
            if m.kind == "country" and m.code not in countries:
                countries.append(m.code)

    ref_day = reference.isoformat() if isinstance(reference, date) else None
    narrative = None                  # a history? asked only when a clause could take its paragraph's date
    wrapped = hard_wrapped(text) if isinstance(text, str) else False
    events: list[Event] = []
    seen: set[tuple] = set()
    repeats = pieces = undated_repeats = 0
    capped = False
    ei = 0
    mi = 0
    previous_end = 0
    context: TimeExpression | None = None     # the last written date of the paragraph
    context_at = 0                            # the number of the sentence that wrote it
    n_sentence = 0
    for s0, s1, piece in _pieces(text, split_sentences(text, language=language)):
        pieces += piece
        gap = text[previous_end:s0]
        if "\n" in gap and (not wrapped or _BLANK_LINE.search(gap)):
            context = None                    # a new paragraph: the time it is at is its own
        previous_end = s1
        if s1 <= dateline_end:
            continue  # a dateline on a line of its own: its date is the report's, not a happening's
        n_sentence += 1
        while ei < len(exprs) and exprs[ei].start < s0:
            ei += 1
        in_sentence = []
        j = ei
        while j < len(exprs) and exprs[j].start < s1:
            if exprs[j].end <= s1:
                in_sentence.append(exprs[j])
            j += 1
        body0 = max(s0, dateline_end) if dateline_end < s1 else s0   # titles and countries leave the dateline out
        if s0 < dateline_end:
            # the dateline's date is the report's, never a happening's
            in_sentence = [t for t in in_sentence if t.start >= dateline_end]
        dated = [t for t in in_sentence if not span_start(text, t) and not attributive_year(text, t)]
        spans = len(in_sentence) - len(dated)
        dated = [t for t in dated if not comparison_baseline(text, t, s0)]
        times = _event_times(text, dated)
        body = text[body0:s1]
        headline = n_sentence == 1 and "\n" in text[s1:s1 + 2] and not body.rstrip().endswith((".", "!", "?"))
        if times and not REQUIRE_HAPPENING_FOR_WRITTEN:
            kind = "past"   # a written date makes the event; its tense is not needed
        else:
            kind = happening_kind(body, language, headline=headline)
        if kind == "now" and spans and not times:
            kind = None     # "has fought Russia since 2014": a state that goes on, not a happening
        if kind is not None and not times and ongoing_span(body, language, kind):
            kind = None     # "Talks have been cut off for nearly two years": a state or a series up to now
        if not times and kind is None:
            context, context_at = _advance(context, context_at, dated, ref_day, n_sentence)
            continue
        if times and kind is None and not REQUIRE_HAPPENING_FOR_WRITTEN:
            kind = "past"
        if kind is None:
            context, context_at = _advance(context, context_at, dated, ref_day, n_sentence)
            continue
        while mi < len(mentions) and mentions[mi].start < s0:
            mi += 1
        sent_mentions: list[CountryMention] = []
        k = mi
        while k < len(mentions) and mentions[k].start < s1:
            if mentions[k].start >= body0:           # a dateline's place is where it was filed
                sent_mentions.append(mentions[k])
            k += 1
        codes = list(dict.fromkeys(m.code for m in sent_mentions))
        sentence = text[s0:s1]
        if times:
            datings = [(t, _written_dating(t, ref_day)) for t in times]
            if ref_day and ((all(t.earliest[:10] > ref_day for t in times)
                             and happening_kind(text[body0:times[0].start], language) is not None
                             and _saying(text[body0:times[0].start], language))
                            or saying_apart(body, [(t.start - body0, t.end - body0) for t in times], language,
                                            reported_time(reference, dateline_time), times)):
                # "Intel said it would start shipping the chips next week": the saying is done now, the
                # shipping is scheduled; "Kavan said he was in Kansas City in 1968": said now, of 1968.
                # (A deed told in the past and dated after publication, with no saying, stays one event,
                # flagged in the window: "Troops captured the village on 3 December" in a November article.)
                # Two happenings, two dates
                datings.insert(0, (reported_time(reference, dateline_time), DATING_REPORTED))
        elif kind == "past" and context is not None and USE_CONTEXT and (
                (narrative := _is_history(narrative, text, reference, language))
                or (not _saying(body, language) and (
                    _recent(context, reference) or (NEWS_CONTEXT_NEXT and context_at == n_sentence - 1
                                                    and context.granularity in NEWS_CONTEXT_GRANULARITIES)))):
            datings = [(context_time(context), DATING_CONTEXT)]
        elif older_than_report(body, language):
            # "Previously, the company advertised at the $2 million level": no date, and not the report's
            context, context_at = _advance(context, context_at, dated, ref_day, n_sentence)
            continue
        else:
            datings = [(reported_time(reference, dateline_time), DATING_REPORTED)]
        for t, dating in datings:
            # the same happening told again (a pasted sentence, a repeated stretch of a long line)
            if piece and t.start is not None:
                key = (True, t.value, _normalised(text[max(0, t.start - _CONTEXT_CHARS):t.end + _CONTEXT_CHARS]))
            else:
                key = (piece, t.value, _normalised(sentence))
            if key in seen:
                if t.start is not None:
                    repeats += 1
                else:
                    undated_repeats += 1     # a sentence told again word for word, with no date
                continue
            seen.add(key)
            if len(events) >= MAX_EVENTS:
                capped = True
                break
            others = [(o.start - body0, o.end - body0) for o in in_sentence
                      if o is not t and o.start >= body0 and is_event_time(o)]
            if t.start is not None and t.start >= body0:
                span = (t.start - body0, t.end - body0)
            else:
                span = (None, None)
            if language_code(language) in (None, "en"):
                title = make_title(body, *span, others, language=language)
            else:
                title = foreign_title(body, span, language)
            events.append(Event(
                article_id=article.id, sentence_start=s0, sentence_end=s1, sentence=sentence, time=t,
                title=title, countries=list(codes), mentions=list(sent_mentions), dating=dating))
        if capped:
            break
        context, context_at = _advance(context, context_at, dated, ref_day, n_sentence)
    if pieces:
        notes.append(f"a line with no sentence ends was read in pieces of at most {MAX_SENTENCE_CHARS:,} "
                     "characters")
    if repeats:
        notes.append(f"{repeats:,} repeated mention{'s' if repeats != 1 else ''} of the same date in the same "
                     "words were taken as the same happening")
    if undated_repeats >= UNDATED_REPEATS_NOTED:
        notes.append(f"{undated_repeats:,} sentences with no date, repeated word for word, were taken as the same "
                     "happening told again")
    if capped:
        notes.append(f"only its first {MAX_EVENTS:,} events were kept (the limit of one article)")
    return article, events, countries, notes


# A written date makes an event in any sentence (as before happenings were read): on TimeBank, asking a dated
# sentence to tell a happening too lost 0.06 of recall for no precision (bench/events.py, docs/EVENTS.md).
REQUIRE_HAPPENING_FOR_WRITTEN = False
USE_CONTEXT = True                     # a past happening with no date of its own may take its paragraph's date
# In news the paragraph's date carries a happening told in the past only when it is a recent one (at most
# this many days before the publication) and the clause is not a saying ("..., her aides said" is said now,
# whatever year the paragraph talked about); in a history (or a text without a publication date) it always does.
NEWS_CONTEXT_DAYS = 7
# ... or, in news too, when the sentence just before wrote it ("In the third quarter, net income fell 5%.
# Sales rose 2.9%."): the next sentence goes on at that time
NEWS_CONTEXT_NEXT = True
NEWS_CONTEXT_GRANULARITIES = frozenset({"day", "weekend", "week", "month", "quarter", "season"})
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# a dateline that DATELINE does not cover: "Paris, le 18 novembre (AFP) -", "Berlin, 18. November (dpa) -",
# "КИЇВ, 18 листопада –": a place, a day and a month, an agency or a dash
_LOOSE_DATELINE = re.compile(
    r"\A\s*[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w'’.-]+(?:[ -][\w'’.-]+){0,2},\s*(?:le\s+|den\s+)?\d{1,2}\.?(?:er)?\s+"
    r"[^\W\d_]{3,12}\.?(?:\s+\d{4})?\s*(?:\([^()\n]{1,20}\))?\s*(?:[-–—]+|:)\s")


_EN_SAYING = re.compile(r"\b(?:said|say|says|told|tells|added|stated|announced|declared|according to)\b", re.I)
# a saying in other languages ("…, a indiqué le gouverneur", "sagte der Gouverneur", "заявив губернатор"): said
# now, whatever time the paragraph talked about
_SAYING = {
    "fr": re.compile(r"\b(?:a|ont)\s+(?:déclaré|dit|indiqué|annoncé|affirmé|précisé|assuré|expliqué)\b|"
                     r"\b(?:déclare|affirme|indique|selon)\b", re.I),
    "de": re.compile(r"\b(?:sagte|sagten|sagt|erklärte|erklärten|teilte|teilten|betonte|laut|kündigte|"
                     r"kündigten|(?:hat|haben)\s+(?:\w+\s+){0,3}?(?:gesagt|erklärt|angekündigt|mitgeteilt|betont|"
                     r"bekanntgegeben)|angekündigt|mitgeteilt)\b", re.I),
    "uk": re.compile(r"(?:^|\s)(?:заявив|заявила|заявили|сказав|сказала|повідомив|повідомила|повідомили|"
                     r"оголосив|оголосила|оголосили|"
                     r"заявляє|каже|за\s+словами)(?=[\s,.]|$)", re.I),
    "ru": re.compile(r"(?:^|\s)(?:заявил|заявила|заявили|сказал|сказала|сообщил|сообщила|сообщили|заявляет|"
                     r"объявил|объявила|объявили|"
                     r"говорит|по\s+словам)(?=[\s,.]|$)", re.I),
}


def _saying(sentence: str, language: str | None) -> bool:
    """Whether a sentence tells a saying (said now, not at the paragraph's time)."""
    pattern = _SAYING.get(language_code(language) or "en", _EN_SAYING)
    return bool(pattern.search(sentence))


def _recent(t: TimeExpression, reference: date | None) -> bool:
    first = as_date(t.earliest)
    return reference is not None and first is not None and 0 <= (reference - first).days <= NEWS_CONTEXT_DAYS


def _written_dating(t: TimeExpression, ref_day: str | None) -> str:
    """written, or context for an expression the tagger resolved against the time the text is at
    ("Two days later" after "On 24 February"): its anchor is another date than the publication."""
    if t.anchor and ref_day and t.anchor[:10] != ref_day:
        return DATING_CONTEXT
    if t.anchor and not ref_day:
        return DATING_CONTEXT
    return DATING_WRITTEN


def _is_history(known: bool | None, text: str, reference: date | None, language: str | None) -> bool:
    """Whether the article reads as a history (known already, or asked of the tagger once)."""
    if known is not None:
        return known
    return reference is None or looks_historical(text, reference, language=language)


def _advance(context, context_at: int, dated, ref_day, n_sentence: int):
    new = _next_context(context, dated, ref_day)
    return new, (n_sentence if new is not context else context_at)


def _next_context(context: TimeExpression | None, dated: list[TimeExpression], ref_day: str | None
                  ) -> TimeExpression | None:
    """The time the paragraph is at after a sentence: its last written date narrow enough to carry a
    passage (a day to a month), not after the publication."""
    for t in dated:
        if (t.type in EVENT_TYPES and t.earliest and t.latest and t.granularity in CONTEXT_GRANULARITIES
                and t.value not in NOT_EVENTS and (ref_day is None or t.earliest[:10] <= ref_day)):
            context = t
    return context


def happening_kind(sentence: str, language: str | None = None, headline: bool = False) -> str | None:
    """How a sentence reports a happening: "past" (told as past), "now" (a present perfect or a present
    saying: it has just happened), or None (no happening: a state, an opinion, a hypothetical, a question)."""
    s = sentence.strip()
    if not s or s.endswith("?"):
        return None
    return _happening(s, language, headline)


# ---------------------------------------------------------------------------------------------
# Consistency: what a reader should double-check about a date

_WEEKDAYS = {   # weekday names (lower case, as they open a word) -> Monday = 0
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5, "sonntag": 6,
    "понеділ": 0, "вівтор": 1, "серед": 2, "четвер": 3, "п'ятниц": 4, "п’ятниц": 4, "субот": 5, "неділ": 6,
    "понедельник": 0, "вторник": 1, "сред": 2, "четверг": 3, "пятниц": 4, "суббот": 5, "воскресень": 6,
    "lunes": 0, "martes": 1, "miércoles": 2, "jueves": 3, "viernes": 4, "sábado": 5, "domingo": 6,
}
_WEEKDAY_WORD = re.compile(r"[^\W\d_][\w'’]*")
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def weekday_named(words: str) -> int | None:
    """The weekday a time expression names ("Monday, November 18", "ce lundi 18 novembre"), Monday = 0."""
    for m in _WEEKDAY_WORD.finditer(words or ""):
        w = m.group().lower()
        for name, number in _WEEKDAYS.items():
            if w.startswith(name) and (len(name) >= 5 or w == name):
                return number
    return None


def date_warnings(*, time_text: str, earliest: str | None, latest: str | None, granularity: str | None,
                  sentence: str, published: str | None, language: str | None, dating: str) -> list[str]:
    """What does not add up about an event's date, in words for the reader (cheap checks only):
    a happening told in the past dated after its article's publication; a weekday that is not the
    weekday of the day it dates."""
    out = []
    pub = as_date(published)
    first = as_date(earliest)
    if (pub is not None and first is not None and dating != DATING_REPORTED and first > pub
            and happening_kind(sentence, language) == "past"):
        out.append(f"told in the past, but dated after the article's publication ({pub.isoformat()})")
    named = weekday_named(time_text)
    last = as_date(latest)
    if named is not None and first is not None and first == last and granularity in ("day", "hour", "minute",
                                                                                     "second", None):
        if first.weekday() != named:
            out.append(f"the text says {_DAY_NAMES[named]}, but {first.isoformat()} is a "
                       f"{_DAY_NAMES[first.weekday()]}")
    return out


# ---------------------------------------------------------------------------------------------
# Titles in other languages: who did what, without the date and the appositions

_LEADING_PREPOSITION = re.compile(
    r"(?:\b(?:ce|cette|le|la|en|au|à|depuis|dès|am|im|an|in|seit|vom|el|este|esta|en|desde|il|lo|nel|nella|"
    r"no|na|em|w|we|od|op|sinds|у|в|во|з|із|с|со|от|від|до|на|этот|эту|этой|цей|цього|цю)\s+){0,2}$", re.I)
# the word for "year" after a date the expression did not take in ("3 березня 2025 року", "3 марта 2025 года")
_YEAR_WORD = re.compile(r"^\s*(?:року|роках|року\b|р\.|года|году|г\.)(?=[\s,.;:]|$)")
# ", Jean-Noël Barrot," between a title and its verb: an apposition naming who (up to 40 characters, a capital)
_APPOSITION = re.compile(r",\s+([^,;:]{2,40}?),\s+(?=\S)")


def foreign_title(sentence: str, span: tuple[int | None, int | None], language: str | None) -> str:
    """A title for a sentence in a language other than English: the sentence without its dating expression
    (and the preposition or demonstrative that led to it: "ce lundi 18 novembre", "у понеділок") and
    without a short apposition between its subject and its verb ("Le ministre des Affaires étrangères,
    Jean-Noël Barrot, a assuré …" → "Le ministre des Affaires étrangères a assuré …"), then cut as
    :func:`viewer.titles.plain_title` cuts (at a clause boundary in its second half, else at a word)."""
    s = sentence
    a, b = span
    if a is not None and b is not None and 0 <= a < b <= len(s):
        lead = _LEADING_PREPOSITION.search(s, 0, a)
        start = lead.start() if lead else a
        before, after = s[:start].rstrip(), _YEAR_WORD.sub("", s[b:], count=1).lstrip()
        if not before or before.endswith((",", ";", ":", "(")):
            after = after.lstrip(" ,")          # "En septembre dernier, X …" → "X …"
        s = re.sub(r"\s+,", ",", f"{before} {after}").strip()
        s = s[:1].upper() + s[1:]
    past = _PAST.get(language_code(language) or "")
    m = _APPOSITION.search(s)
    if m and past is not None:
        verb = past.search(s)
        if (verb is not None and verb.start() >= m.end() and any(c.isupper() for c in m.group(1))
                and not past.search(m.group(1))):
            s = s[:m.start()] + " " + s[m.end():]
    title = make_title(s, language=language)
    if title and len(title) < SHORT_FOREIGN_TITLE and len(" ".join(s.split())) > len(title) + 2:
        # cut at a clause boundary soon after the verb ("Barrot versicherte"): who without what; cut at a
        # word further on instead
        words = " ".join(s.split()).rstrip(" .")
        cut = words.rfind(" ", 0, MAX_FOREIGN_TITLE - 1)
        title = words[:cut].rstrip(" ,;:") + "…" if cut > len(title) else title
    return title


MAX_FOREIGN_TITLE = 70
SHORT_FOREIGN_TITLE = 60
