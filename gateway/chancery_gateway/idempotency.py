"""Retry-safe writes: the ``Idempotency-Key`` request header (IETF httpapi draft).

A client that may send an unsafe request twice (a retry after a timeout, a double click)
names the attempt with a key. The gateway keeps one row per signed-in principal (an
employee's session, or an API token) and key in its own database (``chancery_gateway``,
``gateway/migrations``):

* the row is inserted *in flight* before the request runs, with the request's fingerprint
  (method, path, query, body) and a lease; a second request with that key meanwhile gets
  409 (a web form waits for the first and is answered with its result);
* a known outcome is stored: a success (< 400) is replayed for every retry with the same
  fingerprint (status, body, ``Location``/htmx headers, plus ``Idempotent-Replayed: true``);
  a 4xx changed nothing, so the row is dropped and the key may be used again (a corrected
  form keeps its key); the same key with another fingerprint is 422;
* an unknown outcome (5xx: a service that did not answer in time may still have written)
  leaves the row *open*: a retry with the same fingerprint runs again, carrying the same
  attempt id to the services (``actor["idempotency_key"]``), which store it with the record
  they create and, seeing it again, answer with that record instead of a second one;
* a crash leaves the row in flight until its lease ends; rows expire ``IDEMPOTENCY_TTL_SECONDS``
  after their first use (24 h by default; after that the key counts as new) and are swept
  by whichever worker next handles a keyed request once ``IDEMPOTENCY_SWEEP_SECONDS`` passed.

Without a configured database (the gateway's unit tests) the header is ignored.
"""
import hashlib
import logging
import re
import time
import uuid
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone

from flask import abort, g, make_response, request
from flask_babel import gettext
from sqlalchemy import (
    Column, DateTime, Integer, LargeBinary, MetaData, String, Table, UniqueConstraint, delete, func, select, update,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.dialects.postgresql import insert as pg_insert

from chancery_common.database import make_engine, unavailable_database
from chancery_common.errors import Unavailable

log = logging.getLogger(__name__)

HEADER = "Idempotency-Key"
FORM_FIELD = "idempotency_key"  # what the pages' script adds to every POST form
REPLAYED_HEADER = "Idempotent-Replayed"
KEY_PATTERN = r"^[!-~]{1,255}$"  # visible ASCII, as the OpenAPI documents it (so schema-driven clients obey)
UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
KEPT_HEADERS = ("Content-Type", "Location", "Content-Disposition", "HX-Redirect", "HX-Location", "HX-Refresh",
                "HX-Trigger", "HX-Retarget", "HX-Reswap", "HX-Push-Url")
MAX_STORED_BODY = 1024 * 1024
STREAMED_TYPES = ("multipart/form-data", "application/octet-stream")  # bodies sent on, never read whole

metadata = MetaData()
keys = Table(
    "idempotency_keys", metadata,
    # the attempt's id: passed to the services, new when an expired key is used again
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("principal", String(100), nullable=False),
    Column("key", String(255), nullable=False),
    Column("fingerprint", String(64), nullable=False),
    Column("method", String(10), nullable=False),
    Column("path", String(2000), nullable=False),
    Column("state", String(10), nullable=False),  # in_flight, open (outcome unknown), done
    Column("locked_until", DateTime(timezone=True)),
    Column("status", Integer),
    Column("headers", JSONB),
    Column("body", LargeBinary),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False, index=True),
    UniqueConstraint("principal", "key", name="uq_idempotency_keys_principal_key"),
)


