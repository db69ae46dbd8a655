"""dyad.code and dyad.code_file give exactly what `dyad code --format jsonl`
gives, dates follow published=, and bad arguments raise clear errors."""
import datetime
import os
import sys
import tempfile
import threading
import time
import unittest
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dyad_test_support import (EXAMPLES_DIR, cli_jsonl, example_paths,  # noqa: E402
                               read_text, stem)

import dyad  # noqa: E402

VISIT = os.path.join(EXAMPLES_DIR, "india_indonesia_visit.txt")


def slice_text(text, span):
    """The characters of a [begin, end) byte span of UTF-8 `text`."""
    begin, end = span
    return text.encode("utf-8")[begin:end].decode("utf-8")


class CodeMatchesCliTest(unittest.TestCase):
    def test_package_comes_from_pythonpath(self):
        # An installed copy must not stand in for the build tree's.
        path = os.environ.get("PYTHONPATH")
        if not path:
            self.skipTest("PYTHONPATH not set (run through ctest)")
        self.assertEqual(os.path.dirname(os.path.dirname(dyad.__file__)),
                         os.path.abspath(path.split(os.pathsep)[0]))

    def test_every_example_equals_the_cli_line(self):
        for path in example_paths():
            for published in ("2023-02-01", None):
                with self.subTest(example=stem(path), published=published):
                    flags = ["--published", published] if published else []
                    (expected,) = cli_jsonl("code", "--format", "jsonl",
                                            *flags, path)
                    got = dyad.code(read_text(path), published=published,
                                    doc_id=stem(path))
                    self.assertEqual(got, expected)

    def test_examples_have_events_with_codes_and_spans(self):
        total = 0
        for path in example_paths():
            text = read_text(path)
            article = dyad.code(text, published="2023-02-01")
            for event in article["events"]:
                self.assertRegex(event["cameo"], r"^\d{3,4}$")
                self.assertEqual(event["root"], event["cameo"][:2])
                self.assertIn(event["quad"], (1, 2, 3, 4))
                self.assertEqual(slice_text(text, event["span"]),
                                 event["text"])
                self.assertTrue(event["source"]["code"] or
                                event["target"]["code"], event)
            total += len(article["events"])
        self.assertGreaterEqual(total, 8)

    def test_the_visit_is_coded(self):
        article = dyad.code(read_text(VISIT), published="2023-02-01",
                            doc_id="visit")
        self.assertEqual(article["doc_id"], "visit")
        self.assertEqual(article["published"], "2023-02-01")
        self.assertEqual(article["section"], "Diplomacy")
        self.assertEqual(
            article["headline"],
            "India and Indonesia sign maritime security pact during "
            "minister\u2019s visit")
        visits = [e for e in article["events"]
                  if e["source"]["code"].startswith("IND")
                  and e["target"]["code"].startswith("IDN")
                  and e["cameo"] == "042"]
        self.assertTrue(visits, article["events"])
        # "visited Indonesia yesterday": the day before publication once
        # the coder dates events from the text, the publication date until
        # then.
        self.assertEqual(visits[0]["date"],
                         "2023-01-31" if visits[0]["date_from_text"]
                         else "2023-02-01")
        self.assertEqual(visits[0]["plover"], "CONSULT")

    def test_parse_false_equals_cli_no_parse(self):
        (expected,) = cli_jsonl("code", "--format", "jsonl", "--no-parse",
                                "--published", "2023-02-01", VISIT)
        got = dyad.code(read_text(VISIT), published="2023-02-01",
                        doc_id=stem(VISIT), parse=False)
        self.assertEqual(got, expected)

    def test_bytes_are_read_as_utf8(self):
        with open(VISIT, "rb") as f:
            raw = f.read()
        self.assertEqual(dyad.code(raw, published="2023-02-01"),
                         dyad.code(raw.decode("utf-8"), published="2023-02-01"))

    def test_code_file_equals_the_cli_for_a_file_and_a_directory(self):
        for path in (VISIT, EXAMPLES_DIR):
            with self.subTest(path=path):
                expected = cli_jsonl("code", "--format", "jsonl",
                                     "--published", "2023-02-01", path)
                got = dyad.code_file(path, published="2023-02-01")
                self.assertEqual(got, expected)
        self.assertEqual(len(dyad.code_file(EXAMPLES_DIR)),
                         len(example_paths()))

    def test_code_file_reads_jsonl(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "feed.jsonl")
            with open(path, "w", encoding="utf-8") as f:
                f.write('{"id": "a1", "published": "2024-05-06T10:00:00Z", '
                        '"text": "Japan condemned North Korea on Monday."}\n')
                f.write('{"id": "a2", "text": "France hosted talks '
                        'with Germany."}\n')
            expected = cli_jsonl("code", "--format", "jsonl", "--published",
                                 "2024-01-01", path)
            got = dyad.code_file(path, published=datetime.date(2024, 1, 1))
            self.assertEqual(got, expected)
            self.assertEqual([a["doc_id"] for a in got], ["a1", "a2"])
            self.assertEqual([a["published"] for a in got],
                             ["2024-05-06", "2024-01-01"])


