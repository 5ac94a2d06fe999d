"""The backup benchmark's extrapolation to a holding (python -m bench backup)."""
import pytest

from bench.backup import HOLDING_OBJECTS, extrapolate, holding_factors


def manifest_tables():
    return {"counterparties": {"counterparties": 5_000, "contact_persons": 20_000, "activities": 100_000,
                               "history_entries": 50_000, "reference_values": 25},
            "documents": {"documents": 200_000, "document_types": 12},
            "staff": {"employees": 100}}


def test_each_database_grows_by_its_main_tables_the_others_by_the_scale():
    factors = holding_factors({"databases": {s: {"tables": t} for s, t in manifest_tables().items()}}, 0.1)
    assert factors["counterparties"] == pytest.approx(11_050_000 / 175_000)
    assert factors["documents"] == pytest.approx(10)
    assert factors["staff"] == pytest.approx(10)


def test_the_hours_at_holding_scale_weigh_each_database_by_its_rows():
    phase = {"databases_s": 36.0, "objects_s": 40.0, "floor_databases_s": 18.0, "floor_objects_s": 20.0}
    report = {"manifest_tables": manifest_tables(), "parameters": {"object_kb": 256},
              "generated": {"objects": 4000}, "create": phase, "restore": phase}
    holding = extrapolate(report, 0.1)
    rows = {"counterparties": 175_025, "documents": 200_012, "staff": 100}
    weight = (175_025 * 11_050_000 / 175_000 + 200_012 * 10 + 100 * 10) / sum(rows.values())
    assert holding["create"]["databases_h"] == round(36 * weight / 3600, 2)
    assert holding["create"]["objects_h"] == round(40 * HOLDING_OBJECTS / 4000 / 3600, 1)
    assert holding["create"]["floor_total_h"] == round((18 * weight + 20 * HOLDING_OBJECTS / 4000) / 3600, 1)
    assert holding["object_bytes_at_holding"] == HOLDING_OBJECTS * 256 * 1024


def test_the_holding_s_objects_count_what_the_texts_service_derives_beside_each_version():
    """Each of the 5 million file versions may have a searchable PDF and a thumbnail beside it."""
    phase = {"databases_s": 0.0, "objects_s": 36.0, "floor_databases_s": 0.0, "floor_objects_s": 36.0}
    report = {"manifest_tables": manifest_tables(), "parameters": {"object_kb": 256},
              "generated": {"objects": 5000}, "create": phase, "restore": phase}
    holding = extrapolate(report, 0.1)
    assert HOLDING_OBJECTS == 15_000_000
    assert holding["objects_at_holding"] == {"originals": 5_000_000, "derived": 10_000_000}
    assert holding["create"]["objects_h"] == round(36 * 3000 / 3600, 1)  # 15 million / 5,000 copied
