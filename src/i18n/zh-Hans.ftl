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
diagnostic-help-prefix = 修正：
diagnostic-related-prefix = 相关位置：

## end of common


## ============================================================
## diagnostics-a: Diagnostics of the rules approval-by-applicant .. invalid-suppression (src/check/rules, a-i), and the checker's shared fragments.
## ============================================================

outside-project-unseen-names = { $path } 不在任何项目内检查（其文件夹及上层都没有 flowc.toml），因此看不到它提到的角色与部门：{ $names }（{ $places } 处）
outside-project-unseen-names-label = 声明在本次未读取的文件中
outside-project-unseen-names-help = 与声明它们的文件一起检查（对同时包含两者的文件夹执行 `flowc check FOLDER`），或把该文件夹设为项目：在其中放一个 flowc.toml（文件夹是新的时，`flowc init FOLDER` 会写入一个，附示例 org.flow）

# Shared fragments of the checker's messages.
list-and = { $init } 和 { $last }
list-or = { $init } 或 { $last }
either-or = { $first } 或 { $second }
reasons-and = { $first }；{ $second }
cases-then = { $first }；{ $second }
kind-noun = { $kind ->
        [department] 部门
        [role] 角色
        [process] 流程
        [input] 填报项
        [kpi] 关键指标
        [decision] 判断
        [parallel-block] 并行块
        [call] 调用
        [end] 结束节点
       *[step] 步骤
    }
kind-noun-with-article = { $kind ->
        [department] 部门
        [role] 角色
        [process] 流程
        [input] 填报项
        [kpi] 关键指标
        [decision] 判断
        [parallel-block] 并行块
        [call] 调用
        [end] 结束节点
       *[step] 步骤
    }
when-applicant = 申请人为 { $roles } 时
in-every-case = 在所有情况下
step-part = 步骤 `{ $step }` 的{ $part ->
        [owner] 责任人
        [escalation] 督办人
        [notified] 知会对象
       *[consulted] 征询对象
    }
reports-to-no-one = `{ $role }` 没有上级
duration-in-business-days = { $duration }（{ $days }）
the-deadline = 时间节点
did-you-mean = 是否想写 `{ $name }`？
the-called-process = 被调用的流程
decision-value = `{ $name } = { $value }`
decision-values = { $values }
too-intricate-label = 未分析
loop-entered-here = 从这里进入循环
type-noun = { $kind ->
        [money] 以 { $currency } 计的金额
        [number] 数字
        [text] 文本
        [yes-no] 是/否
        [date] 日期
       *[choice] { $values } 之一
    }
value-noun = { $kind ->
        [money] 金额
        [number] 数字
        [date] 日期
        [text] 文本
       *[name] 名称
    } `{ $value }`
type-example = { $kind ->
        [money] 以 { $currency } 计的金额，例如 `5000 { $currency }`
        [number] 不带单位的数字，例如 `10`
        [text] 加引号的文本，例如 `"ACME Ltd."`
        [yes-no] `yes` 或 `no`
        [date] 写成 `{ $date }` 的日期
        [any-date] `YYYY-MM-DD` 格式的日期，例如 `2026-07-01`
       *[choice] 它的取值之一：{ $values }
    }

# applicant-without-manager
applicant-without-manager-message = 申请人为 `{ $role }` 时无法走完流程 `{ $process }`：{ $part } `{ $party }` 指不到任何人，原因是：{ $chain }{ $more ->
        [0] {""}
        [one] （另有 1 处）
       *[other] （另有 { $more } 处）
    }
applicant-without-manager-line-ends = 其汇报线（{ $line }）止于 `{ $top }`，而 `{ $top }` 没有上级
applicant-without-manager-label = `{ $role }` 没有 `{ $party }`
applicant-without-manager-help = 把 `{ $role }` 从 `applicant` 行中去掉、为该步骤指定固定的责任人，或声明 `{ $top }` 向谁汇报
applicant-without-manager-related = 申请人为 `{ $role }` 时指不到任何人

