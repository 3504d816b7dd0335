/**
 * The status bar item that says what automatic enrichment changed — "Curator: enriched
 * Weekly sync: placeholders, mojibake · Undo", or "Curator: enriched 3 notes · Undo" with the
 * notes and their rules in its tooltip — unobtrusively (no Notice), and an Undo link that
 * undoes the last run.
 */

/** A note's name as Obsidian shows it: its file name without the folder and `.md`. */
const basename = (path: string) => path.slice(path.lastIndexOf("/") + 1).replace(/\.md$/, "");

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The enrichment status bar item. */
export class EnrichmentStatus {
	/** The notes enriched since the status was last cleared, in order, and the rules that changed each. */
	private readonly notes = new Map<string, Set<string>>();

	constructor(
		private readonly el: HTMLElement,
		private readonly undo: () => void,
	) {
		el.addClass("vault-curator-enriched");
		el.hide();
	}

	/** Adds `path` (changed by `rules`) to the notes enriched, and says so. */
	enriched(path: string, rules: string[]): void {
		const known = this.notes.get(path) ?? new Set<string>();
		for (const rule of rules) known.add(rule);
		this.notes.set(path, known);
		const said = (p: string, r: Set<string>) => (r.size === 0 ? p : `${p}: ${[...r].join(", ")}`);
		this.el.empty();
		this.el.show();
		this.el.setAttr("aria-label", `Enriched:\n${[...this.notes].map(([p, r]) => said(p, r)).join("\n")}`);
		const what = this.notes.size === 1 ? said(basename(path), known) : plural(this.notes.size, "note", "notes");
		this.el.createSpan({ text: `Curator: enriched ${what}` });
		this.el.createSpan({ text: " · " });
		const link = this.el.createEl("a", { cls: "vault-curator-undo", text: "Undo", href: "#" });
		link.setAttr("aria-label", "Undo the last enrichment");
		link.addEventListener("click", (evt) => {
			evt.preventDefault();
			this.undo();
		});
	}

	/** Says what an undo did (and forgets the notes shown). */
	undone(restored: number): void {
		this.notes.clear();
		this.el.empty();
		this.el.show();
		this.el.setAttr("aria-label", null);
		this.el.setText(`Curator: undid ${plural(restored, "note", "notes")}`);
	}
}
