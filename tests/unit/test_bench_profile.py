"""bench/profile.py: reading py-spy's folded stacks of a profiled workload run."""
from bench import profile


def write(path, lines):
    path.write_text("".join(f"{stack} {count}\n" for stack, count in lines))
    return path


def test_self_and_inclusive_shares_count_a_function_once_per_sample(tmp_path):
    folded = write(tmp_path / "32-view-documents-11.txt", [
        ("main (a.py:1);part (b.py:10);execute (c.py:5)", 6),
        ("main (a.py:1);part (b.py:12);part (b.py:20);dump (d.py:3)", 3),
        ("main (a.py:2);reply (e.py:7)", 1),
    ])
    found = profile.summarise(profile.read_folded(folded), top=10)
    assert found["samples"] == 10
    assert dict(found["self"]) == {"execute (c.py)": 0.6, "dump (d.py)": 0.3, "reply (e.py)": 0.1}
    inclusive = dict(found["inclusive"])
    assert inclusive["main (a.py)"] == 1.0 and inclusive["part (b.py)"] == 0.9  # the recursion counted once


def test_under_keeps_the_samples_of_one_entrypoint(tmp_path):
    folded = write(tmp_path / "32-view-documents-11.txt", [
        ("main (a.py:1);overview_part (s.py:4);execute (c.py:5)", 4),
        ("main (a.py:1);ping (s.py:9)", 6),
        ("not a folded line", 0),
    ])
    found = profile.summarise(profile.read_folded(folded, under="overview_part"), top=10)
    assert found["samples"] == 4 and dict(found["self"]) == {"execute (c.py)": 1.0}


def test_the_processes_of_a_group_are_read_together_and_other_files_left(tmp_path):
    for name in ("32-view-gateway-1.txt", "32-view-gateway-2.txt", "8-mixed-documents-3.txt", "notes.txt"):
        (tmp_path / name).write_text("main (a.py:1) 1\n")
    groups = profile.group_files(tmp_path)
    assert {key: len(paths) for key, paths in groups.items()} == {
        ("32-view", "gateway"): 2, ("8-mixed", "documents"): 1}


def test_the_command_prints_each_group(tmp_path, capsys):
    write(tmp_path / "32-view-gateway-1.txt", [("main (a.py:1);handle (g.py:2)", 5)])
    assert profile.main([str(tmp_path), "--top", "3"]) == 0
    printed = capsys.readouterr().out
    assert "32-view gateway: 5 samples (1 processes)" in printed and "100.0 %  handle (g.py)" in printed
