//! Byte offsets <-> LSP positions, and `file:` URIs <-> paths.
//!
//! flowc's spans are byte ranges; LSP positions are a line and a column
//! counted in the negotiated encoding: UTF-16 code units by default (a
//! Chinese character is one unit, an emoji two), or bytes when the client
//! offers `utf-8`. Lines end at `\n`, `\r\n` or a lone `\r`.

use std::path::{Path, PathBuf};

use lsp_types::{Position, PositionEncodingKind, Range, Uri};

use crate::span::Span;

/// How columns are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 code units (bytes).
    Utf8,
    /// UTF-16 code units, LSP's default.
    Utf16,
}

impl Encoding {
    /// Picks UTF-8 when the client offers it, else UTF-16 (which every
    /// client understands).
    pub(crate) fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    /// The encoding's name in the protocol.
    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }

    fn width(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
        }
    }
}

/// The start offsets of a text's lines.
#[derive(Debug, Clone)]
pub struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
    encoding: Encoding,
}

impl<'a> Lines<'a> {
    /// Indexes `text`.
    pub fn new(text: &'a str, encoding: Encoding) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (offset, &byte) in bytes.iter().enumerate() {
            if byte == b'\n' || (byte == b'\r' && bytes.get(offset + 1) != Some(&b'\n')) {
                starts.push(offset + 1);
            }
        }
        Lines {
            text,
            starts,
            encoding,
        }
    }

    /// The position of byte `offset` (clamped to the text, and moved back
    /// to a character boundary).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&start| start <= offset) - 1;
        let start = self.starts[line];
        let column: usize = self.text[start..offset]
            .chars()
            .map(|c| self.encoding.width(c))
            .sum();
        Position::new(to_u32(line), to_u32(column))
    }

    /// The range of `span`.
    pub fn range(&self, span: Span) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }

    /// The byte offset of `position`; a column past the end of its line is
    /// the line's end, a line past the end is the end of the text.
    pub fn offset(&self, position: Position) -> usize {
        let Some(&start) = self.starts.get(position.line as usize) else {
            return self.text.len();
        };
        let end = self
            .starts
            .get(position.line as usize + 1)
            .copied()
            .unwrap_or(self.text.len());
        let line = &self.text[start..end];
        let line = line.trim_end_matches(['\n', '\r']);
        let mut units = 0;
        for (index, c) in line.char_indices() {
            if units >= position.character as usize {
                return start + index;
            }
            units += self.encoding.width(c);
        }
        start + line.len()
    }
}

fn to_u32(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

/// The path of a `file:` URI (percent-escapes decoded), if it is one.
pub(crate) fn uri_to_path(uri: &Uri) -> Option<PathBuf> {
    let text = uri.as_str();
    let rest = text.strip_prefix("file://")?;
    let path = match rest.find('/') {
        Some(0) => rest,
        Some(at) if rest[..at].eq_ignore_ascii_case("localhost") => &rest[at..],
        _ => return None,
    };
    let decoded = percent_decode(path)?;
    let path = decoded.split(['?', '#']).next().unwrap_or_default();
    // `file:///C:/x` is `C:/x` on Windows.
    let windows_drive = path.len() > 2 && path.as_bytes()[2] == b':';
    if cfg!(windows) && windows_drive {
        return Some(PathBuf::from(&path[1..]));
    }
    Some(PathBuf::from(path))
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] == b'%' {
            let hex = text.get(index + 1..index + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            index += 3;
        } else {
            out.push(bytes[index]);
            index += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The `file:` URI of an absolute path, percent-escaping what URIs do not
/// allow (Chinese file names included).
pub fn path_to_uri(path: &Path) -> Option<Uri> {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut uri = String::from("file://");
    if !text.starts_with('/') {
        uri.push('/');
    }
    for byte in text.bytes() {
        let plain = byte.is_ascii_alphanumeric() || b"/-._~:@!$&'()*+,;=".contains(&byte);
        if plain {
            uri.push(byte as char);
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_characters_are_one_utf16_unit_and_three_bytes() {
        let text = "step 申請 {\n  owner 會計\n}";
        let offset = text.find("會計").expect("present");
        let utf16 = Lines::new(text, Encoding::Utf16);
        assert_eq!(utf16.position(offset), Position::new(1, 8));
        assert_eq!(utf16.position(offset + "會計".len()), Position::new(1, 10));
        assert_eq!(utf16.offset(Position::new(1, 10)), offset + "會計".len());
        let utf8 = Lines::new(text, Encoding::Utf8);
        assert_eq!(utf8.position(offset + "會計".len()), Position::new(1, 14));
        assert_eq!(utf8.offset(Position::new(1, 14)), offset + "會計".len());
    }

    #[test]
    fn an_emoji_is_two_utf16_units() {
        let text = "end e \"😀\" x";
        let lines = Lines::new(text, Encoding::Utf16);
        let x = text.find('x').expect("present");
        assert_eq!(lines.position(x), Position::new(0, 11));
        assert_eq!(lines.offset(Position::new(0, 11)), x);
    }

    #[test]
    fn crlf_and_lone_cr_end_lines() {
        let text = "a\r\nb\rc";
        let lines = Lines::new(text, Encoding::Utf16);
        assert_eq!(lines.position(3), Position::new(1, 0));
        assert_eq!(lines.position(5), Position::new(2, 0));
        assert_eq!(lines.offset(Position::new(0, 9)), 1);
        assert_eq!(lines.offset(Position::new(7, 0)), text.len());
    }

    #[test]
    fn uris_round_trip_with_chinese_paths() {
        let path = PathBuf::from("/tmp/流程 庫/報銷.flow");
        let uri = path_to_uri(&path).expect("a valid uri");
        assert_eq!(
            uri.as_str(),
            "file:///tmp/%E6%B5%81%E7%A8%8B%20%E5%BA%AB/%E5%A0%B1%E9%8A%B7.flow"
        );
        assert_eq!(uri_to_path(&uri), Some(path));
    }
}
