/**
 * The status bar item that says what automatic enrichment changed — "Curator: enriched 3
 * notes · Undo" — unobtrusively: no Notice, the notes named in its tooltip, and an Undo link
 * that undoes the last run.
 */

/** A note's name as Obsidian shows it: its file name without the folder and `.md`. */
const basename = (path: string) => path.slice(path.lastIndexOf("/") + 1).replace(/\.md$/, "");

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The enrichment status bar item. */
export class EnrichmentStatus {
	/** The notes enriched since the status was last cleared, in order. */
	private readonly notes: string[] = [];

	constructor(
		private readonly el: HTMLElement,
		private readonly undo: () => void,
	) {
		el.addClass("vault-curator-enriched");
		el.hide();
	}

	/** Adds `path` to the notes enriched, and says so. */
	enriched(path: string): void {
		if (!this.notes.includes(path)) this.notes.push(path);
		this.el.empty();
		this.el.show();
		this.el.setAttr("aria-label", `Enriched: ${this.notes.join(", ")}`);
		const what = this.notes.length === 1 ? basename(path) : plural(this.notes.length, "note", "notes");
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
		this.notes.length = 0;
		this.el.empty();
		this.el.show();
		this.el.setAttr("aria-label", null);
		this.el.setText(`Curator: undid ${plural(restored, "note", "notes")}`);
	}

	/** The notes named now. */
	get shown(): readonly string[] {
		return this.notes;
	}
}
