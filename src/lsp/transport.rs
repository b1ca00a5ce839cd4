//! flowc's own framing of LSP messages over a byte stream, in place of
//! `lsp_server::Connection::stdio()`.
//!
//! lsp-server's reader ends (and with it the server) on the first message
//! it cannot read: malformed JSON, a lone UTF-16 surrogate escape
//! (`"\ud800"`, which serde_json rejects and which VS Code can send, as
//! JavaScript strings may hold one), a header it does not expect, or a
//! `Content-Length` it tries to allocate. This reader answers every such
//! message with a JSON-RPC error and goes on:
//!
//! - headers: any number of `Name: value` lines up to an empty line, names
//!   in any case, `\r\n` or `\n` line ends; only `Content-Length` is used,
//!   others (such as `Content-Type`) are ignored. A header line is at most
//!   [`MAX_HEADER_LINE_BYTES`] long, a header block at most
//!   [`MAX_HEADER_LINES`] lines.
//! - a body is at most [`MAX_MESSAGE_BYTES`] long (twice the largest file
//!   flowc reads, so any file's text fits with JSON escaping). A longer
//!   `Content-Length` is answered with an error and the body is not read.
//! - after any framing error (a header that cannot be read, a missing or
//!   too large `Content-Length`) the reader skips input up to the next
//!   `Content-Length` header and reads on from there.
//! - a body that is not UTF-8 or not JSON is answered with `-32700 Parse
//!   error` (id null); JSON that is not a request, notification or
//!   response is answered with `-32600 Invalid Request` (with its id when
//!   it has a usable one, else null). A malformed response from the client
//!   is logged with `window/logMessage` (a response cannot be answered).
//! - a lone surrogate escape in a JSON string is replaced by `\uFFFD`
//!   (U+FFFD REPLACEMENT CHARACTER) before parsing. Like the surrogate, it
//!   is one UTF-16 code unit, so the positions the editor sends later still
//!   fall where the editor means them.
//!
//! Messages that can be read are handed to the server as lsp-server's own
//! [`Message`] values over crossbeam channels, so the server loop does not
//! know which transport it runs on.

use std::borrow::Cow;
use std::io::{self, BufRead, Read, Write};
use std::thread::{self, JoinHandle};

use crossbeam_channel::{Receiver, Sender, never, select, unbounded};
use lsp_server::{
    Connection, ErrorCode, Message, Notification, Request, RequestId, Response, ResponseError,
};
use serde_json::{Value, json};

/// The largest message body read, in bytes (128 MiB).
pub const MAX_MESSAGE_BYTES: u64 = 2 * crate::source::MAX_FILE_BYTES;

/// The longest header line read, in bytes.
pub const MAX_HEADER_LINE_BYTES: usize = 8 * 1024;

/// The most header lines one message may have.
pub const MAX_HEADER_LINES: usize = 32;

/// The name of the one header flowc reads.
const CONTENT_LENGTH: &[u8] = b"content-length";

/// The threads that read and write the byte streams.
pub struct Transport {
    writer: JoinHandle<io::Result<()>>,
}

impl Transport {
    /// Waits until every message the server sent is written. Call after
    /// dropping the [`Connection`]. The reader is not waited for: it may
    /// be blocked reading input that never comes.
    pub fn finish(self) -> io::Result<()> {
        self.writer
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("the LSP writer thread panicked")))
    }
}

/// Connects a server to `input` and `output`: messages read from `input`
/// arrive on the connection's receiver, messages sent on its sender are
/// written to `output`, and errors about unreadable input are written to
/// `output` directly.
pub fn connect(
    input: impl BufRead + Send + 'static,
    output: impl Write + Send + 'static,
) -> io::Result<(Connection, Transport)> {
    let (to_server, from_client) = unbounded();
    let (to_client, from_server) = unbounded();
    let (replies, unanswered) = unbounded();
    thread::Builder::new()
        .name("flowc-lsp-reader".to_string())
        .spawn(move || read_messages(input, &to_server, &replies))?;
    let writer = thread::Builder::new()
        .name("flowc-lsp-writer".to_string())
        .spawn(move || write_messages(output, &from_server, unanswered))?;
    let connection = Connection {
        sender: to_client,
        receiver: from_client,
    };
    Ok((connection, Transport { writer }))
}

