from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.found_activity import FoundActivity
    from ..models.found_counterparty import FoundCounterparty
    from ..models.found_document import FoundDocument
    from ..models.found_employee import FoundEmployee
    from ..models.found_person import FoundPerson


T = TypeVar("T", bound="SearchGroups")


@_attrs_define
class SearchGroups:
    """
    Attributes:
        activities (list[FoundActivity] | Unset):
        contact_persons (list[FoundPerson] | Unset):
        counterparties (list[FoundCounterparty] | Unset):
        documents (list[FoundDocument] | Unset):
        employees (list[FoundEmployee] | Unset):
    """

    activities: list[FoundActivity] | Unset = UNSET
    contact_persons: list[FoundPerson] | Unset = UNSET
    counterparties: list[FoundCounterparty] | Unset = UNSET
    documents: list[FoundDocument] | Unset = UNSET
    employees: list[FoundEmployee] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        activities: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.activities, Unset):
            activities = []
            for activities_item_data in self.activities:
                activities_item = activities_item_data.to_dict()
                activities.append(activities_item)

        contact_persons: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.contact_persons, Unset):
            contact_persons = []
            for contact_persons_item_data in self.contact_persons:
                contact_persons_item = contact_persons_item_data.to_dict()
                contact_persons.append(contact_persons_item)

        counterparties: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.counterparties, Unset):
            counterparties = []
            for counterparties_item_data in self.counterparties:
                counterparties_item = counterparties_item_data.to_dict()
                counterparties.append(counterparties_item)

        documents: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.documents, Unset):
            documents = []
            for documents_item_data in self.documents:
                documents_item = documents_item_data.to_dict()
                documents.append(documents_item)

        employees: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.employees, Unset):
            employees = []
            for employees_item_data in self.employees:
                employees_item = employees_item_data.to_dict()
                employees.append(employees_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if activities is not UNSET:
            field_dict["activities"] = activities
        if contact_persons is not UNSET:
            field_dict["contact_persons"] = contact_persons
        if counterparties is not UNSET:
            field_dict["counterparties"] = counterparties
        if documents is not UNSET:
            field_dict["documents"] = documents
        if employees is not UNSET:
            field_dict["employees"] = employees

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.found_activity import FoundActivity
        from ..models.found_counterparty import FoundCounterparty
        from ..models.found_document import FoundDocument
        from ..models.found_employee import FoundEmployee
        from ..models.found_person import FoundPerson

        d = dict(src_dict)
        _activities = d.pop("activities", UNSET)
        activities: list[FoundActivity] | Unset = UNSET
        if _activities is not UNSET:
            activities = []
            for activities_item_data in _activities:
                activities_item = FoundActivity.from_dict(activities_item_data)

                activities.append(activities_item)

        _contact_persons = d.pop("contact_persons", UNSET)
        contact_persons: list[FoundPerson] | Unset = UNSET
        if _contact_persons is not UNSET:
            contact_persons = []
            for contact_persons_item_data in _contact_persons:
                contact_persons_item = FoundPerson.from_dict(contact_persons_item_data)

                contact_persons.append(contact_persons_item)

        _counterparties = d.pop("counterparties", UNSET)
        counterparties: list[FoundCounterparty] | Unset = UNSET
        if _counterparties is not UNSET:
            counterparties = []
            for counterparties_item_data in _counterparties:
                counterparties_item = FoundCounterparty.from_dict(
                    counterparties_item_data
                )

                counterparties.append(counterparties_item)

        _documents = d.pop("documents", UNSET)
        documents: list[FoundDocument] | Unset = UNSET
        if _documents is not UNSET:
            documents = []
            for documents_item_data in _documents:
                documents_item = FoundDocument.from_dict(documents_item_data)

                documents.append(documents_item)

        _employees = d.pop("employees", UNSET)
        employees: list[FoundEmployee] | Unset = UNSET
        if _employees is not UNSET:
            employees = []
            for employees_item_data in _employees:
                employees_item = FoundEmployee.from_dict(employees_item_data)

                employees.append(employees_item)

        search_groups = cls(
            activities=activities,
            contact_persons=contact_persons,
            counterparties=counterparties,
            documents=documents,
            employees=employees,
        )

        return search_groups
