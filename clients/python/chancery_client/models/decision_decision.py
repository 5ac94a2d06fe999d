from enum import StrEnum


class DecisionDecision(StrEnum):
    APPROVE = "approve"
    APPROVE_WITH_REMARKS = "approve_with_remarks"
    REJECT = "reject"
    RETURN_FOR_REVISION = "return_for_revision"

    def __str__(self) -> str:
        return str(self.value)
