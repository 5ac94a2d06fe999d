from enum import StrEnum


class StageRequestOnReturn(StrEnum):
    FIRST_STAGE = "first_stage"
    THIS_STAGE = "this_stage"

    def __str__(self) -> str:
        return str(self.value)