# approval-by-applicant
approval-by-applicant-message = 步骤 `{ $step }` 审批申请人的申请，但{ $when }，其责任人 `{ $party }` 可能就是申请人本人：任何人不得审批自己的申请
approval-by-applicant-label = { $when }可能就是申请人本人
approval-by-applicant-help = 把审批交给相对于申请人而定的人，通常是 `owner manager of applicant`

# call-inputs
call-inputs-no-process = 调用 `{ $call }` 没有指明流程：缺少 `process` 行
call-inputs-no-process-label = 不运行任何流程
call-inputs-no-process-help = 添加 `process NAME`，指明调用的流程
call-inputs-declared-as = `{ $name }` 声明为{ $kind }
call-inputs-missing = 调用 `{ $call }` 没有提供 `{ $callee }` 的填报项 `{ $name }`（{ $kind }）
call-inputs-missing-label = 没有 `with { $name } = ...`
call-inputs-missing-help = 添加 `with { $name } = VALUE`，值可以是常量，也可以是 `{ $process }` 的填报项或记录值
call-inputs-the-input = 该填报项
call-inputs-unknown = 流程 `{ $callee }` 没有填报项 `{ $name }`
call-inputs-unknown-label = 不是被调用流程的填报项
call-inputs-takes-no-inputs = `{ $callee }` 没有填报项
call-inputs-give-one-of = 请使用它的填报项之一：{ $inputs }
call-inputs-wrong-type = `{ $callee }` 的填报项 `{ $name }` 是{ $kind }，但传入的是{ $given }
call-inputs-wrong-type-label = 不是{ $kind }
call-inputs-value-which-is = 值 `{ $value }`（{ $kind }）
call-inputs-give-example = 请传入：{ $example }；或传入 `{ $process }` 中该类型的填报项或记录值
call-inputs-give-example-meant = 请传入：{ $example }；或传入 `{ $process }` 中该类型的填报项或记录值（是否想写 `{ $meant }`？）
call-inputs-give-type = 请传入类型为{ $kind }的值（flowc 不在类型之间转换）

# call-outcomes
call-outcomes-unknown = 流程 `{ $callee }` 没有结束节点 `{ $end }`
call-outcomes-unknown-label = 不是被调用流程的结束节点
call-outcomes-route-one-of = 请为它的结束节点之一指定去向：{ $ends }
call-outcomes-not-routed = `{ $callee }` 结束于 `{ $end }` 时，调用 `{ $call }` 无路可走
call-outcomes-not-routed-label = 没有 `on { $end }`，也没有 `next`
call-outcomes-not-routed-help = 添加 `on { $end } -> TARGET`；或用 `next TARGET` 接住所有未指定去向的结束节点
call-outcomes-the-end = 该结束节点

# dead-end
dead-end-no-branches = 判断 `{ $node }` 没有分支，流程 `{ $process }` 从这里无法结束
dead-end-no-branches-label = 没有 `when` 或 `otherwise`
dead-end-no-branches-help = 添加若干 `when CONDITION -> TARGET` 行和一个 `otherwise -> TARGET`
dead-end-no-next = { $kind } `{ $node }` 没有 `next`，流程 `{ $process }` 在此之后无法结束
dead-end-block-no-next-label = 没有 `next` 行
dead-end-block-no-next-help = 为并行块添加 `next TARGET`，指明所有分支完成后工作流向哪里
dead-end-no-next-label = 无处可去
dead-end-add-next-help = 为 `{ $node }` 添加 `next TARGET`，通向某个结束节点
dead-end-self-loop = { $kind } `{ $node }` 只会回到自身，流程 `{ $process }` 从这里无法结束
dead-end-self-loop-label = 自我循环
dead-end-loop = { $nodes } 在流程 `{ $process }` 中构成循环，没有通向 `end` 的出口
dead-end-loop-help = 为其中之一添加离开循环、通向结束节点的 `next`、结果或判断分支
dead-end-loop-related = 循环的一部分

