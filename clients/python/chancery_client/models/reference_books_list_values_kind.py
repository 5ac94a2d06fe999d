from enum import StrEnum


class ReferenceBooksListValuesKind(StrEnum):
    ACTIVITY_TYPE = "activity_type"
    ADVERTISING_SOURCE = "advertising_source"
    CATEGORY = "category"
    GROUP = "group"
    NEGOTIATION_STAGE = "negotiation_stage"
    REGION = "region"

    def __str__(self) -> str:
        return str(self.value)
