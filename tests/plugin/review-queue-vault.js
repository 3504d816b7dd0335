"use strict";
/**
 * A small vault whose review queue holds one of each decision the pane must handle: a misheard
 * name written ten times in five meetings, a hostile "name" (`<img src=x onerror=alert(1)>`)
 * attending two meetings, a note tagged for review, and keys written two ways (a message with
 * backticks). The browser test renders it too; the pane's tests open it with `openQueue`.
 */
const PERSON = "---\ntype: people\ntags: [type/people]\n---\n";
const HOSTILE = "<img src=x onerror=alert(1)>";

function reviewQueueVault() {
	const files = {
		"People/Tobias Fenn.md": `${PERSON}# Tobias Fenn\n`,
		"People/Mara Quist.md": `${PERSON}# Mara Quist\n`,
		"Notes/Vendor call.md": "---\ntags: [needs-review, vendor]\n---\n# Vendor call\n",
		"Notes/Two tags.md": "---\ntags: [a]\nTags: [b]\n---\n",
	};
	for (let i = 1; i <= 5; i++) {
		files[`Meetings/Sync ${i}.md`] = `---\ntype: meeting\nparticipants: [Mara Quist]\n---\n\nWe asked [[Tobias Venn]] about rack ${i}.\n\nLater [[Tobias Venn]] agreed.\n`;
	}
	for (let i = 1; i <= 2; i++) {
		files[`Meetings/Vendor ${i}.md`] = `---\ntype: meeting\nparticipants: [Mara Quist, "${HOSTILE}"]\n---\n`;
	}
	return files;
}

/** The review pane's cards, in order. */
const cards = (view) => [...view.contentEl.querySelectorAll(".vault-curator-card")];

/** Opens the review pane in `app` and renders it. */
async function openQueue(app, plugin) {
	await plugin.activateView("vault-curator-review");
	const view = app.workspace.getLeavesOfType("vault-curator-review")[0].view;
	// In the document, as in Obsidian, so that elements can take the focus.
	if (!view.containerEl.isConnected) activeDocument.body.appendChild(view.containerEl);
	await view.refresh();
	return view;
}

module.exports = { reviewQueueVault, HOSTILE, cards, openQueue };
