"""Texts the services send in English read in the viewer's language: the reminders' titles and
body lines, and the kinds of notification the preferences list (every kind the notifications
service names has a label here)."""
import re
from pathlib import Path

import pytest

from chancery_gateway.web import texts

NOTIFICATIONS_LOGIC = Path(__file__).resolve().parents[2] / "services/notifications/notifications/logic.py"


@pytest.fixture
def russian(app):
    with app.test_request_context(headers={"Cookie": "chancery_lang=ru"}):
        yield


@pytest.mark.parametrize("sent, shown", [
    ("Milestone due on 2026-12-10: Foundation", "Срок этапа 10 дек. 2026\u202fг.: Foundation"),
    ("Milestone overdue: Walls", "Этап просрочен: Walls"),
    ("Payment due today: 500000.00 RUB", "Сегодня срок платежа: 500\u00a0000,00\u00a0RUB"),
    ("Payment overdue: 12.50 EUR", "Платёж просрочен: 12,50\u00a0EUR"),
    ("Paper copy not returned: C-7 Lease", "Бумажный экземпляр не возвращён: C-7 Lease"),
    ("Approval deadline 1 day before: C-7 Lease", "Срок согласования, за день: C-7 Lease"),
    ("Returned for revision: C-7 Lease", "Возвращено на доработку: C-7 Lease"),
    ("Meeting: Visit the site", "Встреча: Visit the site"),
    ("Your day, 2026-12-03", "Ваш день, 3 дек. 2026\u202fг."),
])
def test_reminder_titles_read_in_russian(russian, sent, shown):
    assert texts.service_text(sent) == shown


def test_a_reminders_body_is_translated_line_by_line_and_other_lines_kept(russian):
    title, body = texts.notification_text({
        "kind": "reminder.contract", "title": "Milestone overdue: Walls",
        "body": "C-7 Block A\nDue on 2026-12-01\nDue 2026-12-02T06:00:00+00:00"})
    assert title == "Этап просрочен: Walls"
    assert body.split("\n") == ["C-7 Block A", "Срок: 1 дек. 2026\u202fг.", "Срок: 2026-12-02 06:00 UTC"]


def test_every_kind_of_notification_has_a_translated_label(russian):
    kinds = re.search(r"KINDS = \{(.*?)\n\}", NOTIFICATIONS_LOGIC.read_text(), re.S).group(1)
    labels = re.findall(r'"[\w.]+": "([^"]+)"', kinds)
    assert len(labels) >= 15
    untranslated = [label for label in labels if texts.service_text(label) == label]
    assert untranslated == []


@pytest.mark.parametrize("kind, data, shown", [
    ("paper_copy.moved", {"title": "C-7 Lease", "kind": "original", "status": "handed_out"},
     "C-7 Lease · Оригинал · на руках у сотрудника"),
    ("paper_copy.moved", {"title": "C-7 Lease", "kind": "copy", "status": "in_place", "to_location": "Archive 2"},
     "C-7 Lease · Копия · возвращён: Archive 2"),
    ("contract.milestone_changed", {"title": "C-7 Lease", "milestone_title": "Walls", "milestone_status": "removed"},
     "C-7 Lease · Этап: Walls · Удалён"),
    ("contract.payment_recorded", {"title": "C-7 Lease", "kind": "actual", "amount": "12.50", "currency": "EUR",
                                   "on": "2026-12-01"},
     "C-7 Lease · Проведённый платёж · 12,50\u00a0EUR · 1 дек. 2026\u202fг."),
    ("contract.payment_cancelled", {"title": "C-7 Lease", "kind": "planned", "amount": "10.00", "currency": "RUB",
                                    "on": "2026-12-01", "reason": "twice"},
     "C-7 Lease · Платёж по графику · 10,00\u00a0RUB · 1 дек. 2026\u202fг. · twice"),
])
def test_a_contracts_paper_copy_and_execution_read_in_russian_in_the_history(russian, kind, data, shown):
    assert str(texts.label("history", kind)) != kind
    assert texts.history_text({"kind": kind, "data": data, "summary": "in English"}) == shown


@pytest.mark.parametrize("total, shown", [
    # a new contract: nothing done, nothing paid, the whole amount ahead (issue 19: it said "Settled")
    ({"accrued": "0.00", "paid": "0.00", "balance": "0.00", "remaining": "1500000.00"},
     "Пока ничего не выполнено и не оплачено; по договору — 1\u00a0500\u00a0000,00\u00a0RUB"),
    ({"accrued": "0.00", "paid": "0.00", "balance": "0.00", "remaining": None},
     "Пока ничего не выполнено и не оплачено"),
    ({"accrued": "1500000.00", "paid": "1500000.00", "balance": "0.00", "remaining": "0.00"}, "Расчёты закрыты"),
    ({"accrued": "500000.00", "paid": "200000.00", "balance": "300000.00", "remaining": "1000000.00"},
     "Контрагент должен нам 300\u00a0000,00\u00a0RUB"),
])
def test_a_settlement_says_who_owes_whom_or_that_nothing_has_started(russian, total, shown):
    assert texts.settlement_text({"currency": "RUB", **total}, "supplier") == shown


