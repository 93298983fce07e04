"""What ``import solpt_rehab`` costs, against its peers, in one run.

Each contender is imported in a fresh interpreter, which times the import itself (so that
interpreter start-up is left out), and also the first use of a name that is imported on demand.
The runs are interleaved, so that a burst of load on a shared machine hits every contender
alike, and the median of each is printed with its ratio to ``import cattrs``.

Bytecode is written and used as an installed package would have it: the first, unmeasured round
fills the caches, even where ``PYTHONDONTWRITEBYTECODE`` is set, which would otherwise charge
the compiler to whichever module lives in a source checkout::

    python benchmarks/import_cost.py [--runs N]

It prints microseconds; nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys

# label: what the fresh interpreter runs
CONTENDERS: dict[str, str] = {
    "import attrs": "import attrs",
    "import cattrs": "import cattrs",
    "import solpt_rehab": "import solpt_rehab",
    "import solpt_rehab, then use loads": "import solpt_rehab; solpt_rehab.loads",
}
BASELINE = "import cattrs"
TIMED = """
import time
start = time.perf_counter_ns()
{code}
print((time.perf_counter_ns() - start) // 1000)
"""


def microseconds(code: str, env: dict[str, str]) -> int:
    """Run ``code`` in a fresh interpreter, timed from within, after start-up.

    Args:
        code: The program to time.
        env: The environment of the child interpreter.

    Returns:
        The microseconds that ``code`` took.
    """
    done = subprocess.run(  # noqa: S603 - our own interpreter and our own code
        [sys.executable, "-c", TIMED.format(code=code)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=31, help="imports per contender (default 31)")
    args = parser.parse_args()
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    for code in CONTENDERS.values():  # fill the bytecode caches; not measured
        microseconds(code, env)
    samples: dict[str, list[int]] = {label: [] for label in CONTENDERS}
    for _ in range(args.runs):
        for label, code in CONTENDERS.items():
            samples[label].append(microseconds(code, env))
    baseline = statistics.median(samples[BASELINE])
    print(f"median of {args.runs} fresh interpreters each, python {sys.version.split()[0]}")
    for label, values in samples.items():
        median = statistics.median(values)
        print(f"  {label:36} {median:8.0f} us   {median / baseline:5.2f}x {BASELINE}")


if __name__ == "__main__":
    main()
