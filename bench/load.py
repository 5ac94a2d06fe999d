"""Closed-loop HTTP load: N client threads, each on its own keep-alive connection.

http.client rather than requests: it costs the client a fraction of the CPU per request,
and on a two-core machine the client shares the cores with the system it measures.
"""
import http.client
import itertools
import threading
import time
from urllib.parse import urlsplit


def run(base_url, path, *, clients, seconds, max_requests, headers=None):
    """Load ``path`` for ``seconds`` or ``max_requests`` requests, whichever ends first,
    each request with ``headers`` (a session cookie, say).

    Returns ``{"ok", "errors", "elapsed_s", "latencies"}``; latencies are seconds of the
    successful requests.
    """
    url = urlsplit(base_url)
    issued = itertools.count()  # next() on it is atomic under the GIL
    start = threading.Barrier(clients + 1)
    results = [None] * clients

    def client(index):
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
        latencies, errors = [], 0
        start.wait()
        deadline = time.monotonic() + seconds
        while next(issued) < max_requests and time.monotonic() < deadline:
            began = time.perf_counter()
            try:
                connection.request("GET", path, headers=headers or {})
                response = connection.getresponse()
                response.read()
            except (OSError, http.client.HTTPException):
                errors += 1
                connection.close()  # reconnects on the next request
                continue
            if response.status == 200:
                latencies.append(time.perf_counter() - began)
            else:
                errors += 1
        connection.close()
        results[index] = (latencies, errors)

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    latencies = [value for found, _ in results for value in found]
    return {"ok": len(latencies), "errors": sum(errors for _, errors in results),
            "elapsed_s": elapsed, "latencies": latencies}


def measure(base_url, paths, *, clients, seconds, max_requests, rounds=2, warmup_seconds=2, headers=None):
    """Requests per second for each named path, measured in alternating rounds.

    Each round gives every path the same time; totals over the rounds give the rate.
    """
    for path in paths.values():
        run(base_url, path, clients=clients, seconds=warmup_seconds, max_requests=max_requests, headers=headers)
    totals = {name: {"ok": 0, "errors": 0, "elapsed_s": 0.0, "latencies": []} for name in paths}
    for _ in range(rounds):
        for name, path in paths.items():
            result = run(base_url, path, clients=clients, seconds=seconds / rounds,
                         max_requests=max_requests // rounds, headers=headers)
            for key in ("ok", "errors", "elapsed_s", "latencies"):
                totals[name][key] += result[key]
    return totals
