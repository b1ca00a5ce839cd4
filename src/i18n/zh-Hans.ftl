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

handbook-title = 流程手册
handbook-index-summary = 共 { $processes } 个流程；其中 { $overdue } 个定期评审逾期或从未评审（截至 { $date }）。
handbook-markdown-summary = 共 { $processes } 个流程；评审状态截至 { $date }。
handbook-category-heading = { $category ->
        [business] 业务类流程
        [management] 管理类流程
        [approval] 审批类流程
       *[none] 未分类流程
    }
handbook-category = { $category ->
        [business] 业务类
        [management] 管理类
       *[approval] 审批类
    }
handbook-column-process = 流程
handbook-column-process-owner = 归口部门
handbook-column-owner = 责任人
handbook-column-sla = 办理时限
handbook-column-review = 定期评审
handbook-no-process = 没有找到流程。
handbook-calls-heading = 流程之间的调用
handbook-calls-note = 箭头从一个流程指向它作为步骤调用的流程。
handbook-engine = { $engine ->
        [graphviz] Graphviz dot
       *[builtin] flowc 内置布局
    }
handbook-footer = 由 flowc 根据流程文件生成；评审状态截至 { $date }；流程图由 { $engine } 绘制。
handbook-markdown-index-footer = 由 flowc 生成；流程图由 { $engine } 绘制。
handbook-markdown-page-footer = 评审状态截至 { $date }；流程图由 { $engine } 绘制。
handbook-all-processes = ← 全部流程
handbook-monitoring-link = 运行监控：各案件的办理情况
handbook-from-file = 来自 { $file }。
handbook-findings-heading = 检查结果（{ $count }）
handbook-finding-help = 修正：{ $help }
handbook-facts-heading = 基本信息
handbook-fact-process = 流程
handbook-fact-owner = 归口部门
handbook-fact-category = 类别
handbook-fact-sla = 办理时限
handbook-fact-review-cycle = 定期评审周期
handbook-fact-last-review = 上次评审
handbook-fact-review-status = 评审状态
handbook-fact-version = 版本
handbook-fact-note = 说明
handbook-fact-calls = 调用
handbook-fact-called-by = 被调用
handbook-version-effective = { $number }，{ $date } 生效
handbook-flag-overdue = ⚠ 已逾期
handbook-flag-never-reviewed = ⚠ 尚未评审
handbook-review-no-cycle = 未设定期评审
handbook-review-never = 从未评审
handbook-review-due = 下次评审：{ $date }
handbook-review-overdue = 评审自 { $date } 起逾期（{ $days } 天）
handbook-inputs-heading = 填报项
handbook-none = 无。
handbook-column-input = 填报项
handbook-column-type = 类型
handbook-type-money = 金额（{ $currency }）
handbook-type = { $kind ->
        [number] 数字
        [text] 文本
        [yes-no] 是/否
       *[date] 日期
    }
handbook-type-choice = { $values } 之一
handbook-diagram-heading = 流程图
handbook-zoom = 缩放：
handbook-zoom-legible = 清晰（文字至少 12 px）
handbook-zoom-whole = 全图
handbook-zoom-hint = 滚动或拖动滚动条平移
handbook-print-caption = 第 { $part } 页，共 { $count } 页（第 { $row } 行，第 { $column } 列）：{ $continues ->
        [both] 右侧内容见下一页；下方内容见其后各页
        [right] 右侧内容见下一页
        [below] 下方内容见其后各页
       *[last] 最后一部分
    }。相邻页面重叠一个方框的宽度。
handbook-steps-heading = 步骤
handbook-column-step = 步骤
handbook-column-deadline = 时间节点
handbook-column-records = 记录
handbook-column-kpis = 关键指标
handbook-column-reminders = 提醒
handbook-column-escalation = 督办
handbook-column-consulted = 征询
handbook-column-notified = 知会
handbook-column-outcomes = 结果
handbook-owner-in-department = { $owner }，{ $department }
handbook-escalation = 逾期 { $after }由 { $to } 督办
handbook-notification = { $who }，{ $moment ->
        [started] 开始时
        [done] 完成时
        [rejected] 驳回时
       *[overdue] 逾期时
    }
