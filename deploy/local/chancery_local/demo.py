"""Demo data: a construction holding with its staff, counterparties, contracts and approvals.

Loaded once (``python -m chancery_local up --demo``). The employees, departments and our
legal entities go straight into the staff database, because the runner holds no
administrator's password; everything else is entered through the gateway's HTTP API by
the demo employees themselves, so every registration number, history entry, event and
notification exists as it would after real use. Dates are relative to today.
"""
import random
import secrets
import time
import uuid
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import requests
from stdnum.ru import inn as stdnum_inn
from stdnum.ru import ogrn as stdnum_ogrn

MARKER_EMAIL = "demo.director@chancery.local"
ZONE = ZoneInfo("Europe/Moscow")


class DemoDataError(RuntimeError):
    """The gateway refused a step, or events did not arrive in time."""


# Russian tax ids: check digits by python-stdnum ------------------------------------------------

def complete_inn(body):
    """An INN from its body: 9 digits (organisation) or 10 (individual) plus check digits."""
    if len(body) == 9:
        return body + stdnum_inn.calc_company_check_digit(body)
    if len(body) == 10:
        return body + stdnum_inn.calc_personal_check_digits(body)
    raise ValueError(f"an INN body has 9 or 10 digits, not {len(body)}")


def is_valid_inn(inn):
    """Whether a 10-digit (organisation) or 12-digit INN is valid, check digits included."""
    return inn.isdigit() and len(inn) in (10, 12) and stdnum_inn.is_valid(inn)


def complete_ogrn(body):
    """An OGRN (12-digit body) or OGRNIP (14-digit body) with its check digit (the remainder's
    last digit: see services/counterparties/counterparties/legal.py)."""
    return body + stdnum_ogrn.calc_check_digit(body + "0")[-1]


def tax_ids(kind, region_office, registered_year, seed):
    """A consistent INN and OGRN/OGRNIP pair: same region and tax office, checksums right."""
    rng = random.Random(seed)
    if kind == "organisation":
        inn = complete_inn(f"{region_office}{rng.randrange(10**5):05d}")
        ogrn = complete_ogrn(f"1{registered_year % 100:02d}{region_office}{rng.randrange(10**5):05d}")
    else:
        inn = complete_inn(f"{region_office}{rng.randrange(10**6):06d}")
        ogrn = complete_ogrn(f"3{registered_year % 100:02d}{region_office}{rng.randrange(10**7):07d}")
    return inn, ogrn


# a one-page PDF -------------------------------------------------------------------------------

def make_pdf(lines):
    """A valid one-page A4 PDF showing ASCII ``lines`` in Helvetica (a standard font, so
    nothing is embedded and the file stays under 1 KB)."""
    def text(line):
        return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    content = ("BT /F1 12 Tf 16 TL 72 770 Td "
               + " ".join(f"({text(line)}) Tj T*" for line in lines) + " ET").encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(pdf)


# the holding ------------------------------------------------------------------------------------

LEGAL_ENTITIES = {
    # key: name, short name, region and tax office, address
    "build": ("Общество с ограниченной ответственностью «СеверСтрой»", "ООО «СеверСтрой»", "7714",
              "125167, г. Москва, Ленинградский пр-т, д. 39, стр. 80"),
    "develop": ("Общество с ограниченной ответственностью «СеверСтрой-Девелопмент»",
                "ООО «СеверСтрой-Девелопмент»", "7714", "125167, г. Москва, Ленинградский пр-т, д. 39, стр. 80"),
}
DEPARTMENTS = {
    # key: name, legal entity
    "board": ("Дирекция", "build"),
    "construction": ("Строительный департамент", "build"),
    "legal": ("Юридический отдел", "build"),
    "accounts": ("Бухгалтерия", "build"),
    "sales": ("Коммерческий отдел", "develop"),
}
EMPLOYEES = {
    # key: full name, e-mail, position, department, role, heads the department
    "director": ("Соколов Андрей Викторович", MARKER_EMAIL, "Генеральный директор", "board", "director", True),
    "head": ("Кузнецова Марина Сергеевна", "demo.construction.head@chancery.local",
             "Руководитель строительного департамента", "construction", "department_head", True),
    "lawyer": ("Волков Дмитрий Алексеевич", "demo.lawyer@chancery.local", "Ведущий юрисконсульт",
               "legal", "lawyer", True),
    "accountant": ("Морозова Елена Николаевна", "demo.accountant@chancery.local", "Главный бухгалтер",
                   "accounts", "accountant", True),
    "subcontracts": ("Лебедев Игорь Павлович", "demo.subcontracts@chancery.local",
                     "Менеджер по работе с субподрядчиками", "construction", "manager", False),
    "supply": ("Новикова Ольга Андреевна", "demo.supply@chancery.local", "Менеджер по снабжению",
               "construction", "manager", False),
    "sales": ("Орлов Константин Михайлович", "demo.sales@chancery.local", "Менеджер по продажам",
              "sales", "manager", True),
    "secretary": ("Павлова Анастасия Игоревна", "demo.secretary@chancery.local", "Секретарь-референт",
                  "board", "secretary", False),
}

