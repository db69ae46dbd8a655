#!/usr/bin/env python3
"""Writes data/cameo_codes.tsv, dyad's own table of the CAMEO event codes.

Reads the reference files in the shared data folder (which are not part of
the repository) and writes one row per CAMEO code:

    code  root  quad  goldstein  plover  name

- names come from GDELT.CAMEO.eventcodes.txt;
- Goldstein scores from GDELT.CAMEO.goldsteinscale.txt;
- quad class from the root, GDELT convention: 01-05 verbal cooperation (1),
  06-08 material cooperation (2), 09-13 verbal conflict (3), 14-20 material
  conflict (4). (The group headers inside eventcodes.txt sit one root off,
  putting 09 under material cooperation and 14 under verbal conflict; we do
  not follow them.)
- PLOVER category from CAMEO2PLOVER-2021.txt, keyed by CAMEO code; a code
  without a line takes its nearest ancestor's (0341 -> 034 -> 03). Roots 01
  (statements) and 02 (appeals) are not coded in PLOVER: their column is
  empty. Where a code has two lines (08 is both CONCEDE and RETREAT; 175
  twice) the first wins.

Usage: tools/make_code_table.py [--shared DIR] [--out FILE] [--check]
--check compares the table that would be written with FILE and exits 1 when
they differ (for CI), 77 when the shared folder is absent.
"""

import argparse
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

# Defects of GDELT.CAMEO.eventcodes.txt that we repair by hand.
NAME_FIXES = {
    # Mac Roman quotes decoded as Latin-1 ("Meet at a Òhird Ólocation").
    "044": "Meet at a 'third' location",
}

# "...military engagement106:[-5.0] Demand withdrawal": a row glued to the
# end of the previous one.
GLUED_ROW = re.compile(r"^(.*?)(\d{2,4}):\[(-?\d+(?:\.\d+)?)\]\s*(.*)$")


def fail(message):
    sys.stderr.write("make_code_table: " + message + "\n")
    sys.exit(2)


def read_lines(path):
    try:
        with open(path, encoding="utf-8") as f:
            return [line.rstrip("\r\n") for line in f]
    except OSError as e:
        fail(f"{path}: {e.strerror}")


def read_names(path):
    names = {}
    for number, line in enumerate(read_lines(path), 1):
        if number == 1 or not line.strip():
            continue  # header
        fields = line.split("\t")
        if len(fields) != 2 or not fields[0].isdigit():
            fail(f"{path}:{number}: expected CODE<TAB>DESCRIPTION")
        code, name = fields
        if len(code) == 1:
            continue  # a quad-class group header ("1  Verbal Cooperation")
        glued = GLUED_ROW.match(name)
        if glued:
            name = glued.group(1)
            names[glued.group(2)] = glued.group(4).strip()
        names[code] = name.strip()
    for code, name in NAME_FIXES.items():
        names[code] = name
    for code, name in names.items():
        if not name.isascii():
            fail(f"{path}: code {code}: unexpected non-ASCII name {name!r}")
    return names


def read_goldstein(path):
    scores = {}
    for number, line in enumerate(read_lines(path), 1):
        if number == 1 or not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != 2 or not fields[0].isdigit():
            fail(f"{path}:{number}: expected CODE<TAB>SCORE")
        try:
            scores[fields[0]] = float(fields[1])
        except ValueError:
            fail(f"{path}:{number}: bad score {fields[1]!r}")
    return scores


PLOVER_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z_]+)")


def read_plover(path):
    plover = {}
    for line in read_lines(path):
        match = PLOVER_LINE.match(line)
        if match and match.group(1) not in plover:
            plover[match.group(1)] = match.group(2)
    return plover


def quad_of_root(root):
    r = int(root)
    if 1 <= r <= 5:
        return 1
    if 6 <= r <= 8:
        return 2
    if 9 <= r <= 13:
        return 3
    if 14 <= r <= 20:
        return 4
    fail(f"root {root} is outside 01..20")


def plover_of(code, plover):
    while len(code) >= 2:
        if code in plover:
            return plover[code]
        code = code[:-1]
    return ""


def format_score(score):
    text = f"{score:.1f}"
    if float(text) != score:
        text = repr(score)
    return text


def build_rows(shared):
    cameo = os.path.join(shared, "data", "cameo")
    names = read_names(os.path.join(cameo, "GDELT.CAMEO.eventcodes.txt"))
    scores = read_goldstein(os.path.join(cameo, "GDELT.CAMEO.goldsteinscale.txt"))
    plover = read_plover(
        os.path.join(shared, "data", "plover", "CAMEO2PLOVER-2021.txt"))
    if set(names) != set(scores):
        fail("codes with a name but no score: "
             f"{sorted(set(names) - set(scores))}; with a score but no name: "
             f"{sorted(set(scores) - set(names))}")
    rows = []
    for code in sorted(names):
        root = code[:2]
        rows.append((code, root, str(quad_of_root(root)),
                     format_score(scores[code]), plover_of(code, plover),
                     names[code]))
    return rows


def render(rows):
    lines = ["# dyad CAMEO code table: written by tools/make_code_table.py;"
             " do not edit by hand.",
             "code\troot\tquad\tgoldstein\tplover\tname"]
    lines += ["\t".join(row) for row in rows]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared",
                        default=os.path.join(REPO, "..", "shared"),
                        help="the shared data folder (default ../shared)")
    parser.add_argument("--out",
                        default=os.path.join(REPO, "data", "cameo_codes.tsv"))
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if args.check and not os.path.isdir(args.shared):
        print(f"skipped: shared data folder {args.shared} is absent")
        return 77  # ctest's SKIP_RETURN_CODE
    text = render(build_rows(args.shared))
    count = text.count("\n") - 2
    if args.check:
        try:
            with open(args.out, encoding="utf-8") as f:
                same = f.read() == text
        except OSError:
            same = False
        print(f"{args.out}: {'up to date' if same else 'DIFFERS'}"
              f" ({count} codes)")
        return 0 if same else 1
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {args.out}: {count} codes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
