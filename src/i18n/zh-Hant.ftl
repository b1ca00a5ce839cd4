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

manager-of-nobody-message = `{ $party }`（{ $part }）指不到任何人：匯報線 { $line } 到 `{ $top }` 為止，`{ $top }` 沒有上級
manager-of-nobody-label = `{ $top }` 沒有上級
manager-of-nobody-help = 寫明實際要指的角色，減少 `manager of` 的層數，或聲明 `{ $top }` 向誰匯報
minimum-exceeds-deadline-message = 步驟 `{ $step }` 至少需時 { $minimum }，但時間節點是 { $deadline }內
minimum-exceeds-deadline-label = 比時間節點長
minimum-exceeds-deadline-help = 把步驟的時間節點設為至少 `{ $minimum }`（`within { $minimum }`），或在政策允許時縮短 `at least`
missing-deadline-message = 流程 `{ $process }` 的步驟 `{ $step }` 沒有時間節點
missing-deadline-label = 沒有 `within` 行
missing-deadline-help = 加上 `within DURATION`，例如 `within 2 business days`
missing-end-message = 流程 `{ $process }` 沒有 `end`
missing-end-label = 沒有 `end` 行
missing-end-help = 加上 `end NAME "label"`，並用 `next NAME` 讓最後一個步驟通往它
missing-escalation-message = 步驟 `{ $step }` 沒有督辦，但其責任人 `{ $owner }` 的上級是 `{ $superior }`
missing-escalation-label = 沒有 `escalate after` 行
missing-escalation-help = 加上 `escalate after DURATION to { $superior }`，時長長於 `within { $deadline }`
missing-escalation-help-no-deadline = 加上 `escalate after DURATION to { $superior }`，時長長於步驟的時間節點
missing-kpi-message = 流程 `{ $process }` 沒有 `kpi`：無從衡量它運行得好不好
missing-kpi-label = 沒有 `kpi` 行
missing-kpi-help = 加上一項關鍵指標，例如 `kpi cycle_time "周期" p90 under 10 business days`
missing-process-owner-message = 流程 `{ $process }` 沒有歸口部門
missing-process-owner-label = 沒有 `owner` 行
missing-process-owner-help = 在流程內加上 `owner DEPARTMENT`，寫明維護它的部門（歸口部門），或寫一個角色
missing-review-message = 流程 `{ $process }` 沒有定期評審
missing-review-label = 沒有 `review every` 行
missing-review-help = 加上 `review every DURATION, last DATE`，例如 `review every 12 months, last 2026-03-01`
missing-review-last-message = 流程 `{ $process }` 的定期評審沒有寫上次評審的日期，因此無從得知下次評審何時到期
missing-review-last-label = 沒有 `last DATE`
missing-review-last-help = 加上上次評審的日期（新流程寫其批准的日期）：`review every { $every }, last YYYY-MM-DD`
missing-sla-message = 流程 `{ $process }` 沒有 `sla`：無從得知它最長可辦理多久
missing-sla-label = 沒有 `sla` 行
missing-sla-help = 為流程加上 `sla DURATION`；其最長路徑需時 { $longest }，辦理時限應至少為此
missing-sla-help-example = 為流程加上 `sla DURATION`，例如 `sla 15 business days`
missing-start-message = 流程 `{ $process }` 沒有 `start`
missing-start-label = 沒有 `start` 行
missing-start-help = 加上 `start STEP`，寫明流程從哪個步驟開始
syntax-error-label = 此處
setting-holder = { $kind ->
        [process] 流程
        [step] 步驟
        [decision] 判斷
        [call] 調用
       *[parallel-block] 並行塊
    } `{ $name }`
read-before-record-message = { $kind } `{ $node }` 讀取 `{ $name }`，但它可能尚未記錄：經由 { $way } 的路線上沒有任何步驟記錄它（步驟 `{ $step }` 完成時才記錄）
read-before-record-timed-out = `{ $name }`（超時）
read-before-record-label = `{ $name }` 可能尚未記錄
read-before-record-help = 在通往 `{ $node }` 的每條路線上都記錄 `{ $name }`，或只在步驟 `{ $step }` 之後讀取它
read-before-record-related = 在此記錄
recursive-call-message = 流程 `{ $process }` 調用了自身：{ $loop }
recursive-call-label = 調用循環從此開始
recursive-call-help = 把工作退回到較早的步驟，而不是重新開始流程，或把此調用移出循環
recursive-call-related = `{ $process }` 在此繼續調用
redundant-approval-message = 步驟 `{ $first }` 與 `{ $second }` 是同一責任人 `{ $owner }` 的連續審核：第二次審批是多餘的
redundant-approval-message-cases = 步驟 `{ $first }` 與 `{ $second }` 是同一責任人的連續審核（{ $cases }）：第二次審批是多餘的
redundant-approval-case = { $when }，`{ $first }` 與 `{ $second }` 都是 { $owners }
redundant-approval-label = `{ $owner }` 再次審核
redundant-approval-label-cases = 同一責任人再次審核
redundant-approval-help = 把兩次審核合併為一個步驟，或把第二次審核交給更上一級
redundant-approval-related = `{ $owner }` 的第一次審核
redundant-approval-related-cases = 同一責任人的第一次審核
reminder-after-deadline-message = 步驟 `{ $step }` 在 { $reminder }後才提醒責任人，不在其時間節點 { $deadline }之前
reminder-after-deadline-label = 在時間節點或之後
reminder-after-deadline-help = 在 `within { $deadline }` 之前提醒；要在步驟逾期後處理，請用 `escalate after ... to ROLE`
repeated-setting-message = { $holder } 兩次設定 `{ $setting }`
repeated-setting-label = 第二個 `{ $setting }`
repeated-setting-help = 保留一行 `{ $setting }`，刪除另一行
repeated-setting-related = 第一個 `{ $setting }` 在此
timeout-before-deadline-message = 步驟 `{ $step }` 在 { $timeout }後超時，早於其時間節點 { $deadline }
timeout-before-deadline-label = 早於步驟到期
timeout-before-deadline-help = 把超時設在時間節點或之後（`on timeout after { $deadline } -> ...`），或把時間節點縮短為責任人實際擁有的時間
chain-link = { $first } -> { $second }
chain-name = `{ $name }`
path-link = { $first } → { $second }
reporting-cycle-message = 角色 `{ $role }` 向自己匯報：{ $circle }
reporting-cycle-label = 使匯報線形成閉環
reporting-cycle-help = 修正指回下級的那一行 `reports to`，讓匯報線的頂端不向任何人匯報
reporting-cycle-related = `{ $role }` 再向上匯報
required-participant-message = 流程 `{ $process }` 可以不經 `{ $participant }` 而結束：{ $case } { $path } 上沒有由 `{ $participant }` { $department ->
        [yes] 或其下屬角色
       *[no] { "" }
    }負責的步驟。要求的理由：{ $reason }
required-participant-case = 路徑
required-participant-case-amount = 當 `{ $input }` = { $amount } { $currency ->
        [CNY] 元
        [RMB] 元
       *[other] { $currency }
    } 時，路徑
required-participant-label = 可以不經 `{ $participant }` 而結束
required-participant-help = 在每條路徑上加一個由 `{ $participant }` 負責的步驟；該要求是 flowc.toml 中的第 { $number } 個 `[[required-participant]]`
required-participant-help-amount = 在金額超過 { $amount } { $currency ->
        [CNY] 元
        [RMB] 元
       *[other] { $currency }
    } 時所走的每條路徑上加一個由 `{ $participant }` 負責的步驟；該要求是 flowc.toml 中的第 { $number } 個 `[[required-participant]]`
reserved-input-name-outcome = { $kind ->
        [input] 填報項
       *[record] 記錄
    } `{ $name }` 是每個任務用來表示其辦理結果的流程變量：引擎在每個步驟都會覆寫它（兩種方言皆然）
reserved-input-name-reserved = { $kind ->
        [input] 填報項
       *[record] 記錄
    } `{ $name }` 是 { $languages ->
        [feel] FEEL（Zeebe 方言）
        [python] Python（SpiffWorkflow 方言）
       *[both] FEEL（Zeebe 方言）和 Python（SpiffWorkflow 方言）
    }的保留字：以它為條件無法按所寫的求值
reserved-input-name-label = 保留名稱
reserved-input-name-help = 重新命名該{ $kind ->
        [input] 填報項
       *[record] 記錄
    }（例如 `{ $name }_value`）及用到它的條件
review-overdue-message = 流程 `{ $process }` 的定期評審已逾期：上次評審於 { $last }，每 { $every }評審一次，應於 { $due }評審，至今已逾期 { $late } 天（今天是 { $today }）
review-overdue-label = 應於 { $due }評審
review-overdue-help = 評審流程，然後寫上評審的日期：`review every { $every }, last { $today }`
self-approval-message = 步驟 `{ $review }` 審核{ $kind } `{ $reviewed }` 的工作（`on { $outcome } -> { $reviewed }`），但兩者的責任人都是 `{ $owner }`：任何人都不得審批自己的工作
self-approval-label = 把工作退回 `{ $owner }` 自己的步驟
self-approval-related = 被審核的步驟，責任人同樣是 `{ $owner }`
self-approval-help-superior = 把審核交給 `{ $owner }` 以外的人，例如其上級 `{ $superior }`
self-approval-help = 把審核交給 `{ $owner }` 以外的人
self-approval-help-department = 把審核交給 `{ $owner }` 部門以外的人
self-approval-cases-message = 步驟 `{ $review }` 審核步驟 `{ $reviewed }` 的工作（`on { $outcome } -> { $reviewed }`），但其責任人 `{ $reviewer }` 與經辦人 `{ $author }` 是同一人：{ $cases }；任何人都不得審批自己的工作
self-approval-case = { $when }兩者都是 `{ $unit }`
self-approval-cases-label = 把工作退回審核人自己的步驟
self-approval-cases-related = 被審核的步驟
self-approval-cases-help = 把審核交給經辦人的上級，通常寫 `owner manager of { $author }`
single-branch-decision-message = 判斷 `{ $decision }` 的每個分支都通往 `{ $target }`
single-branch-decision-label = 總是通往 `{ $target }`
single-branch-decision-help = 把本應去往別處的分支指向其目標，或刪除此判斷，直接通往 `{ $target }`（`next { $target }`）
single-branch-decision-related = 通往 `{ $target }`
sla-exceeded-message = `{ $process }` 的最長路徑需時 { $total }（{ $path }），超過其辦理時限 { $sla }
sla-exceeded-label = 其步驟與調用的時間節點合計 { $total }
sla-exceeded-help = 縮短此路徑上步驟的 `within`，把其中一些步驟放入 `parallel` 塊並行辦理，或在政策允許時放寬 `sla`
sla-exceeded-path-no-deadline = `{ $name }` 0（無時間節點）
sla-exceeded-path-step = `{ $name }` { $days }
sla-exceeded-path-step-in = `{ $name }` { $days }（{ $period }）
sla-exceeded-path-call = `{ $name }` { $days }（`{ $process }`）
input-type-short = { $type ->
        [money] 金額
        [number] 數字
        [text] 文本
        [yes-no] 「是/否」值
        [date] 日期
       *[choice] 選項
    }
