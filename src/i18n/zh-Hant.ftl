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
diagnostic-help-prefix = 修正：
diagnostic-related-prefix = 相關位置：

## end of common


## ============================================================
## diagnostics-a: Diagnostics of the rules approval-by-applicant .. invalid-suppression (src/check/rules, a-i), and the checker's shared fragments.
## ============================================================

outside-project-unseen-names = { $path } 不在任何項目內檢查（其文件夾及上層都沒有 flowc.toml），因此看不到它提到的角色與部門：{ $names }（{ $places } 處）
outside-project-unseen-names-label = 聲明在本次未讀取的文件中
outside-project-unseen-names-help = 與聲明它們的文件一起檢查（對同時包含兩者的文件夾執行 `flowc check FOLDER`），或把該文件夾設為項目：在其中放一個 flowc.toml（文件夾是新的時，`flowc init FOLDER` 會寫入一個，附示例 org.flow）

# Shared fragments of the checker's messages.
list-and = { $init } 和 { $last }
list-or = { $init } 或 { $last }
either-or = { $first } 或 { $second }
reasons-and = { $first }；{ $second }
cases-then = { $first }；{ $second }
kind-noun = { $kind ->
        [department] 部門
        [role] 角色
        [process] 流程
        [input] 填報項
        [kpi] 關鍵指標
        [decision] 判斷
        [parallel-block] 並行塊
        [call] 調用
        [end] 結束節點
       *[step] 步驟
    }
kind-noun-with-article = { $kind ->
        [department] 部門
        [role] 角色
        [process] 流程
        [input] 填報項
        [kpi] 關鍵指標
        [decision] 判斷
        [parallel-block] 並行塊
        [call] 調用
        [end] 結束節點
       *[step] 步驟
    }
when-applicant = 申請人為 { $roles } 時
in-every-case = 在所有情況下
step-part = 步驟 `{ $step }` 的{ $part ->
        [owner] 責任人
        [escalation] 督辦人
        [notified] 知會對象
       *[consulted] 徵詢對象
    }
reports-to-no-one = `{ $role }` 沒有上級
duration-in-business-days = { $duration }（{ $days }）
the-deadline = 時間節點
did-you-mean = 是否想寫 `{ $name }`？
the-called-process = 被調用的流程
decision-value = `{ $name } = { $value }`
decision-values = { $values }
too-intricate-label = 未分析
loop-entered-here = 從這裡進入循環
type-noun = { $kind ->
        [money] 以 { $currency } 計的金額
        [number] 數字
        [text] 文本
        [yes-no] 是/否
        [date] 日期
       *[choice] { $values } 之一
    }
value-noun = { $kind ->
        [money] 金額
        [number] 數字
        [date] 日期
        [text] 文本
       *[name] 名稱
    } `{ $value }`
type-example = { $kind ->
        [money] 以 { $currency } 計的金額，例如 `5000 { $currency }`
        [number] 不帶單位的數字，例如 `10`
        [text] 加引號的文本，例如 `"ACME Ltd."`
        [yes-no] `yes` 或 `no`
        [date] 寫成 `{ $date }` 的日期
        [any-date] `YYYY-MM-DD` 格式的日期，例如 `2026-07-01`
       *[choice] 它的取值之一：{ $values }
    }

# applicant-without-manager
applicant-without-manager-message = 申請人為 `{ $role }` 時無法走完流程 `{ $process }`：{ $part } `{ $party }` 指不到任何人，原因是：{ $chain }{ $more ->
        [0] {""}
        [one] （另有 1 處）
       *[other] （另有 { $more } 處）
    }
applicant-without-manager-line-ends = 其匯報線（{ $line }）止於 `{ $top }`，而 `{ $top }` 沒有上級
applicant-without-manager-label = `{ $role }` 沒有 `{ $party }`
applicant-without-manager-help = 把 `{ $role }` 從 `applicant` 行中去掉、為該步驟指定固定的責任人，或聲明 `{ $top }` 向誰匯報
applicant-without-manager-related = 申請人為 `{ $role }` 時指不到任何人

