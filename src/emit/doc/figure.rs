//! How a diagram sits in a handbook page, on screen and on paper.
//!
//! On screen the diagram is never shrunk below the width at which its step
//! text is 12 px: a wide diagram scrolls inside its frame (that is the pan)
//! and a row of zoom choices, plain radio buttons styled by CSS (the site
//! has no script), shows the whole picture, 100 % or 200 %.
//!
//! On paper (A4) step text is never smaller than 7 pt: a diagram that fits
//! a portrait page at that size is printed on one, then one that fits a
//! landscape page; a larger one is cut into a grid of overlapping
//! landscape pages, each a window on the same drawing (`<use>` of the
//! diagram, so nothing is drawn twice), the overlap as wide as a step box,
//! so every box is whole on at least one page, and each page says which
//! part it is and where the drawing continues. Cutting along rows of an
//! left-to-right diagram keeps every lane a band across its pages.

use std::fmt::Write;

use crate::emit::render::Engine;
use crate::emit::svg::escape;
use crate::i18n::{Lang, Text};
use crate::text;

/// The id of the diagram's root `<svg>` in a page (one diagram a page).
pub const DIAGRAM_ID: &str = "flowc-diagram";

/// Step text is at least this many CSS pixels on screen.
const SCREEN_TEXT_PX: f64 = 12.0;
/// Step text is at least this many points on paper.
const PRINT_TEXT_PT: f64 = 7.0;
/// CSS pixels in a millimetre.
const PX_PER_MM: f64 = 96.0 / 25.4;
/// Room for the diagram on an A4 page in portrait, in mm (the page's
/// margins, a heading and a caption taken off).
const PORTRAIT_MM: (f64, f64) = (186.0, 235.0);
/// The same in landscape.
const LANDSCAPE_MM: (f64, f64) = (273.0, 150.0);
/// Neighbouring print pages overlap by this share of a page's window.
const OVERLAP: f64 = 0.15;

/// A diagram's size, read from its root `<svg>` element.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DiagramSize {
    /// Width at 100 %, in CSS pixels.
    pub width_px: f64,
    /// Height at 100 %, in CSS pixels.
    pub height_px: f64,
    /// Step text at 100 %, in CSS pixels.
    pub step_text_px: f64,
}

impl DiagramSize {
    /// Reads the size of `svg` (Graphviz writes points, the built-in
    /// layout pixels), `None` when its root element has no usable width,
    /// height and viewBox.
    pub fn of(svg: &str, engine: Engine) -> Option<DiagramSize> {
        let start = svg.find("<svg")?;
        let tag = &svg[start..start + svg[start..].find('>')?];
        let width_px = length_px(attribute(tag, "width")?)?;
        let height_px = length_px(attribute(tag, "height")?)?;
        let view_width: f64 = attribute(tag, "viewBox")?
            .split([' ', ','])
            .filter(|part| !part.is_empty())
            .nth(2)?
            .parse()
            .ok()?;
        (width_px > 0.0 && height_px > 0.0 && view_width > 0.0).then(|| DiagramSize {
            width_px,
            height_px,
            step_text_px: engine.step_text_size() * width_px / view_width,
        })
    }

    /// The narrowest width at which step text is still 12 px.
    pub(crate) fn legible_width_px(&self) -> f64 {
        self.width_px * SCREEN_TEXT_PX / self.step_text_px
    }

    /// The pages the diagram prints on.
    pub(crate) fn print_plan(&self) -> PrintPlan {
        // Page pixels per diagram pixel at which step text is 7 pt.
        let least_scale = PRINT_TEXT_PT / (self.step_text_px * 0.75);
        let window = |(width, height): (f64, f64)| {
            (
                width * PX_PER_MM / least_scale,
                height * PX_PER_MM / least_scale,
            )
        };
        let portrait = window(PORTRAIT_MM);
        if self.width_px <= portrait.0 && self.height_px <= portrait.1 {
            return PrintPlan::single(Orientation::Portrait, self);
        }
        let landscape = window(LANDSCAPE_MM);
        if self.width_px <= landscape.0 && self.height_px <= landscape.1 {
            return PrintPlan::single(Orientation::Landscape, self);
        }
        let columns = cuts(self.width_px, landscape.0);
        let rows = cuts(self.height_px, landscape.1);
        let mut windows = Vec::new();
        for row in &rows {
            for column in &columns {
                windows.push(Window {
                    x: column.0,
                    y: row.0,
                    width: column.1,
                    height: row.1,
                });
            }
        }
        PrintPlan {
            orientation: Orientation::Landscape,
            columns: columns.len(),
            windows,
        }
    }

    /// The step text size in points when `window` fills its page.
    pub(crate) fn printed_text_pt(&self, orientation: Orientation, window: &Window) -> f64 {
        let (width, height) = orientation.room_mm();
        let scale = (width * PX_PER_MM / window.width).min(height * PX_PER_MM / window.height);
        self.step_text_px * 0.75 * scale
    }
}