type-mismatch-declared = `{ $name }` 聲明為{ $type }
type-mismatch-declared-other = `{ $name }` 是聲明為{ $type }的{ $kind ->
        [input] 填報項
       *[record] 記錄
    }
type-mismatch-other-currency-message = `{ $name }` 是以 { $expected } 計的金額，卻與以 { $found } 計的金額（`{ $value }`）比較
type-mismatch-other-currency-label = 以 { $found } 計的金額
type-mismatch-other-currency-help = 用填報項的幣種 { $expected } 寫金額（flowc 不做貨幣換算）
type-mismatch-bare-number-message = `{ $name }` 是以 { $currency } 計的金額，但 `{ $amount }` 是不帶幣種的數字
type-mismatch-bare-number-label = 沒有幣種的數字
type-mismatch-bare-number-help = 寫成 `{ $amount } { $currency }`
type-mismatch-money-for-number-message = `{ $name }` 是數字，卻與金額 `{ $value }` 比較
type-mismatch-money-for-number-label = 一筆金額
type-mismatch-money-for-number-help = 寫成不帶幣種的數字 `{ $amount }`，或把 `{ $name }` 聲明為金額
type-mismatch-quoted-value-message = `{ $name }` 是{ $type }，但 `"{ $value }"` 是加引號的文本
type-mismatch-quoted-value-label = 加引號的文本
type-mismatch-quoted-value-help = 去掉引號，寫成 `{ $value }`
type-mismatch-unquoted-text-message = `{ $name }` 是文本，但 `{ $word }` 是未加引號的名稱
type-mismatch-unquoted-text-label = 未加引號的名稱
type-mismatch-unquoted-text-help = 文本要加引號：`"{ $word }"`
type-mismatch-yes-no-message = `{ $name }` 是「是/否」值：其取值寫作 `yes` 和 `no`，而不是 `{ $value }`
type-mismatch-yes-no-label = 寫 `yes` 或 `no`
type-mismatch-yes-no-help-meant = 寫成 `{ $name } { $op } { $meant }`
type-mismatch-yes-no-help = 與 `yes` 或 `no` 比較：`{ $name } == yes`
type-mismatch-unknown-value-message = `{ $name }` 沒有取值 `{ $value }`：它是{ $type }
type-mismatch-unknown-value-label = 不是 `{ $name }` 的取值
type-mismatch-unknown-value-help-closest = 是不是要寫 `{ $closest }`？
type-mismatch-unknown-value-help = 與它的某個可選值比較（{ $values }），或把 `{ $value }` 加到該{ $kind ->
        [input] 填報項
       *[record] 記錄
    }的可選值中
type-mismatch-not-ordered-message = `{ $op }` 比較大小，但 `{ $name }` 是{ $type }，沒有大小之分
type-mismatch-not-ordered-label = 對{ $short }用了 `{ $op }`
type-mismatch-not-ordered-help = 用 `==` 或 `!=`（多個取值時：`a == x or a == y`）
type-mismatch-wrong-kind-message = `{ $name }` 是{ $type }，卻與{ $value }比較
type-mismatch-wrong-kind-label = 不是{ $short }
type-mismatch-wrong-kind-help = 寫{ $example }
type-mismatch-other-type-message = `{ $a }` 是{ $left }，卻與 `{ $b }`（{ $right }）比較
type-mismatch-other-type-label = 類型不同的值
type-mismatch-other-type-help = 比較同類型的值（同一幣種的金額、數字、日期、同一個 `one of`），或把每個值與寫明的值比較
type-mismatch-pair-not-ordered-message = `{ $op }` 比較大小，但 `{ $a }` 和 `{ $b }` 都是{ $type }，沒有大小之分
type-mismatch-pair-not-ordered-help = 用 `==` 或 `!=`
too-many-steps-message = 流程 `{ $process }` 有 { $steps } 個步驟，超過上限 { $limit } 個
too-many-steps-label = { $steps } 個步驟
too-many-steps-help = 合併同一責任人連續辦理的步驟，去掉不增加控制的審批，或把一部分拆成獨立的流程；上限由 flowc.toml 中的 `[limits] max-steps` 設定
unchecked-decision-message = 判斷 `{ $decision }` 把 { $values } 互相比較：flowc 只精確檢查兩個值之間的比較，不檢查三個或更多值的連鎖比較，因此未檢查其分支有無遺漏或重疊
unchecked-decision-label = 未檢查
unchecked-decision-help = 拆分此判斷，讓每個判斷最多只把兩個值互相比較
unchecked-decision-loop-message = 流程 `{ $process }` 在其各個判斷中把 { $values } 互相比較：flowc 只精確檢查兩個值之間的比較，不檢查三個或更多值的連鎖比較，因此未檢查其循環有無出口
unchecked-decision-loop-label = 循環未檢查
unchecked-decision-loop-help = 在整個流程中最多只把其中兩個值互相比較，或把它們與寫明的值比較
undeclared-applicant-message = `{ $party }` 是流程 `{ $process }` 中{ $part }，但該流程沒有 `applicant` 行：沒有人是申請人
undeclared-applicant-label = 此流程沒有申請人
undeclared-applicant-help = 在流程 `{ $process }` 中加上 `applicant ROLE, ...`，寫明誰可以發起它，或改寫成一個角色
unowned-step-message = 流程 `{ $process }` 的步驟 `{ $step }` 沒有責任人
unowned-step-label = 沒有 `owner` 行
unowned-step-help = 加上 `owner ROLE`，寫明負責此步驟的角色
unreachable-step-message = 從流程 `{ $process }` 的開始無法到達{ $kind } `{ $node }`
unreachable-step-label = 沒有從 `start` 通往此處的路徑
unreachable-step-help = 從一個能到達的步驟通往它（`next { $node }`、`on OUTCOME -> { $node }` 或一個 `when` 分支），或刪除它
unused-input-message = `{ $process }` 的填報項 `{ $name }` 從未使用：沒有判斷比較它，沒有調用傳遞它，也沒有必需的參與方讀取它
unused-input-label = 填報了卻無用處
unused-input-help = 在判斷中比較 `{ $name }`，把它傳給被調用的流程（`with INPUT = { $name }`），或刪除 `input` 行
unused-record-message = 步驟 `{ $step }` 記錄的 `{ $name }` 從未被讀取：沒有判斷比較它，也沒有調用傳遞它
unused-record-label = 記錄了卻無用處
unused-record-help = 在判斷中比較 `{ $name }`，把它傳給被調用的流程（`with INPUT = { $name }`），或刪除 `record` 行
thing-kind = { $kind ->
        [org-unit] 角色或部門
        [role] 角色
        [department] 部門
        [node] 步驟、判斷、並行塊或結束
        [step] 步驟
        [input] 填報項或記錄
        [process] 流程
        [decision] 判斷
        [parallel-block] 並行塊
        [call] 調用
        [file] 文件
       *[end] 結束
    }
thing-kind-with-article = { $kind ->
        [org-unit] 角色或部門
        [role] 角色
        [department] 部門
        [node] 步驟、判斷、並行塊或結束
        [step] 步驟
        [input] 填報項或記錄
        [process] 流程
        [decision] 判斷
        [parallel-block] 並行塊
        [call] 調用
        [file] 文件
       *[end] 結束
    }