# key: kind, name, short name, region+tax office, registered, address, area code, site,
#      main contact, responsible, notes
COUNTERPARTIES = {
    # subcontractors
    "stroymontazh": ("organisation", "Общество с ограниченной ответственностью «СтройМонтаж-Урал»",
                     "ООО «СтройМонтаж-Урал»", "6658", 2011,
                     "620014, г. Екатеринбург, ул. Малышева, д. 51, оф. 410", "343", "stroymontazh-ural.ru",
                     "Захаров Павел Олегович, директор", "subcontracts", "Монолитные работы, свои бригады до 120 чел."),
    "specfund": ("organisation", "Акционерное общество «Спецфундаментстрой»", "АО «Спецфундаментстрой»",
                 "7704", 2003, "119121, г. Москва, ул. Плющиха, д. 42", "495", "specfund.ru",
                 "Белов Сергей Иванович, главный инженер", "subcontracts", "Сваи, шпунт, котлованы."),
    "electroset": ("organisation", "ООО «ЭлектроСетьМонтаж»", "ООО «ЭСМ»", "5036", 2014,
                   "142100, Московская обл., г. Подольск, ул. Кирова, д. 11", "4967", "esm-podolsk.ru",
                   "Титов Алексей Романович, директор", "subcontracts", None),
    "teplovod": ("organisation", "ООО «ТеплоВодоСервис»", "ООО «ТВС»", "5047", 2016,
                 "141400, Московская обл., г. Химки, ул. Ленинградская, д. 29", "495", "tvs-himki.ru",
                 "Сорокина Ирина Викторовна, коммерческий директор", "subcontracts",
                 "Отопление, водоснабжение, ИТП. Прошли квалификацию в марте."),
    "krovlya": ("organisation", "ООО «Кровля-Профи»", "ООО «Кровля-Профи»", "7802", 2012,
                "194044, г. Санкт-Петербург, Б. Сампсониевский пр-т, д. 60", "812", "krovlya-profi.ru",
                "Егоров Николай Петрович, директор", "subcontracts", None),
    "geo": ("organisation", "ООО «ГеоИзыскания»", "ООО «ГеоИзыскания»", "7736", 2009,
            "119334, г. Москва, Ленинский пр-т, д. 45", "495", "geoizyskaniya.ru",
            "Полякова Анна Сергеевна, руководитель проектов", "head", "Инженерно-геологические изыскания."),
    "fasad": ("organisation", "ООО «ФасадСтрой»", "ООО «ФасадСтрой»", "1655", 2015,
              "420111, Республика Татарстан, г. Казань, ул. Пушкина, д. 26", "843", "fasadstroy-kzn.ru",
              "Хабибуллин Марат Ринатович, директор", "subcontracts", None),
    "garipov": ("individual", "Индивидуальный предприниматель Гарипов Ренат Ильдарович", "ИП Гарипов Р. И.",
                "1660", 2017, "420087, г. Казань, ул. Родины, д. 8, кв. 112", "843", None,
                "Гарипов Ренат Ильдарович", "subcontracts", "Отделочные работы, бригада 15 чел."),
    "lift": ("organisation", "ООО «Лифтовые системы»", "ООО «Лифтовые системы»", "7715", 2010,
             "127015, г. Москва, ул. Новодмитровская, д. 5А", "495", "liftsystems.ru",
             "Комаров Денис Андреевич, менеджер проектов", "head", None),
    "monolit": ("organisation", "ООО «Монолит-Инвест»", "ООО «Монолит-Инвест»", "7721", 2018,
                "109428, г. Москва, Рязанский пр-т, д. 24", "495", "monolit-invest.ru",
                "Фролов Виктор Семёнович, директор", "subcontracts", "Резервный подрядчик по монолиту."),
    # suppliers
    "beton": ("organisation", "ООО «БетонТорг»", "ООО «БетонТорг»", "7743", 2008,
              "125493, г. Москва, ул. Флотская, д. 7", "495", "betontorg.ru",
              "Кудрявцев Олег Николаевич, менеджер", "supply", "Бетон B15–B40, свой парк миксеров."),
    "metall": ("organisation", "ООО «МеталлПрокат-Центр»", "ООО «МПЦ»", "7727", 2006,
               "117218, г. Москва, ул. Кржижановского, д. 14", "495", "mpc-metall.ru",
               "Дмитриева Светлана Олеговна, менеджер", "supply", None),
    "keramika": ("organisation", "ООО «Керамика-Строй»", "ООО «Керамика-Строй»", "5001", 2013,
                 "143907, Московская обл., г. Балашиха, ш. Энтузиастов, д. 1", "495", "keramika-stroy.ru",
                 "Васильев Павел Андреевич, директор по продажам", "supply", None),
    "izolyaciya": ("organisation", "ООО «ТехноИзоляция»", "ООО «ТехноИзоляция»", "7728", 2011,
                   "117342, г. Москва, ул. Бутлерова, д. 17", "495", "tehnoizol.ru",
                   "Никитина Юлия Александровна, менеджер", "supply", None),
    "stalkon": ("organisation", "ООО «СтальКонструкция»", "ООО «СтальКонструкция»", "7453", 2007,
                "454091, г. Челябинск, ул. Свободы, д. 70", "351", "stalkon74.ru",
                "Медведев Артём Игоревич, начальник отдела продаж", "supply", "Металлоконструкции под заказ."),
    "les": ("organisation", "ООО «ЛесТорг-Вологда»", "ООО «ЛесТорг-Вологда»", "3525", 2012,
            "160000, г. Вологда, ул. Мира, д. 36", "8172", "lestorg35.ru",
            "Смирнова Наталья Викторовна, менеджер", "supply", None),
    "arma": ("organisation", "ООО «АрмаТрейд»", "ООО «АрмаТрейд»", "7720", 2019,
             "111141, г. Москва, ул. Плеханова, д. 4А", "495", "armatrade.ru",
             "Алексеев Роман Дмитриевич, менеджер", "supply", None),
    "smirnov": ("individual", "Индивидуальный предприниматель Смирнов Алексей Петрович", "ИП Смирнов А. П.",
                "5003", 2015, "142703, Московская обл., г. Видное, ул. Школьная, д. 10", "495", None,
                "Смирнов Алексей Петрович", "supply", "Самосвалы, доставка инертных материалов."),
    # clients
    "capital": ("organisation", "Акционерное общество «Девелопмент-Групп Столица»", "АО «ДГ Столица»",
                "7705", 2005, "115054, г. Москва, ул. Валовая, д. 35", "495", "dg-stolica.ru",
                "Романова Екатерина Андреевна, директор по строительству", "sales", "Перспективный заказчик."),
    "north": ("organisation", "ООО «Специализированный застройщик «Жилой квартал Северный»",
              "ООО «СЗ «Северный»", "7716", 2020, "129343, г. Москва, пр-д Серебрякова, д. 14", "495",
              "sever-kvartal.ru", "Громов Илья Сергеевич, заместитель генерального директора",
              "director", "Заказчик ЖК «Северный», корпуса 1–4."),
    "technopark": ("organisation", "ООО «Технопарк Восток»", "ООО «Технопарк Восток»", "5050", 2019,
                   "141100, Московская обл., г. Щёлково, ул. Заводская, д. 2", "496", "technopark-vostok.ru",
                   "Ершов Максим Владимирович, технический директор", "sales", None),
    "raduga": ("organisation", "ООО «Торговый центр «Радуга»", "ООО «ТЦ «Радуга»", "7733", 2004,
               "125362, г. Москва, ул. Вишнёвая, д. 7", "495", "tc-raduga.ru",
               "Козлова Марина Юрьевна, управляющая", "sales", None),
    "logistic": ("organisation", "АО «Логистический парк «Южный»", "АО «ЛП «Южный»", "5003", 2016,
                 "142718, Московская обл., Ленинский г. о., пос. Совхоз им. Ленина, вл. 3", "495",
                 "lp-yuzhny.ru", "Зайцев Артур Валерьевич, директор по развитию", "sales", None),
    "komfort": ("organisation", "ООО «Управляющая компания «Комфорт»", "ООО «УК «Комфорт»", "7813", 2010,
                "197198, г. Санкт-Петербург, ул. Большая Пушкарская, д. 20", "812", "uk-komfort.ru",
                "Лебедева Ольга Ивановна, главный инженер", "sales", None),
    "zdorovie": ("organisation", "ООО «Медицинский центр «Здоровье»", "ООО «МЦ «Здоровье»", "7707", 2009,
                 "127006, г. Москва, ул. Малая Дмитровка, д. 18", "495", "mc-zdorovie.ru",
                 "Белова Татьяна Михайловна, главный врач", "sales", "Реконструкция клиники, 2 очередь."),
}
CLIENTS_OF_DEVELOPMENT = {"capital", "technopark"}  # their papers are signed by the other company