/// Which way up a print page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    /// A4 upright.
    Portrait,
    /// A4 on its side.
    Landscape,
}

impl Orientation {
    /// The room for the diagram on the page, in mm.
    pub(crate) fn room_mm(self) -> (f64, f64) {
        match self {
            Orientation::Portrait => PORTRAIT_MM,
            Orientation::Landscape => LANDSCAPE_MM,
        }
    }

    fn class(self) -> &'static str {
        match self {
            Orientation::Portrait => "portrait",
            Orientation::Landscape => "landscape",
        }
    }
}

/// The part of the drawing one print page shows, in CSS pixels of the
/// diagram at 100 %.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Window {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

/// The print pages of a diagram, row by row.
#[derive(Debug, Clone, PartialEq)]
pub struct PrintPlan {
    /// Which way up every page is.
    pub orientation: Orientation,
    /// Pages in a row of the grid.
    pub columns: usize,
    /// Each page's window, row by row.
    pub windows: Vec<Window>,
}

impl PrintPlan {
    fn single(orientation: Orientation, size: &DiagramSize) -> PrintPlan {
        PrintPlan {
            orientation,
            columns: 1,
            windows: vec![Window {
                x: 0.0,
                y: 0.0,
                width: size.width_px,
                height: size.height_px,
            }],
        }
    }
}

/// Equal overlapping windows of at most `most` covering `0..total`, as
/// (start, length).
fn cuts(total: f64, most: f64) -> Vec<(f64, f64)> {
    if total <= most {
        return vec![(0.0, total)];
    }
    let overlap = most * OVERLAP;
    let count = ((total - overlap) / (most - overlap)).ceil().max(1.0);
    let length = (total + (count - 1.0) * overlap) / count;
    (0..count as usize)
        .map(|index| (index as f64 * (length - overlap), length))
        .collect()
}

/// The value of `name="..."` in a tag.
fn attribute<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let needle = format!(" {name}=\"");
    let from = tag.find(&needle)? + needle.len();
    let to = from + tag[from..].find('"')?;
    Some(&tag[from..to])
}

/// A length of SVG's root element in CSS pixels: points or pixels.
fn length_px(text: &str) -> Option<f64> {
    let (number, factor) = match text.strip_suffix("pt") {
        Some(number) => (number, 4.0 / 3.0),
        None => (text.strip_suffix("px").unwrap_or(text), 1.0),
    };
    number
        .trim()
        .parse::<f64>()
        .ok()
        .map(|value| value * factor)
}

/// The diagram section of a process page: the zoomable screen view and
/// the print pages.
pub fn section(svg: &str, engine: Engine, lang: Lang) -> String {
    let svg = with_id(svg);
    let heading = escape(&text!("handbook-diagram-heading").render(lang));
    let Some(size) = DiagramSize::of(&svg, engine) else {
        return format!(
            "<section id=\"diagram\"><h2>{heading}</h2><figure class=\"diagram\">{svg}</figure></section>"
        );
    };
    let mut html = format!("<section id=\"diagram\"><h2>{heading}</h2>\n");
    let _ = write!(
        html,
        "<div class=\"diagram-view\" style=\"--natural: {:.0}px; --legible: {:.0}px\">\n{}<figure class=\"diagram\">{svg}</figure>\n</div>\n",
        size.width_px,
        size.legible_width_px(),
        zoom_choices(lang)
    );
    print_pages(&mut html, &size, lang);
    html.push_str("</section>");
    html
}

/// The zoom choices: radio buttons the CSS reads (no script).
fn zoom_choices(lang: Lang) -> String {
    let words = |id: &'static str| escape(&Text::new(id).render(lang));
    let choices = [
        ("legible", words("handbook-zoom-legible"), true),
        ("whole", words("handbook-zoom-whole"), false),
        ("full", "100 %".to_string(), false),
        ("double", "200 %".to_string(), false),
    ];
    let mut html = format!("<p class=\"zoom\">{}", words("handbook-zoom"));
    for (id, text, checked) in choices {
        let _ = write!(
            html,
            "<input type=\"radio\" name=\"zoom\" id=\"zoom-{id}\"{}><label for=\"zoom-{id}\">{text}</label> ",
            if checked { " checked" } else { "" }
        );
    }
    let _ = writeln!(
        html,
        "<span class=\"hint\">{}</span></p>",
        words("handbook-zoom-hint")
    );
    html
}

