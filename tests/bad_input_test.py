#!/usr/bin/env python3
"""End-to-end: bad inputs get clear errors and never lose the rest of a batch.

Usage: bad_input_test.py DYAD_BINARY EXAMPLE_STORY
Feeds one run a directory holding a good wire story next to invalid UTF-8,
a binary file, an empty file, a 50 MB single line and a JSONL file with a
malformed line; checks the exit code (1: some inputs failed), that every
error names its file (and line or byte), and that the good articles were
still coded.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

dyad, example = sys.argv[1], sys.argv[2]
tmp = tempfile.mkdtemp(prefix="dyad-bad-input-")
try:
    shutil.copy(example, os.path.join(tmp, "a_good.txt"))
    with open(os.path.join(tmp, "b_invalid_utf8.txt"), "wb") as f:
        f.write(b"Japan condemned Russia.\n\nThe minister said \xff\xfe it.\n")
    with open(os.path.join(tmp, "c_binary.txt"), "wb") as f:
        f.write(bytes(range(256)) * 4)
    open(os.path.join(tmp, "d_empty.txt"), "wb").close()
    with open(os.path.join(tmp, "e_huge_line.txt"), "wb") as f:
        f.write(b"word " * (10 * 1024 * 1024))
    with open(os.path.join(tmp, "f_feed.jsonl"), "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "ok1", "text": "France condemned the attack.",
                            "published": "2023-01-30"}) + "\n")
        f.write('{"id": "broken", "text": "no closing brace"\n')
        f.write(json.dumps({"id": "ok2", "text": "Germany praised Japan.",
                            "published": "2023-01-31T09:00:00Z"}) + "\n")

    run = subprocess.run([dyad, "code", "--format", "jsonl", "--published", "2023-02-01", tmp],
                         capture_output=True, text=True, timeout=300)
    print(run.stderr)
    assert run.returncode == 1, f"exit code {run.returncode}, want 1"
    docs = [json.loads(l) for l in run.stdout.splitlines() if l.strip()]
    ids = {d["doc_id"] for d in docs}
    assert {"a_good", "ok1", "ok2"} <= ids, ids
    err = run.stderr
    assert "b_invalid_utf8.txt" in err and "byte" in err, "invalid UTF-8 error must name file and byte"
    assert "c_binary.txt" in err, "binary file error must name the file"
    assert "d_empty.txt" in err, "empty file error must name the file"
    assert "e_huge_line.txt" in err, "oversized input error must name the file"
    assert "f_feed.jsonl:2" in err, "malformed JSONL line must be named FILE:LINE"
    print("bad inputs: all reported, good articles coded:", sorted(ids))
finally:
    shutil.rmtree(tmp)
