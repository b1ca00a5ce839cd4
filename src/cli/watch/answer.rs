//! What `flowc watch` answers to a request: a pure function of the
//! request's head and the live handbook, kept apart from the HTTP server
//! so it can be tested and fuzzed without a socket.

use std::collections::BTreeMap;

use hyper::header::{self, HeaderValue};
use hyper::{Response, StatusCode};

use crate::emit::doc::html::{LIVE_MARKER, escape};
use crate::i18n::{Lang, Text};
use crate::text;

/// What the server serves.
#[derive(Debug, Default)]
pub struct Live {
    /// Tells this run of `flowc watch` from an earlier one, so a page
    /// served by a server since restarted reloads at once.
    pub epoch: u64,
    /// Goes up by one at every rebuild.
    pub version: u64,
    /// The last good handbook: file name to contents.
    pub files: BTreeMap<String, Vec<u8>>,
    /// The last good version of each page an earlier handbook had and the
    /// current one has not (its process gone, or its file half-saved), so
    /// an open page never turns into "not found".
    pub kept: BTreeMap<String, Vec<u8>>,
    /// The diagnostics of the current files, as HTML, while they have
    /// errors.
    pub problems: Option<String>,
    /// The language of the handbook, and so of the banner and the page
    /// of a page not found.
    pub lang: Lang,
}

/// `EPOCH.VERSION` of a live handbook: what its pages and events carry.
pub fn tag(epoch: u64, version: u64) -> String {
    format!("{epoch}.{version}")
}

/// The `Host` values a request may carry: the loopback names with the
/// port, and the `--host` given when it names another. A page served
/// under any other name (DNS rebinding: `attacker.example` resolving to
/// 127.0.0.1) is refused, so a website cannot read the handbook.
#[derive(Debug)]
pub struct AllowedHosts(Vec<String>);

impl AllowedHosts {
    /// The names for a server started with `--host host` and bound to
    /// `bound`.
    pub fn new(host: &str, bound: std::net::SocketAddr) -> Self {
        let port = bound.port();
        let mut names: Vec<String> = ["localhost", "127.0.0.1", "[::1]"]
            .iter()
            .map(|name| format!("{name}:{port}"))
            .collect();
        let given = if host.contains(':') && !host.starts_with('[') {
            format!("[{host}]")
        } else {
            host.to_string()
        };
        names.push(format!("{}:{port}", given.to_ascii_lowercase()));
        names.push(bound.to_string());
        AllowedHosts(names)
    }

    /// Whether `host` (a `Host` header) is one of them.
    fn allows(&self, host: &str) -> bool {
        let host = host.trim().to_ascii_lowercase();
        self.0.contains(&host)
    }

    /// Whether `origin` (an `Origin` header) is a page of this server.
    fn allows_origin(&self, origin: &str) -> bool {
        origin
            .trim()
            .strip_prefix("http://")
            .is_some_and(|host| self.allows(host))
    }
}

/// The parts of a request the answer depends on. A header sent more than
/// once is given as an empty value, which no check accepts.
#[derive(Debug, Clone, Copy)]
pub struct RequestHead<'a> {
    /// `GET`, `HEAD`, ...
    pub method: &'a str,
    /// The request target as sent: path and query.
    pub target: &'a str,
    /// The `Host` header.
    pub host: Option<&'a str>,
    /// The `Origin` header.
    pub origin: Option<&'a str>,
    /// The `Last-Event-ID` header (sent by a reconnecting `EventSource`).
    pub last_event_id: Option<&'a str>,
}

/// The answer to a request.
#[derive(Debug)]
pub enum Answer {
    /// Send this response now.
    Now(Response<Vec<u8>>),
    /// An event stream: wait until the handbook's tag differs from
    /// `since` (at most a while), then send [`event`] with the tag then.
    /// Without `since`, the tag at the time of the request stands for it.
    Event {
        /// The `EPOCH.VERSION` the page last saw.
        since: Option<String>,
    },
}

