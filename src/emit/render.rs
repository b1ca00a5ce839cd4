//! Rendered diagrams (SVG, PNG): from the real Graphviz `dot` when it is
//! installed, through graphviz-rust's exec, or from the built-in engine
//! ([`crate::emit::svg`]) when it is not or when asked for.
//!
//! Graphviz draws in two runs: `dot` lays the DOT of [`crate::emit::dot`]
//! out (`-Tdot`), which measures its shapes; [`crate::emit::arranged`]
//! puts them where the built-in layout places shapes of those sizes (a
//! diagram of changes: [`crate::emit::lanes`] restacks `dot`'s lanes in
//! reporting-line order instead), and `neato -n2` draws the result,
//! keeping every position and routing the edges that have none.

use graphviz_rust::cmd::{CommandArg, Format, Layout};

use crate::emit::diagram::{DiagramOptions, Direction};
use std::collections::BTreeMap;

use crate::emit::{arranged, channels, dot, labels, lanes, svg};
use crate::i18n::{Lang, Text};
use crate::model::{Process, Project};
use crate::text;

/// Which engine the user asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum EngineChoice {
    /// Graphviz when `dot` is on PATH, the built-in engine otherwise.
    #[default]
    Auto,
    /// Graphviz's `dot`; an error when it is not installed.
    Dot,
    /// The built-in pure-Rust layout (SVG only).
    Builtin,
}

/// The engine that draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// Graphviz's `dot`.
    Graphviz,
    /// The built-in layout.
    Builtin,
}

impl Engine {
    /// The size of step text in the engine's SVG, in SVG user units:
    /// Graphviz's default `fontsize` of 14 (its user unit is the point),
    /// the built-in layout's 13 (its user unit is the pixel).
    pub(crate) fn step_text_size(self) -> f64 {
        match self {
            Engine::Graphviz => 14.0,
            Engine::Builtin => crate::emit::svg::FONT as f64,
        }
    }

    /// How the engine is named to the user.
    pub fn name(self) -> &'static str {
        match self {
            Engine::Graphviz => "Graphviz dot",
            Engine::Builtin => "built-in layout",
        }
    }
}

/// A picture format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    /// Scalable vector graphics.
    Svg,
    /// A raster image.
    Png,
}

/// Why a diagram could not be drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RenderError {
    /// `--engine dot` was asked for but `dot` is not on PATH.
    GraphvizMissing,
    /// PNG was asked for without Graphviz.
    PngNeedsGraphviz,
    /// `dot` ran and failed.
    Graphviz {
        /// The process being drawn.
        process: String,
        /// What `dot` said.
        message: String,
    },
}

impl RenderError {
    /// What went wrong and what to do, in the reader's language.
    pub fn text(&self) -> Text {
        match self {
            RenderError::GraphvizMissing => text!("render-graphviz-missing"),
            RenderError::PngNeedsGraphviz => text!("render-png-needs-graphviz"),
            RenderError::Graphviz { process, message } => text!(
                "render-graphviz-failed",
                process = process.as_str(),
                message = message.trim()
            ),
        }
    }
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text().render(Lang::En))
    }
}

impl std::error::Error for RenderError {}

