//! What every diagram of a process shares, whichever engine draws it: the
//! options (direction, theme), the palette of each theme, the swimlanes
//! and their order, the text of a step box and label wrapping.
//!
//! [`crate::emit::dot`] turns this into DOT for Graphviz;
//! [`crate::emit::svg`] lays it out itself when Graphviz is not there.

use std::collections::VecDeque;

pub mod parties;
mod reading;

pub use parties::{Lane, Who, owners_title, party_title};

use crate::i18n::{Lang, Text};
use crate::model::{self, EdgeKind, NodeKind, OrgUnit, Process, Project, words};
use crate::text;

/// Fonts declared for every diagram, by language: common sans-serif
/// fonts with Chinese glyphs first, so CJK labels render wherever one of
/// them is installed. The first installed font decides the glyph forms a
/// character takes, so Traditional Chinese lists the Traditional fonts
/// first (Taiwan, then Hong Kong, then the Simplified ones as a last
/// resort), and Simplified Chinese (and English, whose labels are the
/// company's Chinese) the Simplified ones.
pub fn font_families(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::ZhHant => TRADITIONAL_FONT_FAMILIES,
        Lang::ZhHans | Lang::En => SIMPLIFIED_FONT_FAMILIES,
    }
}

/// The fonts of Simplified Chinese first.
const SIMPLIFIED_FONT_FAMILIES: &[&str] = &[
    "Noto Sans CJK SC",
    "Noto Sans CJK TC",
    "Source Han Sans SC",
    "PingFang SC",
    "Microsoft YaHei",
    "Hiragino Sans GB",
    "WenQuanYi Micro Hei",
    "sans-serif",
];

/// The fonts of Traditional Chinese first: Noto Sans CJK TC, then HK,
/// then SC.
const TRADITIONAL_FONT_FAMILIES: &[&str] = &[
    "Noto Sans CJK TC",
    "Noto Sans CJK HK",
    "Noto Sans CJK SC",
    "Source Han Sans TC",
    "Source Han Sans HK",
    "PingFang TC",
    "PingFang HK",
    "Microsoft JhengHei",
    "WenQuanYi Micro Hei",
    "sans-serif",
];

/// Labels wrap at about this many columns (a CJK character counts two).
pub const WRAP_COLUMNS: usize = 24;

/// The direction the process flows in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Direction {
    /// Left to right; lanes are horizontal bands.
    #[default]
    #[value(name = "lr")]
    LeftRight,
    /// Top to bottom; lanes are vertical columns.
    #[value(name = "tb")]
    TopBottom,
}

/// The colours of a diagram.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Theme {
    /// Dark text on light lanes.
    #[default]
    Light,
    /// Light text on a dark background, for screens and slides.
    Dark,
    /// Pure black on white only, for printing and photocopying: rejections
    /// and notes differ by dashes, not by grey.
    Print,
}

/// How a diagram is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DiagramOptions {
    /// The flow direction.
    pub direction: Direction,
    /// The colours.
    pub theme: Theme,
    /// The language of the words around the user's labels.
    pub lang: Lang,
}

/// The colours of one theme, as CSS/Graphviz colour strings. Every text
/// colour has a contrast of at least 4.5:1 (WCAG AA) against every fill it
/// is drawn on, and lane borders at least 3:1 against both lane fills, so
/// adjacent lanes stay apart (tested below).
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    /// The page behind everything.
    pub background: &'static str,
    /// Text and outlines.
    pub ink: &'static str,
    /// Secondary text, rejection loops and notes.
    pub muted: &'static str,
    /// Lanes, alternating.
    pub lanes: [&'static str; 2],
    /// Lane borders.
    pub lane_border: &'static str,
    /// Step boxes.
    pub step: &'static str,
    /// Decision diamonds.
    pub decision: &'static str,
    /// The start circle.
    pub start: &'static str,
    /// End circles.
    pub end: &'static str,
    /// Fork and join bars.
    pub bar: &'static str,
}

impl Theme {
    /// The colours of this theme.
    pub fn palette(self) -> Palette {
        match self {
            Theme::Light => Palette {
                background: "#ffffff",
                ink: "#1f2430",
                muted: "#555c6b",
                lanes: ["#f4f6fa", "#e6ebf3"],
                lane_border: "#7c8596",
                step: "#ffffff",
                decision: "#fff4d6",
                start: "#d9f2d9",
                end: "#f2d9d9",
                bar: "#1f2430",
            },
            Theme::Dark => Palette {
                background: "#1b1e24",
                ink: "#e6e9ef",
                muted: "#b4bccb",
                lanes: ["#252a33", "#2c323d"],
                lane_border: "#7a8496",
                step: "#323946",
                decision: "#5a4a1f",
                start: "#2f5a36",
                end: "#6a2f35",
                bar: "#e6e9ef",
            },
            Theme::Print => Palette {
                background: "#ffffff",
                ink: "#000000",
                muted: "#000000",
                lanes: ["#ffffff", "#ffffff"],
                lane_border: "#000000",
                step: "#ffffff",
                decision: "#ffffff",
                start: "#ffffff",
                end: "#ffffff",
                bar: "#000000",
            },
        }
    }
}