# key: type, counterparty, title, amount, days ago, parent, status, electronic copy, author,
# responsible. Each author sees what they build on (docs/permissions.md): lawyers every
# contract and annex, the responsible person their documents, directors everything.
DOCUMENTS = [
    ("monolith", "contract", "stroymontazh", "Договор субподряда № СП-01/{yy} на монолитные работы, "
     "ЖК «Северный», корпус 2", "48750000.00", 190, None, "in_execution", True, "lawyer", "subcontracts"),
    ("foundation", "contract", "specfund", "Договор субподряда № СП-02/{yy} на устройство свайного поля, "
     "ЖК «Северный», корпус 3", "21400000.00", 170, None, "in_execution", True, "lawyer", "subcontracts"),
    ("electric", "contract", "electroset", "Договор субподряда № СП-03/{yy} на электромонтажные работы, "
     "Технопарк «Восток»", "12860000.00", 120, None, "signed", True, "lawyer", "subcontracts"),
    ("roof", "contract", "krovlya", "Договор субподряда № СП-04/{yy} на кровельные работы, ТЦ «Радуга»",
     "7350000.00", 30, None, "draft", False, "lawyer", "subcontracts"),
    ("facade", "contract", "fasad", "Договор субподряда № СП-05/{yy} на монтаж навесного "
     "вентилируемого фасада", "16980000.00", 21, None, "draft", False, "lawyer", "subcontracts"),
    ("concrete", "contract", "beton", "Договор поставки № П-07/{yy} товарного бетона B25–B30",
     "18500000.00", 160, None, "in_execution", True, "lawyer", "supply"),
    ("metal", "contract", "metall", "Договор поставки № П-08/{yy} арматуры и металлопроката",
     "9720000.00", 95, None, "signed", False, "lawyer", "supply"),
    ("insulation", "contract", "izolyaciya", "Договор поставки № П-09/{yy} теплоизоляционных материалов",
     "2480000.00", 9, None, "draft", False, "lawyer", "supply"),
    ("north_general", "contract", "north", "Договор генерального подряда № ГП-03/{yy_before} на "
     "строительство ЖК «Северный»", "1286000000.00", 300, None, "in_execution", True, "lawyer", "director"),
    ("technopark_general", "contract", "technopark", "Договор генерального подряда № ГП-01/{yy} на "
     "строительство производственного корпуса", "412500000.00", 75, None, "signed", False, "lawyer", "sales"),
    # annexes
    ("monolith_annex_1", "annex", "stroymontazh", "Дополнительное соглашение № 1 к договору СП-01/{yy}: "
     "перенос срока окончания работ", None, 100, "monolith", "signed", False, "lawyer", "subcontracts"),
    ("monolith_annex_2", "annex", "stroymontazh", "Дополнительное соглашение № 2 к договору СП-01/{yy}: "
     "дополнительные объёмы по паркингу", "3240000.00", 14, "monolith", "draft", False, "lawyer", "subcontracts"),
    ("foundation_annex_1", "annex", "specfund", "Дополнительное соглашение № 1 к договору СП-02/{yy}: "
     "замена марки бетона свай", "860000.00", 18, "foundation", "draft", False, "lawyer", "subcontracts"),
    ("concrete_annex_1", "annex", "beton", "Дополнительное соглашение № 1 к договору П-07/{yy}: "
     "график поставок на IV квартал", None, 60, "concrete", "signed", False, "lawyer", "supply"),
    ("north_annex_3", "annex", "north", "Дополнительное соглашение № 3 к договору ГП-03/{yy_before}: "
     "индексация цены", "38580000.00", 12, "north_general", "draft", False, "lawyer", "director"),
    ("electric_annex_1", "annex", "electroset", "Дополнительное соглашение № 1 к договору СП-03/{yy}: "
     "наружное освещение", "1150000.00", 7, "electric", "draft", False, "lawyer", "subcontracts"),
    # completion acts
    ("monolith_act_1", "completion_act", "stroymontazh", "Акт о приёмке выполненных работ (КС-2) № 1 "
     "по договору СП-01/{yy}", "9120000.00", 150, "monolith", "signed", True, "subcontracts", "subcontracts"),
    ("monolith_act_2", "completion_act", "stroymontazh", "Акт о приёмке выполненных работ (КС-2) № 2 "
     "по договору СП-01/{yy}", "11480000.00", 120, "monolith", "signed", False, "subcontracts", "subcontracts"),
    ("monolith_act_3", "completion_act", "stroymontazh", "Акт о приёмке выполненных работ (КС-2) № 3 "
     "по договору СП-01/{yy}", "10950000.00", 10, "monolith", "draft", False, "subcontracts", "subcontracts"),
    ("foundation_act_1", "completion_act", "specfund", "Акт о приёмке выполненных работ (КС-2) № 1 "
     "по договору СП-02/{yy}", "7300000.00", 110, "foundation", "signed", True, "subcontracts", "subcontracts"),
    ("electric_act_1", "completion_act", "electroset", "Акт о приёмке выполненных работ (КС-2) № 1 "
     "по договору СП-03/{yy}", "2140000.00", 5, "electric", "draft", False, "subcontracts", "subcontracts"),
    ("north_act_14", "completion_act", "north", "Акт о приёмке выполненных работ (КС-2) № 14 "
     "по договору ГП-03/{yy_before}", "64300000.00", 40, "north_general", "signed", False, "director", "accountant"),
    ("north_act_15", "completion_act", "north", "Акт о приёмке выполненных работ (КС-2) № 15 "
     "по договору ГП-03/{yy_before}", "71850000.00", 3, "north_general", "draft", False, "director", "accountant"),
    ("concrete_act_1", "completion_act", "beton", "Акт приёма-передачи товара № 1 по договору П-07/{yy}",
     "4630000.00", 130, "concrete", "signed", False, "supply", "supply"),
    # invoices
    ("monolith_invoice_1", "invoice", "stroymontazh", "Счёт на оплату № 118 по акту КС-2 № 1",
     "9120000.00", 149, "monolith", "completed", False, "subcontracts", "accountant"),
    ("monolith_invoice_2", "invoice", "stroymontazh", "Счёт на оплату № 164 по акту КС-2 № 2",
     "11480000.00", 119, "monolith", "completed", False, "subcontracts", "accountant"),
    ("monolith_invoice_3", "invoice", "stroymontazh", "Счёт на оплату № 201 по акту КС-2 № 3",
     "10950000.00", 9, "monolith", "draft", False, "subcontracts", "accountant"),
    ("concrete_invoice_1", "invoice", "beton", "Счёт на оплату № 0457 (бетон B25, 890 м³)",
     "4630000.00", 131, "concrete", "completed", False, "supply", "accountant"),
    ("concrete_invoice_2", "invoice", "beton", "Счёт на оплату № 0512 (бетон B30, 960 м³)",
     "5210000.00", 16, "concrete", "draft", False, "supply", "accountant"),
    ("metal_invoice_1", "invoice", "metall", "Счёт на оплату № 2291 (арматура А500С)",
     "3860000.00", 8, "metal", "draft", False, "supply", "accountant"),
    ("transport_invoice", "invoice", "smirnov", "Счёт на оплату № 37 за доставку щебня и песка",
     "184500.00", 4, None, "draft", False, "supply", "accountant"),
    ("north_invoice_14", "invoice", "north", "Счёт на оплату № 141 по акту КС-2 № 14 (генподряд)",
     "64300000.00", 40, "north_general", "signed", False, "director", "accountant"),
    # letters
    ("capital_request", "letter_incoming", "capital", "Запрос коммерческого предложения на строительство "
     "офисного центра «Столица-Парк»", None, 25, None, "draft", False, "secretary", "sales"),
    ("capital_offer", "letter_outgoing", "capital", "Коммерческое предложение на генеральный подряд, "
     "офисный центр «Столица-Парк»", None, 11, None, "draft", True, "secretary", "sales"),
    ("stroymontazh_notice", "letter_incoming", "stroymontazh", "Уведомление о приостановке работ "
     "из-за задержки поставки арматуры", None, 20, None, "draft", False, "secretary", "subcontracts"),
    ("metall_claim", "letter_outgoing", "metall", "Претензия о просрочке поставки арматуры по договору "
     "П-08/{yy}", None, 19, None, "draft", True, "secretary", "supply"),
    ("raduga_schedule", "letter_incoming", "raduga", "О согласовании работ в выходные дни",
     None, 6, None, "draft", False, "secretary", "sales"),
    ("komfort_request", "letter_incoming", "komfort", "Запрос исполнительной документации по благоустройству",
     None, 13, None, "draft", False, "secretary", "sales"),
    ("zdorovie_reply", "letter_outgoing", "zdorovie", "Ответ на запрос о сроках реконструкции второй очереди",
     None, 2, None, "draft", False, "secretary", "sales"),
    ("lift_offer", "letter_incoming", "lift", "Предложение о поставке и монтаже лифтов для ЖК «Северный»",
     None, 27, None, "draft", False, "secretary", "head"),
]
LIFE_CYCLE = ["draft", "signed", "in_execution", "completed"]