/// Reads messages until the input ends, the server is gone, or `exit`.
fn read_messages(mut input: impl BufRead, to_server: &Sender<Message>, replies: &Sender<Value>) {
    let mut reader = FrameReader::default();
    loop {
        let frame = match reader.next(&mut input) {
            Ok(frame) => frame,
            Err(_) => return,
        };
        let reply = match frame {
            Frame::End => return,
            Frame::Unreadable(problem) => {
                error_reply(Value::Null, ErrorCode::InvalidRequest, problem)
            }
            Frame::Body(body) => match decode(&body) {
                Decoded::Message(message) => {
                    let is_exit =
                        matches!(&message, Message::Notification(n) if n.method == "exit");
                    if to_server.send(message).is_err() || is_exit {
                        return;
                    }
                    continue;
                }
                Decoded::Reply(reply) => reply,
            },
        };
        if replies.send(reply).is_err() {
            return;
        }
    }
}

/// Writes the server's messages and the reader's replies as they come,
/// until the server is gone.
fn write_messages(
    mut output: impl Write,
    from_server: &Receiver<Message>,
    mut replies: Receiver<Value>,
) -> io::Result<()> {
    loop {
        select! {
            recv(from_server) -> message => match message {
                Ok(message) => message.write(&mut output)?,
                Err(_) => return Ok(()),
            },
            recv(replies) -> reply => match reply {
                Ok(reply) => write_frame(&mut output, &reply.to_string())?,
                // The reader is done; only the server is left.
                Err(_) => replies = never(),
            },
        }
    }
}

fn write_frame(output: &mut impl Write, body: &str) -> io::Result<()> {
    write!(output, "Content-Length: {}\r\n\r\n{body}", body.len())?;
    output.flush()
}

/// One framed piece of input.
#[derive(Debug, PartialEq)]
enum Frame {
    /// The input ended.
    End,
    /// A message body (not yet decoded).
    Body(Vec<u8>),
    /// Headers that could not be read, and why; the reader skips to the
    /// next `Content-Length` header.
    Unreadable(String),
}

/// Splits input into message bodies.
#[derive(Debug, Default)]
struct FrameReader {
    /// After a framing error: skip input up to the next `Content-Length`.
    lost: bool,
}

impl FrameReader {
    fn next(&mut self, input: &mut impl BufRead) -> io::Result<Frame> {
        let mut first_line = Vec::new();
        if std::mem::take(&mut self.lost) {
            if !skip_to_content_length(input)? {
                return Ok(Frame::End);
            }
            first_line.extend_from_slice(CONTENT_LENGTH);
        }
        match read_headers(input, first_line)? {
            Headers::End => Ok(Frame::End),
            Headers::Bad(problem) => {
                self.lost = true;
                Ok(Frame::Unreadable(problem))
            }
            Headers::Length(length) if length > MAX_MESSAGE_BYTES => {
                self.lost = true;
                Ok(Frame::Unreadable(format!(
                    "a message of {length} bytes is longer than flowc's limit of \
                     {MAX_MESSAGE_BYTES} bytes; skipped"
                )))
            }
            Headers::Length(length) => {
                // Grows as bytes arrive: a false length followed by the end
                // of input allocates nothing more than what came.
                let mut body = Vec::new();
                input.take(length).read_to_end(&mut body)?;
                if (body.len() as u64) < length {
                    return Ok(Frame::End);
                }
                Ok(Frame::Body(body))
            }
        }
    }
}

/// What a header block said.
enum Headers {
    End,
    Length(u64),
    Bad(String),
}

