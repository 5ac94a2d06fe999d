"""The OpenID Connect relying party: sign-in through the holding's provider.

Authorization code flow with PKCE (S256), a fresh ``state`` and ``nonce`` per attempt kept
in the signed session cookie. The provider's endpoints come from its discovery document,
its keys from its JWKS, fetched again when an ID token names a key not seen yet (the
provider rotated its keys). The ID token is verified here: signature with the provider's
key (asymmetric algorithms only), issuer, audience (and ``azp`` when there are several),
expiry, issue time and the nonce. Who the verified person is in Chancery is the staff
service's decision (``sign_in_external``). The connection and the claim mapping are set by
an administrator (Administration → Sign-in); docs/permissions.md, "Enterprise sign-in".
"""
import hmac
import secrets
import threading
import time
from urllib.parse import urlencode

import requests
from authlib.integrations.requests_client import OAuth2Session
from authlib.oauth2.rfc7636 import create_s256_code_challenge
from joserfc import jws, jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from . import rpc

ALGORITHMS = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA")
HTTP_TIMEOUT = 10
DISCOVERY_SECONDS = 3600
SETTINGS_SECONDS = 5
LEEWAY_SECONDS = 60
# a token naming an unknown key fetches the keys again, but not more often than this
REFETCH_KEYS_SECONDS = 10


class SignInFailed(Exception):
    """The sign-in cannot go on; ``code`` says why (for the page and the audit log)."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code


class Keys:
    """The provider's signing keys from its JWKS, fetched again on an unknown key id."""

    def __init__(self, jwks_uri, fetch=None):
        self.jwks_uri = jwks_uri
        self.fetch = fetch or (lambda uri: _get_json(uri))
        self.key_set, self.refetched_at = None, None
        self.lock = threading.Lock()

    def _fetch(self):
        try:
            return KeySet.import_key_set(self.fetch(self.jwks_uri))
        except (JoseError, ValueError, KeyError, TypeError) as exc:
            raise SignInFailed("provider_misconfigured", "the provider's keys (JWKS) cannot be read") from exc

    def key(self, kid):
        """The key with this id; an unknown id fetches the keys again (the provider rotated
        them), at most once every REFETCH_KEYS_SECONDS."""
        with self.lock:
            if self.key_set is None:
                self.key_set = self._fetch()
            found = _by_kid(self.key_set, kid)
            now = time.monotonic()
            if found is None and (self.refetched_at is None or now - self.refetched_at >= REFETCH_KEYS_SECONDS):
                self.key_set, self.refetched_at = self._fetch(), now
                found = _by_kid(self.key_set, kid)
        if found is None:
            raise SignInFailed("unknown_key", f"the ID token is signed with an unknown key ({kid})")
        return found


def _by_kid(key_set, kid):
    try:
        return key_set.get_by_kid(kid)
    except (JoseError, ValueError, KeyError):
        return None


def validate_id_token(id_token, *, keys, issuer, client_id, nonce, now=None):
    """The claims of a valid ID token for this client and nonce; SignInFailed otherwise."""
    try:
        header = jws.extract_compact(id_token.encode()).headers()
    except (JoseError, ValueError) as exc:
        raise SignInFailed("bad_token", "the ID token is not a signed JWT") from exc
    if header.get("alg") not in ALGORITHMS:
        raise SignInFailed("bad_token", f"the ID token's algorithm {header.get('alg')!r} is not accepted")
    key = keys.key(header.get("kid"))
    try:
        claims = jwt.decode(id_token, key, algorithms=list(ALGORITHMS)).claims
    except JoseError as exc:
        raise SignInFailed("bad_signature", "the ID token's signature is wrong") from exc
    registry = jwt.JWTClaimsRegistry(
        now=now, leeway=LEEWAY_SECONDS,
        iss={"essential": True, "value": issuer}, aud={"essential": True, "value": client_id},
        sub={"essential": True}, exp={"essential": True}, iat={"essential": True})
    try:
        registry.validate(claims)
    except JoseError as exc:
        code = "expired_token" if exc.error == "expired_token" else "bad_claims"
        raise SignInFailed(code, f"the ID token is not valid for this sign-in: {exc.description or exc.error}") from exc
    audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
    if len(audiences) > 1 and claims.get("azp") != client_id:
        raise SignInFailed("bad_claims", "the ID token was issued to another client (azp)")
    if not isinstance(claims.get("nonce"), str) or not hmac.compare_digest(claims["nonce"], nonce):
        raise SignInFailed("bad_nonce", "the ID token's nonce is not this sign-in's")
    return claims


# the provider: its settings, discovery and keys ------------------------------------------

_lock = threading.Lock()
_settings = {"at": 0.0, "value": None}
_discovered = {}  # issuer -> (fetched at, document, Keys)


def _get_json(url):
    try:
        response = requests.get(url, timeout=HTTP_TIMEOUT, headers={"Accept": "application/json"})
        response.raise_for_status()
        return response.json()
    except (requests.RequestException, ValueError) as exc:
        raise SignInFailed("provider_unreachable", f"the provider did not answer at {url}") from exc


