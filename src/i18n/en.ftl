# flowc's messages in en. One file per language, the same ids and
# variables in each (held by the test i18n::catalogue). Sections by
# output; keep each message in its section.


## ============================================================
## common: Words used across outputs (lists, severities, the summary line of a check).
## ============================================================

list-separator = { ", " }
severity-error = error
severity-warning = warning
check-summary = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    } in { $files ->
        [one] 1 file
       *[other] { $files } files
    }
diagnostic-with-help = { $message }
    help: { $help }
annotation-with-help = { $message } [{ $code }]
    help: { $help }
diagnostic-related-not-drawn = { $count } more related places are not drawn here; `--format json` lists every one
quoted-name = `{ $name }`
money = { $amount } { $currency }
duration = { $amount } { $unit ->
        [minute] { $amount ->
            [one] minute
           *[other] minutes
        }
        [hour] { $amount ->
            [one] hour
           *[other] hours
        }
        [day] { $amount ->
            [one] day
           *[other] days
        }
        [business-day] { $amount ->
            [one] business day
           *[other] business days
        }
        [week] { $amount ->
            [one] week
           *[other] weeks
        }
        [month] { $amount ->
            [one] month
           *[other] months
        }
       *[year] { $amount ->
            [one] year
           *[other] years
        }
    }
date = { $iso }
unannounced-year = warning: the holiday preset "{ $preset }" has no notice for { $year }{ $coverage ->
        [none] {""}
       *[known] {" "}(it covers up to { $covered })
    }, so { $year } was counted with the working week only; add that year's holidays to [calendar] holidays in flowc.toml, or update flowc once the notice is out
diagnostic-help-prefix = {"help: "}
diagnostic-related-prefix = {"Advice: "}

## end of common


## ============================================================
## diagnostics-a: Diagnostics of the rules approval-by-applicant .. invalid-suppression (src/check/rules, a-i), and the checker's shared fragments.
## ============================================================

outside-project-unseen-names = { $path } is checked outside any project (no flowc.toml in its folder or above it), so it cannot see the roles and departments it names: { $names } ({ $places ->
        [one] 1 place
       *[other] { $places } places
    })
outside-project-unseen-names-label = declared in a file this run does not see
outside-project-unseen-names-help = check it together with the file that declares them (`flowc check FOLDER` on the folder holding both), or make that folder a project: put a flowc.toml in it (`flowc init FOLDER` writes one, with an example org.flow, when the folder is new)

# Shared fragments of the checker's messages.
list-and = { $init } and { $last }
list-or = { $init } or { $last }
either-or = { $first } or { $second }
reasons-and = { $first }, and { $second }
cases-then = { $first }; { $second }
kind-noun = { $kind ->
        [department] department
        [role] role
        [process] process
        [input] input
        [kpi] KPI
        [decision] decision
        [parallel-block] parallel block
        [call] call
        [end] end
       *[step] step
    }
kind-noun-with-article = { $kind ->
        [department] a department
        [role] a role
        [process] a process
        [input] an input
        [kpi] a KPI
        [decision] a decision
        [parallel-block] a parallel block
        [call] a call
        [end] an end
       *[step] a step
    }
when-applicant = when the applicant is { $roles }
in-every-case = in every case
step-part = { $part ->
        [owner] the owner
        [escalation] the escalation target
        [notified] the one notified
       *[consulted] the one consulted
    } of step `{ $step }`
reports-to-no-one = `{ $role }` reports to no one
duration-in-business-days = { $duration } ({ $days })
the-deadline = the deadline
did-you-mean = did you mean `{ $name }`?
the-called-process = the called process
decision-value = { $name } = { $value }
decision-values = { $values }
too-intricate-label = not analysed
loop-entered-here = the loop is entered here
type-noun = { $kind ->
        [money] money in { $currency }
        [number] a number
        [text] text
        [yes-no] yes/no
        [date] a date
       *[choice] one of { $values }
    }
value-noun = { $kind ->
        [money] the amount
        [number] the number
        [date] the date
        [text] the text
       *[name] the name
    } `{ $value }`
type-example = { $kind ->
        [money] an amount in { $currency }, e.g. `5000 { $currency }`
        [number] a bare number, e.g. `10`
        [text] text in quotes, e.g. `"ACME Ltd."`
        [yes-no] `yes` or `no`
        [date] the date as `{ $date }`
        [any-date] a date as YYYY-MM-DD, e.g. `2026-07-01`
       *[choice] one of its values: { $values }
    }

# applicant-without-manager
applicant-without-manager-message = an applicant who is `{ $role }` cannot go through process `{ $process }`: `{ $party }`, { $part }, names nobody for them, since { $chain }{ $more ->
        [0] {""}
        [one] {" "}(and 1 more place)
       *[other] {" "}(and { $more } more places)
    }
applicant-without-manager-line-ends = its reporting line ({ $line }) ends at `{ $top }`, who reports to no one
applicant-without-manager-label = `{ $role }` has no `{ $party }`
applicant-without-manager-help = leave `{ $role }` out of the `applicant` line, give the step a fixed owner, or declare whom `{ $top }` reports to
applicant-without-manager-related = names nobody when the applicant is `{ $role }`

# approval-by-applicant
approval-by-applicant-message = step `{ $step }` approves the applicant's request, but its owner `{ $party }` may be the applicant { $when }: nobody may approve their own request
approval-by-applicant-label = may be the applicant { $when }
approval-by-applicant-help = give the approval to someone relative to the applicant, usually `owner manager of applicant`

# call-inputs
call-inputs-no-process = call `{ $call }` names no process: it has no `process` line
call-inputs-no-process-label = runs nothing
call-inputs-no-process-help = add `process NAME`, naming the process the call runs
call-inputs-declared-as = `{ $name }` is declared as { $kind }
call-inputs-missing = call `{ $call }` does not give input `{ $name }` of `{ $callee }` ({ $kind })
call-inputs-missing-label = no `with { $name } = ...`
call-inputs-missing-help = add `with { $name } = VALUE`, a value or an input or recorded value of `{ $process }`
call-inputs-the-input = the input
call-inputs-unknown = process `{ $callee }` has no input `{ $name }`
call-inputs-unknown-label = not an input of the called process
call-inputs-takes-no-inputs = `{ $callee }` takes no inputs
call-inputs-give-one-of = give one of its inputs: { $inputs }
call-inputs-wrong-type = input `{ $name }` of `{ $callee }` is { $kind }, but is given { $given }
call-inputs-wrong-type-label = not { $kind }
call-inputs-value-which-is = `{ $value }`, which is { $kind }
call-inputs-give-example = give { $example }, or an input or recorded value of `{ $process }` of that type
call-inputs-give-example-meant = give { $example }, or an input or recorded value of `{ $process }` of that type (did you mean `{ $meant }`?)
call-inputs-give-type = give a value of { $kind } (flowc does not convert between types)

# call-outcomes
call-outcomes-unknown = process `{ $callee }` has no end `{ $end }`
call-outcomes-unknown-label = not an end of the called process
call-outcomes-route-one-of = route one of its ends: { $ends }
call-outcomes-not-routed = call `{ $call }` has no way on when `{ $callee }` ends at `{ $end }`
call-outcomes-not-routed-label = no `on { $end }` and no `next`
call-outcomes-not-routed-help = add `on { $end } -> TARGET`, or `next TARGET` for every end not routed
call-outcomes-the-end = the end

# dead-end
dead-end-no-branches = decision `{ $node }` has no branches, so process `{ $process }` cannot finish from it
dead-end-no-branches-label = no `when` or `otherwise`
dead-end-no-branches-help = add `when CONDITION -> TARGET` lines and an `otherwise -> TARGET`
dead-end-no-next = { $kind } `{ $node }` has no `next`, so process `{ $process }` cannot finish after it
dead-end-block-no-next-label = no `next` line
dead-end-block-no-next-help = add `next TARGET` to the block: where work goes once every branch is done
dead-end-no-next-label = leads nowhere
dead-end-add-next-help = add `next TARGET` to `{ $node }`, leading towards an end
dead-end-self-loop = { $kind } `{ $node }` leads only back to itself, so process `{ $process }` cannot finish from it
dead-end-self-loop-label = loops on itself
dead-end-loop = { $nodes } form a loop in process `{ $process }` with no way out to an `end`
dead-end-loop-help = give one of them a `next`, outcome or decision branch that leaves the loop towards an end
dead-end-loop-related = part of the loop

# decision-gap, decision-overlap
decision-gap-message = { $values } matches no branch of `{ $name }`
decision-gap-label = no `when` holds, and there is no `otherwise`
decision-gap-help = add `otherwise -> TARGET`, or change the `when`s to cover { $values }
decision-too-intricate = decision `{ $node }` is too intricate for flowc to check { $question ->
        [cover] that its branches cover every case
       *[overlap] that at most one branch holds
    } (more than { $work } steps of analysis)
decision-too-intricate-help = split it into several decisions, each comparing fewer inputs, so that people and flowc can follow it
decision-overlap-message = { $values } matches two branches of `{ $name }` (lines { $first } and { $second })
decision-overlap-label = holds for { $values }
decision-overlap-help = make the conditions exclude each other: decide which of the two branches takes { $values }, and narrow the other's condition
decision-overlap-related = holds for { $values } too

# duplicate-name
duplicate-name-same-kind = { $kind } `{ $name }` is defined twice{ $place ->
        [project] {""}
       *[process] {" "}in process `{ $process }`
    }
duplicate-name-other-kind = `{ $name }` is defined twice{ $place ->
        [project] {""}
       *[process] {" "}in process `{ $process }`
    }: as { $first } and as { $second }
duplicate-name-label = { $kind } `{ $name }` defined again here
duplicate-name-help = rename or remove one of the two: { $scope ->
        [global] departments, roles and processes share one namespace across all files of the project
        [input] the inputs of a process need distinct names
        [kpi] the KPIs of a process need distinct names
       *[node] the steps, decisions, parallel blocks and ends of a process need distinct names
    }
duplicate-name-related = { $kind } `{ $name }` first defined here

# endless-loop
endless-loop-message = process `{ $process }` never ends for { $count ->
        [0] every value of its inputs
       *[other] { $values }
    }: the loop through { $nodes } has no way out for these values
endless-loop-help = give the loop a way out that { $count ->
        [0] every value of its inputs
       *[other] { $values }
    } takes: a `when` or `otherwise` leading out of it, or an outcome a person can choose (`on cancel -> END`)
endless-loop-related = leaves the loop only by { $exits }
endless-loop-too-intricate = the loop through { $nodes } is too intricate for flowc to check that every input value can leave it (more than { $work } steps of analysis)
endless-loop-too-intricate-help = split its decisions into several, each comparing fewer inputs, so that people and flowc can follow it

# escalation-before-deadline
escalation-before-deadline-message = step `{ $step }` escalates to `{ $to }` after { $after }, before its deadline of { $deadline }
escalation-before-deadline-label = before the step is due
escalation-before-deadline-help = escalate at or after `within { $within }`; to nudge the owner before the deadline, use `remind after`

# escalation-not-upward
escalation-not-upward-message = step `{ $step }` escalates to `{ $target }`, who is not above its owner `{ $owner }` in the reporting lines ({ $line })
escalation-not-upward-label = not above `{ $owner }`
escalation-not-upward-help-superior = escalate to a role on `{ $owner }`'s reporting line, usually `{ $superior }`; or correct the `reports to` lines
escalation-not-upward-help-no-line = declare whom `{ $owner }` reports to (`reports to ROLE`), or remove the escalation
escalation-not-upward-case = { $when }, `{ $target }` is not above `{ $owner }` ({ $line })
escalation-not-upward-cases = step `{ $step }` escalates to `{ $target }`, who is not above its owner `{ $owner }` in the reporting lines: { $cases }
escalation-not-upward-cases-help = escalate to someone above the owner, usually `manager of { $owner }`; or correct the `reports to` lines