/// The owners that get a swimlane, one lane per distinct `owner` line
/// (a fixed role or department, a person relative to the applicant, or
/// a shared any of / all of / quorum line) and one per owner of a called
/// process not already among them, in the order of
/// [`parties::sort_lanes`]: the applicant's own people top down first,
/// then the fixed roles by department and seniority. The diagrams draw
/// them in reading order ([`Arrangement::owners`]).
pub fn lane_owners(project: &Project, process: &Process) -> Vec<Lane> {
    let mut owners: Vec<Lane> = Vec::new();
    for node in &process.nodes {
        if let Some(owner) = node_lane(project, node)
            && !owners.contains(&owner)
        {
            owners.push(owner);
        }
    }
    parties::sort_lanes(project, &mut owners);
    owners
}

/// An arrow between two items of a diagram. Items are the nodes of the
/// process by index, then the start circle (index `nodes.len()`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arrow {
    /// The item it leaves.
    pub from: usize,
    /// The item it enters.
    pub to: usize,
    /// The index of the process edge it draws; `None` for the arrow out of
    /// the start circle.
    pub edge: Option<usize>,
    /// A rejection or other outcome: drawn dashed.
    pub secondary: bool,
    /// It closes a cycle, so it is left out of the ranking.
    pub back: bool,
}

/// Where every item of a diagram goes, whichever engine draws it: its lane
/// (the swimlane of its owner) and its rank (its column along the flow).
#[derive(Debug, Clone)]
pub struct Arrangement {
    /// The owners with a lane, in reading order: grouped in bands (a
    /// department with its roles, a role in no department, the
    /// applicant's own people) in [`lane_owners`] order inside each band,
    /// the band of the start first and the others in the order
    /// [`reading::band_order`] chooses.
    pub owners: Vec<Lane>,
    /// The index of the start circle among the items.
    pub start: usize,
    /// The arrows: out of the start circle first, then one per edge.
    pub arrows: Vec<Arrow>,
    /// The rank of every item: the longest path of forward arrows from an
    /// item with no forward arrow into it.
    pub ranks: Vec<usize>,
    /// The lane of every item, an index into `owners` (0 when there are
    /// no owners). A step sits in its owner's lane, a call in the lane of
    /// the called process's owner (the call's owner); any other node in
    /// the lane of the first item (in rank order) with an arrow into it;
    /// the start circle in the lane of the node it leads to.
    pub lanes: Vec<usize>,
    /// Whether the lanes inside each band go from the most junior up (the
    /// flow climbs the reporting lines) rather than from the most senior
    /// down.
    pub juniors_first: bool,
}

impl Arrangement {
    /// The arrangement of a process.
    pub fn of(project: &Project, process: &Process) -> Arrangement {
        let start = process.nodes.len();
        let mut arrows = Vec::with_capacity(process.edges.len() + 1);
        if let Some(first) = process.start.as_ref().and_then(|start| start.target) {
            arrows.push(Arrow {
                from: start,
                to: first.0,
                edge: None,
                secondary: false,
                back: false,
            });
        }
        for (index, edge) in process.edges.iter().enumerate() {
            arrows.push(Arrow {
                from: edge.from.0,
                to: edge.to.0,
                edge: Some(index),
                secondary: is_secondary(edge),
                back: false,
            });
        }
        mark_back_edges(start + 1, start, &mut arrows);
        let ranks = ranks(start + 1, start, &arrows);
        let seniority = lane_owners(project, process);
        let lanes = lanes(project, process, start, &arrows, &ranks, &seniority);
        let (owners, lanes, juniors_first) =
            in_reading_order(project, seniority, lanes, (&arrows, &ranks, start));
        Arrangement {
            owners,
            start,
            arrows,
            ranks,
            lanes,
            juniors_first,
        }
    }
}

/// The lanes (`owners`, in [`lane_owners`] order) with their bands put in
/// the order [`reading::band_order`] chooses, and the lane of every item
/// (`lanes`, indexes into `owners`) changed to match.
fn in_reading_order(
    project: &Project,
    owners: Vec<Lane>,
    lanes: Vec<usize>,
    (arrows, ranks, start): (&[Arrow], &[usize], usize),
) -> (Vec<Lane>, Vec<usize>, bool) {
    let bands = parties::lane_bands(project, &owners);
    let order = reading::band_order(&bands, &lanes, arrows, ranks, start);
    let mut sorted = owners.clone();
    parties::sort_lanes_by_band(
        project,
        &mut sorted,
        |band| {
            order
                .bands
                .iter()
                .position(|other| *other == band)
                .unwrap_or(order.bands.len())
        },
        order.juniors_first,
    );
    let moved: Vec<usize> = owners
        .iter()
        .map(|owner| sorted.iter().position(|lane| lane == owner).unwrap_or(0))
        .collect();
    let lanes = lanes
        .into_iter()
        .map(|lane| moved.get(lane).copied().unwrap_or(0))
        .collect();
    (sorted, lanes, order.juniors_first)
}

