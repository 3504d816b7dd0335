/** How the side views write numbers. */

/** A probability in words that never rounds to certainty: 0.998 is ">99%", not "100%". */
export const percent = (p: number): string => (p < 1 && p >= 0.995 ? ">99%" : p > 0 && p < 0.005 ? "<1%" : `${Math.round(p * 100)}%`);

/** `n` with its noun: "1 note", "1,234 notes". */
export const plural = (n: number, one: string, many: string): string => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** A note's title: its file name without the folder and `.md`. */
export const titleOf = (path: string): string => (path.split("/").pop() ?? path).replace(/\.md$/, "");
