"use strict";
/**
 * The `obsidian` module as the plugin sees it under test: the parts of the API the plugin uses,
 * implemented after node_modules/obsidian/obsidian.d.ts over a real folder and a happy-dom DOM.
 * Names starting with `_` are harness-only helpers for tests, not Obsidian API.
 */
const { installDom } = require("./dom");

installDom();

const { App, Plugin, MetadataCache, FileManager } = require("./app");
const { Component } = require("./component");
const { Editor } = require("./editor");
const { Events } = require("./events");
const ui = require("./ui");
const { normalizePath, debounce, Platform, setIcon, setTooltip } = require("./util");
const { TAbstractFile, TFile, TFolder, Vault, FileSystemAdapter } = require("./vault");
const { View, ItemView, MarkdownView, WorkspaceLeaf, Workspace } = require("./workspace");

module.exports = {
	App,
	Plugin,
	Component,
	Events,
	Editor,
	MetadataCache,
	FileManager,
	Vault,
	FileSystemAdapter,
	TAbstractFile,
	TFile,
	TFolder,
	Workspace,
	WorkspaceLeaf,
	View,
	ItemView,
	MarkdownView,
	...ui,
	normalizePath,
	debounce,
	Platform,
	setIcon,
	setTooltip,
	apiVersion: "1.13.1",
};