/// Whether Graphviz's `dot` runs.
pub fn graphviz_available() -> bool {
    std::process::Command::new("dot")
        .arg("-V")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

/// The engine to use for `choice`, looking for Graphviz when needed.
pub fn resolve(choice: EngineChoice) -> Result<Engine, RenderError> {
    match choice {
        EngineChoice::Builtin => Ok(Engine::Builtin),
        EngineChoice::Dot if graphviz_available() => Ok(Engine::Graphviz),
        EngineChoice::Dot => Err(RenderError::GraphvizMissing),
        EngineChoice::Auto if graphviz_available() => Ok(Engine::Graphviz),
        EngineChoice::Auto => Ok(Engine::Builtin),
    }
}

/// The most nodes a process may have for the automatic choice to draw it
/// with Graphviz. `dot`'s layout grows much faster than the process: 0.5 s
/// at 500 nodes, 2.3 s at 1,000, 10.8 s at 2,000 and minutes at 10,000 on
/// the project's machine, so larger processes go to the built-in layout
/// (for SVG; PNG has no other engine).
pub const GRAPHVIZ_AUTO_MAX_NODES: usize = 1_000;

/// The engine that draws `process` in `formats`: `engine`, except that
/// when Graphviz was chosen automatically (`automatic`) and only SVG is
/// wanted, a process of more than [`GRAPHVIZ_AUTO_MAX_NODES`] nodes goes to
/// the built-in layout.
pub fn engine_for(
    engine: Engine,
    automatic: bool,
    process: &Process,
    formats: &[ImageFormat],
) -> Engine {
    let too_large = process.nodes.len() > GRAPHVIZ_AUTO_MAX_NODES;
    let svg_only = formats.iter().all(|format| *format == ImageFormat::Svg);
    if engine == Engine::Graphviz && automatic && too_large && svg_only {
        Engine::Builtin
    } else {
        engine
    }
}

/// What to tell the user when [`engine_for`] left `process` to the
/// built-in layout.
pub(crate) fn left_to_builtin_note(process: &Process) -> crate::i18n::Text {
    crate::text!(
        "cli-note-left-to-builtin",
        process = process.name.as_str(),
        nodes = process.nodes.len().to_string(),
        most = GRAPHVIZ_AUTO_MAX_NODES.to_string()
    )
}

/// The picture of one process in `format`, drawn by `engine`.
pub fn image(
    project: &Project,
    process: &Process,
    options: DiagramOptions,
    engine: Engine,
    format: ImageFormat,
) -> Result<Vec<u8>, RenderError> {
    let mut images = images(project, process, options, engine, &[format])?;
    Ok(images.pop().unwrap_or_default())
}

/// The pictures of one process in each of `formats`, in that order, drawn
/// by `engine`. Graphviz lays the process out once for all of them.
pub fn images(
    project: &Project,
    process: &Process,
    options: DiagramOptions,
    engine: Engine,
    formats: &[ImageFormat],
) -> Result<Vec<Vec<u8>>, RenderError> {
    match engine {
        Engine::Builtin => formats
            .iter()
            .map(|format| match format {
                ImageFormat::Svg => Ok(svg::render(project, process, options).into_bytes()),
                ImageFormat::Png => Err(RenderError::PngNeedsGraphviz),
            })
            .collect(),
        Engine::Graphviz => draw_with_graphviz(
            dot::render(project, process, options),
            options.direction,
            formats,
            Some(&|sizes| svg::placement(project, process, options, sizes)),
        )
        .map_err(|message| RenderError::Graphviz {
            process: process.name.clone(),
            message,
        }),
    }
}

/// The SVG picture of a diagram of changes (`flowc diff --emit svg`):
/// `process` of `checked` with `marks`, drawn by `engine` with `options`.
pub fn marked_svg(
    checked: &crate::check::CheckedProject<'_>,
    process: &Process,
    marks: &crate::emit::marks::Marks,
    options: DiagramOptions,
    engine: Engine,
) -> Result<Vec<u8>, RenderError> {
    match engine {
        Engine::Builtin => {
            Ok(svg::render_marked(checked.project(), process, options, marks).into_bytes())
        }
        Engine::Graphviz => draw_with_graphviz(
            dot::marked_diagram(checked, process, marks, options),
            options.direction,
            &[ImageFormat::Svg],
            None,
        )
        .map(|mut images| images.pop().unwrap_or_default())
        .map_err(|message| RenderError::Graphviz {
            process: process.name.clone(),
            message,
        }),
    }
}

/// The SVG of a DOT text that is no process's diagram (`name` names it
/// in an error), drawn by `dot` as it is: no lanes to restack, no labels
/// to move.
pub(crate) fn plain_graphviz_svg(name: &str, text: String) -> Result<Vec<u8>, RenderError> {
    graphviz(text, Format::Svg, None).map_err(|message| RenderError::Graphviz {
        process: name.to_string(),
        message,
    })
}

/// Draws flowc's DOT of a process (from [`crate::emit::dot`], flowing in
/// `direction`) in each of `formats` with Graphviz: `dot` lays it out
/// once; given a `placement`, every shape, lane and edge is put where it
/// says for the shapes' sizes ([`arranged::arrange`]), else the lanes are
/// restacked in reporting-line order ([`lanes::restack`]); `neato -n2`
/// draws the result, routing the
/// edges between lanes that moved apart as curves around the nodes
/// (`splines=true`), or straight (`splines=false`) in a diagram too big for
/// that router ([`lanes::CURVED_ROUTING_NODES`]). Should the router fail
/// (Graphviz 2.43's aborts on some inputs), those edges are drawn straight
/// rather than not at all. Rejections between lanes are then redrawn along
/// the lane edges ([`channels::route_rejections`]). The routed edges' labels are then moved clear
/// of every edge and box ([`labels::place`]) before the drawing. The error
/// is what Graphviz said, or why its layout could not be read.
pub(crate) fn draw_with_graphviz(
    text: String,
    direction: Direction,
    formats: &[ImageFormat],
    placement: Option<&Placer<'_>>,
) -> Result<Vec<Vec<u8>>, String> {
    let laid_out = graphviz(text, Format::Dot, None)?;
    let laid_out = String::from_utf8_lossy(&laid_out);
    let restacked = match placement {
        Some(place) => arranged::sizes(&laid_out)
            .and_then(|sizes| arranged::arrange(&laid_out, &place(&sizes), direction)),
        None => lanes::restack(&laid_out, direction),
    }
    .map_err(|error| error.to_string())?;
    let splines = if restacked.curved { "true" } else { "false" };
    let routed = match graphviz(restacked.dot.clone(), Format::Dot, Some(splines)) {
        Err(curved) if restacked.curved => {
            graphviz(restacked.dot.clone(), Format::Dot, Some("false"))
                .map_err(|straight| format!("{curved}; with straight edges: {straight}"))?
        }
        routed => routed?,
    };
    let along_edges = channels::route_rejections(&String::from_utf8_lossy(&routed), direction)
        .map_err(|error| error.to_string())?;
    let placed = labels::place(&along_edges, direction).map_err(|error| error.to_string())?;
    formats
        .iter()
        .map(|format| {
            let format = match format {
                ImageFormat::Svg => Format::Svg,
                ImageFormat::Png => Format::Png,
            };
            graphviz(placed.clone(), format, Some(splines))
        })
        .collect()
}

/// Where the built-in layout puts a process's shapes given the sizes
/// Graphviz draws them at ([`svg::placement`]).
pub(crate) type Placer<'a> = dyn Fn(&BTreeMap<String, (f64, f64)>) -> arranged::Placement + 'a;

/// Runs Graphviz on `text`: `dot` lays it out, or, given how to draw the
/// edges that have no position (`splines`), `neato -n2` draws it where it
/// already is.
fn graphviz(text: String, format: Format, splines: Option<&str>) -> Result<Vec<u8>, String> {
    let mut args = vec![CommandArg::Format(format)];
    if let Some(splines) = splines {
        args.push(CommandArg::Layout(Layout::Neato));
        args.push(CommandArg::Custom("-n2".to_string()));
        args.push(CommandArg::Custom(format!("-Gsplines={splines}")));
    }
    graphviz_rust::exec_dot(text, args).map_err(|error| error.to_string())
}
