from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.login import Login
from ...models.problem import Problem
from ...models.session import Session
from ...types import Response


def _get_kwargs(
    *,
    body: Login,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/auth/login",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | Session | None:
    if response.status_code == 200:
        response_200 = Session.from_dict(response.json())

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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | Session]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: Login,
) -> Response[Problem | Session]:
    """Sign in with e-mail and password; sets the session cookie and returns the CSRF token.

     When an administrator has turned password sign-in off (`PUT /api/v1/settings/sign-in-policy`,
    `password_sign_in: false`), the answer is 403 with `reason` `passwords_off` before the
    password is looked at, for everyone but the break-glass administrator: sign in through the
    holding's provider instead (directory accounts still sign in with the directory's password).

    With the holding's LDAP directory enabled, `email` may be the directory's user name too, and
    a directory-managed account's password is checked by the directory (bound as the user);
    403 with `reason` `unknown_employee`, `dismissed` or `disabled` when the directory accepted
    the password but Chancery does not; 503 when the directory cannot be reached.

    With two-factor on, the answer is only `{"second_factor_required": true}` and the code
    goes to `POST /api/v1/auth/login/code` with the same cookies.
    After repeated failures for this e-mail from this client (or from this client against
    many accounts) the answer is 429 with `Retry-After` (seconds) until the wait is over;
    other clients are not affected (docs/permissions.md, "Signing in").

    Args:
        body (Login):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Session]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: Login,
) -> Problem | Session | None:
    """Sign in with e-mail and password; sets the session cookie and returns the CSRF token.

     When an administrator has turned password sign-in off (`PUT /api/v1/settings/sign-in-policy`,
    `password_sign_in: false`), the answer is 403 with `reason` `passwords_off` before the
    password is looked at, for everyone but the break-glass administrator: sign in through the
    holding's provider instead (directory accounts still sign in with the directory's password).

    With the holding's LDAP directory enabled, `email` may be the directory's user name too, and
    a directory-managed account's password is checked by the directory (bound as the user);
    403 with `reason` `unknown_employee`, `dismissed` or `disabled` when the directory accepted
    the password but Chancery does not; 503 when the directory cannot be reached.

    With two-factor on, the answer is only `{"second_factor_required": true}` and the code
    goes to `POST /api/v1/auth/login/code` with the same cookies.
    After repeated failures for this e-mail from this client (or from this client against
    many accounts) the answer is 429 with `Retry-After` (seconds) until the wait is over;
    other clients are not affected (docs/permissions.md, "Signing in").

    Args:
        body (Login):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Session
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: Login,
) -> Response[Problem | Session]:
    """Sign in with e-mail and password; sets the session cookie and returns the CSRF token.

     When an administrator has turned password sign-in off (`PUT /api/v1/settings/sign-in-policy`,
    `password_sign_in: false`), the answer is 403 with `reason` `passwords_off` before the
    password is looked at, for everyone but the break-glass administrator: sign in through the
    holding's provider instead (directory accounts still sign in with the directory's password).

    With the holding's LDAP directory enabled, `email` may be the directory's user name too, and
    a directory-managed account's password is checked by the directory (bound as the user);
    403 with `reason` `unknown_employee`, `dismissed` or `disabled` when the directory accepted
    the password but Chancery does not; 503 when the directory cannot be reached.

    With two-factor on, the answer is only `{"second_factor_required": true}` and the code
    goes to `POST /api/v1/auth/login/code` with the same cookies.
    After repeated failures for this e-mail from this client (or from this client against
    many accounts) the answer is 429 with `Retry-After` (seconds) until the wait is over;
    other clients are not affected (docs/permissions.md, "Signing in").

    Args:
        body (Login):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Session]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: Login,
) -> Problem | Session | None:
    """Sign in with e-mail and password; sets the session cookie and returns the CSRF token.

     When an administrator has turned password sign-in off (`PUT /api/v1/settings/sign-in-policy`,
    `password_sign_in: false`), the answer is 403 with `reason` `passwords_off` before the
    password is looked at, for everyone but the break-glass administrator: sign in through the
    holding's provider instead (directory accounts still sign in with the directory's password).

    With the holding's LDAP directory enabled, `email` may be the directory's user name too, and
    a directory-managed account's password is checked by the directory (bound as the user);
    403 with `reason` `unknown_employee`, `dismissed` or `disabled` when the directory accepted
    the password but Chancery does not; 503 when the directory cannot be reached.

    With two-factor on, the answer is only `{"second_factor_required": true}` and the code
    goes to `POST /api/v1/auth/login/code` with the same cookies.
    After repeated failures for this e-mail from this client (or from this client against
    many accounts) the answer is 429 with `Retry-After` (seconds) until the wait is over;
    other clients are not affected (docs/permissions.md, "Signing in").

    Args:
        body (Login):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Session
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
