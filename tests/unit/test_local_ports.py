"""chancery_local.infra.free_port: the ports handed to servers that bind them later (service
instances, restarted ones, test servers) come from below the kernel's ephemeral range, where a
bind to port 0 or an outgoing connection cannot take them in the meantime."""
import socket

import pytest

from chancery_local import infra


def test_ports_come_from_below_the_ephemeral_range_and_are_never_handed_out_twice():
    low, _ = infra.ephemeral_ports()
    ports = [infra.free_port() for _ in range(200)]
    assert len(set(ports)) == len(ports)
    assert all(infra.LOWEST_PORT <= port < low for port in ports)
    assert not set(ports) & infra.FIXED_PORTS


def test_a_port_someone_listens_on_is_not_handed_out(monkeypatch):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        choices = iter([port, port + 1])
        monkeypatch.setattr(infra._chance, "randrange", lambda low, high: next(choices))
        monkeypatch.setattr(infra, "ephemeral_ports", lambda: (65535, 65535))
        monkeypatch.setattr(infra, "_handed_out", set())
        assert infra.free_port() == port + 1


def test_the_grpc_ports_of_the_s3_servers_are_free_and_below_the_range_too():
    low, _ = infra.ephemeral_ports()
    ports = infra.free_s3_ports()
    assert set(ports) == {"s3", "master", "volume", "filer"}
    everything = {*ports.values(), *(port + 10000 for port in ports.values())}
    assert len(everything) == 8
    assert all(port < low for port in everything)


def test_the_kernels_range_is_read_and_a_missing_file_means_linuxs_default(tmp_path):
    (tmp_path / "range").write_text("20000\t40000\n")
    assert infra.ephemeral_ports(tmp_path / "range") == (20000, 40000)
    assert infra.ephemeral_ports(tmp_path / "absent") == (32768, 60999)


def test_no_room_below_the_range_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(infra, "ephemeral_ports", lambda: (10500, 60999))
    with pytest.raises(infra.StartupError, match="ephemeral range"):
        infra.free_port(also_free=(10000,))
