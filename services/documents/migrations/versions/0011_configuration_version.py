"""a version number of the document types and journals, bumped by any change to them

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 18:05:00.000000

Types and journals change rarely and are read on every page of documents: a process keeps
them (documents/type_cache.py) for as long as this number stays the same. Statement-level
triggers bump it in the transaction that changes a type or a journal, whoever makes the
change (any replica of the service, a migration, an administrator's SQL), so a reader
that sees the change also sees the new number.
"""
from alembic import op


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

TABLES = ("document_types", "journals")


def upgrade():
    op.execute("CREATE TABLE configuration_version (id integer PRIMARY KEY CHECK (id = 1), "
               "value bigint NOT NULL)")
    op.execute("INSERT INTO configuration_version VALUES (1, 1)")
    op.execute("""
        CREATE FUNCTION bump_configuration_version() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE configuration_version SET value = value + 1 WHERE id = 1;
            RETURN NULL;
        END $$""")
    for table in TABLES:
        op.execute(f"CREATE TRIGGER {table}_bump_configuration_version AFTER INSERT OR UPDATE OR DELETE "
                   f"OR TRUNCATE ON {table} FOR EACH STATEMENT EXECUTE FUNCTION bump_configuration_version()")


def downgrade():
    for table in TABLES:
        op.execute(f"DROP TRIGGER {table}_bump_configuration_version ON {table}")
    op.execute("DROP FUNCTION bump_configuration_version()")
    op.execute("DROP TABLE configuration_version")
