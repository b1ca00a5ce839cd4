//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};

use flowc::analysis::{self, Analysis};
use flowc::source;

/// The room an edge label keeps from a lane's title in every direction,
/// besides staying out of the lane's header: the same 4 units (points in
/// Graphviz's pictures, pixels in the built-in engine's) in both engines'
/// measures.
pub const TITLE_ROOM: f64 = 4.0;

/// The date the tests take as today, so no result depends on the clock.
pub fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 28).expect("a valid date")
}

/// The crate's root directory.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A temporary copy of the expense-claim example project (its org, its
/// process and its `flowc.toml`), for tests that change or serve it.
pub fn expense_claim_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in ["org.flow", "expense-claim.flow", "flowc.toml"] {
        std::fs::copy(repo().join("examples").join(name), dir.path().join(name))
            .expect("copy example");
    }
    dir
}

/// The `examples/` project, analysed.
pub fn examples() -> Analysis {
    analyse(&repo().join("examples"))
}

/// The examples (named "") and each diagram fixture of
/// `tests/fixtures/diagram/` as a project of its own (named after its
/// file, "stem: "), analysed.
pub fn diagram_projects() -> Vec<(String, Analysis)> {
    let mut projects = vec![(String::new(), examples())];
    let fixtures = repo().join("tests/fixtures/diagram");
    let mut paths: Vec<_> = std::fs::read_dir(&fixtures)
        .expect("tests/fixtures/diagram")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "flow"))
        .collect();
    paths.sort();
    for path in paths {
        let dir = tempfile::tempdir().expect("a temporary directory");
        std::fs::copy(&path, dir.path().join("process.flow")).expect("copy the fixture");
        let stem = path
            .file_stem()
            .map_or_else(String::new, |stem| format!("{}: ", stem.to_string_lossy()));
        projects.push((stem, analyse(dir.path())));
    }
    projects
}

/// The project at `path`, analysed.
pub fn analyse(path: &Path) -> Analysis {
    let mut projects = source::load(&[path.to_path_buf()]).expect("the project loads");
    assert_eq!(projects.len(), 1, "one project");
    analysis::analyse(projects.remove(0), today()).expect("the configuration is valid")
}

/// A command's standard output as text.
pub fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A command's standard error as text.
pub fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Whether Graphviz's `dot`, which some tests need, is on PATH. Outside CI
/// a missing `dot` skips those tests with a note; when `CI` is set (as
/// `.ci/run` runs) it fails them, so a CI run without Graphviz cannot pass
/// by skipping.
pub fn graphviz_for_test(what: &str) -> bool {
    if flowc::emit::render::graphviz_available() {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{what} needs Graphviz's `dot`, which is not on PATH, and CI is set: install Graphviz (Debian: apt-get install graphviz), as .ci/run does"
    );
    eprintln!("note: Graphviz's `dot` is not on PATH; skipping {what}");
    false
}

/// The bodies of the fenced blocks of `language` in `markdown`.
pub fn fenced_blocks(markdown: &str, language: &str) -> Vec<String> {
    let opening = format!("```{language}\n");
    let mut blocks = Vec::new();
    let mut rest = markdown;
    while let Some(start) = rest.find(&opening) {
        let body = &rest[start + opening.len()..];
        let end = body.find("```").expect("every fence is closed");
        blocks.push(body[..end].to_string());
        rest = &body[end + 3..];
    }
    blocks
}

/// The log `generation` makes of `document`, one of the project's
/// `documents` (the processes it may call).
pub fn generated_log(
    documents: &[(String, flowc::ir::ProcessDocument)],
    document: &flowc::ir::ProcessDocument,
    calendar: &flowc::model::calendar::Calendar,
    generation: &flowc::conform::Generation,
) -> Vec<u8> {
    let library = flowc::sim::Library::new(documents.iter().map(|(_, document)| document));
    let mut log = Vec::new();
    flowc::conform::generate(document, &library, calendar, generation, &mut log)
        .unwrap_or_else(|error| panic!("{}: {error}", document.process.name));
    log
}

