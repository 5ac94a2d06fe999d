"""Approval routes: each document type's route, saved as numbered versions; an approval
keeps the version it started with, so a route changed later does not change a running one.
A stage of a route is read by :func:`approvals.engine.normalize_stage`."""
import uuid

from sqlalchemy import select

from chancery_common.audit import diff

from . import engine
from .exceptions import NotFound, PermissionDenied
from .models import Route, RouteVersion, audit_log


def stored_stage(stage):
    """A stage definition as a route version keeps it (JSON: ids as text)."""
    normal = engine.normalize_stage(stage)
    normal["approvers"] = [{key: (str(value) if isinstance(value, uuid.UUID) else value)
                            for key, value in spec.items() if value is not None}
                           for spec in normal["approvers"]]
    return normal


def save_route(session, *, document_type_id, name, stages, actor):
    """Save the route of a document type as its next version; running approvals keep theirs."""
    if not actor.may("configure_routes"):
        raise PermissionDenied("your roles do not allow configuring approval routes",
                               {"permission": "configure_routes"})
    route = session.scalars(select(Route).where(Route.document_type_id == document_type_id)
                            .with_for_update()).first()
    if route is None:
        route = Route(document_type_id=document_type_id, name=name)
        session.add(route)
        session.flush()
    latest = route.versions[0] if route.versions else None
    before = {"name": route.name, "version": latest.version, "stages": latest.stages} if latest else {}
    route.name = name
    version = RouteVersion(route_id=route.id, version=(latest.version if latest else 0) + 1,
                           created_by=actor.id, stages=[stored_stage(stage) for stage in stages])
    session.add(version)
    session.flush()
    audit_log.record(session, actor_id=actor.id, action="route_saved", record_type="route", record_id=route.id,
                     changes=diff(before, {"name": name, "version": version.version, "stages": version.stages},
                                  ("name", "version", "stages")))
    session.refresh(route)
    return route


def get_route(session, *, route_id):
    route = session.get(Route, route_id)
    if route is None:
        raise NotFound(f"approval route {route_id} not found")
    return route


def list_routes(session):
    return session.scalars(select(Route).order_by(Route.name)).all()


def current_route_version(session, *, document_type_id):
    return session.scalars(
        select(RouteVersion).join(Route).where(Route.document_type_id == document_type_id)
        .order_by(RouteVersion.version.desc())).first()
