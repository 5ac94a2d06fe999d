from enum import StrEnum


class ConditionOp(StrEnum):
    ABSENT = "absent"
    EQ = "eq"
    GT = "gt"
    GTE = "gte"
    IN = "in"
    LT = "lt"
    LTE = "lte"
    NE = "ne"
    NOT_IN = "not_in"
    PRESENT = "present"

    def __str__(self) -> str:
        return str(self.value)
