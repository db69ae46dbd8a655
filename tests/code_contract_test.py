#!/usr/bin/env python3
"""End-to-end: `dyad code --format jsonl` writes the JSONL contract of
DESIGN.md, and `--published` accepts only real YYYY-MM-DD calendar dates.

Usage: code_contract_test.py DYAD_BINARY EXAMPLE_STORY
A bad --published is a usage error (exit 2, README's table) named on
stderr, reported once before any input is read; a good one is used as the
article date. Every contract key is checked for presence and type.
"""
import json
import subprocess
import sys

dyad, example = sys.argv[1], sys.argv[2]


def code(published):
    return subprocess.run([dyad, "code", "--format", "jsonl", "--published", published, example],
                          capture_output=True, text=True, timeout=300)


for bad in ["2023-02-30", "2023-13-01", "2023-2-1", "20230201", "2023-02-01T00:00:00Z",
            "yesterday", "", "2100-02-29"]:
    run = code(bad)
    assert run.returncode == 2, f"--published {bad!r}: exit {run.returncode}, want 2\n{run.stderr}"
    assert "--published" in run.stderr and "YYYY-MM-DD" in run.stderr, \
        f"--published {bad!r}: stderr must name the option and the form:\n{run.stderr}"
    assert run.stdout == "", f"--published {bad!r}: nothing may be coded"

run = code("2024-02-29")  # a leap day is a real date
assert run.returncode == 0, f"exit {run.returncode}\n{run.stderr}"
docs = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
assert len(docs) == 1, docs


def check_type(where, value, types, nullable=False):
    if value is None and nullable:
        return
    # bool is an int in Python; JSON true/false is never a valid number here.
    assert isinstance(value, types) and not isinstance(value, bool), \
        f"{where}: {value!r} is not {types}"


doc = docs[0]
for key in ["doc_id", "published", "section", "headline", "caption", "dateline", "agency"]:
    assert key in doc, f"missing {key}"
    check_type(key, doc[key], str, nullable=key != "doc_id")
for key in ["authors", "categories", "events", "quotes", "entities"]:
    assert isinstance(doc.get(key), list), f"{key} must be a list"
assert doc["published"] == "2024-02-29", doc["published"]
assert doc["events"], "the example story must give events"
for i, ev in enumerate(doc["events"]):
    w = f"events[{i}]"
    for side in ["source", "target"]:
        assert isinstance(ev[side], dict), f"{w}.{side}"
        check_type(f"{w}.{side}.code", ev[side]["code"], str)
        check_type(f"{w}.{side}.text", ev[side]["text"], str)
    check_type(f"{w}.cameo", ev["cameo"], str)
    assert len(ev["cameo"]) in (3, 4) and ev["cameo"].isdigit(), ev["cameo"]
    check_type(f"{w}.root", ev["root"], str)
    assert ev["cameo"].startswith(ev["root"]), (ev["cameo"], ev["root"])
    check_type(f"{w}.quad", ev["quad"], int)
    assert 1 <= ev["quad"] <= 4, ev["quad"]
    check_type(f"{w}.goldstein", ev["goldstein"], (int, float))
    assert -10 <= ev["goldstein"] <= 10, ev["goldstein"]
    check_type(f"{w}.plover", ev["plover"], str, nullable=True)
    check_type(f"{w}.date", ev["date"], str, nullable=True)
    if ev["place"] is not None:
        check_type(f"{w}.place.name", ev["place"]["name"], str)
    check_type(f"{w}.sentence", ev["sentence"], int)
    assert isinstance(ev["span"], list) and len(ev["span"]) == 2, ev["span"]
    assert 0 <= ev["span"][0] <= ev["span"][1], ev["span"]
    check_type(f"{w}.rule", ev["rule"], str)
for i, q in enumerate(doc["quotes"]):
    check_type(f"quotes[{i}].text", q["text"], str)
    assert isinstance(q["speaker"], dict), f"quotes[{i}].speaker"
    assert len(q["span"]) == 2
for i, en in enumerate(doc["entities"]):
    for key in ["text", "type"]:
        check_type(f"entities[{i}].{key}", en[key], str)
    assert len(en["span"]) == 2
    check_type(f"entities[{i}].code", en["code"], str, nullable=True)
print(f"contract holds: {len(doc['events'])} events, {len(doc['quotes'])} quotes, "
      f"{len(doc['entities'])} entities; bad --published dates refused")
