"""dyad: CAMEO-coded political event data from news text.

    >>> import dyad
    >>> article = dyad.code(open("examples/india_indonesia_visit.txt").read(),
    ...                     published="2023-02-01")
    >>> [(e["source"]["code"], e["cameo"], e["target"]["code"])
    ...  for e in article["events"]]

``code`` and ``code_file`` return the JSONL contract of ``dyad code --format
jsonl`` (DESIGN.md) as Python objects; ``open`` reads a store written by
``dyad code --db`` and returns its events as ``dyad events --format jsonl``
prints them. The JSON comes from dyad's own output library, so the two
never differ.

Errors raise ValueError (bad arguments, unreadable or malformed input),
FileNotFoundError or another OSError (files that are missing or cannot be
read), each with dyad's message naming the file and the line or byte
offset.
"""

import datetime as _datetime
import json as _json
import os as _os

from . import _dyad

__all__ = ["code", "code_file", "open", "Store", "default_models_dir"]


def _date_text(value, name):
    """A YYYY-MM-DD string (or "") from None, a str or a datetime.date."""
    if value is None:
        return ""
    if isinstance(value, _datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, _datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        return value
    raise ValueError(
        f"{name} must be a date string YYYY-MM-DD or a datetime.date, "
        f"got {type(value).__name__}")


def _path_text(value, name):
    """A path as str ("" for None); ValueError for anything else."""
    if value is None:
        return ""
    if isinstance(value, (str, _os.PathLike)):
        path = _os.fspath(value)
        if isinstance(path, bytes):
            path = _os.fsdecode(path)
        if path == "":
            raise ValueError(f"{name} must not be empty (use None)")
        return path
    raise ValueError(
        f"{name} must be a path (str or os.PathLike) or None, "
        f"got {type(value).__name__}")


def _flag(value, name):
    if not isinstance(value, bool):
        raise ValueError(f"{name} must be True or False, got {value!r}")
    return value


def code(text, published=None, doc_id="text", headline=None,
         dictionaries=None, models=None, parse=True):
    """Codes one article and returns it as the JSONL contract of dyad code.

    text: the article as a plain-text wire story (str, or UTF-8 bytes),
      read exactly as ``dyad code`` reads a .txt file: section, headline,
      caption, body paragraphs, byline and categories are recognised by
      their shape; a text of bare paragraphs is all body.
    published: the publication date ("YYYY-MM-DD" or a datetime.date);
      relative dates in the text ("yesterday") are resolved against it and
      events without one get it. None: unknown.
    doc_id: the article's id in the result.
    headline: a headline to put before the text (coded as the headline;
      spans then count from its first byte). None: only what the text has.
    dictionaries: a directory of TABARI or PETRARCH dictionaries to code
      with instead of dyad's default lexicon.
    models: the directory of the tagger and parser models; None uses the
      compiled-in default (see default_models_dir()), coding without the
      parse (with a RuntimeWarning) when those are missing.
    parse: False codes without the dependency parse (sparse coder only).

    Returns a dict: doc_id, published, url, section, headline, caption,
    authors, dateline, agency, categories, events (each with source,
    target, cameo, root, quad, goldstein, plover, date, date_from_text,
    place, sentence, span, text, rule), quotes and entities. Spans are
    [begin, end) byte offsets into the UTF-8 text.

    The lexicon and models are loaded once per (dictionaries, models,
    parse) and kept; coding releases the GIL, so threads code in parallel.
    Raises ValueError for a bad argument or text (blank, invalid UTF-8),
    OSError when the dictionaries or models cannot be read.
    """
    if not isinstance(text, (str, bytes)):
        raise ValueError(
            f"text must be str or bytes, got {type(text).__name__}")
    if not isinstance(doc_id, str) or not doc_id:
        raise ValueError(f"doc_id must be a non-empty str, got {doc_id!r}")
    if headline is not None and not isinstance(headline, str):
        raise ValueError(
            f"headline must be a str or None, got {type(headline).__name__}")
    line = _dyad.code_json(
        text, _date_text(published, "published"), doc_id, headline,
        _path_text(dictionaries, "dictionaries"), _path_text(models, "models"),
        _flag(parse, "parse"))
    return _json.loads(line)


def code_file(path, published=None, input_format="auto", dictionaries=None,
              models=None, parse=True):
    """Codes every article of a file or directory, as ``dyad code`` does.

    path: a wire-story .txt file, a .jsonl/.json file of articles, an HTML
      page, or a directory of them (read recursively in sorted order).
    published: the date for articles that give none (see code()).
    input_format: "auto" (by extension and content), "wire", "jsonl" or
      "html".
    dictionaries, models, parse: as for code().

    Returns a list of dicts, one per article in input order, each as code()
    returns it; doc_id is the file name without extension, or the JSONL
    "id". Raises FileNotFoundError for a missing path and ValueError for
    the first article that cannot be read or coded (the message names the
    file and line); nothing is returned then.
    """
    if not isinstance(input_format, str):
        raise ValueError("input_format must be \"auto\", \"wire\", "
                         f"\"jsonl\" or \"html\", got {input_format!r}")
    lines = _dyad.code_file_json(
        _path_text(path, "path"), _date_text(published, "published"),
        input_format,
        _path_text(dictionaries, "dictionaries"), _path_text(models, "models"),
        _flag(parse, "parse"))
    return [_json.loads(line) for line in lines]


def default_models_dir():
    """The models directory used when models= is not given: $DYAD_MODELS,
    else the models/ directory of the source tree dyad was built from."""
    return _dyad.default_models_dir()


def _actor_code(value, name):
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(f"{name} must be an actor code str or None, "
                         f"got {type(value).__name__}")
    return value.upper()


def _partial_date(value, name):
    """YYYY, YYYY-MM or YYYY-MM-DD (a real month and day), or ""."""
    text = _date_text(value, name)
    if text == "":
        return text
    parts = text.split("-")
    ok = (len(text) in (4, 7, 10) and 1 <= len(parts) <= 3
          and all(p.isascii() and p.isdigit() for p in parts)
          and len(parts[0]) == 4 and all(len(p) == 2 for p in parts[1:]))
    if ok and len(parts) >= 2:
        ok = 1 <= int(parts[1]) <= 12
    if ok and len(parts) == 3:
        try:
            _datetime.date(int(parts[0]), int(parts[1]), int(parts[2]))
        except ValueError:
            ok = False
    if not ok:
        raise ValueError(
            f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD, got {text!r}")
    return text


def _count(value, name, allow_none):
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{name} must be an int of 0 or more"
                         f"{' or None' if allow_none else ''}, got {value!r}")
    return value


def _event_query(actor=None, source=None, target=None, both_directions=False,
                 cameo=None, root=None, date_from=None, date_to=None,
                 limit=None, offset=0):
    query = _dyad.EventQuery()
    query.actor = _actor_code(actor, "actor")
    query.source = _actor_code(source, "source")
    query.target = _actor_code(target, "target")
    query.both_directions = _flag(both_directions, "both_directions")
    if cameo is not None:
        if (not isinstance(cameo, str) or not cameo.isascii()
                or not cameo.isdigit() or len(cameo) > 4):
            raise ValueError("cameo must be a CAMEO code or its first digits "
                             f"(\"042\", \"04\"), got {cameo!r}")
        query.cameo = cameo
    if root is not None:
        if (not isinstance(root, str) or not root.isascii()
                or not root.isdigit() or len(root) != 2):
            raise ValueError(
                f"root must be a two-digit CAMEO root (\"01\" to \"20\"), "
                f"got {root!r}")
        query.root = root
    if cameo is not None and root is not None:
        raise ValueError("give cameo or root, not both")
    query.date_from = _partial_date(date_from, "date_from")
    query.date_to = _partial_date(date_to, "date_to")
    query.limit = _count(limit, "limit", allow_none=True)
    query.offset = _count(offset, "offset", allow_none=False)
    return query


class Store:
    """A dyad store (the SQLite file of ``dyad code --db``), read-only.

    Made by dyad.open(). Usable as a context manager; close() (or leaving
    the with block) closes the file, after which every method raises
    ValueError. Methods release the GIL while they read; one Store may be
    shared between threads (their calls take turns).
    """

    def __init__(self, handle):
        self._handle = handle

    def _open_handle(self):
        if self._handle.closed:
            raise ValueError(f"{self._handle.path}: the store is closed")
        return self._handle

    def events(self, actor=None, source=None, target=None,
               both_directions=False, cameo=None, root=None, date_from=None,
               date_to=None, limit=None, offset=0):
        """Returns the stored events matching every filter given.

        actor: source or target code starts with this ("JPN" matches JPN,
          JPNGOV, JPNMIL); source, target: that side's code starts with
          this. Codes are upper-cased.
        both_directions: with source and/or target, also the events from
          target to source (the undirected dyad).
        cameo: the CAMEO code starts with this ("042", or "04" for the
          whole root); root: the CAMEO root equals this ("04").
        date_from, date_to: inclusive bounds on the event date, YYYY,
          YYYY-MM or YYYY-MM-DD (or datetime.date); "2023-01" as date_to
          includes all of January.
        limit: at most this many events (None: all); offset: skip this
          many first.

        Returns a list of dicts ordered by date (unknown dates last), then
        article and position: id, doc_id, published, then the event fields
        of the JSONL contract, exactly as ``dyad events --format jsonl``
        prints them. Raises ValueError for a bad filter or a closed store,
        OSError when the file cannot be read.
        """
        query = _event_query(actor, source, target, both_directions, cameo,
                             root, date_from, date_to, limit, offset)
        return _json.loads(self._open_handle().events_json(query))

    def count_events(self, actor=None, source=None, target=None,
                     both_directions=False, cameo=None, root=None,
                     date_from=None, date_to=None):
        """Returns how many events match the filters (as for events())."""
        query = _event_query(actor, source, target, both_directions, cameo,
                             root, date_from, date_to)
        return self._open_handle().count_events(query)

    def article(self, doc_id):
        """Returns the stored article `doc_id` or None when there is none.

        The dict is the JSONL contract of the article (events and quotes as
        stored; entities are not stored, so that list is empty) plus
        "text", the article text every span indexes.
        """
        if not isinstance(doc_id, str):
            raise ValueError(
                f"doc_id must be a str, got {type(doc_id).__name__}")
        line = self._open_handle().article_json(doc_id)
        return None if line is None else _json.loads(line)

    def counts(self):
        """Returns the row counts: articles, sentences, events, quotes and
        actors (distinct actor codes in events)."""
        return self._open_handle().counts()

    @property
    def path(self):
        """The path the store was opened with."""
        return self._handle.path

    @property
    def closed(self):
        """True once close() was called."""
        return self._handle.closed

    def close(self):
        """Closes the file. Closing twice is harmless."""
        self._handle.close()

    def __enter__(self):
        self._open_handle()
        return self

    def __exit__(self, *exc_info):
        self.close()
        return False

    def __repr__(self):
        state = "closed" if self.closed else "open"
        return f"<dyad.Store {self.path!r} ({state})>"


def open(path):  # noqa: A001 - dyad.open mirrors the builtin on purpose
    """Opens the dyad store at `path` read-only and returns a Store.

    Raises FileNotFoundError when the file does not exist, OSError when it
    cannot be opened or is not a dyad store (a directory, not SQLite, a
    SQLite file of something else, a store of a newer dyad).
    """
    return Store(_dyad.Store.open(_path_text(path, "path")))
