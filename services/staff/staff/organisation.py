"""The organisation around employees: our legal entities, departments, absences with
deputies, and which roles may do the configurable things."""
import uuid
from datetime import date, datetime, timezone

from sqlalchemy import func, or_, select

from chancery_common import sync, versions

from . import events, logic, schemas
from .exceptions import Conflict, InvalidInput, NotFound, PermissionDenied
from .logic import _plain
from .models import Absence, Department, Employee, LegalEntity, Position, RolePermission, audit_log
from .schemas import ROLES

# What a role may do beyond seeing records: the defaults, changed by administrators.
PERMISSIONS = {
    "register_documents": ["administrator", "director", "lawyer", "secretary"],
    "edit_reference_books": ["administrator", "director", "department_head", "manager", "secretary"],
    "configure_document_types": ["administrator", "lawyer"],
    "configure_routes": ["administrator", "director", "lawyer"],
    "manage_staff": ["administrator"],
    "view_audit": ["administrator"],
    # read every service's published-event log (chancery_common.event_log): an integration's account
    "replay_events": ["administrator"],
}


def require_admin(actor):
    if not actor.has_role("administrator"):
        raise PermissionDenied("only administrators may do this")


# legal entities -------------------------------------------------------------------------

def list_legal_entities(session):
    return session.scalars(select(LegalEntity).order_by(LegalEntity.name)).all()


def create_legal_entity(session, *, data, actor):
    require_admin(actor)
    if session.scalars(select(LegalEntity).where(func.lower(LegalEntity.name) == data["name"].lower())).first():
        raise Conflict(f"a legal entity named {data['name']} already exists", {"name": ["already in use"]})
    entity = LegalEntity(**data)
    session.add(entity)
    session.flush()
    logic.audit(session, actor_id=actor.id, action="created", record_type="legal_entity",
                record_id=entity.id, changes={k: {"from": None, "to": v} for k, v in data.items()})
    return entity


# positions --------------------------------------------------------------------------------

def list_positions(session):
    return session.scalars(select(Position).order_by(Position.name)).all()


def create_position(session, *, name, actor):
    require_admin(actor)
    name = name.strip()
    if session.scalars(select(Position).where(func.lower(Position.name) == name.lower())).first():
        raise Conflict(f"the position {name} already exists", {"name": ["already in use"]})
    position = Position(name=name)
    session.add(position)
    session.flush()
    logic.audit(session, actor_id=actor.id, action="created", record_type="position", record_id=position.id,
                changes={"name": {"from": None, "to": name}})
    return position


# departments ------------------------------------------------------------------------------

def get_department(session, *, department_id, for_update=False):
    department = session.get(Department, department_id, with_for_update=for_update or None)
    if department is None:
        raise NotFound(f"department {department_id} not found")
    return department


def list_departments(session):
    return session.scalars(select(Department).order_by(Department.name)).all()


def departments_changed(session, *, after=None, updated_since=None, limit=50):
    """(departments, cursors) in the order they changed (a sync, chancery_common.sync)."""
    position, since = sync.start("departments", after=after, updated_since=updated_since)
    return sync.page(session, select(Department), model=Department, list_name="departments", position=position,
                     updated_since=since, limit=limit)


