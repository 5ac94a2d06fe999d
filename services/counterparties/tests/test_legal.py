"""Russian legal details: the check digits of INN, OGRN and OGRNIP (python-stdnum's), and the KPP pattern."""
import pytest
from marshmallow import ValidationError
from stdnum.ru import inn as stdnum_inn
from stdnum.ru import ogrn as stdnum_ogrn

from counterparties import legal, schemas


@pytest.mark.parametrize("inn", ["7707083893", "500100732259", "7736207543"])
def test_real_inns_pass(inn):
    assert legal.inn_problem(inn) is None


@pytest.mark.parametrize("inn, problem", [
    ("7707083894", "check digits"), ("770708389", "10 or 12 digits"), ("77070838AB", "10 or 12 digits"),
    ("500100732258", "check digits")])
def test_wrong_inns_say_what_is_wrong(inn, problem):
    assert problem in legal.inn_problem(inn)


def test_an_organisation_has_ten_digits_and_a_person_twelve():
    assert "10 digits" in legal.inn_problem("500100732259", "organisation")
    assert "12 digits" in legal.inn_problem("7707083893", "individual")
    assert legal.complete_inn("770708389") == "7707083893"


@pytest.mark.parametrize("number", ["1027700132195", "304500116000157"])
def test_real_ogrns_pass(number):
    assert legal.ogrn_problem(number) is None


def test_a_wrong_ogrn_check_digit_is_named():
    assert "check digit" in legal.ogrn_problem("1027700132196")
    assert "13 digits" in legal.ogrn_problem("304500116000157", "organisation")


@pytest.mark.parametrize("inn", ["7707083893", "7736207543", "500100732259", "771301264355"])
def test_stdnum_and_the_service_agree_on_valid_inns(inn):
    assert stdnum_inn.is_valid(inn) and legal.inn_problem(inn) is None
    assert legal.complete_inn(inn[:9] if len(inn) == 10 else inn[:10]) == inn


@pytest.mark.parametrize("inn, kind, problem", [
    ("7707083892", None, "check digits"), ("500100732250", None, "check digits"), ("500100732259", "individual", None),
    ("7707083893", "organisation", None), ("77070838931", None, "10 or 12 digits"), ("", None, "10 or 12 digits")])
def test_inns_of_ten_and_twelve_digits(inn, kind, problem):
    found = legal.inn_problem(inn, kind)
    assert (found is None) if problem is None else (problem in found)


def test_an_ogrnip_whose_remainder_is_ten_or_more_takes_the_remainders_last_digit():
    body = next(f"3{n:013d}" for n in range(10**12, 10**12 + 100) if int(f"3{n:013d}") % 13 >= 10)
    ogrnip = legal.complete_ogrn(body)
    assert ogrnip[-1] == str(int(body) % 13)[-1]
    assert not stdnum_ogrn.is_valid(ogrnip)  # stdnum compares the whole remainder
    assert legal.ogrn_problem(ogrnip) is None and legal.ogrn_problem(ogrnip, "individual") is None
    wrong = ogrnip[:-1] + str((int(ogrnip[-1]) + 1) % 10)
    assert "check digit" in legal.ogrn_problem(wrong)


@pytest.mark.parametrize("number, kind, problem", [
    ("1027700132195", "organisation", None), ("304500116000157", "individual", None),
    ("1027700132195", "individual", "15 digits"), ("0027700132195", None, "does not start with 0"),
    ("504500116000155", None, "starts with 3 or 4"), ("10277001321", None, "13 or 15 digits"),
    ("10277001321AB", None, "13 or 15 digits")])
def test_ogrns_of_thirteen_and_ogrnips_of_fifteen_digits(number, kind, problem):
    found = legal.ogrn_problem(number, kind)
    assert (found is None) if problem is None else (problem in found)


def test_kpp_pattern():
    assert legal.kpp_problem("773601001") is None
    assert legal.kpp_problem("7736AB001") is None
    assert "9 characters" in legal.kpp_problem("77360100")


def test_the_schema_checks_by_country():
    schema = schemas.CounterpartySchema()
    with pytest.raises(ValidationError) as caught:
        schema.load({"name": "X", "tax_id": "7707083894", "kpp": "12"})
    assert set(caught.value.messages) == {"tax_id", "kpp"}
    assert schema.load({"name": "X", "country": "DE", "tax_id": "DE123456789"})["tax_id"] == "DE123456789"
    assert schema.load({"name": "X", "tax_id": "7707083893", "registration_number": "1027700132195"})
