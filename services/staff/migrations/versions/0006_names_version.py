"""a version of the employees' names: each name stamped with the number of its last change

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 18:35:00.000000

Gateways keep every employee's name (gateway/chancery_gateway/directory.py) and ask only
for the names changed since the version they hold. A trigger stamps each new employee and
each changed name with the next value of a one-row counter; the counter's row lock is held
to the end of the transaction, so versions are given in commit order: a reader that has
seen version N will never later see a change stamped below N. Existing employees start at
version 0.
"""
from alembic import op


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE TABLE names_version (id integer PRIMARY KEY CHECK (id = 1), value bigint NOT NULL)")
    op.execute("INSERT INTO names_version VALUES (1, 0)")
    op.execute("ALTER TABLE employees ADD COLUMN name_version bigint NOT NULL DEFAULT 0")
    op.execute("CREATE INDEX ix_employees_name_version ON employees (name_version)")
    op.execute("""
        CREATE FUNCTION stamp_name_version() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE names_version SET value = value + 1 WHERE id = 1 RETURNING value INTO NEW.name_version;
            RETURN NEW;
        END $$""")
    op.execute("CREATE TRIGGER employees_name_version_on_insert BEFORE INSERT ON employees "
               "FOR EACH ROW EXECUTE FUNCTION stamp_name_version()")
    op.execute("CREATE TRIGGER employees_name_version_on_rename BEFORE UPDATE OF full_name ON employees "
               "FOR EACH ROW WHEN (OLD.full_name IS DISTINCT FROM NEW.full_name) "
               "EXECUTE FUNCTION stamp_name_version()")


def downgrade():
    op.execute("DROP TRIGGER employees_name_version_on_rename ON employees")
    op.execute("DROP TRIGGER employees_name_version_on_insert ON employees")
    op.execute("DROP FUNCTION stamp_name_version()")
    op.execute("DROP INDEX ix_employees_name_version")
    op.execute("ALTER TABLE employees DROP COLUMN name_version")
    op.execute("DROP TABLE names_version")
