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