/// Calls `each` with the report of a generated CSV log of 60 cases (with
/// deviations at `deviate`) for every process of `examples/`, with its
/// document and calendar; returns how many processes it checked.
pub fn each_generated_report(
    deviate: f64,
    mut each: impl FnMut(
        &str,
        &flowc::ir::ProcessDocument,
        &flowc::model::calendar::Calendar,
        flowc::conform::ProcessReport,
    ),
) -> usize {
    let analysis = examples();
    let checked = flowc::check::verify(&analysis.project, &analysis.diagnostics).expect("clean");
    let start = chrono::NaiveDate::from_ymd_opt(2026, 1, 5)
        .and_then(|date| date.and_hms_opt(9, 0, 0))
        .expect("a time");
    let documents = flowc::ir::documents(&checked);
    for (name, document) in &documents {
        let generation = flowc::conform::Generation {
            cases: 60,
            seed: 7,
            start,
            deviate,
            format: flowc::conform::GeneratedFormat::Csv,
        };
        let log = generated_log(&documents, document, &analysis.calendar, &generation);
        let checker = flowc::conform::Checker::new(document, &analysis.calendar, None, None);
        let mut session = checker.session();
        flowc::conform::read_csv(
            log.as_slice(),
            &flowc::conform::ColumnMapping::default(),
            |case, attributes, event| {
                session.event(case, &attributes, event);
                Ok(())
            },
        )
        .expect("the generated CSV reads");
        each(name, document, &analysis.calendar, session.report());
    }
    documents.len()
}

/// `flowc conform PROJECT --lang en --process PROCESS --log LOG --staff
/// STAFF EXTRA...` through the real binary (in English, whatever the
/// project's `lang`), the log and the staff directory
/// taken from `tests/fixtures/conform/`.
pub fn conform_fixture(
    project: &str,
    process: &str,
    (log, staff): (&str, &str),
    extra: &[&std::ffi::OsStr],
) -> std::process::Output {
    let fixtures = repo().join("tests/fixtures/conform");
    flowc_command()
        .current_dir(repo())
        .args([
            "conform",
            project,
            "--lang",
            "en",
            "--process",
            process,
            "--log",
        ])
        .arg(fixtures.join(log))
        .arg("--staff")
        .arg(fixtures.join(staff))
        .args(extra)
        .env("NO_COLOR", "1")
        .output()
        .expect("flowc runs")
}

/// The flowc binary as a command, with the locale variables removed: a
/// test reads the language it asks for (`--lang`, `lang` in flowc.toml),
/// never the one of the machine it runs on.
pub fn flowc_command() -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_flowc"));
    for variable in ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"] {
        command.env_remove(variable);
    }
    command
}

/// The words of `text` that are English and not the user's: runs of ASCII
/// letters (two or more) that are not a name the user wrote in the
/// project's files (an identifier, a currency code) nor in
/// [`NOT_ENGLISH`]. The words of the language itself (its keywords, its
/// units of time) count as English: `otherwise` or `business days` in a
/// Chinese diagram are flowc's words, not the user's. For a Chinese
/// output, this is every word flowc wrote without the catalogue.
pub fn english_words(text: &str, project: &Path) -> std::collections::BTreeSet<String> {
    let users = words_of_project(project);
    let language = |word: &str| {
        flowc::syntax::keywords::KEYWORDS.contains(&word) || LANGUAGE_WORDS.contains(&word)
    };
    ascii_words(text)
        .into_iter()
        .filter(|word| {
            (!users.contains(word) || language(word)) && !NOT_ENGLISH.contains(&word.as_str())
        })
        .collect()
}

/// Words of the `.flow` language that are not keywords of its grammar:
/// units of time, the values of `yes/no`, the types of inputs.
const LANGUAGE_WORDS: &[&str] = &[
    "minute", "minutes", "hour", "hours", "day", "days", "business", "week", "weeks", "month",
    "months", "year", "years", "yes", "no", "number", "text", "date",
];

