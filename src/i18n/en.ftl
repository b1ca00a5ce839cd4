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

syntax-error-label = here

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


## end of handbook


## ============================================================
## diagram: Diagrams: SVG, PNG, DOT labels, the legend; money, durations, dates and comparisons in words.
## ============================================================


## end of diagram


## ============================================================
## sim: flowc sim: the timeline.
## ============================================================


## end of sim


## ============================================================
## diff: flowc diff: human and markdown reports, the visual diff.
## ============================================================


## end of diff


## ============================================================
## init: flowc init: the templates.
## ============================================================


## end of init


## ============================================================
## cli: Messages of the command line (files, projects, outputs).
## ============================================================


## end of cli