# decision-gap, decision-overlap
decision-gap-message = 当 { $values } 时，判断 `{ $name }` 没有任何分支成立
decision-gap-label = 没有任何 `when` 成立，也没有 `otherwise`
decision-gap-help = 添加 `otherwise -> TARGET`，或修改各个 `when`，使其覆盖 { $values }
decision-too-intricate = 判断 `{ $node }` 过于复杂，flowc 无法检查{ $question ->
        [cover] 其分支是否覆盖所有情况
       *[overlap] 是否至多只有一个分支成立
    }（分析超过 { $work } 步）
decision-too-intricate-help = 把它拆成几个判断，每个比较较少的填报项，让人和 flowc 都能看懂
decision-overlap-message = 当 { $values } 时，判断 `{ $name }` 有两个分支同时成立（第 { $first } 行和第 { $second } 行）
decision-overlap-label = { $values } 时成立
decision-overlap-help = 让条件互斥：决定 { $values } 时走两个分支中的哪一个，并收窄另一个分支的条件
decision-overlap-related = { $values } 时此处也成立

# duplicate-name
duplicate-name-same-kind = { $place ->
        [project] {""}
       *[process] 流程 `{ $process }` 中的
    }{ $kind } `{ $name }` 被定义了两次
duplicate-name-other-kind = { $place ->
        [project] {""}
       *[process] 流程 `{ $process }` 中{" "}
    }`{ $name }` 被定义了两次：一次是{ $first }，一次是{ $second }
duplicate-name-label = 此处再次定义了{ $kind } `{ $name }`
duplicate-name-help = 重命名或删除其中一个：{ $scope ->
        [global] 部门、角色和流程在项目的所有文件中共用一个命名空间
        [input] 同一流程的填报项名称必须各不相同
        [kpi] 同一流程的关键指标名称必须各不相同
       *[node] 同一流程的步骤、判断、并行块和结束节点名称必须各不相同
    }
duplicate-name-related = { $kind } `{ $name }` 首次定义于此

# endless-loop
endless-loop-message = 流程 `{ $process }` { $count ->
        [0] 无论填报项取何值都
       *[other] 在 { $values } 时
    }永远不会结束：经过 { $nodes } 的循环对这些取值没有出口
endless-loop-help = 为循环添加一个出口，{ $count ->
        [0] 使任何取值都能离开
       *[other] 使 { $values } 时也能离开
    }：一个通向循环外的 `when` 或 `otherwise`，或一个可由人选择的结果（`on cancel -> END`）
endless-loop-related = 只能通过 { $exits } 离开循环
endless-loop-too-intricate = 经过 { $nodes } 的循环过于复杂，flowc 无法检查每种填报项取值是否都能离开它（分析超过 { $work } 步）
endless-loop-too-intricate-help = 把其中的判断拆成几个，每个比较较少的填报项，让人和 flowc 都能看懂

# escalation-before-deadline
escalation-before-deadline-message = 步骤 `{ $step }` 在 { $after }后交由 `{ $to }` 督办，早于其时间节点（{ $deadline }）
escalation-before-deadline-label = 步骤尚未到期
escalation-before-deadline-help = 在 `within { $within }` 到期时或之后再督办；若要在时间节点前催促责任人，请用 `remind after`