def provider(fresh=False):
    """The enabled provider's settings (a few seconds old at most, or read now), or None."""
    with _lock:
        if fresh or time.monotonic() - _settings["at"] > SETTINGS_SECONDS:
            found = rpc.call("staff", "sign_in_provider")
            _settings.update(at=time.monotonic(), value=found if found and found["enabled"] else None)
        return _settings["value"]


def forget_provider():
    """After an administrator changed the settings: read them afresh (this worker)."""
    with _lock:
        _settings["at"] = 0.0
        _discovered.clear()


def discovery(settings):
    """(discovery document, Keys) of the provider, fetched once an hour."""
    issuer = settings["issuer"]
    with _lock:
        cached = _discovered.get(issuer)
    if cached and time.monotonic() - cached[0] < DISCOVERY_SECONDS:
        return cached[1], cached[2]
    document = _get_json(issuer.rstrip("/") + "/.well-known/openid-configuration")
    if document.get("issuer") != issuer:
        raise SignInFailed("provider_misconfigured",
                           f"the provider's discovery names issuer {document.get('issuer')!r}, not {issuer!r}")
    for needed in ("authorization_endpoint", "token_endpoint", "jwks_uri"):
        if not document.get(needed):
            raise SignInFailed("provider_misconfigured", f"the provider's discovery lacks {needed}")
    keys = Keys(document["jwks_uri"])
    with _lock:
        _discovered[issuer] = (time.monotonic(), document, keys)
    return document, keys


# the flow ------------------------------------------------------------------------------------

def start(settings, redirect_uri):
    """(URL of the provider's sign-in, the attempt to keep in the session until the callback)."""
    document, _ = discovery(settings)
    attempt = {"state": secrets.token_urlsafe(32), "nonce": secrets.token_urlsafe(32),
               "verifier": secrets.token_urlsafe(64), "issuer": settings["issuer"]}
    query = {"response_type": "code", "client_id": settings["client_id"], "redirect_uri": redirect_uri,
             "scope": settings["scopes"], "state": attempt["state"], "nonce": attempt["nonce"],
             "code_challenge": create_s256_code_challenge(attempt["verifier"]),
             "code_challenge_method": "S256"}
    return f"{document['authorization_endpoint']}?{urlencode(query)}", attempt


def finish(settings, attempt, arguments, redirect_uri):
    """Check the callback against the attempt, redeem the code and verify the ID token.

    Returns (claims, ID token); the claims are the ID token's, completed by the user info."""
    if not attempt or attempt.get("issuer") != settings["issuer"]:
        raise SignInFailed("no_attempt", "no sign-in through the provider was started in this browser")
    if not hmac.compare_digest(arguments.get("state", ""), attempt["state"]):
        raise SignInFailed("bad_state", "the state returned by the provider is not this sign-in's")
    if arguments.get("error"):
        raise SignInFailed("provider_refused", arguments.get("error_description") or arguments["error"])
    if not arguments.get("code"):
        raise SignInFailed("bad_response", "the provider returned no authorization code")
    document, keys = discovery(settings)
    client = OAuth2Session(settings["client_id"], settings["client_secret"], timeout=HTTP_TIMEOUT,
                           token_endpoint_auth_method="client_secret_basic")
    try:
        token = client.fetch_token(document["token_endpoint"], grant_type="authorization_code",
                                   code=arguments["code"], redirect_uri=redirect_uri,
                                   code_verifier=attempt["verifier"])
    except Exception as exc:  # authlib raises OAuthError, requests its own: both mean no token
        raise SignInFailed("token_refused", f"the provider did not exchange the code: {exc}") from exc
    if not token.get("id_token"):
        raise SignInFailed("bad_response", "the provider returned no ID token")
    claims = validate_id_token(token["id_token"], keys=keys, issuer=settings["issuer"],
                               client_id=settings["client_id"], nonce=attempt["nonce"])
    if document.get("userinfo_endpoint") and token.get("access_token"):
        try:
            info = client.get(document["userinfo_endpoint"]).json()
        except (requests.RequestException, ValueError) as exc:
            raise SignInFailed("provider_unreachable", "the provider's user info did not answer") from exc
        if info.get("sub") != claims["sub"]:
            raise SignInFailed("bad_claims", "the user info is about someone else than the ID token")
        claims = {**info, **claims}
    return claims, token["id_token"]


def logout_url(settings, id_token, post_logout_redirect_uri):
    """The provider's RP-initiated logout for this sign-in, or None when it offers none."""
    try:
        document, _ = discovery(settings)
    except SignInFailed:
        return None
    endpoint = document.get("end_session_endpoint")
    if not endpoint:
        return None
    query = {"id_token_hint": id_token, "post_logout_redirect_uri": post_logout_redirect_uri,
             "client_id": settings["client_id"]}
    return f"{endpoint}?{urlencode(query)}"
