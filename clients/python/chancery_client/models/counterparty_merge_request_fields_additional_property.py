from enum import StrEnum


class CounterpartyMergeRequestFieldsAdditionalProperty(StrEnum):
    MERGED = "merged"
    SURVIVOR = "survivor"

    def __str__(self) -> str:
        return str(self.value)
