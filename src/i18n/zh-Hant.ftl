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


## end of handbook


## ============================================================
## diagram: Diagrams: SVG, PNG, DOT labels, the legend; money, durations, dates and comparisons in words.
## ============================================================


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
sim-unannounced-year = 警告：節假日預置「{ $preset }」沒有 { $year } 年的通知{ $covered }，因此 { $year } 年只按每週工作日計算；請在 flowc.toml 的 [calendar] holidays 中加入該年的節假日，或在通知發佈後更新 flowc
sim-preset-covers-up-to = （只涵蓋到 { $year } 年）

## end of sim


## ============================================================
## diff: flowc diff: human and markdown reports, the visual diff.
## ============================================================

diff-heading-organisation = 組織（部門與角色）
diff-heading-process = 流程 { $title }
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
       *[checked] 沒有進行核對
    }
cli-did-you-mean = （是否想寫 `{ $name }`？）
cli-no-such-process = 錯誤：--process { $process }：沒有這個名稱的流程{ $guess }；現有的流程是：{ $names }
cli-run-could-not-finish = 錯誤：模擬無法運行完畢：{ $message }
cli-sim-bad-deviate = 錯誤：--deviate { $deviate }：請寫 0 到 1 之間的比例，例如 0.1
cli-sim-bad-start = 錯誤：--start { $start }：請按 YYYY-MM-DDTHH:MM 寫日期和時間
cli-sim-log-not-generated = 錯誤：無法生成日誌：{ $message }
cli-diff-wrote-diagrams = 已把 { $count } 張流程圖寫入 { $out }
lsp-action-change-to = 改為 `{ $name }`
lsp-action-add-owner = 為步驟 `{ $step }` 加上 `owner { $owner }`
lsp-action-add-line = 加上 `{ $line }`

## end of cli

