/**
 * Text with `backticks` shown as code: each backticked run becomes a `<code>` element, the
 * rest text nodes. Never HTML: a name like `<img src=x onerror=alert(1)>` stays text.
 */

/** Appends `text` to `el`, backticked runs as code. */
export function appendInlineCode(el: HTMLElement, text: string): void {
	const parts = text.split(/`([^`\n]+)`/);
	parts.forEach((part, i) => {
		if (part === "") return;
		if (i % 2 === 1) el.createEl("code", { text: part });
		else el.appendText(part);
	});
}
