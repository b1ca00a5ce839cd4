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

manager-of-nobody-message = `{ $party }`（{ $part }）指不到任何人：汇报线 { $line } 到 `{ $top }` 为止，`{ $top }` 没有上级
manager-of-nobody-label = `{ $top }` 没有上级
manager-of-nobody-help = 写明实际要指的角色，减少 `manager of` 的层数，或声明 `{ $top }` 向谁汇报
minimum-exceeds-deadline-message = 步骤 `{ $step }` 至少需时 { $minimum }，但时间节点是 { $deadline }内
minimum-exceeds-deadline-label = 比时间节点长
minimum-exceeds-deadline-help = 把步骤的时间节点设为至少 `{ $minimum }`（`within { $minimum }`），或在政策允许时缩短 `at least`
missing-deadline-message = 流程 `{ $process }` 的步骤 `{ $step }` 没有时间节点
missing-deadline-label = 没有 `within` 行
missing-deadline-help = 加上 `within DURATION`，例如 `within 2 business days`
missing-end-message = 流程 `{ $process }` 没有 `end`
missing-end-label = 没有 `end` 行
missing-end-help = 加上 `end NAME "label"`，并用 `next NAME` 让最后一个步骤通往它
missing-escalation-message = 步骤 `{ $step }` 没有督办，但其责任人 `{ $owner }` 的上级是 `{ $superior }`
missing-escalation-label = 没有 `escalate after` 行
missing-escalation-help = 加上 `escalate after DURATION to { $superior }`，时长长于 `within { $deadline }`
missing-escalation-help-no-deadline = 加上 `escalate after DURATION to { $superior }`，时长长于步骤的时间节点
missing-kpi-message = 流程 `{ $process }` 没有 `kpi`：无从衡量它运行得好不好
missing-kpi-label = 没有 `kpi` 行
missing-kpi-help = 加上一项关键指标，例如 `kpi cycle_time "周期" p90 under 10 business days`
missing-process-owner-message = 流程 `{ $process }` 没有归口部门
missing-process-owner-label = 没有 `owner` 行
missing-process-owner-help = 在流程内加上 `owner DEPARTMENT`，写明维护它的部门（归口部门），或写一个角色
missing-review-message = 流程 `{ $process }` 没有定期评审
missing-review-label = 没有 `review every` 行
missing-review-help = 加上 `review every DURATION, last DATE`，例如 `review every 12 months, last 2026-03-01`
missing-review-last-message = 流程 `{ $process }` 的定期评审没有写上次评审的日期，因此无从得知下次评审何时到期
missing-review-last-label = 没有 `last DATE`
missing-review-last-help = 加上上次评审的日期（新流程写其批准的日期）：`review every { $every }, last YYYY-MM-DD`
missing-sla-message = 流程 `{ $process }` 没有 `sla`：无从得知它最长可办理多久
missing-sla-label = 没有 `sla` 行
missing-sla-help = 为流程加上 `sla DURATION`；其最长路径需时 { $longest }，办理时限应至少为此
missing-sla-help-example = 为流程加上 `sla DURATION`，例如 `sla 15 business days`
missing-start-message = 流程 `{ $process }` 没有 `start`
missing-start-label = 没有 `start` 行
missing-start-help = 加上 `start STEP`，写明流程从哪个步骤开始
syntax-error-label = 此处
setting-holder = { $kind ->
        [process] 流程
        [step] 步骤
        [decision] 判断
        [call] 调用
       *[parallel-block] 并行块
    } `{ $name }`
read-before-record-message = { $kind } `{ $node }` 读取 `{ $name }`，但它可能尚未记录：经由 { $way } 的路线上没有任何步骤记录它（步骤 `{ $step }` 完成时才记录）
read-before-record-timed-out = `{ $name }`（超时）
read-before-record-label = `{ $name }` 可能尚未记录
read-before-record-help = 在通往 `{ $node }` 的每条路线上都记录 `{ $name }`，或只在步骤 `{ $step }` 之后读取它
read-before-record-related = 在此记录
recursive-call-message = 流程 `{ $process }` 调用了自身：{ $loop }
recursive-call-label = 调用循环从此开始
recursive-call-help = 把工作退回到较早的步骤，而不是重新开始流程，或把此调用移出循环
recursive-call-related = `{ $process }` 在此继续调用
redundant-approval-message = 步骤 `{ $first }` 与 `{ $second }` 是同一责任人 `{ $owner }` 的连续审核：第二次审批是多余的
redundant-approval-message-cases = 步骤 `{ $first }` 与 `{ $second }` 是同一责任人的连续审核（{ $cases }）：第二次审批是多余的
redundant-approval-case = { $when }，`{ $first }` 与 `{ $second }` 都是 { $owners }
redundant-approval-label = `{ $owner }` 再次审核
redundant-approval-label-cases = 同一责任人再次审核
redundant-approval-help = 把两次审核合并为一个步骤，或把第二次审核交给更上一级
redundant-approval-related = `{ $owner }` 的第一次审核
redundant-approval-related-cases = 同一责任人的第一次审核
reminder-after-deadline-message = 步骤 `{ $step }` 在 { $reminder }后才提醒责任人，不在其时间节点 { $deadline }之前
reminder-after-deadline-label = 在时间节点或之后
reminder-after-deadline-help = 在 `within { $deadline }` 之前提醒；要在步骤逾期后处理，请用 `escalate after ... to ROLE`
repeated-setting-message = { $holder } 两次设定 `{ $setting }`
repeated-setting-label = 第二个 `{ $setting }`
repeated-setting-help = 保留一行 `{ $setting }`，删除另一行
repeated-setting-related = 第一个 `{ $setting }` 在此
timeout-before-deadline-message = 步骤 `{ $step }` 在 { $timeout }后超时，早于其时间节点 { $deadline }
timeout-before-deadline-label = 早于步骤到期
timeout-before-deadline-help = 把超时设在时间节点或之后（`on timeout after { $deadline } -> ...`），或把时间节点缩短为责任人实际拥有的时间
chain-link = { $first } -> { $second }
chain-name = `{ $name }`
path-link = { $first } → { $second }
reporting-cycle-message = 角色 `{ $role }` 向自己汇报：{ $circle }
reporting-cycle-label = 使汇报线形成闭环
reporting-cycle-help = 修正指回下级的那一行 `reports to`，让汇报线的顶端不向任何人汇报
reporting-cycle-related = `{ $role }` 再向上汇报
required-participant-message = 流程 `{ $process }` 可以不经 `{ $participant }` 而结束：{ $case } { $path } 上没有由 `{ $participant }` { $department ->
        [yes] 或其下属角色
       *[no] { "" }
    }负责的步骤。要求的理由：{ $reason }
required-participant-case = 路径
required-participant-case-amount = 当 `{ $input }` = { $amount } { $currency ->
        [CNY] 元
        [RMB] 元
       *[other] { $currency }
    } 时，路径
required-participant-label = 可以不经 `{ $participant }` 而结束
required-participant-help = 在每条路径上加一个由 `{ $participant }` 负责的步骤；该要求是 flowc.toml 中的第 { $number } 个 `[[required-participant]]`
required-participant-help-amount = 在金额超过 { $amount } { $currency ->
        [CNY] 元
        [RMB] 元
       *[other] { $currency }
    } 时所走的每条路径上加一个由 `{ $participant }` 负责的步骤；该要求是 flowc.toml 中的第 { $number } 个 `[[required-participant]]`
reserved-input-name-outcome = { $kind ->
        [input] 填报项
       *[record] 记录
    } `{ $name }` 是每个任务用来表示其办理结果的流程变量：引擎在每个步骤都会覆写它（两种方言皆然）
reserved-input-name-reserved = { $kind ->
        [input] 填报项
       *[record] 记录
    } `{ $name }` 是 { $languages ->
        [feel] FEEL（Zeebe 方言）
        [python] Python（SpiffWorkflow 方言）
       *[both] FEEL（Zeebe 方言）和 Python（SpiffWorkflow 方言）
    }的保留字：以它为条件无法按所写的求值
reserved-input-name-label = 保留名称
reserved-input-name-help = 重新命名该{ $kind ->
        [input] 填报项
       *[record] 记录
    }（例如 `{ $name }_value`）及用到它的条件
