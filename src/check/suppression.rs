//! Inline suppression: `# flowc: allow(rule-name, ...) reason`.
//!
//! A suppression comment at the end of a line applies to that line; on a
//! line of its own it applies to the next line that holds more than blanks
//! and comments. It removes the findings of the rules it names whose primary
//! place starts on that line. [`read`] parses the comments of a project
//! (the rule `invalid-suppression` reports the ones that cannot be used);
//! [`apply`] filters the diagnostics and reports, as `unused-suppression`,
//! every rule named in an allow that suppressed nothing.

use std::collections::{BTreeMap, BTreeSet};

use crate::check::Finding;
use crate::check::rule_info::{RuleInfo, rule_named};
use crate::diagnostics::Diagnostic;
use crate::i18n::Text;
use crate::model::Project;
use crate::span::{FileId, LineIndex, Location, Span};
use crate::text;

/// The word that starts a directive, after `#`.
const MARKER: &str = "flowc:";

/// Rules that a comment cannot suppress: they judge the comments themselves.
pub const UNSUPPRESSIBLE: [&str; 2] = ["invalid-suppression", "unused-suppression"];

/// A usable `# flowc: allow(...) reason` comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// The file it is in.
    pub file: FileId,
    /// The whole comment.
    pub span: Span,
    /// The 1-based line it applies to.
    pub line: usize,
    /// The rules it names, each with where its name is written.
    pub rules: Vec<(&'static str, Span)>,
}

/// A `# flowc:` comment that cannot be used, with what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadSuppression {
    /// Where the problem is (the comment, or the bad rule name in it).
    pub at: Location,
    /// What is wrong.
    pub message: Text,
    /// A short label.
    pub label: Text,
    /// How to fix it.
    pub help: Text,
}

/// The suppression comments of a project: the usable ones and the others.
#[derive(Debug, Default)]
pub struct Suppressions {
    /// Usable comments, in file and source order.
    pub valid: Vec<Suppression>,
    /// Comments that start with `# flowc:` but cannot be used.
    pub invalid: Vec<BadSuppression>,
}

/// Reads every `# flowc:` comment of the project; `rules` are the rules a
/// comment may name (the registry's, passed in so that this module does not
/// depend on the rules that use it).
pub fn read(project: &Project, rules: &'static [RuleInfo]) -> Suppressions {
    let mut suppressions = Suppressions::default();
    let mut indexes: BTreeMap<FileId, LineIndex> = BTreeMap::new();
    for (file, comment) in &project.comments {
        let Some(directive) = directive(&comment.text) else {
            continue;
        };
        let at = |span: Span| Location::new(*file, span);
        let offset = comment.span.start + (comment.text.len() - directive.len());
        match parse(directive, offset, rules) {
            Err(mut bad) => {
                if bad.at.span == Span::default() {
                    bad.at.span = comment.span;
                }
                suppressions.invalid.push(BadSuppression {
                    at: at(bad.at.span),
                    ..*bad
                });
            }
            Ok(rules) => {
                let text = &project.files[file.0].text;
                let index = indexes.entry(*file).or_insert_with(|| LineIndex::new(text));
                suppressions.valid.push(Suppression {
                    file: *file,
                    span: comment.span,
                    line: target_line(text, index, comment.span),
                    rules,
                });
            }
        }
    }
    suppressions
}

/// The text after `# flowc:` when the comment is a directive.
fn directive(comment: &str) -> Option<&str> {
    let body = comment.strip_prefix('#')?.trim_start();
    body.strip_prefix(MARKER).map(str::trim_start)
}

/// Parses `allow(NAME, ...) REASON` starting at byte `offset` of the file.
/// A problem's span is left empty when it concerns the whole comment.
fn parse(
    directive: &str,
    offset: usize,
    known: &'static [RuleInfo],
) -> Result<Vec<(&'static str, Span)>, Box<BadSuppression>> {
    let whole = |message: Text, label: Text, help: Text| {
        Box::new(BadSuppression {
            at: Location::default(),
            message,
            label,
            help,
        })
    };
    let usage = || text!("suppression-usage");
    let Some(after_allow) = directive.strip_prefix("allow") else {
        let word: String = directive
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != '(')
            .collect();
        return Err(whole(
            text!("suppression-not-allow", word = word),
            text!("suppression-not-allow-label"),
            usage(),
        ));
    };
    let Some(list_and_rest) = after_allow.trim_start().strip_prefix('(') else {
        return Err(whole(
            text!("suppression-no-parenthesis"),
            text!("suppression-no-parenthesis-label"),
            usage(),
        ));
    };
    let Some(close) = list_and_rest.find(')') else {
        return Err(whole(
            text!("suppression-unclosed"),
            text!("suppression-unclosed-label"),
            usage(),
        ));
    };
    let list_start = offset + (directive.len() - list_and_rest.len());
    let rules = rule_names(&list_and_rest[..close], list_start, known)?;
    let reason = list_and_rest[close + 1..].trim();
    if reason.is_empty() {
        let names: Vec<Text> = rules
            .iter()
            .map(|(name, _)| text!("quoted-name", name = *name))
            .collect();
        return Err(whole(
            text!("suppression-no-reason", rules = names),
            text!("suppression-no-reason-label"),
            text!("suppression-no-reason-help"),
        ));
    }
    Ok(rules)
}

