/**
 * The SQL editor: CodeMirror 6 with SQL highlighting and completion of table and column
 * names (a `schema` object built from the workspace database's columns) and keywords.
 * Bare node imports: Framework bundles them from node_modules (no CDN).
 */

import { PostgreSQL, sql } from "@codemirror/lang-sql";
import { EditorView, keymap } from "@codemirror/view";
import { basicSetup } from "codemirror";
import type { SchemaTable } from "./db.js";

export interface SqlEditor {
  view: EditorView;
  value(): string;
  setValue(text: string): void;
  /** insert text at the cursor (or replace the selection) and focus */
  insert(text: string): void;
  /** select a 1-based line (to point at an error) */
  markLine(line: number): void;
}

/** CodeMirror's schema object: table → column names. */
export function completionSchema(schema: SchemaTable[]): Record<string, string[]> {
  return Object.fromEntries(schema.map((t) => [t.name, t.columns.map((c) => c.name)]));
}

export function sqlEditor(
  parent: HTMLElement,
  doc: string,
  options: { schema: SchemaTable[]; onChange?: (text: string) => void; onRun?: () => void; onFocus?: () => void }
): SqlEditor {
  const view = new EditorView({
    doc,
    parent,
    extensions: [
      keymap.of([
        { key: "Mod-Enter", run: () => (options.onRun?.(), true) },
        { key: "Shift-Enter", run: () => (options.onRun?.(), true) }
      ]),
      basicSetup,
      sql({ dialect: PostgreSQL, schema: completionSchema(options.schema), upperCaseKeywords: true }),
      EditorView.updateListener.of((u) => {
        if (u.docChanged) options.onChange?.(u.state.doc.toString());
        if (u.focusChanged && u.view.hasFocus) options.onFocus?.();
      }),
      EditorView.contentAttributes.of({ "aria-label": "SQL" }),
      EditorView.theme({
        "&": { fontSize: "13px", border: "1px solid #ccc", borderRadius: "4px" },
        ".cm-content": { fontFamily: "ui-monospace, monospace" }
      })
    ]
  });
  return {
    view,
    value: () => view.state.doc.toString(),
    setValue(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    insert(text) {
      view.dispatch(view.state.replaceSelection(text));
      view.focus();
    },
    markLine(line) {
      if (line < 1 || line > view.state.doc.lines) return;
      const l = view.state.doc.line(line);
      view.dispatch({ selection: { anchor: l.from, head: l.to }, scrollIntoView: true });
    }
  };
}
