import { DuckDBInstance } from "@duckdb/node-api";
const con = await (await DuckDBInstance.create()).connect();
await con.run("ATTACH 'dist/filer/kommunetal.duckdb' AS kt (READ_ONLY)"); await con.run("USE kt");
for (const q of process.argv.slice(2)) console.table((await (await con.runAndReadAll(q)).getRowObjectsJS()));
