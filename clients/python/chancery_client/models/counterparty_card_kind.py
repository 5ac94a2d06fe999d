from enum import StrEnum


class CounterpartyCardKind(StrEnum):
    INDIVIDUAL = "individual"
    ORGANISATION = "organisation"

    def __str__(self) -> str:
        return str(self.value)
