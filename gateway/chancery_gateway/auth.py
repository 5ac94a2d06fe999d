"""Who is signed in, and protection of state-changing requests.

Browsers: the staff service opens a server-side session and returns its token; the
gateway keeps only that token (and the CSRF token) in the signed, HttpOnly, SameSite=Lax
cookie (Secure in production). Each request resolves the token with the staff service,
so a session ends for real at sign-out, at a password reset and when the employee is
deactivated. Each worker keeps the answers a few seconds, or a minute while the staff
service's news says nothing they are made of changed (chancery_common.identities,
identity_news.py): a change reaches every worker within about a second. Every unsafe request made
with the cookie must carry the session's CSRF token, in the ``X-CSRF-Token`` header (API,
htmx) or the ``csrf_token`` form field (plain forms).

Other systems: ``Authorization: Bearer <API token>``; no cookie, so no CSRF token; a
token without the ``write`` scope may only read.
"""
import functools
import hmac
import secrets
import threading
import time
from datetime import datetime

from flask import abort, g, redirect, request, session, url_for

from chancery_common import metrics
from chancery_common.errors import Unauthenticated

from . import idempotency, identity_news, rpc

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
# how long an identity is kept without news of the identity version (identity_news.py)
CACHE_SECONDS = 5.0
# how long while the news is fresh and says nothing it is made of has changed
CACHE_SECONDS_WITH_NEWS = 60.0


class _IdentityCache:
    """Token -> identity, so that a person's requests do not each ask staff.

    An identity is kept ``seconds``; up to ``seconds_with_news`` while the staff service's
    news of the identity version (chancery_common.identities) is fresh and not newer than the
    identity's own version; never past its ``valid_until``. Fresh news of a newer version
    ends it at once, however young. An identity that carries no version is kept seconds."""

    def __init__(self, seconds, size=10000, seconds_with_news=CACHE_SECONDS_WITH_NEWS, news=None):
        self.seconds, self.size, self.seconds_with_news = seconds, size, seconds_with_news
        self.news = news or identity_news.fresh_version
        self.entries = {}
        self.lock = threading.Lock()

    def get(self, key):
        """The identity kept for ``key``, or None; counted by outcome (metrics.IDENTITY_CACHE)."""
        with self.lock:
            entry = self.entries.get(key)
        if entry is None:
            metrics.IDENTITY_CACHE.labels("absent").inc()
            return None
        stored_at, valid_until, version, identity = entry
        age, heard = time.monotonic() - stored_at, self.news()
        if heard is not None and version is not None:
            missed = "changed" if version < heard else "aged" if age >= self.seconds_with_news else None
        else:  # no news, or an identity that carries no version: seconds only
            missed = "stale_news" if age >= self.seconds else None
        if missed is None and valid_until is not None and time.time() >= valid_until:
            missed = "ended"
        if missed is None:
            metrics.IDENTITY_CACHE.labels("hit").inc()
            return identity
        metrics.IDENTITY_CACHE.labels(missed).inc()
        with self.lock:
            if self.entries.get(key) is entry:
                del self.entries[key]
        return None

    def put(self, key, value):
        with self.lock:
            if len(self.entries) >= self.size:
                self.entries.clear()
            self.entries[key] = (time.monotonic(), _timestamp(value.get("valid_until")),
                                 value.get("identity_version"), value)

    def forget(self, key):
        with self.lock:
            self.entries.pop(key, None)


def _timestamp(text):
    try:
        return datetime.fromisoformat(text).timestamp() if text else None
    except (TypeError, ValueError):
        return 0.0  # not understood: not kept past now


_cache = _IdentityCache(CACHE_SECONDS)


def _resolve(method, token, generation=0):
    key = (method, token, generation)
    identity = _cache.get(key)
    if identity is None:
        identity = rpc.call("staff", method, token)
        # one who must enrol two-factor is asked afresh each time, so enrolling frees them at once
        if not identity.get("two_factor_enrolment_required"):
            _cache.put(key, identity)
    return identity


def client():
    """Where a sign-in comes from, for throttling and the audit log."""
    return {"ip": request.remote_addr, "user_agent": request.user_agent.string}


def authenticate(email, password):
    """Sign in with a password; returns the employee, or None when two-factor is on and a
    code must follow (``complete_second_factor``; the challenge waits in the cookie)."""
    result = rpc.call("staff", "sign_in", {"email": email, "password": password}, client())
    if result.get("second_factor_required"):
        session["challenge"] = result["challenge"]
        return None
    return _start(result)


def complete_second_factor(code):
    """The code after the password; returns the employee."""
    challenge = session.get("challenge")
    if not challenge:
        raise Unauthenticated("sign in with your e-mail and password first")
    return _start(rpc.call("staff", "complete_sign_in", {"challenge": challenge, "code": code}, client()))


def authenticate_external(issuer, claims):
    """Sign in as the person the OpenID provider vouched for (claims verified by oidc.py)."""
    return _start(rpc.call("staff", "sign_in_external", {"issuer": issuer, "claims": claims}, client()))


