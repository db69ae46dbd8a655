#!/usr/bin/env python3
"""End-to-end tests of `dyad analyze`.

Usage:
  analyze_test.py text DYAD MODELS_DIR EXAMPLE_STORY
      plain text in: well-formed CoNLL-U (trees, sent_ids, text comments
      that match the words, entities in MISC), --no-parse, --format jsonl,
      stdin, --pretokenized with a bad sentence among good ones, and a
      missing model directory. Needs nothing from ../shared.
  analyze_test.py ewt DYAD MODELS_DIR SHARED_DIR [SENTENCES]
      the first SENTENCES (default 300) sentences of UD English EWT test
      through `dyad analyze --pretokenized`: the same sentences and words
      come back, UAS is plausibly high, and it equals what `dyad eval ud
      --parser` reports on the same file. Exits 77 (skipped) when
      SHARED_DIR/data/ud/UD_English-EWT is absent.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

SKIP = 77


def read_conllu(text):
    """Sentences as (comments dict, list of word column lists)."""
    sentences = []
    comments, words = {}, []
    for line in text.split("\n"):
        if not line.strip():
            if words:
                sentences.append((comments, words))
            comments, words = {}, []
            continue
        if line.startswith("#"):
            key, _, value = line[1:].strip().partition("=")
            comments[key.strip()] = value.strip()
            continue
        cols = line.split("\t")
        assert len(cols) == 10, f"not 10 columns: {line!r}"
        if "-" in cols[0] or "." in cols[0]:
            continue  # multiword ranges and empty nodes are not words
        words.append(cols)
    if words:
        sentences.append((comments, words))
    return sentences


def check_trees(sentences):
    for comments, words in sentences:
        ids = [int(w[0]) for w in words]
        assert ids == list(range(1, len(words) + 1)), ids
        heads = [int(w[6]) for w in words]
        assert all(0 <= h <= len(words) for h in heads), heads
        roots = [i for i, h in enumerate(heads) if h == 0]
        assert len(roots) == 1, f"{comments.get('sent_id')}: roots {roots}"
        assert words[roots[0]][7] == "root"
        for i in range(len(words)):  # no cycles: every word reaches the root
            seen, h = 0, i + 1
            while h != 0 and seen <= len(words):
                h, seen = heads[h - 1], seen + 1
            assert h == 0, f"{comments.get('sent_id')}: cycle at word {i + 1}"


def joined(words):
    text = ""
    for i, w in enumerate(words):
        text += w[1]
        if i + 1 < len(words) and "SpaceAfter=No" not in w[9].split("|"):
            text += " "
    return text


def run(args, stdin=None):
    return subprocess.run(args, input=stdin, capture_output=True, text=True,
                          timeout=600)


def test_text(dyad, models, story):
    stem = os.path.splitext(os.path.basename(story))[0]
    r = run([dyad, "analyze", "--models", models, story])
    assert r.returncode == 0, r.stderr
    sentences = read_conllu(r.stdout)
    assert len(sentences) >= 5, len(sentences)
    check_trees(sentences)
    for n, (comments, words) in enumerate(sentences, 1):
        assert comments["sent_id"] == f"{stem}-{n}", comments
        # The text comment is the sentence's bytes (line breaks folded);
        # the words with their SpaceAfter give it back, but for runs of
        # whitespace.
        squeeze = lambda s: re.sub(r"\s+", " ", s)
        assert squeeze(comments["text"]) == squeeze(joined(words)), \
            (comments["text"], joined(words))
        for w in words:
            assert w[3] != "_" and w[4] != "_" and w[2] != "_", w
    marks = [m for _, words in sentences for w in words
             for m in w[9].split("|") if m.startswith("NE=")]
    assert marks, "no named entity in the story"
    assert all(re.fullmatch(r"NE=[BI]-(PERSON|ORG|PLACE)", m) for m in marks)
    # Every I- continues an entity of its type.
    for _, words in sentences:
        previous = None
        for w in words:
            ne = next((m[3:] for m in w[9].split("|") if m.startswith("NE=")),
                      None)
            if ne and ne.startswith("I-"):
                assert previous and previous[2:] == ne[2:], (previous, ne)
            previous = ne
    print(f"text: {len(sentences)} sentences, {len(marks)} entity words")

    # Same words from stdin; no heads with --no-parse, no NE with
    # --no-entities.
    with open(story, encoding="utf-8") as f:
        r2 = run([dyad, "analyze", "--models", models, "--no-parse",
                  "--no-entities", "-"], stdin=f.read())
    assert r2.returncode == 0, r2.stderr
    plain = read_conllu(r2.stdout)
    assert [[w[1] for w in s] for _, s in plain] == \
        [[w[1] for w in s] for _, s in sentences]
    assert all(w[6] == "_" and w[7] == "_" for _, s in plain for w in s)
    assert "NE=" not in r2.stdout
    assert plain[0][0]["sent_id"] == "stdin-1", plain[0][0]

    r3 = run([dyad, "analyze", "--models", models, "--format", "jsonl", story])
    assert r3.returncode == 0, r3.stderr
    docs = [json.loads(l) for l in r3.stdout.splitlines()]
    assert len(docs) == 1 and docs[0]["doc_id"] == stem
    assert len(docs[0]["sentences"]) == len(sentences)
    assert docs[0]["entities"], "jsonl lists the entities"
    first = docs[0]["sentences"][0]["words"]
    assert [w["form"] for w in first] == [w[1] for w in sentences[0][1]]
    assert [w["head"] for w in first] == [int(w[6]) for w in sentences[0][1]]

    # Gold tokenization with a bad sentence between good ones.
    tmp = tempfile.mkdtemp(prefix="dyad-analyze-")
    bad = os.path.join(tmp, "batch.conllu")
    with open(bad, "w", encoding="utf-8") as f:
        f.write("# sent_id = first\n"
                "1\tRussia\t_\t_\t_\t_\t_\t_\t_\t_\n"
                "2\tattacked\t_\t_\t_\t_\t_\t_\t_\t_\n"
                "3\tUkraine\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
                "4\t.\t_\t_\t_\t_\t_\t_\t_\t_\n"
                "\n"
                "# sent_id = broken\n"
                "1\tOops\t_\t_\t_\t_\t_\n"
                "\n"
                "# sent_id = last\n"
                "1-2\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n"
                "1\tca\t_\t_\t_\t_\t_\t_\t_\t_\n"
                "2\tn't\t_\t_\t_\t_\t_\t_\t_\t_\n"
                "3\tstop\t_\t_\t_\t_\t_\t_\t_\t_\n")
    r4 = run([dyad, "analyze", "--models", models, "--pretokenized", bad])
    assert r4.returncode == 1, (r4.returncode, r4.stderr)
    assert f"{bad}:8:" in r4.stderr, r4.stderr
    kept = read_conllu(r4.stdout)
    assert [c["sent_id"] for c, _ in kept] == ["first", "last"], kept
    assert [w[1] for w in kept[1][1]] == ["ca", "n't", "stop"]
    assert kept[1][0]["text"] == "can't stop"
    assert kept[0][0]["text"] == "Russia attacked Ukraine."
    check_trees(kept)
    os.remove(bad)
    os.rmdir(tmp)

    r5 = run([dyad, "analyze", "--models", "/no/such/models", story])
    assert r5.returncode == 3 and "en_pos.dyad" in r5.stderr, r5.stderr
    print("text: stdin, --no-parse, jsonl, --pretokenized errors: ok")


def test_ewt(dyad, models, shared, count):
    gold_path = os.path.join(shared, "data", "ud", "UD_English-EWT",
                             "en_ewt-ud-test.conllu")
    if not os.path.exists(gold_path):
        print(f"SKIP: {gold_path} not found (../shared absent)")
        return SKIP
    with open(gold_path, encoding="utf-8") as f:
        blocks = f.read().split("\n\n")
    subset = "\n\n".join(b for b in blocks[:count] if b.strip()) + "\n\n"
    gold = read_conllu(subset)
    tmp = tempfile.mkdtemp(prefix="dyad-analyze-ewt-")
    path = os.path.join(tmp, "ewt_subset.conllu")
    try:
        with open(path, "w", encoding="utf-8") as f:
            f.write(subset)
        r = run([dyad, "analyze", "--models", models, "--pretokenized", path])
        assert r.returncode == 0, r.stderr
        print(r.stderr.strip())
        out = read_conllu(r.stdout)
        assert len(out) == len(gold), (len(out), len(gold))
        words = heads = labels = 0
        for (gc, gw), (oc, ow) in zip(gold, out):
            assert oc["sent_id"] == gc["sent_id"], (oc, gc)
            assert [w[1] for w in ow] == [w[1] for w in gw], gc["sent_id"]
            for g, o in zip(gw, ow):
                words += 1
                if g[6] == o[6]:
                    heads += 1
                    if g[7] == o[7]:
                        labels += 1
        check_trees(out)
        uas, las = 100.0 * heads / words, 100.0 * labels / words
        print(f"ewt: {len(out)} sentences, {words} words, "
              f"UAS {uas:.2f}% LAS {las:.2f}%")
        assert uas > 75, f"UAS {uas:.2f}% on {words} words"
        assert las > 70, f"LAS {las:.2f}% on {words} words"

        e = run([dyad, "eval", "ud", "--model",
                 os.path.join(models, "en_pos.dyad"), "--parser",
                 os.path.join(models, "en_parse.dyad"), path])
        assert e.returncode == 0, e.stderr
        m = re.search(r"^UAS ([0-9.]+)%", e.stdout, re.M)
        n = re.search(r"^LAS ([0-9.]+)%", e.stdout, re.M)
        assert m and n, e.stdout
        assert abs(float(m.group(1)) - uas) < 0.006, (m.group(1), uas)
        assert abs(float(n.group(1)) - las) < 0.006, (n.group(1), las)
        print(f"ewt: dyad eval ud --parser agrees (UAS {m.group(1)}%, "
              f"LAS {n.group(1)}%)")
    finally:
        if os.path.exists(path):
            os.remove(path)
        os.rmdir(tmp)
    return 0


def main():
    mode = sys.argv[1]
    if mode == "text":
        test_text(*sys.argv[2:5])
        return 0
    if mode == "ewt":
        count = int(sys.argv[5]) if len(sys.argv) > 5 else 300
        return test_ewt(sys.argv[2], sys.argv[3], sys.argv[4], count)
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main())
