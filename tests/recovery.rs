//! Parsing with recovery: every error of a file in one run, and no item
//! that parses on its own lost around a broken one.

#[test]
fn debug_print() {
    let text = std::fs::read_to_string("/tmp/t14/expense-claim.flow").unwrap();
    let parsed = flowc::syntax::parse_recovering(&text);
    for e in &parsed.errors { eprintln!("{:?}", e); }
    for d in &parsed.tree.declarations { eprintln!("{:#?}", d); }
}
