"""Titles: a short headline ("Barrot: French missiles remain an option") for the sentence that reports a
happening, drawn from the clause its date belongs to. English heuristics: datelines, attributions, leading
adverbials and asides go; a speaker's claim becomes "Speaker: claim"; at most ~70 characters.
Sentences in other languages get a plain title: the sentence cut at a clause boundary (``plain_title``).
"""
from __future__ import annotations

import re

from viewer.text import DATELINE_PLACE, language_code

MAX_TITLE = 70

# A title is built on the sentence with the dating expression replaced by a marker (_MARK) and the other
# time expressions of the sentence by another (_OTHER): the markers show which clause the date belongs to
# and are taken out, with the preposition that introduced them, at the end.

_MARK = "\x00"
_OTHER_FIRST = 0xE000   # other expressions: one private-use character each, so each can be put back
_OTHERS = re.compile(r"[\ue000-\ue0ff]")

# a dateline as it opens a sentence whose date is already marked: "KYIV, \x00 (Reuters) -"
_DATELINE = re.compile(
    rf"^{DATELINE_PLACE}(?:,\s*[A-Z][\w.'’ ]{{1,30}}?)?(?:,?\s*[\x00\ue000-\ue0ff])?\s*"
    r"(?:\((?:[A-Z][\w.]*\s?){1,3}\))?\s*(?:--?|—|–|_)\s*(?=\S)")
_AGENCY_ONLY = re.compile(r"^\((?:[A-Z][\w.]*\s?){1,3}\)\s*(?:--?|—|–|_)?\s*")
_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Messrs|Mme)\.?\s+(?=[A-Z])")
_MIDDLE_INITIAL = re.compile(r"[A-Z](?<=[a-z] [A-Z])\.\s+(?=[A-Z][a-z])")
_STRAIGHT_QUOTES = re.compile(r'"([^"]*)"')
_LEAD = re.compile(
    r"^(?:(?:and|but|or|so|yet|also|then|still|now|thus|hence|even so|instead|separately|similarly|earlier|"
    r"later|finally|ironically|meanwhile|however|nevertheless|nonetheless|moreover|furthermore|indeed|"
    r"initially|again|already|currently|overall|otherwise|elsewhere|in addition|for example|for instance|"
    r"for (?:its|his|her|their) part|in fact|in turn|at the same time|on the other hand|in other words|"
    r"as a result|by contrast|in contrast|of course|[a-z]+ly)\b,?\s+)+",
    re.I)
_LEAD_FIRST = frozenset("""and but or so yet also then still now thus hence even instead separately similarly earlier
later finally ironically meanwhile however nevertheless nonetheless moreover furthermore indeed initially again
already currently overall otherwise elsewhere in for at on as by of""".split())
_INNER_CONNECTIVE = re.compile(r",\s+(?:however|though|too|meanwhile|moreover|therefore|in turn|in fact),")
_INTRO = re.compile(r"^([^,]{1,100}?),\s+(?=\S)")
_INTRO_START = re.compile(
    r"^(?:(?:in|on|at|for|after|before|during|among|amid|amidst|despite|under|with|without|according to|"
    r"following|since|until|once|as|by|through|throughout|over|from|contrary to|unlike|like|ahead of|"
    r"just ahead of|just|beyond|besides|within|across|toward|towards|near|along|against|regarding|given|"
    r"late|early|up until|up to|when|while|although|though|whereas|if|because|unless|where|to)\b"
    r"|[\x00\ue000-\ue0ff]"
    r"|[a-z]+(?:ing|ed)\s+(?:of|by|to|about|at|in|on|with|from|for|as|the|a|an|into|over|after|his|her|"
    r"their|its|that|up|down|out|off)\b"
    r"|(?:read|held|made|written|taken|seen|given|known|shown|sent|built|led|set|put|cut|hit|born)\s+"
    r"(?:by|in|on|at|as|from|to)\b)",
    re.I)
_SUBORDINATOR = re.compile(r"^(?:when|while|although|though|whereas|if|because|unless|where|as|after|before|"
                           r"since|once|until)\s+", re.I)
_WHEN_CLAUSE = re.compile(r"^(?:when|where)\s+([^,]{8,}?)(?:,|$)")
_RELATIVE = re.compile(r",\s+(?:who|which)\s+(?P<cl>[^,]*[\x00][^,]*?)\s*(?:,|$)")
_SUBORD = re.compile(r"\b(?:as|after|when|while|because|since|before|where|once)\s+"
                     r"(?=[A-Z]|the\b|its\b|his\b|her\b|their\b|[\x00\ue000-\ue0ff])")
_COORD = re.compile(
    r",\s+(?:and|but|while|whereas)\s+|;\s+|\s+but\s+|\s+[–—-]{1,2}\s+"
    r"|\s+and\s+(?=(?:were|was|is|are|will|would|has|have|had|later|then|also|could|may|might|must|should|"
    r"can|did|does|do|then|said|says)\b|[a-z]+ed\s)")
_AUX = re.compile(r"^(?:were|was|is|are|will|would|has|have|had|later|then|also|could|may|might|must|should|"
                  r"can|did|does|do|said|says|[a-z]+ed)\b")
