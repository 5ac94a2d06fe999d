from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.date_field_list import DateFieldList
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    type_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/reminder-schemes/date-fields/{type_id}".format(
            type_id=quote(str(type_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DateFieldList | Problem | None:
    if response.status_code == 200:
        response_200 = DateFieldList.from_dict(response.json())

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
) -> Response[DateFieldList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    type_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[DateFieldList | Problem]:
    """The date fields of a document type's card a scheme may count from.

    Args:
        type_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DateFieldList | Problem]
    """

    kwargs = _get_kwargs(
        type_id=type_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    type_id: UUID,
    *,
    client: AuthenticatedClient,
) -> DateFieldList | Problem | None:
    """The date fields of a document type's card a scheme may count from.

    Args:
        type_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DateFieldList | Problem
    """

    return sync_detailed(
        type_id=type_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    type_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[DateFieldList | Problem]:
    """The date fields of a document type's card a scheme may count from.

    Args:
        type_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DateFieldList | Problem]
    """

    kwargs = _get_kwargs(
        type_id=type_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    type_id: UUID,
    *,
    client: AuthenticatedClient,
) -> DateFieldList | Problem | None:
    """The date fields of a document type's card a scheme may count from.

    Args:
        type_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DateFieldList | Problem
    """

    return (
        await asyncio_detailed(
            type_id=type_id,
            client=client,
        )
    ).parsed
