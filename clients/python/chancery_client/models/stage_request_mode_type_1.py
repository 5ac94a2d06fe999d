from enum import StrEnum


class StageRequestModeType1(StrEnum):
    PARALLEL = "parallel"
    SEQUENTIAL = "sequential"

    def __str__(self) -> str:
        return str(self.value)
