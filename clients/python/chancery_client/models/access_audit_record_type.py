from enum import StrEnum


class AccessAuditRecordType(StrEnum):
    ABSENCE = "absence"
    ACTIVITY = "activity"
    API_TOKEN = "api_token"
    APPROVAL = "approval"
    CONTACT_PERSON = "contact_person"
    COUNTERPARTY = "counterparty"
    DEPARTMENT = "department"
    DOCUMENT = "document"
    EMPLOYEE = "employee"
    LDAP_DIRECTORY = "ldap_directory"
    LEGAL_ENTITY = "legal_entity"
    NOTIFICATION = "notification"
    POSITION = "position"
    REFERENCE_VALUE = "reference_value"
    ROLE_PERMISSION = "role_permission"
    SAVED_FILTER = "saved_filter"
    SIGN_IN_POLICY = "sign_in_policy"
    SIGN_IN_PROVIDER = "sign_in_provider"

    def __str__(self) -> str:
        return str(self.value)