/// Marks the arrows that close a cycle (found by an iterative depth-first
/// search from the start that follows primary arrows before rejections)
/// as back edges, so ranking sees a graph without cycles.
fn mark_back_edges(count: usize, start: usize, arrows: &mut [Arrow]) {
    let mut outgoing: Vec<Vec<usize>> = vec![Vec::new(); count];
    for secondary in [false, true] {
        for (index, arrow) in arrows.iter().enumerate() {
            if arrow.secondary == secondary {
                outgoing[arrow.from].push(index);
            }
        }
    }
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        New,
        Open,
        Done,
    }
    let mut state = vec![State::New; count];
    let roots = std::iter::once(start).chain(0..count);
    for root in roots {
        if state[root] != State::New {
            continue;
        }
        state[root] = State::Open;
        let mut stack = vec![(root, 0usize)];
        while let Some((node, next)) = stack.last_mut() {
            let node = *node;
            if let Some(&arrow) = outgoing[node].get(*next) {
                *next += 1;
                let target = arrows[arrow].to;
                match state[target] {
                    State::New => {
                        state[target] = State::Open;
                        stack.push((target, 0));
                    }
                    State::Open => arrows[arrow].back = true,
                    State::Done => {}
                }
            } else {
                state[node] = State::Done;
                stack.pop();
            }
        }
    }
}

/// The rank of every item: the longest path of forward arrows from an
/// item with no forward arrow into it.
fn ranks(count: usize, start: usize, arrows: &[Arrow]) -> Vec<usize> {
    let mut incoming = vec![0usize; count];
    let mut outgoing: Vec<Vec<usize>> = vec![Vec::new(); count];
    for arrow in arrows.iter().filter(|arrow| !arrow.back) {
        incoming[arrow.to] += 1;
        outgoing[arrow.from].push(arrow.to);
    }
    let mut rank = vec![0usize; count];
    let mut ready: VecDeque<usize> = std::iter::once(start)
        .chain(0..start)
        .filter(|&item| incoming[item] == 0)
        .collect();
    while let Some(item) = ready.pop_front() {
        for &target in &outgoing[item] {
            rank[target] = rank[target].max(rank[item] + 1);
            incoming[target] -= 1;
            if incoming[target] == 0 {
                ready.push_back(target);
            }
        }
    }
    rank
}

/// The lane of every item (see [`Arrangement::lanes`]).
fn lanes(
    project: &Project,
    process: &Process,
    start: usize,
    arrows: &[Arrow],
    ranks: &[usize],
    owners: &[Lane],
) -> Vec<usize> {
    let count = start + 1;
    let mut lane: Vec<Option<usize>> = vec![None; count];
    for (index, node) in process.nodes.iter().enumerate() {
        lane[index] = node_lane(project, node)
            .and_then(|owner| owners.iter().position(|candidate| *candidate == owner));
    }
    let mut incoming: Vec<Vec<usize>> = vec![Vec::new(); count];
    for arrow in arrows.iter().filter(|arrow| !arrow.back) {
        incoming[arrow.to].push(arrow.from);
    }
    let mut order: Vec<usize> = (0..count).collect();
    order.sort_by_key(|&index| (ranks[index], index));
    for &index in &order {
        if lane[index].is_some() || index == start {
            continue;
        }
        lane[index] = incoming[index].iter().find_map(|&from| lane[from]);
    }
    lane[start] = arrows
        .iter()
        .find(|arrow| arrow.from == start)
        .and_then(|arrow| lane[arrow.to]);
    lane.into_iter().map(|lane| lane.unwrap_or(0)).collect()
}

/// The lane of a step, when it is a step whose owners all resolve.
pub(crate) fn step_lane(node: &model::Node) -> Option<Lane> {
    match &node.kind {
        NodeKind::Step(details) => details.owner.as_ref().and_then(Lane::of),
        NodeKind::Decision
        | NodeKind::Parallel { .. }
        | NodeKind::Join { .. }
        | NodeKind::Call(_)
        | NodeKind::End => None,
    }
}

/// The lane of a node drawn in one: a step's owner line, or for a call
/// the owner of the called process (whose people do the called work).
pub(crate) fn node_lane(project: &Project, node: &model::Node) -> Option<Lane> {
    match &node.kind {
        NodeKind::Call(call) => callee(project, call)?
            .owner
            .as_ref()?
            .target
            .map(|owner| Lane::one(Who::unit(owner))),
        _ => step_lane(node),
    }
}

