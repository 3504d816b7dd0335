/**
 * The engine as the rest of the plugin imports it: the client (requests to the engine, in a
 * Web Worker or on the UI thread) and the binding's types. Edit offsets crossing it are JS
 * string indices (the binding converts the engine's UTF-8 byte offsets), so callers hand them
 * straight to `editor.offsetToPos` or `String.prototype.slice`.
 */
export { EngineClient, EngineFailedError, EngineStoppedError, type EngineListener, type RemoteApi } from "./client";
export type { EngineApi, EngineInfo, EngineStats, ProgressEvent } from "./protocol";
export type {
	Action,
	AppliedChange,
	CurrentText,
	Candidate,
	DecisionCard,
	DecisionPage,
	DecisionQuery,
	Edit,
	EntityName,
	FixResult,
	JournalRun,
	KeepCompany,
	Mention,
	MergePreview,
	NewNote,
	NoteEdits,
	NoteMention,
	NoteError,
	NoteReport,
	NoteStat,
	NoteText,
	NoteUpdate,
	NoteWrite,
	Occurrence,
	Place,
	OwnerTasks,
	Progress,
	Resolution,
	ReviewItem,
	ReviewReason,
	RuleInfo,
	Rules,
	RunInfo,
	SectionUpdate,
	Settings,
	SettingsInput,
	StoredRun,
	Task,
	TasksPage,
	TasksQuery,
	UndoPlan,
	WarmStart,
	Weight,
} from "../wasm/curator_wasm";
