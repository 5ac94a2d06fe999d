"""The staff service's own tables: the organisation and its credentials."""
import uuid
from datetime import date, datetime

from sqlalchemy import BigInteger, Boolean, Date, DateTime, ForeignKey, Index, String, Text, func, text
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from chancery_common.audit import AuditLog
from chancery_common.consumer import ProcessedEvents
from chancery_common.outbox import Outbox
from chancery_common.sync import stamp_column
from chancery_common.versions import version_column
from chancery_common.values import utcnow  # noqa: F401  (the models' default moment)


class Base(DeclarativeBase):
    pass



class LegalEntity(Base):
    """One of our own companies (a holding has several); departments belong to one."""

    __tablename__ = "legal_entities"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    short_name: Mapped[str | None] = mapped_column(String(150))
    tax_id: Mapped[str | None] = mapped_column(String(20))
    registration_number: Mapped[str | None] = mapped_column(String(30))
    address: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Department(Base):
    __tablename__ = "departments"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    # kept by SQLAlchemy: one more with every change of the row (chancery_common.versions)
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}
    name: Mapped[str] = mapped_column(String(200), unique=True)
    legal_entity_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("legal_entities.id"))
    parent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("departments.id"))
    head_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("employees.id", use_alter=True, name="fk_departments_head_id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
    # the transaction that wrote the row last: the order of a sync (chancery_common.sync)
    changed_xid: Mapped[int] = stamp_column()


class Employee(Base):
    __tablename__ = "employees"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    # kept by SQLAlchemy: one more with every change of the row (chancery_common.versions)
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}
    full_name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(50))
    position: Mapped[str | None] = mapped_column(String(200))
    department_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("departments.id"))
    roles: Mapped[list[str]] = mapped_column(ARRAY(String(50)), default=list)
    locale: Mapped[str] = mapped_column(String(10), default="en")
    time_zone: Mapped[str] = mapped_column(String(64), default="UTC")
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    password_hash: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
    changed_xid: Mapped[int] = stamp_column()  # chancery_common.sync
    # stamped by a trigger (migration 0006) when the employee is added or renamed
    name_version: Mapped[int] = mapped_column(BigInteger, server_default=text("0"), index=True)


Index("uq_employees_email_lower", func.lower(Employee.email), unique=True)


class NamesVersion(Base):
    """One number: the version of the latest change to any employee's name (migration 0006's
    trigger stamps it on the employee as ``name_version``)."""

    __tablename__ = "names_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


class IdentityVersion(Base):
    """One number, raised by any change a signed-in identity is made of (migration 0016's
    triggers; chancery_common.identities): gateways keep identities while it stays the same."""

    __tablename__ = "identity_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


class Session(Base):
    """A signed-in browser session; the cookie holds the token, only its hash is kept."""

    __tablename__ = "sessions"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    employee_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("employees.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    ended_reason: Mapped[str | None] = mapped_column(String(40))
    ip: Mapped[str | None] = mapped_column(String(64))
    user_agent: Mapped[str | None] = mapped_column(String(300))
    # how it was opened (password, oidc, ldap): provider sign-ins are not asked to enrol two-factor
    source: Mapped[str] = mapped_column(String(10), server_default=text("'password'"), default="password")


class ApiToken(Base):
    """A token another system uses; it acts with its employee's rights, limited by scopes."""

    __tablename__ = "api_tokens"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(200))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    employee_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("employees.id"), index=True)
    scopes: Mapped[list[str]] = mapped_column(ARRAY(String(20)))
    created_by: Mapped[uuid.UUID]
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_by: Mapped[uuid.UUID | None]


