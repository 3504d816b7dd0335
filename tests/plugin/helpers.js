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


const PRIORITIES = { "🔺": "highest", "⏫": "high", "🔼": "medium", "🔽": "low", "⏬": "lowest" };

function simpleTasks(path, text) {
	const tasks = [];
	text.split("\n").forEach((line, i) => {
		const m = /^\s*- \[(.)\] (.*)$/.exec(line);
		if (!m) return;
		const owners = [...m[2].matchAll(/@([A-Z]\w+ [A-Z]\w+)/g)].map((o) => o[1]);
		const due = /📅 (\d{4}-\d{2}-\d{2})/.exec(m[2]);
		const priority = Object.entries(PRIORITIES).find(([sign]) => m[2].includes(sign));
		const description = m[2].split(/ @| [🔺⏫🔼🔽⏬📅✅]/u)[0].trim();
		tasks.push({ path, line: i + 1, status: m[1], description, owners, priority: priority ? priority[1] : "none", due: due ? due[1] : null });
	});
	return tasks;
}

/** True when the engine extracts tasks with owners; otherwise patches `engine` with a simple extractor. */
function ensureTaskExtraction(engine) {
	const probe = engine.tasks("probe.md", "- [ ] Probe @Ada Lovelace 📅 2025-01-01\n");
	if (probe.length > 0 && probe[0].owners) return true;
	engine.tasks = simpleTasks;
	return false;
}

/**
 * Patches `engine` so that `path` has one uncertain mention of `text` (line `line`) with
 * `candidate` as the suggestion, as the entity rules report them.
 */
function fakeUncertainMention(engine, { path, line, text, candidate }) {
	const check = engine.check.bind(engine);
	engine.check = (p, t) => {
		const report = check(p, t);
		if (p !== path) return report;
		const item = { path, line, reason: "uncertain_mention", message: `${text} may be ${candidate}`, candidates: [{ name: candidate, score: 0.8 }] };
		return { ...report, review: [...report.review, item] };
	};
	const mentions = engine.mentions.bind(engine);
	engine.mentions = (p, t) => {
		const real = mentions(p, t);
		if (p !== path) return real;
		const mention = { path, line, text, kind: "text", resolved: candidate, decision: "review", confidence: 0.8, candidates: [{ name: candidate, score: 0.8 }], reasons: ["one letter differs"] };
		return [...real, mention];
	};
}

module.exports = { ensurePlaceholderRule, ensureTaskExtraction, fakeUncertainMention, PLACEHOLDER };
