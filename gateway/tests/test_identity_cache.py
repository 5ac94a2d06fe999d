"""The gateway's identity cache (auth.py) with the staff service's news of the identity version
(identity_news.py, chancery_common.identities): kept seconds without news, a minute with fresh
news that says nothing changed, ended at once by news of a change, never past ``valid_until``,
each lookup counted by why it missed; and the listener hearing the news on the real bus."""
import time
from datetime import datetime, timedelta, timezone

import pytest
from kombu import Connection
from prometheus_client import REGISTRY

from chancery_common import identities
from chancery_gateway import identity_news
from chancery_gateway.auth import _IdentityCache


class News:
    version = None  # what identity_news.fresh_version would say: None when not fresh

    def __call__(self):
        return self.version


def identity(version=None, valid_until=None):
    return {"employee": {"id": "e1"}, "identity_version": version,
            "valid_until": valid_until.isoformat() if valid_until else None}


def test_without_news_an_identity_is_kept_seconds():
    news = News()
    cache = _IdentityCache(0.2, seconds_with_news=60, news=news)
    cache.put("k", identity(version=5))
    assert cache.get("k")["identity_version"] == 5
    time.sleep(0.3)
    assert cache.get("k") is None


def test_with_fresh_news_of_the_same_version_it_is_kept_past_the_seconds():
    news = News()
    news.version = 5
    cache = _IdentityCache(0.2, seconds_with_news=60, news=news)
    cache.put("k", identity(version=5))
    time.sleep(0.3)
    assert cache.get("k") is not None
    news.version = None  # the news stopped: seconds again
    assert cache.get("k") is None


def test_news_of_a_newer_version_ends_it_at_once():
    news = News()
    news.version = 5
    cache = _IdentityCache(10, seconds_with_news=60, news=news)
    cache.put("k", identity(version=5))
    news.version = 6
    assert cache.get("k") is None
    cache.put("k", identity(version=7))  # made after a change the heartbeat has not told yet
    assert cache.get("k") is not None


def test_an_identity_without_a_version_is_kept_seconds_only():
    news = News()
    news.version = 5
    cache = _IdentityCache(0.2, seconds_with_news=60, news=news)
    cache.put("k", identity(version=None))
    assert cache.get("k") is not None
    time.sleep(0.3)
    assert cache.get("k") is None


def test_never_past_valid_until():
    news = News()
    news.version = 5
    cache = _IdentityCache(10, seconds_with_news=60, news=news)
    cache.put("k", identity(version=5, valid_until=datetime.now(timezone.utc) + timedelta(seconds=0.2)))
    assert cache.get("k") is not None
    time.sleep(0.3)
    assert cache.get("k") is None
    cache.put("k", {**identity(version=5), "valid_until": "not a time"})
    assert cache.get("k") is None


def outcomes():
    return {outcome: REGISTRY.get_sample_value("chancery_identity_cache_total", {"outcome": outcome}) or 0.0
            for outcome in ("hit", "absent", "aged", "stale_news", "changed", "ended")}


def test_each_lookup_is_counted_by_why_it_missed():
    news = News()
    news.version = 5
    cache = _IdentityCache(0.2, seconds_with_news=0.4, news=news)
    before = outcomes()
    assert cache.get("k") is None  # absent
    cache.put("k", identity(version=5))
    assert cache.get("k") is not None  # hit
    time.sleep(0.25)
    assert cache.get("k") is not None  # past its seconds, kept by the fresh news: hit
    news.version = None
    assert cache.get("k") is None  # stale_news
    cache.put("k", identity(version=5))
    news.version = 6
    assert cache.get("k") is None  # changed
    cache.put("k", identity(version=6))
    time.sleep(0.45)
    assert cache.get("k") is None  # aged
    cache.put("k", identity(version=6, valid_until=datetime.now(timezone.utc) - timedelta(seconds=1)))
    assert cache.get("k") is None  # ended
    after = outcomes()
    assert {outcome: after[outcome] - before[outcome] for outcome in after} == {
        "hit": 2, "absent": 1, "aged": 1, "stale_news": 1, "changed": 1, "ended": 1}


def tell(amqp_uri, version):
    with Connection(amqp_uri) as connection, connection.Producer(serializer="json") as producer:
        producer.publish(identities.news(version), exchange=identities.EXCHANGE, routing_key="",
                         declare=[identities.EXCHANGE], expiration=identities.EXPIRES_SECONDS)


def wait_until(condition, seconds=5):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def listener(rabbitmq, monkeypatch):
    monkeypatch.setattr(identities, "FRESH_SECONDS", 0.5)
    started = identity_news.Listener(rabbitmq).start()
    yield started
    started.stop()


def test_the_listener_keeps_the_highest_version_while_it_hears_news(rabbitmq, listener):
    assert not listener.fresh()
    assert wait_until(lambda: (tell(rabbitmq, 41), listener.fresh())[1])
    tell(rabbitmq, 42)
    assert wait_until(lambda: listener.heard_version == 42)
    tell(rabbitmq, 40)  # a replica that read the number a moment earlier
    time.sleep(0.2)
    assert listener.heard_version == 42 and listener.fresh()
    time.sleep(0.6)  # nothing heard since: stale
    assert not listener.fresh()


def test_a_listener_without_a_bus_is_never_fresh():
    unreachable = identity_news.Listener("pyamqp://guest:guest@127.0.0.1:1//").start()
    try:
        time.sleep(0.3)
        assert not unreachable.fresh() and unreachable.heard_version is None
    finally:
        unreachable.stop()