/// The answer to `request` from the handbook `live`, for a server that
/// answers to `hosts`. Refusals come first: another `Host` (421), a
/// method other than GET or HEAD (405), a target that is not a path
/// (400), a foreign `Origin` on the event stream (403).
pub fn answer(request: &RequestHead<'_>, live: &Live, hosts: &AllowedHosts) -> Answer {
    if !request.host.is_some_and(|host| hosts.allows(host)) {
        return Answer::Now(refusal(
            StatusCode::MISDIRECTED_REQUEST,
            "flowc watch answers only requests for this machine (Host header)",
        ));
    }
    if !matches!(request.method, "GET" | "HEAD") {
        let mut response = refusal(
            StatusCode::METHOD_NOT_ALLOWED,
            "flowc watch only serves pages (GET and HEAD)",
        );
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return Answer::Now(response);
    }
    if !request.target.starts_with('/') {
        return Answer::Now(refusal(
            StatusCode::BAD_REQUEST,
            "flowc watch answers only requests for a path",
        ));
    }
    let (raw_path, query) = request
        .target
        .split_once('?')
        .unwrap_or((request.target, ""));
    let path = percent_encoding::percent_decode_str(raw_path).decode_utf8_lossy();
    match path.as_ref() {
        "/events"
            if request
                .origin
                .is_some_and(|origin| !hosts.allows_origin(origin)) =>
        {
            Answer::Now(refusal(
                StatusCode::FORBIDDEN,
                "flowc watch sends its events only to its own pages (Origin header)",
            ))
        }
        "/events" => Answer::Event {
            since: request
                .last_event_id
                .map(|value| value.trim().to_string())
                .or_else(|| query_version(query)),
        },
        // The handbook has no icon; say so without an error in the console.
        "/favicon.ico" => Answer::Now(response(StatusCode::NO_CONTENT, Vec::new(), &[])),
        path => Answer::Now(page(live, path)),
    }
}

