"""The README's Python example, run exactly as a reader would type it (with
Debian's /usr/bin/python3 and the build tree on PYTHONPATH), prints the
article the CLI codes from the same file."""
import ast
import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dyad_test_support import SOURCE_DIR, cli_jsonl  # noqa: E402

EXAMPLE = "examples/india_indonesia_visit.txt"
COMMAND = ("import dyad; "
           f"print(dyad.code(open('{EXAMPLE}').read()))")


class ReadmeExampleTest(unittest.TestCase):
    def test_readme_command_prints_the_coded_article(self):
        run = subprocess.run(["/usr/bin/python3", "-c", COMMAND],
                             cwd=SOURCE_DIR, capture_output=True, text=True,
                             env=dict(os.environ))
        self.assertEqual(run.returncode, 0, run.stderr)
        # No warning either: the compiled-in models directory was found.
        self.assertEqual(run.stderr, "")
        printed = ast.literal_eval(run.stdout.strip())
        (expected,) = cli_jsonl("code", "--format", "jsonl",
                                os.path.join(SOURCE_DIR, EXAMPLE))
        expected["doc_id"] = "text"  # dyad.code's default id
        self.assertEqual(printed, expected)
        self.assertTrue(any(e["cameo"] == "042" and
                            e["source"]["code"].startswith("IND")
                            for e in printed["events"]), printed["events"])


if __name__ == "__main__":
    unittest.main()