review-overdue-message = 流程 `{ $process }` 的定期评审已逾期：上次评审于 { $last }，每 { $every }评审一次，应于 { $due }评审，至今已逾期 { $late } 天（今天是 { $today }）
review-overdue-label = 应于 { $due }评审
review-overdue-help = 评审流程，然后写上评审的日期：`review every { $every }, last { $today }`
self-approval-message = 步骤 `{ $review }` 审核{ $kind } `{ $reviewed }` 的工作（`on { $outcome } -> { $reviewed }`），但两者的责任人都是 `{ $owner }`：任何人都不得审批自己的工作
self-approval-label = 把工作退回 `{ $owner }` 自己的步骤
self-approval-related = 被审核的步骤，责任人同样是 `{ $owner }`
self-approval-help-superior = 把审核交给 `{ $owner }` 以外的人，例如其上级 `{ $superior }`
self-approval-help = 把审核交给 `{ $owner }` 以外的人
self-approval-help-department = 把审核交给 `{ $owner }` 部门以外的人
self-approval-cases-message = 步骤 `{ $review }` 审核步骤 `{ $reviewed }` 的工作（`on { $outcome } -> { $reviewed }`），但其责任人 `{ $reviewer }` 与经办人 `{ $author }` 是同一人：{ $cases }；任何人都不得审批自己的工作
self-approval-case = { $when }两者都是 `{ $unit }`
self-approval-cases-label = 把工作退回审核人自己的步骤
self-approval-cases-related = 被审核的步骤
self-approval-cases-help = 把审核交给经办人的上级，通常写 `owner manager of { $author }`
single-branch-decision-message = 判断 `{ $decision }` 的每个分支都通往 `{ $target }`
single-branch-decision-label = 总是通往 `{ $target }`
single-branch-decision-help = 把本应去往别处的分支指向其目标，或删除此判断，直接通往 `{ $target }`（`next { $target }`）
single-branch-decision-related = 通往 `{ $target }`
sla-exceeded-message = `{ $process }` 的最长路径需时 { $total }（{ $path }），超过其办理时限 { $sla }
sla-exceeded-label = 其步骤与调用的时间节点合计 { $total }
sla-exceeded-help = 缩短此路径上步骤的 `within`，把其中一些步骤放入 `parallel` 块并行办理，或在政策允许时放宽 `sla`
sla-exceeded-path-no-deadline = `{ $name }` 0（无时间节点）
sla-exceeded-path-step = `{ $name }` { $days }
sla-exceeded-path-step-in = `{ $name }` { $days }（{ $period }）
sla-exceeded-path-call = `{ $name }` { $days }（`{ $process }`）
input-type-short = { $type ->
        [money] 金额
        [number] 数字
        [text] 文本
        [yes-no] 「是/否」值
        [date] 日期
       *[choice] 选项
    }
type-mismatch-declared = `{ $name }` 声明为{ $type }
type-mismatch-declared-other = `{ $name }` 是声明为{ $type }的{ $kind ->
        [input] 填报项
       *[record] 记录
    }
type-mismatch-other-currency-message = `{ $name }` 是以 { $expected } 计的金额，却与以 { $found } 计的金额（`{ $value }`）比较
type-mismatch-other-currency-label = 以 { $found } 计的金额
type-mismatch-other-currency-help = 用填报项的币种 { $expected } 写金额（flowc 不做货币换算）
type-mismatch-bare-number-message = `{ $name }` 是以 { $currency } 计的金额，但 `{ $amount }` 是不带币种的数字
type-mismatch-bare-number-label = 没有币种的数字
type-mismatch-bare-number-help = 写成 `{ $amount } { $currency }`
type-mismatch-money-for-number-message = `{ $name }` 是数字，却与金额 `{ $value }` 比较
type-mismatch-money-for-number-label = 一笔金额
type-mismatch-money-for-number-help = 写成不带币种的数字 `{ $amount }`，或把 `{ $name }` 声明为金额
type-mismatch-quoted-value-message = `{ $name }` 是{ $type }，但 `"{ $value }"` 是加引号的文本
type-mismatch-quoted-value-label = 加引号的文本
type-mismatch-quoted-value-help = 去掉引号，写成 `{ $value }`
type-mismatch-unquoted-text-message = `{ $name }` 是文本，但 `{ $word }` 是未加引号的名称
type-mismatch-unquoted-text-label = 未加引号的名称
type-mismatch-unquoted-text-help = 文本要加引号：`"{ $word }"`
type-mismatch-yes-no-message = `{ $name }` 是「是/否」值：其取值写作 `yes` 和 `no`，而不是 `{ $value }`
type-mismatch-yes-no-label = 写 `yes` 或 `no`
type-mismatch-yes-no-help-meant = 写成 `{ $name } { $op } { $meant }`
type-mismatch-yes-no-help = 与 `yes` 或 `no` 比较：`{ $name } == yes`
type-mismatch-unknown-value-message = `{ $name }` 没有取值 `{ $value }`：它是{ $type }
type-mismatch-unknown-value-label = 不是 `{ $name }` 的取值
type-mismatch-unknown-value-help-closest = 是不是要写 `{ $closest }`？
type-mismatch-unknown-value-help = 与它的某个可选值比较（{ $values }），或把 `{ $value }` 加到该{ $kind ->
        [input] 填报项
       *[record] 记录
    }的可选值中
type-mismatch-not-ordered-message = `{ $op }` 比较大小，但 `{ $name }` 是{ $type }，没有大小之分
type-mismatch-not-ordered-label = 对{ $short }用了 `{ $op }`
type-mismatch-not-ordered-help = 用 `==` 或 `!=`（多个取值时：`a == x or a == y`）
type-mismatch-wrong-kind-message = `{ $name }` 是{ $type }，却与{ $value }比较
type-mismatch-wrong-kind-label = 不是{ $short }
type-mismatch-wrong-kind-help = 写{ $example }
type-mismatch-other-type-message = `{ $a }` 是{ $left }，却与 `{ $b }`（{ $right }）比较
type-mismatch-other-type-label = 类型不同的值
type-mismatch-other-type-help = 比较同类型的值（同一币种的金额、数字、日期、同一个 `one of`），或把每个值与写明的值比较
type-mismatch-pair-not-ordered-message = `{ $op }` 比较大小，但 `{ $a }` 和 `{ $b }` 都是{ $type }，没有大小之分
type-mismatch-pair-not-ordered-help = 用 `==` 或 `!=`
too-many-steps-message = 流程 `{ $process }` 有 { $steps } 个步骤，超过上限 { $limit } 个
too-many-steps-label = { $steps } 个步骤
too-many-steps-help = 合并同一责任人连续办理的步骤，去掉不增加控制的审批，或把一部分拆成独立的流程；上限由 flowc.toml 中的 `[limits] max-steps` 设定
unchecked-decision-message = 判断 `{ $decision }` 把 { $values } 互相比较：flowc 只精确检查两个值之间的比较，不检查三个或更多值的连锁比较，因此未检查其分支有无遗漏或重叠
unchecked-decision-label = 未检查
unchecked-decision-help = 拆分此判断，让每个判断最多只把两个值互相比较
unchecked-decision-loop-message = 流程 `{ $process }` 在其各个判断中把 { $values } 互相比较：flowc 只精确检查两个值之间的比较，不检查三个或更多值的连锁比较，因此未检查其循环有无出口
unchecked-decision-loop-label = 循环未检查
unchecked-decision-loop-help = 在整个流程中最多只把其中两个值互相比较，或把它们与写明的值比较
undeclared-applicant-message = `{ $party }` 是流程 `{ $process }` 中{ $part }，但该流程没有 `applicant` 行：没有人是申请人
undeclared-applicant-label = 此流程没有申请人
undeclared-applicant-help = 在流程 `{ $process }` 中加上 `applicant ROLE, ...`，写明谁可以发起它，或改写成一个角色
unowned-step-message = 流程 `{ $process }` 的步骤 `{ $step }` 没有责任人
unowned-step-label = 没有 `owner` 行
unowned-step-help = 加上 `owner ROLE`，写明负责此步骤的角色
unreachable-step-message = 从流程 `{ $process }` 的开始无法到达{ $kind } `{ $node }`
unreachable-step-label = 没有从 `start` 通往此处的路径
unreachable-step-help = 从一个能到达的步骤通往它（`next { $node }`、`on OUTCOME -> { $node }` 或一个 `when` 分支），或删除它
unused-input-message = `{ $process }` 的填报项 `{ $name }` 从未使用：没有判断比较它，没有调用传递它，也没有必需的参与方读取它
unused-input-label = 填报了却无用处
unused-input-help = 在判断中比较 `{ $name }`，把它传给被调用的流程（`with INPUT = { $name }`），或删除 `input` 行
unused-record-message = 步骤 `{ $step }` 记录的 `{ $name }` 从未被读取：没有判断比较它，也没有调用传递它
unused-record-label = 记录了却无用处
unused-record-help = 在判断中比较 `{ $name }`，把它传给被调用的流程（`with INPUT = { $name }`），或删除 `record` 行
thing-kind = { $kind ->
        [org-unit] 角色或部门
        [role] 角色
        [department] 部门
        [node] 步骤、判断、并行块或结束
        [step] 步骤
        [input] 填报项或记录
        [process] 流程
        [decision] 判断
        [parallel-block] 并行块
        [call] 调用
        [file] 文件
       *[end] 结束
    }