_PASSIVE_AGENT = re.compile(
    r"(?<!\S)(?P<glue>[a-z]*?)(?P<verb>captured|recaptured|seized|taken|retaken|conquered|occupied|liberated|"
    r"annexed|destroyed|damaged|struck|attacked|shelled|bombed|invaded|overrun|launched|fired|signed|approved|"
    r"adopted|imposed|ordered|founded|established|elected|appointed|arrested|released|built|won|lost)"
    r"\s+by\s+(?P<agent>[^,;:\x00\ue000-\ue0ff]{2,40}?)\s+(?:(?:on|in|at|during|since|early|late)\s+)?\x00")
_ANY_MARK = re.compile(r"[\x00\ue000-\ue0ff]")
_MARK_PREP = re.compile(
    r"(?:\b(?:ended|ending|due|dated|effective)\s+)?(?:\b(?:on|in|at|during|since|by|from|until|till|of|"
    r"through|as of|into|within|throughout|over|for|after|before|around|between|to|up to|up until|"
    r"as early as|as late as|as soon as|no later than|no earlier than|starting|beginning|until)\s+)?"
    r"(?:\b(?:early|late|mid|the end of|the start of)\s+)?[\x00\ue000-\ue0ff]"
    r"|\b(?:In|On|At|During|Since|By|From|Until|Through|After|Before|Around|Between|Early|Late)\s+"
    r"(?:(?:early|late|mid|the end of|the start of)\s+)?[\x00\ue000-\ue0ff]")   # opening the sentence
_NP_STOP = frozenset("""on in at from with during against over under into across near through via amid by of to
for about after before since until while when where that which who whose and or but as than is are was were be
been has have had will would could can may might must should said says say told""".split())
_DETERMINERS = frozenset("the a an this that these those his her its their our my your".split())


def _np_before(text: str, max_words: int = 6) -> str:
    """The noun phrase that ends ``text`` ("... a private placement to his father" -> "his father")."""
    words = text.split()
    out: list[str] = []
    for w in reversed(words):
        low = w.lower().strip(",;:“”\"'")
        if low in _NP_STOP or w.endswith((",", ";", ":")) or len(out) >= max_words:
            break
        out.append(w)
        if low in _DETERMINERS:
            break
    return " ".join(reversed(out))


_DATE_AS_OBJECT = frozenset("set sets picked picks chose chooses named names marked marks declared designated fixed "
                            "scheduled".split())
_BE = frozenset("is are was were be been being".split())
_A_BEFORE = re.compile(r"(?:^|\s)(?:a|an|A|An)\s$")


def _unmark(s: str, time_text: str, others: list[str]) -> str:
    """Take the markers out: the dating expression goes with its preposition, except where the sentence
    needs it ("Tuesday's declaration", "Today is the eighth day", "an Aug. 10 agreement")."""
    if _MARK in s:
        i = s.index(_MARK)
        after = s[i + 1:i + 4]
        before = s[max(0, i - 4):i]
        prev = s[:i].rstrip().rsplit(" ", 2)[-2:]
        keep = after[:2] in ("'s", "’s") or _A_BEFORE.search(before) or \
            (prev and prev[-1].lower() in _DATE_AS_OBJECT and prev[0].lower() not in _BE) or \
            (s[:i].strip(" ,") == "" and _AUX.match(s[i + 1:].lstrip()))
        if keep and time_text:
            s = s[:i] + time_text + s[i + 1:]
    out = []
    pos = 0
    for mk in _ANY_MARK.finditer(s):
        m = _MARK_PREP.search(s, max(pos, mk.start() - 48), mk.end())
        if m is None:
            continue
        out.append(s[pos:m.start()])
        out.append(_drop_or_keep(m))
        pos = m.end()
    out.append(s[pos:])
    s = "".join(out)
    return _OTHERS.sub(lambda m: others[ord(m.group()) - _OTHER_FIRST], s)


def _drop_or_keep(m: re.Match) -> str:
    """An expression goes with its preposition; another expression with no preposition is part of the
    sentence's grammar ("picked Saturday night as the time") and is kept as written."""
    text = m.group(0)
    if len(text) == 1 and text != _MARK:
        s, i = m.string, m.start()
        prev = s[:i].rstrip()
        nxt = s[i + 1:i + 3]
        pw = prev.rsplit(" ", 2)[-2:]
        if pw and (pw[-1].lower() in _BE or pw[-1].lower() in _DATE_AS_OBJECT and pw[0].lower() not in _BE) and nxt[:1] not in (",", ".", ";", ""):
            return text      # put back by the caller
    return ""


def _clean(s: str) -> str:
    if "(" in s:
        s = _PARENS.sub("", s)
    s = " ".join(s.split())
    if any(p in s for p in _SPACE_BEFORE):
        s = _SPACE_PUNCT.sub(r"\1", s)
    if any(p in s for p in _DOUBLED):
        s = _DOUBLE_COMMA.sub("", s)
    if s.endswith((".”", ",”")):
        s = s[:-2] + "”"
    return s.strip(" ,;:-–—_")


_SPACE_BEFORE = (" ,", " ;", " :", " .", " !", " ?", " ”")
_DOUBLED = (",,", ";,", ":,", ",.", ",;", ",:")


