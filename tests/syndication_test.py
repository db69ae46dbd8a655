#!/usr/bin/env python3
"""End-to-end: one story syndicated three times is one set of events.

Usage: syndication_test.py DYAD_BINARY STORY OTHER_STORY
Codes, into one store, three versions of STORY as three outlets would run
it (one a day later, one with a dateline, one with a credit line) and
OTHER_STORY once, in the order given and again in reverse order; then
`dyad events --merged` must list the events of two stories: each event of
STORY reported by all three versions (mention count 3), each event of
OTHER_STORY by itself (1), none mixing the two, and the same list
whichever order the articles came in.
"""
import json
import os
import subprocess
import sys
import tempfile

dyad, story_path, other_path = sys.argv[1], sys.argv[2], sys.argv[3]
story = open(story_path, encoding="utf-8").read()
other = open(other_path, encoding="utf-8").read()
articles = [
    {"id": "wire_a", "published": "2023-03-01", "text": story},
    {"id": "wire_b", "published": "2023-03-02",
     "text": story.replace("yesterday", "on Tuesday")},
    {"id": "wire_c", "published": "2023-03-01",
     "text": story + "\n\n(Reporting by the Example Wire desk.)\n"},
    {"id": "other", "published": "2023-03-01", "text": other},
]


def merged_events(order, tmp):
    feed = os.path.join(tmp, f"feed_{order[0]}.jsonl")
    db = os.path.join(tmp, f"store_{order[0]}.db")
    with open(feed, "w", encoding="utf-8") as f:
        for i in order:
            f.write(json.dumps(articles[i]) + "\n")
    run = subprocess.run([dyad, "code", "--db", db, feed], capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    print(run.stderr.strip())
    run = subprocess.run([dyad, "events", "--db", db, "--merged", "--format",
                          "jsonl", "--limit", "0"], capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    rows = [json.loads(line) for line in run.stdout.splitlines()]
    return sorted((r["source"]["code"], r["target"]["code"], r["cameo"],
                   r["first_date"], r["mentions"], tuple(r["articles"]))
                  for r in rows)


with tempfile.TemporaryDirectory(prefix="dyad-syndication-") as tmp:
    forward = merged_events([0, 1, 2, 3], tmp)
    backward = merged_events([3, 2, 1, 0], tmp)

for row in forward:
    print(row)
assert forward == backward, "the merged events depend on the order"
syndicated = [r for r in forward if "wire_a" in r[5]]
alone = [r for r in forward if r[5] == ("other",)]
assert syndicated and alone, forward
assert len(syndicated) + len(alone) == len(forward), "a merged event mixes stories"
for r in syndicated:
    assert r[5] == ("wire_a", "wire_b", "wire_c"), r
    assert r[4] == 3, r
for r in alone:
    assert r[4] == 1, r
print(f"OK: {len(syndicated)} events reported by 3 articles, "
      f"{len(alone)} by 1")
