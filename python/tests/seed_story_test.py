"""The seed wire story of ../shared and the VOA corpus coded through the
Python package equal the CLI's coding of them. Exits 77 (ctest's skip code)
when ../shared is absent."""
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dyad_test_support import SHARED_DIR, cli_jsonl, read_text, run_cli  # noqa: E402

import dyad  # noqa: E402

SEED = os.path.join(SHARED_DIR, "gold/seed/nato_japan.txt")
VOA = os.path.join(SHARED_DIR, "data/news/voa_stories.jsonl")
PHOENIX = os.path.join(SHARED_DIR, "data/dictionaries/phoenix")


class SharedCorpusTest(unittest.TestCase):
    def test_seed_story_equals_the_cli(self):
        (expected,) = cli_jsonl("code", "--format", "jsonl", "--published",
                                "2023-02-01", SEED)
        got = dyad.code(read_text(SEED), published="2023-02-01",
                        doc_id="nato_japan")
        self.assertEqual(got, expected)
        self.assertEqual(got["section"], "Defense")
        self.assertEqual(got["authors"], ["Mari Yamaguchi", "Haruka Nuga"])
        # The reference's first required event: NATO's chief visits Japan.
        visits = [e for e in got["events"]
                  if e["source"]["code"].startswith(("IGOWSTNAT", "NAT"))
                  and e["target"]["code"].startswith("JPN")
                  and e["root"] == "04"]
        self.assertTrue(visits, got["events"])

    def test_dictionaries_equal_the_cli(self):
        if not os.path.isdir(PHOENIX):
            self.skipTest(f"no Phoenix dictionaries in {PHOENIX}")
        (expected,) = cli_jsonl("code", "--format", "jsonl", "--dictionaries",
                                PHOENIX, "--published", "2023-02-01", SEED)
        got = dyad.code(read_text(SEED), published="2023-02-01",
                        doc_id="nato_japan", dictionaries=PHOENIX)
        self.assertEqual(got, expected)
        self.assertTrue(got["events"])
        # Another lexicon, another coding: the Pipeline is cached per
        # dictionaries, not shared with the default one.
        default = dyad.code(read_text(SEED), published="2023-02-01",
                            doc_id="nato_japan")
        self.assertNotEqual(got["events"], default["events"])

    def test_voa_corpus_equals_the_cli_and_reads_back(self):
        expected = cli_jsonl("code", "--format", "jsonl", VOA)
        got = dyad.code_file(VOA)
        self.assertEqual(len(got), len(expected))
        self.assertGreater(len(got), 50)
        self.assertEqual(got, expected)
        with tempfile.TemporaryDirectory() as tmp:
            db = os.path.join(tmp, "voa.db")
            run_cli("code", "--db", db, VOA)
            with dyad.open(db) as store:
                self.assertEqual(store.counts()["articles"], len(got))
                self.assertEqual(
                    store.events(),
                    cli_jsonl("events", "--db", db, "--format", "jsonl",
                              "--limit", "0"))
                self.assertEqual(store.counts()["events"],
                                 sum(len(a["events"]) for a in got))


if __name__ == "__main__":
    if not (os.path.exists(SEED) and os.path.exists(VOA)):
        print(f"SKIP: no seed story or VOA corpus under {SHARED_DIR} "
              "(set DYAD_SHARED_DIR)")
        sys.exit(77)
    unittest.main()
