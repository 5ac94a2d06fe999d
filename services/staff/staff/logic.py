"""The organisation: employees, their credentials and who they are."""
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, or_, select

from chancery_common import sync, versions

from . import events, schemas
from .exceptions import Conflict, InvalidInput, NotFound, Unauthenticated
from .models import Department, Employee, IdentityVersion, NamesVersion, audit_log

EMPLOYEE_FIELDS = ("full_name", "email", "phone", "position", "department_id", "roles", "locale",
                   "time_zone", "is_active")


def audit(session, *, actor_id, action, record_type, record_id, changes=None):
    """One row in the staff service's audit log, in the caller's transaction."""
    audit_log.record(session, actor_id=actor_id, action=action, record_type=record_type,
                     record_id=record_id, changes=changes)

hasher = PasswordHasher()
# Verifying against this keeps a login for an unknown e-mail as slow as for a known one.
_DUMMY_HASH = hasher.hash("chancery-timing-equaliser")


def get_employee(session, *, employee_id, for_update=False):
    """One employee by id, or NotFound (``for_update``: its row locked until the transaction ends)."""
    employee = session.get(Employee, employee_id, with_for_update=for_update or None)
    if employee is None:
        raise NotFound(f"employee {employee_id} not found")
    return employee


def find_by_email(session, *, email):
    return session.scalars(
        select(Employee).where(func.lower(Employee.email) == email.strip().lower())
    ).first()


def list_employees(session, *, search=None, ids=None, active_only=True, limit=100, offset=0):
    """Employees ordered by name, filtered by text, ids and activity."""
    query = select(Employee)
    if active_only:
        query = query.where(Employee.is_active.is_(True))
    if ids is not None:
        query = query.where(Employee.id.in_(ids))
    if search:
        pattern = f"%{search.strip()}%"
        query = query.where(or_(Employee.full_name.ilike(pattern), Employee.email.ilike(pattern)))
    total = session.scalar(select(func.count()).select_from(query.subquery()))
    items = session.scalars(query.order_by(Employee.full_name, Employee.id).limit(limit).offset(offset)).all()
    return items, total


def employees_changed(session, *, after=None, updated_since=None, limit=50):
    """(employees, cursors): every employee in the order they changed (a sync, chancery_common.sync);
    a deactivated one is answered as a tombstone, as the plain list leaves them out."""
    position, since = sync.start("employees", after=after, updated_since=updated_since)
    return sync.page(session, select(Employee), model=Employee, list_name="employees", position=position,
                     updated_since=since, limit=limit)


def employee_names(session, *, ids):
    """{id: full name} of the employees with these ids."""
    if not ids:
        return {}
    return dict(session.execute(select(Employee.id, Employee.full_name).where(Employee.id.in_(ids))).all())


def names_version(session):
    """The version of the latest change to any employee's name."""
    return session.scalar(select(NamesVersion.value).where(NamesVersion.id == 1))


def identity_version(session):
    """The number raised by any change an identity is made of (chancery_common.identities)."""
    return session.scalar(select(IdentityVersion.value).where(IdentityVersion.id == 1))


def names_since(session, *, version):
    """(the current names version, {id: full name} of the employees added or renamed after
    ``version``). The version is read first: a name changed meanwhile comes now and again the
    next time, never not at all."""
    current = names_version(session)
    return current, dict(session.execute(
        select(Employee.id, Employee.full_name).where(Employee.name_version > version)).all())


