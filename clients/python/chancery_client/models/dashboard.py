from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.activity_result_row import ActivityResultRow
    from ..models.dashboard_departments import DashboardDepartments
    from ..models.dashboard_employees import DashboardEmployees
    from ..models.dashboard_expiring_contracts import DashboardExpiringContracts
    from ..models.funnel_step import FunnelStep
    from ..models.overdue_by_department_row import OverdueByDepartmentRow
    from ..models.overdue_by_employee_row import OverdueByEmployeeRow
    from ..models.overdue_obligations_row import OverdueObligationsRow
    from ..models.unavailable_part import UnavailablePart


T = TypeVar("T", bound="Dashboard")


@_attrs_define
class Dashboard:
    """
    Attributes:
        activity_results (list[ActivityResultRow] | Unset):
        department_id (None | Unset | UUID): the department shown; null: the company
        departments (DashboardDepartments | Unset):
        employees (DashboardEmployees | Unset):
        expiring_contracts (DashboardExpiringContracts | Unset): "30", "60", "90": contracts whose validity ends within
            that many days (and not sooner)
        funnel (list[FunnelStep] | Unset): the negotiation funnel of the period: per stage (in the book's order) the
            counterparties that reached it and the share that went on to the next (as GET /api/v1/negotiations/funnel)
        overdue_by_department (list[OverdueByDepartmentRow] | Unset):
        overdue_by_employee (list[OverdueByEmployeeRow] | Unset):
        overdue_obligations (list[OverdueObligationsRow] | Unset): contracts' overdue milestones and payments by
            responsible employee (of the 500 most overdue)
        overdue_obligations_total (int | Unset): how many are overdue in all
        since (str | Unset):
        unavailable (list[UnavailablePart] | Unset):
        until (str | Unset):
    """

    activity_results: list[ActivityResultRow] | Unset = UNSET
    department_id: None | Unset | UUID = UNSET
    departments: DashboardDepartments | Unset = UNSET
    employees: DashboardEmployees | Unset = UNSET
    expiring_contracts: DashboardExpiringContracts | Unset = UNSET
    funnel: list[FunnelStep] | Unset = UNSET
    overdue_by_department: list[OverdueByDepartmentRow] | Unset = UNSET
    overdue_by_employee: list[OverdueByEmployeeRow] | Unset = UNSET
    overdue_obligations: list[OverdueObligationsRow] | Unset = UNSET
    overdue_obligations_total: int | Unset = UNSET
    since: str | Unset = UNSET
    unavailable: list[UnavailablePart] | Unset = UNSET
    until: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        activity_results: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.activity_results, Unset):
            activity_results = []
            for activity_results_item_data in self.activity_results:
                activity_results_item = activity_results_item_data.to_dict()
                activity_results.append(activity_results_item)

        department_id: None | str | Unset
        if isinstance(self.department_id, Unset):
            department_id = UNSET
        elif isinstance(self.department_id, UUID):
            department_id = str(self.department_id)
        else:
            department_id = self.department_id

        departments: dict[str, Any] | Unset = UNSET
        if not isinstance(self.departments, Unset):
            departments = self.departments.to_dict()

        employees: dict[str, Any] | Unset = UNSET
        if not isinstance(self.employees, Unset):
            employees = self.employees.to_dict()

        expiring_contracts: dict[str, Any] | Unset = UNSET
        if not isinstance(self.expiring_contracts, Unset):
            expiring_contracts = self.expiring_contracts.to_dict()

        funnel: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.funnel, Unset):
            funnel = []
            for funnel_item_data in self.funnel:
                funnel_item = funnel_item_data.to_dict()
                funnel.append(funnel_item)

        overdue_by_department: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.overdue_by_department, Unset):
            overdue_by_department = []
            for overdue_by_department_item_data in self.overdue_by_department:
                overdue_by_department_item = overdue_by_department_item_data.to_dict()
                overdue_by_department.append(overdue_by_department_item)

        overdue_by_employee: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.overdue_by_employee, Unset):
            overdue_by_employee = []
            for overdue_by_employee_item_data in self.overdue_by_employee:
                overdue_by_employee_item = overdue_by_employee_item_data.to_dict()
                overdue_by_employee.append(overdue_by_employee_item)

        overdue_obligations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.overdue_obligations, Unset):
            overdue_obligations = []
            for overdue_obligations_item_data in self.overdue_obligations:
                overdue_obligations_item = overdue_obligations_item_data.to_dict()
                overdue_obligations.append(overdue_obligations_item)

        overdue_obligations_total = self.overdue_obligations_total

        since = self.since

        unavailable: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.unavailable, Unset):
            unavailable = []
            for unavailable_item_data in self.unavailable:
                unavailable_item = unavailable_item_data.to_dict()
                unavailable.append(unavailable_item)

        until = self.until

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if activity_results is not UNSET:
            field_dict["activity_results"] = activity_results
        if department_id is not UNSET:
            field_dict["department_id"] = department_id
        if departments is not UNSET:
            field_dict["departments"] = departments
        if employees is not UNSET:
            field_dict["employees"] = employees
        if expiring_contracts is not UNSET:
            field_dict["expiring_contracts"] = expiring_contracts
        if funnel is not UNSET:
            field_dict["funnel"] = funnel
        if overdue_by_department is not UNSET:
            field_dict["overdue_by_department"] = overdue_by_department
        if overdue_by_employee is not UNSET:
            field_dict["overdue_by_employee"] = overdue_by_employee
        if overdue_obligations is not UNSET:
            field_dict["overdue_obligations"] = overdue_obligations
        if overdue_obligations_total is not UNSET:
            field_dict["overdue_obligations_total"] = overdue_obligations_total
        if since is not UNSET:
            field_dict["since"] = since
        if unavailable is not UNSET:
            field_dict["unavailable"] = unavailable
        if until is not UNSET:
            field_dict["until"] = until

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.activity_result_row import ActivityResultRow
        from ..models.dashboard_departments import DashboardDepartments
        from ..models.dashboard_employees import DashboardEmployees
        from ..models.dashboard_expiring_contracts import DashboardExpiringContracts
        from ..models.funnel_step import FunnelStep
        from ..models.overdue_by_department_row import OverdueByDepartmentRow
        from ..models.overdue_by_employee_row import OverdueByEmployeeRow
        from ..models.overdue_obligations_row import OverdueObligationsRow
        from ..models.unavailable_part import UnavailablePart

        d = dict(src_dict)
        _activity_results = d.pop("activity_results", UNSET)
        activity_results: list[ActivityResultRow] | Unset = UNSET
        if _activity_results is not UNSET:
            activity_results = []
            for activity_results_item_data in _activity_results:
                activity_results_item = ActivityResultRow.from_dict(
                    activity_results_item_data
                )

                activity_results.append(activity_results_item)

        def _parse_department_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                department_id_type_0 = UUID(data)

                return department_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        department_id = _parse_department_id(d.pop("department_id", UNSET))

        _departments = d.pop("departments", UNSET)
        departments: DashboardDepartments | Unset
        if isinstance(_departments, Unset):
            departments = UNSET
        else:
            departments = DashboardDepartments.from_dict(_departments)

        _employees = d.pop("employees", UNSET)
        employees: DashboardEmployees | Unset
        if isinstance(_employees, Unset):
            employees = UNSET
        else:
            employees = DashboardEmployees.from_dict(_employees)

        _expiring_contracts = d.pop("expiring_contracts", UNSET)
        expiring_contracts: DashboardExpiringContracts | Unset
        if isinstance(_expiring_contracts, Unset):
            expiring_contracts = UNSET
        else:
            expiring_contracts = DashboardExpiringContracts.from_dict(
                _expiring_contracts
            )

        _funnel = d.pop("funnel", UNSET)
        funnel: list[FunnelStep] | Unset = UNSET
        if _funnel is not UNSET:
            funnel = []
            for funnel_item_data in _funnel:
                funnel_item = FunnelStep.from_dict(funnel_item_data)

                funnel.append(funnel_item)

        _overdue_by_department = d.pop("overdue_by_department", UNSET)
        overdue_by_department: list[OverdueByDepartmentRow] | Unset = UNSET
        if _overdue_by_department is not UNSET:
            overdue_by_department = []
            for overdue_by_department_item_data in _overdue_by_department:
                overdue_by_department_item = OverdueByDepartmentRow.from_dict(
                    overdue_by_department_item_data
                )

                overdue_by_department.append(overdue_by_department_item)

        _overdue_by_employee = d.pop("overdue_by_employee", UNSET)
        overdue_by_employee: list[OverdueByEmployeeRow] | Unset = UNSET
        if _overdue_by_employee is not UNSET:
            overdue_by_employee = []
            for overdue_by_employee_item_data in _overdue_by_employee:
                overdue_by_employee_item = OverdueByEmployeeRow.from_dict(
                    overdue_by_employee_item_data
                )

                overdue_by_employee.append(overdue_by_employee_item)

        _overdue_obligations = d.pop("overdue_obligations", UNSET)
        overdue_obligations: list[OverdueObligationsRow] | Unset = UNSET
        if _overdue_obligations is not UNSET:
            overdue_obligations = []
            for overdue_obligations_item_data in _overdue_obligations:
                overdue_obligations_item = OverdueObligationsRow.from_dict(
                    overdue_obligations_item_data
                )

                overdue_obligations.append(overdue_obligations_item)

        overdue_obligations_total = d.pop("overdue_obligations_total", UNSET)

        since = d.pop("since", UNSET)

        _unavailable = d.pop("unavailable", UNSET)
        unavailable: list[UnavailablePart] | Unset = UNSET
        if _unavailable is not UNSET:
            unavailable = []
            for unavailable_item_data in _unavailable:
                unavailable_item = UnavailablePart.from_dict(unavailable_item_data)

                unavailable.append(unavailable_item)

        until = d.pop("until", UNSET)

        dashboard = cls(
            activity_results=activity_results,
            department_id=department_id,
            departments=departments,
            employees=employees,
            expiring_contracts=expiring_contracts,
            funnel=funnel,
            overdue_by_department=overdue_by_department,
            overdue_by_employee=overdue_by_employee,
            overdue_obligations=overdue_obligations,
            overdue_obligations_total=overdue_obligations_total,
            since=since,
            unavailable=unavailable,
            until=until,
        )

        return dashboard
