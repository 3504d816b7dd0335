/**
 * The preview of enriching a folder: each note's diff with a checkbox to leave it out, and
 * Apply and Cancel in a bar that stays in view above the diffs (no scrolling to reach them).
 * Long lines wrap (styles.css), so a fix at the end of a line is visible.
 */
import { App, ButtonComponent, Modal, Setting } from "obsidian";
import type { FolderPlan, PlannedFix } from "../commands/enrich-folder";
import { renderDiff } from "./diff";

const notes = (n: number) => `${n} ${n === 1 ? "note" : "notes"}`;

/** Shows `plan` and calls `onApply` with the fixes the user kept. */
export class PreviewModal extends Modal {
	constructor(
		app: App,
		private readonly title: string,
		private readonly plan: FolderPlan,
		private readonly onApply: (kept: PlannedFix[]) => Promise<void>,
	) {
		super(app);
	}

	onOpen(): void {
		const { contentEl, plan } = this;
		this.setTitle(this.title);
		contentEl.addClass("vault-curator-preview");
		contentEl.createEl("p", { text: `${notes(plan.fixes.length)} would change.` });
		const kept = new Set(plan.fixes);

		const bar = contentEl.createDiv({ cls: "vault-curator-preview-actions" });
		const count = bar.createSpan({ cls: "vault-curator-preview-count" });
		let apply: ButtonComponent | null = null;
		const update = () => {
			count.setText(kept.size === plan.fixes.length ? `All ${notes(kept.size)} selected` : `${kept.size} of ${notes(plan.fixes.length)} selected`);
			apply?.setDisabled(kept.size === 0);
		};
		new Setting(bar)
			.addButton((button) => {
				apply = button;
				button
					.setButtonText("Apply")
					.setCta()
					.onClick(async () => {
						button.setDisabled(true);
						await this.onApply(plan.fixes.filter((fix) => kept.has(fix)));
						this.close();
					});
			})
			.addButton((button) => button.setButtonText("Cancel").onClick(() => this.close()));
		update();

		for (const fix of plan.fixes) {
			const section = contentEl.createDiv({ cls: "vault-curator-preview-note" });
			const label = section.createEl("label", { cls: "vault-curator-group-title" });
			const box = label.createEl("input", { type: "checkbox" });
			box.checked = true;
			box.setAttr("aria-label", `Apply to ${fix.file.path}`);
			box.addEventListener("change", () => {
				if (box.checked) kept.add(fix);
				else kept.delete(fix);
				section.toggleClass("is-left-out", !box.checked);
				update();
			});
			label.createSpan({ text: fix.file.path });
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
	}

	onClose(): void {
		this.contentEl.empty();
	}
}