def _start(result):
    """A fresh session (nothing of the previous one survives); returns the employee."""
    previous = session.get("token")
    if previous:
        _end(previous)
    session.clear()
    session["token"] = result["session_token"]
    session["csrf"] = secrets.token_urlsafe(32)
    session.permanent = True
    g.identity, g.employee, g.via_token = result, result["employee"], False
    return result["employee"]


def sign_out():
    token = session.get("token")
    session.clear()
    g.employee = None
    if token:
        _end(token)


def forget_identity():
    """The signed-in session's identity changed (own settings, two-factor): no gateway worker
    or process may answer the next request from its cache. The session cookie carries a
    generation that is part of every cache key, so bumping it misses every worker's entry."""
    token = session.get("token")
    if token:
        _cache.forget(("resolve_session", token, session.get("identity_generation", 0)))
        session["identity_generation"] = session.get("identity_generation", 0) + 1


def _end(token):
    _cache.forget(("resolve_session", token, session.get("identity_generation", 0)))
    try:
        rpc.call("staff", "end_session", token)
    except rpc.ServiceUnavailable:
        pass  # the cookie no longer holds it; the session expires on its own


def current_employee():
    """The signed-in employee (from the session cookie or a bearer token), or None."""
    if "employee" in g:
        return g.employee
    g.identity, g.employee, g.via_token, g.scopes = None, None, False, ()
    header = request.headers.get("Authorization", "")
    if header.startswith("Bearer "):
        g.identity = _resolve("resolve_api_token", header[len("Bearer "):].strip())
        g.via_token, g.scopes = True, tuple(g.identity["scopes"])
    elif session.get("token"):
        try:
            g.identity = _resolve("resolve_session", session["token"], session.get("identity_generation", 0))
        except Unauthenticated:
            session.clear()
    g.employee = g.identity["employee"] if g.identity else None
    return g.employee


def actor():
    """The signed-in employee as services expect it with every call."""
    employee = current_employee()
    return {"id": employee["id"], "roles": employee["roles"],
            "department_id": employee["department_id"], "full_name": employee["full_name"],
            "permissions": g.identity["permissions"],
            "visible_department_ids": g.identity["visible_department_ids"],
            "acting_for": g.identity.get("acting_for", [])}


def csrf_token():
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


def check_csrf():
    """Refuse an unsafe request whose CSRF token is missing or wrong (cookie sessions only)."""
    if request.method in SAFE_METHODS:
        return
    if g.get("via_token"):
        if "write" not in g.scopes:
            abort(403, description="this API token may only read (it lacks the write scope)")
        return
    sent = request.headers.get("X-CSRF-Token") or request.form.get("csrf_token") or ""
    expected = session.get("csrf") or ""
    if not expected or not hmac.compare_digest(sent, expected):
        abort(403, description="missing or wrong CSRF token: send the X-CSRF-Token header")


def enrolment_pending():
    """The sign-in policy requires two-factor of this password session, not enrolled yet:
    only enrolling (and signing out) is allowed until it is done."""
    return bool(not g.get("via_token") and g.identity and g.identity.get("two_factor_enrolment_required"))


def require_api_session(enrolling=False, session_only=False):
    """``before_request`` of the API blueprints that need a signed-in employee."""
    if current_employee() is None:
        abort(401, description="sign in first: POST /api/v1/auth/login, or send a bearer token")
    if session_only and g.via_token:
        abort(403, description="this takes a signed-in session (POST /api/v1/auth/login), not an API token")
    check_csrf()
    if not enrolling and enrolment_pending():
        abort(403, description="the sign-in policy requires two-factor sign-in of your roles: enrol first "
                               "(POST /api/v1/auth/two-factor/enrolment)")
    g.actor = actor()
    return idempotency.begin()  # a response (a replay) ends the request here


def api_login_required(view=None, *, enrolling=False, session_only=False):
    """A signed-in employee; ``enrolling=True`` also lets in one who must still enrol two-factor,
    ``session_only=True`` refuses API tokens (one's own credentials)."""
    def decorate(view):
        @functools.wraps(view)
        def wrapper(*args, **kwargs):
            return require_api_session(enrolling=enrolling, session_only=session_only) or view(*args, **kwargs)
        return wrapper
    return decorate(view) if view is not None else decorate


def page_login_required(view=None, *, enrolling=False):
    def decorate(view):
        @functools.wraps(view)
        def wrapper(*args, **kwargs):
            if current_employee() is None:
                return redirect(url_for("web.login", next=request.full_path.rstrip("?")))
            check_csrf()
            if not enrolling and enrolment_pending():
                return redirect(url_for("web.account_two_factor"))
            g.actor = actor()
            return idempotency.begin() or view(*args, **kwargs)
        return wrapper
    return decorate(view) if view is not None else decorate


def require_permission(permission):
    """Refuse (403) unless the signed-in employee's roles grant the permission."""
    if permission not in g.actor["permissions"]:
        abort(403, description=f"your roles do not allow this ({permission})")
