"""The gateway's checks of the OpenID provider's ID tokens, with keys made here."""
import base64
import time

import pytest
from joserfc import jwt
from joserfc.jwk import ECKey, OctKey, RSAKey

from chancery_gateway import oidc

ISSUER = "https://login.holding.test"
CLIENT = "chancery"
NONCE = "nonce-of-this-sign-in"


def make_key(kid):
    return RSAKey.generate_key(2048, parameters={"kid": kid, "use": "sig"})


@pytest.fixture(scope="module")
def key_a():
    return make_key("a")


@pytest.fixture(scope="module")
def key_b():
    return make_key("b")


class Provider:
    """The provider's JWKS endpoint: publishes ``published`` and counts the fetches."""

    def __init__(self, *keys):
        self.published, self.fetches = list(keys), 0

    def jwks(self, uri):
        self.fetches += 1
        return {"keys": [key.as_dict(private=False) for key in self.published]}


def id_token(key, kid=None, alg="RS256", **overrides):
    now = int(time.time())
    claims = {"iss": ISSUER, "aud": CLIENT, "sub": "alice", "iat": now, "exp": now + 300, "nonce": NONCE,
              **overrides}
    claims = {name: value for name, value in claims.items() if value is not None}
    return jwt.encode({"alg": alg, "kid": kid or key.kid}, claims, key)


def validate(token, keys, nonce=NONCE):
    return oidc.validate_id_token(token, keys=keys, issuer=ISSUER, client_id=CLIENT, nonce=nonce)


def refused(token, keys, code, **kwargs):
    with pytest.raises(oidc.SignInFailed) as caught:
        validate(token, keys, **kwargs)
    assert caught.value.code == code, caught.value
    return caught.value


def test_a_valid_token_gives_its_claims(key_a):
    provider = Provider(key_a)
    claims = validate(id_token(key_a, email="alice@holding.test"), oidc.Keys("jwks", provider.jwks))
    assert claims["sub"] == "alice" and claims["email"] == "alice@holding.test"


def test_a_token_for_another_client_is_refused(key_a):
    keys = oidc.Keys("jwks", Provider(key_a).jwks)
    refused(id_token(key_a, aud="another-client"), keys, "bad_claims")
    # several audiences: the authorised party must be us
    refused(id_token(key_a, aud=[CLIENT, "another-client"]), keys, "bad_claims")
    assert validate(id_token(key_a, aud=[CLIENT, "another-client"], azp=CLIENT), keys)["sub"] == "alice"


def test_an_expired_token_is_refused(key_a):
    keys = oidc.Keys("jwks", Provider(key_a).jwks)
    long_ago = int(time.time()) - 3600
    refused(id_token(key_a, iat=long_ago - 300, exp=long_ago), keys, "expired_token")


def test_a_token_without_expiry_or_from_another_issuer_is_refused(key_a):
    keys = oidc.Keys("jwks", Provider(key_a).jwks)
    refused(id_token(key_a, exp=None), keys, "bad_claims")
    refused(id_token(key_a, iss="https://evil.test"), keys, "bad_claims")


def test_a_wrong_or_missing_nonce_is_refused(key_a):
    keys = oidc.Keys("jwks", Provider(key_a).jwks)
    refused(id_token(key_a), keys, "bad_nonce", nonce="nonce-of-another-sign-in")
    refused(id_token(key_a, nonce=None), keys, "bad_nonce")


def test_a_token_signed_with_another_key_under_a_known_key_id_is_refused(key_a):
    forger = make_key("a")  # claims to be key a
    refused(id_token(forger), oidc.Keys("jwks", Provider(key_a).jwks), "bad_signature")


def test_a_tampered_payload_is_refused(key_a):
    header, payload, signature = id_token(key_a).split(".")
    other_payload = id_token(key_a, sub="mallory").split(".")[1]
    refused(f"{header}.{other_payload}.{signature}", oidc.Keys("jwks", Provider(key_a).jwks), "bad_signature")


def test_symmetric_and_unsigned_tokens_are_refused(key_a):
    keys = oidc.Keys("jwks", Provider(key_a).jwks)
    refused(id_token(OctKey.import_key("a-shared-secret-of-32-characters"), kid="a", alg="HS256"),
            keys, "bad_token")
    unsigned_header = base64.urlsafe_b64encode(b'{"alg":"none","kid":"a"}').rstrip(b"=").decode()
    payload = id_token(key_a).split(".")[1]
    refused(f"{unsigned_header}.{payload}.", keys, "bad_token")
    refused("not-a-jwt", keys, "bad_token")


def test_other_asymmetric_algorithms_are_accepted():
    key = ECKey.generate_key("P-256", parameters={"kid": "ec"})
    keys = oidc.Keys("jwks", Provider(key).jwks)
    assert validate(id_token(key, alg="ES256"), keys)["sub"] == "alice"


def test_rotated_keys_are_fetched_again_on_an_unknown_key_id(key_a, key_b):
    provider = Provider(key_a)
    keys = oidc.Keys("jwks", provider.jwks)
    validate(id_token(key_a), keys)
    assert provider.fetches == 1
    validate(id_token(key_a), keys)
    assert provider.fetches == 1  # known keys are not fetched again
    provider.published = [key_b]  # the provider rotated: a now retired, b signs
    assert validate(id_token(key_b), keys)["sub"] == "alice"
    assert provider.fetches == 2


def test_an_unknown_key_id_fetches_at_most_once_in_a_while(key_a, key_b):
    provider = Provider(key_a)
    keys = oidc.Keys("jwks", provider.jwks)
    refused(id_token(key_b), keys, "unknown_key")
    refused(id_token(key_b), keys, "unknown_key")
    assert provider.fetches == 2  # the first fetch and one more for the unknown id, not one per token


def test_a_callback_with_another_state_is_refused_before_anything_is_exchanged():
    settings = {"issuer": ISSUER, "client_id": CLIENT, "client_secret": "s"}
    attempt = {"state": "state-of-this-sign-in", "nonce": NONCE, "verifier": "v", "issuer": ISSUER}
    with pytest.raises(oidc.SignInFailed) as caught:
        oidc.finish(settings, attempt, {"state": "state-of-this-sign-in-tampered", "code": "c"}, "https://x/cb")
    assert caught.value.code == "bad_state"
    with pytest.raises(oidc.SignInFailed) as caught:
        oidc.finish(settings, None, {"state": "anything", "code": "c"}, "https://x/cb")
    assert caught.value.code == "no_attempt"