/// The process a call runs, when its name resolves.
pub(crate) fn callee<'a>(project: &'a Project, call: &model::CallDetails) -> Option<&'a Process> {
    call.process
        .as_ref()?
        .target
        .map(|process| project.process(process))
}

/// "部門負責人 (dept_head)"
pub fn unit_title(project: &Project, unit: OrgUnit) -> String {
    let name = project.unit_name(unit);
    let label = match unit {
        OrgUnit::Role(role) => project.role(role).label.as_deref(),
        OrgUnit::Department(department) => project.department(department).label.as_deref(),
    };
    match label {
        Some(label) => format!("{label} ({name})"),
        None => name.to_string(),
    }
}

/// "費用報銷審批 (expense_claim)"
pub(crate) fn process_title(process: &Process) -> String {
    match &process.label {
        Some(label) => format!("{label} ({})", process.name),
        None => process.name.clone(),
    }
}

/// A node's label, or its name when it has none.
pub(crate) fn node_title(node: &model::Node) -> String {
    node.label.clone().unwrap_or_else(|| node.name.clone())
}

/// The text of a step or call box, one entry per line before wrapping:
/// label, owner (for a call, the process it calls), deadline and minimum
/// period.
pub(crate) fn step_lines(project: &Project, node: &model::Node, lang: Lang) -> Vec<String> {
    let mut lines = vec![node_title(node)];
    lines.extend(detail_lines(project, node, lang));
    lines.extend(minimum_line(node, lang));
    lines
}

/// The lines under a box's title: a step's owner and deadline; the
/// process a call runs, as `calls 合同簽訂審批 (contract_approval)` (only
/// `calls contract_approval` when the call carries the callee's label).
fn detail_lines(project: &Project, node: &model::Node, lang: Lang) -> Vec<String> {
    let mut lines = Vec::new();
    match &node.kind {
        NodeKind::Step(details) => {
            if let Some(owners) = &details.owner {
                match Lane::of(owners) {
                    Some(lane) => lines.extend(lane.title_lines(project, lang)),
                    None => lines.push(owners.to_string()),
                }
            }
            if let Some(deadline) = &details.deadline {
                lines.push(
                    text!("diagram-within", duration = words::duration(deadline)).render(lang),
                );
            }
        }
        NodeKind::Call(call) => match (callee(project, call), &call.process) {
            (Some(callee), _) if callee.label.is_some() && callee.label != node.label => {
                lines.push(text!("diagram-calls", process = process_title(callee)).render(lang));
            }
            (_, Some(process)) => {
                lines.push(text!("diagram-calls", process = &process.name).render(lang));
            }
            (_, None) => {}
        },
        NodeKind::Decision | NodeKind::Parallel { .. } | NodeKind::Join { .. } | NodeKind::End => {}
    }
    lines
}

/// A step's minimum period: "at least 5 business days" (drawn after an
/// hourglass).
fn minimum_line(node: &model::Node, lang: Lang) -> Option<String> {
    match &node.kind {
        NodeKind::Step(details) => details.minimum.as_ref().map(|minimum| {
            text!("diagram-at-least", duration = words::duration(minimum)).render(lang)
        }),
        _ => None,
    }
}

/// The note of a step or call, shown as the box's tooltip.
pub fn node_note(node: &model::Node) -> Option<&str> {
    let note = match &node.kind {
        NodeKind::Step(details) => details.note.as_ref(),
        NodeKind::Call(call) => call.note.as_ref(),
        NodeKind::Decision | NodeKind::Parallel { .. } | NodeKind::Join { .. } | NodeKind::End => {
            None
        }
    };
    note.map(|note| note.text.text.as_str())
}

/// The text of a step or call box, wrapped: the title's lines (all drawn
/// bold), the detail lines (owner or called process, deadline) under
/// them, and the minimum period (drawn after an hourglass).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoxText {
    /// The label (or name), wrapped.
    pub title: Vec<String>,
    /// Owner (or the process called) and deadline, each wrapped.
    pub details: Vec<String>,
    /// `at least ...`, wrapped, when the step has a minimum period.
    pub minimum: Vec<String>,
}

impl BoxText {
    /// How many lines the box holds.
    pub fn len(&self) -> usize {
        self.title.len() + self.details.len() + self.minimum.len()
    }

