"""Document statuses that more than one part of the system reads.

The documents service owns a document's status; the approvals service refuses to start an
approval from any other status, and the staff web UI offers "send for approval" only from these.
"""

# Statuses of a document from which it may be sent for approval.
APPROVABLE_DOCUMENT_STATUSES = frozenset({"draft", "rejected", "approved"})
