#!/usr/bin/env python3
"""End-to-end: code the seed wire story with the default lexicon and score it.

Usage: seed_story_test.py DYAD_BINARY SHARED_DIR MIN_FOUND MIN_PRECISION
Exits 77 (ctest's skip code) when SHARED_DIR has no seed story.
"""
import json
import os
import subprocess
import sys
import tempfile

dyad, shared, min_found, min_precision = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
story = os.path.join(shared, "gold/seed/nato_japan.txt")
gold_path = os.path.join(shared, "gold/seed/nato_japan.gold.json")
scorer = os.path.join(shared, "tools/score_events.py")
if not (os.path.exists(story) and os.path.exists(gold_path)):
    print(f"SKIP: no seed story under {shared} (set DYAD_SHARED_DIR)")
    sys.exit(77)

run = subprocess.run([dyad, "code", "--published", "2023-02-01", "--format", "jsonl", story],
                     capture_output=True, text=True, check=True)
lines = [l for l in run.stdout.splitlines() if l.strip()]
assert len(lines) == 1, f"expected one article, got {len(lines)}"
out = json.loads(lines[0])
gold = json.load(open(gold_path, encoding="utf-8"))
raw = open(story, "rb").read()

# Every article field of the reference.
art = gold["article"]
for field in ("section", "headline", "authors", "dateline", "agency", "categories"):
    assert out[field] == art[field], f"{field}: {out[field]!r} != {art[field]!r}"
assert art["caption_contains"] in out["caption"], out["caption"]

# Every event's span slices back to text of the story (not the byline).
byline_at = raw.find(b"MARI YAMAGUCHI")
for ev in out["events"]:
    b, e = ev["span"]
    assert 0 <= b < e <= len(raw), ev
    assert e <= byline_at, f"event coded from the byline: {ev}"
    assert raw[b:e].decode("utf-8") == ev["text"], ev

with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
    f.write(lines[0] + "\n")
score = subprocess.run([sys.executable, scorer, gold_path, "--system", f.name, "--json"],
                       capture_output=True, text=True, check=True)
os.unlink(f.name)
print(score.stdout)
totals = json.loads(score.stdout.splitlines()[-2])
assert totals["found"] >= min_found, f"found {totals['found']} < {min_found}"
assert totals["precision"] >= min_precision, f"precision {totals['precision']} < {min_precision}"
print(f"seed story: {totals['found']}/{totals['required']} required events, precision {totals['precision']}")
