//! The projects the diagram benchmark generates must check without an
//! error, or `benches/diagrams.sh` stops at its first `check` (the lanes
//! project once tripped `escalation-to-self` and `sla-exceeded`).

use crate::common;
use crate::generator;

/// `cargo bench --bench generate -- lanes N DIR`'s project, at two sizes,
/// checks with no error (the one warning, `too-many-steps`, is the point
/// of a process this long).
#[test]
fn the_lanes_project_checks_without_errors() {
    let mut checked = 0;
    for nodes in [30, 400] {
        let dir = tempfile::tempdir().expect("temp dir");
        for (name, text) in generator::lanes_project(nodes) {
            std::fs::write(dir.path().join(name), text).expect("generated file written");
        }
        let output = common::flowc_command()
            .args(["check", "--today", "2026-11-28"])
            .arg(dir.path())
            .output()
            .expect("flowc runs");
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert_eq!(output.status.code(), Some(0), "{nodes} nodes: {stdout}");
        assert!(
            stdout.lines().any(|line| line.starts_with("0 errors")),
            "{nodes} nodes: {stdout}"
        );
        checked += 1;
    }
    assert_eq!(checked, 2, "projects checked");
}
