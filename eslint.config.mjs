// Lints the plugin's TypeScript with Obsidian's recommended rules (ESLint core,
// typescript-eslint type-checked rules and the obsidianmd rules).
import { defineConfig, globalIgnores } from "eslint/config";
import obsidianmd from "eslint-plugin-obsidianmd";

export default defineConfig([
	globalIgnores([
		"node_modules/",
		"main.js",
		"examples/",
		"plugin/wasm/",
		"target/",
		"tests/",
		"scripts/",
		"crates/",
		"esbuild.config.mjs",
		"eslint.config.mjs",
	]),
	...obsidianmd.configs.recommended,
	{
		files: ["plugin/**/*.ts"],
		languageOptions: {
			parserOptions: {
				projectService: true,
				tsconfigRootDir: import.meta.dirname,
			},
		},
		rules: {
			// The declarative settings API needs Obsidian 1.13.0; minAppVersion is 1.7.2.
			"obsidianmd/settings-tab/prefer-setting-definitions": "off",
		},
	},
]);
