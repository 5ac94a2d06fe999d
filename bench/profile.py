"""``python -m bench profile DIR [--top N] [--under TEXT]``: where the samples of a profiled
workload run went (``python -m bench workload --profile DIR``).

DIR holds one file of py-spy's folded stacks per process, ``<level>-<kind>-<group>-<pid>.txt``
(each line: the frames from the outermost, ``;``-separated, then the count of samples). For
each level, kind and group (every process of the group together) this prints the samples in
all, then the functions taking the most of them: *self*, where the samples were taken, and
*inclusive*, the functions they were taken under (a function counted once per sample however
often it recurs). ``--under TEXT`` keeps only the samples with a frame containing TEXT (for
example ``overview_part``), so a part of one entrypoint can be looked at on its own.
"""
import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

NAME = re.compile(r"^(?P<label>\d+-[a-z]+)-(?P<group>[a-z_]+)-(?P<pid>\d+)\.txt$")
LINE = re.compile(r"^(?P<stack>.*) (?P<count>\d+)$")


def function_of(frame):
    """``qualname (file.py:LINE)`` as py-spy writes a frame, without the line: the function."""
    return re.sub(r":\d+\)$", ")", frame.strip())


def read_folded(path, under=None):
    """[(frames, samples)] of one folded file; with ``under``, only stacks with a frame containing it."""
    stacks = []
    for line in Path(path).read_text(errors="replace").splitlines():
        found = LINE.match(line)
        if not found:
            continue
        frames = [function_of(frame) for frame in found["stack"].split(";") if frame]
        if under and not any(under in frame for frame in frames):
            continue
        stacks.append((frames, int(found["count"])))
    return stacks


def summarise(stacks, top):
    """{samples, self: [(function, share)], inclusive: [(function, share)]} of folded stacks."""
    total = sum(count for _, count in stacks)
    own, under = Counter(), Counter()
    for frames, count in stacks:
        if frames:
            own[frames[-1]] += count
        for function in set(frames):
            under[function] += count
    def share(counter):
        return [(name, n / total) for name, n in counter.most_common(top)] if total else []

    return {"samples": total, "self": share(own), "inclusive": share(under)}


def group_files(directory):
    """{(label, group): [paths]} of a profile folder."""
    groups = defaultdict(list)
    for path in sorted(Path(directory).iterdir()):
        found = NAME.match(path.name)
        if found:
            groups[(found["label"], found["group"])].append(path)
    return groups


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench profile", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("directory", help="the folder given to python -m bench workload --profile")
    parser.add_argument("--top", type=int, default=15, help="functions shown per group and view")
    parser.add_argument("--under", help="only the samples with a frame containing this text")
    args = parser.parse_args(argv)
    if not Path(args.directory).is_dir():
        parser.error(f"{args.directory} is not a folder")
    groups = group_files(args.directory)
    if not groups:
        parser.error(f"{args.directory} holds no <level>-<kind>-<group>-<pid>.txt files of py-spy")
    for (label, group), paths in sorted(groups.items()):
        stacks = [stack for path in paths for stack in read_folded(path, args.under)]
        found = summarise(stacks, args.top)
        print(f"\n{label} {group}: {found['samples']} samples ({len(paths)} processes)")
        for view in ("self", "inclusive"):
            print(f"  {view}:")
            for name, share in found[view]:
                print(f"    {share * 100:5.1f} %  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
