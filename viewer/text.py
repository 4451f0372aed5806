"""What a sentence, a dateline and an ISO date are, for every module: the event builder, the tagger's tense
detection, an article's lead and the merge scorer all split and read text with these rules, so they agree on
where a sentence ends. Pure: no I/O, nothing from viewer but the model.

Sentences follow the English rules, with each language's abbreviations and ordinal dates ("am 18. November")
when its ``language`` is given; a capital of any script opens a sentence. The language of a text:
``language_code`` (what sources write → ISO 639-1) and ``detect_language`` (letters and function words first,
then py3langid, loaded on first use: the one data file this module reads is the detector's packaged model,
unless an entry point hands it a faster source with ``set_model_source``, as ``viewer.langcache`` does).
"""
from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from datetime import date, datetime

# ---------------------------------------------------------------------------------------------
# Sentences

# Abbreviations whose period does not end a sentence ("Mr. Smith", "Jan. 5", "U.S. officials").
ABBREVIATIONS = frozenset("""
mr mrs ms messrs mme mlle dr prof gen gens lt col capt cpt sgt maj adm cmdr brig gov sen sens rep reps rev
st sr jr mt ft no nos vs v etc al approx est ave blvd dept univ pres amb hon fig vol pp cf ca inc corp co ltd
bros plc jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun
a.m p.m e.g i.e u.s u.k u.n e.u d.c u.s.a u.a.e u.s.s.r op.
""".split())
# Abbreviations that also end sentences: a sentence ends after them when the next word usually starts one.
_ALSO_FINAL = frozenset("inc corp co ltd plc etc a.m p.m u.s u.k u.n e.u d.c u.s.a al bros".split())
_MONTHS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
_STARTERS = frozenset("""
The A An He She It They We I You This That These Those There Its His Her Their Our In On At But And
However Meanwhile Mr Mrs Ms Dr Yet Still So Then Now When While After Before As If Some Many Most
""".split())

