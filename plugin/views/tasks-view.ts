/** The tasks-by-owner view: open tasks of the vault grouped by owner, each opening its line. */
import { WorkspaceLeaf } from "obsidian";
import type { Task } from "../engine";
import type { Indexer } from "../indexer";
import { guarded } from "../errors";
import { openNoteAtLine } from "../open-note";
import { LiveView } from "./live-view";

export const VIEW_TYPE_TASKS = "vault-curator-tasks";

const NO_OWNER = "No owner";
const CLOSED = new Set(["x", "X", "-"]);

/** Open tasks grouped by owner (a task with two owners is listed under both), owners sorted. */
export function groupByOwner(tasks: Task[]): Map<string, Task[]> {
	const groups = new Map<string, Task[]>();
	for (const task of tasks) {
		if (task.status !== undefined && CLOSED.has(task.status)) continue;
		const owners = task.owners && task.owners.length > 0 ? task.owners : [NO_OWNER];
		for (const owner of owners) {
			const list = groups.get(owner) ?? [];
			list.push(task);
			groups.set(owner, list);
		}
	}
	const byDue = (a: Task, b: Task) =>
		(a.due ?? "9999").localeCompare(b.due ?? "9999") || a.path.localeCompare(b.path) || a.line - b.line;
	const owners = [...groups.keys()].sort((a, b) =>
		a === NO_OWNER ? 1 : b === NO_OWNER ? -1 : a.localeCompare(b),
	);
	return new Map(owners.map((owner) => [owner, (groups.get(owner) ?? []).sort(byDue)]));
}

/** The open tasks of the vault, by owner. */
export class TasksByOwnerView extends LiveView {
	constructor(leaf: WorkspaceLeaf, indexer: Indexer) {
		super(leaf, indexer);
	}

	getViewType(): string {
		return VIEW_TYPE_TASKS;
	}

	getDisplayText(): string {
		return "Tasks by owner";
	}

	getIcon(): string {
		return "list-checks";
	}

	protected async render(): Promise<void> {
		const tasks = (await this.indexer.notes()).flatMap(({ file, text }) => this.indexer.engine.tasks(file.path, text));
		const groups = groupByOwner(tasks);
		const el = this.contentEl;
		el.empty();
		if (groups.size === 0) {
			el.createDiv({ cls: "vault-curator-empty", text: "No open tasks." });
			return;
		}
		for (const [owner, list] of groups) {
			const group = el.createDiv({ cls: "vault-curator-group" });
			group.createDiv({ cls: "vault-curator-group-title", text: `${owner} (${list.length})` });
			const ul = group.createEl("ul", { cls: "vault-curator-list" });
			for (const task of list) this.renderTask(ul.createEl("li", { cls: "vault-curator-task" }), task);
		}
	}

	private renderTask(li: HTMLElement, task: Task): void {
		const link = li.createEl("a", { cls: "vault-curator-link", text: task.description ?? `${task.path}:${task.line}` });
		link.addEventListener(
			"click",
			guarded("opening the note", (evt: MouseEvent) => {
				evt.preventDefault();
				return openNoteAtLine(this.app, task.path, task.line);
			}),
		);
		const meta = [task.due ? `due ${task.due}` : null, task.priority && task.priority !== "none" ? task.priority : null, `${task.path}:${task.line}`];
		li.createDiv({ cls: "vault-curator-meta", text: meta.filter((m) => m !== null).join(" · ") });
	}
}