# escalation-order
escalation-order-message = the escalations of step `{ $step }` do not climb: `escalate after { $after } to { $to }` follows `escalate after { $before_after } to { $before_to }`, but { $reasons }
escalation-order-not-later = it is not later ({ $after } is not after { $before })
escalation-order-same-role = it goes to the same role, `{ $role }`
escalation-order-not-above = `{ $high }` is not above `{ $low }` ({ $line })
escalation-order-in-case = { $when }, { $reason }
escalation-order-label = not later and higher than the line before
escalation-order-help = write each escalation later than the one before, to a role above the one before (usually its superior)
escalation-order-related = the escalation before

# escalation-to-self
escalation-to-self-message = step `{ $step }` escalates to `{ $owner }`, its own owner
escalation-to-self-label = the step's owner
escalation-to-self-help-superior = escalate to `{ $owner }`'s superior, `{ $superior }`
escalation-to-self-help-no-line = `{ $owner }` reports to no one: remove the escalation, or declare whom `{ $owner }` reports to
escalation-to-self-cases = step `{ $step }` escalates to `{ $to }`, who is its own owner `{ $party }`{ $relative ->
        [yes] : { $cases }
       *[no] {" "}{ $cases }
    }
escalation-to-self-owner-when = `{ $owner }` { $when }
escalation-to-self-help-owner-superior = escalate to the owner's superior, `{ $superior }`

# invalid-parallel
invalid-parallel-too-few = parallel block `{ $name }` has { $count ->
        [one] 1 branch
       *[other] { $count } branches
    }; it needs two or more
invalid-parallel-too-few-label = too few `branch` lines
invalid-parallel-too-few-help = add `branch STEP` lines for every step done at once, or replace the block with a plain `next`
invalid-parallel-not-a-step = `{ $branch }` in parallel block `{ $name }` is { $kind }, not a step
invalid-parallel-not-a-step-help = a branch must name a step; lead to decisions and ends from the block's `next`
invalid-parallel-listed-twice = step `{ $branch }` is listed twice in parallel block `{ $name }`
invalid-parallel-listed-twice-label = listed again
invalid-parallel-listed-twice-help = delete one of the two `branch` lines
invalid-parallel-first-listed = first listed here
invalid-parallel-branch-has-next = step `{ $branch }` is a branch of parallel block `{ $name }` but has its own `next`
invalid-parallel-branch-has-next-label = a branch has no `next`
invalid-parallel-branch-has-next-help = delete this line: block `{ $name }` continues with its own `next` once every branch is done
invalid-parallel-two-blocks = step `{ $branch }` is a branch of both parallel block `{ $first }` and `{ $name }`
invalid-parallel-two-blocks-label = already a branch elsewhere
invalid-parallel-two-blocks-help = a step belongs to one block: add a separate step for `{ $name }`
invalid-parallel-two-blocks-related = a branch of `{ $first }` here
invalid-parallel-bypass = { $kind } `{ $from }` leads straight into step `{ $step }`, a branch of parallel block `{ $block }`
invalid-parallel-bypass-label = bypasses the block
invalid-parallel-bypass-help = lead to the block instead (`{ $block }`): its branches start together and it continues when all are done

# invalid-signing
invalid-signing-quorum-zero = the owner line `owner { $owners }` of step `{ $step }` asks for no approval at all
invalid-signing-quorum-zero-help = ask for at least 1 approval
invalid-signing-quorum-too-large = the owner line `owner { $owners }` of step `{ $step }` asks for { $required } approvals from { $count } parties, so it can never be approved
invalid-signing-quorum-too-large-help = ask for at most { $count } approvals, or list more parties
invalid-signing-quorum-label = impossible quorum
invalid-signing-one-party = step `{ $step }` is owned by `{ $form }` one party, `{ $party }`: there is no one else to sign
invalid-signing-one-party-label = one party
invalid-signing-one-party-help = write `owner { $party }`, or list the other parties
invalid-signing-listed-twice = the owner line `owner { $owners }` of step `{ $step }` lists `{ $party }` twice
invalid-signing-listed-twice-label = listed twice
invalid-signing-listed-twice-help = list `{ $party }` once
invalid-signing-listed-first = listed first here

# invalid-suppression, unused-suppression (src/check/suppression.rs)
suppression-usage = write `# flowc: allow(rule-name) reason`, e.g. `# flowc: allow(missing-deadline) the board sets this deadline each year`
suppression-not-allow = `# flowc:` comment says `{ $word }`; the only directive is `allow(...)`
suppression-not-allow-label = not `allow(...)`
suppression-no-parenthesis = `# flowc: allow` is not followed by `(`: the rules to allow go in parentheses
suppression-no-parenthesis-label = no `(`
suppression-unclosed = `# flowc: allow(` has no closing `)`
suppression-unclosed-label = unclosed `(`
suppression-no-reason = the suppression of { $rules } gives no reason
suppression-no-reason-label = no reason
suppression-no-reason-help = say after `)` why the finding does not apply here, e.g. `# flowc: allow(missing-deadline) the board sets this deadline each year`
suppression-no-rule = `# flowc: allow()` names no rule
suppression-no-rule-label = empty list
suppression-no-rule-help = name the rules to allow, e.g. `# flowc: allow(missing-deadline) reason`; `flowc rules` lists them
suppression-unknown-rule = `# flowc: allow({ $name })` names no rule: there is no rule `{ $name }`
suppression-unknown-rule-label = unknown rule
suppression-unknown-rule-help-meant = did you mean `{ $suggestion }`? `flowc rules` lists every rule
suppression-unknown-rule-help = name a rule that exists; `flowc rules` lists every rule
suppression-not-suppressible = `{ $rule }` cannot be allowed by a comment
suppression-not-suppressible-label = not suppressible
suppression-not-suppressible-help = fix the comment it reports, or turn the rule off in flowc.toml: `[rules]` `{ $rule } = "off"`
suppression-unused = `# flowc: allow({ $name })` suppresses nothing: no `{ $name }` finding starts on line { $line }
suppression-unused-label = suppresses nothing
suppression-unused-help-comment = delete the comment: the finding it was written for is gone (or it is on another line: move the comment to the line before the finding)
suppression-unused-help-name = delete `{ $name }` from the list: no `{ $name }` finding is left to allow on that line

## end of diagnostics-a


## ============================================================
## diagnostics-b: Diagnostics of the rules manager-of-nobody .. unused-suppression (src/check/rules, m-z), syntax errors and model errors.
## ============================================================

manager-of-nobody-message = `{ $party }`, { $part }, names nobody: the reporting line { $line } ends at `{ $top }`, who reports to no one
manager-of-nobody-label = `{ $top }` reports to no one
manager-of-nobody-help = name the role meant, use fewer `manager of`, or declare whom `{ $top }` reports to
minimum-exceeds-deadline-message = step `{ $step }` must take at least { $minimum }, but is due within { $deadline }
minimum-exceeds-deadline-label = longer than the deadline
minimum-exceeds-deadline-help = give the step a deadline of at least `{ $minimum }` (`within { $minimum }`), or shorten `at least` if the policy allows
missing-deadline-message = step `{ $step }` of process `{ $process }` has no deadline
missing-deadline-label = no `within` line
missing-deadline-help = add `within DURATION`, e.g. `within 2 business days`
missing-end-message = process `{ $process }` has no `end`
missing-end-label = no `end` line
missing-end-help = add `end NAME "label"` and lead the last step to it with `next NAME`
missing-escalation-message = step `{ $step }` has no escalation, though its owner `{ $owner }` reports to `{ $superior }`
missing-escalation-label = no `escalate after` line
missing-escalation-help = add `escalate after DURATION to { $superior }`, with DURATION longer than `within { $deadline }`
missing-escalation-help-no-deadline = add `escalate after DURATION to { $superior }`, with DURATION longer than the step's deadline
missing-kpi-message = process `{ $process }` has no `kpi`: nothing says how well it runs
missing-kpi-label = no `kpi` line
missing-kpi-help = add a key indicator, e.g. `kpi cycle_time "周期" p90 under 10 business days`
missing-process-owner-message = process `{ $process }` has no owner
missing-process-owner-label = no `owner` line
missing-process-owner-help = add `owner DEPARTMENT` inside the process, naming the department that maintains it (歸口部門), or a role
missing-review-message = process `{ $process }` has no review cycle
missing-review-label = no `review every` line
missing-review-help = add `review every DURATION, last DATE`, e.g. `review every 12 months, last 2026-03-01`
missing-review-last-message = the review cycle of process `{ $process }` gives no date of the last review, so nobody can tell when the next one is due
missing-review-last-label = no `last DATE`
missing-review-last-help = add the date of the last review (for a new process, the date it was approved): `review every { $every }, last YYYY-MM-DD`
missing-sla-message = process `{ $process }` has no `sla`: nobody can tell how long it may take
missing-sla-label = no `sla` line
missing-sla-help = add `sla DURATION` to the process; its longest path takes { $longest }, so the SLA should be at least that
missing-sla-help-example = add `sla DURATION` to the process, e.g. `sla 15 business days`
missing-start-message = process `{ $process }` has no `start`
missing-start-label = no `start` line
missing-start-help = add `start STEP` naming the step the process begins with
syntax-error-label = here
setting-holder = { $kind ->
        [process] process
        [step] step
        [decision] decision
        [call] call
       *[parallel-block] parallel block
    } `{ $name }`
read-before-record-message = { $kind } `{ $node }` reads `{ $name }`, which may not have been recorded yet: on the way { $way } nothing records it (step `{ $step }` records it when done)
read-before-record-timed-out = { $name } (timed out)
read-before-record-label = `{ $name }` may not be recorded yet
read-before-record-help = record `{ $name }` on every way to `{ $node }`, or read it only after step `{ $step }`
read-before-record-related = recorded here
recursive-call-message = process `{ $process }` calls itself: { $loop }
recursive-call-label = starts the loop of calls
recursive-call-help = send the work back to an earlier step instead of starting the process again, or take the call out of the loop
recursive-call-related = `{ $process }` calls on here
redundant-approval-message = steps `{ $first }` and `{ $second }` are consecutive reviews by the same owner `{ $owner }`: the second approval adds nothing
redundant-approval-message-cases = steps `{ $first }` and `{ $second }` are consecutive reviews by the same owner { $cases }: the second approval adds nothing
redundant-approval-case = { $when } (`{ $first }` and `{ $second }` are both { $owners })
redundant-approval-label = `{ $owner }` reviews again
redundant-approval-label-cases = the same owner reviews again
redundant-approval-help = merge the two reviews into one step, or give the second one to the next level up
redundant-approval-related = the first review by `{ $owner }`
redundant-approval-related-cases = the first review by the same owner
reminder-after-deadline-message = step `{ $step }` reminds its owner after { $reminder }, not before its deadline of { $deadline }
reminder-after-deadline-label = at or after the deadline
reminder-after-deadline-help = remind before `within { $deadline }`; to act once the step is late, use `escalate after ... to ROLE`
repeated-setting-message = { $holder } sets `{ $setting }` twice
repeated-setting-label = second `{ $setting }`
repeated-setting-help = keep one `{ $setting }` line and delete the other
repeated-setting-related = first `{ $setting }` here
timeout-before-deadline-message = step `{ $step }` times out after { $timeout }, before its deadline of { $deadline }
timeout-before-deadline-label = before the step is due
timeout-before-deadline-help = time out at or after the deadline (`on timeout after { $deadline } -> ...`), or shorten the deadline to the time the owner really has
chain-link = { $first } -> { $second }
chain-name = { $name }
path-link = { $first } → { $second }
reporting-cycle-message = role `{ $role }` reports to itself: { $circle }
reporting-cycle-label = closes a circle of reporting lines
reporting-cycle-help = correct the `reports to` line that points back down, so that the top of the line reports to no one
reporting-cycle-related = `{ $role }` reports on
required-participant-message = process `{ $process }` can finish without `{ $participant }`: { $case } { $path } has no step owned by `{ $participant }`{ $department ->
        [yes] { " or a role in it" }
       *[no] { "" }
    }. Required because: { $reason }
