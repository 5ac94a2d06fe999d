"""What the text of an incoming letter suggests for its card: the sender's tax ids (INN),
the letter's date and the sender's outgoing number ("№ 123/45 от 01.12.2026", "No. 123
dated 1 December 2026"). Plain functions of text: the service asks the counterparties
service who the tax ids (or the sender's e-mail) belong to.
"""
import re
from datetime import date

RU_MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}
EN_MONTHS = {name: number for number, name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"), start=1)}

NUMERIC_DATE = r"(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})"
WORD_DATE = r"(\d{1,2})\s+([A-Za-zА-Яа-яЁё]{3,9})\.?\s+(\d{4})"
ISO_DATE = r"(\d{4})-(\d{2})-(\d{2})"
ANY_DATE = rf"(?:{NUMERIC_DATE}|{WORD_DATE}|{ISO_DATE})"

# "№ 123/45-АБ от 01.12.2026", "Исх. № 17 от 3 декабря 2026 г.", "No. 123 dated 1 December 2026",
# "Ref. 44/B of 02.12.2026"; OCR reads "№" as "N", "Ns", "Ne", "Nº", "No" or "Мо"
NUMBER = r"(?:№|N[°ºoeе]?\.?|No\.?|Ns|Мо|Ref\.?|Our ref\.?)\s*([0-9A-Za-zА-Яа-яЁё][\w/.\-]{0,39}?)"
OUTGOING = re.compile(rf"{NUMBER}\s*(?:,\s*)?(?:от|dated|of|from)\s+{ANY_DATE}", re.IGNORECASE)
LABELLED_DATE = re.compile(rf"(?:дата|date)\s*:?\s*{ANY_DATE}", re.IGNORECASE)
FREE_DATE = re.compile(ANY_DATE)
# 10 digits (an organisation) or 12 (an individual entrepreneur), after ИНН / INN / TIN / tax id
# (OCR reads ИНН as "WHH", "MHH", "ИHH" and the like), or standing alone
TAX_ID = re.compile(r"(?:[ИIWMVU][НH][НH]|INN|TIN|tax\s*id)\s*(?:/\s*КПП)?\s*[:№]?\s*(\d{10}|\d{12})(?!\d)",
                    re.IGNORECASE)
BARE_DIGITS = re.compile(r"(?<![\d.,/-])(\d{10}|\d{12})(?![\d.,/-]\d|\d)")


def _month(word):
    word = word.lower()
    if word[:3] in {name[:3] for name in EN_MONTHS}:
        for name, number in EN_MONTHS.items():
            if name.startswith(word) or word.startswith(name[:3]):
                return number
    for stem, number in sorted(RU_MONTHS.items(), key=lambda pair: -len(pair[0])):
        if word.startswith(stem):
            return number
    return None


def _date(groups):
    """A date from the groups of ANY_DATE (numeric, in words or ISO), or None."""
    day, month, year, wday, wmonth, wyear, iyear, imonth, iday = groups
    try:
        if day:
            year = int(year)
            return date(year + 2000 if year < 100 else year, int(month), int(day))
        if wday:
            number = _month(wmonth)
            return date(int(wyear), number, int(wday)) if number else None
        if iyear:
            return date(int(iyear), int(imonth), int(iday))
    except ValueError:
        return None
    return None


def _valid_tax_id(digits):
    """Whether a 10- or 12-digit INN has the right check digits."""
    def check(weights, part):
        return sum(w * int(d) for w, d in zip(weights, part, strict=False)) % 11 % 10
    if len(digits) == 10:
        return check((2, 4, 10, 3, 5, 9, 4, 6, 8), digits) == int(digits[9])
    if len(digits) == 12:
        return (check((7, 2, 4, 10, 3, 5, 9, 4, 6, 8), digits) == int(digits[10])
                and check((3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8), digits) == int(digits[11]))
    return False


def tax_ids(text):
    """The tax ids (INN) in the text, each once: those labelled as such first, then numbers of
    their length standing alone (the label misread); any whose check digits are wrong (a
    misread digit, a phone number) is left out. Only one that belongs to a counterparty of the
    directory is ever suggested, which rules out the rare number that merely passes the check."""
    found = []
    for pattern in (TAX_ID, BARE_DIGITS):
        for match in pattern.finditer(text or ""):
            digits = match.group(1)
            if _valid_tax_id(digits) and digits not in found:
                found.append(digits)
    return found


def outgoing_reference(text):
    """(number, date) of the sender's outgoing reference, or (None, None)."""
    for match in OUTGOING.finditer(text or ""):
        number = match.group(1).rstrip(".,-/")
        found = _date(match.groups()[1:])
        if number and found:
            return number, found
    return None, None


def letter_date(text):
    """The letter's date: its outgoing reference's, a labelled one ("Дата: ..."), or the first
    date in the text; None when there is none."""
    _, found = outgoing_reference(text)
    if found:
        return found
    for pattern in (LABELLED_DATE, FREE_DATE):
        for match in pattern.finditer(text or ""):
            found = _date(match.groups()[-9:])
            if found and 1990 <= found.year <= 2100:
                return found
    return None


def suggest(text, *, subject=""):
    """{"tax_ids", "document_date" (ISO), "sender_number", "title"} suggested by the text."""
    number, dated = outgoing_reference(text)
    found_date = dated or letter_date(text)
    return {
        "tax_ids": tax_ids(text),
        "document_date": found_date.isoformat() if found_date else None,
        "sender_number": number,
        "title": (subject or "").strip()[:500] or None,
    }
