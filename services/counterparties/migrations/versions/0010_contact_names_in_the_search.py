"""contact persons' names kept on the counterparty (by triggers) and in its search indexes

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 07:00:00.000000

A directory search by a contact person's name used to be a second index scan (of
contact_persons) united with the counterparties' own: with filters on the counterparty
(region, group) PostgreSQL had to read every person matching the text before applying
them. With the names on the counterparty's row, one trigram index covers both, and its
bitmap is intersected with the filters' indexes before a row is read.

Statement-level triggers with transition tables keep ``contact_names`` true whatever
writes contact_persons (the service, an import, a merge moving persons, a bulk load):
one UPDATE of the affected counterparties per statement, and only where the names changed.
"""
import sqlalchemy as sa
from alembic import op


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

OLD_FIELDS = ("coalesce(name, '') || E'\\x1f' || coalesce(short_name, '') || E'\\x1f' || coalesce(tax_id, '') "
              "|| E'\\x1f' || coalesce(email, '') || E'\\x1f' || coalesce(main_contact, '')")
NEW_FIELDS = OLD_FIELDS + " || E'\\x1f' || contact_names"
OLD_TEXT = ("to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(short_name, '') || ' ' "
            "|| coalesce(email, '') || ' ' || coalesce(main_contact, ''))")
NEW_TEXT = ("to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(short_name, '') || ' ' "
            "|| coalesce(email, '') || ' ' || coalesce(main_contact, '') || ' ' || contact_names)")

REFRESH = r"""
CREATE FUNCTION refresh_contact_names(ids uuid[]) RETURNS void LANGUAGE sql AS $$
    UPDATE counterparties AS c SET contact_names = fresh.names
    FROM (SELECT changed.id,
                 coalesce((SELECT string_agg(p.full_name, E'\x1f' ORDER BY p.full_name, p.id)
                           FROM contact_persons AS p WHERE p.counterparty_id = changed.id), '') AS names
          FROM unnest(ids) AS changed(id)) AS fresh
    WHERE c.id = fresh.id AND c.contact_names IS DISTINCT FROM fresh.names
$$;

CREATE FUNCTION contact_persons_names_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM refresh_contact_names(ARRAY(SELECT DISTINCT counterparty_id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM refresh_contact_names(ARRAY(SELECT DISTINCT counterparty_id FROM old_rows));
    ELSE
        -- only a renamed person, or one moved to another counterparty, changes the names
        PERFORM refresh_contact_names(ARRAY(
            SELECT o.counterparty_id FROM old_rows AS o JOIN new_rows AS n ON n.id = o.id
            WHERE o.full_name IS DISTINCT FROM n.full_name OR o.counterparty_id IS DISTINCT FROM n.counterparty_id
            UNION
            SELECT n.counterparty_id FROM old_rows AS o JOIN new_rows AS n ON n.id = o.id
            WHERE o.full_name IS DISTINCT FROM n.full_name OR o.counterparty_id IS DISTINCT FROM n.counterparty_id));
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER contact_persons_names_inserted AFTER INSERT ON contact_persons
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION contact_persons_names_changed();
CREATE TRIGGER contact_persons_names_updated AFTER UPDATE ON contact_persons
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION contact_persons_names_changed();
CREATE TRIGGER contact_persons_names_deleted AFTER DELETE ON contact_persons
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION contact_persons_names_changed();
"""


def upgrade():
    op.add_column('counterparties', sa.Column('contact_names', sa.Text(), server_default=sa.text("''"),
                                              nullable=False))
    op.execute(REFRESH)
    op.execute(r"""UPDATE counterparties AS c SET contact_names = names.value
                   FROM (SELECT counterparty_id, string_agg(full_name, E'\x1f' ORDER BY full_name, id) AS value
                         FROM contact_persons GROUP BY counterparty_id) AS names
                   WHERE names.counterparty_id = c.id""")
    op.execute("DROP INDEX ix_counterparties_search_fields_trgm")
    op.execute(f"CREATE INDEX ix_counterparties_search_fields_trgm ON counterparties "
               f"USING gin (({NEW_FIELDS}) gin_trgm_ops)")
    op.execute("DROP INDEX ix_counterparties_search")
    op.execute(f"CREATE INDEX ix_counterparties_search ON counterparties USING gin ({NEW_TEXT})")


def downgrade():
    op.execute("DROP INDEX ix_counterparties_search")
    op.execute(f"CREATE INDEX ix_counterparties_search ON counterparties USING gin ({OLD_TEXT})")
    op.execute("DROP INDEX ix_counterparties_search_fields_trgm")
    op.execute(f"CREATE INDEX ix_counterparties_search_fields_trgm ON counterparties "
               f"USING gin (({OLD_FIELDS}) gin_trgm_ops)")
    for operation in ("inserted", "updated", "deleted"):
        op.execute(f"DROP TRIGGER contact_persons_names_{operation} ON contact_persons")
    op.execute("DROP FUNCTION contact_persons_names_changed()")
    op.execute("DROP FUNCTION refresh_contact_names(uuid[])")
    op.drop_column('counterparties', 'contact_names')