# document, initiator, stages (approvers of each; several in one stage approve in parallel),
# decisions in the order they are taken: (approver, decision, comment)
APPROVALS = [
    ("roof", "subcontracts", [["lawyer"], ["director"]],
     [("lawyer", "approve", "Замечаний нет."), ("director", "approve", None)]),
    ("facade", "subcontracts", [["lawyer"], ["director"]],
     [("lawyer", "approve_with_remarks", "Уточнить гарантийный срок в п. 9.2 при подписании.")]),
    ("monolith_annex_2", "subcontracts", [["lawyer"], ["director"]],
     [("lawyer", "reject", "Неустойка субподрядчика снижена до 0,01% в день. Верните 0,1%, "
                           "как в основном договоре, и приложите локальную смету.")]),
    ("foundation_annex_1", "subcontracts", [["head"]], [("head", "approve", "Согласовано с проектировщиком.")]),
    ("north_annex_3", "lawyer", [["head", "accountant"], ["director"]],
     [("accountant", "approve", "Расчёт индексации проверен.")]),
    ("electric_annex_1", "subcontracts", [["head"]], []),
    ("monolith_act_3", "subcontracts", [["head"], ["accountant"]],
     [("head", "approve", "Объёмы подтверждены технадзором."), ("accountant", "approve", None)]),
    ("concrete_invoice_2", "supply", [["accountant"]], [("accountant", "approve", "Оплата в пятницу.")]),
    ("metal_invoice_1", "supply", [["accountant"]], []),
]

