"""The embedded PostgreSQL of a local run gets the settings chancery_local needs (infra.py)."""
from chancery_local.infra import SETTINGS_MARK, write_postgres_settings


def test_settings_are_appended_once_and_replaced_on_the_next_start(tmp_path):
    conf = tmp_path / "postgresql.conf"
    conf.write_text("#max_connections = 100\nshared_buffers = 128MB\n")

    write_postgres_settings(conf, {"max_connections": "300"})
    write_postgres_settings(conf, {"max_connections": "400"})

    lines = conf.read_text().splitlines()
    assert lines == ["#max_connections = 100", "shared_buffers = 128MB", SETTINGS_MARK, "max_connections = 400"]