required-participant-case = the path
required-participant-case-amount = with { $input } = { $amount } { $currency }, the path
required-participant-label = can finish without `{ $participant }`
required-participant-help = add a step owned by `{ $participant }` on every path; the requirement is [[required-participant]] number { $number } in flowc.toml
required-participant-help-amount = add a step owned by `{ $participant }` on every path taken for amounts above { $amount } { $currency }; the requirement is [[required-participant]] number { $number } in flowc.toml
reserved-input-name-outcome = { $kind ->
        [input] input
       *[record] recorded value
    } `{ $name }` is the process variable each task sets to say how it was finished: the engine overwrites it at every step (both dialects)
reserved-input-name-reserved = { $kind ->
        [input] input
       *[record] recorded value
    } `{ $name }` is a reserved word of { $languages ->
        [feel] FEEL (Zeebe dialect)
        [python] Python (SpiffWorkflow dialect)
       *[both] FEEL (Zeebe dialect) and of Python (SpiffWorkflow dialect)
    }: a condition on it cannot be evaluated as written
reserved-input-name-label = a reserved name
reserved-input-name-help = rename the { $kind ->
        [input] input
       *[record] recorded value
    }, e.g. `{ $name }_value`, and its conditions
review-overdue-message = the review of process `{ $process }` is overdue: last reviewed on { $last }, every { $every }, so due on { $due }, { $late } { $late ->
        [one] day
       *[other] days
    } before today ({ $today })
review-overdue-label = due on { $due }
review-overdue-help = review the process, then write the date of the review: `review every { $every }, last { $today }`
self-approval-message = step `{ $review }` reviews the work of { $kind } `{ $reviewed }` (`on { $outcome } -> { $reviewed }`), but both are owned by `{ $owner }`: nobody may approve their own work
self-approval-label = sends the work back to `{ $owner }`'s own step
self-approval-related = the reviewed step, also owned by `{ $owner }`
self-approval-help-superior = give the review to someone other than `{ $owner }`, e.g. its superior `{ $superior }`
self-approval-help = give the review to someone other than `{ $owner }`
self-approval-help-department = give the review to someone outside `{ $owner }`
self-approval-cases-message = step `{ $review }` reviews the work of step `{ $reviewed }` (`on { $outcome } -> { $reviewed }`), but its owner `{ $reviewer }` and the author `{ $author }` are the same: { $cases }; nobody may approve their own work
self-approval-case = `{ $unit }` { $when }
self-approval-cases-label = sends the work back to the reviewer's own step
self-approval-cases-related = the reviewed step
self-approval-cases-help = give the review to someone above the author, usually `owner manager of { $author }`
single-branch-decision-message = every branch of decision `{ $decision }` leads to `{ $target }`
single-branch-decision-label = always leads to `{ $target }`
single-branch-decision-help = send the branch meant to go elsewhere to its target, or remove the decision and lead straight to `{ $target }` (`next { $target }`)
single-branch-decision-related = leads to `{ $target }`
sla-exceeded-message = the longest path of `{ $process }` takes { $total } ({ $path }), over its SLA of { $sla }
sla-exceeded-label = the deadlines of its steps and calls add up to { $total }
sla-exceeded-help = shorten the `within` of steps on this path, run some of them in a `parallel` block, or raise the `sla` if the policy allows
sla-exceeded-path-no-deadline = { $name } 0 (no deadline)
sla-exceeded-path-step = { $name } { $days }
sla-exceeded-path-step-in = { $name } { $days } ({ $period })
sla-exceeded-path-call = { $name } { $days } (`{ $process }`)
input-type-short = { $type ->
        [money] money
        [number] a number
        [text] text
        [yes-no] yes/no
        [date] a date
       *[choice] a choice
    }
type-mismatch-declared = `{ $name }` is declared as { $type }
type-mismatch-declared-other = `{ $name }` is { $kind ->
        [input] an input
       *[record] a recorded value
    } declared as { $type }
type-mismatch-other-currency-message = `{ $name }` is money in { $expected }, but is compared with an amount in { $found } (`{ $value }`)
type-mismatch-other-currency-label = an amount in { $found }
type-mismatch-other-currency-help = write the amount in { $expected }, the input's currency (flowc does not convert currencies)
type-mismatch-bare-number-message = `{ $name }` is money in { $currency }, but `{ $amount }` is a bare number
type-mismatch-bare-number-label = a number without currency
type-mismatch-bare-number-help = write `{ $amount } { $currency }`
type-mismatch-money-for-number-message = `{ $name }` is a number, but is compared with the amount `{ $value }`
type-mismatch-money-for-number-label = an amount of money
type-mismatch-money-for-number-help = write the bare number `{ $amount }`, or declare `{ $name }` as money
type-mismatch-quoted-value-message = `{ $name }` is { $type }, but `"{ $value }"` is quoted text
type-mismatch-quoted-value-label = quoted text
type-mismatch-quoted-value-help = write `{ $value }` without quotes
type-mismatch-unquoted-text-message = `{ $name }` is text, but `{ $word }` is a bare name
type-mismatch-unquoted-text-label = a bare name
type-mismatch-unquoted-text-help = put text in quotes: `"{ $word }"`
type-mismatch-yes-no-message = `{ $name }` is yes/no: its values are written `yes` and `no`, not `{ $value }`
type-mismatch-yes-no-label = write `yes` or `no`
type-mismatch-yes-no-help-meant = write `{ $name } { $op } { $meant }`
type-mismatch-yes-no-help = compare with `yes` or `no`: `{ $name } == yes`
type-mismatch-unknown-value-message = `{ $name }` has no value `{ $value }`: it is { $type }
type-mismatch-unknown-value-label = not a value of `{ $name }`
type-mismatch-unknown-value-help-closest = did you mean `{ $closest }`?
type-mismatch-unknown-value-help = compare with one of its values ({ $values }), or add `{ $value }` to the { $kind ->
        [input] input
       *[record] recorded value
    }'s list
type-mismatch-not-ordered-message = `{ $op }` compares sizes, but `{ $name }` is { $type }, which has no order
type-mismatch-not-ordered-label = `{ $op }` on { $short }
type-mismatch-not-ordered-help = use `==` or `!=` (several values: `a == x or a == y`)
type-mismatch-wrong-kind-message = `{ $name }` is { $type }, but is compared with { $value }
type-mismatch-wrong-kind-label = not { $short }
type-mismatch-wrong-kind-help = write { $example }
type-mismatch-other-type-message = `{ $a }` is { $left }, but is compared with `{ $b }`, which is { $right }
type-mismatch-other-type-label = values of different types
type-mismatch-other-type-help = compare values of the same type (money in the same currency, numbers, dates, the same `one of`), or compare each with a value written out
type-mismatch-pair-not-ordered-message = `{ $op }` compares sizes, but `{ $a }` and `{ $b }` are { $type }, which has no order
type-mismatch-pair-not-ordered-help = use `==` or `!=`
too-many-steps-message = process `{ $process }` has { $steps } steps, more than the limit of { $limit }
too-many-steps-label = { $steps } steps
too-many-steps-help = merge steps one owner does in a row, drop approvals that add no control, or split off a part as a process of its own; the limit is `[limits] max-steps` in flowc.toml
unchecked-decision-message = decision `{ $decision }` compares { $values } with each other: flowc checks comparisons of two values exactly, not chains of three or more, so its branches are not checked for gaps and overlaps
unchecked-decision-label = not checked
unchecked-decision-help = split the decision so that each compares at most two values with each other
unchecked-decision-loop-message = process `{ $process }` compares { $values } with each other across its decisions: flowc checks comparisons of two values exactly, not chains of three or more, so its loops are not checked for a way out
unchecked-decision-loop-label = loops not checked
unchecked-decision-loop-help = compare at most two of these values with each other in the whole process, or compare them with values written out
undeclared-applicant-message = `{ $party }` is { $part } in process `{ $process }`, which has no `applicant` line: nobody is the applicant
undeclared-applicant-label = no applicant in this process
undeclared-applicant-help = add `applicant ROLE, ...` to process `{ $process }` naming who may start it, or name a role
unowned-step-message = step `{ $step }` of process `{ $process }` has no owner
unowned-step-label = no `owner` line
unowned-step-help = add `owner ROLE` naming the role responsible for this step
unreachable-step-message = { $kind } `{ $node }` cannot be reached from the start of process `{ $process }`
unreachable-step-label = no path from `start` leads here
unreachable-step-help = lead to it from a step that is reached (`next { $node }`, `on OUTCOME -> { $node }` or a `when` branch), or delete it
unused-input-message = input `{ $name }` of `{ $process }` is never used: no decision compares it, no call passes it on and no required participant reads it
unused-input-label = asked for nothing
unused-input-help = compare `{ $name }` in a decision, pass it to a called process (`with INPUT = { $name }`), or remove the `input` line
unused-record-message = `{ $name }`, recorded in step `{ $step }`, is never read: no decision compares it and no call passes it on
unused-record-label = recorded for nothing
unused-record-help = compare `{ $name }` in a decision, pass it to a called process (`with INPUT = { $name }`), or remove the `record` line
thing-kind = { $kind ->
        [org-unit] role or department
        [role] role
        [department] department
        [node] step, decision, parallel block or end
        [step] step
        [input] input or recorded value
        [process] process
        [decision] decision
        [parallel-block] parallel block
        [call] call
        [file] file
       *[end] end
    }
thing-kind-with-article = { $kind ->
        [org-unit] a role or department
        [role] a role
        [department] a department
        [node] a step, decision, parallel block or end
        [step] a step
        [input] an input or recorded value
        [process] a process
        [decision] a decision
        [parallel-block] a parallel block
        [call] a call
        [file] a file
       *[end] an end
    }
undefined-reference-other-kind-message = `{ $name }` is { $found }, not { $expected }
undefined-reference-local-message = process `{ $process }` has no { $expected } called `{ $name }`
undefined-reference-message = no { $expected } is called `{ $name }`
undefined-reference-label = no { $expected } `{ $name }`
undefined-reference-help-department-role = name a role of department `{ $department }` here, such as `{ $role }`
undefined-reference-help-other-kind-suggestion = `{ $name }` is { $found }; name { $expected } here, such as `{ $suggestion }`
undefined-reference-help-other-kind = `{ $name }` is { $found }; name { $expected } here
undefined-reference-label-for-name-message = `{ $label }` is the label of { $kind } `{ $name }`, not its name; references use the name
undefined-reference-label-for-name-label = the label of `{ $name }`
undefined-reference-label-for-name-help = write the name `{ $name }` here (the label is what people read on diagrams)
undefined-reference-declare-role = declare the role, e.g. `role { $name } "label" reports to ROLE`, or name an existing one
undefined-reference-declare-department = declare it with `department { $name } "label"`, or name an existing one
undefined-reference-declare-node = add a step, decision, parallel block or end called `{ $name }` to the process, or name an existing one
undefined-reference-declare-step = add `step { $name } { "{" } ... { "}" }` to the process, or name an existing step
undefined-reference-declare-input = declare it in the process with `input { $name }: TYPE`, or record it in a step with `record { $name } "label": TYPE`
undefined-reference-declare-process = write the name of a process of the project, or add `process { $name } "label" { "{" } ... { "}" }`
syntax-expected = { $what ->
        [end-of-file] the end of the file
        [end-of-line] the end of the line
        [name] a name
        [label] a quoted label
        [text] quoted text
        [duration] a duration such as `2 business days`
        [duration-unit] a unit of time (`minutes`, `hours`, `days`, `business days`, `weeks`, `months`, `years`)
        [date] a date such as `2026-03-01`
        [number] a number
        [money] an amount such as `5000 CNY`
        [currency] a three-letter currency code such as `CNY`
        [percentage] a percentage such as `85%`
        [category] `business`, `management` or `approval`
        [comparator] a comparison (`<`, `<=`, `>`, `>=`, `==`, `!=`)
        [statistic] a statistic (`p50`, `p90`, `p95`, `avg`, `max`)
        [kpi-bound] `under`, `at most`, `at least` or `over`
        [file] `department`, `role` or `process`
        [quorum] a quorum such as `2 of`
        [party] a role, `applicant` or `manager of ...`
        [notify-moment] `started`, `done`, `rejected` or `overdue`
        [condition] a condition such as `amount > 5000 CNY`
       *[other] something else
    }
