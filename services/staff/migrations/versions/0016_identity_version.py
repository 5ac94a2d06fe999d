"""one number raised by any change a signed-in identity is made of (chancery_common.identities)

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07 11:40:00

Gateways keep identities while this number stays the same (as staff's heartbeat tells
them). Row triggers raise it in the transaction of the change, whoever makes it, so a
reader that sees the change sees the new number; an update that leaves a row as it was (a
directory sync writing the same values) does not. Sessions and API tokens raise it only
when they end or their rights change: their last-use stamps, written as they are used,
change no identity.
"""
from alembic import op


revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None

# every change to these tables
TABLES = ("employees", "departments", "role_permissions", "absences", "two_factor", "sign_in_policy",
          "ldap_accounts")
# a row's values but the sync stamp (chancery_common.sync: set on every update) differ
UNCHANGED = "to_jsonb(OLD) - 'changed_xid' IS DISTINCT FROM to_jsonb(NEW) - 'changed_xid'"
# only changes of these columns, and deletions
COLUMNS = {"sessions": ("ended_at", "employee_id", "source"),
           "api_tokens": ("revoked_at", "expires_at", "scopes", "employee_id")}


def upgrade():
    op.execute("CREATE TABLE identity_version (id integer PRIMARY KEY CHECK (id = 1), value bigint NOT NULL)")
    op.execute("INSERT INTO identity_version VALUES (1, 1)")
    op.execute("""
        CREATE FUNCTION bump_identity_version() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE identity_version SET value = value + 1 WHERE id = 1;
            RETURN NULL;
        END $$""")
    for table in (*TABLES, *COLUMNS):
        changed = (" OR ".join(f"OLD.{column} IS DISTINCT FROM NEW.{column}" for column in COLUMNS[table])
                   if table in COLUMNS else UNCHANGED)
        inserted = "" if table in COLUMNS else "INSERT OR "
        op.execute(f"CREATE TRIGGER {table}_identity_version_on_rows AFTER {inserted}DELETE ON {table} "
                   f"FOR EACH ROW EXECUTE FUNCTION bump_identity_version()")
        op.execute(f"CREATE TRIGGER {table}_identity_version_on_change AFTER UPDATE ON {table} "
                   f"FOR EACH ROW WHEN ({changed}) EXECUTE FUNCTION bump_identity_version()")
        op.execute(f"CREATE TRIGGER {table}_identity_version_on_truncate AFTER TRUNCATE ON {table} "
                   f"FOR EACH STATEMENT EXECUTE FUNCTION bump_identity_version()")


def downgrade():
    for table in (*TABLES, *COLUMNS):
        for trigger in ("on_rows", "on_change", "on_truncate"):
            op.execute(f"DROP TRIGGER {table}_identity_version_{trigger} ON {table}")
    op.execute("DROP FUNCTION bump_identity_version()")
    op.execute("DROP TABLE identity_version")
