"""Contains all the data models used in inputs/outputs"""

from .absence import Absence
from .absence_list import AbsenceList
from .access_audit_record_type import AccessAuditRecordType
from .access_explain_record_type import AccessExplainRecordType
from .activities_calendar_status import ActivitiesCalendarStatus
from .activities_list_activities_status import ActivitiesListActivitiesStatus
from .activity import Activity
from .activity_kind import ActivityKind
from .activity_page import ActivityPage
from .activity_result_row import ActivityResultRow
from .add_approver import AddApprover
from .agenda import Agenda
from .agenda_activity import AgendaActivity
from .agenda_activity_kind import AgendaActivityKind
from .agenda_today import AgendaToday
from .api_token import ApiToken
from .api_token_list import ApiTokenList
from .approval import Approval
from .approval_page import ApprovalPage
from .approval_summary import ApprovalSummary
from .approvals_my_tasks_status import ApprovalsMyTasksStatus
from .approver_spec import ApproverSpec
from .approver_spec_kind import ApproverSpecKind
from .approver_spec_scope_type_1 import ApproverSpecScopeType1
from .approver_spec_scope_type_2_type_1 import ApproverSpecScopeType2Type1
from .approver_spec_scope_type_3_type_1 import ApproverSpecScopeType3Type1
from .audit_entry import AuditEntry
from .audit_entry_changes import AuditEntryChanges
from .audit_page import AuditPage
from .auth_change_password_response_200 import AuthChangePasswordResponse200
from .auth_logout_response_200 import AuthLogoutResponse200
from .board import Board
from .board_card import BoardCard
from .board_column import BoardColumn
from .board_employees import BoardEmployees
from .calendar import Calendar
from .calendar_feed import CalendarFeed
from .cancel_registration import CancelRegistration
from .cancellation import Cancellation
from .code import Code
from .completed_activity import CompletedActivity
from .completeness import Completeness
from .completeness_item import CompletenessItem
from .completion import Completion
from .completion_status import CompletionStatus
from .condition import Condition
from .condition_op import ConditionOp
from .consent import Consent
from .contact_person import ContactPerson
from .contact_person_changes import ContactPersonChanges
from .contact_person_changes_important_dates_item import (
    ContactPersonChangesImportantDatesItem,
)
from .contact_person_changes_messengers_item import ContactPersonChangesMessengersItem
from .contact_person_important_dates_item import ContactPersonImportantDatesItem
from .contact_person_list import ContactPersonList
from .contact_person_messengers_item import ContactPersonMessengersItem
from .contact_person_sync import ContactPersonSync
from .counterparties_list_counterparties_sort import (
    CounterpartiesListCounterpartiesSort,
)
from .counterparties_list_counterparties_status import (
    CounterpartiesListCounterpartiesStatus,
)
from .counterparty import Counterparty
from .counterparty_card import CounterpartyCard
from .counterparty_card_changes import CounterpartyCardChanges
from .counterparty_card_changes_kind import CounterpartyCardChangesKind
from .counterparty_card_kind import CounterpartyCardKind
from .counterparty_changes import CounterpartyChanges
from .counterparty_changes_kind import CounterpartyChangesKind
from .counterparty_files_import_counterparties_body import (
    CounterpartyFilesImportCounterpartiesBody,
)
from .counterparty_files_import_counterparties_body_mode import (
    CounterpartyFilesImportCounterpartiesBodyMode,
)
from .counterparty_history_page import CounterpartyHistoryPage
from .counterparty_kind import CounterpartyKind
from .counterparty_merge_request import CounterpartyMergeRequest
from .counterparty_merge_request_fields import CounterpartyMergeRequestFields
from .counterparty_merge_request_fields_additional_property import (
    CounterpartyMergeRequestFieldsAdditionalProperty,
)
from .counterparty_merge_result import CounterpartyMergeResult
from .counterparty_page import CounterpartyPage
from .dashboard import Dashboard
from .dashboard_departments import DashboardDepartments
from .dashboard_employees import DashboardEmployees
from .dashboard_expiring_contracts import DashboardExpiringContracts
from .date_field import DateField
from .date_field_list import DateFieldList
from .dead_letter import DeadLetter
from .dead_letter_list import DeadLetterList
from .dead_letters_list_dead_letters_kind import DeadLettersListDeadLettersKind
from .decision import Decision
from .decision_decision import DecisionDecision
from .delivery import Delivery
from .delivery_list import DeliveryList
from .delivery_log_item import DeliveryLogItem
from .department import Department
from .department_changes import DepartmentChanges
from .department_list import DepartmentList
from .document import Document
from .document_changes import DocumentChanges
from .document_changes_extra import DocumentChangesExtra
from .document_export_args import DocumentExportArgs
from .document_export_args_format import DocumentExportArgsFormat
from .document_extra import DocumentExtra
from .document_extra_fields_item import DocumentExtraFieldsItem
from .document_file import DocumentFile
from .document_page import DocumentPage
from .document_tree import DocumentTree
from .document_tree_node import DocumentTreeNode
from .document_type import DocumentType
from .document_type_brief import DocumentTypeBrief
from .document_type_fields_item import DocumentTypeFieldsItem
from .document_type_list import DocumentTypeList
from .document_type_request import DocumentTypeRequest
from .document_type_required_documents_item import DocumentTypeRequiredDocumentsItem
from .documents_upload_file_files_body import DocumentsUploadFileFilesBody
from .duplicates import Duplicates
from .employee import Employee
from .employee_changes import EmployeeChanges
from .employee_page import EmployeePage
from .employees_import_employees_body import EmployeesImportEmployeesBody
from .erasure import Erasure
from .event import Event
from .event_log_end import EventLogEnd
from .event_page import EventPage
from .event_payload import EventPayload
from .execution import Execution
from .execution_act import ExecutionAct
from .execution_document import ExecutionDocument
from .execution_summary import ExecutionSummary
from .execution_terms import ExecutionTerms
from .execution_terms_we_are import ExecutionTermsWeAre
from .execution_we_are import ExecutionWeAre
from .expiring_contract import ExpiringContract
from .explanation import Explanation
from .export_args import ExportArgs
from .export_args_format import ExportArgsFormat
from .export_args_sort import ExportArgsSort
from .export_args_status import ExportArgsStatus
from .export_args_what import ExportArgsWhat
from .extension_decision import ExtensionDecision
from .extension_request import ExtensionRequest
from .field_definition import FieldDefinition
from .field_definition_kind import FieldDefinitionKind
from .file_version import FileVersion
from .first_file import FirstFile
from .follow_up import FollowUp
from .found_activity import FoundActivity
from .found_counterparty import FoundCounterparty
from .found_document import FoundDocument
from .found_employee import FoundEmployee
from .found_person import FoundPerson
from .funnel import Funnel
from .funnel_step import FunnelStep
from .handover_request import HandoverRequest
from .handover_result import HandoverResult
from .held_row import HeldRow
from .history_entry import HistoryEntry
from .history_entry_data import HistoryEntryData
from .history_page import HistoryPage
from .intake_discard import IntakeDiscard
from .intake_file import IntakeFile
from .intake_item import IntakeItem
from .intake_item_file_variant import IntakeItemFileVariant
from .intake_item_list import IntakeItemList
from .intake_item_suggestions import IntakeItemSuggestions
from .intake_list_items_status_item import IntakeListItemsStatusItem
from .intake_registration import IntakeRegistration
from .intake_rule_fields import IntakeRuleFields
from .intake_source import IntakeSource
from .intake_source_changes import IntakeSourceChanges
from .intake_source_changes_settings import IntakeSourceChangesSettings
from .intake_source_kind import IntakeSourceKind
from .intake_source_list import IntakeSourceList
from .intake_source_settings import IntakeSourceSettings
from .job import Job
from .job_page import JobPage
from .job_params import JobParams
from .job_report_type_0 import JobReportType0
from .job_summary import JobSummary
from .job_summary_params import JobSummaryParams
from .jobs_list_jobs_state_item import JobsListJobsStateItem
from .journal import Journal
from .journal_list import JournalList
from .journal_request import JournalRequest
from .ldap_directory import LdapDirectory
from .ldap_directory_department_map import LdapDirectoryDepartmentMap
from .ldap_directory_group_roles import LdapDirectoryGroupRoles
from .ldap_sync import LdapSync
from .ldap_sync_changes_item import LdapSyncChangesItem
from .ldap_sync_counts import LdapSyncCounts
from .ldap_sync_list import LdapSyncList
from .ldap_sync_request import LdapSyncRequest
from .legal_entity import LegalEntity
from .legal_entity_list import LegalEntityList
from .link import Link
from .login import Login
from .lost_paper_copy import LostPaperCopy
from .merge_moved import MergeMoved
from .merge_request import MergeRequest
from .milestone import Milestone
from .milestone_changes import MilestoneChanges
from .move import Move
from .my_task import MyTask
from .my_task_page import MyTaskPage
from .negotiation import Negotiation
from .negotiation_deal import NegotiationDeal
from .negotiation_note import NegotiationNote
from .negotiation_notes import NegotiationNotes
from .negotiation_stage_ref import NegotiationStageRef
from .new_api_token import NewApiToken
from .new_api_token_scopes_item import NewApiTokenScopesItem
from .new_document_request import NewDocumentRequest
from .new_document_request_extra import NewDocumentRequestExtra
from .new_employee import NewEmployee
from .new_link import NewLink
from .new_milestone import NewMilestone
from .new_paper_copy import NewPaperCopy
from .new_paper_copy_kind import NewPaperCopyKind
from .new_payment import NewPayment
from .new_payment_kind import NewPaymentKind
from .new_reminder import NewReminder
from .next_milestone import NextMilestone
from .notification import Notification
from .notification_data import NotificationData
from .notification_page import NotificationPage
from .overdue_by_department_row import OverdueByDepartmentRow
from .overdue_by_employee_row import OverdueByEmployeeRow
from .overdue_counts import OverdueCounts
from .overdue_item import OverdueItem
from .overdue_item_page import OverdueItemPage
from .overdue_obligations_row import OverdueObligationsRow
from .overdue_obligations_row_amounts import OverdueObligationsRowAmounts
from .overdue_row import OverdueRow
from .overview import Overview
from .overview_approval_page import OverviewApprovalPage
from .overview_completeness import OverviewCompleteness
from .overview_document import OverviewDocument
from .overview_document_extra import OverviewDocumentExtra
from .overview_document_extra_fields_item import OverviewDocumentExtraFieldsItem
from .overview_document_page import OverviewDocumentPage
from .overview_employees import OverviewEmployees
from .overview_execution import OverviewExecution
from .overview_paper_copy_page import OverviewPaperCopyPage
from .pagination_metadata import PaginationMetadata
from .paper_copy import PaperCopy
from .paper_copy_list import PaperCopyList
from .paper_copy_page import PaperCopyPage
from .paper_movement import PaperMovement
from .paper_movement_request import PaperMovementRequest
from .password_change import PasswordChange
from .password_reset import PasswordReset
from .password_reset_result import PasswordResetResult
from .payment import Payment
from .payment_cancellation import PaymentCancellation
from .pipeline_amount import PipelineAmount
from .pipeline_stage import PipelineStage
from .planned_activity_page import PlannedActivityPage
from .position import Position
from .position_list import PositionList
from .preferences import Preferences
from .preferences_channels import PreferencesChannels
from .preferences_kinds import PreferencesKinds
from .problem import Problem
from .problem_errors import ProblemErrors
from .problem_kind import ProblemKind
from .problem_kind_list import ProblemKindList
from .recipients import Recipients
from .recovery_codes import RecoveryCodes
from .reference_books_create_value_kind import ReferenceBooksCreateValueKind
from .reference_books_delete_value_kind import ReferenceBooksDeleteValueKind
from .reference_books_list_values_kind import ReferenceBooksListValuesKind
from .reference_books_merge_value_kind import ReferenceBooksMergeValueKind
from .reference_books_update_value_kind import ReferenceBooksUpdateValueKind
from .reference_value import ReferenceValue
from .reference_value_changes import ReferenceValueChanges
from .reference_value_list import ReferenceValueList
from .registration import Registration
from .registration_choice import RegistrationChoice
from .registration_choice_list import RegistrationChoiceList
from .registration_list import RegistrationList
from .registration_request import RegistrationRequest
from .related_document import RelatedDocument
from .reminder import Reminder
from .reminder_page import ReminderPage
from .reminder_scheme import ReminderScheme
from .reminder_scheme_list import ReminderSchemeList
from .replay import Replay
from .replayed import Replayed
from .report import Report
from .required_document import RequiredDocument
from .required_document_per import RequiredDocumentPer
from .reschedule import Reschedule
from .reservation_request import ReservationRequest
from .resubmit import Resubmit
from .role_permission import RolePermission
from .route import Route
from .route_list import RouteList
from .route_request import RouteRequest
from .route_version import RouteVersion
from .route_version_stages_item import RouteVersionStagesItem
from .running_approval import RunningApproval
from .saved_document_filter import SavedDocumentFilter
from .saved_document_filter_list import SavedDocumentFilterList
from .saved_document_filter_query import SavedDocumentFilterQuery
from .saved_filter import SavedFilter
from .saved_filter_list import SavedFilterList
from .saved_query import SavedQuery
from .saved_query_sort import SavedQuerySort
from .saved_query_status_type_1 import SavedQueryStatusType1
from .saved_query_status_type_2_type_1 import SavedQueryStatusType2Type1
from .saved_query_status_type_3_type_1 import SavedQueryStatusType3Type1
from .search_groups import SearchGroups
from .search_result import SearchResult
from .search_result_totals import SearchResultTotals
from .session import Session
from .settlement import Settlement
from .sign_in_policy import SignInPolicy
from .stage import Stage
from .stage_approvers_item import StageApproversItem
from .stage_conditions_item import StageConditionsItem
from .stage_request import StageRequest
from .stage_request_completion import StageRequestCompletion
from .stage_request_deadline_unit import StageRequestDeadlineUnit
from .stage_request_mode_type_1 import StageRequestModeType1
from .stage_request_mode_type_2_type_1 import StageRequestModeType2Type1
from .stage_request_mode_type_3_type_1 import StageRequestModeType3Type1
from .stage_request_on_return import StageRequestOnReturn
from .start_approval import StartApproval
from .status_change import StatusChange
from .status_change_request import StatusChangeRequest
from .task import Task
from .tree_node import TreeNode
from .two_factor_enrolment import TwoFactorEnrolment
from .two_factor_status import TwoFactorStatus
from .unavailable_part import UnavailablePart
from .webhook_attempt import WebhookAttempt
from .webhook_delivery import WebhookDelivery
from .webhook_delivery_detail import WebhookDeliveryDetail
from .webhook_delivery_detail_status import WebhookDeliveryDetailStatus
from .webhook_delivery_page import WebhookDeliveryPage
from .webhook_delivery_status import WebhookDeliveryStatus
from .webhook_endpoint import WebhookEndpoint
from .webhook_endpoint_event_format import WebhookEndpointEventFormat
from .webhook_endpoint_list import WebhookEndpointList
from .webhook_endpoint_update import WebhookEndpointUpdate
from .webhook_endpoint_update_event_format import WebhookEndpointUpdateEventFormat
from .webhook_endpoint_with_secret import WebhookEndpointWithSecret
from .webhook_endpoint_with_secret_event_format import (
    WebhookEndpointWithSecretEventFormat,
)
from .webhooks_list_deliveries_status import WebhooksListDeliveriesStatus
from .withdraw import Withdraw