syntax-expected-found = expected { $expected }, found { $found }
syntax-with-hint = { $message } ({ $hint })
syntax-full-width = { $hint ->
        [colon] a full-width colon; write the ASCII `:`
        [comma] a full-width comma; write the ASCII `,`
        [paren-open] a full-width parenthesis; write the ASCII `(`
        [paren-close] a full-width parenthesis; write the ASCII `)`
        [arrow] write the arrow as the two ASCII characters `->`
        [sign] a full-width sign; write the ASCII `=`, `>` or `<`
        [quote] a curly or full-width quote; labels use the ASCII `"`
       *[brace] a full-width brace; write the ASCII `{ "{" }` or `{ "}" }`
    }
syntax-custom-help = simplify this part of the file
syntax-unclosed-quote = this quoted text is not closed on its line
syntax-unclosed-quote-help = end it with `"` on the same line; write `\"` for a quote inside it
syntax-one-item-per-line = put each item on a line of its own
syntax-write-here = write { $expected } here
syntax-block-holds = { $block } holds lines starting with { $items }
syntax-unclosed-block = { $block } `{ $name }` is not closed: the file ends before its `{ "}" }`
syntax-unclosed-block-help = add `{ "}" }` on a line of its own where { $block } `{ $name }` ends
syntax-not-held = `{ $word }` is not something { $block } holds; did you mean `{ $keyword }`?
syntax-does-not-belong = `{ $word }` does not belong in { $block } (`{ $name }`)
syntax-expected-close = expected `{ "}" }` to close { $block } `{ $name }`, found { $found }
syntax-expected-close-help = { $holds }; close it with `{ "}" }` on a line of its own
syntax-quoted-name = names are written without quotes: `"{ $label }"` is the label of { $kind } `{ $name }`
syntax-quoted-name-help = write the name: `{ $keyword } { $name }`
syntax-quoted-unknown-name = names are written without quotes: found `"{ $label }"`
syntax-quoted-unknown-name-help = write the name without quotes, `{ $keyword } { $name }`; a quoted label only follows a name where it is declared, as in `{ $declaring } { $name } "{ $label }"`
syntax-thousands-separator = `{ $written }` uses `,` to separate thousands, which flowc does not read
syntax-thousands-separator-help = write `{ $plain }`, or group the digits with `_`: `{ $grouped }`
time-units = { $unit ->
        [business-day] business days
        [day] days
        [hour] hours
        [week] weeks
        [month] months
        [year] years
       *[minute] minutes
    }