undefined-reference-other-kind-message = `{ $name }` 是{ $found }，不是{ $expected }
undefined-reference-local-message = 流程 `{ $process }` 中沒有名為 `{ $name }` 的{ $expected }
undefined-reference-message = 沒有名為 `{ $name }` 的{ $expected }
undefined-reference-label = 沒有{ $expected } `{ $name }`
undefined-reference-help-department-role = 此處應寫部門 `{ $department }` 的一個角色，例如 `{ $role }`
undefined-reference-help-other-kind-suggestion = `{ $name }` 是{ $found }；此處應寫{ $expected }，例如 `{ $suggestion }`
undefined-reference-help-other-kind = `{ $name }` 是{ $found }；此處應寫{ $expected }
undefined-reference-label-for-name-message = `{ $label }` 是{ $kind } `{ $name }` 的顯示名稱，不是它的名稱；引用時要寫名稱
undefined-reference-label-for-name-label = `{ $name }` 的顯示名稱
undefined-reference-label-for-name-help = 此處寫名稱 `{ $name }`（顯示名稱是給人在圖上看的）
undefined-reference-declare-role = 聲明該角色，例如 `role { $name } "label" reports to ROLE`，或寫一個已有的角色
undefined-reference-declare-department = 用 `department { $name } "label"` 聲明它，或寫一個已有的部門
undefined-reference-declare-node = 在流程中加一個名為 `{ $name }` 的步驟、判斷、並行塊或結束，或寫一個已有的
undefined-reference-declare-step = 在流程中加上 `step { $name } { "{" } ... { "}" }`，或寫一個已有的步驟
undefined-reference-declare-input = 在流程中用 `input { $name }: TYPE` 聲明它，或在某個步驟中用 `record { $name } "label": TYPE` 記錄它
undefined-reference-declare-process = 寫項目中某個流程的名稱，或加上 `process { $name } "label" { "{" } ... { "}" }`
syntax-expected = { $what ->
        [end-of-file] 文件結尾
        [end-of-line] 行尾
        [name] 名稱
        [label] 加引號的顯示名稱
        [text] 加引號的文本
        [duration] 時長，例如 `2 business days`
        [duration-unit] 時間單位（`minutes`、`hours`、`days`、`business days`、`weeks`、`months`、`years`）
        [date] 日期，例如 `2026-03-01`
        [number] 數字
        [money] 金額，例如 `5000 CNY`
        [currency] 三個字母的幣種代碼，例如 `CNY`
        [percentage] 百分比，例如 `85%`
        [category] `business`、`management` 或 `approval`
        [comparator] 比較符號（`<`、`<=`、`>`、`>=`、`==`、`!=`）
        [statistic] 統計量（`p50`、`p90`、`p95`、`avg`、`max`）
        [kpi-bound] `under`、`at most`、`at least` 或 `over`
        [file] `department`、`role` 或 `process`
        [quorum] 法定人數，例如 `2 of`
        [party] 角色、`applicant` 或 `manager of ...`
        [notify-moment] `started`、`done`、`rejected` 或 `overdue`
        [condition] 條件，例如 `amount > 5000 CNY`
       *[other] 其他內容
    }
syntax-expected-found = 此處應為 { $expected }，卻是 { $found }
syntax-with-hint = { $message }（{ $hint }）
syntax-full-width = { $hint ->
        [colon] 這是全角冒號；請寫半角的 `:`
        [comma] 這是全角逗號；請寫半角的 `,`
        [paren-open] 這是全角括號；請寫半角的 `(`
        [paren-close] 這是全角括號；請寫半角的 `)`
        [arrow] 箭頭要寫成兩個半角字符 `->`
        [sign] 這是全角符號；請寫半角的 `=`、`>` 或 `<`
        [quote] 這是彎引號或全角引號；顯示名稱要用半角的 `"`
       *[brace] 這是全角花括號；請寫半角的 `{ "{" }` 或 `{ "}" }`
    }
syntax-custom-help = 簡化文件的這一部分
syntax-unclosed-quote = 這段加引號的文本在本行沒有結束
syntax-unclosed-quote-help = 在同一行用 `"` 結束它；文本內的引號寫作 `\"`
syntax-one-item-per-line = 每項單獨寫一行
syntax-write-here = 此處寫 { $expected }
syntax-block-holds = { $block }中的行以 { $items } 開頭
syntax-unclosed-block = { $block } `{ $name }` 沒有結束：文件在它的 `{ "}" }` 之前就結束了
syntax-unclosed-block-help = 在{ $block } `{ $name }` 結束處單獨一行加上 `{ "}" }`
syntax-not-held = `{ $word }` 不能寫在{ $block }中；是不是要寫 `{ $keyword }`？
syntax-does-not-belong = `{ $word }` 不屬於{ $block }（`{ $name }`）
syntax-expected-close = 此處應為 `{ "}" }` 以結束{ $block } `{ $name }`，卻是 { $found }
syntax-expected-close-help = { $holds }；單獨一行寫 `{ "}" }` 結束它
syntax-quoted-name = 名稱不加引號：`"{ $label }"` 是{ $kind } `{ $name }` 的顯示名稱
syntax-quoted-name-help = 寫名稱：`{ $keyword } { $name }`
syntax-quoted-unknown-name = 名稱不加引號：此處是 `"{ $label }"`
syntax-quoted-unknown-name-help = 寫不加引號的名稱 `{ $keyword } { $name }`；加引號的顯示名稱只跟在聲明處的名稱之後，例如 `{ $declaring } { $name } "{ $label }"`
syntax-thousands-separator = `{ $written }` 用 `,` 分隔千位，flowc 不識別這種寫法
syntax-thousands-separator-help = 寫成 `{ $plain }`，或用 `_` 分組：`{ $grouped }`
time-units = { $unit ->
        [business-day] 工作日
        [day] 天
        [hour] 小時
        [week] 週
        [month] 月
        [year] 年
       *[minute] 分鐘
    }
syntax-fraction-of-a-unit = `{ $written }`：時長必須是整數個{ $unit }
syntax-fraction-of-a-unit-help = 改用較小的單位：`{ $smaller }`
syntax-fraction-of-a-business-day-help = 改用較小的單位：`{ $smaller }`（一個工作日按 8 個工作小時計；見 flowc.toml 中的 `[calendar]`）
syntax-fraction-of-a-unit-round = 取整為整數個{ $unit }，或改用{ $smaller }為單位
syntax-full-width-digits = `{ $word }` 用了全角數字
syntax-full-width-digits-help = 寫半角數字：`{ $ascii }`
syntax-single-equals = 單個 `=` 不是比較：相等寫作 `==`
syntax-single-equals-help = 寫成 `{ $input } == { $value }`
syntax-slashed-date = `{ $word }` 不是 flowc 能讀的日期：日期按年-月-日寫作 `YYYY-MM-DD`
syntax-write = 寫成 `{ $written }`
syntax-several-owners = 多個責任人要寫明如何簽署：在 `owner { $first }` 之後又出現了第二個責任人
syntax-several-owners-help = 其中一人代表全部辦理時寫 `owner any of { $owners }`，每人都須審批時寫 `owner all of { $owners }`，按法定人數時寫 `owner N of { $owners }`
syntax-space-in-name = 名稱不能包含空格：此處是 `{ $name } { $word }`
syntax-space-in-name-help = 用 `_` 連接：`{ $name }_{ $word }`（此處和聲明處都要改）
syntax-other-language = flowc 沒有 `{ $word }`：應寫 `{ $keyword }`
syntax-quorum-too-large = 法定人數 `{ $quorum }` 太大：法定人數是 `of` 之後所列人員中須審批的人數
syntax-quorum-too-large-help = 寫明所列人員中須有幾人審批，例如 `owner 2 of a, b, c`
syntax-version-too-large = 版本號 `{ $version }` 太大
syntax-version-too-large-help = 版本按 1、2、3…… 編號（小於 4,294,967,296）
syntax-duration-too-large = 時長 `{ $duration }` 太大：每個單位最多 100,000,000，這樣每種輸出（JSON、Zeebe 的定時器）都能精確表示
syntax-duration-too-large-help = 寫較小的數，或改用較大的單位，例如 `weeks` 或 `years`
syntax-impossible-date = `{ $date }` 不是日曆上存在的日期
syntax-impossible-date-help = 寫一個真實的日期，格式為 `YYYY-MM-DD`，例如 `2026-03-01`
syntax-number-too-large = 數字 `{ $number }` 太大或精度太高
syntax-number-too-large-help = flowc 精確保留最多 28 位數字；請寫較小的數
syntax-percentage-too-large = 百分比 `{ $percentage }` 太大
syntax-percentage-too-large-help = 百分比是 0 到 100 之間的數
syntax-too-deep = 括號嵌套超過 { $max } 層
syntax-too-deep-help = 簡化條件：拆成多行 `when`，或用一個填報項命名各種情況
syntax-file-too-large = 文件大小為 { $bytes } 字節，超過 flowc 的上限 { $limit } 字節
syntax-file-too-large-help = 拆分文件：每個流程單獨放一個文件（項目根目錄下的每個 `.flow` 文件都屬於同一個項目）
syntax-not-utf8 = 文件不是 UTF-8 文本
syntax-not-utf8-help = 把文件另存為 UTF-8（flowc 能讀任何文字的顯示名稱和名稱，但只讀 UTF-8）
config-lang = lang：{ $error }
config-conform-column = [conform.columns] { $field } = ""：請寫明存放 `{ $field }` 的 CSV 列名
config-conform-staff = [conform] staff = ""：請寫明員工名冊文件，例如 "staff.csv"
config-max-steps = [limits] max-steps = { $max }：請寫一個整數的步驟數，至少為 1
config-required-category = 第 { $number } 個 [[required-participant]]：category = "{ $word }" 不是類別；請寫 "business"、"management" 或 "approval"
config-required-money = 第 { $number } 個 [[required-participant]]：money-above = "{ $text }" 不是金額；請寫金額和幣種代碼，例如 "100000 CNY"
config-required-participant-empty = 第 { $number } 個 [[required-participant]]：participant 為空；請寫一個角色或部門，例如 "legal"
config-required-reason-empty = 第 { $number } 個 [[required-participant]]：reason 為空；請說明為何需要該參與方，例如 "contracts must pass legal review"
config-required-participant-unknown = 第 { $number } 個 [[required-participant]]：participant = "{ $name }" 既不是項目的角色也不是部門；項目的角色和部門有：{ $units }
config-unknown-rules = [rules] 寫了不存在的規則 { $unknown }；規則有：{ $rules }
config-working-days-empty = [calendar] working-days 為空：請至少寫一天，例如 ["mon", "tue", "wed", "thu", "fri"]
config-hours-per-day = [calendar] hours-per-day = { $hours }：請寫 1 到 24 之間的小時數
config-day-starts = [calendar] day-starts = "{ $start }"：請按 "HH:MM" 寫時間，例如 "09:00"
config-utc-offset = [calendar] utc-offset = "{ $offset }"：請按 "+HH:MM" 或 "-HH:MM" 寫與 UTC 的時差，例如中國為 "+08:00"
config-holiday-and-working-day = [calendar] { $day } 既在 holidays 中又在 extra-working-days 中：只保留其中一處
config-already-working-day = [calendar] extra-working-days：{ $day }（{ $weekday }）本來就是工作日；只列出調休上班的休息日
config-not-a-date = [calendar] { $key }："{ $entry }" 不是日期；請寫 "YYYY-MM-DD"
config-not-a-day = [calendar] working-days："{ $name }" 不是星期幾；請用 "mon"、"tue"、"wed"、"thu"、"fri"、"sat" 或 "sun"
config-exclude-empty = exclude："{ $pattern }" 匹配不到任何路徑；請寫相對於項目根目錄的通配模式，例如 "drafts/**"
config-exclude-not-a-glob = exclude："{ $pattern }" 不是通配模式：{ $error }；例如 "drafts/**" 或 "**/*.draft.flow"
config-exclude = exclude：{ $error }
weekday = { $day ->
        [mon] 星期一
        [tue] 星期二
        [wed] 星期三
        [thu] 星期四
        [fri] 星期五
        [sat] 星期六
       *[sun] 星期日
    }

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
condition-and = { $first } 且 { $second }
condition-or = { $first } 或 { $second }
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

