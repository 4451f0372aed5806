"""Language resources for the English tagger, kept as data.

The engine (``tagger.py``) builds its regular expressions from these tables once at import.
Change vocabulary here, not in the engine.
"""
from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
# Abbreviations are only accepted with a period or before a day number (see tagger).
MONTH_ABBR: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
# Month names that are also ordinary words or first names: alone they need a temporal context.
AMBIGUOUS_MONTHS = {"may", "march", "june", "april", "august"}

WEEKDAYS: dict[str, int] = {  # ISO: Monday = 1
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
}
WEEKDAY_ABBR: dict[str, int] = {
    "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6, "sun": 7,
}

# Seasons: TIMEX3 code, first month; each lasts three months (meteorological seasons).
SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_INDEX = {"SP": 0, "SU": 1, "FA": 2, "WI": 3}

# Parts of the day: TIMEX3 code and the inclusive clock band used for earliest/latest.
PARTS_OF_DAY: dict[str, tuple[str, str, str]] = {
    "morning": ("MO", "06:00", "11:59"),
    "afternoon": ("AF", "12:00", "17:59"),
    "evening": ("EV", "18:00", "21:59"),
    "night": ("NI", "21:00", "23:59"),
    "overnight": ("NI", "21:00", "23:59"),
}

NUMBER_WORDS: dict[str, float] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "one hundred": 100, "thousand": 1000, "a thousand": 1000,
    "a dozen": 12, "dozen": 12, "half a": 0.5, "a half": 0.5, "half an": 0.5,
    "a couple of": 2, "couple of": 2, "a couple": 2, "both": 2,
    # "a quarter of a century" (25 years), "three quarters of an hour", "a quarter-century"
    "a quarter of a": 0.25, "a quarter of an": 0.25, "one quarter of a": 0.25, "one quarter of an": 0.25,
    "three quarters of a": 0.75, "three quarters of an": 0.75, "a quarter": 0.25,
}
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7, "8th": 8, "9th": 9,
    "10th": 10, "11th": 11, "12th": 12, "13th": 13, "14th": 14, "15th": 15, "16th": 16, "17th": 17,
    "18th": 18, "19th": 19, "20th": 20, "21st": 21, "last": -1, "final": -1,
}

# Units: TIMEX3 duration letter and the granularity name used for dates.
UNITS: dict[str, tuple[str, str]] = {
    "second": ("S", "second"), "minute": ("M", "minute"), "hour": ("H", "hour"),
    "day": ("D", "day"), "night": ("D", "day"), "week": ("W", "week"), "weekend": ("WE", "weekend"),
    "fortnight": ("W2", "week"), "month": ("M", "month"), "quarter": ("Q", "quarter"),
    "year": ("Y", "year"), "decade": ("DE", "decade"), "century": ("CE", "century"),
    "millennium": ("ML", "millennium"),
}
TIME_UNITS = {"second", "minute", "hour"}

# Adverbs and phrases that refer vaguely to the present, past or future (TimeML conventions). The
# engine's "ref" family finds them; "soon", "future" and "recent" alone are left out on purpose: in the
# development corpus they are more often ordinary adjectives or untagged than time expressions.
REF_WORDS: dict[str, str] = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "presently": "PRESENT_REF", "nowadays": "PRESENT_REF", "at present": "PRESENT_REF",
    "at the moment": "PRESENT_REF", "these days": "PRESENT_REF", "the present": "PRESENT_REF",
    "recently": "PAST_REF", "more recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
    "recent years": "PAST_REF", "past years": "PAST_REF", "past decades": "PAST_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
    "the distant future": "FUTURE_REF", "the years to come": "FUTURE_REF",
}

# Approximation and position modifiers (TIMEX3 mod).
APPROX_MODS: dict[str, str] = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "circa": "APPROX", "c.": "APPROX", "ca.": "APPROX",
    "nearly": "APPROX", "almost": "APPROX", "close to": "APPROX", "just under": "LESS_THAN",
    "more than": "MORE_THAN", "over": "MORE_THAN", "just over": "MORE_THAN",
    "upwards of": "MORE_THAN", "less than": "LESS_THAN", "under": "LESS_THAN",
    "fewer than": "LESS_THAN", "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE",
    "up to": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
}
POSITION_MODS: dict[str, str] = {
    "early": "START", "earlier": "START", "late": "END", "later": "END", "mid": "MID", "end": "END",
    "start": "START",
    "the beginning of": "START", "the start of": "START", "the end of": "END",
    "the middle of": "MID", "the close of": "END", "the turn of": "START", "the dawn of": "START",
    "the first half of": "H1", "the second half of": "H2", "the latter half of": "H2", "the last half of": "H2",
    "the latter part of": "END", "the early part of": "START",
    "the first quarter of": "START", "the last quarter of": "END", "the final quarter of": "END",
    # "in the last days of December", "the first weeks of 1943" (a part of the month or year)
    **{f"the {w} {few}{unit} of": ("START" if w in ("first", "opening") else "END")
       for w in ("first", "last", "final", "opening", "closing") for few in ("", "few ")
       for unit in ("days", "week", "weeks", "months")},
}