syntax-fraction-of-a-unit = `{ $written }`: a duration is a whole number of { $unit }
syntax-fraction-of-a-unit-help = write it in a smaller unit: `{ $smaller }`
syntax-fraction-of-a-business-day-help = write it in a smaller unit: `{ $smaller }` (a business day of 8 working hours; see `[calendar]` in flowc.toml)
syntax-fraction-of-a-unit-round = round it to a whole number of { $unit }, or write it in { $smaller }
syntax-full-width-digits = `{ $word }` is written with full-width digits
syntax-full-width-digits-help = write ASCII digits: `{ $ascii }`
syntax-single-equals = a single `=` is not a comparison: equality is written `==`
syntax-single-equals-help = write `{ $input } == { $value }`
syntax-slashed-date = `{ $word }` is not a date flowc reads: dates are written year-month-day, `YYYY-MM-DD`
syntax-write = write `{ $written }`
syntax-several-owners = a list of owners says how they sign; found a second owner after `owner { $first }`
syntax-several-owners-help = write `owner any of { $owners }` when one of them does it for all, `owner all of { $owners }` when each must approve, or `owner N of { $owners }` for a quorum
syntax-space-in-name = a name cannot hold a space: found `{ $name } { $word }`
syntax-space-in-name-help = join the words with `_`: `{ $name }_{ $word }` (here and where it is declared)
syntax-other-language = flowc has no `{ $word }`: the word is `{ $keyword }`
syntax-quorum-too-large = the quorum `{ $quorum }` is too large: a quorum counts the people listed after `of`
syntax-quorum-too-large-help = write how many of the listed people must approve, such as `owner 2 of a, b, c`
syntax-version-too-large = the version number `{ $version }` is too large
syntax-version-too-large-help = number versions 1, 2, 3, ... (below 4,294,967,296)
syntax-duration-too-large = the duration `{ $duration }` is too large: at most 100,000,000 of a unit, which every output (JSON, Zeebe's timers) holds exactly
syntax-duration-too-large-help = write a smaller number, or use a larger unit such as `weeks` or `years`
syntax-impossible-date = `{ $date }` is not a date of the calendar
syntax-impossible-date-help = write a real date as YYYY-MM-DD, e.g. `2026-03-01`
syntax-number-too-large = the number `{ $number }` is too large or too precise
syntax-number-too-large-help = flowc keeps numbers exact up to 28 digits; write a smaller number
syntax-percentage-too-large = the percentage `{ $percentage }` is too large
syntax-percentage-too-large-help = a percentage is a number from 0 to 100
syntax-too-deep = parentheses are nested more than { $max } levels deep
syntax-too-deep-help = simplify the condition: split it over several `when` lines or name the cases with an input
syntax-file-too-large = the file is { $bytes } bytes, over flowc's limit of { $limit } bytes
syntax-file-too-large-help = split it: put each process in a file of its own (every `.flow` file under the project root is part of one project)
syntax-not-utf8 = the file is not UTF-8 text
syntax-not-utf8-help = save the file as UTF-8 (flowc reads labels and names in any script, but only as UTF-8)
config-lang = lang: { $error }
config-conform-column = [conform.columns] { $field } = "": name the CSV column that holds `{ $field }`
config-conform-staff = [conform] staff = "": name the staff directory file, e.g. "staff.csv"
config-max-steps = [limits] max-steps = { $max }: write a whole number of steps, 1 or more
config-required-category = [[required-participant]] number { $number }: category = "{ $word }" is not a category; write "business", "management" or "approval"
config-required-money = [[required-participant]] number { $number }: money-above = "{ $text }" is not an amount of money; write an amount and a currency code, e.g. "100000 CNY"
config-required-participant-empty = [[required-participant]] number { $number }: participant is empty; name a role or a department, e.g. "legal"
config-required-reason-empty = [[required-participant]] number { $number }: reason is empty; say why the participant is required, e.g. "contracts must pass legal review"
config-required-participant-unknown = [[required-participant]] number { $number }: participant = "{ $name }" is neither a role nor a department of the project; they are: { $units }
config-unknown-rules = [rules] names unknown rule(s) { $unknown }; the rules are: { $rules }
config-working-days-empty = [calendar] working-days is empty: name at least one day, e.g. ["mon", "tue", "wed", "thu", "fri"]
config-hours-per-day = [calendar] hours-per-day = { $hours }: write a number of hours from 1 to 24
config-day-starts = [calendar] day-starts = "{ $start }": write a time as "HH:MM", e.g. "09:00"
config-utc-offset = [calendar] utc-offset = "{ $offset }": write the offset from UTC as "+HH:MM" or "-HH:MM", e.g. "+08:00" for China
config-holiday-and-working-day = [calendar] { $day } is both in holidays and in extra-working-days: keep it in one of them
config-already-working-day = [calendar] extra-working-days: { $day } ({ $weekday }) is already a working day; list only days off that are worked (make-up working days, 調休)
config-not-a-date = [calendar] { $key }: "{ $entry }" is not a date; write "YYYY-MM-DD"
config-not-a-day = [calendar] working-days: "{ $name }" is not a day; use "mon", "tue", "wed", "thu", "fri", "sat" or "sun"
config-exclude-empty = exclude: "{ $pattern }" matches no path; write a glob relative to the project root, e.g. "drafts/**"
config-exclude-not-a-glob = exclude: "{ $pattern }" is not a glob pattern: { $error }; e.g. "drafts/**" or "**/*.draft.flow"
config-exclude = exclude: { $error }
weekday = { $day ->
        [mon] Monday
        [tue] Tuesday
        [wed] Wednesday
        [thu] Thursday
        [fri] Friday
        [sat] Saturday
       *[sun] Sunday
    }

## end of diagnostics-b


## ============================================================
## explain: flowc explain: headings and rule summaries.
## ============================================================

explain-page-heading = { $name } ({ $code })
explain-default-severity = Default severity: { $level }
explain-principle = Principle: { $principle }
explain-level-off = off
explain-level-off-how = off (turn it on in `flowc.toml`: `[rules] { $name } = "{ $severity }"`)
explain-heading-what = What it checks
explain-heading-why = Why
explain-heading-example = Example
explain-heading-fix = Fix
explain-full-description = { $summary } Principle: { $principle }.
principle-legality = legality (合法性)
principle-systematic = systematic (系統性)
principle-simplicity = simplicity (簡潔性)
principle-clarity = clarity (明確性)
principle-operability = operability (可操作性)
principle-review = review and optimisation (流程梳理與優化)
principle-monitoring = execution and monitoring (流程執行與監控)
explain-unknown-rule-closest = error: no rule is called `{ $asked }`; did you mean `{ $name }`?
    help: run `flowc explain { $name }`, or `flowc rules` for the list of rules
explain-unknown-rule = error: no rule is called `{ $asked }`; the rules are: { $names }
    help: run `flowc rules` for each rule's code and summary

## end of explain


## ============================================================
## handbook: The handbook (HTML and Markdown) and the watch page.
## ============================================================

handbook-title = Process handbook
handbook-index-summary = { $processes ->
        [one] 1 process
       *[other] { $processes } processes
    }; { $overdue } with a review overdue or never done (as of { $date }).
handbook-markdown-summary = { $processes ->
        [one] 1 process
       *[other] { $processes } processes
    }; review status as of { $date }.
handbook-category-heading = { $category ->
        [business] Business processes
        [management] Management processes
        [approval] Approval processes
       *[none] Uncategorised processes
    }
handbook-category = { $category }
handbook-column-process = Process
handbook-column-process-owner = Owner
handbook-column-owner = Owner
handbook-column-sla = SLA
handbook-column-review = Review
handbook-no-process = No process found.
handbook-calls-heading = Which processes call which
handbook-calls-note = An arrow goes from a process to a process it runs as one of its steps.
handbook-engine = { $engine ->
        [graphviz] Graphviz dot
       *[builtin] built-in layout
    }
handbook-footer = Generated by flowc from the process files; review status as of { $date }; diagrams drawn by the { $engine }.
handbook-markdown-index-footer = Generated by flowc; diagrams drawn by the { $engine }.
handbook-markdown-page-footer = Review status as of { $date }; diagram drawn by the { $engine }.
handbook-all-processes = ← All processes
handbook-monitoring-link = Monitoring: how the cases ran
handbook-from-file = From { $file }.
handbook-findings-heading = Findings ({ $count })
handbook-finding-help = help: { $help }
handbook-facts-heading = Facts
handbook-fact-process = Process
handbook-fact-owner = Owning department
handbook-fact-category = Category
handbook-fact-sla = SLA
handbook-fact-review-cycle = Review cycle
handbook-fact-last-review = Last review
handbook-fact-review-status = Review status
handbook-fact-version = Version
handbook-fact-note = Note
handbook-fact-calls = Calls
handbook-fact-called-by = Called by
handbook-version-effective = { $number }, effective { $date }
handbook-flag-overdue = ⚠ overdue
handbook-flag-never-reviewed = ⚠ no review yet
handbook-review-no-cycle = no review cycle
handbook-review-never = never reviewed
handbook-review-due = next review due { $date }
handbook-review-overdue = review overdue since { $date } ({ $days } days)
handbook-inputs-heading = Inputs
handbook-none = None.
handbook-column-input = Input
handbook-column-type = Type
handbook-type-money = money ({ $currency })
handbook-type = { $kind ->
        [number] number
        [text] text
        [yes-no] yes/no
       *[date] date
    }
handbook-type-choice = one of { $values }
handbook-diagram-heading = Diagram
handbook-zoom = Zoom:{ " " }
handbook-zoom-legible = Legible (text at least 12 px)
handbook-zoom-whole = Whole picture
handbook-zoom-hint = scroll or drag the scroll bars to pan
handbook-print-caption = Part { $part } of { $count } (row { $row }, column { $column }): { $continues ->
        [both] continues to the right on the next page; below, on the pages after
        [right] continues to the right on the next page
        [below] continues below, on the pages after
       *[last] the last part
    }. Pages overlap by a box's width.
handbook-steps-heading = Steps
handbook-column-step = Step
handbook-column-deadline = Deadline
handbook-column-records = Records
handbook-column-kpis = KPIs
handbook-column-reminders = Reminders
handbook-column-escalation = Escalation
handbook-column-consulted = Consulted
handbook-column-notified = Notified
handbook-column-outcomes = Outcomes
handbook-owner-in-department = { $owner }, { $department }
handbook-escalation = after { $after } → { $to }
handbook-notification = { $who }, when { $moment }
handbook-reminder = after { $after }
handbook-titled = { $title }: { $value }
handbook-called-sla = { $sla } (the called process's SLA)
handbook-call-with = with { $binding }
handbook-outcome-on = on { $outcome } → { $target }
handbook-outcome-timeout = on timeout after { $after } → { $target }
handbook-outcome-then = then → { $target }
handbook-outcome-next = next → { $target }
handbook-all-branches-done = all branches of { $block } done
handbook-decisions-heading = Decisions
handbook-column-condition = Condition
handbook-column-goes-to = Goes to
handbook-matrix-heading = Responsibility matrix
handbook-matrix-key = R responsible · A approves (can reject) · C consulted · I informed (notified) · E escalated to
handbook-column-who = Who
handbook-raci-shared = { $mark } ({ $signing ->
        [any-of] any of
        [all-of] all of
       *[quorum] { $count } of { $total }
    })
handbook-kpis-heading = KPIs
handbook-column-indicator = Indicator
handbook-column-target = Target
handbook-kpi-bound = { $bound ->
        [under] under
        [at-most] at most
        [at-least] at least
       *[over] over
    }
handbook-kpi-target = { $bound } { $target }
handbook-kpi-statistic-target = { $statistic } { $bound } { $target }
# The live page of flowc watch.
watch-errors-heading = The project has errors
watch-errors-note = This page shows the last version that built. Fix these and it updates by itself:
watch-not-found = Not found
watch-no-such-page = No page { $name } in the handbook.
watch-all-processes = All processes
watch-cannot-read = cannot read { $path }

## end of handbook


## ============================================================
## diagram: Diagrams: SVG, PNG, DOT labels, the legend; money, durations, dates and comparisons in words.
## ============================================================

# Conditions in words (model::words::condition): the names compared are
# the user's; English keeps the operators as written, Chinese uses ≤ ≥ ≠.
condition-compare = { $input } { $op ->
        [less] <
        [at-most] <=
        [greater] >
        [at-least] >=
        [equal] ==
       *[not-equal] !=
    } { $value }
condition-and = { $first } and { $second }
condition-or = { $first } or { $second }
condition-not = not { $condition }
condition-group = ({ $condition })
condition-number = { $value }
condition-yes = yes
condition-no = no
# The words of a diagram's boxes and edges.
diagram-start = start
diagram-within = within { $duration }
diagram-at-least = at least { $duration }
diagram-calls = calls { $process }
diagram-escalation-note = { $after } → { $to }
diagram-escalate = escalate: { $note }
diagram-otherwise = otherwise
diagram-outcome = { $outcome }
diagram-timeout = ◷ { $after }
# People in words. English keeps the policy's Chinese terms beside the
# written form (`申請人的直屬上級 (manager of applicant)`), as the
# diagrams always showed them.
party-applicant = 申請人
party-superior = { $base }的{ $kind ->
        [direct] 直屬上級
        [skip] 隔級上級
       *[higher] 第{ $numeral }級上級
    }
party-any-of = 任一
party-all-of = 會簽
party-quorum = { $count } of { $total }
party-shared = { $signing }：{ $parties }
# The legend of the built-in SVG layout.
legend-step = step (label, owner, deadline)
legend-decision = decision
legend-countersign = countersign fork/join
legend-end = end
legend-rejection = rejection
legend-escalation = escalation
legend-call = call
legend-at-least = at least
legend-timeout = timeout
# The legend of a DOT (Graphviz) diagram.
legend = legend
legend-step-lines = step
    owner
    deadline
legend-escalation-note = escalate: after → to
legend-next = next
legend-timeout-edge = ◷ timeout

## end of diagram


## ============================================================
## sim: flowc sim: the timeline.
## ============================================================

sim-process = process { $title }
sim-applicant = applicant { $role }
sim-time = { $date } { $clock } { $weekday ->
        [mon] Mon
        [tue] Tue
        [wed] Wed
        [thu] Thu
        [fri] Fri
        [sat] Sat
       *[sun] Sun
    }
sim-label = { " " }"{ $label }"
sim-start = start
sim-enter = enter    { $step }{ $label } by { $owner }{ $due }{ $round }
sim-no-owner = (no owner)
sim-due = { ", " }due { $when }
sim-rework-round = { " " }[rework round { $round }]
sim-remind = remind   { $owner } about { $step } (after { $after })
sim-the-owner = the owner
sim-escalate = escalate { $step } to { $who } (after { $after })
sim-notify = notify   { $step } { $moment }: { $who }
sim-sign = sign     { $step }: { $signer } answers { $answer }
sim-unneeded = unneeded { $step }: { $signer } need not answer, the step is decided
sim-refused = refused  { $step } cannot be finished before { $until } (at least { $minimum })
sim-timeout = timeout  { $step } not done after { $after } -> { $to }
sim-record = record   { $step }.{ $name } = { $value }
sim-yes = yes
sim-no = no
sim-done = done     { $step } -> { $outcome }{ $late }
sim-next = next
sim-late = { " " }(late)
sim-decide = decide   { $decision }: { $matched } -> { $to }
sim-otherwise = otherwise
sim-split = split    { $block }: { $branches }
sim-join = join     { $block }
sim-withdraw = withdraw { $step } (left { $block })
sim-call = call     { $call }: process { $process }{ $label }
sim-returned = returned { $call }: ended at { $end } -> { $to }
sim-end = end      { $end }{ $label }
sim-elapsed = elapsed { $days } business days{ $sla }
sim-sla-met = { ", " }within the SLA of { $sla }
sim-sla-over = { ", " }OVER the SLA of { $sla }
sim-the-applicant = the applicant
sim-role = `{ $role }`
sim-superior = { $base }'s superior
# A chain, one item per level above the first: $second is always empty.
sim-superior-of = the superior of { $first }{ $second }
sim-relative = { $role }, { $relation }
sim-relative-labelled = { $label } ({ $role }), { $relation }
sim-nobody = nobody ({ $relation }: { $reason })
sim-no-applicant = the process names no applicant
sim-reports-to-nobody = `{ $role }` reports to nobody
sim-people = { $first }, { $second }
sim-people-relative = { $first }; { $second }
sim-signers = { $mode ->
    [any] any of { $people }
    [all] all of { $people }
   *[quorum] { $required } of { $people }
}
sim-error-in-call-entries = in call `{ $call }` (give its entries as { $call }.NAME): { $message }
sim-error-calls-too-deep = calls nest more than { $depth } deep at process `{ $process }`: a process calls itself through others (flowc check reports it as recursive-call)
sim-error-no-input = --set { $name }: process `{ $process }` has no input `{ $name }`; its inputs are: { $known }
sim-error-no-step = { $flag } { $name }=...: process `{ $process }` has no step `{ $name }`; its steps are: { $known }
sim-error-signer-rejects = --outcome { $step }={ $outcome }: a signer rejects, but step `{ $step }` has no `on reject`; it can end with: { $allowed }
sim-error-no-outcome = --outcome { $step }={ $bad }: step `{ $step }` has no outcome `{ $bad }`; it can end with: { $allowed }
sim-error-not-recorded = --set { $key }=...: no step of process `{ $process }` records `{ $key }`; the values its steps record are: { $known }
sim-none = (none)
sim-names = { $names }
sim-error-clock-overflow = the clock went past the year 9999 adding { $duration } to { $time }
sim-error-nothing-open = the run stopped before reaching an end: no step is open
sim-error-leads-nowhere = `{ $node }` leads nowhere
sim-error-no-node = no node `{ $id }`
sim-error-loops = the run entered { $kind ->
    [call] call
   *[step] step
} `{ $node }` { $rounds } times without reaching an end: the path loops through it (give an --outcome that leaves the loop)
sim-error-call-names-no-process = call `{ $call }` names no process
sim-error-call-process-missing = call `{ $call }` runs process `{ $process }`, which is not in the project
sim-error-in-call = in call `{ $call }`: { $message }
sim-error-no-end = the run reached no end
sim-error-call-value-unset = call `{ $call }` gives `{ $name }` to input `{ $input }`, but `{ $name }` has no value: give it with --set
sim-error-call-value-invalid = call `{ $call }` gives input `{ $input }` a value that is not one
sim-error-unrecorded = decision `{ $decision }` reads `{ $name }`, which step `{ $step }` records, and no value was recorded: give one with --set { $step }.{ $name }=VALUE
sim-error-join-outside-block = `{ $node }` was reached by a step that is not running as a branch of its block
sim-error-call-end-unhandled = the process call `{ $call }` runs ended at `{ $end }`, and the call has neither `on { $end }` nor `next`
sim-error-no-timeout-route = step `{ $step }` timed out but has no `on timeout`
sim-error-no-next = step `{ $step }` ended with `next` but has no `next`
sim-error-no-such-outcome = step `{ $step }` has no outcome `{ $outcome }`
sim-error-decisions-loop = the run went round { $decisions } without entering a step: the path loops through them for ever
sim-error-no-branch = { $inputs } match no branch of decision `{ $decision }` and it has no `otherwise`
sim-unset = (unset)
sim-input-value = { $name } = { $value }{ $currency }
sim-the-inputs = the inputs
sim-error-bad-value = --set { $name }={ $text }: `{ $text }` is not { $expected }
sim-expected-money = an amount of { $currency } that can be held exactly; write e.g. `5000.01` or `5000.01 { $currency }` (at most 28 digits)
sim-expected-number = a number that can be held exactly; write e.g. `12` or `2.5` (at most 28 digits)
sim-expected-yes-no = `yes` or `no`
sim-expected-date = a date; write `YYYY-MM-DD`
sim-expected-one-of = one of: { $values }
sim-error-needs-input = a decision needs input `{ $input }`: give it with --set { $input }=VALUE
sim-error-incomparable = input `{ $input }` = { $actual } cannot be compared with { $value }
sim-error-no-applicants = --applicant: process `{ $process }` has no `applicant` line, so nobody applies; leave out --applicant
sim-error-not-an-applicant = --applicant { $role }: `{ $role }` may not start process `{ $process }`; its applicants are: { $applicants }
sim-error-votes-count = --outcome { $step }={ $text }: step `{ $step }` has { $count } signers ({ $signers }); give one answer each, such as { $example }
sim-error-not-an-answer = --outcome { $step }={ $text }: `{ $answer }` is not an answer of a signer; write approve or reject

## end of sim


## ============================================================
## diff: flowc diff: human and markdown reports, the visual diff.
## ============================================================

diff-heading-organisation = organisation (departments and roles)
diff-heading-process = process { $title }
diff-heading-title = `{ $name }` "{ $label }"
diff-heading-file = file `{ $path }`
diff-group = { $heading }: { $counts }
diff-counts = { $total ->
        [one] 1 change
       *[other] { $total } changes
    } ({ $major } major, { $minor } minor)
diff-class = { $class ->
        [major] major
       *[minor] minor
    }
diff-change-of-subject = { $noun ->
        [process] process
        [step] step
        [decision] decision
        [role] role
        [department] department
        [end] end
        [input] input
        [KPI] KPI
        [call] call
        [parallel-block] parallel block
        [file] file
        [value] value
       *[other] { $noun }
    } `{ $name }`: { $message }
diff-no-changes = no changes to the processes
diff-md-title = Process changes
diff-md-no-changes = No changes to the processes.
diff-md-verdict-major = **Major changes: they need top management's approval.**
diff-md-verdict-minor = Minor changes only.
diff-md-summary = { $verdict } { $counts }.
diff-md-columns = | class | kind | change |
diff-label-changed = label changed from { $old } to { $new }
diff-label-none = none
diff-label-quoted = "{ $label }"
diff-owner-changed = owner changed from `{ $old }` to `{ $new }`{ $note }
diff-nobody = nobody
diff-owner-now-relative = { " " }(a fixed owner replaced by someone relative to the applicant: who does it now depends on who applied)
diff-owner-now-fixed = { " " }(someone relative to the applicant replaced by a fixed owner)
diff-duration-set = { $what ->
        [deadline] deadline
        [sla] SLA
        [review-cycle] review cycle
        [minimum-period] minimum period
        [timeout] timeout
       *[reminder] reminder
    } set to { $new }
diff-duration-removed = { $what ->
        [deadline] deadline
        [sla] SLA
        [review-cycle] review cycle
        [minimum-period] minimum period
        [timeout] timeout
       *[reminder] reminder
    } of { $old } removed
diff-duration-changed = { $what ->
        [deadline] deadline
        [sla] SLA
        [review-cycle] review cycle
        [minimum-period] minimum period
        [timeout] timeout
       *[reminder] reminder
    } { $change }
diff-escalation-moved = escalation to `{ $to }` { $change }
diff-duration-rewritten = rewritten from { $old } to { $new } (the same working time)
diff-duration-moved = { $direction ->
        [longer] { $verbs ->
            [lengthen] lengthened
            [delay] delayed
           *[move] moved later
        }
       *[shorter] { $verbs ->
            [lengthen] shortened
            [delay] brought forward
           *[move] moved earlier
        }
    } from { $old } to { $new } ({ $direction ->
        [longer] +
       *[shorter] -
    }{ $days } { $days ->
        [one] business day
       *[other] business days
    } of working time)
diff-visual-caption = changes: green = added, amber = changed, red struck through = removed
diff-noun = { $noun ->
        [process] process
        [step] step
        [decision] decision
        [role] role
        [department] department
        [end] end
        [call] call
        [parallel-block] parallel block
        [value] value
        [KPI] KPI
       *[other] { $noun }
    }
diff-titled = { $noun } `{ $name }`
diff-titled-labelled = { $noun } `{ $name }` "{ $label }"
diff-node-owned = { $node } (owner `{ $owner }`)
diff-node-calling = { $node } (runs process `{ $process }`)
diff-thing-added = { $thing } added
diff-thing-removed = { $thing } removed
diff-process-added = { $process } added, with { $steps ->
        [one] 1 step
       *[other] { $steps } steps
    }
diff-process-removed = { $process } removed, with { $steps ->
        [one] 1 step
       *[other] { $steps } steps
    }
diff-renamed-same-content = { $noun } `{ $old }` renamed to `{ $new }`, its content unchanged
diff-unit-renamed = { $noun } `{ $old }` renamed to `{ $new }`
diff-category-changed = category changed from { $old } to { $new }
diff-process-owner-changed = owning department changed from `{ $old }` to `{ $new }`
diff-note-added = note added: "{ $note }"
diff-note-removed = note removed: "{ $note }"
diff-note-changed = note changed from "{ $old }" to "{ $new }"
diff-version-changed = version changed from { $old } to { $new }
diff-effective-date-changed = effective date changed from { $old } to { $new }
diff-last-review-changed = last review changed from { $old } to { $new }
diff-start-changed = starts at `{ $new }` instead of `{ $old }`
diff-nothing = nothing
diff-version-not-raised = the process changed in a major way (`{ $first }`{ $more ->
        [none] {""}
       *[some] { " " }and { $others ->
            [one] 1 other major change
           *[other] { $others } other major changes
        }
    }) but { $now ->
        [gone] it has no version line any more
        [same] it is still version { $after }
       *[down] its version went down from { $before } to { $after }
    }: raise the version number
diff-record-words = { $value } ({ $type }) recorded at `{ $step }`
diff-record-became = { $old } became { $new }
diff-record-moved = value `{ $name }` is recorded at `{ $new }` instead of `{ $old }`
diff-input-added = input `{ $name }` ({ $type }) added
diff-input-removed = input `{ $name }` ({ $type }) removed
diff-input-renamed = input `{ $old }` ({ $type }) renamed to `{ $new }`
diff-input-type-changed = input `{ $name }` changed from { $old } to { $new }
diff-kpi-added = KPI `{ $name }`{ $scope ->
        [step] { " " }of step `{ $step }`
       *[process] {""}
    } ({ $target }) added
diff-kpi-removed = KPI `{ $name }`{ $scope ->
        [step] { " " }of step `{ $step }`
       *[process] {""}
    } ({ $target }) removed
diff-kpi-target = KPI `{ $name }` { $how ->
        [loosened] loosened
        [tightened] tightened
        [rewritten] rewritten with the same working time
       *[changed] changed
    }: { $old } → { $new }
diff-node-kind-changed = `{ $name }` was { $old ->
        [step] a step
        [decision] a decision
        [call] a call
        [end] an end
       *[parallel-block] a parallel block
    }, now it is { $new ->
        [step] a step
        [decision] a decision
        [call] a call
        [end] an end
       *[parallel-block] a parallel block
    }
diff-timeout-added = now moves on to `{ $target }` by itself after { $after }
diff-timeout-removed = no longer moves on to `{ $target }` by itself after { $after }
diff-timeout-retargeted = on timeout moves on to `{ $new }` instead of `{ $old }`
diff-call-retargeted = runs process `{ $new }` instead of `{ $old }`
diff-call-gives-more = now gives { $came }
diff-call-gives-less = no longer gives { $gone }
diff-call-gives-other = gives { $came } instead of { $gone }
diff-reminder-added = reminder after { $after } added
diff-reminder-removed = reminder after { $after } removed
diff-escalation-retargeted = escalation goes to `{ $new }` after { $new_after } instead of `{ $old }` after { $old_after }
diff-escalation-added = escalation after { $after } to `{ $to }` added
diff-escalation-removed = escalation after { $after } to `{ $to }` removed
diff-superiors = { $chain }
diff-reports-to-nobody = `{ $owner }` reports to nobody
diff-reports-to = `{ $owner }` reports to { $chain }
diff-reports-for-applicant = for an applicant holding `{ $applicant }`, `{ $owners }` is `{ $owner }`, and { $reports }
diff-escalation-not-upward = escalation after { $after } to `{ $to }` no longer goes up the reporting lines: { $line }
diff-next-changed = next is `{ $new }` instead of `{ $old }`
diff-next-removed = no longer continues to `{ $old }`
diff-next-added = now continues to `{ $new }`
diff-outcome-retargeted = outcome `{ $outcome }` leads to `{ $new }` instead of `{ $old }`
diff-outcome-removed = outcome `on { $outcome } -> { $target }` removed
diff-outcome-added = outcome `on { $outcome } -> { $target }` added
diff-when-changed = `when { $old } -> { $old_target }` became `when { $new } -> { $new_target }`
diff-when-removed = `when { $condition } -> { $target }` removed
diff-when-added = `when { $condition } -> { $target }` added
diff-otherwise-retargeted = `otherwise` leads to `{ $new }` instead of `{ $old }`
diff-otherwise-removed = `otherwise -> { $target }` removed
diff-otherwise-added = `otherwise -> { $target }` added
diff-branch-removed = `{ $branch }` no longer runs in this parallel block
diff-branch-added = `{ $branch }` now runs in this parallel block
diff-comments-changed = comments changed: { $added } added, { $removed } removed (a reworded comment counts as one of each)
diff-role-moved = role `{ $role }` moved from department `{ $old }` to `{ $new }`
diff-role-left = role `{ $role }` no longer belongs to department `{ $old }`
diff-role-joined = role `{ $role }` now belongs to department `{ $new }`
diff-reporting-line-changed = role `{ $role }` now reports to { $new } (was { $old }); { $affects }
diff-affects-none = no process has a step owned by it or by a role under it, or escalates to one
diff-affects = affects { $processes }
diff-applicants-only = only { $roles } may start the process now; before, anyone could
diff-applicants-anyone = anyone may start the process now; before, only { $roles }
diff-applicants-added = { $roles } may now start the process: their own superiors approve where a step is owned by `manager of applicant`
diff-applicants-removed = { $roles } may no longer start the process
diff-signing-changed = signing changed from `{ $old }` ({ $was ->
        [one] 1 signature
       *[other] { $was } signatures
    }) to `{ $new }` ({ $now ->
        [one] 1 signature
       *[other] { $now } signatures
    })
diff-notify-removed = notification of `{ $party }` when { $when } removed
diff-notify-added = notification of `{ $party }` when { $when } added
diff-consult-removed = consultation of `{ $party }` removed
diff-consult-added = consultation of `{ $party }` added
diff-too-many = too many
diff-routes-not-compared = the decisions compare { $inputs } input(s) with so many values that the routes of every case were not compared ({ $total } combinations of values, over the limit of { $limit }, or of { $visits } steps of work for a process of this size)
diff-cases-all = all cases
diff-cases-any-inputs = any inputs
diff-cases-where = cases where { $clauses }
diff-cases-or-where = { $first }, or where { $second }
diff-case-is = { $input } is { $values }
diff-case-is-not = { $input } is not { $value }
diff-case-is-none-of = { $input } is none of { $values }
diff-case-range = { $input } { $ranges }
diff-case-relation = { $first } { $relation ->
        [below] is below { $second }
        [equals] equals { $second }
        [above] is above { $second }
        [differs] differs from { $second }
        [at-most] is { $second } or less
        [at-least] is { $second } or more
       *[beside] is any value beside { $second }
    }
diff-range-any = is any value
diff-range-exactly = is exactly { $value }
diff-range-at-most = is { $value } or { $dated ->
        [yes] earlier
       *[no] less
    }
diff-range-below = is { $dated ->
        [yes] before
       *[no] below
    } { $value }
diff-range-at-least = is { $value } or { $dated ->
        [yes] later
       *[no] more
    }
diff-range-above = is { $dated ->
        [yes] after
       *[no] above
    } { $value }
diff-range-between-both = is between { $low } and { $high } (both { $ends ->
        [included] included
       *[excluded] excluded
    })
diff-range-between = is between { $low } ({ $low_end ->
        [included] included
       *[excluded] excluded
    }) and { $high } ({ $high_end ->
        [included] included
       *[excluded] excluded
    })
diff-step-route = { $who } { $how ->
        [lost] no longer pass
       *[gained] now pass
    } through { $step }

## end of diff


## ============================================================
## init: flowc init: the templates.
## ============================================================

init-files-exist = error: { $files } already { $count ->
        [one] exists
       *[other] exist
    }; flowc init never overwrites a file, so nothing was written
    help: run `flowc init NEW_FOLDER` to start a project in a folder of its own
init-cannot-create = error: cannot create { $dir }: { $error }
init-cannot-write = error: cannot write { $path }: { $error }
init-created = created a flowc project in { $dir }: flowc.toml, org.flow, leave-request.flow
    next: `flowc check { $dir }` checks it; edit org.flow for your company and copy leave-request.flow for each process

## end of init


## ============================================================
## cli: Messages of the command line (files, projects, outputs).
## ============================================================

cli-error = error: { $message }
cli-cannot-write-stdout = error: cannot write standard output: { $error }
cli-link-outside-project = warning: { $link } is a symbolic link to a place outside the project at { $root }: not followed, not read
    help: copy the file into the project, or check the folder it points to as a project of its own
cli-look-alike-not-read = warning: { $path } looks like a process file but is not read: flowc reads only files whose names end in `.flow`
    help: rename it to `{ $intended }`
cli-nested-project = warning: { $inner } has a flowc.toml of its own inside the project at { $outer }: checked from { $outer }, the files under { $inner } are part of this project; checked from { $inner }, they are a project of their own and see none of the roles declared elsewhere
    help: keep one project: delete { $inner_config } (its settings belong in { $outer_config }), or leave the folder out of this project with `exclude = ["{ $relative }/**"]`
cli-every-file-excluded = error: every .flow file under { $root } ({ $found }) is left out by `exclude` in { $config }
    help: narrow the patterns of `exclude`; a pattern such as "**" leaves out everything
cli-only-look-alikes = error: no .flow file under { $root }, only files that look like one (see the warnings above)
    help: rename them to end in `.flow`
cli-no-flow-file = error: no .flow file under { $root }
    help: give the folder that holds your process files, or start a project here with `flowc init`
cli-no-project = error: no project at { $path }
cli-project-has-errors = error: the project has errors; nothing was { $done ->
        [simulated] simulated
        [written] written
       *[checked] checked
    }
cli-did-you-mean = { " " }(did you mean `{ $name }`?)
cli-no-such-process = error: --process { $process }: no process of that name{ $guess }; the processes are: { $names }
cli-run-could-not-finish = error: the run could not finish: { $message }
cli-sim-bad-deviate = error: --deviate { $deviate }: write a share between 0 and 1, e.g. 0.1
cli-sim-bad-start = error: --start { $start }: write a date and time as YYYY-MM-DDTHH:MM
cli-sim-log-not-generated = error: the log could not be generated: { $message }
cli-sim-write-name-value = { $flag } { $text }: write NAME=VALUE
cli-sim-bad-start-time = --start { $start }: write a date and time as YYYY-MM-DDTHH:MM, e.g. 2026-12-01T09:00
cli-sim-no-input = --set { $text }: process `{ $process }` has no input `{ $name }`; its inputs are: { $known }
cli-sim-bad-delay = --delay { $text }: `{ $duration }` is not a duration; write e.g. 4bd, 4 business days, 3d, 8h, 30min
cli-diff-wrote-diagrams = wrote { $count ->
        [one] 1 diagram
       *[other] { $count } diagrams
    } to { $out }
lsp-action-change-to = Change to `{ $name }`
lsp-action-add-owner = Add `owner { $owner }` to step `{ $step }`
lsp-action-add-line = Add `{ $line }`
cli-drawn-by = diagrams drawn by the { $engine ->
        [graphviz] Graphviz dot
       *[builtin] built-in layout
    }
cli-wrote-files = wrote { $count ->
        [one] 1 file
       *[other] { $count } files
    } to { $out }
cli-wrote-handbook = wrote a handbook of { $count } files to { $out }; diagrams drawn by the { $engine ->
        [graphviz] Graphviz dot
       *[builtin] built-in layout
    }
cli-cannot-create = error: cannot create { $path }: { $error }
cli-fmt-stdin-with-paths = error: `-` (standard input) cannot be combined with paths
cli-fmt-summary = { $changed ->
        [one] 1 file
       *[other] { $changed } files
    } { $check ->
        [yes] would be reformatted
       *[no] reformatted
    }, { $unchanged ->
        [one] 1 file
       *[other] { $unchanged } files
    } already formatted{ $untouched }
cli-fmt-untouched = , { $count ->
        [one] 1 file
       *[other] { $count } files
    } with errors left untouched
cli-fmt-link-outside = warning: { $link } is a symbolic link to a place outside { $folder }: not followed, not formatted
cli-fmt-link-outside-its-folder = warning: { $link } is a symbolic link to a place outside its folder: not followed, not formatted
cli-fmt-not-utf8 = error: { $path }: the file is not UTF-8 text (first invalid byte at offset { $offset }); left untouched
cli-fmt-cannot-read = error: { $path }: cannot read: { $error }
cli-fmt-cannot-write = error: { $path }: cannot write: { $error }
cli-fmt-cannot-read-stdin = error: cannot read standard input: { $error }
cli-fmt-stdin-not-utf8 = error: standard input is not UTF-8 text
cli-fmt-syntax-errors = error: { $path }: not formatted (syntax errors)
lsp-hover-department = **department** { $name }
lsp-hover-roles = - roles: { $roles }
lsp-hover-role = **role** { $name }
lsp-hover-role-department = - department: { $name }
lsp-hover-reports-to-nobody = - reports to: nobody (top of the reporting lines)
lsp-hover-reporting-chain = - reporting chain: { $chain }
lsp-hover-process = **process** { $name }
lsp-hover-category = - category: { $category }
lsp-hover-owner = - owner: { $owner }
lsp-hover-sla = - SLA: { $sla }
lsp-hover-steps = - { $count } steps
cli-does-not-exist = error: { $path } does not exist
cli-watch-cannot-listen = error: cannot listen on { $host }:{ $port }: { $error }
cli-watch-cannot-serve = error: cannot serve on { $host }:{ $port }: { $error }
cli-watch-not-local = warning: serving on { $address }, which is NOT this machine only: anyone who can reach it reads the handbook and its live errors
    help: leave out --host to serve on 127.0.0.1 only
cli-watch-serving = serving the handbook of { $path } on http://{ $address }/ (Ctrl-C to stop)
cli-watch-rebuilt = rebuilt the handbook: { $count } pages
cli-watch-has-errors = the project has errors; showing the last good handbook with them
cli-man-no-command = error: flowc has no command `{ $name }`; the commands are: { $names }
cli-man-cannot-write = error: cannot write the manual page: { $error }

## end of cli


## ============================================================
## visual-diff: flowc diff --emit (what the pictures of changes add) and flowc watch's banners.
## ============================================================

diff-visual-old-note = note: { $note }
watch-page-gone-heading = This process is not in the project any more
watch-page-gone-note = This is its last good page. If its file is being saved, the page comes back by itself.

## end of visual-diff


## ============================================================
## conform: flowc conform: the terminal report, the monitoring page (HTML), the findings, the errors of the log and the staff directory.
## ============================================================

# The kinds of finding; JSON keeps the stable names.
conform-kind = { $kind ->
        [skipped] skipped
        [out-of-order] out-of-order
        [repeated] repeated
        [wrong-path] wrong-path
        [unknown-activity] unknown-activity
        [unknown-outcome] unknown-outcome
        [bad-value] bad-value
        [wrong-owner] wrong-owner
        [self-approval] self-approval
        [late] late
        [sla-missed] sla-missed
       *[open-past-sla] open-past-sla
    }
conform-and = { $first } and { $second }
conform-or = { $first } or { $second }
# The findings.
conform-finding-after-end = `{ $step }` was done after the case had ended
conform-finding-bad-value = the value `{ $text }` of `{ $name }` does not fit: `{ $text }` is not { $expected }
conform-finding-unknown-activity = activity `{ $activity }` is no step of process `{ $process }` (its steps: { $steps })
conform-finding-unknown-outcome = step `{ $step }` ended with outcome `{ $outcome }`, which it does not have
conform-finding-done-after = step `{ $step }` was done after `{ $passed_by }`, which comes after it
conform-finding-skipped = step `{ $step }` was skipped: `{ $done }` was done while `{ $due }` was due
conform-after-end = after the case had ended
conform-while-due = while { $due } was due
conform-finding-repeated = step `{ $step }` was done again outside a rework loop, { $expected }
conform-finding-out-of-order = step `{ $step }` was done out of order, { $expected }
conform-condition-holds = { $condition } holds ({ $values })
conform-no-condition-holds = no condition holds ({ $values })
conform-value = { $name } = { $value }
conform-fired-reminder = the reminder after { $after }
conform-fired-escalation = the escalation to { $to } after { $after }
conform-finding-late = step `{ $step }` was done { $late } late (due { $due }, done { $done })
conform-finding-late-fired = step `{ $step }` was done { $late } late (due { $due }, done { $done }); { $fired } would have fired
conform-finding-self-approval = step `{ $step }` was approved by `{ $person }`, who did the work it reviews ({ $work })
conform-work-step = step `{ $step }`
conform-work-submitted = the submitted case
conform-finding-not-in-staff = step `{ $step }` was done by `{ $person }`, who is not in the staff directory
conform-wanted-role-relation = `{ $role }` ({ $relation })
conform-finding-wrong-owner = step `{ $step }` was done by `{ $person }` ({ $roles }), who does not hold { $wanted }
conform-finding-wrong-path = decision `{ $decision }` went to `{ $taken }`, but { $reason }: it should have gone to `{ $expected }`
conform-finding-sla-missed = the case took { $elapsed }, over the SLA of { $sla }
conform-finding-open-past-sla = the case is still open after { $elapsed }, over the SLA of { $sla }
# Places in the log.
conform-place-line = line { $line }
conform-place-event = trace { $trace } (case { $case }), event { $event }
conform-xes-element = { $element ->
        [log] `<log>`
        [trace] a `<trace>`
        [event] an `<event>`
       *[other] an element
    }
# What a log or a staff directory that cannot be read gets.
conform-error-log-kind = { $path }: a log is a `.csv`, `.xes` or `.xes.gz` file
conform-error-no-time-zone = the timestamp `{ $text }` has no time zone; write it as `{ $text }+08:00` (or `Z` for UTC), so deadlines are counted in the right hours
conform-error-not-timestamp = `{ $text }` is not a timestamp; write RFC 3339 with a time zone, such as `2026-03-02T09:30:00+08:00`
conform-error-log-header = the log's header row: { $error }
conform-error-no-column = the log has no column `{ $name }` for the { $field } (its columns: { $columns }); name the column with `--map { $field }=COLUMN`
conform-error-no-value-column = the log has no column `{ $column }` for the value `{ $name }`
conform-error-log-line = line { $line } of the log: { $message }
conform-error-no-case-id = line { $line } of the log has no case id
conform-error-no-activity = line { $line } of the log has no activity
conform-error-staff-header = the staff directory's header row: { $error }
conform-error-staff-columns = the staff directory needs the columns `person` and `role` (and may have `department`); its header is: { $columns }
conform-error-staff-line = line { $line } of the staff directory: { $message }
conform-error-staff-row = line { $line } of the staff directory: every row names a person and a role
conform-error-staff-unknown-role = line { $line } of the staff directory: `{ $role }` is not a role of the project
conform-error-staff-department = line { $line } of the staff directory: role `{ $role }` is in `{ $department }`, not in `{ $given }`
conform-error-staff-no-department = line { $line } of the staff directory: role `{ $role }` is in no department, not in `{ $given }`
conform-error-event-no-activity = { $place } has no `concept:name` (the activity)
conform-error-event-no-time = { $place } has no `time:timestamp`
conform-error-event = { $place }: { $message }
conform-error-xes-not-xml = the XES log does not parse after { $traces ->
        [one] 1 trace
       *[other] { $traces } traces
    }: it is not well-formed XML ({ $error } at byte { $byte })
conform-error-xes-ends-inside = the XES log does not parse after { $traces ->
        [one] 1 trace
       *[other] { $traces } traces
    }: it is not well-formed XML (the file ends inside { $element })
conform-error-xes-no-log = the XES log does not parse: it has no `<log>` element
conform-error-xes-attribute = the XES log does not parse: it is not well-formed XML ({ $error })
# The KPIs measured.
conform-statistic = { $statistic }
conform-kpi-how-cycle = { $statistic } of the cycle time of { $finished ->
        [one] 1 finished case
       *[other] { $finished } finished cases
    }
conform-kpi-how-rate = { $rate ->
        [first-pass] first-pass
       *[on-time] on-time
    } rate of { $finished ->
        [one] 1 finished case
       *[other] { $finished } finished cases
    }
conform-kpi-how-open = cases still open at the end of the log
conform-kpi-no-finished-case = no finished case to measure yet
conform-kpi-not-measurable = not measurable from an event log (flowc measures cycle times, `first_pass` and `on_time` rates, and `open` counts)
# The report for a terminal.
conform-report-process = process { $title }
conform-report-summary = { $cases ->
        [one] 1 case
       *[other] { $cases } cases
    }: { $finished } finished, { $open } open (judged at { $at }); { $conforming } conforming ({ $rate }%)
conform-owners-not-checked = who did each step was not checked: give the staff directory with --staff (or `staff` in [conform] of flowc.toml)
conform-report-deviations = deviations, most frequent first:
conform-ranked = { $kind }: { $cases ->
        [one] 1 case
       *[other] { $cases } cases
    }
conform-ranked-at-step = { $kind } at `{ $step }`: { $cases ->
        [one] 1 case
       *[other] { $cases } cases
    }
conform-report-kpis = key indicators:
conform-report-kpi = { $name }: { $actual } against { $target } ({ $verdict ->
        [met] met
        [missed] MISSED
       *[not-measured] not measured
    }; { $how })
conform-report-kpi-labelled = { $name } "{ $label }": { $actual } against { $target } ({ $verdict ->
        [met] met
        [missed] MISSED
       *[not-measured] not measured
    }; { $how })
conform-report-recurring = recurring problems, back to the responsible owner:
conform-report-problem = { $owner }: { $kind } in { $cases } cases (steps { $steps })
conform-report-findings = findings:
conform-report-finding = case { $case }: { $kind }: { $message }
conform-report-finding-at = case { $case }: { $kind }: { $message } [{ $place }]
# The monitoring page (--html).
conform-page-title = Monitoring: { $title }
conform-heading-summary = Summary
conform-fact-cases = Cases
conform-fact-finished = Finished
conform-fact-open = Still open
conform-fact-judged-at = Open cases judged at
conform-fact-owners-checked = Owners checked
conform-fact-conforming = Conforming
conform-fact-findings = Findings
conform-fact-sla = SLA
conform-count = { $count }
conform-owners-checked-yes = yes (staff directory given)
conform-owners-checked-no = no: no staff directory was given (--staff)
conform-conforming-value = { $conforming } ({ $rate }%)
conform-heading-kpis = KPIs
conform-no-kpi = The process declares no KPI.
conform-column-kpi = KPI
conform-column-target = Target
conform-column-actual = Actual
conform-column-result = Result
conform-column-how = How
conform-result = { $result ->
        [pass] PASS
        [fail] FAIL
       *[not-measured] not measured
    }
conform-heading-cycle-time = Cycle time
conform-no-finished-case = No case has finished yet: there is no cycle time to plot.
conform-cycle-time-label = Histogram of the cycle time of the finished cases against the SLA
conform-bin-tooltip = { $from } to { $to } business days: { $cases ->
        [one] 1 case
       *[other] { $cases } cases
    }
conform-axis-cycle-time = cycle time (business days)
conform-axis-cases = cases
conform-sla-line = SLA { $sla }
conform-cycle-caption = { $finished ->
        [one] 1 finished case
       *[other] { $finished } finished cases
    }; { $over } took longer than the SLA of { $sla }.
conform-cycle-caption-no-sla = { $finished ->
        [one] 1 finished case
       *[other] { $finished } finished cases
    }; the process has no SLA.
conform-heading-deviations = Deviations per step
conform-whole-case = the whole case
conform-no-deviation = No deviation: every case followed the process.
conform-kind-count = { $kind } { $cases }
conform-kind-counts = { $kinds }
conform-deviations-label = Cases with a finding, per step
conform-axis-deviations = cases with a finding, added up over the kinds
conform-deviations-caption = { $steps ->
        [one] 1 step
       *[other] { $steps } steps
    } with findings; the longest bar counts { $top }.
conform-heading-late = Late steps per owner
conform-no-owner = (no owner)
conform-no-late-step = No step was done late.
conform-pareto-label = Pareto of late steps per owner
conform-late-tooltip = { $owner }: { $late } late
conform-axis-late-steps = late steps
conform-axis-cumulative = cumulative share
conform-axis-owner = owner (role of the step)
conform-pareto-caption = { $total ->
        [one] 1 late step
       *[other] { $total } late steps
    }; { $top } of them on { $owner } ({ $share }%).
conform-heading-recurring = Recurring problems
conform-no-recurring = No owner has the same kind of problem in two cases or more.
conform-column-owner = Owner
conform-column-problem = Problem
conform-column-steps = Steps
conform-column-cases = Cases
conform-steps = { $steps }
conform-heading-findings = Findings
conform-no-finding = No finding.
conform-column-case = Case
conform-column-kind = Kind
conform-column-step = Step
conform-column-what = What happened
conform-column-where = Where
conform-footer = Generated by flowc conform from the event log and the process files.

## end of conform


## ============================================================
## lsp: The language server's hovers of steps, inputs, values, recorded values, KPIs, calls, parties and durations.
## ============================================================

lsp-undefined = `{ $name }` (undefined)
lsp-hover-input = **input** `{ $name }`: { $kind }
lsp-hover-of-process = of process { $process }
lsp-hover-choice = **value** `{ $value }` of input `{ $input }`: { $kind }
lsp-hover-record = **recorded value** `{ $name }`: { $kind }
lsp-hover-record-labelled = **recorded value** `{ $name }` { $label }: { $kind }
lsp-hover-recorded-by = recorded by step { $step } of process { $process }
lsp-hover-calls-nothing = - calls: no process (no `process` line)
lsp-hover-calls-undefined = - calls: `{ $name }` (undefined)
lsp-hover-calls = - calls: process { $process }
lsp-hover-callee-owner = - owner: { $owner } (the called process's owner)
lsp-hover-callee-no-owner = - owner: none (the called process has no owner)
lsp-hover-call-input = - input `{ $name }` ({ $kind }) { $given }
lsp-hover-not-given = not given
lsp-hover-given = { "=" } `{ $value }`
lsp-hover-node = **{ $kind }** { $name }
lsp-hover-in-process = in process { $process }
lsp-hover-step-owner = - owner: { $owner }
lsp-hover-no-owner = - owner: none
lsp-hover-deadline = - deadline: within { $duration }
lsp-hover-no-deadline = - deadline: none
lsp-hover-at-least = - at least { $duration }: cannot be finished earlier
lsp-hover-records = - records `{ $name }`: { $kind }
lsp-hover-reminder = - reminder after { $duration }
lsp-hover-escalation = - escalation after { $duration } to { $to }
lsp-hover-next = - next → { $target }
lsp-hover-outcome = - on { $outcome } → { $target }
lsp-hover-when = - when { $condition } → { $target }
lsp-hover-otherwise = - otherwise → { $target }
lsp-hover-timeout = - on timeout after { $after } → { $target }
lsp-hover-branch = - branch { $target }
lsp-hover-kpi = **KPI** { $name }
lsp-type-money = money in { $currency }
lsp-type = { $kind ->
        [number] a number
        [text] text
        [yes-no] yes or no
       *[date] a date
    }
lsp-type-choice = one of { $values }
lsp-calendar-days = { $duration } (≈ { $days } calendar days)
lsp-business-days = { $duration } (= { $business } business days)
lsp-duration = **{ $duration }**
lsp-duration-business = - { $business } business days ({ $hours } working hours)
lsp-duration-calendar = - ≈ { $days } calendar days
lsp-weekday = { $day ->
        [Mon] Mon
        [Tue] Tue
        [Wed] Wed
        [Thu] Thu
        [Fri] Fri
        [Sat] Sat
       *[Sun] Sun
    }
lsp-working-calendar = under the working calendar: { $days } working, { $hours } hours a day{ $holidays ->
        [0] {""}
        [one] , 1 holiday
       *[other] , { $holidays } holidays
    }
lsp-party-no-applicant = - nobody: process { $process } has no `applicant` line
lsp-party-nobody-top = nobody ({ $role } reports to no one)
lsp-party-nobody-undefined = nobody (an undefined name)
lsp-party-when-applicant = - when the applicant is { $role }: { $who }
lsp-party-item = - { $who }

## end of lsp


## ============================================================
## cli-more: More messages of the command line: build, doc and conform errors, notes, the answers of flowc watch.
## ============================================================

cli-note = note: { $message }
cli-note-left-to-builtin = process `{ $process }` has { $nodes } nodes: drawn by the built-in layout, as Graphviz takes minutes on processes of more than { $most } nodes (`--engine dot` uses it anyway)
cli-cannot-write-file = cannot write { $path }: { $error }
cli-cannot-create-folder = cannot create { $path }: { $error }
cli-build-project-has-errors = the project has errors
cli-build-same-file = two projects define a process that would be written to `{ $name }`; build them into different directories
cli-doc-same-process = two projects define a process `{ $name }`; document them into different directories
cli-doc-same-page = processes `{ $other }` and `{ $name }` would get the same page `{ $page }.html` (names that differ only in case are one file on macOS and Windows); nothing was written
    help: rename one of them
cli-conform-log-error = error: { $path }: { $message }
cli-conform-bad-now = --now { $now }: write YYYY-MM-DDTHH:MM, e.g. 2026-12-01T18:00
cli-conform-cannot-read = { $path }: cannot be read: { $error }
cli-conform-file-error = { $path }: { $message }
cli-conform-log-unreadable = cannot be read: { $error }
cli-conform-bad-map = --map { $map }: write FIELD=COLUMN
cli-conform-empty-log = the log holds no event: export the cases to check
cli-diff-two-paths = give two paths, `flowc diff OLD NEW`, or a revision, `flowc diff --git REV [PATH]`
cli-diff-git-one-path = with `--git`, give at most one path: `flowc diff --git REV [PATH]`
cli-diff-no-current-directory = cannot read the current directory: { $error }
cli-diff-no-project = { $path }: no project
cli-diff-side-has-errors = the { $side ->
        [old] old
       *[new] new
    } version ({ $path }) has errors; only versions that pass `flowc check` are compared
cli-fmt-no-such-path = { $path }: no such file or directory
cli-fmt-reformatted = reformatted { $path }
# The plain-text answers of flowc watch to requests it refuses.
watch-refused = { $why ->
        [host] flowc watch answers only requests for this machine (Host header)
        [method] flowc watch only serves pages (GET and HEAD)
        [target] flowc watch answers only requests for a path
        [origin] flowc watch sends its events only to its own pages (Origin header)
       *[stopped] flowc watch stopped
    }
cli-watch-cannot-accept = warning: flowc watch cannot accept a connection: { $error }
    help: it closes its oldest connection and keeps trying (said once); raise `ulimit -n` or lower --max-connections
cli-watch-cannot-serve-more = error: flowc watch cannot serve any more: { $why }
cli-watch-it-stopped = it stopped
cli-lsp-failed = error: flowc lsp: { $error }
cli-load-not-found = { $path }: no such file or directory
cli-load-unreadable = { $path }: cannot read: { $reason }
render-graphviz-missing = `--engine dot` needs Graphviz's `dot` on PATH, and it is not there; install Graphviz (Debian: `apt-get install graphviz`) or use `--engine builtin`
render-png-needs-graphviz = PNG diagrams need Graphviz's `dot` and it is not used here; install Graphviz (Debian: `apt-get install graphviz`, plus `fonts-noto-cjk` for Chinese labels) or emit `svg` only
render-graphviz-failed = Graphviz failed to draw `{ $process }`: { $message }

## end of cli-more

## h18g: the organisation and files picture of a visual diff
diff-visual-organisation-title = Organisation and files: changes in no process
diff-visual-reports-to = reports to { $role }
diff-visual-no-department = (no department)
