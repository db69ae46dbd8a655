#!/usr/bin/env python3
"""End-to-end: code stories into a temporary store, then `dyad export`.

Usage:
  export_test.py shared DYAD_BINARY SHARED_DIR
      The seed story (--published 2023-02-01) exported as GDELT 2.0 Event
      rows: exactly 61 columns each, loaded by a csv reader with the column
      names of SHARED_DIR/data/gdelt's header file, numeric columns parse,
      and every column GDELT's own sample file always fills is filled.
      Exits 77 (ctest's skip code) when SHARED_DIR lacks these files.
  export_test.py examples DYAD_BINARY EXAMPLES_DIR
      Our example stories exported in all three formats (needs nothing from
      ../shared): 61 columns, CSV read back by the csv module, PLOVER lines
      parse as JSON with a PLOVER category, filters and usage errors.
"""
import csv
import io
import json
import os
import subprocess
import sys
import tempfile

GDELT_COLUMNS = 61


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


def code_into(dyad, db, inputs):
    done = run([dyad, "code", "--published", "2023-02-01", "--db", db] + inputs)
    assert done.returncode == 0, done.stderr
    # stderr is a pipe here: the summary line, no progress line redrawn.
    assert "\r" not in done.stderr and "\x1b" not in done.stderr, done.stderr
    assert done.stderr.splitlines()[-1].startswith("coded "), done.stderr


def export(dyad, db, fmt, *extra):
    done = run([dyad, "export", "--db", db, "--format", fmt] + list(extra))
    assert done.returncode == 0, (fmt, extra, done.stderr)
    assert done.stderr.startswith("exported "), done.stderr
    return done.stdout


def gdelt_rows(text):
    assert text.endswith("\n"), "rows end in a newline"
    lines = text[:-1].split("\n") if text else []
    for n, line in enumerate(lines, 1):
        fields = line.split("\t")
        assert len(fields) == GDELT_COLUMNS, f"row {n}: {len(fields)} columns"
    return lines


def load_with_header(text, names):
    """Loads rows as a GDELT reader does: tab-separated, no quoting, the
    header file's column names."""
    reader = csv.DictReader(io.StringIO(text), fieldnames=names,
                            delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = list(reader)
    for row in rows:
        assert None not in row and None not in row.values(), row
    return rows


def check_numbers(rows, types):
    for n, row in enumerate(rows, 1):
        for name, kind in types.items():
            value = row[name]
            if value == "":
                continue
            if kind == "INTEGER":
                int(value)
            elif kind == "FLOAT":
                float(value)


def shared_test(dyad, shared):
    story = os.path.join(shared, "gold/seed/nato_japan.txt")
    gdelt_dir = os.path.join(shared, "data/gdelt")
    header_file = os.path.join(
        gdelt_dir, "GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv")
    sample_file = os.path.join(gdelt_dir, "20191024143000.export.CSV")
    if not all(os.path.exists(p) for p in (story, header_file, sample_file)):
        print(f"SKIP: no seed story or GDELT files under {shared}")
        sys.exit(77)
    with open(header_file, encoding="utf-8", newline="") as f:
        header = list(csv.DictReader(f))
    names = [row["tableId"] for row in header]
    types = {row["tableId"]: row["dataType"] for row in header}
    assert len(names) == GDELT_COLUMNS, len(names)

    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "seed.db")
        code_into(dyad, db, [story])
        out = os.path.join(tmp, "seed.gdelt")
        done = run([dyad, "export", "--db", db, "--format", "gdelt",
                    "--out", out])
        assert done.returncode == 0, done.stderr
        with open(out, encoding="utf-8", newline="") as f:
            text = f.read()

    lines = gdelt_rows(text)
    assert len(lines) >= 12, f"only {len(lines)} events exported"
    rows = load_with_header(text, names)
    assert len(rows) == len(lines)
    check_numbers(rows, types)

    # The same reader loads GDELT's own file, and every column GDELT always
    # fills there is filled in ours.
    with open(sample_file, encoding="utf-8", newline="") as f:
        sample = load_with_header(f.read(), names)
    check_numbers(sample, types)
    always = [n for n in names if all(r[n] != "" for r in sample)]
    for n, row in enumerate(rows, 1):
        missing = [name for name in always if row[name] == ""]
        assert not missing, f"row {n} leaves {missing} empty"

    # The visit the seed story is about, with the GDELT conventions.
    visits = [r for r in rows if r["Actor1Code"] == "IGOWSTNAT"
              and r["Actor2Code"].startswith("JPN") and r["EventRootCode"] == "04"]
    assert visits, "NATO's visit to Japan is not exported"
    visit = visits[0]
    # The visit began "yesterday", the day before publication; DATEADDED
    # stays the day the story was coded.
    assert visit["SQLDATE"] == "20230131", visit["SQLDATE"]
    assert visit["MonthYear"] == "202301" and visit["Year"] == "2023"
    assert visit["FractionDate"] == "2023.0849", visit["FractionDate"]
    assert visit["Actor1KnownGroupCode"] == "NAT"
    assert visit["Actor1Type1Code"] == "IGO"
    assert visit["Actor2CountryCode"] == "JPN"
    assert visit["QuadClass"] == "1" and visit["GoldsteinScale"] == "1.9"
    assert visit["DATEADDED"] == "20230201000000"
    ids = [r["GLOBALEVENTID"] for r in rows]
    assert len(set(ids)) == len(ids), "GLOBALEVENTIDs repeat"
    print(f"OK: {len(rows)} GDELT rows of {GDELT_COLUMNS} columns")


