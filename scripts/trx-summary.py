#!/usr/bin/env python3
"""Summarise .trx files: failed tests, then one closing line `N passed, N failed, N skipped`.

Usage: trx-summary.py FILE_OR_GLOB...   (always exits 0; the caller judges the closing line)

Counts come from each file's <ResultSummary><Counters> (TRX schema attributes):
  passed  = passed + passedButRunAborted
  failed  = failed + error + timeout + aborted + disconnected
  skipped = the larger of notExecuted + notRunnable + inconclusive + pending + inProgress
            and total - passed - failed
The vstest TRX logger leaves notExecuted at 0 for skipped tests and records them only as
total - executed, hence the second form. `warning` and `completed` are run-level outcomes,
not test counts, and are ignored. Anything that must not look green counts as one failure:
a missing, unreadable or malformed file, no files at all, and a run whose ResultSummary
outcome is failed/aborted while no test failed (a crashed test host reports exactly that).
Standard library only; any python3 (checked on 3.6 to 3.13).
"""
import glob
import os
import sys
import xml.etree.ElementTree as ET

FAILED_OUTCOMES = {"failed", "error", "timeout", "aborted", "disconnected"}


def local(tag):
    return tag.rsplit("}", 1)[-1]


def child(element, name):
    for c in element:
        if local(c.tag) == name:
            return c
    return None


def first_line(text):
    for line in (text or "").splitlines():
        if line.strip():
            return line.strip()
    return ""


def expand(args):
    paths, problems = [], []
    for arg in args:
        if glob.has_magic(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                problems.append("no file matches " + arg)
            paths.extend(matches)
        elif os.path.isfile(arg):
            paths.append(arg)
        else:
            problems.append("missing file " + arg)
    seen, unique = set(), []
    for p in paths:
        key = os.path.realpath(p)
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique, problems


def summarise(path):
    """Returns (passed, failed, skipped, failure lines) for one TRX file."""
    root = ET.parse(path).getroot()
    summary = next((e for e in root.iter() if local(e.tag) == "ResultSummary"), None)
    counters = child(summary, "Counters") if summary is not None else None
    if counters is None:
        raise ValueError("no ResultSummary/Counters element")

    def n(name):
        return int(counters.get(name) or 0)

    passed = n("passed") + n("passedButRunAborted")
    failed = n("failed") + n("error") + n("timeout") + n("aborted") + n("disconnected")
    skipped = max(n("notExecuted") + n("notRunnable") + n("inconclusive") + n("pending")
                  + n("inProgress"), n("total") - passed - failed, 0)

    lines = []
    for result in root.iter():
        if local(result.tag) != "UnitTestResult":
            continue
        if (result.get("outcome") or "").lower() not in FAILED_OUTCOMES:
            continue
        inner = child(result, "InnerResults")
        if inner is not None and len(inner):
            continue  # its data rows are listed themselves
        message = ""
        output = child(result, "Output")
        info = child(output, "ErrorInfo") if output is not None else None
        if info is not None and child(info, "Message") is not None:
            message = first_line(child(info, "Message").text)
        lines.append("FAILED {}: {}".format(result.get("testName", "?"), message or "(no message)"))

    outcome = (summary.get("outcome") or "").lower()
    if failed == 0 and outcome in FAILED_OUTCOMES:
        errors = [first_line(child(info, "Text").text if child(info, "Text") is not None else "")
                  for info in summary.iter() if local(info.tag) == "RunInfo"
                  and (info.get("outcome") or "").lower() == "error"]
        detail = "; ".join(e for e in errors if e) or "no details"
        lines.append("FAILED (test run {}, no failed test recorded): {}".format(outcome, detail))
        failed += 1
    return passed, failed, skipped, lines


def main(args):
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")
    paths, problems = expand(args)
    if not args:
        problems.append("no TRX files given")
    total_passed = total_failed = total_skipped = 0
    for problem in problems:
        print("ERROR " + problem)
        total_failed += 1
    for path in paths:
        try:
            passed, failed, skipped, lines = summarise(path)
        except (OSError, ET.ParseError, ValueError) as e:
            print("ERROR {}: {}".format(path, e))
            total_failed += 1
            continue
        for line in lines:
            print(line)
        print("{}: passed={} failed={} skipped={}".format(path, passed, failed, skipped))
        total_passed += passed
        total_failed += failed
        total_skipped += skipped
    print("{} passed, {} failed, {} skipped".format(total_passed, total_failed, total_skipped))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