thing-kind-with-article = { $kind ->
        [org-unit] 角色或部门
        [role] 角色
        [department] 部门
        [node] 步骤、判断、并行块或结束
        [step] 步骤
        [input] 填报项或记录
        [process] 流程
        [decision] 判断
        [parallel-block] 并行块
        [call] 调用
        [file] 文件
       *[end] 结束
    }
undefined-reference-other-kind-message = `{ $name }` 是{ $found }，不是{ $expected }
undefined-reference-local-message = 流程 `{ $process }` 中没有名为 `{ $name }` 的{ $expected }
undefined-reference-message = 没有名为 `{ $name }` 的{ $expected }
undefined-reference-label = 没有{ $expected } `{ $name }`
undefined-reference-help-department-role = 此处应写部门 `{ $department }` 的一个角色，例如 `{ $role }`
undefined-reference-help-other-kind-suggestion = `{ $name }` 是{ $found }；此处应写{ $expected }，例如 `{ $suggestion }`
undefined-reference-help-other-kind = `{ $name }` 是{ $found }；此处应写{ $expected }
undefined-reference-label-for-name-message = `{ $label }` 是{ $kind } `{ $name }` 的显示名称，不是它的名称；引用时要写名称
undefined-reference-label-for-name-label = `{ $name }` 的显示名称
undefined-reference-label-for-name-help = 此处写名称 `{ $name }`（显示名称是给人在图上看的）
undefined-reference-declare-role = 声明该角色，例如 `role { $name } "label" reports to ROLE`，或写一个已有的角色
undefined-reference-declare-department = 用 `department { $name } "label"` 声明它，或写一个已有的部门
undefined-reference-declare-node = 在流程中加一个名为 `{ $name }` 的步骤、判断、并行块或结束，或写一个已有的
undefined-reference-declare-step = 在流程中加上 `step { $name } { "{" } ... { "}" }`，或写一个已有的步骤
undefined-reference-declare-input = 在流程中用 `input { $name }: TYPE` 声明它，或在某个步骤中用 `record { $name } "label": TYPE` 记录它
undefined-reference-declare-process = 写项目中某个流程的名称，或加上 `process { $name } "label" { "{" } ... { "}" }`
syntax-expected = { $what ->
        [end-of-file] 文件结尾
        [end-of-line] 行尾
        [name] 名称
        [label] 加引号的显示名称
        [text] 加引号的文本
        [duration] 时长，例如 `2 business days`
        [duration-unit] 时间单位（`minutes`、`hours`、`days`、`business days`、`weeks`、`months`、`years`）
        [date] 日期，例如 `2026-03-01`
        [number] 数字
        [money] 金额，例如 `5000 CNY`
        [currency] 三个字母的币种代码，例如 `CNY`
        [percentage] 百分比，例如 `85%`
        [category] `business`、`management` 或 `approval`
        [comparator] 比较符号（`<`、`<=`、`>`、`>=`、`==`、`!=`）
        [statistic] 统计量（`p50`、`p90`、`p95`、`avg`、`max`）
        [kpi-bound] `under`、`at most`、`at least` 或 `over`
        [file] `department`、`role` 或 `process`
        [quorum] 法定人数，例如 `2 of`
        [party] 角色、`applicant` 或 `manager of ...`
        [notify-moment] `started`、`done`、`rejected` 或 `overdue`
        [condition] 条件，例如 `amount > 5000 CNY`
       *[other] 其他内容
    }
syntax-expected-found = 此处应为 { $expected }，却是 { $found }
syntax-with-hint = { $message }（{ $hint }）
syntax-full-width = { $hint ->
        [colon] 这是全角冒号；请写半角的 `:`
        [comma] 这是全角逗号；请写半角的 `,`
        [paren-open] 这是全角括号；请写半角的 `(`
        [paren-close] 这是全角括号；请写半角的 `)`
        [arrow] 箭头要写成两个半角字符 `->`
        [sign] 这是全角符号；请写半角的 `=`、`>` 或 `<`
        [quote] 这是弯引号或全角引号；显示名称要用半角的 `"`
       *[brace] 这是全角花括号；请写半角的 `{ "{" }` 或 `{ "}" }`
    }
syntax-custom-help = 简化文件的这一部分
syntax-unclosed-quote = 这段加引号的文本在本行没有结束
syntax-unclosed-quote-help = 在同一行用 `"` 结束它；文本内的引号写作 `\"`
syntax-one-item-per-line = 每项单独写一行
syntax-write-here = 此处写 { $expected }
syntax-block-holds = { $block }中的行以 { $items } 开头
syntax-unclosed-block = { $block } `{ $name }` 没有结束：文件在它的 `{ "}" }` 之前就结束了
syntax-unclosed-block-help = 在{ $block } `{ $name }` 结束处单独一行加上 `{ "}" }`
syntax-not-held = `{ $word }` 不能写在{ $block }中；是不是要写 `{ $keyword }`？
syntax-does-not-belong = `{ $word }` 不属于{ $block }（`{ $name }`）
syntax-expected-close = 此处应为 `{ "}" }` 以结束{ $block } `{ $name }`，却是 { $found }
syntax-expected-close-help = { $holds }；单独一行写 `{ "}" }` 结束它
syntax-quoted-name = 名称不加引号：`"{ $label }"` 是{ $kind } `{ $name }` 的显示名称
syntax-quoted-name-help = 写名称：`{ $keyword } { $name }`
syntax-quoted-unknown-name = 名称不加引号：此处是 `"{ $label }"`
syntax-quoted-unknown-name-help = 写不加引号的名称 `{ $keyword } { $name }`；加引号的显示名称只跟在声明处的名称之后，例如 `{ $declaring } { $name } "{ $label }"`
syntax-thousands-separator = `{ $written }` 用 `,` 分隔千位，flowc 不识别这种写法
syntax-thousands-separator-help = 写成 `{ $plain }`，或用 `_` 分组：`{ $grouped }`
time-units = { $unit ->
        [business-day] 工作日
        [day] 天
        [hour] 小时
        [week] 周
        [month] 月
        [year] 年
       *[minute] 分钟
    }
