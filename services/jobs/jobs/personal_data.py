"""The personal-data export as a job: everything every service holds about one contact
person, in one JSON file. Complete or not at all: a service that does not answer fails
the job (it may be started again)."""
import json
from datetime import datetime, timezone

HOLDERS = ("documents", "approvals", "notifications")


def export_personal_data(job, *, call, path, tracker):
    person_id = job.params["contact_person_id"]
    tracker.report(done=0, total=1 + len(HOLDERS))
    parts = {"counterparties": call("counterparties", "export_contact_person", job.actor, person_id)}
    tracker.report(done=1)
    for number, service in enumerate(HOLDERS, start=2):
        parts[service] = call(service, "export_personal_data", job.actor, person_id)
        tracker.report(done=number)
    with open(path, "w", encoding="utf-8") as file:
        json.dump({"contact_person_id": person_id, "exported_at": datetime.now(timezone.utc).isoformat(),
                   "services": parts}, file, ensure_ascii=False, indent=1)
    return "application/json", None