class CalendarFeed(Base):
    """An employee's private calendar address (their planned contacts and approval deadlines as
    an iCalendar feed): the secret in it is shown once; only its SHA-256 is kept."""

    __tablename__ = "calendar_feeds"

    employee_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("employees.id"), primary_key=True)
    secret_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class LoginAttempt(Base):
    """Every sign-in attempt, kept for throttling and for the security log."""

    __tablename__ = "login_attempts"
    __table_args__ = (Index("ix_login_attempts_email_at", "email", "at"),
                      Index("ix_login_attempts_ip_at", "ip", "at"))

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    email: Mapped[str] = mapped_column(String(254))
    ip: Mapped[str | None] = mapped_column(String(64))
    succeeded: Mapped[bool] = mapped_column(Boolean)
    reason: Mapped[str | None] = mapped_column(String(40))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Position(Base):
    """A job title the organisation uses; employees' positions are picked from these."""

    __tablename__ = "positions"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Absence(Base):
    """An employee away from-to, with the deputy who acts for them meanwhile."""

    __tablename__ = "absences"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    employee_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("employees.id"), index=True)
    deputy_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("employees.id"))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str | None] = mapped_column(String(200))
    created_by: Mapped[uuid.UUID]
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    cancelled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class RolePermission(Base):
    """Which roles may do one configurable thing (settings, edited by administrators)."""

    __tablename__ = "role_permissions"

    permission: Mapped[str] = mapped_column(String(60), primary_key=True)
    roles: Mapped[list[str]] = mapped_column(ARRAY(String(50)))