    /// Whether the box holds no line (never for a real node).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The text of a node's box, wrapped at `width` columns.
pub fn box_text(project: &Project, node: &model::Node, width: usize, lang: Lang) -> BoxText {
    BoxText {
        title: wrap(&node_title(node), width),
        details: wrap_all(&detail_lines(project, node, lang), width),
        minimum: minimum_line(node, lang).map_or_else(Vec::new, |line| wrap(&line, width)),
    }
}

/// The escalation notes of a step, each wrapped at `width` columns: one
/// entry per escalation, so a wrapped note still reads as one note.
pub fn wrapped_escalation_notes(
    project: &Project,
    node: &model::Node,
    width: usize,
    lang: Lang,
) -> Vec<Vec<String>> {
    escalation_notes(project, node, lang)
        .iter()
        .map(|note| wrap(note, width))
        .collect()
}

/// The escalation notes of a step: "3 business days → division_lead", a
/// relative target in words: "2 business days → 申請人的隔級上級"; in
/// Chinese every target in words: "逾期 3 個工作日 → 分管領導".
pub fn escalation_notes(project: &Project, node: &model::Node, lang: Lang) -> Vec<String> {
    match &node.kind {
        NodeKind::Step(details) => details
            .escalations
            .iter()
            .map(|escalation| {
                let to = match Who::of(&escalation.to) {
                    Some(who) if who.fixed().is_none() || lang.is_chinese() => {
                        who.words(project, lang)
                    }
                    _ => escalation.to.to_string(),
                };
                text!(
                    "diagram-escalation-note",
                    after = words::duration(&escalation.after),
                    to = to
                )
                .render(lang)
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The label an edge carries, if any, in words: an outcome (`reject`,
/// 駁回), a condition ([`words::condition`]), `otherwise`, a timeout.
pub fn edge_label(edge: &model::Edge, lang: Lang) -> Option<String> {
    edge_text(edge).map(|text| text.render(lang))
}

/// The label an edge carries, if any, as a text of the catalogue.
fn edge_text(edge: &model::Edge) -> Option<Text> {
    match &edge.kind {
        EdgeKind::Next | EdgeKind::Branch | EdgeKind::Join => None,
        EdgeKind::Outcome(outcome) => Some(outcome_text(outcome)),
        EdgeKind::When(condition) => Some(words::condition(condition)),
        EdgeKind::Otherwise => Some(text!("diagram-otherwise")),
        EdgeKind::Timeout(after) => Some(timeout_text(after)),
    }
}

/// An outcome (`on reject`) in words: the usual ones translated, others
/// as the user named them.
pub fn outcome_text(outcome: &str) -> Text {
    text!("diagram-outcome", outcome = outcome)
}

/// Which of the signs a legend explains only when they are used appear
/// in a process.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Constructs {
    /// A call of another process.
    pub call: bool,
    /// A step with a minimum period (`at least`).
    pub minimum: bool,
    /// A timeout edge.
    pub timeout: bool,
}

impl Constructs {
    /// The signs `process` uses.
    pub fn of(process: &Process) -> Constructs {
        let mut present = Constructs::default();
        for node in &process.nodes {
            match &node.kind {
                NodeKind::Call(_) => present.call = true,
                NodeKind::Step(details) => present.minimum |= details.minimum.is_some(),
                NodeKind::Decision
                | NodeKind::Parallel { .. }
                | NodeKind::Join { .. }
                | NodeKind::End => {}
            }
        }
        present.timeout = process
            .edges
            .iter()
            .any(|edge| matches!(edge.kind, EdgeKind::Timeout(_)));
        present
    }
}

/// The label of a timeout edge: a clock and the time, `◷ 8 business
/// days` (U+25F7, in DejaVu Sans and the usual system symbol fonts).
pub fn timeout_label(after: &crate::syntax::ast::Duration, lang: Lang) -> String {
    timeout_text(after).render(lang)
}

/// [`timeout_label`] as a text of the catalogue.
fn timeout_text(after: &crate::syntax::ast::Duration) -> Text {
    text!("diagram-timeout", after = words::duration(after))
}

/// Whether an edge is secondary (a rejection or other outcome that goes
/// back): drawn dashed and kept out of the ranking.
pub(crate) fn is_secondary(edge: &model::Edge) -> bool {
    matches!(edge.kind, EdgeKind::Outcome(_))
}

/// How wide `text` is in columns: CJK and other wide characters count two.
pub fn columns(text: &str) -> usize {
    // Every ASCII character takes one column.
    if text.is_ascii() {
        return text.len();
    }
    text.chars().map(char_columns).sum()
}

fn char_columns(c: char) -> usize {
    let code = c as u32;
    let wide = matches!(code,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD);
    if wide { 2 } else { 1 }
}

/// Wraps `text` into lines of at most `width` columns at the break
/// opportunities of the Unicode line-breaking algorithm (UAX #14): between
/// words, never before closing punctuation such as `、`, `。` or `，` and
/// never inside an identifier (`dept_head` stays whole even when it is
/// wider than the line). Chinese breaks only between words, as ICU's
/// dictionary segments it (`總經理` and `時間` stay whole), and inside a
/// word only when the word is wider than a line. Of the ways to wrap into
/// the fewest lines, the most even is taken, preferring a break after
/// `、`, `，`, `；` or before an opening bracket. A line of one CJK
/// character at the end takes the character before it along, so no
/// character is left alone.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(4);
    let text: String = text.chars().filter(|c| !c.is_control()).collect();
    // A text that fits is one line whatever its break opportunities
    // (finding them was most of the work of wrapping the short words of
    // a box).
    if columns(&text) <= width {
        return vec![text.trim_end().to_string()];
    }
    let pieces = pieces(&text, width);
    let mut lines = even_lines(&pieces, width);
    keep_no_character_alone(&mut lines);
    lines
}

/// How welcome a line break after a [`Piece`] is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Break {
    /// Between two words.
    Word,
    /// After a pause (`、`, `，`, `；`, ...) or before an opening bracket.
    Pause,
    /// Before a Chinese character the dictionary leaves alone after a
    /// word: often a suffix (`負責` + `人`, `供應` + `商`), so taken only
    /// when a break between two words would cost more.
    BeforeLoneCharacter,
    /// Inside a word wider than a line.
    InsideWord,
}

/// A piece of text between two break opportunities, with the spaces that
/// follow it.
#[derive(Debug)]
struct Piece<'a> {
    /// The text, spaces included.
    text: &'a str,
    /// The kind of the break after it.
    after: Break,
    /// The columns of its text without the spaces.
    columns: usize,
    /// The columns of the spaces that follow it.
    spaces: usize,
}

impl<'a> Piece<'a> {
    /// The piece of `text` before a break of kind `after`.
    fn new(text: &'a str, after: Break) -> Self {
        let kept = text.trim_end();
        Piece {
            text,
            after,
            columns: columns(kept),
            spaces: columns(&text[kept.len()..]),
        }
    }
}

/// The pieces of `text` between the line-break opportunities that `wrap`
/// takes: those of UAX #14, less the ones inside a Chinese word, which
/// come back only in a word wider than `width`.
fn pieces(text: &str, width: usize) -> Vec<Piece<'_>> {
    let opportunities: Vec<usize> = unicode_linebreak::linebreaks(text)
        .map(|(at, _)| at)
        .filter(|&at| at > 0)
        .collect();
    let words = chinese_word_bounds(text);
    let word_at = |at: usize| {
        words
            .binary_search_by_key(&at, |bound| bound.at)
            .ok()
            .map(|index| words[index].before_lone_character)
    };
    let mut pieces = Vec::new();
    let mut from = 0;
    let mut inside = Vec::new();
    for at in opportunities {
        let chinese = at < text.len() && between_han(text, at);
        if chinese && word_at(at).is_none() {
            inside.push(at);
            continue;
        }
        let word = &text[from..at];
        if !inside.is_empty() && columns(word.trim_end()) > width {
            let mut start = from;
            for &cut in &inside {
                pieces.push(Piece::new(&text[start..cut], Break::InsideWord));
                start = cut;
            }
            from = start;
        }
        let after = if chinese && word_at(at) == Some(true) {
            Break::BeforeLoneCharacter
        } else {
            pause_at(text, at)
        };
        pieces.push(Piece::new(&text[from..at], after));
        inside.clear();
        from = at;
    }
    pieces
}

/// Whether the characters on both sides of byte `at` are Han.
fn between_han(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at..].chars().next();
    before.is_some_and(is_han) && after.is_some_and(is_han)
}

