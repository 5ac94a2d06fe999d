"""Keeping employees and departments in step with the holding's directory
(docs/permissions.md, "LDAP and Active Directory").

A sync reads every person the sync filter finds (before any transaction), then in one
transaction links each entry to its employee (by the entry's unique id; the first time by
e-mail), creates the employees it may (``allow_create``) and the departments their entries
name, sets each linked card from the entry (name, e-mail, position, phone, department,
roles from the groups) and dismisses the linked employees whose entry is gone or disabled
(taking back those it dismissed itself when their entry returns). Every change is audited
with ``source: ldap`` and announced as any other.

Never a mass dismissal by accident: a directory that answers nobody, or an error anywhere
in reading it, changes nothing; a sync that would dismiss more than ``max_dismissals``
employees, or leave no active administrator, is held (nothing written, the run recorded
and audited). A dry run runs the very same sync and rolls it back, so what it lists is what
a real run would do. Scheduled syncs are claimed with ``FOR UPDATE SKIP LOCKED`` and a
lease, so of several replicas one runs it.
"""
import logging
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from sqlalchemy import func, or_, select, true

from . import events, logic, policy, sessions
from .exceptions import Conflict, NotFound
from .ldap_directory import SOURCE, DirectoryUnavailable, Settings, directory, everyone, roles_of
from .models import Department, Employee, LdapAccount, LdapDirectory, LdapSyncRun

log = logging.getLogger(__name__)

LEASE = timedelta(minutes=10)  # a sync that died holding the claim is taken over after this
CHANGES_KEPT = 1000  # the changes a run's record keeps (the audit log has every one)


class Held(Exception):
    """The sync would do something the safety rules forbid: nothing is written. ``result``:
    what it would have done."""

    def __init__(self, message, result=None):
        super().__init__(message)
        self.result = result


@dataclass
class Result:
    changes: list = field(default_factory=list)
    counts: dict = field(default_factory=lambda: {name: 0 for name in (
        "created", "updated", "dismissed", "reactivated", "linked", "departments_created", "skipped")})

    def add(self, action, **details):
        self.counts[action] = self.counts.get(action, 0) + 1
        self.changes.append({"action": action, **details})

    def as_dict(self):
        return {"counts": dict(self.counts), "changes": list(self.changes)}


def _now():
    return datetime.now(timezone.utc)


def source_changes(run_id=None):
    extra = {"source": {"from": None, "to": SOURCE}}
    if run_id:
        extra["sync_run"] = {"from": None, "to": str(run_id)}
    return extra


# one entry onto one employee ---------------------------------------------------------------------

class Departments:
    """Department ids by the directory's values: the administrator's map, else a department of
    that name, else one created (and audited, with the source)."""

    def __init__(self, session, settings, result=None, run_id=None):
        self.session, self.settings, self.result, self.run_id = session, settings, result, run_id
        self.by_name = {name.lower(): department_id for department_id, name in
                        session.execute(select(Department.id, Department.name)).all()}

    def id_of(self, value):
        if not value:
            return None
        mapped = self.settings.department_map.get(value)
        if mapped:
            return uuid.UUID(str(mapped))
        found = self.by_name.get(value.lower())
        if found is None:
            department = Department(name=value[:200])
            self.session.add(department)
            self.session.flush()
            logic.audit(self.session, actor_id=None, action="created", record_type="department",
                        record_id=department.id, changes={"name": {"from": None, "to": department.name},
                                                          **source_changes(self.run_id)})
            events.catalog.record(self.session, events.DEPARTMENT_SAVED, {
                "department_id": department.id, "name": department.name, "parent_id": None, "head_id": None,
                "legal_entity_id": None})
            found = self.by_name[value.lower()] = department.id
            if self.result is not None:
                self.result.add("departments_created", department_id=str(found), name=department.name)
        return found


def card_of(settings, entry, departments):
    """The card's fields as the entry makes them (a field the entry lacks is left out, so the
    card keeps it; roles always: the groups' or the default roles)."""
    card = {"roles": roles_of(settings, entry.groups)}
    if entry.full_name:
        card["full_name"] = entry.full_name[:200]
    if entry.email and "@" in entry.email:
        card["email"] = entry.email[:254]
    if entry.position:
        card["position"] = entry.position[:200]
    if entry.phone:
        card["phone"] = entry.phone[:50]
    department_id = departments.id_of(entry.department)
    if department_id:
        card["department_id"] = department_id
    return card


