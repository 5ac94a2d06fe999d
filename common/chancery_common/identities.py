"""News of signed-in identities: how a gateway keeps who is signed in for a minute, not seconds.

Every request of a signed-in employee needs their identity (who they are, their permissions,
the departments they see, for whom they deputise): the staff service works it out from its
tables, eight queries and a bus round trip. A gateway worker keeps it a few seconds
(``CACHE_SECONDS`` in gateway/chancery_gateway/auth.py), which spares a page's parallel
requests, but staff who read, think and click a few seconds apart are worked out afresh
almost every time.

The identity version says whether a kept identity still holds. The staff service keeps one
number (``identity_version``, its migration 0016) that statement-level triggers raise in the
same transaction as any change an identity is made of: an employee, a department, a role's
permissions, an absence and its deputy, a second factor, the sign-in policy, a directory
link, an ended session, a revoked API token or calendar address. Whoever makes the change
(any replica, a migration, an administrator's SQL) raises it; a reader that sees the change
sees the new number. An identity carries the number read **before** anything else of it:
an identity made of data older than a change always carries a number older than it.

Every ``HEARTBEAT_SECONDS`` each staff replica publishes the current number on the fanout
exchange ``EXCHANGE`` (transient messages that expire: news is worth nothing later). Each
gateway worker listens on a queue of its own and keeps an identity for up to a minute while
the news is fresh (heard within ``FRESH_SECONDS``) and the identity's number is not older
than the newest heard: a change reaches every worker within about a second. When the news
stops (the bus or every staff replica down, a listener broken), the workers fall back to a
few seconds, as without it. An identity also says until when it holds whatever the tables
say (``valid_until``: the session's expiry, the next local midnight for deputies).
"""
from kombu import Exchange

EXCHANGE = Exchange("chancery.identities", type="fanout", durable=True)
HEARTBEAT_SECONDS = 1.0
# news older than this is not news: the listener lost the bus or staff stopped publishing
FRESH_SECONDS = 3.0
# a heartbeat nobody received in this time is dropped by the broker
EXPIRES_SECONDS = FRESH_SECONDS


def news(version):
    """The heartbeat's body."""
    return {"identity_version": int(version)}


def version_of(body):
    """The version a heartbeat tells, or None for a body that is not one."""
    try:
        return int(body["identity_version"])
    except (TypeError, KeyError, ValueError):
        return None
