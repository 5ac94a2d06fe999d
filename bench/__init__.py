"""Benchmarks of Chancery's hot paths against the floors they are built on.

``python -m bench`` starts a private copy of the system, measures, prints a table and
writes ``bench/results/latest.json``; see docs/benchmarks.md.
"""
