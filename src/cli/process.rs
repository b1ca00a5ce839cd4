//! What `flowc sim` and `flowc conform` share: the one process of a checked
//! project they work on.

use std::path::Path;

use crate::analysis::Analysis;
use crate::check;
use crate::diagnostics::{self, Severity};
use crate::ir;
use crate::sim;

use super::output::{stderr_line, stderr_text};
use super::{EXIT_CANNOT_RUN, EXIT_ERRORS, analyse_paths, stderr_style};

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
        stderr_line!("error: no project at {}", path.display());
        return EXIT_CANNOT_RUN;
    };
    let Some(checked) = check::verify(&analysis.project, &analysis.diagnostics) else {
        let errors: Vec<_> = analysis
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .cloned()
            .collect();
        stderr_text!(
            "{}",
            diagnostics::render_human(
                &errors,
                &analysis.project.files,
                stderr_style(),
                super::language(analysis.lang)
            )
        );
        stderr_line!("error: the project has errors; nothing was {done}");
        return EXIT_ERRORS;
    };
    let documents = ir::documents(&checked);
    let Some((_, document)) = documents.iter().find(|(name, _)| name == process) else {
        let names: Vec<&str> = documents.iter().map(|(name, _)| name.as_str()).collect();
        let guess = check::closest(process, &names)
            .map(|name| format!(" (did you mean `{name}`?)"))
            .unwrap_or_default();
        stderr_line!(
            "error: --process {process}: no process of that name{guess}; the processes are: {}",
            names.join(", ")
        );
        return EXIT_CANNOT_RUN;
    };
    let library = sim::Library::new(documents.iter().map(|(_, document)| document));
    work(document, &library, analysis)
}
