from enum import StrEnum


class FieldDefinitionKind(StrEnum):
    COUNTERPARTY = "counterparty"
    DATE = "date"
    EMPLOYEE = "employee"
    MONEY = "money"
    NUMBER = "number"
    REFERENCE = "reference"
    TEXT = "text"

    def __str__(self) -> str:
        return str(self.value)
