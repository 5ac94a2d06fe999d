"""The local runner's replica count: CHANCERY_REPLICAS, read with a clear refusal, and the
names of the instances it makes (their logs and health ports are named after them)."""
import pytest

from chancery_local.profile import Profile, replicas_from_environment
from chancery_local.system import System, instance_names


@pytest.mark.parametrize("value, expected", [(None, 1), ("", 1), ("1", 1), ("2", 2), (" 3 ", 3)])
def test_the_replica_count_comes_from_the_environment(monkeypatch, value, expected):
    if value is None:
        monkeypatch.delenv("CHANCERY_REPLICAS", raising=False)
    else:
        monkeypatch.setenv("CHANCERY_REPLICAS", value)
    assert replicas_from_environment() == expected


@pytest.mark.parametrize("value", ["0", "two", "-1", "1.5", "10"])
def test_a_replica_count_that_makes_no_sense_is_refused_by_name(monkeypatch, value):
    monkeypatch.setenv("CHANCERY_REPLICAS", value)
    with pytest.raises(ValueError, match="CHANCERY_REPLICAS must be a whole number from 1 to 9"):
        replicas_from_environment()


def test_one_replica_keeps_the_plain_names_and_more_are_numbered(tmp_path):
    assert instance_names("staff", 1) == ["staff"]
    assert instance_names("gateway", 2) == ["gateway-1", "gateway-2"]
    system = System(Profile(data_dir=tmp_path, replicas=2))
    assert system.instances["documents"] == ["documents-1", "documents-2"]
    assert system.service_of("documents-2") == "documents" and system.service_of("gateway-1") == "gateway"
    assert system._named("documents") == ["documents-1", "documents-2"]
    assert system._named("documents-1") == ["documents-1"]