# escalation-not-upward
escalation-not-upward-message = 步骤 `{ $step }` 交由 `{ $target }` 督办，但在汇报关系中 `{ $target }` 并不在其责任人 `{ $owner }` 之上（{ $line }）
escalation-not-upward-label = 不在 `{ $owner }` 之上
escalation-not-upward-help-superior = 督办给 `{ $owner }` 汇报线上的角色，通常是 `{ $superior }`；或更正 `reports to` 行
escalation-not-upward-help-no-line = 声明 `{ $owner }` 向谁汇报（`reports to ROLE`），或删除该督办
escalation-not-upward-case = { $when }，`{ $target }` 不在 `{ $owner }` 之上（{ $line }）
escalation-not-upward-cases = 步骤 `{ $step }` 交由 `{ $target }` 督办，但在汇报关系中此人并不总在其责任人 `{ $owner }` 之上：{ $cases }
escalation-not-upward-cases-help = 督办给责任人之上的人，通常是 `manager of { $owner }`；或更正 `reports to` 行

# escalation-order
escalation-order-message = 步骤 `{ $step }` 的督办没有逐级升高（`escalate after { $after } to { $to }` 跟在 `escalate after { $before_after } to { $before_to }` 之后）：{ $reasons }
escalation-order-not-later = 后一条并不更晚，{ $after }不晚于 { $before }
escalation-order-same-role = 后一条交给了同一个角色 `{ $role }`
escalation-order-not-above = `{ $high }` 不在 `{ $low }` 之上（{ $line }）
escalation-order-in-case = { $when }，{ $reason }
escalation-order-label = 没有比上一行更晚、更高
escalation-order-help = 每条督办都应比上一条更晚，并交给比上一条更高的角色（通常是其上级）
escalation-order-related = 上一条督办

# escalation-to-self
escalation-to-self-message = 步骤 `{ $step }` 交由其责任人 `{ $owner }` 本人督办
escalation-to-self-label = 该步骤的责任人
escalation-to-self-help-superior = 督办给 `{ $owner }` 的上级 `{ $superior }`
escalation-to-self-help-no-line = `{ $owner }` 没有上级：删除该督办，或声明 `{ $owner }` 向谁汇报
escalation-to-self-cases = 步骤 `{ $step }` 交由 `{ $to }` 督办，而此人就是其责任人 `{ $party }`{ $relative ->
        [yes] ：{ $cases }
       *[no] （{ $cases }）
    }
escalation-to-self-owner-when = `{ $owner }`（{ $when }）
escalation-to-self-help-owner-superior = 督办给责任人的上级 `{ $superior }`

# invalid-parallel
invalid-parallel-too-few = 并行块 `{ $name }` 只有 { $count } 个分支；至少需要两个
invalid-parallel-too-few-label = `branch` 行太少
invalid-parallel-too-few-help = 为每个同时进行的步骤添加 `branch STEP` 行，或用普通的 `next` 取代该并行块
invalid-parallel-not-a-step = 并行块 `{ $name }` 中的 `{ $branch }` 是{ $kind }，不是步骤
invalid-parallel-not-a-step-help = 分支必须是步骤；判断和结束节点应接在并行块的 `next` 之后
invalid-parallel-listed-twice = 步骤 `{ $branch }` 在并行块 `{ $name }` 中列出了两次
invalid-parallel-listed-twice-label = 再次列出
invalid-parallel-listed-twice-help = 删除两行 `branch` 中的一行
invalid-parallel-first-listed = 首次列出于此
invalid-parallel-branch-has-next = 步骤 `{ $branch }` 是并行块 `{ $name }` 的分支，却有自己的 `next`
invalid-parallel-branch-has-next-label = 分支没有 `next`
invalid-parallel-branch-has-next-help = 删除此行：所有分支完成后，并行块 `{ $name }` 由它自己的 `next` 继续
invalid-parallel-two-blocks = 步骤 `{ $branch }` 同时是并行块 `{ $first }` 和 `{ $name }` 的分支
invalid-parallel-two-blocks-label = 已是别处的分支
invalid-parallel-two-blocks-help = 一个步骤只属于一个并行块：为 `{ $name }` 另加一个步骤
invalid-parallel-two-blocks-related = 此处是 `{ $first }` 的分支
invalid-parallel-bypass = { $kind } `{ $from }` 直接通向步骤 `{ $step }`，而它是并行块 `{ $block }` 的分支
invalid-parallel-bypass-label = 绕过了并行块
invalid-parallel-bypass-help = 改为通向并行块（`{ $block }`）：其分支同时开始，全部完成后才继续

