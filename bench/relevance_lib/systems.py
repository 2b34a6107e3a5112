"""The systems compared: Pressdex and two peers, each indexing the same files.

Every system gets the same folder of .txt files (one per document, named
<doc id>.txt) and the same query text, and returns up to `depth` document
ids per query, best first. Queries are natural-language descriptions, so
they are reduced to plain words first (sanitize): otherwise a capitalised
"AND" in TIME's all-capitals queries would be read as an operator by
Pressdex and Omega, and FTS5 would choke on punctuation.
"""

import os
import re
import shutil
import sqlite3
import subprocess
import sys


def sanitize(query):
    """Lower-case words separated by spaces, keeping the punctuation inside a
    word ("u.s", "viet-nam", "gaulle's") that each system's own tokenizer
    knows how to read, and dropping every other character."""
    words = re.findall(r"[a-z0-9]+(?:['.\-][a-z0-9]+)*", query.lower())
    return " ".join(words)


def _doc_id(path):
    return os.path.splitext(os.path.basename(path))[0]


class Pressdex:
    name = "pressdex"

    def __init__(self, build_dir, depth):
        self.index_bin = os.path.join(build_dir, "indexer", "pressdex-index")
        self.search_bin = os.path.join(build_dir, "searcher", "pressdex-search")
        for b in (self.index_bin, self.search_bin):
            if not os.access(b, os.X_OK):
                raise SystemExit(f"relevance: {b} not found: build first (cmake --build {build_dir})")
        self.depth = depth
        help_text = subprocess.run([self.search_bin, "--help"], capture_output=True, text=True).stdout
        self.batch = "--batch" in help_text and "tsv" in help_text
        self.db = None

    def describe(self):
        mode = "--batch --format tsv" if self.batch else "one process per query, --format json"
        return f"pressdex-search --any -n {self.depth} ({mode})"

    def index(self, files_dir, work_dir, reuse=False):
        self.db = os.path.join(work_dir, "pressdex.db")
        if reuse and os.path.isdir(self.db):
            return
        shutil.rmtree(self.db, ignore_errors=True)
        # Exit 1: some files refused (CRAN's two empty abstracts are blank
        # files); they could match no query, so the scores are unaffected.
        out = subprocess.run([self.index_bin, "--db", self.db, "--rebuild", files_dir], capture_output=True, text=True)
        if out.returncode not in (0, 1):
            raise SystemExit(f"relevance: pressdex-index failed ({out.returncode}): {out.stderr}")
        refused = [l for l in out.stderr.splitlines() if l.count(": ") >= 2 and "files:" not in l]
        if refused:
            print(f"relevance: pressdex-index refused {len(refused)} file(s), e.g. {refused[0]}", file=sys.stderr)

    def search(self, queries):
        return self._search_batch(queries) if self.batch else self._search_each(queries)

    def _search_batch(self, queries):
        order = [qid for qid, text in queries.items() if sanitize(text)]
        stdin = "".join(sanitize(queries[qid]) + "\n" for qid in order)
        out = subprocess.run([self.search_bin, "--db", self.db, "--batch", "--any", "--format", "tsv", "-n",
                              str(self.depth), "--fields", "rank,path"],
                             input=stdin, capture_output=True, text=True)
        if out.returncode not in (0, 1):
            raise SystemExit(f"relevance: pressdex-search --batch failed ({out.returncode}): {out.stderr}")
        lines = out.stdout.split("\n")
        header = lines[0].split("\t")
        qcol, rcol, pcol = header.index("qnum"), header.index("rank"), header.index("path")
        runs = {qid: [] for qid in queries}
        ranked = {}
        for line in lines[1:]:
            if not line:
                continue
            parts = line.split("\t")
            ranked.setdefault(int(parts[qcol]), []).append((int(parts[rcol]), _doc_id(parts[pcol])))
        for qnum, hits in ranked.items():
            runs[order[qnum - 1]] = [doc for _, doc in sorted(hits)]
        return runs

    def _search_each(self, queries):
        import json
        runs = {}
        for qid, text in queries.items():
            words = sanitize(text).split()
            runs[qid] = []
            if not words:
                continue
            out = subprocess.run([self.search_bin, "--db", self.db, "--any", "--format", "json", "-n",
                                  str(self.depth)] + words, capture_output=True, text=True)
            if out.returncode not in (0, 1):
                raise SystemExit(f"relevance: pressdex-search failed ({out.returncode}) on {qid}: {out.stderr}")
            results = json.loads(out.stdout)["results"]
            runs[qid] = [_doc_id(r["path"]) for r in sorted(results, key=lambda r: r["rank"])]
        return runs


class Omega:
    """Xapian Omega as shipped: omindex (text/plain, English stemming) and quest (BM25, OR)."""

    name = "omega"

    def __init__(self, depth):
        self.depth = depth
        self.available = shutil.which("omindex") is not None and shutil.which("quest") is not None
        self.db = None

    def describe(self):
        return f"omindex + quest -m {self.depth} (BM25 defaults, OR, STEM_SOME)"

    def index(self, files_dir, work_dir, reuse=False):
        self.db = os.path.join(work_dir, "omega.db")
        if reuse and os.path.isdir(self.db):
            return
        shutil.rmtree(self.db, ignore_errors=True)
        subprocess.run(["omindex", "--db", self.db, "--url", "/", "-e", "skip", files_dir], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def search(self, queries):
        runs = {}
        for qid, text in queries.items():
            q = sanitize(text)
            runs[qid] = []
            if not q:
                continue
            out = subprocess.run(["quest", "-d", self.db, "-m", str(self.depth), q], capture_output=True, text=True,
                                 check=True)
            for line in out.stdout.split("\n"):
                if line.startswith("url="):
                    runs[qid].append(_doc_id(line[4:]))
        return runs


class Fts5:
    """SQLite FTS5: one column holding the whole file, porter tokenizer, ORDER BY bm25()."""

    name = "fts5"

    def __init__(self, depth):
        self.depth = depth
        try:
            con = sqlite3.connect(":memory:")
            con.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='porter unicode61')")
            self.available = True
        except sqlite3.Error:
            self.available = False
        self.con = None

    def describe(self):
        return f"python3 sqlite3 {sqlite3.sqlite_version} FTS5, tokenize='porter unicode61', ORDER BY bm25()"

    def index(self, files_dir, work_dir, reuse=False):
        path = os.path.join(work_dir, "fts5.sqlite")
        if not (reuse and os.path.exists(path)):
            if os.path.exists(path):
                os.remove(path)
            con = sqlite3.connect(path)
            con.execute("CREATE VIRTUAL TABLE docs USING fts5(name UNINDEXED, body, tokenize='porter unicode61')")
            for entry in sorted(os.listdir(files_dir)):
                with open(os.path.join(files_dir, entry), encoding="utf-8") as f:
                    con.execute("INSERT INTO docs(name, body) VALUES (?, ?)", (_doc_id(entry), f.read()))
            con.commit()
            con.close()
        self.con = sqlite3.connect(path)

    def search(self, queries):
        runs = {}
        for qid, text in queries.items():
            words = sanitize(text).split()
            runs[qid] = []
            if not words:
                continue
            match = " OR ".join('"' + w.replace('"', '') + '"' for w in words)
            rows = self.con.execute("SELECT name FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT ?",
                                    (match, self.depth)).fetchall()
            runs[qid] = [r[0] for r in rows]
        return runs
