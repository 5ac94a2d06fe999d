"""The staff service's entrypoints: validate input, call logic, dump output."""


from datetime import date, datetime, timedelta, timezone
from datetime import time as datetime_time

from nameko.messaging import Publisher
from nameko.timer import timer

from chancery_common import event_log, identities
from chancery_common import sync
from chancery_common.actor import load_actor
from chancery_common.database import Database
from chancery_common.errors import InvalidInput, PermissionDenied, load, parse_uuid
from chancery_common.observability import Observability
from chancery_common.outbox import OutboxRelay
from chancery_common.rpc import rpc
from chancery_common.timers import every
from chancery_common.versions import load_version

from . import (
    calendar_feeds, employee_import, external_sign_in, ldap_directory, ldap_sign_in, ldap_sync, logic, organisation,
    policy, schemas, sessions, two_factor,
)
from .models import audit_log, outbox

employee_schema = schemas.EmployeeSchema()
token_schema = schemas.ApiTokenSchema()
calendar_feed_schema = schemas.CalendarFeedStatusSchema()
department_schema = schemas.DepartmentSchema()
legal_entity_schema = schemas.LegalEntitySchema()
absence_schema = schemas.AbsenceSchema()
provider_schema = schemas.SignInProviderSchema()
ldap_schema = schemas.LdapDirectorySchema()
# how often replicas look whether the directory's sync is due (its interval is a setting)


def identity(session, employee, source=None, **extra):
    """What the gateway needs to act for a signed-in employee: who they are, what their
    roles let them do, which departments' records they see, and for whom they deputise.
    ``source``: how the session was opened (password, oidc, ldap), for a session."""
    return {"employee": employee_schema.dump(employee),
            "permissions": organisation.permissions_of(session, employee=employee),
            "visible_department_ids": organisation.visible_department_ids(session, employee=employee),
            "acting_for": organisation.acting_for(session, employee=employee),
            # gateways keep employees' names; this tells them whether theirs are current
            "names_version": logic.names_version(session),
            # the policy requires two-factor of this employee, not enrolled yet: the gateway
            # lets a password session do nothing else (API tokens and provider sessions are
            # not asked)
            "two_factor_enrolment_required": two_factor.enrolment_missing(session, employee, source),
            **extra}


def identities_valid_until(expires_at=None):
    """Until when an identity holds whatever the tables say (ISO 8601): the session's or the
    token's expiry, and the next local midnight, when deputies change by the calendar alone."""
    midnight = datetime.combine(date.today() + timedelta(days=1), datetime_time.min).astimezone(timezone.utc)
    return min(filter(None, (expires_at, midnight))).isoformat()