/// Words that read the same in Chinese text: names of products, formats
/// and units that Chinese writing keeps in Latin letters.
pub const NOT_ENGLISH: &[&str] = &[
    "flowc",
    "SLA",
    "KPI",
    "CNY",
    "RMB",
    "BPMN",
    "JSON",
    "SVG",
    "PNG",
    "DOT",
    "HTML",
    "PDF",
    "SARIF",
    "CSV",
    "XES",
    "Graphviz",
    "UTF",
    "ID",
    "id",
    "p50",
    "p90",
    "p95",
    "px",
    "pt",
    "A4",
    "toml",
    "flow",
    "md",
    "svg",
    "png",
    "html",
    "json",
    "dot",
    "bpmn",
    "utf",
    "http",
    "https",
    "FEEL",
    "Zeebe",
    "Python",
    "SpiffWorkflow",
];

/// Every ASCII word of every `.flow` and `.toml` file under `project`.
fn words_of_project(project: &Path) -> std::collections::BTreeSet<String> {
    let mut words = std::collections::BTreeSet::new();
    let mut folders = vec![project.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if path
                .extension()
                .is_some_and(|ext| ext == "flow" || ext == "toml")
            {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                words.extend(ascii_words(&text));
            }
        }
    }
    words
}

/// The runs of two or more ASCII letters (with digits and `_` inside an
/// identifier) in `text`.
fn ascii_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_alphanumeric() || c == '_' {
            current.push(c);
        } else {
            let letters = current.chars().filter(char::is_ascii_alphabetic).count();
            if letters >= 2 {
                words.push(std::mem::take(&mut current));
            }
            current.clear();
        }
    }
    words
}

/// The text a person reads in an HTML, SVG or XML document: the text
/// between tags, comments, scripts and styles left out, and the values of
/// `title`, `alt` and `aria-label` attributes, with character references
/// decoded.
pub fn readable_text(markup: &str) -> String {
    let mut out = String::new();
    let mut rest = markup;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        out.push(' ');
        let tag_and_after = &rest[open..];
        let skip_to = |closing: &str| {
            tag_and_after
                .find(closing)
                .map_or(tag_and_after.len(), |at| at + closing.len())
        };
        let consumed = if tag_and_after.starts_with("<!--") {
            skip_to("-->")
        } else if tag_and_after.starts_with("<style") {
            skip_to("</style>")
        } else if tag_and_after.starts_with("<script") {
            skip_to("</script>")
        } else {
            let end = skip_to(">");
            let tag = &tag_and_after[..end];
            for attribute in ["title=\"", "alt=\"", "aria-label=\""] {
                if let Some(at) = tag.find(attribute) {
                    let value = &tag[at + attribute.len()..];
                    out.push_str(value.split('"').next().unwrap_or_default());
                    out.push(' ');
                }
            }
            end
        };
        rest = &tag_and_after[consumed..];
    }
    out.push_str(rest);
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The `EPOCH.VERSION` a page of `flowc watch`'s live handbook was served
/// at (what its event stream asks about).
pub fn served_at(page: &str) -> String {
    let start = page
        .find("/events?v=")
        .expect("the page listens for rebuilds")
        + 10;
    let end = start + page[start..].find('\'').expect("the tag ends");
    page[start..end].to_string()
}

/// The Graphviz SVG of one process (flowc's own pipeline: `dot` lays out,
/// flowc restacks the lanes and places the labels).
pub fn graphviz_svg(
    project: &flowc::model::Project,
    process: &flowc::model::Process,
    options: flowc::emit::diagram::DiagramOptions,
) -> String {
    use flowc::emit::render::{self, Engine, ImageFormat};
    let bytes = render::image(
        project,
        process,
        options,
        Engine::Graphviz,
        ImageFormat::Svg,
    )
    .unwrap_or_else(|error| panic!("{}: {error}", process.name));
    String::from_utf8(bytes).expect("UTF-8 SVG")
}

/// Every `.flow` file of the examples and the test fixtures, sorted.
pub fn flow_files() -> Vec<PathBuf> {
    let root = repo();
    let mut files = Vec::new();
    collect_flow_files(&root.join("examples"), &mut files);
    collect_flow_files(&root.join("tests/fixtures"), &mut files);
    files.sort();
    files
}

/// Adds the `.flow` files under `dir` to `files`.
fn collect_flow_files(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a readable directory") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            collect_flow_files(&path, files);
        } else if path.extension().is_some_and(|ext| ext == "flow") {
            files.push(path);
        }
    }
}
