from enum import StrEnum


class DeadLettersListDeadLettersKind(StrEnum):
    EVENTS = "events"
    RPC = "rpc"

    def __str__(self) -> str:
        return str(self.value)