syntax-fraction-of-a-unit = `{ $written }`：时长必须是整数个{ $unit }
syntax-fraction-of-a-unit-help = 改用较小的单位：`{ $smaller }`
syntax-fraction-of-a-business-day-help = 改用较小的单位：`{ $smaller }`（一个工作日按 8 个工作小时计；见 flowc.toml 中的 `[calendar]`）
syntax-fraction-of-a-unit-round = 取整为整数个{ $unit }，或改用{ $smaller }为单位
syntax-full-width-digits = `{ $word }` 用了全角数字
syntax-full-width-digits-help = 写半角数字：`{ $ascii }`
syntax-single-equals = 单个 `=` 不是比较：相等写作 `==`
syntax-single-equals-help = 写成 `{ $input } == { $value }`
syntax-slashed-date = `{ $word }` 不是 flowc 能读的日期：日期按年-月-日写作 `YYYY-MM-DD`
syntax-write = 写成 `{ $written }`
syntax-several-owners = 多个责任人要写明如何签署：在 `owner { $first }` 之后又出现了第二个责任人
syntax-several-owners-help = 其中一人代表全部办理时写 `owner any of { $owners }`，每人都须审批时写 `owner all of { $owners }`，按法定人数时写 `owner N of { $owners }`
syntax-space-in-name = 名称不能包含空格：此处是 `{ $name } { $word }`
syntax-space-in-name-help = 用 `_` 连接：`{ $name }_{ $word }`（此处和声明处都要改）
syntax-other-language = flowc 没有 `{ $word }`：应写 `{ $keyword }`
syntax-quorum-too-large = 法定人数 `{ $quorum }` 太大：法定人数是 `of` 之后所列人员中须审批的人数
syntax-quorum-too-large-help = 写明所列人员中须有几人审批，例如 `owner 2 of a, b, c`
syntax-version-too-large = 版本号 `{ $version }` 太大
syntax-version-too-large-help = 版本按 1、2、3…… 编号（小于 4,294,967,296）
syntax-duration-too-large = 时长 `{ $duration }` 太大：每个单位最多 100,000,000，这样每种输出（JSON、Zeebe 的定时器）都能精确表示
syntax-duration-too-large-help = 写较小的数，或改用较大的单位，例如 `weeks` 或 `years`
syntax-impossible-date = `{ $date }` 不是日历上存在的日期
syntax-impossible-date-help = 写一个真实的日期，格式为 `YYYY-MM-DD`，例如 `2026-03-01`
syntax-number-too-large = 数字 `{ $number }` 太大或精度太高
syntax-number-too-large-help = flowc 精确保留最多 28 位数字；请写较小的数
syntax-percentage-too-large = 百分比 `{ $percentage }` 太大
syntax-percentage-too-large-help = 百分比是 0 到 100 之间的数
syntax-too-deep = 括号嵌套超过 { $max } 层
syntax-too-deep-help = 简化条件：拆成多行 `when`，或用一个填报项命名各种情况
syntax-file-too-large = 文件大小为 { $bytes } 字节，超过 flowc 的上限 { $limit } 字节
syntax-file-too-large-help = 拆分文件：每个流程单独放一个文件（项目根目录下的每个 `.flow` 文件都属于同一个项目）
syntax-not-utf8 = 文件不是 UTF-8 文本
syntax-not-utf8-help = 把文件另存为 UTF-8（flowc 能读任何文字的显示名称和名称，但只读 UTF-8）
config-lang = lang：{ $error }
config-conform-column = [conform.columns] { $field } = ""：请写明存放 `{ $field }` 的 CSV 列名
config-conform-staff = [conform] staff = ""：请写明员工名册文件，例如 "staff.csv"
config-max-steps = [limits] max-steps = { $max }：请写一个整数的步骤数，至少为 1
config-required-category = 第 { $number } 个 [[required-participant]]：category = "{ $word }" 不是类别；请写 "business"、"management" 或 "approval"
config-required-money = 第 { $number } 个 [[required-participant]]：money-above = "{ $text }" 不是金额；请写金额和币种代码，例如 "100000 CNY"
config-required-participant-empty = 第 { $number } 个 [[required-participant]]：participant 为空；请写一个角色或部门，例如 "legal"
config-required-reason-empty = 第 { $number } 个 [[required-participant]]：reason 为空；请说明为何需要该参与方，例如 "contracts must pass legal review"
config-required-participant-unknown = 第 { $number } 个 [[required-participant]]：participant = "{ $name }" 既不是项目的角色也不是部门；项目的角色和部门有：{ $units }
config-unknown-rules = [rules] 写了不存在的规则 { $unknown }；规则有：{ $rules }
config-working-days-empty = [calendar] working-days 为空：请至少写一天，例如 ["mon", "tue", "wed", "thu", "fri"]
config-hours-per-day = [calendar] hours-per-day = { $hours }：请写 1 到 24 之间的小时数
config-day-starts = [calendar] day-starts = "{ $start }"：请按 "HH:MM" 写时间，例如 "09:00"
config-utc-offset = [calendar] utc-offset = "{ $offset }"：请按 "+HH:MM" 或 "-HH:MM" 写与 UTC 的时差，例如中国为 "+08:00"
config-holiday-and-working-day = [calendar] { $day } 既在 holidays 中又在 extra-working-days 中：只保留其中一处
config-already-working-day = [calendar] extra-working-days：{ $day }（{ $weekday }）本来就是工作日；只列出调休上班的休息日
config-not-a-date = [calendar] { $key }："{ $entry }" 不是日期；请写 "YYYY-MM-DD"
config-not-a-day = [calendar] working-days："{ $name }" 不是星期几；请用 "mon"、"tue"、"wed"、"thu"、"fri"、"sat" 或 "sun"
config-exclude-empty = exclude："{ $pattern }" 匹配不到任何路径；请写相对于项目根目录的通配模式，例如 "drafts/**"
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
condition-and = { $first } 且 { $second }
condition-or = { $first } 或 { $second }
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
sim-the-applicant = 申请人
sim-role = `{ $role }`
sim-superior = { $base }的上级
# A chain, one item per level above the first: $second is always empty.
sim-superior-of = { $first }的上级{ $second }
sim-relative = { $role }（{ $relation }）
sim-relative-labelled = { $label }（{ $role }，{ $relation }）
sim-nobody = 无人（{ $relation }：{ $reason }）
sim-no-applicant = 流程未声明申请人
sim-reports-to-nobody = `{ $role }` 没有上级
sim-people = { $first }、{ $second }
sim-people-relative = { $first }；{ $second }
sim-signers = { $mode ->
    [any] { $people } 中任一人
    [all] { $people } 全部会签
   *[quorum] { $people } 中 { $required } 人
}
sim-error-in-call-entries = 在调用 `{ $call }` 中（其条目写作 { $call }.NAME）：{ $message }
sim-error-calls-too-deep = 调用在流程 `{ $process }` 处嵌套超过 { $depth } 层：有流程经由其他流程调用自身（flowc check 报告为 recursive-call）
sim-error-no-input = --set { $name }：流程 `{ $process }` 没有填报项 `{ $name }`；其填报项为：{ $known }
sim-error-no-step = { $flag } { $name }=...：流程 `{ $process }` 没有步骤 `{ $name }`；其步骤为：{ $known }
sim-error-signer-rejects = --outcome { $step }={ $outcome }：有会签人驳回，但步骤 `{ $step }` 没有 `on reject`；它可能的结果为：{ $allowed }
sim-error-no-outcome = --outcome { $step }={ $bad }：步骤 `{ $step }` 没有结果 `{ $bad }`；它可能的结果为：{ $allowed }
sim-error-not-recorded = --set { $key }=...：流程 `{ $process }` 没有步骤记录 `{ $key }`；其步骤记录的值为：{ $known }
sim-none = （无）
sim-names = { $names }
sim-error-clock-overflow = 在 { $time } 上加 { $duration } 后，时间超出了 9999 年
sim-error-nothing-open = 运行在到达结束前停止：没有办理中的步骤
sim-error-leads-nowhere = `{ $node }` 没有去向
sim-error-no-node = 没有节点 `{ $id }`
sim-error-loops = 运行进入{ $kind ->
    [call] 调用
   *[step] 步骤
} `{ $node }` { $rounds } 次仍未到达结束：路径在此循环（请给出离开循环的 --outcome）
sim-error-call-names-no-process = 调用 `{ $call }` 未指明流程
sim-error-call-process-missing = 调用 `{ $call }` 运行流程 `{ $process }`，但该流程不在项目中
sim-error-in-call = 在调用 `{ $call }` 中：{ $message }
sim-error-no-end = 运行未到达任何结束
sim-error-call-value-unset = 调用 `{ $call }` 把 `{ $name }` 传给填报项 `{ $input }`，但 `{ $name }` 没有值：请用 --set 给出
sim-error-call-value-invalid = 调用 `{ $call }` 传给填报项 `{ $input }` 的值无效
sim-error-unrecorded = 判断 `{ $decision }` 读取步骤 `{ $step }` 记录的 `{ $name }`，但没有记录值：请用 --set { $step }.{ $name }=VALUE 给出
sim-error-join-outside-block = 到达 `{ $node }` 的步骤并非作为其并行块的分支运行
sim-error-call-end-unhandled = 调用 `{ $call }` 运行的流程结束于 `{ $end }`，但该调用既没有 `on { $end }` 也没有 `next`
sim-error-no-timeout-route = 步骤 `{ $step }` 已超时，但没有 `on timeout`
sim-error-no-next = 步骤 `{ $step }` 以 `next` 结束，但没有 `next`
sim-error-no-such-outcome = 步骤 `{ $step }` 没有结果 `{ $outcome }`
sim-error-decisions-loop = 运行在 { $decisions } 之间循环，始终不进入任何步骤：路径在其中无限循环
sim-error-no-branch = { $inputs } 不符合判断 `{ $decision }` 的任何分支，且它没有 `otherwise`
sim-unset = （未给出）
sim-input-value = { $name } = { $value }{ $currency }
sim-the-inputs = 这些填报项
sim-error-bad-value = --set { $name }={ $text }：`{ $text }` 不是{ $expected }
sim-expected-money = 可精确表示的 { $currency } 金额；例如写 `5000.01` 或 `5000.01 { $currency }`（最多 28 位数字）
sim-expected-number = 可精确表示的数字；例如写 `12` 或 `2.5`（最多 28 位数字）
sim-expected-yes-no = `yes` 或 `no`
sim-expected-date = 日期；请写 `YYYY-MM-DD`
sim-expected-one-of = 以下之一：{ $values }
sim-error-needs-input = 判断需要填报项 `{ $input }`：请用 --set { $input }=VALUE 给出
sim-error-incomparable = 填报项 `{ $input }` = { $actual } 无法与 { $value } 比较
sim-error-no-applicants = --applicant：流程 `{ $process }` 没有 `applicant` 行，无人可以申请；请去掉 --applicant
sim-error-not-an-applicant = --applicant { $role }：`{ $role }` 不可发起流程 `{ $process }`；其申请人为：{ $applicants }
sim-error-votes-count = --outcome { $step }={ $text }：步骤 `{ $step }` 有 { $count } 位会签人（{ $signers }）；请每人给一个答复，例如 { $example }
sim-error-not-an-answer = --outcome { $step }={ $text }：`{ $answer }` 不是会签人的答复；请写 approve 或 reject

