from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.sign_in_policy import SignInPolicy
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: SignInPolicy,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/settings/sign-in-policy",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SignInPolicy | None:
    if response.status_code == 200:
        response_200 = SignInPolicy.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

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
) -> Response[Problem | SignInPolicy]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: SignInPolicy,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | SignInPolicy]:
    """Change the sign-in policy (administrators; fields left out stay). Two-factor for every
    employee whose roles have `manage_staff`: those not enrolled can only enrol until they do.
    Passwords off: only the named break-glass administrator may still use one; the others
    sign in through the holding's provider, which must be enabled.

    Args:
        idempotency_key (str | Unset):
        body (SignInPolicy):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SignInPolicy]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: SignInPolicy,
    idempotency_key: str | Unset = UNSET,
) -> Problem | SignInPolicy | None:
    """Change the sign-in policy (administrators; fields left out stay). Two-factor for every
    employee whose roles have `manage_staff`: those not enrolled can only enrol until they do.
    Passwords off: only the named break-glass administrator may still use one; the others
    sign in through the holding's provider, which must be enabled.

    Args:
        idempotency_key (str | Unset):
        body (SignInPolicy):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SignInPolicy
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: SignInPolicy,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | SignInPolicy]:
    """Change the sign-in policy (administrators; fields left out stay). Two-factor for every
    employee whose roles have `manage_staff`: those not enrolled can only enrol until they do.
    Passwords off: only the named break-glass administrator may still use one; the others
    sign in through the holding's provider, which must be enabled.

    Args:
        idempotency_key (str | Unset):
        body (SignInPolicy):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SignInPolicy]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: SignInPolicy,
    idempotency_key: str | Unset = UNSET,
) -> Problem | SignInPolicy | None:
    """Change the sign-in policy (administrators; fields left out stay). Two-factor for every
    employee whose roles have `manage_staff`: those not enrolled can only enrol until they do.
    Passwords off: only the named break-glass administrator may still use one; the others
    sign in through the holding's provider, which must be enabled.

    Args:
        idempotency_key (str | Unset):
        body (SignInPolicy):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SignInPolicy
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
