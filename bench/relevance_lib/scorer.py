"""The four measures bench/relevance reports, per query and averaged.

Conventions (those of trec_eval, so figures compare with published ones):
- qrels map a document to a gain; gain > 0 means relevant. Binary
  collections use gain 1; graded ones (CRAN) use larger gains for better
  documents. Judged non-relevant documents may be present with gain 0.
- A ranking is the system's list of document ids, best first. Repeated ids
  count once, at their first position (a system should not repeat, but the
  scorer must not reward it if it does).
- nDCG@k uses linear gain / log2(rank + 1) and the ideal ordering of ALL
  judged relevant documents (not only the retrieved ones).
- P@k divides by k even when fewer than k documents were returned.
- AP@k (MAP@100 averaged over queries) divides by the number of relevant
  documents R, not by min(R, k): a relevant document not in the top k
  contributes 0.
- R@k is relevant documents in the top k over R.
- Queries without any relevant document are not scored (they would be 0/0);
  the caller leaves them out of the averages and says how many it dropped.
"""

import math


def _dedup(ranking):
    seen = set()
    out = []
    for doc in ranking:
        if doc not in seen:
            seen.add(doc)
            out.append(doc)
    return out


def relevant_count(qrels):
    return sum(1 for g in qrels.values() if g > 0)


def ndcg_at(ranking, qrels, k=10):
    ranking = _dedup(ranking)[:k]
    dcg = sum(qrels.get(doc, 0) / math.log2(i + 2) for i, doc in enumerate(ranking) if qrels.get(doc, 0) > 0)
    ideal = sorted((g for g in qrels.values() if g > 0), reverse=True)[:k]
    idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg > 0 else 0.0


def precision_at(ranking, qrels, k=10):
    ranking = _dedup(ranking)[:k]
    return sum(1 for doc in ranking if qrels.get(doc, 0) > 0) / k


def average_precision_at(ranking, qrels, k=100):
    r = relevant_count(qrels)
    if r == 0:
        return 0.0
    hits = 0
    total = 0.0
    for i, doc in enumerate(_dedup(ranking)[:k]):
        if qrels.get(doc, 0) > 0:
            hits += 1
            total += hits / (i + 1)
    return total / r


def recall_at(ranking, qrels, k=100):
    r = relevant_count(qrels)
    if r == 0:
        return 0.0
    return sum(1 for doc in _dedup(ranking)[:k] if qrels.get(doc, 0) > 0) / r


MEASURES = (
    ("nDCG@10", lambda run, q: ndcg_at(run, q, 10)),
    ("P@10", lambda run, q: precision_at(run, q, 10)),
    ("MAP@100", lambda run, q: average_precision_at(run, q, 100)),
    ("R@100", lambda run, q: recall_at(run, q, 100)),
)


def score_query(ranking, qrels):
    """{measure name: value} for one query."""
    return {name: fn(ranking, qrels) for name, fn in MEASURES}


def evaluate(runs, qrels_by_query):
    """Averages over the queries that have at least one relevant document.

    runs: {query id: [doc ids, best first]} (a missing query = empty ranking).
    qrels_by_query: {query id: {doc id: gain}}.
    Returns (means {measure: value}, per_query {qid: {measure: value}}, scored count).
    """
    per_query = {}
    for qid, qrels in qrels_by_query.items():
        if relevant_count(qrels) == 0:
            continue
        per_query[qid] = score_query(runs.get(qid, []), qrels)
    n = len(per_query)
    means = {name: (sum(p[name] for p in per_query.values()) / n if n else 0.0) for name, _ in MEASURES}
    return means, per_query, n