def create_employee(session, *, data, actor_id=None, audit_extra=None):
    """Add an employee (with a password if given), audit and announce it; ``audit_extra``
    adds to the audit entry (the source of a change the directory made, say)."""
    email = data["email"].strip()
    if find_by_email(session, email=email) is not None:
        raise Conflict(f"an employee with e-mail {email} already exists", {"email": ["already in use"]})
    _require_department(session, data.get("department_id"))
    password = data.pop("password", None)
    employee = Employee(**{**data, "email": email})
    if password:
        employee.password_hash = hasher.hash(password)
    session.add(employee)
    session.flush()
    audit(session, actor_id=actor_id, action="created", record_type="employee", record_id=employee.id,
          changes={**{name: {"from": None, "to": _plain(getattr(employee, name))} for name in EMPLOYEE_FIELDS
                      if getattr(employee, name) is not None}, **(audit_extra or {})})
    events.catalog.record(session, events.EMPLOYEE_CREATED, {
        "employee_id": employee.id, "full_name": employee.full_name, "email": employee.email,
        "department_id": employee.department_id, "roles": list(employee.roles),
        "position": employee.position, "time_zone": employee.time_zone, "locale": employee.locale,
    })
    return employee


def update_employee(session, *, employee_id, changes, actor_id=None, audit_extra=None, expected_version=None):
    """Change an employee's card; the event carries what changed from what to what.
    ``expected_version``: PreconditionFailed when the card is at another one (versions.check)."""
    employee = get_employee(session, employee_id=employee_id, for_update=True)
    versions.check(session, record=employee, expected_version=expected_version, audit_log=audit_log,
                   record_type="employee", dump=schemas.EmployeeSchema().dump)
    if "email" in changes:
        other = find_by_email(session, email=changes["email"])
        if other is not None and other.id != employee.id:
            raise Conflict(f"an employee with e-mail {changes['email']} already exists",
                           {"email": ["already in use"]})
    _require_department(session, changes.get("department_id"))
    diff = {}
    for name, value in changes.items():
        old = getattr(employee, name)
        if (sorted(old) if name == "roles" else old) != (sorted(value) if name == "roles" else value):
            diff[name] = {"from": _plain(old), "to": _plain(value)}
            setattr(employee, name, value)
    if diff:
        session.flush()
        audit(session, actor_id=actor_id, action="updated", record_type="employee",
              record_id=employee.id, changes={**diff, **(audit_extra or {})})
        events.catalog.record(session, events.EMPLOYEE_UPDATED, {
            "employee_id": employee.id, "department_id": employee.department_id,
            "roles": list(employee.roles), "is_active": employee.is_active, "changes": diff,
            "full_name": employee.full_name, "email": employee.email, "position": employee.position,
            "time_zone": employee.time_zone, "locale": employee.locale})
    return employee


def _require_department(session, department_id):
    """InvalidInput naming ``department_id`` unless it is None or an existing department."""
    if department_id is not None and session.get(Department, department_id) is None:
        raise InvalidInput("Invalid input: department_id", {"department_id": ["No such department."]})


def _plain(value):
    if isinstance(value, list):
        return list(value)
    return str(value) if value is not None and not isinstance(value, (str, int, bool)) else value


def authenticate(session, *, email, password):
    """The active employee with these credentials, or Unauthenticated (one message for all causes)."""
    employee = find_by_email(session, email=email)
    stored = employee.password_hash if employee is not None and employee.password_hash else _DUMMY_HASH
    try:
        hasher.verify(stored, password)
        valid = employee is not None and employee.password_hash is not None
    except (VerificationError, InvalidHashError):
        valid = False
    if not valid or not employee.is_active:
        raise Unauthenticated("wrong e-mail or password")
    if hasher.check_needs_rehash(employee.password_hash):
        employee.password_hash = hasher.hash(password)
    return employee


def ensure_administrator(session, *, email, full_name="Administrator", password=None):
    """Create the first administrator unless one exists.

    Returns ``(employee, password)``: the password is the generated one, shown once, or
    None when an administrator already existed or the password was given.
    """
    existing = session.scalars(
        select(Employee).where(Employee.roles.contains(["administrator"])).order_by(Employee.created_at)
    ).first()
    if existing is not None:
        return existing, None
    generated = None
    if not password:
        generated = password = secrets.token_urlsafe(12)
    employee = create_employee(session, data={
        "full_name": full_name, "email": email, "roles": ["administrator"], "password": password,
    })
    return employee, generated