def examples_test(dyad, examples):
    inputs = sorted(os.path.join(examples, n) for n in os.listdir(examples)
                    if n.endswith(".txt"))
    assert inputs, f"no examples in {examples}"
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "examples.db")
        code_into(dyad, db, inputs)
        events = run([dyad, "events", "--db", db, "--format", "jsonl",
                      "--limit", "0"])
        assert events.returncode == 0, events.stderr
        stored = [json.loads(l) for l in events.stdout.splitlines()]
        assert stored, "the examples coded no events"

        # GDELT: one row per event, in the same order, ids from the store.
        lines = gdelt_rows(export(dyad, db, "gdelt"))
        assert len(lines) == len(stored), (len(lines), len(stored))
        assert [int(l.split("\t")[0]) for l in lines] == [e["id"] for e in stored]
        # Stable: the same store exports the same rows (DATEADDED included,
        # since every article has a publication date).
        assert gdelt_rows(export(dyad, db, "gdelt")) == lines

        # CSV: the csv module reads it back field for field.
        text = export(dyad, db, "csv")
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
        assert len(rows) == len(stored)
        for row, event in zip(rows, stored):
            assert int(row["id"]) == event["id"]
            assert row["source_code"] == event["source"]["code"]
            assert row["cameo"] == event["cameo"]
            assert row["evidence"] == event["text"], (row["evidence"], event["text"])
            assert event["text"] in row["sentence_text"]

        # PLOVER: every event with a PLOVER category, none without.
        plover = [json.loads(l) for l in export(dyad, db, "plover").splitlines()]
        expected = [e for e in stored if e["plover"]]
        assert len(plover) == len(expected), (len(plover), len(expected))
        for record, event in zip(plover, expected):
            assert record["id"] == f"dyad-{event['id']}"
            assert record["event"] == event["plover"]
            assert record["cameo"] == event["cameo"]
            for key in ("eventText", "text", "language", "publication", "coder"):
                assert key in record, key

        # Filters as in `dyad events`; --out writes a file.
        actor = stored[0]["source"]["code"]
        subset = run([dyad, "events", "--db", db, "--format", "jsonl",
                      "--limit", "0", "--actor", actor]).stdout.splitlines()
        out = os.path.join(tmp, "subset.gdelt")
        done = run([dyad, "export", "--db", db, "--format", "gdelt",
                    "--actor", actor, "--out", out])
        assert done.returncode == 0, done.stderr
        with open(out, encoding="utf-8") as f:
            assert len(gdelt_rows(f.read())) == len(subset)
        assert len(gdelt_rows(export(dyad, db, "gdelt", "--limit", "1"))) == 1

        # Usage errors exit 2, a missing store 3.
        for bad in (["--format", "xml"], ["--format", "csv", "--from", "2023-13"],
                    ["--format", "csv", "--dyad", "USA"], ["--format", "csv", "--root", "4"]):
            done = run([dyad, "export", "--db", db] + bad)
            assert done.returncode == 2, (bad, done.returncode, done.stderr)
        done = run([dyad, "export", "--db", os.path.join(tmp, "none.db"),
                    "--format", "csv"])
        assert done.returncode == 3, done.stderr
    print(f"OK: {len(stored)} events exported as gdelt, csv and plover")


def main():
    mode, dyad, where = sys.argv[1], sys.argv[2], sys.argv[3]
    if mode == "shared":
        shared_test(dyad, where)
    else:
        examples_test(dyad, where)


if __name__ == "__main__":
    main()