# invalid-signing
invalid-signing-quorum-zero = 步骤 `{ $step }` 的责任人行 `owner { $owners }` 不要求任何审批
invalid-signing-quorum-zero-help = 至少要求 1 个审批
invalid-signing-quorum-too-large = 步骤 `{ $step }` 的责任人行 `owner { $owners }` 要求 { $count } 方中的 { $required } 方审批，永远无法通过
invalid-signing-quorum-too-large-help = 最多要求 { $count } 个审批，或列出更多的人
invalid-signing-quorum-label = 不可能达到的审批人数
invalid-signing-one-party = 步骤 `{ $step }` 以 `{ $form }` 只列了一方 `{ $party }`：没有其他人可以签署
invalid-signing-one-party-label = 只有一方
invalid-signing-one-party-help = 写成 `owner { $party }`，或列出其他各方
invalid-signing-listed-twice = 步骤 `{ $step }` 的责任人行 `owner { $owners }` 把 `{ $party }` 列了两次
invalid-signing-listed-twice-label = 列了两次
invalid-signing-listed-twice-help = `{ $party }` 只列一次
invalid-signing-listed-first = 首次列出于此

# invalid-suppression, unused-suppression (src/check/suppression.rs)
suppression-usage = 写成 `# flowc: allow(rule-name) reason`，例如 `# flowc: allow(missing-deadline) 时间节点由董事会每年确定`
suppression-not-allow = `# flowc:` 注释写的是 `{ $word }`；唯一的指令是 `allow(...)`
suppression-not-allow-label = 不是 `allow(...)`
suppression-no-parenthesis = `# flowc: allow` 后面没有 `(`：要豁免的规则写在括号里
suppression-no-parenthesis-label = 缺少 `(`
suppression-unclosed = `# flowc: allow(` 没有闭合的 `)`
suppression-unclosed-label = `(` 未闭合
suppression-no-reason = 对 { $rules } 的豁免没有说明理由
suppression-no-reason-label = 没有理由
suppression-no-reason-help = 在 `)` 之后说明为什么该检查结果在此处不适用，例如 `# flowc: allow(missing-deadline) 时间节点由董事会每年确定`
suppression-no-rule = `# flowc: allow()` 没有指明任何规则
suppression-no-rule-label = 空列表
suppression-no-rule-help = 指明要豁免的规则，例如 `# flowc: allow(missing-deadline) 理由`；`flowc rules` 会列出所有规则
suppression-unknown-rule = `# flowc: allow({ $name })` 指明的规则不存在：没有名为 `{ $name }` 的规则
suppression-unknown-rule-label = 未知规则
suppression-unknown-rule-help-meant = 是否想写 `{ $suggestion }`？`flowc rules` 会列出所有规则
suppression-unknown-rule-help = 请指明一条存在的规则；`flowc rules` 会列出所有规则
suppression-not-suppressible = `{ $rule }` 不能用注释豁免
suppression-not-suppressible-label = 不可豁免
suppression-not-suppressible-help = 修正它所报告的注释，或在 flowc.toml 中关闭该规则：`[rules]` `{ $rule } = "off"`
suppression-unused = `# flowc: allow({ $name })` 没有豁免任何内容：第 { $line } 行没有 `{ $name }` 的检查结果
suppression-unused-label = 没有豁免任何内容
suppression-unused-help-comment = 删除该注释：它所针对的检查结果已不存在（或在另一行：把注释移到该结果的上一行）
suppression-unused-help-name = 从列表中删除 `{ $name }`：该行已没有需要豁免的 `{ $name }` 检查结果

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