class SignInProvider(Base):
    """The holding's OpenID Connect provider (one) and how its claims map onto employees.

    The client secret is kept here because administrators set it on a page; it is never
    shown back, and only the gateway's internal call reads it."""

    __tablename__ = "sign_in_providers"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    enabled: Mapped[bool] = mapped_column(Boolean, default=False)
    display_name: Mapped[str] = mapped_column(String(100))
    issuer: Mapped[str] = mapped_column(String(500))
    client_id: Mapped[str] = mapped_column(String(300))
    client_secret: Mapped[str | None] = mapped_column(Text)
    scopes: Mapped[str] = mapped_column(String(300), default="openid email profile")
    allow_create: Mapped[bool] = mapped_column(Boolean, default=False)
    email_claim: Mapped[str] = mapped_column(String(100), default="email")
    name_claim: Mapped[str] = mapped_column(String(100), default="name")
    groups_claim: Mapped[str] = mapped_column(String(100), default="groups")
    department_claim: Mapped[str] = mapped_column(String(100), default="department")
    position_claim: Mapped[str] = mapped_column(String(100), default="position")
    # {group: [roles]}; an employee in none of the groups gets default_roles
    group_roles: Mapped[dict] = mapped_column(JSONB, default=dict)
    default_roles: Mapped[list[str]] = mapped_column(ARRAY(String(50)), default=list)
    # {claim value: department id}; a value not listed is matched to a department of that name
    department_map: Mapped[dict] = mapped_column(JSONB, default=dict)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class ExternalIdentity(Base):
    """An employee as a provider knows them: the issuer and its subject, linked once."""

    __tablename__ = "external_identities"
    __table_args__ = (Index("uq_external_identities_subject", "issuer", "subject", unique=True),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    issuer: Mapped[str] = mapped_column(String(500))
    subject: Mapped[str] = mapped_column(String(255))
    employee_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("employees.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class TwoFactor(Base):
    """An employee's TOTP secret (RFC 6238); in force once confirmed with a first code."""

    __tablename__ = "two_factor"

    employee_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("employees.id"), primary_key=True)
    secret: Mapped[str] = mapped_column(String(64))
    confirmed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # the time step of the last code accepted: a code is good once
    last_step: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class RecoveryCode(Base):
    """A one-time code for when the authenticator is lost; only its SHA-256 is kept."""

    __tablename__ = "recovery_codes"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    employee_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("employees.id"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class SignInChallenge(Base):
    """A password accepted, waiting for the second factor (a few minutes, used once)."""

    __tablename__ = "sign_in_challenges"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    employee_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("employees.id"), index=True)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # how the first factor was checked (password, ldap): the sign-in's audit entry names it
    source: Mapped[str] = mapped_column(String(10), server_default=text("'password'"), default="password")


class SignInPolicy(Base):
    """How employees must sign in (one row)."""

    __tablename__ = "sign_in_policy"

    id: Mapped[int] = mapped_column(primary_key=True)
    require_two_factor_for_admins: Mapped[bool] = mapped_column(Boolean, default=False)
    password_sign_in: Mapped[bool] = mapped_column(Boolean, default=True)
    # the administrator whose password works while passwords are off (the provider may be down)
    break_glass_employee_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("employees.id"))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class LdapDirectory(Base):
    """The holding's LDAP directory or Active Directory (one): the connection, whom it signs
    in, how its entries map onto employees, and the sync's schedule and single-runner claim.

    The bind password (of the account the sync and the user search bind as) is never shown back."""

    __tablename__ = "ldap_directories"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    enabled: Mapped[bool] = mapped_column(Boolean, default=False)
    url: Mapped[str] = mapped_column(String(500))
    start_tls: Mapped[bool] = mapped_column(Boolean, default=True)
    # ldap:// without StartTLS sends passwords in the clear: only when the administrator says so
    allow_plain: Mapped[bool] = mapped_column(Boolean, default=False)
    ca_certificate: Mapped[str | None] = mapped_column(Text)
    bind_dn: Mapped[str] = mapped_column(String(500))
    bind_password: Mapped[str | None] = mapped_column(Text)
    user_base: Mapped[str] = mapped_column(String(500))
    login_filter: Mapped[str] = mapped_column(String(1000))
    sync_filter: Mapped[str] = mapped_column(String(1000))
    id_attribute: Mapped[str] = mapped_column(String(100), default="entryUUID")
    login_attribute: Mapped[str] = mapped_column(String(100), default="uid")
    email_attribute: Mapped[str] = mapped_column(String(100), default="mail")
    name_attribute: Mapped[str] = mapped_column(String(100), default="cn")
    # empty: the entry's nearest organisational unit (ou=...) names the department
    department_attribute: Mapped[str] = mapped_column(String(100), default="")
    position_attribute: Mapped[str] = mapped_column(String(100), default="title")
    phone_attribute: Mapped[str] = mapped_column(String(100), default="telephoneNumber")
    group_base: Mapped[str] = mapped_column(String(500), default="")
    group_filter: Mapped[str] = mapped_column(String(1000))
    member_attribute: Mapped[str] = mapped_column(String(100), default="member")
    group_roles: Mapped[dict] = mapped_column(JSONB, default=dict)
    default_roles: Mapped[list[str]] = mapped_column(ARRAY(String(50)), default=list)
    department_map: Mapped[dict] = mapped_column(JSONB, default=dict)
    allow_create: Mapped[bool] = mapped_column(Boolean, default=False)
    sync_interval_minutes: Mapped[int] = mapped_column(default=60)  # 0: only when run by hand
    max_dismissals: Mapped[int] = mapped_column(default=10)
    next_sync_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # a sync holds this lease while it runs (claimed with FOR UPDATE SKIP LOCKED): one runner
    sync_claimed_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class LdapAccount(Base):
    """An employee as the directory knows them: the entry's unique id (entryUUID, objectGUID),
    linked once; its DN and login as last seen (a move or a rename keeps the link)."""

    __tablename__ = "ldap_accounts"

    employee_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("employees.id"), primary_key=True)
    entry_id: Mapped[str] = mapped_column(String(255), unique=True)
    dn: Mapped[str] = mapped_column(String(1000))
    login: Mapped[str | None] = mapped_column(String(255), index=True)
    # dismissed because the directory dropped or disabled the entry: taken back when it returns
    dismissed_by_sync: Mapped[bool] = mapped_column(Boolean, default=False)
    synced_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_sign_in_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class LdapSyncRun(Base):
    """One sync that wrote (or was stopped before writing): when, why, what it changed."""

    __tablename__ = "ldap_sync_runs"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    trigger: Mapped[str] = mapped_column(String(20))  # schedule, administrator
    started_by: Mapped[uuid.UUID | None]
    status: Mapped[str] = mapped_column(String(20))  # succeeded, held, failed
    counts: Mapped[dict] = mapped_column(JSONB, default=dict)
    changes: Mapped[list] = mapped_column(JSONB, default=list)
    error: Mapped[str | None] = mapped_column(Text)


outbox = Outbox(Base.metadata)
processed_events = ProcessedEvents(Base.metadata)
audit_log = AuditLog(Base.metadata)
