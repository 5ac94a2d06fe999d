"""The embedded PostgreSQL's memory follows the machine's (chancery_local.profile.postgres_memory)."""
import pytest

from chancery_local.profile import postgres_memory


@pytest.mark.parametrize(("memory_mb", "expected"), [
    (24 * 1024, (4096, 12 * 1024)),  # a quarter, at most 4 GB; half assumed cached
    (8 * 1024, (2048, 4096)),
    (256, (128, 128)),  # never below PostgreSQL's own default
])
def test_a_quarter_of_the_machine_within_bounds(memory_mb, expected):
    assert postgres_memory(memory_mb, environ={}) == expected


def test_the_environment_sets_the_buffers():
    assert postgres_memory(8 * 1024, environ={"CHANCERY_POSTGRES_SHARED_BUFFERS_MB": "512"}) == (512, 4096)


@pytest.mark.parametrize("value", ["lots", "64", "5000", "1.5"])
def test_a_wrong_value_names_the_setting(value):
    with pytest.raises(ValueError, match=f"CHANCERY_POSTGRES_SHARED_BUFFERS_MB .* not '{value}'"):
        postgres_memory(8 * 1024, environ={"CHANCERY_POSTGRES_SHARED_BUFFERS_MB": value})
