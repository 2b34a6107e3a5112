"""Relevance evaluation for Pressdex: test collections, peers and a scorer.

Used by bench/relevance; kept free of any Pressdex build detail so the
scorer can be tested on its own (bench/relevance --self-test).
"""
