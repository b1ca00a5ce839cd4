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
sim-applicant = 申请人 { $role }
sim-time = { $date } { $clock } { $weekday ->
        [mon] 周一
        [tue] 周二
        [wed] 周三
        [thu] 周四
        [fri] 周五
        [sat] 周六
       *[sun] 周日
    }
sim-label = 「{ $label }」
sim-start = 开始
sim-enter = 进入  { $step }{ $label }，责任人 { $owner }{ $due }{ $round }
sim-no-owner = （无）
sim-due = ，期限 { $when }
sim-rework-round = （第 { $round } 轮返工）
sim-remind = 提醒  { $owner }：{ $step }（已过 { $after }）
sim-the-owner = 责任人
sim-escalate = 督办  { $step }：逾期 { $after }由 { $who } 督办
sim-notify = 知会  { $step } { $moment ->
        [started] 开始时
        [done] 完成时
        [rejected] 驳回时
       *[overdue] 逾期时
    }：{ $who }
sim-sign = 会签  { $step }：{ $signer } { $answer ->
        [approve] 同意
       *[reject] 驳回
    }
sim-unneeded = 免答  { $step }：{ $signer } 无需答复，该步骤已有结果
sim-refused = 拒绝  { $step } 在 { $until } 之前不能完成（至少 { $minimum }）
sim-timeout = 超时  { $step } 超过 { $after }未完成 → { $to }
sim-record = 记录  { $step }.{ $name } = { $value }
sim-yes = 是
sim-no = 否
sim-done = 完成  { $step } → { $outcome }{ $late }
sim-next = 下一步
sim-late = （逾期）
sim-decide = 判断  { $decision }：{ $matched } → { $to }
sim-otherwise = 否则
sim-split = 并行  { $block }：{ $branches }
sim-join = 汇合  { $block }
sim-withdraw = 撤回  { $step }（已离开 { $block }）
sim-call = 调用  { $call }：流程 { $process }{ $label }
sim-returned = 返回  { $call }：结束于 { $end } → { $to }
sim-end = 结束  { $end }{ $label }
sim-elapsed = 历时 { $days } 个工作日{ $sla }
sim-sla-met = ，在办理时限 { $sla }内
sim-sla-over = ，超出办理时限 { $sla }
sim-unannounced-year = 警告：节假日预置「{ $preset }」没有 { $year } 年的通知{ $covered }，因此 { $year } 年只按每周工作日计算；请在 flowc.toml 的 [calendar] holidays 中加入该年的节假日，或在通知发布后更新 flowc
sim-preset-covers-up-to = （只涵盖到 { $year } 年）

## end of sim


## ============================================================
## diff: flowc diff: human and markdown reports, the visual diff.
## ============================================================

diff-heading-organisation = 组织（部门与角色）
diff-heading-process = 流程 { $title }
diff-heading-file = 文件 `{ $path }`
diff-group = { $heading }：{ $counts }
diff-counts = { $total } 处变更（重大 { $major } 处，一般 { $minor } 处）
diff-class = { $class ->
        [major] 重大
       *[minor] 一般
    }
diff-change-of-subject = { $noun ->
        [process] 流程
        [step] 步骤
        [decision] 判断
        [role] 角色
        [department] 部门
        [end] 结束
        [input] 填报项
        [KPI] 关键指标
        [call] 调用
        [parallel-block] 并行块
        [file] 文件
        [value] 取值
       *[other] { $noun }
    } `{ $name }`：{ $message }
diff-no-changes = 流程没有变更
diff-md-title = 流程变更
diff-md-no-changes = 流程没有变更。
diff-md-verdict-major = **有重大变更：须报最高管理层审批。**
diff-md-verdict-minor = 仅有一般变更。
diff-md-summary = { $verdict }{ $counts }。
diff-md-columns = | 等级 | 类型 | 变更 |
diff-label-changed = 名称由{ $old }改为{ $new }
diff-label-none = （无）
diff-label-quoted = 「{ $label }」
diff-owner-changed = 责任人由 `{ $old }` 改为 `{ $new }`{ $note }
diff-nobody = 无人
diff-owner-now-relative = （固定的责任人改为按申请人确定的人：现在由谁办理取决于谁申请）
diff-owner-now-fixed = （按申请人确定的人改为固定的责任人）
diff-duration-set = { $what ->
        [deadline] 时间节点
        [sla] 办理时限
        [review-cycle] 定期评审周期
        [minimum-period] 最短期限
        [timeout] 超时
       *[reminder] 提醒
    }设为 { $new }