# approval-by-applicant
approval-by-applicant-message = 步驟 `{ $step }` 審批申請人的申請，但{ $when }，其責任人 `{ $party }` 可能就是申請人本人：任何人不得審批自己的申請
approval-by-applicant-label = { $when }可能就是申請人本人
approval-by-applicant-help = 把審批交給相對於申請人而定的人，通常是 `owner manager of applicant`

# call-inputs
call-inputs-no-process = 調用 `{ $call }` 沒有指明流程：缺少 `process` 行
call-inputs-no-process-label = 不運行任何流程
call-inputs-no-process-help = 添加 `process NAME`，指明調用的流程
call-inputs-declared-as = `{ $name }` 聲明為{ $kind }
call-inputs-missing = 調用 `{ $call }` 沒有提供 `{ $callee }` 的填報項 `{ $name }`（{ $kind }）
call-inputs-missing-label = 沒有 `with { $name } = ...`
call-inputs-missing-help = 添加 `with { $name } = VALUE`，值可以是常量，也可以是 `{ $process }` 的填報項或記錄值
call-inputs-the-input = 該填報項
call-inputs-unknown = 流程 `{ $callee }` 沒有填報項 `{ $name }`
call-inputs-unknown-label = 不是被調用流程的填報項
call-inputs-takes-no-inputs = `{ $callee }` 沒有填報項
call-inputs-give-one-of = 請使用它的填報項之一：{ $inputs }
call-inputs-wrong-type = `{ $callee }` 的填報項 `{ $name }` 是{ $kind }，但傳入的是{ $given }
call-inputs-wrong-type-label = 不是{ $kind }
call-inputs-value-which-is = 值 `{ $value }`（{ $kind }）
call-inputs-give-example = 請傳入：{ $example }；或傳入 `{ $process }` 中該類型的填報項或記錄值
call-inputs-give-example-meant = 請傳入：{ $example }；或傳入 `{ $process }` 中該類型的填報項或記錄值（是否想寫 `{ $meant }`？）
call-inputs-give-type = 請傳入類型為{ $kind }的值（flowc 不在類型之間轉換）

# call-outcomes
call-outcomes-unknown = 流程 `{ $callee }` 沒有結束節點 `{ $end }`
call-outcomes-unknown-label = 不是被調用流程的結束節點
call-outcomes-route-one-of = 請為它的結束節點之一指定去向：{ $ends }
call-outcomes-not-routed = `{ $callee }` 結束於 `{ $end }` 時，調用 `{ $call }` 無路可走
call-outcomes-not-routed-label = 沒有 `on { $end }`，也沒有 `next`
call-outcomes-not-routed-help = 添加 `on { $end } -> TARGET`；或用 `next TARGET` 接住所有未指定去向的結束節點
call-outcomes-the-end = 該結束節點

# dead-end
dead-end-no-branches = 判斷 `{ $node }` 沒有分支，流程 `{ $process }` 從這裡無法結束
dead-end-no-branches-label = 沒有 `when` 或 `otherwise`
dead-end-no-branches-help = 添加若干 `when CONDITION -> TARGET` 行和一個 `otherwise -> TARGET`
dead-end-no-next = { $kind } `{ $node }` 沒有 `next`，流程 `{ $process }` 在此之後無法結束
dead-end-block-no-next-label = 沒有 `next` 行
dead-end-block-no-next-help = 為並行塊添加 `next TARGET`，指明所有分支完成後工作流向哪裡
dead-end-no-next-label = 無處可去
dead-end-add-next-help = 為 `{ $node }` 添加 `next TARGET`，通向某個結束節點
dead-end-self-loop = { $kind } `{ $node }` 只會回到自身，流程 `{ $process }` 從這裡無法結束
dead-end-self-loop-label = 自我循環
dead-end-loop = { $nodes } 在流程 `{ $process }` 中構成循環，沒有通向 `end` 的出口
dead-end-loop-help = 為其中之一添加離開循環、通向結束節點的 `next`、結果或判斷分支
dead-end-loop-related = 循環的一部分

