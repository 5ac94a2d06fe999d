"""Russian legal details: the check digits of INN, OGRN and OGRNIP, and the KPP pattern."""
import pytest
from marshmallow import ValidationError

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
