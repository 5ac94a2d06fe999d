"""Exports: the directory, its contact persons and the document registry, paged by keyset
from the owning service over RPC and streamed into a CSV or XLSX file.

Headers are in the language the requester used (English headers are the field names, so
the file imports back; Russian ones are words); dates are date cells, amounts numbers
with their currency beside them. The rows are those the requester sees, as the owning
service decides with the requester's actor.
"""
from .tables import Column, TableFile

# name -> (Russian header, kind); English headers are the names themselves
COUNTERPARTY_COLUMNS = {
    "kind": ("Вид", "text"), "name": ("Наименование", "text"), "short_name": ("Краткое наименование", "text"),
    "country": ("Страна", "text"), "tax_id": ("ИНН", "text"), "registration_number": ("ОГРН", "text"),
    "kpp": ("КПП", "text"), "legal_address": ("Юридический адрес", "text"),
    "postal_address": ("Почтовый адрес", "text"), "phone": ("Телефон", "text"), "fax": ("Факс", "text"),
    "email": ("Эл. почта", "text"), "website": ("Сайт", "text"), "main_contact": ("Основной контакт", "text"),
    "notes": ("Примечание", "text"), "activity_type": ("Вид деятельности", "text"), "region": ("Регион", "text"),
    "group": ("Группа", "text"), "category": ("Категория", "text"),
    "advertising_source": ("Источник рекламы", "text"), "responsible_employee_id": ("Ответственный (id)", "text"),
    "negotiation_stage": ("Этап переговоров", "text"), "id": ("Идентификатор", "text"),
    "created_at": ("Создан", "datetime"),
    # contact persons
    "contact_person": ("Контактное лицо", "text"), "contact_position": ("Должность", "text"),
    "contact_phone": ("Телефон контактного лица", "text"), "contact_email": ("Эл. почта контактного лица", "text"),
    "birthday": ("День рождения", "date"), "counterparty_id": ("Идентификатор контрагента", "text"),
    "contact_person_id": ("Идентификатор контактного лица", "text"),
}
NAMES_PER_CALL = 500  # the most ids list_counterparties takes at once

DOCUMENT_COLUMNS = (
    ("number", "Number", "Номер", "text"), ("registered", "Registered", "Дата регистрации", "date"),
    ("type", "Type", "Вид документа", "text"), ("title", "Title", "Содержание", "text"),
    ("counterparty", "Counterparty", "Контрагент", "text"), ("status", "Status", "Статус", "text"),
    ("amount", "Amount", "Сумма", "money"), ("currency", "Currency", "Валюта", "text"),
    ("document_date", "Document date", "Дата документа", "date"), ("signed_on", "Signed on", "Дата подписания", "date"),
    ("valid_from", "Valid from", "Действует с", "date"), ("valid_until", "Valid until", "Действует до", "date"),
    ("responsible", "Responsible", "Ответственный", "text"),
)
DOCUMENT_STATUSES_RU = {
    "draft": "Черновик", "on_approval": "На согласовании", "approved": "Согласован", "rejected": "Отклонён",
    "signed": "Подписан", "in_execution": "На исполнении", "completed": "Исполнен", "terminated": "Расторгнут",
    "archived": "В архиве",
}
DOCUMENT_STATUSES_EN = {
    "draft": "Draft", "on_approval": "On approval", "approved": "Approved", "rejected": "Rejected",
    "signed": "Signed", "in_execution": "In execution", "completed": "Completed", "terminated": "Terminated",
    "archived": "Archived",
}


def headed(label, kind, time_zone):
    """A column's header: a time's names the zone its wall clock is in."""
    return f"{label} ({time_zone or 'UTC'})" if kind == "datetime" else label


def directory_columns(names, language, time_zone=None):
    """The file's columns for the service's column names, headed in the language."""
    columns = []
    for name in names:
        russian, kind = COUNTERPARTY_COLUMNS.get(name, (name, "text"))
        columns.append(Column(name, headed(russian if language == "ru" else name, kind, time_zone), kind))
    return columns


def export_directory(job, *, call, path, tracker, page_size):
    """``counterparties_export`` and ``contact_persons_export``: the filtered directory (or
    its counterparties' contact persons), page after page. Progress counts counterparties.
    Returns the file's content type and its number of rows."""
    method = "export_counterparties" if job.kind == "counterparties_export" else "export_contact_persons"
    query = job.params.get("query", {})
    page = call("counterparties", method, job.actor, {**query, "limit": page_size, "after": None})
    tracker.report(total=page["total"])
    sheet = "counterparties" if job.kind == "counterparties_export" else "contact persons"
    done = 0
    with TableFile(path, job.params.get("format", "csv"), directory_columns(page["columns"], job.language,
                                                                         job.time_zone),
                   sheet, job.language, job.time_zone) as table:
        while True:
            for row in page["rows"]:
                table.append(row)
            done += page_size
            after = page["next_after"]
            tracker.report(done=tracker.total if after is None else min(done, tracker.total or done))
            if after is None:
                break
            page = call("counterparties", method, job.actor, {**query, "limit": page_size, "after": after})
    return table.content_type, table.rows


def export_documents(job, *, call, path, tracker, page_size):
    """``documents_export``: the filtered registry, newest first."""
    params, language = job.params, job.language
    columns = [Column(name, russian if language == "ru" else english, kind)
               for name, english, russian, kind in DOCUMENT_COLUMNS]
    statuses = DOCUMENT_STATUSES_RU if language == "ru" else DOCUMENT_STATUSES_EN
    people = call("staff", "employee_names_since", -1)["names"]
    counterparties = CounterpartyNames(call, job.actor)
    after, done = None, 0
    with TableFile(path, params.get("format", "xlsx"), columns, "Документы" if language == "ru" else "Documents",
                   language, job.time_zone) as table:
        while True:
            page = call("documents", "export_documents", job.actor,
                        {**params.get("query", {}), "limit": page_size, "after": after})
            if after is None:
                tracker.report(total=page["total"])
            names = counterparties.of(d.get("counterparty_id") for d in page["items"])
            for d in page["items"]:
                table.append([d.get("number"), d.get("registered_at"), d["type"]["name"], d["title"],
                              names.get(d.get("counterparty_id")), statuses.get(d["status"], d["status"]),
                              d.get("amount"), d.get("currency"), d.get("document_date"), d.get("signing_date"),
                              d.get("valid_from"), d.get("valid_to"), people.get(d.get("responsible_id") or "")])
            done += len(page["items"])
            after = page["next_after"]
            tracker.report(done=done)
            if after is None:
                break
    return table.content_type, table.rows


class CounterpartyNames:
    """Counterparties' names for one page of documents' ids (those the requester may not see
    stay blank, unless they register documents). Asked per page, not kept for the whole
    export, so memory does not grow with the registry."""

    def __init__(self, call, actor):
        self.call, self.actor = call, actor

    def of(self, ids):
        wanted = sorted({str(i) for i in ids if i})
        known = {}
        for start in range(0, len(wanted), NAMES_PER_CALL):
            part = wanted[start:start + NAMES_PER_CALL]
            found = self.call("counterparties", "list_counterparties", self.actor, {"ids": part, "limit": len(part)})
            known.update((c["id"], c["name"]) for c in found["items"])
            unseen = [i for i in part if i not in known]
            if unseen and "register_documents" in (self.actor.get("permissions") or []):
                known.update((c["id"], c["name"]) for c in self.call(
                    "counterparties", "registration_choices", self.actor, {"ids": unseen}))
        return known