def save_department(session, *, data, actor, department_id=None, expected_version=None):
    """Create a department, or change one; a department cannot be its own ancestor.
    ``expected_version``: PreconditionFailed when the department is at another one (versions.check)."""
    require_admin(actor)
    department = get_department(session, department_id=department_id, for_update=True) if department_id \
        else Department()
    if department_id:
        versions.check(session, record=department, expected_version=expected_version, audit_log=audit_log,
                       record_type="department", dump=schemas.DepartmentSchema().dump)
    for key in ("legal_entity_id", "parent_id", "head_id"):
        if data.get(key) is not None and session.get(
                {"legal_entity_id": LegalEntity, "parent_id": Department, "head_id": Employee}[key],
                data[key]) is None:
            raise InvalidInput(f"Invalid input: {key}", {key: ["Unknown id."]})
    if department_id and data.get("parent_id") is not None and \
            department.id in ancestors(session, department_id=data["parent_id"]) | {data["parent_id"]}:
        raise InvalidInput("Invalid input: parent_id", {"parent_id": ["A department cannot be inside itself."]})
    clash = None
    if data.get("name"):
        clash = session.scalars(select(Department).where(
            func.lower(Department.name) == data["name"].lower(), Department.id != department.id)).first()
    if clash is not None:
        raise Conflict(f"a department named {data['name']} already exists", {"name": ["already in use"]})
    changes = {key: {"from": _plain(getattr(department, key, None)), "to": _plain(value)}
               for key, value in data.items() if getattr(department, key, None) != value}
    for key, value in data.items():
        setattr(department, key, value)
    session.add(department)
    session.flush()
    logic.audit(session, actor_id=actor.id, action="updated" if department_id else "created",
                record_type="department", record_id=department.id, changes=changes)
    events.catalog.record(session, events.DEPARTMENT_SAVED, {
        "department_id": department.id, "name": department.name, "parent_id": department.parent_id,
        "head_id": department.head_id, "legal_entity_id": department.legal_entity_id})
    return department


def ancestors(session, *, department_id):
    found, current = set(), session.get(Department, department_id)
    while current is not None and current.parent_id is not None and current.parent_id not in found:
        found.add(current.parent_id)
        current = session.get(Department, current.parent_id)
    return found


def subtree(session, *, department_ids):
    """The departments and every department inside them."""
    everything = session.execute(select(Department.id, Department.parent_id)).all()
    children = {}
    for child, parent in everything:
        children.setdefault(parent, []).append(child)
    result, stack = set(), list(department_ids)
    while stack:
        current = stack.pop()
        if current not in result:
            result.add(current)
            stack.extend(children.get(current, []))
    return result


# who may do and see what ------------------------------------------------------------------

def permissions_of(session, *, employee):
    if "administrator" in employee.roles:
        return sorted(PERMISSIONS)
    rows = session.scalars(select(RolePermission)).all()
    granted = {row.permission: row.roles for row in rows}
    return sorted(name for name, roles in {**PERMISSIONS, **granted}.items()
                  if set(roles) & set(employee.roles))


def visible_department_ids(session, *, employee):
    """An employee's own department; a head's, the departments they head and all inside."""
    headed = session.scalars(select(Department.id).where(Department.head_id == employee.id)).all()
    own = {employee.department_id} if employee.department_id else set()
    return sorted(str(d) for d in own | subtree(session, department_ids=headed))


def acting_for(session, *, employee, on=None):
    """The employees this one deputises for today (their absences name them the deputy)."""
    return sorted(standing_in_for(session, employee_id=employee.id, on=on))


def role_settings(session):
    granted = {row.permission: row.roles for row in session.scalars(select(RolePermission))}
    return {name: granted.get(name, roles) for name, roles in PERMISSIONS.items()}


def set_role_permission(session, *, permission, roles, actor):
    require_admin(actor)
    if permission not in PERMISSIONS:
        raise InvalidInput("Invalid input: permission", {"permission": [f"Unknown permission {permission}."]})
    unknown = sorted(set(roles) - set(ROLES))
    if unknown:
        raise InvalidInput("Invalid input: roles", {"roles": [f"Unknown roles: {', '.join(unknown)}."]})
    before = role_settings(session)[permission]
    row = session.get(RolePermission, permission) or RolePermission(permission=permission)
    row.roles = sorted(set(roles) | {"administrator"})
    session.add(row)
    session.flush()
    logic.audit(session, actor_id=actor.id, action="updated", record_type="role_permission",
                record_id=uuid.uuid5(uuid.NAMESPACE_URL, f"chancery:permission:{permission}"),
                changes={permission: {"from": before, "to": row.roles}})
    return role_settings(session)


