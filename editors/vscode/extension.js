// The flowc extension: starts `flowc lsp` and hands `.flow` files to it.
//
// Everything about the language (diagnostics, hover, completion,
// navigation, rename, formatting, quick fixes) comes from the server; this
// file only starts it, with the executable named by `flowc.path`, and
// restarts it when that setting changes.
"use strict";

const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

/** @type {LanguageClient | undefined} */
let client;

function serverOptions() {
  const command = vscode.workspace.getConfiguration("flowc").get("path") || "flowc";
  return {
    command,
    args: ["lsp"],
    transport: TransportKind.stdio,
  };
}

async function start(context) {
  client = new LanguageClient(
    "flowc",
    "flowc",
    serverOptions(),
    {
      documentSelector: [{ scheme: "file", language: "flow" }, { scheme: "untitled", language: "flow" }],
      synchronize: {
        fileEvents: vscode.workspace.createFileSystemWatcher("**/{*.flow,flowc.toml}"),
      },
    },
  );
  try {
    await client.start();
  } catch (error) {
    const command = serverOptions().command;
    vscode.window.showErrorMessage(
      `flowc: cannot start \`${command} lsp\` (${error.message}). Install flowc or set "flowc.path".`,
    );
  }
  context.subscriptions.push(client);
}

async function activate(context) {
  await start(context);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration("flowc.path")) {
        if (client) {
          await client.stop();
        }
        await start(context);
      }
    }),
  );
}

async function deactivate() {
  if (client) {
    await client.stop();
  }
}

module.exports = { activate, deactivate };
