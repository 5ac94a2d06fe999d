"""The LDAP directory against Debian's slapd (StartTLS, the run's CA) on the real database:
settings refused when unsafe, sign-in by binding as the user, the sync with its dry run,
its safety rules and its single-runner claim, and the audit with ``source: ldap``."""
import uuid

import pyotp
import pytest
from sqlalchemy import select

from chancery_common.actor import Actor
from chancery_common.errors import Conflict, InvalidInput, PermissionDenied, Unauthenticated, Unavailable
from staff import ldap_directory, ldap_sign_in, ldap_sync, logic, sessions, two_factor
from staff.models import Department, Employee, LdapAccount, LdapDirectory, TwoFactor, audit_log

ADMIN = Actor(id=uuid.uuid4(), roles=["administrator"])


@pytest.fixture(scope="module")
def directory(ldap_server):
    return ldap_server


@pytest.fixture
def configure(session, directory):
    def save(**changes):
        with session.begin():
            return ldap_directory.save(session, data=directory.settings(**changes), actor=ADMIN)
    return save


@pytest.fixture
def fresh(new_database_url, make_session):
    """A session on an empty staff database with one local administrator (the sync must
    never leave Chancery without one)."""
    with make_session(new_database_url) as session:
        with session.begin():
            logic.create_employee(session, data={"full_name": "Local Admin", "email": "root@local.test",
                                                 "roles": ["administrator"], "password": "local-admin-password"})
        yield session


def save_in(session, directory, **changes):
    with session.begin():
        return ldap_directory.save(session, data=directory.settings(**changes), actor=ADMIN)


def sign_in(session, login, password):
    with session.begin():
        settings = ldap_sign_in.route(session, login=login)
    assert settings is not None, "the login should go to the directory"
    return ldap_sign_in.sign_in(session, settings=settings, login=login, password=password, ip="192.0.2.7")


def audit_of(session, record_id):
    with session.begin():
        rows, _ = audit_log.entries(session, record_ids=[record_id], limit=200)
        return rows


def employee_by_email(session, email):
    with session.begin():
        return logic.find_by_email(session, email=email)


def test_unsafe_or_broken_settings_are_refused_naming_the_field(session, directory):
    cases = [({"url": "http://example.test"}, "url"),
             ({"start_tls": False}, "start_tls"),
             ({"login_filter": "(uid=someone)"}, "login_filter"),
             ({"sync_filter": "objectClass=person"}, "sync_filter"),
             ({"ca_certificate": "not a certificate"}, "ca_certificate"),
             ({"group_roles": {"lawyers": ["pope"]}}, "group_roles"),
             ({"bind_dn": "not a dn"}, "bind_dn")]
    for changes, field in cases:
        with pytest.raises(InvalidInput) as refused:
            with session.begin():
                ldap_directory.save(session, data=directory.settings(**changes), actor=ADMIN)
        assert field in refused.value.details, (changes, refused.value.details)
    with session.begin():  # plain ldap:// only when explicitly allowed
        saved = ldap_directory.save(session, data=directory.settings(start_tls=False, allow_plain=True),
                                    actor=ADMIN)
        assert saved.allow_plain and not saved.start_tls


def test_a_directory_user_signs_in_by_binding_with_roles_and_department_from_the_directory(
        session, configure, directory):
    configure(allow_create=True)
    signed = sign_in(session, "anna", "anna-directory-password")
    assert signed.token and signed.challenge is None
    with session.begin():
        anna = session.get(Employee, signed.employee.id)
        assert anna.email == directory.email("anna") and anna.roles == ["lawyer"]
        assert anna.position == "Senior lawyer"
        assert session.get(Department, anna.department_id).name == f"Legal {directory.run}"  # from the OU
        assert session.get(LdapAccount, anna.id).login == "anna"
    rows = audit_of(session, anna.id)
    assert any(row["action"] == "signed_in" and row["changes"]["source"]["to"] == "ldap" for row in rows)
    # the e-mail is a login too
    assert sign_in(session, directory.email("anna"), "anna-directory-password").employee.id == anna.id


def test_wrong_password_unknown_user_and_injection_are_refused_and_failures_audited(
        session, configure, directory):
    configure(allow_create=True)
    anna_id = sign_in(session, "anna", "anna-directory-password").employee.id
    for login, password in (("anna", "wrong"), ("nobody", "whatever"), ("*", "anna-directory-password"),
                            ("anna)(uid=*", "anna-directory-password"), ("*)(|(uid=*", "x")):
        with pytest.raises(Unauthenticated):
            sign_in(session, login, password)
    rows = audit_of(session, anna_id)
    assert any(row["action"] == "sign_in_failed" and row["changes"]["source"]["to"] == "ldap" for row in rows)


def test_the_directory_down_is_a_clear_unavailable_not_a_wrong_password(session, configure, directory):
    configure(url="ldap://127.0.0.1:9", allow_create=True)
    with pytest.raises(Unavailable) as down:
        sign_in(session, "anna", "anna-directory-password")
    assert down.value.details["reason"] == "directory_unavailable"


