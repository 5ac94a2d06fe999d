from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.webhook_delivery_page import WebhookDeliveryPage
from ...models.webhooks_list_deliveries_status import WebhooksListDeliveriesStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    endpoint_id: UUID | Unset = UNSET,
    status: WebhooksListDeliveriesStatus | Unset = UNSET,
    event_type: str | Unset = UNSET,
    event_id: UUID | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["offset"] = offset

    json_endpoint_id: str | Unset = UNSET
    if not isinstance(endpoint_id, Unset):
        json_endpoint_id = str(endpoint_id)
    params["endpoint_id"] = json_endpoint_id

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["event_type"] = event_type

    json_event_id: str | Unset = UNSET
    if not isinstance(event_id, Unset):
        json_event_id = str(event_id)
    params["event_id"] = json_event_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/webhooks/deliveries",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | WebhookDeliveryPage | None:
    if response.status_code == 200:
        response_200 = WebhookDeliveryPage.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | WebhookDeliveryPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    endpoint_id: UUID | Unset = UNSET,
    status: WebhooksListDeliveriesStatus | Unset = UNSET,
    event_type: str | Unset = UNSET,
    event_id: UUID | Unset = UNSET,
) -> Response[Problem | WebhookDeliveryPage]:
    """The delivery log, newest first.

    Args:
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        endpoint_id (UUID | Unset):
        status (WebhooksListDeliveriesStatus | Unset):
        event_type (str | Unset):
        event_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookDeliveryPage]
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
        endpoint_id=endpoint_id,
        status=status,
        event_type=event_type,
        event_id=event_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    endpoint_id: UUID | Unset = UNSET,
    status: WebhooksListDeliveriesStatus | Unset = UNSET,
    event_type: str | Unset = UNSET,
    event_id: UUID | Unset = UNSET,
) -> Problem | WebhookDeliveryPage | None:
    """The delivery log, newest first.

    Args:
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        endpoint_id (UUID | Unset):
        status (WebhooksListDeliveriesStatus | Unset):
        event_type (str | Unset):
        event_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookDeliveryPage
    """

    return sync_detailed(
        client=client,
        limit=limit,
        offset=offset,
        endpoint_id=endpoint_id,
        status=status,
        event_type=event_type,
        event_id=event_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    endpoint_id: UUID | Unset = UNSET,
    status: WebhooksListDeliveriesStatus | Unset = UNSET,
    event_type: str | Unset = UNSET,
    event_id: UUID | Unset = UNSET,
) -> Response[Problem | WebhookDeliveryPage]:
    """The delivery log, newest first.

    Args:
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        endpoint_id (UUID | Unset):
        status (WebhooksListDeliveriesStatus | Unset):
        event_type (str | Unset):
        event_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookDeliveryPage]
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
        endpoint_id=endpoint_id,
        status=status,
        event_type=event_type,
        event_id=event_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    endpoint_id: UUID | Unset = UNSET,
    status: WebhooksListDeliveriesStatus | Unset = UNSET,
    event_type: str | Unset = UNSET,
    event_id: UUID | Unset = UNSET,
) -> Problem | WebhookDeliveryPage | None:
    """The delivery log, newest first.

    Args:
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        endpoint_id (UUID | Unset):
        status (WebhooksListDeliveriesStatus | Unset):
        event_type (str | Unset):
        event_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookDeliveryPage
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            offset=offset,
            endpoint_id=endpoint_id,
            status=status,
            event_type=event_type,
            event_id=event_id,
        )
    ).parsed
