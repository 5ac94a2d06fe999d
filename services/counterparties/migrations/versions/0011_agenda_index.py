"""the agenda's index: an employee's planned activities by time

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 15:20:00.000000

The agenda reads one employee's planned activities of a day and those overdue. On the
index of all their activities by time, the overdue read walks every past activity (most
are done) to find the planned ones; this partial index holds only planned activities, so
both reads touch exactly the rows they return, however long the employee's history.
"""
import sqlalchemy as sa
from alembic import op


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_activities_planned_by_responsible', 'activities', ['responsible_id', 'planned_at'],
                    unique=False, postgresql_where=sa.text("status = 'planned'"))


def downgrade():
    op.drop_index('ix_activities_planned_by_responsible', table_name='activities')
