"""The benchmark's statistics: percentiles, summaries and verdicts (python -m bench)."""
import random
import statistics

import pytest

from bench.stats import percentile, ratio, summarise, verdict


def test_percentile_interpolates_between_ranks():
    samples = [10, 20, 30, 40]
    assert percentile(samples, 0) == 10
    assert percentile(samples, 50) == 25
    assert percentile(samples, 95) == pytest.approx(38.5)
    assert percentile(samples, 100) == 40
    assert percentile(list(range(1, 102)), 95) == 96


def test_percentile_agrees_with_the_standard_library():
    samples = [random.Random(7).expovariate(1.0) for _ in range(1001)]
    quantiles = statistics.quantiles(samples, n=100, method="inclusive")
    for q in (5, 50, 95, 99):
        assert percentile(samples, q) == pytest.approx(quantiles[q - 1])


def test_percentile_ignores_order_and_refuses_nonsense():
    assert percentile([3, 1, 2], 50) == 2
    assert percentile([5], 95) == 5
    with pytest.raises(ValueError):
        percentile([], 50)
    with pytest.raises(ValueError):
        percentile([1], 101)


def test_summary_is_in_milliseconds():
    summary = summarise([0.001, 0.002, 0.003, 0.010])
    assert summary["count"] == 4
    assert summary["median_ms"] == pytest.approx(2.5)
    assert summary["p95_ms"] == pytest.approx(8.95)
    assert summary["mean_ms"] == pytest.approx(4.0)
    assert (summary["min_ms"], summary["max_ms"]) == pytest.approx((1.0, 10.0))


def test_ratio_and_verdicts():
    assert ratio(5.0, 2.0) == 2.5
    assert ratio(1.0, 0) == float("inf")
    assert verdict(2.5, at_most=2.5) == "PASS"
    assert verdict(2.51, at_most=2.5) == "FAIL"
    assert verdict(0.25, at_least=0.25) == "PASS"
    assert verdict(0.2, at_least=0.25) == "FAIL"
    with pytest.raises(ValueError):
        verdict(1.0)