/// The rules named in the list between the parentheses, which starts at
/// byte `start` of the file.
fn rule_names(
    list: &str,
    start: usize,
    known: &'static [RuleInfo],
) -> Result<Vec<(&'static str, Span)>, Box<BadSuppression>> {
    let mut rules = Vec::new();
    let mut offset = start;
    for part in list.split(',') {
        let name = part.trim();
        let name_start = offset + (part.len() - part.trim_start().len());
        let span = Span::new(name_start, name_start + name.len());
        offset += part.len() + 1;
        if name.is_empty() {
            continue;
        }
        rules.push((known_rule(name, span, known)?, span));
    }
    if rules.is_empty() {
        return Err(Box::new(BadSuppression {
            at: Location::default(),
            message: text!("suppression-no-rule"),
            label: text!("suppression-no-rule-label"),
            help: text!("suppression-no-rule-help"),
        }));
    }
    Ok(rules)
}

/// The registry name of the rule of `known` called `name` (a name or a
/// code).
fn known_rule(
    name: &str,
    span: Span,
    known: &'static [RuleInfo],
) -> Result<&'static str, Box<BadSuppression>> {
    let bad = |message: Text, label: Text, help: Text| {
        Box::new(BadSuppression {
            at: Location::new(FileId::default(), span),
            message,
            label,
            help,
        })
    };
    let Some(info) = rule_named(known, name) else {
        let closest = known
            .iter()
            .map(|info| (strsim::levenshtein(name, info.name), info.name))
            .min()
            .filter(|(distance, _)| *distance <= 3);
        let help = match closest {
            Some((_, suggestion)) => {
                text!(
                    "suppression-unknown-rule-help-meant",
                    suggestion = suggestion
                )
            }
            None => text!("suppression-unknown-rule-help"),
        };
        return Err(bad(
            text!("suppression-unknown-rule", name = name),
            text!("suppression-unknown-rule-label"),
            help,
        ));
    };
    if UNSUPPRESSIBLE.contains(&info.name) {
        return Err(bad(
            text!("suppression-not-suppressible", rule = info.name),
            text!("suppression-not-suppressible-label"),
            text!("suppression-not-suppressible-help", rule = info.name),
        ));
    }
    Ok(info.name)
}

/// The 1-based line a comment at `span` applies to: its own line when code
/// stands before it, else the next line with more than blanks and comments
/// (its own line when there is none).
fn target_line(text: &str, index: &LineIndex, span: Span) -> usize {
    let line_start = text[..span.start]
        .rfind(['\n', '\r'])
        .map_or(0, |at| at + 1);
    let own_line = index.position(text, span.start).0;
    if !text[line_start..span.start].trim().is_empty() {
        return own_line;
    }
    let mut offset = span.end;
    while offset < text.len() {
        let rest = &text[offset..];
        let line_len = rest.find(['\n', '\r']).unwrap_or(rest.len());
        let line = rest[..line_len].trim();
        if !line.is_empty() && !line.starts_with('#') {
            return index.position(text, offset).0;
        }
        offset += line_len;
        offset += rest[line_len..].chars().next().map_or(0, char::len_utf8);
    }
    own_line
}

/// What the suppression pass leaves: the diagnostics no comment removed,
/// and a finding for every named rule that suppressed nothing.
#[derive(Debug, Default)]
pub struct Applied {
    /// Diagnostics that remain.
    pub kept: Vec<Diagnostic>,
    /// `unused-suppression` findings.
    pub unused: Vec<Finding>,
}

