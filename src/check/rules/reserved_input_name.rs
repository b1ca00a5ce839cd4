//! `reserved-input-name`: an input or recorded value named with a reserved
//! word of a BPMN dialect's condition language, or `outcome`.

use super::at;
use crate::check::{CheckContext, Finding, Rule};
use crate::i18n::Text;
use crate::model::Project;

/// The reserved words of FEEL (DMN 1.3, section 10.3.1.2; feel-scala, the
/// FEEL Zeebe evaluates, keeps them), plus `in`, which its grammar reserves
/// in `for` and `some`/`every` expressions.
const FEEL: &[&str] = &[
    "and",
    "between",
    "else",
    "every",
    "external",
    "false",
    "for",
    "function",
    "if",
    "in",
    "instance",
    "not",
    "null",
    "of",
    "or",
    "return",
    "satisfies",
    "some",
    "then",
    "true",
];

/// Python's keywords (`keyword.kwlist` of Python 3.11), the expressions
/// SpiffWorkflow evaluates.
const PYTHON: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// The process variable every task sets to say how it was finished.
const OUTCOME: &str = "outcome";

rule! {
    /// ## What it checks
    /// That no input is named with a word the BPMN export cannot use as a
    /// process variable:
    ///
    /// - a reserved word of FEEL, the condition language of the Zeebe
    ///   dialect (Camunda 8): `and`, `between`, `else`, `every`,
    ///   `external`, `false`, `for`, `function`, `if`, `in`, `instance`,
    ///   `not`, `null`, `of`, `or`, `return`, `satisfies`, `some`, `then`,
    ///   `true`;
    /// - a keyword of Python, the condition language of the SpiffWorkflow
    ///   dialect: `False`, `None`, `True`, `and`, `as`, `assert`, `async`,
    ///   `await`, `break`, `class`, `continue`, `def`, `del`, `elif`,
    ///   `else`, `except`, `finally`, `for`, `from`, `global`, `if`,
    ///   `import`, `in`, `is`, `lambda`, `nonlocal`, `not`, `or`, `pass`,
    ///   `raise`, `return`, `try`, `while`, `with`, `yield`;
    /// - `outcome`, the variable each task sets to say how it was finished
    ///   (see [the BPMN export](../bpmn.md)).
    ///
    /// Values recorded by steps (`record NAME "label": TYPE`) are process
    /// variables too, read by the same conditions: their names are checked
    /// alike. The message names the word and the dialect (or both).
    ///
    /// ## Why
    /// Operability (可操作性): a process must run as it is drawn. A
    /// condition on an input called `true` or `if` means something else, or
    /// nothing, to the engine: it routes wrongly or stops with an error,
    /// while `flowc sim` follows the diagram. An input called `outcome` is
    /// overwritten at every step.
    ///
    /// ## Example
    /// A complete file, in a project with the roles of `examples/org.flow`:
    /// ```flow
    /// process expense_claim "費用報銷審批" {
    ///   category approval
    ///   owner finance
    ///   review every 12 months, last 2026-03-01
    ///   sla 10 business days
    ///   kpi cycle_time "報銷周期" p90 under 8 business days
    ///
    ///   input if: yes/no
    ///
    ///   start apply
    ///
    ///   step apply "員工申請" {
    ///     owner employee
    ///     within 3 business days
    ///     next route
    ///   }
    ///
    ///   decide route "加急處理" {
    ///     when if == yes -> pay
    ///     otherwise -> dept_review
    ///   }
    ///
    ///   step dept_review "部門負責人審核" {
    ///     owner dept_head
    ///     within 2 business days
    ///     next pay
    ///   }
    ///
    ///   step pay "報銷支付" {
    ///     owner cashier
    ///     within 2 business days
    ///     next paid
    ///   }
    ///
    ///   end paid "已支付"
    /// }
    /// ```
    /// reports "input `if` is a reserved word of FEEL (Zeebe dialect) and of
    /// Python (SpiffWorkflow dialect)" with the help "rename the input,
    /// e.g. `if_value`".
    ///
    /// ## Fix
    /// Rename the input (and its conditions) to a name that says what it
    /// holds, e.g. `is_urgent` instead of `true`, `result` instead of
    /// `outcome`.
    pub struct ReservedInputName;
    code: "F305",
    name: "reserved-input-name",
    severity: Error,
    enabled_by_default: true,
    principle: Operability,
    summary: "An input or recorded value is named with a reserved word of FEEL or Python, or `outcome`.",
}

impl Rule for ReservedInputName {
    fn check(&self, project: &Project, context: &CheckContext, findings: &mut Vec<Finding>) {
        for process in context.processes(project) {
            let inputs = process.inputs.iter().map(|input| ("input", &input.name));
            let records = process
                .records
                .iter()
                .map(|recorded| ("record", &recorded.record.name));
            for (kind, declared) in inputs.chain(records) {
                let name = declared.text.as_str();
                let Some(reason) = reason(kind, name) else {
                    continue;
                };
                findings.push(Finding::new(
                    at(process, declared.span),
                    reason,
                    crate::text!("reserved-input-name-label"),
                    crate::text!("reserved-input-name-help", kind = kind, name = name),
                ));
            }
        }
    }
}

/// Why `name`, of an input or a record (`kind`), cannot be its name, or
/// `None` when it can.
fn reason(kind: &'static str, name: &str) -> Option<Text> {
    if name == OUTCOME {
        return Some(crate::text!(
            "reserved-input-name-outcome",
            kind = kind,
            name = name
        ));
    }
    let languages = match (FEEL.contains(&name), PYTHON.contains(&name)) {
        (true, true) => "both",
        (true, false) => "feel",
        (false, true) => "python",
        (false, false) => return None,
    };
    Some(crate::text!(
        "reserved-input-name-reserved",
        kind = kind,
        name = name,
        languages = languages
    ))
}
