// Tokenizes every example of the repository with the extension's grammar
// and fails when a word is left unrecognised (only the file's base scope)
// or a keyword of the language is not scoped as a keyword: the grammar
// must cover everything the examples use.
"use strict";

const fs = require("fs");
const path = require("path");
const textmate = require("vscode-textmate");
const oniguruma = require("vscode-oniguruma");

const root = path.resolve(__dirname, "..", "..", "..");
const examples = path.join(root, "examples");
const grammarPath = path.join(__dirname, "..", "syntaxes", "flow.tmLanguage.json");

const KEYWORDS = new Set([
  "department", "role", "in", "reports", "to", "process", "category", "owner", "review",
  "every", "last", "sla", "input", "one", "of", "start", "step", "within", "remind", "after",
  "escalate", "on", "next", "decide", "when", "otherwise", "and", "or", "not", "parallel",
  "branch", "end", "kpi", "under", "over", "at", "most", "least", "version", "note", "record",
  "timeout", "call", "with",
  // `effective` is a keyword only after `version N,`: elsewhere it may be a
  // name (`end effective` in appointment.flow), coloured as one.
]);

async function main() {
  const wasm = fs.readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm")).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async () =>
      textmate.parseRawGrammar(fs.readFileSync(grammarPath, "utf8"), grammarPath),
  });
  const grammar = await registry.loadGrammar("source.flow");
  const files = fs.readdirSync(examples).filter((name) => name.endsWith(".flow")).sort();
  const problems = [];
  let tokens = 0;
  for (const name of files) {
    const lines = fs.readFileSync(path.join(examples, name), "utf8").split(/\r\n|\r|\n/);
    let state = textmate.INITIAL;
    lines.forEach((line, index) => {
      const result = grammar.tokenizeLine(line, state);
      state = result.ruleStack;
      for (const token of result.tokens) {
        const text = line.slice(token.startIndex, token.endIndex);
        const word = text.trim();
        if (!word) continue;
        tokens += 1;
        const where = `${name}:${index + 1}:${token.startIndex + 1}`;
        const scopes = token.scopes;
        if (scopes.length === 1) {
          problems.push(`${where}: \`${word}\` has no scope`);
        } else if (scopes.some((scope) => scope.startsWith("invalid"))) {
          problems.push(`${where}: \`${word}\` is marked invalid`);
        } else if (KEYWORDS.has(word) && !scopes.some((scope) => scope.startsWith("keyword"))) {
          const inLabel = scopes.some((scope) => scope.startsWith("string") || scope.startsWith("comment"));
          if (!inLabel) problems.push(`${where}: keyword \`${word}\` is scoped ${scopes.join(" ")}`);
        }
      }
    });
  }
  if (files.length === 0) {
    problems.push(`no example found in ${examples}`);
  }
  if (problems.length > 0) {
    console.error(problems.join("\n"));
    process.exit(1);
  }
  console.log(`grammar: ${tokens} tokens in ${files.length} examples, every one scoped`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