_QUOTE_END_PERIOD = re.compile(r"[.,]”$")
_PARENS = re.compile(r"\s*\([^()\x00]*\)")
_SPACES = re.compile(r"\s+")
_SPACE_PUNCT = re.compile(r"\s+([,;:.!?”])")
_DOUBLE_COMMA = re.compile(r"(?<=[,;:])\s*,|,(?=\s*[.;:])")
_CUT = re.compile(r",\s|;\s|:\s|\s(?:and|but|which|while|who|whereas|so that|because|after|before|when|"
                  r"with|including|despite|amid|although|though|if|until|compared with|according to)\s|"
                  r"\s[–—-]{1,2}\s")
_PHRASE_CUT = re.compile(r"\s(?:in|on|at|from|with|for|to|into|over|under|by|during|against|near|across|"
                         r"through|that|who|which)\s")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
_COMMA = re.compile(r"[,;]")

_PREPS = frozenset("by on in at from with during against over under into across near through via amid "
                   "toward towards".split())
_STOPPERS = frozenset("""is are was were be been being has have had will would could can may might must should
shall do does did remain remains remained said says say that which who whose and or but as than to of not
for about after before since until while when where""".split())
_NOT_NATURAL = frozenset("of and or nor than that".split())
_MODIFIER_PARTICIPLES = frozenset("""named called dubbed known based led owned held located titled worth used
aimed designed set made""".split())
_BOUND_BEFORE = frozenset("""associated related linked compared based according due prior close next
equal""".split())
_FUNCTION_END = frozenset("""the a an of to in on at for from with by and or but as that which who whose its his
her their our this these those than is are was were be been has have had will would could can may might must
should not also only even just soon shortly still now then once""".split())


def _drop_phrases(s: str, limit: int) -> str:
    """Headline-style compression: drop inner prepositional phrases ("by Ukrainian forces", "on Russian
    soil"), last first, while the text is too long. A phrase is a preposition and up to four words, none of
    them a verb-like or binding word, ended by another preposition or a verb; phrases that end the text are
    kept (they often carry the object)."""
    words = s.split(" ")
    low = [w.lower().strip(",.;:“”\"'") for w in words]
    n = len(words)
    spans = []
    i = 1
    while i < n - 1:
        if low[i] in _PREPS and words[i] == low[i] and low[i - 1] not in _BOUND_BEFORE \
                and low[i - 1] not in ("and", "or", "but", "nor"):
            j = i + 1
            natural = False
            while j < n and j - i <= 4:
                w = low[j]
                if w in _PREPS or w in _STOPPERS or (w.endswith("ed") and w not in _MODIFIER_PARTICIPLES):
                    # bound to what comes next ("than", "of"), or an adjective after a possessive: keep it
                    natural = w not in _NOT_NATURAL and not words[j - 1].endswith(("'s", "’s"))
                    break
                if words[j].endswith((",", ";", ":")) or w in _MODIFIER_PARTICIPLES or w.endswith("ing") \
                        or any(c.isdigit() for c in w):
                    break
                if j > i + 1 and words[j - 1][:1].isupper() and words[j][:1].islower() and \
                        (w in _VERBISH or low[j + 1:j + 2] in (["to"], ["that"])):
                    break   # "in Kuwait appear": a name, then most likely the verb
                j += 1
            if natural and j - i >= 2:
                spans.append((i, j))
            i = j
        else:
            i += 1
    length = len(s)
    dropped = set()
    for i, j in reversed(spans):
        if length <= limit:
            break
        dropped.update(range(i, j))
        length -= sum(len(words[k]) + 1 for k in range(i, j))
    if not dropped:
        return s
    return " ".join(w for k, w in enumerate(words) if k not in dropped)


_VERBISH = frozenset("""is are was were be been has have had will would can could may might must shall should did
does do said says won lost met left hit took made went came began rose fell set held told sent struck fought led
kept saw got gave paid sold bought spent built killed fled ran shot cut put let quit broke chose drew drove flew
grew knew spoke stood wrote""".split())


_VERB = re.compile(r"\b(?:" + "|".join(sorted(_VERBISH, key=len, reverse=True)) + r"|[a-z]{2,}(?:ed|es))\b",
                   re.I)


def _has_verb(s: str, end: int | None = None) -> bool:
    """Whether ``s`` (up to ``end``) holds a word that looks like a verb."""
    return _VERB.search(s, 0, len(s) if end is None else end) is not None


def _tidy_end(s: str) -> str:
    s = s.rstrip(" ,;:")
    c = s.rfind(", ")
    if c > 20 and len(s[c + 2:].split()) <= 2:
        s = s[:c]      # "..., a time": a fragment of a cut aside
    words = s.split(" ")
    while len(words) > 3 and words[-1].lower().strip("“”\"'") in _FUNCTION_END:
        words.pop()
    return " ".join(words).rstrip(" ,;:-–—")


_ADVERB = re.compile(r"(?<=\w )(?!(?:only|early|family|likely|daily|weekly|monthly|yearly|quarterly|rally|ally|"
                     r"supply|apply|reply|assembly|italy|july|unlikely|elderly|friendly|holy|poly|belly|jolly)\b)"
                     r"[a-z]{4,}ly (?=[a-z])")
_TO_COMPLEMENT = frozenset("due able likely about going set unable ready trying".split())


