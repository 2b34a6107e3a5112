"""Readers for the Glasgow test collections (see ../shared/data/ir_glasgow/SOURCE.md).

Each reader returns a Collection: documents (id -> (title, body)), queries
(id -> text) and qrels (query id -> {doc id: gain}). Ids are strings. The
quirks SOURCE.md lists are handled here, once:
- TIME: judgments name documents by their ordinal position in the original
  425-document file (its README says 425), not by the *TEXT number; TIME.ALL
  holds 423, so two are missing, and judgments name 424 and 425. Where: every
  judgment up to 370 names a document on the query's subject; judgments from
  378 on name the document two places after one that is (query 75, Adoula
  expelling the Soviet embassy: 390 is a Dundee by-election, 388 "CONGO
  READING THE RUSSIANS' MAIL"; of the 34 judgments above 370, d-2 ranks in
  Pressdex's top 20 for 30, d for 1), and no judgment names 371..377, so a judged
  number above 370 is read as the document two places earlier (*TEXT 499 and
  500, after our 370th, *TEXT 498, are likely the missing two). Found by a
  per-judgment rank check in the fifth session; docs/relevance.md.
  Every text line is followed by a blank line.
- CRAN: query .I numbers skip, judgments number queries 1..225 in file
  order; grades 1 (complete answer) .. 4 (minimal interest) become gains
  4 .. 1, and -1 means not relevant.
- CACM: judgment query ids are zero-padded; only 52 queries are judged.
- CISI, MED: CRLF line endings.
"""

import collections as _collections
import os
import re

Collection = _collections.namedtuple("Collection", "name documents queries qrels notes")


def _read(path):
    with open(path, encoding="ascii", errors="replace") as f:
        return f.read().replace("\r\n", "\n").replace("\r", "\n")


def _smart_records(text):
    """SMART format: '.I n' starts a record; '.X' lines start fields."""
    records = []
    current = None
    field = None
    for line in text.split("\n"):
        m = re.match(r"^\.([A-Z])(?:\s+(\S+))?\s*$", line)
        if m and m.group(1) == "I":
            current = {"id": m.group(2)}
            records.append(current)
            field = None
        elif m and current is not None and m.group(2) is None:
            field = m.group(1)
            current.setdefault(field, [])
        elif current is not None and field is not None:
            current[field].append(line.rstrip())
    return records


def _field(record, name):
    return " ".join(l.strip() for l in record.get(name, []) if l.strip())


def _lines(record, name):
    """A field's lines, layout kept (one line each), blank lines dropped."""
    return "\n".join(l.strip() for l in record.get(name, []) if l.strip())


def _qrels(lines, query_col, doc_col, gain=lambda parts: 1):
    qrels = {}
    for line in lines:
        parts = line.split()
        if len(parts) <= max(query_col, doc_col):
            continue
        qid = str(int(parts[query_col]))
        qrels.setdefault(qid, {})[str(int(parts[doc_col]))] = gain(parts)
    return qrels


# The two documents TIME.ALL lacks come after the 370th (see the module docstring).
_TIME_MISSING_AFTER = 370
_TIME_MISSING = 2


def _time_position(judged):
    """A TIME judgment's document number as a position in TIME.ALL."""
    return judged - _TIME_MISSING if judged > _TIME_MISSING_AFTER else judged


def read_time(root):
    text = _read(os.path.join(root, "TIME.ALL"))
    documents = {}
    for n, chunk in enumerate(re.split(r"^\*TEXT[^\n]*\n", text, flags=re.M)[1:], start=1):
        chunk = chunk.split("*STOP")[0]
        body = "\n".join(l.strip() for l in chunk.split("\n") if l.strip())
        documents[str(n)] = ("", body)
    queries = {}
    for m in re.finditer(r"^\*FIND\s+(\d+)\s*\n(.*?)(?=^\*FIND|^\*STOP|\Z)", _read(os.path.join(root, "TIME.QUE")),
                         flags=re.M | re.S):
        queries[str(int(m.group(1)))] = " ".join(m.group(2).split())
    qrels = {}
    for line in _read(os.path.join(root, "TIME.REL")).split("\n"):
        parts = line.split()
        if len(parts) >= 2:
            qrels[str(int(parts[0]))] = {str(_time_position(int(d))): 1 for d in parts[1:]}
    return Collection("time", documents, queries, qrels, "TIME magazine 1963 news; binary judgments")


def _smart_documents(path):
    documents = {}
    for r in _smart_records(_read(path)):
        documents[str(int(r["id"]))] = (_field(r, "T"), _lines(r, "W"))
    return documents


def _smart_queries(path, sequential=False):
    queries = {}
    for n, r in enumerate(_smart_records(_read(path)), start=1):
        text = _field(r, "W") or _field(r, "T")
        queries[str(n) if sequential else str(int(r["id"]))] = text
    return queries


def read_cran(root):
    documents = _smart_documents(os.path.join(root, "cran.all.1400"))
    queries = _smart_queries(os.path.join(root, "cran.qry"), sequential=True)

    def gain(parts):
        grade = int(parts[2])
        return 5 - grade if 1 <= grade <= 4 else 0

    qrels = _qrels(_read(os.path.join(root, "cran.qrels")).split("\n"), 0, 1, gain)
    return Collection("cran", documents, queries, qrels,
                      "Cranfield aeronautics abstracts; graded judgments (gain 4..1)")


def read_cacm(root):
    documents = _smart_documents(os.path.join(root, "cacm.all"))
    queries = _smart_queries(os.path.join(root, "query.text"))
    qrels = _qrels(_read(os.path.join(root, "qrels.text")).split("\n"), 0, 1)
    return Collection("cacm", documents, queries, qrels, "CACM titles and abstracts; binary judgments")


def read_cisi(root):
    documents = _smart_documents(os.path.join(root, "CISI.ALL"))
    queries = _smart_queries(os.path.join(root, "CISI.QRY"))
    qrels = _qrels(_read(os.path.join(root, "CISI.REL")).split("\n"), 0, 1)
    return Collection("cisi", documents, queries, qrels, "CISI library science abstracts; binary judgments")


def read_med(root):
    documents = _smart_documents(os.path.join(root, "MED.ALL"))
    queries = _smart_queries(os.path.join(root, "MED.QRY"))
    qrels = _qrels(_read(os.path.join(root, "MED.REL")).split("\n"), 0, 2)
    return Collection("med", documents, queries, qrels, "MEDLINE abstracts; binary judgments")


READERS = {"time": read_time, "med": read_med, "cran": read_cran, "cisi": read_cisi, "cacm": read_cacm}


def load(name, data_root):
    return READERS[name](os.path.join(data_root, name))
