from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact_person import ContactPerson
    from ..models.counterparty import Counterparty
    from ..models.document_tree_node import DocumentTreeNode
    from ..models.history_page import HistoryPage
    from ..models.negotiation_notes import NegotiationNotes
    from ..models.notification_page import NotificationPage
    from ..models.overview_approval_page import OverviewApprovalPage
    from ..models.overview_completeness import OverviewCompleteness
    from ..models.overview_document_page import OverviewDocumentPage
    from ..models.overview_employees import OverviewEmployees
    from ..models.overview_execution import OverviewExecution
    from ..models.overview_paper_copy_page import OverviewPaperCopyPage
    from ..models.planned_activity_page import PlannedActivityPage
    from ..models.running_approval import RunningApproval
    from ..models.unavailable_part import UnavailablePart


T = TypeVar("T", bound="Overview")


@_attrs_define
class Overview:
    """
    Attributes:
        activities (None | PlannedActivityPage | Unset): planned activities, soonest first
        approvals (None | OverviewApprovalPage | Unset):
        approvals_in_progress (list[RunningApproval] | Unset): each running approval: its current stage, who holds it,
            since when, the deadline
        completeness (OverviewCompleteness | Unset): contract id -> its required accounting documents and which are
            missing
        contact_persons (list[ContactPerson] | None | Unset):
        contract_trees (list[DocumentTreeNode] | Unset): the documents as trees of their ids: a contract with its
            annexes, acts, invoices... nested, oldest first (each document is in `documents` once)
        counterparty (Counterparty | None | Unset):
        documents (None | OverviewDocumentPage | Unset): the counterparty's documents, newest first (200 at most), each
            type in brief
        employees (OverviewEmployees | Unset): employee id -> full name, for every id shown
        execution (OverviewExecution | Unset): contract id -> its execution in brief (overdue milestones and payments,
            the settlement, the next milestone), for the contracts that keep milestones or payments
        history (HistoryPage | None | Unset):
        negotiation (NegotiationNotes | None | Unset): the current negotiation stage and the latest notes
        notifications (None | NotificationPage | Unset):
        overdue_activity_ids (list[UUID] | Unset): planned activities already past due
        paper_copies (None | OverviewPaperCopyPage | Unset): paper originals and copies of the counterparty's documents:
            where, who holds them
        unavailable (list[UnavailablePart] | Unset): parts whose service did not answer
    """

    activities: None | PlannedActivityPage | Unset = UNSET
    approvals: None | OverviewApprovalPage | Unset = UNSET
    approvals_in_progress: list[RunningApproval] | Unset = UNSET
    completeness: OverviewCompleteness | Unset = UNSET
    contact_persons: list[ContactPerson] | None | Unset = UNSET
    contract_trees: list[DocumentTreeNode] | Unset = UNSET
    counterparty: Counterparty | None | Unset = UNSET
    documents: None | OverviewDocumentPage | Unset = UNSET
    employees: OverviewEmployees | Unset = UNSET
    execution: OverviewExecution | Unset = UNSET
    history: HistoryPage | None | Unset = UNSET
    negotiation: NegotiationNotes | None | Unset = UNSET
    notifications: None | NotificationPage | Unset = UNSET
    overdue_activity_ids: list[UUID] | Unset = UNSET
    paper_copies: None | OverviewPaperCopyPage | Unset = UNSET
    unavailable: list[UnavailablePart] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.counterparty import Counterparty
        from ..models.history_page import HistoryPage
        from ..models.negotiation_notes import NegotiationNotes
        from ..models.notification_page import NotificationPage
        from ..models.overview_approval_page import OverviewApprovalPage
        from ..models.overview_document_page import OverviewDocumentPage
        from ..models.overview_paper_copy_page import OverviewPaperCopyPage
        from ..models.planned_activity_page import PlannedActivityPage

        activities: dict[str, Any] | None | Unset
        if isinstance(self.activities, Unset):
            activities = UNSET
        elif isinstance(self.activities, PlannedActivityPage):
            activities = self.activities.to_dict()
        else:
            activities = self.activities

        approvals: dict[str, Any] | None | Unset
        if isinstance(self.approvals, Unset):
            approvals = UNSET
        elif isinstance(self.approvals, OverviewApprovalPage):
            approvals = self.approvals.to_dict()
        else:
            approvals = self.approvals

        approvals_in_progress: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.approvals_in_progress, Unset):
            approvals_in_progress = []
            for approvals_in_progress_item_data in self.approvals_in_progress:
                approvals_in_progress_item = approvals_in_progress_item_data.to_dict()
                approvals_in_progress.append(approvals_in_progress_item)

        completeness: dict[str, Any] | Unset = UNSET
        if not isinstance(self.completeness, Unset):
            completeness = self.completeness.to_dict()

        contact_persons: list[dict[str, Any]] | None | Unset
        if isinstance(self.contact_persons, Unset):
            contact_persons = UNSET
        elif isinstance(self.contact_persons, list):
            contact_persons = []
            for contact_persons_type_0_item_data in self.contact_persons:
                contact_persons_type_0_item = contact_persons_type_0_item_data.to_dict()
                contact_persons.append(contact_persons_type_0_item)

        else:
            contact_persons = self.contact_persons

        contract_trees: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.contract_trees, Unset):
            contract_trees = []
            for contract_trees_item_data in self.contract_trees:
                contract_trees_item = contract_trees_item_data.to_dict()
                contract_trees.append(contract_trees_item)

        counterparty: dict[str, Any] | None | Unset
        if isinstance(self.counterparty, Unset):
            counterparty = UNSET
        elif isinstance(self.counterparty, Counterparty):
            counterparty = self.counterparty.to_dict()
        else:
            counterparty = self.counterparty

        documents: dict[str, Any] | None | Unset
        if isinstance(self.documents, Unset):
            documents = UNSET
        elif isinstance(self.documents, OverviewDocumentPage):
            documents = self.documents.to_dict()
        else:
            documents = self.documents

        employees: dict[str, Any] | Unset = UNSET
        if not isinstance(self.employees, Unset):
            employees = self.employees.to_dict()

        execution: dict[str, Any] | Unset = UNSET
        if not isinstance(self.execution, Unset):
            execution = self.execution.to_dict()

        history: dict[str, Any] | None | Unset
        if isinstance(self.history, Unset):
            history = UNSET
        elif isinstance(self.history, HistoryPage):
            history = self.history.to_dict()
        else:
            history = self.history

        negotiation: dict[str, Any] | None | Unset
        if isinstance(self.negotiation, Unset):
            negotiation = UNSET
        elif isinstance(self.negotiation, NegotiationNotes):
            negotiation = self.negotiation.to_dict()
        else:
            negotiation = self.negotiation

        notifications: dict[str, Any] | None | Unset
        if isinstance(self.notifications, Unset):
            notifications = UNSET
        elif isinstance(self.notifications, NotificationPage):
            notifications = self.notifications.to_dict()
        else:
            notifications = self.notifications

        overdue_activity_ids: list[str] | Unset = UNSET
        if not isinstance(self.overdue_activity_ids, Unset):
            overdue_activity_ids = []
            for overdue_activity_ids_item_data in self.overdue_activity_ids:
                overdue_activity_ids_item = str(overdue_activity_ids_item_data)
                overdue_activity_ids.append(overdue_activity_ids_item)

        paper_copies: dict[str, Any] | None | Unset
        if isinstance(self.paper_copies, Unset):
            paper_copies = UNSET
        elif isinstance(self.paper_copies, OverviewPaperCopyPage):
            paper_copies = self.paper_copies.to_dict()
        else:
            paper_copies = self.paper_copies

        unavailable: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.unavailable, Unset):
            unavailable = []
            for unavailable_item_data in self.unavailable:
                unavailable_item = unavailable_item_data.to_dict()
                unavailable.append(unavailable_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if activities is not UNSET:
            field_dict["activities"] = activities
        if approvals is not UNSET:
            field_dict["approvals"] = approvals
        if approvals_in_progress is not UNSET:
            field_dict["approvals_in_progress"] = approvals_in_progress
        if completeness is not UNSET:
            field_dict["completeness"] = completeness
        if contact_persons is not UNSET:
            field_dict["contact_persons"] = contact_persons
        if contract_trees is not UNSET:
            field_dict["contract_trees"] = contract_trees
        if counterparty is not UNSET:
            field_dict["counterparty"] = counterparty
        if documents is not UNSET:
            field_dict["documents"] = documents
        if employees is not UNSET:
            field_dict["employees"] = employees
        if execution is not UNSET:
            field_dict["execution"] = execution
        if history is not UNSET:
            field_dict["history"] = history
        if negotiation is not UNSET:
            field_dict["negotiation"] = negotiation
        if notifications is not UNSET:
            field_dict["notifications"] = notifications
        if overdue_activity_ids is not UNSET:
            field_dict["overdue_activity_ids"] = overdue_activity_ids
        if paper_copies is not UNSET:
            field_dict["paper_copies"] = paper_copies
        if unavailable is not UNSET:
            field_dict["unavailable"] = unavailable

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.contact_person import ContactPerson
        from ..models.counterparty import Counterparty
        from ..models.document_tree_node import DocumentTreeNode
        from ..models.history_page import HistoryPage
        from ..models.negotiation_notes import NegotiationNotes
        from ..models.notification_page import NotificationPage
        from ..models.overview_approval_page import OverviewApprovalPage
        from ..models.overview_completeness import OverviewCompleteness
        from ..models.overview_document_page import OverviewDocumentPage
        from ..models.overview_employees import OverviewEmployees
        from ..models.overview_execution import OverviewExecution
        from ..models.overview_paper_copy_page import OverviewPaperCopyPage
        from ..models.planned_activity_page import PlannedActivityPage
        from ..models.running_approval import RunningApproval
        from ..models.unavailable_part import UnavailablePart

        d = dict(src_dict)

        def _parse_activities(data: object) -> None | PlannedActivityPage | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                activities_type_1 = PlannedActivityPage.from_dict(data)

                return activities_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PlannedActivityPage | Unset, data)

        activities = _parse_activities(d.pop("activities", UNSET))

        def _parse_approvals(data: object) -> None | OverviewApprovalPage | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                approvals_type_1 = OverviewApprovalPage.from_dict(data)

                return approvals_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OverviewApprovalPage | Unset, data)

        approvals = _parse_approvals(d.pop("approvals", UNSET))

        _approvals_in_progress = d.pop("approvals_in_progress", UNSET)
        approvals_in_progress: list[RunningApproval] | Unset = UNSET
        if _approvals_in_progress is not UNSET:
            approvals_in_progress = []
            for approvals_in_progress_item_data in _approvals_in_progress:
                approvals_in_progress_item = RunningApproval.from_dict(
                    approvals_in_progress_item_data
                )

                approvals_in_progress.append(approvals_in_progress_item)

        _completeness = d.pop("completeness", UNSET)
        completeness: OverviewCompleteness | Unset
        if isinstance(_completeness, Unset):
            completeness = UNSET
        else:
            completeness = OverviewCompleteness.from_dict(_completeness)

        def _parse_contact_persons(data: object) -> list[ContactPerson] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                contact_persons_type_0 = []
                _contact_persons_type_0 = data
                for contact_persons_type_0_item_data in _contact_persons_type_0:
                    contact_persons_type_0_item = ContactPerson.from_dict(
                        contact_persons_type_0_item_data
                    )

                    contact_persons_type_0.append(contact_persons_type_0_item)

                return contact_persons_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ContactPerson] | None | Unset, data)

        contact_persons = _parse_contact_persons(d.pop("contact_persons", UNSET))

        _contract_trees = d.pop("contract_trees", UNSET)
        contract_trees: list[DocumentTreeNode] | Unset = UNSET
        if _contract_trees is not UNSET:
            contract_trees = []
            for contract_trees_item_data in _contract_trees:
                contract_trees_item = DocumentTreeNode.from_dict(
                    contract_trees_item_data
                )

                contract_trees.append(contract_trees_item)

        def _parse_counterparty(data: object) -> Counterparty | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                counterparty_type_1 = Counterparty.from_dict(data)

                return counterparty_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Counterparty | None | Unset, data)

        counterparty = _parse_counterparty(d.pop("counterparty", UNSET))

        def _parse_documents(data: object) -> None | OverviewDocumentPage | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                documents_type_1 = OverviewDocumentPage.from_dict(data)

                return documents_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OverviewDocumentPage | Unset, data)

        documents = _parse_documents(d.pop("documents", UNSET))

        _employees = d.pop("employees", UNSET)
        employees: OverviewEmployees | Unset
        if isinstance(_employees, Unset):
            employees = UNSET
        else:
            employees = OverviewEmployees.from_dict(_employees)

        _execution = d.pop("execution", UNSET)
        execution: OverviewExecution | Unset
        if isinstance(_execution, Unset):
            execution = UNSET
        else:
            execution = OverviewExecution.from_dict(_execution)

        def _parse_history(data: object) -> HistoryPage | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                history_type_1 = HistoryPage.from_dict(data)

                return history_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HistoryPage | None | Unset, data)

        history = _parse_history(d.pop("history", UNSET))

        def _parse_negotiation(data: object) -> NegotiationNotes | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                negotiation_type_1 = NegotiationNotes.from_dict(data)

                return negotiation_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(NegotiationNotes | None | Unset, data)

        negotiation = _parse_negotiation(d.pop("negotiation", UNSET))

        def _parse_notifications(data: object) -> None | NotificationPage | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                notifications_type_1 = NotificationPage.from_dict(data)

                return notifications_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | NotificationPage | Unset, data)

        notifications = _parse_notifications(d.pop("notifications", UNSET))

        _overdue_activity_ids = d.pop("overdue_activity_ids", UNSET)
        overdue_activity_ids: list[UUID] | Unset = UNSET
        if _overdue_activity_ids is not UNSET:
            overdue_activity_ids = []
            for overdue_activity_ids_item_data in _overdue_activity_ids:
                overdue_activity_ids_item = UUID(overdue_activity_ids_item_data)

                overdue_activity_ids.append(overdue_activity_ids_item)

        def _parse_paper_copies(data: object) -> None | OverviewPaperCopyPage | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                paper_copies_type_1 = OverviewPaperCopyPage.from_dict(data)

                return paper_copies_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OverviewPaperCopyPage | Unset, data)

        paper_copies = _parse_paper_copies(d.pop("paper_copies", UNSET))

        _unavailable = d.pop("unavailable", UNSET)
        unavailable: list[UnavailablePart] | Unset = UNSET
        if _unavailable is not UNSET:
            unavailable = []
            for unavailable_item_data in _unavailable:
                unavailable_item = UnavailablePart.from_dict(unavailable_item_data)

                unavailable.append(unavailable_item)

        overview = cls(
            activities=activities,
            approvals=approvals,
            approvals_in_progress=approvals_in_progress,
            completeness=completeness,
            contact_persons=contact_persons,
            contract_trees=contract_trees,
            counterparty=counterparty,
            documents=documents,
            employees=employees,
            execution=execution,
            history=history,
            negotiation=negotiation,
            notifications=notifications,
            overdue_activity_ids=overdue_activity_ids,
            paper_copies=paper_copies,
            unavailable=unavailable,
        )

        return overview