class PublishedTest(unittest.TestCase):
    def test_published_moves_the_event_dates(self):
        text = read_text(VISIT)
        early = dyad.code(text, published="2023-02-01")
        late = dyad.code(text, published=datetime.date(2024, 3, 1))
        self.assertEqual(len(early["events"]), len(late["events"]))
        self.assertEqual(late["published"], "2024-03-01")
        shift = datetime.date(2024, 3, 1) - datetime.date(2023, 2, 1)
        moved = 0
        for a, b in zip(early["events"], late["events"]):
            self.assertEqual((a["cameo"], a["span"]), (b["cameo"], b["span"]))
            if a["date_from_text"]:
                # Relative dates ("yesterday", "on Tuesday") are resolved
                # against the publication date; check the ones a fixed
                # number of days back move with it.
                if b["date"] == (datetime.date.fromisoformat(a["date"]) +
                                 shift).isoformat():
                    moved += 1
            else:
                self.assertEqual(a["date"], "2023-02-01")
                self.assertEqual(b["date"], "2024-03-01")
                moved += 1
        self.assertGreater(moved, 0)
        self.assertNotEqual([e["date"] for e in early["events"]],
                            [e["date"] for e in late["events"]])

    def test_no_published_leaves_undated_events_null(self):
        article = dyad.code(read_text(VISIT))
        self.assertIsNone(article["published"])
        self.assertEqual(article["doc_id"], "text")
        for event in article["events"]:
            if not event["date_from_text"]:
                self.assertIsNone(event["date"])


class HeadlineTest(unittest.TestCase):
    def test_headline_is_coded_before_the_text(self):
        body = "Officials met in Geneva on Tuesday.\n"
        headline = "Japan condemns North Korea missile launch"
        article = dyad.code(body, published="2023-02-01", headline=headline)
        self.assertEqual(article["headline"], headline)
        full = headline + "\n\n" + body
        in_headline = [e for e in article["events"]
                       if e["span"][1] <= len(headline.encode())]
        self.assertTrue(in_headline, article["events"])
        self.assertEqual(in_headline[0]["source"]["code"][:3], "JPN")
        self.assertEqual(in_headline[0]["target"]["code"][:3], "PRK")
        for event in article["events"]:
            self.assertEqual(slice_text(full, event["span"]), event["text"])