/// The print pages: windows on the diagram, one a page.
fn print_pages(html: &mut String, size: &DiagramSize, lang: Lang) {
    let plan = size.print_plan();
    let count = plan.windows.len();
    let _ = writeln!(html, "<div class=\"print-pages\" data-pages=\"{count}\">");
    for (index, window) in plan.windows.iter().enumerate() {
        let caption = caption(index, count, plan.columns, lang);
        let _ = writeln!(
            html,
            "<figure class=\"print-page {}\" data-text-pt=\"{:.1}\"><svg viewBox=\"{:.0} {:.0} {:.0} {:.0}\" preserveAspectRatio=\"xMinYMin meet\" role=\"img\"><use href=\"#{DIAGRAM_ID}\" width=\"{:.0}\" height=\"{:.0}\"/></svg>{caption}</figure>",
            plan.orientation.class(),
            size.printed_text_pt(plan.orientation, window),
            window.x,
            window.y,
            window.width,
            window.height,
            size.width_px,
            size.height_px,
        );
    }
    html.push_str("</div>\n");
}

/// "Part 2 of 4 (row 1, column 2): continues to the right."
fn caption(index: usize, count: usize, columns: usize, lang: Lang) -> String {
    if count == 1 {
        return String::new();
    }
    let (row, column) = (index / columns, index % columns);
    let rows = count.div_ceil(columns);
    let continues = match (column + 1 < columns, row + 1 < rows) {
        (true, true) => "both",
        (true, false) => "right",
        (false, true) => "below",
        (false, false) => "last",
    };
    let caption = text!(
        "handbook-print-caption",
        part = index + 1,
        count = count,
        row = row + 1,
        column = column + 1,
        continues = continues
    );
    // The catalogue's words hold no markup (and English has an
    // apostrophe kept as written).
    format!("<figcaption>{}</figcaption>", caption.render(lang))
}

/// The SVG with the id print pages refer to on its root element.
fn with_id(svg: &str) -> String {
    match svg.find("<svg") {
        Some(start) => format!(
            "{}<svg id=\"{DIAGRAM_ID}\"{}",
            &svg[..start],
            &svg[start + 4..]
        ),
        None => svg.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn size(width_px: f64, height_px: f64) -> DiagramSize {
        DiagramSize {
            width_px,
            height_px,
            step_text_px: 13.0,
        }
    }

    #[test]
    fn sizes_are_read_in_points_and_pixels() {
        let graphviz = "<svg width=\"300pt\" height=\"150pt\"\n viewBox=\"0.00 0.00 300.00 150.00\" xmlns=\"http://www.w3.org/2000/svg\">";
        let size = DiagramSize::of(graphviz, Engine::Graphviz).expect("a size");
        assert_eq!((size.width_px, size.height_px), (400.0, 200.0));
        assert!((size.step_text_px - 14.0 * 4.0 / 3.0).abs() < 1e-9);
        let builtin = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"2244\" height=\"955\" viewBox=\"0 0 2244 955\">";
        let size = DiagramSize::of(builtin, Engine::Builtin).expect("a size");
        assert_eq!(size.step_text_px, 13.0);
        assert_eq!(
            DiagramSize::of("<svg width=\"100%\">", Engine::Builtin),
            None
        );
    }

    #[test]
    fn a_small_diagram_prints_on_one_portrait_page() {
        let plan = size(600.0, 400.0).print_plan();
        assert_eq!(plan.orientation, Orientation::Portrait);
        assert_eq!(plan.windows.len(), 1);
    }

    #[test]
    fn a_wide_diagram_prints_landscape_then_on_overlapping_pages() {
        let wide = size(1200.0, 400.0);
        let plan = wide.print_plan();
        assert_eq!(plan.orientation, Orientation::Landscape);
        assert_eq!(plan.windows.len(), 1);
        let huge = size(6000.0, 900.0);
        let plan = huge.print_plan();
        assert!(plan.windows.len() > 2, "{plan:?}");
        for window in &plan.windows {
            let text = huge.printed_text_pt(plan.orientation, window);
            assert!(text >= PRINT_TEXT_PT - 1e-9, "{text} pt in {window:?}");
        }
        let right = plan.windows[..plan.columns]
            .last()
            .map(|window| window.x + window.width)
            .expect("a window");
        assert!(
            (right - 6000.0).abs() < 1e-6,
            "the windows reach the right edge"
        );
        for pair in plan.windows[..plan.columns].windows(2) {
            assert!(pair[1].x < pair[0].x + pair[0].width, "neighbours overlap");
        }
    }

    #[test]
    fn every_printed_page_keeps_text_at_seven_points() {
        for (width, height) in [
            (300.0, 200.0),
            (900.0, 1400.0),
            (2600.0, 1200.0),
            (9000.0, 5000.0),
        ] {
            let diagram = size(width, height);
            let plan = diagram.print_plan();
            for window in &plan.windows {
                let text = diagram.printed_text_pt(plan.orientation, window);
                assert!(text >= PRINT_TEXT_PT - 1e-9, "{width}x{height}: {text} pt");
            }
        }
    }

    #[test]
    fn captions_say_where_the_drawing_continues() {
        assert_eq!(caption(0, 1, 1, Lang::En), "");
        assert!(
            caption(0, 4, 2, Lang::En)
                .contains("Part 1 of 4 (row 1, column 1): continues to the right")
        );
        assert!(caption(3, 4, 2, Lang::En).contains("the last part"));
    }
}
