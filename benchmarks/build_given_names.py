"""Build linter/factlint/data/given_names.json from the US Census 1990 first names.

Source: the 1990 US Census name-frequency lists (public domain), as shipped
in the PyPI package ``names`` 0.3.0 (``names/dist.male.first``,
``names/dist.female.first``). Filter: names that English writes as a common
lower-case word (Webster's Second, the ``web2`` list of the PyPI package
``english-words``: "hope", "grant", "summer"), months and weekdays, and
countries, states and large places that are also given names ("Virginia",
"Paris", "Chelsea") are left out; a capitalised word pair that opens with
one of those is too often no person. Names the nicknames table or
people.json already has are left out too (the extractor unions them).

Run (dev only; neither package is a dependency of factlint):

    pip download names==0.3.0 --no-deps -d /tmp/names && tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    pip install english-words
    python benchmarks/build_given_names.py /tmp/names/names-0.3.0/names
"""

from __future__ import annotations

import json
import os
import sys

_PLACES = frozenset(
    [
        "america",
        "asia",
        "africa",
        "europe",
        "carolina",
        "chad",
        "china",
        "dakota",
        "dallas",
        "denver",
        "devon",
        "florida",
        "france",
        "geneva",
        "houston",
        "israel",
        "jordan",
        "kenya",
        "maryland",
        "milan",
        "nevada",
        "paris",
        "raleigh",
        "cleveland",
        "chelsea",
        "brooklyn",
        "camden",
        "essex",
        "cornwall",
        "cambridge",
        "oxford",
        "vienna",
        "havana",
        "jamaica",
        "cuba",
        "syria",
        "lebanon",
        "egypt",
        "india",
        "ireland",
        "italy",
        "spain",
        "japan",
        "germany",
        "texas",
        "arizona",
        "alabama",
        "montana",
        "indiana",
        "tennessee",
        "georgia",
        "virginia",
        "washington",
        "london",
        "boston",
        "memphis",
        "phoenix",
    ]
)
_CALENDAR = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)


def main(folder: str) -> None:
    from english_words import get_english_words_set

    from factlint.facts.people import lexicon

    common = {w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower()}
    known = lexicon().given_names
    names: set[str] = set()
    for name in ("dist.male.first", "dist.female.first"):
        with open(os.path.join(folder, name), encoding="ascii") as handle:
            names.update(line.split()[0].lower() for line in handle if line.strip())
    kept = sorted(
        n
        for n in names
        if n not in common and n not in _PLACES and n not in _CALENDAR and n not in known
    )
    out = os.path.join(
        os.path.dirname(__file__), "..", "linter", "factlint", "data", "given_names.json"
    )
    about = (
        "Given names from the 1990 US Census first-name lists (public domain), as shipped in"
        " the PyPI package names 0.3.0 (dist.male.first, dist.female.first), lower case;"
        " without common English words (web2 list of the english-words package), months,"
        " weekdays, large places, and names already in the nicknames table or people.json."
        " Built by benchmarks/build_given_names.py."
    )
    with open(out, "w", encoding="utf-8") as handle:
        json.dump({"_about": about, "given_names": kept}, handle, indent=0)
        handle.write("\n")
    print(f"{len(names)} census names, {len(kept)} kept", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
