"""Who a person the OpenID provider vouched for is in Chancery: linking, the claim mapping,
refusals and their audit, on the real database."""
import uuid

import pytest
from sqlalchemy import select

from chancery_common.actor import Actor
from chancery_common.errors import InvalidInput, PermissionDenied
from staff import external_sign_in, logic, sessions
from staff.models import Department, ExternalIdentity, audit_log

ISSUER = "https://login.holding.test"
ADMIN = Actor(id=uuid.uuid4(), roles=["administrator"])


@pytest.fixture
def legal(session):
    with session.begin():
        department = Department(name=f"Legal {uuid.uuid4().hex[:6]}")
        session.add(department)
    return department


@pytest.fixture
def configure(session):
    def save(**changes):
        data = {"enabled": True, "display_name": "Holding", "issuer": ISSUER, "client_id": "chancery",
                "client_secret": "secret", "scopes": "openid email profile", "allow_create": False,
                "email_claim": "email", "name_claim": "name", "groups_claim": "groups",
                "department_claim": "department", "position_claim": "position",
                "group_roles": {"lawyers": ["lawyer"], "bosses": ["director", "department_head"]},
                "default_roles": ["employee"], "department_map": {}, **changes}
        with session.begin():
            return external_sign_in.save_provider(session, data=data, actor=ADMIN)
    return save


def claims(**extra):
    return {"sub": f"sub-{uuid.uuid4().hex[:8]}", "email_verified": True, **extra}


def sign_in(session, assertion):
    with session.begin():
        token, opened, employee = external_sign_in.sign_in(session, issuer=ISSUER, claims=assertion,
                                                           ip="192.0.2.5")
        return token, employee.id


def audit_rows(session, record_id):
    with session.begin():
        rows, _ = audit_log.entries(session, record_ids=[record_id])
        return rows


def test_an_employee_is_found_by_verified_email_and_the_mapping_sets_roles_department_position(
        session, make_employee, configure, legal):
    configure(department_map={"LEGAL": str(legal.id)})
    employee = make_employee(roles=["secretary"])
    employee_id, email = employee.id, employee.email
    token, signed_in = sign_in(session, claims(email=email.upper(), groups=["lawyers", "unrelated"],
                                               department="LEGAL", position="Senior lawyer"))
    assert signed_in == employee_id
    with session.begin():
        _, resolved = sessions.resolve_session(session, token=token)
        assert resolved.roles == ["lawyer"] and resolved.department_id == legal.id
        assert resolved.position == "Senior lawyer"
    actions = [row["action"] for row in audit_rows(session, employee_id)]
    assert "signed_in" in actions and "updated" in actions
    signed = next(row for row in audit_rows(session, employee_id) if row["action"] == "signed_in")
    assert signed["changes"]["source"]["to"] == "oidc"


def test_the_mapping_applies_again_at_every_sign_in(session, make_employee, configure, legal):
    configure()
    employee = make_employee()
    employee_id = employee.id
    subject = claims(email=employee.email, groups=["bosses"], department=legal.name)
    sign_in(session, subject)
    with session.begin():
        assert sorted(logic.get_employee(session, employee_id=employee_id).roles) == ["department_head", "director"]
        assert logic.get_employee(session, employee_id=employee_id).department_id == legal.id  # by name
    # left the group at the provider: the next sign-in takes the roles away (subject stays linked)
    sign_in(session, {**subject, "groups": [], "email": "changed@elsewhere.test"})
    with session.begin():
        assert logic.get_employee(session, employee_id=employee_id).roles == ["employee"]


def test_an_unknown_person_is_refused_unless_creation_is_allowed(session, configure):
    settings = configure(allow_create=False)
    provider_id = settings.id
    email = f"new.{uuid.uuid4().hex[:6]}@holding.test"
    with pytest.raises(external_sign_in.Refused) as refused:
        sign_in(session, claims(email=email, name="New Person"))
    assert refused.value.code == "unknown_employee"
    with session.begin():
        assert logic.find_by_email(session, email=email) is None

    configure(allow_create=True)
    _, created_id = sign_in(session, claims(email=email, name="New Person", groups=["lawyers"]))
    with session.begin():
        created = logic.get_employee(session, employee_id=created_id)
        assert (created.full_name, created.email, created.roles) == ("New Person", email, ["lawyer"])
    assert provider_id == configure().id  # one provider, updated


def test_an_unverified_email_neither_links_nor_creates(session, make_employee, configure):
    configure(allow_create=True)
    employee = make_employee()
    with pytest.raises(external_sign_in.Refused) as refused:
        sign_in(session, claims(email=employee.email, email_verified=False))
    assert refused.value.code == "no_email"


def test_a_dismissed_employee_is_refused_even_when_linked(session, make_employee, configure):
    configure()
    employee = make_employee()
    employee_id = employee.id
    subject = claims(email=employee.email)
    sign_in(session, subject)
    with session.begin():
        sessions.deactivate_employee(session, employee_id=employee_id, actor=ADMIN)
    with pytest.raises(external_sign_in.Refused) as refused:
        sign_in(session, subject)
    assert (refused.value.code, refused.value.employee_id) == ("dismissed", employee_id)
    with session.begin():
        assert session.scalars(select(ExternalIdentity).where(
            ExternalIdentity.employee_id == employee_id)).one().subject == subject["sub"]


def test_another_issuer_or_a_disabled_provider_is_refused(session, make_employee, configure):
    configure(enabled=False)
    email = make_employee().email
    with pytest.raises(external_sign_in.Refused) as refused:
        sign_in(session, claims(email=email))
    assert refused.value.code == "not_configured"
    configure(enabled=True, issuer="https://another.test")
    with pytest.raises(external_sign_in.Refused):
        sign_in(session, claims(email=email))


def test_refusals_are_audited_with_their_source(session, configure):
    settings = configure()
    with session.begin():
        external_sign_in.audit_refusal(session, code="bad_nonce", issuer=ISSUER, ip="192.0.2.9")
    row = audit_rows(session, settings.id)[0]
    assert row["action"] == "sign_in_refused"
    assert row["changes"]["reason"]["to"] == "bad_nonce" and row["changes"]["source"]["to"] == "oidc"


def test_the_mapping_is_checked_and_the_secret_never_shown(session, configure):
    with pytest.raises(InvalidInput) as bad:
        configure(group_roles={"lawyers": ["wizard"]})
    assert "group_roles" in bad.value.details
    with pytest.raises(InvalidInput) as bad:
        configure(department_map={"X": str(uuid.uuid4())})
    assert "department_map" in bad.value.details
    with pytest.raises(PermissionDenied):
        with session.begin():
            external_sign_in.save_provider(session, data={}, actor=Actor(id=uuid.uuid4(), roles=["lawyer"]))
    saved = configure(client_secret=None)  # left out: the stored one stays
    assert saved.client_secret == "secret"
    from staff.schemas import SignInProviderSchema
    dumped = SignInProviderSchema().dump(saved)
    assert "client_secret" not in dumped and dumped["has_client_secret"] is True
