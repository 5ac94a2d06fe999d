from enum import StrEnum


class AccessExplainRecordType(StrEnum):
    ACTIVITY = "activity"
    APPROVAL = "approval"
    CONTACT_PERSON = "contact_person"
    COUNTERPARTY = "counterparty"
    DOCUMENT = "document"
    NOTIFICATION = "notification"

    def __str__(self) -> str:
        return str(self.value)
