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

## end of diagnostics-a


## ============================================================
## diagnostics-b: Diagnostics of the rules manager-of-nobody .. unused-suppression (src/check/rules, m-z), syntax errors and model errors.
## ============================================================

syntax-error-label = here

## end of diagnostics-b


## ============================================================
## explain: flowc explain: headings and rule summaries.
## ============================================================


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
sim-unannounced-year = warning: the holiday preset "{ $preset }" has no notice for { $year }{ $covered }, so { $year } was counted with the working week only; add that year's holidays to [calendar] holidays in flowc.toml, or update flowc once the notice is out
sim-preset-covers-up-to = { " " }(it covers up to { $year })

## end of sim


## ============================================================
## diff: flowc diff: human and markdown reports, the visual diff.
## ============================================================

diff-heading-organisation = organisation (departments and roles)
diff-heading-process = process { $title }
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
       *[checked] checked
    }
cli-did-you-mean = { " " }(did you mean `{ $name }`?)
cli-no-such-process = error: --process { $process }: no process of that name{ $guess }; the processes are: { $names }
cli-run-could-not-finish = error: the run could not finish: { $message }
cli-sim-bad-deviate = error: --deviate { $deviate }: write a share between 0 and 1, e.g. 0.1
cli-sim-bad-start = error: --start { $start }: write a date and time as YYYY-MM-DDTHH:MM
cli-sim-log-not-generated = error: the log could not be generated: { $message }
cli-diff-wrote-diagrams = wrote { $count ->
        [one] 1 diagram
       *[other] { $count } diagrams
    } to { $out }
lsp-action-change-to = Change to `{ $name }`
lsp-action-add-owner = Add `owner { $owner }` to step `{ $step }`
lsp-action-add-line = Add `{ $line }`

## end of cli

