"use strict";
/**
 * Shared test helpers: the placeholder rule used to drive edit flows.
 *
 * The flows that apply edits (editor transaction, folder preview, Vault.process) need the
 * engine to propose edits. When the engine's frontmatter rules fill `created: { { DATE } }`
 * from the `**Date:**` line, the real engine is used; until then `ensurePlaceholderRule`
 * patches the engine instance with exactly that rule, so every plugin code path on top of the
 * engine is still exercised.
 */
const PLACEHOLDER = "{ { DATE } }";

function placeholderEdits(text) {
	const at = text.indexOf(PLACEHOLDER);
	const date = /\*\*Date:\*\*\s*(\d{4}-\d{2}-\d{2})/.exec(text);
	if (at < 0 || !date) return [];
	return [{ start: at, end: at + PLACEHOLDER.length, replacement: date[1], rule: "frontmatter.placeholders", reason: "filled from the Date line" }];
}

/** True when the engine itself fills the placeholder; otherwise patches `engine` to. */
function ensurePlaceholderRule(engine) {
	const probe = "---\ncreated: { { DATE } }\n---\n**Date:** 2025-03-12\n";
	if (engine.check("probe.md", probe).edits.length > 0) return true;
	const check = engine.check.bind(engine);
	engine.check = (path, text) => {
		const report = check(path, text);
		if (report.error) return report;
		return { ...report, edits: [...report.edits, ...placeholderEdits(text)] };
	};
	const fix = engine.fix.bind(engine);
	engine.fix = (path, text) => {
		const result = fix(path, text);
		if (result.error) return result;
		const edits = placeholderEdits(result.text ?? text);
		if (edits.length === 0) return result;
		let out = result.text ?? text;
		for (const e of [...edits].reverse()) out = out.slice(0, e.start) + e.replacement + out.slice(e.end);
		return { ...result, text: out, applied: [...result.applied, ...edits.map(({ rule, reason, replacement }) => ({ rule, reason, replacement }))] };
	};
	return false;
}

module.exports = { ensurePlaceholderRule, PLACEHOLDER };
