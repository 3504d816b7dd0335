/**
 * One decision of the review queue as a card: "Nico → Niko Dukic?", how many occurrences in
 * how many notes one answer settles, the candidates ranked with what weighed for each (as
 * Splink's waterfall shows a match score), a few occurrences with their line, and the actions
 * as labelled buttons. Rendered with `createEl` only.
 */
import type { Action, Candidate, DecisionCard, Weight } from "../engine";
import { appendInlineCode } from "./inline-code";
import { percent, plural } from "./format";

/** What a person chose along with an answer. */
export interface AnswerOptions {
	/** Add the written name to the chosen note's `aliases` (offered on accept and pick, off by default). */
	alias: boolean;
}

/** What the card's controls call. */
export interface CardHandlers {
	/** An action button was pressed (`candidate`: the one it is about, for accept and pick). */
	act(card: DecisionCard, action: Action, candidate?: Candidate, options?: AnswerOptions): void;
	/** An occurrence was chosen: open the note at its line. */
	open(path: string, line: number | null): void;
}

/** What each factor of the evidence is about, as the card labels it. */
const FACTOR_LABELS: Record<string, string> = { name: "name", phonetics: "sounds", meeting: "this note", line: "same line", company: "company", credit: "credit" };

/** Button texts, and what the button does for screen readers. */
function actionLabel(action: Action, card: DecisionCard, candidate?: Candidate): { text: string; aria: string } {
	const name = card.name ?? "";
	const who = candidate === undefined ? "" : candidateLabel(candidate, card.candidates);
	switch (action) {
		case "accept":
			return { text: `Accept ${who}`, aria: `Accept: '${name}' is ${who}, everywhere it is written` };
		case "pick":
			return { text: `${who} instead`, aria: `'${name}' is ${who}, everywhere it is written` };
		case "someone_new":
			return { text: "Someone new", aria: `'${name}' is someone new: create their note` };
		case "not_this_person":
			return { text: `Not ${who}`, aria: `'${name}' is not ${who}: never suggest it again` };
		case "not_a_name":
			return { text: "Not a name", aria: `'${name}' is not a name: never ask about it again` };
		case "mark_reviewed":
			return { text: "Mark reviewed", aria: "Mark reviewed: take the needs-review tag off" };
		case "keep_table":
			return { text: `Keep ${card.company?.table ?? "the table's company"}`, aria: `Keep the Contact Information table's company, ${card.company?.table ?? ""}: the tag is rewritten to agree` };
		case "keep_tag":
			return { text: `Keep ${card.company?.tag ?? "the tag"}`, aria: `Keep the tag ${card.company?.tag ?? ""}: the table is rewritten to agree` };
		case "merge": {
			// Named by their paths when the two notes have one title.
			const into = card.merge?.keep ?? "the other note";
			const from = card.merge?.gone ?? "this note";
			return { text: `Merge ${from} into ${into}`, aria: `Merge ${from} into ${into}: see what changes before anything is written` };
		}
		case "open":
			return { text: "Open note", aria: "Open the note at the line" };
		case "skip":
			return { text: "Skip", aria: "Skip: leave it for later" };
	}
}

/** Renders `card` into `parent`; returns the card's element. */
export function renderCard(parent: HTMLElement, card: DecisionCard, handlers: CardHandlers): HTMLElement {
	const el = parent.createEl("section", {
		cls: "vault-curator-card",
		attr: { tabindex: "0", "aria-label": card.title, "data-group": card.group, "data-kind": card.kind },
	});
	el.createEl("h4", { cls: "vault-curator-card-title", text: card.title });
	const counts = card.name !== null ? `${plural(card.mentions, "mention", "mentions")} in ${plural(card.notes, "note", "notes")}` : plural(card.notes, "note", "notes");
	el.createDiv({ cls: "vault-curator-card-counts", text: counts });
	// With candidates, the card shows them and their evidence: the message would repeat both.
	if (card.candidates.length === 0 || card.name === null) appendInlineCode(el.createDiv({ cls: "vault-curator-card-message" }), card.message);
	if (card.candidates.length > 0) renderCandidates(el, card);
	renderOccurrences(el, card, handlers);
	renderActions(el, card, handlers);
	return el;
}

/** How a card names a candidate: its title, or its note's path when another candidate has the same title. */
function candidateLabel(candidate: Candidate, among: Candidate[]): string {
	const twins = among.filter((c) => c.name === candidate.name).length;
	return twins > 1 && candidate.path ? candidate.path : candidate.name;
}

