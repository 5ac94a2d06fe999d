"""The RPC entrypoints a service keeping records offers alike: whether and why an employee
sees a record, the service's audit log (read and verified), and what the service holds
about a contact person (for the personal-data export).

A service mixes ``RecordEntrypoints`` into its class (as ``record_entrypoints.RecordEntrypoints``:
imported by its own name into the service's module, nameko's runner would take it for a second
service) and names the module of its rules as
``records`` (its ``logic``), which answers ``explain_access(session, asked_by, actor,
record_id)``, ``audit_entries(session, actor, **query)``, ``verify_audit(session, actor)``
and ``export_personal_data(session, actor, contact_person_id)`` (``{service, records,
audit_entries}``), and its schemas as ``record_schemas`` (``ExplainQuerySchema``,
``AuditQuerySchema``). A service whose export holds records of its own dumps them by
overriding ``dump_personal_records``.
"""
from .actor import load_actor
from .audit import AuditEntrySchema
from .errors import load, parse_uuid
from .rpc import rpc

AUDIT_ENTRIES = AuditEntrySchema(many=True)


class RecordEntrypoints:
    records = None
    record_schemas = None

    @rpc
    def explain_access(self, actor, actor_to_check, record_type, record_id):
        """Whether ``actor_to_check`` sees the record and why (administrators ask)."""
        asked_by = load_actor(actor)
        data = load(self.record_schemas.ExplainQuerySchema(), {"record_type": record_type, "record_id": record_id})
        return self.records.explain_access(self.db, asked_by=asked_by, actor=load_actor(actor_to_check),
                                           record_id=data["record_id"])

    @rpc
    def audit_entries(self, actor, query=None):
        actor = load_actor(actor)
        params = load(self.record_schemas.AuditQuerySchema(), query or {})
        items, total = self.records.audit_entries(self.db, actor=actor, **params)
        return {"items": AUDIT_ENTRIES.dump(items), "total": total}

    @rpc
    def verify_audit(self, actor):
        return self.records.verify_audit(self.db, actor=load_actor(actor))

    @rpc
    def export_personal_data(self, actor, contact_person_id):
        """What this service holds about a contact person; the gateway has checked the actor sees them."""
        actor = load_actor(actor)
        contact_person_id = parse_uuid(contact_person_id, "contact_person_id")
        with self.db.begin():
            exported = self.records.export_personal_data(self.db, actor=actor, contact_person_id=contact_person_id)
        return {**exported, "records": self.dump_personal_records(exported["records"]),
                "audit_entries": AUDIT_ENTRIES.dump(exported["audit_entries"])}

    def dump_personal_records(self, records):
        return list(records)
