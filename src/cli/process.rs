//! What `flowc sim` and `flowc conform` share: the one process of a checked
//! project they work on.

use std::path::Path;

use crate::analysis::Analysis;
use crate::check;
use crate::diagnostics::{self, Severity};
use crate::ir;
use crate::sim;

use super::output::{say, stderr_text};
use super::{EXIT_CANNOT_RUN, EXIT_ERRORS, analyse_paths, stderr_style};
use crate::i18n::Text;
use crate::text;

/// Analyses the project at `path`, checks it, and runs `work` on the IR of
/// its process `process`, with the IR of every process of the project (the
/// processes it may call) and the project's analysis (its calendar, its
/// `flowc.toml` settings). A project with
/// errors exits 1 saying that nothing was `done` ("simulated"); an unknown
/// process exits 2 listing the processes.
pub(super) fn with_process(
    path: &Path,
    process: &str,
    done: &str,
    work: impl FnOnce(&ir::ProcessDocument, &sim::Library<'_>, &Analysis) -> u8,
) -> u8 {
    let analyses = match analyse_paths(&[path.to_path_buf()], super::today(None)) {
        Ok(analyses) => analyses,
        Err(code) => return code,
    };
    let Some(analysis) = analyses.first() else {
        say(
            text!("cli-no-project", path = path.display().to_string()),
            super::language(None),
        );
        return EXIT_CANNOT_RUN;
    };
    let lang = super::language(analysis.lang);
    let Some(checked) = check::verify(&analysis.project, &analysis.diagnostics) else {
        let errors: Vec<_> = analysis
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .cloned()
            .collect();
        stderr_text!(
            "{}",
            diagnostics::render_human(&errors, &analysis.project.files, stderr_style(), lang)
        );
        say(text!("cli-project-has-errors", done = done), lang);
        return EXIT_ERRORS;
    };
    let documents = ir::documents(&checked);
    let Some((_, document)) = documents.iter().find(|(name, _)| name == process) else {
        let names: Vec<&str> = documents.iter().map(|(name, _)| name.as_str()).collect();
        let guess = check::closest(process, &names).map_or_else(
            || Text::verbatim(""),
            |name| text!("cli-did-you-mean", name = name),
        );
        let names: Vec<Text> = names.into_iter().map(Text::verbatim).collect();
        say(
            text!(
                "cli-no-such-process",
                process = process,
                guess = guess,
                names = names
            ),
            lang,
        );
        return EXIT_CANNOT_RUN;
    };
    let library = sim::Library::new(documents.iter().map(|(_, document)| document));
    work(document, &library, analysis)
}