# decision-gap, decision-overlap
decision-gap-message = 當 { $values } 時，判斷 `{ $name }` 沒有任何分支成立
decision-gap-label = 沒有任何 `when` 成立，也沒有 `otherwise`
decision-gap-help = 添加 `otherwise -> TARGET`，或修改各個 `when`，使其覆蓋 { $values }
decision-too-intricate = 判斷 `{ $node }` 過於複雜，flowc 無法檢查{ $question ->
        [cover] 其分支是否覆蓋所有情況
       *[overlap] 是否至多只有一個分支成立
    }（分析超過 { $work } 步）
decision-too-intricate-help = 把它拆成幾個判斷，每個比較較少的填報項，讓人和 flowc 都能看懂
decision-overlap-message = 當 { $values } 時，判斷 `{ $name }` 有兩個分支同時成立（第 { $first } 行和第 { $second } 行）
decision-overlap-label = { $values } 時成立
decision-overlap-help = 讓條件互斥：決定 { $values } 時走兩個分支中的哪一個，並收窄另一個分支的條件
decision-overlap-related = { $values } 時此處也成立

# duplicate-name
duplicate-name-same-kind = { $place ->
        [project] {""}
       *[process] 流程 `{ $process }` 中的
    }{ $kind } `{ $name }` 被定義了兩次
duplicate-name-other-kind = { $place ->
        [project] {""}
       *[process] 流程 `{ $process }` 中{" "}
    }`{ $name }` 被定義了兩次：一次是{ $first }，一次是{ $second }
duplicate-name-label = 此處再次定義了{ $kind } `{ $name }`
duplicate-name-help = 重命名或刪除其中一個：{ $scope ->
        [global] 部門、角色和流程在項目的所有文件中共用一個命名空間
        [input] 同一流程的填報項名稱必須各不相同
        [kpi] 同一流程的關鍵指標名稱必須各不相同
       *[node] 同一流程的步驟、判斷、並行塊和結束節點名稱必須各不相同
    }
duplicate-name-related = { $kind } `{ $name }` 首次定義於此

# endless-loop
endless-loop-message = 流程 `{ $process }` { $count ->
        [0] 無論填報項取何值都
       *[other] 在 { $values } 時
    }永遠不會結束：經過 { $nodes } 的循環對這些取值沒有出口
endless-loop-help = 為循環添加一個出口，{ $count ->
        [0] 使任何取值都能離開
       *[other] 使 { $values } 時也能離開
    }：一個通向循環外的 `when` 或 `otherwise`，或一個可由人選擇的結果（`on cancel -> END`）
endless-loop-related = 只能通過 { $exits } 離開循環
endless-loop-too-intricate = 經過 { $nodes } 的循環過於複雜，flowc 無法檢查每種填報項取值是否都能離開它（分析超過 { $work } 步）
endless-loop-too-intricate-help = 把其中的判斷拆成幾個，每個比較較少的填報項，讓人和 flowc 都能看懂

# escalation-before-deadline
escalation-before-deadline-message = 步驟 `{ $step }` 在 { $after }後交由 `{ $to }` 督辦，早於其時間節點（{ $deadline }）
escalation-before-deadline-label = 步驟尚未到期
escalation-before-deadline-help = 在 `within { $within }` 到期時或之後再督辦；若要在時間節點前催促責任人，請用 `remind after`