/// Whether `c` is a Han character.
fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFD)
}

/// [`Break::Pause`] when byte `at` follows a pause or comes before an
/// opening bracket, else [`Break::Word`].
fn pause_at(text: &str, at: usize) -> Break {
    let before = text[..at].trim_end().chars().next_back();
    let after = text[at..].chars().next();
    if before.is_some_and(|c| "、，；：,;:".contains(c))
        || after.is_some_and(|c| "(（［[「『【《〈".contains(c))
    {
        Break::Pause
    } else {
        Break::Word
    }
}

/// A boundary between two words of Chinese text.
#[derive(Debug)]
struct WordBound {
    /// Its byte offset.
    at: usize,
    /// Whether the word after it is a character the dictionary left
    /// alone.
    before_lone_character: bool,
}

/// The word boundaries of the Chinese in `text`, in order, from ICU4X's
/// dictionary segmenter (ICU's Chinese and Japanese dictionary,
/// Traditional and Simplified). The dictionary leaves a word it does not
/// know (`采購`, `營銷`) as single characters: a boundary between two such
/// lone characters is not taken, so a run of them stays together like a
/// word.
fn chinese_word_bounds(text: &str) -> Vec<WordBound> {
    if !text.chars().any(is_han) {
        return Vec::new();
    }
    let segmenter = icu_segmenter::WordSegmenter::new_dictionary(
        icu_segmenter::options::WordBreakInvariantOptions::default(),
    );
    let bounds: Vec<usize> = segmenter.segment_str(text).collect();
    let lone = |from: usize, to: usize| {
        let mut chars = text[from..to].chars();
        matches!((chars.next(), chars.next()), (Some(c), None) if is_han(c))
    };
    bounds
        .windows(3)
        .filter_map(|three| {
            let (before, after) = (lone(three[0], three[1]), lone(three[1], three[2]));
            (!(before && after)).then_some(WordBound {
                at: three[1],
                before_lone_character: after,
            })
        })
        .collect()
}

