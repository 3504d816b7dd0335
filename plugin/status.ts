/**
 * The status bar line that shows the index being built: "Curator: indexing 3,400/10,000"
 * while notes are read and indexed, "Curator: checking 3,400/10,000" while the engine computes
 * every note's results; empty once the engine has caught up.
 */
import type { Progress } from "./engine";

const count = (n: number) => n.toLocaleString("en-US");

/** The status bar item, fed by the indexer (notes read) and the engine (its progress). */
export class IndexStatus {
	/** Notes read and handed to the engine, and how many there are, while the vault is read. */
	private reading: { done: number; total: number } | null = null;
	private progress: Progress | null = null;

	constructor(private readonly el: HTMLElement) {
		el.addClass("vault-curator-status");
	}

	/** While the vault is read: `done` of `total` notes handed to the engine (null when done). */
	setReading(reading: { done: number; total: number } | null): void {
		this.reading = reading;
		this.show();
	}

	/** The engine's latest progress. */
	setProgress(progress: Progress): void {
		this.progress = progress;
		this.show();
	}

	/** Says the engine is off. */
	setOff(): void {
		this.el.setText("Curator: off");
	}

	private show(): void {
		this.el.setText(this.text());
	}

	private text(): string {
		const { reading, progress } = this;
		if (reading) return `Curator: indexing ${count(reading.done)}/${count(reading.total)}`;
		if (!progress) return "";
		if (progress.staged > 0) {
			const total = progress.notes + progress.staged;
			return `Curator: indexing ${count(progress.notes)}/${count(total)}`;
		}
		if (progress.stale > 0) return `Curator: checking ${count(progress.notes - progress.stale)}/${count(progress.notes)}`;
		return "";
	}
}