class BadArgumentsTest(unittest.TestCase):
    def assertRaisesWith(self, error, fragment, call, *args, **kwargs):
        with self.assertRaises(error) as caught:
            call(*args, **kwargs)
        self.assertIn(fragment, str(caught.exception))

    def test_bad_published(self):
        self.assertRaisesWith(ValueError, "YYYY-MM-DD", dyad.code, "Text.",
                              published="2023-02-30")
        self.assertRaisesWith(ValueError, '"yesterday"', dyad.code, "Text.",
                              published="yesterday")
        self.assertRaisesWith(ValueError, "published must be", dyad.code,
                              "Text.", published=20230201)
        self.assertRaisesWith(ValueError, "YYYY-MM-DD", dyad.code_file,
                              VISIT, published="2023-2-1")

    def test_bad_text(self):
        self.assertRaisesWith(ValueError, "text must be str or bytes",
                              dyad.code, 42)
        self.assertRaisesWith(ValueError, "mydoc", dyad.code, "  \n\n ",
                              doc_id="mydoc")
        # Invalid UTF-8: the message gives the byte offset.
        self.assertRaisesWith(ValueError, "byte 6", dyad.code,
                              b"Japan \xff condemned Korea.")

    def test_bad_options(self):
        self.assertRaisesWith(ValueError, "doc_id must be a non-empty str",
                              dyad.code, "Text.", doc_id="")
        self.assertRaisesWith(ValueError, "parse must be True or False",
                              dyad.code, "Text.", parse="yes")
        self.assertRaisesWith(ValueError, "one non-blank line", dyad.code,
                              "Text.", headline="two\nlines")
        self.assertRaisesWith(ValueError, "input_format must be",
                              dyad.code_file, VISIT, input_format="pdf")
        self.assertRaisesWith(ValueError, "dictionaries must not be empty",
                              dyad.code, "Text.", dictionaries="")

    def test_missing_files(self):
        with tempfile.TemporaryDirectory() as tmp:
            missing = os.path.join(tmp, "missing")
            self.assertRaisesWith(FileNotFoundError, missing, dyad.code_file,
                                  missing)
            with self.assertRaises(OSError) as caught:
                dyad.code("Text.", models=missing)
            self.assertIn(missing, str(caught.exception))
            with self.assertRaises(OSError) as caught:
                dyad.code("Text.", dictionaries=missing)
            self.assertIn(missing, str(caught.exception))

    def test_bad_jsonl_line_names_file_and_line(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "feed.jsonl")
            with open(path, "w", encoding="utf-8") as f:
                f.write('{"id": "ok", "text": "Japan met China."}\n')
                f.write('{"id": "bad", "text": \n')
            self.assertRaisesWith(ValueError, "feed.jsonl:2", dyad.code_file,
                                  path)


class ConcurrencyTest(unittest.TestCase):
    def test_threads_share_the_cached_pipeline(self):
        texts = [read_text(p) for p in example_paths()]
        expected = [dyad.code(t, published="2023-02-01") for t in texts]
        results = {}

        def work(worker):
            results[worker] = [dyad.code(t, published="2023-02-01")
                               for t in texts]

        threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(len(results), 4)
        for got in results.values():
            self.assertEqual(got, expected)

    def test_coding_releases_the_gil(self):
        # A long article coded in one thread while this thread keeps
        # looping: were the GIL held through the call, this loop would stall
        # for the whole call.
        paragraphs = [read_text(p) for p in example_paths()]
        text = "\n\n".join(paragraphs * 40)
        dyad.code("Japan met China.")  # the pipeline is loaded
        finished = threading.Event()
        took = []

        def work():
            start = time.perf_counter()
            dyad.code(text)
            took.append(time.perf_counter() - start)
            finished.set()

        thread = threading.Thread(target=work)
        last = time.perf_counter()
        longest_stall = 0.0
        thread.start()
        while not finished.is_set():
            now = time.perf_counter()
            longest_stall = max(longest_stall, now - last)
            last = now
        thread.join()
        self.assertGreater(took[0], 0.2, "the article codes too fast to tell")
        self.assertLess(longest_stall, took[0] / 2,
                        f"this thread stalled {longest_stall:.2f} s of the "
                        f"{took[0]:.2f} s call")

    def test_models_directory_is_the_source_tree(self):
        models = dyad.default_models_dir()
        self.assertTrue(os.path.isdir(models), models)
        # The default models load: coding with them raises no warning.
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            dyad.code("Japan met China.", models=models)


if __name__ == "__main__":
    unittest.main()