def _hollow(prefix: str, cut: str) -> bool:
    """A cut that leaves the title hanging: "... seeking" before "to mediate", "... are scheduled" before
    "to become", "... decided" before "that"."""
    last = prefix.rsplit(" ", 1)[-1].lower().strip("“”\"',")
    if last in _FUNCTION_END or last.endswith("ing") or last in _MODIFIER_PARTICIPLES:
        return True
    if cut.strip() in ("to", "that", "who", "which"):
        return last in _VERBISH or last in _TO_COMPLEMENT or last.endswith("ed")
    return False


def _shorten(s: str, limit: int = MAX_TITLE) -> str:
    """At most ``limit`` characters: trailing clauses go first, then inner phrases, then the text is cut
    before a phrase; a word is never cut and "…" marks only a cut that could not find a phrase boundary."""
    s = s.rstrip(" .,;:")
    if len(s) <= limit:
        return s
    q = s.find("“")
    if "ly " in s:      # headline style: "tentatively decided" -> "decided"
        s = _ADVERB.sub("", s) if q < 0 else _ADVERB.sub("", s[:q]) + s[q:]
    if len(s) <= limit:
        return s
    floor = min(25, limit // 2)
    best = None
    for m in _CUT.finditer(s):
        if floor <= m.start() <= limit and _has_verb(s, m.start()) and not _hollow(s[:m.start()], m.group()):
            best = m.start()
    if best is not None and best >= limit * 0.6:
        return _tidy_end(s[:best])
    s2 = _drop_phrases(s, limit)
    if len(s2) <= limit:
        return s2
    if best is not None:
        return _tidy_end(s[:best])
    s = s2
    for m in _PHRASE_CUT.finditer(s):
        if floor <= m.start() <= limit and _has_verb(s, m.start()) and not _hollow(s[:m.start()], m.group()):
            best = m.start()
    if best is not None:
        return _tidy_end(s[:best])
    cut = s.rfind(" ", 0, limit)
    if cut < limit // 2:
        cut = limit - 1
    return _tidy_end(s[:cut]) + "…"


_CORPORATE = re.compile(r"(?:,?\s+(?:&amp;|&|amp|and)?\s*(?:Inc|Corp|Co|Cos|Ltd|Plc|PLC|AG|SA|NV|LLC|LP|Group|"
                        r"Holdings|Bancorp|International)\.?)+\s*$")
_NAME = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:(?:al|bin|von|van|de|der|da|del|le|la)\s+)?[A-Z][\w'’-]*)+")
_GENERIC_NAME_WORDS = frozenset("The A An This That In On At Minister President Ministry Foreign Affairs Defence "
                                "Defense Prime Secretary General Spokesman Spokeswoman Office Army Forces".split())
_INSTITUTION_WORDS = frozenset("""association corporation institute university foundation center centre network
airlines airline bureau services times post journal press television radio agency
ministry commission council parliament government army forces office union
house department agency bank court committee assembly police service party group corp inc company nations
organization organisation alliance states republic kingdom federation guard guards navy command staff
front movement fund reserve exchange board authority pentagon kremlin news broadcasting tv""".split())
_OF_NAME = re.compile(r"\b(?:nation|country|state|government|kingdom|republic|city|people|island|province|region)"
                      r"\s+of\s+([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})$")
_SPEAKER_TAIL = re.compile(r"\s+(?:of|to|at|for|in|from|with|on)\s+.*$|\s+(?:then|also|again|later|now)$")


def _speaker(subj: str) -> str:
    """Who speaks, as a headline names them: a person by surname ("White House spokesman Marlin Fitzwater"
    -> "Fitzwater"), an institution whole ("British Foreign Office"), a company without its legal suffix,
    an unnamed speaker by their description ("The Iraqi ambassador to Venezuela" -> "Iraqi ambassador")."""
    subj = _cut_start(_ARTICLE, subj.strip(" ,"))
    corp = _CORPORATE.search(subj)
    if corp and corp.start() > 0:   # a company: its name without the legal suffix ("Oneida Ltd." -> "Oneida")
        base = subj[:corp.start()].strip()
        m = re.search(r"((?:[A-Z][\w'’.-]*\s*)+)$", base)
        if m:
            return m.group(1).strip()
    of = _OF_NAME.search(subj)
    if of:
        return of.group(1)
    core = _SPEAKER_TAIL.sub("", subj).strip(" ,")
    words = core.split()
    if words and words[-1][:1].islower() and len(core) <= 30:
        return core[:1].upper() + core[1:]     # "Iraqi ambassador", "U.S. official", "FBI officials"
    names = [n for n in _NAME.findall(core)]
    names = [n for n in names if not all(w in _GENERIC_NAME_WORDS for w in n.split())]
    if names:
        words = names[-1].split()
        # a person's name: their surname; an institution ("European Commission"): keep it whole
        if len(words) >= 2 and words[-1].lower() not in _INSTITUTION_WORDS and \
                not any(w.isupper() and len(w) > 1 for w in words):
            return words[-1]
        return names[-1]
    return core[:1].upper() + core[1:]


def _speaker_part(subj: str) -> str:
    """"The Minister of Foreign Affairs, Jean-Noël Barrot," -> the name; "Kopp's stepmother, who ..." -> the
    first part."""
    parts = [p.strip() for p in subj.split(",") if p.strip()]
    if len(parts) <= 1:
        return subj
    for p in parts:
        words = p.split()
        if len(words) >= 2 and all(w[:1].isupper() for w in words):
            return p
    return parts[0]


_SPEECH = re.compile(
    r"^(?P<subj>[^,;:]{2,90}?|[^,;:]{2,60}?,[^,]{2,60},)\s+(?:has |had |have |also |again |reportedly |"
    r"publicly |then |later |first )*"
    r"(?P<verb>said|says|say|assured|assures|warned|warns|told (?:[\w.’' \x00\ue000-\ue0ff]{1,40}?\s+(?=that\b)|reporters|journalists|lawmakers|parliament|[A-Z][\w.]+)|"
    r"wrote \w+(?=\s+that\b)|announced|announces|stated|declared|declares|considered|considers|added|adds|"
    r"insisted|insists|claimed|argued|argues|reiterated|reiterates|confirmed|confirms|denied|denies|stressed|"
    r"noted|believes|believed|explained|urged|vowed|promised|threatened|threatens|accused|accuses|"
    r"acknowledged|admitted|estimated|predicted|suggested|wrote|tweeted|posted(?=\s+that\b)|reported(?=\s+that\b))\b"
    r"(?:\s+(?:on|late|early|in|at|last|this)?\s*[\x00\ue000-\ue0ff](?!['’]s))?(?:\s*\bthat\b)?[\s,:]*(?P<rest>.+)$",
    re.S)
_ATTRIBUTION = re.compile(
    r",\s+(?:(?:the|a|an)\s+)?[^,;]{2,60}?\s+(?:said|says|reported|reports|announced|stated|claimed|added|"
    r"according to [^,;]{2,60})(?:\s+(?:on|late|early)?\s*[\x00\ue000-\ue0ff])?\s*[.!]?$|,?\s+according to [^,;]{2,60}$")
_ATTRIBUTION_WORDS = ("said", "says", "report", "announced", "stated", "claimed", "added", "according")
_SPEECH_SETTING = re.compile(
    r"^(?:(?:in|on|at|during|to|via|through|from)\s+(?:a|an|the|his|her|their|its)?\s*[^,:]{0,50}?"
    r"(?:statement|interview|editorial|speech|letter|post|message|briefing|conference|address|video|"
    r"meeting|report|reporters|journalists|television|radio|broadcast|X|Telegram|Twitter|Facebook|home|office)\b"
    r"[^,:]{0,40}?)(?:,\s*|:\s*|\s+that\s+|\s+(?=[A-Z“]))")
_QUOTE_FIRST = re.compile(
    r"^“(?P<quote>[^“”]{8,}?)[,.!?]?”\s*,?\s*(?P<who>(?:[^,.;:“”]|\.(?=\w))(?:[^,.;:“”]|\.(?=\s?\w)){1,79}?)\s+(?:has |had )?"
    r"(?:said|says|told|wrote|added|warned|insisted|declared|stressed|tweeted|posted)\b")
_QUOTE_SAID = re.compile(
    r"^“(?P<quote>[^“”]{8,}?)[,.!?]?”\s*,?\s*(?:said|says|added|wrote)\s+"
    r"(?P<who>(?:[^,.;:“”]|\.(?=\s?\w)){2,80}?)(?:[,.;]|\s+(?:on|in|at|to|after|before|during|while|when)\b|\s*[\x00\ue000-\ue0ff]|$)")
_TITLED_SUBJECT = re.compile(r"^(?P<subj>(?:[A-Z][\w.’'-]*\s+(?:of\s+(?=[A-Z]))?){2,7})(?=[a-z])")
_DANGLING_RELATIVE = re.compile(r",\s+(?:which|that)\s+(?:will be|would be|was|were|is|are|had been|has been)"
                                r"(?:\s+(?:due|held|set|scheduled|expected|made|signed|announced))?\s*(?=,)")
_APPOSITIVE = re.compile(
    r"^(?P<subj>[A-Z][^,]{1,60}?)(?:,\s+(?:a|an|the|who|which|whose|where|one of|now|formerly|once|then|also|"
    r"himself|herself|itself|of|from|\d{1,3}(?=,)|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?(?=,)|[A-Z]-[A-Z][\w.]*(?=,))"
    r"\b[^,]{0,100}){1,3},\s+(?=[a-z])")
_INNER_RELATIVE = re.compile(r",\s+(?:which|who|whose|where)\b[^,]{0,80},")
_PARTICIPLE_ASIDE = re.compile(r",\s+(?:(?:[a-z]+ed|led|backed)\s+by|after|despite|during|following|amid)"
                               r"\s+[^,]{2,60},")


def _drop_asides(s: str) -> str:
    """Headline style: "Kopp, who is from Vermont, was indicted" -> "Kopp was indicted"; "Sun, a maker of
    workstations, reported" -> "Sun reported"; inner ", which ..." clauses and ", accompanied by ...," go."""
    m = _APPOSITIVE.match(s)
    if m:
        s = m.group("subj") + " " + s[m.end():]
    s = _PARTICIPLE_ASIDE.sub("", s)
    return _INNER_RELATIVE.sub("", s)


def _short_subject(s: str) -> str:
    """"Germany's Chancellor Olaf Scholz spoke ..." -> "Scholz spoke ...": a titled person's surname."""
    m = _TITLED_SUBJECT.match(s)
    if not m:
        return s
    words = m.group("subj").split()
    if "of" in words and sum(1 for w in words[len(words) - words[::-1].index("of"):] if w[:1].isupper()) < 2:
        return s
    if len(words) < 3 or words[0] in ("The", "A", "An") or words[-1].endswith(("'s", "’s")) or words[-1].lower() in _INSTITUTION_WORDS \
            or words[-2] in _GENERIC_NAME_WORDS or words[-2].lower() in _INSTITUTION_WORDS:
        return s
    return words[-1] + " " + s[m.end():]


def _strip_lead(s: str) -> str:
    """Without its leading connectives ("But", "Meanwhile,", "Initially,", "For its part,")."""
    first = s[:s.find(" ")].lower().rstrip(",") if " " in s else ""
    if first in _LEAD_FIRST or first.endswith("ly"):
        return _cut_start(_LEAD, s)
    return s


def _cut_start(pattern: re.Pattern, s: str) -> str:
    """``s`` without what ``pattern`` matches at its start."""
    m = pattern.match(s)
    return s[m.end():] if m else s


def _upper_first(s: str) -> str:
    return s[:1].upper() + s[1:]


_DASH_ASIDE = re.compile(r"\s(?:--|—|–)\s[^—–\x00]{1,80}?\s(?:--|—|–)\s")
_DATE_PAIR = re.compile(r"\x00\s+(?:and|or|to|through|-|–)\s+[\ue000-\ue0ff]|[\ue000-\ue0ff]\s+(?:and|or|to|through|-|–)\s+\x00")


def _marked(sentence: str, time_start, time_end, others) -> tuple[str, str, list[str]]:
    spans = []
    texts: list[str] = []
    time_text = ""
    if time_start is not None and time_end is not None and 0 <= time_start < time_end <= len(sentence):
        spans.append((time_start, time_end, _MARK))
        time_text = sentence[time_start:time_end]
    for a, b in others:
        if 0 <= a < b <= len(sentence) and all(b <= x or a >= y for x, y, _ in spans):
            spans.append((a, b, chr(_OTHER_FIRST + min(len(texts), 255))))
            texts.append(sentence[a:b])
    spans.sort()
    out = []
    pos = 0
    for a, b, mark in spans:
        out.append(sentence[pos:a])
        out.append(mark)
        pos = b
    out.append(sentence[pos:])
    return "".join(out), time_text, texts


def _focus(s: str) -> str:
    """The part of the sentence that says what happened at the marked date."""
    # a reduced passive with its agent: "the Kursk region, conquered by Kyiv this summer" -> Kyiv conquered it
    i = s.find(_MARK)
    b = s.rfind(" by ", max(0, i - 60), i) if i > 0 else -1
    m = _PASSIVE_AGENT.search(s, max(0, b - 40), i + 1) if b >= 0 else None
    if m and (not m.group("glue") or len(m.group("glue")) >= 3):
        obj = _np_before(s[:m.start()] + m.group("glue"), 5)
        agent = m.group("agent").strip()
        if obj and len(agent.split()) <= 4 and not _has_verb(agent):
            return f"{_upper_first(agent)} {m.group('verb')} {obj}"
    # a relative clause holding the date: "Starpointe holders, who approved the plan last April, will ..."
    m = _RELATIVE.search(s)
    if m and _has_verb(m.group("cl")) and len(m.group("cl").split()) >= 3:
        ante = _np_before(s[:m.start()])
        if ante:
            return ante + " " + m.group("cl")
    # coordinated clauses: keep the one with the date ("..., but the INS ruled Wednesday that ...")
    if _MARK in s:
        parts = []
        pos = 0
        for cm in _COORD.finditer(s):
            parts.append(s[pos:cm.start()])
            pos = cm.end()
        parts.append(s[pos:])
        if len(parts) > 1:
            k = next(i for i, p in enumerate(parts) if _MARK in p)
            part = parts[k].strip()
            if k == 0:
                if _has_verb(part) and len(part.split()) >= 3:
                    s = part
            elif _AUX.match(part) or part.split(" ", 1)[0] in _VERBISH:
                head = parts[0]
                words = head.split()
                for i, w in enumerate(words):
                    if w.lower() in _VERBISH or (i and _AUX.match(w)):
                        subject = " ".join(words[:i])
                        if 0 < i <= 8 and subject:
                            s = subject + " " + part
                        break
            elif _has_verb(part) and len(part.split()) >= 3:
                s = part
    # a subordinate clause holding the date: "The US decision comes as Germany resumed talks last weekend"
    if _MARK in s:
        i = s.index(_MARK)
        subs = [m for m in _SUBORD.finditer(s, 0, i)]
        if subs:
            sub = subs[-1]
            end = _COMMA.search(s, i)
            clause = s[sub.end():end.start() if end else len(s)]
            if sub.start() > 15 and "," not in s[sub.end():i] and len(clause.replace(_MARK, "").split()) >= 4 \
                    and _has_verb(clause.replace(_MARK, "")):
                s = clause
    return s


_LEADING_MARK = re.compile(r"^[\x00\ue000-\ue0ff]\s*,?\s*(?=\S)")


def _drop_intros(s: str) -> str:
    """Leading adverbials and subordinate clauses go ("In a letter to ..., read by ..., Saddam said");
    a leading clause that holds the date is the title itself."""
    for _ in range(4):
        s = _strip_lead(s).lstrip()
        m = _INTRO.match(s)
        if not m:
            break
        intro, rest = m.group(1), s[m.end():]
        if not _INTRO_START.match(intro) or not _has_verb(rest.replace(_MARK, "")) or len(rest.split()) < 3:
            break
        if _MARK in intro:
            core = _SUBORDINATOR.sub("", intro)
            if core != intro and _has_verb(core.replace(_MARK, "")) and len(core.split()) >= 3:
                return core
            w = _WHEN_CLAUSE.match(rest)
            if w and _has_verb(w.group(1)):
                return w.group(1)
        s = rest
    m = _LEADING_MARK.match(s)
    if m and not _AUX.match(s[m.end():]):
        s = s[m.end():]
    return s


_TRAILING_MARK = re.compile(r"(?:\s+(?:on|late|early|in|at))?\s*[\x00\ue000-\ue0ff]\s*$")
_SETTING_COLON = re.compile(r"^(?:from|in|at|on|during|to)\s[^:“”]{2,60}:\s*(?=“)")
_NOT_A_CLAIM = frozenset("about of against on to for in with at by from".split())


LOW_QUOTE_CLOSES = {"pl": "”", "nl": "”"}   # „…” in these languages; „…“ elsewhere (German)


def balance_quotes(s: str, language: str | None = None) -> str:
    """A title cut inside a quotation gets its closing mark back: “…”, «…», and „…“ (German) or „…” (Polish,
    Dutch: by ``language``)."""
    low = LOW_QUOTE_CLOSES.get(language_code(language) or "", "“")
    pairs = (("„", low),) if "„" in s else (("“", "”"), ("«", "»"))
    for opening, closing in pairs:
        if s.count(opening) > s.count(closing):
            if s.startswith(opening) and s.count(opening) == 1:
                return s[1:]
            return s.rstrip(" .,;…") + "…" + closing
    return s


def _speech_title(m: re.Match, time_text: str, other_texts: list[str]) -> str | None:
    """"Speaker: claim" for a sentence that reports what someone said, or None."""
    subj = _TRAILING_MARK.sub("", m.group("subj"))
    part = _speaker_part(subj)
    if len(m.group("rest")) <= 10 or _MARK in subj or _OTHERS.search(subj) or _has_verb(part) \
            or " that " in subj:
        return None
    rest = _cut_start(_SETTING_COLON, m.group("rest"))
    if rest.split(" ", 1)[0].lower() in _NOT_A_CLAIM:
        return None       # "warned about ...": not a claim
    if rest[:1] == _MARK or _OTHERS.match(rest):
        rest = _drop_intros(rest.lstrip())
    rest = _cut_start(_SPEECH_SETTING, _cut_start(_SPEECH_SETTING, rest))
    rest = _cut_start(_ARTICLE, _clean(_unmark(rest, time_text, other_texts)))
    who = _speaker(part)
    room = MAX_TITLE - len(who) - 2
    if room <= 20 or len(who) > 35 or len(rest) <= 10:
        return None
    return balance_quotes(f"{who}: {_shorten(rest, room)}".strip())


def make_title(sentence: str, time_start: int | None = None, time_end: int | None = None,
               others: tuple | list = (), *, language: str | None = None) -> str:
    """A short headline-like title ("Barrot: French missiles remain an option" style) for a sentence.

    ``time_start``/``time_end`` are the dating expression's offsets inside ``sentence``; ``others`` the
    (start, end) offsets of the sentence's other time expressions. The dating expression picks the clause
    the title is drawn from; time expressions are left out of the title (the timeline shows the date).
    Datelines, attributions ("officials said"), leading adverbials and asides go; a speaker's claim becomes
    "Speaker: claim"; the result is at most ~70 characters, never cut inside a word.

    ``language``: the sentence's ISO 639-1 code. These rules are English; a sentence in another language gets
    a plain title (:func:`plain_title`): the sentence itself, cut at a clause boundary.
    """
    if language is not None and language_code(language) not in (None, "en"):
        return plain_title(sentence, language=language)
    title = _english_title(sentence, time_start, time_end, others)
    # a sentence that is all date ("Until this week."): the sentence itself rather than nothing
    return title if title.strip(" .,;:…“”\"'") else plain_title(sentence)


def _english_title(sentence: str, time_start, time_end, others) -> str:
    s, time_text, other_texts = _marked(sentence, time_start, time_end, others)
    s = s.replace("``", "“").replace("''", "”")
    if '"' in s:
        s = _STRAIGHT_QUOTES.sub(r"“\1”", s)
    s = " ".join(s.split())
    if " _ " in s:
        s = s.replace(" _ ", " — ")
    if "—" in s or "–" in s or "--" in s:
        s = _DASH_ASIDE.sub(" ", s)
    if other_texts:
        s = _DATE_PAIR.sub(_MARK, s)
    if not s.startswith(_MARK):
        s = _cut_start(_DATELINE, s)
    s = _cut_start(_AGENCY_ONLY, s)
    if "M" in s:
        s = _HONORIFIC.sub("", s)
    s = _MIDDLE_INITIAL.sub("", s)
    s = _INNER_CONNECTIVE.sub(",", s)
    if "(" in s:
        s = _PARENS.sub("", s)
    s = _strip_lead(s)
    s = _upper_first(s)

    q = _QUOTE_FIRST.match(s) or _QUOTE_SAID.match(s)
    if q:  # “This is one of the most massive attacks,” Zelenskiy said.
        who = _speaker(q.group("who"))
        room = MAX_TITLE - len(who) - 4
        if room > 20 and len(who) <= 35:
            quote = _clean(_OTHERS.sub(lambda m: other_texts[ord(m.group()) - _OTHER_FIRST],
                                       q.group("quote").replace(_MARK, time_text)))
            return f"{who}: “{_shorten_quote(quote, room)}”"

    s = _focus(s)
    s = _drop_intros(s)
    tail = max(0, len(s) - 140)
    a = _ATTRIBUTION.search(s, tail) if any(w in s[tail:] for w in _ATTRIBUTION_WORDS) else None
    if a:
        s = s[:a.start()]
    s = _DANGLING_RELATIVE.sub("", s)
    m = _SPEECH.match(s)
    if m:
        title = _speech_title(m, time_text, other_texts)
        if title:
            return title
    s = _clean(_unmark(s, time_text, other_texts))
    s = _upper_first(s)
    if len(s) > MAX_TITLE:
        s = _upper_first(_drop_intros(s))
    if len(s) > MAX_TITLE:
        s = _drop_asides(s)
    if len(s) > MAX_TITLE:
        s = _short_subject(s)
    return balance_quotes(_shorten(s))


_CLAUSE_END = re.compile(r"\s*(?:[,;:(]|\s[—–-]\s)")


def plain_title(sentence: str, limit: int = MAX_TITLE, language: str | None = None) -> str:
    """A title in any language: the sentence with its spacing tidied, its final period dropped and, when
    longer than ``limit``, cut at the last clause boundary (a comma, semicolon, colon, bracket or dash) in
    its second half, else at the last word that fits, with "…". No word is rewritten or dropped."""
    s = " ".join(sentence.replace("``", "“").replace("''", "”").split())
    s = s.rstrip(" .;:,")
    if len(s) <= limit:
        return _upper_first(s)
    cut = None
    for m in _CLAUSE_END.finditer(s, 0, limit):
        if m.start() >= limit // 2:
            cut = m.start()
    if cut is not None:
        return _upper_first(balance_quotes(s[:cut].rstrip(" ,;:"), language))
    space = s.rfind(" ", 0, limit - 1)
    if space < limit // 2:
        space = limit - 1
    return _upper_first(balance_quotes(s[:space].rstrip(" ,;:") + "…", language))


def _shorten_quote(q: str, limit: int) -> str:
    """A quotation is never rewritten: only cut, at a word, with "…"."""
    q = q.rstrip(" .,;:")
    if len(q) <= limit:
        return q
    cut = q.rfind(" ", 0, limit - 1)
    if cut < limit // 2:
        cut = limit - 1
    return q[:cut].rstrip(" ,;:") + "…"


def relative_title(s: str, at: int, pattern: re.Pattern, limit: int = MAX_TITLE) -> str | None:
    """The headline of a relative or participle clause that holds the date, or None.

    ``s`` is the sentence with its dating expression taken out, ``at`` where it was; ``pattern`` is a
    language's ``title_relative`` cue: it finds the noun a clause tells of (group ``np``), the word that opens
    the clause (``rel``: a relative pronoun or a participle; it may be empty) and the rest of the clause
    (``clause``), up to a comma or the end of the sentence. When ``at`` lies in that clause, its happening is
    the title: "Die Region Kursk, die Kiew erobert hatte" (the noun, a comma and the clause, as written); when
    the pattern's group ``subject`` takes part (the opening word is the clause's subject: "Зеленский, который
    прибыл в Берлин"), the noun is the subject and the opening word goes: "Зеленский прибыл в Берлин".
    A clause with an actor of its own and its finite verb last (groups ``actor``, ``rest`` and ``finite``:
    "…, in der Deutschland die Gespräche wieder aufgenommen hat") is told in the order of a main clause:
    "Deutschland hat die Gespräche wieder aufgenommen".
    A title longer than ``limit`` is cut at a word, with "…" (None when that would leave no word of the clause)."""
    groups = pattern.groupindex
    for m in pattern.finditer(s):
        own = "actor" in groups and m.group("actor") is not None
        if not (m.start() if own else m.start("rel")) <= at <= m.end():
            continue
        if own:
            head = " ".join(m.group("actor").split())
            rest = " ".join(m.group("rest").split())
            title = f"{head} {m.group('finite')} {rest}"
        else:
            head = " ".join(m.group("np").split())
            clause = " ".join(s[m.start("clause"):m.end("clause")].split()).rstrip(" .!")
            if not clause:
                return None
            if "subject" in groups and m.group("subject") is not None:
                title = f"{head} {clause}"
            else:
                title = f"{head}, {' '.join(s[m.start('rel'):m.end('clause')].split()).rstrip(' .!')}"
        title = _upper_first(title)
        if len(title) > limit:
            cut = title.rfind(" ", 0, limit - 1)
            if cut <= len(head) + 2:
                return None
            title = title[:cut].rstrip(" ,;:") + "…"
        return title
    return None
