from enum import StrEnum


class StageRequestCompletion(StrEnum):
    ALL = "all"
    ANY = "any"
    QUORUM = "quorum"

    def __str__(self) -> str:
        return str(self.value)
