/** A line diff rendered with DOM calls: removed lines, added lines, and a little context. */
import { diffLines } from "diff";

/** Unchanged lines shown on each side of a change. */
const CONTEXT = 2;

/** One diff line: `" "` unchanged, `"-"` removed, `"+"` added, `"…"` unchanged lines left out. */
export interface DiffLine {
	kind: " " | "-" | "+" | "…";
	text: string;
}

/** The lines of a diff from `before` to `after`, unchanged runs cut to `CONTEXT` lines. */
export function lineDiff(before: string, after: string): DiffLine[] {
	const parts = diffLines(before, after);
	const lines: DiffLine[] = [];
	parts.forEach((part, i) => {
		const kind = part.added ? "+" : part.removed ? "-" : " ";
		const texts = part.value.replace(/\r?\n$/, "").split(/\r?\n/);
		if (kind !== " ") {
			for (const text of texts) lines.push({ kind, text });
			return;
		}
		const head = i === 0 ? [] : texts.slice(0, CONTEXT);
		const tail = i === parts.length - 1 ? [] : texts.slice(-CONTEXT);
		const skipped = texts.length - head.length - tail.length;
		if (skipped <= 1) {
			for (const text of texts) lines.push({ kind, text });
			return;
		}
		for (const text of head) lines.push({ kind, text });
		lines.push({ kind: "…", text: `${skipped} unchanged ${skipped === 1 ? "line" : "lines"}` });
		for (const text of tail) lines.push({ kind, text });
	});
	return lines;
}

/** Renders the diff from `before` to `after` into `parent`. */
export function renderDiff(parent: HTMLElement, before: string, after: string): HTMLElement {
	const pre = parent.createEl("pre", { cls: "vault-curator-diff" });
	for (const line of lineDiff(before, after)) {
		const cls =
			line.kind === "+"
				? "vault-curator-diff-added"
				: line.kind === "-"
					? "vault-curator-diff-removed"
					: "vault-curator-diff-context";
		pre.createDiv({ cls, text: line.kind === "…" ? `… ${line.text}` : `${line.kind} ${line.text}` });
	}
	return pre;
}
