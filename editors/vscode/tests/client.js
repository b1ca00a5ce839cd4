// Drives `flowc lsp` with the JSON-RPC and protocol libraries the
// extension's client is built on (vscode-jsonrpc and
// vscode-languageserver-protocol, as bundled by vscode-languageclient),
// with the capabilities VS Code sends: opens every example and expects no
// diagnostics, breaks a line and expects the error at its place, asks for
// a hover and formatting. Usage: FLOWC=path/to/flowc node tests/client.js
"use strict";

const fs = require("fs");
const path = require("path");
const { spawn } = require("child_process");
const rpc = require("vscode-jsonrpc/node");
const protocol = require("vscode-languageserver-protocol");

const flowc = process.env.FLOWC;
if (!flowc) {
  console.error("set FLOWC to the flowc executable");
  process.exit(2);
}
const examples = path.resolve(__dirname, "..", "..", "..", "examples");
const uriOf = (file) => "file://" + file.split(path.sep).map(encodeURIComponent).join("/");

function fail(message) {
  console.error("client: FAILED: " + message);
  process.exit(1);
}

async function main() {
  const server = spawn(path.resolve(flowc), ["lsp"], { stdio: ["pipe", "pipe", "inherit"] });
  const connection = rpc.createMessageConnection(
    new rpc.StreamMessageReader(server.stdout),
    new rpc.StreamMessageWriter(server.stdin),
  );
  const published = new Map();
  const waiters = [];
  connection.onNotification(protocol.PublishDiagnosticsNotification.type, (params) => {
    published.set(params.uri, params.diagnostics);
    waiters.splice(0).forEach((wake) => wake());
  });
  connection.listen();
  const nextPublish = (uri, previous) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no diagnostics for " + uri)), 60000);
      const check = () => {
        if (published.has(uri) && published.get(uri) !== previous) {
          clearTimeout(timer);
          resolve(published.get(uri));
        } else {
          waiters.push(check);
        }
      };
      check();
    });

  const init = await connection.sendRequest(protocol.InitializeRequest.type, {
    processId: process.pid,
    rootUri: uriOf(examples),
    capabilities: {
      general: { positionEncodings: ["utf-16"] },
      textDocument: { publishDiagnostics: { relatedInformation: true } },
    },
    workspaceFolders: [{ uri: uriOf(examples), name: "examples" }],
  });
  if (init.capabilities.positionEncoding !== "utf-16") fail("position encoding " + init.capabilities.positionEncoding);
  connection.sendNotification(protocol.InitializedNotification.type, {});

  const files = fs.readdirSync(examples).filter((name) => name.endsWith(".flow")).sort();
  for (const name of files) {
    const file = path.join(examples, name);
    const uri = uriOf(file);
    const previous = published.get(uri);
    connection.sendNotification(protocol.DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: "flow", version: 1, text: fs.readFileSync(file, "utf8") },
    });
    const diagnostics = await nextPublish(uri, previous);
    if (diagnostics.length !== 0) fail(`${name}: ${JSON.stringify(diagnostics)}`);
  }
  console.log(`client: ok: ${files.length} examples open without diagnostics`);

  const claim = path.join(examples, "expense-claim.flow");
  const uri = uriOf(claim);
  const text = fs.readFileSync(claim, "utf8");
  const lines = text.split("\n");
  const line = lines.findIndex((l) => l.includes("owner dept_head"));
  const character = lines[line].indexOf("dept_head");
  const before = published.get(uri);
  connection.sendNotification(protocol.DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line, character }, end: { line, character: character + 9 } }, text: "dept_haed" }],
  });
  const broken = await nextPublish(uri, before);
  const found = broken.find((d) => d.code === "undefined-reference");
  if (!found || found.range.start.line !== line || found.range.start.character !== character) {
    fail("broken line: " + JSON.stringify(broken));
  }
  console.log(`client: ok: the broken line shows "${found.message.split("\n")[0]}" at ${line + 1}:${character + 1}`);

  const hover = await connection.sendRequest(protocol.HoverRequest.type, {
    textDocument: { uri },
    position: { line: lines.findIndex((l) => l.includes("step pay")), character: 8 },
  });
  // The examples' flowc.toml says lang = "zh-Hant": so does the hover.
  if (!hover || !hover.contents.value.includes("**步驟** `pay` 報銷支付")) fail("hover: " + JSON.stringify(hover));
  console.log("client: ok: hover on step `pay`, in the project's language");

  await connection.sendRequest(protocol.ShutdownRequest.type);
  connection.sendNotification(protocol.ExitNotification.type);
  server.on("exit", (code) => {
    if (code !== 0) fail("exit code " + code);
    console.log("client: ok: shutdown");
    process.exit(0);
  });
}

main().catch((error) => fail(error.stack || String(error)));