/// One server-sent event carrying the handbook's `EPOCH.VERSION`; `retry`
/// makes the browser reconnect at once.
pub fn event(tag: &str) -> Response<Vec<u8>> {
    // Only digits and dots: nothing a browser sent is echoed.
    let tag: String = tag
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    response(
        StatusCode::OK,
        format!("retry: 100\nid: {tag}\ndata: {tag}\n\n").into_bytes(),
        &[
            (header::CONTENT_TYPE, "text/event-stream; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
    )
}

/// A response with `status`, `body` and the header lines `headers`.
fn response(
    status: StatusCode,
    body: Vec<u8>,
    headers: &[(header::HeaderName, &'static str)],
) -> Response<Vec<u8>> {
    let mut response = Response::new(body);
    *response.status_mut() = status;
    for (name, value) in headers {
        response
            .headers_mut()
            .insert(name.clone(), HeaderValue::from_static(value));
    }
    response
}

/// A refused request: `status` and a plain-text reason.
fn refusal(status: StatusCode, reason: &str) -> Response<Vec<u8>> {
    response(
        status,
        reason.as_bytes().to_vec(),
        &[(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
    )
}

/// The version a page was served at, from `?v=` of its event stream.
fn query_version(query: &str) -> Option<String> {
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix("v="))
        .map(str::to_string)
}

/// A page of the last good handbook, with the live banner and script.
fn page(live: &Live, path: &str) -> Response<Vec<u8>> {
    let name = match path.trim_start_matches('/') {
        "" => "index.html",
        name => name,
    };
    let banner = live_banner(live);
    let (status, body) = match (live.files.get(name), live.kept.get(name)) {
        (Some(bytes), _) => (
            StatusCode::OK,
            String::from_utf8_lossy(bytes).replacen(LIVE_MARKER, &banner, 1),
        ),
        (None, Some(bytes)) => (
            StatusCode::OK,
            String::from_utf8_lossy(bytes).replacen(
                LIVE_MARKER,
                &format!("{}{banner}", gone_banner(live.lang)),
                1,
            ),
        ),
        (None, None) => (StatusCode::NOT_FOUND, not_found(name, &banner, live.lang)),
    };
    response(
        status,
        body.into_bytes(),
        &[
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
    )
}

/// The page of a name the handbook has no page for, in `lang`.
fn not_found(name: &str, banner: &str, lang: Lang) -> String {
    let words = |id: &'static str| escape(&Text::new(id).render(lang));
    // The catalogue's words hold no markup: the name, escaped, goes in
    // as code.
    let missing = text!(
        "watch-no-such-page",
        name = format!("<code>{}</code>", escape(name))
    );
    format!(
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body>{banner}<h1>{title}</h1><p>{} <a href=\"/\">{}</a></p></body></html>",
        lang.code(),
        missing.render(lang),
        words("watch-all-processes"),
        title = words("watch-not-found"),
    )
}

/// How a banner of the live handbook stays in view: stuck to the top of
/// the window however far the page is scrolled (a reload keeps the
/// scroll position), at most half its height, scrolling inside.
const BANNER_STYLE: &str = "position:sticky;top:0;z-index:10;max-height:45vh;overflow:auto;\
     margin:0 0 1rem;padding:.25rem 1rem;background:#fff4f4;color:#1f2430;\
     border:2px solid #c62828;border-radius:6px";

/// The banner over a page whose process the current handbook no longer
/// has, in `lang`.
fn gone_banner(lang: Lang) -> String {
    let words = |id: &'static str| escape(&Text::new(id).render(lang));
    format!(
        "<section class=\"live gone\" id=\"live-gone\" style=\"{BANNER_STYLE}\"><h2>{}</h2><p>{} <a href=\"/\">{}</a></p></section>",
        words("watch-page-gone-heading"),
        words("watch-page-gone-note"),
        words("watch-all-processes"),
    )
}

/// The diagnostics banner (while there are errors), kept in view, and the
/// script that reloads the page when the handbook changes.
fn live_banner(live: &Live) -> String {
    let mut html = String::new();
    if let Some(problems) = &live.problems {
        let words = |id: &'static str| escape(&Text::new(id).render(live.lang));
        html.push_str(&format!(
            "<section class=\"live diagnostics\" id=\"live-errors\" style=\"{BANNER_STYLE}\"><h2>{}</h2><p>{}</p>",
            words("watch-errors-heading"),
            words("watch-errors-note")
        ));
        html.push_str(problems);
        html.push_str("</section>");
    }
    html.push_str(&format!(
        "<script>new EventSource('/events?v={v}').onmessage = function (event) {{ if (event.data !== '{v}') location.reload(); }};</script>",
        v = tag(live.epoch, live.version)
    ));
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The answer to `method target` with the `Host` and `Origin` given,
    /// from a server on 127.0.0.1:8040 with no pages.
    fn answer_to(method: &str, target: &str, host: Option<&str>, origin: Option<&str>) -> Answer {
        let hosts = AllowedHosts::new("127.0.0.1", ([127, 0, 0, 1], 8040).into());
        let request = RequestHead {
            method,
            target,
            host,
            origin,
            last_event_id: None,
        };
        answer(&request, &Live::default(), &hosts)
    }

    fn status(answer: &Answer) -> u16 {
        match answer {
            Answer::Now(response) => response.status().as_u16(),
            Answer::Event { .. } => 0,
        }
    }

    const HOST: Option<&str> = Some("127.0.0.1:8040");

    #[test]
    fn only_get_and_head_of_a_path_are_served() {
        assert_eq!(status(&answer_to("GET", "/", HOST, None)), 404);
        assert_eq!(status(&answer_to("HEAD", "/", HOST, None)), 404);
        let Answer::Now(post) = answer_to("POST", "/", HOST, None) else {
            panic!("answered at once");
        };
        assert_eq!(post.status().as_u16(), 405);
        assert_eq!(post.headers()[header::ALLOW], "GET, HEAD");
        assert_eq!(
            status(&answer_to("GET", "http://127.0.0.1:8040/", HOST, None)),
            400
        );
        assert_eq!(status(&answer_to("OPTIONS", "*", HOST, None)), 405);
        assert_eq!(status(&answer_to("GET", "*", HOST, None)), 400);
    }

    #[test]
    fn a_host_check_comes_before_anything_else() {
        for host in [None, Some(""), Some("attacker.example:8040")] {
            assert_eq!(status(&answer_to("POST", "*", host, None)), 421, "{host:?}");
        }
    }

    #[test]
    fn events_go_only_to_pages_of_this_server() {
        let foreign = Some("http://attacker.example");
        assert_eq!(status(&answer_to("GET", "/events", HOST, foreign)), 403);
        // A header sent twice is given as empty: refused too.
        assert_eq!(status(&answer_to("GET", "/%65vents", HOST, Some(""))), 403);
        let own = Some("http://localhost:8040");
        let Answer::Event { since } = answer_to("GET", "/events?v=1.2", HOST, own) else {
            panic!("an event stream");
        };
        assert_eq!(since.as_deref(), Some("1.2"));
        let sent = event("1.3<script>");
        assert_eq!(sent.body(), b"retry: 100\nid: 1.3\ndata: 1.3\n\n");
    }

    #[test]
    fn the_banner_and_a_missing_page_are_in_the_handbook_language() {
        let live = Live {
            problems: Some("<pre>…</pre>".to_string()),
            lang: Lang::ZhHant,
            ..Live::default()
        };
        let response = page(&live, "/<missing>.html");
        assert_eq!(response.status().as_u16(), 404);
        let body = String::from_utf8_lossy(response.body()).into_owned();
        for words in [
            "<html lang=\"zh-Hant\">",
            "<h2>項目有錯誤</h2>",
            "<h1>找不到頁面</h1>",
            "手冊中沒有頁面 <code>&lt;missing&gt;.html</code>。",
        ] {
            assert!(body.contains(words), "{words} in {body}");
        }
    }
}
