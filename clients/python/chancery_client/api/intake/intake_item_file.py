from http import HTTPStatus
from io import BytesIO
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.intake_item_file_variant import IntakeItemFileVariant
from ...models.problem import Problem
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    item_id: UUID,
    file_id: UUID,
    *,
    variant: IntakeItemFileVariant | Unset = IntakeItemFileVariant.ORIGINAL,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_variant: str | Unset = UNSET
    if not isinstance(variant, Unset):
        json_variant = variant.value

    params["variant"] = json_variant

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/intake/items/{item_id}/files/{file_id}".format(
            item_id=quote(str(item_id), safe=""),
            file_id=quote(str(file_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> File | Problem | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

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
) -> Response[File | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    item_id: UUID,
    file_id: UUID,
    *,
    client: AuthenticatedClient,
    variant: IntakeItemFileVariant | Unset = IntakeItemFileVariant.ORIGINAL,
) -> Response[File | Problem]:
    """The file (or `variant`: its thumbnail, its searchable PDF once the texts service made them).

    Args:
        item_id (UUID):
        file_id (UUID):
        variant (IntakeItemFileVariant | Unset):  Default: IntakeItemFileVariant.ORIGINAL.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
    """

    kwargs = _get_kwargs(
        item_id=item_id,
        file_id=file_id,
        variant=variant,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    item_id: UUID,
    file_id: UUID,
    *,
    client: AuthenticatedClient,
    variant: IntakeItemFileVariant | Unset = IntakeItemFileVariant.ORIGINAL,
) -> File | Problem | None:
    """The file (or `variant`: its thumbnail, its searchable PDF once the texts service made them).

    Args:
        item_id (UUID):
        file_id (UUID):
        variant (IntakeItemFileVariant | Unset):  Default: IntakeItemFileVariant.ORIGINAL.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return sync_detailed(
        item_id=item_id,
        file_id=file_id,
        client=client,
        variant=variant,
    ).parsed


async def asyncio_detailed(
    item_id: UUID,
    file_id: UUID,
    *,
    client: AuthenticatedClient,
    variant: IntakeItemFileVariant | Unset = IntakeItemFileVariant.ORIGINAL,
) -> Response[File | Problem]:
    """The file (or `variant`: its thumbnail, its searchable PDF once the texts service made them).

    Args:
        item_id (UUID):
        file_id (UUID):
        variant (IntakeItemFileVariant | Unset):  Default: IntakeItemFileVariant.ORIGINAL.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
    """

    kwargs = _get_kwargs(
        item_id=item_id,
        file_id=file_id,
        variant=variant,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    item_id: UUID,
    file_id: UUID,
    *,
    client: AuthenticatedClient,
    variant: IntakeItemFileVariant | Unset = IntakeItemFileVariant.ORIGINAL,
) -> File | Problem | None:
    """The file (or `variant`: its thumbnail, its searchable PDF once the texts service made them).

    Args:
        item_id (UUID):
        file_id (UUID):
        variant (IntakeItemFileVariant | Unset):  Default: IntakeItemFileVariant.ORIGINAL.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return (
        await asyncio_detailed(
            item_id=item_id,
            file_id=file_id,
            client=client,
            variant=variant,
        )
    ).parsed