/// Reads header lines up to the empty line; `first_line` holds the start
/// of the first line when already read.
fn read_headers(input: &mut impl BufRead, mut first_line: Vec<u8>) -> io::Result<Headers> {
    let mut length = None;
    for _ in 0..MAX_HEADER_LINES {
        let mut line = std::mem::take(&mut first_line);
        let limit = (MAX_HEADER_LINE_BYTES + 1).saturating_sub(line.len()) as u64;
        input.take(limit).read_until(b'\n', &mut line)?;
        if !line.ends_with(b"\n") {
            if line.len() > MAX_HEADER_LINE_BYTES {
                return Ok(Headers::Bad(format!(
                    "a header line is longer than {MAX_HEADER_LINE_BYTES} bytes"
                )));
            }
            // The input ended inside the headers.
            return Ok(Headers::End);
        }
        let line = line.trim_ascii();
        if line.is_empty() {
            return Ok(match length {
                Some(length) => Headers::Length(length),
                None => Headers::Bad("a message without a Content-Length header".to_string()),
            });
        }
        let Some(colon) = line.iter().position(|&byte| byte == b':') else {
            return Ok(Headers::Bad(format!(
                "a header line without `:`: {}",
                quoted(line)
            )));
        };
        let (name, value) = (line[..colon].trim_ascii(), line[colon + 1..].trim_ascii());
        if name.eq_ignore_ascii_case(CONTENT_LENGTH) {
            match std::str::from_utf8(value).ok().and_then(|v| v.parse().ok()) {
                Some(value) => length = Some(value),
                None => {
                    return Ok(Headers::Bad(format!(
                        "Content-Length {} is not a number of bytes",
                        quoted(value)
                    )));
                }
            }
        }
    }
    Ok(Headers::Bad(format!(
        "more than {MAX_HEADER_LINES} header lines"
    )))
}

/// Text of the input quoted in an error message, shortened.
fn quoted(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(80)]);
    format!("{:?}", text)
}

/// Skips input up to and including the next `Content-Length` (in any
/// case); false when the input ends first.
fn skip_to_content_length(input: &mut impl BufRead) -> io::Result<bool> {
    let mut matched = 0;
    loop {
        let available = input.fill_buf()?;
        if available.is_empty() {
            return Ok(false);
        }
        let mut used = 0;
        for &byte in available {
            used += 1;
            let byte = byte.to_ascii_lowercase();
            // The name's first letter appears nowhere else in it, so a
            // mismatch can only restart the match at that letter.
            matched = if byte == CONTENT_LENGTH[matched] {
                matched + 1
            } else {
                usize::from(byte == CONTENT_LENGTH[0])
            };
            if matched == CONTENT_LENGTH.len() {
                input.consume(used);
                return Ok(true);
            }
        }
        input.consume(used);
    }
}

/// What a body turned into.
#[derive(Debug)]
enum Decoded {
    /// A message for the server.
    Message(Message),
    /// An answer for the client instead.
    Reply(Value),
}

fn decode(body: &[u8]) -> Decoded {
    let Ok(text) = std::str::from_utf8(body) else {
        return Decoded::Reply(error_reply(
            Value::Null,
            ErrorCode::ParseError,
            "the message is not UTF-8".to_string(),
        ));
    };
    match serde_json::from_str(&replace_lone_surrogates(text)) {
        Ok(value) => classify(value),
        Err(error) => Decoded::Reply(error_reply(
            Value::Null,
            ErrorCode::ParseError,
            format!("the message is not JSON: {error}"),
        )),
    }
}