sim-process = 流程 { $title }
sim-applicant = 申請人 { $role }
sim-time = { $date } { $clock } { $weekday ->
        [mon] 週一
        [tue] 週二
        [wed] 週三
        [thu] 週四
        [fri] 週五
        [sat] 週六
       *[sun] 週日
    }
sim-label = 「{ $label }」
sim-start = 開始
sim-enter = 進入  { $step }{ $label }，責任人 { $owner }{ $due }{ $round }
sim-no-owner = （無）
sim-due = ，期限 { $when }
sim-rework-round = （第 { $round } 輪返工）
sim-remind = 提醒  { $owner }：{ $step }（已過 { $after }）
sim-the-owner = 責任人
sim-escalate = 督辦  { $step }：逾期 { $after }由 { $who } 督辦
sim-notify = 知會  { $step } { $moment ->
        [started] 開始時
        [done] 完成時
        [rejected] 駁回時
       *[overdue] 逾期時
    }：{ $who }
sim-sign = 會簽  { $step }：{ $signer } { $answer ->
        [approve] 同意
       *[reject] 駁回
    }
sim-unneeded = 免答  { $step }：{ $signer } 無需答覆，該步驟已有結果
sim-refused = 拒絕  { $step } 在 { $until } 之前不能完成（至少 { $minimum }）
sim-timeout = 超時  { $step } 超過 { $after }未完成 → { $to }
sim-record = 記錄  { $step }.{ $name } = { $value }
sim-yes = 是
sim-no = 否
sim-done = 完成  { $step } → { $outcome }{ $late }
sim-next = 下一步
sim-late = （逾期）
sim-decide = 判斷  { $decision }：{ $matched } → { $to }
sim-otherwise = 否則
sim-split = 並行  { $block }：{ $branches }
sim-join = 匯合  { $block }
sim-withdraw = 撤回  { $step }（已離開 { $block }）
sim-call = 調用  { $call }：流程 { $process }{ $label }
sim-returned = 返回  { $call }：結束於 { $end } → { $to }
sim-end = 結束  { $end }{ $label }
sim-elapsed = 歷時 { $days } 個工作日{ $sla }
sim-sla-met = ，在辦理時限 { $sla }內
sim-sla-over = ，超出辦理時限 { $sla }
sim-the-applicant = 申請人
sim-role = `{ $role }`
sim-superior = { $base }的上級
# A chain, one item per level above the first: $second is always empty.
sim-superior-of = { $first }的上級{ $second }
sim-relative = { $role }（{ $relation }）
sim-relative-labelled = { $label }（{ $role }，{ $relation }）
sim-nobody = 無人（{ $relation }：{ $reason }）
sim-no-applicant = 流程未聲明申請人
sim-reports-to-nobody = `{ $role }` 沒有上級
sim-people = { $first }、{ $second }
sim-people-relative = { $first }；{ $second }
sim-signers = { $mode ->
    [any] { $people } 中任一人
    [all] { $people } 全部會簽
   *[quorum] { $people } 中 { $required } 人
}
sim-error-in-call-entries = 在調用 `{ $call }` 中（其條目寫作 { $call }.NAME）：{ $message }
sim-error-calls-too-deep = 調用在流程 `{ $process }` 處嵌套超過 { $depth } 層：有流程經由其他流程調用自身（flowc check 報告為 recursive-call）
sim-error-no-input = --set { $name }：流程 `{ $process }` 沒有填報項 `{ $name }`；其填報項為：{ $known }
sim-error-no-step = { $flag } { $name }=...：流程 `{ $process }` 沒有步驟 `{ $name }`；其步驟為：{ $known }
sim-error-signer-rejects = --outcome { $step }={ $outcome }：有會簽人駁回，但步驟 `{ $step }` 沒有 `on reject`；它可能的結果為：{ $allowed }
sim-error-no-outcome = --outcome { $step }={ $bad }：步驟 `{ $step }` 沒有結果 `{ $bad }`；它可能的結果為：{ $allowed }
sim-error-not-recorded = --set { $key }=...：流程 `{ $process }` 沒有步驟記錄 `{ $key }`；其步驟記錄的值為：{ $known }
sim-none = （無）
sim-names = { $names }
sim-error-clock-overflow = 在 { $time } 上加 { $duration } 後，時間超出了 9999 年
sim-error-nothing-open = 運行在到達結束前停止：沒有辦理中的步驟
sim-error-leads-nowhere = `{ $node }` 沒有去向
sim-error-no-node = 沒有節點 `{ $id }`
sim-error-loops = 運行進入{ $kind ->
    [call] 調用
   *[step] 步驟
} `{ $node }` { $rounds } 次仍未到達結束：路徑在此循環（請給出離開循環的 --outcome）
sim-error-call-names-no-process = 調用 `{ $call }` 未指明流程
sim-error-call-process-missing = 調用 `{ $call }` 運行流程 `{ $process }`，但該流程不在項目中
sim-error-in-call = 在調用 `{ $call }` 中：{ $message }
sim-error-no-end = 運行未到達任何結束
sim-error-call-value-unset = 調用 `{ $call }` 把 `{ $name }` 傳給填報項 `{ $input }`，但 `{ $name }` 沒有值：請用 --set 給出
sim-error-call-value-invalid = 調用 `{ $call }` 傳給填報項 `{ $input }` 的值無效
sim-error-unrecorded = 判斷 `{ $decision }` 讀取步驟 `{ $step }` 記錄的 `{ $name }`，但沒有記錄值：請用 --set { $step }.{ $name }=VALUE 給出
sim-error-join-outside-block = 到達 `{ $node }` 的步驟並非作為其並行塊的分支運行
sim-error-call-end-unhandled = 調用 `{ $call }` 運行的流程結束於 `{ $end }`，但該調用既沒有 `on { $end }` 也沒有 `next`
sim-error-no-timeout-route = 步驟 `{ $step }` 已超時，但沒有 `on timeout`
sim-error-no-next = 步驟 `{ $step }` 以 `next` 結束，但沒有 `next`
sim-error-no-such-outcome = 步驟 `{ $step }` 沒有結果 `{ $outcome }`
sim-error-decisions-loop = 運行在 { $decisions } 之間循環，始終不進入任何步驟：路徑在其中無限循環
sim-error-no-branch = { $inputs } 不符合判斷 `{ $decision }` 的任何分支，且它沒有 `otherwise`
sim-unset = （未給出）
sim-input-value = { $name } = { $value }{ $currency }
sim-the-inputs = 這些填報項
sim-error-bad-value = --set { $name }={ $text }：`{ $text }` 不是{ $expected }
sim-expected-money = 可精確表示的 { $currency } 金額；例如寫 `5000.01` 或 `5000.01 { $currency }`（最多 28 位數字）
sim-expected-number = 可精確表示的數字；例如寫 `12` 或 `2.5`（最多 28 位數字）
sim-expected-yes-no = `yes` 或 `no`
sim-expected-date = 日期；請寫 `YYYY-MM-DD`
sim-expected-one-of = 以下之一：{ $values }
sim-error-needs-input = 判斷需要填報項 `{ $input }`：請用 --set { $input }=VALUE 給出
sim-error-incomparable = 填報項 `{ $input }` = { $actual } 無法與 { $value } 比較
sim-error-no-applicants = --applicant：流程 `{ $process }` 沒有 `applicant` 行，無人可以申請；請去掉 --applicant
sim-error-not-an-applicant = --applicant { $role }：`{ $role }` 不可發起流程 `{ $process }`；其申請人為：{ $applicants }
sim-error-votes-count = --outcome { $step }={ $text }：步驟 `{ $step }` 有 { $count } 位會簽人（{ $signers }）；請每人給一個答覆，例如 { $example }
sim-error-not-an-answer = --outcome { $step }={ $text }：`{ $answer }` 不是會簽人的答覆；請寫 approve 或 reject

## end of sim


## ============================================================
## diff: flowc diff: human and markdown reports, the visual diff.
## ============================================================

diff-heading-organisation = 組織（部門與角色）
diff-heading-process = 流程 { $title }
diff-heading-title = `{ $name }`「{ $label }」
diff-heading-file = 文件 `{ $path }`
diff-group = { $heading }：{ $counts }
diff-counts = { $total } 處變更（重大 { $major } 處，一般 { $minor } 處）
diff-class = { $class ->
        [major] 重大
       *[minor] 一般
    }
diff-change-of-subject = { $noun ->
        [process] 流程
        [step] 步驟
        [decision] 判斷
        [role] 角色
        [department] 部門
        [end] 結束
        [input] 填報項
        [KPI] 關鍵指標
        [call] 調用
        [parallel-block] 並行塊
        [file] 文件
        [value] 取值
       *[other] { $noun }
    } `{ $name }`：{ $message }
