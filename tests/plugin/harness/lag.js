"use strict";
/**
 * Measures how long the UI thread (Node's event loop, where the plugin runs) was blocked at a
 * time: a timer asks to run every millisecond, and each gap between two runs is a stretch the
 * thread was busy. Node's garbage collector pauses are recorded too (the harness's DOM,
 * happy-dom, makes far more garbage than a browser's), so a stretch is reported both as
 * measured and with the collector's pauses inside it taken out: the time the code ran.
 */
const { PerformanceObserver } = require("node:perf_hooks");

/** Starts measuring; `stop()` returns `{ longest, longestCode }` in milliseconds. */
function lagProbe() {
	const pauses = [];
	const record = (entries) => {
		for (const entry of entries) pauses.push({ start: entry.startTime, end: entry.startTime + entry.duration });
	};
	const observer = new PerformanceObserver((list) => record(list.getEntries()));
	observer.observe({ entryTypes: ["gc"] });
	const gaps = [];
	let last = performance.now();
	let timer = null;
	const tick = () => {
		const now = performance.now();
		gaps.push({ start: last, end: now });
		last = now;
		timer = setTimeout(tick, 1);
	};
	timer = setTimeout(tick, 1);
	return {
		stop() {
			clearTimeout(timer);
			record(observer.takeRecords());
			observer.disconnect();
			let longest = 0;
			let longestCode = 0;
			for (const gap of gaps) {
				const length = gap.end - gap.start;
				let collecting = 0;
				for (const pause of pauses) collecting += Math.max(0, Math.min(gap.end, pause.end) - Math.max(gap.start, pause.start));
				longest = Math.max(longest, length);
				longestCode = Math.max(longestCode, length - collecting);
			}
			return { longest, longestCode };
		},
	};
}

module.exports = { lagProbe };
