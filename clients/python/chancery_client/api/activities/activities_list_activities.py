import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.activities_list_activities_status import ActivitiesListActivitiesStatus
from ...models.activity_page import ActivityPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    updated_since: datetime.datetime | Unset = UNSET,
    after: str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    counterparty_id: UUID | Unset = UNSET,
    responsible_id: UUID | Unset = UNSET,
    status: ActivitiesListActivitiesStatus | Unset = UNSET,
    planned_from: datetime.datetime | Unset = UNSET,
    planned_to: datetime.datetime | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_updated_since: str | Unset = UNSET
    if not isinstance(updated_since, Unset):
        json_updated_since = updated_since.isoformat()
    params["updated_since"] = json_updated_since

    params["after"] = after

    params["limit"] = limit

    params["offset"] = offset

    json_counterparty_id: str | Unset = UNSET
    if not isinstance(counterparty_id, Unset):
        json_counterparty_id = str(counterparty_id)
    params["counterparty_id"] = json_counterparty_id

    json_responsible_id: str | Unset = UNSET
    if not isinstance(responsible_id, Unset):
        json_responsible_id = str(responsible_id)
    params["responsible_id"] = json_responsible_id

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_planned_from: str | Unset = UNSET
    if not isinstance(planned_from, Unset):
        json_planned_from = planned_from.isoformat()
    params["planned_from"] = json_planned_from

    json_planned_to: str | Unset = UNSET
    if not isinstance(planned_to, Unset):
        json_planned_to = planned_to.isoformat()
    params["planned_to"] = json_planned_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/activities/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ActivityPage | Problem | None:
    if response.status_code == 200:
        response_200 = ActivityPage.from_dict(response.json())

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
) -> Response[ActivityPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    updated_since: datetime.datetime | Unset = UNSET,
    after: str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    counterparty_id: UUID | Unset = UNSET,
    responsible_id: UUID | Unset = UNSET,
    status: ActivitiesListActivitiesStatus | Unset = UNSET,
    planned_from: datetime.datetime | Unset = UNSET,
    planned_to: datetime.datetime | Unset = UNSET,
) -> Response[ActivityPage | Problem]:
    """Activities by the filters; or sync (`updated_since`, then `after`): every one the caller sees by
    change.

    Args:
        updated_since (datetime.datetime | Unset):
        after (str | Unset):
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        counterparty_id (UUID | Unset):
        responsible_id (UUID | Unset):
        status (ActivitiesListActivitiesStatus | Unset):
        planned_from (datetime.datetime | Unset):
        planned_to (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActivityPage | Problem]
    """

    kwargs = _get_kwargs(
        updated_since=updated_since,
        after=after,
        limit=limit,
        offset=offset,
        counterparty_id=counterparty_id,
        responsible_id=responsible_id,
        status=status,
        planned_from=planned_from,
        planned_to=planned_to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    updated_since: datetime.datetime | Unset = UNSET,
    after: str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    counterparty_id: UUID | Unset = UNSET,
    responsible_id: UUID | Unset = UNSET,
    status: ActivitiesListActivitiesStatus | Unset = UNSET,
    planned_from: datetime.datetime | Unset = UNSET,
    planned_to: datetime.datetime | Unset = UNSET,
) -> ActivityPage | Problem | None:
    """Activities by the filters; or sync (`updated_since`, then `after`): every one the caller sees by
    change.

    Args:
        updated_since (datetime.datetime | Unset):
        after (str | Unset):
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        counterparty_id (UUID | Unset):
        responsible_id (UUID | Unset):
        status (ActivitiesListActivitiesStatus | Unset):
        planned_from (datetime.datetime | Unset):
        planned_to (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActivityPage | Problem
    """

    return sync_detailed(
        client=client,
        updated_since=updated_since,
        after=after,
        limit=limit,
        offset=offset,
        counterparty_id=counterparty_id,
        responsible_id=responsible_id,
        status=status,
        planned_from=planned_from,
        planned_to=planned_to,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    updated_since: datetime.datetime | Unset = UNSET,
    after: str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    counterparty_id: UUID | Unset = UNSET,
    responsible_id: UUID | Unset = UNSET,
    status: ActivitiesListActivitiesStatus | Unset = UNSET,
    planned_from: datetime.datetime | Unset = UNSET,
    planned_to: datetime.datetime | Unset = UNSET,
) -> Response[ActivityPage | Problem]:
    """Activities by the filters; or sync (`updated_since`, then `after`): every one the caller sees by
    change.

    Args:
        updated_since (datetime.datetime | Unset):
        after (str | Unset):
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        counterparty_id (UUID | Unset):
        responsible_id (UUID | Unset):
        status (ActivitiesListActivitiesStatus | Unset):
        planned_from (datetime.datetime | Unset):
        planned_to (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActivityPage | Problem]
    """

    kwargs = _get_kwargs(
        updated_since=updated_since,
        after=after,
        limit=limit,
        offset=offset,
        counterparty_id=counterparty_id,
        responsible_id=responsible_id,
        status=status,
        planned_from=planned_from,
        planned_to=planned_to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    updated_since: datetime.datetime | Unset = UNSET,
    after: str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    counterparty_id: UUID | Unset = UNSET,
    responsible_id: UUID | Unset = UNSET,
    status: ActivitiesListActivitiesStatus | Unset = UNSET,
    planned_from: datetime.datetime | Unset = UNSET,
    planned_to: datetime.datetime | Unset = UNSET,
) -> ActivityPage | Problem | None:
    """Activities by the filters; or sync (`updated_since`, then `after`): every one the caller sees by
    change.

    Args:
        updated_since (datetime.datetime | Unset):
        after (str | Unset):
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        counterparty_id (UUID | Unset):
        responsible_id (UUID | Unset):
        status (ActivitiesListActivitiesStatus | Unset):
        planned_from (datetime.datetime | Unset):
        planned_to (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActivityPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            updated_since=updated_since,
            after=after,
            limit=limit,
            offset=offset,
            counterparty_id=counterparty_id,
            responsible_id=responsible_id,
            status=status,
            planned_from=planned_from,
            planned_to=planned_to,
        )
    ).parsed
