from enum import StrEnum


class WebhookEndpointWithSecretEventFormat(StrEnum):
    CHANCERY = "chancery"
    CLOUDEVENTS_BINARY = "cloudevents-binary"
    CLOUDEVENTS_STRUCTURED = "cloudevents-structured"

    def __str__(self) -> str:
        return str(self.value)
