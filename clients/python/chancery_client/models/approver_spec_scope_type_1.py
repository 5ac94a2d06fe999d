from enum import StrEnum


class ApproverSpecScopeType1(StrEnum):
    ANY = "any"
    DEPARTMENT = "department"
    LEGAL_ENTITY = "legal_entity"

    def __str__(self) -> str:
        return str(self.value)
