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