diff-no-changes = 流程沒有變更
diff-md-title = 流程變更
diff-md-no-changes = 流程沒有變更。
diff-md-verdict-major = **有重大變更：須報最高管理層審批。**
diff-md-verdict-minor = 僅有一般變更。
diff-md-summary = { $verdict }{ $counts }。
diff-md-columns = | 等級 | 類型 | 變更 |
diff-label-changed = 名稱由{ $old }改為{ $new }
diff-label-none = （無）
diff-label-quoted = 「{ $label }」
diff-owner-changed = 責任人由 `{ $old }` 改為 `{ $new }`{ $note }
diff-nobody = 無人
diff-owner-now-relative = （固定的責任人改為按申請人確定的人：現在由誰辦理取決於誰申請）
diff-owner-now-fixed = （按申請人確定的人改為固定的責任人）
diff-duration-set = { $what ->
        [deadline] 時間節點
        [sla] 辦理時限
        [review-cycle] 定期評審週期
        [minimum-period] 最短期限
        [timeout] 超時
       *[reminder] 提醒
    }設為 { $new }
diff-duration-removed = 刪除了 { $old }的{ $what ->
        [deadline] 時間節點
        [sla] 辦理時限
        [review-cycle] 定期評審週期
        [minimum-period] 最短期限
        [timeout] 超時
       *[reminder] 提醒
    }
diff-duration-changed = { $what ->
        [deadline] 時間節點
        [sla] 辦理時限
        [review-cycle] 定期評審週期
        [minimum-period] 最短期限
        [timeout] 超時
       *[reminder] 提醒
    }{ $change }
diff-escalation-moved = 由 `{ $to }` 督辦的時間{ $change }
diff-duration-rewritten = 由 { $old }改寫為 { $new }（工作時間不變）
diff-duration-moved = 由 { $old }{ $direction ->
        [longer] { $verbs ->
            [lengthen] 延長
            [delay] 推遲
           *[move] 推遲
        }
       *[shorter] { $verbs ->
            [lengthen] 縮短
            [delay] 提前
           *[move] 提前
        }
    }為 { $new }（工作時間{ $direction ->
        [longer] 增加
       *[shorter] 減少
    } { $days } 個工作日）
diff-visual-caption = 變更：綠色為新增，琥珀色為修改，紅色刪除線為刪除
diff-noun = { $noun ->
        [process] 流程
        [step] 步驟
        [decision] 判斷
        [role] 角色
        [department] 部門
        [end] 結束
        [call] 調用
        [parallel-block] 並行塊
        [value] 取值
        [KPI] 關鍵指標
       *[other] { $noun }
    }
diff-titled = { $noun } `{ $name }`
diff-titled-labelled = { $noun } `{ $name }`「{ $label }」
diff-node-owned = { $node }（責任人 `{ $owner }`）
diff-node-calling = { $node }（調用流程 `{ $process }`）
diff-thing-added = 新增了{ $thing }
diff-thing-removed = 刪除了{ $thing }
diff-process-added = 新增了{ $process }，共 { $steps } 個步驟
diff-process-removed = 刪除了{ $process }，共 { $steps } 個步驟
diff-renamed-same-content = { $noun } `{ $old }` 改名為 `{ $new }`，內容不變
diff-unit-renamed = { $noun } `{ $old }` 改名為 `{ $new }`
diff-category-changed = 類別由 `{ $old }` 改為 `{ $new }`
diff-process-owner-changed = 歸口部門由 `{ $old }` 改為 `{ $new }`
diff-note-added = 新增了備註：「{ $note }」
diff-note-removed = 刪除了備註：「{ $note }」
diff-note-changed = 備註由「{ $old }」改為「{ $new }」
diff-version-changed = 版本由 { $old } 改為 { $new }
diff-effective-date-changed = 生效日期由 { $old } 改為 { $new }
diff-last-review-changed = 上次評審日期由 { $old } 改為 { $new }
diff-start-changed = 改為從 `{ $new }` 開始，原為 `{ $old }`
diff-nothing = （無）
diff-version-not-raised = 流程有重大變更（`{ $first }`{ $more ->
        [none] {""}
       *[some] 及另外 { $others } 處重大變更
    }），但{ $now ->
        [gone] 已沒有 `version` 行
        [same] 仍是第 { $after } 版
       *[down] 版本由 { $before } 降為 { $after }
    }：請提高版本號
diff-record-words = { $value }（`{ $type }`，在 `{ $step }` 記錄）
diff-record-became = { $old }改為{ $new }
diff-record-moved = 取值 `{ $name }` 改在 `{ $new }` 記錄，原在 `{ $old }`
diff-input-added = 新增了填報項 `{ $name }`（`{ $type }`）
diff-input-removed = 刪除了填報項 `{ $name }`（`{ $type }`）
diff-input-renamed = 填報項 `{ $old }`（`{ $type }`）改名為 `{ $new }`
diff-input-type-changed = 填報項 `{ $name }` 的類型由 `{ $old }` 改為 `{ $new }`
diff-kpi-added = 新增了{ $scope ->
        [step] 步驟 `{ $step }` 的
       *[process] {""}
    }關鍵指標 `{ $name }`（`{ $target }`）
diff-kpi-removed = 刪除了{ $scope ->
        [step] 步驟 `{ $step }` 的
       *[process] {""}
    }關鍵指標 `{ $name }`（`{ $target }`）
diff-kpi-target = 關鍵指標 `{ $name }` { $how ->
        [loosened] 放寬
        [tightened] 收緊
        [rewritten] 改寫（工作時間不變）
       *[changed] 變更
    }：`{ $old }` → `{ $new }`
diff-node-kind-changed = `{ $name }` 原為{ $old ->
        [step] 步驟
        [decision] 判斷
        [call] 調用
        [end] 結束
       *[parallel-block] 並行塊
    }，現為{ $new ->
        [step] 步驟
        [decision] 判斷
        [call] 調用
        [end] 結束
       *[parallel-block] 並行塊
    }
diff-timeout-added = 現在超過 { $after }後自動轉到 `{ $target }`
diff-timeout-removed = 不再於超過 { $after }後自動轉到 `{ $target }`
diff-timeout-retargeted = 超時後改為轉到 `{ $new }`，原為 `{ $old }`
diff-call-retargeted = 改為調用流程 `{ $new }`，原為 `{ $old }`
diff-call-gives-more = 現在傳入 { $came }
diff-call-gives-less = 不再傳入 { $gone }
diff-call-gives-other = 改為傳入 { $came }，原為 { $gone }
diff-reminder-added = 新增了 { $after }後的提醒
diff-reminder-removed = 刪除了 { $after }後的提醒
diff-escalation-retargeted = 督辦改為逾期 { $new_after }由 `{ $new }` 督辦，原為逾期 { $old_after }由 `{ $old }` 督辦
diff-escalation-added = 新增了督辦：逾期 { $after }由 `{ $to }` 督辦
diff-escalation-removed = 刪除了督辦：逾期 { $after }由 `{ $to }` 督辦
diff-superiors = `{ $chain }`
diff-reports-to-nobody = `{ $owner }` 沒有上級
diff-reports-to = `{ $owner }` 的上級依次為 { $chain }
diff-reports-for-applicant = 申請人擔任 `{ $applicant }` 時，`{ $owners }` 是 `{ $owner }`，而 { $reports }
diff-escalation-not-upward = 逾期 { $after }由 `{ $to }` 督辦不再沿匯報關係向上：{ $line }
diff-next-changed = 下一步改為 `{ $new }`，原為 `{ $old }`
diff-next-removed = 不再繼續到 `{ $old }`
diff-next-added = 現在繼續到 `{ $new }`
diff-outcome-retargeted = 結果 `{ $outcome }` 改為轉到 `{ $new }`，原為 `{ $old }`
diff-outcome-removed = 刪除了結果 `on { $outcome } -> { $target }`
diff-outcome-added = 新增了結果 `on { $outcome } -> { $target }`
diff-when-changed = `when { $old } -> { $old_target }` 改為 `when { $new } -> { $new_target }`
diff-when-removed = 刪除了 `when { $condition } -> { $target }`
diff-when-added = 新增了 `when { $condition } -> { $target }`
diff-otherwise-retargeted = `otherwise` 改為轉到 `{ $new }`，原為 `{ $old }`
diff-otherwise-removed = 刪除了 `otherwise -> { $target }`
diff-otherwise-added = 新增了 `otherwise -> { $target }`
diff-branch-removed = `{ $branch }` 不再在此並行塊中運行
diff-branch-added = `{ $branch }` 現在在此並行塊中運行
diff-comments-changed = 註釋有變更：新增 { $added } 條，刪除 { $removed } 條（改寫一條註釋算作新增一條、刪除一條）
diff-role-moved = 角色 `{ $role }` 由部門 `{ $old }` 調到 `{ $new }`
diff-role-left = 角色 `{ $role }` 不再屬於部門 `{ $old }`
diff-role-joined = 角色 `{ $role }` 現在屬於部門 `{ $new }`
diff-reporting-line-changed = 角色 `{ $role }` 的上級現在依次為 { $new }（原為 { $old }）；{ $affects }
diff-affects-none = 沒有流程的步驟由它或其下屬角色負責，也沒有流程向它們督辦
diff-affects = 影響 { $processes }
diff-applicants-only = 現在只有 { $roles } 可以發起流程；原來任何人都可以
diff-applicants-anyone = 現在任何人都可以發起流程；原來只有 { $roles }
diff-applicants-added = { $roles } 現在可以發起流程：由 `manager of applicant` 負責的步驟由他們各自的上級審批
diff-applicants-removed = { $roles } 不再可以發起流程
diff-signing-changed = 簽署方式由 `{ $old }`（{ $was } 人簽署）改為 `{ $new }`（{ $now } 人簽署）
diff-notify-removed = 刪除了在 `{ $when }` 時對 `{ $party }` 的知會
diff-notify-added = 新增了在 `{ $when }` 時對 `{ $party }` 的知會
diff-consult-removed = 刪除了對 `{ $party }` 的徵詢
diff-consult-added = 新增了對 `{ $party }` 的徵詢
diff-too-many = 過多
diff-routes-not-compared = 判斷比較的 { $inputs } 個填報項取值過多，未逐一比較每種情況的路徑（{ $total } 種取值組合，超過 { $limit } 的上限，或超過此規模流程 { $visits } 步的計算量）
diff-cases-all = 所有情況
diff-cases-any-inputs = 任意填報值
diff-cases-where = { $clauses } 的情況
diff-cases-or-where = { $first }，或{ $second }
diff-case-is = { $input } 為 { $values }
diff-case-is-not = { $input } 不為 { $value }
diff-case-is-none-of = { $input } 不為 { $values } 中的任何一個
diff-case-range = { $input } { $ranges }
diff-case-relation = { $first } { $relation ->
        [below] 低於 { $second }
        [equals] 等於 { $second }
        [above] 高於 { $second }
        [differs] 不等於 { $second }
        [at-most] 不高於 { $second }
        [at-least] 不低於 { $second }
       *[beside] 為 { $second } 以外的任意值
    }