def test_ldaps_works_and_a_server_certificate_of_another_ca_is_refused(session, configure, directory):
    configure(url=directory.ldaps_url, start_tls=False, allow_create=True)
    signed = sign_in(session, "anna", "anna-directory-password")
    assert signed.token and signed.employee.email == directory.email("anna")
    for changes in ({"url": directory.ldaps_url, "start_tls": False}, {}):  # LDAPS, then StartTLS
        configure(ca_certificate=directory.other_ca_pem, **changes)
        with session.begin():
            settings = ldap_directory.enabled_settings(session)
        with pytest.raises(ldap_directory.DirectoryUnavailable) as refused:
            ldap_directory.find_person(settings, "anna")
        assert "CERTIFICATE_VERIFY_FAILED" in str(refused.value), (changes, refused.value)
        with pytest.raises(Unavailable):  # the sign-in says the directory cannot be reached
            sign_in(session, "anna", "anna-directory-password")


def test_unknown_people_are_refused_unless_adding_is_allowed_and_dismissed_ones_always(session, configure,
                                                                                        directory):
    configure(allow_create=False)
    with pytest.raises(PermissionDenied) as refused:
        sign_in(session, "vera", "vera-directory-password")
    assert refused.value.details["reason"] == "unknown_employee"
    assert employee_by_email(session, directory.email("vera")) is None
    configure(allow_create=True)
    vera_id = sign_in(session, "vera", "vera-directory-password").employee.id
    with session.begin():
        sessions.deactivate_employee(session, employee_id=vera_id, actor=ADMIN)
    with pytest.raises(PermissionDenied) as refused:
        sign_in(session, "vera", "vera-directory-password")
    assert refused.value.details["reason"] == "dismissed"
    assert any(row["action"] == "sign_in_refused" and row["changes"]["reason"]["to"] == "dismissed"
               and row["changes"]["source"]["to"] == "ldap" for row in audit_of(session, vera_id))


def test_a_local_account_keeps_its_password_and_a_two_factor_user_still_gives_the_code(
        session, configure, directory, make_employee):
    configure(allow_create=True)
    local = make_employee(password="local-password-123")
    with session.begin():
        assert ldap_sign_in.route(session, login=local.email) is None  # Chancery checks this password
    boris_id = sign_in(session, "boris", "boris-directory-password").employee.id
    with session.begin():
        employee = session.get(Employee, boris_id)
        secret, _uri = two_factor.begin_enrolment(session, employee=employee)
        two_factor.confirm_enrolment(session, employee=employee, code=pyotp.TOTP(secret).now(), ip=None)
    pending = sign_in(session, "boris", "boris-directory-password")
    assert pending.token is None and pending.challenge
    with session.begin():
        session.get(TwoFactor, boris_id).last_step = None  # the enrolment's code may be the current one
    with session.begin():
        done = sessions.complete_sign_in(session, challenge=pending.challenge, code=pyotp.TOTP(secret).now())
    assert done.token
    last = [row for row in audit_of(session, boris_id) if row["action"] == "signed_in"][0]
    assert last["changes"]["source"]["to"] == "ldap" and last["changes"]["second_factor"]["to"] == "totp"


def run(session, **options):
    return ldap_sync.run(session, trigger="administrator", actor=ADMIN, **options)


def by_action(result, action):
    return {change.get("email") or change.get("name"): change for change in result["changes"]
            if change["action"] == action}