def link(session, *, settings, entry, create, keeper_id=None, audit_extra=None):
    """(employee, account, how) for an entry: the linked employee, else the employee with its
    e-mail (linked now), else a new one when ``create``; (None, None, why) otherwise."""
    account = session.scalars(select(LdapAccount).where(LdapAccount.entry_id == entry.entry_id)).first()
    if account is not None:
        return session.get(Employee, account.employee_id), account, "linked"
    email = entry.email if entry.email and "@" in entry.email else None
    employee = logic.find_by_email(session, email=email) if email else None
    if employee is not None:
        if employee.id == keeper_id:
            return None, None, "break_glass_administrator"
        if session.get(LdapAccount, employee.id) is not None:
            return None, None, "e-mail of another directory entry"
        how = "newly_linked"
    else:
        if not create:
            return None, None, "not in Chancery" if email else "no e-mail"
        if not email:
            return None, None, "no e-mail"
        employee = logic.create_employee(session, data={
            "full_name": (entry.full_name or email)[:200], "email": email, "roles": roles_of(settings, entry.groups)},
            audit_extra=audit_extra)
        how = "created"
    account = LdapAccount(employee_id=employee.id, entry_id=entry.entry_id, dn=entry.dn, login=entry.login)
    session.add(account)
    session.flush()
    return employee, account, how


def update_card(session, *, employee, account, entry, card, audit_extra=None):
    """Set the card from the entry (an e-mail another employee has is left as it is); the
    changed fields ({field: {from, to}})."""
    if "email" in card and card["email"].lower() != employee.email.lower():
        taken = logic.find_by_email(session, email=card["email"])
        if taken is not None and taken.id != employee.id:
            card = {name: value for name, value in card.items() if name != "email"}
    before = {name: getattr(employee, name) for name in card}
    logic.update_employee(session, employee_id=employee.id, changes=card, audit_extra=audit_extra)
    account.dn, account.login, account.synced_at = entry.dn, entry.login, _now()
    return {name: {"from": logic._plain(before[name]), "to": logic._plain(card[name])} for name in card
            if (sorted(before[name] or []) if name == "roles" else before[name])
            != (sorted(card[name]) if name == "roles" else card[name])}


# the whole directory ----------------------------------------------------------------------------

def synchronise(session, *, settings, entries, run_id=None):
    """Bring employees and departments in step with the entries, in the caller's transaction;
    the Result. Held (before the caller commits anything) when the safety rules forbid it."""
    if not entries:
        raise Held("the directory answered with nobody under the user base and filter: nothing is changed")
    result = Result()
    audit_extra = source_changes(run_id)
    keeper_id = policy.current(session).break_glass_employee_id
    departments = Departments(session, settings, result, run_id)
    seen = set()
    for entry in sorted(entries, key=lambda item: item.dn.lower()):
        employee, account, how = link(session, settings=settings, entry=entry,
                                      create=settings.allow_create and not entry.disabled,
                                      keeper_id=keeper_id, audit_extra=audit_extra)
        if employee is None:
            result.add("skipped", dn=entry.dn, email=entry.email, reason=how)
            continue
        seen.add(employee.id)
        described = {"employee_id": str(employee.id), "name": entry.full_name or employee.full_name,
                     "email": employee.email, "dn": entry.dn}
        if how == "created":
            result.add("created", **described)
        elif how == "newly_linked":
            result.add("linked", **described)
        if entry.disabled:
            if employee.is_active:
                reason = {"reason": {"from": None, "to": "disabled in the directory"}}
                sessions.dismiss(session, employee_id=employee.id, audit_extra={**audit_extra, **reason})
                account.dismissed_by_sync = True
                result.add("dismissed", **described, reason="disabled in the directory")
            account.dn, account.synced_at = entry.dn, _now()
            continue
        if not employee.is_active:
            if not account.dismissed_by_sync:  # dismissed in Chancery: the directory does not overrule it
                account.dn, account.synced_at = entry.dn, _now()
                continue
            logic.update_employee(session, employee_id=employee.id, changes={"is_active": True},
                                  audit_extra={**audit_extra, "reason": {"from": None, "to": "back in the directory"}})
            account.dismissed_by_sync = False
            result.add("reactivated", **described)
        changed = update_card(session, employee=employee, account=account, entry=entry,
                              card=card_of(settings, entry, departments), audit_extra=audit_extra)
        if changed and how != "created":
            result.add("updated", **described, fields=changed)
    gone = session.execute(select(LdapAccount, Employee).join(Employee, Employee.id == LdapAccount.employee_id)
                           .where(Employee.is_active.is_(True), LdapAccount.employee_id.not_in(seen)
                                  if seen else true())).all()
    for account, employee in sorted(gone, key=lambda pair: pair[1].full_name):
        sessions.dismiss(session, employee_id=employee.id,
                         audit_extra={**audit_extra, "reason": {"from": None, "to": "not in the directory"}})
        account.dismissed_by_sync = True
        result.add("dismissed", employee_id=str(employee.id), name=employee.full_name, email=employee.email,
                   dn=account.dn, reason="not in the directory")
    _check_safety(session, settings, result)
    return result