diff-range-any = 為任意值
diff-range-exactly = 恰為 { $value }
diff-range-at-most = { $dated ->
        [yes] 不晚於
       *[no] 不超過
    } { $value }
diff-range-below = { $dated ->
        [yes] 早於
       *[no] 低於
    } { $value }
diff-range-at-least = { $dated ->
        [yes] 不早於
       *[no] 不低於
    } { $value }
diff-range-above = { $dated ->
        [yes] 晚於
       *[no] 高於
    } { $value }
diff-range-between-both = 在 { $low } 與 { $high } 之間（{ $ends ->
        [included] 均含
       *[excluded] 均不含
    }）
diff-range-between = 在 { $low }（{ $low_end ->
        [included] 含
       *[excluded] 不含
    }）與 { $high }（{ $high_end ->
        [included] 含
       *[excluded] 不含
    }）之間
diff-step-route = { $who }{ $how ->
        [lost] 不再經過
       *[gained] 現在經過
    }{ $step }

## end of diff


## ============================================================
## init: flowc init: the templates.
## ============================================================

init-files-exist = 錯誤：{ $count ->
        [1] { $files } 已存在
       *[other] { $files } 都已存在
    }；flowc init 從不覆蓋文件，因此沒有寫入任何文件
    修正：運行 `flowc init NEW_FOLDER`，在一個單獨的文件夾中新建項目
init-cannot-create = 錯誤：無法創建 { $dir }：{ $error }
init-cannot-write = 錯誤：無法寫入 { $path }：{ $error }
init-created = 已在 { $dir } 中新建 flowc 項目：flowc.toml、org.flow、leave-request.flow
    下一步：`flowc check { $dir }` 檢查該項目；按公司實際情況修改 org.flow，並為每個流程複製一份 leave-request.flow

## end of init


## ============================================================
## cli: Messages of the command line (files, projects, outputs).
## ============================================================

cli-error = 錯誤：{ $message }
cli-cannot-write-stdout = 錯誤：無法寫入標準輸出：{ $error }
cli-link-outside-project = 警告：{ $link } 是指向項目 { $root } 之外的符號鏈接：不跟隨，不讀取
    修正：把該文件複製到項目中，或把它指向的文件夾作為單獨的項目檢查
cli-look-alike-not-read = 警告：{ $path } 看起來像流程文件，但不會被讀取：flowc 只讀取名稱以 `.flow` 結尾的文件
    修正：把它改名為 `{ $intended }`
cli-nested-project = 警告：{ $inner } 在項目 { $outer } 之內有自己的 flowc.toml：從 { $outer } 檢查時，{ $inner } 下的文件屬於本項目；從 { $inner } 檢查時，它們是單獨的項目，看不到別處聲明的角色
    修正：只保留一個項目：刪除 { $inner_config }（其設置應寫在 { $outer_config } 中），或用 `exclude = ["{ $relative }/**"]` 把該文件夾排除在本項目之外
cli-every-file-excluded = 錯誤：{ $root } 下的每個 .flow 文件（{ $found } 個）都被 { $config } 中的 `exclude` 排除了
    修正：收窄 `exclude` 的模式；像 "**" 這樣的模式會排除所有文件
cli-only-look-alikes = 錯誤：{ $root } 下沒有 .flow 文件，只有看起來像流程文件的文件（見上面的警告）
    修正：把它們改名為以 `.flow` 結尾
cli-no-flow-file = 錯誤：{ $root } 下沒有 .flow 文件
    修正：給出存放流程文件的文件夾，或用 `flowc init` 在此新建項目
cli-no-project = 錯誤：{ $path } 處沒有項目
cli-project-has-errors = 錯誤：項目有錯誤；{ $done ->
        [simulated] 沒有運行模擬
        [written] 沒有寫入任何文件
       *[checked] 沒有進行核對
    }
cli-did-you-mean = （是否想寫 `{ $name }`？）
cli-no-such-process = 錯誤：--process { $process }：沒有這個名稱的流程{ $guess }；現有的流程是：{ $names }
cli-run-could-not-finish = 錯誤：模擬無法運行完畢：{ $message }
cli-sim-bad-deviate = 錯誤：--deviate { $deviate }：請寫 0 到 1 之間的比例，例如 0.1
cli-sim-bad-start = 錯誤：--start { $start }：請按 YYYY-MM-DDTHH:MM 寫日期和時間
cli-sim-log-not-generated = 錯誤：無法生成日誌：{ $message }
cli-sim-write-name-value = { $flag } { $text }：請寫 NAME=VALUE
cli-sim-bad-start-time = --start { $start }：請按 YYYY-MM-DDTHH:MM 寫日期和時間，例如 2026-12-01T09:00
cli-sim-no-input = --set { $text }：流程 `{ $process }` 沒有填報項 `{ $name }`；其填報項為：{ $known }
cli-sim-bad-delay = --delay { $text }：`{ $duration }` 不是時長；例如寫 4bd、4 business days、3d、8h、30min
cli-diff-wrote-diagrams = 已把 { $count } 張流程圖寫入 { $out }
lsp-action-change-to = 改為 `{ $name }`
lsp-action-add-owner = 為步驟 `{ $step }` 加上 `owner { $owner }`
lsp-action-add-line = 加上 `{ $line }`
cli-drawn-by = 圖由{ $engine ->
        [graphviz] Graphviz dot
       *[builtin] 內置布局
    }繪製
cli-wrote-files = 已寫入 { $count } 個文件到 { $out }
cli-wrote-handbook = 已寫入手冊（{ $count } 個文件）到 { $out }；圖由{ $engine ->
        [graphviz] Graphviz dot
       *[builtin] 內置布局
    }繪製
cli-cannot-create = 錯誤：無法創建 { $path }：{ $error }
cli-fmt-stdin-with-paths = 錯誤：`-`（標準輸入）不能與路徑同時使用
cli-fmt-summary = { $changed } 個文件{ $check ->
        [yes] 需要重新格式化
       *[no] 已重新格式化
    }，{ $unchanged } 個文件已是規範格式{ $untouched }
cli-fmt-untouched = ，{ $count } 個有錯誤的文件未改動
cli-fmt-link-outside = 警告：{ $link } 是指向 { $folder } 之外的符號鏈接：不跟隨，不格式化
cli-fmt-link-outside-its-folder = 警告：{ $link } 是指向其文件夾之外的符號鏈接：不跟隨，不格式化
cli-fmt-not-utf8 = 錯誤：{ $path }：文件不是 UTF-8 文本（第一個無效字節在偏移 { $offset } 處）；未改動
cli-fmt-cannot-read = 錯誤：{ $path }：無法讀取：{ $error }
cli-fmt-cannot-write = 錯誤：{ $path }：無法寫入：{ $error }
cli-fmt-cannot-read-stdin = 錯誤：無法讀取標準輸入：{ $error }
cli-fmt-stdin-not-utf8 = 錯誤：標準輸入不是 UTF-8 文本
cli-fmt-syntax-errors = 錯誤：{ $path }：有語法錯誤，未格式化
lsp-hover-department = **部門** { $name }
lsp-hover-roles = - 角色：{ $roles }
lsp-hover-role = **角色** { $name }
lsp-hover-role-department = - 部門：{ $name }
lsp-hover-reports-to-nobody = - 上級：無（匯報線的最高層）
lsp-hover-reporting-chain = - 匯報線：{ $chain }
lsp-hover-process = **流程** { $name }
lsp-hover-category = - 類別：{ $category }
lsp-hover-owner = - 歸口部門：{ $owner }
lsp-hover-sla = - 辦理時限：{ $sla }
lsp-hover-steps = - { $count } 個步驟
cli-does-not-exist = 錯誤：{ $path } 不存在
cli-watch-cannot-listen = 錯誤：無法監聽 { $host }:{ $port }：{ $error }
cli-watch-cannot-serve = 錯誤：無法在 { $host }:{ $port } 上提供服務：{ $error }
cli-watch-not-local = 警告：正在 { $address } 上提供服務，不僅限本機訪問：能訪問該地址的人都能讀到手冊及其實時錯誤
    修正：去掉 --host，只在 127.0.0.1 上提供服務
cli-watch-serving = 正在 http://{ $address }/ 上提供 { $path } 的手冊（按 Ctrl-C 停止）
cli-watch-rebuilt = 已重新生成手冊：{ $count } 個頁面
cli-watch-has-errors = 項目有錯誤；顯示上一份無錯誤的手冊及這些錯誤
cli-man-no-command = 錯誤：flowc 沒有命令 `{ $name }`；現有的命令是：{ $names }
cli-man-cannot-write = 錯誤：無法寫出手冊頁：{ $error }

## end of cli


## ============================================================
## visual-diff: flowc diff --emit (what the pictures of changes add) and flowc watch's banners.
## ============================================================

