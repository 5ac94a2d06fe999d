"""Who is signed in, and protection of state-changing requests.

The session cookie (signed, HttpOnly, SameSite=Lax, Secure in production) holds the
employee the staff service authenticated. Every unsafe request made with that cookie
must carry the session's CSRF token, in the ``X-CSRF-Token`` header (API, htmx) or the
``csrf_token`` form field (plain forms).
"""
import functools
import hmac
import secrets

from flask import abort, g, redirect, request, session, url_for

from . import rpc

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
SESSION_FIELDS = ("id", "full_name", "email", "roles", "department_id", "locale")


def sign_in(employee):
    """Start a fresh session for the employee (nothing of the previous one survives)."""
    session.clear()
    session["employee"] = {key: employee.get(key) for key in SESSION_FIELDS}
    session["csrf"] = secrets.token_urlsafe(32)
    session.permanent = True


def sign_out():
    session.clear()


def current_employee():
    return session.get("employee")


def actor():
    """The signed-in employee as services expect it with every call."""
    employee = current_employee()
    return {"id": employee["id"], "roles": employee["roles"],
            "department_id": employee["department_id"], "full_name": employee["full_name"]}


def csrf_token():
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


def check_csrf():
    """Refuse an unsafe request whose CSRF token is missing or wrong."""
    if request.method in SAFE_METHODS:
        return
    sent = request.headers.get("X-CSRF-Token") or request.form.get("csrf_token") or ""
    expected = session.get("csrf") or ""
    if not expected or not hmac.compare_digest(sent, expected):
        abort(403, description="missing or wrong CSRF token: send the X-CSRF-Token header")


def authenticate(email, password):
    employee = rpc.call("staff", "authenticate", {"email": email, "password": password})
    sign_in(employee)
    return employee


def require_api_session():
    """``before_request`` of the API blueprints that need a signed-in employee."""
    if current_employee() is None:
        abort(401, description="sign in first: POST /api/v1/auth/login")
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
