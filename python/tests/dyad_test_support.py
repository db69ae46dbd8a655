"""Shared helpers of the Python package tests: where things are, and the CLI.

ctest sets DYAD_CLI (the dyad binary), DYAD_SOURCE_DIR (the repository),
DYAD_SHARED_DIR (../shared) and PYTHONPATH (the build tree's python dir).
"""
import json
import os
import subprocess

SOURCE_DIR = os.environ.get(
    "DYAD_SOURCE_DIR",
    os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
EXAMPLES_DIR = os.path.join(SOURCE_DIR, "examples")
CLI = os.environ.get("DYAD_CLI", os.path.join(SOURCE_DIR, "build/cli/dyad"))
SHARED_DIR = os.environ.get("DYAD_SHARED_DIR",
                            os.path.join(SOURCE_DIR, "..", "shared"))


def example_paths():
    """The sample wire stories, sorted."""
    names = sorted(n for n in os.listdir(EXAMPLES_DIR) if n.endswith(".txt"))
    assert names, f"no examples/*.txt in {EXAMPLES_DIR}"
    return [os.path.join(EXAMPLES_DIR, n) for n in names]


def run_cli(*args):
    """Runs the dyad CLI; returns (stdout, stderr). Fails on a non-zero exit."""
    run = subprocess.run([CLI, *args], capture_output=True, text=True)
    if run.returncode != 0:
        raise AssertionError(
            f"dyad {' '.join(args)} exited {run.returncode}: {run.stderr}")
    return run.stdout, run.stderr


def cli_jsonl(*args):
    """The JSON objects of the CLI's JSONL stdout."""
    stdout, _ = run_cli(*args)
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def read_text(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def stem(path):
    return os.path.splitext(os.path.basename(path))[0]
