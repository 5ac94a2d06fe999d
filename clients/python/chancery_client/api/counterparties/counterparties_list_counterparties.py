import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.counterparties_list_counterparties_sort import (
    CounterpartiesListCounterpartiesSort,
)
from ...models.counterparties_list_counterparties_status import (
    CounterpartiesListCounterpartiesStatus,
)
from ...models.counterparty_page import CounterpartyPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    updated_since: datetime.datetime | Unset = UNSET,
    after: str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    search: str | Unset = UNSET,
    responsible_employee_id: UUID | Unset = UNSET,
    status: CounterpartiesListCounterpartiesStatus | Unset = UNSET,
    sort: CounterpartiesListCounterpartiesSort | Unset = UNSET,
    activity_type_id: list[UUID] | Unset = UNSET,
    region_id: list[UUID] | Unset = UNSET,
    group_id: list[UUID] | Unset = UNSET,
    category_id: list[UUID] | Unset = UNSET,
    advertising_source_id: list[UUID] | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_updated_since: str | Unset = UNSET
    if not isinstance(updated_since, Unset):
        json_updated_since = updated_since.isoformat()
    params["updated_since"] = json_updated_since

    params["after"] = after

    params["limit"] = limit

    params["offset"] = offset

    params["search"] = search

    json_responsible_employee_id: str | Unset = UNSET
    if not isinstance(responsible_employee_id, Unset):
        json_responsible_employee_id = str(responsible_employee_id)
    params["responsible_employee_id"] = json_responsible_employee_id

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    json_activity_type_id: list[str] | Unset = UNSET
    if not isinstance(activity_type_id, Unset):
        json_activity_type_id = []
        for activity_type_id_item_data in activity_type_id:
            activity_type_id_item = str(activity_type_id_item_data)
            json_activity_type_id.append(activity_type_id_item)

    params["activity_type_id"] = json_activity_type_id

    json_region_id: list[str] | Unset = UNSET
    if not isinstance(region_id, Unset):
        json_region_id = []
        for region_id_item_data in region_id:
            region_id_item = str(region_id_item_data)
            json_region_id.append(region_id_item)

    params["region_id"] = json_region_id

    json_group_id: list[str] | Unset = UNSET
    if not isinstance(group_id, Unset):
        json_group_id = []
        for group_id_item_data in group_id:
            group_id_item = str(group_id_item_data)
            json_group_id.append(group_id_item)

    params["group_id"] = json_group_id

    json_category_id: list[str] | Unset = UNSET
    if not isinstance(category_id, Unset):
        json_category_id = []
        for category_id_item_data in category_id:
            category_id_item = str(category_id_item_data)
            json_category_id.append(category_id_item)

    params["category_id"] = json_category_id

    json_advertising_source_id: list[str] | Unset = UNSET
    if not isinstance(advertising_source_id, Unset):
        json_advertising_source_id = []
        for advertising_source_id_item_data in advertising_source_id:
            advertising_source_id_item = str(advertising_source_id_item_data)
            json_advertising_source_id.append(advertising_source_id_item)

    params["advertising_source_id"] = json_advertising_source_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/counterparties/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CounterpartyPage | Problem | None:
    if response.status_code == 200:
        response_200 = CounterpartyPage.from_dict(response.json())

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
) -> Response[CounterpartyPage | Problem]:
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
    search: str | Unset = UNSET,
    responsible_employee_id: UUID | Unset = UNSET,
    status: CounterpartiesListCounterpartiesStatus | Unset = UNSET,
    sort: CounterpartiesListCounterpartiesSort | Unset = UNSET,
    activity_type_id: list[UUID] | Unset = UNSET,
    region_id: list[UUID] | Unset = UNSET,
    group_id: list[UUID] | Unset = UNSET,
    category_id: list[UUID] | Unset = UNSET,
    advertising_source_id: list[UUID] | Unset = UNSET,
) -> Response[CounterpartyPage | Problem]:
    """Search, filter (by characteristics: repeat a parameter for any of several values), sort and page.

     Or sync (`updated_since`, then `after`): every counterparty the caller sees by change, a merged one
    as
    a tombstone naming the survivor (docs/api.md, "Sync by change").

    Args:
        updated_since (datetime.datetime | Unset):
        after (str | Unset):
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        search (str | Unset):
        responsible_employee_id (UUID | Unset):
        status (CounterpartiesListCounterpartiesStatus | Unset):
        sort (CounterpartiesListCounterpartiesSort | Unset):
        activity_type_id (list[UUID] | Unset):
        region_id (list[UUID] | Unset):
        group_id (list[UUID] | Unset):
        category_id (list[UUID] | Unset):
        advertising_source_id (list[UUID] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CounterpartyPage | Problem]
    """

    kwargs = _get_kwargs(
        updated_since=updated_since,
        after=after,
        limit=limit,
        offset=offset,
        search=search,
        responsible_employee_id=responsible_employee_id,
        status=status,
        sort=sort,
        activity_type_id=activity_type_id,
        region_id=region_id,
        group_id=group_id,
        category_id=category_id,
        advertising_source_id=advertising_source_id,
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
    search: str | Unset = UNSET,
    responsible_employee_id: UUID | Unset = UNSET,
    status: CounterpartiesListCounterpartiesStatus | Unset = UNSET,
    sort: CounterpartiesListCounterpartiesSort | Unset = UNSET,
    activity_type_id: list[UUID] | Unset = UNSET,
    region_id: list[UUID] | Unset = UNSET,
    group_id: list[UUID] | Unset = UNSET,
    category_id: list[UUID] | Unset = UNSET,
    advertising_source_id: list[UUID] | Unset = UNSET,
) -> CounterpartyPage | Problem | None:
    """Search, filter (by characteristics: repeat a parameter for any of several values), sort and page.

     Or sync (`updated_since`, then `after`): every counterparty the caller sees by change, a merged one
    as
    a tombstone naming the survivor (docs/api.md, "Sync by change").

    Args:
        updated_since (datetime.datetime | Unset):
        after (str | Unset):
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        search (str | Unset):
        responsible_employee_id (UUID | Unset):
        status (CounterpartiesListCounterpartiesStatus | Unset):
        sort (CounterpartiesListCounterpartiesSort | Unset):
        activity_type_id (list[UUID] | Unset):
        region_id (list[UUID] | Unset):
        group_id (list[UUID] | Unset):
        category_id (list[UUID] | Unset):
        advertising_source_id (list[UUID] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CounterpartyPage | Problem
    """

    return sync_detailed(
        client=client,
        updated_since=updated_since,
        after=after,
        limit=limit,
        offset=offset,
        search=search,
        responsible_employee_id=responsible_employee_id,
        status=status,
        sort=sort,
        activity_type_id=activity_type_id,
        region_id=region_id,
        group_id=group_id,
        category_id=category_id,
        advertising_source_id=advertising_source_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    updated_since: datetime.datetime | Unset = UNSET,
    after: str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    search: str | Unset = UNSET,
    responsible_employee_id: UUID | Unset = UNSET,
    status: CounterpartiesListCounterpartiesStatus | Unset = UNSET,
    sort: CounterpartiesListCounterpartiesSort | Unset = UNSET,
    activity_type_id: list[UUID] | Unset = UNSET,
    region_id: list[UUID] | Unset = UNSET,
    group_id: list[UUID] | Unset = UNSET,
    category_id: list[UUID] | Unset = UNSET,
    advertising_source_id: list[UUID] | Unset = UNSET,
) -> Response[CounterpartyPage | Problem]:
    """Search, filter (by characteristics: repeat a parameter for any of several values), sort and page.

     Or sync (`updated_since`, then `after`): every counterparty the caller sees by change, a merged one
    as
    a tombstone naming the survivor (docs/api.md, "Sync by change").

    Args:
        updated_since (datetime.datetime | Unset):
        after (str | Unset):
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        search (str | Unset):
        responsible_employee_id (UUID | Unset):
        status (CounterpartiesListCounterpartiesStatus | Unset):
        sort (CounterpartiesListCounterpartiesSort | Unset):
        activity_type_id (list[UUID] | Unset):
        region_id (list[UUID] | Unset):
        group_id (list[UUID] | Unset):
        category_id (list[UUID] | Unset):
        advertising_source_id (list[UUID] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CounterpartyPage | Problem]
    """

    kwargs = _get_kwargs(
        updated_since=updated_since,
        after=after,
        limit=limit,
        offset=offset,
        search=search,
        responsible_employee_id=responsible_employee_id,
        status=status,
        sort=sort,
        activity_type_id=activity_type_id,
        region_id=region_id,
        group_id=group_id,
        category_id=category_id,
        advertising_source_id=advertising_source_id,
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
    search: str | Unset = UNSET,
    responsible_employee_id: UUID | Unset = UNSET,
    status: CounterpartiesListCounterpartiesStatus | Unset = UNSET,
    sort: CounterpartiesListCounterpartiesSort | Unset = UNSET,
    activity_type_id: list[UUID] | Unset = UNSET,
    region_id: list[UUID] | Unset = UNSET,
    group_id: list[UUID] | Unset = UNSET,
    category_id: list[UUID] | Unset = UNSET,
    advertising_source_id: list[UUID] | Unset = UNSET,
) -> CounterpartyPage | Problem | None:
    """Search, filter (by characteristics: repeat a parameter for any of several values), sort and page.

     Or sync (`updated_since`, then `after`): every counterparty the caller sees by change, a merged one
    as
    a tombstone naming the survivor (docs/api.md, "Sync by change").

    Args:
        updated_since (datetime.datetime | Unset):
        after (str | Unset):
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        search (str | Unset):
        responsible_employee_id (UUID | Unset):
        status (CounterpartiesListCounterpartiesStatus | Unset):
        sort (CounterpartiesListCounterpartiesSort | Unset):
        activity_type_id (list[UUID] | Unset):
        region_id (list[UUID] | Unset):
        group_id (list[UUID] | Unset):
        category_id (list[UUID] | Unset):
        advertising_source_id (list[UUID] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CounterpartyPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            updated_since=updated_since,
            after=after,
            limit=limit,
            offset=offset,
            search=search,
            responsible_employee_id=responsible_employee_id,
            status=status,
            sort=sort,
            activity_type_id=activity_type_id,
            region_id=region_id,
            group_id=group_id,
            category_id=category_id,
            advertising_source_id=advertising_source_id,
        )
    ).parsed
