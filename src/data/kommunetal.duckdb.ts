// The workspace database: every published table in one read-only DuckDB file (see loaders/workspace-db.ts).
import { emit } from "../../loaders/lib/emit.js";
import { buildWorkspaceDb } from "../../loaders/workspace-db.js";

await emit(buildWorkspaceDb);