# escalation-not-upward
escalation-not-upward-message = 步驟 `{ $step }` 交由 `{ $target }` 督辦，但在匯報關係中 `{ $target }` 並不在其責任人 `{ $owner }` 之上（{ $line }）
escalation-not-upward-label = 不在 `{ $owner }` 之上
escalation-not-upward-help-superior = 督辦給 `{ $owner }` 匯報線上的角色，通常是 `{ $superior }`；或更正 `reports to` 行
escalation-not-upward-help-no-line = 聲明 `{ $owner }` 向誰匯報（`reports to ROLE`），或刪除該督辦
escalation-not-upward-case = { $when }，`{ $target }` 不在 `{ $owner }` 之上（{ $line }）
escalation-not-upward-cases = 步驟 `{ $step }` 交由 `{ $target }` 督辦，但在匯報關係中此人並不總在其責任人 `{ $owner }` 之上：{ $cases }
escalation-not-upward-cases-help = 督辦給責任人之上的人，通常是 `manager of { $owner }`；或更正 `reports to` 行

# escalation-order
escalation-order-message = 步驟 `{ $step }` 的督辦沒有逐級升高（`escalate after { $after } to { $to }` 跟在 `escalate after { $before_after } to { $before_to }` 之後）：{ $reasons }
escalation-order-not-later = 後一條並不更晚，{ $after }不晚於 { $before }
escalation-order-same-role = 後一條交給了同一個角色 `{ $role }`
escalation-order-not-above = `{ $high }` 不在 `{ $low }` 之上（{ $line }）
escalation-order-in-case = { $when }，{ $reason }
escalation-order-label = 沒有比上一行更晚、更高
escalation-order-help = 每條督辦都應比上一條更晚，並交給比上一條更高的角色（通常是其上級）
escalation-order-related = 上一條督辦

# escalation-to-self
escalation-to-self-message = 步驟 `{ $step }` 交由其責任人 `{ $owner }` 本人督辦
escalation-to-self-label = 該步驟的責任人
escalation-to-self-help-superior = 督辦給 `{ $owner }` 的上級 `{ $superior }`
escalation-to-self-help-no-line = `{ $owner }` 沒有上級：刪除該督辦，或聲明 `{ $owner }` 向誰匯報
escalation-to-self-cases = 步驟 `{ $step }` 交由 `{ $to }` 督辦，而此人就是其責任人 `{ $party }`{ $relative ->
        [yes] ：{ $cases }
       *[no] （{ $cases }）
    }
escalation-to-self-owner-when = `{ $owner }`（{ $when }）
escalation-to-self-help-owner-superior = 督辦給責任人的上級 `{ $superior }`

# invalid-parallel
invalid-parallel-too-few = 並行塊 `{ $name }` 只有 { $count } 個分支；至少需要兩個
invalid-parallel-too-few-label = `branch` 行太少
invalid-parallel-too-few-help = 為每個同時進行的步驟添加 `branch STEP` 行，或用普通的 `next` 取代該並行塊
invalid-parallel-not-a-step = 並行塊 `{ $name }` 中的 `{ $branch }` 是{ $kind }，不是步驟
invalid-parallel-not-a-step-help = 分支必須是步驟；判斷和結束節點應接在並行塊的 `next` 之後
invalid-parallel-listed-twice = 步驟 `{ $branch }` 在並行塊 `{ $name }` 中列出了兩次
invalid-parallel-listed-twice-label = 再次列出
invalid-parallel-listed-twice-help = 刪除兩行 `branch` 中的一行
invalid-parallel-first-listed = 首次列出於此
invalid-parallel-branch-has-next = 步驟 `{ $branch }` 是並行塊 `{ $name }` 的分支，卻有自己的 `next`
invalid-parallel-branch-has-next-label = 分支沒有 `next`
invalid-parallel-branch-has-next-help = 刪除此行：所有分支完成後，並行塊 `{ $name }` 由它自己的 `next` 繼續
invalid-parallel-two-blocks = 步驟 `{ $branch }` 同時是並行塊 `{ $first }` 和 `{ $name }` 的分支
invalid-parallel-two-blocks-label = 已是別處的分支
invalid-parallel-two-blocks-help = 一個步驟只屬於一個並行塊：為 `{ $name }` 另加一個步驟
invalid-parallel-two-blocks-related = 此處是 `{ $first }` 的分支
invalid-parallel-bypass = { $kind } `{ $from }` 直接通向步驟 `{ $step }`，而它是並行塊 `{ $block }` 的分支
invalid-parallel-bypass-label = 繞過了並行塊
invalid-parallel-bypass-help = 改為通向並行塊（`{ $block }`）：其分支同時開始，全部完成後才繼續

