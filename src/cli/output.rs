//! Writing to standard output and standard error.
//!
//! A reader that goes away (`flowc check | head -1`) is not flowc's failure:
//! the rest of the text is dropped and the command's own exit code stands.
//! Any other failure to write standard output (a full disk under
//! `> report.json`) is an error, so a report is never silently cut short.

use std::io::{ErrorKind, Write};

/// Writes a line to standard error, control characters other than tabs
/// and line feeds replaced by `?` (the paths and names it quotes come from
/// the project: an escape sequence in a file name must not reach the
/// terminal). A failure is ignored: there is nowhere left to report it.
macro_rules! stderr_line {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let line = format!($($arg)*);
        let _ = writeln!(
            std::io::stderr(),
            "{}",
            $crate::diagnostics::printable_line(&line)
        );
    }};
}

/// Writes text to standard error, like [`stderr_line!`] without the line end.
macro_rules! stderr_text {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stderr(), $($arg)*);
    }};
}

use super::EXIT_CANNOT_RUN;
use crate::i18n::{Lang, Text};
use crate::text;

/// Writes `message` in `lang` to standard error, as [`stderr_line!`] does.
pub fn say(message: Text, lang: Lang) {
    stderr_line!("{}", message.render(lang));
}

/// Writes `text` to standard output and returns `code`; when standard output
/// cannot be written (other than a closed pipe), says so on standard error
/// and returns [`EXIT_CANNOT_RUN`].
pub fn print(text: &str, code: u8) -> u8 {
    written(
        write_stdout(|stdout| stdout.write_all(text.as_bytes())),
        code,
    )
}

/// Writes `value` to standard output as pretty-printed JSON and a line end,
/// streamed rather than built whole first (a conformance report of a
/// million events is tens of megabytes); returns `code` as [`print`] does.
pub fn print_json(value: &impl serde::Serialize, code: u8) -> u8 {
    written(
        write_stdout(|stdout| {
            serde_json::to_writer_pretty(&mut *stdout, value)?;
            stdout.write_all(b"\n")
        }),
        code,
    )
}

/// Runs `write` on buffered standard output and flushes it.
fn write_stdout(
    write: impl FnOnce(&mut std::io::BufWriter<std::io::StdoutLock<'static>>) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut stdout = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    write(&mut stdout)?;
    stdout.flush()
}

/// `code` when the output was written or its reader went away, else
/// [`EXIT_CANNOT_RUN`] with the reason on standard error.
fn written(result: std::io::Result<()>, code: u8) -> u8 {
    match result {
        Ok(()) => code,
        Err(error) if error.kind() == ErrorKind::BrokenPipe => code,
        Err(error) => {
            say(
                text!("cli-cannot-write-stdout", error = error.to_string()),
                super::language(None),
            );
            EXIT_CANNOT_RUN
        }
    }
}

pub(crate) use {stderr_line, stderr_text};
