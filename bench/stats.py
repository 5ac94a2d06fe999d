"""Summaries of measured samples, and verdicts against targets."""
import math
import statistics


def percentile(samples, q):
    """The q-th percentile (0-100), linearly interpolated between the closest ranks.

    The same definition as ``statistics.quantiles(method="inclusive")`` and numpy's
    default, so the numbers can be checked with either.
    """
    if not samples:
        raise ValueError("no samples")
    if not 0 <= q <= 100:
        raise ValueError(f"percentile {q} is outside 0-100")
    ordered = sorted(samples)
    position = (len(ordered) - 1) * q / 100
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summarise(seconds):
    """Latency samples in seconds as milliseconds: count, median, p95, mean, min, max."""
    ms = [value * 1000 for value in seconds]
    return {
        "count": len(ms),
        "median_ms": statistics.median(ms),
        "p95_ms": percentile(ms, 95),
        "mean_ms": statistics.fmean(ms),
        "min_ms": min(ms),
        "max_ms": max(ms),
    }


def ratio(numerator, denominator):
    return numerator / denominator if denominator else math.inf


def verdict(value, *, at_most=None, at_least=None):
    """PASS when ``value`` is within the one bound given, else FAIL."""
    if (at_most is None) == (at_least is None):
        raise ValueError("give exactly one of at_most and at_least")
    ok = value <= at_most if at_most is not None else value >= at_least
    return "PASS" if ok else "FAIL"
