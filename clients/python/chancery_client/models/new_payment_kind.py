from enum import StrEnum


class NewPaymentKind(StrEnum):
    ACTUAL = "actual"
    PLANNED = "planned"

    def __str__(self) -> str:
        return str(self.value)