## end of sim


## ============================================================
## diff: flowc diff: human and markdown reports, the visual diff.
## ============================================================

diff-heading-organisation = 组织（部门与角色）
diff-heading-process = 流程 { $title }
diff-heading-title = `{ $name }`「{ $label }」
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
diff-noun = { $noun ->
        [process] 流程
        [step] 步骤
        [decision] 判断
        [role] 角色
        [department] 部门
        [end] 结束
        [call] 调用
        [parallel-block] 并行块
        [value] 取值
        [KPI] 关键指标
       *[other] { $noun }
    }
diff-titled = { $noun } `{ $name }`
diff-titled-labelled = { $noun } `{ $name }`「{ $label }」
diff-node-owned = { $node }（责任人 `{ $owner }`）
diff-node-calling = { $node }（调用流程 `{ $process }`）
diff-thing-added = 新增了{ $thing }
diff-thing-removed = 删除了{ $thing }
diff-process-added = 新增了{ $process }，共 { $steps } 个步骤
diff-process-removed = 删除了{ $process }，共 { $steps } 个步骤
diff-renamed-same-content = { $noun } `{ $old }` 改名为 `{ $new }`，内容不变
diff-unit-renamed = { $noun } `{ $old }` 改名为 `{ $new }`
diff-category-changed = 类别由 `{ $old }` 改为 `{ $new }`
diff-process-owner-changed = 归口部门由 `{ $old }` 改为 `{ $new }`
diff-note-added = 新增了备注：「{ $note }」
diff-note-removed = 删除了备注：「{ $note }」
diff-note-changed = 备注由「{ $old }」改为「{ $new }」
diff-version-changed = 版本由 { $old } 改为 { $new }
diff-effective-date-changed = 生效日期由 { $old } 改为 { $new }
diff-last-review-changed = 上次评审日期由 { $old } 改为 { $new }
diff-start-changed = 改为从 `{ $new }` 开始，原为 `{ $old }`
diff-nothing = （无）
diff-version-not-raised = 流程有重大变更（`{ $first }`{ $more ->
        [none] {""}
       *[some] 及另外 { $others } 处重大变更
    }），但{ $now ->
        [gone] 已没有 `version` 行
        [same] 仍是第 { $after } 版
       *[down] 版本由 { $before } 降为 { $after }
    }：请提高版本号
diff-record-words = { $value }（`{ $type }`，在 `{ $step }` 记录）
diff-record-became = { $old }改为{ $new }
diff-record-moved = 取值 `{ $name }` 改在 `{ $new }` 记录，原在 `{ $old }`
diff-input-added = 新增了填报项 `{ $name }`（`{ $type }`）
diff-input-removed = 删除了填报项 `{ $name }`（`{ $type }`）
diff-input-renamed = 填报项 `{ $old }`（`{ $type }`）改名为 `{ $new }`
diff-input-type-changed = 填报项 `{ $name }` 的类型由 `{ $old }` 改为 `{ $new }`
diff-kpi-added = 新增了{ $scope ->
        [step] 步骤 `{ $step }` 的
       *[process] {""}
    }关键指标 `{ $name }`（`{ $target }`）
diff-kpi-removed = 删除了{ $scope ->
        [step] 步骤 `{ $step }` 的
       *[process] {""}
    }关键指标 `{ $name }`（`{ $target }`）
diff-kpi-target = 关键指标 `{ $name }` { $how ->
        [loosened] 放宽
        [tightened] 收紧
        [rewritten] 改写（工作时间不变）
       *[changed] 变更
    }：`{ $old }` → `{ $new }`
diff-node-kind-changed = `{ $name }` 原为{ $old ->
        [step] 步骤
        [decision] 判断
        [call] 调用
        [end] 结束
       *[parallel-block] 并行块
    }，现为{ $new ->
        [step] 步骤
        [decision] 判断
        [call] 调用
        [end] 结束
       *[parallel-block] 并行块
    }
diff-timeout-added = 现在超过 { $after }后自动转到 `{ $target }`
diff-timeout-removed = 不再于超过 { $after }后自动转到 `{ $target }`
diff-timeout-retargeted = 超时后改为转到 `{ $new }`，原为 `{ $old }`
diff-call-retargeted = 改为调用流程 `{ $new }`，原为 `{ $old }`
diff-call-gives-more = 现在传入 { $came }
diff-call-gives-less = 不再传入 { $gone }
diff-call-gives-other = 改为传入 { $came }，原为 { $gone }
diff-reminder-added = 新增了 { $after }后的提醒
diff-reminder-removed = 删除了 { $after }后的提醒
diff-escalation-retargeted = 督办改为逾期 { $new_after }由 `{ $new }` 督办，原为逾期 { $old_after }由 `{ $old }` 督办
diff-escalation-added = 新增了督办：逾期 { $after }由 `{ $to }` 督办
diff-escalation-removed = 删除了督办：逾期 { $after }由 `{ $to }` 督办
diff-superiors = `{ $chain }`
diff-reports-to-nobody = `{ $owner }` 没有上级
diff-reports-to = `{ $owner }` 的上级依次为 { $chain }
diff-reports-for-applicant = 申请人担任 `{ $applicant }` 时，`{ $owners }` 是 `{ $owner }`，而 { $reports }
diff-escalation-not-upward = 逾期 { $after }由 `{ $to }` 督办不再沿汇报关系向上：{ $line }
diff-next-changed = 下一步改为 `{ $new }`，原为 `{ $old }`
diff-next-removed = 不再继续到 `{ $old }`
diff-next-added = 现在继续到 `{ $new }`
diff-outcome-retargeted = 结果 `{ $outcome }` 改为转到 `{ $new }`，原为 `{ $old }`
diff-outcome-removed = 删除了结果 `on { $outcome } -> { $target }`
diff-outcome-added = 新增了结果 `on { $outcome } -> { $target }`
diff-when-changed = `when { $old } -> { $old_target }` 改为 `when { $new } -> { $new_target }`
diff-when-removed = 删除了 `when { $condition } -> { $target }`
diff-when-added = 新增了 `when { $condition } -> { $target }`
diff-otherwise-retargeted = `otherwise` 改为转到 `{ $new }`，原为 `{ $old }`
diff-otherwise-removed = 删除了 `otherwise -> { $target }`
diff-otherwise-added = 新增了 `otherwise -> { $target }`
diff-branch-removed = `{ $branch }` 不再在此并行块中运行
diff-branch-added = `{ $branch }` 现在在此并行块中运行
diff-comments-changed = 注释有变更：新增 { $added } 条，删除 { $removed } 条（改写一条注释算作新增一条、删除一条）
diff-role-moved = 角色 `{ $role }` 由部门 `{ $old }` 调到 `{ $new }`
diff-role-left = 角色 `{ $role }` 不再属于部门 `{ $old }`
diff-role-joined = 角色 `{ $role }` 现在属于部门 `{ $new }`
diff-reporting-line-changed = 角色 `{ $role }` 的上级现在依次为 { $new }（原为 { $old }）；{ $affects }
diff-affects-none = 没有流程的步骤由它或其下属角色负责，也没有流程向它们督办
diff-affects = 影响 { $processes }
diff-applicants-only = 现在只有 { $roles } 可以发起流程；原来任何人都可以
diff-applicants-anyone = 现在任何人都可以发起流程；原来只有 { $roles }
diff-applicants-added = { $roles } 现在可以发起流程：由 `manager of applicant` 负责的步骤由他们各自的上级审批
diff-applicants-removed = { $roles } 不再可以发起流程
diff-signing-changed = 签署方式由 `{ $old }`（{ $was } 人签署）改为 `{ $new }`（{ $now } 人签署）
diff-notify-removed = 删除了在 `{ $when }` 时对 `{ $party }` 的知会
diff-notify-added = 新增了在 `{ $when }` 时对 `{ $party }` 的知会
diff-consult-removed = 删除了对 `{ $party }` 的征询
diff-consult-added = 新增了对 `{ $party }` 的征询
diff-too-many = 过多
diff-routes-not-compared = 判断比较的 { $inputs } 个填报项取值过多，未逐一比较每种情况的路径（{ $total } 种取值组合，超过 { $limit } 的上限，或超过此规模流程 { $visits } 步的计算量）
diff-cases-all = 所有情况
diff-cases-any-inputs = 任意填报值
diff-cases-where = { $clauses } 的情况
diff-cases-or-where = { $first }，或{ $second }
diff-case-is = { $input } 为 { $values }
diff-case-is-not = { $input } 不为 { $value }
diff-case-is-none-of = { $input } 不为 { $values } 中的任何一个
diff-case-range = { $input } { $ranges }
diff-case-relation = { $first } { $relation ->
        [below] 低于 { $second }
        [equals] 等于 { $second }
        [above] 高于 { $second }
        [differs] 不等于 { $second }
        [at-most] 不高于 { $second }
        [at-least] 不低于 { $second }
       *[beside] 为 { $second } 以外的任意值
    }
