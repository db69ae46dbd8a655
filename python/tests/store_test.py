"""dyad.open reads a store written by `dyad code --db` and returns the events
`dyad events --format jsonl` prints, with the same filters."""
import os
import re
import sqlite3
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dyad_test_support import (cli_jsonl, example_paths, read_text,  # noqa: E402
                               run_cli, stem)

import dyad  # noqa: E402


class StoreTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.db = os.path.join(cls.tmp.name, "examples.db")
        # One article published earlier than the rest, so that date filters
        # have something to tell apart.
        paths = example_paths()
        cls.early = paths[-1]
        run_cli("code", "--db", cls.db, "--published", "2023-02-01",
                *paths[:-1])
        run_cli("code", "--db", cls.db, "--published", "2023-01-20",
                cls.early)
        cls.store = dyad.open(cls.db)

    @classmethod
    def tearDownClass(cls):
        cls.store.close()
        cls.tmp.cleanup()

    def cli_events(self, *flags):
        return cli_jsonl("events", "--db", self.db, "--format", "jsonl",
                         "--limit", "0", *flags)

    def test_all_events_equal_the_cli(self):
        expected = self.cli_events()
        got = self.store.events()
        self.assertGreaterEqual(len(got), 8)
        self.assertEqual(got, expected)
        for event in got:
            self.assertIsInstance(event["id"], int)
            self.assertIn(event["doc_id"], [stem(p) for p in example_paths()])
            self.assertEqual(
                event["published"],
                "2023-01-20" if event["doc_id"] == stem(self.early)
                else "2023-02-01")

    def test_filters_equal_the_cli(self):
        everything = self.store.events()
        cases = [
            (dict(actor="ind"), ["--actor", "ind"]),
            (dict(source="IND", target="IDN"), ["--dyad", "IND,IDN"]),
            (dict(source="IND", target="IDN", both_directions=True),
             ["--dyad", "IND,IDN", "--both-directions"]),
            (dict(source="KGZ"), ["--source", "KGZ"]),
            (dict(target="MMR"), ["--target", "MMR"]),
            (dict(cameo="04"), ["--cameo", "04"]),
            (dict(cameo="042"), ["--cameo", "042"]),
            (dict(root="11"), ["--root", "11"]),
            (dict(date_from="2023-02-01"), ["--from", "2023-02-01"]),
            (dict(date_to="2023-01"), ["--to", "2023-01"]),
            (dict(date_from="2023-01-20", date_to="2023-01-20"),
             ["--from", "2023-01-20", "--to", "2023-01-20"]),
            (dict(limit=3, offset=2), ["--limit", "3", "--offset", "2"]),
        ]
        narrowed = 0
        for kwargs, flags in cases:
            with self.subTest(**kwargs):
                if "--limit" not in flags:
                    flags = ["--limit", "0", *flags]
                expected = cli_jsonl("events", "--db", self.db, "--format",
                                     "jsonl", *flags)
                got = self.store.events(**kwargs)
                self.assertEqual(got, expected)
                self.assertEqual(
                    self.store.count_events(**{k: v for k, v in kwargs.items()
                                               if k not in ("limit", "offset")}),
                    len(self.store.events(**{k: v for k, v in kwargs.items()
                                             if k not in ("limit", "offset")})))
                if 0 < len(got) < len(everything):
                    narrowed += 1
        # The filters really filter: each case keeps some events, not all.
        self.assertEqual(narrowed, len(cases))

    def test_filters_hold_on_every_event(self):
        for event in self.store.events(actor="IDN"):
            self.assertTrue(event["source"]["code"].startswith("IDN") or
                            event["target"]["code"].startswith("IDN"))
        for event in self.store.events(root="04"):
            self.assertEqual(event["root"], "04")
        early = self.store.events(date_to="2023-01-31")
        self.assertTrue(early)
        for event in early:
            self.assertLessEqual(event["date"], "2023-01-31")
        page = self.store.events(limit=2, offset=1)
        self.assertEqual(page, self.store.events()[1:3])
        self.assertEqual(self.store.events(limit=0), [])

    def test_counts_equal_the_cli_summary(self):
        _, stderr = run_cli("events", "--db", self.db, "--format", "jsonl")
        match = re.search(r"holds (\d+) articles, (\d+) events, (\d+) quotes, "
                          r"(\d+) actors, (\d+) events once merged", stderr)
        self.assertIsNotNone(match, stderr)
        articles, events, quotes, actors, merged = map(int, match.groups())
        counts = self.store.counts()
        self.assertEqual(counts["articles"], articles)
        self.assertEqual(counts["events"], events)
        self.assertEqual(counts["quotes"], quotes)
        self.assertEqual(counts["actors"], actors)
        self.assertEqual(counts["merged_events"], merged)
        self.assertLessEqual(counts["merged_events"], counts["events"])
        self.assertEqual(counts["articles"], len(example_paths()))
        self.assertGreater(counts["sentences"], counts["articles"])
        self.assertEqual(counts["events"], len(self.store.events()))

    def test_article(self):
        path = self.early
        article = self.store.article(stem(path))
        self.assertEqual(article["doc_id"], stem(path))
        self.assertEqual(article["published"], "2023-01-20")
        self.assertEqual(article["text"], read_text(path))
        coded = dyad.code(read_text(path), published="2023-01-20",
                          doc_id=stem(path))
        self.assertEqual(article["headline"], coded["headline"])
        self.assertEqual([(e["cameo"], e["span"]) for e in article["events"]],
                         [(e["cameo"], e["span"]) for e in coded["events"]])
        raw = article["text"].encode("utf-8")
        for event in article["events"]:
            begin, end = event["span"]
            self.assertEqual(raw[begin:end].decode("utf-8"), event["text"])
        self.assertIsNone(self.store.article("no_such_article"))

    def test_bad_filters_raise(self):
        bad = [
            (dict(cameo="4x"), "cameo must be"),
            (dict(cameo="04", root="04"), "not both"),
            (dict(root="4"), "root must be"),
            (dict(date_from="2023-13"), "date_from must be"),
            (dict(date_to="2023-02-30"), "date_to must be"),
            (dict(limit=-1), "limit must be"),
            (dict(offset=None), "offset must be"),
            (dict(actor=5), "actor must be"),
            (dict(both_directions="yes"), "both_directions must be"),
        ]
        for kwargs, fragment in bad:
            with self.subTest(**kwargs):
                with self.assertRaises(ValueError) as caught:
                    self.store.events(**kwargs)
                self.assertIn(fragment, str(caught.exception))


class OpenAndCloseTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.tmp.name, "one.db")
        run_cli("code", "--db", self.db, "--published", "2023-02-01",
                example_paths()[0])

    def tearDown(self):
        self.tmp.cleanup()

    def test_closed_store_raises(self):
        store = dyad.open(self.db)
        self.assertFalse(store.closed)
        self.assertTrue(store.events())
        store.close()
        self.assertTrue(store.closed)
        for call in (store.events, store.counts, store.count_events,
                     lambda: store.article("x")):
            with self.assertRaises(ValueError) as caught:
                call()
            self.assertIn("closed", str(caught.exception))
            self.assertIn(self.db, str(caught.exception))
        store.close()  # twice is harmless

    def test_context_manager_closes(self):
        with dyad.open(self.db) as store:
            self.assertEqual(store.counts()["articles"], 1)
            self.assertIn("open", repr(store))
        self.assertTrue(store.closed)
        with self.assertRaises(ValueError):
            store.events()

    def test_open_errors(self):
        missing = os.path.join(self.tmp.name, "missing.db")
        with self.assertRaises(FileNotFoundError) as caught:
            dyad.open(missing)
        self.assertIn(missing, str(caught.exception))
        self.assertFalse(os.path.exists(missing))  # read-only: not created
        with self.assertRaises(OSError) as caught:
            dyad.open(self.tmp.name)  # a directory
        self.assertIn(self.tmp.name, str(caught.exception))
        not_sqlite = os.path.join(self.tmp.name, "notes.db")
        with open(not_sqlite, "w") as f:
            f.write("this is not a database\n" * 100)
        with self.assertRaises(OSError) as caught:
            dyad.open(not_sqlite)
        self.assertIn(not_sqlite, str(caught.exception))
        other = os.path.join(self.tmp.name, "other.db")
        with sqlite3.connect(other) as connection:
            connection.execute("CREATE TABLE t (x)")
        with self.assertRaises(OSError) as caught:
            dyad.open(other)
        self.assertIn(other, str(caught.exception))
        with self.assertRaises(ValueError):
            dyad.open(42)


if __name__ == "__main__":
    unittest.main()
