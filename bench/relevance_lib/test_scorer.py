"""The scorer on a hand-made example whose values were worked out by hand.

Query q1, graded judgments: A gain 3, B gain 2, C gain 1, D judged 0 (R = 3).
The run returns D, A, X, C, A (again), B; the repeat of A is ignored, so the
ranks are D=1 A=2 X=3 C=4 B=5.

  DCG@10  = 3/log2(3) + 1/log2(5) + 2/log2(6)
          = 1.892789 + 0.430677 + 0.773706 = 3.097172
  IDCG@10 = 3/log2(2) + 2/log2(3) + 1/log2(4)
          = 3 + 1.261860 + 0.5 = 4.761860
  nDCG@10 = 3.097172 / 4.761860 = 0.650412
  P@10    = 3 relevant / 10 = 0.3
  AP@100  = (1/2 + 2/4 + 3/5) / 3 = 1.6 / 3 = 0.533333
  R@100   = 3 / 3 = 1
  Cut at 3 (only D A X): nDCG@3 = 1.892789 / 4.761860 = 0.397490,
  AP@3 = (1/2) / 3 = 0.166667, R@3 = 1/3, P@3 = 1/3.

Query q2: E relevant (gain 1), run [E]: nDCG 1, P@10 0.1, AP 1, R 1.
Query q3: only a non-relevant judgment: not scored.
Means over q1, q2: nDCG@10 0.825206, P@10 0.2, MAP@100 0.766667, R@100 1.
"""

import unittest

from relevance_lib import scorer

Q1_QRELS = {"A": 3, "B": 2, "C": 1, "D": 0}
Q1_RUN = ["D", "A", "X", "C", "A", "B"]


class ScorerTest(unittest.TestCase):
    def test_ndcg_graded(self):
        self.assertAlmostEqual(scorer.ndcg_at(Q1_RUN, Q1_QRELS, 10), 0.650412, places=6)
        self.assertAlmostEqual(scorer.ndcg_at(Q1_RUN, Q1_QRELS, 3), 0.397490, places=6)

    def test_precision_divides_by_k(self):
        self.assertAlmostEqual(scorer.precision_at(Q1_RUN, Q1_QRELS, 10), 0.3, places=12)
        self.assertAlmostEqual(scorer.precision_at(Q1_RUN, Q1_QRELS, 3), 1 / 3, places=12)

    def test_average_precision_divides_by_all_relevant(self):
        self.assertAlmostEqual(scorer.average_precision_at(Q1_RUN, Q1_QRELS, 100), 0.533333, places=6)
        self.assertAlmostEqual(scorer.average_precision_at(Q1_RUN, Q1_QRELS, 3), 0.166667, places=6)

    def test_recall(self):
        self.assertEqual(scorer.recall_at(Q1_RUN, Q1_QRELS, 100), 1.0)
        self.assertAlmostEqual(scorer.recall_at(Q1_RUN, Q1_QRELS, 3), 1 / 3, places=12)

    def test_repeated_document_counts_once(self):
        # Without deduplication A would score at rank 5 too and B would drop to 6.
        self.assertEqual(scorer.precision_at(["A", "A", "A"], {"A": 1, "B": 1}, 3), 1 / 3)

    def test_empty_run_scores_zero(self):
        self.assertEqual(scorer.score_query([], {"A": 1}),
                         {"nDCG@10": 0.0, "P@10": 0.0, "MAP@100": 0.0, "R@100": 0.0})

    def test_perfect_run(self):
        s = scorer.score_query(["A", "B", "C"], Q1_QRELS)
        self.assertAlmostEqual(s["nDCG@10"], 1.0, places=12)
        self.assertAlmostEqual(s["MAP@100"], 1.0, places=12)

    def test_evaluate_skips_unjudged_queries(self):
        runs = {"q1": Q1_RUN, "q2": ["E"], "q3": ["F"]}
        qrels = {"q1": Q1_QRELS, "q2": {"E": 1}, "q3": {"F": 0}}
        means, per_query, n = scorer.evaluate(runs, qrels)
        self.assertEqual(n, 2)
        self.assertEqual(sorted(per_query), ["q1", "q2"])
        self.assertAlmostEqual(means["nDCG@10"], 0.825206, places=6)
        self.assertAlmostEqual(means["P@10"], 0.2, places=12)
        self.assertAlmostEqual(means["MAP@100"], 0.766667, places=6)
        self.assertAlmostEqual(means["R@100"], 1.0, places=12)

    def test_missing_run_counts_as_empty(self):
        means, _, n = scorer.evaluate({}, {"q1": {"A": 1}})
        self.assertEqual(n, 1)
        self.assertEqual(means["nDCG@10"], 0.0)


if __name__ == "__main__":
    unittest.main()
