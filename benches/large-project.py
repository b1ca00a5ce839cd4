#!/usr/bin/env python3
"""Writes a large synthetic flowc project, to time the rules on.

    python3 benches/large-project.py target/bench-wide wide
    python3 benches/large-project.py target/bench-deep deep
    cargo build --release
    time target/release/flowc check target/bench-wide --today 2026-11-28

`wide`: 200 processes of 50 steps each (every fifth a review step with two
escalations and a decision on the amount) over a reporting line 2000 roles
deep, with `missing-escalation` on and two `[[required-participant]]`
requirements. `deep`: one process of 20000 steps and 20000 decisions on
20000 different amounts, compliant with a `money-above` requirement (so
every amount has to be tried). Rules should stay linear in the size of
either; compare against the same run with the rules turned off in its
flowc.toml.
"""

import os
import sys


def wide(root):
    with open(os.path.join(root, "flowc.toml"), "w") as f:
        f.write(
            '[rules]\nmissing-escalation = "warning"\n'
            '[[required-participant]]\nmoney-above = "1000 CNY"\nparticipant = "finance"\nreason = "r"\n'
            '[[required-participant]]\ncategory = "approval"\nparticipant = "legal"\nreason = "r"\n'
        )
    depth = 2000
    org = ['department finance "f"', 'department legal "l"', 'role r0 "r" in finance']
    org += [f'role r{i} "r" in finance reports to r{i - 1}' for i in range(1, depth)]
    with open(os.path.join(root, "org.flow"), "w") as f:
        f.write("\n".join(org) + "\n")
    steps = 50
    for p in range(200):
        lines = [f'process p{p} "p" {{', "  category approval", "  owner finance",
                 "  sla 100 business days", "  review every 12 months, last 2026-06-01",
                 "  input amount: money CNY", "  start s0"]
        for i in range(steps):
            following = f"s{i + 1}" if i + 1 < steps else "done"
            owner = f"r{depth - 1 - i}"
            if i % 5 == 4:
                lines += [f'  step s{i} "s" {{', f"    owner {owner}", "    within 2 business days",
                          "    remind after 1 business day",
                          f"    escalate after 3 business days to r{depth - 2 - i}",
                          f"    escalate after 5 business days to r{depth - 10 - i}",
                          f"    on reject -> s{i - 3}", f"    next d{i}", "  }",
                          f'  decide d{i} "d" {{', f"    when amount > {i * 1000} CNY -> {following}",
                          f"    otherwise -> {following}", "  }"]
            else:
                lines += [f'  step s{i} "s" {{', f"    owner {owner}", "    within 2 business days",
                          f"    escalate after 3 business days to r{depth - 2 - i}",
                          f"    next {following}", "  }"]
        lines += ["  end done", "  kpi k p90 under 5 business days", "}"]
        with open(os.path.join(root, f"p{p}.flow"), "w") as f:
            f.write("\n".join(lines) + "\n")


def deep(root):
    with open(os.path.join(root, "flowc.toml"), "w") as f:
        f.write('[[required-participant]]\nmoney-above = "1000 CNY"\nparticipant = "legal"\nreason = "r"\n')
    org = ['department finance "f"', 'department legal "l"', 'role boss "b" in finance',
           'role a "a" in finance reports to boss', 'role b "b" in finance reports to boss',
           'role lawyer "l" in legal reports to boss']
    with open(os.path.join(root, "org.flow"), "w") as f:
        f.write("\n".join(org) + "\n")
    steps = 20000
    lines = ['process big "p" {', "  category approval", "  owner finance", "  sla 100 business days",
             "  review every 12 months, last 2026-06-01", "  input amount: money CNY", "  start s0"]
    for i in range(steps):
        owner = "lawyer" if i == steps - 1 else ("a" if i % 2 else "b")
        following = f"s{i + 1}" if i + 1 < steps else "done"
        lines += [f"  step s{i} {{", f"    owner {owner}", "    within 1 hour",
                  "    escalate after 2 hours to boss"]
        lines += [f"    on reject -> s{i - 1}"] if i else []
        lines += [f"    next d{i}", "  }", f"  decide d{i} {{",
                  f"    when amount > {i} CNY -> {following}", f"    otherwise -> {following}", "  }"]
    lines += ["  end done", "  kpi k p90 under 5 business days", "}"]
    with open(os.path.join(root, "big.flow"), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[2] not in ("wide", "deep"):
        sys.exit(__doc__)
    os.makedirs(sys.argv[1], exist_ok=True)
    {"wide": wide, "deep": deep}[sys.argv[2]](sys.argv[1])