/// Sorts a JSON value into a request, a notification or a response.
fn classify(value: Value) -> Decoded {
    let Value::Object(mut fields) = value else {
        let why = if value.is_array() {
            "batches of messages are not part of LSP"
        } else {
            "a message must be a JSON object"
        };
        return Decoded::Reply(error_reply(
            Value::Null,
            ErrorCode::InvalidRequest,
            why.to_string(),
        ));
    };
    let raw_id = fields.remove("id");
    let params = fields.remove("params").unwrap_or(Value::Null);
    // JSON-RPC: an id that cannot be read is answered as null.
    let echoed_id = match &raw_id {
        Some(id @ (Value::Number(_) | Value::String(_))) => id.clone(),
        _ => Value::Null,
    };
    let invalid = |why: String| {
        Decoded::Reply(error_reply(
            echoed_id.clone(),
            ErrorCode::InvalidRequest,
            why,
        ))
    };
    let id = match raw_id.map(serde_json::from_value::<RequestId>) {
        None => None,
        Some(Ok(id)) => Some(id),
        Some(Err(_)) => {
            return invalid("an id must be a string or an integer of at most 32 bits".to_string());
        }
    };
    match (fields.remove("method"), id) {
        (Some(Value::String(method)), Some(id)) => {
            Decoded::Message(Message::Request(Request { id, method, params }))
        }
        (Some(Value::String(method)), None) => {
            Decoded::Message(Message::Notification(Notification { method, params }))
        }
        (Some(_), _) => invalid("a method must be a string".to_string()),
        (None, Some(id)) => response(id, fields),
        (None, None) => invalid("a message without a method or an id".to_string()),
    }
}

/// A response from the client; one that cannot be read is logged.
fn response(id: RequestId, mut fields: serde_json::Map<String, Value>) -> Decoded {
    let problem = match (fields.remove("result"), fields.remove("error")) {
        (Some(result), None) => {
            let response_result = Ok(result);
            return Decoded::Message(Message::Response(Response {
                id,
                response_result,
            }));
        }
        (None, Some(error)) => match serde_json::from_value::<ResponseError>(error) {
            Ok(error) => {
                let response_result = Err(error);
                return Decoded::Message(Message::Response(Response {
                    id,
                    response_result,
                }));
            }
            Err(error) => format!("its error is not a JSON-RPC error: {error}"),
        },
        _ => "a response needs one of `result` and `error`".to_string(),
    };
    Decoded::Reply(json!({
        "jsonrpc": "2.0",
        "method": "window/logMessage",
        "params": {
            "type": 1,
            "message": format!("flowc lsp ignored a response to {id}: {problem}"),
        },
    }))
}

fn error_reply(id: Value, code: ErrorCode, message: String) -> Value {
    json!({
        "jsonrpc": "2.0",
        "id": id,
        "error": {"code": code as i32, "message": message},
    })
}