diff-range-any = 为任意值
diff-range-exactly = 恰为 { $value }
diff-range-at-most = { $dated ->
        [yes] 不晚于
       *[no] 不超过
    } { $value }
diff-range-below = { $dated ->
        [yes] 早于
       *[no] 低于
    } { $value }
diff-range-at-least = { $dated ->
        [yes] 不早于
       *[no] 不低于
    } { $value }
diff-range-above = { $dated ->
        [yes] 晚于
       *[no] 高于
    } { $value }
diff-range-between-both = 在 { $low } 与 { $high } 之间（{ $ends ->
        [included] 均含
       *[excluded] 均不含
    }）
diff-range-between = 在 { $low }（{ $low_end ->
        [included] 含
       *[excluded] 不含
    }）与 { $high }（{ $high_end ->
        [included] 含
       *[excluded] 不含
    }）之间
diff-step-route = { $who }{ $how ->
        [lost] 不再经过
       *[gained] 现在经过
    }{ $step }

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
        [written] 没有写入任何文件
       *[checked] 没有进行核对
    }
cli-did-you-mean = （是否想写 `{ $name }`？）
cli-no-such-process = 错误：--process { $process }：没有这个名称的流程{ $guess }；现有的流程是：{ $names }
cli-run-could-not-finish = 错误：模拟无法运行完毕：{ $message }
cli-sim-bad-deviate = 错误：--deviate { $deviate }：请写 0 到 1 之间的比例，例如 0.1
cli-sim-bad-start = 错误：--start { $start }：请按 YYYY-MM-DDTHH:MM 写日期和时间
cli-sim-log-not-generated = 错误：无法生成日志：{ $message }
cli-sim-write-name-value = { $flag } { $text }：请写 NAME=VALUE
cli-sim-bad-start-time = --start { $start }：请按 YYYY-MM-DDTHH:MM 写日期和时间，例如 2026-12-01T09:00
cli-sim-no-input = --set { $text }：流程 `{ $process }` 没有填报项 `{ $name }`；其填报项为：{ $known }
cli-sim-bad-delay = --delay { $text }：`{ $duration }` 不是时长；例如写 4bd、4 business days、3d、8h、30min
cli-diff-wrote-diagrams = 已把 { $count } 张流程图写入 { $out }
lsp-action-change-to = 改为 `{ $name }`
lsp-action-add-owner = 为步骤 `{ $step }` 加上 `owner { $owner }`
lsp-action-add-line = 加上 `{ $line }`
cli-drawn-by = 图由{ $engine ->
        [graphviz] Graphviz dot
       *[builtin] 内置布局
    }绘制
cli-wrote-files = 已写入 { $count } 个文件到 { $out }
cli-wrote-handbook = 已写入手册（{ $count } 个文件）到 { $out }；图由{ $engine ->
        [graphviz] Graphviz dot
       *[builtin] 内置布局
    }绘制
cli-cannot-create = 错误：无法创建 { $path }：{ $error }
cli-fmt-stdin-with-paths = 错误：`-`（标准输入）不能与路径同时使用
cli-fmt-summary = { $changed } 个文件{ $check ->
        [yes] 需要重新格式化
       *[no] 已重新格式化
    }，{ $unchanged } 个文件已是规范格式{ $untouched }
cli-fmt-untouched = ，{ $count } 个有错误的文件未改动
cli-fmt-link-outside = 警告：{ $link } 是指向 { $folder } 之外的符号链接：不跟随，不格式化
cli-fmt-link-outside-its-folder = 警告：{ $link } 是指向其文件夹之外的符号链接：不跟随，不格式化
cli-fmt-not-utf8 = 错误：{ $path }：文件不是 UTF-8 文本（第一个无效字节在偏移 { $offset } 处）；未改动
cli-fmt-cannot-read = 错误：{ $path }：无法读取：{ $error }
cli-fmt-cannot-write = 错误：{ $path }：无法写入：{ $error }
cli-fmt-cannot-read-stdin = 错误：无法读取标准输入：{ $error }
cli-fmt-stdin-not-utf8 = 错误：标准输入不是 UTF-8 文本
cli-fmt-syntax-errors = 错误：{ $path }：有语法错误，未格式化
lsp-hover-department = **部门** { $name }
lsp-hover-roles = - 角色：{ $roles }
lsp-hover-role = **角色** { $name }
lsp-hover-role-department = - 部门：{ $name }
lsp-hover-reports-to-nobody = - 上级：无（汇报线的最高层）
lsp-hover-reporting-chain = - 汇报线：{ $chain }
lsp-hover-process = **流程** { $name }
lsp-hover-category = - 类别：{ $category }
lsp-hover-owner = - 归口部门：{ $owner }
lsp-hover-sla = - 办理时限：{ $sla }
lsp-hover-steps = - { $count } 个步骤
cli-does-not-exist = 错误：{ $path } 不存在
cli-watch-cannot-listen = 错误：无法监听 { $host }:{ $port }：{ $error }
cli-watch-cannot-serve = 错误：无法在 { $host }:{ $port } 上提供服务：{ $error }
cli-watch-not-local = 警告：正在 { $address } 上提供服务，不仅限本机访问：能访问该地址的人都能读到手册及其实时错误
    修正：去掉 --host，只在 127.0.0.1 上提供服务
cli-watch-serving = 正在 http://{ $address }/ 上提供 { $path } 的手册（按 Ctrl-C 停止）
cli-watch-rebuilt = 已重新生成手册：{ $count } 个页面
cli-watch-has-errors = 项目有错误；显示上一份无错误的手册及这些错误
cli-man-no-command = 错误：flowc 没有命令 `{ $name }`；现有的命令是：{ $names }
cli-man-cannot-write = 错误：无法写出手册页：{ $error }

## end of cli


## ============================================================
## visual-diff: flowc diff --emit (what the pictures of changes add) and flowc watch's banners.
## ============================================================

diff-visual-old-note = 备注：{ $note }
watch-page-gone-heading = 项目中已没有此流程
watch-page-gone-note = 此页是它最后一次成功生成的版本。如果文件正在保存，页面会自动恢复。

## end of visual-diff


## ============================================================
## conform: flowc conform: the terminal report, the monitoring page (HTML), the findings, the errors of the log and the staff directory.
## ============================================================

# The kinds of finding; JSON keeps the stable names.
conform-kind = { $kind ->
        [skipped] 跳过步骤
        [out-of-order] 顺序错误
        [repeated] 重复办理
        [wrong-path] 分支错误
        [unknown-activity] 未知活动
        [unknown-outcome] 未知结果
        [bad-value] 数值不符
        [wrong-owner] 办理人不符
        [self-approval] 自我审批
        [late] 逾期
        [sla-missed] 超出办理时限
       *[open-past-sla] 超出办理时限未办结
    }