/// Removes the diagnostics that a suppression names, and reports each named
/// rule that removed nothing. `enabled` says whether a rule runs at all: an
/// allow for a rule that is off is not reported as unused.
pub fn apply(
    project: &Project,
    suppressions: &[Suppression],
    diagnostics: Vec<Diagnostic>,
    enabled: impl Fn(&str) -> bool,
) -> Applied {
    let mut by_line: BTreeMap<(FileId, usize), Vec<usize>> = BTreeMap::new();
    for (position, suppression) in suppressions.iter().enumerate() {
        by_line
            .entry((suppression.file, suppression.line))
            .or_default()
            .push(position);
    }
    let files: BTreeSet<FileId> = suppressions.iter().map(|s| s.file).collect();
    let mut indexes: BTreeMap<FileId, LineIndex> = BTreeMap::new();
    let mut used: BTreeSet<(usize, &'static str)> = BTreeSet::new();
    let mut kept = Vec::with_capacity(diagnostics.len());
    for diagnostic in diagnostics {
        let file = diagnostic.at.file;
        if !files.contains(&file) || UNSUPPRESSIBLE.contains(&diagnostic.rule) {
            kept.push(diagnostic);
            continue;
        }
        let text = &project.files[file.0].text;
        let index = indexes.entry(file).or_insert_with(|| LineIndex::new(text));
        let line = index.position(text, diagnostic.at.span.start).0;
        let matching: Vec<usize> = by_line
            .get(&(file, line))
            .into_iter()
            .flatten()
            .copied()
            .filter(|&position| {
                suppressions[position]
                    .rules
                    .iter()
                    .any(|(name, _)| *name == diagnostic.rule)
            })
            .collect();
        for &position in &matching {
            used.insert((position, diagnostic.rule));
        }
        if matching.is_empty() {
            kept.push(diagnostic);
        }
    }
    let unused = unused_findings(suppressions, &used, enabled);
    Applied { kept, unused }
}

fn unused_findings(
    suppressions: &[Suppression],
    used: &BTreeSet<(usize, &'static str)>,
    enabled: impl Fn(&str) -> bool,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (position, suppression) in suppressions.iter().enumerate() {
        for &(name, span) in &suppression.rules {
            if used.contains(&(position, name)) || !enabled(name) {
                continue;
            }
            let place = if suppression.rules.len() == 1 {
                suppression.span
            } else {
                span
            };
            let help = if suppression.rules.len() == 1 {
                text!("suppression-unused-help-comment")
            } else {
                text!("suppression-unused-help-name", name = name)
            };
            findings.push(Finding::new(
                Location::new(suppression.file, place),
                text!(
                    "suppression-unused",
                    name = name,
                    line = suppression.line.to_string()
                ),
                text!("suppression-unused-label"),
                help,
            ));
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The line the first `#` comment of `text` applies to.
    fn line_of_first_comment(text: &str) -> usize {
        let start = text.find('#').expect("a comment");
        let end = text[start..]
            .find(['\n', '\r'])
            .map_or(text.len(), |len| start + len);
        target_line(text, &LineIndex::new(text), Span::new(start, end))
    }

    #[test]
    fn a_comment_after_code_applies_to_its_own_line() {
        assert_eq!(
            line_of_first_comment("a\nstep x { # flowc: allow(a) r\nb\n"),
            2
        );
    }

    #[test]
    fn a_comment_alone_applies_to_the_next_line_with_code() {
        assert_eq!(line_of_first_comment("# flowc: allow(a) r\nstep\n"), 2);
        assert_eq!(
            line_of_first_comment("  # flowc: allow(a) r\n\n  # more\n\u{3000}\n  step\n"),
            5
        );
    }

    #[test]
    fn line_ends_of_every_kind_count() {
        assert_eq!(
            line_of_first_comment("x\r\n# flowc: allow(a) r\r\n\r\nstep\r\n"),
            4
        );
        assert_eq!(line_of_first_comment("# flowc: allow(a) r\rstep"), 2);
    }

    #[test]
    fn a_comment_with_nothing_after_it_applies_to_its_own_line() {
        assert_eq!(line_of_first_comment("step\n# flowc: allow(a) r\n\n"), 2);
    }

    #[test]
    fn names_are_read_with_their_places() {
        let directive = "allow( missing-deadline ,F101) why";
        let rules = parse(directive, 100, crate::check::registry::RULES).expect("valid");
        assert_eq!(
            rules,
            vec![
                ("missing-deadline", Span::new(107, 123)),
                ("unowned-step", Span::new(125, 129)),
            ]
        );
    }

    #[test]
    fn other_comments_are_no_directives() {
        assert_eq!(directive("# flows: allow(x)"), None);
        assert_eq!(directive("#flowc:allow(x) y"), Some("allow(x) y"));
    }
}