# A candidate end: closing punctuation, quotes, space, then (after an opening quote) a word; the word must not
# start in lower case (checked in code: str.islower knows every script's capitals, "Україна", "Łódź").
_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]»›]*\s+(?:[\"“‘'(\[«‹„‚]|``)?(?=[^\W_])")
# Chinese and Japanese full stops end a sentence with or without a space after them, before any script
_WIDE_BOUNDARY = re.compile(r"[。！？]+[」』”’)）]*\s*(?=\S)")
_LAST_TOKEN = re.compile(r"([\w.]+)\.$")
# Other languages' abbreviations whose period does not end a sentence (lower case, without the final period).
LANGUAGE_ABBREVIATIONS: dict[str, frozenset[str]] = {code: frozenset(words.split()) for code, words in {
    "fr": "m mm mme mmes mlle me mgr pr dr st ste av apr j.-c env cf p ex c.-à-d janv févr avr juil sept oct "
          "nov déc lun mar mer jeu ven sam dim",
    "de": "dr prof nr st bzw ca vgl z.b u.a d.h usw evtl ggf inkl jh jhd chr v.chr n.chr hl gen abs sog "
          "jan feb febr märz apr aug sept okt nov dez",
    "es": "sr sra sres srta dr dra d dña ee.uu av a.c d.c etc p.ej núm gral ene feb mar abr jun jul ago sept "
          "oct nov dic",
    "it": "sig sigg dott dr prof on sen gen a.c d.c ecc ca gen feb mar apr mag giu lug ago sett ott nov dic",
    "pt": "sr sra dr dra a.c d.c etc av jan fev mar abr mai jun jul ago set out nov dez",
    "nl": "dhr mevr mw dr prof bijv o.a v.chr n.chr ca jl jan feb mrt apr jun jul aug sep sept okt nov dec",
    "pl": "r tys mln mld ul np tj m.in p.n.e n.e gen płk ppłk mjr kpt por dr prof św wg ok godz min sty lut "
          "mar kwi cze lip sie wrz paź lis gru",
    "ru": "г гг в вв н.э до н.э т.е т.д т.п т.н им ул ст руб тыс млн млрд ок см чел янв февр апр авг сент "
          "окт нояб дек ген",
    "uk": "р рр ст н.е до н.е т.д т.п т.зв ім вул грн тис млн млрд бл див осіб січ лют бер квіт трав черв "
          "лип серп вер жовт лист груд ген",
}.items()}
# Languages that write ordinal numbers with a period ("am 18. November", "18. listopadu"): "18." before a
# month name does not end a sentence (German capitalises its months).
_ORDINAL_MONTHS: dict[str, frozenset[str]] = {
    "de": frozenset("januar jänner februar märz april mai juni juli august september oktober november dezember "
                    "jan feb febr apr aug sept okt nov dez".split()),
}
_NEXT = re.compile(r"[\"“‘'(\[]?(\w+)")
_LINE_BREAK = re.compile(r"\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def split_sentences(text: str, language: str | None = None) -> list[tuple[int, int]]:
    """Sentence spans (start, end) in ``text``, whitespace trimmed.

    Lines are separate sentences (in hard-wrapped text only blank lines end one); inside a line a sentence
    ends at ., ! or ? (with closing quotes) followed by a capital, except after abbreviations ("U.S.",
    "Jan. 5", "Mr.") and initials ("J. Smith").
    """
    global _last_split
    last = _last_split
    if last is not None and last[1] == language and (last[0] is text or last[0] == text):
        return list(last[2])
    spans: list[tuple[int, int]] = []
    start = 0
    for end, following in sentence_breaks(text, language=language):
        _add_span(text, start, end, spans)
        start = following
    _add_span(text, start, len(text), spans)
    _last_split = (text, language, tuple(spans))
    return spans


# the last text split and its spans: an article is split by the event builder and by the country finder
_last_split: tuple | None = None


def sentence_breaks(text: str, lo: int = 0, hi: int | None = None, *, wrapped: bool | None = None,
                    language: str | None = None) -> Iterator[tuple[int, int]]:
    """Where sentences end inside ``text[lo:hi]``, in order: (end, next) with ``end`` just after the
    sentence (its closing punctuation and quotes) and ``next`` where the following one may begin.

    A line break ends a sentence, unless the text is hard-wrapped (``wrapped``; None: decide from
    ``text``), where only a blank line does. Breaks are those :func:`split_sentences` cuts at.
    """
    hi = len(text) if hi is None else hi
    if wrapped is None:
        wrapped = hard_wrapped(text)
    lines = _PARAGRAPH_BREAK if wrapped else _LINE_BREAK
    pos = lo
    for m in lines.finditer(text, lo, hi):
        yield from _breaks_in_line(text, pos, m.start(), language)
        yield m.start(), m.end()
        pos = m.end()
    yield from _breaks_in_line(text, pos, hi, language)


def hard_wrapped(text: str) -> bool:
    """Text wrapped at a fixed width (old newswire, e-mail): most lines of similar length, most of them
    ending mid-sentence."""
    global _last_wrapped
    last = _last_wrapped
    if last is not None and (last[0] is text or last[0] == text):
        return last[1]
    wrapped = _hard_wrapped(text)
    _last_wrapped = (text, wrapped)
    return wrapped


# the last text asked about (the tagger, the sentence splitter and the event builder ask of each article)
_last_wrapped: tuple | None = None


def _hard_wrapped(text: str) -> bool:
    lines = [line.rstrip() for line in text.split("\n") if line.strip()]
    if len(lines) < 4:
        return False
    lengths = [len(line) for line in lines]
    if max(lengths) > 120:
        return False
    full = sum(1 for n in lengths if n >= 0.6 * max(lengths))
    open_ended = sum(1 for line in lines if not line.endswith((".", "!", "?", '"', "”", ":", "’")))
    return full >= 0.6 * len(lines) and open_ended >= 0.5 * len(lines)


def _breaks_in_line(text: str, lo: int, hi: int, language: str | None = None) -> Iterator[tuple[int, int]]:
    if any(stop in text[lo:hi] for stop in "。！？"):
        for m in _WIDE_BOUNDARY.finditer(text, lo, hi):
            yield from _latin_breaks(text, lo, m.start(), language)
            end = m.end()
            while text[end - 1].isspace():
                end -= 1
            yield end, m.end()
            lo = m.end()
    yield from _latin_breaks(text, lo, hi, language)


def _latin_breaks(text: str, lo: int, hi: int, language: str | None = None) -> Iterator[tuple[int, int]]:
    start = lo
    for m in _BOUNDARY.finditer(text, lo, hi):
        if text[m.end()].islower():
            continue
        cut = m.start()
        following = m.end()
        while text[following - 1] in "\"“‘'([`«‹„‚":     # the next sentence opens with its quote or bracket
            following -= 1
        if text[cut] == "." and not _period_ends_sentence(text, start, cut, following, language):
            continue
        end = following
        while text[end - 1].isspace():
            end -= 1
        yield end, following
        start = following


def _period_ends_sentence(text: str, start: int, cut: int, next_start: int, language: str | None = None) -> bool:
    if language in LANGUAGE_ABBREVIATIONS:
        ends = _foreign_period_ends_sentence(text, start, cut, next_start, language)
        if ends is not None:
            return ends
    return _english_period_ends_sentence(text, start, cut, next_start)


def _foreign_period_ends_sentence(text: str, start: int, cut: int, next_start: int, language: str) -> bool | None:
    """False where ``language``'s abbreviations or ordinal dates keep the sentence going; None to ask the
    English rules (initials, "U.S.", English abbreviations quoted in the text)."""
    tm = _LAST_TOKEN.search(text, max(start, cut - 20), cut + 1)
    if not tm:
        return None
    low = tm.group(1).lower().rstrip(".")
    if low in LANGUAGE_ABBREVIATIONS[language]:
        return False
    months = _ORDINAL_MONTHS.get(language)
    if months and low.isdigit() and len(low) <= 2:
        nxt = _NEXT.match(text, next_start, next_start + 30)
        if nxt and nxt.group(1).lower().rstrip(".") in months:
            return False
    return None


def _english_period_ends_sentence(text: str, start: int, cut: int, next_start: int) -> bool:
    if text[cut + 1:cut + 2] in ("\"", "”", "’", "'", ")"):
        return True  # a closing quote or bracket after the period
    tm = _LAST_TOKEN.search(text, max(start, cut - 20), cut + 1)
    if not tm:
        return True
    token = tm.group(1)
    low = token.lower().rstrip(".")
    nxt = _NEXT.match(text, next_start, next_start + 30)
    next_word = nxt.group(1) if nxt else ""
    if len(low) == 1 and token[0].isupper():
        return next_word in _STARTERS and next_word not in ("A", "I")  # an initial: "J. Smith"
    if low in _MONTHS:
        return not next_word[:1].isdigit()
    if low in ABBREVIATIONS or "." in low:
        if low in _ALSO_FINAL or "." in low:
            return next_word in _STARTERS
        return False
    return True


def _add_span(text: str, start: int, end: int, spans: list) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


# ---------------------------------------------------------------------------------------------
# Datelines: "KYIV, Nov 18 (Reuters) - ...", "PARIS, Texas —", "WASHINGTON _"

DATELINE_PLACE = r"[A-Z][A-Z.'’ -]{1,40}"     # a place in capitals: "KYIV", "ST. LOUIS", "N'DJAMENA"
DATELINE_DASH = r"(?:[-–—]+|_)"              # what ends a dateline
NEWS_AGENCY = r"(?:Reuters|Reuter|AP|AFP|UPI|Xinhua|dpa|DPA|Bloomberg|IANS|PTI|ANSA|Kyodo|Interfax|TASS|Ukrinform)"

# An article's leading dateline: its place, region (state, province, country), date and agency.
DATELINE = re.compile(
    rf"""\A\s*(?P<place>{DATELINE_PLACE}?)\s*(?:,\s*(?P<region>[A-Z][A-Za-z.' ]{{1,30}}?))?
        \s*(?:,\s*[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?)?\s*
        (?:\({NEWS_AGENCY}\))?
        \s*{DATELINE_DASH}\s""",
    re.X,
)


# ---------------------------------------------------------------------------------------------
# ISO dates

def as_date(value) -> date | None:
    """A date from a date, a datetime or an ISO string ("2024-11-18", "2024-11-18T09:00"); None for
    anything else."""
    if value is None or type(value) is date:
        return value
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return date(value.year, value.month, value.day)
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


# ---------------------------------------------------------------------------------------------
# Words

# Words too common to say what a sentence is about (English).
STOPWORDS = frozenset("""the and for that with was were has have had this from said says will would are its his
her their they been also which who not but more than after before into over about other could should""".split())


# ---------------------------------------------------------------------------------------------
# Languages: ISO 639-1 codes, lower case ("fr", "uk"); None when unknown.

# The languages the war is reported in most: a short or ambiguous text is read as one of these.
NEWS_LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "nl", "pl", "ru", "uk")

# ISO 639-2 codes (bibliographic and terminology) and English names met in feeds and dumps.
_LANGUAGE_ALIASES = {
    "eng": "en", "english": "en", "fra": "fr", "fre": "fr", "french": "fr", "français": "fr", "deu": "de",
    "ger": "de", "german": "de", "deutsch": "de", "spa": "es", "spanish": "es", "español": "es", "ita": "it",
    "italian": "it", "por": "pt", "portuguese": "pt", "nld": "nl", "dut": "nl", "dutch": "nl", "pol": "pl",
    "polish": "pl", "rus": "ru", "russian": "ru", "ukr": "uk", "ukrainian": "uk", "ell": "el", "gre": "el",
    "greek": "el", "kat": "ka", "geo": "ka", "georgian": "ka", "ron": "ro", "rum": "ro", "ces": "cs", "cze": "cs",
    "slk": "sk", "slo": "sk", "bel": "be", "bul": "bg", "tur": "tr", "ara": "ar", "heb": "he", "zho": "zh",
    "chi": "zh", "jpn": "ja", "kor": "ko", "swe": "sv", "fin": "fi", "hun": "hu", "lit": "lt", "lav": "lv",
    "est": "et", "srp": "sr", "hrv": "hr", "slv": "sl", "dan": "da", "nor": "no", "nob": "no", "nb": "no",
    "nno": "nn", "iw": "he", "in": "id", "ji": "yi",
}
_LANGUAGE_TAG = re.compile(r"\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*\s*\Z")
_UNDETERMINED = frozenset({"und", "mul", "zxx", "mis", "xx"})


def language_code(value) -> str | None:
    """The ISO 639-1 code of a language as sources write it: "fr-FR", "fr_FR", "FR", "fra", "French" → "fr";
    None for nothing, "und" (undetermined) or what is not a language tag."""
    if not isinstance(value, str):
        return None
    code = _CODES.get(value, _UNKNOWN)
    if code is _UNKNOWN:
        code = _language_code(value)
        if len(_CODES) < _CODES_KEPT:
            _CODES[value] = code
    return code


# the codes of the values asked for (the event builder asks for the same few thousands of times per article)
_CODES: dict = {}
_CODES_KEPT = 4096
_UNKNOWN = object()


def _language_code(value: str) -> str | None:
    low = value.strip().lower()
    if low in _LANGUAGE_ALIASES:
        return _LANGUAGE_ALIASES[low]
    m = _LANGUAGE_TAG.match(low)
    if not m:
        return None
    code = m.group(1)
    code = _LANGUAGE_ALIASES.get(code, code)
    return None if code in _UNDETERMINED else code


# How much of a text the detector reads: an article is told by its title and opening (400 characters: a third
# of the cost of 1,500, the same answers on the tests), and the cost stays flat however long the article is.
DETECT_CHARS = 400
# Below this many letters a text says too little about its language.
_MIN_LETTERS = 12
# The share of the probability the winning language needs (among the news languages when they lead, among
# all the detector knows otherwise); below it the answer is None (unknown) rather than a guess.
_MIN_SHARE = 0.5
_MIN_OTHER = 0.8
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
# the bytes that are no letter, to count the letters of a text in ASCII without a regular expression
_NOT_ASCII_LETTER = bytes(b for b in range(128) if not chr(b).isalpha())


def _letter_count(text: str) -> int:
    """How many letters ``text`` holds (what ``_LETTER`` matches)."""
    if text.isascii():
        return len(text.encode("ascii").translate(None, _NOT_ASCII_LETTER))
    return len(_LETTER.findall(text))

_detector = None
_detector_lock = threading.Lock()
_model_source = None     # set_model_source


def detect_language(text: str) -> str | None:
    """The language ``text`` is written in, as an ISO 639-1 code ("fr", "uk"), or None when it cannot be
    told with confidence (too short, no letters, an even mix).

    Reads the first :data:`DETECT_CHARS` characters (give an article's title and text together): a text whose
    letters and commonest words leave no doubt is named at once (``_first_pass``, which agrees with the model
    wherever it decides); any other with py3langid, whose model is loaded once per process, on first use. A text mostly in one of the
    :data:`NEWS_LANGUAGES` is read as the most likely of them; a text in another language ("el", "ka", "sv")
    is named only when the detector is sure of it. Never raises.
    """
    if not isinstance(text, str):
        return None
    sample = text[:DETECT_CHARS]
    if _letter_count(sample) < _MIN_LETTERS:
        return None
    quick = _first_pass(sample)
    if quick is not None:
        return quick
    try:
        ident = _language_identifier()
        ranked = ident.rank(sample)
    except Exception:    # the detector missing or broken: the language stays unknown
        return None
    probs = {lang: p for lang, p in ranked}
    news = {lang: probs.get(lang, 0.0) for lang in NEWS_LANGUAGES}
    news_mass = sum(news.values())
    best, best_p = ranked[0]
    if best in news or news_mass >= 0.5:
        lang = max(news, key=news.get)
        share = news[lang] / news_mass if news_mass > 0 else 0.0
        return lang if share >= _MIN_SHARE else None
    if best_p >= _MIN_OTHER and best not in _UNDETERMINED:
        return language_code(best)
    return None


# A first pass that needs no model (py3langid's takes ~0.7 s to load): a text whose evidence leaves no doubt is
# named from its letters and its commonest words; anything else goes to the model. Cyrillic: Ukrainian writes
# і ї є ґ and never ы э ё ъ, Russian the reverse, both write и (Belarusian has і with ы and ў and no и, Bulgarian
# neither ы nor э, and the other Cyrillic alphabets have letters of their own). Latin: each news language's function words that no
# other of the ten shares, with every letter beyond a–z one of the language's own, and no word typical of a
# close language the model may name instead (Catalan, Galician, Romanian, Indonesian ...).
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_CYRILLIC_OTHER = re.compile(r"[ЂЃЅЈЉЊЋЌЍЎЏђѓѕјљњћќѝўџ\u0460-\u0489\u048a-\u04ff]")
_UK_LETTERS = frozenset("іїєґІЇЄҐ")
_RU_LETTERS = frozenset("ыэёЫЭЁ")
_RU_OR_BELARUSIAN = frozenset("ыэёъЫЭЁЪ")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:['’][A-Za-z\u00c0-\u024f]+)?")
# letters beyond a–z each language writes (lower case)
_OWN_LETTERS = {
    "en": "", "fr": "àâæçéèêëîïôœùûüÿ", "de": "äöüß", "es": "áéíñóúü", "it": "àèéìíîòóùú",
    "pt": "áâãàçéêíóôõú", "nl": "éëïöüèáó", "pl": "ąćęłńóśźż",
}
_FUNCTION_WORDS = {
    "en": "the of and to is was were that with has have had said from which would will been their they "
          "this by are not but its who after were could should about than them there these those when "
          "over into against told also more being",
    "fr": "le les des du est une dans pour qui au aux sur cette avec été ont sont mais ses leur selon pas "
          "il elle ce lors après où très contre ils ces aussi depuis avant sans sous chez leurs avait était "
          "sera fait même tout tous dont ainsi deux trois jours ans plus",
    "de": "der die das und ist nicht ein eine mit von den dem sich auch wurde wurden nach bei einer zum "
          "zur aus wird haben hat sind noch einen eines gegen seit wie war waren vor über unter durch sie "
          "es werden auf hatte nur",
    "es": "el los las del que una por con para fue según está pero sus más como tras hasta desde sobre "
          "ha han entre y también su lo muy ya dijo cuando donde aunque sin contra este esta estos años "
          "había sido hace dos tres días",
    "it": "il della delle dei degli che di è per una con gli nel nella sono alla dal dalla anche più ha "
          "hanno stato dopo contro questo questa anni aveva era sarà dopo ancora tra fra sul sulla "
          "due tre giorni ieri oggi",
    "pt": "o os da do das dos que uma em com para não foi ao pelo pela mas seu sua são também após até "
          "está e contra este esta anos tinha era será ainda entre sobre dois três dias ontem hoje nos "
          "nas num numa",
    "nl": "het een van is niet zijn op met voor dat werd worden naar bij ook maar heeft hebben "
          "door deze dit tegen sinds zich er was waren nog hun wordt twee drie dagen jaar gisteren "
          "vandaag al",
    "pl": "w i się na z że nie do jest to przez od po jak jego ich już został była było są oraz przed "
          "podczas który która które także jednak dwa trzy dni lat roku wczoraj dzisiaj został",
}
# words common in a language the model may name instead of one of the ten (any of them: ask the model)
_OTHER_WORDS = frozenset("""
amb els dels aquest aquesta però també seva seus molt és fins perquè
unha dunha coa polo pola xa tamén
este pentru care sunt fost și cu mai
yang dan ini itu dengan untuk dari tidak akan pada adalah
och att det som är för på inte med av
og ikke til af på er
nie vir ek hulle hom deur weke jare maande gesê sê
an ass net fir
""".split())
# words of two or more of the ten languages ("de", "la", "en", "die", "del", "mais", "na") count for none
_SHARED_WORDS = frozenset("""
a al da de del des di do dos e en i il in la le o se un die ich na qui mais como desde entre sobre han
es nos su lo por sua over war
""".split())


def _function_words() -> dict[str, frozenset[str]]:
    words = {lang: set(text.split()) for lang, text in _FUNCTION_WORDS.items()}
    shared = set()
    langs = list(words)
    for i, a in enumerate(langs):
        for b in langs[i + 1:]:
            shared |= words[a] & words[b]
    return {lang: frozenset(ws - shared - _SHARED_WORDS - _OTHER_WORDS) for lang, ws in words.items()}


_DISTINCT_WORDS = _function_words()
# each distinct word and its language (the sets share no word)
_WORD_LANGUAGE = {word: lang for lang, words in _DISTINCT_WORDS.items() for word in words}
# elided words Italian does not write ("qu'il", "n'a", "s'est", "c'est", "j'ai")
_FRENCH_ELISIONS = frozenset("qu n s c j jusqu lorsqu puisqu".split())


def _first_pass(sample: str) -> str | None:
    """The language of ``sample`` when its letters and words leave no doubt, else None (ask the model)."""
    ascii_only = sample.isascii()
    letters = _letter_count(sample)
    cyrillic = 0 if ascii_only else len(_CYRILLIC.findall(sample))
    if cyrillic >= 0.9 * letters:
        if _CYRILLIC_OTHER.search(sample):
            return None
        uk = sum(1 for ch in sample if ch in _UK_LETTERS)
        ru = sum(1 for ch in sample if ch in _RU_LETTERS)
        if "и" not in sample and "И" not in sample:
            return None       # Belarusian writes no и
        if uk >= 2 and not any(ch in _RU_OR_BELARUSIAN for ch in sample):
            return "uk"
        if ru >= 2 and uk == 0:
            return "ru"
        return None
    if not ascii_only and len(_LATIN.findall(sample)) < 0.9 * letters:
        return None             # (in ASCII every letter is a Latin one)
    counts = dict.fromkeys(_DISTINCT_WORDS, 0)
    extra: set[str] = set()
    for word in _LATIN_WORD.findall(sample):
        word = word.lower()
        if "'" in word or "’" in word:
            head, apostrophe, tail = word.replace("’", "'").partition("'")
            if apostrophe and head in _FRENCH_ELISIONS:
                counts["fr"] += 1
                word = tail
        if word in _OTHER_WORDS:
            return None
        if not word.isascii():
            extra.update(ch for ch in word if ch > "z" and ch.isalpha())
        lang = _WORD_LANGUAGE.get(word)
        if lang is not None:
            counts[lang] += 1
    ranked = sorted(counts.items(), key=lambda kv: kv[1], reverse=True)
    (best, n), (_, second) = ranked[0], ranked[1]
    if n < 3 or n < 3 * second or not extra <= set(_OWN_LETTERS[best]):
        return None
    return best


def _language_identifier():
    """py3langid's identifier over all its languages, probabilities normalised; built once per process."""
    global _detector
    if _detector is not None:
        return _detector
    with _detector_lock:
        if _detector is None:
            _detector = _load_identifier()
    return _detector


def set_model_source(source) -> None:
    """Where the detector's model comes from, for a process whose entry point may read files (this module
    reads none but the packaged model): ``source()`` returns the model's arrays by name (``ptc``, ``pc``,
    ``classes``, ``nextmove``, ``nextmove_row``, ``out_feat``, as in py3langid's model.npz), for instance
    mapped from a cache (:mod:`viewer.langcache`), or None. None, an exception or arrays that do not make an
    identifier: the packaged model is read as without a source. Takes effect when the model is first needed in
    this process; ``source=None`` removes it."""
    global _model_source
    _model_source = source


def _load_identifier():
    if _model_source is not None:
        try:
            arrays = _model_source()
            if arrays is not None:
                return _identifier(arrays)
        except Exception:   # noqa: BLE001 - a broken source: the packaged model below
            pass
    return _load_packaged_identifier()


def _identifier(arrays):
    from py3langid.langid import LanguageIdentifier
    return LanguageIdentifier(arrays["ptc"], arrays["pc"], arrays["classes"].tolist(),
                              _uints(arrays["nextmove"]), arrays["out_feat"].tolist(), norm_probs=True,
                              tk_row=_uints(arrays["nextmove_row"]))


def _load_packaged_identifier():
    # The model is an LZMA-compressed .npz (~0.6 s to decompress): decompress in a thread (lzma releases
    # the GIL) while numpy and py3langid import, then read the arrays in place rather than copying them.
    from importlib.resources import files

    model = files("py3langid").joinpath("data", "model.npz.xz")
    raw: list = []

    def decompress() -> None:
        import lzma
        try:
            raw.append(lzma.decompress(model.read_bytes()))
        except Exception as exc:     # noqa: BLE001 - handed back to the caller below
            raw.append(exc)

    worker = threading.Thread(target=decompress, name="langid-model", daemon=True)
    worker.start()
    from py3langid.langid import LanguageIdentifier
    worker.join()
    try:
        if isinstance(raw[0], Exception):
            raise raw[0]
        return _identifier(_npz_arrays(raw[0]))
    except Exception:   # a model layout this reader does not know: py3langid's own (slower) loader
        from py3langid.langid import MODEL_FILE
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _npz_arrays(data: bytes) -> dict:
    """The arrays of an uncompressed .npz held in memory (numpy's savez: a zip of .npy members stored
    as they are), as numpy views on ``data``, without copies. Raises ValueError on anything else."""
    import ast

    import numpy as np

    out = {}
    view = memoryview(data)
    off = 0
    while data[off:off + 4] == b"PK\x03\x04":
        flags = int.from_bytes(data[off + 6:off + 8], "little")
        method = int.from_bytes(data[off + 8:off + 10], "little")
        name_len = int.from_bytes(data[off + 26:off + 28], "little")
        extra_len = int.from_bytes(data[off + 28:off + 30], "little")
        if method != 0 or flags & 0x8:
            raise ValueError("a compressed or streamed member")
        name = data[off + 30:off + 30 + name_len].decode("utf-8")
        start = off + 30 + name_len + extra_len
        if data[start:start + 6] != b"\x93NUMPY":
            raise ValueError(f"{name}: not a .npy array")
        major = data[start + 6]
        size = 2 if major == 1 else 4
        header_len = int.from_bytes(data[start + 8:start + 8 + size], "little")
        body = start + 8 + size + header_len
        header = ast.literal_eval(data[start + 8 + size:body].decode("latin1"))
        dtype = np.dtype(header["descr"])
        if header["fortran_order"] or dtype.hasobject:
            raise ValueError(f"{name}: unexpected array layout")
        count = 1
        for n in header["shape"]:
            count *= n
        out[name.removesuffix(".npy")] = np.frombuffer(view, dtype=dtype, count=count,
                                                       offset=body).reshape(header["shape"])
        off = body + count * dtype.itemsize
    if not out:
        raise ValueError("not a zip of arrays")
    return out


def _uints(values) -> memoryview:
    """A 1-d numpy array of unsigned ints as a flat memoryview of Python ints (what py3langid's DFA walk
    indexes), sharing the array's memory."""
    code = {2: "H", 4: "I", 8: "Q"}[values.dtype.itemsize]
    return memoryview(values).cast("B").cast(code)
