#!/usr/bin/env python3
"""Loads files or JSON Lines into a SQLite FTS5 table: the peer bench/index compares with.

Usage: bench/fts5-load.py DB PATH...   (folders are walked; *.jsonl files give one row per line)

The table is fts5(path UNINDEXED, title, body, tokenize='porter unicode61'),
written in one transaction with SQLite's default settings. A text file's
first non-empty line is its title and the rest its body; HTML/Markdown files
are loaded as they are (FTS5 has no extractor; it only tokenises), so the
comparison is indexing cost, not extraction quality.
"""
import json
import os
import sqlite3
import sys

EXTS = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".json")


def rows(paths):
    for root in paths:
        if os.path.isfile(root):
            files = [root]
        else:
            files = []
            for d, dirs, names in os.walk(root):
                dirs.sort()
                files.extend(os.path.join(d, n) for n in sorted(names))
        for p in files:
            if p.endswith(".jsonl"):
                with open(p, encoding="utf-8", errors="replace") as f:
                    for i, line in enumerate(f):
                        if not line.strip():
                            continue
                        rec = json.loads(line)
                        yield (f"{p}#{i + 1}", str(rec.get("title") or ""), str(rec.get("body") or rec.get("text") or ""))
            elif p.lower().endswith(EXTS):
                with open(p, "rb") as f:
                    text = f.read().decode("utf-8", errors="replace")
                stripped = text.lstrip()
                title, _, body = stripped.partition("\n")
                yield (p, title.strip(), body)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__.strip())
    db = sys.argv[1]
    if os.path.exists(db):
        os.remove(db)
    con = sqlite3.connect(db)
    con.execute("CREATE VIRTUAL TABLE docs USING fts5(path UNINDEXED, title, body, tokenize='porter unicode61')")
    with con:
        con.executemany("INSERT INTO docs(path, title, body) VALUES (?, ?, ?)", rows(sys.argv[2:]))
    n = con.execute("SELECT count(*) FROM docs").fetchone()[0]
    con.close()
    print(f"fts5-load: {n} rows in {db}", file=sys.stderr)


if __name__ == "__main__":
    main()
