"""Secrets: development defaults in development, refusal of unsafe values in production."""
import pytest

from chancery_common.config import ConfigurationError, secret

NAME = "CHANCERY_TEST_SECRET"
DEFAULT = "a-development-default"


@pytest.fixture
def production(monkeypatch):
    monkeypatch.setenv("CHANCERY_ENV", "production")


@pytest.fixture
def development(monkeypatch):
    monkeypatch.delenv("CHANCERY_ENV", raising=False)


def test_development_uses_the_default_when_the_secret_is_missing(development, monkeypatch):
    monkeypatch.delenv(NAME, raising=False)

    assert secret(NAME, DEFAULT) == DEFAULT


def test_development_uses_the_secret_when_it_is_set(development, monkeypatch):
    monkeypatch.setenv(NAME, "dev")

    assert secret(NAME, DEFAULT) == "dev"


def test_production_refuses_a_missing_secret(production, monkeypatch):
    monkeypatch.delenv(NAME, raising=False)

    with pytest.raises(ConfigurationError, match=NAME):
        secret(NAME, DEFAULT)


@pytest.mark.parametrize("value", ["", "change-me", "dev", " Secret ", "guest", "minioadmin", DEFAULT])
def test_production_refuses_a_development_secret(production, monkeypatch, value):
    monkeypatch.setenv(NAME, value)

    with pytest.raises(ConfigurationError, match=NAME):
        secret(NAME, DEFAULT)


def test_production_accepts_a_real_secret(production, monkeypatch):
    monkeypatch.setenv(NAME, "kJ8s-2v9Qz-real-secret")

    assert secret(NAME, DEFAULT) == "kJ8s-2v9Qz-real-secret"