# absences and deputies ----------------------------------------------------------------------

def add_absence(session, *, data, actor):
    """Record an absence; an employee may record their own, administrators anyone's."""
    if data["employee_id"] != actor.id:
        require_admin(actor)
    if data["ends_on"] < data["starts_on"]:
        raise InvalidInput("Invalid input: ends_on", {"ends_on": ["The absence ends before it starts."]})
    if data["deputy_id"] == data["employee_id"]:
        raise InvalidInput("Invalid input: deputy_id", {"deputy_id": ["Nobody is their own deputy."]})
    employee = logic.get_employee(session, employee_id=data["employee_id"])
    deputy = session.get(Employee, data["deputy_id"])
    if deputy is None or not deputy.is_active:
        raise InvalidInput("Invalid input: deputy_id", {"deputy_id": ["Unknown or dismissed employee."]})
    overlapping = session.scalars(select(Absence).where(
        Absence.employee_id == employee.id, Absence.cancelled_at.is_(None),
        Absence.starts_on <= data["ends_on"], Absence.ends_on >= data["starts_on"])).first()
    if overlapping is not None:
        raise Conflict(f"{employee.full_name} is already away from {overlapping.starts_on} to {overlapping.ends_on}")
    absence = Absence(**data, created_by=actor.id)
    session.add(absence)
    session.flush()
    logic.audit(session, actor_id=actor.id, action="created", record_type="absence", record_id=absence.id,
                changes={k: {"from": None, "to": _plain(v)} for k, v in data.items()})
    events.catalog.record(session, events.ABSENCE_RECORDED, {
        "absence_id": absence.id, "employee_id": absence.employee_id, "deputy_id": absence.deputy_id,
        "starts_on": absence.starts_on, "ends_on": absence.ends_on})
    return absence


def cancel_absence(session, *, absence_id, actor):
    absence = session.get(Absence, absence_id)
    if absence is None:
        raise NotFound(f"absence {absence_id} not found")
    if absence.employee_id != actor.id:
        require_admin(actor)
    if absence.cancelled_at is None:
        absence.cancelled_at = datetime.now(timezone.utc)
        logic.audit(session, actor_id=actor.id, action="cancelled", record_type="absence",
                    record_id=absence.id)
    return absence


def list_absences(session, *, employee_id=None, current_on=None):
    query = select(Absence).where(Absence.cancelled_at.is_(None))
    if employee_id is not None:
        query = query.where(or_(Absence.employee_id == employee_id, Absence.deputy_id == employee_id))
    if current_on is not None:
        query = query.where(Absence.starts_on <= current_on, Absence.ends_on >= current_on)
    return session.scalars(query.order_by(Absence.starts_on)).all()


def acting_employees(session, *, employee_ids, on=None):
    """Who acts for each employee on a day: their deputy while they are away (following a
    chain of deputies who are away too), a dismissed employee's department head, else themselves."""
    on = on or date.today()
    result = {}
    for employee_id in employee_ids:
        current, seen, on_behalf_of = employee_id, set(), None
        while current not in seen:
            seen.add(current)
            employee = session.get(Employee, current)
            if employee is None:
                break
            if not employee.is_active:
                head = session.scalar(select(Department.head_id).where(Department.id == employee.department_id))
                if head is None:
                    break
                on_behalf_of, current = on_behalf_of or employee_id, head
                continue
            away = session.scalars(select(Absence).where(
                Absence.employee_id == current, Absence.cancelled_at.is_(None),
                Absence.starts_on <= on, Absence.ends_on >= on)).first()
            if away is None:
                break
            on_behalf_of, current = on_behalf_of or employee_id, away.deputy_id
        result[str(employee_id)] = {"acting_id": str(current),
                                    "on_behalf_of": str(on_behalf_of) if on_behalf_of else None}
    return result


