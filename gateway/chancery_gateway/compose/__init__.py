"""What the REST API (api/) and the staff pages (web/) share beyond the infrastructure: the
composed views (the unified counterparty view, dashboards, the global search, the pipeline,
the calendar feed) and the use cases both call (starting and deciding approvals, the audit
logs and access explanations, starting background jobs and imports, reminders' date fields).

Each module asks the services over RPC (in parallel where it can) and answers plain data;
api/ and web/ call these and never each other; nothing here imports api/ or web/.
"""
