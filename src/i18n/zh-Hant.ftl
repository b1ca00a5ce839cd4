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


## end of explain


## ============================================================
## handbook: The handbook (HTML and Markdown) and the watch page.
## ============================================================

handbook-title = 流程手冊
handbook-index-summary = 共 { $processes } 個流程；其中 { $overdue } 個定期評審逾期或從未評審（截至 { $date }）。
handbook-markdown-summary = 共 { $processes } 個流程；評審狀態截至 { $date }。
handbook-category-heading = { $category ->
        [business] 業務類流程
        [management] 管理類流程
        [approval] 審批類流程
       *[none] 未分類流程
    }
handbook-category = { $category ->
        [business] 業務類
        [management] 管理類
       *[approval] 審批類
    }
handbook-column-process = 流程
handbook-column-process-owner = 歸口部門
handbook-column-owner = 責任人
handbook-column-sla = 辦理時限
handbook-column-review = 定期評審
handbook-no-process = 沒有找到流程。
handbook-calls-heading = 流程之間的調用
handbook-calls-note = 箭頭從一個流程指向它作為步驟調用的流程。
handbook-engine = { $engine ->
        [graphviz] Graphviz dot
       *[builtin] flowc 內置布局
    }
handbook-footer = 由 flowc 根據流程文件生成；評審狀態截至 { $date }；流程圖由 { $engine } 繪製。
handbook-markdown-index-footer = 由 flowc 生成；流程圖由 { $engine } 繪製。
handbook-markdown-page-footer = 評審狀態截至 { $date }；流程圖由 { $engine } 繪製。
handbook-all-processes = ← 全部流程
handbook-monitoring-link = 運行監控：各案件的辦理情況
handbook-from-file = 來自 { $file }。
handbook-findings-heading = 檢查結果（{ $count }）
handbook-finding-help = 修正：{ $help }
handbook-facts-heading = 基本信息
handbook-fact-process = 流程
handbook-fact-owner = 歸口部門
handbook-fact-category = 類別
handbook-fact-sla = 辦理時限
handbook-fact-review-cycle = 定期評審周期
handbook-fact-last-review = 上次評審
handbook-fact-review-status = 評審狀態
handbook-fact-version = 版本
handbook-fact-note = 說明
handbook-fact-calls = 調用
handbook-fact-called-by = 被調用
handbook-version-effective = { $number }，{ $date } 生效
handbook-flag-overdue = ⚠ 已逾期
handbook-flag-never-reviewed = ⚠ 尚未評審
handbook-review-no-cycle = 未設定期評審
handbook-review-never = 從未評審
handbook-review-due = 下次評審：{ $date }
handbook-review-overdue = 評審自 { $date } 起逾期（{ $days } 天）
handbook-inputs-heading = 填報項
handbook-none = 無。
handbook-column-input = 填報項
handbook-column-type = 類型
handbook-type-money = 金額（{ $currency }）
handbook-type = { $kind ->
        [number] 數字
        [text] 文本
        [yes-no] 是/否
       *[date] 日期
    }
handbook-type-choice = { $values } 之一
handbook-diagram-heading = 流程圖
handbook-zoom = 縮放：
handbook-zoom-legible = 清晰（文字至少 12 px）
handbook-zoom-whole = 全圖
handbook-zoom-hint = 滾動或拖動滾動條平移
handbook-print-caption = 第 { $part } 頁，共 { $count } 頁（第 { $row } 行，第 { $column } 列）：{ $continues ->
        [both] 右側內容見下一頁；下方內容見其後各頁
        [right] 右側內容見下一頁
        [below] 下方內容見其後各頁
       *[last] 最後一部分
    }。相鄰頁面重疊一個方框的寬度。
handbook-steps-heading = 步驟
handbook-column-step = 步驟
handbook-column-deadline = 時間節點
handbook-column-records = 記錄
handbook-column-kpis = 關鍵指標
handbook-column-reminders = 提醒
handbook-column-escalation = 督辦
handbook-column-consulted = 徵詢
handbook-column-notified = 知會
handbook-column-outcomes = 結果
handbook-owner-in-department = { $owner }，{ $department }
handbook-escalation = 逾期 { $after }由 { $to } 督辦
handbook-notification = { $who }，{ $moment ->
        [started] 開始時
        [done] 完成時
        [rejected] 駁回時
       *[overdue] 逾期時
    }
