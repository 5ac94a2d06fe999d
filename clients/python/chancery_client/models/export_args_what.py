from enum import StrEnum


class ExportArgsWhat(StrEnum):
    CONTACT_PERSONS = "contact_persons"
    COUNTERPARTIES = "counterparties"

    def __str__(self) -> str:
        return str(self.value)
