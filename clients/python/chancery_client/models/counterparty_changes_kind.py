from enum import StrEnum


class CounterpartyChangesKind(StrEnum):
    INDIVIDUAL = "individual"
    ORGANISATION = "organisation"

    def __str__(self) -> str:
        return str(self.value)
