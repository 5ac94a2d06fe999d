"""What the text of a letter suggests: tax ids with valid check digits, the outgoing number
and the date, in Russian and English and as OCR reads them."""
from datetime import date

from intake import suggestions

LETTER_RU = """ООО «Ромашка»
ИНН 7707083893 КПП 770701001
Исх. № 123/45-АБ от 01.12.2026
О поставке товара
Уважаемые коллеги! Просим оплатить счёт."""


def test_russian_letter():
    found = suggestions.suggest(LETTER_RU, subject="Письмо о поставке")
    assert found == {"tax_ids": ["7707083893"], "document_date": "2026-12-01", "sender_number": "123/45-АБ",
                     "title": "Письмо о поставке"}


def test_english_reference_with_the_month_in_words():
    assert suggestions.outgoing_reference("Our letter No. 77/B dated 3 December 2026") == ("77/B", date(2026, 12, 3))


def test_russian_month_in_words_and_ocr_number_sign():
    assert suggestions.outgoing_reference("N 17 от 5 марта 2026 г.") == ("17", date(2026, 3, 5))


def test_wrong_check_digit_is_not_a_tax_id():
    assert suggestions.tax_ids("ИНН 7707083894") == []
    assert suggestions.tax_ids("ИНН: 500100732259, ИНН 500100732259") == ["500100732259"]


def test_date_without_a_reference():
    assert suggestions.letter_date("Дата: 15.11.2026\nТекст") == date(2026, 11, 15)
    assert suggestions.letter_date("nothing here, 99.99.2026") is None


def test_empty_text_suggests_nothing():
    assert suggestions.suggest("") == {"tax_ids": [], "document_date": None, "sender_number": None, "title": None}


def test_number_sign_as_ocr_misreads_it():
    for sign in ("No", "Ne", "Nº", "N°", "Мо"):
        found = suggestions.outgoing_reference(f"Исх. {sign} 123/45 от 01.12.2026")
        assert found == ("123/45", date(2026, 12, 1)), sign


def test_tax_id_with_its_label_misread_or_alone():
    assert suggestions.tax_ids("000 «Ромашка» WHH 7707083893") == ["7707083893"]
    assert suggestions.tax_ids("Реквизиты: 7707083893, тел. 4951234567") == ["7707083893"]
    # labelled ones first; a phone number with a wrong check digit is no tax id
    assert suggestions.tax_ids("тел. 7707083893\nИНН 500100732259") == ["500100732259", "7707083893"]
    assert suggestions.tax_ids("счёт 40702810900000012345") == []