# counterparty: (full name, position, birthday (month, day))
CONTACT_PERSONS = {
    "north": [("Громов Илья Сергеевич", "Заместитель генерального директора", (3, 14)),
              ("Кравцова Алина Игоревна", "Руководитель договорного отдела", (9, 2))],
    "capital": [("Романова Екатерина Андреевна", "Директор по строительству", (11, 30))],
    "technopark": [("Ершов Максим Владимирович", "Технический директор", (6, 21))],
    "stroymontazh": [("Захаров Павел Олегович", "Директор", (1, 17)),
                     ("Исаев Тимур Рашидович", "Прораб", (8, 8))],
    "beton": [("Кудрявцев Олег Николаевич", "Менеджер по продажам", (4, 5))],
    "metall": [("Дмитриева Светлана Олеговна", "Менеджер", (12, 12))],
    "zdorovie": [("Белова Татьяна Михайловна", "Главный врач", (2, 27))],
}
# counterparty, kind, subject, hours from now, responsible (who sees the counterparty)
ACTIVITIES = [
    ("capital", "meeting", "Презентация коммерческого предложения по «Столица-Парк»", 3, "sales"),
    ("north", "call", "Согласовать дату приёмки корпуса 1", 5, "director"),
    ("stroymontazh", "call", "Сроки возобновления работ после поставки арматуры", 1, "subcontracts"),
    ("metall", "email", "Ответ на претензию о просрочке поставки", -26, "supply"),
    ("technopark", "meeting", "Выездное совещание на площадке", 27, "sales"),
    ("beton", "call", "Уточнить график поставок на следующую неделю", 2, "supply"),
    ("zdorovie", "letter", "Направить график работ второй очереди", 49, "sales"),
    ("raduga", "task", "Подготовить проект допсоглашения о работах в выходные", -3, "sales"),
]

