from enum import StrEnum


class CounterpartyKind(StrEnum):
    INDIVIDUAL = "individual"
    ORGANISATION = "organisation"

    def __str__(self) -> str:
        return str(self.value)