conform-and = { $first }、{ $second }
conform-or = { $first } 或 { $second }
# The findings.
conform-finding-after-end = 案件结束后又办理了 `{ $step }`
conform-finding-bad-value = `{ $name }` 的值 `{ $text }` 不符合要求：`{ $text }` 不是{ $expected }
conform-finding-unknown-activity = 活动 `{ $activity }` 不是流程 `{ $process }` 的步骤（其步骤为：{ $steps }）
conform-finding-unknown-outcome = 步骤 `{ $step }` 以结果 `{ $outcome }` 结束，但该步骤没有此结果
conform-finding-done-after = 步骤 `{ $step }` 在其后续步骤 `{ $passed_by }` 之后才办理
conform-finding-skipped = 步骤 `{ $step }` 被跳过：应办 `{ $due }` 时办理了 `{ $done }`
conform-after-end = 案件已结束
conform-while-due = 此时应办的是 { $due }
conform-finding-repeated = 步骤 `{ $step }` 在返工循环之外重复办理，{ $expected }
conform-finding-out-of-order = 步骤 `{ $step }` 未按顺序办理，{ $expected }
conform-condition-holds = 条件 `{ $condition }` 成立（{ $values }）
conform-no-condition-holds = 没有条件成立（{ $values }）
conform-value = `{ $name } = { $value }`
conform-fired-reminder = { $after }后的提醒
conform-fired-escalation = { $after }后向 `{ $to }` 的督办
conform-finding-late = 步骤 `{ $step }` 逾期 { $late }办理（应于 { $due } 前完成，实际完成于 { $done }）
conform-finding-late-fired = 步骤 `{ $step }` 逾期 { $late }办理（应于 { $due } 前完成，实际完成于 { $done }）；本应触发：{ $fired }
conform-finding-self-approval = 步骤 `{ $step }` 由 `{ $person }` 审批，而被审核的工作（{ $work }）也是此人办理的
conform-work-step = 步骤 `{ $step }`
conform-work-submitted = 提交的案件
conform-finding-not-in-staff = 步骤 `{ $step }` 由 `{ $person }` 办理，此人不在人员名录中
conform-wanted-role-relation = `{ $role }`（{ $relation }）
conform-finding-wrong-owner = 步骤 `{ $step }` 由 `{ $person }`（{ $roles }）办理，此人并不担任 { $wanted }
conform-finding-wrong-path = 判断 `{ $decision }` 走向了 `{ $taken }`，但{ $reason }：应走向 `{ $expected }`
conform-finding-sla-missed = 案件用时 { $elapsed }，超出办理时限 { $sla }
conform-finding-open-past-sla = 案件已进行 { $elapsed }仍未办结，超出办理时限 { $sla }
# Places in the log.
conform-place-line = 第 { $line } 行
conform-place-event = 第 { $trace } 条轨迹（案件 { $case }）的第 { $event } 个事件
conform-xes-element = { $element ->
        [log] `<log>`
        [trace] `<trace>`
        [event] `<event>`
       *[other] 某个元素
    }
# What a log or a staff directory that cannot be read gets.
conform-error-log-kind = { $path }：日志须为 `.csv`、`.xes` 或 `.xes.gz` 文件
conform-error-no-time-zone = 时间戳 `{ $text }` 没有时区；请写成 `{ $text }+08:00`（协调世界时写 `Z`），以便按正确的时间计算时间节点
conform-error-not-timestamp = `{ $text }` 不是时间戳；请按 RFC 3339 写出带时区的时间，例如 `2026-03-02T09:30:00+08:00`
conform-error-log-header = 日志的表头行：{ $error }
conform-error-no-column = 日志没有作为 `{ $field }` 的列 `{ $name }`（其列为：{ $columns }）；请用 `--map { $field }=COLUMN` 指定该列
conform-error-no-value-column = 日志没有作为填报项 `{ $name }` 的列 `{ $column }`
conform-error-log-line = 日志第 { $line } 行：{ $message }
conform-error-no-case-id = 日志第 { $line } 行没有案件编号
conform-error-no-activity = 日志第 { $line } 行没有活动
conform-error-staff-header = 人员名录的表头行：{ $error }
conform-error-staff-columns = 人员名录须有 `person` 和 `role` 两列（可另有 `department`）；其表头为：{ $columns }
conform-error-staff-line = 人员名录第 { $line } 行：{ $message }
conform-error-staff-row = 人员名录第 { $line } 行：每行须写明人员和角色
conform-error-staff-unknown-role = 人员名录第 { $line } 行：`{ $role }` 不是本项目的角色
conform-error-staff-department = 人员名录第 { $line } 行：角色 `{ $role }` 属于 `{ $department }`，而不是 `{ $given }`
conform-error-staff-no-department = 人员名录第 { $line } 行：角色 `{ $role }` 不属于任何部门，而不是 `{ $given }`
conform-error-event-no-activity = { $place }没有 `concept:name`（活动）
conform-error-event-no-time = { $place }没有 `time:timestamp`
conform-error-event = { $place }：{ $message }
conform-error-xes-not-xml = 读完 { $traces } 条轨迹后，XES 日志无法解析：不是格式正确的 XML（{ $error }，位于第 { $byte } 字节）
conform-error-xes-ends-inside = 读完 { $traces } 条轨迹后，XES 日志无法解析：不是格式正确的 XML（文件在 { $element } 内部结束）
conform-error-xes-no-log = XES 日志无法解析：没有 `<log>` 元素
conform-error-xes-attribute = XES 日志无法解析：不是格式正确的 XML（{ $error }）
# The KPIs measured.
conform-statistic = { $statistic ->
        [avg] 平均值
        [max] 最大值
       *[other] { $statistic }
    }
conform-kpi-how-cycle = { $finished } 件已办结案件办理周期的 { $statistic }
conform-kpi-how-rate = { $finished } 件已办结案件的{ $rate ->
        [first-pass] 一次通过率
       *[on-time] 按时办结率
    }
conform-kpi-how-open = 日志结束时仍未办结的案件数
conform-kpi-no-finished-case = 尚无已办结的案件可供计量
conform-kpi-not-measurable = 无法从事件日志计量（flowc 可计量周期、`first_pass` 和 `on_time` 比率，以及 `open` 数量）
# The report for a terminal.
conform-report-process = 流程 { $title }
conform-report-summary = { $cases } 件案件：{ $finished } 件已办结，{ $open } 件未办结（以 { $at } 为准）；{ $conforming } 件合规（{ $rate }%）
conform-owners-not-checked = 未核对各步骤的办理人：请用 --staff 提供人员名录（或在 flowc.toml 的 `[conform]` 中设置 `staff`）
conform-report-deviations = 偏差（按出现次数排序）：
conform-ranked = { $kind }：{ $cases } 件案件
conform-ranked-at-step = { $kind }，步骤 `{ $step }`：{ $cases } 件案件
conform-report-kpis = 关键指标：
conform-report-kpi = { $name }：{ $actual }，目标 { $target }（{ $verdict ->
        [met] 达标
        [missed] 未达标
       *[not-measured] 未计量
    }；{ $how }）
conform-report-kpi-labelled = { $name }“{ $label }”：{ $actual }，目标 { $target }（{ $verdict ->
        [met] 达标
        [missed] 未达标
       *[not-measured] 未计量
    }；{ $how }）
conform-report-recurring = 反复出现的问题（交回责任人）：
conform-report-problem = `{ $owner }`：{ $kind }，{ $cases } 件案件（步骤 { $steps }）
conform-report-findings = 问题：
conform-report-finding = 案件 { $case }：{ $kind }：{ $message }
conform-report-finding-at = 案件 { $case }：{ $kind }：{ $message }［{ $place }］
# The monitoring page (--html).
conform-page-title = 流程监控：{ $title }
conform-heading-summary = 概况
conform-fact-cases = 案件数
conform-fact-finished = 已办结
conform-fact-open = 未办结
conform-fact-judged-at = 未办结案件的判定时间
conform-fact-owners-checked = 已核对办理人
conform-fact-conforming = 合规
conform-fact-findings = 问题数
conform-fact-sla = 办理时限
conform-count = { $count }
conform-owners-checked-yes = 是（已提供人员名录）
conform-owners-checked-no = 否：未提供人员名录（--staff）
conform-conforming-value = { $conforming }（{ $rate }%）
conform-heading-kpis = 关键指标
conform-no-kpi = 本流程未设关键指标。
conform-column-kpi = 关键指标
conform-column-target = 目标
conform-column-actual = 实际
conform-column-result = 结论
conform-column-how = 计量方式
conform-result = { $result ->
        [pass] 达标
        [fail] 未达标
       *[not-measured] 未计量
    }
conform-heading-cycle-time = 办理周期
conform-no-finished-case = 尚无案件办结：没有可绘制的办理周期。
conform-cycle-time-label = 已办结案件的办理周期分布与办理时限
conform-bin-tooltip = { $from } 至 { $to } 个工作日：{ $cases } 件案件
conform-axis-cycle-time = 办理周期（工作日）
conform-axis-cases = 案件数
conform-sla-line = 办理时限 { $sla }
conform-cycle-caption = { $finished } 件已办结案件；其中 { $over } 件超出办理时限 { $sla }。
conform-cycle-caption-no-sla = { $finished } 件已办结案件；本流程未设办理时限。
conform-heading-deviations = 各步骤的偏差
conform-whole-case = 整个案件
conform-no-deviation = 没有偏差：所有案件均按流程办理。
conform-kind-count = { $kind } { $cases }
conform-kind-counts = { $kinds }
conform-deviations-label = 各步骤有问题的案件数
conform-axis-deviations = 有问题的案件数（各类合计）
conform-deviations-caption = { $steps } 个步骤有问题；最长的条形为 { $top } 件。
conform-heading-late = 各责任人的逾期步骤
conform-no-owner = （无责任人）
conform-no-late-step = 没有逾期办理的步骤。
conform-pareto-label = 各责任人逾期步骤的帕累托图
conform-late-tooltip = { $owner }：逾期 { $late } 次
conform-axis-late-steps = 逾期步骤数
conform-axis-cumulative = 累计占比
conform-axis-owner = 责任人（步骤的角色）
conform-pareto-caption = 共 { $total } 个逾期步骤；其中 { $top } 个属于 { $owner }（{ $share }%）。
conform-heading-recurring = 反复出现的问题
conform-no-recurring = 没有责任人在两件或以上案件中出现同类问题。
conform-column-owner = 责任人
conform-column-problem = 问题
conform-column-steps = 步骤
conform-column-cases = 案件数
conform-steps = { $steps }
conform-heading-findings = 问题明细
conform-no-finding = 没有问题。
conform-column-case = 案件
conform-column-kind = 类别
conform-column-step = 步骤
conform-column-what = 情况
conform-column-where = 位置
conform-footer = 由 flowc 根据事件日志和流程文件核对生成。

