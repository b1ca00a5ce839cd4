# flowc's messages in zh-Hant. One file per language, the same ids and
# variables in each (held by the test i18n::catalogue). Sections by
# output; keep each message in its section.


## ============================================================
## common: Words used across outputs (lists, severities, the summary line of a check).
## ============================================================

list-separator = { "、" }
severity-error = 錯誤
severity-warning = 警告
check-summary = { $errors } 個錯誤、{ $warnings } 個警告，共 { $files } 個文件
diagnostic-with-help = { $message }
    修正：{ $help }
annotation-with-help = { $message } [{ $code }]
    修正：{ $help }
diagnostic-related-not-drawn = 另有 { $count } 處相關位置未在此畫出；`--format json` 列出全部
quoted-name = `{ $name }`
money = { $currency ->
        [CNY] { $amount } 元
        [RMB] { $amount } 元
       *[other] { $amount } { $currency }
    }
duration = { $amount } { $unit ->
        [minute] 分鐘
        [hour] 小時
        [day] 天
        [business-day] 個工作日
        [week] 週
        [month] 個月
       *[year] 年
    }
date = { $year }年{ $month }月{ $day }日
unannounced-year = 警告：節假日預置「{ $preset }」沒有 { $year } 年的通知{ $coverage ->
        [none] {""}
       *[known] （只到 { $covered } 年）
    }，因此 { $year } 年只按工作週計算；請把該年的節假日寫入 flowc.toml 的 [calendar] holidays，或在通知發布後更新 flowc

## end of common


## ============================================================
## diagnostics-a: Diagnostics of the rules approval-by-applicant .. invalid-suppression (src/check/rules, a-i), and the checker's shared fragments.
## ============================================================

outside-project-unseen-names = { $path } 不在任何項目內檢查（其文件夾及上層都沒有 flowc.toml），因此看不到它提到的角色與部門：{ $names }（{ $places } 處）
outside-project-unseen-names-label = 聲明在本次未讀取的文件中
outside-project-unseen-names-help = 與聲明它們的文件一起檢查（對同時包含兩者的文件夾執行 `flowc check FOLDER`），或把該文件夾設為項目：在其中放一個 flowc.toml（文件夾是新的時，`flowc init FOLDER` 會寫入一個，附示例 org.flow）

## end of diagnostics-a


## ============================================================
## diagnostics-b: Diagnostics of the rules manager-of-nobody .. unused-suppression (src/check/rules, m-z), syntax errors and model errors.
## ============================================================

syntax-error-label = 此處

## end of diagnostics-b


## ============================================================
## explain: flowc explain: headings and rule summaries.
## ============================================================

explain-page-heading = { $name }（{ $code }）
explain-default-severity = 默認嚴重程度：{ $level }
explain-principle = 原則：{ $principle }
explain-level-off = 關閉
explain-level-off-how = 關閉（在 `flowc.toml` 中開啟：`[rules] { $name } = "{ $severity }"`）
explain-heading-what = 檢查內容
explain-heading-why = 為什麼
explain-heading-example = 示例
explain-heading-fix = 如何修正
explain-full-description = { $summary }原則：{ $principle }。
principle-legality = 合法性
principle-systematic = 系統性
principle-simplicity = 簡潔性
principle-clarity = 明確性
principle-operability = 可操作性
principle-review = 流程梳理與優化
principle-monitoring = 流程執行與監控
explain-unknown-rule-closest = 錯誤：沒有名為 `{ $asked }` 的規則；是否想找 `{ $name }`？
    提示：運行 `flowc explain { $name }`，或運行 `flowc rules` 查看規則列表
explain-unknown-rule = 錯誤：沒有名為 `{ $asked }` 的規則；現有規則：{ $names }
    提示：運行 `flowc rules` 查看每條規則的編號和摘要

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

