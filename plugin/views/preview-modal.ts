/** The preview of a folder normalization: each note's diff, then Apply or Cancel. */
import { App, Modal, Setting } from "obsidian";
import type { FolderPlan } from "../commands/normalize-folder";
import { renderDiff } from "./diff";

/** Shows `plan` and calls `onApply` when the user applies it. */
export class PreviewModal extends Modal {
	constructor(
		app: App,
		private readonly folderName: string,
		private readonly plan: FolderPlan,
		private readonly onApply: () => Promise<void>,
	) {
		super(app);
	}

	onOpen(): void {
		const { contentEl, plan } = this;
		this.setTitle(`Normalize frontmatter in ${this.folderName}`);
		contentEl.addClass("vault-curator-preview");
		const count = plan.fixes.length;
		contentEl.createEl("p", { text: `${count} ${count === 1 ? "note" : "notes"} would change.` });
		for (const fix of plan.fixes) {
			const section = contentEl.createDiv({ cls: "vault-curator-preview-note" });
			section.createDiv({ cls: "vault-curator-group-title", text: fix.file.path });
			const reasons = section.createEl("ul", { cls: "vault-curator-reasons" });
			for (const reason of new Set(fix.changes.map((c) => c.reason))) reasons.createEl("li", { text: reason });
			renderDiff(section, fix.original, fix.fixed);
		}
		if (plan.errors.length > 0) {
			const errors = contentEl.createDiv({ cls: "vault-curator-preview-errors" });
			errors.createEl("p", { text: `${plan.errors.length} ${plan.errors.length === 1 ? "note has" : "notes have"} errors and will not change:` });
			const ul = errors.createEl("ul");
			for (const error of plan.errors) {
				ul.createEl("li", { text: `${error.path}${error.line === null ? "" : `:${error.line}`}: ${error.message}` });
			}
		}
		new Setting(contentEl)
			.addButton((button) =>
				button
					.setButtonText("Apply")
					.setCta()
					.onClick(async () => {
						button.setDisabled(true);
						await this.onApply();
						this.close();
					}),
			)
			.addButton((button) => button.setButtonText("Cancel").onClick(() => this.close()));
	}

	onClose(): void {
		this.contentEl.empty();
	}
}