diff-visual-old-note = 備註：{ $note }
watch-page-gone-heading = 項目中已沒有此流程
watch-page-gone-note = 此頁是它最後一次成功生成的版本。如果文件正在保存，頁面會自動恢復。

## end of visual-diff


## ============================================================
## conform: flowc conform: the terminal report, the monitoring page (HTML), the findings, the errors of the log and the staff directory.
## ============================================================

# The kinds of finding; JSON keeps the stable names.
conform-kind = { $kind ->
        [skipped] 跳過步驟
        [out-of-order] 順序錯誤
        [repeated] 重複辦理
        [wrong-path] 分支錯誤
        [unknown-activity] 未知活動
        [unknown-outcome] 未知結果
        [bad-value] 數值不符
        [wrong-owner] 辦理人不符
        [self-approval] 自我審批
        [late] 逾期
        [sla-missed] 超出辦理時限
       *[open-past-sla] 超出辦理時限未辦結
    }
conform-and = { $first }、{ $second }
conform-or = { $first } 或 { $second }
# The findings.
conform-finding-after-end = 案件結束後又辦理了 `{ $step }`
conform-finding-bad-value = `{ $name }` 的值 `{ $text }` 不符合要求：`{ $text }` 不是{ $expected }
conform-finding-unknown-activity = 活動 `{ $activity }` 不是流程 `{ $process }` 的步驟（其步驟為：{ $steps }）
conform-finding-unknown-outcome = 步驟 `{ $step }` 以結果 `{ $outcome }` 結束，但該步驟沒有此結果
conform-finding-done-after = 步驟 `{ $step }` 在其後續步驟 `{ $passed_by }` 之後才辦理
conform-finding-skipped = 步驟 `{ $step }` 被跳過：應辦 `{ $due }` 時辦理了 `{ $done }`
conform-after-end = 案件已結束
conform-while-due = 此時應辦的是 { $due }
conform-finding-repeated = 步驟 `{ $step }` 在返工循環之外重複辦理，{ $expected }
conform-finding-out-of-order = 步驟 `{ $step }` 未按順序辦理，{ $expected }
conform-condition-holds = 條件 `{ $condition }` 成立（{ $values }）
conform-no-condition-holds = 沒有條件成立（{ $values }）
conform-value = `{ $name } = { $value }`
conform-fired-reminder = { $after }後的提醒
conform-fired-escalation = { $after }後向 `{ $to }` 的督辦
conform-finding-late = 步驟 `{ $step }` 逾期 { $late }辦理（應於 { $due } 前完成，實際完成於 { $done }）
conform-finding-late-fired = 步驟 `{ $step }` 逾期 { $late }辦理（應於 { $due } 前完成，實際完成於 { $done }）；本應觸發：{ $fired }
conform-finding-self-approval = 步驟 `{ $step }` 由 `{ $person }` 審批，而被審核的工作（{ $work }）也是此人辦理的
conform-work-step = 步驟 `{ $step }`
conform-work-submitted = 提交的案件
conform-finding-not-in-staff = 步驟 `{ $step }` 由 `{ $person }` 辦理，此人不在人員名錄中
conform-wanted-role-relation = `{ $role }`（{ $relation }）
conform-finding-wrong-owner = 步驟 `{ $step }` 由 `{ $person }`（{ $roles }）辦理，此人並不擔任 { $wanted }
conform-finding-wrong-path = 判斷 `{ $decision }` 走向了 `{ $taken }`，但{ $reason }：應走向 `{ $expected }`
conform-finding-sla-missed = 案件用時 { $elapsed }，超出辦理時限 { $sla }
conform-finding-open-past-sla = 案件已進行 { $elapsed }仍未辦結，超出辦理時限 { $sla }
# Places in the log.
conform-place-line = 第 { $line } 行
conform-place-event = 第 { $trace } 條軌跡（案件 { $case }）的第 { $event } 個事件
conform-xes-element = { $element ->
        [log] `<log>`
        [trace] `<trace>`
        [event] `<event>`
       *[other] 某個元素
    }
# What a log or a staff directory that cannot be read gets.
conform-error-log-kind = { $path }：日誌須為 `.csv`、`.xes` 或 `.xes.gz` 文件
conform-error-no-time-zone = 時間戳 `{ $text }` 沒有時區；請寫成 `{ $text }+08:00`（協調世界時寫 `Z`），以便按正確的時間計算時間節點
conform-error-not-timestamp = `{ $text }` 不是時間戳；請按 RFC 3339 寫出帶時區的時間，例如 `2026-03-02T09:30:00+08:00`
conform-error-log-header = 日誌的表頭行：{ $error }
conform-error-no-column = 日誌沒有作為 `{ $field }` 的列 `{ $name }`（其列為：{ $columns }）；請用 `--map { $field }=COLUMN` 指定該列
conform-error-no-value-column = 日誌沒有作為填報項 `{ $name }` 的列 `{ $column }`
conform-error-log-line = 日誌第 { $line } 行：{ $message }
conform-error-no-case-id = 日誌第 { $line } 行沒有案件編號
conform-error-no-activity = 日誌第 { $line } 行沒有活動
conform-error-staff-header = 人員名錄的表頭行：{ $error }
conform-error-staff-columns = 人員名錄須有 `person` 和 `role` 兩列（可另有 `department`）；其表頭為：{ $columns }
conform-error-staff-line = 人員名錄第 { $line } 行：{ $message }
conform-error-staff-row = 人員名錄第 { $line } 行：每行須寫明人員和角色
conform-error-staff-unknown-role = 人員名錄第 { $line } 行：`{ $role }` 不是本項目的角色
conform-error-staff-department = 人員名錄第 { $line } 行：角色 `{ $role }` 屬於 `{ $department }`，而不是 `{ $given }`
conform-error-staff-no-department = 人員名錄第 { $line } 行：角色 `{ $role }` 不屬於任何部門，而不是 `{ $given }`
conform-error-event-no-activity = { $place }沒有 `concept:name`（活動）
conform-error-event-no-time = { $place }沒有 `time:timestamp`
conform-error-event = { $place }：{ $message }
conform-error-xes-not-xml = 讀完 { $traces } 條軌跡後，XES 日誌無法解析：不是格式正確的 XML（{ $error }，位於第 { $byte } 字節）
conform-error-xes-ends-inside = 讀完 { $traces } 條軌跡後，XES 日誌無法解析：不是格式正確的 XML（文件在 { $element } 內部結束）
conform-error-xes-no-log = XES 日誌無法解析：沒有 `<log>` 元素
conform-error-xes-attribute = XES 日誌無法解析：不是格式正確的 XML（{ $error }）
# The KPIs measured.
conform-statistic = { $statistic ->
        [avg] 平均值
        [max] 最大值
       *[other] { $statistic }
    }
conform-kpi-how-cycle = { $finished } 件已辦結案件辦理週期的 { $statistic }
conform-kpi-how-rate = { $finished } 件已辦結案件的{ $rate ->
        [first-pass] 一次通過率
       *[on-time] 按時辦結率
    }
conform-kpi-how-open = 日誌結束時仍未辦結的案件數
conform-kpi-no-finished-case = 尚無已辦結的案件可供計量
conform-kpi-not-measurable = 無法從事件日誌計量（flowc 可計量週期、`first_pass` 和 `on_time` 比率，以及 `open` 數量）
# The report for a terminal.
conform-report-process = 流程 { $title }
conform-report-summary = { $cases } 件案件：{ $finished } 件已辦結，{ $open } 件未辦結（以 { $at } 為準）；{ $conforming } 件合規（{ $rate }%）
conform-owners-not-checked = 未核對各步驟的辦理人：請用 --staff 提供人員名錄（或在 flowc.toml 的 `[conform]` 中設置 `staff`）
conform-report-deviations = 偏差（按出現次數排序）：
conform-ranked = { $kind }：{ $cases } 件案件
conform-ranked-at-step = { $kind }，步驟 `{ $step }`：{ $cases } 件案件
conform-report-kpis = 關鍵指標：
conform-report-kpi = { $name }：{ $actual }，目標 { $target }（{ $verdict ->
        [met] 達標
        [missed] 未達標
       *[not-measured] 未計量
    }；{ $how }）
conform-report-kpi-labelled = { $name }「{ $label }」：{ $actual }，目標 { $target }（{ $verdict ->
        [met] 達標
        [missed] 未達標
       *[not-measured] 未計量
    }；{ $how }）
conform-report-recurring = 反復出現的問題（交回責任人）：
conform-report-problem = `{ $owner }`：{ $kind }，{ $cases } 件案件（步驟 { $steps }）
conform-report-findings = 問題：
conform-report-finding = 案件 { $case }：{ $kind }：{ $message }
conform-report-finding-at = 案件 { $case }：{ $kind }：{ $message }［{ $place }］
# The monitoring page (--html).
conform-page-title = 流程監控：{ $title }
conform-heading-summary = 概況
conform-fact-cases = 案件數
conform-fact-finished = 已辦結
conform-fact-open = 未辦結
conform-fact-judged-at = 未辦結案件的判定時間
conform-fact-owners-checked = 已核對辦理人
conform-fact-conforming = 合規
conform-fact-findings = 問題數
conform-fact-sla = 辦理時限
conform-count = { $count }
conform-owners-checked-yes = 是（已提供人員名錄）
conform-owners-checked-no = 否：未提供人員名錄（--staff）
conform-conforming-value = { $conforming }（{ $rate }%）
conform-heading-kpis = 關鍵指標
conform-no-kpi = 本流程未設關鍵指標。
conform-column-kpi = 關鍵指標
conform-column-target = 目標
conform-column-actual = 實際
conform-column-result = 結論
conform-column-how = 計量方式
conform-result = { $result ->
        [pass] 達標
        [fail] 未達標
       *[not-measured] 未計量
    }