handbook-reminder = { $after }後提醒
handbook-titled = { $title }：{ $value }
handbook-called-sla = { $sla }（被調用流程的辦理時限）
handbook-call-with = 傳入 { $binding }
handbook-outcome-on = { $outcome } → { $target }
handbook-outcome-timeout = 超過 { $after }未辦 → { $target }
handbook-outcome-then = 然後 → { $target }
handbook-outcome-next = 下一步 → { $target }
handbook-all-branches-done = { $block } 的所有分支完成
handbook-decisions-heading = 判斷
handbook-column-condition = 條件
handbook-column-goes-to = 去向
handbook-matrix-heading = 責任矩陣
handbook-matrix-key = R 負責 · A 審批（可駁回）· C 徵詢 · I 知會 · E 督辦
handbook-column-who = 角色
handbook-raci-shared = { $mark }（{ $signing ->
        [any-of] 任一
        [all-of] 會簽
       *[quorum] { $total } 人中 { $count } 人
    }）
handbook-kpis-heading = 關鍵指標
handbook-column-indicator = 指標
handbook-column-target = 目標
handbook-kpi-bound = { $bound ->
        [under] 低於
        [at-most] 不高於
        [at-least] 不低於
       *[over] 高於
    }
handbook-kpi-target = { $bound } { $target }
handbook-kpi-statistic-target = { $statistic ->
        [avg] 平均
        [max] 最大
       *[other] { $statistic }
    } { $bound } { $target }
# The live page of flowc watch.
watch-errors-heading = 項目有錯誤
watch-errors-note = 此頁顯示的是最後一次成功生成的版本。修正以下錯誤後，頁面會自動更新：
watch-not-found = 找不到頁面
watch-no-such-page = 手冊中沒有頁面 { $name }。
watch-all-processes = 全部流程
watch-cannot-read = 無法讀取 { $path }

## end of handbook


## ============================================================
## diagram: Diagrams: SVG, PNG, DOT labels, the legend; money, durations, dates and comparisons in words.
## ============================================================

# Conditions in words (model::words::condition): the names compared are
# the user's; English keeps the operators as written, Chinese uses ≤ ≥ ≠.
condition-compare = { $input } { $op ->
        [less] <
        [at-most] ≤
        [greater] >
        [at-least] ≥
        [equal] =
       *[not-equal] ≠
    } { $value }
condition-and = { $left } 且 { $right }
condition-or = { $left } 或 { $right }
condition-not = 並非 { $condition }
condition-group = ({ $condition })
condition-number = { $value }
condition-yes = 是
condition-no = 否
# The words of a diagram's boxes and edges.
diagram-start = 開始
diagram-within = { $duration }內
diagram-at-least = 至少 { $duration }
diagram-calls = 調用 { $process }
diagram-escalation-note = 逾期 { $after } → { $to }
diagram-escalate = 督辦：{ $note }
diagram-otherwise = 否則
diagram-outcome = { $outcome ->
        [reject] 駁回
        [withdraw] 撤回
        [objection] 異議
        [return] 退回
       *[other] { $outcome }
    }
diagram-timeout = ◷ 超過 { $after }
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
party-quorum = { $total } 人中 { $count } 人
party-shared = { $signing }：{ $parties }
# The legend of the built-in SVG layout.
legend-step = 步驟（名稱、責任人、時間節點）
legend-decision = 判斷
legend-countersign = 會簽分支/匯合
legend-end = 結束
legend-rejection = 駁回
legend-escalation = 督辦
legend-call = 調用
legend-at-least = 最短期限
legend-timeout = 超時
# The legend of a DOT (Graphviz) diagram.
legend = 圖例
legend-step-lines = 步驟
    責任人
    時間節點
legend-escalation-note = 督辦：逾期時間 → 督辦人
legend-next = 下一步
legend-timeout-edge = ◷ 超時

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