/// `text` with every `\uXXXX` escape of a lone UTF-16 surrogate replaced
/// by `\uFFFD`; pairs are kept. Only escapes are looked at: a raw
/// surrogate cannot occur in UTF-8 text.
fn replace_lone_surrogates(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut out = String::new();
    let mut copied = 0;
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] != b'\\' {
            at += 1;
            continue;
        }
        let Some(unit) = escaped_unit(bytes, at) else {
            // Another escape (`\\`, `\"`, ...): skip both bytes.
            at += 2;
            continue;
        };
        let is_pair = (0xD800..0xDC00).contains(&unit)
            && escaped_unit(bytes, at + 6).is_some_and(|low| (0xDC00..0xE000).contains(&low));
        if is_pair {
            at += 12;
        } else if (0xD800..0xE000).contains(&unit) {
            out.push_str(&text[copied..at]);
            out.push_str("\\uFFFD");
            at += 6;
            copied = at;
        } else {
            at += 6;
        }
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// The code unit of a `\uXXXX` escape starting at `at`.
fn escaped_unit(bytes: &[u8], at: usize) -> Option<u32> {
    let escape = bytes.get(at..at + 6)?;
    if escape[0] != b'\\' || escape[1] != b'u' {
        return None;
    }
    let hex = std::str::from_utf8(&escape[2..]).ok()?;
    u32::from_str_radix(hex, 16).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &[u8]) -> Vec<Frame> {
        let mut reader = FrameReader::default();
        let mut input = input;
        let mut out = Vec::new();
        loop {
            let frame = reader.next(&mut input).expect("reads from memory");
            if frame == Frame::End {
                return out;
            }
            out.push(frame);
        }
    }

    #[test]
    fn headers_in_any_case_with_extra_headers_and_bare_newlines() {
        let input = b"content-type: application/vscode-jsonrpc; charset=utf-8\r\nCONTENT-LENGTH:2\n\n{}Content-Length: 2\r\n\r\n[]";
        assert_eq!(
            frames(input),
            [Frame::Body(b"{}".to_vec()), Frame::Body(b"[]".to_vec())]
        );
    }

    #[test]
    fn a_huge_or_missing_length_is_reported_and_the_next_message_read() {
        let input = b"Content-Length: 18446744073709551615\r\n\r\n{}garbage Content-Length: 2\r\n\r\n{}X-Other: 1\r\n\r\n{}content-length: 99999999999999999999\r\n\r\nContent-Length: 2\r\n\r\n[]";
        let read = frames(input);
        assert_eq!(read.len(), 5, "{read:?}");
        assert!(matches!(&read[0], Frame::Unreadable(why) if why.contains("limit")));
        assert_eq!(read[1], Frame::Body(b"{}".to_vec()));
        assert!(
            matches!(&read[2], Frame::Unreadable(why) if why.contains("without a Content-Length"))
        );
        assert!(matches!(&read[3], Frame::Unreadable(why) if why.contains("not a number")));
        assert_eq!(read[4], Frame::Body(b"[]".to_vec()));
    }

    #[test]
    fn a_long_header_line_is_not_read_whole() {
        let mut input = vec![b'x'; 10 * MAX_HEADER_LINE_BYTES];
        input.extend_from_slice(b"\r\nContent-Length: 2\r\n\r\n{}");
        let read = frames(&input);
        assert_eq!(read.len(), 2, "{read:?}");
        assert!(matches!(&read[0], Frame::Unreadable(why) if why.contains("longer than")));
        assert_eq!(read[1], Frame::Body(b"{}".to_vec()));
    }

    #[test]
    fn lone_surrogates_become_replacement_characters_and_pairs_stay() {
        let text = r#"{"a":"\ud800 \uDC00 \ud83d\ude00 \\ud800 \u0041 \ud800"}"#;
        let replaced = replace_lone_surrogates(text);
        assert_eq!(
            replaced,
            r#"{"a":"\uFFFD \uFFFD \ud83d\ude00 \\ud800 \u0041 \uFFFD"}"#
        );
        let value: Value = serde_json::from_str(&replaced).expect("JSON");
        assert_eq!(value["a"], "\u{FFFD} \u{FFFD} 😀 \\ud800 A \u{FFFD}");
        assert!(matches!(replace_lone_surrogates("{}"), Cow::Borrowed(_)));
    }

    #[test]
    fn bodies_that_are_not_messages_get_the_json_rpc_error() {
        let code = |body: &str| match decode(body.as_bytes()) {
            Decoded::Reply(reply) => (reply["error"]["code"].as_i64(), reply["id"].clone()),
            Decoded::Message(message) => panic!("{body} read as {message:?}"),
        };
        assert_eq!(code("{"), (Some(-32700), Value::Null));
        assert_eq!(code("[]"), (Some(-32600), Value::Null));
        assert_eq!(code("3"), (Some(-32600), Value::Null));
        assert_eq!(code(r#"{"id":1,"method":3}"#), (Some(-32600), json!(1)));
        assert_eq!(
            code(r#"{"id":3000000000,"method":"x"}"#),
            (Some(-32600), json!(3000000000_u64))
        );
        assert_eq!(
            code(r#"{"id":[1],"method":"x"}"#),
            (Some(-32600), Value::Null)
        );
        assert_eq!(code(r#"{"jsonrpc":"2.0"}"#), (Some(-32600), Value::Null));
        assert!(matches!(
            decode(br#"{"id":"a","method":"x","params":{"t":"\udfff"}}"#),
            Decoded::Message(Message::Request(request)) if request.params["t"] == "\u{FFFD}"
        ));
        assert!(matches!(
            decode(br#"{"id":2,"error":{"code":"no"}}"#),
            Decoded::Reply(reply) if reply["method"] == "window/logMessage"
        ));
    }
}
