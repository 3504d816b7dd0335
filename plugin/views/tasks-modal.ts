/** Lists one note's tasks with owner, due date and priority. */
import { App, Modal } from "obsidian";
import type { Task } from "../engine";

/** A modal listing `tasks` of the note named `title`. */
export class TasksModal extends Modal {
	constructor(
		app: App,
		private readonly title: string,
		private readonly tasks: Task[],
	) {
		super(app);
	}

	onOpen(): void {
		this.setTitle(`Tasks in ${this.title}`);
		const { contentEl } = this;
		contentEl.addClass("vault-curator-tasks-modal");
		if (this.tasks.length === 0) {
			contentEl.createDiv({ cls: "vault-curator-empty", text: "No tasks in this note." });
			return;
		}
		const ul = contentEl.createEl("ul", { cls: "vault-curator-list" });
		for (const task of this.tasks) {
			const li = ul.createEl("li", { cls: "vault-curator-task" });
			li.createSpan({ cls: "vault-curator-status", text: `[${task.status ?? " "}]` });
			li.createSpan({ text: ` ${task.description ?? ""}` });
			const owners = task.owners && task.owners.length > 0 ? task.owners.join(", ") : "no owner";
			const meta = [`owner: ${owners}`, `due: ${task.due ?? "none"}`, `priority: ${task.priority ?? "none"}`, `line ${task.line}`];
			li.createDiv({ cls: "vault-curator-meta", text: meta.join(" · ") });
		}
	}

	onClose(): void {
		this.contentEl.empty();
	}
}
