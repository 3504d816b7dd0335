/**
 * "Someone else…": picks the person or organisation a written name is, from the name's own
 * candidates (ranked, with their probability) and then every person and organisation of the
 * vault, by fuzzy search.
 */
import { App, FuzzySuggestModal } from "obsidian";
import type { Candidate, EntityName } from "../engine";
import { percent } from "./format";

/** One choice: an entity, with the engine's probability when it is one of the candidates. */
interface Choice {
	title: string;
	score: number | null;
}

/** A fuzzy picker of the entity `name` is; calls `onChoose` with the chosen title. */
export class EntitySuggestModal extends FuzzySuggestModal<Choice> {
	private readonly choices: Choice[];

	constructor(
		app: App,
		name: string,
		candidates: Candidate[],
		entities: EntityName[],
		/** Left out: the entity the name resolves to now. */
		current: string | null,
		private readonly onChoose: (title: string) => void,
	) {
		super(app);
		this.setPlaceholder(`Who is "${name}"?`);
		const seen = new Set<string>(current === null ? [] : [current]);
		this.choices = [];
		for (const c of candidates) {
			if (seen.has(c.name)) continue;
			seen.add(c.name);
			this.choices.push({ title: c.name, score: c.score });
		}
		for (const e of entities) {
			if (seen.has(e.title)) continue;
			seen.add(e.title);
			this.choices.push({ title: e.title, score: null });
		}
	}

	getItems(): Choice[] {
		return this.choices;
	}

	getItemText(choice: Choice): string {
		return choice.score === null ? choice.title : `${choice.title} (${percent(choice.score)})`;
	}

	onChooseItem(choice: Choice): void {
		this.onChoose(choice.title);
	}
}
