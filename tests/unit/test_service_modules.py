"""Each service's module, as ``nameko run <service>.service`` reads it: exactly one service
class, the one named after the service (a class with entrypoints imported by its own name
into the module, such as a mixin, would be taken for a second service and stop the start)."""
import pytest
from nameko.cli.run import import_service

from chancery_local.profile import SERVICES


@pytest.mark.parametrize("service", SERVICES)
def test_the_runner_finds_one_service_in_each_module(service):
    found = import_service(f"{service}.service")
    assert [cls.name for cls in found] == [service]
