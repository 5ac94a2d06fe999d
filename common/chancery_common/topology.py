"""Which services make Chancery, and which of them keep an audit log or publish events: one
list for the runner, the gateway's health and audit pages, and the documentation script."""

SERVICES = ("staff", "counterparties", "documents", "approvals", "notifications", "webhooks", "jobs", "texts",
            "intake")
# keep an append-only audit log (chancery_common.audit) that the gateway reads and verifies
AUDITED = ("staff", "counterparties", "documents", "approvals", "notifications", "webhooks", "intake")
# publish events through an outbox (their catalogues make the AsyncAPI document)
PUBLISHERS = ("staff", "counterparties", "documents", "approvals", "notifications", "webhooks", "texts",
              "intake")