class StaffService(event_log.EventLogEntrypoints):
    name = "staff"

    db = Database()
    observability = Observability()
    relay = OutboxRelay(outbox)
    event_outbox = outbox  # its published-event log (event_log.EventLogEntrypoints)
    identity_news = Publisher(exchange=identities.EXCHANGE)  # the identity version's heartbeat

    @rpc
    def ping(self):
        return "pong"

    @timer(interval=identities.HEARTBEAT_SECONDS)
    def tell_identity_version(self):
        """The heartbeat of chancery_common.identities: the current identity version to every
        gateway worker (each replica sends it; a gateway keeps the highest)."""
        self.identity_news(identities.news(logic.identity_version(self.db)), routing_key="",
                           delivery_mode=1, expiration=identities.EXPIRES_SECONDS)

    @rpc
    def authenticate(self, credentials):
        data = load(schemas.CredentialsSchema(), credentials)
        with self.db.begin():
            employee = logic.authenticate(self.db, **data)
        return employee_schema.dump(employee)

    @rpc
    def get_employee(self, employee_id):
        employee = logic.get_employee(self.db, employee_id=parse_uuid(employee_id, "employee_id"))
        return employee_schema.dump(employee)

    @rpc
    def list_employees(self, query=None):
        params = load(schemas.EmployeeQuerySchema(), query or {})
        items, total = logic.list_employees(self.db, **params)
        return {"items": employee_schema.dump(items, many=True), "total": total}

    @rpc
    def sync_employees(self, query):
        """Employees by change, deactivated ones as tombstones (``query``: sync.SyncQuerySchema)."""
        items, cursors = logic.employees_changed(self.db, **load(sync.SyncQuerySchema(), query))
        return sync.answer([employee_schema.dump(e) if e.is_active else sync.tombstone(e.id, e.updated_at)
                            for e in items], cursors)

    @rpc
    def employee_names(self, ids):
        """{id: full name} of the employees named (dismissed ones too); unknown ids are absent.
        What a view needs to show people, in one query of two columns."""
        if not isinstance(ids, list) or len(ids) > 1000:
            raise InvalidInput("Invalid input: ids", {"ids": ["A list of at most 1000 employee ids is expected."]})
        wanted = [parse_uuid(employee_id, "ids") for employee_id in ids]
        return {str(employee_id): name for employee_id, name in logic.employee_names(self.db, ids=wanted).items()}

    @rpc
    def employee_names_since(self, version):
        """{version, names}: the current version of the employees' names and {id: full name} of
        every employee added or renamed after ``version`` (-1: every employee). A gateway keeps
        the names and asks for what changed when a newer version is announced to it."""
        if not isinstance(version, int) or isinstance(version, bool) or version < -1:
            raise InvalidInput("Invalid input: version",
                               {"version": ["A names version (an integer, -1 for every name) is expected."]})
        current, names = logic.names_since(self.db, version=version)
        return {"version": current, "names": {str(employee_id): name for employee_id, name in names.items()}}

    @rpc
    def create_employee(self, actor, employee):
        actor = load_actor(actor)
        organisation.require_admin(actor)
        data = load(schemas.NewEmployeeSchema(), employee)
        with self.db.begin():
            created = logic.create_employee(self.db, data=data, actor_id=actor.id)
        return employee_schema.dump(created)

    @rpc
    def ensure_administrator(self, email, password=None):
        with self.db.begin():
            employee, generated = logic.ensure_administrator(self.db, email=email, password=password)
        return {"employee": employee_schema.dump(employee), "generated_password": generated}

    # Signing in ------------------------------------------------------------------------

    @rpc
    def sign_in(self, credentials, client=None):
        """Open a session; returns its token (for the cookie) and the employee."""
        data = load(schemas.CredentialsSchema(), credentials)
        where = load(schemas.ClientSchema(), client or {})
        with self.db.begin():
            directory = ldap_sign_in.route(self.db, login=data["email"])
        if directory is not None:  # a directory-managed account: the directory checks the password
            return self._signed_in(ldap_sign_in.sign_in(self.db, settings=directory, login=data["email"],
                                                        password=data["password"], **where))
        try:
            with self.db.begin():
                signed = sessions.sign_in(self.db, **data, **where)
        except sessions.Unauthenticated:
            # the failed attempt is recorded even though the sign-in is refused
            with self.db.begin():
                sessions.record_failure(self.db, email=data["email"], ip=where["ip"])
            raise
        except PermissionDenied as refused:
            with self.db.begin():
                sessions.record_refusal(self.db, email=data["email"], ip=where["ip"],
                                        reason=(refused.details or {}).get("reason"))
            raise
        return self._signed_in(signed)

    def _signed_in(self, signed):
        if signed.challenge:
            return {"second_factor_required": True, "challenge": signed.challenge}
        return identity(self.db, signed.employee, signed.session.source, session_token=signed.token,
                        expires_at=signed.session.expires_at.isoformat())

    @rpc
    def complete_sign_in(self, second_factor, client=None):
        """The second step of a sign-in with two-factor on: the challenge and a code."""
        data = load(schemas.SecondFactorSchema(), second_factor)
        where = load(schemas.ClientSchema(), client or {})
        try:
            with self.db.begin():
                signed = sessions.complete_sign_in(self.db, **data, **where)
        except sessions.Unauthenticated as exc:
            if exc.details and exc.details.get("email"):
                with self.db.begin():
                    sessions.record_failure(self.db, email=exc.details["email"], ip=where["ip"],
                                            source=exc.details.get("source", "password"))
                raise sessions.Unauthenticated("wrong code") from None
            raise
        return identity(self.db, signed.employee, signed.session.source, session_token=signed.token,
                        expires_at=signed.session.expires_at.isoformat())

    @rpc
    def two_factor_status(self, actor):
        employee = logic.get_employee(self.db, employee_id=load_actor(actor).id)
        return two_factor.status(self.db, employee)

    @rpc
    def begin_two_factor(self, actor):
        """A new TOTP secret for the signed-in employee (in force once confirmed)."""
        with self.db.begin():
            employee = logic.get_employee(self.db, employee_id=load_actor(actor).id)
            secret, uri = two_factor.begin_enrolment(self.db, employee=employee)
        return {"secret": secret, "otpauth_uri": uri}

    @rpc
    def pending_two_factor(self, actor):
        employee = logic.get_employee(self.db, employee_id=load_actor(actor).id)
        return {"otpauth_uri": two_factor.pending_uri(self.db, employee=employee)}

    @rpc
    def confirm_two_factor(self, actor, confirmation, client=None):
        """Confirm the enrolment with a first code; returns the recovery codes, once."""
        data = load(schemas.CodeSchema(), confirmation)
        where = load(schemas.ClientSchema(), client or {})
        with self.db.begin():
            employee = logic.get_employee(self.db, employee_id=load_actor(actor).id)
            codes = two_factor.confirm_enrolment(self.db, employee=employee, code=data["code"], ip=where["ip"])
        return {"recovery_codes": codes}

    @rpc
    def turn_off_two_factor(self, actor, confirmation, client=None):
        data = load(schemas.CodeSchema(), confirmation)
        where = load(schemas.ClientSchema(), client or {})
        with self.db.begin():
            employee = logic.get_employee(self.db, employee_id=load_actor(actor).id)
            two_factor.turn_off(self.db, employee=employee, code=data["code"], ip=where["ip"])
        return True

    @rpc
    def reset_two_factor(self, actor, employee_id):
        actor = load_actor(actor)
        with self.db.begin():
            employee = logic.get_employee(self.db, employee_id=parse_uuid(employee_id, "employee_id"))
            two_factor.reset(self.db, employee=employee, actor=actor)
        return True

    @rpc
    def sign_in_policy(self, actor):
        load_actor(actor)
        return policy.as_dict(policy.current(self.db))

    @rpc
    def set_sign_in_policy(self, actor, changes):
        actor = load_actor(actor)
        data = load(schemas.SignInPolicySchema(), changes)
        with self.db.begin():
            found = policy.update(self.db, changes=data, actor=actor)
        return policy.as_dict(found)

    @rpc
    def sign_in_external(self, assertion, client=None):
        """Open a session for claims the gateway verified with the OpenID Connect provider.

        A sign-in Chancery does not accept (unknown, dismissed...) is audited and refused
        with PermissionDenied whose details carry the reason's code."""
        data = load(schemas.ExternalSignInSchema(), assertion)
        where = load(schemas.ClientSchema(), client or {})
        try:
            with self.db.begin():
                token, opened, employee = external_sign_in.sign_in(self.db, **data, **where)
        except external_sign_in.Refused as refused:
            with self.db.begin():
                external_sign_in.audit_refusal(
                    self.db, code=refused.code, issuer=data["issuer"], subject=data["claims"]["sub"],
                    employee_id=refused.employee_id, ip=where["ip"])
            raise PermissionDenied(str(refused), {"reason": refused.code}) from None
        return identity(self.db, employee, opened.source, session_token=token,
                        expires_at=opened.expires_at.isoformat())

    @rpc
    def record_sign_in_refusal(self, refusal, client=None):
        """Audit a sign-in the gateway refused before asking who it was (bad state or token,
        the provider's own refusal)."""
        data = load(schemas.SignInRefusalSchema(), refusal)
        where = load(schemas.ClientSchema(), client or {})
        with self.db.begin():
            external_sign_in.audit_refusal(self.db, ip=where["ip"], **data)
        return True

    @rpc
    def sign_in_provider(self):
        """For the gateway: the provider's connection (with the secret), or None."""
        found = external_sign_in.provider(self.db)
        if found is None:
            return None
        return {**provider_schema.dump(found), "client_secret": found.client_secret}

    @rpc
    def sign_in_provider_settings(self, actor):
        """For administrators: the provider and the mapping, without the secret."""
        organisation.require_admin(load_actor(actor))
        found = external_sign_in.provider(self.db)
        return provider_schema.dump(found) if found is not None else None

    @rpc
    def save_sign_in_provider(self, actor, settings):
        actor = load_actor(actor)
        data = load(schemas.SignInProviderSchema(), settings)
        with self.db.begin():
            saved = external_sign_in.save_provider(self.db, data=data, actor=actor)
        return provider_schema.dump(saved)

    # The LDAP directory ------------------------------------------------------------------

    @rpc
    def ldap_sign_in_enabled(self):
        """For the gateway's sign-in page: whether logins may be the directory's."""
        return ldap_directory.enabled_settings(self.db) is not None

    @rpc
    def ldap_directory_settings(self, actor):
        """For administrators: the directory and the mapping, without the password."""
        organisation.require_admin(load_actor(actor))
        found = ldap_directory.directory(self.db)
        return ldap_schema.dump(found) if found is not None else None

    @rpc
    def save_ldap_directory(self, actor, settings):
        actor = load_actor(actor)
        data = load(schemas.LdapDirectorySchema(), settings)
        with self.db.begin():
            saved = ldap_directory.save(self.db, data=data, actor=actor)
        return ldap_schema.dump(saved)

    @rpc
    def run_ldap_sync(self, actor, request=None):
        """Sync now (administrators); a dry run lists what a sync would change, writing nothing."""
        actor = load_actor(actor)
        organisation.require_admin(actor)
        data = load(schemas.LdapSyncRequestSchema(), request or {})
        return ldap_sync.run(self.db, trigger="administrator", actor=actor, dry_run=data["dry_run"])

    @rpc
    def ldap_sync_runs(self, actor):
        organisation.require_admin(load_actor(actor))
        return schemas.LdapSyncRunSchema(many=True).dump(ldap_sync.runs(self.db))

    @every("LDAP_SYNC_TICK_SECONDS", 30)
    def sync_ldap_directory(self):
        """The scheduled sync, when due (one replica runs it: the claim is a locked, leased row)."""
        ldap_sync.run(self.db, trigger="schedule")

    @rpc
    def resolve_session(self, token):
        """The session's identity, with the identity version read before anything else of it and
        until when it holds (chancery_common.identities: gateways keep it while both hold)."""
        data = load(schemas.TokenSchema(), {"token": token})
        with self.db.begin():
            version = logic.identity_version(self.db)
            found, employee = sessions.resolve_session(self.db, token=data["token"])
        return identity(self.db, employee, found.source, expires_at=found.expires_at.isoformat(),
                        identity_version=version, valid_until=identities_valid_until(found.expires_at))

    @rpc
    def end_session(self, token):
        data = load(schemas.TokenSchema(), {"token": token})
        with self.db.begin():
            sessions.end_session(self.db, token=data["token"])
        return True

    @rpc
    def resolve_api_token(self, token):
        data = load(schemas.TokenSchema(), {"token": token})
        with self.db.begin():
            version = logic.identity_version(self.db)
            record, employee = sessions.resolve_api_token(self.db, token=data["token"])
        return identity(self.db, employee, scopes=list(record.scopes), token_id=str(record.id),
                        identity_version=version, valid_until=identities_valid_until(record.expires_at))

    @rpc
    def resolve_calendar_feed(self, secret):
        """The identity of the employee whose calendar address has this secret (NotFound for an
        unknown or revoked one, or a dismissed employee's)."""
        data = load(schemas.CalendarSecretSchema(), {"secret": secret})
        with self.db.begin():
            employee = calendar_feeds.resolve(self.db, secret=data["secret"])
            return identity(self.db, employee)

    @rpc
    def calendar_feed(self, actor):
        """The signed-in employee's calendar address: whether there is one, made and last read when."""
        actor = load_actor(actor)
        with self.db.begin():
            return calendar_feed_schema.dump(calendar_feeds.status(self.db, actor=actor))

    @rpc
    def issue_calendar_feed(self, actor):
        """A new secret for the employee's calendar address (the old one stops working): shown once."""
        actor = load_actor(actor)
        with self.db.begin():
            secret, status = calendar_feeds.issue(self.db, actor=actor)
        return calendar_feed_schema.dump({**status, "secret": secret})

    @rpc
    def revoke_calendar_feed(self, actor):
        actor = load_actor(actor)
        with self.db.begin():
            status = calendar_feeds.revoke(self.db, actor=actor)
        return calendar_feed_schema.dump(status)

    @rpc
    def change_password(self, actor, change):
        actor = load_actor(actor)
        data = load(schemas.PasswordChangeSchema(), change)
        with self.db.begin():
            sessions.change_password(self.db, actor=actor, **data)
        return True

    @rpc
    def update_own_settings(self, actor, changes):
        """The signed-in employee changes their own language and time zone."""
        actor = load_actor(actor)
        data = load(schemas.OwnSettingsSchema(), changes)
        with self.db.begin():
            employee = logic.update_employee(self.db, employee_id=actor.id, changes=data, actor_id=actor.id)
        return employee_schema.dump(employee)

    @rpc
    def reset_password(self, actor, employee_id, reset=None):
        actor = load_actor(actor)
        data = load(schemas.PasswordResetSchema(), reset or {})
        with self.db.begin():
            employee, generated = sessions.reset_password(
                self.db, employee_id=parse_uuid(employee_id, "employee_id"), actor=actor, **data)
        return {"employee": employee_schema.dump(employee), "generated_password": generated}

    @rpc
    def deactivate_employee(self, actor, employee_id):
        actor = load_actor(actor)
        with self.db.begin():
            employee = sessions.deactivate_employee(
                self.db, employee_id=parse_uuid(employee_id, "employee_id"), actor=actor)
        return employee_schema.dump(employee)

    @rpc
    def create_api_token(self, actor, request):
        actor = load_actor(actor)
        data = load(schemas.NewApiTokenSchema(), request)
        with self.db.begin():
            token, record = sessions.create_api_token(self.db, actor=actor, **data)
        return {**token_schema.dump(record), "token": token}

    @rpc
    def list_api_tokens(self, actor):
        actor = load_actor(actor)
        return token_schema.dump(sessions.list_api_tokens(self.db, actor=actor), many=True)

    @rpc
    def revoke_api_token(self, actor, token_id):
        actor = load_actor(actor)
        with self.db.begin():
            record = sessions.revoke_api_token(self.db, token_id=parse_uuid(token_id, "token_id"),
                                               actor=actor)
        return token_schema.dump(record)

    # The organisation --------------------------------------------------------------------

    @rpc
    def update_employee(self, actor, employee_id, changes, expected_version=None):
        actor = load_actor(actor)
        organisation.require_admin(actor)
        data = load(schemas.EmployeeChangesSchema(), changes)
        with self.db.begin():
            employee = logic.update_employee(
                self.db, employee_id=parse_uuid(employee_id, "employee_id"), changes=data,
                actor_id=actor.id, expected_version=load_version(expected_version))
        return employee_schema.dump(employee)

    @rpc
    def list_legal_entities(self, actor):
        load_actor(actor)
        return legal_entity_schema.dump(organisation.list_legal_entities(self.db), many=True)

    @rpc
    def create_legal_entity(self, actor, entity):
        actor = load_actor(actor)
        data = load(schemas.LegalEntitySchema(), entity)
        with self.db.begin():
            created = organisation.create_legal_entity(self.db, data=data, actor=actor)
        return legal_entity_schema.dump(created)

    @rpc
    def list_positions(self, actor):
        load_actor(actor)
        return schemas.PositionSchema(many=True).dump(organisation.list_positions(self.db))

    @rpc
    def create_position(self, actor, position):
        actor = load_actor(actor)
        data = load(schemas.PositionSchema(), position)
        with self.db.begin():
            created = organisation.create_position(self.db, name=data["name"], actor=actor)
        return schemas.PositionSchema().dump(created)

    @rpc
    def list_departments(self, actor):
        load_actor(actor)
        return department_schema.dump(organisation.list_departments(self.db), many=True)

    @rpc
    def sync_departments(self, actor, query):
        """Departments by change (``query``: sync.SyncQuerySchema)."""
        load_actor(actor)
        items, cursors = organisation.departments_changed(self.db, **load(sync.SyncQuerySchema(), query))
        return sync.answer(department_schema.dump(items, many=True), cursors)

    @rpc
    def save_department(self, actor, department, department_id=None, expected_version=None):
        """Create a department, or change one (``expected_version``: as chancery_common.versions)."""
        actor = load_actor(actor)
        data = load(schemas.DepartmentSchema(partial=department_id is not None), department)
        with self.db.begin():
            saved = organisation.save_department(
                self.db, data=data, actor=actor,
                department_id=parse_uuid(department_id, "department_id") if department_id else None,
                expected_version=load_version(expected_version))
        return department_schema.dump(saved)

    @rpc
    def add_absence(self, actor, absence):
        actor = load_actor(actor)
        data = load(schemas.AbsenceSchema(), absence)
        with self.db.begin():
            created = organisation.add_absence(self.db, data=data, actor=actor)
        return absence_schema.dump(created)

    @rpc
    def cancel_absence(self, actor, absence_id):
        actor = load_actor(actor)
        with self.db.begin():
            absence = organisation.cancel_absence(
                self.db, absence_id=parse_uuid(absence_id, "absence_id"), actor=actor)
        return absence_schema.dump(absence)

    @rpc
    def list_absences(self, actor, employee_id=None):
        load_actor(actor)
        employee = parse_uuid(employee_id, "employee_id") if employee_id else None
        return absence_schema.dump(organisation.list_absences(self.db, employee_id=employee), many=True)

    @rpc
    def acting_employees(self, query):
        """For other services: who acts for each employee on a day (deputies, heads)."""
        data = load(schemas.ActingQuerySchema(), query)
        return organisation.acting_employees(self.db, employee_ids=data["employee_ids"], on=data["on"])

    @rpc
    def resolve_approvers(self, query):
        """For the approvals service: approver specs to today's acting people."""
        data = load(schemas.ResolveApproversSchema(), query)
        return organisation.resolve_approvers(self.db, specs=data["specs"], context=data["context"])

    @rpc
    def standing_in_for(self, query):
        """For the approvals service: whom an employee stands in for on a day."""
        data = load(schemas.StandingInQuerySchema(), query)
        return organisation.standing_in_for(self.db, employee_id=data["employee_id"], on=data["on"])

    @rpc
    def role_settings(self, actor):
        load_actor(actor)
        return organisation.role_settings(self.db)

    @rpc
    def set_role_permission(self, actor, setting):
        actor = load_actor(actor)
        data = load(schemas.RolePermissionSchema(), setting)
        with self.db.begin():
            return organisation.set_role_permission(self.db, actor=actor, **data)

    @rpc
    def import_employees(self, actor, upload):
        """``upload``: {columns: [header], rows: [{row, values: {column: text}}], dry_run}; the report
        (employee_import.py). Rows in error: InvalidInput naming them (``details``: {rows: {n: [...]}})."""
        actor = load_actor(actor)
        data = load(schemas.ImportSchema(), upload)
        with self.db.begin():
            return employee_import.import_employees(self.db, rows=data["rows"], columns=data["columns"],
                                                    dry_run=data["dry_run"], actor=actor)

    # Audit and access ----------------------------------------------------------------------

    @rpc
    def audit_entries(self, actor, query=None):
        """The staff service's audit rows (employees, departments, tokens...): view_audit only."""
        params = load(schemas.AuditQuerySchema(), query or {})
        # nothing here is readable per record without view_audit: no checks
        items, total = audit_log.readable(self.db, actor=load_actor(actor), checks={}, **params)
        return {"items": schemas.AuditEntrySchema(many=True).dump(items), "total": total}

    @rpc
    def verify_audit(self, actor):
        return audit_log.verified(self.db, actor=load_actor(actor))

    @rpc
    def identity_of(self, actor, employee_id):
        """Another employee's identity as the gateway builds it, for "why can they see this"."""
        organisation.require_admin(load_actor(actor))
        employee = logic.get_employee(self.db, employee_id=parse_uuid(employee_id, "employee_id"))
        return identity(self.db, employee)