handbook-reminder = { $after }后提醒
handbook-titled = { $title }：{ $value }
handbook-called-sla = { $sla }（被调用流程的办理时限）
handbook-call-with = 传入 { $binding }
handbook-outcome-on = { $outcome } → { $target }
handbook-outcome-timeout = 超过 { $after }未办 → { $target }
handbook-outcome-then = 然后 → { $target }
handbook-outcome-next = 下一步 → { $target }
handbook-all-branches-done = { $block } 的所有分支完成
handbook-decisions-heading = 判断
handbook-column-condition = 条件
handbook-column-goes-to = 去向
handbook-matrix-heading = 责任矩阵
handbook-matrix-key = R 负责 · A 审批（可驳回）· C 征询 · I 知会 · E 督办
handbook-column-who = 角色
handbook-raci-shared = { $mark }（{ $signing ->
        [any-of] 任一
        [all-of] 会签
       *[quorum] { $total } 人中 { $count } 人
    }）
handbook-kpis-heading = 关键指标
handbook-column-indicator = 指标
handbook-column-target = 目标
handbook-kpi-bound = { $bound ->
        [under] 低于
        [at-most] 不高于
        [at-least] 不低于
       *[over] 高于
    }
handbook-kpi-target = { $bound } { $target }
handbook-kpi-statistic-target = { $statistic ->
        [avg] 平均
        [max] 最大
       *[other] { $statistic }
    } { $bound } { $target }
# The live page of flowc watch.
watch-errors-heading = 项目有错误
watch-errors-note = 此页显示的是最后一次成功生成的版本。修正以下错误后，页面会自动更新：
watch-not-found = 找不到页面
watch-no-such-page = 手册中没有页面 { $name }。
watch-all-processes = 全部流程
watch-cannot-read = 无法读取 { $path }

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
condition-not = 并非 { $condition }
condition-group = ({ $condition })
condition-number = { $value }
condition-yes = 是
condition-no = 否
# The words of a diagram's boxes and edges.
diagram-start = 开始
diagram-within = { $duration }内
diagram-at-least = 至少 { $duration }
diagram-calls = 调用 { $process }
diagram-escalation-note = 逾期 { $after } → { $to }
diagram-escalate = 督办：{ $note }
diagram-otherwise = 否则
diagram-outcome = { $outcome ->
        [reject] 驳回
        [withdraw] 撤回
        [objection] 异议
        [return] 退回
       *[other] { $outcome }
    }
diagram-timeout = ◷ 超过 { $after }
# People in words. English keeps the policy's Chinese terms beside the
# written form (`申请人的直属上级 (manager of applicant)`), as the
# diagrams always showed them.
party-applicant = 申请人
party-superior = { $base }的{ $kind ->
        [direct] 直属上级
        [skip] 隔级上级
       *[higher] 第{ $numeral }级上级
    }
party-any-of = 任一
party-all-of = 会签
party-quorum = { $total } 人中 { $count } 人
party-shared = { $signing }：{ $parties }
# The legend of the built-in SVG layout.
legend-step = 步骤（名称、责任人、时间节点）
legend-decision = 判断
legend-countersign = 会签分支/汇合
legend-end = 结束
legend-rejection = 驳回
legend-escalation = 督办
legend-call = 调用
legend-at-least = 最短期限
legend-timeout = 超时
# The legend of a DOT (Graphviz) diagram.
legend = 图例
legend-step-lines = 步骤
    责任人
    时间节点
legend-escalation-note = 督办：逾期时间 → 督办人
legend-next = 下一步
legend-timeout-edge = ◷ 超时

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

