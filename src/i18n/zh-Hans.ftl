# flowc's messages in zh-Hans. One file per language, the same ids and
# variables in each (held by the test i18n::catalogue). Sections by
# output; keep each message in its section.


## ============================================================
## common: Words used across outputs (lists, severities, the summary line of a check).
## ============================================================

list-separator = { "、" }
severity-error = 错误
severity-warning = 警告
check-summary = { $errors } 个错误、{ $warnings } 个警告，共 { $files } 个文件
diagnostic-with-help = { $message }
    修正：{ $help }
annotation-with-help = { $message } [{ $code }]
    修正：{ $help }
diagnostic-related-not-drawn = 另有 { $count } 处相关位置未在此画出；`--format json` 列出全部
quoted-name = `{ $name }`
money = { $currency ->
        [CNY] { $amount } 元
        [RMB] { $amount } 元
       *[other] { $amount } { $currency }
    }
duration = { $amount } { $unit ->
        [minute] 分钟
        [hour] 小时
        [day] 天
        [business-day] 个工作日
        [week] 周
        [month] 个月
       *[year] 年
    }
date = { $year }年{ $month }月{ $day }日
unannounced-year = 警告：节假日预置「{ $preset }」没有 { $year } 年的通知{ $coverage ->
        [none] {""}
       *[known] （只到 { $covered } 年）
    }，因此 { $year } 年只按工作周计算；请把该年的节假日写入 flowc.toml 的 [calendar] holidays，或在通知发布后更新 flowc

## end of common


## ============================================================
## diagnostics-a: Diagnostics of the rules approval-by-applicant .. invalid-suppression (src/check/rules, a-i), and the checker's shared fragments.
## ============================================================

outside-project-unseen-names = { $path } 不在任何项目内检查（其文件夹及上层都没有 flowc.toml），因此看不到它提到的角色与部门：{ $names }（{ $places } 处）
outside-project-unseen-names-label = 声明在本次未读取的文件中
outside-project-unseen-names-help = 与声明它们的文件一起检查（对同时包含两者的文件夹执行 `flowc check FOLDER`），或把该文件夹设为项目：在其中放一个 flowc.toml（文件夹是新的时，`flowc init FOLDER` 会写入一个，附示例 org.flow）

## end of diagnostics-a


## ============================================================
## diagnostics-b: Diagnostics of the rules manager-of-nobody .. unused-suppression (src/check/rules, m-z), syntax errors and model errors.
## ============================================================

syntax-error-label = 此处

## end of diagnostics-b


## ============================================================
## explain: flowc explain: headings and rule summaries.
## ============================================================

explain-page-heading = { $name }（{ $code }）
explain-default-severity = 默认严重程度：{ $level }
explain-principle = 原则：{ $principle }
explain-level-off = 关闭
explain-level-off-how = 关闭（在 `flowc.toml` 中开启：`[rules] { $name } = "{ $severity }"`）
explain-heading-what = 检查内容
explain-heading-why = 为什么
explain-heading-example = 示例
explain-heading-fix = 如何修正
explain-full-description = { $summary }原则：{ $principle }。
principle-legality = 合法性
principle-systematic = 系统性
principle-simplicity = 简洁性
principle-clarity = 明确性
principle-operability = 可操作性
principle-review = 流程梳理与优化
principle-monitoring = 流程执行与监控
explain-unknown-rule-closest = 错误：没有名为 `{ $asked }` 的规则；是否想找 `{ $name }`？
    提示：运行 `flowc explain { $name }`，或运行 `flowc rules` 查看规则列表
explain-unknown-rule = 错误：没有名为 `{ $asked }` 的规则；现有规则：{ $names }
    提示：运行 `flowc rules` 查看每条规则的编号和摘要

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