# the negotiation log of clients in negotiation: counterparty, author (its responsible), the notes
# in order (stage code, text), the expected deal with the last note (amount, currency, days to close)
NEGOTIATIONS = [
    ("capital", "sales", [("first_contact", "Знакомство на выставке «Строительство и архитектура»."),
                          ("needs_clarified", "Нужен генподряд офисного центра под ключ, старт весной."),
                          ("offer_under_review", "КП отправлено, ждём замечаний технической службы.")],
     ("1850000000.00", "RUB", 75)),
    ("technopark", "sales", [("first_contact", "Входящий запрос на склад класса А."),
                             ("ready_for_meeting", "Готовы к выездному совещанию на площадке.")],
     ("320000000.00", "RUB", 45)),
    ("logistic", "sales", [("first_contact", "Тендер на расширение терминала."),
                           ("offer_under_review", "Подали техническую часть."),
                           ("contract_negotiation", "Согласуем протокол разногласий по неустойке.")],
     ("265000000.00", "RUB", 30)),
    ("komfort", "sales", [("first_contact", "Благоустройство двух дворов."),
                          ("payment_expected", "Счёт на аванс выставлен, оплата на этой неделе.")],
     ("12400000.00", "RUB", 10)),
    ("raduga", "sales", [("first_contact", "Запрос на реконструкцию фасада торгового центра.")],
     ("48500000.00", "RUB", 120)),
    ("zdorovie", "sales", [("first_contact", "Вторая очередь реконструкции."),
                           ("lost", "Выбрали другого подрядчика: цена ниже на 8%.")], None),
    ("north", "director", [("contract_negotiation", "Согласовали график работ и размер аванса."),
                           ("won", "Договор генподряда на корпуса 1–4 подписан.")],
     ("1286000000.00", "RUB", 0)),
    ("lift", "head", [("first_contact", "Предложение о поставке и монтаже лифтов."),
                      ("offer_under_review", "Сравниваем с двумя другими поставщиками.")],
     ("410000.00", "EUR", 60)),
]


# loading --------------------------------------------------------------------------------------

class Api:
    """One demo employee signed in to the gateway's API."""

    def __init__(self, base_url, email, password):
        self.base = f"{base_url}/api/v1"
        self.http = requests.Session()
        self.csrf = None
        signed_in = self.post("/auth/login", json={"email": email, "password": password})
        self.csrf = signed_in["csrf_token"]
        self.id = signed_in["employee"]["id"]

    def request(self, method, path, **kwargs):
        headers = {"X-CSRF-Token": self.csrf} if self.csrf else {}
        response = self.http.request(method, self.base + path, headers=headers, timeout=60, **kwargs)
        if response.status_code >= 400:
            raise DemoDataError(f"{method} {path} answered {response.status_code}: {response.text[:300]}")
        return response.json()

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path, **kwargs):
        return self.request("POST", path, **kwargs)


def already_loaded(staff_url):
    from chancery_common.database import make_engine, make_session_factory
    from staff import logic

    engine = make_engine(staff_url, pool_size=1)
    try:
        with make_session_factory(engine)() as session:
            return logic.find_by_email(session, email=MARKER_EMAIL) is not None
    finally:
        engine.dispose()