class Store:
    """The keys' table, and when the rows expire and are swept."""

    def __init__(self, url, *, ttl_seconds, sweep_seconds):
        self.engine = make_engine(url, pool_size=2, max_overflow=6)  # held only to claim and to finish
        self.ttl = timedelta(seconds=ttl_seconds)
        self.sweep_every = sweep_seconds
        self.next_sweep = 0.0

    def claim(self, *, principal, key, fingerprint, lease_seconds):
        """Take the key for this request: ("run", id), ("replay", row), ("busy", row) or
        ("mismatch", row)."""
        now = datetime.now(timezone.utc)
        fresh = {"id": uuid.uuid4(), "fingerprint": fingerprint, "method": request.method,
                 "path": request.full_path.rstrip("?")[:2000], "state": "in_flight",
                 "locked_until": now + timedelta(seconds=lease_seconds), "status": None, "headers": None,
                 "body": None, "created_at": now, "expires_at": now + self.ttl}
        new_row = (pg_insert(keys).values(principal=principal, key=key, **fresh)
                   .on_conflict_do_nothing(constraint="uq_idempotency_keys_principal_key").returning(keys.c.id))
        with self.engine.begin() as connection:
            if connection.execute(new_row).first():
                return "run", fresh["id"]
            row = connection.execute(select(keys).where(keys.c.principal == principal, keys.c.key == key)
                                     .with_for_update()).first()
            if row is None:  # swept a moment ago: the key is new again (unless another took it)
                return ("run", fresh["id"]) if connection.execute(new_row).first() else ("busy", None)
            if row.expires_at <= now:  # an old use of the key: this is a new attempt
                connection.execute(update(keys).where(keys.c.id == row.id).values(**fresh))
                return "run", fresh["id"]
            if row.fingerprint != fingerprint:
                return "mismatch", row
            if row.state == "done":
                return "replay", row
            if row.state == "in_flight" and row.locked_until and row.locked_until > now:
                return "busy", row
            # open (the last attempt's outcome is unknown) or a lease that ended: run again,
            # under the same attempt id, so the services recognise what it may have written
            connection.execute(update(keys).where(keys.c.id == row.id).values(
                state="in_flight", locked_until=fresh["locked_until"]))
            return "run", row.id

    def finish(self, attempt_id, response):
        """Store the outcome the client was answered with (see the module's text)."""
        with self.engine.begin() as connection:
            by_id = keys.c.id == attempt_id
            if response is None or response.status_code >= 500:
                connection.execute(update(keys).where(by_id).values(state="open", locked_until=None))
            elif response.status_code >= 400 or not _storable(response):
                connection.execute(delete(keys).where(by_id))
            else:
                kept = {name: response.headers[name] for name in KEPT_HEADERS if name in response.headers}
                connection.execute(update(keys).where(by_id).values(
                    state="done", locked_until=None, status=response.status_code, headers=kept,
                    body=response.get_data()))

    def forget_answers_mentioning(self, needle):
        """Drop the stored answers that hold ``needle`` (an erased person's id): their rows
        become open, so a retry runs again and gets what the services answer now."""
        with self.engine.begin() as connection:
            connection.execute(update(keys).where(
                keys.c.state == "done", func.position(func.convert_to(needle, "UTF8").op("IN")(keys.c.body)) > 0,
            ).values(state="open", status=None, headers=None, body=None))

    def sweep_if_due(self):
        """Delete the expired rows, at most once per ``sweep_every`` seconds in this worker."""
        if time.monotonic() < self.next_sweep:
            return
        self.next_sweep = time.monotonic() + self.sweep_every
        with self.engine.begin() as connection:
            swept = connection.execute(delete(keys).where(keys.c.expires_at <= datetime.now(timezone.utc)))
        if swept.rowcount:
            log.info("swept %d expired idempotency keys", swept.rowcount)


def _storable(response):
    return not response.is_streamed and (response.content_length or 0) <= MAX_STORED_BODY \
        and len(response.get_data()) <= MAX_STORED_BODY


_config = {"store": None, "wait_seconds": 10.0, "lease_seconds": 60.0, "upload_lease_seconds": 360.0}


def register(app, settings):
    """Open the store (when the gateway has a database) and store each outcome after the request."""
    if settings.database_url:
        _config["store"] = Store(settings.database_url, ttl_seconds=settings.idempotency_ttl_seconds,
                                 sweep_seconds=settings.idempotency_sweep_seconds)
    # a request runs a few calls: the lease outlives them, so only a crashed attempt's row waits for it
    _config["lease_seconds"] = 3 * settings.rpc_timeout + 30
    _config["upload_lease_seconds"] = settings.upload_timeout + settings.rpc_timeout + 30
    _config["wait_seconds"] = 2 * settings.rpc_timeout + 5

    @app.after_request
    def store_outcome(response):
        attempt = g.pop("idempotency_attempt", None)
        if attempt is not None:
            try:
                _config["store"].finish(attempt, response)
            except SQLAlchemyError:  # the answer stands; the row stays in flight until its lease ends
                log.exception("could not store the outcome of a request with an Idempotency-Key")
        return response

    @app.teardown_request
    def leave_open(exc):
        attempt = g.pop("idempotency_attempt", None)
        if attempt is not None:  # failed before an answer was made: the outcome is unknown
            try:
                _config["store"].finish(attempt, None)
            except SQLAlchemyError:
                log.exception("could not release the idempotency key of a failed request")


def forget_answers_mentioning(needle):
    """After a contact person's erasure: no stored answer keeps their personal data."""
    if _config["store"] is not None:
        _config["store"].forget_answers_mentioning(str(needle))


def requested_key():
    """The request's key: the header, or (a page's form submitted without htmx, which sends the
    header) the hidden field; None without one."""
    raw = request.headers.get(HEADER)
    if raw is None and not request.path.startswith("/api/") and "HX-Request" not in request.headers \
            and request.mimetype == "application/x-www-form-urlencoded":
        raw = request.form.get(FORM_FIELD) or None
    if raw is None:
        return None
    key = raw.strip()
    if len(key) >= 2 and key[0] == key[-1] == '"':  # the draft's form: a structured-field string
        key = key[1:-1]
    if not re.fullmatch(KEY_PATTERN.strip("^$"), key):
        abort(400, description=f"{HEADER}: give 1 to 255 visible ASCII characters (a UUID, say)")
    return key