def test_the_sync_dry_run_writes_nothing_then_a_run_follows_directory_changes(fresh, directory):
    save_in(fresh, directory, allow_create=True, max_dismissals=5)
    dry = run(fresh, dry_run=True)
    assert dry["status"] == "succeeded" and dry["dry_run"]
    assert set(by_action(dry, "created")) == {directory.email(uid) for uid in ("anna", "boris", "vera", "gleb")}
    assert {f"Legal {directory.run}", f"Sales {directory.run}"} <= set(by_action(dry, "departments_created"))
    assert employee_by_email(fresh, directory.email("anna")) is None  # nothing written

    done = run(fresh)
    assert done["status"] == "succeeded" and done["counts"]["created"] == 4, done
    anna = employee_by_email(fresh, directory.email("anna"))
    boris = employee_by_email(fresh, directory.email("boris"))
    gleb = employee_by_email(fresh, directory.email("gleb"))
    assert anna.roles == ["lawyer"] and boris.roles == ["manager"] and gleb.roles == ["administrator"]
    again = run(fresh)
    assert again["counts"] == {**again["counts"], "created": 0, "updated": 0, "dismissed": 0}

    # the directory changes: anna moves to Sales, boris leaves his group, vera is deleted
    directory.modify("dn: uid=anna,ou=Legal {run},ou=people,dc=holding,dc=test\nchangetype: modrdn\n"
                     "newrdn: uid=anna\ndeleteoldrdn: 1\nnewsuperior: ou=Sales {run},ou=people,dc=holding,dc=test\n")
    directory.modify("dn: cn=sales-managers,ou=groups,dc=holding,dc=test\nchangetype: modify\n"
                     "delete: member\nmember: uid=boris,ou=Sales {run},ou=people,dc=holding,dc=test\n")
    directory.modify("dn: uid=vera,ou=Sales {run},ou=people,dc=holding,dc=test\nchangetype: delete\n")
    preview = run(fresh, dry_run=True)
    assert set(by_action(preview, "dismissed")) == {directory.email("vera")}
    assert employee_by_email(fresh, directory.email("vera")).is_active  # still: it was a dry run

    followed = run(fresh)
    assert followed["status"] == "succeeded", followed
    with fresh.begin():
        anna = fresh.get(Employee, anna.id)
        assert fresh.get(Department, anna.department_id).name == f"Sales {directory.run}"
        assert fresh.get(LdapAccount, anna.id).dn == directory.dn("anna", "Sales")  # the move kept the link
        assert fresh.get(Employee, boris.id).roles == ["employee"]
        vera = logic.find_by_email(fresh, email=directory.email("vera"))
        assert not vera.is_active and fresh.get(LdapAccount, vera.id).dismissed_by_sync
    rows = audit_of(fresh, vera.id)
    dismissal = [row for row in rows if row["changes"].get("is_active")][0]
    assert dismissal["changes"]["source"]["to"] == "ldap"
    assert dismissal["changes"]["reason"]["to"] == "not in the directory"
    with fresh.begin():
        row = fresh.scalars(select(LdapDirectory)).one()
    summary = audit_of(fresh, row.id)
    assert any(entry["action"] == "synced" and entry["changes"]["dismissed"]["to"] == 1 for entry in summary)

    # a disabled account (an administrative lock) is dismissed, and refused at sign-in
    directory.modify("dn: uid=gleb,ou=Legal {run},ou=people,dc=holding,dc=test\nchangetype: modify\n"
                     "add: pwdAccountLockedTime\npwdAccountLockedTime: 000001010000Z\n")
    assert set(by_action(run(fresh), "dismissed")) == {directory.email("gleb")}
    with pytest.raises(PermissionDenied) as refused:  # the password is right (no policy enforces the lock here)
        sign_in(fresh, "gleb", "gleb-directory-password")
    assert refused.value.details["reason"] == "disabled"
    directory.modify("dn: uid=gleb,ou=Legal {run},ou=people,dc=holding,dc=test\nchangetype: modify\n"
                     "delete: pwdAccountLockedTime\n")
    assert set(by_action(run(fresh), "reactivated")) == {directory.email("gleb")}


def test_the_sync_never_dismisses_everyone_by_accident(fresh, directory):
    save_in(fresh, directory, allow_create=True, max_dismissals=1)
    assert run(fresh)["status"] == "succeeded"
    save_in(fresh, directory, sync_filter="(objectClass=nobodyHasThis)")
    empty = run(fresh)
    assert empty["status"] == "held" and "nobody" in empty["error"]
    save_in(fresh, directory, sync_filter="(uid=anna)")
    held = run(fresh)
    assert held["status"] == "held" and "limit" in held["error"] and held["counts"]["dismissed"] > 1
    assert employee_by_email(fresh, directory.email("boris")).is_active  # nothing written
    save_in(fresh, directory, url="ldap://127.0.0.1:9")
    failed = run(fresh)
    assert failed["status"] == "failed"
    with fresh.begin():
        statuses = [run_.status for run_ in ldap_sync.runs(fresh)]
    assert statuses[:3] == ["failed", "held", "held"]


def test_one_runner_claims_a_scheduled_sync(fresh, directory, new_database_url, make_session):
    save_in(fresh, directory, allow_create=True)
    with make_session(new_database_url) as other:
        with fresh.begin():
            first = ldap_sync.claim(fresh, due_only=True)
            with other.begin():
                assert first is not None
                assert ldap_sync.claim(other, due_only=True) is None  # locked: skipped
        with other.begin():
            assert ldap_sync.claim(other, due_only=True) is None  # leased
    with pytest.raises(Conflict):
        run(fresh)


def test_a_first_save_names_what_is_missing(new_database_url, make_session, directory):
    with make_session(new_database_url) as session:
        for given, field in (({}, "url"), ({"url": directory.url}, "user_base")):
            with pytest.raises(InvalidInput) as refused:
                with session.begin():
                    ldap_directory.save(session, data=given, actor=ADMIN)
            assert field in refused.value.details
        with session.begin():
            saved = ldap_directory.save(
                session, data={"url": directory.url, "user_base": "ou=people,dc=holding,dc=test"}, actor=ADMIN)
            assert not saved.enabled and saved.bind_dn == "" and saved.start_tls