def create_organisation(staff_url, password):
    """Our legal entities, departments with their heads, and the employees, in one
    transaction (so a failure leaves no half of them); returns the legal entities' ids by key."""
    from sqlalchemy import func, select

    from chancery_common.actor import Actor
    from chancery_common.database import make_engine, make_session_factory
    from staff import logic, organisation
    from staff.models import Department, LegalEntity

    loader = Actor(id=uuid.uuid4(), roles=["administrator"])  # the runner, acting as one
    engine = make_engine(staff_url, pool_size=1)
    try:
        session = make_session_factory(engine)()
        with session.begin():
            entities = {}
            for key, (name, short_name, region_office, address) in LEGAL_ENTITIES.items():
                found = session.scalars(select(LegalEntity).where(func.lower(LegalEntity.name) == name.lower())).first()
                inn, ogrn = tax_ids("organisation", region_office, 2007, name)
                entities[key] = (found or organisation.create_legal_entity(session, actor=loader, data={
                    "name": name, "short_name": short_name, "tax_id": inn, "registration_number": ogrn,
                    "address": address})).id
            departments, created = {}, set()
            for key, (name, entity) in DEPARTMENTS.items():
                found = session.scalars(select(Department).where(func.lower(Department.name) == name.lower())).first()
                if found is None:
                    found = organisation.save_department(
                        session, actor=loader, data={"name": name, "legal_entity_id": entities[entity]})
                    created.add(key)
                departments[key] = found.id
            for index, (full_name, email, position, department, role, heads) in enumerate(EMPLOYEES.values()):
                employee = logic.create_employee(session, data={
                    "full_name": full_name, "email": email, "position": position, "roles": [role],
                    "department_id": departments[department], "phone": f"+7 (495) 780-12-{31 + index}",
                    "locale": "ru", "time_zone": "Europe/Moscow", "password": password})
                if heads and department in created:
                    organisation.save_department(session, actor=loader, department_id=departments[department],
                                                 data={"head_id": employee.id})
        return entities
    finally:
        engine.dispose()


def phone_number(area_code, seed):
    """A Russian number: the area code and the local number make ten digits."""
    local = str(random.Random(seed).randrange(2 * 10 ** (9 - len(area_code)), 10 ** (10 - len(area_code))))
    return f"+7 ({area_code}) {local[:-4]}-{local[-4:-2]}-{local[-2:]}"


def create_counterparties(apis):
    """The directory, each entry by its responsible employee, with its contact persons and
    planned activities; returns the counterparties by key."""
    counterparties = {}
    for key, (kind, name, short_name, region_office, registered, address, area_code, site, contact,
              responsible, notes) in COUNTERPARTIES.items():
        inn, ogrn = tax_ids(kind, region_office, registered, name)
        counterparties[key] = apis[responsible].post("/counterparties/", json={
            "kind": kind, "name": name, "short_name": short_name, "tax_id": inn,
            "registration_number": ogrn, "legal_address": address, "postal_address": address,
            "phone": phone_number(area_code, key), "email": f"info@{site}" if site else None,
            "website": f"https://{site}" if site else None, "main_contact": contact, "notes": notes,
            "responsible_employee_id": apis[responsible].id})
    for key, people in CONTACT_PERSONS.items():
        api = apis[COUNTERPARTIES[key][9]]
        for full_name, position, (month, day) in people:
            api.post(f"/counterparties/{counterparties[key]['id']}/contact-persons", json={
                "full_name": full_name, "position": position, "birthday": date(1975, month, day).isoformat(),
                "phones": [phone_number("916", full_name)]})
    now = datetime.now(ZONE).replace(minute=0, second=0, microsecond=0)
    for key, kind, subject, hours, responsible in ACTIVITIES:
        apis[responsible].post("/activities/", json={
            "counterparty_id": counterparties[key]["id"], "kind": kind, "subject": subject,
            "planned_at": (now + timedelta(hours=hours)).isoformat(), "duration_minutes": 30})
    return counterparties


def create_documents(apis, counterparties, legal_entities):
    """Every document, its electronic copy and its status; returns ``{key: document}``."""
    types = {t["code"]: t["id"] for t in apis["lawyer"].get("/document-types/")["items"]}
    today = date.today()
    years = {"yy": f"{today.year % 100:02d}", "yy_before": f"{(today.year - 1) % 100:02d}"}
    documents = {}
    for (key, type_code, counterparty, title, amount, days_ago, parent, status, with_file,
         author, responsible) in DOCUMENTS:
        api = apis[author]
        dated = today - timedelta(days=days_ago)
        card = {
            "type_id": types[type_code], "title": title.format(**years),
            "counterparty_id": counterparties[counterparty]["id"],
            "legal_entity_id": str(legal_entities["develop" if counterparty in CLIENTS_OF_DEVELOPMENT else "build"]),
            "document_date": dated.isoformat(), "responsible_id": apis[responsible].id,
            "parent_id": documents[parent]["id"] if parent else None,
            "amount": amount, "currency": "RUB" if amount else None,
        }
        if type_code in ("contract", "annex"):
            card.update(valid_from=dated.isoformat(), valid_to=(dated + timedelta(days=365)).isoformat())
        if status != "draft":
            card["signing_date"] = (dated + timedelta(days=3)).isoformat()
        document = api.post("/documents/", json=card)
        if with_file:
            inn = counterparties[counterparty]["tax_id"]
            pdf = make_pdf([f"Chancery demo document {document['number'] or key}",
                            f"Date: {dated.isoformat()}", f"Counterparty INN: {inn}",
                            f"Amount: {amount or '-'} RUB", "Signed copy (scan)"])
            api.post(f"/documents/{document['id']}/files",
                     files={"file": (f"{key}.pdf", pdf, "application/pdf")})
        for step in LIFE_CYCLE[1:LIFE_CYCLE.index(status) + 1]:
            document = api.post(f"/documents/{document['id']}/status", json={"status": step})
        documents[key] = document
    return documents