def fingerprint():
    """What identifies the request besides its key: method, path, query and body. A body sent
    on as it arrives (an upload) counts by its type and length: it is never read whole here."""
    digest = hashlib.sha256()
    for part in (request.method, request.path, request.query_string.decode("latin-1"), request.mimetype):
        digest.update(part.encode() + b"\0")
    if request.mimetype in STREAMED_TYPES:
        digest.update(str(request.content_length).encode())
    elif request.mimetype == "application/x-www-form-urlencoded" and not request.path.startswith("/api/"):
        # a page's form: the same form sent again differs in nothing that matters but its CSRF token
        form = sorted((name, value) for name, value in request.form.items(multi=True) if name != "csrf_token")
        digest.update(repr(form).encode())
    else:
        digest.update(request.get_data(cache=True))
    return digest.hexdigest()


@contextmanager
def _store_unavailable_is_503():
    """The gateway's database down (restarting, unreachable, no pooled connection free) is an
    outage like any other: 503 with Retry-After (errors.py), the request not run."""
    try:
        yield
    except SQLAlchemyError as exc:
        if not unavailable_database(exc):
            raise
        log.warning("the %s store did not answer: %s", HEADER, exc)
        raise Unavailable(f"the gateway cannot reach its store of {HEADER}s; try again shortly",
                          {"service": "gateway", "dependency": "database"}) from exc


def begin():
    """Called once the principal is known (after authentication, before the view): run the
    request under its key, or answer it from the key's row. Returns a response or None."""
    store = _config["store"]
    if store is None or request.method not in UNSAFE_METHODS:
        return None
    key = requested_key()
    if key is None:
        return None
    principal = f"token:{g.identity['token_id']}" if g.get("via_token") else f"employee:{g.employee['id']}"
    lease = _config["upload_lease_seconds"] if request.mimetype in STREAMED_TYPES else _config["lease_seconds"]
    is_page = not request.path.startswith("/api/")
    signature = fingerprint()
    deadline = time.monotonic() + _config["wait_seconds"]
    with _store_unavailable_is_503():
        store.sweep_if_due()
    while True:
        with _store_unavailable_is_503():
            outcome, found = store.claim(principal=principal, key=key, fingerprint=signature, lease_seconds=lease)
        # a page's second submit waits for the first and shows its result; an API client is told at once
        if outcome != "busy" or not is_page or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    if outcome == "run":
        g.idempotency_attempt = found
        g.actor["idempotency_key"] = str(found)
        return None
    if outcome == "replay":
        response = make_response(found.body, found.status)
        response.headers.clear()
        response.headers.update(found.headers or {})
        response.headers[REPLAYED_HEADER] = "true"
        return response
    if outcome == "busy":
        abort(409, description=gettext("This form is still being sent: wait a moment and open the page again.")
              if is_page else f"a request with this {HEADER} is still being processed: retry later")
    abort(422, description=gettext("This form was already sent with other values: open the page again.")
          if is_page else f"this {HEADER} was used for a different request (another method, path or body): "
                          "use a new key for a new request")


def describe_in_openapi(spec, *, exempt_paths=()):
    """Document the header, its 409 and 422 answers and the replay header on every unsafe
    operation (but ``exempt_paths``: signing in and out, which have no principal yet)."""
    error = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
    spec.components.parameter("IdempotencyKey", "header", {
        "name": HEADER, "required": False,
        "description": "Makes the request retry-safe (IETF httpapi draft \"The Idempotency-Key HTTP Header "
                       "Field\"): a retry with the same key and body is answered with the first success "
                       f"(`{REPLAYED_HEADER}: true`) instead of running again; keys belong to the signed-in "
                       "employee or API token and expire after 24 hours. See docs/api.md.",
        "schema": {"type": "string", "minLength": 1, "maxLength": 255, "pattern": KEY_PATTERN},
    })
    spec.components.response("IDEMPOTENCY_IN_FLIGHT", {
        "description": f"A request with the same {HEADER} is still being processed (or the resource is "
                       "in a state that does not allow this)", "content": error})
    spec.components.response("UNPROCESSABLE_ENTITY_OR_KEY_REUSED", {
        "description": f"Invalid input, or the {HEADER} was used before for a different request", "content": error})
    for path, operations in spec._paths.items():  # apispec keeps no public way to amend an operation
        if path in exempt_paths:
            continue
        for method, operation in operations.items():
            if method not in ("post", "put", "patch", "delete"):
                continue
            operation.setdefault("parameters", []).append({"$ref": "#/components/parameters/IdempotencyKey"})
            responses = operation.setdefault("responses", {})
            if "409" in responses and "$ref" not in responses["409"]:
                responses["409"]["description"] = (responses["409"].get("description", "Conflict")
                                                   + f"; or a request with the same {HEADER} is still in flight")
            elif "409" not in responses:
                responses["409"] = {"$ref": "#/components/responses/IDEMPOTENCY_IN_FLIGHT"}
            responses["422"] = {"$ref": "#/components/responses/UNPROCESSABLE_ENTITY_OR_KEY_REUSED"}