def _check_safety(session, settings, result):
    dismissed = result.counts["dismissed"]
    if dismissed > settings.max_dismissals:
        raise Held(f"the sync would dismiss {dismissed} employees, more than the limit of {settings.max_dismissals}: "
                   "nothing is changed. Check the directory and the filters, or raise the limit.", result)
    session.flush()
    administrators = session.scalar(select(func.count()).select_from(Employee).where(
        Employee.is_active.is_(True), Employee.roles.contains(["administrator"])))
    if not administrators:
        raise Held("after the sync no active administrator would remain: nothing is changed. Map a group "
                   "to the administrator role first.", result)


# runs: scheduled, by an administrator, dry ----------------------------------------------------------

def claim(session, *, due_only, now=None):
    """Settings of a sync this runner may start, its lease taken (the caller commits); None
    when none is due or another runner holds it."""
    now = now or _now()
    conditions = [LdapDirectory.enabled.is_(True),
                  or_(LdapDirectory.sync_claimed_until.is_(None), LdapDirectory.sync_claimed_until < now)]
    if due_only:
        conditions += [LdapDirectory.sync_interval_minutes > 0, LdapDirectory.next_sync_at.is_not(None),
                       LdapDirectory.next_sync_at <= now]
    row = session.scalars(select(LdapDirectory).where(*conditions).with_for_update(skip_locked=True)).first()
    if row is None:
        return None
    row.sync_claimed_until = now + LEASE
    return Settings.of(row)


def _release(session):
    row = directory(session)
    if row is not None:
        row.sync_claimed_until = None
        row.next_sync_at = (_now() + timedelta(minutes=row.sync_interval_minutes)
                            if row.sync_interval_minutes else None)


def run(db, *, trigger, actor=None, dry_run=False):
    """One sync: read the directory, then write (or, dry, roll back). Returns the run as a dict,
    or None for a scheduled sync that is not due. ``db`` is the service's session: this
    makes its own transactions around the directory's answer."""
    started = _now()
    with db.begin():
        row = directory(db)
        if row is None or not row.enabled:
            if trigger == "schedule":
                return None
            raise NotFound("no LDAP directory is enabled: save the settings with \"enabled\" first")
        settings = Settings.of(row) if dry_run else claim(db, due_only=trigger == "schedule")
        if settings is None:
            if trigger == "schedule":
                return None
            raise Conflict("a sync of the directory is running now: try again in a minute")
    run_id = uuid.uuid4()
    status, result, error = "succeeded", Result(), None
    try:
        entries = everyone(settings)
        transaction = db.begin()
        try:
            result = synchronise(db, settings=settings, entries=entries, run_id=run_id)
        except BaseException:
            transaction.rollback()
            raise
        if dry_run:
            transaction.rollback()
            return {"dry_run": True, "status": "succeeded", "started_at": started.isoformat(), **result.as_dict()}
        _record(db, run_id, trigger, actor, started, status, result, None)
        transaction.commit()
        log.info("directory sync %s: %s", run_id, result.counts)
    except (Held, DirectoryUnavailable) as exc:
        status, error = ("held" if isinstance(exc, Held) else "failed"), str(exc)
        result = getattr(exc, "result", None) or result
        log.warning("directory sync %s %s: %s", run_id, status, error)
        if dry_run:
            return {"dry_run": True, "status": status, "error": error, "started_at": started.isoformat(),
                    **result.as_dict()}
        with db.begin():
            _record(db, run_id, trigger, actor, started, status, result, error)
    return {"id": str(run_id), "dry_run": False, "status": status, "error": error, "started_at": started.isoformat(),
            **result.as_dict()}


def _record(session, run_id, trigger, actor, started, status, result, error):
    """The run's row, its audit entry, and the claim given back (in the caller's transaction)."""
    session.add(LdapSyncRun(id=run_id, started_at=started, finished_at=_now(), trigger=trigger,
                            started_by=actor.id if actor else None, status=status, counts=result.counts,
                            changes=result.changes[:CHANGES_KEPT], error=error))
    row = directory(session)
    changes = {"status": {"from": None, "to": status}, "trigger": {"from": None, "to": trigger},
               **{name: {"from": None, "to": count} for name, count in result.counts.items() if count},
               **source_changes(run_id)}
    if error:
        changes["error"] = {"from": None, "to": error[:500]}
    logic.audit(session, actor_id=actor.id if actor else None,
                action="synced" if status == "succeeded" else f"sync_{status}",
                record_type="ldap_directory", record_id=row.id, changes=changes)
    _release(session)


def runs(session, *, limit=20):
    return session.scalars(select(LdapSyncRun).order_by(LdapSyncRun.started_at.desc()).limit(limit)).all()