## end of conform


## ============================================================
## lsp: The language server's hovers of steps, inputs, values, recorded values, KPIs, calls, parties and durations.
## ============================================================

lsp-undefined = `{ $name }`（未定义）
lsp-hover-input = **填报项** `{ $name }`：{ $kind }
lsp-hover-of-process = 属于流程 { $process }
lsp-hover-choice = 填报项 `{ $input }` 的**取值** `{ $value }`：{ $kind }
lsp-hover-record = **记录值** `{ $name }`：{ $kind }
lsp-hover-record-labelled = **记录值** `{ $name }` { $label }：{ $kind }
lsp-hover-recorded-by = 由流程 { $process } 的步骤 { $step } 记录
lsp-hover-calls-nothing = - 调用：无流程（没有 `process` 行）
lsp-hover-calls-undefined = - 调用：`{ $name }`（未定义）
lsp-hover-calls = - 调用：流程 { $process }
lsp-hover-callee-owner = - 归口部门：{ $owner }（被调用流程的归口部门）
lsp-hover-callee-no-owner = - 归口部门：无（被调用流程没有归口部门）
lsp-hover-call-input = - 填报项 `{ $name }`（{ $kind }）{ $given }
lsp-hover-not-given = 未提供
lsp-hover-given = { "=" } `{ $value }`
lsp-hover-node = **{ $kind }** { $name }
lsp-hover-in-process = 属于流程 { $process }
lsp-hover-step-owner = - 责任人：{ $owner }
lsp-hover-no-owner = - 责任人：无
lsp-hover-deadline = - 时间节点：{ $duration }内
lsp-hover-no-deadline = - 时间节点：无
lsp-hover-at-least = - 至少 { $duration }：不能提前办结
lsp-hover-records = - 记录 `{ $name }`：{ $kind }
lsp-hover-reminder = - { $duration }后提醒
lsp-hover-escalation = - 逾期 { $duration }由 { $to } 督办
lsp-hover-next = - 下一步 → { $target }
lsp-hover-outcome = - 结果 `{ $outcome }` → { $target }
lsp-hover-when = - 条件 `{ $condition }` → { $target }
lsp-hover-otherwise = - 否则 → { $target }
lsp-hover-timeout = - { $after }后超时 → { $target }
lsp-hover-branch = - 分支 { $target }
lsp-hover-kpi = **关键指标** { $name }
lsp-type-money = 金额（{ $currency }）
lsp-type = { $kind ->
        [number] 数字
        [text] 文本
        [yes-no] 是或否
       *[date] 日期
    }
lsp-type-choice = { $values } 之一
lsp-calendar-days = { $duration }（约 { $days } 个自然日）
lsp-business-days = { $duration }（= { $business } 个工作日）
lsp-duration = **{ $duration }**
lsp-duration-business = - { $business } 个工作日（{ $hours } 个工作小时）
lsp-duration-calendar = - 约 { $days } 个自然日
lsp-weekday = { $day ->
        [Mon] 周一
        [Tue] 周二
        [Wed] 周三
        [Thu] 周四
        [Fri] 周五
        [Sat] 周六
       *[Sun] 周日
    }
lsp-working-calendar = 按工作日历：{ $days }上班，每天 { $hours } 小时{ $holidays ->
        [0] {""}
       *[other] ，另有 { $holidays } 个节假日
    }
lsp-party-no-applicant = - 无人：流程 { $process } 没有 `applicant` 行
lsp-party-nobody-top = 无人（{ $role } 没有上级）
lsp-party-nobody-undefined = 无人（名称未定义）
lsp-party-when-applicant = - 申请人为 { $role } 时：{ $who }
lsp-party-item = - { $who }

## end of lsp


## ============================================================
## cli-more: More messages of the command line: build, doc and conform errors, notes, the answers of flowc watch.
## ============================================================

cli-note = 注意：{ $message }
cli-note-left-to-builtin = 流程 `{ $process }` 有 { $nodes } 个节点：由内置布局绘制，因为 Graphviz 绘制超过 { $most } 个节点的流程需要数分钟（`--engine dot` 仍会使用 Graphviz）
cli-cannot-write-file = 无法写入 { $path }：{ $error }
cli-cannot-create-folder = 无法创建 { $path }：{ $error }
cli-build-project-has-errors = 项目有错误
cli-build-same-file = 两个项目都定义了会写入 `{ $name }` 的流程；请把它们生成到不同的文件夹
cli-doc-same-process = 两个项目都定义了流程 `{ $name }`；请把它们的手册生成到不同的文件夹
cli-doc-same-page = 流程 `{ $other }` 和 `{ $name }` 会生成同一个页面 `{ $page }.html`（在 macOS 和 Windows 上，仅大小写不同的名称是同一个文件）；未写入任何文件
    修正：重命名其中一个
cli-conform-log-error = 错误：{ $path }：{ $message }
cli-conform-bad-now = --now { $now }：请写成 YYYY-MM-DDTHH:MM，例如 2026-12-01T18:00
cli-conform-cannot-read = { $path }：无法读取：{ $error }
cli-conform-file-error = { $path }：{ $message }
cli-conform-log-unreadable = 无法读取：{ $error }
cli-conform-bad-map = --map { $map }：请写成 FIELD=COLUMN
cli-conform-empty-log = 日志中没有事件：请导出要核对的案件
cli-diff-two-paths = 请给出两个路径 `flowc diff OLD NEW`，或一个版本 `flowc diff --git REV [PATH]`
cli-diff-git-one-path = 使用 `--git` 时最多给出一个路径：`flowc diff --git REV [PATH]`
cli-diff-no-current-directory = 无法读取当前文件夹：{ $error }
cli-diff-no-project = { $path }：没有项目
cli-diff-side-has-errors = { $side ->
        [old] 旧
       *[new] 新
    }版本（{ $path }）有错误；只比较通过 `flowc check` 的版本
cli-fmt-no-such-path = { $path }：没有这个文件或文件夹
cli-fmt-reformatted = 已重新格式化 { $path }
# The plain-text answers of flowc watch to requests it refuses.
watch-refused = { $why ->
        [host] flowc watch 只回应发往本机的请求（Host 头）
        [method] flowc watch 只提供页面（GET 和 HEAD）
        [target] flowc watch 只回应对路径的请求
        [origin] flowc watch 只向自己的页面发送事件（Origin 头）
       *[stopped] flowc watch 已停止
    }
cli-watch-cannot-accept = 警告：flowc watch 无法接受连接：{ $error }
    修正：它会关闭最早的连接并继续尝试（只提示一次）；请提高 `ulimit -n` 或降低 --max-connections
cli-watch-cannot-serve-more = 错误：flowc watch 无法再提供服务：{ $why }
cli-watch-it-stopped = 服务已停止
cli-lsp-failed = 错误：flowc lsp：{ $error }
cli-load-not-found = { $path }：没有这个文件或目录
cli-load-unreadable = { $path }：无法读取：{ $reason }
render-graphviz-missing = `--engine dot` 需要 PATH 上有 Graphviz 的 `dot`，但找不到；请安装 Graphviz（Debian：`apt-get install graphviz`），或改用 `--engine builtin`
render-png-needs-graphviz = PNG 流程图需要 Graphviz 的 `dot`，但此处未使用；请安装 Graphviz（Debian：`apt-get install graphviz`，中文标签另需 `fonts-noto-cjk`），或只输出 `svg`
render-graphviz-failed = Graphviz 无法绘制 `{ $process }`：{ $message }

## end of cli-more

## h18g: the organisation and files picture of a visual diff
diff-visual-organisation-title = 组织与文件：不属任何流程的变更
diff-visual-reports-to = 上级：{ $role }
diff-visual-no-department = （无部门）