__all__ = (
    "Absence",
    "AbsenceList",
    "AccessAuditRecordType",
    "AccessExplainRecordType",
    "ActivitiesCalendarStatus",
    "ActivitiesListActivitiesStatus",
    "Activity",
    "ActivityKind",
    "ActivityPage",
    "ActivityResultRow",
    "AddApprover",
    "Agenda",
    "AgendaActivity",
    "AgendaActivityKind",
    "AgendaToday",
    "ApiToken",
    "ApiTokenList",
    "Approval",
    "ApprovalPage",
    "ApprovalSummary",
    "ApprovalsMyTasksStatus",
    "ApproverSpec",
    "ApproverSpecKind",
    "ApproverSpecScopeType1",
    "ApproverSpecScopeType2Type1",
    "ApproverSpecScopeType3Type1",
    "AuditEntry",
    "AuditEntryChanges",
    "AuditPage",
    "AuthChangePasswordResponse200",
    "AuthLogoutResponse200",
    "Board",
    "BoardCard",
    "BoardColumn",
    "BoardEmployees",
    "Calendar",
    "CalendarFeed",
    "CancelRegistration",
    "Cancellation",
    "Code",
    "CompletedActivity",
    "Completeness",
    "CompletenessItem",
    "Completion",
    "CompletionStatus",
    "Condition",
    "ConditionOp",
    "Consent",
    "ContactPerson",
    "ContactPersonChanges",
    "ContactPersonChangesImportantDatesItem",
    "ContactPersonChangesMessengersItem",
    "ContactPersonImportantDatesItem",
    "ContactPersonList",
    "ContactPersonMessengersItem",
    "ContactPersonSync",
    "CounterpartiesListCounterpartiesSort",
    "CounterpartiesListCounterpartiesStatus",
    "Counterparty",
    "CounterpartyCard",
    "CounterpartyCardChanges",
    "CounterpartyCardChangesKind",
    "CounterpartyCardKind",
    "CounterpartyChanges",
    "CounterpartyChangesKind",
    "CounterpartyFilesImportCounterpartiesBody",
    "CounterpartyFilesImportCounterpartiesBodyMode",
    "CounterpartyHistoryPage",
    "CounterpartyKind",
    "CounterpartyMergeRequest",
    "CounterpartyMergeRequestFields",
    "CounterpartyMergeRequestFieldsAdditionalProperty",
    "CounterpartyMergeResult",
    "CounterpartyPage",
    "Dashboard",
    "DashboardDepartments",
    "DashboardEmployees",
    "DashboardExpiringContracts",
    "DateField",
    "DateFieldList",
    "DeadLetter",
    "DeadLetterList",
    "DeadLettersListDeadLettersKind",
    "Decision",
    "DecisionDecision",
    "Delivery",
    "DeliveryList",
    "DeliveryLogItem",
    "Department",
    "DepartmentChanges",
    "DepartmentList",
    "Document",
    "DocumentChanges",
    "DocumentChangesExtra",
    "DocumentExportArgs",
    "DocumentExportArgsFormat",
    "DocumentExtra",
    "DocumentExtraFieldsItem",
    "DocumentFile",
    "DocumentPage",
    "DocumentTree",
    "DocumentTreeNode",
    "DocumentType",
    "DocumentTypeBrief",
    "DocumentTypeFieldsItem",
    "DocumentTypeList",
    "DocumentTypeRequest",
    "DocumentTypeRequiredDocumentsItem",
    "DocumentsUploadFileFilesBody",
    "Duplicates",
    "Employee",
    "EmployeeChanges",
    "EmployeePage",
    "EmployeesImportEmployeesBody",
    "Erasure",
    "Event",
    "EventLogEnd",
    "EventPage",
    "EventPayload",
    "Execution",
    "ExecutionAct",
    "ExecutionDocument",
    "ExecutionSummary",
    "ExecutionTerms",
    "ExecutionTermsWeAre",
    "ExecutionWeAre",
    "ExpiringContract",
    "Explanation",
    "ExportArgs",
    "ExportArgsFormat",
    "ExportArgsSort",
    "ExportArgsStatus",
    "ExportArgsWhat",
    "ExtensionDecision",
    "ExtensionRequest",
    "FieldDefinition",
    "FieldDefinitionKind",
    "FileVersion",
    "FirstFile",
    "FollowUp",
    "FoundActivity",
    "FoundCounterparty",
    "FoundDocument",
    "FoundEmployee",
    "FoundPerson",
    "Funnel",
    "FunnelStep",
    "HandoverRequest",
    "HandoverResult",
    "HeldRow",
    "HistoryEntry",
    "HistoryEntryData",
    "HistoryPage",
    "IntakeDiscard",
    "IntakeFile",
    "IntakeItem",
    "IntakeItemFileVariant",
    "IntakeItemList",
    "IntakeItemSuggestions",
    "IntakeListItemsStatusItem",
    "IntakeRegistration",
    "IntakeRuleFields",
    "IntakeSource",
    "IntakeSourceChanges",
    "IntakeSourceChangesSettings",
    "IntakeSourceKind",
    "IntakeSourceList",
    "IntakeSourceSettings",
    "Job",
    "JobPage",
    "JobParams",
    "JobReportType0",
    "JobSummary",
    "JobSummaryParams",
    "JobsListJobsStateItem",
    "Journal",
    "JournalList",
    "JournalRequest",
    "LdapDirectory",
    "LdapDirectoryDepartmentMap",
    "LdapDirectoryGroupRoles",
    "LdapSync",
    "LdapSyncChangesItem",
    "LdapSyncCounts",
    "LdapSyncList",
    "LdapSyncRequest",
    "LegalEntity",
    "LegalEntityList",
    "Link",
    "Login",
    "LostPaperCopy",
    "MergeMoved",
    "MergeRequest",
    "Milestone",
    "MilestoneChanges",
    "Move",
    "MyTask",
    "MyTaskPage",
    "Negotiation",
    "NegotiationDeal",
    "NegotiationNote",
    "NegotiationNotes",
    "NegotiationStageRef",
    "NewApiToken",
    "NewApiTokenScopesItem",
    "NewDocumentRequest",
    "NewDocumentRequestExtra",
    "NewEmployee",
    "NewLink",
    "NewMilestone",
    "NewPaperCopy",
    "NewPaperCopyKind",
    "NewPayment",
    "NewPaymentKind",
    "NewReminder",
    "NextMilestone",
    "Notification",
    "NotificationData",
    "NotificationPage",
    "OverdueByDepartmentRow",
    "OverdueByEmployeeRow",
    "OverdueCounts",
    "OverdueItem",
    "OverdueItemPage",
    "OverdueObligationsRow",
    "OverdueObligationsRowAmounts",
    "OverdueRow",
    "Overview",
    "OverviewApprovalPage",
    "OverviewCompleteness",
    "OverviewDocument",
    "OverviewDocumentExtra",
    "OverviewDocumentExtraFieldsItem",
    "OverviewDocumentPage",
    "OverviewEmployees",
    "OverviewExecution",
    "OverviewPaperCopyPage",
    "PaginationMetadata",
    "PaperCopy",
    "PaperCopyList",
    "PaperCopyPage",
    "PaperMovement",
    "PaperMovementRequest",
    "PasswordChange",
    "PasswordReset",
    "PasswordResetResult",
    "Payment",
    "PaymentCancellation",
    "PipelineAmount",
    "PipelineStage",
    "PlannedActivityPage",
    "Position",
    "PositionList",
    "Preferences",
    "PreferencesChannels",
    "PreferencesKinds",
    "Problem",
    "ProblemErrors",
    "ProblemKind",
    "ProblemKindList",
    "Recipients",
    "RecoveryCodes",
    "ReferenceBooksCreateValueKind",
    "ReferenceBooksDeleteValueKind",
    "ReferenceBooksListValuesKind",
    "ReferenceBooksMergeValueKind",
    "ReferenceBooksUpdateValueKind",
    "ReferenceValue",
    "ReferenceValueChanges",
    "ReferenceValueList",
    "Registration",
    "RegistrationChoice",
    "RegistrationChoiceList",
    "RegistrationList",
    "RegistrationRequest",
    "RelatedDocument",
    "Reminder",
    "ReminderPage",
    "ReminderScheme",
    "ReminderSchemeList",
    "Replay",
    "Replayed",
    "Report",
    "RequiredDocument",
    "RequiredDocumentPer",
    "Reschedule",
    "ReservationRequest",
    "Resubmit",
    "RolePermission",
    "Route",
    "RouteList",
    "RouteRequest",
    "RouteVersion",
    "RouteVersionStagesItem",
    "RunningApproval",
    "SavedDocumentFilter",
    "SavedDocumentFilterList",
    "SavedDocumentFilterQuery",
    "SavedFilter",
    "SavedFilterList",
    "SavedQuery",
    "SavedQuerySort",
    "SavedQueryStatusType1",
    "SavedQueryStatusType2Type1",
    "SavedQueryStatusType3Type1",
    "SearchGroups",
    "SearchResult",
    "SearchResultTotals",
    "Session",
    "Settlement",
    "SignInPolicy",
    "Stage",
    "StageApproversItem",
    "StageConditionsItem",
    "StageRequest",
    "StageRequestCompletion",
    "StageRequestDeadlineUnit",
    "StageRequestModeType1",
    "StageRequestModeType2Type1",
    "StageRequestModeType3Type1",
    "StageRequestOnReturn",
    "StartApproval",
    "StatusChange",
    "StatusChangeRequest",
    "Task",
    "TreeNode",
    "TwoFactorEnrolment",
    "TwoFactorStatus",
    "UnavailablePart",
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookDeliveryDetail",
    "WebhookDeliveryDetailStatus",
    "WebhookDeliveryPage",
    "WebhookDeliveryStatus",
    "WebhookEndpoint",
    "WebhookEndpointEventFormat",
    "WebhookEndpointList",
    "WebhookEndpointUpdate",
    "WebhookEndpointUpdateEventFormat",
    "WebhookEndpointWithSecret",
    "WebhookEndpointWithSecretEventFormat",
    "WebhooksListDeliveriesStatus",
    "Withdraw",
)
