from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.execution_we_are import ExecutionWeAre
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.execution_act import ExecutionAct
    from ..models.execution_document import ExecutionDocument
    from ..models.milestone import Milestone
    from ..models.overdue_counts import OverdueCounts
    from ..models.payment import Payment
    from ..models.settlement import Settlement


T = TypeVar("T", bound="Execution")


@_attrs_define
class Execution:
    """
    Attributes:
        acts (list[ExecutionAct] | Unset): the contract's completion acts, to choose the one that closes a milestone
        document_id (UUID | Unset):
        invoices (list[ExecutionDocument] | Unset): the contract's invoices, to name the one a payment is for
        milestones (list[Milestone] | Unset):
        overdue (OverdueCounts | Unset):
        payments (list[Payment] | Unset): planned ones by date, then actual ones by date
        totals (list[Settlement] | Unset): one per currency
        we_are (ExecutionWeAre | Unset): supplier: the counterparty pays us; customer: we pay the counterparty
    """

    acts: list[ExecutionAct] | Unset = UNSET
    document_id: UUID | Unset = UNSET
    invoices: list[ExecutionDocument] | Unset = UNSET
    milestones: list[Milestone] | Unset = UNSET
    overdue: OverdueCounts | Unset = UNSET
    payments: list[Payment] | Unset = UNSET
    totals: list[Settlement] | Unset = UNSET
    we_are: ExecutionWeAre | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        acts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.acts, Unset):
            acts = []
            for acts_item_data in self.acts:
                acts_item = acts_item_data.to_dict()
                acts.append(acts_item)

        document_id: str | Unset = UNSET
        if not isinstance(self.document_id, Unset):
            document_id = str(self.document_id)

        invoices: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.invoices, Unset):
            invoices = []
            for invoices_item_data in self.invoices:
                invoices_item = invoices_item_data.to_dict()
                invoices.append(invoices_item)

        milestones: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.milestones, Unset):
            milestones = []
            for milestones_item_data in self.milestones:
                milestones_item = milestones_item_data.to_dict()
                milestones.append(milestones_item)

        overdue: dict[str, Any] | Unset = UNSET
        if not isinstance(self.overdue, Unset):
            overdue = self.overdue.to_dict()

        payments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.payments, Unset):
            payments = []
            for payments_item_data in self.payments:
                payments_item = payments_item_data.to_dict()
                payments.append(payments_item)

        totals: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.totals, Unset):
            totals = []
            for totals_item_data in self.totals:
                totals_item = totals_item_data.to_dict()
                totals.append(totals_item)

        we_are: str | Unset = UNSET
        if not isinstance(self.we_are, Unset):
            we_are = self.we_are.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if acts is not UNSET:
            field_dict["acts"] = acts
        if document_id is not UNSET:
            field_dict["document_id"] = document_id
        if invoices is not UNSET:
            field_dict["invoices"] = invoices
        if milestones is not UNSET:
            field_dict["milestones"] = milestones
        if overdue is not UNSET:
            field_dict["overdue"] = overdue
        if payments is not UNSET:
            field_dict["payments"] = payments
        if totals is not UNSET:
            field_dict["totals"] = totals
        if we_are is not UNSET:
            field_dict["we_are"] = we_are

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.execution_act import ExecutionAct
        from ..models.execution_document import ExecutionDocument
        from ..models.milestone import Milestone
        from ..models.overdue_counts import OverdueCounts
        from ..models.payment import Payment
        from ..models.settlement import Settlement

        d = dict(src_dict)
        _acts = d.pop("acts", UNSET)
        acts: list[ExecutionAct] | Unset = UNSET
        if _acts is not UNSET:
            acts = []
            for acts_item_data in _acts:
                acts_item = ExecutionAct.from_dict(acts_item_data)

                acts.append(acts_item)

        _document_id = d.pop("document_id", UNSET)
        document_id: UUID | Unset
        if isinstance(_document_id, Unset):
            document_id = UNSET
        else:
            document_id = UUID(_document_id)

        _invoices = d.pop("invoices", UNSET)
        invoices: list[ExecutionDocument] | Unset = UNSET
        if _invoices is not UNSET:
            invoices = []
            for invoices_item_data in _invoices:
                invoices_item = ExecutionDocument.from_dict(invoices_item_data)

                invoices.append(invoices_item)

        _milestones = d.pop("milestones", UNSET)
        milestones: list[Milestone] | Unset = UNSET
        if _milestones is not UNSET:
            milestones = []
            for milestones_item_data in _milestones:
                milestones_item = Milestone.from_dict(milestones_item_data)

                milestones.append(milestones_item)

        _overdue = d.pop("overdue", UNSET)
        overdue: OverdueCounts | Unset
        if isinstance(_overdue, Unset):
            overdue = UNSET
        else:
            overdue = OverdueCounts.from_dict(_overdue)

        _payments = d.pop("payments", UNSET)
        payments: list[Payment] | Unset = UNSET
        if _payments is not UNSET:
            payments = []
            for payments_item_data in _payments:
                payments_item = Payment.from_dict(payments_item_data)

                payments.append(payments_item)

        _totals = d.pop("totals", UNSET)
        totals: list[Settlement] | Unset = UNSET
        if _totals is not UNSET:
            totals = []
            for totals_item_data in _totals:
                totals_item = Settlement.from_dict(totals_item_data)

                totals.append(totals_item)

        _we_are = d.pop("we_are", UNSET)
        we_are: ExecutionWeAre | Unset
        if isinstance(_we_are, Unset):
            we_are = UNSET
        else:
            we_are = ExecutionWeAre(_we_are)

        execution = cls(
            acts=acts,
            document_id=document_id,
            invoices=invoices,
            milestones=milestones,
            overdue=overdue,
            payments=payments,
            totals=totals,
            we_are=we_are,
        )

        return execution