# invalid-signing
invalid-signing-quorum-zero = 步驟 `{ $step }` 的責任人行 `owner { $owners }` 不要求任何審批
invalid-signing-quorum-zero-help = 至少要求 1 個審批
invalid-signing-quorum-too-large = 步驟 `{ $step }` 的責任人行 `owner { $owners }` 要求 { $count } 方中的 { $required } 方審批，永遠無法通過
invalid-signing-quorum-too-large-help = 最多要求 { $count } 個審批，或列出更多的人
invalid-signing-quorum-label = 不可能達到的審批人數
invalid-signing-one-party = 步驟 `{ $step }` 以 `{ $form }` 只列了一方 `{ $party }`：沒有其他人可以簽署
invalid-signing-one-party-label = 只有一方
invalid-signing-one-party-help = 寫成 `owner { $party }`，或列出其他各方
invalid-signing-listed-twice = 步驟 `{ $step }` 的責任人行 `owner { $owners }` 把 `{ $party }` 列了兩次
invalid-signing-listed-twice-label = 列了兩次
invalid-signing-listed-twice-help = `{ $party }` 只列一次
invalid-signing-listed-first = 首次列出於此

# invalid-suppression, unused-suppression (src/check/suppression.rs)
suppression-usage = 寫成 `# flowc: allow(rule-name) reason`，例如 `# flowc: allow(missing-deadline) 時間節點由董事會每年確定`
suppression-not-allow = `# flowc:` 注釋寫的是 `{ $word }`；唯一的指令是 `allow(...)`
suppression-not-allow-label = 不是 `allow(...)`
suppression-no-parenthesis = `# flowc: allow` 後面沒有 `(`：要豁免的規則寫在括號裡
suppression-no-parenthesis-label = 缺少 `(`
suppression-unclosed = `# flowc: allow(` 沒有閉合的 `)`
suppression-unclosed-label = `(` 未閉合
suppression-no-reason = 對 { $rules } 的豁免沒有說明理由
suppression-no-reason-label = 沒有理由
suppression-no-reason-help = 在 `)` 之後說明為什麼該檢查結果在此處不適用，例如 `# flowc: allow(missing-deadline) 時間節點由董事會每年確定`
suppression-no-rule = `# flowc: allow()` 沒有指明任何規則
suppression-no-rule-label = 空列表
suppression-no-rule-help = 指明要豁免的規則，例如 `# flowc: allow(missing-deadline) 理由`；`flowc rules` 會列出所有規則
suppression-unknown-rule = `# flowc: allow({ $name })` 指明的規則不存在：沒有名為 `{ $name }` 的規則
suppression-unknown-rule-label = 未知規則
suppression-unknown-rule-help-meant = 是否想寫 `{ $suggestion }`？`flowc rules` 會列出所有規則
suppression-unknown-rule-help = 請指明一條存在的規則；`flowc rules` 會列出所有規則
suppression-not-suppressible = `{ $rule }` 不能用注釋豁免
suppression-not-suppressible-label = 不可豁免
suppression-not-suppressible-help = 修正它所報告的注釋，或在 flowc.toml 中關閉該規則：`[rules]` `{ $rule } = "off"`
suppression-unused = `# flowc: allow({ $name })` 沒有豁免任何內容：第 { $line } 行沒有 `{ $name }` 的檢查結果
suppression-unused-label = 沒有豁免任何內容
suppression-unused-help-comment = 刪除該注釋：它所針對的檢查結果已不存在（或在另一行：把注釋移到該結果的上一行）
suppression-unused-help-name = 從列表中刪除 `{ $name }`：該行已沒有需要豁免的 `{ $name }` 檢查結果

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

