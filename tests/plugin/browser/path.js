"use strict";
/** `node:path` for the harness in a browser page: POSIX paths only. */
const join = (...parts) => "/" + parts.join("/").split("/").filter(Boolean).join("/");
module.exports = {
	join,
	dirname: (p) => p.slice(0, p.lastIndexOf("/")) || "/",
	basename: (p) => p.slice(p.lastIndexOf("/") + 1),
};