def run_approvals(apis, documents):
    """Start every approval, then take the decisions once each document is on approval."""
    approvals = []
    for key, initiator, stages, decisions in APPROVALS:
        approval = apis[initiator].post("/approvals/", json={
            "document_id": documents[key]["id"],
            "stages": [{"name": ", ".join(EMPLOYEES[a][2] for a in approvers),
                        "approver_ids": [apis[a].id for a in approvers], "deadline_hours": 48}
                       for approvers in stages]})
        approvals.append((key, approval, decisions))
    # the document follows its approval by event; deciding earlier could overtake that event
    wait_for_statuses(apis["director"], {documents[key]["id"]: "on_approval" for key, *_ in approvals})
    outcomes = {}
    for key, approval, decisions in approvals:
        for approver, decision, comment in decisions:
            tasks = apis[approver].get("/approvals/tasks", params={"limit": 500})["items"]
            task = next(t for t in tasks if t["approval_id"] == approval["id"])
            approval = apis[approver].post(f"/approvals/tasks/{task['id']}/decision",
                                           json={"decision": decision, "comment": comment})
        if approval["status"] in ("approved", "rejected"):
            outcomes[documents[key]["id"]] = approval["status"]
    wait_for_statuses(apis["director"], outcomes)
    return len(approvals)


def wait_for_statuses(api, expected, timeout=60):
    """Poll until each document has the status expected of it (they change by event)."""
    pending = dict(expected)
    deadline = time.monotonic() + timeout
    while True:
        for document_id, status in list(pending.items()):
            if api.get(f"/documents/{document_id}")["status"] == status:
                del pending[document_id]
        if not pending:
            return
        if time.monotonic() > deadline:
            raise DemoDataError(f"{len(pending)} documents did not reach their status in {timeout} s")
        time.sleep(0.2)


def create_negotiations(apis, counterparties):
    """Negotiation notes moving the clients through the stages, the expected deal with the last;
    returns how many notes were made."""
    stages = {stage["code"]: stage["id"] for stage in apis["sales"].get("/reference-books/negotiation_stage/")["items"]}
    today = date.today()
    made = 0
    for key, author, notes, deal in NEGOTIATIONS:
        for number, (code, text) in enumerate(notes, start=1):
            note = {"stage_id": stages[code], "text": text}
            if deal and number == len(notes):
                amount, currency, days = deal
                note.update(expected_amount=amount, currency=currency,
                            expected_close_on=(today + timedelta(days=days)).isoformat())
            apis[author].post(f"/counterparties/{counterparties[key]['id']}/negotiation-notes", json=note)
            made += 1
    return made


def load_demo_data(profile, system, password=None):
    """Load the demo data unless it is there already; returns a one-line summary. The demo
    employees' password is made up unless given (scripts/screenshots signs in with its own)."""
    staff_url = system.database_urls["staff"]
    if already_loaded(staff_url):
        return "demo data already loaded"
    password = password or secrets.token_urlsafe(9)
    legal_entities = create_organisation(staff_url, password)
    try:
        apis = {key: Api(profile.gateway_url, employee[1], password) for key, employee in EMPLOYEES.items()}
        counterparties = create_counterparties(apis)
        documents = create_documents(apis, counterparties, legal_entities)
        approvals = run_approvals(apis, documents)
        notes = create_negotiations(apis, counterparties)
    except (DemoDataError, requests.RequestException) as exc:
        # the employees exist, so a later start will not try again
        return f"demo data only partly loaded (demo employees' password: {password}): {exc}"
    with_files = sum(1 for document in DOCUMENTS if document[8])
    return (f"demo data: {len(EMPLOYEES)} employees (sign in as {MARKER_EMAIL} or any demo.*@chancery.local, "
            f"password: {password}), {len(counterparties)} counterparties, {len(documents)} documents "
            f"({with_files} with PDF copies), {approvals} approvals, "
            f"{sum(map(len, CONTACT_PERSONS.values()))} contact persons, {len(ACTIVITIES)} planned activities, "
            f"{notes} negotiation notes")