def test_the_daily_digest_reads_in_russian(russian):
    body = ("My approvals:\n- CTR-7 Lease (due 2026-12-10)\n\nOverdue:\n- Approval: CTR-8 Supply\n"
            "- call: Ring Romashka (2026-12-01)\n\nSince yesterday:\n- Paper copy not returned: C-7 Lease")
    _title, shown = texts.notification_text({"kind": "digest", "title": "Your day, 2026-12-03", "body": body})
    for english in ("My approvals", "Overdue", "Approval:", "call:", "due ", "Since yesterday", "Paper copy"):
        assert english not in shown, shown
    assert "Согласование: CTR-8 Supply" in shown and "Бумажный экземпляр не возвращён: C-7 Lease" in shown


def test_negotiation_entries_tell_the_expected_deal_in_the_viewers_words(russian):
    deal = {"expected_amount": "1500000.50", "currency": "RUB", "expected_close_on": "2027-03-31"}
    updated = {"kind": "negotiation.updated", "summary": "Expected deal: 1500000.50 RUB, close by 2027-03-31",
               "data": {"deal": deal, "changes": {"expected_amount": {"from": None, "to": "1500000.50"}}}}
    assert texts.history_text(updated) == "1\u00a0500\u00a0000,50\u00a0RUB · закрытие до 31 мар. 2027\u202fг."
    noted = {"kind": "negotiation.noted",
             "summary": "Negotiation: Offer: Sent (it is big) (1500000.50 RUB, no close date)",
             "data": {"deal": {**deal, "expected_close_on": None}, "changes": {"expected_close_on": {}}}}
    assert texts.history_text(noted) == ("Negotiation: Offer: Sent (it is big) · Ожидаемая сделка: "
                                         "1\u00a0500\u00a0000,50\u00a0RUB · дата закрытия не указана")
    plain = {"kind": "negotiation.noted", "summary": "Negotiation: Offer: Sent (it is big)", "data": {}}
    assert texts.history_text(plain) == "Negotiation: Offer: Sent (it is big)"


def test_the_seeded_negotiation_stages_read_in_russian_until_renamed(russian):
    """The stages counterparties migration 0008 seeds are shown in the viewer's language; a stage
    an administrator renamed, or one of the same name under another code, keeps its words."""
    migration = (Path(__file__).resolve().parents[2] / "services/counterparties/migrations/versions"
                 / "0008_merged_counterparties_negotiation_log.py").read_text()
    seeded = dict(re.findall(r'\("(\w+)", "([^"]+)"\),', migration.split("STAGES = (")[1].split("\n)")[0]))
    assert seeded == {code: english for code, (english, _) in texts.SEEDED_STAGES.items()}
    for code, english in seeded.items():
        assert texts.reference_name({"code": code, "name": english}) != english
    assert texts.reference_name({"code": "first_contact", "name": "First contact"}) == "Первый контакт"
    assert texts.reference_name({"code": "won", "name": "Won"}) == "Сделка заключена"
    assert texts.reference_name({"code": "first_contact", "name": "Знакомство"}) == "Знакомство"
    assert texts.reference_name({"code": None, "name": "First contact"}) == "First contact"
    assert texts.reference_name(None) == ""


def test_why_a_files_text_could_not_be_read_reads_in_russian(russian):
    assert texts.service_text("the PDF is damaged or not a PDF (startxref not found)") == (
        "PDF повреждён или это не PDF.")
    assert texts.service_text("gave up after 3 attempts; the last: the image cannot be read (truncated)") == (
        "Оставлено после попыток: 3; последняя причина: Изображение не читается.")


def test_why_an_office_file_has_no_preview_reads_in_russian(russian):
    """The reasons the texts service gives for an office file LibreOffice could not convert."""
    assert texts.service_text("no preview: LibreOffice ran past its time limit") == (
        "Нет просмотра: LibreOffice слишком долго преобразовывал файл.")
    assert texts.service_text("no preview: LibreOffice could not convert the file (no PDF was written)") == (
        "Нет просмотра: LibreOffice не смог преобразовать файл.")
    assert texts.service_text("no preview: LibreOffice is not installed (soffice), so no preview is made") == (
        "Нет просмотра: рядом со службой текстов не установлен LibreOffice.")
    assert texts.service_text("the office file cannot be read: LibreOffice could not convert the file "
                              "(soffice exited with 1: Error)") == (
        "Офисный файл не прочитать: LibreOffice не смог его преобразовать.")