conform-heading-cycle-time = 辦理週期
conform-no-finished-case = 尚無案件辦結：沒有可繪製的辦理週期。
conform-cycle-time-label = 已辦結案件的辦理週期分佈與辦理時限
conform-bin-tooltip = { $from } 至 { $to } 個工作日：{ $cases } 件案件
conform-axis-cycle-time = 辦理週期（工作日）
conform-axis-cases = 案件數
conform-sla-line = 辦理時限 { $sla }
conform-cycle-caption = { $finished } 件已辦結案件；其中 { $over } 件超出辦理時限 { $sla }。
conform-cycle-caption-no-sla = { $finished } 件已辦結案件；本流程未設辦理時限。
conform-heading-deviations = 各步驟的偏差
conform-whole-case = 整個案件
conform-no-deviation = 沒有偏差：所有案件均按流程辦理。
conform-kind-count = { $kind } { $cases }
conform-kind-counts = { $kinds }
conform-deviations-label = 各步驟有問題的案件數
conform-axis-deviations = 有問題的案件數（各類合計）
conform-deviations-caption = { $steps } 個步驟有問題；最長的條形為 { $top } 件。
conform-heading-late = 各責任人的逾期步驟
conform-no-owner = （無責任人）
conform-no-late-step = 沒有逾期辦理的步驟。
conform-pareto-label = 各責任人逾期步驟的帕累托圖
conform-late-tooltip = { $owner }：逾期 { $late } 次
conform-axis-late-steps = 逾期步驟數
conform-axis-cumulative = 累計佔比
conform-axis-owner = 責任人（步驟的角色）
conform-pareto-caption = 共 { $total } 個逾期步驟；其中 { $top } 個屬於 { $owner }（{ $share }%）。
conform-heading-recurring = 反復出現的問題
conform-no-recurring = 沒有責任人在兩件或以上案件中出現同類問題。
conform-column-owner = 責任人
conform-column-problem = 問題
conform-column-steps = 步驟
conform-column-cases = 案件數
conform-steps = { $steps }
conform-heading-findings = 問題明細
conform-no-finding = 沒有問題。
conform-column-case = 案件
conform-column-kind = 類別
conform-column-step = 步驟
conform-column-what = 情況
conform-column-where = 位置
conform-footer = 由 flowc 根據事件日誌和流程文件核對生成。

## end of conform


## ============================================================
## lsp: The language server's hovers of steps, inputs, values, recorded values, KPIs, calls, parties and durations.
## ============================================================

lsp-undefined = `{ $name }`（未定義）
lsp-hover-input = **填報項** `{ $name }`：{ $kind }
lsp-hover-of-process = 屬於流程 { $process }
lsp-hover-choice = 填報項 `{ $input }` 的**取值** `{ $value }`：{ $kind }
lsp-hover-record = **記錄值** `{ $name }`：{ $kind }
lsp-hover-record-labelled = **記錄值** `{ $name }` { $label }：{ $kind }
lsp-hover-recorded-by = 由流程 { $process } 的步驟 { $step } 記錄
lsp-hover-calls-nothing = - 調用：無流程（沒有 `process` 行）
lsp-hover-calls-undefined = - 調用：`{ $name }`（未定義）
lsp-hover-calls = - 調用：流程 { $process }
lsp-hover-callee-owner = - 歸口部門：{ $owner }（被調用流程的歸口部門）
lsp-hover-callee-no-owner = - 歸口部門：無（被調用流程沒有歸口部門）
lsp-hover-call-input = - 填報項 `{ $name }`（{ $kind }）{ $given }
lsp-hover-not-given = 未提供
lsp-hover-given = { "=" } `{ $value }`
lsp-hover-node = **{ $kind }** { $name }
lsp-hover-in-process = 屬於流程 { $process }
lsp-hover-step-owner = - 責任人：{ $owner }
lsp-hover-no-owner = - 責任人：無
lsp-hover-deadline = - 時間節點：{ $duration }內
lsp-hover-no-deadline = - 時間節點：無
lsp-hover-at-least = - 至少 { $duration }：不能提前辦結
lsp-hover-records = - 記錄 `{ $name }`：{ $kind }
lsp-hover-reminder = - { $duration }後提醒
lsp-hover-escalation = - 逾期 { $duration }由 { $to } 督辦
lsp-hover-next = - 下一步 → { $target }
lsp-hover-outcome = - 結果 `{ $outcome }` → { $target }
lsp-hover-when = - 條件 `{ $condition }` → { $target }
lsp-hover-otherwise = - 否則 → { $target }
lsp-hover-timeout = - { $after }後超時 → { $target }
lsp-hover-branch = - 分支 { $target }
lsp-hover-kpi = **關鍵指標** { $name }
lsp-type-money = 金額（{ $currency }）
lsp-type = { $kind ->
        [number] 數字
        [text] 文本
        [yes-no] 是或否
       *[date] 日期
    }
lsp-type-choice = { $values } 之一
lsp-calendar-days = { $duration }（約 { $days } 個自然日）
lsp-business-days = { $duration }（= { $business } 個工作日）
lsp-duration = **{ $duration }**
lsp-duration-business = - { $business } 個工作日（{ $hours } 個工作小時）
lsp-duration-calendar = - 約 { $days } 個自然日
lsp-weekday = { $day ->
        [Mon] 週一
        [Tue] 週二
        [Wed] 週三
        [Thu] 週四
        [Fri] 週五
        [Sat] 週六
       *[Sun] 週日
    }
lsp-working-calendar = 按工作日曆：{ $days }上班，每天 { $hours } 小時{ $holidays ->
        [0] {""}
       *[other] ，另有 { $holidays } 個節假日
    }
lsp-party-no-applicant = - 無人：流程 { $process } 沒有 `applicant` 行
lsp-party-nobody-top = 無人（{ $role } 沒有上級）
lsp-party-nobody-undefined = 無人（名稱未定義）
lsp-party-when-applicant = - 申請人為 { $role } 時：{ $who }
lsp-party-item = - { $who }

## end of lsp


## ============================================================
## cli-more: More messages of the command line: build, doc and conform errors, notes, the answers of flowc watch.
## ============================================================

cli-note = 注意：{ $message }
cli-note-left-to-builtin = 流程 `{ $process }` 有 { $nodes } 個節點：由內置佈局繪製，因為 Graphviz 繪製超過 { $most } 個節點的流程需要數分鐘（`--engine dot` 仍會使用 Graphviz）
cli-cannot-write-file = 無法寫入 { $path }：{ $error }
cli-cannot-create-folder = 無法創建 { $path }：{ $error }
cli-build-project-has-errors = 項目有錯誤
cli-build-same-file = 兩個項目都定義了會寫入 `{ $name }` 的流程；請把它們生成到不同的文件夾
cli-doc-same-process = 兩個項目都定義了流程 `{ $name }`；請把它們的手冊生成到不同的文件夾
cli-doc-same-page = 流程 `{ $other }` 和 `{ $name }` 會生成同一個頁面 `{ $page }.html`（在 macOS 和 Windows 上，僅大小寫不同的名稱是同一個文件）；未寫入任何文件
    修正：重命名其中一個
cli-conform-log-error = 錯誤：{ $path }：{ $message }
cli-conform-bad-now = --now { $now }：請寫成 YYYY-MM-DDTHH:MM，例如 2026-12-01T18:00
cli-conform-cannot-read = { $path }：無法讀取：{ $error }
cli-conform-file-error = { $path }：{ $message }
cli-conform-log-unreadable = 無法讀取：{ $error }
cli-conform-bad-map = --map { $map }：請寫成 FIELD=COLUMN
cli-conform-empty-log = 日誌中沒有事件：請導出要核對的案件
cli-diff-two-paths = 請給出兩個路徑 `flowc diff OLD NEW`，或一個版本 `flowc diff --git REV [PATH]`
cli-diff-git-one-path = 使用 `--git` 時最多給出一個路徑：`flowc diff --git REV [PATH]`
cli-diff-no-current-directory = 無法讀取當前文件夾：{ $error }
cli-diff-no-project = { $path }：沒有項目
cli-diff-side-has-errors = { $side ->
        [old] 舊
       *[new] 新
    }版本（{ $path }）有錯誤；只比較通過 `flowc check` 的版本
cli-fmt-no-such-path = { $path }：沒有這個文件或文件夾
cli-fmt-reformatted = 已重新格式化 { $path }
# The plain-text answers of flowc watch to requests it refuses.
watch-refused = { $why ->
        [host] flowc watch 只回應發往本機的請求（Host 頭）
        [method] flowc watch 只提供頁面（GET 和 HEAD）
        [target] flowc watch 只回應對路徑的請求
        [origin] flowc watch 只向自己的頁面發送事件（Origin 頭）
       *[stopped] flowc watch 已停止
    }
cli-watch-cannot-accept = 警告：flowc watch 無法接受連接：{ $error }
    修正：它會關閉最早的連接並繼續嘗試（只提示一次）；請提高 `ulimit -n` 或降低 --max-connections
cli-watch-cannot-serve-more = 錯誤：flowc watch 無法再提供服務：{ $why }
cli-watch-it-stopped = 服務已停止
cli-lsp-failed = 錯誤：flowc lsp：{ $error }
cli-load-not-found = { $path }：沒有這個文件或目錄
cli-load-unreadable = { $path }：無法讀取：{ $reason }
render-graphviz-missing = `--engine dot` 需要 PATH 上有 Graphviz 的 `dot`，但找不到；請安裝 Graphviz（Debian：`apt-get install graphviz`），或改用 `--engine builtin`
render-png-needs-graphviz = PNG 流程圖需要 Graphviz 的 `dot`，但此處未使用；請安裝 Graphviz（Debian：`apt-get install graphviz`，中文標籤另需 `fonts-noto-cjk`），或只輸出 `svg`
render-graphviz-failed = Graphviz 無法繪製 `{ $process }`：{ $message }

## end of cli-more

## h18g: the organisation and files picture of a visual diff
diff-visual-organisation-title = 組織與檔案：不屬任何流程的變更
diff-visual-reports-to = 上級：{ $role }
diff-visual-no-department = （無部門）
