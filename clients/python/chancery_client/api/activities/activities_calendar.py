import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.activities_calendar_status import ActivitiesCalendarStatus
from ...models.calendar import Calendar
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    from_: datetime.date,
    to: datetime.date,
    employee_id: UUID | Unset = UNSET,
    team: bool | Unset = False,
    status: ActivitiesCalendarStatus | Unset = UNSET,
    tz: str | Unset = "UTC",
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to = to.isoformat()
    params["to"] = json_to

    json_employee_id: str | Unset = UNSET
    if not isinstance(employee_id, Unset):
        json_employee_id = str(employee_id)
    params["employee_id"] = json_employee_id

    params["team"] = team

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["tz"] = tz

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/activities/calendar",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Calendar | Problem | None:
    if response.status_code == 200:
        response_200 = Calendar.from_dict(response.json())

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
) -> Response[Calendar | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.date,
    to: datetime.date,
    employee_id: UUID | Unset = UNSET,
    team: bool | Unset = False,
    status: ActivitiesCalendarStatus | Unset = UNSET,
    tz: str | Unset = "UTC",
) -> Response[Calendar | Problem]:
    """Activities from one day to another (a week, a month): mine (with those of colleagues I
    deputise for, marked ``on_behalf_of``), one employee's I may see (`employee_id`), or my
    team's (`team=true`: department heads, directors, administrators).

    Args:
        from_ (datetime.date):
        to (datetime.date):
        employee_id (UUID | Unset):
        team (bool | Unset):  Default: False.
        status (ActivitiesCalendarStatus | Unset):
        tz (str | Unset):  Default: 'UTC'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Calendar | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        employee_id=employee_id,
        team=team,
        status=status,
        tz=tz,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    from_: datetime.date,
    to: datetime.date,
    employee_id: UUID | Unset = UNSET,
    team: bool | Unset = False,
    status: ActivitiesCalendarStatus | Unset = UNSET,
    tz: str | Unset = "UTC",
) -> Calendar | Problem | None:
    """Activities from one day to another (a week, a month): mine (with those of colleagues I
    deputise for, marked ``on_behalf_of``), one employee's I may see (`employee_id`), or my
    team's (`team=true`: department heads, directors, administrators).

    Args:
        from_ (datetime.date):
        to (datetime.date):
        employee_id (UUID | Unset):
        team (bool | Unset):  Default: False.
        status (ActivitiesCalendarStatus | Unset):
        tz (str | Unset):  Default: 'UTC'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Calendar | Problem
    """

    return sync_detailed(
        client=client,
        from_=from_,
        to=to,
        employee_id=employee_id,
        team=team,
        status=status,
        tz=tz,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.date,
    to: datetime.date,
    employee_id: UUID | Unset = UNSET,
    team: bool | Unset = False,
    status: ActivitiesCalendarStatus | Unset = UNSET,
    tz: str | Unset = "UTC",
) -> Response[Calendar | Problem]:
    """Activities from one day to another (a week, a month): mine (with those of colleagues I
    deputise for, marked ``on_behalf_of``), one employee's I may see (`employee_id`), or my
    team's (`team=true`: department heads, directors, administrators).

    Args:
        from_ (datetime.date):
        to (datetime.date):
        employee_id (UUID | Unset):
        team (bool | Unset):  Default: False.
        status (ActivitiesCalendarStatus | Unset):
        tz (str | Unset):  Default: 'UTC'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Calendar | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        employee_id=employee_id,
        team=team,
        status=status,
        tz=tz,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    from_: datetime.date,
    to: datetime.date,
    employee_id: UUID | Unset = UNSET,
    team: bool | Unset = False,
    status: ActivitiesCalendarStatus | Unset = UNSET,
    tz: str | Unset = "UTC",
) -> Calendar | Problem | None:
    """Activities from one day to another (a week, a month): mine (with those of colleagues I
    deputise for, marked ``on_behalf_of``), one employee's I may see (`employee_id`), or my
    team's (`team=true`: department heads, directors, administrators).

    Args:
        from_ (datetime.date):
        to (datetime.date):
        employee_id (UUID | Unset):
        team (bool | Unset):  Default: False.
        status (ActivitiesCalendarStatus | Unset):
        tz (str | Unset):  Default: 'UTC'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Calendar | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            from_=from_,
            to=to,
            employee_id=employee_id,
            team=team,
            status=status,
            tz=tz,
        )
    ).parsed
