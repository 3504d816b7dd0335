/**
 * The confirmation before merging two notes of one person: the notes rewritten and why, the
 * properties the two disagree on (the kept note's value stays, the other's is kept in words
 * under "Merged from …"), and that the other note goes to the trash. Cancel or Merge;
 * rendered with `createEl` only.
 */
import { App, Modal, Setting } from "obsidian";
import type { MergePreview } from "../engine";
import { plural } from "./format";

/** Asks whether to do the merge `plan`; resolves true on Merge, false on Cancel or closing. */
export function confirmMerge(app: App, plan: MergePreview): Promise<boolean> {
	return new Promise((resolve) => new MergeModal(app, plan, resolve).open());
}

class MergeModal extends Modal {
	private merge = false;

	constructor(
		app: App,
		private readonly plan: MergePreview,
		private readonly decided: (merge: boolean) => void,
	) {
		super(app);
	}

	onOpen(): void {
		const { contentEl, plan } = this;
		const [keep, gone] = [plan.keepName, plan.goneName];
		this.setTitle(`Merge ${gone} into ${keep}`);
		contentEl.addClass("vault-curator-merge");
		contentEl.createEl("p", { text: `${plural(plan.notes.length, "note is", "notes are")} rewritten, then ${plan.gone} goes to the trash.` });
		const notes = contentEl.createEl("ul", { cls: "vault-curator-merge-notes", attr: { "aria-label": "Notes rewritten" } });
		for (const note of plan.notes) {
			const li = notes.createEl("li");
			li.createDiv({ cls: "vault-curator-merge-path", text: note.path });
			const why = note.path === plan.keep ? `gains what ${gone} says that it does not: names, tags, properties and facts` : `its links to ${gone} point at ${keep}, showing the same text`;
			li.createDiv({ cls: "vault-curator-meta", text: why });
		}
		if (plan.conflicts.length > 0) {
			contentEl.createEl("p", { text: `They disagree on ${plural(plan.conflicts.length, "property", "properties")}: ${keep} keeps its value, and ${gone}'s is written under "Merged from ${gone}".` });
			const conflicts = contentEl.createEl("ul", { cls: "vault-curator-merge-conflicts", attr: { "aria-label": "Conflicts" } });
			for (const words of plan.conflicts) conflicts.createEl("li", { text: words });
		}
		new Setting(contentEl)
			.addButton((button) => button.setButtonText("Cancel").onClick(() => this.close()))
			.addButton((button) =>
				button
					.setButtonText("Merge")
					.setCta()
					.onClick(() => {
						this.merge = true;
						this.close();
					}),
			);
	}

	onClose(): void {
		this.contentEl.empty();
		this.decided(this.merge);
	}
}
