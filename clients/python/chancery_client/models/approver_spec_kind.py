from enum import StrEnum


class ApproverSpecKind(StrEnum):
    DEPARTMENT_HEAD = "department_head"
    EMPLOYEE = "employee"
    INITIATOR_HEAD = "initiator_head"
    POSITION = "position"
    RESPONSIBLE = "responsible"
    ROLE = "role"

    def __str__(self) -> str:
        return str(self.value)
