//! Fuzz target: `flowc watch`'s answer to a request (the function its HTTP
//! server calls with each request's head) never panics, refuses every
//! request not naming this machine, and echoes nothing a request sent
//! into markup or events.
//!
//! The input is lines: the method, the request target, then header lines
//! `Name: value` (bytes that are not UTF-8 are replaced, as the server
//! does with header values).
#![no_main]

use std::collections::BTreeMap;
use std::sync::OnceLock;

use flowc::cli::watch::answer::{AllowedHosts, Answer, Live, RequestHead, answer, event};
use flowc::emit::doc::html::LIVE_MARKER;
use libfuzzer_sys::fuzz_target;

/// The statuses the server may answer with.
const STATUSES: [u16; 7] = [200, 204, 400, 403, 404, 405, 421];

/// A handbook of two pages and the kept page of a process gone, with
/// errors shown.
fn live() -> &'static Live {
    static LIVE: OnceLock<Live> = OnceLock::new();
    LIVE.get_or_init(|| {
        let page =
            format!("<!DOCTYPE html><html><body>{LIVE_MARKER}<h1>handbook</h1></body></html>");
        let files = BTreeMap::from([
            ("index.html".to_string(), page.clone().into_bytes()),
            ("報銷.html".to_string(), page.clone().into_bytes()),
        ]);
        Live {
            epoch: 1_700_000_000,
            version: 3,
            files,
            kept: BTreeMap::from([("採購.html".to_string(), page.into_bytes())]),
            problems: Some("<pre>error</pre>".to_string()),
            lang: flowc::i18n::Lang::ZhHant,
        }
    })
}

fn hosts() -> &'static AllowedHosts {
    static HOSTS: OnceLock<AllowedHosts> = OnceLock::new();
    HOSTS.get_or_init(|| AllowedHosts::new("127.0.0.1", ([127, 0, 0, 1], 8040).into()))
}

/// The value of header `name` among `headers` as the server gives it:
/// none, the value, or empty when sent more than once.
fn single<'a>(headers: &[(&str, &'a str)], name: &str) -> Option<&'a str> {
    let mut values = headers
        .iter()
        .filter(|(field, _)| field.trim().eq_ignore_ascii_case(name))
        .map(|(_, value)| value.trim());
    let first = values.next()?;
    Some(if values.next().is_some() { "" } else { first })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut lines = text.split('\n');
    let method = lines.next().unwrap_or("");
    let target = lines.next().unwrap_or("");
    let headers: Vec<(&str, &str)> = lines.filter_map(|line| line.split_once(':')).collect();
    let request = RequestHead {
        method,
        target,
        host: single(&headers, "host"),
        origin: single(&headers, "origin"),
        last_event_id: single(&headers, "last-event-id"),
    };
    let host_allowed = matches!(
        request
            .host
            .map(|host| host.to_ascii_lowercase())
            .as_deref(),
        Some("127.0.0.1:8040" | "localhost:8040" | "[::1]:8040")
    );
    match answer(&request, live(), hosts()) {
        Answer::Now(response) => {
            let status = response.status().as_u16();
            assert!(STATUSES.contains(&status), "status {status}");
            if !host_allowed {
                assert_eq!(status, 421, "{request:?}");
            }
            let body = String::from_utf8_lossy(response.body());
            if status == 421 {
                assert!(!body.contains("handbook"), "{body}");
            }
            // Only the live banner's own script, whatever the path named.
            assert!(body.matches("<script").count() <= 1, "{body}");
            if status != 204 {
                assert!(response.headers().contains_key("content-type"));
            }
        }
        Answer::Event { since } => {
            assert!(host_allowed, "{request:?}");
            assert!(matches!(method, "GET" | "HEAD"), "{method}");
            let sent = event(since.as_deref().unwrap_or(""));
            let body = String::from_utf8_lossy(sent.body());
            assert!(
                body.chars()
                    .all(|c| c.is_ascii_alphanumeric() || ".:\n ".contains(c)),
                "{body:?}"
            );
        }
    }
});
