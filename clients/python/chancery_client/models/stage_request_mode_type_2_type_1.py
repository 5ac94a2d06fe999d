from enum import StrEnum


class StageRequestModeType2Type1(StrEnum):
    PARALLEL = "parallel"
    SEQUENTIAL = "sequential"

    def __str__(self) -> str:
        return str(self.value)
