"""Who is signed in, and protection of state-changing requests.

Browsers: the staff service opens a server-side session and returns its token; the
gateway keeps only that token (and the CSRF token) in the signed, HttpOnly, SameSite=Lax
cookie (Secure in production). Each request resolves the token with the staff service,
so a session ends for real at sign-out, at a password reset and when the employee is
deactivated; answers are cached for a few seconds per worker. Every unsafe request made
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

from flask import abort, g, redirect, request, session, url_for

from chancery_common.errors import Unauthenticated

from . import rpc

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
CACHE_SECONDS = 5.0


class _IdentityCache:
    """Token -> identity for a few seconds, so a page's requests do not each ask staff."""

    def __init__(self, seconds, size=10000):
        self.seconds, self.size = seconds, size
        self.entries = {}
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            entry = self.entries.get(key)
            if entry and entry[0] > time.monotonic():
                return entry[1]
            self.entries.pop(key, None)
            return None

    def put(self, key, value):
        with self.lock:
            if len(self.entries) >= self.size:
                self.entries.clear()
            self.entries[key] = (time.monotonic() + self.seconds, value)

    def forget(self, key):
        with self.lock:
            self.entries.pop(key, None)


_cache = _IdentityCache(CACHE_SECONDS)


def _resolve(method, token):
    key = (method, token)
    identity = _cache.get(key)
    if identity is None:
        identity = rpc.call("staff", method, token)
        _cache.put(key, identity)
    return identity


def authenticate(email, password):
    """Sign in: a fresh session (nothing of the previous one survives); returns the employee."""
    result = rpc.call("staff", "sign_in", {"email": email, "password": password},
                      {"ip": request.remote_addr, "user_agent": request.user_agent.string})
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
    """Drop this worker's cached identity of the signed-in session (after it changed)."""
    token = session.get("token")
    if token:
        _cache.forget(("resolve_session", token))


def _end(token):
    _cache.forget(("resolve_session", token))
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
            g.identity = _resolve("resolve_session", session["token"])
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


def require_api_session():
    """``before_request`` of the API blueprints that need a signed-in employee."""
    if current_employee() is None:
        abort(401, description="sign in first: POST /api/v1/auth/login, or send a bearer token")
    check_csrf()
    g.actor = actor()


def api_login_required(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        require_api_session()
        return view(*args, **kwargs)
    return wrapper


def page_login_required(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        if current_employee() is None:
            return redirect(url_for("web.login", next=request.full_path.rstrip("?")))
        check_csrf()
        g.actor = actor()
        return view(*args, **kwargs)
    return wrapper


def require_permission(permission):
    """Refuse (403) unless the signed-in employee's roles grant the permission."""
    if permission not in g.actor["permissions"]:
        abort(403, description=f"your roles do not allow this ({permission})")