diff-duration-removed = 删除了 { $old }的{ $what ->
        [deadline] 时间节点
        [sla] 办理时限
        [review-cycle] 定期评审周期
        [minimum-period] 最短期限
        [timeout] 超时
       *[reminder] 提醒
    }
diff-duration-changed = { $what ->
        [deadline] 时间节点
        [sla] 办理时限
        [review-cycle] 定期评审周期
        [minimum-period] 最短期限
        [timeout] 超时
       *[reminder] 提醒
    }{ $change }
diff-escalation-moved = 由 `{ $to }` 督办的时间{ $change }
diff-duration-rewritten = 由 { $old }改写为 { $new }（工作时间不变）
diff-duration-moved = 由 { $old }{ $direction ->
        [longer] { $verbs ->
            [lengthen] 延长
            [delay] 推迟
           *[move] 推迟
        }
       *[shorter] { $verbs ->
            [lengthen] 缩短
            [delay] 提前
           *[move] 提前
        }
    }为 { $new }（工作时间{ $direction ->
        [longer] 增加
       *[shorter] 减少
    } { $days } 个工作日）
diff-visual-caption = 变更：绿色为新增，琥珀色为修改，红色删除线为删除

## end of diff


## ============================================================
## init: flowc init: the templates.
## ============================================================

init-files-exist = 错误：{ $count ->
        [1] { $files } 已存在
       *[other] { $files } 都已存在
    }；flowc init 从不覆盖文件，因此没有写入任何文件
    修正：运行 `flowc init NEW_FOLDER`，在一个单独的文件夹中新建项目
init-cannot-create = 错误：无法创建 { $dir }：{ $error }
init-cannot-write = 错误：无法写入 { $path }：{ $error }
init-created = 已在 { $dir } 中新建 flowc 项目：flowc.toml、org.flow、leave-request.flow
    下一步：`flowc check { $dir }` 检查该项目；按公司实际情况修改 org.flow，并为每个流程复制一份 leave-request.flow

## end of init


## ============================================================
## cli: Messages of the command line (files, projects, outputs).
## ============================================================

cli-error = 错误：{ $message }
cli-cannot-write-stdout = 错误：无法写入标准输出：{ $error }
cli-link-outside-project = 警告：{ $link } 是指向项目 { $root } 之外的符号链接：不跟随，不读取
    修正：把该文件复制到项目中，或把它指向的文件夹作为单独的项目检查
cli-look-alike-not-read = 警告：{ $path } 看起来像流程文件，但不会被读取：flowc 只读取名称以 `.flow` 结尾的文件
    修正：把它改名为 `{ $intended }`
cli-nested-project = 警告：{ $inner } 在项目 { $outer } 之内有自己的 flowc.toml：从 { $outer } 检查时，{ $inner } 下的文件属于本项目；从 { $inner } 检查时，它们是单独的项目，看不到别处声明的角色
    修正：只保留一个项目：删除 { $inner_config }（其设置应写在 { $outer_config } 中），或用 `exclude = ["{ $relative }/**"]` 把该文件夹排除在本项目之外
cli-every-file-excluded = 错误：{ $root } 下的每个 .flow 文件（{ $found } 个）都被 { $config } 中的 `exclude` 排除了
    修正：收窄 `exclude` 的模式；像 "**" 这样的模式会排除所有文件
cli-only-look-alikes = 错误：{ $root } 下没有 .flow 文件，只有看起来像流程文件的文件（见上面的警告）
    修正：把它们改名为以 `.flow` 结尾
cli-no-flow-file = 错误：{ $root } 下没有 .flow 文件
    修正：给出存放流程文件的文件夹，或用 `flowc init` 在此新建项目
cli-no-project = 错误：{ $path } 处没有项目
cli-project-has-errors = 错误：项目有错误；{ $done ->
        [simulated] 没有运行模拟
       *[checked] 没有进行核对
    }
cli-did-you-mean = （是否想写 `{ $name }`？）
cli-no-such-process = 错误：--process { $process }：没有这个名称的流程{ $guess }；现有的流程是：{ $names }
cli-run-could-not-finish = 错误：模拟无法运行完毕：{ $message }
cli-sim-bad-deviate = 错误：--deviate { $deviate }：请写 0 到 1 之间的比例，例如 0.1
cli-sim-bad-start = 错误：--start { $start }：请按 YYYY-MM-DDTHH:MM 写日期和时间
cli-sim-log-not-generated = 错误：无法生成日志：{ $message }
cli-diff-wrote-diagrams = 已把 { $count } 张流程图写入 { $out }
lsp-action-change-to = 改为 `{ $name }`
lsp-action-add-owner = 为步骤 `{ $step }` 加上 `owner { $owner }`
lsp-action-add-line = 加上 `{ $line }`

## end of cli

