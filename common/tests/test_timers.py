"""A timer whose interval is a setting of the service's config, read when the service starts."""
import pytest

from chancery_common.timers import ConfiguredTimer


class Container:
    """What a timer reads of its container at setup (nameko refers to it weakly: a class)."""

    def __init__(self, config):
        self.config, self.service_name = config, "test"


CONTAINERS = []  # kept alive: a bound timer holds its container by a weak reference


def bound(config):
    CONTAINERS.append(Container(config))
    return ConfiguredTimer("TICK_SECONDS", 5).bind(CONTAINERS[-1], "tick")


def test_the_interval_comes_from_the_config_at_setup_not_at_import():
    timer = bound({"TICK_SECONDS": "0.5"})
    assert timer.interval == 5  # the default until the service starts
    timer.setup()
    assert timer.interval == 0.5


def test_a_config_without_the_setting_takes_the_default():
    timer = bound({})
    timer.setup()
    assert timer.interval == 5


@pytest.mark.parametrize("value", ["soon", 0, "-1", None])
def test_an_interval_that_is_not_a_positive_number_stops_the_start_naming_it(value):
    with pytest.raises(ValueError, match="TICK_SECONDS"):
        bound({"TICK_SECONDS": value}).setup()
