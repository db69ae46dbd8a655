#!/usr/bin/env python3
"""Writes dyad's country actor dictionary (TABARI .actors format).

Usage:
  gen_countries.py --world-countries countries.json --iso iso_3166-1.json \
      --overrides country_overrides.txt --output countries.actors \
      --demonyms-output demonyms.actors --capitals-output capitals.actors

Facts come from two packages installed by scripts/install-deps.sh:
  * npm `world-countries` (ODbL): common and official names, alternate
    spellings, English demonyms and capitals;
  * Debian `iso-codes`: the ISO 3166-1 alpha-3 codes and ISO names.
lexicon/country_overrides.txt, written by hand, adds the forms news writers
use that neither package has (U.S., BRITAIN, KIEV...) and drops forms that
would code ordinary words or people as countries (MALE, VICTORIA...).

Every phrase is written with `_` between words and a final `_`, which in
TABARI means: these words, consecutive, each matched exactly (no stemming).
The output is deterministic (sorted), so rebuilding changes nothing.
"""
import argparse
import json
import re
import sys
import unicodedata

# Codes that are not ISO 3166-1 but that CAMEO coders already use.
NON_ISO_CODES = {"UNK": "KSV"}  # world-countries marks Kosovo "UNK"


def fold_ascii(text):
    """Removes diacritics: "Bogotá" -> "Bogota".

    Returns '' when a letter has no ASCII base ("Ísland" folds, "Grønland" and
    "Kıbrıs" do not): dropping such letters would make garbage words.
    """
    text = text.replace("\u2019", "'").replace("\u02bb", "'").replace("\u02bc", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    kept = []
    for ch in decomposed:
        if ord(ch) < 128:
            kept.append(ch)
        elif unicodedata.category(ch) != "Mn":
            return ""
    return "".join(kept)


def to_phrase(name):
    """"Côte d'Ivoire" -> "COTE_D'IVOIRE_"; None when the name is unusable."""
    folded = fold_ascii(name).strip()
    if not folded:
        return None  # non-Latin script, or letters without an ASCII base
    if any(ch in folded for ch in ",()/"):
        return None  # inverted catalogue forms ("Korea, Republic of")
    words = re.split(r"[\s]+", folded.upper())
    words = [w for w in words if w]
    if not words or not all(re.fullmatch(r"[A-Z0-9.'\-]+", w) for w in words):
        return None
    return "_".join(words) + "_"


def plural_demonym(word):
    """English plural of a demonym phrase: JAPANESE stays, KOREAN -> KOREANS."""
    last = word.rstrip("_").split("_")[-1]
    if re.search(r"(ESE|SS|SH|CH|I|S|X|Z)$", last):
        return None  # Japanese, Swiss, British, French, Thai: no -s plural
    return word.rstrip("_") + "S_"


def read_overrides(path):
    """Returns (additions {phrase: code}, drops {phrase}) from the overrides file.

    Lines: `PHRASE WORDS = CODE` adds a phrase, `PHRASE WORDS = -` drops one;
    `#` starts a comment. Errors name the file and line and exit.
    """
    additions, drops = {}, set()
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            if "=" not in line:
                sys.exit(f"{path}:{number}: expected 'PHRASE = CODE' or 'PHRASE = -'")
            left, right = (part.strip() for part in line.rsplit("=", 1))
            phrase = to_phrase(left)
            if phrase is None:
                sys.exit(f"{path}:{number}: unusable phrase {left!r}")
            if right == "-":
                drops.add(phrase)
            elif re.fullmatch(r"[A-Z]{3}", right):
                additions[phrase] = right
            else:
                sys.exit(f"{path}:{number}: code must be 3 capital letters or '-', got {right!r}")
    return additions, drops


def collect(countries, iso_entries):
    """Returns {phrase: set(codes)} and {code: country name} from both sources."""
    iso_by_code = {e["alpha_3"]: e for e in iso_entries}
    candidates = {}
    names = {}
    independent = set()
    demonym_phrases = set()
    capital_phrases = set()
    name_phrases = set()

    def add(text, code, kind=None):
        phrase = to_phrase(text) if text else None
        if phrase:
            candidates.setdefault(phrase, set()).add(code)
            {"demonym": demonym_phrases,
             "capital": capital_phrases}.get(kind, name_phrases).add(phrase)

    for country in countries:
        code = NON_ISO_CODES.get(country["cca3"], country["cca3"])
        if code not in iso_by_code and code not in NON_ISO_CODES.values():
            print(f"gen_countries: skipping {code}: not in ISO 3166-1", file=sys.stderr)
            continue
        names[code] = country["name"]["common"]
        if country.get("independent") and country.get("unMember"):
            independent.add(code)
        add(country["name"]["common"], code)
        add(country["name"]["official"], code)
        for alt in country.get("altSpellings", []):
            if alt == country["cca2"] or len(fold_ascii(alt)) <= 3:
                continue  # two-letter codes and bare acronyms: too ambiguous
            add(alt, code)
        demonyms = country.get("demonyms", {}).get("eng", {})
        for demonym in set(demonyms.values()):
            add(demonym, code, "demonym")
            phrase = to_phrase(demonym)
            if phrase and plural_demonym(phrase):
                candidates.setdefault(plural_demonym(phrase), set()).add(code)
                demonym_phrases.add(plural_demonym(phrase))
        for capital in country.get("capital", []):
            add(capital, code, "capital")
        iso = iso_by_code.get(code)
        if iso:
            for key in ("name", "official_name", "common_name"):
                add(iso.get(key), code)
    demonyms = demonym_phrases - name_phrases
    capitals = capital_phrases - name_phrases - demonyms
    return candidates, names, independent, demonyms, capitals


def resolve(candidates, independent):
    """Keeps one code per phrase; returns ({phrase: code}, [dropped lines])."""
    chosen, dropped = {}, []
    for phrase, codes in candidates.items():
        if len(codes) == 1:
            chosen[phrase] = next(iter(codes))
            continue
        # "FRENCH" is France, not the French Southern Territories; when two
        # sovereign states share a form ("CONGOLESE", "DOMINICAN") it is dropped.
        sovereign = codes & independent
        if len(sovereign) == 1:
            chosen[phrase] = next(iter(sovereign))
        else:
            dropped.append(f"{phrase} {' '.join(sorted(codes))}")
    return chosen, sorted(dropped)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--world-countries", required=True)
    parser.add_argument("--iso", required=True)
    parser.add_argument("--overrides", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--demonyms-output", required=True,
                        help="where the demonyms go (JAPANESE_, RUSSIANS_): same "
                             "codes, a file of their own so that entities can "
                             "tell a nationality from a place")
    parser.add_argument("--capitals-output", required=True,
                        help="where the capitals go (SEOUL_, KYIV_): same codes, "
                             "a file of their own so that the coder can read "
                             "'Seoul said' as the government")
    args = parser.parse_args()

    try:
        with open(args.world_countries, encoding="utf-8") as f:
            countries = json.load(f)
        with open(args.iso, encoding="utf-8") as f:
            iso_entries = json.load(f)["3166-1"]
    except (OSError, ValueError, KeyError) as error:
        sys.exit(f"gen_countries: {error}")

    additions, drops = read_overrides(args.overrides)
    candidates, names, independent, demonyms, capitals = collect(countries,
                                                                  iso_entries)
    chosen, ambiguous = resolve(candidates, independent)
    for phrase in drops:
        chosen.pop(phrase, None)
    chosen.update(additions)
    known = set(names) | set(additions.values())
    for phrase, code in additions.items():
        if code not in known:
            sys.exit(f"gen_countries: override {phrase} names unknown code {code}")

    header = [
        "# dyad default lexicon: countries (TABARI .actors format).",
        "# GENERATED by lexicon/tools/gen_countries.py at build time; do not edit.",
        "# Sources: npm world-countries (ODbL 1.0), Debian iso-codes (ISO 3166-1),",
        "# and lexicon/country_overrides.txt.",
    ]
    for path, wanted, extra in (
            (args.output, lambda p: p not in demonyms and p not in capitals,
             ["# Forms shared by two sovereign states were left out: "
              + ("; ".join(ambiguous) if ambiguous else "none")]),
            (args.demonyms_output, lambda p: p in demonyms,
             ["# Here: their demonyms (nationalities), apart from the names."]),
            (args.capitals_output, lambda p: p in capitals,
             ["# Here: their capitals, apart from the names."])):
        by_code = {}
        for phrase, code in chosen.items():
            if wanted(phrase):
                by_code.setdefault(code, []).append(phrase)
        lines = header + extra + [""]
        for code in sorted(by_code):
            lines.append(f"# {names.get(code, code)}")
            for phrase in sorted(by_code[code]):
                lines.append(f"{phrase} [{code}]")
            lines.append("")
        try:
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n".join(lines))
        except OSError as error:
            sys.exit(f"gen_countries: {error}")


if __name__ == "__main__":
    main()
