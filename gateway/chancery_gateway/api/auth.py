"""Signing in and out, and two-factor sign-in."""
from flask import Response, g, jsonify, url_for
from .blueprint import Blueprint

from .. import auth, rpc, two_factor
from .schemas.auth import (
    CodeSchema, LoginSchema, PasswordChangeSchema, RecoveryCodesSchema, SessionSchema, TwoFactorEnrolmentSchema,
    TwoFactorStatusSchema
)

blp = Blueprint("auth", __name__, url_prefix="/api/v1/auth",
                description="Sessions: sign in (password, then the two-factor code when it is on), who am I, "
                            "sign out, two-factor enrolment. These take the session cookie, not API tokens.")


@blp.route("/login", methods=["POST"])
@blp.doc(security=[])
@blp.arguments(LoginSchema)
@blp.response(200, SessionSchema)
@blp.alt_response(403, description="Refused: sign-in with a password is turned off by the "
                                   "sign-in policy (`reason` `passwords_off`), or the directory accepted the "
                                   "password but Chancery does not (`reason` `unknown_employee`, `dismissed`, "
                                   "`disabled`).")
def login(credentials):
    """Sign in with e-mail and password; sets the session cookie and returns the CSRF token.

    When an administrator has turned password sign-in off (`PUT /api/v1/settings/sign-in-policy`,
    `password_sign_in: false`), the answer is 403 with `reason` `passwords_off` before the
    password is looked at, for everyone but the break-glass administrator: sign in through the
    holding's provider instead (directory accounts still sign in with the directory's password).

    With the holding's LDAP directory enabled, `email` may be the directory's user name too, and
    a directory-managed account's password is checked by the directory (bound as the user);
    403 with `reason` `unknown_employee`, `dismissed` or `disabled` when the directory accepted
    the password but Chancery does not; 503 when the directory cannot be reached.

    With two-factor on, the answer is only `{"second_factor_required": true}` and the code
    goes to `POST /api/v1/auth/login/code` with the same cookies.
    After repeated failures for this e-mail from this client (or from this client against
    many accounts) the answer is 429 with `Retry-After` (seconds) until the wait is over;
    other clients are not affected (docs/permissions.md, "Signing in")."""
    if auth.authenticate(credentials["email"], credentials["password"]) is None:
        return {"second_factor_required": True}
    return {**g.identity, "csrf_token": auth.csrf_token()}


@blp.route("/login/code", methods=["POST"])
@blp.doc(security=[])
@blp.arguments(CodeSchema)
@blp.response(200, SessionSchema)
def login_code(data):
    """The second step of a sign-in with two-factor on: the authenticator's code or a
    recovery code (each recovery code works once). Wrong codes are throttled like wrong
    passwords; after 5 minutes the password must be given again."""
    auth.complete_second_factor(data["code"])
    return {**g.identity, "csrf_token": auth.csrf_token()}


@blp.route("/me")
@blp.response(200, SessionSchema)
@auth.api_login_required(enrolling=True)
def me():
    """The signed-in employee and the session's CSRF token."""
    return {**g.identity, "csrf_token": auth.csrf_token()}


@blp.route("/logout", methods=["POST"])
@blp.doc(security=[{"session": []}])
@auth.api_login_required(enrolling=True, session_only=True)
@blp.response(200, {"type": "object", "properties": {"signed_out": {"type": "boolean"}}})
def logout():
    """End the session."""
    auth.sign_out()
    return jsonify({"signed_out": True})


@blp.route("/password", methods=["POST"])
@blp.doc(security=[{"session": []}])
@auth.api_login_required(session_only=True)
@blp.arguments(PasswordChangeSchema)
@blp.response(200, {"type": "object", "properties": {"changed": {"type": "boolean"}}})
def change_password(data):
    """Change one's own password (the current one is required)."""
    rpc.call("staff", "change_password", auth.actor(), data)
    return jsonify({"changed": True})


@blp.route("/two-factor")
@blp.doc(security=[{"session": []}])
@blp.response(200, TwoFactorStatusSchema)
@auth.api_login_required(enrolling=True, session_only=True)
def two_factor_status():
    """Whether two-factor sign-in is on for me, and whether the policy requires it."""
    return rpc.call("staff", "two_factor_status", g.actor)


@blp.route("/two-factor/enrolment", methods=["POST"])
@blp.doc(security=[{"session": []}])
@blp.response(201, TwoFactorEnrolmentSchema)
@auth.api_login_required(enrolling=True, session_only=True)
def begin_two_factor():
    """A new TOTP secret (RFC 6238: SHA-1, 6 digits, 30 s) for an authenticator app; in force
    once confirmed with a first code. 409 when two-factor is already on."""
    started = rpc.call("staff", "begin_two_factor", g.actor)
    return {**started, "qr_code_url": url_for("auth.two_factor_qr_code")}


@blp.route("/two-factor/enrolment/qr.svg")
@blp.doc(security=[{"session": []}])
@blp.response(200, description="the QR code of the pending enrolment, as SVG")
@auth.api_login_required(enrolling=True, session_only=True)
def two_factor_qr_code():
    """The QR code of the enrolment waiting for its first code."""
    return Response(two_factor.qr_svg(rpc.call("staff", "pending_two_factor", g.actor)["otpauth_uri"]),
                    mimetype="image/svg+xml", headers={"Cache-Control": "no-store"})


@blp.route("/two-factor/enrolment/confirm", methods=["POST"])
@blp.doc(security=[{"session": []}])
@blp.arguments(CodeSchema)
@blp.response(200, RecoveryCodesSchema)
@auth.api_login_required(enrolling=True, session_only=True)
def confirm_two_factor(data):
    """Turn two-factor on with the first code; returns ten recovery codes, shown only now."""
    codes = rpc.call("staff", "confirm_two_factor", g.actor, data, auth.client())
    return codes, 200, {"Cache-Control": "no-store"}


@blp.route("/two-factor/off", methods=["POST"])
@blp.doc(security=[{"session": []}])
@blp.arguments(CodeSchema)
@blp.response(200, description="two-factor is off")
@auth.api_login_required(session_only=True)
def turn_off_two_factor(data):
    """Turn two-factor off with a current code (403 while the policy requires it)."""
    rpc.call("staff", "turn_off_two_factor", g.actor, data, auth.client())
    return jsonify({"enabled": False})
