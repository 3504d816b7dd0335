"use strict";
/**
 * Obsidian's `Editor` over a plain text buffer.
 *
 * Positions are `{line, ch}` (0-based); `ch` counts UTF-16 code units, as in CodeMirror. A
 * transaction's changes all refer to the document before the transaction (CodeMirror 6
 * semantics) and must not overlap; selections are mapped through them the way CodeMirror maps
 * a cursor: before a change it stays, after it shifts, inside a replaced range it moves to the
 * range's start. Every transaction is recorded in `transactions` for assertions.
 */

class Editor {
	constructor(text = "") {
		this._text = text;
		this._selections = [{ anchor: 0, head: 0 }];
		/** Every transaction applied, with its origin. */
		this.transactions = [];
		this._focused = false;
	}

	getValue() {
		return this._text;
	}

	setValue(content) {
		this._text = String(content);
		this._selections = this._selections.map((s) => ({ anchor: this._clamp(s.anchor), head: this._clamp(s.head) }));
	}

	getLine(line) {
		return this._text.split("\n")[line] ?? "";
	}

	setLine(n, text) {
		this.replaceRange(text, { line: n, ch: 0 }, { line: n, ch: this.getLine(n).length });
	}

	lineCount() {
		return this._text.split("\n").length;
	}

	lastLine() {
		return this.lineCount() - 1;
	}

	getRange(from, to) {
		return this._text.slice(this.posToOffset(from), this.posToOffset(to));
	}

	posToOffset(pos) {
		const lines = this._text.split("\n");
		const line = Math.max(0, Math.min(pos.line, lines.length - 1));
		let offset = 0;
		for (let i = 0; i < line; i++) offset += (lines[i] ?? "").length + 1;
		return offset + Math.max(0, Math.min(pos.ch, (lines[line] ?? "").length));
	}

	offsetToPos(offset) {
		const clamped = this._clamp(offset);
		const before = this._text.slice(0, clamped);
		const line = before.split("\n").length - 1;
		return { line, ch: clamped - (before.lastIndexOf("\n") + 1) };
	}

	getCursor(string = "head") {
		const s = this._selections[0];
		const from = Math.min(s.anchor, s.head);
		const to = Math.max(s.anchor, s.head);
		const offset = { from, to, head: s.head, anchor: s.anchor }[string] ?? s.head;
		return this.offsetToPos(offset);
	}

	setCursor(pos, ch) {
		const p = typeof pos === "number" ? { line: pos, ch: ch ?? 0 } : pos;
		const offset = this.posToOffset(p);
		this._selections = [{ anchor: offset, head: offset }];
	}

	getSelection() {
		const s = this._selections[0];
		return this._text.slice(Math.min(s.anchor, s.head), Math.max(s.anchor, s.head));
	}

	setSelection(anchor, head) {
		this._selections = [{ anchor: this.posToOffset(anchor), head: this.posToOffset(head ?? anchor) }];
	}

	setSelections(ranges, main) {
		this._selections = ranges.map((r) => ({ anchor: this.posToOffset(r.anchor), head: this.posToOffset(r.head ?? r.anchor) }));
		if (main !== undefined && this._selections[main]) this._selections.unshift(...this._selections.splice(main, 1));
	}

	listSelections() {
		return this._selections.map((s) => ({ anchor: this.offsetToPos(s.anchor), head: this.offsetToPos(s.head) }));
	}

	somethingSelected() {
		return this._selections.some((s) => s.anchor !== s.head);
	}

	replaceSelection(replacement, origin) {
		const s = this._selections[0];
		this.transaction(
			{ changes: [{ from: this.offsetToPos(Math.min(s.anchor, s.head)), to: this.offsetToPos(Math.max(s.anchor, s.head)), text: replacement }] },
			origin,
		);
	}

	replaceRange(replacement, from, to, origin) {
		this.transaction({ changes: [{ from, to: to ?? from, text: replacement }] }, origin);
	}

	transaction(tx, origin) {
		const changes = (tx.changes ?? [])
			.map((c) => ({ from: this.posToOffset(c.from), to: this.posToOffset(c.to ?? c.from), text: c.text }))
			.sort((a, b) => a.from - b.from || a.to - b.to);
		for (let i = 0; i < changes.length; i++) {
			const c = changes[i];
			if (c.to < c.from) throw new RangeError(`Invalid change range ${c.from} to ${c.to}`);
			const prev = changes[i - 1];
			if (prev && c.from < prev.to) throw new RangeError("Overlapping changes in one transaction");
		}
		let text = this._text;
		for (const c of [...changes].reverse()) text = text.slice(0, c.from) + c.text + text.slice(c.to);
		const map = (pos) => {
			let shift = 0;
			for (const c of changes) {
				// Before the change, or at an insertion point: the cursor stays before new text.
				if (pos < c.from || (pos === c.from && c.from === c.to)) break;
				// At the start of or inside a replaced range: the cursor moves to its start.
				if (pos < c.to || pos === c.from) return c.from + shift;
				shift += c.text.length - (c.to - c.from);
			}
			return pos + shift;
		};
		this._selections = this._selections.map((s) => ({ anchor: map(s.anchor), head: map(s.head) }));
		this._text = text;
		if (tx.selection) this.setSelection(tx.selection.from, tx.selection.to ?? tx.selection.from);
		if (tx.selections) this.setSelections(tx.selections.map((r) => ({ anchor: r.from, head: r.to ?? r.from })));
		if (tx.replaceSelection !== undefined) this.replaceSelection(tx.replaceSelection);
		this.transactions.push({ tx, origin });
		this._onChange?.();
	}

	wordAt(pos) {
		const offset = this.posToOffset(pos);
		let start = offset;
		let end = offset;
		while (start > 0 && /\w/.test(this._text[start - 1] ?? "")) start--;
		while (end < this._text.length && /\w/.test(this._text[end] ?? "")) end++;
		return start === end ? null : { from: this.offsetToPos(start), to: this.offsetToPos(end) };
	}

	processLines(read, write) {
		const lines = this._text.split("\n");
		const changes = [];
		lines.forEach((line, i) => {
			const result = write(i, line, read(i, line));
			if (result) changes.push(result);
		});
		if (changes.length > 0) this.transaction({ changes });
	}

	focus() {
		this._focused = true;
	}

	blur() {
		this._focused = false;
	}

	hasFocus() {
		return this._focused;
	}

	refresh() {}
	scrollTo() {}
	scrollIntoView() {}
	undo() {}
	redo() {}
	exec() {}

	getScrollInfo() {
		return { top: 0, left: 0 };
	}

	getDoc() {
		return this;
	}

	_clamp(offset) {
		return Math.max(0, Math.min(offset, this._text.length));
	}
}

module.exports = { Editor };