/// The cost of a line of `used` columns of `width`: its empty room
/// squared, so even lines cost less than a full one and a short one.
fn room_cost(used: usize, width: usize) -> u64 {
    let room = width.saturating_sub(used) as u64;
    room * room
}

/// The cost of a break of `kind` on lines of `width` columns: a pause
/// saves what a half-empty line costs and a break before a lone character
/// costs as much; a break inside a word costs more than any line's room.
fn break_cost(kind: Break, width: usize) -> i64 {
    let width = i64::try_from(width).unwrap_or(i64::MAX / 4);
    match kind {
        Break::Word => 0,
        Break::Pause => -(width * width / 4),
        Break::BeforeLoneCharacter => width * width / 4,
        Break::InsideWord => width.saturating_mul(width),
    }
}

/// The lines of `pieces` within `width`, in as few lines as there can be
/// and, among those, at the breaks of the least cost: the room the lines
/// leave ([`room_cost`]) plus their breaks ([`break_cost`]). A piece wider
/// than `width` makes a line of its own.
fn even_lines(pieces: &[Piece<'_>], width: usize) -> Vec<String> {
    // best[i]: (lines, cost, end of the first line) for pieces[i..].
    let mut best: Vec<(usize, i64, usize)> = vec![(0, 0, pieces.len()); pieces.len() + 1];
    for from in (0..pieces.len()).rev() {
        let mut choice = (usize::MAX, i64::MAX, from + 1);
        let mut before = 0;
        for to in from + 1..=pieces.len() {
            let piece = &pieces[to - 1];
            let used = before + piece.columns;
            if used > width && to > from + 1 {
                break;
            }
            before = used + piece.spaces;
            let (lines, rest, _) = best[to];
            let room = i64::try_from(room_cost(used, width)).unwrap_or(i64::MAX / 4);
            let kind = if to < pieces.len() {
                break_cost(piece.after, width)
            } else {
                0
            };
            let candidate = (
                lines + 1,
                rest.saturating_add(room).saturating_add(kind),
                to,
            );
            if (candidate.0, candidate.1) <= (choice.0, choice.1) {
                choice = candidate;
            }
        }
        best[from] = choice;
    }
    let mut lines = Vec::new();
    let mut from = 0;
    while from < pieces.len() {
        let to = best[from].2;
        let line: String = pieces[from..to].iter().map(|piece| piece.text).collect();
        lines.push(line.trim().to_string());
        from = to;
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// Moves the last character of the line before a final line that holds a
/// single wide character down to it (`總經` / `理` becomes `總` / `經理`),
/// when both sides of that break are CJK characters.
fn keep_no_character_alone(lines: &mut [String]) {
    let [.., before, last] = lines else {
        return;
    };
    let mut last_chars = last.chars();
    let (Some(alone), None) = (last_chars.next(), last_chars.next()) else {
        return;
    };
    let Some(previous) = before.chars().last() else {
        return;
    };
    if char_columns(alone) == 2 && char_columns(previous) == 2 && before.chars().count() > 1 {
        before.pop();
        last.insert(0, previous);
    }
}

/// Every line of `lines`, wrapped.
pub(crate) fn wrap_all(lines: &[String], width: usize) -> Vec<String> {
    lines.iter().flat_map(|line| wrap(line, width)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_stays_on_one_line() {
        assert_eq!(wrap("apply", 24), vec!["apply"]);
    }

    #[test]
    fn latin_text_wraps_between_words() {
        assert_eq!(
            wrap("check the receipts against the claim", 16),
            vec!["check the", "receipts against", "the claim"]
        );
    }

    #[test]
    fn chinese_text_wraps_between_words_into_even_lines() {
        assert_eq!(
            wrap("按金額分級審批按金額分級審批", 12),
            vec!["按金額分級", "審批按金額", "分級審批"]
        );
        assert_eq!(
            wrap("按金额分级审批按金额分级审批", 12),
            vec!["按金额分级", "审批按金额", "分级审批"]
        );
    }

    #[test]
    fn a_word_stays_whole_on_a_line() {
        assert_eq!(
            wrap("重大合同由總經理審批", 14),
            vec!["重大合同由", "總經理審批"]
        );
        assert_eq!(
            wrap("重大合同由总经理审批", 14),
            vec!["重大合同由", "总经理审批"]
        );
        assert_eq!(wrap("部門負責人審核", 10), vec!["部門負責人", "審核"]);
        assert_eq!(wrap("部门负责人审核", 10), vec!["部门负责人", "审核"]);
    }

    #[test]
    fn a_word_the_dictionary_does_not_know_stays_whole() {
        assert_eq!(
            wrap("選擇合格供應商并簽訂采購合同", 24),
            vec!["選擇合格供應商并", "簽訂采購合同"]
        );
        assert_eq!(
            wrap("选择合格供应商并签订采购合同", 24),
            vec!["选择合格供应商并", "签订采购合同"]
        );
        assert_eq!(
            wrap("辦公用品采購與發放", 10),
            vec!["辦公用品", "采購與發放"]
        );
        assert_eq!(
            wrap("办公用品采购与发放", 10),
            vec!["办公用品", "采购与发放"]
        );
    }

    #[test]
    fn a_break_after_a_pause_or_before_a_bracket_is_preferred() {
        assert_eq!(
            wrap("審批生產計劃(數量、時間、批次)", 22),
            vec!["審批生產計劃", "(數量、時間、批次)"]
        );
        assert_eq!(
            wrap("审批生产计划(数量、时间、批次)", 22),
            vec!["审批生产计划", "(数量、时间、批次)"]
        );
        assert_eq!(
            wrap("任一：人事專員、人力資源經理", 18),
            vec!["任一：人事專員、", "人力資源經理"]
        );
        assert_eq!(
            wrap("任一：人事专员、人力资源经理", 18),
            vec!["任一：人事专员、", "人力资源经理"]
        );
    }

    #[test]
    fn a_word_wider_than_the_line_breaks_between_its_characters() {
        assert_eq!(wrap("人力資源", 4), vec!["人力", "資源"]);
        assert_eq!(wrap("人力資源經理", 6), vec!["人力資", "源經理"]);
    }

    #[test]
    fn an_identifier_longer_than_the_line_stays_whole() {
        assert_eq!(wrap("abcdefghij", 4), vec!["abcdefghij"]);
        assert_eq!(
            wrap("部門負責人 (general_manager_of_the_division)", 12),
            vec!["部門負責人", "(general_manager_of_the_division)"]
        );
    }

    #[test]
    fn no_line_starts_with_closing_punctuation() {
        for width in 4..=14 {
            for line in wrap("核對發票、合同。付款，歸檔", width).iter().skip(1) {
                let first = line.chars().next().expect("a line is not empty");
                assert!(!"、。，".contains(first), "{width}: {line}");
            }
        }
    }

    #[test]
    fn no_chinese_character_is_left_alone_on_the_last_line() {
        assert_eq!(wrap("總經理", 4), vec!["總", "經理"]);
        assert_eq!(wrap("总经理", 4), vec!["总", "经理"]);
    }

    /// WCAG relative luminance of `#rrggbb`.
    fn luminance(colour: &str) -> f64 {
        let channel = |at: usize| {
            let value =
                f64::from(u8::from_str_radix(&colour[at..at + 2], 16).expect("hex")) / 255.0;
            if value <= 0.039_28 {
                value / 12.92
            } else {
                ((value + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
    }

    /// WCAG contrast ratio of two colours.
    fn contrast(one: &str, other: &str) -> f64 {
        let (a, b) = (luminance(one), luminance(other));
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    #[test]
    fn every_text_and_lane_border_is_legible_in_every_theme() {
        let mut pairs = 0;
        for theme in [Theme::Light, Theme::Dark, Theme::Print] {
            let palette = theme.palette();
            let fills = [
                palette.background,
                palette.lanes[0],
                palette.lanes[1],
                palette.step,
                palette.decision,
                palette.start,
                palette.end,
            ];
            for fill in fills {
                let ink = contrast(palette.ink, fill);
                assert!(ink >= 4.5, "{theme:?}: ink on {fill} is {ink:.2}:1");
                pairs += 1;
            }
            for fill in [
                palette.background,
                palette.lanes[0],
                palette.lanes[1],
                palette.decision,
            ] {
                let muted = contrast(palette.muted, fill);
                assert!(muted >= 4.5, "{theme:?}: notes on {fill} are {muted:.2}:1");
                pairs += 1;
            }
            for lane in palette.lanes {
                let border = contrast(palette.lane_border, lane);
                assert!(
                    border >= 3.0,
                    "{theme:?}: lane border on {lane} is {border:.2}:1"
                );
                pairs += 1;
            }
        }
        assert_eq!(pairs, 3 * (7 + 4 + 2));
    }

    #[test]
    fn the_print_theme_is_pure_black_and_white() {
        let palette = Theme::Print.palette();
        let colours = [
            palette.background,
            palette.ink,
            palette.muted,
            palette.lanes[0],
            palette.lanes[1],
            palette.lane_border,
            palette.step,
            palette.decision,
            palette.start,
            palette.end,
            palette.bar,
        ];
        for colour in colours {
            assert!(colour == "#000000" || colour == "#ffffff", "{colour}");
        }
    }
}
