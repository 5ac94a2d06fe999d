"""Signing in and out."""
from flask import g, jsonify
from flask_smorest import Blueprint

from .. import auth, rpc
from .schemas import LoginSchema, PasswordChangeSchema, SessionSchema

blp = Blueprint("auth", __name__, url_prefix="/api/v1/auth",
                description="Sessions: sign in, who am I, sign out.")


@blp.route("/login", methods=["POST"])
@blp.arguments(LoginSchema)
@blp.response(200, SessionSchema)
def login(credentials):
    """Sign in with e-mail and password; sets the session cookie and returns the CSRF token."""
    auth.authenticate(credentials["email"], credentials["password"])
    return {**g.identity, "csrf_token": auth.csrf_token()}


@blp.route("/me")
@blp.response(200, SessionSchema)
@auth.api_login_required
def me():
    """The signed-in employee and the session's CSRF token."""
    return {**g.identity, "csrf_token": auth.csrf_token()}


@blp.route("/logout", methods=["POST"])
@auth.api_login_required
def logout():
    """End the session."""
    auth.sign_out()
    return jsonify({"signed_out": True})


@blp.route("/password", methods=["POST"])
@auth.api_login_required
@blp.arguments(PasswordChangeSchema)
def change_password(data):
    """Change one's own password (the current one is required)."""
    rpc.call("staff", "change_password", auth.actor(), data)
    return jsonify({"changed": True})