# SET adverbs.
SET_ADVERBS: dict[str, str] = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P3M",
    "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H", "biweekly": "P2W", "biannually": "P6M",
    "semiannually": "P6M", "semi-annually": "P6M",
}

# Holidays: fixed (month, day) or a rule name computed by the engine.
HOLIDAYS: dict[str, tuple] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "boxing day": (12, 26), "new year's day": (1, 1), "new year's eve": (12, 31),
    "new year": (1, 1), "new years day": (1, 1), "new years eve": (12, 31),
    "valentine's day": (2, 14), "halloween": (10, 31), "independence day": (7, 4),
    "the fourth of july": (7, 4), "fourth of july": (7, 4), "bastille day": (7, 14),
    "victory day": (5, 9), "armistice day": (11, 11), "veterans day": (11, 11),
    "veterans' day": (11, 11), "remembrance day": (11, 11), "may day": (5, 1),
    "d-day": (6, 6), "st. patrick's day": (3, 17), "saint patrick's day": (3, 17),
    "easter": ("easter", 0), "easter sunday": ("easter", 0), "easter monday": ("easter", 1),
    "good friday": ("easter", -2), "orthodox easter": ("orthodox_easter", 0),
    "orthodox christmas": (1, 7),
    "thanksgiving": ("nth_weekday", 11, 4, 4), "thanksgiving day": ("nth_weekday", 11, 4, 4),
    "labor day": ("nth_weekday", 9, 1, 1), "memorial day": ("nth_weekday", 5, 1, -1),
    "martin luther king day": ("nth_weekday", 1, 1, 3), "presidents' day": ("nth_weekday", 2, 1, 3),
    "presidents day": ("nth_weekday", 2, 1, 3), "columbus day": ("nth_weekday", 10, 1, 2),
    "election day": ("election_day",),
}

# Words that, after a bare number, show it is a year ("in 2019, ...", "2019 was").
# A bare four-digit number followed by another lower-case word is a quantity ("2019 votes").
YEAR_FOLLOWERS = {
    "and", "or", "to", "through", "when", "after", "before", "until", "as", "in", "on", "at", "the",
    "was", "were", "is", "has", "had", "will", "saw", "that", "which", "while", "but", "with",
    "by", "from", "for", "onwards", "onward", "levels", "level", "figures", "figure", "season",
    "election", "elections", "budget", "census", "war", "invasion", "campaign", "olympics",
    "summit", "agreement", "accord", "accords", "crisis", "offensive", "revolution", "levels",
    "annexation", "earthquake", "attack", "attacks", "coup", "treaty", "protests", "uprising",
    "riots", "world", "presidential", "general", "parliamentary", "model", "edition", "estimate",
    "estimates", "data", "report", "results", "deadline", "plan", "fiscal", "financial",
    "compared", "versus", "vs", "alone", "ended", "began", "saw", "brought",
}
# Words before a number that make it a year.
YEAR_PRECEDERS = {
    "in", "since", "until", "till", "by", "during", "of", "from", "to", "through", "before",
    "after", "early", "late", "mid", "fiscal", "year", "circa", "around", "spring", "summer",
    "autumn", "fall", "winter", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "between", "and", "or",
    "throughout", "for", "beginning", "end", "summer", "in", "'s", "as", "post", "pre",
}

# Words before a number that make it a name or a count, never a year.
NOT_YEAR_PRECEDERS = {
    "route", "highway", "flight", "resolution", "article", "section", "room", "number", "no", "nos",
    "model", "chapter", "page", "pages", "paragraph", "code", "platform", "bus", "line", "hill", "height",
    "heights", "height", "unit", "brigade", "regiment", "division", "battalion", "squadron", "order",
    "decree", "bill", "law", "act", "item", "exit", "gate", "building", "block", "apartment", "suite",
    "box", "zip", "tel", "phone", "fax", "ext", "serial", "version", "v", "release", "rank", "ranked",
    "score", "scored", "total", "totalled", "totaled", "killed", "wounded", "captured", "approximately",
}

# Plural nouns without a final s: after a bare number they make it a quantity ("2000 people").
PLURAL_NOUNS = {
    "people", "men", "women", "children", "police", "personnel", "staff", "cattle", "sheep", "fish",
    "feet", "teeth", "mice", "geese", "troop", "infantry", "militia", "crew", "head", "percent",
    "million", "billion", "thousand", "hundred", "dozen", "times", "civilians", "refugees", "more",
    "less", "fewer", "other", "others", "or", "to", "and",
}
