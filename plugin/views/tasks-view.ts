/**
 * The tasks-by-owner view: the vault's open tasks grouped by owner, each opening its line. A
 * page of owners at a time, each with its soonest tasks; "Show all" lists the rest of an owner's.
 */
import { WorkspaceLeaf } from "obsidian";
import type { OwnerTasks, Task, TasksPage } from "../engine";
import { guarded } from "../errors";
import type { CuratorHost } from "../host";
import { openNoteAtLine } from "../open-note";
import { LiveView } from "./live-view";

export const VIEW_TYPE_TASKS = "vault-curator-tasks";

/** Owners shown at first, and added by "Show more". */
const OWNERS_PAGE = 50;
/** Tasks shown per owner until the reader asks for all. */
const TASKS_PER_OWNER = 10;

const NO_OWNER = "No owner";

/** The group's title: the owner, or "No owner". */
function ownerLabel(group: OwnerTasks): string {
	return group.owner ?? NO_OWNER;
}

/** The open tasks of the vault, by owner. */
export class TasksByOwnerView extends LiveView<TasksPage> {
	/** How many owners the reader has asked to see. */
	private owners = OWNERS_PAGE;
	/** Owners (by title) whose every task the reader asked to see. */
	private readonly expanded = new Set<string>();

	constructor(leaf: WorkspaceLeaf, host: CuratorHost) {
		super(leaf, host);
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

	protected async query(): Promise<TasksPage> {
		const { engine } = this.host;
		const page = await engine.tasksByOwner({ groups: this.owners, limit: TASKS_PER_OWNER });
		const groups = await Promise.all(
			page.groups.map(async (group, i) => {
				if (group.count === group.tasks.length || !this.expanded.has(ownerLabel(group))) return group;
				const all = await engine.tasksByOwner({ offset: page.offset + i, groups: 1 });
				return all.groups[0] ?? group;
			}),
		);
		return { ...page, groups };
	}

	protected async render(page: TasksPage, el: HTMLElement): Promise<void> {
		if (page.total === 0) {
			el.createDiv({ cls: "vault-curator-empty", text: "No open tasks." });
			return;
		}
		await this.renderEach(page.groups, (group) => {
			const title = ownerLabel(group);
			const div = el.createDiv({ cls: "vault-curator-group" });
			div.createDiv({ cls: "vault-curator-group-title", text: `${title} (${group.count})` });
			const ul = div.createEl("ul", { cls: "vault-curator-list" });
			for (const task of group.tasks) this.renderTask(ul.createEl("li", { cls: "vault-curator-task" }), task);
			if (group.count > group.tasks.length) {
				const all = div.createEl("button", { cls: "vault-curator-more", text: `Show all ${group.count}` });
				all.addEventListener(
					"click",
					guarded("showing the tasks", () => {
						this.expanded.add(title);
						return this.refresh();
					}),
				);
			}
		});
		const more = page.total - page.groups.length;
		if (more > 0) {
			const button = el.createEl("button", { cls: "vault-curator-more", text: `Show ${Math.min(more, OWNERS_PAGE)} more owners of ${more}` });
			button.addEventListener(
				"click",
				guarded("showing more", () => {
					this.owners = page.groups.length + OWNERS_PAGE;
					return this.refresh();
				}),
			);
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