function renderCandidates(el: HTMLElement, card: DecisionCard): void {
	const list = el.createEl("ol", { cls: "vault-curator-candidates", attr: { "aria-label": "Candidates" } });
	card.candidates.forEach((candidate, i) => {
		const li = list.createEl("li", { cls: "vault-curator-candidate" });
		const head = li.createDiv({ cls: "vault-curator-candidate-head" });
		head.createSpan({ cls: "vault-curator-candidate-name", text: candidateLabel(candidate, card.candidates) });
		head.createEl("meter", { attr: { min: "0", max: "1", value: String(candidate.score), "aria-label": `probability ${percent(candidate.score)}` } });
		head.createSpan({ cls: "vault-curator-candidate-score", text: percent(candidate.score) });
		const evidence = candidate.evidence ?? [];
		if (evidence.length > 0) renderEvidence(li, evidence, i === 0);
	});
}

/** The evidence for one candidate: each factor with its weight, for and against. */
function renderEvidence(li: HTMLElement, evidence: Weight[], open: boolean): void {
	const details = li.createEl("details", { cls: "vault-curator-evidence" });
	details.open = open;
	details.createEl("summary", { text: "Why" });
	const rows = details.createEl("ul", { cls: "vault-curator-weights" });
	for (const w of evidence) {
		const sign = w.bits > 0.05 ? "for" : w.bits < -0.05 ? "against" : "neutral";
		const row = rows.createEl("li", { cls: `vault-curator-weight is-${sign}` });
		row.createSpan({ cls: "vault-curator-weight-factor", text: FACTOR_LABELS[w.factor] ?? w.factor });
		row.createSpan({ cls: "vault-curator-weight-bits", text: `${w.bits >= 0 ? "+" : "−"}${Math.abs(w.bits).toFixed(1)}` });
		row.createSpan({ cls: "vault-curator-weight-words", text: w.words });
	}
}

function renderOccurrences(el: HTMLElement, card: DecisionCard, handlers: CardHandlers): void {
	if (card.occurrences.length === 0) return;
	const list = el.createEl("ul", { cls: "vault-curator-occurrences", attr: { "aria-label": "Where" } });
	for (const o of card.occurrences) {
		const li = list.createEl("li");
		const where = o.line === null ? o.path : `${o.path}:${o.line}`;
		const link = li.createEl("a", { cls: "vault-curator-link", text: where, href: "#", attr: { "aria-label": `Open ${where}` } });
		link.addEventListener("click", (evt) => {
			evt.preventDefault();
			handlers.open(o.path, o.line);
		});
		if (o.context) li.createDiv({ cls: "vault-curator-context", text: o.context });
	}
	const more = card.mentions - card.occurrences.length;
	if (card.name !== null && more > 0) el.createDiv({ cls: "vault-curator-meta", text: `and ${plural(more, "more", "more")}` });
}

/** True when accepting `card` could teach Obsidian a new name: a written name no candidate is titled. */
function offersAlias(card: DecisionCard): boolean {
	const name = card.name;
	if (name === null || !card.actions.some((a) => a === "accept" || a === "pick")) return false;
	return card.candidates.some((c) => c.name.localeCompare(name, undefined, { sensitivity: "base" }) !== 0);
}

/**
 * The offer to add the written name to the chosen note's aliases, so that Obsidian's search,
 * unlinked mentions and link suggestions find it: a checkbox, off by default.
 */
function renderAliasOffer(el: HTMLElement, card: DecisionCard): HTMLInputElement | null {
	if (!offersAlias(card)) return null;
	const label = el.createEl("label", { cls: "vault-curator-alias-offer" });
	const box = label.createEl("input", { type: "checkbox", attr: { "data-role": "alias-offer" } });
	box.checked = false;
	label.createSpan({ text: `Also add "${card.name ?? ""}" to the aliases of the note you accept` });
	return box;
}

function renderActions(el: HTMLElement, card: DecisionCard, handlers: CardHandlers): void {
	const alias = renderAliasOffer(el, card);
	const bar = el.createDiv({ cls: "vault-curator-actions" });
	const button = (action: Action, candidate?: Candidate) => {
		const { text, aria } = actionLabel(action, card, candidate);
		const b = bar.createEl("button", { text, attr: { "aria-label": aria, "data-action": action } });
		if (action === "accept" || action === "mark_reviewed" || action === "merge" || (action === "someone_new" && card.kind === "new_entity")) b.addClass("mod-cta");
		const accepts = action === "accept" || action === "pick";
		b.addEventListener("click", () => handlers.act(card, action, candidate, accepts ? { alias: alias?.checked === true } : undefined));
	};
	for (const action of card.actions) {
		if (action === "pick") for (const other of card.candidates.slice(1)) button("pick", other);
		else if (action === "accept" || action === "not_this_person") button(action, card.candidates[0]);
		else button(action);
	}
}