# Approvers for the approvals service ---------------------------------------------------------

def _head_of(session, department_id):
    if department_id is None:
        return None
    return session.scalar(select(Department.head_id).where(Department.id == department_id))


def _acting_person(session, employee_id, on):
    """Who acts today for an employee the route names: themselves, their deputy while they
    are away, a dismissed employee's department head; with whom escalations reach."""
    acting = acting_employees(session, employee_ids=[employee_id], on=on)[str(employee_id)]
    person = session.get(Employee, uuid.UUID(acting["acting_id"]))
    if person is None or not person.is_active:
        return None
    head = _head_of(session, person.department_id)
    return {"employee_id": str(person.id), "on_behalf_of": acting["on_behalf_of"],
            "head_id": str(head) if head and head != person.id else None,
            "department_id": str(person.department_id) if person.department_id else None}


def _holders(session, spec, context):
    """The employees a spec names, before absences and dismissals are applied."""
    kind = spec["kind"]
    department_id = context.get("department_id")
    if department_id is None and context.get("initiator_id"):
        department_id = session.scalar(select(Employee.department_id).where(
            Employee.id == context["initiator_id"]))
    if kind == "employee":
        return [spec["employee_id"]]
    if kind == "responsible":
        return [context["responsible_id"]] if context.get("responsible_id") else []
    if kind == "department_head":
        head = _head_of(session, department_id)
        return [head] if head else []
    if kind == "initiator_head":
        initiator_department = session.scalar(select(Employee.department_id).where(
            Employee.id == context.get("initiator_id"))) if context.get("initiator_id") else None
        head = _head_of(session, initiator_department)
        return [head] if head else []
    query = select(Employee.id).where(Employee.is_active.is_(True)).order_by(Employee.full_name, Employee.id)
    if kind == "position":
        return list(session.scalars(query.where(func.lower(Employee.position) == spec["position"].strip().lower())))
    if kind == "role":
        query = query.where(Employee.roles.contains([spec["role"]]))
        scope = spec.get("scope") or "department"
        if scope == "department" and department_id is not None:
            query = query.where(Employee.department_id == department_id)
        elif scope == "legal_entity":
            legal_entity_id = context.get("legal_entity_id") or session.scalar(
                select(Department.legal_entity_id).where(Department.id == department_id))
            if legal_entity_id is None:
                return []
            query = query.join(Department, Department.id == Employee.department_id).where(
                Department.legal_entity_id == legal_entity_id)
        return list(session.scalars(query))
    return []


def resolve_approvers(session, *, specs, context):
    """For each approver spec (employee, position, role in the document's department or legal
    entity, head of the document's or the initiator's department, the document's responsible
    person) the people who act today: absent employees replaced by their deputy
    (``on_behalf_of`` names the absent one), dismissed ones by their department head.
    Also the administrators, whom a stage that resolves to nobody is reported to."""
    on = context.get("on") or date.today()
    found = []
    for spec in specs:
        people, seen = [], set()
        for employee_id in _holders(session, spec, context):
            person = _acting_person(session, employee_id, on)
            if person and person["employee_id"] not in seen:
                seen.add(person["employee_id"])
                people.append(person)
        found.append(people)
    administrators = session.scalars(select(Employee.id).where(
        Employee.is_active.is_(True), Employee.roles.contains(["administrator"])).order_by(Employee.id))
    return {"approvers": found, "administrator_ids": [str(a) for a in administrators]}


def standing_in_for(session, *, employee_id, on=None):
    """The employees away on a day whose deputy this employee is."""
    on = on or date.today()
    return [str(e) for e in session.scalars(select(Absence.employee_id).where(
        Absence.deputy_id == employee_id, Absence.cancelled_at.is_(None),
        Absence.starts_on <= on, Absence.ends_on >= on).distinct())]
